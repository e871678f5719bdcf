/* feedback.c — see feedback.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/feedback.h"
#include "core/forum_priv.h"
#include "core/lemma.h"
#include "core/practice.h"
#include "i18n.h"
#include "text/utf8.h"


bool feedback_answers_for(const account *a, int64_t network_id)
{
	if (a->role == ROLE_GUEST)
		return false;
	if (a->role == ROLE_COORDINATOR || a->expert)
		return a->network_id == 0 || a->network_id == network_id;
	return false;
}

void feedback_request_clear(feedback_request *r)
{
	if (!r)
		return;
	free(r->title), free(r->city), free(r->author), free(r->assess), free(r->practice);
	free(r->created_at), free(r->first_answer_at), free(r->accepted_at);
	free(r->helper), free(r->helper_city);
	memset(r, 0, sizeof *r);
}

void feedback_list_free(feedback_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		feedback_request_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* An answer: a post in the request's thread, visible, by someone from outside the
 * asking town (x: the post's author, r: the request). */
#define IS_ANSWER "p.hidden = 0 AND COALESCE(x.city_id, 0) <> r.city_id"
#define SECONDS(a, b) "CAST(round((julianday(" a ") - julianday(" b ")) * 86400) AS INTEGER)"

#define REQUEST_COLUMNS \
	"SELECT r.thread_id, t.network_id, n.number, n.leaders_only, r.city_id, t.title, c.name," \
	"       au.display_name, r.assess," \
	"       COALESCE((SELECT pr.key FROM practice_threads pt JOIN practices pr" \
	"                 ON pr.id = pt.practice_id WHERE pt.thread_id = r.thread_id" \
	"                 ORDER BY pr.id LIMIT 1), '')," \
	"       t.created_at, f.first_at, COALESCE(f.answers, 0), COALESCE(r.accepted_post, 0)," \
	"       COALESCE(r.accepted_at, ''), COALESCE(h.display_name, ''), COALESCE(hc.name, '')," \
	"       CASE WHEN f.first_at IS NULL THEN -1 ELSE " SECONDS("f.first_at", "t.created_at") " END," \
	"       CASE WHEN r.accepted_post IS NULL THEN -1" \
	"            ELSE " SECONDS("r.accepted_at", "t.created_at") " END" \
	"  FROM feedback_requests r JOIN threads t ON t.id = r.thread_id" \
	"  JOIN networks n ON n.id = t.network_id JOIN cities c ON c.id = r.city_id" \
	"  JOIN accounts au ON au.id = t.author_id" \
	"  LEFT JOIN (SELECT p.thread_id AS tid, min(p.created_at) AS first_at, count(*) AS answers" \
	"               FROM feedback_requests r JOIN posts p ON p.thread_id = r.thread_id" \
	"               JOIN accounts x ON x.id = p.author_id WHERE " IS_ANSWER \
	"              GROUP BY p.thread_id) f ON f.tid = r.thread_id" \
	"  LEFT JOIN posts hp ON hp.id = r.accepted_post" \
	"  LEFT JOIN accounts h ON h.id = hp.author_id LEFT JOIN cities hc ON hc.id = h.city_id"

static status request_from_row(sqlite3_stmt *st, feedback_request *r, error *e)
{
	memset(r, 0, sizeof *r);
	r->thread_id = sqlite3_column_int64(st, 0);
	r->network_id = sqlite3_column_int64(st, 1);
	r->network_number = sqlite3_column_int(st, 2);
	r->city_id = sqlite3_column_int64(st, 4);
	r->title = db_col_dup(st, 5);
	r->city = db_col_dup(st, 6);
	r->author = db_col_dup(st, 7);
	r->assess = db_col_dup(st, 8);
	r->practice = db_col_dup(st, 9);
	r->created_at = db_col_dup(st, 10);
	r->first_answer_at = db_col_dup(st, 11);
	r->answers = sqlite3_column_int64(st, 12);
	r->accepted_post = sqlite3_column_int64(st, 13);
	r->accepted_at = db_col_dup(st, 14);
	r->helper = db_col_dup(st, 15);
	r->helper_city = db_col_dup(st, 16);
	r->seconds_to_first = sqlite3_column_int64(st, 17);
	r->seconds_to_accept = sqlite3_column_int64(st, 18);
	if (!r->title || !r->city || !r->author || !r->assess || !r->practice || !r->created_at ||
	    !r->first_answer_at || !r->accepted_at || !r->helper || !r->helper_city) {
		feedback_request_clear(r);
		return err_oom(e);
	}
	return ST_OK;
}

