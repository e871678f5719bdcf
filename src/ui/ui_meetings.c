/* ui_meetings.c — the meetings of one network or of all: newest first, planned ones
 * marked, filtered by network, time (planned / past) and town (host or attending). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "i18n.h"
#include "text/list.h"
#include "text/plfold.h"
#include "ui/ui_list.h"
#include "ui/ui_pick.h"
#include "ui/ui_records.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

enum { DIM_NETWORK, DIM_TIME, DIM_TOWN, DIM_COUNT };
enum { TIME_ANY, TIME_PLANNED, TIME_PAST };

typedef struct {
	ui_screen base;
	ui_ctx *c;
	int network;         /* 0: every network */
	int time;            /* TIME_* */
	char *town;          /* host or attending town; NULL: any */
	char *net_label;
	meeting_list all;    /* every visible meeting (a few hundred at most) */
	size_t *shown;       /* indexes into all of the rows shown */
	int64_t *ids;
	size_t n, planned;
	size_t joint; /* rows that repeat a joint meeting already counted (another network's) */
	ui_list list;
	ui_rect r;
	int dim;
	char **values; /* the values offered by the open pick (parallel to its rows) */
	size_t nvalues;
} mlist;

/* Whether the town hosted the meeting or is listed as attending. */
static bool with_town(const meeting *m, const char *town)
{
	if (m->host && strcmp(m->host, town) == 0)
		return true;
	size_t tl = strlen(town);
	list_iter it;
	const char *at;
	size_t len;
	list_start(&it, m->attending, ",", " ");
	while (list_next(&it, &at, &len))
		if (len == tl && strncmp(at, town, tl) == 0)
			return true;
	return false;
}

static bool passes(const mlist *l, const meeting *m, int skip_dim)
{
	if (skip_dim != DIM_NETWORK && l->network && m->network_number != l->network)
		return false;
	if (skip_dim != DIM_TIME && l->time != TIME_ANY &&
	    (meeting_is_planned(m) ? TIME_PLANNED : TIME_PAST) != l->time)
		return false;
	if (skip_dim != DIM_TOWN && l->town && !with_town(m, l->town))
		return false;
	return true;
}

static void load(mlist *l)
{
	error e;
	meeting_list all;
	if (directory_meetings(l->c->d, l->c->me, 0, 0, &all, &e) != ST_OK) {
		ui_status_error(l->c, &e);
		return;
	}
	size_t *shown = malloc((all.n ? all.n : 1) * sizeof *shown);
	int64_t *ids = malloc((all.n ? all.n : 1) * sizeof *ids);
	if (!shown || !ids) {
		free(shown), free(ids);
		meeting_list_free(&all);
		ui_status(l->c, true, "%s", _("Out of memory"));
		return;
	}
	size_t n = 0, planned = 0, joint = 0;
	for (size_t i = 0; i < all.n; i++)
		if (passes(l, &all.items[i], -1)) {
			/* A joint meeting is stored once per network (both discussions show it):
			 * counted once. The list is in date order, so its twin is just above. */
			for (size_t k = n; k-- > 0;) {
				const meeting *a = &all.items[shown[k]], *b = &all.items[i];
				if (strcmp(a->date_start, b->date_start))
					break;
				if (a->network_number != b->network_number && !strcmp(a->title, b->title) &&
				    !strcmp(a->host, b->host) && !strcmp(a->date_end, b->date_end)) {
					joint++;
					break;
				}
			}
			shown[n] = i, ids[n++] = all.items[i].id;
			planned += meeting_is_planned(&all.items[i]);
		}
	meeting_list_free(&l->all);
	free(l->shown), free(l->ids);
	l->all = all, l->shown = shown, l->ids = ids, l->n = n, l->planned = planned;
	l->joint = joint;
}

static int mlist_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	mlist *l = src;
	return ui_index_page(l->ids, l->n, from, back, limit, rows);
}

