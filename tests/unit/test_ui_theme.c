/* test_ui_theme.c — the colour pairs of the selection, the focus and the other lines
 * with a background of their own are legible (WCAG contrast ratio >= 4.5:1) in the
 * default palettes of PuTTY, xterm and the Linux console, in 8, 16 and 256 colours,
 * the way those terminals draw them (bold makes colours 0–7 bright); with NO_COLOR the
 * selection is reverse video of the terminal's own colours. Other roles (text on the
 * terminal's background) are printed as figures. Every built-in theme is checked the
 * same way; high-contrast must reach 7:1, monochrome uses no colour at all. Also the
 * names the personal settings use for themes, roles, colours and attributes. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "tap.h"
#include "ui/ui_theme.h"

typedef struct {
	unsigned char r, g, b;
} rgb;

typedef struct {
	const char *name;
	rgb ansi[16];
	rgb fg, bg, bold_fg; /* the default colours, and bold default text */
	int max_colors;
} palette;

static const palette palettes[] = {
	{ "PuTTY",
	  { { 0, 0, 0 }, { 187, 0, 0 }, { 0, 187, 0 }, { 187, 187, 0 }, { 0, 0, 187 }, { 187, 0, 187 },
	    { 0, 187, 187 }, { 187, 187, 187 }, { 85, 85, 85 }, { 255, 85, 85 }, { 85, 255, 85 },
	    { 255, 255, 85 }, { 85, 85, 255 }, { 255, 85, 255 }, { 85, 255, 255 }, { 255, 255, 255 } },
	  { 187, 187, 187 }, { 0, 0, 0 }, { 255, 255, 255 }, 256 },
	{ "xterm",
	  { { 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 }, { 0, 0, 238 }, { 205, 0, 205 },
	    { 0, 205, 205 }, { 229, 229, 229 }, { 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 },
	    { 255, 255, 0 }, { 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 } },
	  { 0, 0, 0 }, { 255, 255, 255 }, { 0, 0, 0 }, 256 },
	{ "Linux console",
	  { { 0, 0, 0 }, { 170, 0, 0 }, { 0, 170, 0 }, { 170, 85, 0 }, { 0, 0, 170 }, { 170, 0, 170 },
	    { 0, 170, 170 }, { 170, 170, 170 }, { 85, 85, 85 }, { 255, 85, 85 }, { 85, 255, 85 },
	    { 255, 255, 85 }, { 85, 85, 255 }, { 255, 85, 255 }, { 85, 255, 255 }, { 255, 255, 255 } },
	  { 170, 170, 170 }, { 0, 0, 0 }, { 255, 255, 255 }, 8 },
};

/* Colour index i (-1: the default) as the terminal draws it. */
static rgb colour(const palette *p, int i, bool is_fg, bool bold)
{
	if (i < 0)
		return is_fg ? (bold ? p->bold_fg : p->fg) : p->bg;
	if (i < 16) {
		if (is_fg && bold && i < 8)
			i += 8;
		return p->ansi[i];
	}
	if (i < 232) { /* the 6×6×6 cube */
		static const unsigned char lv[6] = { 0, 95, 135, 175, 215, 255 };
		int k = i - 16;
		return (rgb){ lv[k / 36], lv[k / 6 % 6], lv[k % 6] };
	}
	unsigned char v = (unsigned char)(8 + 10 * (i - 232));
	return (rgb){ v, v, v };
}

