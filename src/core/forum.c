/* forum.c — threads and posts. Posts form a reply tree: each post keeps `path`, the
 * big-endian ids from the thread's first post down to itself (down to 16 levels;
 * deeper replies sit beside their parent: forum_rows.h), so reading order is an index
 * range scan and any window of a 5,000-post thread costs the same. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/feedback.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "core/forum_priv.h"
#include "core/forum_rows.h"
#include "core/lemma.h"
#include "core/practice.h"
#include "core/search_index.h"
#include "i18n.h"
#include "text/pltext.h"
#include "text/utf8.h"


void thread_key_of(const thread *t, thread_key *k)
{
	k->pinned = t->pinned;
	snprintf(k->last_post_at, sizeof k->last_post_at, "%s", t->last_post_at);
	k->id = t->id;
}

void thread_clear(thread *t)
{
	if (!t)
		return;
	free(t->title), free(t->author), free(t->created_at), free(t->last_post_at);
	free(t->date_text);
	memset(t, 0, sizeof *t);
}

void thread_list_free(thread_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		thread_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* The time the bundled directory gives a meeting thread's first post (seed.c): a
 * placeholder when the meeting's date_basis is not "source". */
#define PLACEHOLDER_AT "COALESCE(NULLIF(g.date_end, ''), g.date_start) || 'T00:00:00Z'"

/* NULL, or the date text standing in for a placeholder time (see forum.h). */
static status date_text_col(sqlite3_stmt *st, int col, char **out)
{
	*out = NULL;
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return ST_OK;
	const char *v = (const char *)sqlite3_column_text(st, col);
	*out = v && *v ? date_phrase(v) : strdup(_("date not known"));
	return *out ? ST_OK : ST_INTERNAL;
}

#define THREAD_COLUMNS \
	"SELECT t.id, t.network_id, COALESCE(t.meeting_id, 0), n.number, t.title, a.display_name," \
	"       t.created_at, t.last_post_at, t.post_count," \
	"       max(t.post_count - COALESCE(r.read_count, 0), 0), t.locked, t.pinned, n.leaders_only," \
	"       (SELECT g.date_text FROM meetings g WHERE g.id = t.meeting_id" \
	"         AND g.date_basis <> 'source' AND t.last_post_at = " PLACEHOLDER_AT ")," \
	"       (SELECT CASE WHEN fr.accepted_post IS NULL THEN 1 ELSE 2 END" \
	"          FROM feedback_requests fr WHERE fr.thread_id = t.id)" \
	"  FROM threads t JOIN networks n ON n.id = t.network_id" \
	"  JOIN accounts a ON a.id = t.author_id" \
	"  LEFT JOIN read_state r ON r.account_id = ?1 AND r.thread_id = t.id"

static status thread_from_row(sqlite3_stmt *st, thread *t, error *e)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->network_id = sqlite3_column_int64(st, 1);
	t->meeting_id = sqlite3_column_int64(st, 2);
	t->network_number = sqlite3_column_int(st, 3);
	t->title = db_col_dup(st, 4);
	t->author = db_col_dup(st, 5);
	t->created_at = db_col_dup(st, 6);
	t->last_post_at = db_col_dup(st, 7);
	t->post_count = sqlite3_column_int64(st, 8);
	t->unread = sqlite3_column_int64(st, 9);
	t->locked = sqlite3_column_int(st, 10) != 0;
	t->pinned = sqlite3_column_int(st, 11) != 0;
	t->request = sqlite3_column_int(st, 14);
	if (date_text_col(st, 13, &t->date_text) != ST_OK || !t->title || !t->author ||
	    !t->created_at || !t->last_post_at) {
		thread_clear(t);
		return err_oom(e);
	}
	return ST_OK;
}

static status threads_collect(db *d, sqlite3_stmt *st, bool reverse, thread_list *out, error *e)
{
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = thread_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the threads"));
	sqlite3_reset(st);
	if (s != ST_OK) {
		thread_list_free(out);
		return s;
	}
	for (size_t i = 0; reverse && i < out->n / 2; i++) {
		thread tmp = out->items[i];
		out->items[i] = out->items[out->n - 1 - i];
		out->items[out->n - 1 - i] = tmp;
	}
	return ST_OK;
}

