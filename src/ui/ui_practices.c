/* ui_practices.c — the good-practice library: a list with combinable filters (network,
 * theme, voivodeship, town), each offered with how many practices it would show, as
 * in URBACT's good-practice database. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/practice.h"
#include "i18n.h"
#include "ui/ui_list.h"
#include "ui/ui_pick.h"
#include "ui/ui_records.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

/* DIM_TAKEN_UP: taken up by another town (uptake.h), or by a town in the voivodeship
 * of the account's own town. */
enum { DIM_NETWORK, DIM_THEME, DIM_VOIVODESHIP, DIM_TOWN, DIM_TAKEN_UP, DIM_COUNT };

typedef struct {
	ui_screen base;
	ui_ctx *c;
	practice_filter f;
	char *theme, *voiv, *town, *net_label; /* the filter values shown (owned) */
	char *taken_label, *my_voiv;           /* DIM_TAKEN_UP's value; the account's voivodeship */
	practice_list items;
	int64_t *ids;
	size_t total; /* without any filter */
	ui_list list;
	ui_rect r;
	facet_list facets; /* the values offered by the open pick */
	int dim;           /* the dimension being picked */
} plist;

static int plist_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	plist *p = src;
	return ui_index_page(p->ids, p->items.n, from, back, limit, rows);
}

static void plist_row(void *src, const void *row, int y, int x, int width, bool selected)
{
	plist *p = src;
	const ui_index_row *ir = row;
	if (ir->i >= p->items.n)
		return;
	const practice *pr = &p->items.items[ir->i];
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
		snprintf(line, sizeof line, "%s — %s", pr->title, pr->city);
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

static bool plist_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	const plist *p = src;
	*pos = (int64_t)((const ui_index_row *)row)->i, *total = (int64_t)p->items.n;
	return true;
}

static const ui_list_source plist_source = {
	.page = plist_page, .free_row = ui_index_free, .same = ui_index_same, .draw = plist_row,
	.position = plist_position,
};

static void load(plist *p)
{
	error e;
	practice_list l;
	if (practice_list_get(p->c->d, p->c->me, &p->f, &l, &e) != ST_OK) {
		ui_status_error(p->c, &e);
		return;
	}
	int64_t *ids = malloc((l.n ? l.n : 1) * sizeof *ids);
	if (!ids) {
		practice_list_free(&l);
		ui_status(p->c, true, "%s", _("Out of memory"));
		return;
	}
	for (size_t i = 0; i < l.n; i++)
		ids[i] = l.items[i].id;
	practice_list_free(&p->items);
	free(p->ids);
	p->items = l, p->ids = ids;
	practice_list all;
	if (practice_list_get(p->c->d, p->c->me, NULL, &all, &e) == ST_OK) {
		p->total = all.n;
		practice_list_free(&all);
	}
}

static const char *dim_name(int dim)
{
	switch (dim) {
	case DIM_NETWORK: return _("Network");
	case DIM_THEME: return _("Theme");
	case DIM_VOIVODESHIP: return _("Voivodeship");
	case DIM_TAKEN_UP: return _("Taken up");
	default: return _("Town");
	}
}

static const char *dim_value(const plist *p, int dim)
{
	const char *v = dim == DIM_NETWORK       ? p->net_label
	                : dim == DIM_THEME       ? p->theme
	                : dim == DIM_VOIVODESHIP ? p->voiv
	                : dim == DIM_TAKEN_UP    ? p->taken_label
	                                         : p->town;
	return v ? v : _("all");
}

