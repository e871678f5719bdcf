/* forum_rows.c — the one writer of threads, posts and a thread's practice links (see
 * forum_rows.h for who calls it and what it leaves to them). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/forum_rows.h"
#include "core/search_index.h"
#include "i18n.h"

/* The next id for a new thread or post: the ids of this copy's range (site << 40, see
 * schema 4) so that copies synced later never hand out the same one. The home database
 * is site 0, whose range starts at 1. */
static int64_t next_id(db *d, bool thread_table, error *e)
{
	static const char sql_site[] = "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'site'";
	static const char sql_threads[] =
		"SELECT COALESCE(max(id), ?1) + 1 FROM threads WHERE id >= ?1 AND id < ?2";
	static const char sql_posts[] =
		"SELECT COALESCE(max(id), ?1) + 1 FROM posts WHERE id >= ?1 AND id < ?2";
	sqlite3_stmt *st = db_stmt(d, sql_site, e);
	if (!st)
		return 0;
	int64_t site = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (site < 0 || site > FORUM_SITE_MAX)
		site = 0;
	if (!(st = db_stmt(d, thread_table ? sql_threads : sql_posts, e)))
		return 0;
	sqlite3_bind_int64(st, 1, site << FORUM_SITE_SHIFT);
	sqlite3_bind_int64(st, 2, (site + 1) << FORUM_SITE_SHIFT);
	int rc = sqlite3_step(st);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		db_fail(d, rc, e, thread_table ? _("Saving the thread") : _("Saving the post"));
		return 0;
	}
	/* The range is full: never step into the next copy's. */
	if (id >= (site + 1) << FORUM_SITE_SHIFT) {
		err_set(e, ST_INTERNAL, _("This copy has used up its range of ids; take a new copy"));
		return 0;
	}
	return id;
}

/* Each SET field bound to its parameter (forum_fields.h), by its type. */
#define BIND_ID(st, i, v) sqlite3_bind_int64(st, i, v);
#define BIND_REF(st, i, v) \
	if (v)             \
		sqlite3_bind_int64(st, i, v);
#define BIND_TEXT(st, i, v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
#define BIND_TEXT_EMPTY(st, i, v) sqlite3_bind_text(st, i, (v) ? (v) : "", -1, SQLITE_STATIC);
#define BIND_FLAG(st, i, v) sqlite3_bind_int(st, i, v);
#define THREAD_BIND_(name, store, type, ...) \
	FORUM_IF_SET_##store(BIND_##type(st, THREAD_P_##name + 1, t->name))
#define POST_BIND_(name, store, type, ...) \
	FORUM_IF_SET_##store(BIND_##type(st, POST_P_##name + 1, p->name))
_Static_assert(THREAD_P_id == 0 && POST_P_id == 0, "the KEY is the first parameter");

status forum_rows_thread(db *d, const thread_fields *t, int64_t *id_out, error *e)
{
	static const char sql[] =
		"INSERT INTO threads(id" THREAD_FIELDS(FORUM_INSERT_COL_) ") VALUES (?" THREAD_FIELDS(
			FORUM_INSERT_PARAM_) ")";
	int64_t id = t->id ? t->id : next_id(d, true, e);
	sqlite3_stmt *st;
	if (!id || !(st = db_stmt(d, sql, e)))
		return err_code(e);
	sqlite3_bind_int64(st, THREAD_P_id + 1, id);
	THREAD_FIELDS(THREAD_BIND_)
	/* MADE: the last post's time starts as the thread's own (the triggers keep it). */
	sqlite3_bind_text(st, THREAD_P_last_post_at + 1, t->created_at, -1, SQLITE_STATIC);
	status s = db_step_done(d, st, _("Saving the thread"), NULL, e);
	if (s != ST_OK)
		return s;
	if (id_out)
		*id_out = id;
	return t->unindexed ? ST_OK : search_index_thread(d, id, t->title, e);
}

size_t forum_rows_child_path(const unsigned char *parent_path, size_t parent_len, int64_t id,
                             unsigned char out[FORUM_PATH_MAX])
{
	size_t keep = parent_len;
	if (keep > FORUM_PATH_MAX - FORUM_PATH_STEP)
		keep = FORUM_PATH_MAX - FORUM_PATH_STEP;
	keep -= keep % FORUM_PATH_STEP;
	if (keep)
		memcpy(out, parent_path, keep);
	uint64_t v = (uint64_t)id;
	for (size_t i = keep + FORUM_PATH_STEP; i-- > keep; v >>= 8)
		out[i] = (unsigned char)(v & 0xff);
	return keep + FORUM_PATH_STEP;
}

status forum_rows_post(db *d, const post_fields *p, int64_t *id_out, error *e)
{
	static const char sql[] =
		"INSERT INTO posts(id" POST_FIELDS(FORUM_INSERT_COL_) ") VALUES (?" POST_FIELDS(
			FORUM_INSERT_PARAM_) ")";
	int64_t id = p->id ? p->id : next_id(d, false, e);
	if (!id)
		return err_code(e);
	unsigned char path[FORUM_PATH_MAX];
	size_t len = forum_rows_child_path(p->parent_path, p->parent_id ? p->parent_len : 0, id,
	                                   path);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, POST_P_id + 1, id);
	POST_FIELDS(POST_BIND_)
	/* MADE: the reply path and the real depth, from the parent's. */
	sqlite3_bind_blob(st, POST_P_path + 1, path, (int)len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, POST_P_depth + 1, p->parent_id ? p->parent_depth + 1 : 0);
	status s = db_step_done(d, st, _("Saving the post"), NULL, e);
	if (s != ST_OK)
		return s;
	if (id_out)
		*id_out = id;
	return p->unindexed ? ST_OK : search_index_post(d, id, p->body, e);
}

status forum_rows_link_practice(db *d, int64_t thread_id, int64_t practice_id, error *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO practice_threads(practice_id, thread_id) VALUES (?1, ?2)";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, practice_id);
	sqlite3_bind_int64(st, 2, thread_id);
	return db_step_done(d, st, _("Saving the thread"), NULL, e);
}
