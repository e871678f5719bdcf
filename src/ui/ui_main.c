/* ui_main.c — the main screen: Sieci → Miasta → Wątki. Moving in one panel updates
 * the next; the layout follows the width (three panels, two, or one at a time). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "core/directory.h"
#include "core/forum.h"
#include "core/search.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_editor.h"
#include "ui/ui_list.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

enum { P_NETS, P_TOWNS, P_THREADS, P_COUNT };

typedef struct {
	int64_t id;
	int number, unread_len, thread_count;
	bool leaders_only;
	int64_t unread;
	size_t index, total; /* its place among the networks shown */
	char *code;
} net_row;

typedef struct {
	int64_t id;
	size_t offset;
	char *name, *voivodeship;
} town_row;

typedef struct {
	ui_screen base;
	ui_ctx *c;
	ui_list lists[P_COUNT];
	int focus, right; /* right: the panel the two-panel layout shows beside Sieci */
	int net_number;
	int64_t net_id;
	bool leaders_only;
	char net_code[256];
	size_t town_total;
	int64_t net_threads; /* threads in the selected network */
	ui_rect r, panel[P_COUNT];
	bool shown[P_COUNT];
	/* The thread list sorted other than by activity, or limited to a pattern: the
	 * whole (limited) list of the network, in the order asked (view.n rows). */
	thread_sort sort;
	char limit[SEARCH_TEXT_MAX * 4 + 1];
	thread_list view;
	bool limiting;  /* the status line asks for the pattern */
	ed_buf pattern; /* what is being typed there */
	unsigned stale; /* 1 << panel: changed by others since it was last drawn */
} main_screen;

static bool view_on(const main_screen *m)
{
	return m->sort != TSORT_ACTIVITY || m->limit[0];
}

/* ---- data sources ---- */

static void net_free(void *row)
{
	net_row *n = row;
	free(n->code);
	free(n);
}

static int net_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	main_screen *m = src;
	network_list l;
	error e;
	if (directory_networks(m->c->d, m->c->me, &l, &e) != ST_OK) {
		ui_status_error(m->c, &e);
		return -1;
	}
	/* At most a few dozen networks: the window is cut from the one small list. */
	size_t start = 0, end = l.n;
	if (from) {
		int num = ((const net_row *)from)->number;
		size_t i = 0;
		while (i < l.n && l.items[i].number < num)
			i++;
		if (back)
			end = i;
		else
			start = i < l.n && l.items[i].number == num ? i + 1 : i;
	}
	if (end - start > limit) {
		if (back)
			start = end - limit;
		else
			end = start + limit;
	}
	int got = 0;
	for (size_t i = start; i < end; i++) {
		net_row *r = calloc(1, sizeof *r);
		if (!r)
			break;
		r->id = l.items[i].id, r->number = l.items[i].number;
		r->thread_count = l.items[i].thread_count;
		r->index = i, r->total = l.n;
		r->unread = l.items[i].unread, r->leaders_only = l.items[i].leaders_only;
		r->code = strdup(l.items[i].code ? l.items[i].code : "");
		rows[got++] = r;
	}
	network_list_free(&l);
	return got;
}

static bool net_same(const void *a, const void *b)
{
	return ((const net_row *)a)->id == ((const net_row *)b)->id;
}

/* "text ....... right" in width columns; right in the unread colour when asked. */
static void row_text(int y, int x, int width, const char *left, const char *right,
                     bool selected, bool strong)
{
	int rw = right && *right ? ui_width(right) + 1 : 0;
	if (rw > width / 2)
		rw = 0;
	if (strong && !selected)
		theme_set(stdscr, TH_UNREAD);
	else if (strong)
		attron(A_BOLD);
	ui_put(stdscr, y, x + 1, left, width - 2 - rw);
	if (rw)
		ui_put(stdscr, y, x + width - rw, right, rw);
}

static bool net_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	const net_row *n = row;
	*pos = (int64_t)n->index, *total = (int64_t)n->total;
	return true;
}

static bool town_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	const main_screen *m = src;
	*pos = (int64_t)((const town_row *)row)->offset, *total = (int64_t)m->town_total;
	return true;
}

static void net_draw(void *src, const void *row, int y, int x, int width, bool selected)
{
	const net_row *n = row;
	char left[300], right[32] = "";
	snprintf(left, sizeof left, "%d %s", n->number, n->code);
	if (n->unread)
		snprintf(right, sizeof right, "%lld", (long long)n->unread);
	row_text(y, x, width, left, right, selected, n->unread > 0);
}

