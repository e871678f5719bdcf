/* ui_theme.c — a palette that works with 8 colours, uses more with 16/256, and falls
 * back to attributes alone (bold, reverse, underline) for NO_COLOR / monochrome. */
#include "config.h"

#include "ui/ui_theme.h"

static attr_t attrs[TH__COUNT];

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