status feedback_list_get(db *d, const account *a, const feedback_filter *f, feedback_list *out,
                         error *e)
{
	static const char sql[] = REQUEST_COLUMNS
		" WHERE (?1 = 0 OR n.number = ?1) AND (?2 = 0 OR r.accepted_post IS NULL)"
		" ORDER BY t.created_at, t.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int(st, 1, f ? f->network : 0);
	sqlite3_bind_int(st, 2, f && f->open_only);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t net = sqlite3_column_int64(st, 1);
		if (!perm_can_see_network(a, net, sqlite3_column_int(st, 3) != 0) ||
		    (f && f->mine && !feedback_answers_for(a, net)))
			continue;
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = request_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the feedback requests"));
	sqlite3_reset(st);
	if (s != ST_OK)
		feedback_list_free(out);
	return s;
}

status feedback_get(db *d, const account *a, int64_t thread_id, feedback_request *out, error *e)
{
	static const char sql[] = REQUEST_COLUMNS " WHERE r.thread_id = ?1";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, thread_id);
	int rc = sqlite3_step(st);
	status s;
	if (rc == SQLITE_ROW && perm_can_see_network(a, sqlite3_column_int64(st, 1),
	                                             sqlite3_column_int(st, 3) != 0))
		s = request_from_row(st, out, e);
	else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		s = err_set(e, ST_NOTFOUND, _("Thread %lld is not a feedback request"),
		            (long long)thread_id);
	else
		s = db_fail(d, rc, e, _("Reading the feedback request"));
	sqlite3_reset(st);
	return s;
}

int64_t feedback_waiting(db *d, const account *a)
{
	if (a->role != ROLE_COORDINATOR && !a->expert)
		return 0;
	feedback_filter f = { .open_only = true, .mine = true };
	feedback_list l;
	error e;
	if (feedback_list_get(d, a, &f, &l, &e) != ST_OK)
		return 0;
	int64_t n = (int64_t)l.n;
	feedback_list_free(&l);
	return n;
}

/* The request rows' one writer: feedback_ask and feedback_accept here, and sync files
 * (sync.c), which check the rights of their own. Their SQL is the lists of
 * feedback_fields.h with their leading ", " skipped (+ 2); each binds the columns it
 * names. */
#define BIND_ID_(c) db_bind_named_int(st, ":" #c, r->c);
#define BIND_TEXT_(c) db_bind_named(st, ":" #c, r->c);
#define BIND_ONE_(column, type) FEEDBACK_AS_##type(BIND_ID_, BIND_TEXT_, column)
#define BIND_REQUEST_(name, column, pub, line, key, sync_sql, type, ...) \
	FEEDBACK_IS_KEY_##type(BIND_ONE_(column, type))                 \
	FEEDBACK_STORED_##line##_##type(BIND_ONE_(column, type))
#define BIND_ACCEPT_(name, column, pub, line, key, sync_sql, type, ...) \
	FEEDBACK_IS_KEY_##type(BIND_ONE_(column, type))                \
	FEEDBACK_UPDATED_##line##_##type(BIND_ONE_(column, type))
status feedback_rows_request(db *d, const feedback_row *r, error *e)
{
	static char sql[256];
	if (!*sql)
		snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO feedback_requests(%s) VALUES (%s)",
		         FEEDBACK_INSERT_COLUMNS + 2, FEEDBACK_INSERT_PARAMS + 2);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	FEEDBACK_FIELDS(BIND_REQUEST_)
	return db_step_done(d, st, _("Saving the feedback request"), NULL, e);
}

status feedback_rows_accept(db *d, const feedback_row *r, error *e)
{
	static char sql[256];
	if (!*sql)
		snprintf(sql, sizeof sql, "UPDATE feedback_requests SET %s" FEEDBACK_KEY_WHERE,
		         FEEDBACK_UPDATE_SETS + 2);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	FEEDBACK_FIELDS(BIND_ACCEPT_)
	return db_step_done(d, st, _("Saving the feedback request"), NULL, e);
}

