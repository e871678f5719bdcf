/* test_text_csv.c — RFC 4180 reading and writing. */
#if !defined(_GNU_SOURCE) && !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700 /* open_memstream */
#endif
#include "tap.h"
#include "text/csv.h"

#include <stdlib.h>

/* Read all of in and join it as "f1|f2/f1|f2/" with row lines as "@line:" prefixes. */
static char *dump(const char *in, size_t len, char sep, int *status)
{
	csv_reader *r = csv_reader_new(in, len, sep);
	static const size_t cap = 4096;
	char *out = malloc(cap);
	size_t o = 0;
	csv_row row;
	int st;

	if (!r || !out) {
		csv_reader_free(r);
		free(out);
		return NULL;
	}
	out[0] = '\0';
	while ((st = csv_next(r, &row)) == CSV_ROW) {
		size_t i;
		o += (size_t)snprintf(out + o, cap - o, "@%lu:", row.line);
		for (i = 0; i < row.nfields && o < cap; i++)
			o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? "|" : "", row.fields[i]);
		if (o < cap - 1)
			out[o++] = '/';
		out[o] = '\0';
	}
	if (status)
		*status = st;
	csv_reader_free(r);
	return out;
}

static void read_is(const char *in, char sep, const char *want, const char *what)
{
	int st = 99;
	char *got = dump(in, strlen(in), sep, &st);

	is_str(got, want, "%s", what);
	is_int(st, CSV_EOF, "%s: ends with EOF", what);
	free(got);
}

/* Expect an error after `rows` good rows, at line:col. */
static void error_is(const char *in, int rows, const char *msg, unsigned long line,
                     unsigned long col, const char *what)
{
	csv_reader *r = csv_reader_new(in, strlen(in), 0);
	csv_row row;
	int st, n = 0;
	unsigned long l = 0, c = 0;
	const char *m;

	if (!r) {
		ok(0, "%s: reader", what);
		return;
	}
	while ((st = csv_next(r, &row)) == CSV_ROW)
		n++;
	m = csv_reader_error(r, &l, &c);
	ok(st == CSV_ERROR && n == rows, "%s: error after %d rows (got %d)", what, rows, n);
	is_str(m, msg, "%s: message", what);
	ok(l == line && c == col, "%s: at %lu:%lu (got %lu:%lu)", what, line, col, l, c);
	is_int(csv_next(r, &row), CSV_ERROR, "%s: the error is sticky", what);
	csv_reader_free(r);
}

