/* ui_facets.c — see ui_facets.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_facets.h"
#include "ui/ui_list.h"
#include "ui/ui_pick.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

typedef struct {
	ui_screen base;
	ui_ctx *c;
	const ui_facets_desc *d;
	void *rec;
	char *value[UI_FACETS_MAX], *label[UI_FACETS_MAX]; /* the filter (NULL: any) */
	int64_t *ids;
	size_t n;
	ui_list list;
	ui_rect r;
	facet_list facets; /* the values offered by the open pick */
	int dim;           /* the dimension being picked */
} fscreen;

#define VALUES(s) ((ui_facet_values)(s)->value)

static void load(fscreen *s)
{
	error e;
	long n = s->d->load(s->rec, s->c, VALUES(s), &e);
	if (n < 0) {
		ui_status_error(s->c, &e);
		return;
	}
	int64_t *ids = malloc((n ? (size_t)n : 1) * sizeof *ids);
	if (!ids) {
		ui_status(s->c, true, "%s", _("Out of memory"));
		return;
	}
	for (long i = 0; i < n; i++)
		ids[i] = s->d->id(s->rec, (size_t)i);
	free(s->ids);
	s->ids = ids, s->n = (size_t)n;
}

static int fs_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	fscreen *s = src;
	return ui_index_page(s->ids, s->n, from, back, limit, rows);
}

static void fs_row(void *src, const void *row, int y, int x, int width, bool selected)
{
	fscreen *s = src;
	const ui_index_row *ir = row;
	if (ir->i < s->n)
		s->d->row(s->rec, ir->i, y, x, width, selected);
}

static bool fs_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	const fscreen *s = src;
	*pos = (int64_t)((const ui_index_row *)row)->i, *total = (int64_t)s->n;
	return true;
}

static const ui_list_source fs_source = {
	.page = fs_page, .free_row = ui_index_free, .same = ui_index_same, .draw = fs_row,
	.position = fs_position,
};

static const char *shown_value(const fscreen *s, int dim)
{
	return s->label[dim] ? s->label[dim] : _("all");
}

static void fs_draw(ui_screen *base, ui_ctx *c, ui_rect r)
{
	fscreen *s = (fscreen *)base;
	if (r.h != s->r.h || r.w != s->r.w) {
		s->r = r;
		ui_list_set_height(&s->list, r.h - 3 > 1 ? r.h - 3 : 1);
	}
	char line[1024];
	s->d->heading(s->rec, line, sizeof line);
	theme_set(stdscr, TH_HEADING);
	ui_put(stdscr, r.y, r.x + 1, line, r.w - 2);
	size_t o = 0;
	line[0] = '\0';
	for (int d = 0; d < s->d->ndims && o < sizeof line; d++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s%s: %s", d ? " · " : "",
		                      _(s->d->dims[d]), shown_value(s, d));
	theme_set(stdscr, TH_DIM);
	ui_put(stdscr, r.y + 1, r.x + 1, line, r.w - 2);
	theme_set(stdscr, TH_BORDER);
	theme_hline(stdscr, r.y + 2, r.x, r.w);
	theme_set(stdscr, TH_NORMAL);
	int y = ui_list_draw(&s->list, r.y + 3, r.x, r.w, true);
	char where[48];
	if (ui_list_counter(&s->list, where, sizeof where))
		ui_counter_draw(r.y + 2, r.x + r.w - 1, where);
	if (!s->n) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, r.y + 3, r.x + 1, s->d->empty(s->rec), r.w - 2);
		theme_set(stdscr, TH_NORMAL);
	}
	base->cur_y = y >= 0 ? y : r.y + 3, base->cur_x = r.x;
}

/* Set dimension dim (value NULL: any). */
static void set_value(fscreen *s, int dim, const char *value, const char *label)
{
	free(s->value[dim]), free(s->label[dim]);
	s->value[dim] = value ? strdup(value) : NULL;
	s->label[dim] = value ? strdup(label ? label : value) : NULL;
}

