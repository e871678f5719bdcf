/* sync_apply_thread.c — a thread's line of a sync file: a new thread (its practices, its
 * feedback request) or a lock or pin; and the answer marked as the one that helped a
 * feedback request. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/feedback.h"
#include "core/feedback_fields.h"
#include "core/forum.h"
#include "core/forum_fields.h"
#include "core/forum_rows.h"
#include "core/practice.h"
#include "core/sync_priv.h"
#include "i18n.h"
#include "text/strbuf.h"

static status set_thread_state(applier *ap, int64_t id, bool locked, bool pinned, error *e)
{
	static const char sql[] = "UPDATE threads SET locked = ?2, pinned = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, locked);
	sqlite3_bind_int(st, 3, pinned);
	return db_step_done(ap->d, st, _("Changing the thread"), NULL, e);
}

/* B8: a new thread's practices, each only if its author can see it here (the CLI's
 * link step asks the same); one she cannot see is left out and listed. */
static status link_practices(applier *ap, int64_t id, const char *title, const account *au,
                             error *e)
{
	static const char sql_keys[] =
		"SELECT value FROM json_each(?1, '$.practices')"
		" WHERE json_type(?1, '$.practices') = 'array' AND type = 'text'";
	sqlite3_stmt *sk = db_stmt(ap->d, sql_keys, e);
	if (!sk)
		return err_code(e);
	sqlite3_bind_text(sk, 1, ap->text, -1, SQLITE_STATIC);
	/* The keys first: practice_get and the link use statements of their own. */
	char **keys = NULL;
	size_t n = 0, cap = 0;
	status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(sk)) == SQLITE_ROW) {
		if (db_grow((void **)&keys, &cap, n, sizeof *keys) ||
		    !(keys[n] = db_col_dup(sk, 0)))
			s = err_oom(e);
		else
			n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(ap->d, rc, e, _("Saving the thread"));
	sqlite3_reset(sk);
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		practice pr;
		error e2;
		if (practice_get(ap->d, au, 0, keys[i], &pr, &e2) != ST_OK) {
			char what[600];
			str_fitf(what, sizeof what, _("thread \"%s\" is linked to practice %s, which %s "
			                              "cannot see here"), title, keys[i], au->login);
			s = sync_conflict(ap, what, _("the thread is stored without that link"), e);
			continue;
		}
		int64_t pid = pr.id;
		practice_clear(&pr);
		s = forum_rows_link_practice(ap->d, id, pid, e);
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	return s;
}

/* A new thread's feedback request (the line's "request": the asking town and what to
 * assess). The home database takes it only from a member of that town, the town a
 * member of the network; else the thread is stored as an ordinary one, and listed. */
