/* csv.h — RFC 4180 CSV reading (with ';' or ',' separators, quoted fields with
 * newlines and doubled quotes) and writing. Input must already be UTF-8. */
#ifndef EMPIRIE_TEXT_CSV_H
#define EMPIRIE_TEXT_CSV_H

#include <stddef.h>
#include <stdio.h>

typedef struct csv_reader csv_reader;

typedef struct {
	size_t nfields;
	char **fields;        /* NUL-terminated UTF-8, owned by the reader until next call */
	unsigned long line;   /* 1-based physical line where the record starts */
} csv_row;

enum csv_status { CSV_ROW = 1, CSV_EOF = 0, CSV_ERROR = -1 };

/* Read from memory (not copied: must outlive the reader). A UTF-8 BOM is skipped.
 * sep is ',' or ';', or 0 to guess from the first line. */
csv_reader *csv_reader_new(const char *buf, size_t len, char sep);
void csv_reader_free(csv_reader *r);

/* Next record. On CSV_ERROR, csv_reader_error() describes it (untranslated key +
 * line/column via the out parameters): e.g. an unterminated quoted field. */
int csv_next(csv_reader *r, csv_row *row);
/* A short English description of the last error (callers translate the fixed set:
 * "unterminated quoted field", "stray quote in unquoted field"); line and column 1-based. */
const char *csv_reader_error(const csv_reader *r, unsigned long *line, unsigned long *col);

/* Flags of csv_write_row. */
enum {
	CSV_CRLF = 1,  /* end records with "\r\n" (else "\n") */
	CSV_GUARD = 2, /* neutralise cells a spreadsheet would run as formulas (csv_guarded) */
};
/* Whether a spreadsheet would take the cell as a formula (it begins with '=', '+', '-',
 * '@', a tab or a CR, possibly after apostrophes, blanks, or characters that a code-page
 * export drops; or with a character a code-page export writes as one of those, such as
 * U+2212 minus; or with a full-width sign): such a cell is written with one more
 * leading apostrophe, which spreadsheets read as "text follows". */
int csv_guarded(const char *s);
/* Undo that on a field read back, in place: a field of one or more apostrophes and then
 * one of those characters loses one apostrophe. Guarding and unguarding give back the
 * original text, whatever it was. */
void csv_unguard(char *s);
/* Write a record: fields separated by sep, each quoted when it holds sep, a quote, CR or
 * LF; flags CSV_CRLF and CSV_GUARD. */
int csv_write_row(FILE *f, const char *const *fields, size_t n, char sep, int flags);
/* CSV text (records ending in "\n") with each record's end as "\r\n", line breaks inside
 * quoted fields left as they are; newly allocated, *outlen its length; NULL when memory
 * runs out. */
char *csv_to_crlf(const char *in, size_t len, size_t *outlen);

#endif
