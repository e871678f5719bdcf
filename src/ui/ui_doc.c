/* ui_doc.c — document screens: the cards and help. Scrolls like less; on a card the
 * arrows also move between the links shown, as in lynx, and Enter opens one. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_doc.h"
#include "ui/ui_find.h"
#include "ui/ui_text.h"

typedef struct {
	th_role role;
	int indent;
	wchar_t *text; /* raw; sanitised when drawn */
	size_t len;
	ui_link_kind link;
	int64_t link_id;
} doc_line;

typedef struct {
	size_t line;
	ui_span span;
} doc_row;

struct ui_doc {
	doc_line *lines;
	size_t n, cap;
	bool break_links; /* the list of links: a long one wraps, to be seen whole */
};

typedef struct {
	ui_screen base;
	ui_doc *doc;
	char *crumb;
	unsigned kind;
	doc_row *rows; /* visual rows for the current width */
	size_t nrows;
	size_t top_line, top_sub; /* the place kept across resizes */
	size_t top;               /* first visual row shown */
	int width, height;
	ui_card_kind card;        /* CARD_NONE: help */
	int64_t card_id;
	unsigned card_pre;        /* ui_card_pre, taken when built and at each reload (not at
	                           * each draw: it asks the store several questions) */
	long sel;                 /* the selected link (a line index), -1: none */
	/* Find in this text (ui_find.h) and the line of the current match (-1: none). */
	ui_find find;
	long match;
} doc_screen;

ui_doc *ui_doc_create(void)
{
	return calloc(1, sizeof(ui_doc));
}

void ui_doc_free(ui_doc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].text);
	free(d->lines);
	free(d);
}

void ui_doc_add(ui_doc *d, th_role rl, int indent, const char *utf8)
{
	if (!d || !utf8)
		return;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 32;
		doc_line *p = realloc(d->lines, cap * sizeof *p);
		if (!p)
			return;
		d->lines = p, d->cap = cap;
	}
	doc_line *l = &d->lines[d->n];
	l->role = rl, l->indent = indent;
	l->link = LINK_NONE, l->link_id = 0;
	l->text = ui_utf8_to_wcs(utf8, &l->len);
	if (l->text)
		d->n++;
}

void ui_doc_link(ui_doc *d, int indent, const char *utf8, ui_link_kind k, int64_t id)
{
	if (!d)
		return;
	size_t n = d->n;
	ui_doc_add(d, TH_NORMAL, indent, utf8);
	if (d->n > n)
		d->lines[n].link = k, d->lines[n].link_id = id;
}

void ui_doc_addf(ui_doc *d, th_role rl, int indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = str_vprintf(fmt, ap);
	va_end(ap);
	ui_doc_add(d, rl, indent, s ? s : _("Out of memory"));
	free(s);
}

void ui_doc_field(ui_doc *d, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	ui_doc_add(d, TH_HEADING, 0, label);
	ui_doc_add(d, TH_NORMAL, 2, value);
}

static void rewrap(doc_screen *s, int width)
{
	free(s->rows);
	s->rows = NULL;
	s->nrows = 0;
	size_t cap = 0, new_top = 0;
	for (size_t i = 0; i < s->doc->n; i++) {
		doc_line *l = &s->doc->lines[i];
		ui_spans sp = { 0 };
		int w = width - l->indent;
		ui_wrap(l->text, l->len, w > 10 ? w : 10,
		        s->doc->break_links ? UI_WRAP_BREAK_LINKS : 0, &sp);
		if (s->nrows + sp.n > cap) {
			cap = (s->nrows + sp.n) * 2;
			doc_row *p = realloc(s->rows, cap * sizeof *p);
			if (!p) {
				ui_spans_free(&sp);
				return;
			}
			s->rows = p;
		}
		if (i == s->top_line)
			new_top = s->nrows + (s->top_sub < sp.n ? s->top_sub : (sp.n ? sp.n - 1 : 0));
		for (size_t k = 0; k < sp.n; k++)
			s->rows[s->nrows++] = (doc_row){ i, sp.items[k] };
		ui_spans_free(&sp);
	}
	s->top = new_top;
	s->width = width;
}

static size_t max_top(const doc_screen *s)
{
	return s->nrows > (size_t)s->height ? s->nrows - (size_t)s->height : 0;
}

