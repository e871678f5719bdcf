/* ui_practices.c — the good-practice library: a list with combinable filters (network,
 * theme, voivodeship, town, taken up), each offered with how many practices it would
 * show, as in URBACT's good-practice database. The screen is ui_facets.c's; this is
 * what practices put into it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/practice.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_facets.h"
#include "ui/ui_records.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

/* DIM_TAKEN_UP: taken up by another town (uptake.h), value "any", or by a town in the
 * voivodeship of the account's own town, "mine". */
enum { DIM_NETWORK, DIM_THEME, DIM_VOIVODESHIP, DIM_TOWN, DIM_TAKEN_UP, DIM_COUNT };

typedef struct {
	practice_list items;
	size_t total;  /* without any filter */
	char *my_voiv; /* the account's voivodeship (NULL: no town) */
} plist;

/* The core filter of the values chosen. */
static practice_filter filter_of(const plist *p, ui_facet_values v)
{
	practice_filter f = {
		.network = v[DIM_NETWORK] ? atoi(v[DIM_NETWORK]) : 0,
		.theme = v[DIM_THEME],
		.voivodeship = v[DIM_VOIVODESHIP],
		.city_id = v[DIM_TOWN] ? atoll(v[DIM_TOWN]) : 0,
		.taken_up = v[DIM_TAKEN_UP] != NULL,
		.taken_up_in = v[DIM_TAKEN_UP] && !strcmp(v[DIM_TAKEN_UP], "mine") ? p->my_voiv : NULL,
	};
	return f;
}

static long pl_load(void *rec, ui_ctx *c, ui_facet_values v, error *e)
{
	plist *p = rec;
	practice_filter f = filter_of(p, v);
	practice_list l, all;
	if (practice_list_get(c->d, c->me, &f, &l, e) != ST_OK)
		return -1;
	practice_list_free(&p->items);
	p->items = l;
	if (practice_list_get(c->d, c->me, NULL, &all, e) == ST_OK) {
		p->total = all.n;
		practice_list_free(&all);
	}
	return (long)l.n;
}

static int64_t pl_id(void *rec, size_t i)
{
	return ((plist *)rec)->items.items[i].id;
}

static const char *taken_label(bool mine)
{
	return mine ? _("by towns in my voivodeship") : _("by at least one other town");
}

/* DIM_TAKEN_UP's values: any other town, towns of my voivodeship (when the account
 * has a town), each with its count. */
static status taken_facets(plist *p, ui_ctx *c, ui_facet_values v, facet_list *out, error *e)
{
	const char *vals[DIM_COUNT];
	memcpy(vals, v, sizeof vals);
	memset(out, 0, sizeof *out);
	for (int mine = 0; mine <= (p->my_voiv != NULL); mine++) {
		vals[DIM_TAKEN_UP] = mine ? "mine" : "any";
		practice_filter f = filter_of(p, vals);
		practice_list l;
		status s = practice_list_get(c->d, c->me, &f, &l, e);
		if (s == ST_OK) {
			s = facet_list_zero(out, taken_label(mine), vals[DIM_TAKEN_UP], e);
			if (s == ST_OK)
				out->items[out->n - 1].count = l.n;
			practice_list_free(&l);
		}
		if (s != ST_OK) {
			facet_list_free(out);
			return s;
		}
	}
	return ST_OK;
}

static status pl_facets(void *rec, ui_ctx *c, ui_facet_values v, int dim, facet_list *out,
                        error *e)
{
	static const facet_kind kinds[] = { FACET_NETWORK, FACET_THEME, FACET_VOIVODESHIP,
	                                    FACET_CITY };
	plist *p = rec;
	if (dim == DIM_TAKEN_UP)
		return taken_facets(p, c, v, out, e);
	practice_filter f = filter_of(p, v);
	return practice_facets(c->d, c->me, &f, kinds[dim], out, e);
}

static void pl_offer(void *rec, int dim, const facet *f, char *buf, size_t n)
{
	const plist *p = rec;
	if (dim == DIM_TAKEN_UP && !strcmp(f->value, "mine"))
		snprintf(buf, n, "%s – %s (%zu)", f->label, p->my_voiv ? p->my_voiv : "", f->count);
	else
		snprintf(buf, n, "%s (%zu)", f->label, f->count);
}

