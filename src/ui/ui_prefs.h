/* ui_prefs.h — the personal settings: a file $XDG_CONFIG_HOME/empirie/config (by default
 * ~/.config/empirie/config), or in restricted (kiosk) sessions the account's text in the
 * database (core/prefs.h). One setting a line:
 *   theme NAME                   default, light, high-contrast, monochrome
 *   color ELEMENT FG BG [ATTR]…  one element's colours over the theme
 *   bind SCREEN KEY COMMAND      a key for a command of the command table (none: no command)
 *   mouse yes|no
 * Lines starting with # are comments. Nothing in it can choose identity or the database:
 * those settings belong to the system configuration and are refused here. A bad line is
 * a warning with file:line and a hint; the rest still counts. */
#ifndef EMPIRIE_UI_PREFS_H
#define EMPIRIE_UI_PREFS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char **msgs; /* warnings, "FILE:LINE: what (hint)" */
	size_t n;
	int mouse;   /* -1: not set, else 0 or 1 */
	/* Keys bound so far, for reporting conflicts (where each was bound). */
	struct ui_prefs_bound *bound;
	size_t n_bound, cap_bound;
} ui_prefs;

void ui_prefs_init(ui_prefs *p);
void ui_prefs_free(ui_prefs *p);
/* All the warnings, each whole, joined by "; " (newly allocated; NULL when out of memory). */
char *ui_prefs_warnings(const ui_prefs *p);
/* Apply every line of text; source names it in warnings (a path, or "the database"). */
void ui_prefs_apply(ui_prefs *p, const char *source, const char *text);
/* Read and apply a file; a missing file is no settings. */
void ui_prefs_load_file(ui_prefs *p, const char *path);
/* Apply one line (the : command line's bind, color, theme, mouse); false with a
 * translated message in err when it is not a setting or is wrong. */
bool ui_prefs_line(const char *line, char *err, size_t n);
/* The personal file's path (newly allocated), NULL when there is no home. */
char *ui_prefs_path(void);
/* text with line added, replacing an earlier line that sets the same thing (the same
 * theme, element, or key on a screen); newly allocated. */
char *ui_prefs_merge(const char *text, const char *line);
/* Whether a line is a setting (its first word), for the : command line. */
bool ui_prefs_is_setting(const char *word);

#endif