static void remember_top(doc_screen *s)
{
	if (s->top > max_top(s))
		s->top = max_top(s);
	if (s->top < s->nrows) {
		size_t line = s->rows[s->top].line, sub = 0;
		for (size_t r = s->top; r > 0 && s->rows[r - 1].line == line; r--)
			sub++;
		s->top_line = line, s->top_sub = sub;
	}
}

static void fix_selection(doc_screen *s);

static void doc_resize(ui_screen *base, ui_ctx *c, ui_rect r)
{
	doc_screen *s = (doc_screen *)base;
	s->height = r.h;
	rewrap(s, r.w - 2);
	remember_top(s);
	if (s->sel == -2 || s->sel >= 0)
		fix_selection(s);
}

static void doc_draw(ui_screen *base, ui_ctx *c, ui_rect r)
{
	doc_screen *s = (doc_screen *)base;
	if (r.w - 2 != s->width || r.h != s->height)
		doc_resize(base, c, r);
	for (int y = 0; y < r.h && s->top + (size_t)y < s->nrows; y++) {
		doc_row *row = &s->rows[s->top + (size_t)y];
		doc_line *l = &s->doc->lines[row->line];
		bool selected = l->link && (long)row->line == s->sel;
		bool current = s->find.terms && (long)row->line == s->match;
		theme_set(stdscr, selected || current ? TH_SEL_FOCUS : l->link ? TH_UNREAD : l->role);
		if (selected || current)
			ui_fill(stdscr, r.y + y, r.x + 1 + l->indent, r.w - 2 - l->indent);
		ui_find_putw(&s->find, r.y + y, r.x + 1 + l->indent, l->text + row->span.start,
		             row->span.len, r.w - 2 - l->indent);
	}
	theme_set(stdscr, TH_NORMAL);
	if (s->nrows > (size_t)r.h) {
		char pos[64];
		size_t pct = (s->top + (size_t)r.h) * 100 / s->nrows;
		snprintf(pos, sizeof pos, "%zu%%", pct > 100 ? 100 : pct);
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, r.y + r.h - 1, r.x + r.w - 1 - (int)strlen(pos), pos, (int)strlen(pos));
		theme_set(stdscr, TH_NORMAL);
	}
	base->cur_y = r.y, base->cur_x = r.x;
	ui_find_draw(&s->find, base, r);
}

/* The first and last visual rows of line i. */
static bool line_rows(const doc_screen *s, size_t line, size_t *first, size_t *last)
{
	bool found = false;
	for (size_t r = 0; r < s->nrows; r++)
		if (s->rows[r].line == line) {
			if (!found)
				*first = r;
			*last = r;
			found = true;
		} else if (found) {
			break;
		}
	return found;
}

static bool row_shown(const doc_screen *s, size_t row)
{
	return row >= s->top && row < s->top + (size_t)s->height;
}

/* The next (dir 1) or previous (dir -1) link line from line `from` (exclusive); with
 * shown_only, only one that is on the screen now. -1 when none. */
static long next_link(const doc_screen *s, long from, int dir, bool shown_only)
{
	for (long i = from + dir; i >= 0 && i < (long)s->doc->n; i += dir) {
		if (!s->doc->lines[i].link)
			continue;
		size_t first = 0, last = 0;
		if (!line_rows(s, (size_t)i, &first, &last))
			continue;
		if (!shown_only || row_shown(s, first))
			return i;
		if (shown_only && (dir > 0 ? first >= s->top + (size_t)s->height : last < s->top))
			return -1;
	}
	return -1;
}

/* Keep the selection on a link that is shown (or none). */
static void fix_selection(doc_screen *s)
{
	size_t first = 0, last = 0;
	if (s->sel >= 0 && line_rows(s, (size_t)s->sel, &first, &last) && row_shown(s, first))
		return;
	s->sel = next_link(s, (long)s->top_line - 1, 1, true);
}

/* Scroll so line i is shown. */
static void show_line(doc_screen *s, long i)
{
	size_t first = 0, last = 0;
	if (i < 0 || !line_rows(s, (size_t)i, &first, &last))
		return;
	if (first < s->top)
		s->top = first;
	else if (last >= s->top + (size_t)s->height)
		s->top = last + 1 - (size_t)s->height;
}

