/* readmark.c — mark a thread, a network or everything read; undo the last marking.
 * The marks replaced are returned to the caller (the session keeps the last), so undo
 * needs no table and restores exactly the rows that were there, or their absence. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/forum.h"
#include "core/readmark.h"
#include "i18n.h"


void read_marks_free(read_marks *m)
{
	if (!m)
		return;
	free(m->items);
	memset(m, 0, sizeof *m);
}

/* A read-only copy keeps marks for the session only (db.c): writes are let through
 * for the moment instead of a transaction. */
static status open_write(db *d, error *e)
{
	return db_is_readonly(d) ? db_session_writes(d, true, e) : db_begin(d, e);
}

static status close_write(db *d, bool ok, error *e)
{
	if (db_is_readonly(d))
		return db_session_writes(d, false, ok ? e : NULL);
	if (ok)
		return db_commit(d, e);
	db_rollback(d);
	return ST_OK;
}

/* The mark a session moves as its reader reads (forum.h). */
status forum_mark_read(db *d, const account *a, int64_t thread_id, int64_t upto, error *e)
{
	static const char sql[] =
		"INSERT INTO read_state(account_id, thread_id, network_id, read_count, last_read_id)"
		" SELECT ?1, t.id, t.network_id, 0, 0 FROM threads t WHERE t.id = ?2"
		" ON CONFLICT(account_id, thread_id) DO NOTHING";
	/* The mark moves forward only. At (or past) the thread's largest id every post is
	 * read; otherwise the count grows by the posts between the old mark and the new one,
	 * an index range as long as the step, not the thread (a 24,000-post thread paged
	 * through would otherwise be counted again on every key). Nothing is written when
	 * neither figure changes. */
	static const char sql_move[] =
		"UPDATE read_state SET last_read_id = n.mark, read_count = n.cnt"
		"  FROM (SELECT max(r.last_read_id, min(?3, COALESCE(t.last_post_id, 0))) AS mark,"
		"          CASE WHEN max(r.last_read_id, ?3) >= COALESCE(t.last_post_id, 0)"
		"               THEN t.post_count"
		"               WHEN ?3 <= r.last_read_id THEN r.read_count"
		"               ELSE r.read_count + (SELECT count(*) FROM posts p"
		"                      WHERE p.thread_id = ?2 AND p.id > r.last_read_id AND p.id <= ?3)"
		"          END AS cnt"
		"          FROM read_state r JOIN threads t ON t.id = r.thread_id"
		"         WHERE r.account_id = ?1 AND r.thread_id = ?2) AS n"
		" WHERE account_id = ?1 AND thread_id = ?2"
		"   AND (last_read_id, read_count) <> (n.mark, n.cnt)";
	if (!a->id)
		return ST_OK; /* guests without an account keep no marks */
	/* A read-only copy keeps them for the session only, in memory (db.c). */
	status s = open_write(d, e);
	if (s != ST_OK)
		return s;
	/* No id given: everything there is (an id no post reaches). */
	if (!upto)
		upto = INT64_MAX;
	const char *stmts[2] = { sql, sql_move };
	for (int i = 0; s == ST_OK && i < 2; i++) {
		sqlite3_stmt *st = db_stmt(d, stmts[i], e);
		if (!st) {
			s = err_code(e);
			break;
		}
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, thread_id);
		if (i == 1)
			sqlite3_bind_int64(st, 3, upto);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Saving what you have read"));
	}
	if (s != ST_OK) {
		close_write(d, false, NULL);
		return s;
	}
	return close_write(d, true, e);
}

/* A read mark arriving in a sync file (sync.c): each figure only grows; a thread not
 * here has nothing to mark. */
status readmark_merge(db *d, int64_t account_id, int64_t thread_id, int64_t read_count,
                      int64_t last_read_id, bool *changed, error *e)
{
	static const char sql[] =
		"INSERT INTO read_state(account_id, thread_id, network_id, read_count, last_read_id)"
		" SELECT ?1, t.id, t.network_id, min(?3, t.post_count), ?4 FROM threads t WHERE t.id = ?2"
		" ON CONFLICT(account_id, thread_id) DO UPDATE SET"
		"   last_read_id = max(last_read_id, excluded.last_read_id),"
		"   read_count = max(read_count, excluded.read_count)"
		" WHERE excluded.last_read_id > read_state.last_read_id"
		"    OR excluded.read_count > read_state.read_count";
	*changed = false;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int64(st, 2, thread_id);
	sqlite3_bind_int64(st, 3, read_count);
	sqlite3_bind_int64(st, 4, last_read_id);
	return db_step_done(d, st, _("Saving what you have read"), changed, e);
}

/* The threads in scope that have something unread (or a mark short of the last post),
 * with the account's mark as it is. */
