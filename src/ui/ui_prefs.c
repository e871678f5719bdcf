/* ui_prefs.c — see ui_prefs.h. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_cmd.h"
#include "ui/ui_prefs.h"
#include "ui/ui_theme.h"

/* The largest settings file read (a settings file is a few lines). */
#define PREFS_FILE_MAX (256 * 1024)
#define MAX_WORDS 8

struct ui_prefs_bound {
	unsigned screens;
	int key;
	unsigned long line;
};

void ui_prefs_init(ui_prefs *p)
{
	memset(p, 0, sizeof *p);
	p->mouse = -1;
}

void ui_prefs_free(ui_prefs *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->msgs[i]);
	free(p->msgs);
	free(p->bound);
	ui_prefs_init(p);
}

char *ui_prefs_warnings(const ui_prefs *p)
{
	strbuf all = STRBUF_INIT;
	for (size_t i = 0; i < p->n; i++)
		strbuf_appendf(&all, "%s%s", i ? "; " : "", p->msgs[i]);
	return strbuf_take(&all);
}

static void warn(ui_prefs *p, const char *source, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void warn(ui_prefs *p, const char *source, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = str_vprintf(fmt, ap);
	va_end(ap);
	char *full = msg ? str_printf("%s:%lu: %s", source, line, msg) : NULL;
	free(msg);
	char **m = full ? realloc(p->msgs, (p->n + 1) * sizeof *m) : NULL;
	if (!m) {
		free(full);
		return;
	}
	p->msgs = m;
	m[p->n++] = full;
}

/* Split s (changed in place) into words at blanks; the count, or MAX_WORDS + 1 when there
 * are more. A lone "=" after the first word is dropped ("mouse = no" as in the system
 * configuration). */
static int split(char *s, char **w)
{
	int n = 0;
	for (char *t = strtok(s, " \t\r\n"); t; t = strtok(NULL, " \t\r\n")) {
		if (n == 1 && strcmp(t, "=") == 0)
			continue;
		if (n == MAX_WORDS)
			return MAX_WORDS + 1;
		w[n++] = t;
	}
	return n;
}

/* The settings only the system configuration may hold (issue 15: a personal file never
 * changes identity or database). */
static bool system_only(const char *k)
{
	static const char *const names[] = { "database",   "restricted", "trust_as",
		                             "authorized_keys", "dictionary", "post_limit",
		                             "spelling" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(k, names[i]) == 0)
			return true;
	return false;
}

bool ui_prefs_is_setting(const char *word)
{
	return !strcmp(word, "theme") || !strcmp(word, "color") || !strcmp(word, "colour") ||
	       !strcmp(word, "bind") || !strcmp(word, "mouse");
}

/* One line. false with err set when it is wrong; *bound_screens and *bound_key say what a
 * bind line bound (for conflicts). */
/* One setting's words (w[0] its name): applied, or false with why in err. A binding
 * says where and which key it took (for the report of keys bound twice). */
typedef bool (*setting_fn)(ui_prefs *p, char **w, int nw, char *err, size_t n,
                           unsigned *bound_screens, int *bound_key);

static bool set_theme(ui_prefs *p, char **w, int nw, char *err, size_t n,
                      unsigned *bound_screens, int *bound_key)
{
	(void)p, (void)bound_screens, (void)bound_key;
	int t = nw == 2 ? theme_by_name(w[1]) : -1;
	if (t < 0) {
		str_fitf(err, n, _("'theme' needs one of: default, light, high-contrast, monochrome"));
		return false;
	}
	theme_choose((th_theme)t);
	return true;
}

static bool set_color(ui_prefs *p, char **w, int nw, char *err, size_t n,
                      unsigned *bound_screens, int *bound_key)
{
	(void)p, (void)bound_screens, (void)bound_key;
	int r = nw >= 4 ? theme_role_by_name(w[1]) : -1;
	th_colors c = { -1, -1, 0 };
	if (nw < 4) {
		str_fitf(err, n, _("'color' needs ELEMENT FG BG [ATTRIBUTE], e.g. 'color title "
		                   "white blue bold'"));
		return false;
	}
	if (r < 0) {
		str_fitf(err, n, _("unknown element '%s' (for example title, selection-focus, "
		                   "key-label, status, error; all are in the manual)"), w[1]);
		return false;
	}
	for (int i = 2; i <= 3; i++)
		if (!theme_colour_by_name(w[i], i == 2 ? &c.fg : &c.bg)) {
			str_fitf(err, n, _("unknown colour '%s' (default, black, red, green, yellow, "
			                   "blue, magenta, cyan, white, bright-red…, color0–color255)"),
			         w[i]);
			return false;
		}
	for (int i = 4; i < nw; i++) {
		attr_t a;
		if (!theme_attr_by_name(w[i], &a)) {
			str_fitf(err, n, _("unknown attribute '%s' (bold, underline, reverse, normal)"),
			         w[i]);
			return false;
		}
		c.attrs |= a;
	}
	theme_override((th_role)r, c);
	return true;
}

static bool set_bind(ui_prefs *p, char **w, int nw, char *err, size_t n,
                     unsigned *bound_screens, int *bound_key)
{
	(void)p;
	if (nw != 4) {
		str_fitf(err, n, _("'bind' needs SCREEN KEY COMMAND, e.g. 'bind main ^R reply'"));
		return false;
	}
	unsigned sc = ui_screen_by_name(w[1]);
	int key = ui_key_parse(w[2]);
	ui_cmd_id cmd = strcmp(w[3], "none") == 0 ? CMD_NONE : ui_cmd_by_name(w[3]);
	if (!sc) {
		str_fitf(err, n, _("unknown screen '%s' (main, card, reader, editor, search, help, "
		                   "practice, meeting, practices, meetings, pick, towns, all)"), w[1]);
		return false;
	}
	if (!key) {
		str_fitf(err, n, _("unknown key '%s' (for example F5, ^R, x, Enter, Tab, Esc, "
		                   "Space, Up, PgDn)"), w[2]);
		return false;
	}
	if (cmd == CMD_NONE && strcmp(w[3], "none") != 0) {
		str_fitf(err, n, _("unknown command '%s' (the names are in the help of each "
		                   "screen and in the manual; none takes a key away)"), w[3]);
		return false;
	}
	if (cmd == CMD_JUMP) {
		/* Its keys are the networks' digits. */
		str_fitf(err, n, _("jump-network keeps the digit keys; type :jump-network N "
		                   "instead"));
		return false;
	}
	if (cmd != CMD_NONE) {
		unsigned on = ui_cmd_get(cmd)->screens & sc;
		if (!on) {
			str_fitf(err, n, _("the command '%s' does not work on the screen '%s'"), w[3],
			         w[1]);
			return false;
		}
		sc = on;
	}
	if (cmd == CMD_NONE && !(key & UI_KFN) && key >= 32)
		sc &= ~(unsigned)SC_EDITOR;
	/* In the editor letters are text. */
	if ((sc & SC_EDITOR) && !(key & UI_KFN) && key >= 32) {
		str_fitf(err, n, _("in the editor '%s' is text: bind an F-key or a Ctrl key there"),
		         w[2]);
		return false;
	}
	if (!ui_cmd_bind(sc, key, cmd)) {
		str_fitf(err, n, _("too many key bindings"));
		return false;
	}
	*bound_screens = sc;
	*bound_key = key;
	return true;
}

static bool set_mouse(ui_prefs *p, char **w, int nw, char *err, size_t n,
                      unsigned *bound_screens, int *bound_key)
{
	(void)bound_screens, (void)bound_key;
	int yes = nw != 2 ? -1 : !strcmp(w[1], "yes") ? 1 : !strcmp(w[1], "no") ? 0 : -1;
	if (yes < 0) {
		str_fitf(err, n, _("'mouse' needs yes or no"));
		return false;
	}
	if (p)
		p->mouse = yes;
	return true;
}

/* The personal settings, by name (the manual lists them). */
static const struct {
	const char *name;
	setting_fn set;
} settings_table[] = {
	{ "theme", set_theme }, { "color", set_color }, { "colour", set_color },
	{ "bind", set_bind },   { "mouse", set_mouse },
};

static bool one_line(ui_prefs *p, char *line, char *err, size_t n, unsigned *bound_screens,
                     int *bound_key)
{
	char *w[MAX_WORDS];
	*bound_key = 0;
	int nw = split(line, w);
	if (nw == 0)
		return true;
	if (nw > MAX_WORDS) {
		str_fitf(err, n, _("too many words (a setting has at most %d)"), MAX_WORDS);
		return false;
	}
	for (size_t i = 0; i < sizeof settings_table / sizeof settings_table[0]; i++)
		if (strcmp(w[0], settings_table[i].name) == 0)
			return settings_table[i].set(p, w, nw, err, n, bound_screens, bound_key);
	if (system_only(w[0])) {
		str_fitf(err, n, _("'%s' can be set only in the system configuration, not in "
		                   "personal settings"), w[0]);
		return false;
	}
	str_fitf(err, n, _("unknown setting '%s' (the settings are theme, color, bind and mouse)"),
	         w[0]);
	return false;
}

static void remember_bound(ui_prefs *p, const char *source, unsigned long line,
                           unsigned screens, int key)
{
	for (size_t i = 0; i < p->n_bound; i++) {
		struct ui_prefs_bound *b = &p->bound[i];
		if (b->key == key && (b->screens & screens)) {
			char name[32];
			ui_key_name(key, name, sizeof name);
			warn(p, source, line, _("%s was already bound on this screen at line %lu; this "
			                        "line counts"), name, b->line);
			b->screens &= ~screens;
		}
	}
	if (p->n_bound == p->cap_bound) {
		size_t cap = p->cap_bound ? p->cap_bound * 2 : 16;
		struct ui_prefs_bound *nb = realloc(p->bound, cap * sizeof *nb);
		if (!nb)
			return;
		p->bound = nb, p->cap_bound = cap;
	}
	p->bound[p->n_bound++] = (struct ui_prefs_bound){ screens, key, line };
}

void ui_prefs_apply(ui_prefs *p, const char *source, const char *text)
{
	unsigned long ln = 0;
	const char *s = text;
	while (s && *s) {
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		ln++;
		char buf[1024];
		if (len >= sizeof buf) {
			warn(p, source, ln,
			     ngettext("the line is too long (at most %d byte)",
			              "the line is too long (at most %d bytes)", sizeof buf - 1),
			     (int)sizeof buf - 1);
		} else {
			memcpy(buf, s, len);
			buf[len] = '\0';
			const char *t = buf + strspn(buf, " \t");
			char err[500];
			unsigned sc = 0;
			int key = 0;
			if (*t != '#' && !one_line(p, buf, err, sizeof err, &sc, &key))
				warn(p, source, ln, "%s", err);
			else if (key)
				remember_bound(p, source, ln, sc, key);
		}
		s = e ? e + 1 : NULL;
	}
}

void ui_prefs_load_file(ui_prefs *p, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno != ENOENT)
			warn(p, path, 0, _("cannot read the settings: %s"), strerror(errno));
		return;
	}
	char *text = malloc(PREFS_FILE_MAX + 1);
	size_t n = text ? fread(text, 1, PREFS_FILE_MAX + 1, f) : 0;
	bool bad = ferror(f);
	fclose(f);
	if (!text || bad || n > PREFS_FILE_MAX) {
		warn(p, path, 0, n > PREFS_FILE_MAX ? _("the settings file is larger than 256 KB: not read")
		                                    : _("cannot read the settings"));
		free(text);
		return;
	}
	text[n] = '\0';
	ui_prefs_apply(p, path, text);
	free(text);
}