/* The next line from `from` (exclusive) in direction dir that holds a match, going
 * round the end; -1 when none does. */
static long find_line(doc_screen *s, ui_ctx *c, long from, int dir)
{
	long n = (long)s->doc->n;
	for (long k = 1; k <= n; k++) {
		long i = ((from + dir * k) % n + n) % n;
		doc_line *l = &s->doc->lines[i];
		if (ui_find_hit_w(&s->find, c, l->text, l->len))
			return i;
	}
	return -1;
}

static void find_go(doc_screen *s, ui_ctx *c, int dir)
{
	if (!s->find.terms || !s->doc->n) {
		ui_status(c, false, "%s", _("Nothing to find yet: press / and type the words."));
		return;
	}
	long from = s->match >= 0 ? s->match : (dir > 0 ? (long)s->top_line - 1 : (long)s->top_line);
	long i = find_line(s, c, from, dir);
	if (i < 0) {
		char *typed = ui_find_typed(&s->find);
		ui_status(c, true, _("Not found in this text: %s"), typed ? typed : "");
		free(typed);
		return;
	}
	if (s->match >= 0 && (dir > 0 ? i <= s->match : i >= s->match))
		ui_status(c, false, "%s", dir > 0 ? _("Found again from the top.")
		                                  : _("Found again from the bottom."));
	s->match = i;
	show_line(s, i);
	remember_top(s);
}

static void add_links(ui_doc *d, const wchar_t *s, size_t n, size_t *num);
static unsigned links_open(ui_ctx *c, ui_doc *d, size_t num);

static unsigned doc_key(ui_screen *base, ui_ctx *c, ui_cmd_id cmd, int key)
{
	doc_screen *s = (doc_screen *)base;
	size_t page = s->height > 1 ? (size_t)s->height - 1 : 1;
	long l;
	if (s->find.typing && ui_find_lets_through(&s->find, cmd, key))
		return UI_R_UNHANDLED;
	if (s->find.typing) {
		if (ui_find_key(&s->find, c, key) == UI_FIND_DONE) {
			s->match = -1;
			if (s->find.terms)
				find_go(s, c, 1);
		}
		return UI_R_REDRAW;
	}
	switch (cmd) {
	case CMD_FIND:
		ui_find_begin(&s->find);
		return UI_R_REDRAW;
	case CMD_FIND_NEXT:
	case CMD_FIND_PREV:
		find_go(s, c, cmd == CMD_FIND_NEXT ? 1 : -1);
		return UI_R_REDRAW;
	case CMD_LINKS: {
		ui_doc *d = ui_doc_create();
		size_t num = 0;
		if (!d)
			return UI_R_NONE;
		d->break_links = true;
		ui_doc_add(d, TH_HEADING, 0,
		           _("Links (select one with the mouse, holding Shift, to copy it)"));
		for (size_t i = 0; i < s->doc->n; i++)
			add_links(d, s->doc->lines[i].text, s->doc->lines[i].len, &num);
		return links_open(c, d, num);
	}
	case CMD_UP:
		if ((l = next_link(s, s->sel >= 0 ? s->sel : (long)s->doc->n, -1, true)) >= 0 &&
		    s->sel >= 0)
			s->sel = l;
		else if (s->top)
			s->top--;
		break;
	case CMD_DOWN:
		if ((l = next_link(s, s->sel, 1, true)) >= 0)
			s->sel = l;
		else if (s->top < max_top(s))
			s->top++;
		break;
	case CMD_FOCUS_NEXT:
	case CMD_FOCUS_PREV:
		if ((l = next_link(s, s->sel, cmd == CMD_FOCUS_NEXT ? 1 : -1, false)) < 0)
			l = next_link(s, cmd == CMD_FOCUS_NEXT ? -1 : (long)s->doc->n,
			              cmd == CMD_FOCUS_NEXT ? 1 : -1, false); /* wrap around */
		if (l < 0)
			return UI_R_NONE;
		s->sel = l;
		show_line(s, l);
		remember_top(s);
		return UI_R_REDRAW;
	case CMD_OPEN:
		if (s->sel < 0) {
			ui_status(c, false, "%s", _("Nothing to open here: choose a link with the arrows."));
			return UI_R_REDRAW;
		}
		return ui_link_open(c, s->doc->lines[s->sel].link, s->doc->lines[s->sel].link_id);
	case CMD_PAGE_UP: s->top = s->top > page ? s->top - page : 0; break;
	case CMD_PAGE_DOWN: s->top += page; break;
	case CMD_HOME: s->top = 0; break;
	case CMD_END: s->top = max_top(s); break;
	case CMD_NONE: return UI_R_NONE;
	default:
		if (s->card)
			return ui_card_command(c, s->card, s->card_id, cmd);
		return UI_R_UNHANDLED;
	}
	remember_top(s);
	fix_selection(s);
	return UI_R_REDRAW;
}

