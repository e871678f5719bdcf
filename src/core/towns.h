/* towns.h — the towns view: every town of the directory with what it can be filtered by
 * (its networks, voivodeship, programme status, whether it has good practices), the
 * filters combined, and for each dimension its values with how many towns each would
 * show (facet.h), all counted here for the faceted list (ui_towns.c). */
#ifndef EMPIRIE_CORE_TOWNS_H
#define EMPIRIE_CORE_TOWNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/facet.h"

typedef struct {
	int64_t id;
	char *name, *voivodeship;
	char *status;      /* programme_status: "laureate", "participant", "network", "other" */
	char *networks;    /* the numbers of its networks the account may see: "1 | 4", "" */
	size_t practices;  /* its good practices the account may see */
} town;

typedef struct {
	town *items;
	size_t n;
} town_list;

/* Whether to show towns with good practices, without, or both. */
typedef enum { TOWN_ANY_PRACTICES, TOWN_WITH_PRACTICES, TOWN_WITHOUT_PRACTICES } town_practices;

/* What towns to show; every field narrows the list (0 / NULL: any). */
typedef struct {
	int network;             /* network number (one the account may see) */
	const char *voivodeship;
	const char *status;      /* programme_status */
	town_practices practices;
} town_filter;

/* The towns the filter leaves (f NULL: all), in Polish order of name; *total (may be
 * NULL) gets how many there are without a filter. */
status town_list_get(db *d, const account *a, const town_filter *f, town_list *out,
                     size_t *total, error *e);
void town_list_free(town_list *l);

/* The facets: for one dimension, every value present among the towns the other filters
 * leave, with how many towns each would show. Networks: value the number, label
 * "2 MIASTO PRZYJAZNE", in order of number; voivodeships and programme statuses (value
 * the stored key, label translated) in Polish order; good practices: "1" with, "2"
 * without, both always. */
typedef enum {
	TOWN_FACET_NETWORK, TOWN_FACET_VOIVODESHIP, TOWN_FACET_STATUS, TOWN_FACET_PRACTICES
} town_facet_kind;
status town_facets(db *d, const account *a, const town_filter *f, town_facet_kind k,
                   facet_list *out, error *e);

#endif
