/* snapshot.h — an offline copy of the store for a laptop or a USB stick: consistent
 * while others keep writing (VACUUM INTO reads one snapshot), compact, the search
 * index ready, in rollback-journal mode so it opens read-only anywhere. */
#ifndef EMPIRIE_CORE_SNAPSHOT_H
#define EMPIRIE_CORE_SNAPSHOT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

typedef struct {
	int64_t networks, threads, posts, practices, bytes;
} snapshot_info;

/* Write the copy to path (which must not exist yet), 0600, under a temporary name
 * beside it until complete (safefile.h). A full copy (administrators only) keeps
 * everything; public_only (anyone) is a new file holding only what publicity.c lists as
 * public, in the rows a guest may read: not the leaders' network with its threads,
 * meetings and the practices shown only there, not drafts, read marks, the audit log,
 * sync state, earlier versions, private contacts or the text of hidden posts; authors
 * as names only. The copy says when it was taken (meta snapshot_at). owner (a full copy
 * only; NULL: shared): the account the copy is issued to, whose changes alone the home
 * database takes from it. Nothing is left behind on failure. */
status snapshot_write(db *d, const account *a, const char *path, bool public_only,
                      const char *owner, snapshot_info *info, error *e);

#endif
