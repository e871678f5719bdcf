/* db.c — opening the store: pragmas, hardening, collation, statement cache. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "core/db_priv.h"
#include "i18n.h"
#include "core/lemma.h"
#include "text/plfold.h"
#include "text/strbuf.h"

/* The statement cache starts with room for this many and doubles when half full. */
#define STMT_CACHE_FIRST 256

/* A prepared statement of the cache, under the address of its static SQL text. */
typedef struct {
	const char *sql;
	sqlite3_stmt *st;
} stmt_slot;

struct db {
	sqlite3 *h;
	char *path;
	bool readonly;
	bool immutable; /* opened as an unchanging file (see db_open) */
	/* Waiting for another writer (our own busy handler, not sqlite3_busy_timeout, so
	 * that whoever waits can be told): the limit in ms, when this wait began, and who
	 * hears about a long one. */
	int wait_limit_ms;
	int64_t wait_started_ms, wait_told_ms, wait_last_ms;
	db_wait_fn wait_fn;
	void *wait_arg;
	db_trace_fn trace_fn;
	void *trace_arg;
	/* Between db_begin and db_commit/db_rollback. SQLite rolls a transaction back by
	 * itself after some errors (out of memory, I/O, a full disk); from then on each
	 * statement would commit on its own, so nothing more may run (see tx_lost). */
	bool in_tx;
	bool committing; /* our own COMMIT is running: the commit hook lets it through */
	/* db_set_origin(): the person behind the account, for the audit log. */
	char origin_login[160], origin_client[64];
	lemmatizer *lz; /* the search tokenizer's cache (lemma.c) */
	int post_limit; /* posts a minute per account (forum.c), 0: no limit */
	/* Every distinct query asked for, prepared once and kept until db_close (callers
	 * hold the statements they were given): open addressing by the text's address,
	 * grown by doubling, so no count of queries can run it out. */
	stmt_slot *cache;
	size_t cache_cap, cache_n;
};

sqlite3 *db_handle(db *d) { return d->h; }

void db_set_post_limit(db *d, int per_minute) { d->post_limit = per_minute > 0 ? per_minute : 0; }
int db_post_limit(const db *d) { return d->post_limit; }

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite calls this while another connection holds the lock. Sleeps in short steps up
 * to the limit; after DB_WAIT_TELL_MS the waiter hears about it about every 250 ms (the
 * full-screen application shows it). count is 0 at the start of most waits, but SQLite
 * does not reset it for every kind (reading the schema while preparing a statement): a
 * call long after the previous one is a new wait too. */
#define DB_WAIT_TELL_MS 400
static int busy_wait(void *arg, int count)
{
	db *d = arg;
	int64_t now = mono_ms();
	if (count == 0 || now - d->wait_last_ms > 200)
		d->wait_started_ms = now, d->wait_told_ms = 0;
	d->wait_last_ms = now;
	int64_t waited = now - d->wait_started_ms;
	if (waited >= d->wait_limit_ms)
		return 0;
	if (d->wait_fn && waited >= DB_WAIT_TELL_MS && now - d->wait_told_ms >= 250) {
		d->wait_told_ms = now;
		d->wait_fn(d->wait_arg, (int)waited, d->wait_limit_ms);
	}
	int step = count < 4 ? 2 : count < 10 ? 10 : 25;
	if (waited + step > d->wait_limit_ms)
		step = (int)(d->wait_limit_ms - waited);
	sqlite3_sleep(step > 0 ? step : 1);
	return 1;
}

int db_set_wait_limit(db *d, int ms)
{
	int old = d->wait_limit_ms;
	d->wait_limit_ms = ms > 0 ? ms : 0;
	return old;
}

void db_set_wait_notify(db *d, db_wait_fn fn, void *arg)
{
	d->wait_fn = fn;
	d->wait_arg = arg;
}
static int on_trace(unsigned what, void *arg, void *p, void *x)
{
	db *d = arg;
	(void)x;
	if (what == SQLITE_TRACE_STMT && d->trace_fn)
		d->trace_fn(d->trace_arg, sqlite3_sql(p));
	return 0;
}

