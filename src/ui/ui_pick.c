/* ui_pick.c — see ui_pick.h. The box is a window in a panel, so the screen below is
 * drawn as usual and the panel library keeps the box on top. */
#include "config.h"

#include <panel.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "text/plfold.h"
#include "text/utf8.h"
#include "ui/ui_pick.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

typedef struct {
	ui_screen base;
	char *title;
	char **labels;
	size_t n, sel, top;
	ui_pick_done done;
	void *arg;
	WINDOW *win;
	PANEL *panel;
	int rows; /* list rows inside the box */
	char typed[64]; /* letters typed so far: the rows are searched by this prefix */
} pick;

static void place(pick *p, ui_rect r)
{
	int w = ui_width(p->title) + 6;
	for (size_t i = 0; i < p->n; i++) {
		int lw = ui_width(p->labels[i]) + 6;
		if (lw > w)
			w = lw;
	}
	if (w > r.w - 4)
		w = r.w - 4;
	if (w < 10)
		w = 10;
	int h = (int)p->n + 2;
	if (h > r.h - 2)
		h = r.h - 2;
	if (h < 3)
		h = 3;
	p->rows = h - 2;
	int y = r.y + (r.h - h) / 2, x = r.x + (r.w - w) / 2;
	if (p->win) {
		/* A new size or place: a new window for the same panel. */
		WINDOW *old = p->win;
		p->win = newwin(h, w, y, x);
		if (p->win) {
			replace_panel(p->panel, p->win);
			delwin(old);
		} else {
			p->win = old;
		}
	} else if ((p->win = newwin(h, w, y, x)) != NULL) {
		p->panel = new_panel(p->win);
	}
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->rows > 0 && p->sel >= p->top + (size_t)p->rows)
		p->top = p->sel + 1 - (size_t)p->rows;
}

static void pick_draw(ui_screen *s, ui_ctx *c, ui_rect r)
{
	pick *p = (pick *)s;
	if (s->below)
		s->below->ops->draw(s->below, c, r);
	s->cur_y = s->cur_x = -1;
	int h, w;
	if (!p->win)
		place(p, r);
	if (!p->win)
		return;
	getmaxyx(p->win, h, w);
	werase(p->win);
	wattrset(p->win, theme_attr(TH_BORDER_FOCUS));
	theme_box(p->win, 0, 0, h, w);
	wattrset(p->win, theme_attr(TH_HEADING));
	ui_put(p->win, 0, 2, p->title, w - 4);
	for (int y = 0; y < p->rows && p->top + (size_t)y < p->n; y++) {
		size_t i = p->top + (size_t)y;
		wattrset(p->win, theme_attr(i == p->sel ? TH_SEL_FOCUS : TH_NORMAL));
		ui_fill(p->win, y + 1, 1, w - 2);
		ui_put(p->win, y + 1, 2, p->labels[i], w - 4);
	}
	if (p->n) { /* the position counter, on the bottom border */
		char where[48];
		snprintf(where, sizeof where, " %zu/%zu ", p->sel + 1, p->n);
		int ww = ui_width(where);
		if (ww < w - 2) {
			wattrset(p->win, theme_attr(TH_BORDER_FOCUS));
			ui_put(p->win, h - 1, w - 1 - ww, where, ww);
		}
	}
	wattrset(p->win, theme_attr(TH_NORMAL));
	top_panel(p->panel);
}

static void pick_resize(ui_screen *s, ui_ctx *c, ui_rect r)
{
	pick *p = (pick *)s;
	if (s->below && s->below->ops->resize)
		s->below->ops->resize(s->below, c, r);
	place(p, r);
}

/* The first row from `from` on (wrapping) whose label starts with prefix, ignoring
 * case and Polish letters; -1 when none. */
static long find_prefix(const pick *p, size_t from, const char *prefix)
{
	char *k = pl_fold(prefix, strlen(prefix));
	long found = -1;
	for (size_t step = 0; k && *k && step < p->n && found < 0; step++) {
		size_t i = (from + step) % p->n;
		char *f = pl_fold(p->labels[i], strlen(p->labels[i]));
		if (f && strncmp(f, k, strlen(k)) == 0)
			found = (long)i;
		free(f);
	}
	free(k);
	return found;
}

