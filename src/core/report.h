/* report.h — what each network produced in a period: the summary a ZMP coordinator
 * writes for the programme's reports. A report is a list of networks, each a list of
 * sections; the sections come from one table (report.c), so a new kind of item is one
 * more row there. Text, CSV and JSON are written from the same data. */
#ifndef EMPIRIE_CORE_REPORT_H
#define EMPIRIE_CORE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/account.h"
#include "core/db.h"

/* The fields a row may have; a section says which it uses. */
enum {
	RF_DATE = 1, RF_TITLE = 2, RF_TOWN = 4, RF_FROM = 8, RF_STATUS = 16, RF_COUNT = 32,
	RF_HELPER = 64,  /* feedback requests: `from` is who gave the answer that helped */
	RF_ANSWERS = 128 /* feedback requests: `count` is the answers */
};

typedef struct {
	int64_t id;   /* the meeting, practice or thread */
	char *date;   /* YYYY-MM-DD */
	char *title;
	char *town;   /* host town; the practice's town; the town taking it up */
	char *from;   /* practices taken up: whose practice it is */
	char *status; /* practices taken up: the stable status key */
	int64_t count; /* meetings: towns attending; threads: posts in the period */
} report_row;

typedef struct report_section_def report_section_def;

typedef struct {
	const report_section_def *def;
	report_row *rows;
	size_t n;      /* rows kept */
	size_t total;  /* items in the period (more than n when the section is capped) */
	char *summary; /* a line of figures over the section (translated), NULL: none */
} report_section;

typedef struct {
	int64_t id;
	int number;
	char *code, *theme;
	report_section *sections; /* one per row of the table */
	size_t n_sections;
} report_network;

typedef struct {
	char from[11], to[11]; /* "" when open-ended */
	report_network *nets;
	size_t n;
} report;

/* One kind of item in the report. fill: the rows of network_id in [from, to] (dates
 * "YYYY-MM-DD", inclusive; from "" and to "9999-12-31" when open), in report order. */
struct report_section_def {
	const char *key;    /* stable: "meetings", "practices_shown", … (CSV, JSON) */
	const char *title;  /* N_(): "Meetings" */
	unsigned fields;    /* RF_* used */
	size_t cap;         /* at most this many rows kept (0: all) */
	status (*fill)(db *d, const account *a, int64_t network_id, const char *from,
	               const char *to, report_section *out, error *e);
};

/* The section table and its size. */
const report_section_def *report_sections(size_t *n);

/* Whether s is a real calendar date written YYYY-MM-DD. */
bool report_date_valid(const char *s);

/* Build the report of network `number` (0: every network a may see) for the period;
 * from/to may be NULL or "" for open ends. Bad dates and from > to are ST_INVALID with
 * a message naming the option. */
status report_build(db *d, const account *a, int number, const char *from, const char *to,
                    report *out, error *e);
void report_free(report *r);

/* Write it: plain text (translated labels), CSV (one row per item, spreadsheet-safe,
 * columns network, section, id, date, title, town, from, status, count) or JSON. */
typedef enum { REPORT_TEXT, REPORT_CSV, REPORT_JSON } report_format;
#define REPORT_N_FORMATS 3
/* The formats' names, each at its report_format's place, NULL at the end: the one table
 * that report_format_parse() and the CLI's messages, help and completion read. */
extern const char *const report_formats[];
int report_format_parse(const char *s); /* -1 when unknown */
status report_write(const report *r, report_format fmt, FILE *f, error *e);

/* One item as a line of text (translated): "2023-05-10  Title – Town: status …", the
 * same in `empirie report` and the application's report card. */
void report_row_text(const report_section *s, const report_row *w, char *buf, size_t n);

/* The translated status label for a row's stable key ("in-use" → "w użyciu"). */
const char *report_status_label(const char *key);

#endif