static void town_free(void *row)
{
	town_row *t = row;
	free(t->name), free(t->voivodeship), free(t);
}

static int town_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	main_screen *m = src;
	city_list l;
	error e;
	size_t offset = 0, total = 0;
	if (!m->net_number)
		return 0;
	if (from) {
		size_t at = ((const town_row *)from)->offset;
		offset = back ? (at > limit ? at - limit : 0) : at + 1;
		if (back)
			limit = at - offset;
	} else if (back) {
		if (directory_cities(m->c->d, m->c->me, m->net_number, 0, 0, &l, &total, &e) != ST_OK)
			return -1;
		city_list_free(&l);
		offset = total > limit ? total - limit : 0;
	}
	if (!limit)
		return 0;
	if (directory_cities(m->c->d, m->c->me, m->net_number, offset, limit, &l, &total, &e) != ST_OK) {
		ui_status_error(m->c, &e);
		return -1;
	}
	m->town_total = total;
	int got = 0;
	for (size_t i = 0; i < l.n; i++) {
		town_row *t = calloc(1, sizeof *t);
		if (!t)
			break;
		t->id = l.items[i].id, t->offset = offset + i;
		t->name = strdup(l.items[i].name);
		t->voivodeship = strdup(l.items[i].voivodeship ? l.items[i].voivodeship : "");
		rows[got++] = t;
	}
	city_list_free(&l);
	return got;
}

static bool town_same(const void *a, const void *b)
{
	return ((const town_row *)a)->id == ((const town_row *)b)->id;
}

static void town_draw(void *src, const void *row, int y, int x, int width, bool selected)
{
	const town_row *t = row;
	row_text(y, x, width, t->name, width >= 36 ? t->voivodeship : NULL, selected, false);
}

static void thread_free(void *row)
{
	thread_clear(row);
	free(row);
}

/* A deep copy of a thread row (NULL when memory runs out). */
static thread *thread_dup(const thread *t)
{
	thread *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	*c = *t;
	c->title = strdup(t->title), c->author = strdup(t->author);
	c->created_at = strdup(t->created_at), c->last_post_at = strdup(t->last_post_at);
	c->date_text = t->date_text ? strdup(t->date_text) : NULL;
	if (!c->title || !c->author || !c->created_at || !c->last_post_at ||
	    (t->date_text && !c->date_text)) {
		thread_clear(c);
		free(c);
		return NULL;
	}
	return c;
}

/* The index of thread id in the view, or view.n. */
static size_t view_index(const main_screen *m, int64_t id)
{
	for (size_t i = 0; i < m->view.n; i++)
		if (m->view.items[i].id == id)
			return i;
	return m->view.n;
}

/* A page cut from the sorted or limited view. */
static int view_page(main_screen *m, const void *from, bool back, size_t limit, void **rows)
{
	size_t start = 0, end = m->view.n;
	if (from) {
		size_t at = view_index(m, ((const thread *)from)->id);
		if (at == m->view.n)
			return 0;
		if (back)
			end = at;
		else
			start = at + 1;
	}
	if (end - start > limit) {
		if (back)
			start = end - limit;
		else
			end = start + limit;
	}
	int got = 0;
	for (size_t i = start; i < end; i++) {
		thread *t = thread_dup(&m->view.items[i]);
		if (!t)
			break;
		rows[got++] = t;
	}
	return got;
}

static int thread_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	main_screen *m = src;
	thread_list l;
	thread_key k;
	error e;
	if (!m->net_id)
		return 0;
	if (view_on(m))
		return view_page(m, from, back, limit, rows);
	if (from)
		thread_key_of(from, &k);
	if (forum_threads_page(m->c->d, m->c->me, m->net_id, from ? &k : NULL, back, limit, &l,
	                       &e) != ST_OK) {
		ui_status_error(m->c, &e);
		return -1;
	}
	int got = 0;
	for (size_t i = 0; i < l.n; i++) {
		thread *t = malloc(sizeof *t);
		if (!t) {
			thread_clear(&l.items[i]);
			continue;
		}
		*t = l.items[i]; /* the row takes over the strings */
		rows[got++] = t;
	}
	free(l.items);
	return got;
}

