/* ui_search.c — one input line, results (towns, threads, posts) below; Enter opens. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_editor.h"
#include "ui/ui_list.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

typedef struct {
	search_hit h;
	size_t offset;
} hit_row;

typedef struct {
	ui_screen base;
	ui_ctx *c;
	ed_buf input;
	char *query; /* what the results are for */
	ui_list results;
	int focus;   /* 0: the input, 1: the results */
	bool searched;
	size_t total; /* hits of the query (counted once, for the position counter) */
	char *note;  /* a way on when nothing was found, or NULL */
	ui_rect r;
} search_screen;

static void hit_free(void *row)
{
	hit_row *h = row;
	free(h->h.title), free(h->h.excerpt), free(h);
}

static int fetch(search_screen *s, size_t offset, size_t limit, void **rows)
{
	hit_list l;
	error e;
	if (search_run(s->c->d, s->c->me, s->query, offset, limit, &l, &e) != ST_OK) {
		ui_status_error(s->c, &e);
		return -1;
	}
	int got = 0;
	for (size_t i = 0; i < l.n; i++) {
		hit_row *h = calloc(1, sizeof *h);
		if (!h)
			break;
		h->h = l.items[i];
		h->h.title = strdup(l.items[i].title ? l.items[i].title : "");
		h->h.excerpt = strdup(l.items[i].excerpt ? l.items[i].excerpt : "");
		h->offset = offset + i;
		rows[got++] = h;
	}
	hit_list_free(&l);
	return got;
}

/* The number of hits of the query, counted a page at a time (search results stay
 * small; counting stops past 10,000). */
static size_t count_hits(search_screen *s)
{
	size_t total = 0;
	for (;;) {
		hit_list l;
		error e;
		if (search_run(s->c->d, s->c->me, s->query, total, 200, &l, &e) != ST_OK)
			break;
		size_t n = l.n;
		hit_list_free(&l);
		total += n;
		if (n < 200 || total > 10000)
			break;
	}
	return total;
}

static int hit_page(void *src, const void *from, bool back, size_t limit, void **rows)
{
	search_screen *s = src;
	if (!s->query || !*s->query)
		return 0;
	size_t offset = 0;
	if (from) {
		size_t at = ((const hit_row *)from)->offset;
		offset = back ? (at > limit ? at - limit : 0) : at + 1;
		if (back)
			limit = at - offset;
	} else if (back) {
		/* The end. */
		size_t total = count_hits(s);
		offset = total > limit ? total - limit : 0;
	}
	return limit ? fetch(s, offset, limit, rows) : 0;
}

static bool hit_same(const void *a, const void *b)
{
	const search_hit *x = &((const hit_row *)a)->h, *y = &((const hit_row *)b)->h;
	return x->kind == y->kind && x->id == y->id;
}

static void hit_draw(void *src, const void *row, int y, int x, int width, bool selected)
{
	const search_hit *h = &((const hit_row *)row)->h;
	const char *kind = h->kind == HIT_CITY       ? _("Town")
	                   : h->kind == HIT_THREAD   ? _("Thread")
	                   : h->kind == HIT_PRACTICE ? _("Practice")
	                   : h->kind == HIT_MEETING  ? _("Meeting")
	                                             : _("Post");
	char line[1024];
	if (h->kind == HIT_CITY)
		str_fitf(line, sizeof line, "%s · %s · %s", kind, h->title, h->excerpt);
	else
		str_fitf(line, sizeof line, "%s · %d · %s · %s", kind, h->network_number, h->title,
		         h->excerpt);
	/* The words found, highlighted as the search matched them. */
	search_screen *s = src;
	ui_put_marked(stdscr, y, x + 1, line, width - 2, s->query,
	              selected ? A_BOLD : A_BOLD | A_UNDERLINE);
}

static bool hit_position(void *src, const void *row, int64_t *pos, int64_t *total)
{
	const search_screen *s = src;
	*pos = (int64_t)((const hit_row *)row)->offset;
	*total = (int64_t)(s->total > (size_t)*pos ? s->total : (size_t)*pos + 1);
	return true;
}

static const ui_list_source hit_source = { hit_page, hit_free, hit_same, hit_draw, hit_position };