static void plist_draw(ui_screen *s, ui_ctx *c, ui_rect r)
{
	plist *p = (plist *)s;
	if (r.h != p->r.h || r.w != p->r.w) {
		p->r = r;
		ui_list_set_height(&p->list, r.h - 3 > 1 ? r.h - 3 : 1);
	}
	char line[1024];
	theme_set(stdscr, TH_HEADING);
	snprintf(line, sizeof line,
	         ngettext("Good practices: %zu of %zu", "Good practices: %zu of %zu", p->total),
	         p->items.n, p->total);
	ui_put(stdscr, r.y, r.x + 1, line, r.w - 2);
	size_t o = 0;
	line[0] = '\0';
	for (int d = 0; d < DIM_COUNT && o < sizeof line; d++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s%s: %s", d ? " · " : "",
		                      dim_name(d), dim_value(p, d));
	theme_set(stdscr, TH_DIM);
	ui_put(stdscr, r.y + 1, r.x + 1, line, r.w - 2);
	theme_set(stdscr, TH_BORDER);
	theme_hline(stdscr, r.y + 2, r.x, r.w);
	theme_set(stdscr, TH_NORMAL);
	int y = ui_list_draw(&p->list, r.y + 3, r.x, r.w, true);
	char where[48];
	if (ui_list_counter(&p->list, where, sizeof where))
		ui_counter_draw(r.y + 2, r.x + r.w - 1, where);
	if (!p->items.n) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, r.y + 3, r.x + 1,
		       p->total ? _("No practice matches these filters; x clears them.")
		                : _("No good practices yet."),
		       r.w - 2);
		theme_set(stdscr, TH_NORMAL);
	}
	s->cur_y = y >= 0 ? y : r.y + 3, s->cur_x = r.x;
}

static void set_filter(plist *p, int dim, const char *value, const char *label)
{
	switch (dim) {
	case DIM_NETWORK:
		p->f.network = value ? atoi(value) : 0;
		free(p->net_label);
		p->net_label = value ? strdup(label) : NULL;
		break;
	case DIM_THEME:
		free(p->theme);
		p->theme = value ? strdup(value) : NULL;
		p->f.theme = p->theme;
		break;
	case DIM_VOIVODESHIP:
		free(p->voiv);
		p->voiv = value ? strdup(value) : NULL;
		p->f.voivodeship = p->voiv;
		break;
	case DIM_TOWN:
		p->f.city_id = value ? atoll(value) : 0;
		free(p->town);
		p->town = value ? strdup(label) : NULL;
		break;
	case DIM_TAKEN_UP: /* value "any" or "mine" */
		p->f.taken_up = value != NULL;
		p->f.taken_up_in = value && strcmp(value, "mine") == 0 ? p->my_voiv : NULL;
		free(p->taken_label);
		p->taken_label = value ? strdup(label) : NULL;
		break;
	}
}

static void refilter(plist *p)
{
	load(p);
	ui_list_reset(&p->list);
}

/* How many practices the filter would show with DIM_TAKEN_UP set to value. */
static size_t count_with(plist *p, const char *value)
{
	practice_filter f = p->f;
	f.taken_up = value != NULL;
	f.taken_up_in = value && strcmp(value, "mine") == 0 ? p->my_voiv : NULL;
	practice_list l;
	error e;
	if (practice_list_get(p->c->d, p->c->me, &f, &l, &e) != ST_OK)
		return 0;
	size_t n = l.n;
	practice_list_free(&l);
	return n;
}

static const char *taken_label(bool mine)
{
	return mine ? _("by towns in my voivodeship") : _("by at least one other town");
}

static unsigned taken_chosen(ui_ctx *c, void *arg, size_t index)
{
	plist *p = arg;
	(void)c;
	set_filter(p, DIM_TAKEN_UP, index == 0 ? NULL : index == 1 ? "any" : "mine",
	           index == 0 ? NULL : taken_label(index == 2));
	refilter(p);
	return UI_R_REDRAW;
}

/* The pick of DIM_TAKEN_UP: all, any other town, towns of my voivodeship (when the
 * account has a town), each with its count. */