static void doc_reload(ui_screen *base, ui_ctx *c)
{
	doc_screen *s = (doc_screen *)base;
	if (!s->card)
		return;
	s->card_pre = ui_card_pre(c, s->card, s->card_id);
	char crumb[300] = "";
	ui_doc *d = ui_card_build(c, s->card, s->card_id, crumb, sizeof crumb);
	if (!d)
		return; /* gone or no longer visible: keep what is shown */
	ui_doc_free(s->doc);
	s->doc = d;
	free(s->crumb);
	s->crumb = strdup(crumb);
	if (s->sel >= (long)d->n)
		s->sel = -1;
	s->width = -1; /* rewrap at the next draw */
}

static void doc_crumb(ui_screen *base, ui_ctx *c, char *buf, size_t n)
{
	ui_crumb_add(buf, n, ((doc_screen *)base)->crumb);
}

static unsigned doc_pre(ui_screen *base, ui_ctx *c)
{
	doc_screen *s = (doc_screen *)base;
	unsigned pre = c->opt->restricted ? 0 : PRE_FREE;
	return pre | s->card_pre;
}

/* A paste goes into the find line while it is typed. */
static unsigned doc_paste(ui_screen *base, ui_ctx *c, const wchar_t *text, size_t n)
{
	doc_screen *s = (doc_screen *)base;
	if (!s->find.typing) {
		ui_status(c, true, "%s", _("Pasting works only in text fields (the editor, the search "
		                           "line): nothing was pasted here."));
		return UI_R_REDRAW;
	}
	ui_find_paste(&s->find, text, n);
	return UI_R_REDRAW;
}

static bool doc_wants_text(ui_screen *base)
{
	return ((doc_screen *)base)->find.typing;
}

static void doc_destroy(ui_screen *base)
{
	doc_screen *s = (doc_screen *)base;
	ui_find_free(&s->find);
	ui_doc_free(s->doc);
	free(s->rows);
	free(s->crumb);
	free(s);
}

static const ui_screen_ops card_ops = {
	.kind = SC_CARD, .draw = doc_draw, .key = doc_key, .resize = doc_resize, .reload = doc_reload,
	.pre = doc_pre, .crumb = doc_crumb, .wants_text = doc_wants_text, .paste = doc_paste,
	.destroy = doc_destroy,
};
static const ui_screen_ops practice_ops = {
	.kind = SC_PRACTICE, .draw = doc_draw, .key = doc_key, .resize = doc_resize,
	.reload = doc_reload, .pre = doc_pre, .crumb = doc_crumb, .wants_text = doc_wants_text, .paste = doc_paste,
	.destroy = doc_destroy,
};
static const ui_screen_ops meeting_ops = {
	.kind = SC_MEETING, .draw = doc_draw, .key = doc_key, .resize = doc_resize,
	.reload = doc_reload, .pre = doc_pre, .crumb = doc_crumb, .wants_text = doc_wants_text, .paste = doc_paste,
	.destroy = doc_destroy,
};
static const ui_screen_ops help_ops = {
	.kind = SC_HELP, .draw = doc_draw, .key = doc_key, .resize = doc_resize,
	.pre = doc_pre, .crumb = doc_crumb, .wants_text = doc_wants_text, .paste = doc_paste,
	.destroy = doc_destroy,
};

ui_screen *ui_doc_screen(ui_ctx *c, unsigned kind, const char *crumb, ui_doc *d)
{
	doc_screen *s = calloc(1, sizeof *s);
	if (!s || !d) {
		free(s);
		ui_doc_free(d);
		ui_status(c, true, "%s", _("Out of memory"));
		return NULL;
	}
	s->base.ops = kind == SC_HELP       ? &help_ops
	              : kind == SC_PRACTICE ? &practice_ops
	              : kind == SC_MEETING  ? &meeting_ops
	                                    : &card_ops;
	s->doc = d;
	s->crumb = strdup(crumb ? crumb : "");
	s->width = -1;
	s->sel = -1;
	s->match = -1;
	return &s->base;
}

