/* ui_ask.c — see ui_ask.h. The line is an ed_buf of one line (the editor's own text
 * operations); the box is a window in a panel so the screen below draws as usual. */
#include "config.h"

#include <panel.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui/ui_ask.h"
#include "ui/ui_editor.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

typedef struct {
	ui_screen base;
	char *title, *hint;
	ed_buf line;
	size_t max;
	ui_ask_done done;
	void *arg;
	WINDOW *win;
	PANEL *panel;
} ask;

static void place(ask *a, ui_rect r)
{
	int w = r.w - 4 > 76 ? 76 : r.w - 4, h = 4;
	if (w < 10)
		w = 10;
	int y = r.y + (r.h - h) / 2, x = r.x + (r.w - w) / 2;
	WINDOW *old = a->win;
	if (!(a->win = newwin(h, w, y < 0 ? 0 : y, x < 0 ? 0 : x))) {
		a->win = old;
		return;
	}
	if (old) {
		replace_panel(a->panel, a->win);
		delwin(old);
	} else {
		a->panel = new_panel(a->win);
	}
}

static void ask_draw(ui_screen *s, ui_ctx *c, ui_rect r)
{
	ask *a = (ask *)s;
	if (s->below)
		s->below->ops->draw(s->below, c, r);
	s->cur_y = s->cur_x = -1;
	if (!a->win)
		place(a, r);
	if (!a->win)
		return;
	int h, w, by, bx;
	getmaxyx(a->win, h, w);
	getbegyx(a->win, by, bx);
	werase(a->win);
	wattrset(a->win, theme_attr(TH_BORDER_FOCUS));
	theme_box(a->win, 0, 0, h, w);
	wattrset(a->win, theme_attr(TH_HEADING));
	ui_put(a->win, 0, 2, a->title, w - 4);
	/* The field: the part around the cursor when the line is wider than the box. */
	const ed_line *l = &a->line.lines[0];
	int room = w - 4;
	size_t start = ui_scroll_start(l->s, a->line.cx, room);
	wattrset(a->win, theme_attr(TH_SEL_FOCUS));
	ui_fill(a->win, 1, 1, w - 2);
	ui_putw(a->win, 1, 2, l->s + start, ui_wcs_fit(l->s + start, l->len - start, room), room);
	wattrset(a->win, theme_attr(TH_DIM));
	ui_put(a->win, 2, 2, a->hint, w - 4);
	wattrset(a->win, theme_attr(TH_NORMAL));
	int cx = 2 + ui_wcs_cols(l->s + start, a->line.cx - start);
	wmove(a->win, 1, cx); /* the panel is drawn last: its cursor is the terminal's */
	s->cur_y = by + 1, s->cur_x = bx + cx;
	top_panel(a->panel);
}

static void ask_resize(ui_screen *s, ui_ctx *c, ui_rect r)
{
	if (s->below && s->below->ops->resize)
		s->below->ops->resize(s->below, c, r);
	place((ask *)s, r);
}

static unsigned finish(ask *a, ui_ctx *c, bool take)
{
	char *text = take ? ed_text(&a->line) : NULL;
	if (take && !text) {
		ui_status(c, true, "%s", _("Out of memory"));
		return UI_R_REDRAW;
	}
	unsigned r = a->done ? a->done(c, a->arg, text) : 0;
	free(text);
	return UI_R_POP | UI_R_REDRAW | r;
}

static void too_long(ask *a, ui_ctx *c)
{
	ui_status(c, true, ngettext("The line holds at most %zu character; the rest was not taken.",
	                            "The line holds at most %zu characters; the rest was not taken.",
	                            (unsigned long)a->max), a->max);
}

