/* fuzz_sync.c — the sync-file reader (core/sync.c): what `empirie sync apply` does with
 * a file that came on a USB stick.
 *
 * The first byte chooses:
 *   bit 0   0: the rest is a whole file, given to sync_file_verify() as it is (the magic
 *              line, the header, the end line, the count and the signature lines, checked
 *              with copy 1's secret);
 *           1: the rest is the change lines; the harness wraps them into a well-formed
 *              file (the magic line, a header naming this database's family, the lines,
 *              an end line with the right count, signed with copy 1's secret as that
 *              copy's holder could), so the input gets past the signature to the JSON
 *              and the changes, and applies it with sync_apply();
 *   bit 1   (apply) the receiving database is the home database (0) or an offline copy
 *           (1: its meta "site" is set to 1 for the run and the file comes from site 0);
 *   bit 2   (apply) applied by the administrator "szef" (0) or by the member "anna" (1);
 *   bit 3   (apply) the first line of the rest is the header itself (every "FAMILY" in
 *           it replaced by this database's family), to reach the header's checks.
 * The database is made once per process in $TMPDIR (removed at exit): the bundled
 * directory (db_open), the accounts anna (member, Zabrze), koord (coordinator of
 * network 1) and szef (administrator), two threads and a reply by anna (ids 28, 29 and
 * post 30, as in tests/fuzz/sync_seeds.sh, which made the seed files from the real
 * program) and a family (sync_prepare_source, as `empirie snapshot` does). Applied
 * changes accumulate; after every RESET_EVERY applies that changed something the
 * database is checked (check_database: integrity, links, counters, search index) and
 * the pristine copy put back.
 *
 * sync_file_verify gets its bytes at the very end of a mapping followed by a page that
 * may not be read (the input has no NUL after it; a read past the end faults).
 * Checks: a wrapped file passes sync_file_verify; a whole file passes only signed by copy
 * 1; sync_apply returns ST_OK, ST_INVALID or ST_DENIED (ST_INTERNAL only for "out of
 * memory"); a failed apply changes nothing and
 * leaves no transaction open; a file applied once is "already" applied the second time;
 * applied + present never exceeds the changes in the file; the database passes
 * check_database. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/account.h"
#include "core/check.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "core/sync.h"
#include "core/synckey.h"
#include "fuzz.h"

#define RESET_EVERY 16
#define MAX_INPUT (256 * 1024)

static db *store;
static sqlite3 *peek;  /* a second connection: meta tweaks and fingerprints */
static account szef, anna;
static char dir[4096], path_db[4200], path_pristine[4200], path_file[4200];
static char family[64];
/* The secret of copy 1, issued by sync_prepare_source and then made fixed: the harness
 * signs as that copy (and as the home database writing to it), as its holder could. */
static unsigned char key1[SYNC_KEY_LEN];
static int dirty;

static void fail(const char *what, const char *msg)
{
	fprintf(stderr, "fuzz_sync: %s: %s\n", what, msg);
	abort();
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	if (!in || !out)
		fail("copy", from);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			fail("copy", to);
	fclose(in);
	if (fclose(out) != 0)
		fail("copy", to);
}

static void remove_db(const char *base)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char p[4300];
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(p, sizeof p, "%s%s", base, ext[i]);
		unlink(p);
	}
}

static void close_all(void)
{
	account_clear(&szef);
	account_clear(&anna);
	db_close(&store);
	if (peek)
		sqlite3_close(peek);
	peek = NULL;
}

static void cleanup(void)
{
	close_all();
	remove_db(path_db);
	remove_db(path_pristine);
	unlink(path_file);
	rmdir(dir);
}