static bool thread_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	main_screen *m = src;
	const thread *t = row;
	if (view_on(m)) {
		*pos = (int64_t)view_index(m, t->id), *total = (int64_t)m->view.n;
		return *pos < *total;
	}
	thread_key k;
	thread_key_of(t, &k);
	*pos = forum_thread_position(m->c->d, m->net_id, &k);
	*total = m->net_threads > *pos ? m->net_threads : *pos + 1;
	return true;
}

static bool thread_same(const void *a, const void *b)
{
	return ((const thread *)a)->id == ((const thread *)b)->id;
}

/* The thread title without the network's name where it follows "sieci"/"sieć": the
 * panel's heading names the network, and meeting threads of one network all start
 * "Spotkanie sieci Miasto Dostępne i Sprawiedliwe …", which hid what tells them apart.
 * "Drugie spotkanie sieci w Zabrzu" reads naturally. The name matches the code's start
 * ("Zasoby Kadrowe" in "ZASOBY KADROWE/LUDZKIE W MIASTACH") whatever the letter case;
 * a title naming two networks ("… sieci A i B …") is kept whole. */
static char *title_without_network(const char *title, const char *code)
{
	size_t n = 0, cn = 0;
	wchar_t *t = ui_utf8_to_wcs(title, &n), *c = ui_utf8_to_wcs(code, &cn);
	char *out = NULL;
	if (!t || !c)
		goto done;
	for (size_t i = 0; i < n; i++) {
		size_t word = 0;
		if (i + 6 <= n && !wcsncasecmp(t + i, L"sieci ", 6))
			word = 5;
		else if (i + 5 <= n && !wcsncasecmp(t + i, L"sieć ", 5))
			word = 4;
		if (!word || (i > 0 && t[i - 1] != L' '))
			continue;
		size_t from = i + word + 1, k = 0;
		while (from + k < n && k < cn && towupper((wint_t)t[from + k]) == towupper((wint_t)c[k]))
			k++;
		bool title_ends = from + k == n || t[from + k] == L' ' || t[from + k] == L':';
		bool code_ends = k == cn || c[k] == L' ' || c[k] == L'/';
		if (k < 4 || !title_ends || !code_ends)
			continue;
		if (from + k + 3 <= n && !wcsncmp(t + from + k, L" i ", 3))
			break; /* two networks named */
		/* Keep "sieci", drop " Name". */
		wmemmove(t + i + word, t + from + k, n - from - k + 1);
		n -= from + k - (i + word);
		break;
	}
	out = ui_wcs_to_utf8(t, n);
done:
	free(t), free(c);
	return out;
}

static void thread_draw(void *src, const void *row, int y, int x, int width, bool selected)
{
	const main_screen *m = src;
	const thread *t = row;
	char left[700], right[64] = "", date[64];
	/* A placeholder time shows what is known of the date (cut to the column, never
	 * an invented day). */
	if (t->date_text)
		snprintf(date, sizeof date, "%s", t->date_text);
	else /* the day: the column is ten wide ("2026-03-0…" lost it); the reader has the time */
		snprintf(date, sizeof date, "%.10s", t->last_post_at);
	const char *mark = t->pinned ? _("[pinned] ")
	                   : t->locked ? _("[locked] ")
	                   : t->request == 1 ? _("[request] ")
	                   : t->request == 2 ? _("[solved] ")
	                                     : "";
	char *title = title_without_network(t->title, m->net_code);
	const char *shown = title ? title : t->title;
	if (width >= 50) {
		/* Ten columns of date, cut by columns (not bytes: "7–8 września"). */
		int dw = ui_width(date);
		char cut[64];
		if (dw > 10) {
			size_t dn = 0;
			wchar_t *wd = ui_utf8_to_wcs(date, &dn);
			size_t fit = wd ? ui_wcs_fit(wd, dn, 9) : 0;
			char *u = wd ? ui_wcs_to_utf8(wd, fit) : NULL;
			snprintf(cut, sizeof cut, "%s…", u ? u : "");
			free(u), free(wd);
			dw = 10;
		} else {
			snprintf(cut, sizeof cut, "%s", date);
		}
		snprintf(left, sizeof left, "%s%*s  %s%s", cut, 10 - dw, "", mark, shown);
	} else {
		snprintf(left, sizeof left, "%s%s", mark, shown);
	}
	free(title);
	if (t->unread)
		snprintf(right, sizeof right, "[%lld]", (long long)t->unread);
	row_text(y, x, width, left, right, selected, t->unread > 0);
}