static void mlist_row(void *src, const void *row, int y, int x, int width, bool selected)
{
	mlist *l = src;
	const ui_index_row *ir = row;
	if (ir->i >= l->n)
		return;
	const meeting *m = &l->all.items[l->shown[ir->i]];
	bool planned = meeting_is_planned(m);
	char *when = meeting_when(m);
	int when_w = width >= 130 ? 40 : width >= 70 ? 24 : 0, host_w = width >= 90 ? 18 : 0, net_w = 3;
	int cx = x + 1;
	if (planned && !selected)
		theme_set(stdscr, TH_UNREAD);
	if (when_w) {
		ui_put(stdscr, y, cx, when ? when : "", when_w - 1);
		cx += when_w;
	}
	char num[16];
	snprintf(num, sizeof num, "%d", m->network_number);
	ui_put(stdscr, y, cx, num, net_w - 1);
	cx += net_w;
	if (host_w) {
		ui_put(stdscr, y, cx, m->host, host_w - 1);
		cx += host_w;
	}
	char title[700];
	if (planned)
		snprintf(title, sizeof title, _("[planned] %s"), m->title);
	else if (!when_w)
		snprintf(title, sizeof title, "%s — %s", when ? when : "", m->title);
	else
		snprintf(title, sizeof title, "%s", m->title);
	ui_put(stdscr, y, cx, title, width - 1 - (cx - x));
	free(when);
}

static bool mlist_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	const mlist *l = src;
	*pos = (int64_t)((const ui_index_row *)row)->i, *total = (int64_t)l->n;
	return true;
}

static const ui_list_source mlist_source = {
	.page = mlist_page, .free_row = ui_index_free, .same = ui_index_same, .draw = mlist_row,
	.position = mlist_position,
};

static const char *dim_name(int d)
{
	return d == DIM_NETWORK ? _("Network") : d == DIM_TIME ? _("When") : _("Town");
}

static const char *time_name(int t)
{
	return t == TIME_PLANNED ? _("planned") : t == TIME_PAST ? _("past") : _("all");
}

static const char *dim_value(const mlist *l, int d)
{
	if (d == DIM_NETWORK)
		return l->net_label ? l->net_label : _("all");
	if (d == DIM_TIME)
		return time_name(l->time);
	return l->town ? l->town : _("all");
}

static void mlist_draw(ui_screen *s, ui_ctx *c, ui_rect r)
{
	mlist *l = (mlist *)s;
	if (r.h != l->r.h || r.w != l->r.w) {
		l->r = r;
		ui_list_set_height(&l->list, r.h - 3 > 1 ? r.h - 3 : 1);
	}
	char line[1024], count[256];
	size_t distinct = l->n - l->joint;
	int co = snprintf(count, sizeof count, ngettext("%zu meeting", "%zu meetings", distinct),
	                 distinct);
	if (l->joint && co > 0 && (size_t)co < sizeof count)
		snprintf(count + co, sizeof count - (size_t)co,
		         ngettext("; %zu joint meeting is listed under each of its networks",
		                  "; %zu joint meetings are listed under each of their networks",
		                  l->joint),
		         l->joint);
	snprintf(line, sizeof line, ngettext("Meetings: %s, %zu planned", "Meetings: %s, %zu planned",
	                                     l->planned),
	         count, l->planned);
	theme_set(stdscr, TH_HEADING);
	ui_put(stdscr, r.y, r.x + 1, line, r.w - 2);
	size_t o = 0;
	line[0] = '\0';
	for (int d = 0; d < DIM_COUNT && o < sizeof line; d++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s%s: %s", d ? " · " : "",
		                      dim_name(d), dim_value(l, d));
	theme_set(stdscr, TH_DIM);
	ui_put(stdscr, r.y + 1, r.x + 1, line, r.w - 2);
	theme_set(stdscr, TH_BORDER);
	theme_hline(stdscr, r.y + 2, r.x, r.w);
	theme_set(stdscr, TH_NORMAL);
	int y = ui_list_draw(&l->list, r.y + 3, r.x, r.w, true);
	char where[48];
	if (ui_list_counter(&l->list, where, sizeof where))
		ui_counter_draw(r.y + 2, r.x + r.w - 1, where);
	if (!l->n) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, r.y + 3, r.x + 1,
		       l->all.n ? _("No meeting matches these filters; x clears them.")
		                : _("No meetings recorded yet."),
		       r.w - 2);
		theme_set(stdscr, TH_NORMAL);
	}
	s->cur_y = y >= 0 ? y : r.y + 3, s->cur_x = r.x;
}

