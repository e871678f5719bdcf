/* db_priv.h — what the core/ modules share about the store. Never included outside core/. */
#ifndef EMPIRIE_CORE_DB_PRIV_H
#define EMPIRIE_CORE_DB_PRIV_H

#include <sqlite3.h>
#include <stddef.h>

#include "core/db.h"

sqlite3 *db_handle(db *d);
/* What db_set_origin() stored ("" when nothing). */
const char *db_origin_login(const db *d);
const char *db_origin_client(const db *d);
/* The search tokenizer's word→lemmas cache of this connection (lemma.h). */
struct lemmatizer *db_lemmatizer(db *d);
/* A prepared statement for sql, prepared once per connection and cached by the address
 * of sql (so pass a static string); returned reset with its bindings cleared. NULL on
 * error, with *e set. */
sqlite3_stmt *db_stmt(db *d, const char *sql, error *e);
/* BEGIN IMMEDIATE: every write is one short transaction. */
status db_begin(db *d, error *e);
status db_commit(db *d, error *e);
void db_rollback(db *d);
/* Turn an SQLite result code into a status with a translated message about `what`. */
status db_fail(db *d, int rc, error *e, const char *what);
/* Step a write statement (from db_stmt, bound) once and reset it: ST_OK when it ran to
 * the end, else db_fail() about `what`. *changed (may be NULL): it changed rows. */
status db_step_done(db *d, sqlite3_stmt *st, const char *what, bool *changed, error *e);
/* Run sql (one statement or several, nothing bound, no rows wanted); on failure
 * db_fail() about `what`. */
status db_exec(db *d, const char *sql, const char *what, error *e);
/* Current time as ISO 8601 UTC ("2026-11-28T10:15:00Z") into buf (>= 21 bytes). Honours
 * EMPIRIE_NOW for reproducible tests. */
void db_now(char *buf, size_t n);
/* Column text as a new string ("" for NULL); NULL only when memory runs out. */
char *db_col_dup(sqlite3_stmt *st, int col);
/* Bind text (NULL: "") or a number to a named parameter (":title"), static. */
void db_bind_named(sqlite3_stmt *st, const char *param, const char *v);
void db_bind_named_int(sqlite3_stmt *st, const char *param, int64_t v);
/* The id that sql (one parameter: text when not NULL, else number) selects; 0 when none. */
int64_t db_lookup_id(db *d, const char *sql, const char *text, int number);
/* The same for a writer, which must not take a failed lookup for "none": ST_OK with *id
 * 0 when nothing matches, else db_fail() about `what`. */
status db_find_id(db *d, const char *sql, const char *text, int64_t *id, const char *what,
                  error *e);
/* Make room for one more element in a growing array; 0 on success, -1 out of memory. */
int db_grow(void **items, size_t *cap, size_t n, size_t size);
/* db_open flag for core only: the schema and nothing else (no bundled directory), and
 * ATTACH takes URIs. For building a copy from an allow-list (publicity.c). */
#define DB_OPEN_BARE (1u << 8)
/* "EMPR": written into PRAGMA application_id so we never mistake another SQLite file
 * for ours (or write into it). */
#define EMPIRIE_APPLICATION_ID 0x454d5052
/* A "file:" URI that opens d's file again read-only, as d was opened (immutable or
 * not); newly allocated, NULL when memory runs out. */
char *db_reader_uri(const db *d);
/* The connection alone (store.c's db_open adds the schema and the bundled directory):
 * the file made 0600 when new, opened read-only where it cannot be written, its
 * identity checked, configured. *existed: the file was there before. */
status db_connect(db **out, const char *path, unsigned flags, bool *existed, error *e);
/* A new file that stayed empty after a failed open is removed (not one with anything
 * in it: another session may have made it at the same moment). */
void db_unlink_if_empty(const char *path, bool existed);
int db_user_version(db *d);
/* A read-only store keeps read marks for the session only (a temp copy of read_state). */
status db_session_marks_open(db *d, error *e);
/* Migrations (schema.c). */
status schema_migrate(db *d, error *e);
int schema_version_latest(void);

#endif
