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

/* Drafts arriving in a sync file, beside draft_save so that drafts have one writer;
 * *changed tells whether the row was added, replaced or removed. */
status draft_merge(db *d, int64_t account_id, const char *kind, int64_t target,
                   const char *title, const char *body, const char *updated_at, bool *changed,
                   error *e);
status draft_delete_older(db *d, int64_t account_id, const char *kind, int64_t target,
                          const char *deleted_at, bool *changed, error *e);

#endif