static status take_request(applier *ap, int64_t id, const char *title, const account *au,
                           int64_t net, error *e)
{
	/* Column 0 the request's type, then each field's value and type (feedback_fields.h). */
	static const char sql_get[] = "SELECT json_type(?1, '$.request')" FEEDBACK_REQUEST_GET;
	enum { TOWN = 1 + 2 * FEEDBACK_R_town, ASSESS = 1 + 2 * FEEDBACK_R_assess };
	static const char sql_town[] =
		"SELECT c.id, EXISTS (SELECT 1 FROM memberships m WHERE m.city_id = c.id"
		"       AND m.network_id = ?2) FROM cities c WHERE c.name = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql_get, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
	status s = ST_OK;
	char *town = NULL, *assess = NULL;
	bool present = false;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		s = db_fail(ap->d, rc, e, _("Saving the thread"));
	else {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *tt = (const char *)sqlite3_column_text(st, TOWN + 1);
		const char *at = (const char *)sqlite3_column_text(st, ASSESS + 1);
		present = type && strcmp(type, "null") != 0;
		if (present && (strcmp(type, "object") != 0 || !tt || strcmp(tt, "text") != 0 ||
		                (at && strcmp(at, "text") != 0)))
			s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing "
			                             "was applied"), ap->file, (long long)ap->line, "request");
		else if (present &&
		         (!(town = db_col_dup(st, TOWN)) || !(assess = db_col_dup(st, ASSESS))))
			s = err_oom(e);
	}
	sqlite3_reset(st);
	if (s == ST_OK && present && (strlen(assess) > FEEDBACK_ASSESS_MAX || strchr(assess, '\n')))
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing was "
		                             "applied"), ap->file, (long long)ap->line, "request");
	if (s == ST_OK && present)
		s = sync_check_field(ap, "request", assess, FEEDBACK_ASSESS_MAX, false, e);
	if (s != ST_OK || !present)
		goto out;
	if (!(st = db_stmt(ap->d, sql_town, e))) {
		s = err_code(e);
		goto out;
	}
	sqlite3_bind_text(st, 1, town, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, net);
	rc = sqlite3_step(st);
	int64_t town_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	bool member = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		s = db_fail(ap->d, rc, e, _("Saving the thread"));
		goto out;
	}
	if (!town_id || (ap->home && (au->city_id != town_id || !member))) {
		char what[600];
		str_fitf(what, sizeof what, _("thread \"%s\": a feedback request of %s, which %s may not "
		                              "ask for here"), title, town, au->login);
		s = sync_conflict(ap, what, _("the thread is stored as an ordinary one"), e);
		goto out;
	}
	feedback_row row = { .thread_id = id, .city_id = town_id, .assess = assess };
	if ((s = feedback_rows_request(ap->d, &row, e)) == ST_OK)
		s = sync_audit(ap, au->login, "ask", "request", id, NULL, assess, e);
out:
	free(town), free(assess);
	return s;
}

/* A feedback request here (found false when thread tid is none): the asking town, the
 * answer marked here (0: none) and when, the thread's title. */
typedef struct {
	bool found;
	int64_t town_id, ours;
	char *our_at, *title;
} request_row;