/* The network must exist and be visible to the account. */
static status network_visible(db *d, const account *a, int64_t network_id, bool *leaders_only,
                              error *e)
{
	static const char sql[] = "SELECT leaders_only FROM networks WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, network_id);
	int rc = sqlite3_step(st);
	bool lo = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(d, rc, e, _("Reading the network"));
	if (rc == SQLITE_DONE || !perm_can_see_network(a, network_id, lo))
		return err_set(e, ST_NOTFOUND, _("No such network"));
	if (leaders_only)
		*leaders_only = lo;
	return ST_OK;
}

status forum_threads_page(db *d, const account *a, int64_t network_id, const thread_key *from,
                          bool backwards, size_t limit, thread_list *out, error *e)
{
	static const char sql_first[] = THREAD_COLUMNS
		" WHERE t.network_id = ?2 ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT ?5";
	static const char sql_after[] = THREAD_COLUMNS
		" WHERE t.network_id = ?2 AND (t.pinned, t.last_post_at, t.id) < (?6, ?3, ?4)"
		" ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT ?5";
	static const char sql_before[] = THREAD_COLUMNS
		" WHERE t.network_id = ?2 AND (t.pinned, t.last_post_at, t.id) > (?6, ?3, ?4)"
		" ORDER BY t.pinned, t.last_post_at, t.id LIMIT ?5";
	static const char sql_last[] = THREAD_COLUMNS
		" WHERE t.network_id = ?2 ORDER BY t.pinned, t.last_post_at, t.id LIMIT ?5";
	memset(out, 0, sizeof *out);
	status s = network_visible(d, a, network_id, NULL, e);
	if (s != ST_OK)
		return s;
	const char *sql = from ? (backwards ? sql_before : sql_after) : (backwards ? sql_last : sql_first);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, network_id);
	if (from) {
		sqlite3_bind_text(st, 3, from->last_post_at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, from->id);
		sqlite3_bind_int(st, 6, from->pinned);
	}
	sqlite3_bind_int64(st, 5, (int64_t)limit);
	return threads_collect(d, st, backwards, out, e);
}

int64_t forum_thread_position(db *d, int64_t network_id, const thread_key *k)
{
	static const char sql[] = "SELECT count(*) FROM threads WHERE network_id = ?1"
	                          " AND (pinned, last_post_at, id) > (?4, ?2, ?3)";
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	int64_t n = 0;
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, network_id);
	sqlite3_bind_text(st, 2, k->last_post_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, k->id);
	sqlite3_bind_int(st, 4, k->pinned);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

status forum_thread(db *d, const account *a, int64_t id, thread *out, error *e)
{
	static const char sql[] = THREAD_COLUMNS " WHERE t.id = ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, id);
	int rc = sqlite3_step(st);
	status s;
	if (rc == SQLITE_ROW && perm_can_see_network(a, sqlite3_column_int64(st, 1),
	                                             sqlite3_column_int(st, 12)))
		s = thread_from_row(st, out, e);
	else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		s = err_set(e, ST_NOTFOUND, _("No thread with id %lld"), (long long)id);
	else
		s = db_fail(d, rc, e, _("Reading the thread"));
	sqlite3_reset(st);
	return s;
}

status forum_visible_threads(db *d, const account *a, const int64_t *ids, size_t n,
                             thread_list *out, error *e)
{
	memset(out, 0, sizeof *out);
	size_t cap = 0;
	status s = ST_OK;
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		thread t;
		error why;
		if ((s = forum_thread(d, a, ids[i], &t, &why)) != ST_OK) {
			/* Not there or not for a: left out. Anything else is the list's failure. */
			if (s == ST_NOTFOUND)
				s = ST_OK;
			else if (e)
				*e = why;
			continue;
		}
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			thread_clear(&t);
			s = err_oom(e);
			break;
		}
		out->items[out->n++] = t;
	}
	if (s != ST_OK)
		thread_list_free(out);
	return s;
}

/* ---- posts ---- */