static void open_all(void)
{
	error e;
	if (db_open(&store, path_db, 0, NULL, &e) != ST_OK)
		fail("db_open", e.msg);
	if (account_get(store, "szef", &szef, &e) != ST_OK ||
	    account_get(store, "anna", &anna, &e) != ST_OK)
		fail("account_get", e.msg);
	if (sqlite3_open_v2(path_db, &peek, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail("sqlite3_open", path_db);
	/* No waiting: a lock left by sync_apply shows at once. */
	sqlite3_busy_timeout(peek, 0);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/empirie-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		abort();
	}
	snprintf(path_db, sizeof path_db, "%s/fuzz.db", dir);
	snprintf(path_pristine, sizeof path_pristine, "%s/pristine.db", dir);
	snprintf(path_file, sizeof path_file, "%s/in.sync", dir);
	atexit(cleanup);
	/* Fixed times: the same input does the same thing in every run. */
	setenv("EMPIRIE_NOW", "2026-11-28T12:00:00Z", 1);
	error e;
	if (db_open(&store, path_db, DB_OPEN_CREATE, NULL, &e) != ST_OK)
		fail("db_open", e.msg);
	int64_t t1 = 0, t2 = 0, p2 = 0, site = 0;
	if (account_add(store, NULL, "szef", "Szef", ROLE_ADMIN, NULL, 0, &e) != ST_OK ||
	    account_add(store, NULL, "anna", "Anna", ROLE_MEMBER, "Zabrze", 0, &e) != ST_OK ||
	    account_add(store, NULL, "koord", "Koordynator", ROLE_COORDINATOR, NULL, 1, &e) != ST_OK ||
	    account_get(store, "anna", &anna, &e) != ST_OK)
		fail("accounts", e.msg);
	if (forum_new_thread(store, &anna, 1, "Parki kieszonkowe", "Jak urządzić park kieszonkowy?\n",
	                     &t1, &e) != ST_OK ||
	    forum_new_thread(store, &anna, 1, "Tężnie", "Kto ma doświadczenie z tężniami?\n", &t2,
	                     &e) != ST_OK ||
	    forum_reply(store, &anna, t1, 0, "Pierwsza wersja odpowiedzi.\n", &p2, &e) != ST_OK)
		fail("threads", e.msg);
	if (t1 != 28 || t2 != 29 || p2 != 30)
		fprintf(stderr, "fuzz_sync: note: ids %lld %lld %lld differ from the seeds' 28 29 30\n",
		        (long long)t1, (long long)t2, (long long)p2);
	if (sync_prepare_source(store, NULL, &site, &e) != ST_OK)
		fail("sync_prepare_source", e.msg);
	/* Copy 1's secret made fixed (byte i is 7i + 1), so whole-file seeds stay signed
	 * from run to run (sync_seeds.sh signs with the same). */
	for (int i = 0; i < SYNC_KEY_LEN; i++)
		key1[i] = (unsigned char)(7 * i + 1);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_handle(store), "UPDATE sync_keys SET secret = ?1 WHERE site = 1",
	                       -1, &st, NULL) != SQLITE_OK)
		fail("sync_keys", "prepare");
	sqlite3_bind_blob(st, 1, key1, SYNC_KEY_LEN, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(db_handle(store)) != 1)
		fail("sync_keys", "no secret for copy 1");
	sqlite3_finalize(st);
	char *f = db_meta_get(store, "family");
	if (!f || !*f)
		fail("family", "none");
	snprintf(family, sizeof family, "%s", f);
	free(f);
	close_all(); /* the last connection checkpoints the WAL into the file */
	copy_file(path_db, path_pristine);
	open_all();
}

/* Copy 1's secret; any other copy is unknown, as synckey_get says. */
static status fuzz_key(void *ctx, int64_t site, unsigned char key[32], error *e)
{
	(void)ctx;
	if (site != 1)
		return err_set(e, ST_DENIED, "fuzz.sync: signed as copy %lld, not issued",
		               (long long)site);
	memcpy(key, key1, SYNC_KEY_LEN);
	return ST_OK;
}

static void reset(void)
{
	close_all();
	remove_db(path_db);
	copy_file(path_pristine, path_db);
	open_all();
	dirty = 0;
}

