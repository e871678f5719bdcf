/* meeting.h — meetings read and written (network coordinators), and a town's
 * attendance declared (its members). */
#ifndef EMPIRIE_CORE_MEETING_H
#define EMPIRIE_CORE_MEETING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/facet.h"
#include "core/meeting_fields.h"

/* A meeting as read: its fields as meeting_fields.h lists them (the network as
 * network_number; host: the town's name or the place; attending: the towns present,
 * "A, B"). */
#define MEETING_NUMBER_MEMBER_(n) int n##_number;
#define MEETING_MEMBER_(name, kind, ...) \
	MEETING_IF_NUMBER(kind, MEETING_NUMBER_MEMBER_, FIELD_OWNED_, name)
typedef struct {
	int64_t id, thread_id;
	char *key;
	MEETING_FIELDS(MEETING_MEMBER_)
} meeting;

typedef struct {
	meeting *items;
	size_t n;
} meeting_list;

/* Meetings of a network (0 = all visible), newest first; host_city_id filters by host
 * town when not 0. */
status meetings_read(db *d, const account *a, int number, int64_t host_city_id,
                     meeting_list *out, error *e);
/* One meeting by id (ST_NOTFOUND when a may not see it). */
status meeting_get(db *d, const account *a, int64_t id, meeting *out, error *e);
void meeting_clear(meeting *m);
void meeting_list_free(meeting_list *l);

/* The fields given to meeting_save, as meeting_fields.h lists them: network, its
 * number; dates YYYY-MM-DD (the end may be empty); host, a town of the directory or any
 * place. Only the fields with a place in the form are taken (the others are set by the
 * program or come with imports). */
#define MEETING_INT_MEMBER_(n) int n;
#define MEETING_IN_MEMBER_(name, kind, ...) \
	MEETING_IF_NUMBER(kind, MEETING_INT_MEMBER_, FIELD_GIVEN_, name)
typedef struct {
	MEETING_FIELDS(MEETING_IN_MEMBER_)
} meeting_fields;

/* What meeting_fields.h says of each field, at run time. */
typedef enum { MK_NET, MK_DATE, MK_WORD, MK_LINE, MK_HOST, MK_ITEMS, MK_TOWNS, MK_TEXT } meeting_kind;
typedef struct {
	const char *name;      /* member */
	meeting_kind kind;
	const char *csv;       /* CSV header */
	const char *aliases;   /* other CSV headers, folded, '|'-separated */
	int opt;               /* place among the CLI options; -1: none */
	const char *option;    /* CLI option (without "--") */
	const char *arg;       /* its value's name in the help */
	const char *help;      /* N_(): what to give */
	const char *label;     /* N_(): card, form, errors */
	field_card card;
	int form;              /* place in the editor's form; -1: not in it */
	bool form_ml;          /* written under its label */
	bool pub;              /* copied into public copies */
	bool search;           /* indexed */
	size_t at;             /* offsetof in meeting */
	size_t in_at;          /* offsetof in meeting_fields */
} meeting_field_info;
extern const meeting_field_info meeting_field_list[MEETING_NFIELDS];

/* Field i of m as text (never NULL; "" for the network, a number), and the slot of a
 * text field i in f. */
const char *meeting_value(const meeting *m, int i);
const char **meeting_input(meeting_fields *f, int i);
/* The field's index by name, or -1. */
int meeting_field_index(const char *name);

/* The translated label of a field (error messages, the editor). */
const char *meeting_field_label(const char *field);

/* A network a may add meetings to: `preferred` when it may, else the first such
 * network; 0 when none. */
int meeting_network_for_new(db *d, const account *a, int preferred);

/* Add (id 0) or change a meeting: the network's coordinators and administrators; one
 * transaction with an audit entry and the search index. Errors name the field. */
status meeting_save(db *d, const account *a, int64_t id, const meeting_fields *in,
                    int64_t *out_id, error *e);

/* The meeting's dates for people: the published wording when there is one ("maj
 * 2022"), else "17–18 May 2022" in the interface language. Newly allocated. */