static status collect(db *d, const account *a, mark_scope scope, int64_t id, read_marks *out,
                      error *e)
{
	static const char sql[] =
		"SELECT t.id, t.network_id, n.leaders_only, r.thread_id IS NOT NULL,"
		"       COALESCE(r.read_count, 0), COALESCE(r.last_read_id, 0),"
		"       max(t.post_count - COALESCE(r.read_count, 0), 0)"
		"  FROM threads t JOIN networks n ON n.id = t.network_id"
		"  LEFT JOIN read_state r ON r.account_id = ?1 AND r.thread_id = t.id"
		" WHERE (?2 = 2 OR (?2 = 1 AND t.network_id = ?3) OR (?2 = 0 AND t.id = ?3))"
		"   AND (t.post_count > COALESCE(r.read_count, 0)"
		"        OR COALESCE(t.last_post_id, 0) > COALESCE(r.last_read_id, 0))"
		" ORDER BY t.id";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int(st, 2, scope == MARK_ALL ? 2 : scope == MARK_NETWORK ? 1 : 0);
	sqlite3_bind_int64(st, 3, id);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* Networks the account cannot see (the leaders' network) stay as they are. */
		if (!perm_can_see_network(a, sqlite3_column_int64(st, 1), sqlite3_column_int(st, 2)))
			continue;
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		read_mark *m = &out->items[out->n++];
		m->thread_id = sqlite3_column_int64(st, 0);
		m->network_id = sqlite3_column_int64(st, 1);
		m->had = sqlite3_column_int(st, 3) != 0;
		m->read_count = sqlite3_column_int64(st, 4);
		m->last_read_id = sqlite3_column_int64(st, 5);
		out->posts += sqlite3_column_int64(st, 6);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading what you have read"));
	sqlite3_reset(st);
	return s;
}

/* The network or thread asked for must be one the account can see. */
static status check_target(db *d, const account *a, mark_scope scope, int64_t id, error *e)
{
	static const char sql_net[] = "SELECT id, leaders_only FROM networks WHERE id = ?1";
	static const char sql_thread[] = "SELECT n.id, n.leaders_only FROM threads t"
	                                 " JOIN networks n ON n.id = t.network_id WHERE t.id = ?1";
	if (scope == MARK_ALL)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(d, scope == MARK_NETWORK ? sql_net : sql_thread, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	bool seen = rc == SQLITE_ROW &&
	            perm_can_see_network(a, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(d, rc, e, _("Reading what you have read"));
	if (!seen)
		return err_set(e, ST_NOTFOUND, scope == MARK_NETWORK ? _("No such network")
		                                                      : _("No such thread"));
	return ST_OK;
}

status readmark_mark(db *d, const account *a, mark_scope scope, int64_t id, read_marks *undo,
                     error *e)
{
	static const char sql_set[] =
		"INSERT INTO read_state(account_id, thread_id, network_id, read_count, last_read_id)"
		" SELECT ?1, t.id, t.network_id, t.post_count, COALESCE(t.last_post_id, 0)"
		"   FROM threads t WHERE t.id = ?2"
		" ON CONFLICT(account_id, thread_id) DO UPDATE SET read_count = excluded.read_count,"
		"   last_read_id = excluded.last_read_id";
	memset(undo, 0, sizeof *undo);
	if (!a->id)
		return err_set(e, ST_DENIED, _("Guests keep no read marks"));
	status s = open_write(d, e);
	if (s != ST_OK)
		return s;
	s = check_target(d, a, scope, id, e);
	if (s == ST_OK)
		s = collect(d, a, scope, id, undo, e);
	for (size_t i = 0; s == ST_OK && i < undo->n; i++) {
		sqlite3_stmt *st = db_stmt(d, sql_set, e);
		if (!st) {
			s = err_code(e);
			break;
		}
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, undo->items[i].thread_id);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Saving what you have read"));
	}
	if (s != ST_OK) {
		close_write(d, false, NULL);
		read_marks_free(undo);
		return s;
	}
	s = close_write(d, true, e);
	if (s != ST_OK)
		read_marks_free(undo);
	return s;
}

status readmark_restore(db *d, const account *a, const read_marks *undo, error *e)
{
	static const char sql_put[] =
		"INSERT INTO read_state(account_id, thread_id, network_id, read_count, last_read_id)"
		" SELECT ?1, t.id, t.network_id, ?3, ?4 FROM threads t WHERE t.id = ?2"
		" ON CONFLICT(account_id, thread_id) DO UPDATE SET read_count = excluded.read_count,"
		"   last_read_id = excluded.last_read_id";
	/* A thread deleted since is left out (the SELECT finds nothing). */
	static const char sql_drop[] =
		"DELETE FROM read_state WHERE account_id = ?1 AND thread_id = ?2";
	if (!a->id)
		return err_set(e, ST_DENIED, _("Guests keep no read marks"));
	status s = open_write(d, e);
	if (s != ST_OK)
		return s;
	for (size_t i = 0; s == ST_OK && i < undo->n; i++) {
		const read_mark *m = &undo->items[i];
		sqlite3_stmt *st = db_stmt(d, m->had ? sql_put : sql_drop, e);
		if (!st) {
			s = err_code(e);
			break;
		}
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, m->thread_id);
		if (m->had) {
			sqlite3_bind_int64(st, 3, m->read_count);
			sqlite3_bind_int64(st, 4, m->last_read_id);
		}
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Putting back what you had read"));
	}
	if (s != ST_OK) {
		close_write(d, false, NULL);
		return s;
	}
	return close_write(d, true, e);
}
