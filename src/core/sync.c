/* sync.c — see sync.h; the rules are written out for people in doc/SYNC.md. Here: the
 * sync state of a database (its copies, what is waiting to go, the conflicts kept); the
 * file format is in sync_format.c, writing a file in sync_export.c, applying one in
 * sync_apply.c and the sync_apply_*.c beside it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "core/sync.h"
#include "core/sync_priv.h"
#include "core/synckey.h"
#include "i18n.h"

/* ---- small store helpers ---- */

status sync_query_int(db *d, const char *sql, int64_t bind, int64_t dflt, int64_t *out,
                      error *e)
{
	*out = dflt;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	if (strchr(sql, '?'))
		sqlite3_bind_int64(st, 1, bind);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
	                                             : db_fail(d, rc, e, _("Reading the changes"));
}

/* A meta value a decision hangs on (db_meta_read), the error naming the sync state. */
status sync_meta_get(db *d, const char *key, char **out, error *e)
{
	return db_meta_read(d, key, out, _("Reading the sync state"), e);
}

static status meta_set(db *d, const char *key, const char *value, error *e)
{
	return db_meta_set(d, key, value, _("Saving the sync state"), e);
}

status sync_meta_set_int(db *d, const char *key, int64_t v, error *e)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	return meta_set(d, key, buf, e);
}

status sync_own_site(db *d, int64_t *site, error *e)
{
	return sync_query_int(d, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'site'", 0, 0,
	                      site, e);
}

/* SQLite's own generator: seeded from the system's randomness, no fallback of ours. */
static void random_bytes(unsigned char *buf, size_t n)
{
	sqlite3_randomness((int)n, buf);
}

/* ---- snapshot support ---- */

status sync_prepare_source(db *d, const char *owner, int64_t *site, error *e)
{
	*site = 0;
	/* Only the home database numbers copies: two numbering sources could give two
	 * copies the same id range. */
	char *copy_at;
	status s = sync_meta_get(d, "snapshot_at", &copy_at, e);
	if (s != ST_OK)
		return s;
	bool is_copy = copy_at != NULL;
	free(copy_at);
	if (is_copy)
		return err_set(e, ST_DENIED, _("This is an offline copy: a full copy that can sync is "
		                               "taken from the home database (--public-only makes a "
		                               "copy for reading from this one)"));
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("The database is read-only here: a full copy must be "
		                                 "recorded in it to sync back (--public-only makes a "
		                                 "copy for reading)"));
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	char *family;
	s = sync_meta_get(d, "family", &family, e);
	if (s == ST_OK && (!family || !*family)) {
		unsigned char r[12];
		char hex[25];
		random_bytes(r, sizeof r);
		for (size_t i = 0; i < sizeof r; i++)
			snprintf(hex + 2 * i, 3, "%02x", r[i]);
		s = meta_set(d, "family", hex, e);
	}
	free(family);
	/* Copies taken here are numbered one after another. */
	int64_t next = 0;
	if (s == ST_OK)
		s = sync_query_int(d, "SELECT CAST(value AS INTEGER) FROM meta"
		                      " WHERE key = 'sites_next'", 0, 0, &next, e);
	if (next <= 0)
		next = 1;
	if (s == ST_OK && next > FORUM_SITE_MAX)
		s = err_set(e, ST_INVALID, ngettext("All %d offline copy number is used",
		                                      "All %d offline copy numbers are used",
		                                      FORUM_SITE_MAX), FORUM_SITE_MAX);
	*site = next;
	if (s == ST_OK)
		s = sync_meta_set_int(d, "sites_next", next + 1, e);
	/* Issued to one account: the home database takes that copy's changes from no one
	 * else, whoever applies the file. */
	if (s == ST_OK && owner) {
		char key[48];
		snprintf(key, sizeof key, "site_owner.%lld", (long long)next);
		s = meta_set(d, key, owner, e);
	}
	if (s == ST_OK)
		s = meta_set(d, "sync_log", "1", e);
	/* The copy's secret: it signs the copy's files, and the home's files to it. */
	if (s == ST_OK)
		s = synckey_issue(d, next, e);
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