static unsigned open_taken(plist *p)
{
	char all[200], any[300], mine[300];
	snprintf(all, sizeof all, "%s", _("all"));
	snprintf(any, sizeof any, "%s (%zu)", taken_label(false), count_with(p, "any"));
	snprintf(mine, sizeof mine, "%s – %s (%zu)", taken_label(true),
	         p->my_voiv ? p->my_voiv : "", p->my_voiv ? count_with(p, "mine") : 0);
	const char *labels[] = { all, any, mine };
	size_t sel = !p->f.taken_up ? 0 : p->f.taken_up_in ? 2 : 1;
	char title[200];
	snprintf(title, sizeof title, _("%s: show only"), dim_name(DIM_TAKEN_UP));
	return ui_open(p->c, ui_pick_new(p->c, title, labels, p->my_voiv ? 3 : 2, sel, taken_chosen, p));
}

static unsigned value_chosen(ui_ctx *c, void *arg, size_t index)
{
	plist *p = arg;
	if (index == 0)
		set_filter(p, p->dim, NULL, NULL);
	else if (index - 1 < p->facets.n)
		set_filter(p, p->dim, p->facets.items[index - 1].value, p->facets.items[index - 1].label);
	facet_list_free(&p->facets);
	refilter(p);
	return UI_R_REDRAW;
}

static unsigned dim_chosen(ui_ctx *c, void *arg, size_t index)
{
	plist *p = arg;
	static const facet_kind kinds[] = { FACET_NETWORK, FACET_THEME, FACET_VOIVODESHIP,
	                                    FACET_CITY };
	error e;
	if (index == DIM_TAKEN_UP) {
		unsigned r = open_taken(p);
		return r == UI_R_NONE ? UI_R_REDRAW : r;
	}
	p->dim = (int)index;
	facet_list_free(&p->facets);
	if (practice_facets(c->d, c->me, &p->f, kinds[index], &p->facets, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	size_t n = p->facets.n + 1, sel = 0, all = 0;
	char **labels = calloc(n, sizeof *labels);
	if (!labels)
		return UI_R_REDRAW;
	for (size_t i = 0; i < p->facets.n; i++)
		all += p->facets.items[i].count;
	char buf[400];
	snprintf(buf, sizeof buf, _("all"));
	labels[0] = strdup(buf);
	for (size_t i = 0; i < p->facets.n; i++) {
		snprintf(buf, sizeof buf, "%s (%zu)", p->facets.items[i].label, p->facets.items[i].count);
		labels[i + 1] = strdup(buf);
		const char *cur = index == DIM_NETWORK ? p->net_label
		                  : index == DIM_THEME ? p->theme
		                  : index == DIM_VOIVODESHIP ? p->voiv
		                                             : p->town;
		if (cur && strcmp(cur, index == DIM_THEME || index == DIM_VOIVODESHIP
		                               ? p->facets.items[i].value
		                               : p->facets.items[i].label) == 0)
			sel = i + 1;
	}
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		ok = ok && labels[i];
	char title[200];
	snprintf(title, sizeof title, _("%s: show only"), dim_name((int)index));
	ui_screen *pk = ok ? ui_pick_new(c, title, (const char *const *)labels, n, sel, value_chosen, p)
	                   : NULL;
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	if (!pk)
		return UI_R_REDRAW;
	c->push = pk;
	return UI_R_PUSH;
}

static unsigned open_filter(plist *p)
{
	char items[DIM_COUNT][400];
	const char *labels[DIM_COUNT];
	for (int d = 0; d < DIM_COUNT; d++) {
		snprintf(items[d], sizeof items[d], "%s: %s", dim_name(d), dim_value(p, d));
		labels[d] = items[d];
	}
	return ui_open(p->c, ui_pick_new(p->c, _("Filter by"), labels, DIM_COUNT, 0, dim_chosen, p));
}

static const practice *selected(const plist *p)
{
	const ui_index_row *r = ui_list_selected(&p->list);
	return r && r->i < p->items.n ? &p->items.items[r->i] : NULL;
}

static unsigned plist_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	plist *p = (plist *)s;
	const practice *pr = selected(p);
	if (ui_list_nav(&p->list, cmd))
		return UI_R_REDRAW;
	switch (cmd) {
	case CMD_OPEN:
		if (!pr)
			return UI_R_NONE;
		return ui_open(c, ui_card_practice(c, pr->id));
	case CMD_FILTER: return open_filter(p);
	case CMD_CLEAR_FILTER:
		for (int d = 0; d < DIM_COUNT; d++)
			set_filter(p, d, NULL, NULL);
		refilter(p);
		break;
	case CMD_NEW_ITEM: return ui_open(c, ui_practice_editor(c, 0, p->f.city_id));
	case CMD_EDIT_ITEM:
		if (!pr)
			return UI_R_NONE;
		return ui_open(c, ui_practice_editor(c, pr->id, 0));
	case CMD_MEETINGS: return ui_open(c, ui_meetings_new(c, p->f.network, p->f.city_id));
	case CMD_NONE: return UI_R_NONE;
	default: return UI_R_UNHANDLED;
	}
	return UI_R_REDRAW;
}

static void plist_reload(ui_screen *s, ui_ctx *c)
{
	plist *p = (plist *)s;
	load(p);
	ui_list_reload(&p->list);
}

static void plist_resize(ui_screen *s, ui_ctx *c, ui_rect r)
{
	plist *p = (plist *)s;
	p->r = r;
	ui_list_set_height(&p->list, r.h - 3 > 1 ? r.h - 3 : 1);
}

static unsigned plist_pre(ui_screen *s, ui_ctx *c)
{
	plist *p = (plist *)s;
	unsigned pre = c->opt->restricted ? 0 : PRE_FREE;
	if (db_is_readonly(c->d))
		return pre;
	if (perm_can_edit_practice(c->me, NULL, c->d))
		pre |= PRE_ADD;
	const practice *pr = selected(p);
	if (pr && perm_can_edit_practice(c->me, pr, c->d))
		pre |= PRE_EDIT_ITEM;
	return pre;
}

static void plist_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	ui_crumb_add(buf, n, _("Good practices"));
}

