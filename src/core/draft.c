/* draft.c — unsent text kept per account, so a dropped connection loses nothing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/forum.h"
#include "core/forum_priv.h"
#include "i18n.h"


void draft_clear(draft *dr)
{
	if (!dr)
		return;
	free(dr->title), free(dr->body), free(dr->updated_at);
	memset(dr, 0, sizeof *dr);
}

status draft_validate(const char *kind, const char *title, const char *body, error *e)
{
	bool record = strcmp(kind, "practice") == 0 || strcmp(kind, "meeting") == 0;
	size_t max = record ? DRAFT_RECORD_MAX : FORUM_BODY_MAX;
	size_t nt = title ? strlen(title) : 0, nb = body ? strlen(body) : 0;
	/* A title being typed may run long for a while: it is refused when sent, not lost
	 * from the draft; it only counts towards the whole. */
	if (nt + nb > max)
		return err_set(e, ST_INVALID, ngettext("The text is too long to keep as a draft (%zu byte, at most %zu); shorten it",
		                                         "The text is too long to keep as a draft (%zu bytes, at most %zu); shorten it",
		                                         (unsigned long)(nt + nb)), nt + nb, max);
	return ST_OK;
}

status draft_save(db *d, const account *a, const char *kind, int64_t target,
                  const char *title, const char *body, error *e)
{
	static const char sql[] =
		"INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(account_id, kind, target_id)"
		" DO UPDATE SET title = excluded.title, body = excluded.body,"
		" updated_at = excluded.updated_at";
	if (!a->id)
		return err_set(e, ST_DENIED, _("Guests cannot keep drafts"));
	status s = draft_validate(kind, title, body, e);
	if (s != ST_OK)
		return s;
	char now[32];
	db_now(now, sizeof now);
	s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st) {
		db_rollback(d);
		return err_code(e);
	}
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, target);
	sqlite3_bind_text(st, 4, title ? title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, body ? body : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_fail(d, rc, e, _("Saving the draft"));
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

status draft_load(db *d, const account *a, const char *kind, int64_t target, draft *out,
                  error *e)
{
	static const char sql[] = "SELECT title, body, updated_at FROM drafts"
	                          " WHERE account_id = ?1 AND kind = ?2 AND target_id = ?3";
	memset(out, 0, sizeof *out);
	if (!a->id)
		return ST_NOTFOUND;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, target);
	int rc = sqlite3_step(st);
	status s = ST_NOTFOUND;
	if (rc == SQLITE_ROW) {
		out->title = db_col_dup(st, 0);
		out->body = db_col_dup(st, 1);
		out->updated_at = db_col_dup(st, 2);
		s = out->title && out->body && out->updated_at ? ST_OK : err_oom(e);
		if (s != ST_OK)
			draft_clear(out);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(d, rc, e, _("Reading the draft"));
	}
	sqlite3_reset(st);
	return s;
}

/* Runs inside the caller's transaction when there is one. */
status draft_delete(db *d, const account *a, const char *kind, int64_t target, error *e)
{
	static const char sql[] =
		"DELETE FROM drafts WHERE account_id = ?1 AND kind = ?2 AND target_id = ?3";
	if (!a->id)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, target);
	return db_step_done(d, st, _("Removing the draft"), NULL, e);
}

status draft_count(db *d, const account *a, int64_t *n, error *e)
{
	static const char sql[] = "SELECT count(*) FROM drafts WHERE account_id = ?1";
	*n = 0;
	if (!a->id)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : db_fail(d, rc, e, _("Reading the drafts"));
}

/* A draft arriving in a sync file (sync.c): the newer draft stays; saved at the same
 * second, the larger text, so both sides keep the same one. A draft deleted here (the
 * sync log keeps the deleted version's time) does not come back from a version as old
 * or older: an echo of it. */
status draft_merge(db *d, int64_t account_id, const char *kind, int64_t target,
                   const char *title, const char *body, const char *updated_at, bool *changed,
                   error *e)
{
	static const char sql[] =
		"INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM sync_log"
		"   WHERE kind = 'draft' AND k1 = ?1 AND k2 = ?3 AND k3 = ?2 AND base >= ?6)"
		" ON CONFLICT(account_id, kind, target_id)"
		" DO UPDATE SET title = excluded.title, body = excluded.body,"
		" updated_at = excluded.updated_at WHERE excluded.updated_at > drafts.updated_at"
		"   OR (excluded.updated_at = drafts.updated_at"
		"       AND (excluded.body, excluded.title) > (drafts.body, drafts.title))";
	*changed = false;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, target);
	sqlite3_bind_text(st, 4, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, updated_at, -1, SQLITE_STATIC);
	return db_step_done(d, st, _("Saving the draft"), changed, e);
}

/* A draft deleted elsewhere at deleted_at: gone here unless saved again since. */
status draft_delete_older(db *d, int64_t account_id, const char *kind, int64_t target,
                          const char *deleted_at, bool *changed, error *e)
{
	static const char sql[] =
		"DELETE FROM drafts WHERE account_id = ?1 AND kind = ?2 AND target_id = ?3"
		"   AND updated_at <= ?4";
	*changed = false;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, target);
	sqlite3_bind_text(st, 4, deleted_at, -1, SQLITE_STATIC);
	return db_step_done(d, st, _("Removing the draft"), changed, e);
}