#define POST_COLUMNS \
	"SELECT p.id, p.thread_id, COALESCE(p.parent_id, 0), p.author_id, a.display_name, a.login," \
	"       COALESCE(c.name, ''), p.body, p.created_at, COALESCE(p.edited_at, '')," \
	"       " FORUM_DEPTH_SQL("p") ", p.id > COALESCE(r.last_read_id, 0), p.hidden, p.path," \
	"       p.hidden_reason," \
	"       (SELECT g.date_text FROM threads t2 JOIN meetings g ON g.id = t2.meeting_id" \
	"         WHERE t2.id = p.thread_id AND p.parent_id IS NULL AND g.date_basis <> 'source'" \
	"           AND p.created_at = " PLACEHOLDER_AT ")" \
	"  FROM posts p JOIN accounts a ON a.id = p.author_id" \
	"  LEFT JOIN cities c ON c.id = a.city_id" \
	"  LEFT JOIN read_state r ON r.account_id = ?1 AND r.thread_id = p.thread_id"

void post_clear(post *p)
{
	if (!p)
		return;
	free(p->author), free(p->author_login), free(p->author_city), free(p->body);
	free(p->created_at), free(p->edited_at), free(p->path), free(p->hidden_reason);
	free(p->date_text);
	memset(p, 0, sizeof *p);
}

void post_list_free(post_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		post_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

static status post_from_row(sqlite3_stmt *st, post *p, error *e)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->thread_id = sqlite3_column_int64(st, 1);
	p->parent_id = sqlite3_column_int64(st, 2);
	p->author_id = sqlite3_column_int64(st, 3);
	p->author = db_col_dup(st, 4);
	p->author_login = db_col_dup(st, 5);
	p->author_city = db_col_dup(st, 6);
	p->body = db_col_dup(st, 7);
	p->created_at = db_col_dup(st, 8);
	p->edited_at = db_col_dup(st, 9);
	p->depth = sqlite3_column_int(st, 10);
	p->unread = sqlite3_column_int(st, 11) != 0;
	p->hidden = sqlite3_column_int(st, 12) != 0;
	p->hidden_reason = db_col_dup(st, 14);
	p->path_len = (size_t)sqlite3_column_bytes(st, 13);
	p->path = malloc(p->path_len + 1);
	if (p->path)
		memcpy(p->path, sqlite3_column_blob(st, 13), p->path_len);
	if (date_text_col(st, 15, &p->date_text) != ST_OK || !p->author || !p->author_login ||
	    !p->author_city || !p->body || !p->created_at || !p->edited_at || !p->path ||
	    !p->hidden_reason) {
		post_clear(p);
		return err_oom(e);
	}
	return ST_OK;
}

/* A hidden post's text is for its author and the network's moderators only. */
static void redact(const account *a, int64_t network_id, post *p)
{
	if (p->hidden && !perm_can_moderate(a, network_id) && !(a->id && a->id == p->author_id))
		p->body[0] = '\0';
}

status post_copy(const post *p, post *out, error *e)
{
	*out = *p;
	out->author = strdup(p->author);
	out->author_login = strdup(p->author_login);
	out->author_city = strdup(p->author_city);
	out->body = strdup(p->body);
	out->created_at = strdup(p->created_at);
	out->edited_at = strdup(p->edited_at);
	out->hidden_reason = strdup(p->hidden_reason ? p->hidden_reason : "");
	out->date_text = p->date_text ? strdup(p->date_text) : NULL;
	out->path = malloc(p->path_len + 1);
	if (out->path)
		memcpy(out->path, p->path, p->path_len);
	if (!out->author || !out->author_login || !out->author_city || !out->body ||
	    !out->created_at || !out->edited_at || !out->path || !out->hidden_reason ||
	    (p->date_text && !out->date_text)) {
		post_clear(out);
		return err_oom(e);
	}
	return ST_OK;
}

