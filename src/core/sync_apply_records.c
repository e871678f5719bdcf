/* sync_apply_records.c — the lines of a sync file that are neither threads nor posts:
 * read marks, drafts and practice transfers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/forum_priv.h"
#include "core/practice.h"
#include "core/readmark.h"
#include "core/sync_priv.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/strbuf.h"

status sync_apply_read(applier *ap, error *e)
{
	int64_t tid, count, last;
	char *login = NULL;
	account a;
	memset(&a, 0, sizeof a);
	status s;
	if ((s = sync_need_int(ap, "thread", 1, &tid, e)) != ST_OK ||
	    (s = sync_need_int(ap, "read_count", 0, &count, e)) != ST_OK ||
	    (s = sync_need_int(ap, "last_read_id", 0, &last, e)) != ST_OK ||
	    (s = sync_get_text(ap, "account", true, &login, e)) != ST_OK)
		goto out;
	bool ok;
	if ((s = sync_actor_for(ap, login, &a, &ok, e)) != ST_OK || !ok)
		goto out;
	bool moved;
	if ((s = readmark_merge(ap->d, a.id, tid, count, last, &moved, e)) != ST_OK)
		goto out;
	/* A mark for a thread not here (a network this copy lacks) has nothing to mark. */
	if (moved)
		ap->r->applied++;
	else
		ap->r->present++;
out:
	free(login);
	account_clear(&a);
	return s;
}

status sync_apply_draft(applier *ap, error *e)
{
	int64_t target;
	char *login = NULL, *kind = NULL, *deleted = NULL, *title = NULL, *body = NULL, *at = NULL;
	account a;
	memset(&a, 0, sizeof a);
	status s;
	if ((s = sync_get_text(ap, "account", true, &login, e)) != ST_OK ||
	    (s = sync_get_text(ap, "kind", true, &kind, e)) != ST_OK ||
	    (s = sync_need_time(ap, "deleted", false, &deleted, e)) != ST_OK)
		goto out;
	jval tv;
	if ((s = sync_jget(ap, "target", &tv, e)) != ST_OK)
		goto out;
	free(tv.s);
	if (!tv.present || !tv.is_int) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is missing or not a valid number; "
		                             "nothing was applied"), ap->file, (long long)ap->line,
		            "target");
		goto out;
	}
	target = tv.i;
	static const char *const kinds[] = { "thread", "reply", "edit", "practice", "meeting" };
	bool known = false;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		known |= strcmp(kind, kinds[i]) == 0;
	if (!known) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has an unknown value; nothing was "
		                             "applied"), ap->file, (long long)ap->line, "kind");
		goto out;
	}
	if (!deleted && ((s = sync_get_text(ap, "title", true, &title, e)) != ST_OK ||
	                 (s = sync_get_text(ap, "body", true, &body, e)) != ST_OK ||
	                 (s = sync_need_time(ap, "updated_at", true, &at, e)) != ST_OK ||
	                 (s = sync_check_field(ap, "title", title, FORUM_TITLE_MAX, false, e)) != ST_OK ||
	                 (s = sync_check_field(ap, "body", body, FORUM_BODY_MAX, true, e)) != ST_OK))
		goto out;
	sync_cap_time(ap, &at);
	sync_cap_time(ap, &deleted);
	/* The same limit as for a draft saved here. */
	if (!deleted && draft_validate(kind, title, body, NULL) != ST_OK) {
		size_t max = strcmp(kind, "practice") == 0 || strcmp(kind, "meeting") == 0
		             ? DRAFT_RECORD_MAX : FORUM_BODY_MAX;
		s = err_set(e, ST_INVALID, ngettext("%s:%lld: the draft is too long (at most %zu byte); "
		                                    "nothing was applied",
		                                    "%s:%lld: the draft is too long (at most %zu bytes); "
		                                    "nothing was applied", (unsigned long)max),
		            ap->file, (long long)ap->line, max);
		goto out;
	}
	bool ok;
	if ((s = sync_actor_for(ap, login, &a, &ok, e)) != ST_OK || !ok)
		goto out;
	bool did;
	if ((s = deleted ? draft_delete_older(ap->d, a.id, kind, target, deleted, &did, e)
	                 : draft_merge(ap->d, a.id, kind, target, title, body, at, &did, e)) != ST_OK)
		goto out;
	/* B6: drafts per account are limited, so a file cannot fill the database. */
	int64_t drafts = 0;
	if (did && !deleted &&
	    (s = sync_query_int(ap->d, "SELECT count(*) FROM drafts WHERE account_id = ?",
	                        a.id, 0, &drafts, e)) != ST_OK)
		goto out;
	if (did && !deleted && drafts > ap->lim.drafts) {
		s = err_set(e, ST_INVALID, ngettext("%s:%lld: more than %lld draft for %s: over the limit of "
		                                    "drafts per account; nothing was applied",
		                                    "%s:%lld: more than %lld drafts for %s: over the limit of "
		                                    "drafts per account; nothing was applied",
		                                    (unsigned long)ap->lim.drafts), ap->file,
		            (long long)ap->line, (long long)ap->lim.drafts, login);
		goto out;
	}
	/* A deletion of a draft not here (yet: files applied out of order) is remembered,
	 * so the draft arriving later does not come back. */
	if (deleted && !did &&
	    (s = sync_note_draft_deleted(ap, a.id, kind, target, deleted, e)) != ST_OK)
		goto out;
	if (did)
		ap->r->applied++;
	else
		ap->r->present++;
