/* uptake.h — practice transfer ("przejęcie praktyki"): a town records that it takes up
 * another town's good practice, how far it got (interested, adapting, in use, dropped),
 * what it changed, and the threads where it asked about it. One record per practice and
 * town; changing the status keeps the date it was first recorded. */
#ifndef EMPIRIE_CORE_UPTAKE_H
#define EMPIRIE_CORE_UPTAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/forum.h"
#include "core/uptake_fields.h"

/* The stages, in order; the keys are stable (database, CLI, sync, CSV). */
typedef enum { UPTAKE_INTERESTED, UPTAKE_ADAPTING, UPTAKE_IN_USE, UPTAKE_DROPPED } uptake_status;
#define UPTAKE_N_STATUS 4
/* The statuses' keys, in uptake_status's order, NULL at the end: the one table that
 * uptake_status_parse() and the CLI's messages, help and completion read. */
extern const char *const uptake_status_keys[];
const char *uptake_status_key(uptake_status s);
int uptake_status_parse(const char *key); /* -1 when unknown */
const char *uptake_status_label(uptake_status s); /* translated */
/* What a status key means in the reader's language ("w użyciu" for in-use): its label
 * when translated; NULL when the label is untranslated, the key saying as much. */
const char *uptake_status_gloss(const char *key);

#define UPTAKE_READ_STATUS_(n) uptake_status n;
#define UPTAKE_READ_TEXT_(n) char *n;
#define UPTAKE_READ_MEMBER_(name, kind, store, ...) \
	UPTAKE_AS_READ(kind, store, UPTAKE_READ_STATUS_, UPTAKE_READ_TEXT_, name)

/* A record as read: the fields of uptake_fields.h (practice: its key; town: the town
 * taking it up; threads: thread ids, "12 | 40", visible ones only), with the ids and
 * what is shown beside them. */
typedef struct {
	int64_t id, practice_id, city_id;
	char *practice_title, *practice_city; /* whose practice it is */
	char *voivodeship;     /* of the town taking it up */
	UPTAKE_FIELDS(UPTAKE_READ_MEMBER_)
} uptake;

typedef struct {
	uptake *items;
	size_t n;
} uptake_list;

typedef struct {
	int64_t practice_id; /* 0: any */
	int64_t city_id;     /* the town taking up; 0: any */
	int network;         /* practices shown in this network; 0: any */
} uptake_filter;

/* Records whose practice the account may see, by practice town, title, then town. */
status uptake_list_get(db *d, const account *a, const uptake_filter *f, uptake_list *out,
                       error *e);
void uptake_clear(uptake *u);
void uptake_list_free(uptake_list *l);

#define UPTAKE_NOTE_MAX 4096 /* bytes */

/* What uptake_fields.h says of each field, at run time. */
typedef enum { UK_KEY, UK_TOWN, UK_STATUS, UK_TEXT, UK_TIME, UK_LOGIN, UK_THREADS } uptake_kind;
typedef enum { US_COL, US_LINKS, US_LOG } uptake_store;
typedef enum { SYNC_NO, SYNC_ANY, SYNC_LIVE, SYNC_GONE, SYNC_LINKS } uptake_sync;
typedef enum { UC_NO, UC_HEAD, UC_LINE, UC_LABELLED } uptake_card;
typedef struct {
	const char *name;     /* CSV header, CLI option */
	uptake_kind kind;
	uptake_store store;
	const char *column;   /* in uptakes (US_COL), uptake_threads or uptake_log */
	bool pub;             /* carried by public copies */
	bool csv;             /* a CSV column */
	const char *aliases;  /* other CSV headers, folded, '|'-separated */
	const char *sql;      /* its value in the CSV export and as read */
	uptake_sync sync;
	const char *key;      /* its key on a sync line */
	bool opt;             /* an option of `empirie uptake set` */
	const char *arg;      /* N_(): the option's value */
	const char *help;     /* N_(): the option's help */
	const char *label;    /* N_(): its name in messages, its header in uptake list */
	int list;             /* its column in `empirie uptake list`; -1: none */
	uptake_card card;     /* where a card shows it */
} uptake_field_info;
extern const uptake_field_info uptake_field_list[UPTAKE_NFIELDS];
/* Field i of u as text: the status's key; "" for a field not read (LOG). */
const char *uptake_value(const uptake *u, int i);

/* Record or change town `city`'s uptake of practice practice_id: status, note (NULL
 * keeps the stored one, "" clears), threads (ids separated by commas or spaces, NULL
 * keeps the links, "" removes them; each must be a thread the account can see). One
 * transaction with an audit entry. A town cannot take up its own practice. */
status uptake_save(db *d, const account *a, int64_t practice_id, const char *city,
                   uptake_status st, const char *note, const char *threads, error *e);

/* The threads to offer when town city_id links where it asked about practice_id: those
 * linked to the practice, those linked to the town's record, and the `limit` threads
 * the town's accounts started last in the practice's networks; newest activity first,
 * only those a may see. */
status uptake_thread_choices(db *d, const account *a, int64_t practice_id, int64_t city_id,
                             size_t limit, thread_list *out, error *e);

/* Remove a record (the same rights as writing it); audited. */
status uptake_remove(db *d, const account *a, int64_t practice_id, const char *city, error *e);

/* The rows' one writer, for core modules that check rights and values of their own
 * (imports, sync files) inside their transaction. The stored row: the columns of
 * uptakes in uptake_fields.h, by column (practice_id, city_id: the row's key; status:
 * uptake_status_key(); any text NULL: empty). */
#define UPTAKE_ROW_ID_(c) int64_t c;
#define UPTAKE_ROW_TEXT_(c) const char *c;
#define UPTAKE_ROW_MEMBER_(name, kind, store, column, ...) \
	UPTAKE_AS_ROW(kind, store, UPTAKE_ROW_ID_, UPTAKE_ROW_TEXT_, column)
typedef struct {
	UPTAKE_FIELDS(UPTAKE_ROW_MEMBER_)
	bool earliest_start;      /* keep the earlier of the stored and the given start */
} uptake_fields;
status uptake_rows_put(db *d, const uptake_fields *u, int64_t *uid, error *e);
/* Remove it and log when and by whom; *uid 0 when there was none. */
status uptake_rows_remove(db *d, int64_t practice_id, int64_t city_id, const char *at,
                          const char *by, int64_t *uid, char *before, size_t before_len,
                          error *e);
status uptake_rows_link_thread(db *d, int64_t uid, int64_t thread_id, error *e);

#endif