static void search_draw(ui_screen *base, ui_ctx *c, ui_rect r)
{
	search_screen *s = (search_screen *)base;
	s->r = r;
	const char *label = _("Search: ");
	theme_set(stdscr, TH_HEADING);
	int lw = ui_put(stdscr, r.y, r.x + 1, label, r.w - 2);
	theme_set(stdscr, s->focus == 0 ? TH_SEL : TH_NORMAL);
	int room = r.w - 2 - lw;
	ed_line *in = &s->input.lines[0];
	size_t start = ui_scroll_start(in->s, s->input.cx, room);
	ui_fill(stdscr, r.y, r.x + 1 + lw, room);
	ui_putw(stdscr, r.y, r.x + 1 + lw, in->s + start, in->len - start, room);
	theme_set(stdscr, TH_BORDER);
	theme_hline(stdscr, r.y + 1, r.x, r.w);
	theme_set(stdscr, TH_NORMAL);
	/* A way on (shown above the results it led to), or why lemma search is off. */
	const char *note = s->note;
	if (!note && !s->searched && search_lemma_state(c->d) != LEMMAS_ON)
		note = search_lemma_state(c->d) == LEMMAS_OFF
		       ? _("Lemma search is off (no dictionary): apt-get install hunspell-pl, then "
		           "empirie check --reindex.")
		       : _("The search index was built with another dictionary: run empirie check "
		           "--reindex.");
	int top = r.y + 2;
	if (note) {
		theme_set(stdscr, TH_DIM);
		ui_fill(stdscr, top, r.x, r.w);
		ui_put(stdscr, top, r.x + 1, note, r.w - 2);
		theme_set(stdscr, TH_NORMAL);
		top++;
	}
	int y = ui_list_draw(&s->results, top, r.x, r.w, s->focus == 1);
	char where[48];
	if (ui_list_counter(&s->results, where, sizeof where))
		ui_counter_draw(r.y + 1, r.x + r.w - 1, where);
	if (!s->results.n && !(s->note && s->searched)) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, top, r.x + 1,
		       s->searched ? _("Nothing found.")
		                   : _("Type a town, a person or any words, then Enter. Case and "
		                       "Polish letters do not matter."),
		       r.w - 2);
		theme_set(stdscr, TH_NORMAL);
	}
	if (s->focus == 0 || y < 0)
		base->cur_y = r.y,
		base->cur_x = r.x + 1 + lw + ui_wcs_cols(in->s + start, s->input.cx - start);
	else
		base->cur_y = y, base->cur_x = r.x + 1;
}

static void search_resize(ui_screen *base, ui_ctx *c, ui_rect r)
{
	search_screen *s = (search_screen *)base;
	s->r = r;
	/* One line kept for a note above the results. */
	ui_list_set_height(&s->results, r.h - 3 > 1 ? r.h - 3 : 1);
}

static void run(search_screen *s)
{
	free(s->query);
	free(s->note);
	s->note = NULL;
	s->query = ed_text(&s->input);
	s->searched = true;
	ui_list_reset(&s->results);
	if (!s->results.n && s->query) {
		/* Nothing: the query as beginnings of words, or the nearest town or word. */
		char *shorter = NULL, *nearest = NULL, buf[600];
		error e;
		if (search_way_on(s->c->d, s->c->me, s->query, &shorter, &nearest, &e) != ST_OK) {
			ui_status_error(s->c, &e);
		} else if (shorter) {
			str_fitf(buf, sizeof buf, _("Nothing found for \"%s\"; showing the results for \"%s…\"."),
			         s->query, shorter);
			s->note = strdup(buf);
			free(s->query);
			s->query = shorter;
			shorter = NULL;
			ui_list_reset(&s->results);
		} else if (nearest) {
			str_fitf(buf, sizeof buf, _("Nothing found. Did you mean: %s?"), nearest);
			s->note = strdup(buf);
		}
		free(shorter);
		free(nearest);
	}
	s->total = s->results.n && s->query ? count_hits(s) : 0;
	if (s->results.n)
		s->focus = 1;
}

static unsigned open_hit(search_screen *s, ui_ctx *c)
{
	const hit_row *h = ui_list_selected(&s->results);
	if (!h)
		return UI_R_REDRAW;
	switch (h->h.kind) {
	case HIT_CITY: return ui_open(c, ui_card_city(c, h->h.id));
	case HIT_THREAD: return ui_open(c, ui_reader_new(c, h->h.thread_id, 0));
	case HIT_PRACTICE: return ui_open(c, ui_card_practice(c, h->h.id));
	case HIT_MEETING: return ui_open(c, ui_card_meeting(c, h->h.id));
	default: return ui_open(c, ui_reader_new(c, h->h.thread_id, h->h.id));
	}
}