static void pl_heading(void *rec, char *buf, size_t n)
{
	const plist *p = rec;
	snprintf(buf, n, ngettext("Good practices: %zu of %zu", "Good practices: %zu of %zu", p->total),
	         p->items.n, p->total);
}

static const char *pl_empty(void *rec)
{
	return ((plist *)rec)->total ? _("No practice matches these filters; x clears them.")
	                             : _("No good practices yet.");
}

static void pl_row(void *rec, size_t i, int y, int x, int width, bool selected)
{
	const practice *pr = &((plist *)rec)->items.items[i];
	int town_w = width >= 60 ? 18 : 0, theme_w = width >= 96 ? 20 : 0;
	int nets_w = width >= 76 ? 8 : 0;
	int title_w = width - 2 - town_w - theme_w - nets_w;
	int cx = x + 1;
	if (town_w) {
		ui_put(stdscr, y, cx, pr->city, town_w - 1);
		cx += town_w;
	}
	if (!town_w) {
		/* One column: "Title — Town". */
		char line[600];
		str_fitf(line, sizeof line, "%s — %s", pr->title, pr->city);
		ui_put(stdscr, y, cx, line, title_w);
		return;
	}
	ui_put(stdscr, y, cx, pr->title, title_w - 1);
	cx += title_w;
	if (theme_w) {
		if (!selected)
			theme_set(stdscr, TH_DIM);
		ui_put(stdscr, y, cx, pr->theme, theme_w - 1);
		cx += theme_w;
	}
	if (nets_w) {
		if (!selected)
			theme_set(stdscr, TH_DIM);
		ui_put(stdscr, y, cx, pr->networks, nets_w);
	}
}

static unsigned pl_key(void *rec, ui_ctx *c, ui_facet_values v, ui_cmd_id cmd, long sel)
{
	plist *p = rec;
	const practice *pr = sel >= 0 ? &p->items.items[sel] : NULL;
	practice_filter f = filter_of(p, v);
	switch (cmd) {
	case CMD_OPEN: return pr ? ui_open(c, ui_card_practice(c, pr->id)) : UI_R_NONE;
	case CMD_NEW_ITEM: return ui_open(c, ui_practice_editor(c, 0, f.city_id));
	case CMD_EDIT_ITEM: return pr ? ui_open(c, ui_practice_editor(c, pr->id, 0)) : UI_R_NONE;
	case CMD_MEETINGS: return ui_open(c, ui_meetings_new(c, f.network, f.city_id));
	default: return UI_R_UNHANDLED;
	}
}

static unsigned pl_pre(void *rec, ui_ctx *c, ui_facet_values v, long sel)
{
	plist *p = rec;
	unsigned pre = c->opt->restricted ? 0 : PRE_FREE;
	if (db_is_readonly(c->d))
		return pre;
	if (perm_can_edit_practice(c->d, c->me, 0, 0))
		pre |= PRE_ADD;
	const practice *it = sel >= 0 ? &p->items.items[sel] : NULL;
	if (it && perm_can_edit_practice(c->d, c->me, it->id, it->city_id))
		pre |= PRE_EDIT_ITEM;
	return pre;
}

static void pl_destroy(void *rec)
{
	plist *p = rec;
	practice_list_free(&p->items);
	free(p->my_voiv);
	free(p);
}

static const ui_facets_desc practices_desc = {
	.kind = SC_PLIST, .crumb = N_("Good practices"), .ndims = DIM_COUNT,
	.dims = { N_("Network"), N_("Theme"), N_("Voivodeship"), N_("Town"), N_("Taken up") },
	.network_dim = DIM_NETWORK, .town_dim = DIM_TOWN, .town_by_id = true,
	.load = pl_load, .id = pl_id, .facets = pl_facets, .offer = pl_offer,
	.heading = pl_heading, .empty = pl_empty, .row = pl_row, .key = pl_key, .pre = pl_pre,
	.destroy = pl_destroy,
};

ui_screen *ui_practices_new(ui_ctx *c, int number, int64_t city_id)
{
	plist *p = calloc(1, sizeof *p);
	if (!p) {
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	if (c->me->city_id) {
		city mine;
		error e;
		if (directory_city_by_id(c->d, c->me->city_id, &mine, &e) == ST_OK) {
			if (*mine.voivodeship)
				p->my_voiv = strdup(mine.voivodeship);
			city_clear(&mine);
		}
	}
	return ui_facets_new(c, &practices_desc, p, number, city_id);
}
