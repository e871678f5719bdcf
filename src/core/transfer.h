/* transfer.h — CSV import and CSV/JSON export of the directory (towns, accounts,
 * memberships, meetings, good practices). An import is all or nothing; a dry run shows what it would do. */
#ifndef EMPIRIE_CORE_TRANSFER_H
#define EMPIRIE_CORE_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/account.h"
#include "core/db.h"

typedef enum { XFER_CITIES, XFER_ACCOUNTS, XFER_MEMBERSHIPS, XFER_MEETINGS, XFER_PRACTICES,
               XFER_UPTAKES /* practice transfers (uptake.h) */ } xfer_kind;

/* "cities" (or "towns"), "accounts", "memberships", "meetings", "practices", "uptakes";
 * -1 when unknown. */
int xfer_kind_parse(const char *name);

typedef struct {
	char **lines;   /* what changes, one line each: "+ …" added, "~ …" changed */
	size_t n;
	char **errors;  /* "FILE:LINE:COLUMN: what is wrong", translated */
	size_t nerrors;
	size_t added, changed, unchanged;
} import_report;

/* Import UTF-8 CSV text (the caller has converted the file's encoding). `file` names
 * the file in messages. On any error nothing is stored: the report lists the errors
 * and ST_INVALID is returned. With dry_run nothing is stored either, but the report
 * says what would change. Unless raw, a cell that an export guarded against
 * spreadsheets ("'=…", see csv_guarded) is read back as it was stored. */
status import_csv(db *d, const account *actor, xfer_kind kind, const char *file,
                  const char *text, size_t len, bool dry_run, bool raw, import_report *out,
                  error *e);
void import_report_free(import_report *r);

/* Write the whole table as UTF-8 CSV (header first, the columns import reads), fields
 * separated by sep; flags as csv_write_row's (CSV_GUARD for spreadsheets). */
status export_csv(db *d, const account *actor, xfer_kind kind, FILE *out, char sep, int flags,
                  error *e);
/* The table as a JSON array of objects (built by SQLite's JSON functions); newly
 * allocated. */
status export_json(db *d, const account *actor, xfer_kind kind, char **json, error *e);

#endif