void db_set_trace(db *d, db_trace_fn fn, void *arg)
{
	d->trace_fn = fn, d->trace_arg = arg;
	sqlite3_trace_v2(d->h, fn ? SQLITE_TRACE_STMT : 0, fn ? on_trace : NULL, d);
}

const char *db_path(const db *d) { return d->path; }
const char *db_origin_login(const db *d) { return d->origin_login; }
const char *db_origin_client(const db *d) { return d->origin_client; }

void db_set_origin(db *d, const char *unix_login, const char *client)
{
	snprintf(d->origin_login, sizeof d->origin_login, "%s", unix_login ? unix_login : "");
	snprintf(d->origin_client, sizeof d->origin_client, "%s", client ? client : "");
}
bool db_is_readonly(const db *d) { return d->readonly; }

static bool tx_lost(db *d, error *e);

status db_fail(db *d, int rc, error *e, const char *what)
{
	const char *detail = d && d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc);
	/* A statement that would have committed alone after SQLite rolled our change back
	 * (veto_stray_commit): the change is lost, which is what to say. */
	if (d && d->h && rc == SQLITE_CONSTRAINT_COMMITHOOK && tx_lost(d, e))
		return e ? e->code : ST_IO;
	/* A write refused: past a file size limit (ulimit -f: EFBIG), on a full disk or over
	 * a quota. SQLite does not always keep the errno (a failed COMMIT has rolled back). */
	int sys = d && d->h ? sqlite3_system_errno(d->h) : 0;
	if (rc == SQLITE_IOERR_WRITE ||
	    ((rc & 0xff) == SQLITE_IOERR && (sys == EFBIG || sys == ENOSPC || sys == EDQUOT)))
		return err_set(e, ST_IO, _("%s: cannot write the database file: the disk may be full "
		                           "or the file at its size limit; nothing was saved"), what);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ST_BUSY, _("%s: the database is busy (another user is writing); "
		                             "try again in a moment"), what);
	case SQLITE_READONLY:
		return err_set(e, ST_READONLY, _("%s: the database is read-only"), what);
	case SQLITE_FULL:
		return err_set(e, ST_IO, _("%s: the disk is full; nothing was saved"), what);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return err_set(e, ST_IO, _("%s: cannot read or write the database file (%s)"), what, detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		/* Name the file also when the damage shows only later, on some query. */
		if (d && d->path && strcmp(what, d->path) != 0)
			return err_set(e, ST_CORRUPT, _("%s: the database file %s is damaged or is not "
			                                "an empirie database (%s)"), what, d->path, detail);
		return err_set(e, ST_CORRUPT, _("%s: the database file is damaged or is not an "
		                                "empirie database (%s)"), what, detail);
	case SQLITE_NOMEM:
		return err_set(e, ST_INTERNAL, _("%s: out of memory"), what);
	case SQLITE_CONSTRAINT:
		return err_set(e, ST_INVALID, _("%s: the change breaks a rule of the directory (%s)"),
		               what, detail);
	default:
		return err_set(e, ST_INTERNAL, _("%s: database error (%s)"), what, detail);
	}
}

/* The transaction we began is gone: SQLite rolled it back after an error that the code
 * in between may not have seen (a failed read looks like "no row"). */
static bool tx_lost(db *d, error *e)
{
	if (!d->in_tx || !sqlite3_get_autocommit(d->h))
		return false;
	int rc = sqlite3_extended_errcode(d->h);
	if (rc == SQLITE_OK || rc == SQLITE_CONSTRAINT_COMMITHOOK) /* the cause has gone by */
		err_set(e, ST_IO, _("The change was cut short by an error and nothing of it was "
		                    "saved; try again"));
	else
		err_set(e, ST_IO, _("The change was cut short by an error (%s) and nothing of it was "
		                    "saved; try again"),
		        sqlite3_errstr(rc));
	return true;
}

static size_t stmt_home(const char *sql, size_t cap)
{
	return ((uintptr_t)sql >> 3) % cap;
}