status forum_posts_page(db *d, const account *a, int64_t thread_id, const post *from,
                        bool backwards, size_t limit, post_list *out, error *e)
{
	static const char sql_fwd[] = POST_COLUMNS
		" WHERE p.thread_id = ?2 AND p.path > ?3 ORDER BY p.path LIMIT ?4";
	static const char sql_back[] = POST_COLUMNS
		" WHERE p.thread_id = ?2 AND p.path < ?3 ORDER BY p.path DESC LIMIT ?4";
	static const char sql_last[] = POST_COLUMNS
		" WHERE p.thread_id = ?2 ORDER BY p.path DESC LIMIT ?4";
	memset(out, 0, sizeof *out);
	thread t;
	status s = forum_thread(d, a, thread_id, &t, e);
	if (s != ST_OK)
		return s;
	int64_t network_id = t.network_id;
	thread_clear(&t);
	const char *sql = backwards ? (from ? sql_back : sql_last) : sql_fwd;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, thread_id);
	if (from)
		sqlite3_bind_blob(st, 3, from->path, (int)from->path_len, SQLITE_TRANSIENT);
	else
		sqlite3_bind_zeroblob(st, 3, 0);
	sqlite3_bind_int64(st, 4, (int64_t)limit);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = post_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		redact(a, network_id, &out->items[out->n]);
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the posts"));
	sqlite3_reset(st);
	if (s != ST_OK) {
		post_list_free(out);
		return s;
	}
	for (size_t i = 0; backwards && i < out->n / 2; i++) {
		post tmp = out->items[i];
		out->items[i] = out->items[out->n - 1 - i];
		out->items[out->n - 1 - i] = tmp;
	}
	return ST_OK;
}

status forum_post(db *d, const account *a, int64_t post_id, post *out, error *e)
{
	static const char sql[] = POST_COLUMNS " WHERE p.id = ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, post_id);
	int rc = sqlite3_step(st);
	status s;
	if (rc == SQLITE_ROW)
		s = post_from_row(st, out, e);
	else if (rc == SQLITE_DONE)
		s = err_set(e, ST_NOTFOUND, _("No post with id %lld"), (long long)post_id);
	else
		s = db_fail(d, rc, e, _("Reading the post"));
	sqlite3_reset(st);
	if (s == ST_OK) {
		thread t; /* visibility follows the thread's network */
		s = forum_thread(d, a, out->thread_id, &t, e);
		if (s == ST_OK)
			redact(a, t.network_id, out);
		thread_clear(&t);
		if (s != ST_OK) {
			post_clear(out);
			s = err_set(e, ST_NOTFOUND, _("No post with id %lld"), (long long)post_id);
		}
	}
	return s;
}