out:
	free(login), free(kind), free(deleted), free(title), free(body), free(at);
	account_clear(&a);
	return s;
}

/* ---- practice transfers (schema 13; uptake.h) ----
 * One line per changed (practice, town) pair, keyed by the practice's key and the town's
 * name (ids differ between copies only for rows made in a copy, but these two are stable
 * everywhere). Rule: the later change (updated_at, or deleted_at for a removal) wins; when
 * the record was also changed here since the last export, the loser is listed as a
 * conflict. On the home database the writer must have the right to record for the town. */

/* A practice transfer's line, as the file gives it: the text of each field of
 * uptake_fields.h by its place (a removal has deleted_at and no status, note or times;
 * the threads are read when they are linked). */
#define UPTAKE_LINE_MEMBER_(name, ...) char *name;
typedef union {
	char *v[UPTAKE_NFIELDS]; /* by the field's place */
	struct {
		UPTAKE_FIELDS(UPTAKE_LINE_MEMBER_)
	};
} uptake_line;

static void uptake_line_clear(uptake_line *l)
{
	for (int i = 0; i < UPTAKE_NFIELDS; i++)
		free(l->v[i]);
	memset(l, 0, sizeof *l);
}

/* Field i of the line: a time or a text; the removal's time and free text may be
 * missing. */
static status read_uptake_field(applier *ap, int i, uptake_line *l, error *e)
{
	const uptake_field_info *f = &uptake_field_list[i];
	bool required = f->sync != SYNC_GONE && f->kind != UK_TEXT;
	return f->kind == UK_TIME ? sync_need_time(ap, f->key, required, &l->v[i], e)
	                          : sync_get_text(ap, f->key, required, &l->v[i], e);
}

