/* forum_rows.h — the one writer of the threads and posts tables and of a thread's links
 * to practices. Every path that adds a thread or a post comes through here: the CLI
 * and the application (forum.c), sync files (sync.c), the bundled directory (seed.c)
 * and the generator (gen.c). The callers check rights and texts first (each has its
 * own rules: a member's reply, a file's line, the bundled data); these only store,
 * inside the caller's transaction. Never included outside core/. */
#ifndef EMPIRIE_CORE_FORUM_ROWS_H
#define EMPIRIE_CORE_FORUM_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/error.h"
#include "core/forum_fields.h"

/* Ids of new threads and posts: copy number `site` (0 the home database, 1..SITE_MAX
 * offline copies) uses the range [site << SHIFT, (site + 1) << SHIFT). Search rowids
 * are at most id * 8 + 4 (search_docs.h), so ids must stay below 2^60: they are below 2^56. */
#define FORUM_SITE_SHIFT 40
#define FORUM_SITE_MAX 65535

/* The bytes one post adds to its reply path (its id, big-endian). */
#define FORUM_PATH_STEP 8
/* A reply path holds at most this many ids: past that depth a reply is stored beside
 * its parent (under the same ancestor, read in order of writing), so that a path's
 * size does not grow with the depth and a chain's paths with its square. The real
 * depth is kept in posts.depth. */
#define FORUM_PATH_LEVELS 16
#define FORUM_PATH_MAX (FORUM_PATH_LEVELS * FORUM_PATH_STEP)
/* A post's real depth in SQL (alias.depth, or for posts stored before the depth was
 * kept, whose paths are whole, the number of ids in the path less one). */
#define FORUM_DEPTH_SQL(alias) "COALESCE(" alias ".depth, length(" alias ".path) / 8 - 1)"

/* What the writer stores of a thread: its id (0: the next id of this copy's range) and
 * each SET field of THREAD_FIELDS (forum_fields.h: meeting_id 0 is about no meeting). */
typedef struct {
	THREAD_FIELDS(FORUM_MEMBER_)
	bool unindexed;      /* the caller fills the search index in bulk afterwards */
} thread_fields;

/* What the writer stores of a post: its id (0: the next id of this copy's range), each
 * SET field of POST_FIELDS (parent_id 0: the thread's first post; edited_at NULL:
 * never edited; hidden_reason NULL: none), and what its path and depth are made of. */
typedef struct {
	POST_FIELDS(FORUM_MEMBER_)
	const unsigned char *parent_path;  /* the parent's path (its bytes), NULL for none */
	size_t parent_len;
	int64_t parent_depth;              /* the parent's real depth (FORUM_DEPTH_SQL) */
	bool unindexed;
} post_fields;

/* Store a thread; *id_out (may be NULL) gets its id. */
status forum_rows_thread(db *d, const thread_fields *t, int64_t *id_out, error *e);

/* Store a post with its reply path and its depth, and index it. */
status forum_rows_post(db *d, const post_fields *p, int64_t *id_out, error *e);

/* The reply path of post id under a parent with that path: the parent's path and the
 * id, or past FORUM_PATH_LEVELS the parent's parent's path and the id. out has room
 * for FORUM_PATH_MAX bytes; returns the length. */
size_t forum_rows_child_path(const unsigned char *parent_path, size_t parent_len, int64_t id,
                             unsigned char out[FORUM_PATH_MAX]);

/* Link a thread to a practice it asks about; a link already there is kept. */
status forum_rows_link_practice(db *d, int64_t thread_id, int64_t practice_id, error *e);

#endif