int64_t forum_post_position(db *d, const post *p)
{
	static const char sql[] = "SELECT count(*) FROM posts WHERE thread_id = ?1 AND path < ?2";
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	int64_t n = 0;
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, p->thread_id);
	sqlite3_bind_blob(st, 2, p->path, (int)p->path_len, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

/* ---- writing ---- */

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

status forum_validate_text(const char *title, const char *body, error *e)
{
	if (title) {
		if (blank(title))
			return err_set(e, ST_INVALID, _("The title is empty"));
		if (strlen(title) > FORUM_TITLE_MAX)
			return err_set(e, ST_INVALID, ngettext("The title is too long (at most %d byte)",
			                                        "The title is too long (at most %d bytes)",
			                                        FORUM_TITLE_MAX), FORUM_TITLE_MAX);
		if (strpbrk(title, "\r\n"))
			return err_set(e, ST_INVALID, _("The title must be one line"));
		if (!utf8_valid(title, strlen(title)))
			return err_set(e, ST_INVALID, _("The title is not valid UTF-8 text"));
	}
	if (blank(body))
		return err_set(e, ST_INVALID, _("The text is empty; nothing was posted"));
	size_t n = strlen(body);
	if (n > FORUM_BODY_MAX)
		return err_set(e, ST_INVALID, ngettext("The text is too long (%zu byte, at most %d)",
		                                        "The text is too long (%zu bytes, at most %d)",
		                                        (unsigned long)n), n, FORUM_BODY_MAX);
	if (!utf8_valid(body, n))
		return err_set(e, ST_INVALID, _("The text is not valid UTF-8; set your terminal or "
		                                "file to UTF-8, or use --encoding"));
	return ST_OK;
}

/* The posting limit (db_set_post_limit): new threads, replies and edits of the account in
 * the minute before now, counted from the audit log (index audit_account_at), inside the
 * caller's transaction. Administrators are not limited: they import and repair. */
static status check_post_rate(db *d, const account *a, error *e)
{
	static const char sql[] =
		"SELECT count(*), CAST(strftime('%s', min(at)) AS INTEGER) + 60"
		"       - CAST(strftime('%s', ?2) AS INTEGER)"
		"  FROM audit WHERE account_id = ?1"
		"   AND at > strftime('%Y-%m-%dT%H:%M:%SZ', ?2, '-60 seconds') AND at <= ?2"
		"   AND ((action = 'create' AND object IN ('thread', 'post'))"
		"        OR (action = 'edit' AND object = 'post'))";
	int limit = db_post_limit(d);
	if (!limit || !a->id || a->role == ROLE_ADMIN)
		return ST_OK;
	char now[32];
	db_now(now, sizeof now);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	int64_t wait = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(d, rc, e, _("Counting your recent posts"));
	if (n < limit)
		return ST_OK;
	if (wait < 1)
		wait = 1;
	if (wait > 60)
		wait = 60;
	/* When first: a status line may show only the start. */
	char first[200];
	snprintf(first, sizeof first,
	         ngettext("You can post again in %lld second", "You can post again in %lld seconds",
	                  (unsigned long)wait),
	         (long long)wait);
	return err_set(e, ST_DENIED,
	               ngettext("%s: at most %d post a minute per account. Nothing was posted.",
	                        "%s: at most %d posts a minute per account. Nothing was posted.",
	                        (unsigned long)limit),
	               first, limit);
}

status forum_new_thread(db *d, const account *a, int number, const char *title,
                        const char *body, int64_t *thread_id, error *e)
{
	return forum_new_thread_linked(d, a, number, title, body, 0, 0, thread_id, e);
}

/* Link a new thread to the meeting it is about (same network only) or to a practice
 * it asks about (one the account may see). */
static status link_new_thread(db *d, const account *a, int64_t tid, int64_t net,
                              int64_t meeting_id, int64_t practice_id, error *e)
{
	static const char sql_meeting[] =
		"UPDATE threads SET meeting_id = ?2 WHERE id = ?1"
		"   AND (SELECT network_id FROM meetings WHERE id = ?2) = ?3";
	if (meeting_id) {
		sqlite3_stmt *st = db_stmt(d, sql_meeting, e);
		if (!st)
			return err_code(e);
		sqlite3_bind_int64(st, 1, tid);
		sqlite3_bind_int64(st, 2, meeting_id);
		sqlite3_bind_int64(st, 3, net);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(d, rc, e, _("Saving the thread"));
		if (sqlite3_changes(db_handle(d)) != 1)
			return err_set(e, ST_INVALID, _("The meeting is not one of this network's"));
	}
	if (practice_id) {
		practice p;
		status s = practice_get(d, a, practice_id, NULL, &p, e);
		if (s != ST_OK)
			return s;
		practice_clear(&p);
		return forum_rows_link_practice(d, tid, practice_id, e);
	}
	return ST_OK;
}

status forum_new_thread_tx(db *d, const account *a, int number, const char *title,
                          const char *body, int64_t meeting_id, int64_t practice_id,
                          int64_t *thread_id, int64_t *post_id, error *e)
{
	static const char sql_net[] = "SELECT id, leaders_only FROM networks WHERE number = ?1";
	sqlite3_stmt *st = db_stmt(d, sql_net, e);
	if (!st)
		goto fail;
	sqlite3_bind_int(st, 1, number);
	int rc = sqlite3_step(st);
	int64_t net = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	bool lo = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (!net || !perm_can_see_network(a, net, lo)) {
		err_set(e, ST_NOTFOUND, _("No network number %d"), number);
		goto fail;
	}
	if (perm_check_post(d, a, net, lo, e) != ST_OK || check_post_rate(d, a, e) != ST_OK)
		goto fail;
	char now[32];
	db_now(now, sizeof now);
	thread_fields tf = { .network_id = net, .author_id = a->id, .title = title,
	                     .created_at = now };
	post_fields pf = { .author_id = a->id, .body = body, .created_at = now };
	int64_t tid = 0, pid = 0;
	if (forum_rows_thread(d, &tf, &tid, e) != ST_OK ||
	    link_new_thread(d, a, tid, net, meeting_id, practice_id, e) != ST_OK)
		goto fail;
	pf.thread_id = tid;
	if (forum_rows_post(d, &pf, &pid, e) != ST_OK ||
	    audit_append(d, a, "create", "thread", tid, NULL, title, e) != ST_OK ||
	    draft_delete(d, a, "thread", net, e) != ST_OK)
		goto fail;
	*thread_id = tid;
	*post_id = pid;
	return ST_OK;
fail:
	return err_code(e);
}

status forum_new_thread_linked(db *d, const account *a, int number, const char *title,
                               const char *body, int64_t meeting_id, int64_t practice_id,
                               int64_t *thread_id, error *e)
{
	status s = forum_validate_text(title, body, e);
	if (s != ST_OK)
		return s;
	lemma_prepare(db_lemmatizer(d), title);
	lemma_prepare(db_lemmatizer(d), body);
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	int64_t tid = 0, pid = 0;
	if (forum_new_thread_tx(d, a, number, title, body, meeting_id, practice_id, &tid, &pid,
	                        e) != ST_OK)
		goto fail;
	if ((s = db_commit(d, e)) != ST_OK)
		return s;
	if (thread_id)
		*thread_id = tid;
	/* What you wrote yourself is not news to you. The thread is stored whatever happens
	 * to the mark: calling it failed would invite writing it a second time. */
	error ignore;
	forum_mark_read(d, a, tid, pid, &ignore);
	return ST_OK;
fail:
	db_rollback(d);
	return err_code(e);
}

static bool is_request(db *d, int64_t thread_id)
{
	static const char sql[] = "SELECT 1 FROM feedback_requests WHERE thread_id = ?1";
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, thread_id);
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

status forum_reply(db *d, const account *a, int64_t thread_id, int64_t parent_id,
                   const char *body, int64_t *post_id, error *e)
{
	static const char sql_parent[] =
		"SELECT p.id, p.path, " FORUM_DEPTH_SQL("p") " FROM posts p"
		" WHERE p.thread_id = ?1 AND (?2 = 0 OR p.id = ?2) ORDER BY p.path LIMIT 1";
	status s = forum_validate_text(NULL, body, e);
	if (s != ST_OK)
		return s;
	lemma_prepare(db_lemmatizer(d), body);
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	thread t;
	bool lo = false;
	if (forum_thread(d, a, thread_id, &t, e) != ST_OK)
		goto fail;
	int64_t net = t.network_id;
	bool locked = t.locked;
	thread_clear(&t);
	if (network_visible(d, a, net, &lo, e) != ST_OK)
		goto fail;
	/* An expert answers the requests of the networks they answer for, whatever town
	 * (if any) their account is linked to. */
	if (!(feedback_answers_for(a, net) && is_request(d, thread_id)) &&
	    perm_check_post(d, a, net, lo, e) != ST_OK)
		goto fail;
	if (locked && !perm_can_moderate(a, net)) {
		err_set(e, ST_DENIED, _("This thread is locked by the coordinator; replies are closed"));
		goto fail;
	}
	if (check_post_rate(d, a, e) != ST_OK)
		goto fail;
	sqlite3_stmt *st = db_stmt(d, sql_parent, e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, thread_id);
	sqlite3_bind_int64(st, 2, parent_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			err_set(e, ST_NOTFOUND, _("No post with id %lld in thread %lld"),
			        (long long)parent_id, (long long)thread_id);
		else
			db_fail(d, rc, e, _("Reading the post answered"));
		goto fail;
	}
	int64_t pid = sqlite3_column_int64(st, 0);
	int64_t pdepth = sqlite3_column_int64(st, 2);
	size_t plen = (size_t)sqlite3_column_bytes(st, 1);
	unsigned char *ppath = malloc(plen + 1);
	if (ppath)
		memcpy(ppath, sqlite3_column_blob(st, 1), plen);
	sqlite3_reset(st);
	if (!ppath) {
		err_oom(e);
		goto fail;
	}
	char now[32];
	db_now(now, sizeof now);
	int64_t id = 0;
	post_fields pf = { .thread_id = thread_id, .parent_id = pid, .parent_path = ppath,
	                   .parent_len = plen, .parent_depth = pdepth, .author_id = a->id, .body = body,
	                   .created_at = now };
	s = forum_rows_post(d, &pf, &id, e);
	free(ppath);
	if (s != ST_OK || audit_append(d, a, "create", "post", id, NULL, NULL, e) != ST_OK ||
	    draft_delete(d, a, "reply", parent_id ? parent_id : -thread_id, e) != ST_OK)
		goto fail;
	if ((s = db_commit(d, e)) != ST_OK)
		return s;
	if (post_id)
		*post_id = id;
	/* Answering a thread means having read it up to here (best effort, as above). */
	error ignore;
	forum_mark_read(d, a, thread_id, id, &ignore);
	return ST_OK;
fail:
	db_rollback(d);
	return err_code(e);
}

status forum_edit_post(db *d, const account *a, int64_t post_id, const char *body, error *e)
{
	/* The same text saved again is no edit: no new time, no audit entry (an offline copy
	 * would otherwise see a new version of a text that did not change). */
	static const char sql_upd[] =
		"UPDATE posts SET body = ?2, edited_at = ?3 WHERE id = ?1 AND body IS NOT ?2";
	status s = forum_validate_text(NULL, body, e);
	if (s != ST_OK)
		return s;
	lemma_prepare(db_lemmatizer(d), body);
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	post p;
	thread t;
	if (forum_post(d, a, post_id, &p, e) != ST_OK)
		goto fail;
	if (forum_thread(d, a, p.thread_id, &t, e) != ST_OK) {
		post_clear(&p);
		goto fail;
	}
	bool moderates = perm_can_moderate(a, t.network_id);
	bool may = (a->id && p.author_id == a->id && a->role != ROLE_GUEST) || moderates;
	bool locked = t.locked, hidden = p.hidden;
	thread_clear(&t);
	if (!may) {
		post_clear(&p);
		err_set(e, ST_DENIED, _("You can edit only your own posts"));
		goto fail;
	}
	/* What a coordinator has closed stays as it was until they open it again. */
	if (hidden && !moderates) {
		post_clear(&p);
		err_set(e, ST_DENIED, _("A coordinator has hidden this post, so it cannot be edited; "
		                        "ask the network's coordinator to show it again"));
		goto fail;
	}
	if (locked && !moderates) {
		post_clear(&p);
		err_set(e, ST_DENIED, _("This thread is locked by the coordinator, so its posts cannot "
		                        "be edited"));
		goto fail;
	}
	if (check_post_rate(d, a, e) != ST_OK) {
		post_clear(&p);
		goto fail;
	}
	char now[32];
	db_now(now, sizeof now);
	sqlite3_stmt *st = db_stmt(d, sql_upd, e);
	if (!st) {
		post_clear(&p);
		goto fail;
	}
	sqlite3_bind_int64(st, 1, post_id);
	sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		post_clear(&p);
		db_fail(d, rc, e, _("Saving the post"));
		goto fail;
	}
	if (sqlite3_changes(db_handle(d)) > 0) {
		s = search_unindex_post(d, post_id, p.body, e);
		if (s == ST_OK)
			s = search_index_post(d, post_id, body, e);
		if (s == ST_OK)
			s = audit_append(d, a, "edit", "post", post_id, p.body, body, e);
	}
	post_clear(&p);
	if (s != ST_OK || draft_delete(d, a, "edit", post_id, e) != ST_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	return err_code(e);
}

status forum_next_unread(db *d, const account *a, int64_t network_id, const thread_key *after,
                         int64_t *thread_id, error *e)
{
	static const char sql_in[] =
		"SELECT t.id FROM threads t"
		"  LEFT JOIN read_state r ON r.account_id = ?1 AND r.thread_id = t.id"
		" WHERE t.network_id = ?2 AND (t.pinned, t.last_post_at, t.id) < (?5, ?3, ?4)"
		"   AND t.post_count > COALESCE(r.read_count, 0)"
		" ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT 1";
	static const char sql_nets[] =
		"SELECT id, leaders_only FROM networks ORDER BY number < (SELECT number FROM networks"
		" WHERE id = ?1), number";
	*thread_id = 0;
	/* The networks in order, starting with the current one, wrapping round. */
	int64_t nets[64];
	size_t nn = 0;
	sqlite3_stmt *st = db_stmt(d, sql_nets, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, network_id);
	while (sqlite3_step(st) == SQLITE_ROW && nn < sizeof nets / sizeof nets[0] - 1)
		if (perm_can_see_network(a, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1)))
			nets[nn++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (nn)
		nets[nn++] = nets[0]; /* finally the top of the current network */
	for (size_t i = 0; i < nn && !*thread_id; i++) {
		if (!(st = db_stmt(d, sql_in, e)))
			return err_code(e);
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, nets[i]);
		if (i == 0 && after) {
			sqlite3_bind_text(st, 3, after->last_post_at, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 4, after->id);
			sqlite3_bind_int(st, 5, after->pinned);
		} else {
			sqlite3_bind_text(st, 3, "\x7f", -1, SQLITE_STATIC); /* above any timestamp */
			sqlite3_bind_int64(st, 4, 0);
			sqlite3_bind_int(st, 5, 2); /* above pinned */
		}
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*thread_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(d, rc, e, _("Looking for unread threads"));
	}
	return ST_OK;
}

