/* sync.h — carrying what one copy of the database wrote (threads, posts, edits,
 * moderation, read marks, drafts) to another copy, and back.
 *
 * Every copy has a site number (0: the home database; offline copies get theirs when
 * the copy is taken) and gives new threads and posts ids in its own range, so ids never
 * clash. Triggers (schema 4) note which rows changed; `sync export` writes those rows as
 * one JSON line each, in an order that puts a thread before its posts and a post before
 * its replies, and ends the file with the number of lines and a SHA-256 of everything
 * before, so a file cut short or changed is refused whole. `sync apply` applies a file
 * in one transaction. Each change is idempotent (applying twice changes nothing) and
 * settled by the rules in doc/SYNC.md when it meets a conflict; conflicts are listed and
 * kept, never dropped. The home database checks every change against its own accounts
 * and rights: an offline copy cannot grant itself anything. */
#ifndef EMPIRIE_CORE_SYNC_H
#define EMPIRIE_CORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

/* Snapshot support: in the source, before the copy is taken, turn the change log on and
 * hand out the copy's site number (and record the account it is issued to, or NULL for
 * a copy shared by several people); in the copy (inside its transaction), take that
 * number and owner and start with an empty log. Full copies are taken only from the
 * home database, which alone hands out site numbers. */
status sync_prepare_source(db *d, const char *owner, int64_t *site, error *e);
status sync_prepare_copy(db *copy, int64_t site, const char *owner, error *e);

/* Write the changes since the last export (all of the log with `all`) to path.
 * *ops: how many changes were written. */
status sync_export(db *d, const account *a, const char *path, bool all, int64_t *ops,
                   error *e);

typedef struct {
	int64_t ops;        /* changes in the file */
	int64_t applied;    /* changed something here */
	int64_t present;    /* were here already */
	int64_t conflicts;  /* settled by a rule or kept aside; each listed */
	bool already;       /* this very file was applied before: nothing done */
	char already_at[32];
} sync_result;

/* Called for each conflict: where in the file, what happened, what was done. */
typedef void (*sync_conflict_fn)(void *ctx, const char *file, int64_t line, const char *what,
                                 const char *outcome);

status sync_apply(db *d, const account *a, const char *path, sync_result *r,
                  sync_conflict_fn fn, void *ctx, error *e);

/* Home database, an administrator: withdraw offline copy `site` (re-issued to someone,
 * or lost): files it wrote are refused from now on, with a message saying so. */
status sync_revoke(db *d, const account *a, int64_t site, error *e);

/* Limits of one file applied (doc/SYNC.md); a file over one is refused whole, the
 * limit named. Set in the database's meta ('sync_max_changes' …), else the defaults; a
 * failed read is an error, never taken for "not set". */
#define SYNC_DEFAULT_MAX_CHANGES 5000
#define SYNC_DEFAULT_MAX_BYTES (64L * 1024 * 1024)
#define SYNC_DEFAULT_MAX_DEPTH 500
#define SYNC_DEFAULT_MAX_DRAFTS 1000
typedef struct {
	int64_t changes, bytes, depth, drafts;
} sync_limits;
status sync_limits_get(db *d, sync_limits *out, error *e);

/* The secret of copy `site` (synckey_get, or the fuzz harness's own). */
typedef status (*sync_key_fn)(void *ctx, int64_t site, unsigned char key[32], error *e);

typedef struct {
	int64_t first_op, n_ops; /* the op lines: first_op .. first_op + n_ops - 1 (1-based) */
	size_t signed_len;       /* the bytes the signature covers (up to the SIGN lines) */
	int64_t signer;          /* the copy whose secret signed it */
} sync_file_shape;

/* A sync file's text checked for shape (first line, header, end line, count) and its
 * signature, without a database: what `sync apply` does before it touches anything.
 * want: the copy the signature must be for (a copy: itself), or < 0 for the file's
 * first signature (the home database: the copy that wrote it). name is used in
 * messages. */
status sync_file_verify(const char *data, size_t len, const char *name, int64_t want,
                        sync_key_fn key_fn, void *key_ctx, sync_file_shape *out, error *e);

typedef struct {
	int64_t site;
	bool logging;       /* the change log is on */
	int64_t pending;    /* changes not yet exported */
	int64_t conflicts;  /* kept in the conflict list */
	int64_t applied_files;
	char family[40];    /* "" until the first copy is taken */
	char owner[128];    /* a copy issued to one account: its login ("" shared) */
} sync_status;
status sync_get_status(db *d, sync_status *out, error *e);

/* The conflicts kept, oldest first. */
typedef void (*sync_conflict_row_fn)(void *ctx, const char *at, int64_t line,
                                     const char *what, const char *outcome);
status sync_list_conflicts(db *d, const account *a, sync_conflict_row_fn fn, void *ctx,
                           error *e);

#endif
