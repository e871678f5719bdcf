/* test_publicity.c — every table and column of the schema is classified public, private
 * or derived in src/core/publicity.c, and the classification names nothing the schema
 * lacks. A migration that adds a table or a column fails here until someone decides
 * whether a guest may see it. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db.h"
#include "core/db_priv.h"
#include "core/publicity.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-unit.XXXXXX";

/* Whether column (NULL: the table) exists in the schema. */
static int in_schema(sqlite3 *h, const char *table, const char *column)
{
	sqlite3_stmt *st;
	int found = 0;
	const char *sql = column ? "SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2"
	                         : "SELECT 1 FROM pragma_table_list WHERE schema = 'main' AND name = ?1";
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		if (column)
			sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[256];
	snprintf(path, sizeof path, "%s/schema.db", dir);
	db *d = NULL;
	error e;
	/* The schema of a new database: every migration applied. */
	ok(db_open(&d, path, DB_OPEN_CREATE | DB_OPEN_BARE, NULL, &e) == ST_OK, "a new database");
	sqlite3 *h = db_handle(d);

	/* Every table (not SQLite's own, not the search index's shadow tables) and every
	 * column, hidden ones included, has a class. */
	sqlite3_stmt *st;
	int tables = 0, columns = 0, unclassified = 0;
	ok(sqlite3_prepare_v2(h, "SELECT t.name, c.name FROM pragma_table_list t"
	                         " JOIN pragma_table_xinfo(t.name) c"
	                         " WHERE t.schema = 'main' AND t.type IN ('table', 'virtual')"
	                         "   AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	                         " UNION ALL SELECT name, NULL FROM pragma_table_list"
	                         " WHERE schema = 'main' AND type IN ('table', 'virtual')"
	                         "   AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	                         " ORDER BY 1, 2", -1, &st, NULL) == SQLITE_OK,
	   "the schema can be listed");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *c = (const char *)sqlite3_column_text(st, 1);
		if (c)
			columns++;
		else
			tables++;
		if (publicity_of(t, c) == PUB_UNKNOWN) {
			unclassified++;
			diag("unclassified: %s%s%s", t, c ? "." : "", c ? c : "");
		}
	}
	sqlite3_finalize(st);
	ok(tables >= 20 && columns >= 150, "the schema has its tables (%d) and columns (%d)",
	   tables, columns);
	is_int(unclassified, 0, "every table and column of the schema is classified");

	/* And the other way: nothing classified that the schema does not have (a renamed
	 * column would otherwise leave a stale entry and its new name unclassified). */
	size_t n;
	const pub_table *list = publicity_tables(&n);
	int stale = 0;
	for (size_t i = 0; i < n; i++) {
		if (!in_schema(h, list[i].name, NULL)) {
			stale++;
			diag("not in the schema: %s", list[i].name);
		}
		for (const pub_column *c = list[i].columns; c->name; c++)
			if (!in_schema(h, list[i].name, c->name)) {
				stale++;
				diag("not in the schema: %s.%s", list[i].name, c->name);
			}
	}
	is_int(stale, 0, "the classification lists only what the schema has");

	/* The private tables stay private; a few decisions worth pinning down. */
	is_int(publicity_of("sync_conflicts", NULL), PUB_PRIVATE, "sync conflicts are private");
	is_int(publicity_of("post_versions", NULL), PUB_PRIVATE, "earlier versions of posts too");
	is_int(publicity_of("posts", "hidden_reason"), PUB_PRIVATE, "the reason a post was hidden too");
	is_int(publicity_of("accounts", "login"), PUB_PRIVATE, "and logins");
	is_int(publicity_of("search", NULL), PUB_DERIVED, "the search index is rebuilt");
	is_int(publicity_of("no_such_table", NULL), PUB_UNKNOWN, "an unknown table is unclassified");
	is_int(publicity_of("posts", "no_such_column"), PUB_UNKNOWN, "so is an unknown column");

	db_close(&d);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
