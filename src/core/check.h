/* check.h — verifying a database: what `empirie check` reports. */
#ifndef EMPIRIE_CORE_CHECK_H
#define EMPIRIE_CORE_CHECK_H

#include <stddef.h>

#include "core/db.h"

typedef struct {
	char **problems; /* translated sentences an administrator can act on */
	size_t n;
} check_report;

/* File integrity, foreign keys, the search index and the stored counters. */
status check_database(db *d, check_report *out, error *e);
void check_report_free(check_report *r);

#endif
