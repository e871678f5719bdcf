/* sync_apply_post.c — a post's line of a sync file: a new post, or an edit, a hiding or a
 * showing of one here, settled by the versions its text went through. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/forum.h"
#include "core/forum_fields.h"
#include "core/forum_rows.h"
#include "core/search_index.h"
#include "core/sync_priv.h"
#include "i18n.h"
#include "text/strbuf.h"

/* A post's keys on its line: forum_fields.h's. */
static const char *const post_line_key[POST_NFIELDS] = { POST_FIELDS(FORUM_SYNC_KEY_) };
#define KEY(name) post_line_key[POST_F_##name]

/* A hiding's reason: one line, as long as a reason can sensibly be. */
#define SYNC_REASON_MAX 1000

/* A post's text versions (post_ancestry): is vid one this post has passed through here;
 * is it in the line's "history" (the versions the sender's text was made on top of);
 * add the line's history to ours. */
/* *yes: whether st (bound) has a row; a failed read is the store's error. */
static status has_row(applier *ap, sqlite3_stmt *st, bool *yes, error *e)
{
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
	                                             : db_fail(ap->d, rc, e, _("Saving the post"));
}

static status had_version(applier *ap, int64_t id, const char *vid, bool *yes, error *e)
{
	static const char sql[] = "SELECT 1 FROM post_ancestry WHERE post_id = ?1 AND vid = ?2";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, vid, -1, SQLITE_STATIC);
	return has_row(ap, st, yes, e);
}

static bool line_has_history(applier *ap) { return sync_line_array(ap, KEY(history)) != NULL; }

static status in_line_history(applier *ap, const char *vid, bool *yes, error *e)
{
	static const char sql[] = "SELECT 1 FROM json_each(?1) WHERE type = 'text' AND value = ?2";
	const char *history = sync_line_array(ap, KEY(history));
	*yes = false;
	if (!history)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, history, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vid, -1, SQLITE_STATIC);
	return has_row(ap, st, yes, e);
}

static status take_history(applier *ap, int64_t id, error *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO post_ancestry(post_id, vid)"
		" SELECT ?1, value FROM json_each(?2)"
		"  WHERE type = 'text'"
		"    AND (value = '' OR value GLOB"
		"         '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')"
		"  LIMIT 1000";
	const char *history = sync_line_array(ap, KEY(history));
	if (!history || strcmp(history, "[]") == 0)
		return ST_OK;
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, history, -1, SQLITE_STATIC);
	return db_step_done(ap->d, st, _("Saving the sync state"), NULL, e);
}

typedef struct {
	bool exists;
	int64_t thread_id, author_id;
	char *body, *edited_at, *hidden_reason;
	bool hidden;
} post_row;

static void post_row_clear(post_row *p)
{
	free(p->body), free(p->edited_at), free(p->hidden_reason);
	memset(p, 0, sizeof *p);
}

static status load_post(applier *ap, int64_t id, post_row *p, error *e)
{
	static const char sql[] = "SELECT thread_id, author_id, body, edited_at, hidden, hidden_reason"
	                          " FROM posts WHERE id = ?1";
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	status s = ST_OK;
	if (rc == SQLITE_ROW) {
		p->exists = true;
		p->thread_id = sqlite3_column_int64(st, 0);
		p->author_id = sqlite3_column_int64(st, 1);
		p->body = db_col_dup(st, 2);
		p->edited_at = db_col_dup(st, 3);
		p->hidden = sqlite3_column_int(st, 4);
		p->hidden_reason = db_col_dup(st, 5);
		if (!p->body || !p->edited_at || !p->hidden_reason)
			s = err_oom(e);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(ap->d, rc, e, _("Reading the post"));
	}
	sqlite3_reset(st);
	return s;
}