static double lin(unsigned char c)
{
	double s = c / 255.0;
	return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double luminance(rgb c)
{
	return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

static double contrast(rgb a, rgb b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static const char *const role_names[TH__COUNT] = {
	"normal", "title", "key", "key label", "key off", "border", "border (focus)",
	"selection (focus)", "selection", "unread", "heading", "quote", "dim", "status", "error",
	"prompt", "heading (focus)",
};

int main(void)
{
	/* The roles that must be legible: their own background, or the selection. */
	/* The focus too: the border of the focused panel and its heading (they say where
	 * the keys go).
	 * Dim text, unavailable keys and the other borders are left out on purpose
	 * (inactive or not text); they are printed as figures. */
	static const th_role must[] = { TH_SEL_FOCUS, TH_SEL, TH_TITLE, TH_KEY_LABEL, TH_ERROR,
	                                TH_PROMPT, TH_KEY, TH_UNREAD, TH_HEADING, TH_STATUS,
	                                TH_QUOTE, TH_BORDER_FOCUS,
	                                TH_HEADING_FOCUS };
	static const int depths[] = { 8, 16, 256 };
	for (int t = 0; t < TH_THEME__COUNT; t++) {
	double need = t == TH_THEME_CONTRAST ? 7.0 : 4.5;
	const char *tn = theme_name((th_theme)t);
	if (t == TH_THEME_MONO) {
		int coloured = 0;
		for (int r = 0; r < TH__COUNT; r++) {
			th_colors c;
			coloured += theme_colors_in((th_theme)t, (th_role)r, 256, true, &c);
		}
		ok(coloured == 0, "%s: no role has colours (%d do)", tn, coloured);
		continue;
	}
	for (size_t p = 0; p < sizeof palettes / sizeof palettes[0]; p++) {
		const palette *pal = &palettes[p];
		for (size_t d = 0; d < 3; d++) {
			int n = depths[d];
			if (n > pal->max_colors)
				continue;
			for (int r = 0; r < TH__COUNT; r++) {
				th_colors c;
				if (!theme_colors_in((th_theme)t, (th_role)r, n, true, &c))
					continue;
				bool bold = (c.attrs & A_BOLD) != 0;
				rgb fg = colour(pal, c.fg, true, bold), bg = colour(pal, c.bg, false, false);
				if (c.attrs & A_REVERSE) {
					rgb sw = fg;
					fg = bg, bg = sw;
				}
				double ratio = contrast(fg, bg);
				bool required = false;
				for (size_t k = 0; k < sizeof must / sizeof must[0]; k++)
					required |= must[k] == (th_role)r;
				if (required)
					ok(ratio >= need, "%s theme, %s, %d colours: %s %.2f:1 (%d,%d,%d on %d,%d,%d)",
					   tn, pal->name, n, role_names[r], ratio, fg.r, fg.g, fg.b, bg.r, bg.g,
					   bg.b);
				else
					diag("figure: contrast: %s theme, %s, %d colours: %s %.2f:1", tn, pal->name,
					     n, role_names[r], ratio);
			}
		}
		/* NO_COLOR: the selection is reverse video of the default colours. */
		double ratio = contrast(pal->fg, pal->bg);
		if (t == TH_THEME_DEFAULT)
			ok(ratio >= 4.5, "%s, NO_COLOR: the selection (reverse video) %.2f:1", pal->name,
			   ratio);
	}
	}
	/* The default theme is the one theme_colors gives. */
	int same = 0;
	for (int r = 0; r < TH__COUNT; r++) {
		th_colors a, b;
		bool ha = theme_colors((th_role)r, 256, true, &a);
		bool hb = theme_colors_in(TH_THEME_DEFAULT, (th_role)r, 256, true, &b);
		same += ha == hb && (!ha || (a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs));
	}
	ok(same == TH__COUNT, "the default theme is theme_colors (%d of %d roles)", same, TH__COUNT);
	/* Names used by the settings: every one found again, unknown ones refused. */
	for (int t = 0; t < TH_THEME__COUNT; t++)
		ok(theme_by_name(theme_name((th_theme)t)) == t, "theme name %s", theme_name((th_theme)t));
	ok(theme_by_name("dark") == -1, "an unknown theme is refused");
	int roles = 0;
	for (int r = 0; r < TH__COUNT; r++)
		roles += theme_role_by_name(theme_role_name((th_role)r)) == r;
	ok(roles == TH__COUNT, "every role has a name found again (%d)", roles);
	short col = 0;
	ok(theme_colour_by_name("bright-red", &col) && col == 9, "bright-red is 9 (%d)", col);
	ok(theme_colour_by_name("default", &col) && col == -1, "default is -1");
	ok(theme_colour_by_name("color231", &col) && col == 231, "color231");
	ok(!theme_colour_by_name("color256", &col) && !theme_colour_by_name("colour", &col) &&
	       !theme_colour_by_name("pink", &col) && !theme_colour_by_name("color", &col),
	   "color256, colour, pink and color are refused");
	attr_t at = 0;
	ok(theme_attr_by_name("underline", &at) && at == A_UNDERLINE, "underline");
	ok(!theme_attr_by_name("blink", &at), "blink is refused");
	return tap_done();
}