static status load_request(applier *ap, int64_t tid, request_row *q, error *e)
{
	static const char sql_req[] =
		"SELECT r.city_id, COALESCE(r.accepted_post, 0), COALESCE(r.accepted_at, ''), t.title"
		"  FROM feedback_requests r JOIN threads t ON t.id = r.thread_id WHERE r.thread_id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql_req, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, tid);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		q->found = true;
		q->town_id = sqlite3_column_int64(st, 0);
		q->ours = sqlite3_column_int64(st, 1);
		q->our_at = db_col_dup(st, 2);
		q->title = db_col_dup(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Saving the feedback request"));
	if (rc == SQLITE_ROW && (!q->our_at || !q->title))
		return err_oom(e);
	return ST_OK;
}

/* Is post pid a shown answer in thread tid by someone from outside the asking town? */
static status is_answer(applier *ap, int64_t pid, int64_t tid, int64_t town_id, bool *answer,
                        error *e)
{
	static const char sql_post[] =
		"SELECT COALESCE(x.city_id, 0), p.parent_id IS NULL FROM posts p"
		"  JOIN accounts x ON x.id = p.author_id WHERE p.id = ?1 AND p.thread_id = ?2"
		"   AND p.hidden = 0"; /* as feedback_accept: a hidden post is no answer */
	sqlite3_stmt *st = db_stmt(ap->d, sql_post, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, tid);
	int rc = sqlite3_step(st);
	*answer = rc == SQLITE_ROW && sqlite3_column_int64(st, 0) != town_id &&
	          !sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Saving the feedback request"));
	return ST_OK;
}

/* The keys of the fields on sync lines (feedback_fields.h), by the field's place. */
#define FEEDBACK_KEY_(name, column, pub, line, key, ...) key,
static const char *const accept_key[FEEDBACK_NFIELDS] = { FEEDBACK_FIELDS(FEEDBACK_KEY_) };

/* {"op":"accept","thread":T,"post":P,"by":LOGIN,"at":TIME}: the answer that helped a
 * feedback request. The latest mark wins whatever order files come in (at the same
 * second, the larger post id); a mark that loses to another one is listed. On the home
 * database the one who marked must be a member of the asking town (judged here), and
 * the post an answer in that thread by someone from outside the town. */
status sync_apply_accept(applier *ap, error *e)
{
	int64_t tid, pid;
	char *by = NULL, *at = NULL;
	request_row q;
	memset(&q, 0, sizeof q);
	account who;
	memset(&who, 0, sizeof who);
	char what[700];
	status s;
	if ((s = sync_need_id(ap, accept_key[FEEDBACK_F_thread], 1, &tid, e)) != ST_OK ||
	    (s = sync_need_id(ap, accept_key[FEEDBACK_F_accepted_post], 1, &pid, e)) != ST_OK ||
	    (s = sync_get_text(ap, accept_key[FEEDBACK_F_accepted_by], true, &by, e)) != ST_OK ||
	    (s = sync_need_time(ap, accept_key[FEEDBACK_F_accepted_at], true, &at, e)) != ST_OK)
		goto out;
	sync_cap_time(ap, &at);
	if ((s = load_request(ap, tid, &q, e)) != ST_OK)
		goto out;
	const int64_t town_id = q.town_id, ours = q.ours;
	const char *title = q.title;
	if (!q.found) {
		snprintf(what, sizeof what, _("an answer marked as the one that helped in thread %lld, "
		                              "which is not a feedback request here"), (long long)tid);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	if (ours == pid) {
		ap->r->present++;
		goto out;
	}
	/* The later mark stays; at the same second, the larger post id (the same on every
	 * side). */
	int c = strcmp(at, q.our_at);
	bool take = !ours || c > 0 || (c == 0 && pid > ours);
	if (!take) {
		str_fitf(what, sizeof what, _("request \"%s\": %s marked post %lld as the one that "
		                              "helped, before the mark kept here (post %lld)"),
		         title, by, (long long)pid, (long long)ours);
		s = sync_conflict(ap, what, _("the later mark stays"), e);
		goto out;
	}
	error e2;
	bool found = account_get(ap->d, by, &who, &e2) == ST_OK;
	bool ok = found;
	if (ap->home && found) {
		ok = who.city_id == town_id &&
		     (!ap->owner || strcmp(by, ap->owner) == 0) &&
		     (ap->me->role == ROLE_ADMIN || who.id == ap->me->id);
	}
	if (!ok) {
		str_fitf(what, sizeof what, _("request \"%s\": %s may not mark the answer that helped: "
		                              "only the asking town's members may"), title, by);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	bool answer = false;
	if ((s = is_answer(ap, pid, tid, town_id, &answer, e)) != ST_OK)
		goto out;
	if (!answer) {
		str_fitf(what, sizeof what, _("request \"%s\": post %lld, marked as the one that helped, "
		                              "is not an answer in it here"), title, (long long)pid);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	if (ours) {
		str_fitf(what, sizeof what, _("request \"%s\": post %lld was marked here as the one "
		                              "that helped, before %s marked post %lld"),
		         title, (long long)ours, by, (long long)pid);
		if ((s = sync_conflict(ap, what, _("the later mark stays"), e)) != ST_OK)
			goto out;
	}
	char was[24], now_post[24];
	snprintf(was, sizeof was, "%lld", (long long)ours);
	snprintf(now_post, sizeof now_post, "%lld", (long long)pid);
	feedback_row row = { .thread_id = tid, .accepted_post = pid, .accepted_at = at,
	                     .accepted_by = who.id };
	if ((s = feedback_rows_accept(ap->d, &row, e)) != ST_OK ||
	    (s = sync_audit(ap, by, "accept", "request", tid, ours ? was : NULL, now_post, e)) != ST_OK)
		goto out;
	ap->r->applied++;
out:
	free(by), free(at), free(q.title), free(q.our_at);
	account_clear(&who);
	return s;
}

/* A thread's line, as the file gives it; its keys: forum_fields.h's. */
static const char *const thread_line_key[THREAD_NFIELDS] = { THREAD_FIELDS(FORUM_SYNC_KEY_) };
#define KEY(name) thread_line_key[THREAD_F_##name]
typedef struct {
	int64_t id, number, locked, pinned;
	char *title, *author, *created, *meeting_key, *by, *locked_at, *pinned_at;
} thread_line;

static void thread_line_clear(thread_line *l)
{
	free(l->title), free(l->author), free(l->created), free(l->meeting_key), free(l->by);
	free(l->locked_at), free(l->pinned_at);
	memset(l, 0, sizeof *l);
}

/* The line's fields, its times capped at now, its title checked as one typed here. */
static status read_thread_line(applier *ap, thread_line *l, error *e)
{
	status s;
	if ((s = sync_need_id(ap, KEY(id), 1, &l->id, e)) != ST_OK ||
	    (s = sync_need_int(ap, KEY(network_id), 1, &l->number, e)) != ST_OK ||
	    (s = sync_need_int(ap, KEY(locked), 0, &l->locked, e)) != ST_OK ||
	    (s = sync_need_int(ap, KEY(pinned), 0, &l->pinned, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(title), true, &l->title, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(author_id), true, &l->author, e)) != ST_OK ||
	    (s = sync_need_time(ap, KEY(created_at), true, &l->created, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(meeting_id), false, &l->meeting_key, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(actor), false, &l->by, e)) != ST_OK ||
	    (s = sync_need_time(ap, KEY(locked_at), false, &l->locked_at, e)) != ST_OK ||
	    (s = sync_need_time(ap, KEY(pinned_at), false, &l->pinned_at, e)) != ST_OK)
		return s;
	sync_cap_time(ap, &l->locked_at);
	sync_cap_time(ap, &l->pinned_at);
	sync_cap_time(ap, &l->created);
	error why_not;
	if (forum_validate_text(l->title, "-", &why_not) != ST_OK)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\": %s; nothing was applied"),
		               ap->file, (long long)ap->line, KEY(title), why_not.msg);
	l->locked = l->locked != 0;
	l->pinned = l->pinned != 0;
	return ST_OK;
}

/* The network of a new thread, by its number: *net 0 when it is not here. */
static status thread_network(applier *ap, int64_t number, int64_t *net, bool *leaders_only,
                             error *e)
{
	static const char sql_net[] = "SELECT id, leaders_only FROM networks WHERE number = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql_net, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, number);
	int rc = sqlite3_step(st);
	*net = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	*leaders_only = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Saving the thread"));
	return ST_OK;
}

/* The meeting a new thread is about, by its key in the network (left 0: not here). */
static status thread_meeting(applier *ap, const char *key, int64_t net, int64_t *meeting_id,
                             error *e)
{
	static const char sql_meeting[] = "SELECT id FROM meetings WHERE key = ?1 AND network_id = ?2";
	sqlite3_stmt *st = db_stmt(ap->d, sql_meeting, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, net);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*meeting_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Saving the thread"));
	return ST_OK;
}

/* A thread not here yet: stored when it is in the range of the copy that wrote the file,
 * in a network here, by someone who may start it; its lock and pin only from someone
 * who may moderate. */
static status new_thread(applier *ap, thread_line *l, error *e)
{
	account au;
	memset(&au, 0, sizeof au);
	char what[512];
	status s;
	bool in;
	if ((s = sync_id_in_file_range(ap, l->id, &in, e)) != ST_OK)
		return s;
	if (!in) {
		str_fitf(what, sizeof what, _("new thread \"%s\" with id %lld, outside the range of "
		                              "the copy that wrote the file"), l->title, (long long)l->id);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	int64_t net = 0;
	bool lo = false, ok;
	if ((s = thread_network(ap, l->number, &net, &lo, e)) != ST_OK)
		return s;
	if (!net) {
		str_fitf(what, sizeof what, _("new thread \"%s\" in network %lld, which is not here"),
		         l->title, (long long)l->number);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	if ((s = sync_actor_for(ap, l->author, &au, &ok, e)) != ST_OK || !ok)
		goto out;
	error why;
	if (ap->home && (s = perm_check_post(ap->d, &au, net, lo, &why)) != ST_OK) {
		if (!sync_refusal_is_judgment(s)) { /* not a refusal: the apply fails */
			if (e)
				*e = why;
			goto out;
		}
		str_fitf(what, sizeof what, _("new thread \"%s\" by %s: %s"), l->title, l->author,
		         why.msg);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	/* Locking or pinning on the way in needs the right to moderate, of whoever did
	 * it (a coordinator may lock a member's new thread before the first sync). */
	bool refused_state = false;
	if (ap->home && (l->locked || l->pinned) &&
	    !sync_may_moderate_as(ap, l->by ? l->by : l->author, net)) {
		l->locked = l->pinned = 0;
		refused_state = true;
	}
	thread_fields tf = { .id = l->id, .network_id = net, .author_id = au.id, .title = l->title,
	                     .created_at = l->created, .locked = l->locked, .pinned = l->pinned };
	if ((l->meeting_key &&
	     (s = thread_meeting(ap, l->meeting_key, net, &tf.meeting_id, e)) != ST_OK) ||
	    (s = forum_rows_thread(ap->d, &tf, NULL, e)) != ST_OK ||
	    (s = link_practices(ap, l->id, l->title, &au, e)) != ST_OK ||
	    (s = take_request(ap, l->id, l->title, &au, net, e)) != ST_OK)
		goto out;
	if ((s = sync_audit(ap, l->author, "create", "thread", l->id, NULL, l->title, e)) != ST_OK ||
	    (s = sync_note_new_thread(ap, l->id, e)) != ST_OK ||
	    (l->locked && (s = sync_note_locked_by_file(ap, l->id, e)) != ST_OK))
		goto out;
	/* When each flag got its value: the file's times, or now for the home's own
	 * judgment (so the copy takes it back). */
	const char *lat = refused_state ? sync_later_time(ap->now, l->locked_at) : l->locked_at;
	const char *pat = refused_state ? sync_later_time(ap->now, l->pinned_at) : l->pinned_at;
	if ((lat && (s = sync_set_change_time(ap, l->id, 1, lat, l->locked ? l->by : NULL,
	                                      e)) != ST_OK) ||
	    (pat && (s = sync_set_change_time(ap, l->id, 2, pat, l->pinned ? l->by : NULL,
	                                      e)) != ST_OK))
		goto out;
	ap->r->applied++;
	if (refused_state) {
		str_fitf(what, sizeof what, _("thread \"%s\": %s may not lock or pin it here"), l->title,
		         l->by ? l->by : l->author);
		s = sync_conflict(ap, what, _("the thread is stored, neither locked nor pinned"), e);
	}
out:
	account_clear(&au);
	return s;
}

/* On the home database, a lock or pin the file would change is taken only from someone
 * named who may moderate the network; *ok false when it is not (a conflict kept, and a
 * refusal timed now, so that the copy takes the home's value back). */
static status home_may_flag(applier *ap, const thread_line *l, const thread_row *t,
                            bool take_l, bool take_p, bool *ok, error *e)
{
	char what[512];
	account actor;
	memset(&actor, 0, sizeof actor);
	status s;
	*ok = false;
	if (!l->by) {
		str_fitf(what, sizeof what, _("thread \"%s\": locked or pinned without saying by whom"),
		         t->title);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	bool known;
	if ((s = sync_actor_for(ap, l->by, &actor, &known, e)) != ST_OK || !known)
		goto out;
	if (!perm_can_moderate(&actor, t->network_id)) {
		str_fitf(what, sizeof what, _("thread \"%s\": %s may not lock or pin it here"),
		         t->title, l->by);
		/* The home's own judgment, timed now: the copy takes it back. */
		if ((s = sync_conflict(ap, what, sync_kept_aside(), e)) == ST_OK && take_l)
			s = sync_set_change_time(ap, l->id, 1, sync_later_time(ap->now, l->locked_at),
			                         NULL, e);
		if (s == ST_OK && take_p)
			s = sync_set_change_time(ap, l->id, 2, sync_later_time(ap->now, l->pinned_at),
			                         NULL, e);
		goto out;
	}
	*ok = true;
out:
	account_clear(&actor);
	return s;
}

/* The thread is here: only its lock and pin can have changed. Each goes to the latest
 * change (this side's or the file's). */
static status thread_flags(applier *ap, const thread_line *l, const thread_row *t, error *e)
{
	char *our_lat = NULL, *our_pat = NULL;
	status s = sync_change_time(ap, l->id, 1, &our_lat, e);
	if (s != ST_OK || (s = sync_change_time(ap, l->id, 2, &our_pat, e)) != ST_OK)
		goto out;
	bool take_l = (bool)l->locked != t->locked &&
	              sync_flag_taken(ap, l->locked_at, our_lat, l->locked);
	bool take_p = (bool)l->pinned != t->pinned &&
	              sync_flag_taken(ap, l->pinned_at, our_pat, l->pinned);
	bool nl = take_l ? (bool)l->locked : t->locked, np = take_p ? (bool)l->pinned : t->pinned;
	/* The same value on both sides: both keep the later time of it. That time decides
	 * the next "latest change", so on the home database only a moderator's counts (B2:
	 * a member's file could otherwise veto a coordinator's later lock). */
	bool may_time = !ap->home || sync_may_moderate_as(ap, l->by, t->network_id);
	if (may_time && (bool)l->locked == t->locked && l->locked_at &&
	    (!our_lat || strcmp(l->locked_at, our_lat) > 0) &&
	    (s = sync_set_change_time(ap, l->id, 1, l->locked_at, NULL, e)) != ST_OK)
		goto out;
	if (may_time && (bool)l->pinned == t->pinned && l->pinned_at &&
	    (!our_pat || strcmp(l->pinned_at, our_pat) > 0) &&
	    (s = sync_set_change_time(ap, l->id, 2, l->pinned_at, NULL, e)) != ST_OK)
		goto out;
	if (!take_l && !take_p) {
		ap->r->present++;
		goto out;
	}
	bool ok;
	if (ap->home && ((s = home_may_flag(ap, l, t, take_l, take_p, &ok, e)) != ST_OK || !ok))
		goto out;
	/* Audited as the CLI's moderation is, before the times are set (the audit's
	 * triggers note now; the file's time is the one that counts). */
	if ((s = set_thread_state(ap, l->id, nl, np, e)) != ST_OK ||
	    (take_l && (s = sync_audit(ap, l->by, nl ? "lock" : "unlock", "thread", l->id, NULL, "",
	                               e)) != ST_OK) ||
	    (take_p && (s = sync_audit(ap, l->by, np ? "pin" : "unpin", "thread", l->id, NULL, "",
	                               e)) != ST_OK) ||
	    (take_l && (s = sync_set_change_time(ap, l->id, 1, l->locked_at, l->by, e)) != ST_OK) ||
	    (take_p && (s = sync_set_change_time(ap, l->id, 2, l->pinned_at, l->by, e)) != ST_OK) ||
	    (nl && !t->locked && (s = sync_note_locked_by_file(ap, l->id, e)) != ST_OK))
		goto out;
	ap->r->applied++;
out:
	free(our_lat), free(our_pat);
	return s;
}

status sync_apply_thread(applier *ap, error *e)
{
	thread_line l;
	memset(&l, 0, sizeof l);
	thread_row t;
	memset(&t, 0, sizeof t);
	status s = read_thread_line(ap, &l, e);
	if (s == ST_OK)
		s = sync_load_thread(ap, l.id, &t, e);
	if (s == ST_OK)
		s = t.exists ? thread_flags(ap, &l, &t, e) : new_thread(ap, &l, e);
	thread_line_clear(&l);
	free(t.title);
	return s;
}