status feedback_ask(db *d, const account *a, int number, const char *title, const char *body,
                    const char *assess, int64_t practice_id, int64_t *thread_id, error *e)
{
	static const char sql_member[] =
		"SELECT n.id, n.leaders_only, EXISTS (SELECT 1 FROM memberships m"
		"       WHERE m.network_id = n.id AND m.city_id = ?2)"
		"  FROM networks n WHERE n.number = ?1";
	if (!assess)
		assess = "";
	status s = forum_validate_text(title, body, e);
	if (s != ST_OK)
		return s;
	if (!utf8_valid(assess, strlen(assess)) || strlen(assess) > FEEDBACK_ASSESS_MAX ||
	    strpbrk(assess, "\r\n"))
		return err_set(e, ST_INVALID, ngettext("What to assess must be one line of UTF-8 text "
		                                       "of at most %d byte",
		                                       "What to assess must be one line of UTF-8 text "
		                                       "of at most %d bytes", FEEDBACK_ASSESS_MAX),
		               FEEDBACK_ASSESS_MAX);
	if (a->role == ROLE_GUEST)
		return err_set(e, ST_DENIED, _("Guests can read but not write; ask the network "
		                               "coordinator for an account"));
	if (!a->city_id)
		return err_set(e, ST_DENIED, _("A feedback request is a town's: your account is not "
		                               "linked to a town"));
	lemma_prepare(db_lemmatizer(d), title);
	lemma_prepare(db_lemmatizer(d), body);
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(d, sql_member, e);
	if (!st)
		goto fail;
	sqlite3_bind_int(st, 1, number);
	sqlite3_bind_int64(st, 2, a->city_id);
	int rc = sqlite3_step(st);
	bool seen = rc == SQLITE_ROW && perm_can_see_network(a, sqlite3_column_int64(st, 0),
	                                                     sqlite3_column_int(st, 1) != 0);
	bool member = rc == SQLITE_ROW && sqlite3_column_int(st, 2) != 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(d, rc, e, _("Checking the membership"));
		goto fail;
	}
	if (!seen) {
		err_set(e, ST_NOTFOUND, _("No network number %d"), number);
		goto fail;
	}
	if (!member) {
		err_set(e, ST_DENIED, _("%s is not a member of network %d, so it cannot ask for "
		                        "feedback there"), a->city_name, number);
		goto fail;
	}
	if (practice_id) {
		practice p;
		if (practice_get(d, a, practice_id, NULL, &p, e) != ST_OK)
			goto fail;
		bool own = p.city_id == a->city_id;
		practice_clear(&p);
		if (!own) {
			err_set(e, ST_INVALID, _("A request is about the town's own action: that practice "
			                         "is another town's"));
			goto fail;
		}
	}
	int64_t tid = 0, pid = 0;
	if (forum_new_thread_tx(d, a, number, title, body, 0, practice_id, &tid, &pid, e) != ST_OK ||
	    feedback_rows_request(d, &(feedback_row){ .thread_id = tid, .city_id = a->city_id,
	                                              .assess = assess }, e) != ST_OK ||
	    audit_append(d, a, "ask", "request", tid, NULL, assess, e) != ST_OK)
		goto fail;
	if ((s = db_commit(d, e)) != ST_OK)
		return s;
	if (thread_id)
		*thread_id = tid;
	error ignore;
	forum_mark_read(d, a, tid, pid, &ignore);
	return ST_OK;
fail:
	db_rollback(d);
	return err_code(e);
}

