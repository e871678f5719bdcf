/* check.c — see check.h. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "core/db_priv.h"
#include "core/search_index.h"
#include "i18n.h"

static status add(check_report *r, size_t *cap, error *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static status add(check_report *r, size_t *cap, error *e, const char *fmt, ...)
{
	if (db_grow((void **)&r->problems, cap, r->n, sizeof *r->problems))
		return err_oom(e);
	va_list ap;
	va_start(ap, fmt);
	char *s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	r->problems[r->n] = s ? strdup(s) : NULL;
	sqlite3_free(s);
	if (!r->problems[r->n])
		return err_oom(e);
	r->n++;
	return ST_OK;
}

/* What a crafted sync file could once leave behind (issue 23), and what nothing written
 * through the CLI has: each query gives two texts for its message. ?1 is now. */
static status check_sync_damage(db *d, check_report *out, size_t *cap, error *e)
{
	static const struct {
		const char *sql;
		const char *msg;
	} checks[] = {
		{ "SELECT t.id, t.title FROM threads t WHERE NOT EXISTS (SELECT 1 FROM posts p"
		  " WHERE p.thread_id = t.id AND p.parent_id IS NULL) LIMIT 20",
		  N_("Thread %s (\"%s\") has no first post.") },
		{ "SELECT id, created_at FROM threads WHERE created_at > ?1 LIMIT 20",
		  N_("Thread %s is dated in the future (%s).") },
		{ "SELECT id, max(created_at, COALESCE(edited_at, '')) FROM posts"
		  " WHERE created_at > ?1 OR edited_at > ?1 LIMIT 20",
		  N_("Post %s is dated in the future (%s).") },
		{ "SELECT account_id, updated_at FROM drafts WHERE updated_at > ?1 LIMIT 20",
		  N_("A draft of account %s is dated in the future (%s).") },
		{ "SELECT id, 'title' FROM threads WHERE length(CAST(title AS BLOB)) > 200 LIMIT 20",
		  N_("Thread %s has an oversized field (%s).") },
		{ "SELECT id, 'body' FROM posts WHERE length(CAST(body AS BLOB)) > 65536"
		  " UNION ALL SELECT id, 'hidden_reason' FROM posts"
		  "  WHERE length(CAST(hidden_reason AS BLOB)) > 1000 OR (hidden = 0 AND hidden_reason != '')"
		  " LIMIT 20",
		  N_("Post %s has an oversized or misplaced field (%s).") },
		{ "SELECT account_id, 'body' FROM drafts WHERE length(CAST(body AS BLOB)) > 65536"
		  " OR length(CAST(title AS BLOB)) > 200 LIMIT 20",
		  N_("A draft of account %s has an oversized field (%s).") },
		/* A practice shown only in leaders' networks, linked from a thread others read. */
		{ "SELECT pt.thread_id, p.key FROM practice_threads pt"
		  " JOIN practices p ON p.id = pt.practice_id JOIN threads t ON t.id = pt.thread_id"
		  " JOIN networks n ON n.id = t.network_id WHERE n.leaders_only = 0"
		  "  AND EXISTS (SELECT 1 FROM practice_networks pn WHERE pn.practice_id = p.id)"
		  "  AND NOT EXISTS (SELECT 1 FROM practice_networks pn JOIN networks m"
		  "   ON m.id = pn.network_id WHERE pn.practice_id = p.id AND m.leaders_only = 0)"
		  " UNION ALL SELECT t.id, m.key FROM threads t JOIN meetings m ON m.id = t.meeting_id"
		  "  WHERE m.network_id != t.network_id LIMIT 20",
		  N_("Thread %s links to %s, which its readers cannot see.") },
		/* Feedback requests (issue 22): the answer that helped is a visible answer in
		 * the request's own thread, marked at a time that has come. */
		{ "SELECT fr.thread_id, fr.accepted_post FROM feedback_requests fr"
		  " LEFT JOIN posts p ON p.id = fr.accepted_post WHERE fr.accepted_post IS NOT NULL"
		  "  AND (p.id IS NULL OR p.thread_id != fr.thread_id OR p.parent_id IS NULL"
		  "       OR p.hidden != 0) LIMIT 20",
		  N_("Feedback request %s marks post %s, which is not a visible answer in it.") },
		{ "SELECT thread_id, COALESCE(accepted_at, '') FROM feedback_requests"
		  " WHERE accepted_post IS NOT NULL AND (accepted_at IS NULL OR accepted_at > ?1) LIMIT 20",
		  N_("Feedback request %s: the answer that helped was marked at a wrong time (%s).") },
		{ "SELECT id, max(started_at, updated_at) FROM uptakes"
		  " WHERE started_at > ?1 OR updated_at > ?1 OR started_at > updated_at LIMIT 20",
		  N_("Practice transfer %s is dated in the future or was changed before it began (%s).") },
	};
	char now[32];
	db_now(now, sizeof now);
	status s = ST_OK;
	for (size_t i = 0; s == ST_OK && i < sizeof checks / sizeof checks[0]; i++) {
		sqlite3_stmt *st = db_stmt(d, checks[i].sql, e);
		if (!st)
			return err_code(e);
		if (sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
		while (s == ST_OK && sqlite3_step(st) == SQLITE_ROW)
			s = add(out, cap, e, _(checks[i].msg), (const char *)sqlite3_column_text(st, 0),
			        (const char *)sqlite3_column_text(st, 1));
		sqlite3_reset(st);
	}
	return s;
}

status check_database(db *d, check_report *out, error *e)
{
	static const char sql_integrity[] = "PRAGMA integrity_check";
	static const char sql_fk[] = "PRAGMA foreign_key_check";
	static const char sql_counts[] =
		"SELECT t.id, t.post_count FROM threads t WHERE t.post_count !="
		" (SELECT count(*) FROM posts p WHERE p.thread_id = t.id) LIMIT 20";
	static const char sql_index_size[] =
		"SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM threads)"
		" + (SELECT count(*) FROM posts) + (SELECT count(*) FROM practices)"
		" + (SELECT count(*) FROM meetings), (SELECT count(*) FROM search_docsize)"
		/* The titles index: one row per town, thread, practice and meeting. */
		" UNION ALL SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM threads)"
		" + (SELECT count(*) FROM practices) + (SELECT count(*) FROM meetings),"
		" (SELECT count(*) FROM search_titles_docsize)";
	memset(out, 0, sizeof *out);
	size_t cap = 0;
	status s = ST_OK;
	sqlite3_stmt *st = db_stmt(d, sql_integrity, e);
	if (!st)
		return err_code(e);
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(st, 0);
		if (msg && strcmp(msg, "ok") != 0)
			s = add(out, &cap, e, _("The file is damaged: %s. Restore it from a backup or a "
			                        "snapshot."), msg);
	}
	sqlite3_reset(st);
	if (s == ST_OK && (st = db_stmt(d, sql_fk, e))) {
		while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			s = add(out, &cap, e, _("A record in %s points to a missing record in %s."),
			        (const char *)sqlite3_column_text(st, 0),
			        (const char *)sqlite3_column_text(st, 2));
		sqlite3_reset(st);
	}
	bool sound = true;
	if (s == ST_OK && !db_is_readonly(d) && search_check_index(d, &sound, e) == ST_OK) {
		if (!sound)
			s = add(out, &cap, e, "%s", _("The search index is damaged; run 'empirie check "
			                              "--reindex'."));
	}
	if (s == ST_OK && (st = db_stmt(d, sql_index_size, e))) {
		bool apart = false;
		while (!apart && sqlite3_step(st) == SQLITE_ROW)
			apart = sqlite3_column_int64(st, 0) != sqlite3_column_int64(st, 1);
		if (apart)
			s = add(out, &cap, e, "%s", _("The search index is out of step with the text; run "
			                              "'empirie check --reindex'."));
		sqlite3_reset(st);
	}
	if (s == ST_OK && (st = db_stmt(d, sql_counts, e))) {
		while (s == ST_OK && sqlite3_step(st) == SQLITE_ROW)
			s = add(out, &cap, e, _("Thread %s has a wrong post count (%s)."),
			        (const char *)sqlite3_column_text(st, 0),
			        (const char *)sqlite3_column_text(st, 1));
		sqlite3_reset(st);
	}
	if (s == ST_OK)
		s = check_sync_damage(d, out, &cap, e);
	if (s != ST_OK)
		check_report_free(out);
	return s;
}

void check_report_free(check_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->problems[i]);
	free(r->problems);
	memset(r, 0, sizeof *r);
}
