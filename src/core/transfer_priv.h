/* transfer_priv.h — what the import's modules share (transfer.c: the driver, towns,
 * accounts and memberships; transfer_records.c: meetings, practices and uptakes). Never
 * included outside core/. */
#ifndef EMPIRIE_CORE_TRANSFER_PRIV_H
#define EMPIRIE_CORE_TRANSFER_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/error.h"
#include "core/meeting_fields.h"
#include "core/transfer.h"
#include "text/csv.h"
#include "text/strbuf.h"

typedef struct {
	const char *key;      /* the export header and the canonical import name */
	const char *aliases;  /* '|'-separated other names, folded (Polish headers from Excel) */
} column;

enum { XFER_MAX_COLS = 24 }; /* columns of a kind, at most */

/* The import of one file: where it is, its columns, what it met. */
typedef struct {
	db *d;
	const account *actor;
	const char *file;
	import_report *r;
	size_t lines_cap, errors_cap;
	const column *cols;
	size_t ncols;
	int map[XFER_MAX_COLS]; /* column index in the file for each of cols, -1 when absent */
	csv_row *row;
	char **seen;          /* keys met so far, for duplicates */
	unsigned long *seen_line;
	size_t nseen, seen_cap;
} ictx;

/* An error at the current row and column (col: the kind's column index, -1: the row). */
void xfer_row_error(ictx *c, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A line of the report's list of changes. */
void xfer_change(ictx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The row's value of the kind's column i: NULL when the file has no such column. */
const char *xfer_val(const ictx *c, int i);
const char *xfer_val_or(const ictx *c, int i, const char *dflt);
/* False (with an error) when the key was met on an earlier row of the file. */
bool xfer_first_time(ictx *c, const char *key);
/* A network by its number, a town by its name; 0 with an error at col when none. */
int64_t xfer_network_of(ictx *c, int col, const char *v, bool *leaders_only);
int64_t xfer_city_of(ictx *c, int col, const char *name);
/* "field: old → new" appended to diff when they differ, all of both (an import's line
 * of changes is not cut). */
void xfer_diff_add(strbuf *diff, const char *field, const char *old, const char *new);
/* Whether anything was appended to diff (or memory ran out trying: then the row is
 * written as changed, its line incomplete). */
bool xfer_differs(const strbuf *diff);
extern const char xfer_sql_city_id[];
extern const char xfer_sql_leaders_only[];

/* A meeting's fields as CSV (meeting_fields.h), each AS its header, over meetings g,
 * networks n and the host town ci: the network's number, the host town's name or the
 * place, the towns a published report names ("A | B"), a column. */
#define XMSEL_NET(n, csv) ", n.number AS " csv
#define XMSEL_HOST(n, csv) ", COALESCE(ci.name, g." #n "_place) AS " csv
#define XMSEL_TOWNS(n, csv)                                                                  \
	", COALESCE((SELECT group_concat(name, ' | ') FROM (SELECT x.name FROM meeting_cities mc" \
	"   JOIN cities x ON x.id = mc.city_id WHERE mc.meeting_id = g.id AND mc.basis = 'source'" \
	"   ORDER BY x.name COLLATE PL)), '') AS " csv
#define XMSEL_DATE(n, csv) ", g." #n " AS " csv
#define XMSEL_WORD(n, csv) ", g." #n " AS " csv
#define XMSEL_LINE(n, csv) ", g." #n " AS " csv
#define XMSEL_ITEMS(n, csv) ", g." #n " AS " csv
#define XMSEL_TEXT(n, csv) ", g." #n " AS " csv
#define XMSEL_FIELD_(name, kind, csv, ...) XMSEL_##kind(name, csv)
#define MEETING_CSV_SELECT MEETING_FIELDS(XMSEL_FIELD_)
#define MEETING_CSV_FROM                                         \
	" FROM meetings g JOIN networks n ON n.id = g.network_id" \
	" LEFT JOIN cities ci ON ci.id = g.host_city_id"

status xfer_import_meeting(ictx *c, error *e);
status xfer_import_practice(ictx *c, error *e);
status xfer_import_uptake(ictx *c, error *e);

#endif