static unsigned ask_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	ask *a = (ask *)s;
	ed_line *l = &a->line.lines[0];
	switch (key) {
	case '\n': case '\r': case UI_KFN | KEY_ENTER:
		return finish(a, c, true);
	case K_ESC:
		return finish(a, c, false);
	case UI_KFN | KEY_BACKSPACE: case 127: case 8:
		ed_backspace(&a->line);
		return UI_R_REDRAW;
	case UI_KFN | KEY_DC:
		ed_delete(&a->line);
		return UI_R_REDRAW;
	case UI_KFN | KEY_LEFT:
		if (a->line.cx)
			a->line.cx--;
		return UI_R_REDRAW;
	case UI_KFN | KEY_RIGHT:
		if (a->line.cx < l->len)
			a->line.cx++;
		return UI_R_REDRAW;
	case UI_KFN | KEY_HOME: case K_CTRL('a'):
		a->line.cx = 0;
		return UI_R_REDRAW;
	case UI_KFN | KEY_END: case K_CTRL('e'):
		a->line.cx = l->len;
		return UI_R_REDRAW;
	default:
		break;
	}
	if (cmd == CMD_QUIT)
		return UI_R_UNHANDLED; /* F10 and ^C as everywhere */
	if (cmd == CMD_BACK)
		return finish(a, c, false);
	if (cmd != CMD_NONE || (key & UI_KFN) || key < 32 || key == 127 ||
	    (key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069))
		return UI_R_NONE; /* not text */
	if (l->len >= a->max)
		too_long(a, c);
	else
		ed_insert(&a->line, (wchar_t)key);
	return UI_R_REDRAW;
}

static unsigned ask_paste(ui_screen *s, ui_ctx *c, const wchar_t *text, size_t n)
{
	ask *a = (ask *)s;
	ed_insert_text(&a->line, text, n, true);
	ed_line *l = &a->line.lines[0];
	if (l->len > a->max) {
		/* Keep what was there and what fits of the paste: cut at the cursor's side. */
		size_t over = l->len - a->max;
		size_t at = a->line.cx >= over ? a->line.cx - over : 0;
		memmove(l->s + at, l->s + at + over, (l->len - at - over) * sizeof *l->s);
		l->len -= over;
		a->line.cx = at;
		too_long(a, c);
	}
	return UI_R_REDRAW;
}

static bool ask_wants_text(ui_screen *s)
{
	(void)s;
	return true;
}

static void ask_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	(void)c;
	ui_crumb_add(buf, n, ((ask *)s)->title);
}

static unsigned ask_pre(ui_screen *s, ui_ctx *c)
{
	(void)s;
	return c->opt->restricted ? 0 : PRE_FREE;
}

static void ask_destroy(ui_screen *s)
{
	ask *a = (ask *)s;
	if (a->panel)
		del_panel(a->panel);
	if (a->win)
		delwin(a->win);
	ed_free(&a->line);
	free(a->title);
	free(a->hint);
	free(a);
}

static const ui_screen_ops ask_ops = {
	.kind = SC_PICK, .draw = ask_draw, .key = ask_key, .resize = ask_resize,
	.pre = ask_pre, .crumb = ask_crumb, .wants_text = ask_wants_text, .paste = ask_paste,
	.destroy = ask_destroy,
};

ui_screen *ui_ask_new(ui_ctx *c, const char *title, const char *hint, const char *text,
                      size_t max, ui_ask_done done, void *arg)
{
	ask *a = calloc(1, sizeof *a);
	char *flat = strdup(text ? text : "");
	if (a && flat) {
		for (char *p = flat; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		a->base.ops = &ask_ops;
		a->title = strdup(title);
		a->hint = strdup(hint);
		a->max = max ? max : 1;
		a->done = done, a->arg = arg;
		if (a->title && a->hint && ed_init(&a->line, flat)) {
			free(flat);
			a->line.cy = 0;
			a->line.cx = a->line.lines[0].len; /* typing goes on at the end */
			return &a->base;
		}
		ask_destroy(&a->base);
		a = NULL;
	}
	free(a);
	free(flat);
	ui_status(c, true, "%s", _("Out of memory"));
	return NULL;
}