static const ui_list_source sources[P_COUNT] = {
	{ net_page, net_free, net_same, net_draw, net_position },
	{ town_page, town_free, town_same, town_draw, town_position },
	{ thread_page, thread_free, thread_same, thread_draw, thread_position },
};

/* ---- state ---- */

/* Load the sorted or limited list of the selected network again (nothing to load when
 * the list is in its own order, paged from the store). */
static void refresh_view(main_screen *m)
{
	thread_list_free(&m->view);
	if (!view_on(m) || !m->net_id)
		return;
	error e;
	if (forum_threads_view(m->c->d, m->c->me, m->net_id, m->sort, &m->view, &e) != ST_OK ||
	    search_keep_titled(m->c->d, m->limit, &m->view, &e) != ST_OK)
		ui_status_error(m->c, &e);
}

/* The network under the cursor decides what the other panels show. */
static void follow_network(main_screen *m, bool force)
{
	const net_row *n = ui_list_selected(&m->lists[P_NETS]);
	int number = n ? n->number : 0;
	if (!force && number == m->net_number)
		return;
	m->net_number = number;
	m->net_id = n ? n->id : 0;
	m->leaders_only = n && n->leaders_only;
	m->net_threads = n ? n->thread_count : 0;
	snprintf(m->net_code, sizeof m->net_code, "%s", n ? n->code : "");
	refresh_view(m);
	ui_list_reset(&m->lists[P_TOWNS]);
	ui_list_reset(&m->lists[P_THREADS]);
}

static void layout(main_screen *m, ui_rect r)
{
	m->r = r;
	for (int i = 0; i < P_COUNT; i++)
		m->shown[i] = false;
	if (m->focus != P_NETS)
		m->right = m->focus;
	if (r.w >= 120) {
		int a = r.w * 28 / 100, b = r.w * 20 / 100;
		m->panel[P_NETS] = (ui_rect){ r.y, r.x, r.h, a };
		m->panel[P_TOWNS] = (ui_rect){ r.y, r.x + a, r.h, b };
		m->panel[P_THREADS] = (ui_rect){ r.y, r.x + a + b, r.h, r.w - a - b };
		m->shown[0] = m->shown[1] = m->shown[2] = true;
	} else if (r.w >= 80) {
		int a = r.w * 36 / 100;
		m->panel[P_NETS] = (ui_rect){ r.y, r.x, r.h, a };
		m->panel[m->right] = (ui_rect){ r.y, r.x + a, r.h, r.w - a };
		m->shown[P_NETS] = m->shown[m->right] = true;
	} else {
		m->panel[m->focus] = r;
		m->shown[m->focus] = true;
	}
	/* Lists keep the height of the tallest panel, so hidden ones are ready. */
	for (int i = 0; i < P_COUNT; i++)
		ui_list_set_height(&m->lists[i], r.h - 2 > 1 ? r.h - 2 : 1);
}

static const char *panel_name(int p)
{
	static const char *const names[P_COUNT] = { N_("Networks"), N_("Towns"), N_("Threads") };
	return _(names[p]);
}

static void draw_box(ui_rect p, bool focused, const char *title)
{
	theme_set(stdscr, focused ? TH_BORDER_FOCUS : TH_BORDER);
	theme_box(stdscr, p.y, p.x, p.h, p.w);
	if (focused)
		theme_set(stdscr, TH_HEADING_FOCUS);
	char t[320];
	snprintf(t, sizeof t, " %s ", title);
	ui_put(stdscr, p.y, p.x + 2, t, p.w - 4);
	theme_set(stdscr, TH_NORMAL);
}

static const char *sort_name(thread_sort s)
{
	static const char *const names[TSORT__COUNT] = {
		[TSORT_ACTIVITY] = N_("by activity"), [TSORT_CREATED] = N_("by creation"),
		[TSORT_TITLE] = N_("by title"), [TSORT_UNREAD] = N_("unread first"),
	};
	return _(names[s]);
}

