/* ui_doc.c — document screens: network and town cards, help. Scrolls like less. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui/ui_doc.h"
#include "ui/ui_text.h"

typedef struct {
	th_role role;
	int indent;
	wchar_t *text; /* raw; sanitised when drawn */
	size_t len;
} doc_line;

typedef struct {
	size_t line;
	ui_span span;
} doc_row;

struct ui_doc {
	doc_line *lines;
	size_t n, cap;
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
	l->text = ui_utf8_to_wcs(utf8, &l->len);
	if (l->text)
		d->n++;
}

void ui_doc_addf(ui_doc *d, th_role rl, int indent, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ui_doc_add(d, rl, indent, buf);
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
		ui_wrap(l->text, l->len, w > 10 ? w : 10, 0, &sp);
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

static void doc_resize(ui_screen *base, ui_ctx *c, ui_rect r)
{
	doc_screen *s = (doc_screen *)base;
	s->height = r.h;
	rewrap(s, r.w - 2);
	remember_top(s);
}

static void doc_draw(ui_screen *base, ui_ctx *c, ui_rect r)
{
	doc_screen *s = (doc_screen *)base;
	if (r.w - 2 != s->width || r.h != s->height)
		doc_resize(base, c, r);
	for (int y = 0; y < r.h && s->top + (size_t)y < s->nrows; y++) {
		doc_row *row = &s->rows[s->top + (size_t)y];
		doc_line *l = &s->doc->lines[row->line];
		theme_set(stdscr, l->role);
		ui_putw(stdscr, r.y + y, r.x + 1 + l->indent, l->text + row->span.start, row->span.len,
		        r.w - 2 - l->indent);
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
}

static unsigned doc_key(ui_screen *base, ui_ctx *c, ui_cmd_id cmd, int key)
{
	doc_screen *s = (doc_screen *)base;
	size_t page = s->height > 1 ? (size_t)s->height - 1 : 1;
	switch (cmd) {
	case CMD_UP: if (s->top) s->top--; break;
	case CMD_DOWN: s->top++; break;
	case CMD_PAGE_UP: s->top = s->top > page ? s->top - page : 0; break;
	case CMD_PAGE_DOWN: s->top += page; break;
	case CMD_HOME: s->top = 0; break;
	case CMD_END: s->top = max_top(s); break;
	case CMD_NONE: return UI_R_NONE;
	default: return UI_R_UNHANDLED;
	}
	remember_top(s);
	return UI_R_REDRAW;
}

static void doc_crumb(ui_screen *base, ui_ctx *c, char *buf, size_t n)
{
	ui_crumb_add(buf, n, ((doc_screen *)base)->crumb);
}

static unsigned doc_pre(ui_screen *base, ui_ctx *c)
{
	return c->opt->restricted ? 0 : PRE_FREE;
}

static void doc_destroy(ui_screen *base)
{
	doc_screen *s = (doc_screen *)base;
	ui_doc_free(s->doc);
	free(s->rows);
	free(s->crumb);
	free(s);
}

static const ui_screen_ops card_ops = {
	.kind = SC_CARD, .draw = doc_draw, .key = doc_key, .resize = doc_resize,
	.pre = doc_pre, .crumb = doc_crumb, .destroy = doc_destroy,
};
static const ui_screen_ops help_ops = {
	.kind = SC_HELP, .draw = doc_draw, .key = doc_key, .resize = doc_resize,
	.pre = doc_pre, .crumb = doc_crumb, .destroy = doc_destroy,
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
	s->base.ops = kind == SC_HELP ? &help_ops : &card_ops;
	s->doc = d;
	s->crumb = strdup(crumb ? crumb : "");
	s->width = -1;
	return &s->base;
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
			first = false;
			if (!nl)
				break;
			line = nl + 1;
		}
	}
	free(text);
	return ui_doc_screen(c, SC_HELP, _("Help"), d);
}