/* The cache with room for twice as many; false when memory runs out. */
static bool stmt_cache_grow(db *d)
{
	size_t cap = d->cache_cap ? d->cache_cap * 2 : STMT_CACHE_FIRST;
	stmt_slot *t = calloc(cap, sizeof *t);
	if (!t)
		return false;
	for (size_t i = 0; i < d->cache_cap; i++) {
		if (!d->cache[i].sql)
			continue;
		size_t k = stmt_home(d->cache[i].sql, cap);
		while (t[k].sql)
			k = (k + 1) % cap;
		t[k] = d->cache[i];
	}
	free(d->cache);
	d->cache = t;
	d->cache_cap = cap;
	return true;
}

sqlite3_stmt *db_stmt(db *d, const char *sql, error *e)
{
	if (tx_lost(d, e))
		return NULL;
	if (d->cache_n * 2 >= d->cache_cap && !stmt_cache_grow(d)) {
		err_oom(e);
		return NULL;
	}
	size_t k = stmt_home(sql, d->cache_cap);
	for (; d->cache[k].sql; k = (k + 1) % d->cache_cap)
		if (d->cache[k].sql == sql) {
			sqlite3_reset(d->cache[k].st);
			sqlite3_clear_bindings(d->cache[k].st);
			return d->cache[k].st;
		}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(d, rc, e, _("Preparing a query"));
		return NULL;
	}
	d->cache[k] = (stmt_slot){ sql, st };
	d->cache_n++;
	return st;
}

/* The commit hook: while a change of ours is open (db_begin), only db_commit may commit.
 * Once SQLite has rolled the transaction back by itself (out of memory, I/O), any later
 * statement would commit alone: a search entry without its post. Such a commit is turned
 * into a rollback here, whatever path ran the statement; db_commit then reports it. */
static int veto_stray_commit(void *arg)
{
	const db *d = arg;
	return d->in_tx && !d->committing;
}

status db_begin(db *d, error *e)
{
	if (d->readonly)
		return err_set(e, ST_READONLY, _("This database is open read-only; changes cannot be saved"));
	int rc = sqlite3_exec(d->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(d, rc, e, _("Starting a change"));
	d->in_tx = true;
	return ST_OK;
}

status db_commit(db *d, error *e)
{
	if (tx_lost(d, e)) {
		d->in_tx = false;
		return e ? e->code : ST_IO;
	}
	d->committing = true;
	int rc = sqlite3_exec(d->h, "COMMIT", NULL, NULL, NULL);
	d->committing = false;
	if (rc == SQLITE_OK) {
		d->in_tx = false;
		return ST_OK;
	}
	status s = db_fail(d, rc, e, _("Saving the change"));
	db_rollback(d);
	return s;
}

void db_rollback(db *d)
{
	d->in_tx = false;
	if (!sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

void db_now(char *buf, size_t n)
{
	const char *fixed = getenv("EMPIRIE_NOW");
	if (fixed && *fixed) {
		snprintf(buf, n, "%s", fixed);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *db_col_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return strdup(s ? (const char *)s : "");
}

void db_bind_named(sqlite3_stmt *st, const char *param, const char *v)
{
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, param), v ? v : "", -1,
	                  SQLITE_STATIC);
}

void db_bind_named_int(sqlite3_stmt *st, const char *param, int64_t v)
{
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, param), v);
}

int64_t db_lookup_id(db *d, const char *sql, const char *text, int number)
{
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	int64_t id = 0;
	if (!st)
		return 0;
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(st, 1, number);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

status db_find_id(db *d, const char *sql, const char *text, int64_t *id, const char *what,
                  error *e)
{
	*id = 0;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, what);
}

int db_grow(void **items, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = realloc(*items, ncap * size);
	if (!p)
		return -1;
	*items = p;
	*cap = ncap;
	return 0;
}

int64_t db_data_version(db *d)
{
	int64_t v = 0;
	sqlite3_stmt *st = db_stmt(d, "PRAGMA data_version", NULL);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}


status db_meta_read(db *d, const char *key, char **out, const char *what, error *e)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	*out = NULL;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !(*out = db_col_dup(st, 0)))
		rc = SQLITE_NOMEM;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, what);
}