static status read_uptake_line(applier *ap, uptake_line *l, error *e)
{
	status s = ST_OK;
	/* Those on every line first, then, unless it is a removal, the record's. */
	for (int i = 0; s == ST_OK && i < UPTAKE_NFIELDS; i++)
		if (uptake_field_list[i].sync == SYNC_ANY || uptake_field_list[i].sync == SYNC_GONE)
			s = read_uptake_field(ap, i, l, e);
	for (int i = 0; s == ST_OK && !l->deleted_at && i < UPTAKE_NFIELDS; i++)
		if (uptake_field_list[i].sync == SYNC_LIVE)
			s = read_uptake_field(ap, i, l, e);
	for (int i = 0; s == ST_OK && !l->deleted_at && i < UPTAKE_NFIELDS; i++)
		if (uptake_field_list[i].sync == SYNC_LIVE && uptake_field_list[i].kind == UK_TEXT)
			s = sync_check_field(ap, uptake_field_list[i].key, l->v[i], UPTAKE_NOTE_MAX, true, e);
	if (s != ST_OK)
		return s;
	/* Times capped at now, as for posts: a far-future time would win every later change. */
	for (int i = 0; i < UPTAKE_NFIELDS; i++)
		if (uptake_field_list[i].kind == UK_TIME)
			sync_cap_time(ap, &l->v[i]);
	if (l->status && uptake_status_parse(l->status) < 0)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is not one of the known values; "
		                                "nothing was applied"), ap->file, (long long)ap->line,
		               uptake_field_list[UPTAKE_F_status].key);
	return ST_OK;
}

/* The transfer as it is here, and whether it changed here since the last export. */
typedef struct {
	bool here, pending;
	char *status, *note, *updated;
} uptake_here;

static status load_uptake_here(applier *ap, int64_t practice_id, int64_t city_id, uptake_here *h,
                               error *e)
{
	static const char sql_here[] =
		"SELECT u.id, u.status, u.note, u.updated_at, u.started_at,"
		"       EXISTS (SELECT 1 FROM uptake_log l WHERE l.practice_id = u.practice_id"
		"               AND l.city_id = u.city_id AND l.seq > COALESCE((SELECT CAST(value AS"
		"               INTEGER) FROM meta WHERE key = 'sync_uptakes_exported'), 0))"
		"  FROM uptakes u WHERE u.practice_id = ?1 AND u.city_id = ?2";
	sqlite3_stmt *st = db_stmt(ap->d, sql_here, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, practice_id);
	sqlite3_bind_int64(st, 2, city_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->here = true;
		h->status = db_col_dup(st, 1);
		h->note = db_col_dup(st, 2);
		h->updated = db_col_dup(st, 3);
		h->pending = sqlite3_column_int(st, 5) != 0;
	}
	status s = rc == SQLITE_ROW || rc == SQLITE_DONE
	                   ? ST_OK : db_fail(ap->d, rc, e, _("Saving the practice transfer"));
	sqlite3_reset(st);
	if (s != ST_OK)
		return s;
	if (h->here && (!h->status || !h->note || !h->updated))
		return err_oom(e);
	return ST_OK;
}

/* The line's threads that are here, linked to the transfer uid. */
static status link_uptake_threads(applier *ap, int64_t uid, error *e)
{
	static const char sql_threads[] =
		"SELECT t.id FROM threads t WHERE t.id IN"
		" (SELECT value FROM json_each(?1, '$.threads') WHERE json_type(?1, '$.threads') ="
		"  'array' AND type = 'integer')";
	sqlite3_stmt *st = db_stmt(ap->d, sql_threads, e);
	if (!st)
		return err_code(e);
	/* The ids first: the link uses a statement of its own. */
	sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&ids, &cap, n, sizeof *ids))
			s = err_oom(e);
		else
			ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(ap->d, rc, e, _("Saving the practice transfer"));
	for (size_t i = 0; s == ST_OK && i < n; i++)
		s = uptake_rows_link_thread(ap->d, uid, ids[i], e);
	free(ids);
	return s;
}