/* "Threads · 1", and the order and the limit when they are not the usual. */
static void thread_title(const main_screen *m, char *buf, size_t n)
{
	int o = snprintf(buf, n, "%s · %d", panel_name(P_THREADS), m->net_number);
	if (m->sort != TSORT_ACTIVITY && o > 0 && (size_t)o < n)
		o += snprintf(buf + o, n - (size_t)o, " · %s", sort_name(m->sort));
	if (m->limit[0] && o > 0 && (size_t)o < n)
		str_fitf(buf + o, n - (size_t)o, _(" · only \"%s\""), m->limit);
}

static void draw_panel(main_screen *m, int i)
{
	ui_rect p = m->panel[i];
	char title[300];
	if (i == P_TOWNS && m->net_number)
		snprintf(title, sizeof title, "%s (%zu)", panel_name(i), m->town_total);
	else if (i == P_THREADS && m->net_number)
		thread_title(m, title, sizeof title);
	else
		snprintf(title, sizeof title, "%s", panel_name(i));
	draw_box(p, i == m->focus, title);
	int y = ui_list_draw(&m->lists[i], p.y + 1, p.x + 1, p.w - 2, i == m->focus);
	if (!m->lists[i].n) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, p.y + 1, p.x + 2,
		       i == P_THREADS && m->limit[0] ? _("No title matches; F and an empty line: "
		                                         "all.")
		       : i == P_THREADS ? _("No threads yet.") : _("Nothing here."), p.w - 4);
		theme_set(stdscr, TH_NORMAL);
	}
	char where[48];
	if (ui_list_counter(&m->lists[i], where, sizeof where))
		ui_counter_draw(p.y + p.h - 1, p.x + p.w - 2, where);
	if (i == m->focus) {
		m->base.cur_y = y >= 0 ? y : p.y + 1;
		m->base.cur_x = p.x + 1;
	}
}

static void main_draw(ui_screen *s, ui_ctx *c, ui_rect r)
{
	main_screen *m = (main_screen *)s;
	(void)c;
	if (r.w != m->r.w || r.h != m->r.h)
		layout(m, r);
	for (int i = 0; i < P_COUNT; i++)
		if (m->shown[i])
			draw_panel(m, i);
	m->stale = 0;
}

/* After a post elsewhere: the panels whose rows changed (the networks' unread counts,
 * the thread list of the network shown), each blanked and drawn again; the towns and
 * the rest of the screen stay as they are. */
static void main_draw_parts(ui_screen *s, ui_ctx *c)
{
	main_screen *m = (main_screen *)s;
	(void)c;
	for (int i = 0; i < P_COUNT; i++) {
		if (!m->shown[i] || !(m->stale & 1u << i))
			continue;
		ui_rect p = m->panel[i];
		/* Blank as erase() does: the window's background, not the theme's "normal". */
		wattrset(stdscr, A_NORMAL);
		for (int y = p.y; y < p.y + p.h; y++)
			ui_fill(stdscr, y, p.x, p.w);
		draw_panel(m, i);
	}
	m->stale = 0;
}

static void main_resize(ui_screen *s, ui_ctx *c, ui_rect r)
{
	layout((main_screen *)s, r);
}

static void set_focus(main_screen *m, int f)
{
	m->focus = f;
	layout(m, m->r);
}

static void jump_to(main_screen *m, int number)
{
	ui_list *l = &m->lists[P_NETS];
	ui_list_home(l);
	for (;;) {
		const net_row *n = ui_list_selected(l);
		if (!n || n->number == number || !ui_list_move(l, 1))
			break;
	}
	const net_row *n = ui_list_selected(l);
	if (!n || n->number != number) {
		ui_status(m->c, true, _("There is no network %d you can see."), number);
		ui_list_home(l);
	}
	follow_network(m, false);
}

static unsigned open_selected(main_screen *m, ui_ctx *c)
{
	const void *row = ui_list_selected(&m->lists[m->focus]);
	if (!row)
		return UI_R_REDRAW;
	switch (m->focus) {
	case P_NETS: return ui_open(c, ui_card_network(c, ((const net_row *)row)->number));
	case P_TOWNS: return ui_open(c, ui_card_city(c, ((const town_row *)row)->id));
	default: return ui_open(c, ui_reader_new(c, ((const thread *)row)->id, 0));
	}
}