char *db_meta_get(db *d, const char *key)
{
	char *v;
	db_meta_read(d, key, &v, "", NULL);
	return v;
}

status db_step_done(db *d, sqlite3_stmt *st, const char *what, bool *changed, error *e)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (changed)
		*changed = rc == SQLITE_DONE && sqlite3_changes(d->h) > 0;
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, what);
}

status db_exec(db *d, const char *sql, const char *what, error *e)
{
	int rc = sqlite3_exec(d->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ST_OK : db_fail(d, rc, e, what);
}

status db_meta_set(db *d, const char *key, const char *value, const char *what, error *e)
{
	static const char sql[] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	return db_step_done(d, st, what, NULL, e);
}

/* SQL function plfold(text): the Polish search folding, for SQL that compares folded
 * names (directory.c) and for the migrations that filled the index (schema.c). */
static void sql_plfold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = pl_fold(s, (size_t)sqlite3_value_bytes(argv[0]));
	if (!f)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, f, -1, free);
}

static int sql_collate_pl(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return pl_collate(a, (size_t)alen, b, (size_t)blen);
}

static bool pragma_is(db *d, const char *sql, const char *want)
{
	sqlite3_stmt *st = NULL;
	bool is = false;
	if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		is = sqlite3_strnicmp((const char *)sqlite3_column_text(st, 0), want, (int)strlen(want) + 1) == 0;
	sqlite3_finalize(st);
	return is;
}

