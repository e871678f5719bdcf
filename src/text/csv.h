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
char csv_reader_sep(const csv_reader *r);

/* Next record. On CSV_ERROR, csv_reader_error() describes it (untranslated key +
 * line/column via the out parameters): e.g. an unterminated quoted field. */
int csv_next(csv_reader *r, csv_row *row);
/* A short English description of the last error (callers translate the fixed set:
 * "unterminated quoted field", "stray quote in unquoted field"); line and column 1-based. */
const char *csv_reader_error(const csv_reader *r, unsigned long *line, unsigned long *col);

/* Write one field, quoted when it holds sep, a quote, CR or LF. */
int csv_write_field(FILE *f, const char *s, char sep);
/* Write a record: fields separated by sep, ended by "\r\n" when crlf else "\n". */
int csv_write_row(FILE *f, const char *const *fields, size_t n, char sep, int crlf);

#endif