static unsigned plist_click(ui_screen *s, ui_ctx *c, int y, int x)
{
	plist *p = (plist *)s;
	int i = y - (p->r.y + 3);
	if (i < 0 || !ui_list_select(&p->list, i))
		return UI_R_NONE;
	return UI_R_REDRAW;
}

static void plist_destroy(ui_screen *s)
{
	plist *p = (plist *)s;
	ui_list_free(&p->list);
	practice_list_free(&p->items);
	facet_list_free(&p->facets);
	free(p->ids), free(p->theme), free(p->voiv), free(p->town), free(p->net_label);
	free(p->taken_label), free(p->my_voiv);
	free(p);
}

static const ui_screen_ops plist_ops = {
	.kind = SC_PLIST, .draw = plist_draw, .key = plist_key, .resize = plist_resize,
	.reload = plist_reload, .pre = plist_pre, .crumb = plist_crumb, .click = plist_click,
	.destroy = plist_destroy,
};

ui_screen *ui_practices_new(ui_ctx *c, int number, int64_t city_id)
{
	plist *p = calloc(1, sizeof *p);
	if (!p) {
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	p->base.ops = &plist_ops;
	p->c = c;
	error e;
	if (number) {
		network n;
		if (directory_network(c->d, c->me, number, &n, &e) == ST_OK) {
			char label[300];
			snprintf(label, sizeof label, "%d %s", n.number, n.code);
			char num[16];
			snprintf(num, sizeof num, "%d", number);
			set_filter(p, DIM_NETWORK, num, label);
			network_clear(&n);
		}
	}
	if (city_id) {
		city t;
		if (directory_city_by_id(c->d, city_id, &t, &e) == ST_OK) {
			char id[32];
			snprintf(id, sizeof id, "%lld", (long long)city_id);
			set_filter(p, DIM_TOWN, id, t.name);
			city_clear(&t);
		}
	}
	if (c->me->city_id) {
		city t;
		if (directory_city_by_id(c->d, c->me->city_id, &t, &e) == ST_OK) {
			if (*t.voivodeship)
				p->my_voiv = strdup(t.voivodeship);
			city_clear(&t);
		}
	}
	ui_list_init(&p->list, &plist_source, p, 1);
	load(p);
	return &p->base;
}