static void refilter(fscreen *s)
{
	load(s);
	ui_list_reset(&s->list);
}

static unsigned value_chosen(ui_ctx *c, void *arg, size_t index)
{
	fscreen *s = arg;
	(void)c;
	if (index == 0)
		set_value(s, s->dim, NULL, NULL);
	else if (index - 1 < s->facets.n)
		set_value(s, s->dim, s->facets.items[index - 1].value, s->facets.items[index - 1].label);
	facet_list_free(&s->facets);
	refilter(s);
	return UI_R_REDRAW;
}

static unsigned dim_chosen(ui_ctx *c, void *arg, size_t index)
{
	fscreen *s = arg;
	error e;
	s->dim = (int)index;
	facet_list_free(&s->facets);
	if (s->d->facets(s->rec, c, VALUES(s), s->dim, &s->facets, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	size_t n = s->facets.n + 1, sel = 0;
	char **labels = calloc(n, sizeof *labels);
	if (!labels)
		return UI_R_REDRAW;
	char buf[400];
	labels[0] = strdup(_("all"));
	for (size_t i = 0; i < s->facets.n; i++) {
		const facet *f = &s->facets.items[i];
		if (s->d->offer)
			s->d->offer(s->rec, s->dim, f, buf, sizeof buf);
		else
			str_fitf(buf, sizeof buf, "%s (%zu)", f->label, f->count);
		labels[i + 1] = strdup(buf);
		if (s->value[s->dim] && strcmp(s->value[s->dim], f->value) == 0)
			sel = i + 1;
	}
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		ok = ok && labels[i];
	char title[200];
	snprintf(title, sizeof title, _("%s: show only"), _(s->d->dims[s->dim]));
	ui_screen *pk = ok ? ui_pick_new(c, title, (const char *const *)labels, n, sel, value_chosen, s)
	                   : NULL;
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	if (!pk)
		return UI_R_REDRAW;
	c->push = pk;
	return UI_R_PUSH;
}

static unsigned open_filter(fscreen *s)
{
	char items[UI_FACETS_MAX][400];
	const char *labels[UI_FACETS_MAX];
	for (int d = 0; d < s->d->ndims; d++) {
		str_fitf(items[d], sizeof items[d], "%s: %s", _(s->d->dims[d]), shown_value(s, d));
		labels[d] = items[d];
	}
	return ui_open(s->c, ui_pick_new(s->c, _("Filter by"), labels, (size_t)s->d->ndims, 0,
	                                 dim_chosen, s));
}

static long selected(const fscreen *s)
{
	const ui_index_row *r = ui_list_selected(&s->list);
	return r && r->i < s->n ? (long)r->i : -1;
}

static unsigned fs_key(ui_screen *base, ui_ctx *c, ui_cmd_id cmd, int key)
{
	fscreen *s = (fscreen *)base;
	(void)key;
	if (ui_list_nav(&s->list, cmd))
		return UI_R_REDRAW;
	switch (cmd) {
	case CMD_FILTER: return open_filter(s);
	case CMD_CLEAR_FILTER:
		for (int d = 0; d < s->d->ndims; d++)
			set_value(s, d, NULL, NULL);
		refilter(s);
		return UI_R_REDRAW;
	case CMD_NONE: return UI_R_NONE;
	default: return s->d->key(s->rec, c, VALUES(s), cmd, selected(s));
	}
}

static void fs_reload(ui_screen *base, ui_ctx *c)
{
	fscreen *s = (fscreen *)base;
	(void)c;
	ui_trace("facets %s", s->d->crumb);
	load(s);
	ui_list_reload(&s->list);
}

/* Posts and threads changed elsewhere: nothing a faceted list shows (practices,
 * meetings, towns, their networks and links are "shared" changes, which reload every
 * screen), so nothing to load again: with hundreds of sessions on a list, each post
 * read every practice again in each of them (issue 20). */
static ui_shown fs_changed(ui_screen *base, ui_ctx *c, const change_set *cs)
{
	(void)base, (void)c, (void)cs;
	return UI_SHOWN_SAME;
}

static void fs_resize(ui_screen *base, ui_ctx *c, ui_rect r)
{
	fscreen *s = (fscreen *)base;
	(void)c;
	s->r = r;
	ui_list_set_height(&s->list, r.h - 3 > 1 ? r.h - 3 : 1);
}

static unsigned fs_pre(ui_screen *base, ui_ctx *c)
{
	fscreen *s = (fscreen *)base;
	return s->d->pre(s->rec, c, VALUES(s), selected(s));
}

static void fs_crumb(ui_screen *base, ui_ctx *c, char *buf, size_t n)
{
	(void)c;
	ui_crumb_add(buf, n, _(((fscreen *)base)->d->crumb));
}

static unsigned fs_click(ui_screen *base, ui_ctx *c, int y, int x)
{
	fscreen *s = (fscreen *)base;
	(void)c, (void)x;
	int i = y - (s->r.y + 3);
	return i >= 0 && ui_list_select(&s->list, i) ? UI_R_REDRAW : UI_R_NONE;
}

static void fs_destroy(ui_screen *base)
{
	fscreen *s = (fscreen *)base;
	ui_list_free(&s->list);
	facet_list_free(&s->facets);
	for (int d = 0; d < UI_FACETS_MAX; d++)
		free(s->value[d]), free(s->label[d]);
	free(s->ids);
	s->d->destroy(s->rec);
	free(s);
}

/* One table of operations per kind: the application tells screens apart by ops->kind. */
#define FACETS_OPS(name, k)                                                                  \
	static const ui_screen_ops name = {                                                      \
		.kind = k, .draw = fs_draw, .key = fs_key, .resize = fs_resize, .reload = fs_reload, \
		.changed = fs_changed, .pre = fs_pre, .crumb = fs_crumb, .click = fs_click,           \
		.destroy = fs_destroy,                                                               \
	}
FACETS_OPS(plist_ops, SC_PLIST);
FACETS_OPS(mlist_ops, SC_MLIST);
FACETS_OPS(tlist_ops, SC_TLIST);

/* The filter a list opens with: the network (its number, labelled "2 MIASTO
 * PRZYJAZNE") and the town, in the dimensions the kind names for them. */
static void preset(fscreen *s, int number, int64_t city_id)
{
	const ui_facets_desc *d = s->d;
	error e;
	network n;
	if (number && d->network_dim >= 0 &&
	    directory_network(s->c->d, s->c->me, number, &n, &e) == ST_OK) {
		char num[16], label[300];
		snprintf(label, sizeof label, "%d %s", n.number, n.code);
		snprintf(num, sizeof num, "%d", number);
		set_value(s, d->network_dim, num, label);
		network_clear(&n);
	}
	city t;
	if (city_id && d->town_dim >= 0 && directory_city_by_id(s->c->d, city_id, &t, &e) == ST_OK) {
		char id[32];
		snprintf(id, sizeof id, "%lld", (long long)city_id);
		set_value(s, d->town_dim, d->town_by_id ? id : t.name, t.name);
		city_clear(&t);
	}
}

ui_screen *ui_facets_new(ui_ctx *c, const ui_facets_desc *desc, void *rec, int number,
                         int64_t city_id)
{
	fscreen *s = calloc(1, sizeof *s);
	if (!s) {
		desc->destroy(rec);
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	switch (desc->kind) {
	case SC_MLIST: s->base.ops = &mlist_ops; break;
	case SC_TLIST: s->base.ops = &tlist_ops; break;
	default: s->base.ops = &plist_ops; break;
	}
	s->c = c, s->d = desc, s->rec = rec;
	preset(s, number, city_id);
	ui_list_init(&s->list, &fs_source, s, 1);
	load(s);
	return &s->base;
}