static status db_configure(db *d, error *e)
{
	int on;
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_db_config(d->h, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	sqlite3_db_config(d->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
	sqlite3_db_config(d->h, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &on);
	sqlite3_db_config(d->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
	/* Both are pure functions of their input, so the schema may use them even with
	 * trusted_schema off. */
	if (sqlite3_create_function(d->h, "plfold", 1,
	                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                            NULL, sql_plfold, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_collation(d->h, "PL", SQLITE_UTF8, NULL, sql_collate_pl) != SQLITE_OK ||
	    (!d->lz && !(d->lz = lemma_attach(d->h, d->readonly))))
		return db_fail(d, sqlite3_errcode(d->h), e, _("Opening the database"));
	const char *pragmas = d->readonly
		? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;"
		: "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
	int rc = sqlite3_exec(d->h, pragmas, NULL, NULL, NULL);
	/* Switching to WAL takes a lock: only the first opener of the file does it. */
	if (rc == SQLITE_OK && !d->readonly && !pragma_is(d, "PRAGMA journal_mode", "wal"))
		rc = sqlite3_exec(d->h, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(d, rc, e, _("Opening the database"));
	return ST_OK;
}

static int pragma_int(db *d, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static status db_check_identity(db *d, bool is_new, error *e)
{
	/* One statement, so one snapshot: another process may be creating the file right
	 * now, and the stamp and the tables arrive in the same commit. */
	int app = -1, tables = -1;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(d->h, "SELECT (SELECT application_id FROM pragma_application_id),"
	                       " (SELECT count(*) FROM sqlite_schema)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		app = sqlite3_column_int(st, 0);
		tables = sqlite3_column_int(st, 1);
	}
	int rc = sqlite3_errcode(d->h);
	sqlite3_finalize(st);
	if (app < 0 || tables < 0)
		return db_fail(d, rc, e, d->path);
	if (app == EMPIRIE_APPLICATION_ID)
		return ST_OK;
	if (app == 0 && tables == 0) {
		if (d->readonly && !is_new)
			return err_set(e, ST_CORRUPT, _("%s: the file is empty, not an empirie database"), d->path);
		return ST_OK; /* a new, empty file: schema_migrate() stamps it */
	}
	return err_set(e, ST_CORRUPT, _("%s: this file is an SQLite database of another program, "
	                                "not an empirie database; it was not changed"), d->path);
}

/* The folder of path, newly allocated ("." for a bare name). */
static char *dir_of(const char *path)
{
	char *dir = strdup(path);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	else if (dir)
		strcpy(dir, ".");
	return dir;
}

static bool writable_dir(const char *path)
{
	char *dir = dir_of(path);
	bool ok = !dir || access(dir, W_OK | X_OK) == 0;
	free(dir);
	return ok;
}

/* Whether we may write the file and create files beside it (the journal). */
/* A read-only copy keeps read marks for the session: a temporary read_state in memory,
 * filled from the stored one. SQLite looks a plain name up in "temp" before "main", so
 * every query (unread counts, forum_mark_read) uses it without knowing; it goes with the
 * connection. Made before any statement is prepared. */
status db_session_marks_open(db *d, error *e)
{
	static const char sql[] =
		"PRAGMA temp_store=MEMORY; PRAGMA query_only=OFF;"
		"CREATE TEMP TABLE read_state ("
		"  account_id INTEGER NOT NULL, thread_id INTEGER NOT NULL,"
		"  network_id INTEGER NOT NULL, read_count INTEGER NOT NULL DEFAULT 0,"
		"  last_read_id INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (account_id, thread_id)"
		") WITHOUT ROWID;"
		"CREATE INDEX temp.read_state_network ON read_state(account_id, network_id);"
		"INSERT INTO temp.read_state SELECT account_id, thread_id, network_id, read_count,"
		"  last_read_id FROM main.read_state;"
		"PRAGMA query_only=ON;";
	int rc = sqlite3_exec(d->h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_exec(d->h, "PRAGMA query_only=ON", NULL, NULL, NULL);
		return db_fail(d, rc, e, _("Opening the database"));
	}
	return ST_OK;
}

status db_session_writes(db *d, bool allow, error *e)
{
	if (!d->readonly)
		return ST_OK;
	int rc = sqlite3_exec(d->h, allow ? "PRAGMA query_only=OFF" : "PRAGMA query_only=ON",
	                      NULL, NULL, NULL);
	return rc == SQLITE_OK ? ST_OK : db_fail(d, rc, e, _("Saving what you have read"));
}

static bool writable_place(const char *path)
{
	return access(path, W_OK) == 0 && writable_dir(path);
}

static bool read_only_medium(const char *path)
{
	struct statvfs vfs;
	return statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
}

/* Bytes 18 and 19 of the header are 2 in a WAL database. */
static bool is_wal_file(const char *path)
{
	unsigned char hdr[20];
	FILE *f = fopen(path, "rb");
	bool wal = f && fread(hdr, 1, sizeof hdr, f) == sizeof hdr && hdr[18] == 2 && hdr[19] == 2;
	if (f)
		fclose(f);
	return wal;
}

static bool wal_has_data(const char *path)
{
	char *wal = str_printf("%s-wal", path);
	struct stat sb;
	/* Out of memory: "it may have data", the careful answer. */
	bool has = !wal || (stat(wal, &sb) == 0 && sb.st_size > 0);
	free(wal);
	return has;
}

/* "file:/path?QUERY", the path percent-encoded where a URI needs it. */
static char *file_uri(const char *path, const char *query)
{
	strbuf u = STRBUF_INIT;
	strbuf_append(&u, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7f)
			strbuf_appendf(&u, "%%%02X", *p);
		else
			strbuf_appendn(&u, (const char *)p, 1);
	}
	strbuf_appendf(&u, "?%s", query);
	return strbuf_take(&u);
}

static char *immutable_uri(const char *path) { return file_uri(path, "immutable=1"); }

char *db_reader_uri(const db *d)
{
	return file_uri(d->path, d->immutable ? "mode=ro&immutable=1" : "mode=ro");
}

status db_connect(db **out, const char *path, unsigned flags, bool *existed, error *e)
{
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	*out = NULL;
	*existed = exists;
	if (!exists && (errno != ENOENT || !(flags & DB_OPEN_CREATE) || (flags & DB_OPEN_READONLY)))
		return err_set(e, ST_IO, _("%s: cannot open the database: %s"), path, strerror(errno));
	if (exists && S_ISDIR(sb.st_mode))
		return err_set(e, ST_IO, _("%s: this is a directory, not a database file"), path);

	/* A new file is the owner's alone whatever the umask (SQLite would make it 0644
	 * less the umask); SQLite gives its -wal, -shm and -journal the file's mode. */
	if (!exists && !(flags & DB_OPEN_READONLY)) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return err_set(e, ST_IO, _("%s: cannot create the database: %s"), path,
			               strerror(errno));
		if (fd >= 0) {
			fchmod(fd, 0600);
			close(fd);
		}
	}

	db *d = calloc(1, sizeof *d);
	if (!d || !(d->path = strdup(path))) {
		free(d);
		return err_oom(e);
	}
	d->readonly = (flags & DB_OPEN_READONLY) != 0;
	d->post_limit = DB_POST_LIMIT_DEFAULT;
	/* A file we cannot write, or one in a folder we cannot write, opens read-only.
	 * Others may still write it (a shared file we may only read), so normally as a
	 * plain reader that takes locks and sees their changes. Only where no one can
	 * write it — a read-only medium (a locked USB stick, a CD) — or where a plain
	 * reader cannot work (a WAL file in a folder where its -shm cannot be made) is it
	 * opened as an unchanging file: no lock and no -wal or -shm beside it. A -wal with
	 * data would be ignored that way, so never then. */
	bool immutable = false;
	if (exists && !d->readonly && !writable_place(path)) {
		d->readonly = true;
		immutable = !wal_has_data(path) && (read_only_medium(path) || (is_wal_file(path) &&
		                                                               !writable_dir(path)));
	}
	int oflags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE |
	             (d->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	             (exists ? 0 : SQLITE_OPEN_CREATE);
	d->immutable = immutable;
	char *uri = immutable ? immutable_uri(path) : NULL;
	if (uri || (flags & DB_OPEN_BARE))
		oflags |= SQLITE_OPEN_URI; /* a bare file ATTACHes its source by URI */
	int rc = sqlite3_open_v2(uri ? uri : path, &d->h, oflags, NULL);
	free(uri);
	status s = ST_OK;
	if (rc != SQLITE_OK)
		s = err_set(e, ST_IO, _("%s: cannot open the database (%s)"), path,
		            d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc));
	/* Wait for other writers from the very first statement on: many sessions share
	 * one file, and a busy moment must not look like an error. */
	if (s == ST_OK) {
		d->wait_limit_ms = DB_WAIT_MS;
		sqlite3_busy_handler(d->h, busy_wait, d);
		sqlite3_commit_hook(d->h, veto_stray_commit, d);
	}
	/* Several sessions opening a new file at once: while one turns it to WAL, another's
	 * first read can get SQLITE_BUSY without its busy handler being asked. Such a moment
	 * passes; try again for a while before calling it an error. */
	for (int tries = 0; s == ST_OK; tries++) {
		s = db_check_identity(d, !exists, e);
		if (s == ST_OK)
			s = db_configure(d, e);
		if (s != ST_BUSY || tries >= 100)
			break;
		s = ST_OK;
		sqlite3_sleep(20);
	}
	if (s != ST_OK) {
		db_close(&d);
		db_unlink_if_empty(path, exists);
		return s;
	}
	*out = d;
	return ST_OK;
}

void db_unlink_if_empty(const char *path, bool existed)
{
	/* Do not leave an empty file behind; one with anything in it may be another
	 * session's, which made it at the same moment (a half-made database is finished
	 * by the next start: migrations and seeding are transactions). */
	struct stat sb;
	if (!existed && stat(path, &sb) == 0 && sb.st_size == 0)
		unlink(path);
}

int db_user_version(db *d)
{
	return pragma_int(d, "PRAGMA user_version");
}

void db_close(db **dp)
{
	db *d = dp ? *dp : NULL;
	if (!d)
		return;
	for (size_t i = 0; i < d->cache_cap; i++)
		sqlite3_finalize(d->cache[i].st);
	free(d->cache);
	lemma_detach(d->lz);
	sqlite3_close_v2(d->h);
	free(d->path);
	free(d);
	*dp = NULL;
}

lemmatizer *db_lemmatizer(db *d) { return d->lz; }