static status insert_post_as(applier *ap, int64_t id, int64_t thread_id, int64_t parent_id,
                             int64_t author_id, const char *body, const char *created,
                             const char *edited, bool hidden, const char *reason, bool *placed,
                             error *e)
{
	static const char sql_parent[] = "SELECT p.path, " FORUM_DEPTH_SQL("p") " FROM posts p"
	                                 " WHERE p.id = ?1 AND p.thread_id = ?2";
	*placed = false;
	unsigned char path[FORUM_PATH_MAX];
	size_t plen = 0;
	int64_t pdepth = 0;
	if (parent_id) {
		sqlite3_stmt *st = db_stmt(ap->d, sql_parent, e);
		if (!st)
			return err_code(e);
		sqlite3_bind_int64(st, 1, parent_id);
		sqlite3_bind_int64(st, 2, thread_id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			plen = (size_t)sqlite3_column_bytes(st, 0);
			pdepth = sqlite3_column_int64(st, 1);
			/* Paths written before step 15 may be longer than a path is now: only
			 * its first FORUM_PATH_MAX bytes can be kept under a reply. */
			if (plen > sizeof path)
				plen = sizeof path;
			if (plen)
				memcpy(path, sqlite3_column_blob(st, 0), plen);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? ST_OK : db_fail(ap->d, rc, e, _("Reading the post answered"));
		/* B5: a chain without end costs every copy; the home database takes files up to
		 * a depth (a copy takes what its home has). */
		if (ap->home && pdepth + 1 > ap->lim.depth)
			return err_set(e, ST_INVALID, ngettext("%s:%lld: a reply %lld level deep: over the "
			                                       "limit of reply depth (%lld); nothing was "
			                                       "applied",
			                                       "%s:%lld: a reply %lld levels deep: over the "
			                                       "limit of reply depth (%lld); nothing was "
			                                       "applied", (unsigned long)(pdepth + 1)),
			               ap->file, (long long)ap->line, (long long)(pdepth + 1),
			               (long long)ap->lim.depth);
	}
	post_fields pf = { .id = id, .thread_id = thread_id, .parent_id = parent_id,
	                   .parent_path = path, .parent_len = plen, .parent_depth = pdepth,
	                   .author_id = author_id, .body = body, .created_at = created,
	                   .edited_at = edited, .hidden = hidden, .hidden_reason = reason };
	status s0 = forum_rows_post(ap->d, &pf, NULL, e);
	if (s0 == ST_OK)
		*placed = true;
	return s0;
}

static status later_edit_time(applier *ap, int64_t id, const char *edited, error *e)
{
	static const char sql[] = "UPDATE posts SET edited_at = ?2 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, edited, -1, SQLITE_STATIC);
	return db_step_done(ap->d, st, _("Saving the post"), NULL, e);
}

static status set_post_body(applier *ap, int64_t id, const char *old_body, const char *body,
                            const char *edited, error *e)
{
	static const char sql[] = "UPDATE posts SET body = ?2, edited_at = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
	if (edited)
		sqlite3_bind_text(st, 3, edited, -1, SQLITE_STATIC);
	status s0 = db_step_done(ap->d, st, _("Saving the post"), NULL, e);
	if (s0 != ST_OK)
		return s0;
	status s = search_unindex_post(ap->d, id, old_body, e);
	return s == ST_OK ? search_index_post(ap->d, id, body, e) : s;
}

static status keep_version(applier *ap, int64_t id, const char *edited, const char *body, error *e)
{
	static const char sql[] = "INSERT OR IGNORE INTO post_versions(post_id, edited_at, body, kept_at)"
	                          " VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, edited ? edited : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ap->now, -1, SQLITE_STATIC);
	return db_step_done(ap->d, st, _("Keeping the other version"), NULL, e);
}

static status set_hidden(applier *ap, int64_t id, bool hidden, const char *reason, error *e)
{
	static const char sql[] = "UPDATE posts SET hidden = ?2, hidden_reason = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, hidden);
	sqlite3_bind_text(st, 3, hidden ? (reason ? reason : "") : "", -1, SQLITE_STATIC);
	return db_step_done(ap->d, st, _("Changing the post"), NULL, e);
}

/* The later edit wins (a tie: the larger text, so both copies choose alike). */
static bool incoming_wins(const char *in_at, const char *in_body, const char *here_at,
                          const char *here_body)
{
	int c = strcmp(in_at ? in_at : "", here_at ? here_at : "");
	return c > 0 || (c == 0 && strcmp(in_body, here_body) > 0);
}

/* A post's line, as the file gives it. */
typedef struct {
	int64_t id, tid, parent, hidden;
	bool in_hidden;         /* hidden as the line carries it */
	char *author, *body, *created, *edited, *reason, *base, *by, *hid_by,
	     *hidden_at;
	const char *hider;      /* who hid or showed it */
} post_line;

static void post_line_clear(post_line *l)
{
	free(l->author), free(l->body), free(l->created), free(l->edited), free(l->reason),
		free(l->base), free(l->by), free(l->hid_by), free(l->hidden_at);
	memset(l, 0, sizeof *l);
}

/* The line's fields, its times capped at now, its text checked as one typed here. */
static status read_post_line(applier *ap, post_line *l, error *e)
{
	status s;
	if ((s = sync_need_id(ap, KEY(id), 1, &l->id, e)) != ST_OK ||
	    (s = sync_need_id(ap, KEY(thread_id), 1, &l->tid, e)) != ST_OK ||
	    (s = sync_need_id(ap, KEY(parent_id), 0, &l->parent, e)) != ST_OK ||
	    (s = sync_need_int(ap, KEY(hidden), 0, &l->hidden, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(author_id), true, &l->author, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(body), true, &l->body, e)) != ST_OK ||
	    (s = sync_need_time(ap, KEY(created_at), true, &l->created, e)) != ST_OK ||
	    (s = sync_need_time(ap, KEY(edited_at), false, &l->edited, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(hidden_reason), false, &l->reason, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(base), false, &l->base, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(actor), false, &l->by, e)) != ST_OK ||
	    (s = sync_get_text(ap, KEY(hid_by), false, &l->hid_by, e)) != ST_OK ||
	    (s = sync_need_time(ap, KEY(hidden_at), false, &l->hidden_at, e)) != ST_OK ||
	    (s = sync_check_field(ap, KEY(hidden_reason), l->reason, SYNC_REASON_MAX, false,
	                          e)) != ST_OK)
		return s;
	/* Every time from a file is capped at now: a time to come would win every "latest
	 * change" and keep a thread on top. */
	sync_cap_time(ap, &l->hidden_at);
	sync_cap_time(ap, &l->created);
	sync_cap_time(ap, &l->edited);
	l->hidden = l->hidden != 0;
	l->in_hidden = l->hidden;
	/* Who hid or showed it (files of schema 4 name one person for every change). */
	l->hider = l->hid_by ? l->hid_by : l->by;
	/* Hidden posts of a public copy say "-": anything else must be a real text. */
	error why_not;
	if (forum_validate_text(NULL, l->body, &why_not) != ST_OK)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\": %s; nothing was applied"),
		               ap->file, (long long)ap->line, KEY(body), why_not.msg);
	return ST_OK;
}

