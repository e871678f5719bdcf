/* ui_facets.h — one faceted-list screen: a list of records with a line of filters, a
 * pick of the dimension and then of its value, each offered with how many records it
 * would show (counted in core), x to clear them all. A record kind (ui_practices.c,
 * ui_meetings.c, ui_towns.c) describes itself with a ui_facets_desc; the screen does the
 * rest. */
#ifndef EMPIRIE_UI_FACETS_H
#define EMPIRIE_UI_FACETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/facet.h"
#include "ui/ui_screen.h"

#define UI_FACETS_MAX 8 /* dimensions at most */

/* The values chosen, one per dimension (NULL: any), as the facets of core give them. */
typedef const char *const *ui_facet_values;

typedef struct {
	unsigned kind;                  /* the screen kind (SC_PLIST, SC_MLIST, SC_TLIST) */
	const char *crumb;              /* N_() */
	int ndims;
	const char *dims[UI_FACETS_MAX]; /* N_() names of the dimensions */
	/* The dimensions a list can open filtered by (ui_facets_new's number and city_id; -1:
	 * none): the network's value is its number, the town's its id (town_by_id) or name. */
	int network_dim, town_dim;
	bool town_by_id;
	/* Load the records the filter v leaves (kept in rec); how many, or -1 (e set). */
	long (*load)(void *rec, ui_ctx *c, ui_facet_values v, error *e);
	int64_t (*id)(void *rec, size_t i);
	/* The values of dimension dim, with counts, the others as in v. */
	status (*facets)(void *rec, ui_ctx *c, ui_facet_values v, int dim, facet_list *out,
	                 error *e);
	/* How a value is offered in the pick (NULL: "label (count)"). */
	void (*offer)(void *rec, int dim, const facet *f, char *buf, size_t n);
	/* The heading line, and the line shown when nothing is (after a load). */
	void (*heading)(void *rec, char *buf, size_t n);
	const char *(*empty)(void *rec);
	void (*row)(void *rec, size_t i, int y, int x, int width, bool selected);
	/* A command on the selected record (sel: its index, -1: none): open, new, edit…;
	 * UI_R_UNHANDLED for what the screen or the application does. */
	unsigned (*key)(void *rec, ui_ctx *c, ui_facet_values v, ui_cmd_id cmd, long sel);
	unsigned (*pre)(void *rec, ui_ctx *c, ui_facet_values v, long sel);
	void (*destroy)(void *rec);
} ui_facets_desc;

/* The screen over rec (owned from here on, freed by desc->destroy), its filter starting
 * at network `number` and town city_id (0: any; one the account cannot see: any). */
ui_screen *ui_facets_new(ui_ctx *c, const ui_facets_desc *desc, void *rec, int number,
                         int64_t city_id);

#endif
