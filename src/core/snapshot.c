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
#include "core/publicity.h"
#include "core/safefile.h"
#include "core/snapshot.h"
#include "core/sync.h"
#include "i18n.h"

static status mark_copy(db *d, bool public_only, const char *source, error *e)
{
	const char *what = _("Writing the offline copy");
	char now[32];
	db_now(now, sizeof now);
	status s = db_meta_set(d, "snapshot_at", now, what, e);
	if (s == ST_OK)
		s = db_meta_set(d, "snapshot_public", public_only ? "1" : "0", what, e);
	return s == ST_OK ? db_meta_set(d, "snapshot_source", source, what, e) : s;
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

static void copy_counts(db *c, snapshot_info *info)
{
	info->networks = count(c, "SELECT count(*) FROM networks");
	info->threads = count(c, "SELECT count(*) FROM threads");
	info->posts = count(c, "SELECT count(*) FROM posts");
	info->practices = count(c, "SELECT count(*) FROM practices");
}

/* The full copy at tmp (VACUUM INTO made it): mark, number it for sync, then rollback
 * journal so it opens read-only anywhere. */
static status finish_full(const char *tmp, const char *source, int64_t site, const char *owner,
                          snapshot_info *info, error *e)
{
	db *c = NULL;
	status s = db_open(&c, tmp, 0, NULL, e);
	if (s != ST_OK)
		return s;
	if ((s = db_begin(c, e)) == ST_OK) {
		s = mark_copy(c, false, source, e);
		if (s == ST_OK)
			s = sync_prepare_copy(c, site, owner, e);
		s = s == ST_OK ? db_commit(c, e) : (db_rollback(c), s);
	}
	if (s == ST_OK)
		s = db_exec(c, "VACUUM; PRAGMA journal_mode = DELETE;", _("Writing the offline copy"), e);
	if (s == ST_OK && info)
		copy_counts(c, info);
	db_close(&c);
	return s;
}

/* The public copy at tmp (an empty file): the schema, then only what the allow-list in
 * publicity.c lets a guest see, copied from d. Nothing private is ever written into the
 * file, and VACUUM leaves no free page. */
static status make_public(db *d, const char *tmp, const char *source, snapshot_info *info,
                          error *e)
{
	/* The bare file is opened with URIs on (to ATTACH the source): a relative name must
	 * not read as one ("file:…"). */
	size_t n = strlen(tmp) + 3;
	char *name = malloc(n);
	if (!name)
		return err_oom(e);
	snprintf(name, n, "%s%s", tmp[0] == '/' ? "" : "./", tmp);
	db *c = NULL;
	status s = db_open(&c, name, DB_OPEN_BARE, NULL, e);
	free(name);
	if (s != ST_OK)
		return s;
	s = db_exec(c, "PRAGMA secure_delete = ON", _("Writing the offline copy"), e);
	if (s == ST_OK)
		s = publicity_copy(c, d, e);
	if (s == ST_OK && (s = db_begin(c, e)) == ST_OK) {
		s = mark_copy(c, true, source, e);
		if (s == ST_OK)
			s = audit_append(c, NULL, "create", "snapshot", 0, NULL, "public offline copy", e);
		s = s == ST_OK ? db_commit(c, e) : (db_rollback(c), s);
	}
	if (s == ST_OK)
		s = db_exec(c, "VACUUM; PRAGMA journal_mode = DELETE;", _("Writing the offline copy"), e);
	if (s == ST_OK && info)
		copy_counts(c, info);
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
	/* A new file under an unpredictable name beside path, 0600 whatever the umask: the
	 * copy may hold drafts and private contacts. VACUUM INTO writes into an empty file. */
	safefile f;
	status s = safefile_open(&f, path, true, e);
	if (s == ST_OK)
		s = safefile_close_fd(&f, e);
	if (s != ST_OK) {
		if (f.tmp)
			safefile_abort(&f);
		return s;
	}
	const char *base = strrchr(db_path(d), '/');
	base = base ? base + 1 : db_path(d);
	if (public_only)
		s = make_public(d, f.tmp, base, info, e);
	else {
		/* The source starts noting its changes (for syncing with the copy) and numbers it. */
		int64_t site = 0;
		s = sync_prepare_source(d, owner, &site, e);
		/* One read transaction: a consistent copy while others write. */
		sqlite3_stmt *st = s == ST_OK ? db_stmt(d, "VACUUM INTO ?1", e) : NULL;
		if (s == ST_OK && !st)
			s = err_code(e);
		if (st) {
			sqlite3_bind_text(st, 1, f.tmp, -1, SQLITE_STATIC);
			int rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc != SQLITE_DONE)
				s = err_set(e, ST_IO, _("%s: the copy could not be written (%s)"), path,
				            sqlite3_errstr(rc));
		}
		if (s == ST_OK)
			s = finish_full(f.tmp, base, site, owner, info, e);
	}
	if (s == ST_OK)
		s = safefile_commit(&f, true, e);
	else
		safefile_abort(&f);
	if (s == ST_OK && info && stat(path, &sb) == 0)
		info->bytes = (int64_t)sb.st_size;
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
