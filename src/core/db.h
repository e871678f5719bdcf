/* db.h — opening the empirie store (one SQLite file) and its transactions.
 * Callers outside core/ see only this opaque handle. */
#ifndef EMPIRIE_CORE_DB_H
#define EMPIRIE_CORE_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

typedef struct db db;

enum db_open_flags {
	DB_OPEN_CREATE   = 1u << 0, /* create (and fill with the bundled directory) if missing */
	DB_OPEN_READONLY = 1u << 1, /* never write */
};

/* Open (and upgrade) the store at path. On a new file the schema is created and the
 * bundled EMPIRIE directory loaded, all in one transaction; *created tells (may be NULL). */
status db_open(db **out, const char *path, unsigned flags, bool *created, error *e);
/* Close and NULL the handle; safe on NULL. */
void db_close(db **d);

const char *db_path(const db *d);
bool db_is_readonly(const db *d);
/* On a read-only copy, allow (or stop again) writing its session-only tables (the read
 * marks kept in memory); the file itself stays unwritable. Nothing on a writable one. */
status db_session_writes(db *d, bool allow, error *e);
/* Who is really there, for the audit log beside the account acting: the Unix login and
 * the SSH client address. The caller validates both; longer values are cut. */
void db_set_origin(db *d, const char *unix_login, const char *client);
/* A number that changes whenever another connection commits: cheap change detection. */
int64_t db_data_version(db *d);
/* How long a change waits for another writer before "the database is busy", in ms. */
#define DB_WAIT_MS 10000
/* Set the wait (0: do not wait); returns the one before, to put back. */
int db_set_wait_limit(db *d, int ms);
/* Told every ~250 ms while a wait goes on for longer than ~0.4 s: how long it has waited
 * and the limit, in ms. NULL: no one is told. */
typedef void (*db_wait_fn)(void *arg, int waited_ms, int limit_ms);
void db_set_wait_notify(db *d, db_wait_fn fn, void *arg);
/* A debugging aid: fn hears the text of every statement as it starts (its parameters
 * not filled in; NULL: no one). Tests count with it what a screen asks the store. */
typedef void (*db_trace_fn)(void *arg, const char *sql);
void db_set_trace(db *d, db_trace_fn fn, void *arg);
/* How many posts (new threads, replies and edits together) an account may write in any
 * minute; administrators are not limited (forum.c). 0: no limit. The system
 * configuration's post_limit sets it. */
#define DB_POST_LIMIT_DEFAULT 20
void db_set_post_limit(db *d, int per_minute);
int db_post_limit(const db *d);
/* The schema version (PRAGMA user_version) this build writes. */
int db_schema_version(void);
/* Value of a meta key ("kind": bundled/synthetic/snapshot, "created_at", ...) or NULL;
 * newly allocated. */
char *db_meta_get(db *d, const char *key);
/* The same for a value a decision hangs on: *out (newly allocated) is NULL only when the
 * key is not set; a read that fails (the store busy or unreadable, memory) is an error,
 * never taken for "not set". what: the action named in an error. */
status db_meta_read(db *d, const char *key, char **out, const char *what, error *e);
/* Set a meta key (the table's one writer); what: the action named in an error. */
status db_meta_set(db *d, const char *key, const char *value, const char *what, error *e);

#endif
