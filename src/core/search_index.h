/* search_index.h — the one writer of the search index (table `search`): keeping it in
 * step with the store's rows, rebuilding and checking it, and which lemma dictionary
 * it was built with. The queries are in search.h. */
#ifndef EMPIRIE_CORE_SEARCH_INDEX_H
#define EMPIRIE_CORE_SEARCH_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/db.h"

/* Keep the index in step: called by the store's writes inside their transaction. */
status search_index_post(db *d, int64_t post_id, const char *body, error *e);
status search_unindex_post(db *d, int64_t post_id, const char *old_body, error *e);
status search_index_thread(db *d, int64_t thread_id, const char *title, error *e);
/* A town, practice or meeting as it is stored now (unindex before changing the row). */
status search_index_city(db *d, int64_t id, error *e);
status search_unindex_city(db *d, int64_t id, error *e);
status search_index_practice(db *d, int64_t id, error *e);
status search_unindex_practice(db *d, int64_t id, error *e);
status search_index_meeting(db *d, int64_t id, error *e);
status search_unindex_meeting(db *d, int64_t id, error *e);
/* Index every row (inside the caller's transaction; the index must be empty). */
status search_fill(db *d, error *e);
/* Index every practice (a bulk load), merge the index's segments, check the index. */
status search_index_practices(db *d, error *e);
status search_optimize(db *d, error *e);
status search_check_index(db *d, bool *sound, error *e);

/* Rebuild the whole index from the tables (empirie check --reindex), working out
 * every word's lemmas again with the dictionary there is now. */
status search_reindex(db *d, error *e);

/* Record which dictionary the index was built with, if nothing says so yet (after the
 * upgrade that built it). */
status search_note_upgrade(db *d, error *e);

#endif