static void free_values(mlist *l)
{
	for (size_t i = 0; i < l->nvalues; i++)
		free(l->values[i]);
	free(l->values);
	l->values = NULL, l->nvalues = 0;
}

static void refilter(mlist *l)
{
	load(l);
	ui_list_reset(&l->list);
}

static unsigned value_chosen(ui_ctx *c, void *arg, size_t index)
{
	mlist *l = arg;
	const char *v = index < l->nvalues ? l->values[index] : NULL;
	if (l->dim == DIM_NETWORK) {
		l->network = v ? atoi(v) : 0;
		free(l->net_label);
		l->net_label = NULL;
		network n;
		error e;
		if (l->network && directory_network(c->d, c->me, l->network, &n, &e) == ST_OK) {
			char label[300];
			snprintf(label, sizeof label, "%d %s", n.number, n.code);
			l->net_label = strdup(label);
			network_clear(&n);
		}
	} else if (l->dim == DIM_TIME) {
		l->time = (int)index;
	} else {
		free(l->town);
		l->town = v ? strdup(v) : NULL;
	}
	free_values(l);
	refilter(l);
	return UI_R_REDRAW;
}

/* Count the meetings each value would show, given the other filters. */
static size_t count_with(mlist *l, int dim, const char *value)
{
	size_t n = 0;
	for (size_t i = 0; i < l->all.n; i++) {
		const meeting *m = &l->all.items[i];
		if (!passes(l, m, dim))
			continue;
		if (dim == DIM_NETWORK && (!value || m->network_number == atoi(value)))
			n++;
		else if (dim == DIM_TIME &&
		         (!value || (meeting_is_planned(m) ? "1" : "2")[0] == value[0]))
			n++;
		else if (dim == DIM_TOWN && (!value || with_town(m, value)))
			n++;
	}
	return n;
}

static bool add_value(mlist *l, char ***labels, size_t *cap, const char *label, const char *value)
{
	if (l->nvalues == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		char **a = realloc(l->values, nc * sizeof *a), **b = realloc(*labels, nc * sizeof *b);
		if (a)
			l->values = a;
		if (b)
			*labels = b;
		if (!a || !b)
			return false;
		*cap = nc;
	}
	(*labels)[l->nvalues] = strdup(label);
	l->values[l->nvalues] = value ? strdup(value) : NULL;
	l->nvalues++;
	return true;
}

/* Offer each town of a ", " joined list not offered yet. */
static bool offer_towns(mlist *l, char ***labels, size_t *cap, const char *list)
{
	list_iter it;
	const char *at;
	size_t len;
	bool ok = true;
	list_start(&it, list, ",", " ");
	while (ok && list_next(&it, &at, &len)) {
		char *name = strndup(at, len);
		if (!name)
			return false;
		bool dup = false;
		for (size_t k = 1; !dup && k < l->nvalues; k++)
			dup = strcmp(l->values[k], name) == 0;
		if (!dup)
			ok = add_value(l, labels, cap, name, name);
		free(name);
	}
	return ok;
}