static unsigned next_unread(main_screen *m, ui_ctx *c)
{
	const thread *t = ui_list_selected(&m->lists[P_THREADS]);
	thread_key k;
	int64_t id = 0;
	error e;
	if (t)
		thread_key_of(t, &k);
	if (forum_next_unread(c->d, c->me, m->net_id, t ? &k : NULL, &id, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	if (!id) {
		ui_status(c, false, "%s", _("No unread posts."));
		return UI_R_REDRAW;
	}
	return ui_open(c, ui_reader_new(c, id, 0));
}

/* ---- sorting and limiting the thread list ---- */

/* The list in its new order or limit, the selected thread kept when still there. */
static void apply_view(main_screen *m)
{
	refresh_view(m);
	ui_list_reload(&m->lists[P_THREADS]);
	if (!ui_list_selected(&m->lists[P_THREADS]))
		ui_list_reset(&m->lists[P_THREADS]);
}

static void set_pattern_prompt(main_screen *m)
{
	const char *q = _("Limit to titles with (empty: all; Esc: cancel): ");
	const ed_line *l = &m->pattern.lines[0];
	int room = COLS - 3 - ui_width(q);
	size_t start = 0;
	while (start < l->len && room > 2 && ui_wcs_cols(l->s + start, l->len - start) > room)
		start++;
	char *typed = ui_wcs_to_utf8(l->s + start, l->len - start);
	str_fitf(m->c->prompt, sizeof m->c->prompt, "%s%s%s", q, start ? "…" : "",
	         typed ? typed : "");
	free(typed);
}

static unsigned start_limit(main_screen *m)
{
	ed_free(&m->pattern);
	if (!ed_init(&m->pattern, m->limit)) {
		ui_status(m->c, true, "%s", _("Out of memory"));
		return UI_R_REDRAW;
	}
	m->pattern.cx = m->pattern.lines[0].len;
	m->limiting = true;
	set_pattern_prompt(m);
	return UI_R_REDRAW;
}

static unsigned limit_key(main_screen *m, ui_ctx *c, int key)
{
	switch (key) {
	case '\n': case '\r': case UI_KFN | KEY_ENTER: {
		char *text = ed_text(&m->pattern);
		m->limiting = false;
		c->prompt[0] = '\0';
		if (!text) {
			ui_status(c, true, "%s", _("Out of memory"));
			return UI_R_REDRAW;
		}
		/* Trimmed: a pattern of spaces is no limit. */
		char *t = text + strspn(text, " \t");
		size_t len = strlen(t);
		while (len && (t[len - 1] == ' ' || t[len - 1] == '\t'))
			t[--len] = '\0';
		snprintf(m->limit, sizeof m->limit, "%s", t);
		free(text);
		if (m->focus != P_THREADS)
			set_focus(m, P_THREADS);
		apply_view(m);
		if (m->limit[0])
			ui_status(c, false, ngettext("%zu thread has a title with \"%s\".",
			                             "%zu threads have a title with \"%s\".", m->view.n),
			          m->view.n, m->limit);
		else
			ui_status(c, false, "%s", _("All threads are shown again."));
		return UI_R_REDRAW;
	}
	case K_ESC: case K_CTRL('c'): case K_CTRL('g'):
		m->limiting = false;
		c->prompt[0] = '\0';
		ui_status(c, false, "%s", _("Cancelled; the list is as it was."));
		return UI_R_REDRAW;
	case UI_KFN | KEY_BACKSPACE: case 127: case 8:
		ed_backspace(&m->pattern);
		break;
	case UI_KFN | KEY_LEFT:
		if (m->pattern.cx)
			m->pattern.cx--;
		break;
	case UI_KFN | KEY_RIGHT:
		if (m->pattern.cx < m->pattern.lines[0].len)
			m->pattern.cx++;
		break;
	default:
		if ((key & UI_KFN) || key < 32 || key == 127 ||
		    (key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069))
			break; /* not text: the question stays */
		if (m->pattern.lines[0].len >= SEARCH_TEXT_MAX)
			ui_status(c, true, ngettext("A pattern holds at most %d character.",
			                            "A pattern holds at most %d characters.",
			                            SEARCH_TEXT_MAX), SEARCH_TEXT_MAX);
		else
			ed_insert(&m->pattern, (wchar_t)key);
		break;
	}
	set_pattern_prompt(m);
	return UI_R_REDRAW;
}

static unsigned next_sort(main_screen *m, ui_ctx *c)
{
	m->sort = (thread_sort)((m->sort + 1) % TSORT__COUNT);
	if (m->focus != P_THREADS)
		set_focus(m, P_THREADS);
	apply_view(m);
	ui_status(c, false, _("Threads sorted %s (o: the next order)."), sort_name(m->sort));
	return UI_R_REDRAW;
}

static unsigned main_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	main_screen *m = (main_screen *)s;
	if (m->limiting)
		return limit_key(m, c, key);
	ui_list *l = &m->lists[m->focus];
	int page = l->height > 1 ? l->height - 1 : 1;
	switch (cmd) {
	/* The selected network's practices and meetings; x there shows all networks. */
	case CMD_PRACTICES: return ui_open(c, ui_practices_new(c, m->net_number, 0));
	case CMD_MEETINGS: return ui_open(c, ui_meetings_new(c, m->net_number, 0));
	case CMD_TOWNS: return ui_open(c, ui_towns_new(c, 0));
	case CMD_REPORT: return ui_open(c, ui_report_new(c, m->net_number));
	case CMD_REQUESTS: return ui_open(c, ui_card_requests(c));
	case CMD_UP: ui_list_move(l, -1); break;
	case CMD_DOWN: ui_list_move(l, 1); break;
	case CMD_PAGE_UP: ui_list_move(l, -page); break;
	case CMD_PAGE_DOWN: ui_list_move(l, page); break;
	case CMD_HOME: ui_list_home(l); break;
	case CMD_END: ui_list_end(l); break;
	case CMD_FOCUS_NEXT:
		if (key == K_TAB)
			set_focus(m, (m->focus + 1) % P_COUNT);
		else if (m->focus < P_COUNT - 1)
			set_focus(m, m->focus + 1);
		break;
	case CMD_FOCUS_PREV:
		if (key == (UI_KFN | KEY_BTAB))
			set_focus(m, (m->focus + P_COUNT - 1) % P_COUNT);
		else if (m->focus > 0)
			set_focus(m, m->focus - 1);
		break;
	case CMD_JUMP: jump_to(m, key - '0'); return UI_R_REDRAW;
	case CMD_OPEN: return open_selected(m, c);
	case CMD_NEXT_UNREAD: return next_unread(m, c);
	case CMD_NEW_THREAD: return ui_open(c, ui_editor_new_thread(c, m->net_number, m->net_id));
	case CMD_MARK_THREAD_READ: {
		const thread *t = ui_list_selected(&m->lists[P_THREADS]);
		return t ? ui_mark_read(c, MARK_THREAD, t->id) : UI_R_REDRAW;
	}
	case CMD_MARK_NETWORK_READ: return ui_mark_read(c, MARK_NETWORK, m->net_id);
	case CMD_MARK_ALL_READ: return ui_mark_read(c, MARK_ALL, 0);
	case CMD_SORT: return next_sort(m, c);
	case CMD_LIMIT: return start_limit(m);
	case CMD_REPLY: {
		const thread *t = ui_list_selected(&m->lists[P_THREADS]);
		return ui_open(c, ui_editor_reply(c, t->id, 0, false));
	}
	case CMD_NONE: return UI_R_NONE;
	default: return UI_R_UNHANDLED;
	}
	if (m->focus == P_NETS)
		follow_network(m, false);
	return UI_R_REDRAW;
}

static void main_reload(ui_screen *s, ui_ctx *c)
{
	main_screen *m = (main_screen *)s;
	ui_trace("networks");
	ui_list_reload(&m->lists[P_NETS]);
	const net_row *n = ui_list_selected(&m->lists[P_NETS]);
	if (!n || n->number != m->net_number) {
		follow_network(m, true);
		return;
	}
	m->net_threads = n->thread_count;
	refresh_view(m);
	ui_trace("towns %d", m->net_number);
	ui_list_reload(&m->lists[P_TOWNS]);
	ui_trace("threads %d", m->net_number);
	ui_list_reload(&m->lists[P_THREADS]);
}

/* Posts elsewhere: the networks' unread counts move (taken once for the title and all
 * screens by apply_changes); the threads
 * only of the network shown; the towns never (a change of towns is "shared":
 * main_reload). Read marks of this person's (cs->mine: another session's of the same
 * account bump the account's change alone, no network's) move the counts too, and the
 * unread marks of the threads shown when the count of their network moved. */
static ui_shown main_changed(ui_screen *s, ui_ctx *c, const change_set *cs)
{
	main_screen *m = (main_screen *)s;
	if (!cs->n_networks && !cs->mine)
		return UI_SHOWN_SAME;
	/* The counts apply_changes just took (ui_refresh_unread): no query of our own. */
	ui_list *nets = &m->lists[P_NETS];
	bool shown_moved = false;
	for (size_t i = 0; i < nets->n; i++) {
		net_row *r = nets->rows[i];
		int64_t unread = ui_unread_of(c, r->id);
		if (unread < 0)
			continue;
		shown_moved |= r->id == m->net_id && r->unread != unread;
		r->unread = unread;
	}
	m->stale |= 1u << P_NETS;
	/* Read marks only while this screen is on top: this session's own (the reader's,
	 * under which it stays) reload it anyway, when they are made or the reader closes. */
	if (change_set_has_network(cs, m->net_id) || (cs->mine && shown_moved && s == c->top)) {
		ui_trace("threads %d", m->net_number);
		ui_list_reload(&m->lists[P_THREADS]);
		m->stale |= 1u << P_THREADS;
	}
	/* While a pattern is typed on the status line, all of it, as after each key. */
	return m->limiting ? UI_SHOWN_ALL : UI_SHOWN_PARTS;
}

static unsigned main_pre(ui_screen *s, ui_ctx *c)
{
	main_screen *m = (main_screen *)s;
	unsigned ok = c->opt->restricted ? 0 : PRE_FREE;
	if (m->net_id) {
		ok |= PRE_NETWORK;
		if (perm_check_post(c->d, c->me, m->net_id, m->leaders_only, NULL) == ST_OK)
			ok |= PRE_WRITE;
	}
	const thread *t = ui_list_selected(&m->lists[P_THREADS]);
	if (m->focus == P_THREADS && t)
		ok |= PRE_THREAD;
	if (!t || !t->locked || perm_can_moderate(c->me, m->net_id))
		ok |= PRE_OPEN;
	return ok;
}

static void main_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	main_screen *m = (main_screen *)s;
	ui_crumb_add(buf, n, "empirie");
	if (m->net_number) {
		char net[300];
		snprintf(net, sizeof net, "%d %s", m->net_number, m->net_code);
		ui_crumb_add(buf, n, net);
	}
	ui_crumb_add(buf, n, panel_name(m->focus));
}