/* The file's change taken: the transfer removed, or stored with its threads. */
static status store_uptake(applier *ap, const uptake_line *l, int64_t practice_id,
                           int64_t city_id, error *e)
{
	int64_t uid = 0;
	if (l->deleted_at)
		return uptake_rows_remove(ap->d, practice_id, city_id, l->deleted_at, l->updated_by,
		                          &uid, NULL, 0, e);
	uptake_fields u = { .practice_id = practice_id, .city_id = city_id, .status = l->status,
	                    .note = l->note, .started_at = l->started_at, .updated_at = l->updated_at,
	                    .updated_by = l->updated_by, .earliest_start = true };
	status s = uptake_rows_put(ap->d, &u, &uid, e);
	return s == ST_OK ? link_uptake_threads(ap, uid, e) : s;
}

status sync_apply_uptake(applier *ap, error *e)
{
	uptake_line l;
	memset(&l, 0, sizeof l);
	uptake_here h;
	memset(&h, 0, sizeof h);
	account au;
	memset(&au, 0, sizeof au);
	practice pr;
	memset(&pr, 0, sizeof pr);
	city c;
	memset(&c, 0, sizeof c);
	char what[768];
	bool ok;
	status s;
	if ((s = read_uptake_line(ap, &l, e)) != ST_OK ||
	    (s = sync_actor_for(ap, l.updated_by, &au, &ok, e)) != ST_OK || !ok)
		goto out;
	error e2;
	if (practice_get(ap->d, &au, 0, l.practice, &pr, &e2) != ST_OK ||
	    directory_city(ap->d, l.town, &c, &e2) != ST_OK) {
		str_fitf(what, sizeof what, _("%s's transfer of practice %s: the practice or the town is "
		                              "not here"), l.town, l.practice);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	if (ap->home && (!perm_can_record_uptake(ap->d, &au, c.id) || c.id == pr.city_id)) {
		str_fitf(what, sizeof what, _("%s's transfer of practice %s, recorded by %s, who may not "
		                              "record for %s"), c.name, l.practice, l.updated_by, c.name);
		s = sync_conflict(ap, what, sync_kept_aside(), e);
		goto out;
	}
	if ((s = load_uptake_here(ap, pr.id, c.id, &h, e)) != ST_OK)
		goto out;
	const char *in_at = l.deleted_at ? l.deleted_at : l.updated_at;
	if ((!h.here && l.deleted_at) ||
	    (h.here && !l.deleted_at && strcmp(h.updated, l.updated_at) == 0 &&
	     strcmp(h.status, l.status) == 0 && strcmp(h.note, l.note ? l.note : "") == 0)) {
		ap->r->present++;
		goto out;
	}
	/* The later change wins; on a tie, the one already here. */
	bool take = !h.here || strcmp(in_at, h.updated) > 0;
	if (h.here && h.pending) {
		char ours[128], theirs[128];
		snprintf(ours, sizeof ours, "%s (%s)", uptake_status_key((uptake_status)
		         uptake_status_parse(h.status)), h.updated);
		snprintf(theirs, sizeof theirs, "%s (%s)", l.deleted_at ? _("removed") : l.status, in_at);
		str_fitf(what, sizeof what, _("%s's transfer of practice %s was changed in both copies: "
		                              "here %s, in the file %s"), c.name, l.practice, ours, theirs);
		if ((s = sync_conflict(ap, what, take ? _("the file's later change was taken")
		                                      : _("the later change here was kept"), e)) != ST_OK)
			goto out;
	}
	if (!take) {
		ap->r->present++;
		goto out;
	}
	if ((s = store_uptake(ap, &l, pr.id, c.id, e)) != ST_OK)
		goto out;
	str_fitf(what, sizeof what, "%s <- %s: %s", l.practice, c.name, l.deleted_at ? "-" : l.status);
	if ((s = sync_audit(ap, l.updated_by, l.deleted_at ? "delete" : "edit", "uptake", pr.id,
	                    h.status, what, e)) != ST_OK)
		goto out;
	ap->r->applied++;
out:
	uptake_line_clear(&l);
	free(h.status), free(h.note), free(h.updated);
	account_clear(&au);
	practice_clear(&pr);
	city_clear(&c);
	return s;
}
