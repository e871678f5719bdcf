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
/* A number that changes whenever another connection commits: cheap change detection. */
int64_t db_data_version(db *d);
/* The schema version (PRAGMA user_version) this build writes. */
int db_schema_version(void);
/* Value of a meta key ("kind": bundled/synthetic/snapshot, "created_at", ...) or NULL;
 * newly allocated. */
char *db_meta_get(db *d, const char *key);

#endif
