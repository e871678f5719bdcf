/* search_index.c — see search_index.h. The one writer of the search index (table
 * `search`): the store's writes call search_index_* and search_unindex_* inside their
 * transaction (not triggers: schema.c says why); what goes in for each kind of row is
 * in search_docs.h. The queries are in search.c. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/lemma.h"
#include "core/search_docs.h"
#include "core/search_index.h"
#include "i18n.h"

static status exec_bound(db *d, const char *sql, int64_t id, const char *text, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Updating the search index"));
}

status search_index_post(db *d, int64_t post_id, const char *body, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) VALUES (?1 * 4 + 3, '', ?2)";
	return exec_bound(d, sql, post_id, body, e);
}

status search_unindex_post(db *d, int64_t post_id, const char *old_body, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " VALUES ('delete', ?1 * 4 + 3, '', ?2)";
	return exec_bound(d, sql, post_id, old_body, e);
}

status search_index_thread(db *d, int64_t thread_id, const char *title, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) VALUES (?1 * 4 + 2, ?2, '')";
	return exec_bound(d, sql, thread_id, title, e);
}

static status city_op(db *d, const char *sql, int64_t id, const char *name, const char *voiv,
                      const char *project, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, voiv, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, project, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Updating the search index"));
}

status search_index_city(db *d, int64_t city_id, const char *name, const char *voivodeship,
                         const char *project, error *e)
{
	static const char sql[] = "INSERT INTO search(rowid, title, body)"
	                          " VALUES (?1 * 4 + 1, ?2, ?3 || ' ' || ?4)";
	return city_op(d, sql, city_id, name, voivodeship, project, e);
}

status search_unindex_city(db *d, int64_t city_id, const char *name, const char *voivodeship,
                           const char *project, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " VALUES ('delete', ?1 * 4 + 1, ?2, ?3 || ' ' || ?4)";
	return city_op(d, sql, city_id, name, voivodeship, project, e);
}

status search_index_practice(db *d, int64_t id, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) SELECT " PRACTICE_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_unindex_practice(db *d, int64_t id, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " SELECT 'delete', " PRACTICE_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_index_meeting(db *d, int64_t id, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) SELECT " MEETING_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_unindex_meeting(db *d, int64_t id, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " SELECT 'delete', " MEETING_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_fill(db *d, error *e)
{
	int rc = sqlite3_exec(db_handle(d), SEARCH_FILL_SQL, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ST_OK : db_fail(d, rc, e, _("Updating the search index"));
}

static status note_dictionary(db *d, error *e)
{
	char stamp[4200];
	lemma_dictionary_stamp(stamp, sizeof stamp);
	return db_meta_set(d, "lemma_dictionary", stamp, _("Updating the search index"), e);
}

/* Every practice at once (the bundled directory's first load). */
status search_index_practices(db *d, error *e)
{
	static const char sql[] = "INSERT INTO search(rowid, title, body) SELECT " PRACTICE_DOC;
	return exec_bound(d, sql, 0, NULL, e);
}

status search_optimize(db *d, error *e)
{
	static const char sql[] = "INSERT INTO search(search) VALUES ('optimize')";
	return exec_bound(d, sql, 0, NULL, e);
}

/* FTS5's own check of the index against its stored structure; *sound false when not. */
status search_check_index(db *d, bool *sound, error *e)
{
	static const char sql[] = "INSERT INTO search(search) VALUES ('integrity-check')";
	*sound = true;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	*sound = rc == SQLITE_DONE;
	return ST_OK;
}

status search_reindex(db *d, error *e)
{
	static const char sql_clear[] = "INSERT INTO search(search) VALUES ('delete-all')";
	static const char sql_lemmas[] = "DELETE FROM lemmas";
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	/* The words' lemmas are worked out again, with the dictionary there is now. */
	lemma_forget(db_lemmatizer(d));
	if ((s = exec_bound(d, sql_clear, 0, NULL, e)) != ST_OK ||
	    (s = exec_bound(d, sql_lemmas, 0, NULL, e)) != ST_OK || (s = search_fill(d, e)) != ST_OK ||
	    (s = note_dictionary(d, e)) != ST_OK) {
		db_rollback(d);
		lemma_forget(db_lemmatizer(d));
		return s;
	}
	return db_commit(d, e);
}

status search_note_upgrade(db *d, error *e)
{
	if (db_is_readonly(d))
		return ST_OK;
	char *built = db_meta_get(d, "lemma_dictionary");
	status s = ST_OK;
	if (!built)
		s = note_dictionary(d, e);
	free(built);
	return s;
}
