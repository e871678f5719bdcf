/* ui_theme.h — colours and attributes by role, so screens never pick colours. */
#ifndef EMPIRIE_UI_THEME_H
#define EMPIRIE_UI_THEME_H

#include <curses.h>
#include <stdbool.h>

typedef enum {
	TH_NORMAL,
	TH_TITLE,         /* the title line */
	TH_KEY,           /* "F1" on the key bar */
	TH_KEY_LABEL,     /* "Help" on the key bar */
	TH_KEY_OFF,       /* a command not available now */
	TH_BORDER,
	TH_BORDER_FOCUS,
	TH_SEL_FOCUS,     /* the selected row of the focused list */
	TH_SEL,           /* the selected row of another list */
	TH_UNREAD,
	TH_HEADING,
	TH_QUOTE,
	TH_DIM,
	TH_STATUS,
	TH_ERROR,
	TH_PROMPT,
	TH_HEADING_FOCUS, /* the heading of the focused panel */
	TH__COUNT
} th_role;

/* A role's colours for a terminal of ncolors colours (-1: the terminal's default
 * colour, when default_colors); false when the role keeps the terminal's defaults. */
typedef struct {
	short fg, bg;
	attr_t attrs;
} th_colors;
bool theme_colors(th_role r, int ncolors, bool default_colors, th_colors *out);

/* The built-in themes (`theme NAME` in the personal settings). Each keeps the contrast
 * rule of tests/unit/test_ui_theme.c; monochrome uses attributes only. */
typedef enum {
	TH_THEME_DEFAULT,
	TH_THEME_LIGHT,    /* for a light (white) terminal background */
	TH_THEME_CONTRAST, /* high contrast: 7:1 where the default asks 4.5:1 */
	TH_THEME_MONO,     /* no colours: bold, reverse and underline only */
	TH_THEME__COUNT
} th_theme;
bool theme_colors_in(th_theme t, th_role r, int ncolors, bool default_colors, th_colors *out);
/* Names as the settings write them: "default", "light", "high-contrast", "monochrome";
 * roles "title", "selection-focus", ...; colours "default", "red", "bright-red",
 * "color123"; attributes "bold", "underline", "reverse", "normal". Lookups return -1
 * (or false) for an unknown name. */
const char *theme_name(th_theme t);
int theme_by_name(const char *name);
const char *theme_role_name(th_role r);
int theme_role_by_name(const char *name);
bool theme_colour_by_name(const char *name, short *out);
bool theme_attr_by_name(const char *name, attr_t *out);
/* The theme, and a role's own colours over it (`color ELEMENT FG BG [ATTR]`), used by
 * the next theme_init. */
void theme_choose(th_theme t);
th_theme theme_chosen(void);
void theme_override(th_role r, th_colors c);
/* After initscr: colours when the terminal has them and no_color is false. Again after
 * theme_choose/theme_override to apply them. */
void theme_init(bool no_color);
/* Attributes (with the colour pair) for a role. */
attr_t theme_attr(th_role r);
/* wattrset(w, theme_attr(r)). */
void theme_set(WINDOW *w, th_role r);

/* The one way to draw lines (frames, rules, pop-ups), chosen once by theme_init:
 * Unicode box drawing in a UTF-8 locale; in other locales the terminal's own
 * line-drawing set where terminfo gives one (acsc, smacs); ASCII + - | otherwise. */
typedef enum { TH_LINES_UNICODE, TH_LINES_ACS, TH_LINES_ASCII } th_lines;
/* A horizontal or vertical line of n cells, and a frame, in w's current attributes. */
void theme_hline(WINDOW *w, int y, int x, int n);
void theme_vline(WINDOW *w, int y, int x, int n);
void theme_box(WINDOW *w, int y, int x, int h, int wd);

#endif
