/* search_index.c — see search_index.h. The one writer of the search index (tables
 * `search` and `search_titles`, the titles alone): the store's writes call
 * search_index_* and search_unindex_* inside their transaction (not triggers: schema.c
 * says why); what goes in for each kind of row is in search_docs.h. Every title that
 * goes into `search` goes into `search_titles` too, with the same rowid, and leaves both
 * together. The queries are in search.c. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/lemma.h"
#include "core/search_docs.h"
#include "core/search_index.h"
#include "i18n.h"

/* A kind's entry added to or deleted from each table, spelled once: row is its rowid and
 * columns as a SELECT list (search_docs.h's, over its table, or of parameters). */
#define SEARCH_ADD(row) "INSERT INTO search(rowid, title, body) SELECT " row
#define SEARCH_DROP(row) "INSERT INTO search(search, rowid, title, body) SELECT 'delete', " row
#define TITLES_ADD(row) "INSERT INTO search_titles(rowid, title) SELECT " row
#define TITLES_DROP(row) \
	"INSERT INTO search_titles(search_titles, rowid, title) SELECT 'delete', " row
/* One of FTS5's commands to each table: "optimize", "integrity-check", "delete-all". */
#define SEARCH_COMMAND(cmd) "INSERT INTO search(search) VALUES ('" cmd "')"
#define TITLES_COMMAND(cmd) "INSERT INTO search_titles(search_titles) VALUES ('" cmd "')"

/* Run sql with ?1 bound to id and ?2, ?3 ... to text[0], text[1] ..., as many as it has
 * parameters for. */
static status exec_bound(db *d, const char *sql, int64_t id, const char *const *text,
                         error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	int params = sqlite3_bind_parameter_count(st);
	if (params >= 1)
		sqlite3_bind_int64(st, 1, id);
	for (int i = 2; text && i <= params; i++)
		sqlite3_bind_text(st, i, text[i - 2], -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Updating the search index"));
}

/* One change to the index: the document in `search`, then its title (NULL: a kind
 * without one) in `search_titles`, both bound alike (exec_bound). */
typedef struct {
	const char *doc, *title;
} index_write;

static status write_both(db *d, const index_write *w, int64_t id, const char *const *text,
                         error *e)
{
	status s = exec_bound(d, w->doc, id, text, e);
	return s == ST_OK && w->title ? exec_bound(d, w->title, id, text, e) : s;
}

/* A kind's entry added to both tables or deleted from both, by its row's id (?1) and
 * (posts, threads) the texts it holds (?2 ...); a command to both. */
#define BOTH_ADD(doc, title) { SEARCH_ADD(doc), TITLES_ADD(title) }
#define BOTH_DROP(doc, title) { SEARCH_DROP(doc), TITLES_DROP(title) }
#define BOTH_COMMAND(cmd) { SEARCH_COMMAND(cmd), TITLES_COMMAND(cmd) }
#define POST_ROW SEARCH_ROWID_POST("?1") ", '', ?2"
#define THREAD_ROW SEARCH_ROWID_THREAD("?1") ", ?2, ''"
#define THREAD_TITLE_ROW SEARCH_ROWID_THREAD("?1") ", ?2"
#define ONE(row) row " WHERE id = ?1"

status search_index_post(db *d, int64_t post_id, const char *body, error *e)
{
	static const index_write w = { SEARCH_ADD(POST_ROW), NULL };
	return write_both(d, &w, post_id, &body, e);
}

status search_unindex_post(db *d, int64_t post_id, const char *old_body, error *e)
{
	static const index_write w = { SEARCH_DROP(POST_ROW), NULL };
	return write_both(d, &w, post_id, &old_body, e);
}

status search_index_thread(db *d, int64_t thread_id, const char *title, error *e)
{
	static const index_write w = BOTH_ADD(THREAD_ROW, THREAD_TITLE_ROW);
	return write_both(d, &w, thread_id, &title, e);
}

status search_index_city(db *d, int64_t id, error *e)
{
	static const index_write w = BOTH_ADD(ONE(CITY_DOC), ONE(CITY_TITLE));
	return write_both(d, &w, id, NULL, e);
}

status search_unindex_city(db *d, int64_t id, error *e)
{
	static const index_write w = BOTH_DROP(ONE(CITY_DOC), ONE(CITY_TITLE));
	return write_both(d, &w, id, NULL, e);
}

status search_index_practice(db *d, int64_t id, error *e)
{
	static const index_write w = BOTH_ADD(ONE(PRACTICE_DOC), ONE(PRACTICE_TITLE));
	return write_both(d, &w, id, NULL, e);
}

status search_unindex_practice(db *d, int64_t id, error *e)
{
	static const index_write w = BOTH_DROP(ONE(PRACTICE_DOC), ONE(PRACTICE_TITLE));
	return write_both(d, &w, id, NULL, e);
}

status search_index_meeting(db *d, int64_t id, error *e)
{
	static const index_write w = BOTH_ADD(ONE(MEETING_DOC), ONE(MEETING_TITLE));
	return write_both(d, &w, id, NULL, e);
}

status search_unindex_meeting(db *d, int64_t id, error *e)
{
	static const index_write w = BOTH_DROP(ONE(MEETING_DOC), ONE(MEETING_TITLE));
	return write_both(d, &w, id, NULL, e);
}

status search_fill(db *d, error *e)
{
	return db_exec(d, SEARCH_FILL_SQL TITLES_FILL_SQL, _("Updating the search index"), e);
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
	static const index_write w = BOTH_ADD(PRACTICE_DOC, PRACTICE_TITLE);
	return write_both(d, &w, 0, NULL, e);
}

status search_optimize(db *d, error *e)
{
	static const index_write w = BOTH_COMMAND("optimize");
	return write_both(d, &w, 0, NULL, e);
}

/* FTS5's own check of both indexes against their stored structure; *sound false when
 * either fails it. */
status search_check_index(db *d, bool *sound, error *e)
{
	static const index_write w = BOTH_COMMAND("integrity-check");
	const char *const sqls[] = { w.doc, w.title };
	*sound = true;
	for (int i = 0; i < 2 && *sound; i++) {
		sqlite3_stmt *st = db_stmt(d, sqls[i], e);
		if (!st)
			return err_code(e);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		*sound = rc == SQLITE_DONE;
	}
	return ST_OK;
}

status search_reindex(db *d, error *e)
{
	static const index_write clear = BOTH_COMMAND("delete-all");
	static const char sql_lemmas[] = "DELETE FROM lemmas";
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	/* The words' lemmas are worked out again, with the dictionary there is now. */
	lemma_forget(db_lemmatizer(d));
	if ((s = write_both(d, &clear, 0, NULL, e)) != ST_OK ||
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