status feedback_accept(db *d, const account *a, int64_t post_id, error *e)
{
	static const char sql_post[] =
		"SELECT p.thread_id, p.hidden, COALESCE(x.city_id, 0), r.city_id,"
		"       COALESCE(r.accepted_post, 0), p.parent_id IS NULL"
		"  FROM posts p JOIN accounts x ON x.id = p.author_id"
		"  LEFT JOIN feedback_requests r ON r.thread_id = p.thread_id WHERE p.id = ?1";
	if (a->role == ROLE_GUEST || !a->city_id)
		return err_set(e, ST_DENIED, _("Only the asking town's members can mark the answer "
		                               "that helped"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	post p;
	if (forum_post(d, a, post_id, &p, e) != ST_OK) /* also: may a see it at all */
		goto fail;
	post_clear(&p);
	sqlite3_stmt *st = db_stmt(d, sql_post, e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, post_id);
	int rc = sqlite3_step(st);
	int64_t tid = 0, author_city = 0, req_city = 0, before = 0;
	bool hidden = false, first = false, is_request = false;
	if (rc == SQLITE_ROW) {
		tid = sqlite3_column_int64(st, 0);
		hidden = sqlite3_column_int(st, 1) != 0;
		author_city = sqlite3_column_int64(st, 2);
		is_request = sqlite3_column_type(st, 3) != SQLITE_NULL;
		req_city = sqlite3_column_int64(st, 3);
		before = sqlite3_column_int64(st, 4);
		first = sqlite3_column_int(st, 5) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			err_set(e, ST_NOTFOUND, _("No post with id %lld"), (long long)post_id);
		else
			db_fail(d, rc, e, _("Reading the post"));
		goto fail;
	}
	if (!is_request) {
		err_set(e, ST_INVALID, _("Post %lld is not in a feedback request"), (long long)post_id);
		goto fail;
	}
	if (a->city_id != req_city) {
		err_set(e, ST_DENIED, _("Only the asking town's members can mark the answer that helped"));
		goto fail;
	}
	if (first || author_city == req_city) {
		err_set(e, ST_INVALID, _("Post %lld is the town's own, not an answer to its request"),
		        (long long)post_id);
		goto fail;
	}
	if (hidden) {
		err_set(e, ST_INVALID, _("Post %lld is hidden by the coordinator"), (long long)post_id);
		goto fail;
	}
	if (before == post_id) {
		err_set(e, ST_INVALID, _("Post %lld is already marked as the answer that helped"),
		        (long long)post_id);
		goto fail;
	}
	char now[32];
	db_now(now, sizeof now);
	feedback_row row = { .thread_id = tid, .accepted_post = post_id, .accepted_at = now,
	                     .accepted_by = a->id };
	if (feedback_rows_accept(d, &row, e) != ST_OK)
		goto fail;
	char was[24], now_post[24];
	snprintf(was, sizeof was, "%lld", (long long)before);
	snprintf(now_post, sizeof now_post, "%lld", (long long)post_id);
	if (audit_append(d, a, "accept", "request", tid, before ? was : NULL, now_post, e) != ST_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	return err_code(e);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

static int64_t median(int64_t *v, size_t n)
{
	if (!n)
		return -1;
	qsort(v, n, sizeof *v, cmp_i64);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static bool in_period(const char *at, const char *from, const char *to)
{
	if (from && *from && strcmp(at, from) < 0)
		return false;
	if (to && *to && strncmp(at, to, strlen(to)) > 0)
		return false;
	return true;
}

status feedback_stats(db *d, const account *a, int number, const char *from, const char *to,
                      feedback_figures *out, error *e)
{
	memset(out, 0, sizeof *out);
	out->median_first_s = out->median_accept_s = -1;
	feedback_filter f = { .network = number };
	feedback_list l;
	status s = feedback_list_get(d, a, &f, &l, e);
	if (s != ST_OK)
		return s;
	int64_t *first = malloc((l.n ? l.n : 1) * sizeof *first);
	int64_t *acc = malloc((l.n ? l.n : 1) * sizeof *acc);
	if (!first || !acc) {
		free(first), free(acc);
		feedback_list_free(&l);
		return err_oom(e);
	}
	size_t nf = 0, na = 0;
	for (size_t i = 0; i < l.n; i++) {
		const feedback_request *r = &l.items[i];
		if (!in_period(r->created_at, from, to))
			continue;
		out->requests++;
		if (!r->accepted_post)
			out->open++;
		if (r->seconds_to_first >= 0) {
			out->answered++;
			first[nf++] = r->seconds_to_first;
		}
		if (r->accepted_post) {
			out->accepted++;
			acc[na++] = r->seconds_to_accept;
		}
	}
	out->median_first_s = median(first, nf);
	out->median_accept_s = median(acc, na);
	free(first), free(acc);
	feedback_list_free(&l);
	return ST_OK;
}

void feedback_duration(int64_t seconds, char *buf, size_t n)
{
	if (seconds < 0) {
		snprintf(buf, n, "%s", _("—"));
		return;
	}
	int64_t days = seconds / 86400, hours = seconds % 86400 / 3600, mins = seconds % 3600 / 60;
	if (days > 0)
		snprintf(buf, n, ngettext("%lld day %lld h", "%lld days %lld h", (unsigned long)days),
		         (long long)days, (long long)hours);
	else if (hours > 0)
		snprintf(buf, n, ngettext("%lld h %lld min", "%lld h %lld min", (unsigned long)hours),
		         (long long)hours, (long long)mins);
	else
		snprintf(buf, n, ngettext("%lld minute", "%lld minutes", (unsigned long)mins),
		         (long long)mins);
}
