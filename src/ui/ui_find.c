/* ui_find.c — the find line and matching shared by the screens one reads (see
 * ui_find.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/search.h"
#include "i18n.h"
#include "ui/ui_cmd.h"
#include "ui/ui_find.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

void ui_find_begin(ui_find *f)
{
	if (f->in.lines)
		ed_free(&f->in);
	f->typing = ed_init(&f->in, "");
}

void ui_find_paste(ui_find *f, const wchar_t *text, size_t n)
{
	if (f->typing)
		ed_insert_text(&f->in, text, n, true);
}

bool ui_find_lets_through(ui_find *f, ui_cmd_id cmd, int key)
{
	if (cmd != CMD_QUIT || !(key & UI_KFN))
		return false;
	f->typing = false;
	return true;
}

int ui_find_key(ui_find *f, ui_ctx *c, int key)
{
	ed_buf *b = &f->in;
	if (key == '\n' || key == '\r' || key == (UI_KFN | KEY_ENTER)) {
		f->typing = false;
		char *typed = ed_text(b);
		ui_find_end(f);
		f->terms = typed ? search_find_terms(c->d, typed) : NULL;
		/* For the marks: the words typed and their lemmas, as beginnings of words. */
		f->marks = f->terms ? strdup(f->terms) : NULL;
		for (char *p = f->marks; p && *p; p++)
			if (*p == '=')
				*p = ' ';
		free(typed);
		return UI_FIND_DONE;
	}
	switch (key) {
	case K_ESC: case K_CTRL('c'): case K_CTRL('g'):
		f->typing = false;
		return UI_FIND_CANCELLED;
	case UI_KFN | KEY_BACKSPACE: case 127: case 8: ed_backspace(b); break;
	case UI_KFN | KEY_LEFT: if (b->cx) b->cx--; break;
	case UI_KFN | KEY_RIGHT: if (b->cx < b->lines[0].len) b->cx++; break;
	default:
		/* no controls, no bidirectional overrides in what is typed */
		if (!(key & UI_KFN) && key >= 32 && key != 127 &&
		    !((key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069)))
			ed_insert(b, (wchar_t)key);
	}
	return UI_FIND_TYPING;
}

bool ui_find_hit(const ui_find *f, ui_ctx *c, const char *utf8)
{
	return f->terms && utf8 &&
	       search_text_matches(c->d, utf8, strlen(utf8), f->terms, NULL, NULL);
}

bool ui_find_hit_w(const ui_find *f, ui_ctx *c, const wchar_t *s, size_t n)
{
	if (!f->terms)
		return false;
	char *u = ui_wcs_to_utf8(s, n);
	bool hit = ui_find_hit(f, c, u);
	free(u);
	return hit;
}

void ui_find_putw(const ui_find *f, int y, int x, const wchar_t *s, size_t n, int cols)
{
	char *u = f->marks ? ui_wcs_to_utf8(s, n) : NULL;
	if (u)
		ui_put_marked(stdscr, y, x, u, cols, f->marks, A_BOLD | A_UNDERLINE);
	else
		ui_putw_cut(stdscr, y, x, s, n, cols); /* a link too long is cut visibly */
	free(u);
}

void ui_find_draw(const ui_find *f, ui_screen *base, ui_rect r)
{
	if (!f->typing)
		return;
	int yb = r.y + r.h - 1;
	theme_set(stdscr, TH_SEL);
	ui_fill(stdscr, yb, r.x, r.w);
	int lw = ui_put(stdscr, yb, r.x + 1, _("Find: "), r.w - 2);
	const ed_line *in = &f->in.lines[0];
	ui_putw(stdscr, yb, r.x + 1 + lw, in->s, in->len, r.w - 2 - lw);
	theme_set(stdscr, TH_NORMAL);
	base->cur_y = yb;
	base->cur_x = r.x + 1 + lw + ui_wcs_cols(in->s, f->in.cx);
}

char *ui_find_typed(const ui_find *f)
{
	char *t = f->in.lines ? ed_text(&f->in) : NULL;
	return t ? t : strdup("");
}

void ui_find_end(ui_find *f)
{
	free(f->terms);
	free(f->marks);
	f->terms = f->marks = NULL;
}

void ui_find_free(ui_find *f)
{
	if (f->in.lines)
		ed_free(&f->in);
	ui_find_end(f);
	f->typing = false;
}
