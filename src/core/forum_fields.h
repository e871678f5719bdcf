/* forum_fields.h — the one list of a thread's fields (THREAD_FIELDS: the table threads)
 * and of a post's (POST_FIELDS: the table posts), with what their sync lines carry
 * beside the row. The members of what the one writer stores (thread_fields,
 * post_fields in forum_rows.h), its INSERT's columns, parameters and binds
 * (forum_rows.c), the public copy's classification of every column of threads and
 * posts (publicity.c), the keys and values of a thread's and a post's sync line
 * (written in sync_export.c) and the keys the appliers read (sync_apply_thread.c,
 * sync_apply_post.c) come from these lists; tests/unit/test_forum_fields.c checks that
 * each path carries every field.
 *
 * F(name, store, type, pub, pub_sql, sync, key, sync_sql, search)
 *   name     the column (and the member of thread_fields / post_fields); for a field
 *            of the line only, its name there (the sync_log column it comes from)
 *   store    KEY   the row's id: the caller's, or 0 for the next id of this copy's
 *                  range (the writer's, by hand: next_id)
 *            SET   the caller's value, stored as given: a member, a parameter, a bind
 *            MADE  the writer makes it from the caller's values, by hand: a thread's
 *                  last_post_at is its created_at (then the triggers keep it); a
 *                  post's path and depth come from its parent's (parent_path,
 *                  parent_depth, which are no columns)
 *            KEPT  the schema's triggers keep it (counters); nobody writes it
 *            LINKS rows the same writer keeps in another table (practice_threads,
 *                  forum_rows_link_practice)
 *            LOG   not a column: the sync_log row's, on the sync line only (who, when
 *                  a flag changed, the text an edit was made on)
 *            CHAIN not a column: the versions a post's text went through
 *                  (post_ancestry, written by the applier sync_apply_post.c)
 *            REQUEST not a column: the feedback request the thread is (its fields are
 *                  feedback_fields.h's, read by sync_apply_thread.c's take_request)
 *   type     how a SET field is held and bound: ID (int64_t), REF (int64_t, 0 stored
 *            as NULL), TEXT (const char *, NULL stored as NULL), TEXT_EMPTY (NULL
 *            stored as ''), FLAG (bool, 0 or 1); the others' say what they hold: INT,
 *            BLOB, JSON
 *   pub      a column's class in public copies (publicity.h): PUBLIC, PRIVATE,
 *            DERIVED (made again in the copy); NONE for what is no column here.
 *            pub_sql: what the copy holds, as SQL over the source row s (NULL: a
 *            public column as it is, another its default). A hidden post keeps its
 *            place in the tree, not its text nor the reason it was hidden.
 *   sync     1: on the sync line under key, its value sync_sql over threads t,
 *            networks n, accounts a (the author) and sync_log l for a thread, posts p,
 *            accounts a and sync_log l for a post; 0: not synced
 *   search   1: the indexed text of the record (search_index_thread: the title,
 *            search_index_post: the body; both called by the writer with that field)
 * Rows are in the order of the sync line's keys (a file written before must apply and
 * a new one be byte for byte what it was); the INSERT's columns follow it too.
 * What stays by hand: the KEY and MADE binds (forum_rows.c), how each key of a line is
 * read and checked (sync_need_id, sync_get_text … in the appliers, under the list's
 * keys), the settling of a line against the row here (the version chain of a post's
 * text, the times of locks, pins and hidings), the JSON paths '$.practices' and
 * '$.request' in the appliers' SQL, and the reading of threads and posts (forum.c). */
#ifndef EMPIRIE_CORE_FORUM_FIELDS_H
#define EMPIRIE_CORE_FORUM_FIELDS_H

#include "core/feedback_fields.h"