/* A post not here yet: stored when its thread is here, its id in the range of the copy
 * that wrote the file, its place in the thread free, by someone who may post there;
 * hidden only by a moderator, and hidden when written offline into a thread locked
 * here meanwhile. */
static status new_post(applier *ap, const post_line *l, const thread_row *t, error *e)
{
	account au;
	memset(&au, 0, sizeof au);
	char what[600];
	status s;
	bool ok;
	if (!t->exists) {
		str_fitf(what, sizeof what, _("a post by %s in thread %lld, which is not here "
		                              "(deleted, or in a network this copy does not hold)"),
		         l->author, (long long)l->tid);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	if ((s = sync_id_in_file_range(ap, l->id, &ok, e)) != ST_OK)
		return s;
	if (!ok) {
		str_fitf(what, sizeof what, _("a post by %s with id %lld, outside the range of the "
		                              "copy that wrote the file"), l->author, (long long)l->id);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	/* Only a thread's first post has no parent: another would be a second root. */
	int64_t rooted = 0;
	if (!l->parent && (s = sync_query_int(ap->d, "SELECT EXISTS (SELECT 1 FROM posts"
	                                             " WHERE thread_id = ?)", l->tid, 0,
	                                      &rooted, e)) != ST_OK)
		return s;
	if (rooted) {
		str_fitf(what, sizeof what, _("a post by %s in \"%s\" that says it is the thread's "
		                              "first post, which is here already"), l->author, t->title);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	if ((s = sync_actor_for(ap, l->author, &au, &ok, e)) != ST_OK || !ok)
		goto out;
	error why;
	if (ap->home && (s = perm_check_post(ap->d, &au, t->network_id, t->leaders_only, &why)) != ST_OK) {
		if (!sync_refusal_is_judgment(s)) { /* not a refusal: the apply fails */
			if (e)
				*e = why;
			goto out;
		}
		str_fitf(what, sizeof what, _("a post by %s in \"%s\": %s"), l->author, t->title,
		         why.msg);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	bool locked_out = ap->home && t->locked && !perm_can_moderate(&au, t->network_id) &&
	                  !sync_locked_by_file(ap, l->tid);
	int64_t hidden = l->hidden;
	/* Hidden on the way in: by a moderator, or it arrives shown. */
	if (ap->home && hidden && !sync_may_moderate_as(ap, l->hider, t->network_id))
		hidden = 0;
	/* A reason goes only with a hidden post (members cannot set one). */
	const char *why_hidden = hidden ? l->reason : "";
	if (locked_out) {
		hidden = 1;
		why_hidden = _("written offline while the thread was locked; the coordinator may "
		               "show it");
	}
	bool placed;
	if ((s = insert_post_as(ap, l->id, l->tid, l->parent, au.id, l->body, l->created, l->edited,
	                        hidden, why_hidden, &placed, e)) != ST_OK)
		goto out;
	if (!placed) {
		str_fitf(what, sizeof what, _("a reply by %s in \"%s\" to post %lld, which is not "
		                              "here"), l->author, t->title, (long long)l->parent);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	if ((s = sync_audit(ap, l->author, "create", "post", l->id, NULL, NULL, e)) != ST_OK ||
	    (s = take_history(ap, l->id, e)) != ST_OK)
		goto out;
	/* When it got its hidden flag: the file's time, or now where the home judged
	 * otherwise (a reply to a locked thread, a hiding not allowed), so the copy
	 * takes the home's value back. */
	const char *hat = (bool)hidden != l->in_hidden ? sync_later_time(ap->now, l->hidden_at)
	                                               : l->hidden_at;
	if (hat && (s = sync_set_change_time(ap, l->id, 0, hat, hidden ? l->hider : NULL,
	                                     e)) != ST_OK)
		goto out;
	ap->r->applied++;
	if (locked_out) {
		str_fitf(what, sizeof what, _("a reply by %s in \"%s\", which was locked here "
		                              "meanwhile"), l->author, t->title);
		s = sync_conflict(ap, what, _("kept, hidden: the coordinator may show it"), e);
	}
out:
	account_clear(&au);
	return s;
}

/* On the home database an edit is taken only from someone who may make it there: the
 * post's author or a moderator of the network. *ok false when not (a conflict kept). */
static status home_may_edit(applier *ap, const post_line *l, const thread_row *t,
                            const post_row *p, bool *ok, error *e)
{
	char what[600];
	account actor;
	memset(&actor, 0, sizeof actor);
	const char *who = l->by ? l->by : l->author;
	bool known;
	*ok = false;
	status s = sync_actor_for(ap, who, &actor, &known, e);
	if (s != ST_OK || !known)
		goto out;
	bool may = (actor.id == p->author_id && actor.role != ROLE_GUEST) ||
	           perm_can_moderate(&actor, t->network_id);
	if (!may) {
		str_fitf(what, sizeof what, _("an edit of post %lld in \"%s\" by %s, who may "
		                              "not edit it"), (long long)l->id, t->title, who);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	*ok = true;
out:
	account_clear(&actor);
	return s;
}

/* The text of a post here. Its version is its edited_at ("" for the first text). The
 * file's text made on top of ours (our version is in its history): taken. Ours made on
 * top of the file's (its version is in our history): ours stands, it is news for the
 * other side. Neither: edited apart, a conflict. Files of schema 4 have no history:
 * their base (the text before their change) says the same, less surely. *settled: the
 * line is kept aside, nothing more of it is taken. */
static status post_text(applier *ap, const post_line *l, const thread_row *t, const post_row *p,
                        bool *changed, bool *settled, error *e)
{
	char what[600];
	status s = ST_OK;
	const char *our_vid = p->edited_at ? p->edited_at : "", *in_vid = l->edited ? l->edited : "";
	int rel; /* 1 take it, 0 keep ours, -1 edited apart */
	if (line_has_history(ap)) {
		bool on_ours, on_theirs = false; /* theirs made on top of ours; ours on theirs */
		if ((s = in_line_history(ap, our_vid, &on_ours, e)) != ST_OK ||
		    (!on_ours && (s = had_version(ap, l->id, in_vid, &on_theirs, e)) != ST_OK))
			return s;
		rel = on_ours ? 1 : on_theirs ? 0 : -1;
	} else
		rel = l->base && strcmp(l->base, l->body) == 0 ? 0
		      : l->base && strcmp(l->base, p->body) == 0 ? 1 : -1;
	/* Whichever text wins, the home database takes an edit only from someone who may
	 * make it there. */
	bool ok;
	if (rel != 0 && ap->home && ((s = home_may_edit(ap, l, t, p, &ok, e)) != ST_OK || !ok)) {
		*settled = true;
		return s;
	}
	const char *editor = l->by ? l->by : l->author;
	if (rel == 1) {
		if ((s = set_post_body(ap, l->id, p->body, l->body, l->edited, e)) != ST_OK ||
		    (s = sync_audit(ap, editor, "edit", "post", l->id, p->body, l->body, e)) != ST_OK ||
		    (s = take_history(ap, l->id, e)) != ST_OK)
			return s;
		*changed = true;
	} else if (rel < 0) {
		/* Edited in both copies: the later edit stays, the other is kept. Ours lost:
		 * it joins our history (a copy that has it takes the winner without a
		 * conflict). Ours won: the sender sees the two edits too and settles alike. */
		if (incoming_wins(l->edited, l->body, p->edited_at, p->body)) {
			if ((s = keep_version(ap, l->id, p->edited_at, p->body, e)) != ST_OK ||
			    (s = set_post_body(ap, l->id, p->body, l->body, l->edited, e)) != ST_OK ||
			    (s = sync_audit(ap, editor, "edit", "post", l->id, p->body, l->body,
			                    e)) != ST_OK ||
			    (s = take_history(ap, l->id, e)) != ST_OK)
				return s;
			*changed = true;
		} else if ((s = keep_version(ap, l->id, l->edited, l->body, e)) != ST_OK) {
			return s;
		}
		str_fitf(what, sizeof what, _("post %lld in \"%s\" was edited in both copies"),
		         (long long)l->id, t->title);
		s = sync_conflict(ap, what, _("settled: the later edit stays; the other is kept as "
		                              "an earlier version"), e);
	}
	return s;
}

/* Hidden or shown: the latest change wins (hiding on one side and editing on the other
 * are two changes, both kept); then the line is counted, taken or already here. */
static status post_hidden(applier *ap, const post_line *l, const thread_row *t,
                          const post_row *p, bool changed, error *e)
{
	char what[600];
	account actor;
	memset(&actor, 0, sizeof actor);
	status s = ST_OK;
	bool ok;
	char *our_hat = NULL;
	if ((s = sync_change_time(ap, l->id, 0, &our_hat, e)) != ST_OK)
		goto out;
	/* B2: as for locks, only a moderator's time of an equal value counts at home. */
	if ((bool)l->hidden == p->hidden && l->hidden_at &&
	    (!our_hat || strcmp(l->hidden_at, our_hat) > 0) &&
	    (!ap->home || sync_may_moderate_as(ap, l->hider, t->network_id)) &&
	    (s = sync_set_change_time(ap, l->id, 0, l->hidden_at, NULL, e)) != ST_OK)
		goto out;
	if ((bool)l->hidden != p->hidden && sync_flag_taken(ap, l->hidden_at, our_hat, l->hidden)) {
		if (ap->home) {
			if (!l->hider) {
				str_fitf(what, sizeof what, _("post %lld in \"%s\": hidden or shown without "
				                              "saying by whom"), (long long)l->id, t->title);
				s = sync_conflict(ap, what, sync_kept_aside(), e);
				goto out;
			}
			if ((s = sync_actor_for(ap, l->hider, &actor, &ok, e)) != ST_OK || !ok)
				goto out;
			if (!perm_can_moderate(&actor, t->network_id)) {
				str_fitf(what, sizeof what, _("post %lld in \"%s\": %s may not hide or show "
				                              "it here"), (long long)l->id, t->title, l->hider);
				/* The home's own judgment, timed now: the copy takes it back. */
				if ((s = sync_conflict(ap, what, sync_kept_aside(), e)) == ST_OK)
					s = sync_set_change_time(ap, l->id, 0,
					                         sync_later_time(ap->now, l->hidden_at), NULL, e);
				goto out;
			}
		}
		if ((s = set_hidden(ap, l->id, l->hidden, l->reason, e)) != ST_OK ||
		    (s = sync_audit(ap, l->hider, l->hidden ? "hide" : "unhide", "post", l->id, NULL,
		                    l->hidden && l->reason ? l->reason : "", e)) != ST_OK ||
		    (s = sync_set_change_time(ap, l->id, 0, l->hidden_at, l->hider, e)) != ST_OK)
			goto out;
		changed = true;
	}
	if (changed)
		ap->r->applied++;
	else
		ap->r->present++;
out:
	free(our_hat);
	account_clear(&actor);
	return s;
}

/* The post is here: its text and its hidden flag, each settled on its own. */
static status post_changes(applier *ap, const post_line *l, const thread_row *t,
                           const post_row *p, error *e)
{
	status s = ST_OK;
	bool changed = false, settled = false;
	if (strcmp(p->body, l->body) != 0) {
		s = post_text(ap, l, t, p, &changed, &settled, e);
	} else if (!ap->home && l->edited && strcmp(l->edited, p->edited_at) > 0) {
		/* The same text on both sides with two edit times (the same edit made twice):
		 * a copy takes the home's later one. Not on the home database, where nothing
		 * checked who sent it; nor the file's history, for the same reason. */
		s = later_edit_time(ap, l->id, l->edited, e);
	}
	if (s != ST_OK || settled)
		return s;
	return post_hidden(ap, l, t, p, changed, e);
}

status sync_apply_post(applier *ap, error *e)
{
	post_line l;
	memset(&l, 0, sizeof l);
	thread_row t;
	memset(&t, 0, sizeof t);
	post_row p;
	memset(&p, 0, sizeof p);
	char what[600];
	status s = read_post_line(ap, &l, e);
	if (s == ST_OK && (s = sync_load_thread(ap, l.tid, &t, e)) == ST_OK &&
	    (s = load_post(ap, l.id, &p, e)) == ST_OK) {
		if (!p.exists) {
			s = new_post(ap, &l, &t, e);
		} else if (p.thread_id != l.tid) {
			snprintf(what, sizeof what, _("post %lld is a different post here (another "
			                              "thread)"), (long long)l.id);
			s = sync_conflict(ap, what, sync_kept_aside(), e);
		} else {
			s = post_changes(ap, &l, &t, &p, e);
		}
	}
	post_line_clear(&l);
	free(t.title);
	post_row_clear(&p);
	return s;
}
