/* readmark.h — marking a whole thread, a network or everything read at once, and
 * putting back the read marks such a marking replaced (undo). */
#ifndef EMPIRIE_CORE_READMARK_H
#define EMPIRIE_CORE_READMARK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

typedef enum { MARK_THREAD, MARK_NETWORK, MARK_ALL } mark_scope;

/* One thread's read mark as it was before a marking; had false when the account had
 * none (nothing read there yet). */
typedef struct {
	int64_t thread_id, network_id, read_count, last_read_id;
	bool had;
} read_mark;

/* What a marking replaced, enough to restore it exactly. */
typedef struct {
	read_mark *items;
	size_t n;
	int64_t posts; /* how many unread posts the marking marked read */
} read_marks;

/* Mark read every post the account can see in thread id (MARK_THREAD), in the network
 * with id (MARK_NETWORK) or everywhere (MARK_ALL, id ignored), in one transaction.
 * *undo receives the marks it replaced (only the threads that changed). Guests keep no
 * marks (ST_DENIED). */
status readmark_mark(db *d, const account *a, mark_scope scope, int64_t id, read_marks *undo,
                     error *e);
/* Put back the marks a marking replaced, in one transaction: the read state of those
 * threads is again exactly what it was before it. */
status readmark_restore(db *d, const account *a, const read_marks *undo, error *e);
void read_marks_free(read_marks *m);

/* A read mark from a sync file (sync.c), inside its transaction: read_count and
 * last_read_id only grow. *changed: the mark moved. */
status readmark_merge(db *d, int64_t account_id, int64_t thread_id, int64_t read_count,
                      int64_t last_read_id, bool *changed, error *e);

#endif
