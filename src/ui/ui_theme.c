/* ui_theme.c — a palette that works with 8 colours, uses more with 16/256, and falls
 * back to attributes alone (bold, reverse, underline) for NO_COLOR / monochrome. */
#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <term.h>

#include "ui/ui_theme.h"

static attr_t attrs[TH__COUNT];

enum { LN_H, LN_V, LN_UL, LN_UR, LN_LL, LN_LR, LN__COUNT };
static th_lines lines_kind = TH_LINES_ASCII;
static cchar_t line_cells[LN__COUNT];

static bool has_cap(const char *name)
{
	const char *s = tigetstr(name);
	return s && s != (const char *)-1 && *s;
}

static void lines_init(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "UTF-8") == 0)
		lines_kind = TH_LINES_UNICODE;
	else if (cs && (strcmp(cs, "ANSI_X3.4-1968") == 0 || strcmp(cs, "ASCII") == 0 ||
	                strcmp(cs, "US-ASCII") == 0))
		lines_kind = TH_LINES_ASCII; /* the C locale: what any terminal shows */
	else if (has_cap("acsc") && has_cap("smacs"))
		lines_kind = TH_LINES_ACS;
	else
		lines_kind = TH_LINES_ASCII;
	static const wchar_t uni[LN__COUNT] = { L'─', L'│', L'┌', L'┐', L'└', L'┘' };
	static const wchar_t ascii[LN__COUNT] = { L'-', L'|', L'+', L'+', L'+', L'+' };
	for (int i = 0; i < LN__COUNT; i++) {
		if (lines_kind == TH_LINES_ACS) {
			const cchar_t *acs[LN__COUNT] = { WACS_HLINE,     WACS_VLINE,     WACS_ULCORNER,
			                                  WACS_URCORNER, WACS_LLCORNER, WACS_LRCORNER };
			line_cells[i] = *acs[i];
		} else {
			wchar_t s[2] = { lines_kind == TH_LINES_UNICODE ? uni[i] : ascii[i], 0 };
			setcchar(&line_cells[i], s, A_NORMAL, 0, NULL);
		}
	}
}

th_lines theme_lines(void)
{
	return lines_kind;
}

void theme_hline(WINDOW *w, int y, int x, int n)
{
	if (n > 0)
		mvwhline_set(w, y, x, &line_cells[LN_H], n);
}

void theme_vline(WINDOW *w, int y, int x, int n)
{
	if (n > 0)
		mvwvline_set(w, y, x, &line_cells[LN_V], n);
}

void theme_box(WINDOW *w, int y, int x, int h, int wd)
{
	if (h < 2 || wd < 2)
		return;
	mvwadd_wch(w, y, x, &line_cells[LN_UL]);
	theme_hline(w, y, x + 1, wd - 2);
	mvwadd_wch(w, y, x + wd - 1, &line_cells[LN_UR]);
	theme_vline(w, y + 1, x, h - 2);
	theme_vline(w, y + 1, x + wd - 1, h - 2);
	mvwadd_wch(w, y + h - 1, x, &line_cells[LN_LL]);
	theme_hline(w, y + h - 1, x + 1, wd - 2);
	mvwadd_wch(w, y + h - 1, x + wd - 1, &line_cells[LN_LR]);
}

/* Monochrome: focus and unread must still be visible. */
static void mono(void)
{
	attrs[TH_NORMAL] = A_NORMAL;
	attrs[TH_TITLE] = A_REVERSE;
	attrs[TH_KEY] = A_BOLD;
	attrs[TH_KEY_LABEL] = A_REVERSE;
	attrs[TH_KEY_OFF] = A_NORMAL;
	attrs[TH_BORDER] = A_NORMAL;
	attrs[TH_BORDER_FOCUS] = A_BOLD;
	attrs[TH_SEL_FOCUS] = A_REVERSE;
	attrs[TH_SEL] = A_UNDERLINE;
	attrs[TH_UNREAD] = A_BOLD;
	attrs[TH_HEADING] = A_BOLD | A_UNDERLINE;
	attrs[TH_QUOTE] = A_NORMAL;
	attrs[TH_DIM] = A_NORMAL;
	attrs[TH_STATUS] = A_BOLD;
	attrs[TH_ERROR] = A_BOLD | A_REVERSE;
	attrs[TH_PROMPT] = A_BOLD | A_REVERSE;
}

static short next_pair = 1;

static attr_t pair(short fg, short bg, attr_t extra)
{
	short p = next_pair++;
	if (p >= COLOR_PAIRS)
		return extra;
	init_pair(p, fg, bg);
	return (attr_t)COLOR_PAIR(p) | extra;
}

void theme_init(bool no_color)
{
	lines_init();
	mono();
	if (no_color || !has_colors() || start_color() == ERR)
		return;
	short bg = -1, fg = -1;
	if (use_default_colors() == ERR)
		bg = COLOR_BLACK, fg = COLOR_WHITE;
	bool rich = COLORS >= 256, bright = COLORS >= 16;
	short title_bg = rich ? 24 : COLOR_BLUE;
	short sel_bg = rich ? 31 : COLOR_CYAN;
	short unread = rich ? 214 : bright ? 11 : COLOR_YELLOW;
	short dim = rich ? 245 : bright ? 8 : fg;
	short accent = rich ? 38 : bright ? 14 : COLOR_CYAN;

	attrs[TH_TITLE] = pair(COLOR_WHITE, title_bg, A_BOLD);
	attrs[TH_KEY] = pair(COLOR_WHITE, bg, A_BOLD);
	attrs[TH_KEY_LABEL] = pair(COLOR_BLACK, COLOR_CYAN, 0);
	attrs[TH_KEY_OFF] = pair(dim, bg, 0);
	attrs[TH_BORDER] = pair(dim == fg ? fg : dim, bg, 0);
	attrs[TH_BORDER_FOCUS] = pair(accent, bg, A_BOLD);
	attrs[TH_SEL_FOCUS] = pair(rich ? 231 : COLOR_BLACK, sel_bg, A_BOLD);
	attrs[TH_SEL] = pair(fg, bg, A_UNDERLINE);
	attrs[TH_UNREAD] = pair(unread, bg, A_BOLD);
	attrs[TH_HEADING] = pair(accent, bg, A_BOLD);
	attrs[TH_QUOTE] = pair(COLOR_GREEN, bg, 0);
	attrs[TH_DIM] = pair(dim, bg, 0);
	attrs[TH_STATUS] = pair(COLOR_GREEN, bg, A_BOLD);
	attrs[TH_ERROR] = pair(COLOR_WHITE, COLOR_RED, A_BOLD);
	attrs[TH_PROMPT] = pair(COLOR_BLACK, COLOR_YELLOW, A_BOLD);
	if (bg == COLOR_BLACK)
		attrs[TH_NORMAL] = pair(fg, bg, 0);
}

attr_t theme_attr(th_role r)
{
	return r < TH__COUNT ? attrs[r] : A_NORMAL;
}

void theme_set(WINDOW *w, th_role r)
{
	wattrset(w, (int)theme_attr(r));
}
