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
/* After initscr: colours when the terminal has them and no_color is false. */
void theme_init(bool no_color);
/* Attributes (with the colour pair) for a role. */
attr_t theme_attr(th_role r);
/* wattrset(w, theme_attr(r)). */
void theme_set(WINDOW *w, th_role r);

/* The one way to draw lines (frames, rules, pop-ups), chosen once by theme_init:
 * Unicode box drawing in a UTF-8 locale; in other locales the terminal's own
 * line-drawing set where terminfo gives one (acsc, smacs); ASCII + - | otherwise. */
typedef enum { TH_LINES_UNICODE, TH_LINES_ACS, TH_LINES_ASCII } th_lines;
th_lines theme_lines(void);
/* A horizontal or vertical line of n cells, and a frame, in w's current attributes. */
void theme_hline(WINDOW *w, int y, int x, int n);
void theme_vline(WINDOW *w, int y, int x, int n);
void theme_box(WINDOW *w, int y, int x, int h, int wd);

#endif
