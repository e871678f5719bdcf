/* snapshot.c — see snapshot.h. The copy is written under a temporary name beside the
 * target and renamed into place once complete, so a reader never sees half a copy. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/search.h"
#include "core/snapshot.h"
#include "core/sync.h"
#include "i18n.h"

static status exec_sql(db *d, const char *sql, error *e)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db_handle(d), sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	return rc == SQLITE_OK ? ST_OK : db_fail(d, rc, e, _("Writing the offline copy"));
}

/* What a guest may not see goes; the order keeps the foreign keys satisfied. */
static const char sql_public[] =
	"DELETE FROM drafts;"
	"DELETE FROM read_state;"
	"DELETE FROM contacts WHERE public = 0;"
	"DELETE FROM practices WHERE id IN (SELECT pn.practice_id FROM practice_networks pn"
	"  JOIN networks n ON n.id = pn.network_id GROUP BY pn.practice_id"
	"  HAVING min(n.leaders_only) = 1);"
	"DELETE FROM posts WHERE thread_id IN (SELECT t.id FROM threads t JOIN networks n"
	"  ON n.id = t.network_id WHERE n.leaders_only = 1);"
	"DELETE FROM threads WHERE network_id IN (SELECT id FROM networks WHERE leaders_only = 1);"
	"DELETE FROM networks WHERE leaders_only = 1;"
	/* A hidden post keeps its place in the reply tree, not its text or the reason. */
	"UPDATE posts SET body = '-', hidden_reason = '' WHERE hidden = 1;"
	"DELETE FROM accounts WHERE id NOT IN (SELECT author_id FROM posts UNION"
	"  SELECT author_id FROM threads);"
	/* Authors stay as names only: no login (it may be an e-mail address) and no role
	 * that someone opening the copy could match by their own login. */
	"UPDATE accounts SET login = 'autor-' || id, role = 'guest', network_id = NULL;"
	/* The audit log is append-only by trigger: lifted for this one purge of a copy. */
	"DROP TRIGGER audit_no_delete;"
	"DELETE FROM audit;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"INSERT INTO search(search) VALUES ('delete-all');";

static status mark_copy(db *d, bool public_only, const char *source, error *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO meta(key, value) VALUES ('snapshot_at', ?1),"
		" ('snapshot_public', ?2), ('snapshot_source', ?3)";
	char now[32];
	db_now(now, sizeof now);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, public_only ? "1" : "0", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, source, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Writing the offline copy"));
}

static int64_t count(db *d, const char *sql)
{
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	int64_t n = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return n;
}

/* Prepare the copy at tmp: purge (public), mark, index, compact, rollback journal. */
static status finish_copy(const char *tmp, const char *source, bool public_only, int64_t site,
                          const char *owner, snapshot_info *info, error *e)
{
	db *c = NULL;
	status s = db_open(&c, tmp, 0, NULL, e);
	if (s != ST_OK)
		return s;
	if ((s = db_begin(c, e)) == ST_OK) {
		if (public_only && (s = exec_sql(c, sql_public, e)) == ST_OK)
			s = search_fill(c, e);
		if (s == ST_OK)
			s = mark_copy(c, public_only, source, e);
		/* A full copy can write and sync back; a public one is for reading. */
		if (s == ST_OK)
			s = public_only ? exec_sql(c, "DELETE FROM sync_log;"
			                              /* no copy's secret: it would sign as that copy */
			                              "DELETE FROM sync_keys;"
			                              "DELETE FROM meta WHERE key IN ('sync_log', 'site');", e)
			                : sync_prepare_copy(c, site, owner, e);
		if (s == ST_OK && public_only)
			s = audit_append(c, NULL, "create", "snapshot", 0, NULL, "public offline copy", e);
		s = s == ST_OK ? db_commit(c, e) : (db_rollback(c), s);
	}
	if (s == ST_OK)
		s = exec_sql(c, "VACUUM; PRAGMA journal_mode = DELETE;", e);
	if (s == ST_OK && info) {
		info->networks = count(c, "SELECT count(*) FROM networks");
		info->threads = count(c, "SELECT count(*) FROM threads");
		info->posts = count(c, "SELECT count(*) FROM posts");
		info->practices = count(c, "SELECT count(*) FROM practices");
	}
	db_close(&c);
	return s;
}