/* Keys that edit the input line even though the table gives them a command. */
static bool input_key(search_screen *s, int key)
{
	ed_buf *b = &s->input;
	switch (key) {
	case UI_KFN | KEY_LEFT: if (b->cx) b->cx--; return true;
	case UI_KFN | KEY_RIGHT: if (b->cx < b->lines[0].len) b->cx++; return true;
	case UI_KFN | KEY_HOME: case K_CTRL('a'): b->cx = 0; return true;
	case UI_KFN | KEY_END: case K_CTRL('e'): b->cx = b->lines[0].len; return true;
	case UI_KFN | KEY_BACKSPACE: case 127: case 8: ed_backspace(b); return true;
	case UI_KFN | KEY_DC: ed_delete(b); return true;
	case K_CTRL('u'): b->lines[0].len = 0, b->lines[0].s[0] = 0, b->cx = 0; return true;
	default: break;
	}
	if (!(key & UI_KFN) && key >= 32 && key != 127) {
		/* The store refuses a longer text (search_run): say so here, as it is typed. */
		if (b->lines[0].len >= SEARCH_TEXT_MAX)
			ui_status(s->c, true, ngettext("The search line holds at most %d character; the rest was not taken.",
			                               "The search line holds at most %d characters; the rest was not taken.",
			                               SEARCH_TEXT_MAX), SEARCH_TEXT_MAX);
		else if (!((key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069)))
			ed_insert(b, (wchar_t)key);
		return true;
	}
	return false;
}

static unsigned search_key(ui_screen *base, ui_ctx *c, ui_cmd_id cmd, int key)
{
	search_screen *s = (search_screen *)base;
	ui_list *l = &s->results;
	int page = l->height > 1 ? l->height - 1 : 1;
	if (s->focus == 0) {
		if (input_key(s, key))
			return UI_R_REDRAW;
		switch (cmd) {
		case CMD_OPEN: run(s); return UI_R_REDRAW;
		case CMD_DOWN: case CMD_FOCUS_NEXT: case CMD_PAGE_DOWN:
			if (l->n)
				s->focus = 1;
			return UI_R_REDRAW;
		case CMD_NONE: return UI_R_NONE;
		default: return UI_R_UNHANDLED;
		}
	}
	switch (cmd) {
	case CMD_UP:
		if (l->sel == 0)
			s->focus = 0;
		else
			ui_list_move(l, -1);
		break;
	case CMD_DOWN: ui_list_move(l, 1); break;
	case CMD_PAGE_UP: ui_list_move(l, -page); break;
	case CMD_PAGE_DOWN: ui_list_move(l, page); break;
	case CMD_HOME: ui_list_home(l); break;
	case CMD_END: ui_list_end(l); break;
	case CMD_OPEN: return open_hit(s, c);
	case CMD_FOCUS_NEXT: case CMD_FOCUS_PREV: case CMD_SEARCH: s->focus = 0; break;
	case CMD_NONE: return UI_R_NONE;
	default: return UI_R_UNHANDLED;
	}
	return UI_R_REDRAW;
}

static bool search_wants_text(ui_screen *base)
{
	return ((search_screen *)base)->focus == 0;
}

static void search_reload(ui_screen *base, ui_ctx *c)
{
	search_screen *s = (search_screen *)base;
	if (s->searched)
		ui_list_reload(&s->results);
}

static unsigned search_pre(ui_screen *base, ui_ctx *c)
{
	return c->opt->restricted ? 0 : PRE_FREE;
}

static void search_crumb(ui_screen *base, ui_ctx *c, char *buf, size_t n)
{
	ui_crumb_add(buf, n, _("Search"));
}

static unsigned search_click(ui_screen *base, ui_ctx *c, int y, int x)
{
	search_screen *s = (search_screen *)base;
	if (y == s->r.y) {
		s->focus = 0;
	} else if (ui_list_select(&s->results, y - s->r.y - 2 - (s->note != NULL))) {
		s->focus = 1;
	}
	return UI_R_REDRAW;
}

static void search_destroy(ui_screen *base)
{
	search_screen *s = (search_screen *)base;
	ui_list_free(&s->results);
	ed_free(&s->input);
	free(s->query);
	free(s->note);
	free(s);
}

/* A paste goes into the input line (lines joined with spaces), wherever the focus is. */
static unsigned search_paste(ui_screen *base, ui_ctx *c, const wchar_t *text, size_t n)
{
	search_screen *s = (search_screen *)base;
	s->focus = 0;
	ed_insert_text(&s->input, text, n, true);
	return UI_R_REDRAW;
}

static const ui_screen_ops search_ops = {
	.paste = search_paste,
	.kind = SC_SEARCH,
	.draw = search_draw,
	.key = search_key,
	.resize = search_resize,
	.reload = search_reload,
	.pre = search_pre,
	.crumb = search_crumb,
	.wants_text = search_wants_text,
	.click = search_click,
	.destroy = search_destroy,
};

ui_screen *ui_search_new(ui_ctx *c)
{
	search_screen *s = calloc(1, sizeof *s);
	if (!s || !ed_init(&s->input, "")) {
		free(s);
		return NULL;
	}
	s->base.ops = &search_ops;
	s->c = c;
	ui_list_init(&s->results, &hit_source, s, LINES - 6 > 1 ? LINES - 6 : 1);
	return &s->base;
}