status sync_prepare_copy(db *c, int64_t site, const char *owner, error *e)
{
	status s = sync_meta_set_int(c, "site", site, e);
	if (s == ST_OK)
		s = meta_set(c, "sync_log", "1", e);
	if (s == ST_OK)
		s = db_exec(c, "DELETE FROM meta WHERE key IN ('sync_exported', 'sync_uptakes_exported',"
		             " 'sites_next', 'owner')"
		             " OR key LIKE 'site\\_owner.%' ESCAPE '\\'",
		          _("Writing the offline copy"), e);
	if (s == ST_OK && owner)
		s = meta_set(c, "owner", owner, e);
	/* Everything in the copy is in the source too: the copy starts with nothing to send. */
	if (s == ST_OK)
		s = db_exec(c, "DELETE FROM sync_log", _("Writing the offline copy"), e);
	if (s == ST_OK)
		s = db_exec(c, "DELETE FROM uptake_log", _("Writing the offline copy"), e);
	/* The copy keeps its own secret only: another copy's would let it sign as that one. */
	if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(c, "DELETE FROM sync_keys WHERE site != ?1", e);
		if (!st)
			return err_code(e);
		sqlite3_bind_int64(st, 1, site);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(c, rc, e, _("Writing the offline copy"));
	}
	return s;
}

/* ---- withdrawing a copy ---- */

status sync_revoke(db *d, const account *a, int64_t site, error *e)
{
	int64_t here = 0;
	status s = sync_own_site(d, &here, e);
	if (s != ST_OK)
		return s;
	if (a->role != ROLE_ADMIN || here != 0)
		return err_set(e, ST_DENIED, _("Only an administrator, on the home database, may "
		                               "withdraw an offline copy"));
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	if ((s = synckey_revoke(d, site, e)) == ST_OK) {
		char detail[64];
		snprintf(detail, sizeof detail, "%lld", (long long)site);
		s = audit_append(d, a, "withdraw", "offline copy", site, NULL, detail, e);
	}
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

/* ---- status and conflicts ---- */

/* A meta text into buf ("" when not set). */
static status meta_text(db *d, const char *key, char *buf, size_t size, error *e)
{
	char *v;
	status s = sync_meta_get(d, key, &v, e);
	snprintf(buf, size, "%s", v ? v : "");
	free(v);
	return s;
}

/* *n: what sql_count counts after the high-water mark sql_mark reads (a log's changes
 * not yet exported). */
static status pending_in(db *d, const char *sql_mark, const char *sql_count, int64_t *n,
                         error *e)
{
	int64_t since = 0;
	status s = sync_query_int(d, sql_mark, 0, 0, &since, e);
	return s == ST_OK ? sync_query_int(d, sql_count, since, 0, n, e) : s;
}

status sync_get_status(db *d, sync_status *out, error *e)
{
	static const char sql_mark[] =
		"SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sync_exported'";
	static const char sql_log[] = "SELECT count(*) FROM sync_log WHERE seq > ?1";
	/* and the practice transfers, logged apart (schema 13) */
	static const char sql_up_mark[] =
		"SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sync_uptakes_exported'";
	static const char sql_up_log[] = "SELECT count(*) FROM uptake_log WHERE seq > ?1";
	memset(out, 0, sizeof *out);
	char logging[8];
	int64_t uptakes = 0;
	status s;
	if ((s = sync_own_site(d, &out->site, e)) != ST_OK ||
	    (s = meta_text(d, "sync_log", logging, sizeof logging, e)) != ST_OK ||
	    (s = meta_text(d, "family", out->family, sizeof out->family, e)) != ST_OK ||
	    (s = meta_text(d, "owner", out->owner, sizeof out->owner, e)) != ST_OK ||
	    (s = pending_in(d, sql_mark, sql_log, &out->pending, e)) != ST_OK ||
	    (s = pending_in(d, sql_up_mark, sql_up_log, &uptakes, e)) != ST_OK ||
	    (s = sync_query_int(d, "SELECT count(*) FROM sync_conflicts", 0, 0, &out->conflicts,
	                        e)) != ST_OK ||
	    (s = sync_query_int(d, "SELECT count(*) FROM sync_applied", 0, 0, &out->applied_files,
	                        e)) != ST_OK)
		return s;
	out->logging = strcmp(logging, "1") == 0;
	out->pending += uptakes;
	return ST_OK;
}

status sync_list_conflicts(db *d, const account *a, sync_conflict_row_fn fn, void *ctx, error *e)
{
	static const char sql[] = "SELECT at, line, what, outcome FROM sync_conflicts ORDER BY id";
	int64_t here = 0;
	status s = sync_own_site(d, &here, e);
	if (s != ST_OK)
		return s;
	if (a->role != ROLE_ADMIN && here == 0)
		return err_set(e, ST_DENIED, _("Only an administrator may read the conflicts of the home "
		                               "database"));
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		   (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Reading the conflicts"));
}
