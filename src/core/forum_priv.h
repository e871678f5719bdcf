/* forum_priv.h — forum writes that other core modules compose into their own
 * transaction (a feedback request is a thread and its request row, saved together).
 * Never included outside core/. */
#ifndef EMPIRIE_CORE_FORUM_PRIV_H
#define EMPIRIE_CORE_FORUM_PRIV_H

#include "core/forum.h"

/* forum_new_thread_linked() inside the caller's transaction (db_begin done, text
 * validated and lemma_prepare()d): the thread, its first post, links, search, audit.
 * On failure the caller rolls back. */
status forum_new_thread_tx(db *d, const account *a, int number, const char *title,
                          const char *body, int64_t meeting_id, int64_t practice_id,
                          int64_t *thread_id, int64_t *post_id, error *e);

#endif
