/* ui_towns.c — the towns view: every town of the directory, filtered by network,
 * voivodeship, programme status and whether it has good practices, each value offered
 * with how many towns it would show (town_list_get, town_facets); Enter opens the
 * town's card, P and M its practices and meetings. The screen is ui_facets.c's; this is
 * what towns put into it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "core/towns.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_facets.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

/* The values: DIM_NETWORK the number, DIM_VOIVODESHIP the name, DIM_STATUS the stored
 * programme status, DIM_PRACTICES "1" with good practices, "2" without. */
enum { DIM_NETWORK, DIM_VOIVODESHIP, DIM_STATUS, DIM_PRACTICES, DIM_COUNT };

typedef struct {
	town_list items;
	size_t total;  /* without any filter */
	bool filtered; /* a filter is chosen */
} tlist;

static town_filter filter_of(ui_facet_values v)
{
	town_filter f = {
		.network = v[DIM_NETWORK] ? atoi(v[DIM_NETWORK]) : 0,
		.voivodeship = v[DIM_VOIVODESHIP],
		.status = v[DIM_STATUS],
		.practices = !v[DIM_PRACTICES]            ? TOWN_ANY_PRACTICES
		             : v[DIM_PRACTICES][0] == '1' ? TOWN_WITH_PRACTICES
		                                          : TOWN_WITHOUT_PRACTICES,
	};
	return f;
}

static long tl_load(void *rec, ui_ctx *c, ui_facet_values v, error *e)
{
	tlist *l = rec;
	town_filter f = filter_of(v);
	town_list items;
	size_t total;
	if (town_list_get(c->d, c->me, &f, &items, &total, e) != ST_OK)
		return -1;
	town_list_free(&l->items);
	l->items = items, l->total = total;
	l->filtered = false;
	for (int d = 0; d < DIM_COUNT; d++)
		l->filtered = l->filtered || v[d];
	return (long)items.n;
}

static int64_t tl_id(void *rec, size_t i)
{
	return ((tlist *)rec)->items.items[i].id;
}

static status tl_facets(void *rec, ui_ctx *c, ui_facet_values v, int dim, facet_list *out,
                        error *e)
{
	static const town_facet_kind kinds[] = { TOWN_FACET_NETWORK, TOWN_FACET_VOIVODESHIP,
	                                         TOWN_FACET_STATUS, TOWN_FACET_PRACTICES };
	(void)rec;
	town_filter f = filter_of(v);
	return town_facets(c->d, c->me, &f, kinds[dim], out, e);
}

/* One column of a row, dimmed unless the row is selected; the next column's x. */
static int column(int y, int x, const char *text, int w, bool selected)
{
	if (!selected)
		theme_set(stdscr, TH_DIM);
	ui_put(stdscr, y, x, text, w - 1);
	return x + w;
}

static void tl_row(void *rec, size_t i, int y, int x, int width, bool selected)
{
	const town *t = &((tlist *)rec)->items.items[i];
	int voiv_w = width >= 50 ? 20 : 0, nets_w = width >= 70 ? 13 : 0;
	int prac_w = width >= 80 ? 16 : 0, status_w = width >= 120 ? 40 : 0;
	int name_w = width - 1 - voiv_w - nets_w - prac_w - status_w;
	int cx = x + 1;
	if (!voiv_w) {
		/* One column: "Town — voivodeship". */
		char line[600];
		str_fitf(line, sizeof line, "%s%s%s", t->name, *t->voivodeship ? " — " : "",
		         t->voivodeship);
		ui_put(stdscr, y, cx, line, name_w - 1);
		return;
	}
	ui_put(stdscr, y, cx, t->name, name_w - 1);
	cx = column(y, cx + name_w, t->voivodeship, voiv_w, selected);
	if (nets_w) {
		/* "1 | 5 | 6" as "1,5,6": the eight networks fit. */
		char nets[64];
		size_t o = 0;
		for (const char *p = t->networks; *p && o + 1 < sizeof nets; p++)
			if (*p != ' ')
				nets[o++] = *p == '|' ? ',' : *p;
		nets[o] = '\0';
		cx = column(y, cx, nets, nets_w, selected);
	}
	if (prac_w) {
		char n[64] = "";
		if (t->practices)
			snprintf(n, sizeof n, ngettext("%zu practice", "%zu practices", t->practices),
			         t->practices);
		cx = column(y, cx, n, prac_w, selected);
	}
	if (status_w)
		column(y, cx, directory_status_label(t->status), status_w, selected);
}

static void tl_heading(void *rec, char *buf, size_t n)
{
	const tlist *l = rec;
	if (l->filtered)
		snprintf(buf, n, ngettext("Towns: %zu of %zu", "Towns: %zu of %zu", l->total),
		         l->items.n, l->total);
	else
		snprintf(buf, n, ngettext("All towns (%zu town)", "All towns (%zu towns)", l->total),
		         l->total);
}

static const char *tl_empty(void *rec)
{
	return ((tlist *)rec)->total ? _("No town matches these filters; x clears them.")
	                             : _("No towns in the directory yet.");
}

static unsigned tl_key(void *rec, ui_ctx *c, ui_facet_values v, ui_cmd_id cmd, long sel)
{
	tlist *l = rec;
	const town *t = sel >= 0 ? &l->items.items[sel] : NULL;
	(void)v;
	switch (cmd) {
	case CMD_OPEN: return t ? ui_open(c, ui_card_city(c, t->id)) : UI_R_NONE;
	case CMD_PRACTICES: return ui_open(c, ui_practices_new(c, 0, t ? t->id : 0));
	case CMD_MEETINGS: return ui_open(c, ui_meetings_new(c, 0, t ? t->id : 0));
	default: return UI_R_UNHANDLED;
	}
}

static unsigned tl_pre(void *rec, ui_ctx *c, ui_facet_values v, long sel)
{
	(void)rec, (void)v, (void)sel;
	return c->opt->restricted ? 0 : PRE_FREE;
}

static void tl_destroy(void *rec)
{
	tlist *l = rec;
	town_list_free(&l->items);
	free(l);
}

static const ui_facets_desc towns_desc = {
	.kind = SC_TLIST, .crumb = N_("Towns"), .ndims = DIM_COUNT,
	.dims = { N_("Network"), N_("Voivodeship"), N_("Programme"), N_("Good practices") },
	.network_dim = DIM_NETWORK, .town_dim = -1,
	.load = tl_load, .id = tl_id, .facets = tl_facets, .heading = tl_heading,
	.empty = tl_empty, .row = tl_row, .key = tl_key, .pre = tl_pre, .destroy = tl_destroy,
};

ui_screen *ui_towns_new(ui_ctx *c, int number)
{
	tlist *l = calloc(1, sizeof *l);
	if (!l) {
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	return ui_facets_new(c, &towns_desc, l, number, 0);
}
