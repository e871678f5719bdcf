/* check.c — see check.h. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "core/db_priv.h"
#include "i18n.h"

static status add(check_report *r, size_t *cap, error *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static status add(check_report *r, size_t *cap, error *e, const char *fmt, ...)
{
	if (db_grow((void **)&r->problems, cap, r->n, sizeof *r->problems))
		return err_set(e, ST_INTERNAL, _("Out of memory"));
	va_list ap;
	va_start(ap, fmt);
	char *s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	r->problems[r->n] = s ? strdup(s) : NULL;
	sqlite3_free(s);
	if (!r->problems[r->n])
		return err_set(e, ST_INTERNAL, _("Out of memory"));
	r->n++;
	return ST_OK;
}

status check_database(db *d, check_report *out, error *e)
{
	static const char sql_integrity[] = "PRAGMA integrity_check";
	static const char sql_fk[] = "PRAGMA foreign_key_check";
	static const char sql_fts[] = "INSERT INTO search(search) VALUES ('integrity-check')";
	static const char sql_counts[] =
		"SELECT t.id, t.post_count FROM threads t WHERE t.post_count !="
		" (SELECT count(*) FROM posts p WHERE p.thread_id = t.id) LIMIT 20";
	static const char sql_index_size[] =
		"SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM threads)"
		" + (SELECT count(*) FROM posts) + (SELECT count(*) FROM practices)"
		" + (SELECT count(*) FROM meetings), (SELECT count(*) FROM search_docsize)";
	memset(out, 0, sizeof *out);
	size_t cap = 0;
	status s = ST_OK;
	sqlite3_stmt *st = db_stmt(d, sql_integrity, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
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
	if (s == ST_OK && !db_is_readonly(d) && (st = db_stmt(d, sql_fts, e))) {
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = add(out, &cap, e, "%s", _("The search index is damaged; run 'empirie check "
			                              "--reindex'."));
	}
	if (s == ST_OK && (st = db_stmt(d, sql_index_size, e))) {
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_int64(st, 0) != sqlite3_column_int64(st, 1))
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