ui_screen *ui_doc_card(ui_ctx *c, unsigned kind, ui_card_kind card, int64_t id,
                       const char *crumb, ui_doc *d)
{
	ui_screen *base = ui_doc_screen(c, kind, crumb, d);
	if (base) {
		doc_screen *s = (doc_screen *)base;
		s->card = card, s->card_id = id;
		s->card_pre = ui_card_pre(c, card, id);
		for (size_t i = 0; i < d->n && s->sel == -1; i++)
			if (d->lines[i].link)
				s->sel = -2; /* the first link shown, chosen once laid out */
	}
	return base;
}

/* Add the links of s[0..n) to d, numbered from *num on, one a line and whole. */
static void add_links(ui_doc *d, const wchar_t *s, size_t n, size_t *num)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != L' ' && s[i - 1] != L'\n' && s[i - 1] != L'(' &&
		    s[i - 1] != L'<' && s[i - 1] != L'"')
			continue;
		size_t b = i;
		while (b < n && s[b] != L'\n')
			b++;
		size_t e = ui_link_end(s, i, b);
		while (e > i && wcschr(L".,;:!?)>\"'”", s[e - 1]))
			e--; /* the sentence's punctuation is not part of it */
		if (e <= i + 4)
			continue;
		char *u = ui_wcs_to_utf8(s + i, e - i);
		if (u)
			ui_doc_addf(d, TH_NORMAL, 0, "%zu. %s", ++*num, u);
		free(u);
		i = e;
	}
}

/* The numbered list of the links in texts (issue 17), or NULL (with a status) when there
 * are none. */
static unsigned links_open(ui_ctx *c, ui_doc *d, size_t num)
{
	if (!num) {
		ui_doc_free(d);
		ui_status(c, false, "%s", _("No links here."));
		return UI_R_REDRAW;
	}
	return ui_open(c, ui_doc_screen(c, SC_HELP, _("Links"), d));
}

unsigned ui_links_show(ui_ctx *c, const wchar_t *s, size_t n)
{
	ui_doc *d = ui_doc_create();
	size_t num = 0;
	if (!d)
		return UI_R_NONE;
	d->break_links = true;
	ui_doc_add(d, TH_HEADING, 0, _("Links (select one with the mouse, holding Shift, to copy it)"));
	add_links(d, s, n, &num);
	return links_open(c, d, num);
}

ui_screen *ui_help_new(ui_ctx *c, unsigned kind)
{
	char *text = ui_help_text(kind);
	ui_doc *d = ui_doc_create();
	if (d && text) {
		char *line = text;
		bool first = true;
		while (*line) {
			char *nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			ui_doc_add(d, first ? TH_HEADING : TH_NORMAL, 0, line);
			/* Why keys are missing comes first, where it is seen. */
			if (first && db_is_readonly(c->d))
				ui_doc_add(d, TH_NORMAL, 0,
				           _("This copy is read-only: the keys that write (new thread, "
				             "reply, edit, sign up, moderation) are left off the key bar and "
				             "refused with this reason. What you read is marked for this "
				             "session only."));
			first = false;
			if (!nl)
				break;
			line = nl + 1;
		}
	}
	free(text);
	if (d) {
		/* How to copy text when the program has the mouse (issue 16). */
		ui_doc_add(d, TH_NORMAL, 0, "");
		ui_doc_add(d, TH_HEADING, 0, _("Mouse and copying text"));
		ui_doc_add(d, TH_NORMAL, 0,
		           c->opt->no_mouse
		               ? _("The mouse is left to the terminal (--no-mouse): select text with it "
		                   "to copy, as in any terminal.")
		               : _("The wheel scrolls; a click selects, a double click opens, a click on "
		                   "the key bar runs its key. To copy text, select it with the mouse while "
		                   "holding Shift (in PuTTY and xterm alike), or start the program with "
		                   "--no-mouse."));
	}
	return ui_doc_screen(c, SC_HELP, _("Help"), d);
}