char *meeting_when(const meeting *m);

/* Whether the meeting is still ahead (its last day is today or later, local time). */
bool meeting_is_planned(const meeting *m);

/* Whether a's town is listed as attending; *declared tells whether its own member
 * said so (as opposed to a published report). */
status meeting_town_attends(db *d, int64_t meeting_id, int64_t city_id, bool *attends,
                            bool *declared, error *e);
/* A member says their town will (or will not) attend a planned meeting of a network
 * the town belongs to. */
status meeting_attend(db *d, const account *a, int64_t meeting_id, bool attend, error *e);

/* What meetings to show; every field narrows the list (0 / NULL: any). */
typedef enum { MEETING_ANY_TIME, MEETING_PLANNED, MEETING_PAST } meeting_time;
typedef struct {
	int network;       /* network number */
	meeting_time time;
	const char *town;  /* the host or a town listed as attending, by name */
} meeting_filter;

/* What a list of meetings says about itself. */
typedef struct {
	size_t visible; /* meetings the account may see, before the filter */
	size_t planned; /* of those shown, still ahead */
	size_t joint;   /* rows shown that repeat a joint meeting already shown under another
	                 * network (a joint meeting is stored once per network) */
} meeting_counts;

/* The visible meetings the filter leaves (f NULL: all), newest first; counts may be
 * NULL. */
status meeting_list_get(db *d, const account *a, const meeting_filter *f, meeting_list *out,
                        meeting_counts *counts, error *e);

/* The facets of the filter: for one dimension, every value present among the meetings
 * the other filters leave, with how many meetings each would show. Networks: value the
 * number, label "2 MIASTO PRZYJAZNE"; time: "1" planned, "2" past, both always; towns:
 * hosts and attending towns by name, in Polish order. */
typedef enum { MEETING_FACET_NETWORK, MEETING_FACET_TIME, MEETING_FACET_TOWN } meeting_facet_kind;
status meeting_facets(db *d, const account *a, const meeting_filter *f, meeting_facet_kind k,
                      facet_list *out, error *e);

/* Whether s is a real calendar date written YYYY-MM-DD. */
bool meeting_date_valid(const char *s);

/* A meeting's stored row, for its one writer (the form above, imports, the bundled
 * directory; inside the caller's transaction, rules checked by the caller). */
#define MEETING_ROW_ID_(col) int64_t col;
#define MEETING_ROW_TEXT_(col, field) const char *col;
#define MEETING_ROW_MEMBER_(name, kind, ...) \
	MEETING_IF_ID(kind, MEETING_ROW_ID_, name) MEETING_IF_TEXT(kind, MEETING_ROW_TEXT_, name)
typedef struct {
	const char *key;
	bool create;                      /* a new meeting: refused when its key is taken */
	/* The stored columns (meeting_fields.h): network_id; host_city_id (0: the host is
	 * no town of the directory) and host_place; the texts (NULL: empty). */
	MEETING_FIELDS(MEETING_ROW_MEMBER_)
	const char *updated_at;           /* NULL: empty */
	bool unindexed;                   /* the caller fills the search index in bulk */
} meeting_row;
/* Set row's columns of text from v, indexed by field (MEETING_F_…; the host's place
 * from v[MEETING_F_host]); network_id and host_city_id are the caller's. */
void meeting_row_set(meeting_row *row, const char *const v[MEETING_NFIELDS]);
/* Add the meeting (create: only if its key is free), or replace the one with that key;
 * *id (may be NULL) gets its id. */
status meeting_rows_put(db *d, const meeting_row *m, int64_t *id, error *e);
/* A town at a meeting, on a basis ("source": a published report; "declared": the town
 * signed up); one already there keeps its basis unless replace. */
status meeting_rows_attend(db *d, int64_t meeting_id, int64_t city_id, const char *basis,
                           bool replace, bool *changed, error *e);
/* Take a town (city_id 0: every town) of that basis off the meeting. */
status meeting_rows_unattend(db *d, int64_t meeting_id, int64_t city_id, const char *basis,
                             bool *changed, error *e);

#endif