static unsigned main_click(ui_screen *s, ui_ctx *c, int y, int x)
{
	main_screen *m = (main_screen *)s;
	for (int i = 0; i < P_COUNT; i++) {
		ui_rect p = m->panel[i];
		if (!m->shown[i] || y < p.y || y >= p.y + p.h || x < p.x || x >= p.x + p.w)
			continue;
		if (i != m->focus)
			set_focus(m, i);
		ui_list_select(&m->lists[i], y - p.y - 1);
		if (i == P_NETS)
			follow_network(m, false);
		return UI_R_REDRAW;
	}
	return UI_R_NONE;
}

static bool main_wants_text(ui_screen *s)
{
	return ((main_screen *)s)->limiting;
}

static void main_destroy(ui_screen *s)
{
	main_screen *m = (main_screen *)s;
	thread_list_free(&m->view);
	ed_free(&m->pattern);
	for (int i = 0; i < P_COUNT; i++)
		ui_list_free(&m->lists[i]);
	free(m);
}

static const ui_screen_ops main_ops = {
	.kind = SC_MAIN,
	.draw = main_draw,
	.key = main_key,
	.resize = main_resize,
	.reload = main_reload,
	.changed = main_changed,
	.draw_parts = main_draw_parts,
	.pre = main_pre,
	.crumb = main_crumb,
	.click = main_click,
	.wants_text = main_wants_text,
	.destroy = main_destroy,
};

int ui_main_network(const ui_screen *s)
{
	return s && s->ops == &main_ops ? ((const main_screen *)s)->net_number : 0;
}

ui_screen *ui_main_new(ui_ctx *c)
{
	main_screen *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->base.ops = &main_ops;
	m->c = c;
	m->right = P_THREADS;
	int h = LINES - 5 > 1 ? LINES - 5 : 1;
	for (int i = 0; i < P_COUNT; i++)
		ui_list_init(&m->lists[i], &sources[i], m, h);
	ui_list_reset(&m->lists[P_NETS]);
	follow_network(m, true);
	return &m->base;
}
