/* fuzz_search.c — Polish folding (plfold.h) and the FTS5 query made from what a
 * person types (search_fts_query).
 *
 * Checked: pl_fold is idempotent (folding folded text changes nothing) and gives
 * valid UTF-8; the query search_fts_query makes is always accepted by FTS5 (it runs
 * against a small in-memory table built like the real index, the query bound with
 * MATCH ?; any error is a failure); pl_collate is a consistent order (a = a, and
 * swapping the arguments swaps the sign); pl_slug stays within its limit. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "fuzz.h"
#include "text/plfold.h"
#include "text/utf8.h"

static sqlite3 *fts;
static sqlite3_stmt *match;

static void cleanup(void)
{
	sqlite3_finalize(match);
	sqlite3_close(fts);
}

static void setup(void)
{
	static const char sql[] =
		"CREATE VIRTUAL TABLE search USING fts5(title, body,"
		"  tokenize = 'unicode61 remove_diacritics 2');"
		"INSERT INTO search VALUES ('lodz', 'spotkanie w lodzi o budzecie obywatelskim');"
		"INSERT INTO search VALUES ('zabrze', 'karta mieszkanca 2023 zolw');"
		"INSERT INTO search VALUES ('tarnow', 'dialog \"cytat\" a*b 42');";
	if (sqlite3_open(":memory:", &fts) != SQLITE_OK ||
	    sqlite3_exec(fts, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(fts, "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rank",
	                       -1, &match, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_search: %s\n", sqlite3_errmsg(fts));
		abort();
	}
	atexit(cleanup);
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fts)
		setup();
	const char *s = (const char *)data;

	char *f = pl_fold(s, size);
	FUZZ_CHECK(f != NULL);
	size_t fl = strlen(f);
	FUZZ_CHECK(utf8_valid(f, fl));
	char *ff = pl_fold(f, fl);
	FUZZ_CHECK(ff && strcmp(ff, f) == 0);
	free(ff);
	free(f);

	/* What was typed: the input up to its first NUL. */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, s, size);
	text[size] = '\0';
	char *q = search_fts_query(text);
	if (q) {
		sqlite3_reset(match);
		sqlite3_bind_text(match, 1, q, -1, SQLITE_STATIC);
		int rc;
		while ((rc = sqlite3_step(match)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE) {
			fprintf(stderr, "fuzz_search: FTS5 rejects [%s]: %s\n", q, sqlite3_errmsg(fts));
			abort();
		}
		sqlite3_reset(match);
		sqlite3_clear_bindings(match);
		free(q);
	}

	size_t half = size / 2;
	int ab = pl_collate(s, half, s + half, size - half);
	int ba = pl_collate(s + half, size - half, s, half);
	FUZZ_CHECK(sign(ab) == -sign(ba));
	FUZZ_CHECK(pl_collate(s, size, s, size) == 0);

	char slug[64];
	size_t sl = pl_slug(text, slug, sizeof slug, 40);
	FUZZ_CHECK(sl <= 40);
	if (sl)
		FUZZ_CHECK(strlen(slug) == sl);
	free(text);
	return 0;
}
