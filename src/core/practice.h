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
#include "core/facet.h"
#include "core/forum.h"

typedef struct {
	int64_t id, city_id;
	char *key, *city, *voivodeship, *theme, *title, *problem, *actions, *results;
	char *funding, *cost, *contact_role, *source, *note, *updated_at;
	char *networks; /* network numbers, "2 | 6" */
	char *meetings; /* meeting keys, "n2-2022-06-wloclawek | …" */
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
	const char *city, *networks, *meetings, *theme, *title, *problem, *actions, *results;
	const char *funding, *cost, *contact_role, *source, *note;
} practice_fields;

/* Whether a may change practice p (NULL: may add practices at all). Members and
 * leaders: their own town's; coordinators: any shown in their network; admins: all. */
bool perm_can_edit_practice(const account *a, const practice *p, db *d);

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
	const char *theme, *title, *problem, *actions, *results, *funding, *cost;
	const char *contact_role, *source, *note, *updated_at;   /* NULL: empty */
	bool unindexed;   /* the caller fills the search index in bulk afterwards */
} practice_row;
/* Add the practice (create: only if its key is free), or replace the one with that key;
 * *id (may be NULL) gets its id. */
status practice_rows_put(db *d, const practice_row *p, int64_t *id, error *e);
/* Link it to a network (to_network) or a meeting; a link already there is kept. */
status practice_rows_link(db *d, int64_t practice_id, bool to_network, int64_t target,
                          bool *added, error *e);
/* Drop its links (keep_leaders: all but those into the leaders' network). */
status practice_rows_unlink(db *d, int64_t practice_id, bool keep_leaders, error *e);

#endif
