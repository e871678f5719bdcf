/* ui_meetings.c — the meetings of one network or of all: newest first, planned ones
 * marked, filtered by network, time (planned / past) and town (host or attending), the
 * filters and their counts from core (meeting_list_get, meeting_facets). The screen is
 * ui_facets.c's; this is what meetings put into it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_facets.h"
#include "ui/ui_records.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

/* The values: DIM_NETWORK the number, DIM_TIME "1" planned / "2" past, DIM_TOWN the
 * town's name. */
enum { DIM_NETWORK, DIM_TIME, DIM_TOWN, DIM_COUNT };

typedef struct {
	meeting_list items;
	meeting_counts counts;
} mlist;

static meeting_filter filter_of(ui_facet_values v)
{
	meeting_filter f = {
		.network = v[DIM_NETWORK] ? atoi(v[DIM_NETWORK]) : 0,
		.time = !v[DIM_TIME]            ? MEETING_ANY_TIME
		        : v[DIM_TIME][0] == '1' ? MEETING_PLANNED
		                                : MEETING_PAST,
		.town = v[DIM_TOWN],
	};
	return f;
}

static long ml_load(void *rec, ui_ctx *c, ui_facet_values v, error *e)
{
	mlist *l = rec;
	meeting_filter f = filter_of(v);
	meeting_list items;
	meeting_counts counts;
	if (meeting_list_get(c->d, c->me, &f, &items, &counts, e) != ST_OK)
		return -1;
	meeting_list_free(&l->items);
	l->items = items, l->counts = counts;
	return (long)items.n;
}

static int64_t ml_id(void *rec, size_t i)
{
	return ((mlist *)rec)->items.items[i].id;
}

static status ml_facets(void *rec, ui_ctx *c, ui_facet_values v, int dim, facet_list *out,
                        error *e)
{
	static const meeting_facet_kind kinds[] = { MEETING_FACET_NETWORK, MEETING_FACET_TIME,
	                                            MEETING_FACET_TOWN };
	meeting_filter f = filter_of(v);
	return meeting_facets(c->d, c->me, &f, kinds[dim], out, e);
}

static void ml_row(void *rec, size_t i, int y, int x, int width, bool selected)
{
	const meeting *m = &((mlist *)rec)->items.items[i];
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
		str_fitf(title, sizeof title, _("[planned] %s"), m->title);
	else if (!when_w)
		str_fitf(title, sizeof title, "%s — %s", when ? when : "", m->title);
	else
		str_fitf(title, sizeof title, "%s", m->title);
	ui_put(stdscr, y, cx, title, width - 1 - (cx - x));
	free(when);
}


static void ml_heading(void *rec, char *line, size_t n)
{
	const mlist *l = rec;
	char count[256];
	size_t joint = l->counts.joint, distinct = l->items.n - joint, planned = l->counts.planned;
	int co = snprintf(count, sizeof count, ngettext("%zu meeting", "%zu meetings", distinct),
	                  distinct);
	if (joint && co > 0 && (size_t)co < sizeof count)
		snprintf(count + co, sizeof count - (size_t)co,
		         ngettext("; %zu joint meeting is listed under each of its networks",
		                  "; %zu joint meetings are listed under each of their networks", joint),
		         joint);
	snprintf(line, n, ngettext("Meetings: %s, %zu planned", "Meetings: %s, %zu planned", planned),
	         count, planned);
}

static const char *ml_empty(void *rec)
{
	return ((mlist *)rec)->counts.visible ? _("No meeting matches these filters; x clears them.")
	                                      : _("No meetings recorded yet.");
}

static unsigned ml_key(void *rec, ui_ctx *c, ui_facet_values v, ui_cmd_id cmd, long sel)
{
	mlist *l = rec;
	const meeting *m = sel >= 0 ? &l->items.items[sel] : NULL;
	int net = filter_of(v).network;
	switch (cmd) {
	case CMD_OPEN: return m ? ui_open(c, ui_card_meeting(c, m->id)) : UI_R_NONE;
	case CMD_NEW_ITEM:
		return ui_open(c, ui_meeting_editor(c, 0, meeting_network_for_new(c->d, c->me, net)));
	case CMD_EDIT_ITEM: return m ? ui_open(c, ui_meeting_editor(c, m->id, 0)) : UI_R_NONE;
	case CMD_PRACTICES: return ui_open(c, ui_practices_new(c, net, 0));
	default: return UI_R_UNHANDLED;
	}
}

static unsigned ml_pre(void *rec, ui_ctx *c, ui_facet_values v, long sel)
{
	mlist *l = rec;
	unsigned pre = c->opt->restricted ? 0 : PRE_FREE;
	if (db_is_readonly(c->d))
		return pre;
	if (meeting_network_for_new(c->d, c->me, filter_of(v).network))
		pre |= PRE_ADD;
	if (sel >= 0 && perm_can_edit_meetings(c->d, c->me, l->items.items[sel].network_number))
		pre |= PRE_EDIT_ITEM;
	return pre;
}

static void ml_destroy(void *rec)
{
	mlist *l = rec;
	meeting_list_free(&l->items);
	free(l);
}

static const ui_facets_desc meetings_desc = {
	.kind = SC_MLIST, .crumb = N_("Meetings"), .ndims = DIM_COUNT,
	.dims = { N_("Network"), N_("When"), N_("Town") },
	.network_dim = DIM_NETWORK, .town_dim = DIM_TOWN,
	.load = ml_load, .id = ml_id, .facets = ml_facets, .heading = ml_heading,
	.empty = ml_empty, .row = ml_row, .key = ml_key, .pre = ml_pre, .destroy = ml_destroy,
};

ui_screen *ui_meetings_new(ui_ctx *c, int number, int64_t city_id)
{
	mlist *l = calloc(1, sizeof *l);
	if (!l) {
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	return ui_facets_new(c, &meetings_desc, l, number, city_id);
}