status snapshot_write(db *d, const account *a, const char *path, bool public_only,
                      const char *owner, snapshot_info *info, error *e)
{
	struct stat sb;
	if (info)
		memset(info, 0, sizeof *info);
	if (!public_only && a->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator may take a full copy (it holds "
		                               "drafts, the audit log and the leaders' network); "
		                               "use --public-only"));
	if (owner && public_only)
		return err_set(e, ST_INVALID, _("A public copy is for reading: it is issued to no one "
		                                "(--for goes with a full copy)"));
	if (owner) {
		account who;
		error e2;
		status s0 = account_get(d, owner, &who, &e2);
		bool guest = s0 == ST_OK && who.role == ROLE_GUEST;
		if (s0 == ST_OK)
			account_clear(&who);
		if (s0 == ST_NOTFOUND || guest)
			return err_set(e, ST_NOTFOUND, _("No account %s to issue the copy to"), owner);
		if (s0 != ST_OK) {
			if (e)
				*e = e2;
			return s0;
		}
	}
	if (lstat(path, &sb) == 0)
		return err_set(e, ST_IO, _("%s already exists; the copy goes to a new file"), path);
	size_t n = strlen(path) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		return err_set(e, ST_INTERNAL, _("Out of memory"));
	snprintf(tmp, n, "%s.part-%ld", path, (long)getpid());
	unlink(tmp);
	/* The copy may hold drafts and private contacts: only its owner reads it. VACUUM
	 * INTO writes into an empty existing file. */
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (fd < 0) {
		status s0 = err_set(e, ST_IO, _("%s: cannot write the copy here: %s"), path,
		                    strerror(errno));
		free(tmp);
		return s0;
	}
	close(fd);
	/* The source starts noting its changes (for syncing with the copy) and numbers it. */
	int64_t site = 0;
	if (!public_only) {
		status s0 = sync_prepare_source(d, owner, &site, e);
		if (s0 != ST_OK) {
			unlink(tmp);
			free(tmp);
			return s0;
		}
	}
	/* One read transaction: a consistent copy while others write. */
	sqlite3_stmt *st = db_stmt(d, "VACUUM INTO ?1", e);
	status s = st ? ST_OK : (e ? e->code : ST_INTERNAL);
	if (st) {
		sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = err_set(e, ST_IO, _("%s: the copy could not be written (%s)"), path,
			            sqlite3_errstr(rc));
	}
	const char *base = strrchr(db_path(d), '/');
	if (s == ST_OK)
		s = finish_copy(tmp, base ? base + 1 : db_path(d), public_only, site, owner, info, e);
	if (s == ST_OK && rename(tmp, path) != 0)
		s = err_set(e, ST_IO, _("%s: cannot put the copy in place: %s"), path, strerror(errno));
	if (s == ST_OK && info && stat(path, &sb) == 0)
		info->bytes = (int64_t)sb.st_size;
	if (s != ST_OK) {
		unlink(tmp);
		char side[4096];
		snprintf(side, sizeof side, "%s-wal", tmp);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", tmp);
		unlink(side);
	}
	free(tmp);
	if (s == ST_OK && !db_is_readonly(d)) {
		/* The source records who took a copy, and which kind. */
		error ignore;
		if (db_begin(d, &ignore) == ST_OK) {
			if (audit_append(d, a, "snapshot", "database", 0, NULL,
			                 public_only ? "public offline copy" : "full offline copy",
			                 &ignore) == ST_OK)
				db_commit(d, &ignore);
			else
				db_rollback(d);
		}
	}
	return s;
}