static void exec_peek(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(peek, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail(sql, msg ? msg : "?");
}

/* What a failed apply must leave as it was. */
static void fingerprint(char *out, size_t n)
{
	static const char sql[] =
		"SELECT (SELECT count(*) || '/' || total(hidden) || '/' || total(length(body)) FROM posts)"
		" || ' ' || (SELECT count(*) || '/' || total(locked) || '/' || total(pinned) || '/' ||"
		"            total(post_count) FROM threads)"
		" || ' ' || (SELECT count(*) || '/' || total(read_count) FROM read_state)"
		" || ' ' || (SELECT count(*) || '/' || max(updated_at) FROM drafts)"
		" || ' ' || (SELECT count(*) FROM post_versions)"
		" || ' ' || (SELECT count(*) FROM sync_conflicts)"
		" || ' ' || (SELECT count(*) FROM sync_applied)"
		" || ' ' || (SELECT count(*) FROM search_docsize)";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(peek, sql, -1, &st, NULL) != SQLITE_OK)
		fail("fingerprint", sqlite3_errmsg(peek));
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		fail("fingerprint", sqlite3_errmsg(peek));
	snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void check_store(void)
{
	check_report r;
	error e;
	if (check_database(store, &r, &e) != ST_OK)
		fail("check_database", e.msg);
	for (size_t i = 0; i < r.n; i++)
		fprintf(stderr, "fuzz_sync: check: %s\n", r.problems[i]);
	FUZZ_CHECK(r.n == 0);
	check_report_free(&r);
}

/* The bytes copied to the end of a mapping followed by a page that may not be read, so a
 * read past data + len faults also where AddressSanitizer does not look (inside the C
 * library: sscanf and the string functions read to the NUL, and an input has none). */
static const char *guarded(const char *data, size_t len)
{
	static char *map;
	static size_t cap, page;
	if (!map) {
		page = (size_t)sysconf(_SC_PAGESIZE);
		cap = (MAX_INPUT * 2 + 2048 + page - 1) / page * page;
		map = mmap(NULL, cap + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (map == MAP_FAILED || mprotect(map + cap, page, PROT_NONE) != 0)
			fail("mmap", "no guard page");
	}
	if (len > cap)
		fail("guarded", "input too long");
	memcpy(map + cap - len, data, len);
	return map + cap - len;
}

static void fuzz_verify(const char *data, size_t len)
{
	sync_file_shape sh;
	error e;
	if (len > MAX_INPUT)
		return;
	data = guarded(data, len);
	status s = sync_file_verify(data, len, "fuzz.sync", -1, fuzz_key, NULL, &sh, &e);
	FUZZ_CHECK(s == ST_OK || s == ST_INVALID || s == ST_DENIED);
	if (s != ST_OK) {
		FUZZ_CHECK(e.code == s && e.msg[0]);
		return;
	}
	int64_t lines = 0;
	for (size_t i = 0; i < sh.signed_len; i++)
		lines += data[i] == '\n';
	/* Signed by copy 1: only the harness could have made it (a seed). */
	FUZZ_CHECK(sh.signer == 1 && sh.signed_len < len && data[sh.signed_len - 1] == '\n');
	FUZZ_CHECK(sh.first_op == 3 && sh.n_ops >= 0 && sh.n_ops == lines - 3);
}

static void put(char **buf, size_t *len, const char *s, size_t n)
{
	memcpy(*buf + *len, s, n);
	*len += n;
}

static void fuzz_apply(unsigned opt, const char *data, size_t len)
{
	if (len > MAX_INPUT || memchr(data, '\0', len))
		return; /* refused before anything is read (sync_file_verify) */
	bool copy = opt & 2, as_member = opt & 4, own_header = opt & 8;
	/* The file: magic, header, the lines (ending with a newline), END. */
	char *buf = malloc(len * 2 + 1024);
	if (!buf)
		return;
	size_t n = 0;
	put(&buf, &n, "EMPIRIE-SYNC 2\n", 15);
	if (own_header) {
		const char *nl = memchr(data, '\n', len);
		size_t hl = nl ? (size_t)(nl - data) : len;
		for (size_t i = 0; i < hl; i++) {
			if (hl - i >= 6 && memcmp(data + i, "FAMILY", 6) == 0) {
				put(&buf, &n, family, strlen(family));
				i += 5;
			} else {
				buf[n++] = data[i];
			}
		}
		buf[n++] = '\n';
		data += nl ? hl + 1 : hl;
		len -= nl ? hl + 1 : hl;
	} else {
		char header[256];
		int hn = snprintf(header, sizeof header,
		                  "{\"family\":\"%s\",\"site\":%d,\"schema\":7,\"created_at\":"
		                  "\"2026-11-28T11:00:00Z\",\"since\":0,\"upto\":99}\n",
		                  family, copy ? 0 : 1);
		put(&buf, &n, header, (size_t)hn);
	}
	put(&buf, &n, data, len);
	if (len && data[len - 1] != '\n')
		buf[n++] = '\n';
	int64_t ops = 0;
	for (size_t i = 0; i < n; i++)
		ops += buf[i] == '\n';
	ops -= 2;
	char mac[65], end[128];
	int en = snprintf(end, sizeof end, "END %lld\n", (long long)ops);
	put(&buf, &n, end, (size_t)en);
	/* Signed with copy 1's secret: by copy 1 to home, or by home to copy 1. */
	synckey_mac_hex(key1, buf, n, mac);
	en = snprintf(end, sizeof end, "SIGN 1 %s\n", mac);
	put(&buf, &n, end, (size_t)en);

	sync_file_shape sh;
	error e;
	status s = sync_file_verify(guarded(buf, n), n, "fuzz.sync", copy ? 1 : -1, fuzz_key, NULL,
	                            &sh, &e);
	if (s != ST_OK)
		fprintf(stderr, "fuzz_sync: a well-formed file refused: %s\n", e.msg);
	FUZZ_CHECK(s == ST_OK && sh.first_op == 3 && sh.n_ops == ops && sh.signer == 1);

	FILE *f = fopen(path_file, "wb");
	if (!f || fwrite(buf, 1, n, f) != n || fclose(f) != 0)
		fail("write", path_file);
	free(buf);

	if (copy)
		exec_peek("INSERT OR REPLACE INTO meta(key, value) VALUES ('site', '1')");
	char before[512], after[512];
	fingerprint(before, sizeof before);
	sync_result r;
	s = sync_apply(store, as_member ? &anna : &szef, path_file, &r, NULL, NULL, &e);
	bool refused = s == ST_INVALID || s == ST_DENIED; /* a limit, a header claiming another copy */
	if (s != ST_OK && !refused && !(s == ST_INTERNAL && strstr(e.msg, "ut of memory")))
		fprintf(stderr, "fuzz_sync: sync_apply: status %d: %s\n", (int)s, e.msg);
	FUZZ_CHECK(s == ST_OK || refused || (s == ST_INTERNAL && strstr(e.msg, "ut of memory")));
	/* No transaction left open: the other connection can write. */
	exec_peek("BEGIN IMMEDIATE; ROLLBACK");
	fingerprint(after, sizeof after);
	if (s != ST_OK) {
		if (strcmp(before, after) != 0)
			fprintf(stderr, "fuzz_sync: a failed apply changed %s to %s\n", before, after);
		FUZZ_CHECK(strcmp(before, after) == 0);
		FUZZ_CHECK(r.applied == 0 && r.present == 0 && r.conflicts == 0);
	} else if (!r.already) {
		FUZZ_CHECK(r.ops == ops);
		FUZZ_CHECK(r.applied >= 0 && r.present >= 0 && r.conflicts >= 0);
		FUZZ_CHECK(r.applied + r.present <= r.ops);
		/* The same file again is noticed and changes nothing. */
		sync_result r2;
		status s2 = sync_apply(store, as_member ? &anna : &szef, path_file, &r2, NULL, NULL, &e);
		FUZZ_CHECK(s2 == ST_OK && r2.already && r2.applied == 0);
		char again[512];
		fingerprint(again, sizeof again);
		FUZZ_CHECK(strcmp(after, again) == 0);
		if (strcmp(before, after) != 0 && ++dirty >= RESET_EVERY) {
			if (copy)
				exec_peek("DELETE FROM meta WHERE key = 'site'");
			check_store();
			reset();
			return;
		}
	}
	if (copy)
		exec_peek("DELETE FROM meta WHERE key = 'site'");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!store)
		setup();
	if (size < 1)
		return 0;
	unsigned opt = data[0];
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;
	if (opt & 1)
		fuzz_apply(opt, buf, len);
	else
		fuzz_verify(buf, len);
	return 0;
}
