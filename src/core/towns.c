/* towns.c — see towns.h. One query reads the towns with their networks; the practices
 * the account may see are counted by town once per list (practice.c decides which). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/directory.h"
#include "core/practice.h"
#include "core/towns.h"
#include "i18n.h"


static void town_clear(town *t)
{
	free(t->name), free(t->voivodeship), free(t->status), free(t->networks);
	memset(t, 0, sizeof *t);
}

void town_list_free(town_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		town_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* Of the numbers ("1 | 8"), those of the networks a may see (nets, by number), written
 * the same way; newly allocated. */
static char *visible_numbers(const char *all, const network_list *nets)
{
	size_t n = strlen(all) + 1, o = 0;
	char *out = malloc(n);
	if (!out)
		return NULL;
	out[0] = '\0';
	for (size_t j = 0; j < nets->n && o < n; j++)
		if (facet_has_number(all, nets->items[j].number))
			o += (size_t)snprintf(out + o, n - o, "%s%d", o ? " | " : "", nets->items[j].number);
	return out;
}

static int by_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* The towns of the practices a may see, as sorted ids (one per practice). */
static status practice_towns(db *d, const account *a, int64_t **ids, size_t *n, error *e)
{
	practice_list pl;
	*ids = NULL, *n = 0;
	status s = practice_list_get(d, a, NULL, &pl, e);
	if (s != ST_OK)
		return s;
	if (pl.n && !(*ids = malloc(pl.n * sizeof **ids)))
		s = err_oom(e);
	for (size_t i = 0; s == ST_OK && i < pl.n; i++)
		(*ids)[i] = pl.items[i].city_id;
	if (s == ST_OK && pl.n) {
		qsort(*ids, pl.n, sizeof **ids, by_id);
		*n = pl.n;
	}
	practice_list_free(&pl);
	return s;
}

/* How many of the sorted ids are id. */
static size_t count_of(const int64_t *ids, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t k = lo;
	while (k < n && ids[k] == id)
		k++;
	return k - lo;
}

static bool passes(const town_filter *f, const town *t)
{
	if (f->network && !facet_has_number(t->networks, f->network))
		return false;
	if (f->voivodeship && strcmp(t->voivodeship, f->voivodeship) != 0)
		return false;
	if (f->status && strcmp(t->status, f->status) != 0)
		return false;
	switch (f->practices) {
	case TOWN_WITH_PRACTICES: return t->practices > 0;
	case TOWN_WITHOUT_PRACTICES: return t->practices == 0;
	default: return true;
	}
}

/* What a town's row is read with: the networks and the practices a may see. */
typedef struct {
	network_list nets; /* the networks a may see */
	int64_t *ids;      /* the towns of the practices a may see, sorted */
	size_t nids;
} seen;

static status town_from_row(sqlite3_stmt *st, const seen *v, town *t, error *e)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->name = db_col_dup(st, 1);
	t->voivodeship = db_col_dup(st, 2);
	t->status = db_col_dup(st, 3);
	const char *all = (const char *)sqlite3_column_text(st, 4);
	t->networks = visible_numbers(all ? all : "", &v->nets);
	t->practices = count_of(v->ids, v->nids, t->id);
	if (!t->name || !t->voivodeship || !t->status || !t->networks) {
		town_clear(t);
		return err_oom(e);
	}
	return ST_OK;
}

/* Every town, those the filter leaves into out; *all: how many there are. */
static status read_towns(db *d, const seen *v, const town_filter *f, town_list *out,
                         size_t *all, error *e)
{
	static const char sql[] =
		"SELECT c.id, c.name, c.voivodeship, c.programme_status,"
		" COALESCE((SELECT group_concat(number, ' | ') FROM (SELECT n.number"
		"   FROM memberships m JOIN networks n ON n.id = m.network_id"
		"   WHERE m.city_id = c.id ORDER BY n.number)), '')"
		" FROM cities c ORDER BY c.name COLLATE PL";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		town t;
		if ((s = town_from_row(st, v, &t, e)) != ST_OK)
			break;
		++*all;
		if (!passes(f, &t)) {
			town_clear(&t);
			continue;
		}
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			town_clear(&t);
			s = err_oom(e);
			break;
		}
		out->items[out->n++] = t;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the towns"));
	sqlite3_reset(st);
	return s;
}

status town_list_get(db *d, const account *a, const town_filter *f, town_list *out,
                     size_t *total, error *e)
{
	town_filter any = { 0 };
	memset(out, 0, sizeof *out);
	seen v = { 0 };
	size_t all = 0;
	status s = directory_networks(d, a, &v.nets, e);
	if (s == ST_OK)
		s = practice_towns(d, a, &v.ids, &v.nids, e);
	if (s == ST_OK)
		s = read_towns(d, &v, f ? f : &any, out, &all, e);
	network_list_free(&v.nets);
	free(v.ids);
	if (s != ST_OK)
		town_list_free(out);
	if (total)
		*total = s == ST_OK ? all : 0;
	return s;
}

status town_facets(db *d, const account *a, const town_filter *f, town_facet_kind k,
                   facet_list *out, error *e)
{
	town_filter others = f ? *f : (town_filter){ 0 };
	switch (k) {
	case TOWN_FACET_NETWORK: others.network = 0; break;
	case TOWN_FACET_VOIVODESHIP: others.voivodeship = NULL; break;
	case TOWN_FACET_STATUS: others.status = NULL; break;
	case TOWN_FACET_PRACTICES: others.practices = TOWN_ANY_PRACTICES; break;
	}
	facet_counter fc;
	town_list l = { 0 };
	status s = facet_count_begin(&fc, d, a, k == TOWN_FACET_NETWORK, out, e);
	if (s == ST_OK)
		s = town_list_get(d, a, &others, &l, NULL, e);
	const char *has[] = { _("with good practices"), _("without good practices") };
	if (s == ST_OK && k == TOWN_FACET_PRACTICES)
		s = facet_count_fixed(&fc, has, 2, e);
	for (size_t i = 0; s == ST_OK && i < l.n; i++) {
		const town *t = &l.items[i];
		switch (k) {
		case TOWN_FACET_NETWORK: s = facet_count_networks(&fc, t->networks, e); break;
		case TOWN_FACET_VOIVODESHIP:
			if (*t->voivodeship)
				s = facet_list_collect(out, t->voivodeship, t->voivodeship, e);
			break;
		case TOWN_FACET_STATUS:
			s = facet_list_collect(out, directory_status_label(t->status), t->status, e);
			break;
		case TOWN_FACET_PRACTICES: out->items[t->practices ? 0 : 1].count++; break;
		}
	}
	town_list_free(&l);
	return facet_count_end(&fc, s, k == TOWN_FACET_NETWORK || k == TOWN_FACET_PRACTICES);
}