bool ui_prefs_line(const char *line, char *err, size_t n)
{
	char buf[1024];
	if (strlen(line) >= sizeof buf) { /* as a line of the file would be */
		str_fitf(err, n, ngettext("the line is too long (at most %d byte)",
		                          "the line is too long (at most %d bytes)", sizeof buf - 1),
		         (int)sizeof buf - 1);
		return false;
	}
	memcpy(buf, line, strlen(line) + 1);
	unsigned sc;
	int key;
	err[0] = '\0';
	return one_line(NULL, buf, err, n, &sc, &key);
}

char *ui_prefs_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && xdg[0] == '/')
		return str_printf("%s/empirie/config", xdg);
	const char *home = getenv("HOME");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	return home ? str_printf("%s/.config/empirie/config", home) : NULL;
}

/* What a line sets: its first words ("theme"; "color title"; "bind main ^R"). */
static size_t what_it_sets(const char *line, char *out, size_t n)
{
	char buf[1024], *w[MAX_WORDS];
	snprintf(buf, sizeof buf, "%s", line);
	int nw = split(buf, w);
	if (nw <= 0 || nw > MAX_WORDS)
		return 0;
	int keep = !strcmp(w[0], "bind") ? 3 : (!strcmp(w[0], "color") || !strcmp(w[0], "colour")) ? 2 : 1;
	if (keep > nw)
		keep = nw;
	out[0] = '\0';
	for (int i = 0; i < keep; i++) {
		size_t l = strlen(out);
		snprintf(out + l, n - l, "%s%s", i ? " " : "", !strcmp(w[i], "colour") ? "color" : w[i]);
	}
	return strlen(out);
}

char *ui_prefs_merge(const char *text, const char *line)
{
	char key[512], other[512];
	what_it_sets(line, key, sizeof key);
	size_t cap = strlen(text) + strlen(line) + 3, len = 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	const char *s = text;
	while (s && *s) {
		const char *e = strchr(s, '\n');
		size_t l = e ? (size_t)(e - s) : strlen(s);
		char one[1024];
		snprintf(one, sizeof one, "%.*s", (int)(l < sizeof one ? l : sizeof one - 1), s);
		if (!(what_it_sets(one, other, sizeof other) && strcmp(key, other) == 0)) {
			memcpy(out + len, s, l);
			len += l;
			out[len++] = '\n';
		}
		s = e ? e + 1 : NULL;
	}
	size_t ll = strlen(line);
	memcpy(out + len, line, ll);
	len += ll;
	out[len++] = '\n';
	out[len] = '\0';
	return out;
}
