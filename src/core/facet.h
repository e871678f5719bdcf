/* facet.h — the values of one filter dimension with how many records each would show
 * (the "choose a value, with counts" of the practices and meetings lists). Shared by
 * the record kinds that filter this way (practice.h, meeting.h). */
#ifndef EMPIRIE_CORE_FACET_H
#define EMPIRIE_CORE_FACET_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