status forum_threads_view(db *d, const account *a, int64_t network_id, thread_sort sort,
                          thread_list *out, error *e)
{
#define VIEW_SQL(order) THREAD_COLUMNS " WHERE t.network_id = ?2 ORDER BY t.pinned DESC, " order
	static const char *const sql[TSORT__COUNT] = {
		[TSORT_ACTIVITY] = VIEW_SQL("t.last_post_at DESC, t.id DESC"),
		[TSORT_CREATED] = VIEW_SQL("t.created_at DESC, t.id DESC"),
		[TSORT_TITLE] = VIEW_SQL("t.title COLLATE PL, t.id"),
		[TSORT_UNREAD] = VIEW_SQL("t.post_count > COALESCE(r.read_count, 0) DESC,"
		                          " t.last_post_at DESC, t.id DESC"),
	};
#undef VIEW_SQL
	memset(out, 0, sizeof *out);
	if (sort < 0 || sort >= TSORT__COUNT)
		sort = TSORT_ACTIVITY;
	status s = network_visible(d, a, network_id, NULL, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(d, sql[sort], e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int64(st, 2, network_id);
	return threads_collect(d, st, false, out, e);
}

/* A sub-thread is the posts whose path starts with the root's: they sort between the
 * root's path and that path followed by 0xFF (an id's first byte is below 0x10). */
int64_t forum_replies_count(db *d, const post *p)
{
	/* The bound is bound as a blob: SQL's || would make text of it, and text sorts
	 * before every blob. */
	static const char sql[] = "SELECT count(*) FROM posts WHERE thread_id = ?1"
	                          " AND path > ?2 AND path < ?3";
	post end;
	int64_t n = 0;
	if (!forum_after_subthread(p, p->path_len, &end))
		return 0;
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st) {
		post_clear(&end);
		return 0;
	}
	sqlite3_bind_int64(st, 1, p->thread_id);
	sqlite3_bind_blob(st, 2, p->path, (int)p->path_len, SQLITE_TRANSIENT);
	sqlite3_bind_blob(st, 3, end.path, (int)end.path_len, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	post_clear(&end);
	return n;
}

bool forum_replies_beside(db *d, const post *p)
{
	static const char sql[] = "SELECT EXISTS (SELECT 1 FROM posts WHERE parent_id = ?1)";
	if (p->path_len < FORUM_PATH_MAX)
		return false;
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, p->id);
	bool yes = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return yes;
}

bool forum_after_subthread(const post *p, size_t path_len, post *out)
{
	memset(out, 0, sizeof *out);
	if (path_len > p->path_len)
		path_len = p->path_len;
	out->path = malloc(path_len + 1);
	if (!out->path)
		return false;
	memcpy(out->path, p->path, path_len);
	out->path[path_len] = 0xFF;
	out->path_len = path_len + 1;
	out->thread_id = p->thread_id;
	return true;
}