#define THREAD_FIELDS(F)                                                                   \
	F(id, KEY, ID, PUBLIC, NULL, 1, "id", "t.id", 0)                                   \
	F(network_id, SET, ID, PUBLIC, NULL, 1, "network", "n.number", 0)                  \
	F(title, SET, TEXT, PUBLIC, NULL, 1, "title", "t.title", 1)                        \
	F(author_id, SET, ID, PUBLIC, NULL, 1, "author", "a.login", 0)                     \
	F(created_at, SET, TEXT, PUBLIC, NULL, 1, "created_at", "t.created_at", 0)         \
	/* Only a meeting the copy holds. */                                               \
	F(meeting_id, SET, REF, PUBLIC,                                                    \
	  "CASE WHEN s.meeting_id IN (SELECT id FROM main.meetings) THEN s.meeting_id END", \
	  1, "meeting", "(SELECT key FROM meetings WHERE id = t.meeting_id)", 0)           \
	F(practices, LINKS, JSON, NONE, NULL, 1, "practices",                              \
	  "json((SELECT json_group_array(p.key) FROM practice_threads pt"                  \
	  " JOIN practices p ON p.id = pt.practice_id WHERE pt.thread_id = t.id))", 0)     \
	F(last_post_at, MADE, TEXT, DERIVED, "s.created_at", 0, NULL, NULL, 0)             \
	F(last_post_id, KEPT, ID, DERIVED, NULL, 0, NULL, NULL, 0)                         \
	F(post_count, KEPT, INT, DERIVED, NULL, 0, NULL, NULL, 0)                          \
	F(locked, SET, FLAG, PUBLIC, NULL, 1, "locked", "t.locked", 0)                     \
	F(pinned, SET, FLAG, PUBLIC, NULL, 1, "pinned", "t.pinned", 0)                     \
	F(actor, LOG, TEXT, NONE, NULL, 1, "by", "l.actor", 0)                             \
	F(locked_at, LOG, TEXT, NONE, NULL, 1, "locked_at", "l.locked_at", 0)              \
	F(pinned_at, LOG, TEXT, NONE, NULL, 1, "pinned_at", "l.pinned_at", 0)              \
	F(request, REQUEST, JSON, NONE, NULL, 1, "request",                                \
	  "json((SELECT json_set('{}'" FEEDBACK_REQUEST_SET ")"                            \
	  " FROM feedback_requests r JOIN cities c ON c.id = r.city_id"                    \
	  " WHERE r.thread_id = t.id))", 0)

#define POST_FIELDS(F)                                                                     \
	F(id, KEY, ID, PUBLIC, NULL, 1, "id", "p.id", 0)                                   \
	F(thread_id, SET, ID, PUBLIC, NULL, 1, "thread", "p.thread_id", 0)                 \
	F(parent_id, SET, REF, PUBLIC, NULL, 1, "parent", "COALESCE(p.parent_id, 0)", 0)   \
	F(author_id, SET, ID, PUBLIC, NULL, 1, "author", "a.login", 0)                     \
	F(body, SET, TEXT, PUBLIC, "CASE WHEN s.hidden THEN '-' ELSE s.body END", 1,       \
	  "body", "p.body", 1)                                                             \
	F(created_at, SET, TEXT, PUBLIC, NULL, 1, "created_at", "p.created_at", 0)         \
	F(edited_at, SET, TEXT, PUBLIC, NULL, 1, "edited_at", "p.edited_at", 0)            \
	F(path, MADE, BLOB, PUBLIC, NULL, 0, NULL, NULL, 0)                                \
	F(hidden, SET, FLAG, PUBLIC, NULL, 1, "hidden", "p.hidden", 0)                     \
	F(hidden_reason, SET, TEXT_EMPTY, PRIVATE, NULL, 1, "hidden_reason",               \
	  "p.hidden_reason", 0)                                                            \
	F(depth, MADE, INT, PUBLIC, NULL, 0, NULL, NULL, 0)                                \
	F(base, LOG, TEXT, NONE, NULL, 1, "base", "l.base", 0)                             \
	F(actor, LOG, TEXT, NONE, NULL, 1, "by", "l.actor", 0)                             \
	F(hid_by, LOG, TEXT, NONE, NULL, 1, "hid_by", "l.hid_by", 0)                       \
	F(hidden_at, LOG, TEXT, NONE, NULL, 1, "hidden_at", "l.hidden_at", 0)              \
	F(history, CHAIN, JSON, NONE, NULL, 1, "history",                                  \
	  "json((SELECT json_group_array(vid) FROM post_ancestry WHERE post_id = p.id))", 0)

/* THREAD_F_id, …, POST_F_id, …: a field's place in its list. */
#define THREAD_F_ENUM_(name, ...) THREAD_F_##name,
#define POST_F_ENUM_(name, ...) POST_F_##name,
enum { THREAD_FIELDS(THREAD_F_ENUM_) THREAD_NFIELDS };
enum { POST_FIELDS(POST_F_ENUM_) POST_NFIELDS };
#undef THREAD_F_ENUM_
#undef POST_F_ENUM_

/* FORUM_IF_<what>_<store>(...): the arguments for the stores that are so, else nothing.
 * COLUMN: a column of the table; INSERTED: a column the writer inserts; SET: a member
 * of the writer's input. */
