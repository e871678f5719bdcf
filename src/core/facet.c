/* facet.c — collecting the values of a filter dimension with their counts, and the
 * counting shape every record kind's facets share (facet_count_*). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
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
		return err_oom(e);
	facet *f = &l->items[l->n];
	f->label = strdup(label);
	f->value = strdup(value);
	f->count = count;
	if (!f->label || !f->value) {
		free(f->label), free(f->value);
		return err_oom(e);
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

status facet_count_begin(facet_counter *fc, db *d, const account *a, bool networks,
                         facet_list *out, error *e)
{
	memset(out, 0, sizeof *out);
	memset(fc, 0, sizeof *fc);
	fc->out = out;
	return networks ? directory_networks(d, a, &fc->nets, e) : ST_OK;
}

/* Network j of those a may see, counted once more. */
static status count_network_at(facet_counter *fc, size_t j, error *e)
{
	const network *n = &fc->nets.items[j];
	char num[16], label[300];
	snprintf(num, sizeof num, "%d", n->number);
	snprintf(label, sizeof label, "%d %s", n->number, n->code);
	return facet_list_collect(fc->out, label, num, e);
}

status facet_count_network(facet_counter *fc, int number, error *e)
{
	for (size_t j = 0; j < fc->nets.n; j++)
		if (fc->nets.items[j].number == number)
			return count_network_at(fc, j, e);
	return ST_OK;
}

bool facet_has_number(const char *numbers, long n)
{
	for (const char *q = numbers; q && *q;) {
		char *end;
		long v = strtol(q, &end, 10);
		if (end == q) {
			q++;
			continue;
		}
		if (v == n)
			return true;
		q = end;
	}
	return false;
}

status facet_count_networks(facet_counter *fc, const char *numbers, error *e)
{
	status s = ST_OK;
	for (size_t j = 0; s == ST_OK && j < fc->nets.n; j++)
		if (facet_has_number(numbers, fc->nets.items[j].number))
			s = count_network_at(fc, j, e);
	return s;
}

status facet_count_fixed(facet_counter *fc, const char *const *labels, size_t n, error *e)
{
	status s = ST_OK;
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		char value[24];
		snprintf(value, sizeof value, "%zu", i + 1);
		s = facet_list_zero(fc->out, labels[i], value, e);
	}
	return s;
}

status facet_count_end(facet_counter *fc, status s, bool by_number)
{
	network_list_free(&fc->nets);
	if (s != ST_OK)
		facet_list_free(fc->out);
	else
		facet_list_finish(fc->out, by_number);
	return s;
}
