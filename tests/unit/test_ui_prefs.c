/* test_ui_prefs.c — the personal settings (issue 21): good lines take effect (theme,
 * bind, color), bad ones are warned about with file:line and a hint and never stop the
 * rest; settings that decide identity or the database are refused there (issue 15);
 * bindings show in the help text; the : command line completes names. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text/utf8.h"
#include "ui/ui_cmd.h"
#include "ui/ui_cmdline.h"
#include "ui/ui_prefs.h"
#include "ui/ui_theme.h"

/* Whether some warning holds both needles. */
static bool warned(const ui_prefs *p, const char *a, const char *b)
{
	for (size_t i = 0; i < p->n; i++)
		if (strstr(p->msgs[i], a) && (!b || strstr(p->msgs[i], b)))
			return true;
	return false;
}

static bool has(char **items, size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i], want) == 0)
			return true;
	return false;
}

static void free_items(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	ui_prefs p;
	ui_prefs_init(&p);
	ui_prefs_apply(&p, "cfg",
	               "# my settings\n"
	               "theme light\n"
	               "bind main ^R reply\n"
	               "bind main F11 towns\n"
	               "bind main q none\n"
	               "color title white blue bold\n"
	               "mouse = no\n"
	               "\n");
	is_int(p.n, 0, "good lines: no warnings");
	for (size_t i = 0; i < p.n; i++)
		diag("%s", p.msgs[i]);
	is_int(theme_chosen(), TH_THEME_LIGHT, "theme light is chosen");
	is_int(ui_cmd_for_key(K_CTRL('r'), SC_MAIN), CMD_REPLY, "^R replies on the main screen");
	is_int(ui_cmd_for_key(K_CTRL('r'), SC_READER), CMD_MARK_THREAD_READ,
	       "but the reader keeps its own ^R (mark the thread read)");
	is_int(ui_cmd_for_key(K_F(11), SC_MAIN), CMD_TOWNS, "F11 opens the towns");
	is_int(ui_cmd_for_key('q', SC_MAIN), CMD_NONE, "q does nothing on the main screen (none)");
	is_int(ui_cmd_for_key('q', SC_READER), CMD_BACK, "q still goes back in the reader");
	is_int(p.mouse, 0, "mouse = no");
	char *help = ui_help_text(SC_MAIN);
	ok(help && strstr(help, "Ctrl-R") && strstr(help, "F11"), "the help lists Ctrl-R and F11");
	char *q = help ? strstr(help, "Leave empirie") : NULL;
	ok(q, "the help still has quit");
	free(help);
	ui_prefs_free(&p);

	ui_prefs_init(&p);
	ui_prefs_apply(&p, "/home/a/.config/empirie/config",
	               "colour title red\n"                  /* 1: too few words */
	               "frobnicate 3\n"                      /* 2: unknown */
	               "database = /tmp/other.db\n"          /* 3: identity/database: refused */
	               "trust_as = yes\n"                    /* 4 */
	               "bind reader F6 towns\n"              /* 5: not on that screen */
	               "bind editor x send\n"                /* 6: letters are text there */
	               "bind main Hyper-Z reply\n"           /* 7: no such key */
	               "bind main x replyy\n"                /* 8: no such command */
	               "bind nowhere x reply\n"              /* 9: no such screen */
	               "theme dark\n"                        /* 10 */
	               "color title pink blue\n"             /* 11 */
	               "color titel white blue\n"            /* 12 */
	               "color title white blue blink\n"      /* 13 */
	               "bind main F9 search\n"               /* 14 */
	               "bind main F9 towns\n"                /* 15: conflict with 14 */
	               "mouse maybe\n"                       /* 16 */
	               "theme high-contrast\n"               /* 17: still applied */
	               "bind main x jump-network\n");        /* 18: digits only */
	ok(warned(&p, "/home/a/.config/empirie/config:1:", "ELEMENT FG BG"), "line 1: color needs more");
	ok(warned(&p, ":2:", "unknown setting 'frobnicate'"), "line 2: unknown setting, named");
	ok(warned(&p, ":2:", "theme, color, bind and mouse"), "with the known ones as a hint");
	ok(warned(&p, ":3:", "only in the system configuration"), "line 3: database refused");
	ok(warned(&p, ":4:", "only in the system configuration"), "line 4: trust_as refused");
	ok(warned(&p, ":5:", "does not work on the screen 'reader'"), "line 5: towns not in reader");
	ok(warned(&p, ":6:", "is text"), "line 6: a letter in the editor");
	ok(warned(&p, ":7:", "unknown key 'Hyper-Z'"), "line 7: unknown key");
	ok(warned(&p, ":8:", "unknown command 'replyy'"), "line 8: unknown command");
	ok(warned(&p, ":9:", "unknown screen 'nowhere'"), "line 9: unknown screen");
	ok(warned(&p, ":10:", "high-contrast"), "line 10: the themes as a hint");
	ok(warned(&p, ":11:", "unknown colour 'pink'"), "line 11: unknown colour");
	ok(warned(&p, ":12:", "unknown element 'titel'"), "line 12: unknown element");
	ok(warned(&p, ":13:", "unknown attribute 'blink'"), "line 13: unknown attribute");
	ok(warned(&p, ":15:", "line 14"), "line 15: F9 was bound at line 14 already");
	ok(warned(&p, ":16:", "yes or no"), "line 16: mouse needs yes or no");
	ok(warned(&p, ":18:", "digit keys"), "line 18: jump-network keeps its digits");
	is_int(p.n, 16, "one warning a bad line, none for the good ones");
	is_int(theme_chosen(), TH_THEME_CONTRAST, "the good line after the bad ones counts");
	is_int(ui_cmd_for_key(K_F(9), SC_MAIN), CMD_TOWNS, "the later F9 counts");
	is_int(ui_cmd_for_key('x', SC_EDITOR), CMD_NONE, "x was not bound in the editor");
	ui_prefs_free(&p);

	/* A long line, too many words, a missing file, a directory. */
	ui_prefs_init(&p);
	char *big = malloc(3000);
	memset(big, 'a', 2998);
	big[2998] = '\n', big[2999] = '\0';
	ui_prefs_apply(&p, "f", big);
	ok(warned(&p, "f:1:", "too long"), "a line of 2998 bytes is too long");
	ui_prefs_apply(&p, "f", "bind a b c d e f g h i\n");
	ok(warned(&p, "f:1:", "too many words"), "nine words are too many");
	free(big);
	size_t before = p.n;
	ui_prefs_load_file(&p, "/nonexistent/empirie/config");
	is_int(p.n, before, "a missing file is no settings, no warning");
	ui_prefs_load_file(&p, "/");
	ok(p.n == before + 1, "a directory cannot be read: a warning");
	ui_prefs_free(&p);

	/* A word of 840 bytes quoted in a warning (issue 19): cut visibly, at a character,
	 * and the warning's end stays. */
	ui_prefs_init(&p);
	char line[1000] = "color "; /* 6 + 120 × 7 + 10 bytes */
	for (int i = 0; i < 120; i++)
		strcat(line, "żółw");
	strcat(line, " red blue\n");
	ui_prefs_apply(&p, "f", line);
	ok(p.n == 1 && utf8_valid(p.msgs[0], strlen(p.msgs[0])), "a long unknown element: a warning, valid UTF-8");
	ok(p.n == 1 && strstr(p.msgs[0], "żółw…") && strstr(p.msgs[0], "are in the manual)"),
	   "the cut is marked and the warning's end stays");
	ui_prefs_apply(&p, "f", line);
	char *all = ui_prefs_warnings(&p);
	ok(p.n == 2 && all && strlen(all) == 2 * strlen(p.msgs[0]) + 2 &&
	   !strcmp(all + strlen(all) - 18, "are in the manual)"),
	   "two warnings joined whole, the status line cuts them (%zu bytes)", all ? strlen(all) : 0);
	free(all);
	ui_prefs_free(&p);
	/* A : line longer than a line of the file may be is refused as one, not cut. */
	char longline[1200] = "theme ", err[200];
	memset(longline + 6, 'x', sizeof longline - 7);
	longline[sizeof longline - 1] = '\0';
	ok(!ui_prefs_line(longline, err, sizeof err) && strstr(err, "too long"), "a : line of 1,199 bytes is too long (%s)", err);

	/* Where the file is. */
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	char *path = ui_prefs_path();
	is_str(path, "/x/conf/empirie/config", "XDG_CONFIG_HOME");
	free(path);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/h", 1);
	path = ui_prefs_path();
	is_str(path, "/home/h/.config/empirie/config", "a relative XDG_CONFIG_HOME is ignored");
	free(path);

	/* What the database keeps: a later line replaces the one setting the same thing. */
	char *m = ui_prefs_merge("theme light\nbind main ^R reply\ncolor title red blue\n",
	                         "theme monochrome");
	is_str(m, "bind main ^R reply\ncolor title red blue\ntheme monochrome\n", "theme replaced");
	free(m);
	m = ui_prefs_merge("bind main ^R reply\nbind reader ^R reply", "bind main ^R towns");
	is_str(m, "bind reader ^R reply\nbind main ^R towns\n", "the same key on the same screen");
	free(m);

	/* The : command line completes names without a terminal. */
	size_t n, from;
	char **items = ui_cmdline_complete(NULL, "he", &n, &from);
	ok(has(items, n, "help") && !has(items, n, "theme") && from == 0, "he → help (%zu)", n);
	free_items(items, n);
	items = ui_cmdline_complete(NULL, "theme l", &n, &from);
	ok(n == 1 && has(items, n, "light") && from == 6, "theme l → light");
	free_items(items, n);
	items = ui_cmdline_complete(NULL, "bind ma", &n, &from);
	ok(n == 1 && has(items, n, "main"), "bind ma → main");
	free_items(items, n);
	items = ui_cmdline_complete(NULL, "bind reader ^R rep", &n, &from);
	ok(n == 1 && has(items, n, "reply"), "bind reader ^R rep → reply");
	free_items(items, n);
	items = ui_cmdline_complete(NULL, "color sel", &n, &from);
	ok(n == 2 && has(items, n, "selection") && has(items, n, "selection-focus"),
	   "color sel → selection, selection-focus");
	free_items(items, n);
	items = ui_cmdline_complete(NULL, "help next-", &n, &from);
	ok(has(items, n, "next-unread") && has(items, n, "next-post"), "help next- → the commands");
	free_items(items, n);
	return tap_done();
}
