/* practice.h — the good-practice library (dobre praktyki): what a town did that others
 * may copy, with the networks and meetings where it was shown and the threads that
 * discuss it. Read, filter (combinable, with counts per value) and write. */
#ifndef EMPIRIE_CORE_PRACTICE_H
#define EMPIRIE_CORE_PRACTICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/meeting.h"
#include "core/facet.h"
#include "core/forum.h"
#include "core/practice_fields.h"

#define PRACTICE_MEMBER_(name, ...) FIELD_OWNED_(name)
#define PRACTICE_IN_MEMBER_(name, ...) FIELD_GIVEN_(name)
#define PRACTICE_ROW_COLUMN_(name, kind, ...) PRACTICE_IF_COLUMN(kind, FIELD_GIVEN_, name)

typedef struct {
	int64_t id, city_id;
	char *key, *voivodeship, *updated_at;
	/* practice_fields.h; networks: network numbers, "2 | 6"; meetings: meeting keys,
	 * "n2-2022-06-wloclawek | …" */
	PRACTICE_FIELDS(PRACTICE_MEMBER_)
} practice;

typedef struct {
	practice *items;
	size_t n;
} practice_list;

/* What to show; every field narrows the list (0 / NULL: any). */
typedef struct {
	int network;             /* network number */
	const char *theme;
	const char *voivodeship;
	int64_t city_id;
	int64_t meeting_id;      /* practices shown at this meeting */
	bool taken_up;           /* taken up by another town (uptake.h; not dropped) */
	const char *taken_up_in; /* … by a town in this voivodeship */
} practice_filter;

/* Practices the account may see (a practice shown only in networks the account
 * cannot see is hidden), in Polish order of town, then title. */
status practice_list_get(db *d, const account *a, const practice_filter *f, practice_list *out,
                         error *e);
/* One practice by id or, when id is 0, by key. */
status practice_get(db *d, const account *a, int64_t id, const char *key, practice *out,
                    error *e);
void practice_clear(practice *p);
void practice_list_free(practice_list *l);

/* The facets of the filter: for one dimension, every value present among the practices
 * the other filters leave, with how many practices each would show. */
typedef enum { FACET_NETWORK, FACET_THEME, FACET_VOIVODESHIP, FACET_CITY } facet_kind;
status practice_facets(db *d, const account *a, const practice_filter *f, facet_kind k,
                       facet_list *out, error *e);

/* The threads that discuss a practice (visible ones, newest activity first). */
status practice_threads(db *d, const account *a, int64_t practice_id, thread_list *out,
                        error *e);
/* The meetings where it was shown (newest first). */
status practice_meetings(db *d, const account *a, int64_t practice_id, meeting_list *out,
                         error *e);

/* The editable fields, as text (networks: numbers separated by commas, spaces or "|";
 * meetings: meeting keys likewise; city: the town's name). */
typedef struct {
	PRACTICE_FIELDS(PRACTICE_IN_MEMBER_)
} practice_fields;

/* What practice_fields.h says of each field, at run time. */
typedef enum { PK_TOWN, PK_NETS, PK_MEETS, PK_LINE, PK_TEXT, PK_URL } practice_kind;
typedef struct {
	const char *name;      /* member, column, CSV export header */
	practice_kind kind;
	const char *aliases;   /* other CSV headers, folded, '|'-separated */
	const char *option;    /* CLI option (without "--") */
	const char *arg;       /* its value's name in the help */
	const char *help;      /* N_(): what to give */
	const char *label;     /* N_(): card, form, errors */
	field_card card;
	int form;              /* place in the editor's form */
	bool form_ml;          /* written under its label */
	bool pub;              /* copied into public copies */
	bool search;           /* indexed */
	size_t at;             /* offsetof in practice */
	size_t in_at;          /* offsetof in practice_fields */
} practice_field_info;
extern const practice_field_info practice_field_list[PRACTICE_NFIELDS];

/* Field i of p (never NULL), and the slot of field i in f. */
const char *practice_value(const practice *p, int i);
const char **practice_input(practice_fields *f, int i);
/* The field's index by name, or -1. */
int practice_field_index(const char *name);
/* What is wrong with v as a value of field i (its kind's rule: one line, an http(s)
 * address…), translated, or NULL when it is fine. The size limit is checked apart. */
const char *practice_value_fault(int i, const char *v);

/* Add (id 0) or change a practice, in one transaction with an audit entry and the
 * search index; *out_id gets its id. Errors name the field at fault. */
status practice_save(db *d, const account *a, int64_t id, const practice_fields *in,
                     int64_t *out_id, error *e);

/* The translated label of a field (as used in error messages and the editor). */
const char *practice_field_label(const char *field);

#define PRACTICE_TEXT_MAX 8192 /* bytes per field */

/* A practice's stored row, for its one writer (the form above, imports, the bundled
 * directory; inside the caller's transaction, rules checked by the caller). */
typedef struct {
	const char *key;
	bool create;      /* a new practice: refused when its key is taken */
	int64_t city_id;
	PRACTICE_FIELDS(PRACTICE_ROW_COLUMN_)   /* the stored columns; NULL: empty */
	const char *updated_at;
	bool unindexed;   /* the caller fills the search index in bulk afterwards */
} practice_row;
/* Set row's columns from v, indexed by field (PRACTICE_F_…). */
void practice_row_set(practice_row *row, const char *const v[PRACTICE_NFIELDS]);
/* Add the practice (create: only if its key is free), or replace the one with that key;
 * *id (may be NULL) gets its id. */
status practice_rows_put(db *d, const practice_row *p, int64_t *id, error *e);
/* Link it to a network (to_network) or a meeting; a link already there is kept. */
status practice_rows_link(db *d, int64_t practice_id, bool to_network, int64_t target,
                          bool *added, error *e);
/* Drop its links (keep_leaders: all but those into the leaders' network). */
status practice_rows_unlink(db *d, int64_t practice_id, bool keep_leaders, error *e);

#endif
