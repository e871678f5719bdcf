/* moderation.c — locking and pinning threads, hiding posts; coordinators of the
 * network and administrators only, every action with its reason in the audit log. */
#include "config.h"

#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "i18n.h"

static status may_moderate(db *d, const account *a, int64_t thread_id, error *e)
{
	thread t;
	status s = forum_thread(d, a, thread_id, &t, e);
	if (s != ST_OK)
		return s;
	bool ok = perm_can_moderate(a, t.network_id);
	thread_clear(&t);
	if (!ok)
		return err_set(e, ST_DENIED, _("Only the network's coordinator or an administrator can "
		                               "do this"));
	return ST_OK;
}

status forum_moderate_thread(db *d, const account *a, int64_t thread_id, mod_action act,
                             const char *reason, error *e)
{
	static const char sql_lock[] = "UPDATE threads SET locked = ?2 WHERE id = ?1";
	static const char sql_pin[] = "UPDATE threads SET pinned = ?2 WHERE id = ?1";
	static const char *const names[] = { "lock", "unlock", "pin", "unpin" };
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	if ((s = may_moderate(d, a, thread_id, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	sqlite3_stmt *st = db_stmt(d, act == MOD_LOCK || act == MOD_UNLOCK ? sql_lock : sql_pin, e);
	if (!st) {
		db_rollback(d);
		return err_code(e);
	}
	sqlite3_bind_int64(st, 1, thread_id);
	sqlite3_bind_int(st, 2, act == MOD_LOCK || act == MOD_PIN);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_fail(d, rc, e, _("Changing the thread"));
		db_rollback(d);
		return s;
	}
	if ((s = audit_append(d, a, names[act], "thread", thread_id, NULL, reason ? reason : "", e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

status forum_hide_post(db *d, const account *a, int64_t post_id, bool hide, const char *reason,
                       error *e)
{
	static const char sql[] = "UPDATE posts SET hidden = ?2, hidden_reason = ?3 WHERE id = ?1";
	if (hide && (!reason || !*reason))
		return err_set(e, ST_INVALID, _("Say why the post is hidden (--reason)"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	post p;
	if ((s = forum_post(d, a, post_id, &p, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	int64_t tid = p.thread_id;
	post_clear(&p);
	if ((s = may_moderate(d, a, tid, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st) {
		db_rollback(d);
		return err_code(e);
	}
	sqlite3_bind_int64(st, 1, post_id);
	sqlite3_bind_int(st, 2, hide);
	sqlite3_bind_text(st, 3, hide ? reason : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_fail(d, rc, e, _("Changing the post"));
		db_rollback(d);
		return s;
	}
	if ((s = audit_append(d, a, hide ? "hide" : "unhide", "post", post_id, NULL,
	                      reason ? reason : "", e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}