int main(void)
{
	char *got, *buf = NULL;
	size_t blen = 0;
	int st;
	FILE *f;
	csv_reader *r;
	csv_row row;

	/* ---- separators ---- */
	got = dump("a;b;c\n1;2;3\n", 12, 0, &st);
	is_str(got, "@1:a|b|c/@2:1|2|3/", "semicolon file: ';' guessed from the first record");
	free(got);
	got = dump("a,b,c\r\n1,2,3\r\n", 14, 0, &st);
	is_str(got, "@1:a|b|c/@2:1|2|3/", "comma file with CRLF: ',' guessed from the first record");
	free(got);
	got = dump("\"x;y;z\",b\n1,2\n", 14, 0, &st);
	is_str(got, "@1:x;y;z|b/@2:1|2/", "separators inside quotes do not count");
	free(got);
	got = dump("\"a,b\";\"c,d\";e\n", 14, 0, &st);
	is_str(got, "@1:a,b|c,d|e/", "';' wins when commas are quoted");
	free(got);
	got = dump("name;opis\nŁódź;a,b,c,d\n", strlen("name;opis\nŁódź;a,b,c,d\n"), 0, &st);
	is_str(got, "@1:name|opis/@2:Łódź|a,b,c,d/", "only the first record is used to guess: later commas are data");
	free(got);
	read_is("a,b;c\n", ';', "@1:a,b|c/", "explicit separator overrides guessing");
	got = dump("a;b,c\n", 6, 0, &st);
	is_str(got, "@1:a;b|c/", "a tie goes to ','");
	free(got);

	/* ---- BOM, line ends, empties ---- */
	got = dump("\xEF\xBB\xBFgmina;kod\nŁomża;1\n", strlen("\xEF\xBB\xBFgmina;kod\nŁomża;1\n"),
	           0, &st);
	is_str(got, "@1:gmina|kod/@2:Łomża|1/", "UTF-8 BOM skipped, separator guessed after it");
	free(got);
	read_is("a,b\r\nc,d", 0, "@1:a|b/@2:c|d/", "no final newline");
	read_is("a,b\rc,d\r", 0, "@1:a|b/@2:c|d/", "lone CR ends a record");
	read_is("a,,c\n,\n", 0, "@1:a||c/@2:|/", "empty fields");
	read_is("a,b,\n", 0, "@1:a|b|/", "trailing separator gives an empty field");
	read_is("a,b,", 0, "@1:a|b|/", "trailing separator at EOF");
	read_is("a\n\n\r\nb\n", 0, "@1:a/@4:b/", "blank lines skipped, line numbers kept");
	read_is("", 0, "", "empty input");
	read_is("\xEF\xBB\xBF", 0, "", "only a BOM");
	read_is("\"\"\n", 0, "@1:/", "one quoted empty field");

	/* ---- quoting ---- */
	read_is("\"a \"\"b\"\" c\",d\n", 0, "@1:a \"b\" c|d/", "doubled quotes");
	read_is("\"line1\nline2\",x\nnext,y\n", 0, "@1:line1\nline2|x/@3:next|y/",
	        "embedded LF; the next row starts on line 3");
	read_is("\"l1\r\nl2\r\nl3\";z\r\nq;w\r\n", 0, "@1:l1\r\nl2\r\nl3|z/@4:q|w/",
	        "embedded CRLF kept verbatim");
	read_is("\"a,b\",\"\",\"c\"\n", 0, "@1:a,b||c/", "quoted separator and empty quoted field");
	read_is("\"ab\"cd,e\n", 0, "@1:abcd|e/", "text after a closing quote is kept");
	{
		/* a long field: no fixed limits */
		size_t n = 100000, i;
		char *big = malloc(n + 8);
		if (big) {
			big[0] = '"';
			for (i = 1; i <= n; i++)
				big[i] = (char)('a' + i % 26);
			memcpy(big + n + 1, "\",x\n", 5);
			r = csv_reader_new(big, strlen(big), 0);
			st = r ? csv_next(r, &row) : CSV_ERROR;
			ok(st == CSV_ROW && row.nfields == 2 && strlen(row.fields[0]) == n &&
			   strcmp(row.fields[1], "x") == 0, "100000-byte quoted field");
			csv_reader_free(r);
			free(big);
		}
	}
	{
		/* many fields */
		char in[3000];
		size_t i, o = 0;
		for (i = 0; i < 1000; i++)
			o += (size_t)snprintf(in + o, sizeof in - o, "%zu;", i % 10);
		in[o - 1] = '\n';
		r = csv_reader_new(in, o, 0);
		st = r ? csv_next(r, &row) : CSV_ERROR;
		ok(st == CSV_ROW && row.nfields == 1000 && strcmp(row.fields[999], "9") == 0,
		   "1000 fields in a record");
		csv_reader_free(r);
	}

	/* ---- errors ---- */
	error_is("a,b\nc,\"unfinished\nmore,text\n", 1, "unterminated quoted field", 2, 3,
	         "unterminated quote");
	error_is("\"x", 0, "unterminated quoted field", 1, 1, "unterminated at the start");
	error_is("ok;ok\nŁódź;\"x\"\"\n", 1, "unterminated quoted field", 2, 6,
	         "column counts characters, not bytes");
	error_is("a,b\n\"multi\nline\",ab\"c\n", 1, "stray quote in unquoted field", 3, 9,
	         "stray quote after a multi-line field");
	error_is("name,value\nx,12\"\n", 1, "stray quote in unquoted field", 2, 5,
	         "quote in the middle of an unquoted field");
	error_is(" \"a\",b\n", 0, "stray quote in unquoted field", 1, 2,
	         "space before a quote makes it unquoted");
	r = csv_reader_new("a\n", 2, 0);
	if (r) {
		unsigned long l = 7, c = 7;
		ok(csv_reader_error(r, &l, &c) == NULL && l == 0 && c == 0, "no error at first");
		csv_reader_free(r);
	}
	ok(csv_reader_new("a", 1, '"') == NULL, "a quote cannot be the separator");

	/* ---- writing and round trip ---- */
	f = open_memstream(&buf, &blen);
	if (!f) {
		diag("open_memstream failed");
		return 1;
	}
	{
		const char *const r1[] = { "gmina", "opis", "kwota" };
		const char *const r2[] = { "Łódź", "ma \"cudzysłów\"; i średnik", "1,5" };
		const char *const r3[] = { "Kędzierzyn-Koźle", "dwie\nlinie\r\nCRLF", "" };
		const char *const r4[] = { "" };
		const char *const r5[] = { "", "" };
		ok(csv_write_row(f, r1, 3, ';', 1) == 0 && csv_write_row(f, r2, 3, ';', 1) == 0 &&
		   csv_write_row(f, r3, 3, ';', 1) == 0 && csv_write_row(f, r4, 1, ';', 1) == 0 &&
		   csv_write_row(f, r5, 2, ';', 1) == 0, "write rows");
		fclose(f);
		is_str(buf, "gmina;opis;kwota\r\n"
		            "Łódź;\"ma \"\"cudzysłów\"\"; i średnik\";1,5\r\n"
		            "Kędzierzyn-Koźle;\"dwie\nlinie\r\nCRLF\";\r\n"
		            "\"\"\r\n"
		            ";\r\n", "written text quotes only where needed");
		got = dump(buf, blen, 0, &st);
		is_str(got, "@1:gmina|opis|kwota/@2:Łódź|ma \"cudzysłów\"; i średnik|1,5/"
		            "@3:Kędzierzyn-Koźle|dwie\nlinie\r\nCRLF|/@6:/@7:|/",
		       "round trip: every field back as written");
		is_int(st, CSV_EOF, "round trip ends cleanly");
		free(got);
		free(buf);
	}
	buf = NULL;
	f = open_memstream(&buf, &blen);
	if (f) {
		static const char *const mixed[] = { "a,b", "a;b", NULL };
		ok(csv_write_row(f, mixed, 3, ',', 0) == 0, "write a row with both separators");
		fclose(f);
		is_str(buf, "\"a,b\",a;b,\n", "only the active separator forces quotes");
		free(buf);
	}
	/* Guarding against spreadsheet formulas, and reading back: the text as it was. */
	{
		static const char *const cells[] = { "=1+1", "+48 600", "-5", "@SUM(A1)", "\tx",
		                                     "\rx", "'=already", "''+x", "'plain", "plain",
		                                     "", "'", "x=1", "5-3",
		                                     /* a formula once written: U+2212 minus and
		                                      * U+21D2 become '-' and "=>" in CP1250, a
		                                      * leading combining mark is dropped there;
		                                      * full-width signs; blanks before '=' */
		                                     "\xE2\x88\x92" "5", "\xE2\x87\x92x",
		                                     "\xCC\x81=x", "'\xCC\x81+x",
		                                     "\xEF\xBC\x9D" "1", "\xEF\xBC\xA0x",
		                                     " =1", "\xC2\xA0-1", "\xC5\x81\xC3\xB3" "d\xC5\xBA",
		                                     " x" };
		static const int guarded[] = { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
		                               1, 1, 1, 1, 1, 1, 1, 1, 0, 0 };
		int round = 0, flags = 0;
		for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
			char *gb = NULL;
			size_t gl = 0;
			FILE *gf = open_memstream(&gb, &gl);
			csv_write_row(gf, &cells[i], 1, ';', CSV_GUARD);
			fclose(gf);
			flags += (gb[0] == '\'' || (gb[0] == '"' && gb[1] == '\'')) ==
			         (guarded[i] || cells[i][0] == '\'');
			csv_reader *rd = csv_reader_new(gb, gl, ';');
			csv_row back;
			if (cells[i][0] && csv_next(rd, &back) == CSV_ROW && back.nfields == 1) {
				csv_unguard(back.fields[0]);
				round += strcmp(back.fields[0], cells[i]) == 0;
			} else if (!cells[i][0]) {
				round++;
			}
			csv_reader_free(rd);
			is_int(csv_guarded(cells[i]), guarded[i], "csv_guarded(\"%s\")", cells[i]);
			free(gb);
		}
		is_int(round, (int)(sizeof cells / sizeof cells[0]), "every guarded cell reads back as it was");
		is_int(flags, (int)(sizeof cells / sizeof cells[0]), "a leading apostrophe exactly where needed");
		char crlf_in[] = "a;\"x\ny\"\nb;c\n";
		size_t n;
		char *crlf = csv_to_crlf(crlf_in, strlen(crlf_in), &n);
		is_str(crlf, "a;\"x\ny\"\r\nb;c\r\n", "CRLF at record ends, a break inside quotes kept");
		free(crlf);
	}
	return tap_done();
}
