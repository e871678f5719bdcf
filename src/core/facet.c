/* facet.c — collecting the values of a filter dimension with their counts. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/facet.h"
#include "i18n.h"
#include "text/plfold.h"

void facet_list_free(facet_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].label);
		free(l->items[i].value);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

static status add(facet_list *l, const char *label, const char *value, size_t count, error *e)
{
	if (db_grow((void **)&l->items, &l->cap, l->n, sizeof *l->items))
		return err_set(e, ST_INTERNAL, _("Out of memory"));
	facet *f = &l->items[l->n];
	f->label = strdup(label);
	f->value = strdup(value);
	f->count = count;
	if (!f->label || !f->value) {
		free(f->label), free(f->value);
		return err_set(e, ST_INTERNAL, _("Out of memory"));
	}
	l->n++;
	return ST_OK;
}

status facet_list_collect(facet_list *l, const char *label, const char *value, error *e)
{
	return add(l, label, value, 1, e);
}

status facet_list_zero(facet_list *l, const char *label, const char *value, error *e)
{
	return add(l, label, value, 0, e);
}

static int by_value(const void *x, const void *y)
{
	return strcmp(((const facet *)x)->value, ((const facet *)y)->value);
}

static int by_number(const void *x, const void *y)
{
	long a = strtol(((const facet *)x)->value, NULL, 10);
	long b = strtol(((const facet *)y)->value, NULL, 10);
	return (a > b) - (a < b);
}

static int by_label(const void *x, const void *y)
{
	const char *a = ((const facet *)x)->label, *b = ((const facet *)y)->label;
	return pl_collate(a, strlen(a), b, strlen(b));
}

void facet_list_finish(facet_list *l, bool numeric)
{
	if (l->n < 2)
		return;
	qsort(l->items, l->n, sizeof *l->items, by_value);
	size_t o = 0;
	for (size_t i = 1; i < l->n; i++) {
		if (strcmp(l->items[o].value, l->items[i].value) == 0) {
			l->items[o].count += l->items[i].count;
			free(l->items[i].label), free(l->items[i].value);
		} else {
			l->items[++o] = l->items[i];
		}
	}
	l->n = o + 1;
	qsort(l->items, l->n, sizeof *l->items, numeric ? by_number : by_label);
}