#define FORUM_IF_COLUMN_KEY(...) __VA_ARGS__
#define FORUM_IF_COLUMN_SET(...) __VA_ARGS__
#define FORUM_IF_COLUMN_MADE(...) __VA_ARGS__
#define FORUM_IF_COLUMN_KEPT(...) __VA_ARGS__
#define FORUM_IF_COLUMN_LINKS(...)
#define FORUM_IF_COLUMN_LOG(...)
#define FORUM_IF_COLUMN_CHAIN(...)
#define FORUM_IF_COLUMN_REQUEST(...)
#define FORUM_IF_INSERTED_KEY(...) __VA_ARGS__
#define FORUM_IF_INSERTED_SET(...) __VA_ARGS__
#define FORUM_IF_INSERTED_MADE(...) __VA_ARGS__
#define FORUM_IF_INSERTED_KEPT(...)
#define FORUM_IF_INSERTED_LINKS(...)
#define FORUM_IF_INSERTED_LOG(...)
#define FORUM_IF_INSERTED_CHAIN(...)
#define FORUM_IF_INSERTED_REQUEST(...)
#define FORUM_IF_SET_KEY(...)
#define FORUM_IF_SET_SET(...) __VA_ARGS__
#define FORUM_IF_SET_MADE(...)
#define FORUM_IF_SET_KEPT(...)
#define FORUM_IF_SET_LINKS(...)
#define FORUM_IF_SET_LOG(...)
#define FORUM_IF_SET_CHAIN(...)
#define FORUM_IF_SET_REQUEST(...)
#define FORUM_IF_0(...)
#define FORUM_IF_1(...) __VA_ARGS__

/* The writer's input (thread_fields, post_fields): the KEY's member (int64_t id) and
 * one per SET field, typed by its type. */
#define FORUM_MEMBER_ID(n) int64_t n;
#define FORUM_MEMBER_REF(n) int64_t n;
#define FORUM_MEMBER_TEXT(n) const char *n;
#define FORUM_MEMBER_TEXT_EMPTY(n) const char *n;
#define FORUM_MEMBER_FLAG(n) bool n;
#define FORUM_MEMBER_(name, store, type, ...) \
	FORUM_IF_SET_##store(FORUM_MEMBER_##type(name)) FORUM_IF_KEY_##store(int64_t name;)
#define FORUM_IF_KEY_KEY(...) __VA_ARGS__
#define FORUM_IF_KEY_SET(...)
#define FORUM_IF_KEY_MADE(...)
#define FORUM_IF_KEY_KEPT(...)
#define FORUM_IF_KEY_LINKS(...)
#define FORUM_IF_KEY_LOG(...)
#define FORUM_IF_KEY_CHAIN(...)
#define FORUM_IF_KEY_REQUEST(...)

/* The writer's INSERT (forum_rows.c): the KEY (id, first in the list) and the SET and
 * MADE columns in the list's order, each with a leading comma and an unnumbered
 * parameter, so that a field's place among them (THREAD_P_name, POST_P_name) is its
 * parameter's index less one. */
#define FORUM_IF_VALUE_KEY(...)
#define FORUM_IF_VALUE_SET(...) __VA_ARGS__
#define FORUM_IF_VALUE_MADE(...) __VA_ARGS__
#define FORUM_IF_VALUE_KEPT(...)
#define FORUM_IF_VALUE_LINKS(...)
#define FORUM_IF_VALUE_LOG(...)
#define FORUM_IF_VALUE_CHAIN(...)
#define FORUM_IF_VALUE_REQUEST(...)
#define FORUM_INSERT_COL_(name, store, ...) FORUM_IF_VALUE_##store(", " #name)
#define FORUM_INSERT_PARAM_(name, store, ...) FORUM_IF_VALUE_##store(", ?")
#define THREAD_P_ENUM_(name, store, ...) FORUM_IF_INSERTED_##store(THREAD_P_##name, )
#define POST_P_ENUM_(name, store, ...) FORUM_IF_INSERTED_##store(POST_P_##name, )
enum { THREAD_FIELDS(THREAD_P_ENUM_) THREAD_NPARAMS };
enum { POST_FIELDS(POST_P_ENUM_) POST_NPARAMS };
#undef THREAD_P_ENUM_
#undef POST_P_ENUM_

/* The sync line's keys and values, each with a leading comma, for json_object(). */
#define FORUM_SYNC_PAIR_(name, store, type, pub, pub_sql, sync, key, sync_sql, ...) \
	FORUM_IF_##sync(", '" key "', " sync_sql)
#define THREAD_SYNC_PAIRS THREAD_FIELDS(FORUM_SYNC_PAIR_)
#define POST_SYNC_PAIRS POST_FIELDS(FORUM_SYNC_PAIR_)

/* A field's key on the sync line (NULL: not synced), for a table by the field's place. */
#define FORUM_SYNC_KEY_(name, store, type, pub, pub_sql, sync, key, ...) key,

#endif
