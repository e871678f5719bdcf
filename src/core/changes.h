/* changes.h — what other people changed since a session last looked (issue 20): the
 * store keeps one change number per network, thread and account, bumped by triggers
 * (schema step 14), so an open session loads again only what shows a change. */
#ifndef EMPIRIE_CORE_CHANGES_H
#define EMPIRIE_CORE_CHANGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* More changes than this at once (a sync, an import): treat as "everything". */
#define CHANGES_MAX 32

typedef struct {
	int64_t seq;     /* the newest change read: pass it to the next call */
	bool shared;     /* the directory, accounts, meetings or practices: load everything */
	bool mine;       /* the account's own read marks (another session of the same person) */
	size_t n_networks, n_threads;
	int64_t networks[CHANGES_MAX], threads[CHANGES_MAX]; /* ids, not numbers */
} change_set;

/* The changes after since (0: none seen yet) that concern account_id; on a store
 * without the change table (or an error) it reports shared, so callers load all. */
status changes_since(db *d, int64_t since, int64_t account_id, change_set *out, error *e);
/* The newest change number now, to start from (0 when nothing was counted yet). */
int64_t changes_latest(db *d);
bool change_set_has_network(const change_set *cs, int64_t network_id);
bool change_set_has_thread(const change_set *cs, int64_t thread_id);
/* Nothing this session shows changed (other people's read marks, drafts, sessions). */
bool change_set_is_empty(const change_set *cs);

/* After the whole file changed under the open sessions (a restore): one shared change
 * numbered above both `above` (the latest before) and every number now in the table,
 * so every session loads everything again. Inside the caller's transaction. */
status changes_everything(db *d, int64_t above, error *e);

#endif
