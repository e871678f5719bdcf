/* publicity.h — what of the store a guest may see. Every table and column of the schema
 * is classified here, in one place: public (a guest may read it, in the rows a guest may
 * read), private (never leaves in a public copy) or derived (rebuilt in the copy from
 * what is public: counters, the search index). The public copy is built from this
 * allow-list into a new, empty file — never by deleting from a full copy — so a table or
 * column added later stays out until someone classifies it. */
#ifndef EMPIRIE_CORE_PUBLICITY_H
#define EMPIRIE_CORE_PUBLICITY_H

#include <stddef.h>

#include "core/db.h"

typedef enum {
	PUB_UNKNOWN = 0, /* not classified: a test fails, a copy leaves it out */
	PUB_PUBLIC,
	PUB_PRIVATE,
	PUB_DERIVED,
} pub_class;

typedef struct {
	const char *name;
	pub_class cls;
	/* What the copy holds, as SQL over the source row `s` (NULL: a public column as it
	 * is; a private or derived one its default). Lets a public column be masked in some
	 * rows (a hidden post's text) and a private NOT NULL column get a neutral value. */
	const char *value;
} pub_column;

typedef struct {
	const char *name;
	pub_class cls;
	/* Public tables: which rows a guest may read, as SQL over the source row `s`; may
	 * name the copy's tables (main.x) already filled, which come earlier in the list.
	 * NULL: every row. */
	const char *rows;
	const pub_column *columns; /* ends with a NULL name */
} pub_table;

/* The classification, in the order a copy fills the tables; *n gets the count. */
const pub_table *publicity_tables(size_t *n);
/* The class of table (column NULL) or of one of its columns; PUB_UNKNOWN if unlisted. */
pub_class publicity_of(const char *table, const char *column);

/* Fill the bare database copy (opened with DB_OPEN_BARE, schema and nothing else) with
 * what a guest may see of src, in one transaction (one consistent read of src), then
 * rebuild what is derived. */
status publicity_copy(db *copy, db *src, error *e);

#endif