static unsigned dim_chosen(ui_ctx *c, void *arg, size_t index)
{
	mlist *l = arg;
	l->dim = (int)index;
	free_values(l);
	char **labels = NULL, buf[400];
	size_t cap = 0, sel = 0;
	bool ok = add_value(l, &labels, &cap, _("all"), NULL);
	if (index == DIM_NETWORK) {
		network_list nl;
		error e;
		if (ok && directory_networks(c->d, c->me, &nl, &e) == ST_OK) {
			for (size_t i = 0; ok && i < nl.n; i++) {
				char v[16];
				snprintf(v, sizeof v, "%d", nl.items[i].number);
				size_t k = count_with(l, DIM_NETWORK, v);
				if (!k)
					continue;
				snprintf(buf, sizeof buf, "%d %s (%zu)", nl.items[i].number, nl.items[i].code, k);
				if (nl.items[i].number == l->network)
					sel = l->nvalues;
				ok = add_value(l, &labels, &cap, buf, v);
			}
			network_list_free(&nl);
		}
	} else if (index == DIM_TIME) {
		static const char *const codes[] = { "1", "2" };
		for (int t = TIME_PLANNED; ok && t <= TIME_PAST; t++) {
			snprintf(buf, sizeof buf, "%s (%zu)", time_name(t),
			         count_with(l, DIM_TIME, codes[t - 1]));
			ok = add_value(l, &labels, &cap, buf, codes[t - 1]);
		}
		sel = (size_t)l->time;
	} else {
		/* Towns: hosts and attending towns of the meetings the other filters leave. */
		for (size_t i = 0; ok && i < l->all.n; i++) {
			const meeting *m = &l->all.items[i];
			if (!passes(l, m, DIM_TOWN))
				continue;
			ok = offer_towns(l, &labels, &cap, m->host) &&
			     offer_towns(l, &labels, &cap, m->attending);
		}
		/* Polish order, and a count beside each. */
		for (size_t i = 1; ok && i < l->nvalues; i++)
			for (size_t j = i + 1; j < l->nvalues; j++)
				if (pl_collate(l->values[j], strlen(l->values[j]), l->values[i],
				               strlen(l->values[i])) < 0) {
					char *t = l->values[i];
					l->values[i] = l->values[j], l->values[j] = t;
				}
		for (size_t i = 1; ok && i < l->nvalues; i++) {
			snprintf(buf, sizeof buf, "%s (%zu)", l->values[i],
			         count_with(l, DIM_TOWN, l->values[i]));
			free(labels[i]);
			labels[i] = strdup(buf);
			if (l->town && strcmp(l->town, l->values[i]) == 0)
				sel = i;
		}
	}
	for (size_t i = 0; ok && i < l->nvalues; i++)
		ok = labels[i] != NULL;
	char title[200];
	snprintf(title, sizeof title, _("%s: show only"), dim_name((int)index));
	ui_screen *pk = ok ? ui_pick_new(c, title, (const char *const *)labels, l->nvalues, sel,
	                                 value_chosen, l)
	                   : NULL;
	for (size_t i = 0; i < l->nvalues; i++)
		free(labels ? labels[i] : NULL);
	free(labels);
	if (!pk)
		return UI_R_REDRAW;
	c->push = pk;
	return UI_R_PUSH;
}

static unsigned open_filter(mlist *l)
{
	char items[DIM_COUNT][400];
	const char *labels[DIM_COUNT];
	for (int d = 0; d < DIM_COUNT; d++) {
		snprintf(items[d], sizeof items[d], "%s: %s", dim_name(d), dim_value(l, d));
		labels[d] = items[d];
	}
	return ui_open(l->c, ui_pick_new(l->c, _("Filter by"), labels, DIM_COUNT, 0, dim_chosen, l));
}

static const meeting *selected(const mlist *l)
{
	const ui_index_row *r = ui_list_selected(&l->list);
	return r && r->i < l->n ? &l->all.items[l->shown[r->i]] : NULL;
}