/* Type-ahead: letters typed one after another narrow to the row starting with them
 * ("prz" finds "przedsiębiorczość" past "partycypacja"); a letter that matches nothing
 * with the others starts again, from the row after the selection. */
static bool jump(pick *p, int key)
{
	char u[8];
	size_t ul = utf8_encode((uint32_t)key, u), tl = strlen(p->typed);
	u[ul] = '\0';
	if (tl + ul < sizeof p->typed) {
		memcpy(p->typed + tl, u, ul + 1);
		long i = find_prefix(p, p->sel, p->typed);
		if (i >= 0) {
			p->sel = (size_t)i;
			return true;
		}
	}
	snprintf(p->typed, sizeof p->typed, "%s", u);
	long i = find_prefix(p, (p->sel + 1) % p->n, p->typed);
	if (i >= 0)
		p->sel = (size_t)i;
	return i >= 0;
}

static unsigned pick_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	pick *p = (pick *)s;
	size_t page = p->rows > 1 ? (size_t)p->rows - 1 : 1;
	if (!p->n)
		return cmd == CMD_OPEN ? UI_R_POP : UI_R_UNHANDLED;
	if (cmd != CMD_NONE)
		p->typed[0] = '\0';
	switch (cmd) {
	case CMD_UP: p->sel = p->sel ? p->sel - 1 : p->n - 1; break;
	case CMD_DOWN: p->sel = p->sel + 1 < p->n ? p->sel + 1 : 0; break;
	case CMD_PAGE_UP: p->sel = p->sel > page ? p->sel - page : 0; break;
	case CMD_PAGE_DOWN: p->sel = p->sel + page < p->n ? p->sel + page : p->n - 1; break;
	case CMD_HOME: p->sel = 0; break;
	case CMD_END: p->sel = p->n - 1; break;
	case CMD_OPEN: return UI_R_POP | (p->done ? p->done(c, p->arg, p->sel) : 0) | UI_R_REDRAW;
	case CMD_NONE:
		if (key > ' ' && !(key & UI_KFN) && jump(p, key))
			break;
		return UI_R_NONE;
	/* Only leaving goes past the box; help or search would open under it. */
	case CMD_BACK:
	case CMD_QUIT: return UI_R_UNHANDLED;
	default: return UI_R_NONE;
	}
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->rows > 0 && p->sel >= p->top + (size_t)p->rows)
		p->top = p->sel + 1 - (size_t)p->rows;
	return UI_R_REDRAW;
}

/* Letters are for finding a row (type-ahead), so they are not commands here. */
static bool pick_wants_text(ui_screen *s)
{
	return true;
}

static void pick_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	ui_crumb_add(buf, n, ((pick *)s)->title);
}

static unsigned pick_pre(ui_screen *s, ui_ctx *c)
{
	return c->opt->restricted ? 0 : PRE_FREE;
}

static void pick_destroy(ui_screen *s)
{
	pick *p = (pick *)s;
	if (p->panel)
		del_panel(p->panel);
	if (p->win)
		delwin(p->win);
	for (size_t i = 0; i < p->n; i++)
		free(p->labels[i]);
	free(p->labels);
	free(p->title);
	free(p);
}

static const ui_screen_ops pick_ops = {
	.kind = SC_PICK, .draw = pick_draw, .key = pick_key, .resize = pick_resize,
	.pre = pick_pre, .crumb = pick_crumb, .wants_text = pick_wants_text,
	.destroy = pick_destroy,
};

ui_screen *ui_pick_new(ui_ctx *c, const char *title, const char *const *labels, size_t n,
                       size_t sel, ui_pick_done done, void *arg)
{
	pick *p = calloc(1, sizeof *p);
	if (p) {
		p->base.ops = &pick_ops;
		p->title = strdup(title);
		p->labels = calloc(n ? n : 1, sizeof *p->labels);
		p->done = done, p->arg = arg;
		p->sel = sel < n ? sel : 0;
		bool ok = p->title && p->labels;
		for (size_t i = 0; ok && i < n; i++, p->n++)
			ok = (p->labels[i] = strdup(labels[i])) != NULL;
		if (ok)
			return &p->base;
		pick_destroy(&p->base);
	}
	ui_status(c, true, "%s", _("Out of memory"));
	return NULL;
}
