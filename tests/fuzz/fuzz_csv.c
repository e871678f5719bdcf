/* fuzz_csv.c — the CSV import path for every encoding a file may come in.
 *
 * The first byte chooses: the separator given to the reader (bits 0-1), the encoding
 * the bytes are read as (bits 2-3: auto, UTF-8, CP1250, ISO-8859-2), the table
 * imported (bits 4-6) and the importing account (bit 7: administrator or a network
 * coordinator). The rest is the file. Each input goes through
 *   - the CSV reader, record by record, to the end or its error;
 *   - charset detection and the conversion to UTF-8 (with and without a BOM), and
 *     back: a CP1250 or ISO-8859-2 file that converts must convert back unchanged;
 *   - the real importer (transfer.h), as a dry run, into a store made once per
 *     process with the bundled directory (db_open, as the program does).
 * (The sync-file reader of issue 7 does not exist yet: when it does, it gets its own
 * harness here.) */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/account.h"
#include "core/db.h"
#include "core/transfer.h"
#include "fuzz.h"
#include "text/charset.h"
#include "text/csv.h"

static db *store;
static account admin, coordinator;
static char dir[4096];

static void cleanup(void)
{
	db_close(&store);
	char path[4200];
	static const char *const names[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm",
	                                     "fuzz.db-journal" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/empirie-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		abort();
	}
	char path[4200];
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	error e;
	if (db_open(&store, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		fprintf(stderr, "fuzz_csv: %s\n", e.msg);
		abort();
	}
	atexit(cleanup);
	if (account_add(store, NULL, "root-fuzz", "Fuzz", ROLE_ADMIN, NULL, 0, &e) != ST_OK ||
	    account_add(store, NULL, "koord-fuzz", "Koordynator", ROLE_COORDINATOR, NULL, 1, &e) != ST_OK ||
	    account_get(store, "root-fuzz", &admin, &e) != ST_OK ||
	    account_get(store, "koord-fuzz", &coordinator, &e) != ST_OK) {
		fprintf(stderr, "fuzz_csv: %s\n", e.msg);
		abort();
	}
}

static void read_csv(const char *buf, size_t len, char sep)
{
	csv_reader *r = csv_reader_new(buf, len, sep);
	if (!r)
		return;
	csv_row row;
	int rc;
	unsigned long last = 0;
	while ((rc = csv_next(r, &row)) == CSV_ROW) {
		FUZZ_CHECK(row.nfields > 0 && row.fields);
		for (size_t i = 0; i < row.nfields; i++)
			FUZZ_CHECK(row.fields[i] != NULL);
		FUZZ_CHECK(row.line > last);
		last = row.line;
	}
	FUZZ_CHECK(rc == CSV_EOF || rc == CSV_ERROR);
	if (rc == CSV_ERROR) {
		unsigned long line = 0, col = 0;
		const char *msg = csv_reader_error(r, &line, &col);
		FUZZ_CHECK(msg && *msg && line >= 1 && col >= 1);
	}
	csv_reader_free(r);
}

/* Convert from cs; a single-byte charset that converts must come back as it was. */
static char *convert(const char *buf, size_t len, enum charset_id cs, size_t *outlen)
{
	unsigned long bl = 0, bc = 0;
	char *u = charset_to_utf8(buf, len, cs, outlen, &bl, &bc);
	if (!u)
		return NULL;
	FUZZ_CHECK(u[*outlen] == '\0');
	if (cs == CHARSET_CP1250 || cs == CHARSET_LATIN2) {
		size_t blen = 0;
		char *back = charset_from_utf8(u, *outlen, cs, &blen);
		FUZZ_CHECK(back != NULL);
		FUZZ_CHECK(blen == len && memcmp(back, buf, len) == 0);
		free(back);
	}
	return u;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!store)
		setup();
	if (size < 1)
		return 0;
	unsigned opt = data[0];
	const char *buf = (const char *)data + 1;
	size_t len = size - 1;
	static const char seps[] = { 0, ',', ';', 0 };
	read_csv(buf, len, seps[opt & 3]);

	enum charset_id det = charset_detect(buf, len);
	FUZZ_CHECK(det == CHARSET_UTF8 || det == CHARSET_CP1250 || det == CHARSET_LATIN2);
	enum charset_id cs = (opt >> 2) & 3 ? (enum charset_id)((opt >> 2) & 3) : det;
	char *text = NULL;
	size_t tlen = 0;
	static const enum charset_id all[] = { CHARSET_UTF8, CHARSET_CP1250, CHARSET_LATIN2 };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		size_t l = 0;
		char *u = convert(buf, len, all[i], &l);
		if (u && all[i] == cs) {
			text = u, tlen = l;
			continue;
		}
		free(u);
	}
	if (!text)
		return 0;
	read_csv(text, tlen, 0);

	/* The same text with a BOM reads the same way. */
	char *bom = malloc(tlen + 3);
	if (bom) {
		memcpy(bom, "\xef\xbb\xbf", 3);
		memcpy(bom + 3, text, tlen);
		size_t l = 0;
		char *u = convert(bom, tlen + 3, CHARSET_UTF8, &l);
		FUZZ_CHECK(u && l == tlen && memcmp(u, text, tlen) == 0);
		free(u);
		read_csv(bom, tlen + 3, 0);
		free(bom);
	}

	xfer_kind kind = (xfer_kind)(((opt >> 4) & 7) % 5);
	import_report r;
	error e;
	status st = import_csv(store, opt & 0x80 ? &coordinator : &admin, kind, "fuzz.csv", text,
	                       tlen, true, (len & 1) != 0 /* raw or not */, &r, &e);
	(void)st;
	for (size_t i = 0; i < r.n; i++)
		FUZZ_CHECK(r.lines[i] != NULL);
	for (size_t i = 0; i < r.nerrors; i++)
		FUZZ_CHECK(r.errors[i] != NULL);
	import_report_free(&r);
	free(text);
	return 0;
}
