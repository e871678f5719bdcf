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
static bool default_theme(th_role r, int ncolors, bool default_colors, th_colors *out)
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

/* Light: made for a white background. Our own backgrounds are pale (cyan, yellow) with
 * black text; the dim grey is darker; the rest is the default. */
static bool light_theme(th_role r, int ncolors, bool default_colors, th_colors *out)
{
	bool rich = ncolors >= 256, bright = ncolors >= 16;
	short pale = rich ? 153 : bright ? 14 : COLOR_CYAN;
	switch (r) {
	case TH_TITLE:
	case TH_HEADING_FOCUS: *out = (th_colors){ COLOR_BLACK, pale, 0 }; return true;
	case TH_KEY_LABEL: *out = (th_colors){ COLOR_BLACK, COLOR_WHITE, 0 }; return true;
	case TH_SEL_FOCUS:
		*out = bright ? (th_colors){ COLOR_BLACK, rich ? 229 : 11, 0 }
		              : (th_colors){ COLOR_WHITE, COLOR_BLUE, A_BOLD };
		return true;
	case TH_PROMPT:
		*out = bright ? (th_colors){ COLOR_BLACK, rich ? 159 : 14, 0 }
		              : (th_colors){ COLOR_WHITE, COLOR_MAGENTA, A_BOLD };
		return true;
	case TH_KEY_OFF:
	case TH_BORDER:
	case TH_DIM:
		if (!rich)
			break;
		*out = (th_colors){ 242, default_colors ? -1 : COLOR_BLACK, 0 };
		return true;
	default: break;
	}
	return default_theme(r, ncolors, default_colors, out);
}

/* High contrast: 7:1 or better (WCAG AAA) for every role that carries text, nothing
 * dimmed, every line of text in the terminal's own colour or on black and white. */
static bool contrast_theme(th_role r, int ncolors, bool default_colors, th_colors *out)
{
	short bg = -1, fg = -1;
	if (!default_colors)
		bg = COLOR_BLACK, fg = COLOR_WHITE;
	bool rich = ncolors >= 256, bright = ncolors >= 16;
	short white = rich ? 231 : bright ? 15 : COLOR_WHITE;
	short yellow = rich ? 226 : 11;
	short cyan = rich ? 51 : bright ? 14 : COLOR_CYAN;
	th_colors c;
	switch (r) {
	case TH_TITLE:
	case TH_HEADING_FOCUS:
	case TH_KEY_LABEL: c = (th_colors){ COLOR_BLACK, white, 0 }; break;
	case TH_SEL_FOCUS:
		/* No yellow background in 8 colours (brown on the Linux console): reverse. */
		c = bright ? (th_colors){ COLOR_BLACK, yellow, 0 } : (th_colors){ fg, bg, A_REVERSE };
		break;
	case TH_ERROR: c = (th_colors){ fg, bg, A_REVERSE | A_BOLD }; break;
	case TH_PROMPT: c = (th_colors){ COLOR_BLACK, cyan, 0 }; break;
	case TH_SEL: c = (th_colors){ fg, bg, A_UNDERLINE | A_BOLD }; break;
	case TH_QUOTE:
	case TH_KEY_OFF:
	case TH_BORDER:
	case TH_DIM: c = (th_colors){ fg, bg, 0 }; break;
	case TH_NORMAL:
		if (default_colors)
			return false;
		c = (th_colors){ fg, bg, 0 };
		break;
	default: c = (th_colors){ fg, bg, A_BOLD }; break;
	}
	*out = c;
	return true;
}

bool theme_colors_in(th_theme t, th_role r, int ncolors, bool default_colors, th_colors *out)
{
	switch (t) {
	case TH_THEME_LIGHT: return light_theme(r, ncolors, default_colors, out);
	case TH_THEME_CONTRAST: return contrast_theme(r, ncolors, default_colors, out);
	case TH_THEME_MONO: return false;
	default: return default_theme(r, ncolors, default_colors, out);
	}
}

