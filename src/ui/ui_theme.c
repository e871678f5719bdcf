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
	attrs[TH_HEADING_FOCUS] = A_BOLD | A_REVERSE;
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

/* The pairs are chosen for contrast (tests/unit/test_ui_theme.c computes it in PuTTY's,
 * xterm's and the Linux console's palettes, >= 4.5:1): text on the terminal's own
 * background keeps the terminal's own colour (bold where it stands out): no colour is
 * legible both on PuTTY's black and on xterm's white; colours go with a background of
 * our own. No bold on a black foreground (bold black is drawn dark grey), the 256-colour
 * selection on a darker blue, and no yellow background in 8 colours (the Linux console
 * shows it brown). */
bool theme_colors(th_role r, int ncolors, bool default_colors, th_colors *out)
{
	short bg = -1, fg = -1;
	if (!default_colors)
		bg = COLOR_BLACK, fg = COLOR_WHITE;
	bool rich = ncolors >= 256, bright = ncolors >= 16;
	short title_bg = rich ? 24 : COLOR_BLUE;
	short sel_bg = rich ? 25 : COLOR_CYAN;
	short dim = rich ? 245 : bright ? 8 : fg;
	th_colors c;
	switch (r) {
	case TH_TITLE: c = (th_colors){ COLOR_WHITE, title_bg, A_BOLD }; break;
	case TH_KEY: c = (th_colors){ fg, bg, A_BOLD }; break;
	case TH_KEY_LABEL: c = (th_colors){ COLOR_BLACK, COLOR_CYAN, 0 }; break;
	case TH_KEY_OFF: c = (th_colors){ dim, bg, 0 }; break;
	case TH_BORDER: c = (th_colors){ dim, bg, 0 }; break;
	/* The focused border in the terminal's own colour, bold (no colour is legible on
	 * both PuTTY's black and xterm's white; the other borders are dim), and its heading
	 * on a background of our own. */
	case TH_BORDER_FOCUS: c = (th_colors){ fg, bg, A_BOLD }; break;
	case TH_HEADING_FOCUS: c = (th_colors){ COLOR_WHITE, title_bg, A_BOLD }; break;
	case TH_SEL_FOCUS:
		c = rich ? (th_colors){ 231, sel_bg, A_BOLD } : (th_colors){ COLOR_BLACK, sel_bg, 0 };
		break;
	case TH_SEL: c = (th_colors){ fg, bg, A_UNDERLINE }; break;
	case TH_UNREAD: c = (th_colors){ fg, bg, A_BOLD }; break;
	case TH_HEADING: c = (th_colors){ fg, bg, A_BOLD }; break;
	case TH_QUOTE: c = (th_colors){ fg, bg, 0 }; break;
	case TH_DIM: c = (th_colors){ dim, bg, 0 }; break;
	case TH_STATUS: c = (th_colors){ fg, bg, A_BOLD }; break;
	case TH_ERROR: c = (th_colors){ COLOR_WHITE, COLOR_RED, A_BOLD }; break;
	case TH_PROMPT:
		c = bright ? (th_colors){ COLOR_BLACK, rich ? 220 : 11, 0 }
		           : (th_colors){ COLOR_WHITE, COLOR_MAGENTA, A_BOLD };
		break;
	case TH_NORMAL:
		if (default_colors)
			return false;
		c = (th_colors){ fg, bg, 0 };
		break;
	default: return false;
	}
	*out = c;
	return true;
}

void theme_init(bool no_color)
{
	lines_init();
	mono();
	if (no_color || !has_colors() || start_color() == ERR)
		return;
	bool defaults = use_default_colors() != ERR;
	for (int r = 0; r < TH__COUNT; r++) {
		th_colors c;
		if (theme_colors((th_role)r, COLORS, defaults, &c))
			attrs[r] = pair(c.fg, c.bg, c.attrs);
	}
}

attr_t theme_attr(th_role r)
{
	return r < TH__COUNT ? attrs[r] : A_NORMAL;
}

void theme_set(WINDOW *w, th_role r)
{
	wattrset(w, (int)theme_attr(r));
}