static unsigned mlist_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	mlist *l = (mlist *)s;
	const meeting *m = selected(l);
	if (ui_list_nav(&l->list, cmd))
		return UI_R_REDRAW;
	switch (cmd) {
	case CMD_OPEN: return m ? ui_open(c, ui_card_meeting(c, m->id)) : UI_R_NONE;
	case CMD_FILTER: return open_filter(l);
	case CMD_CLEAR_FILTER:
		l->network = 0, l->time = TIME_ANY;
		free(l->town), free(l->net_label);
		l->town = l->net_label = NULL;
		refilter(l);
		break;
	case CMD_NEW_ITEM:
		return ui_open(c, ui_meeting_editor(c, 0, meeting_network_for_new(c->d, c->me,
		                                                                  l->network)));
	case CMD_EDIT_ITEM: return m ? ui_open(c, ui_meeting_editor(c, m->id, 0)) : UI_R_NONE;
	case CMD_PRACTICES: return ui_open(c, ui_practices_new(c, l->network, 0));
	case CMD_NONE: return UI_R_NONE;
	default: return UI_R_UNHANDLED;
	}
	return UI_R_REDRAW;
}

static void mlist_reload(ui_screen *s, ui_ctx *c)
{
	mlist *l = (mlist *)s;
	load(l);
	ui_list_reload(&l->list);
}

static void mlist_resize(ui_screen *s, ui_ctx *c, ui_rect r)
{
	mlist *l = (mlist *)s;
	l->r = r;
	ui_list_set_height(&l->list, r.h - 3 > 1 ? r.h - 3 : 1);
}

static unsigned mlist_pre(ui_screen *s, ui_ctx *c)
{
	mlist *l = (mlist *)s;
	unsigned pre = c->opt->restricted ? 0 : PRE_FREE;
	if (db_is_readonly(c->d))
		return pre;
	if (meeting_network_for_new(c->d, c->me, l->network))
		pre |= PRE_ADD;
	const meeting *m = selected(l);
	if (m && perm_can_edit_meetings(c->d, c->me, m->network_number))
		pre |= PRE_EDIT_ITEM;
	return pre;
}

static void mlist_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	ui_crumb_add(buf, n, _("Meetings"));
}

static unsigned mlist_click(ui_screen *s, ui_ctx *c, int y, int x)
{
	mlist *l = (mlist *)s;
	int i = y - (l->r.y + 3);
	return i >= 0 && ui_list_select(&l->list, i) ? UI_R_REDRAW : UI_R_NONE;
}

static void mlist_destroy(ui_screen *s)
{
	mlist *l = (mlist *)s;
	ui_list_free(&l->list);
	meeting_list_free(&l->all);
	free_values(l);
	free(l->shown), free(l->ids), free(l->town), free(l->net_label);
	free(l);
}

static const ui_screen_ops mlist_ops = {
	.kind = SC_MLIST, .draw = mlist_draw, .key = mlist_key, .resize = mlist_resize,
	.reload = mlist_reload, .pre = mlist_pre, .crumb = mlist_crumb, .click = mlist_click,
	.destroy = mlist_destroy,
};

ui_screen *ui_meetings_new(ui_ctx *c, int number, int64_t city_id)
{
	mlist *l = calloc(1, sizeof *l);
	if (!l) {
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	l->base.ops = &mlist_ops;
	l->c = c;
	error e;
	if (number) {
		network n;
		if (directory_network(c->d, c->me, number, &n, &e) == ST_OK) {
			char label[300];
			snprintf(label, sizeof label, "%d %s", n.number, n.code);
			l->network = number;
			l->net_label = strdup(label);
			network_clear(&n);
		}
	}
	if (city_id) {
		city t;
		if (directory_city_by_id(c->d, city_id, &t, &e) == ST_OK) {
			l->town = strdup(t.name);
			city_clear(&t);
		}
	}
	ui_list_init(&l->list, &mlist_source, l, 1);
	load(l);
	return &l->base;
}