bool theme_colors(th_role r, int ncolors, bool default_colors, th_colors *out)
{
	return default_theme(r, ncolors, default_colors, out);
}

static th_theme chosen = TH_THEME_DEFAULT;
static bool overridden[TH__COUNT];
static th_colors overrides[TH__COUNT];

void theme_choose(th_theme t)
{
	chosen = t < TH_THEME__COUNT ? t : TH_THEME_DEFAULT;
}

th_theme theme_chosen(void)
{
	return chosen;
}

void theme_override(th_role r, th_colors c)
{
	if (r < TH__COUNT) {
		overridden[r] = true;
		overrides[r] = c;
	}
}

static const char *const theme_names[TH_THEME__COUNT] = { "default", "light", "high-contrast",
                                                          "monochrome" };
static const char *const role_names[TH__COUNT] = {
	"normal", "title", "key", "key-label", "key-off", "border", "border-focus",
	"selection-focus", "selection", "unread", "heading", "quote", "dim", "status", "error",
	"prompt", "heading-focus",
};

const char *theme_name(th_theme t)
{
	return t < TH_THEME__COUNT ? theme_names[t] : NULL;
}

int theme_by_name(const char *name)
{
	for (int i = 0; i < TH_THEME__COUNT; i++)
		if (strcmp(name, theme_names[i]) == 0)
			return i;
	return -1;
}

const char *theme_role_name(th_role r)
{
	return r < TH__COUNT ? role_names[r] : NULL;
}

int theme_role_by_name(const char *name)
{
	for (int i = 0; i < TH__COUNT; i++)
		if (strcmp(name, role_names[i]) == 0)
			return i;
	return -1;
}

bool theme_colour_by_name(const char *name, short *out)
{
	static const char *const base[8] = { "black", "red",     "green", "yellow",
	                                     "blue",  "magenta", "cyan",  "white" };
	if (strcmp(name, "default") == 0) {
		*out = -1;
		return true;
	}
	bool bright = strncmp(name, "bright-", 7) == 0;
	for (short i = 0; i < 8; i++)
		if (strcmp(bright ? name + 7 : name, base[i]) == 0) {
			*out = (short)(bright ? i + 8 : i);
			return true;
		}
	if (strncmp(name, "color", 5) == 0 && name[5]) {
		int v = 0;
		for (const char *p = name + 5; *p; p++) {
			if (*p < '0' || *p > '9' || (v = v * 10 + (*p - '0')) > 255)
				return false;
		}
		*out = (short)v;
		return true;
	}
	return false;
}

bool theme_attr_by_name(const char *name, attr_t *out)
{
	static const struct {
		const char *name;
		attr_t a;
	} names[] = { { "normal", A_NORMAL }, { "bold", A_BOLD }, { "underline", A_UNDERLINE },
		      { "reverse", A_REVERSE } };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].a;
			return true;
		}
	return false;
}

void theme_init(bool no_color)
{
	lines_init();
	mono();
	next_pair = 1;
	bool colours = !no_color && has_colors() && start_color() != ERR;
	bool defaults = colours && use_default_colors() != ERR;
	for (int r = 0; r < TH__COUNT; r++) {
		th_colors c;
		if (overridden[r]) {
			c = overrides[r];
			if (!colours) {
				if (c.attrs)
					attrs[r] = c.attrs;
				continue;
			}
			/* Without the terminal's own colours, "default" is white on black. */
			if (!defaults && c.fg < 0)
				c.fg = COLOR_WHITE;
			if (!defaults && c.bg < 0)
				c.bg = COLOR_BLACK;
			/* A colour the terminal lacks: its attributes alone. */
			if (c.fg >= COLORS || c.bg >= COLORS)
				attrs[r] = c.attrs ? c.attrs : attrs[r];
			else
				attrs[r] = pair(c.fg, c.bg, c.attrs);
			continue;
		}
		if (colours && theme_colors_in(chosen, (th_role)r, COLORS, defaults, &c))
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
