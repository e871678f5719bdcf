/* facet.h — the values of one filter dimension with how many records each would show
 * (the "choose a value, with counts" of the practices, meetings and towns lists). Shared
 * by the record kinds that filter this way (practice.h, meeting.h, towns.h). */
#ifndef EMPIRIE_CORE_FACET_H
#define EMPIRIE_CORE_FACET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/error.h"

typedef struct {
	char *label;   /* "3 MIASTO OBYWATELI", "partycypacja", "śląskie", "Tarnów" */
	char *value;   /* what goes into the filter: the number, the text, the town id */
	size_t count;
} facet;
typedef struct {
	facet *items;
	size_t n;
	size_t cap;    /* allocated items (while collecting) */
} facet_list;

/* Collect one record's value (count 1); facet_list_finish adds up equal values. */
status facet_list_collect(facet_list *l, const char *label, const char *value, error *e);
/* Add a value even when no record has it (a fixed dimension shows every value). */
status facet_list_zero(facet_list *l, const char *label, const char *value, error *e);
/* Merge equal values into one with the sum of their counts (sorting, so linear in
 * the number collected times its logarithm), then order by the value's number
 * (by_number) or by the label in Polish order. */
void facet_list_finish(facet_list *l, bool by_number);
void facet_list_free(facet_list *l);

/* The counting every kind's facets share: begin (out emptied; networks: the dimension is
 * the network, labelled "2 MIASTO PRZYJAZNE" from the networks a may see), then each
 * record the other filters leave adds its values (facet_list_collect on fc.out, or the
 * network helpers), then end. */
typedef struct {
	facet_list *out;
	network_list nets; /* the networks a may see (a network dimension only) */
} facet_counter;
status facet_count_begin(facet_counter *fc, db *d, const account *a, bool networks,
                         facet_list *out, error *e);
/* A record in network `number`; one a may not see counts nowhere. */
status facet_count_network(facet_counter *fc, int number, error *e);
/* A fixed dimension: its n values, "1" to "n", labelled labels[i], offered even when no
 * record has them; a record then counts in one with fc.out->items[value - 1].count++. */
status facet_count_fixed(facet_counter *fc, const char *const *labels, size_t n, error *e);
/* Whether a list of numbers ("2 | 6") has n. */
bool facet_has_number(const char *numbers, long n);
/* A record in the networks of a list of numbers ("2 | 6"), each counted once. */
status facet_count_networks(facet_counter *fc, const char *numbers, error *e);
/* s: how the counting went. ST_OK: equal values merged and ordered (facet_list_finish);
 * otherwise out emptied. Returns s. */
status facet_count_end(facet_counter *fc, status s, bool by_number);

#endif
