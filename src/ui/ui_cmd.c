/* ui_cmd.c — the command table, key lookup, the key bar and the help text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "i18n.h"
#include "ui/ui_cmd.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

/* A row's list of keys, each a key or K_ON(screens, key), into keys[] and key_screens[]
 * (padded with 0; a ninth key does not compile: the array size goes negative). */
#define UI_KEY_(sc, x) ((int)((long long)(x) & 0xffffffffLL))
#define UI_KEY_SCREENS_(sc, x) \
	((long long)(x) == 0 ? 0u \
	 : (long long)(x) >> 32 ? (unsigned)((long long)(x) >> 32) & (unsigned)(sc) : (unsigned)(sc))
#define UI_KEYS8_(F, sc, a, b, c, d, e, f, g, h, i, ...) \
	{ F(sc, a) + 0 * (int)sizeof(char[(long long)(i) == 0 ? 1 : -1]), F(sc, b), F(sc, c), \
	  F(sc, d), F(sc, e), F(sc, f), F(sc, g), F(sc, h) }
#define UI_KEYS_EXP_(...) UI_KEYS8_(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0, 0, 0)
#define UI_UNPAREN_(...) __VA_ARGS__
#define UI_KEYS_(F, sc, list) UI_KEYS_EXP_(F, sc, UI_UNPAREN_ list)
#define UI_CMD_ROW(id_, name_, keys_, label_, help_, pre_, screens_) \
	{ .id = id_, .name = name_, .keys = UI_KEYS_(UI_KEY_, screens_, keys_), \
	  .key_screens = UI_KEYS_(UI_KEY_SCREENS_, screens_, keys_), .label = label_, \
	  .help = help_, .pre = pre_, .screens = screens_ },
static const ui_command commands[] = { UI_COMMANDS(UI_CMD_ROW) };
#undef UI_CMD_ROW

const ui_command *ui_cmd_get(ui_cmd_id id)
{
	return id >= 0 && id < CMD__COUNT ? &commands[id] : NULL;
}

/* The personal bindings, in the order given (the last one of a key counts). */
typedef struct {
	unsigned screens;
	int key;
	ui_cmd_id cmd;
} binding;
#define MAX_BINDINGS 256
static binding bindings[MAX_BINDINGS];
static size_t n_bindings;

bool ui_cmd_bind(unsigned screens, int key, ui_cmd_id cmd)
{
	/* The same key on the same screens: the new one replaces it. */
	for (size_t i = 0; i < n_bindings; i++)
		if (bindings[i].key == key && bindings[i].screens == screens) {
			bindings[i].cmd = cmd;
			return true;
		}
	if (n_bindings >= MAX_BINDINGS)
		return false;
	bindings[n_bindings++] = (binding){ screens, key, cmd };
	return true;
}

ui_cmd_id ui_cmd_by_name(const char *name)
{
	for (size_t i = 0; i < CMD__COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].id;
	return CMD_NONE;
}

static const struct {
	const char *name;
	unsigned mask;
} screen_names[] = {
	{ "main", SC_MAIN },         { "card", SC_CARD },         { "reader", SC_READER },
	{ "editor", SC_EDITOR },     { "search", SC_SEARCH },     { "help", SC_HELP },
	{ "practice", SC_PRACTICE }, { "meeting", SC_MEETING },   { "practices", SC_PLIST },
	{ "meetings", SC_MLIST },    { "pick", SC_PICK },         { "towns", SC_TLIST },
	{ "all", SC_ALL },
};

unsigned ui_screen_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof screen_names / sizeof screen_names[0]; i++)
		if (strcmp(screen_names[i].name, name) == 0)
			return screen_names[i].mask;
	return 0;
}

const char *ui_screen_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof screen_names / sizeof screen_names[0]; i++)
		if (screen_names[i].mask == bit)
			return screen_names[i].name;
	return NULL;
}

int ui_key_parse(const char *name)
{
	static const struct {
		const char *name;
		int key;
	} named[] = {
		{ "Enter", '\n' },          { "Tab", K_TAB },
		{ "Esc", K_ESC },           { "Space", ' ' },
		{ "Up", K_FN(KEY_UP) },     { "Down", K_FN(KEY_DOWN) },
		{ "Left", K_FN(KEY_LEFT) }, { "Right", K_FN(KEY_RIGHT) },
		{ "PgUp", K_FN(KEY_PPAGE) }, { "PgDn", K_FN(KEY_NPAGE) },
		{ "Home", K_FN(KEY_HOME) }, { "End", K_FN(KEY_END) },
		{ "Backspace", K_FN(KEY_BACKSPACE) }, { "Shift-Tab", K_FN(KEY_BTAB) },
	};
	if (!name || !*name)
		return 0;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(name, named[i].name) == 0)
			return named[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		int n = name[1] - '0';
		if (name[2] >= '0' && name[2] <= '9' && !name[3])
			n = n * 10 + (name[2] - '0');
		else if (name[2])
			return 0;
		return n >= 1 && n <= 12 ? K_F(n) : 0;
	}
	/* ^R, Ctrl-R, C-r: a letter with Ctrl. */
	const char *c = NULL;
	if (name[0] == '^' && name[1] && !name[2])
		c = name + 1;
	else if (strncasecmp(name, "Ctrl-", 5) == 0 && name[5] && !name[6])
		c = name + 5;
	else if (strncasecmp(name, "C-", 2) == 0 && name[2] && !name[3])
		c = name + 2;
	if (c) {
		int u = *c >= 'a' && *c <= 'z' ? *c - 32 : *c;
		return u >= '@' && u <= '_' ? K_CTRL(u) : 0;
	}
	/* One printable character (UTF-8). */
	wchar_t w[2];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *p = name;
	size_t n = mbsrtowcs(w, &p, 2, &st);
	if (n != 1 || w[0] < 33 || w[0] == 127)
		return 0;
	return (int)w[0];
}

ui_cmd_id ui_cmd_for_key(int key, unsigned screen)
{
	if (!key)
		return CMD_NONE;
	for (size_t i = n_bindings; i-- > 0;)
		if ((bindings[i].screens & screen) && bindings[i].key == key)
			return bindings[i].cmd;
	for (size_t i = 0; i < CMD__COUNT; i++)
		for (int k = 0; k < UI_CMD_KEYS; k++)
			if (commands[i].keys[k] == key && (commands[i].key_screens[k] & screen))
				return commands[i].id;
	return CMD_NONE;
}

void ui_key_name(int key, char *out, size_t n)
{
	if (key & UI_KFN) {
		int k = key & ~UI_KFN;
		const char *name = NULL;
		if (k >= KEY_F(1) && k <= KEY_F(12)) {
			snprintf(out, n, "F%d", k - KEY_F(0));
			return;
		}
		switch (k) {
		case KEY_UP: name = _("Up"); break;
		case KEY_DOWN: name = _("Down"); break;
		case KEY_LEFT: name = _("Left"); break;
		case KEY_RIGHT: name = _("Right"); break;
		case KEY_PPAGE: name = _("PgUp"); break;
		case KEY_NPAGE: name = _("PgDn"); break;
		case KEY_HOME: name = _("Home"); break;
		case KEY_END: name = _("End"); break;
		case KEY_BTAB: name = _("Shift-Tab"); break;
		case KEY_BACKSPACE: name = _("Backspace"); break;
		case KEY_ENTER: name = NULL; break;
		default: name = "?"; break;
		}
		snprintf(out, n, "%s", name ? name : "");
		return;
	}
	switch (key) {
	case '\n': snprintf(out, n, "%s", _("Enter")); return;
	case '\r': out[0] = '\0'; return; /* same key as Enter for people */
	case K_TAB: snprintf(out, n, "%s", _("Tab")); return;
	case K_ESC: snprintf(out, n, "%s", _("Esc")); return;
	case ' ': snprintf(out, n, "%s", _("Space")); return;
	default: break;
	}
	if (key > 0 && key < 32)
		snprintf(out, n, "Ctrl-%c", key + '@');
	else
		snprintf(out, n, "%lc", (wint_t)key);
}

/* Columns [x0, x1) of each F-key on the last key bar drawn. */
static int bar_x0[11], bar_x1[11];

/* The command F-key f means on this screen (a personal binding first), when it has a
 * key-bar label. */
static const ui_command *fkey_command(int f, unsigned screen)
{
	const ui_command *c = ui_cmd_get(ui_cmd_for_key(K_F(f), screen));
	return c && c->label ? c : NULL;
}

/* The forms of the bar, widest first: "F1 Help  F2 Search", "F1 Help F2 Search",
 * "F1Help F2Search" (key and label in their own colours), and that with the buttons
 * that do not fit left out (F1 Help first, F10 Quit always kept last: F1 lists the
 * rest). Keys always read "F2", never "2Search": a digit jumps to a network on the
 * main screen. */
enum { BAR_WIDE, BAR_TIGHT, BAR_JOINED, BAR_FIT };

static int button_width(int f, const char *label, const char *gap, bool joined)
{
	return (f >= 10 ? 3 : 2) + (joined ? 0 : 1) + ui_width(label) + (int)strlen(gap);
}

/* Draw (or with draw false, measure) the bar in one of the forms. */
/* A command needing any of pre_never is left out: it cannot run in this session. */
static bool bar_shows(const ui_command *c, unsigned pre_never)
{
	return c && !(c->pre & pre_never);
}

static int keybar_pass(int y, unsigned screen, unsigned pre_ok, unsigned pre_never, int form,
                       bool draw)
{
	int x = 0, cols = COLS;
	const char *gap = form == BAR_WIDE ? "  " : " ";
	bool joined = form >= BAR_JOINED;
	/* Room kept for the last button (F10) when buttons are left out. */
	int last = 0;
	if (form == BAR_FIT)
		for (int f = 10; f >= 1 && !last; f--) {
			const ui_command *c = fkey_command(f, screen);
			if (bar_shows(c, pre_never))
				last = f;
		}
	const ui_command *lc = last ? fkey_command(last, screen) : NULL;
	int reserve = lc ? button_width(last, _(lc->label), gap, joined) : 0;
	for (int f = 1; f <= 10; f++) {
		const ui_command *c = fkey_command(f, screen);
		bar_x0[f] = bar_x1[f] = -1;
		if (!bar_shows(c, pre_never))
			continue;
		char key[8];
		snprintf(key, sizeof key, "F%d", f);
		const char *label = _(c->label);
		int bw = button_width(f, label, gap, joined);
		if (form == BAR_FIT && f != last && f != 1 && x + bw > cols - reserve)
			continue;
		bool on = (c->pre & pre_ok) == c->pre;
		if (draw) {
			bar_x0[f] = x;
			theme_set(stdscr, on ? TH_KEY : TH_KEY_OFF);
			x += ui_put(stdscr, y, x, key, cols - x);
			theme_set(stdscr, TH_NORMAL);
			if (!joined && x < cols)
				x += ui_put(stdscr, y, x, " ", cols - x);
			theme_set(stdscr, on ? TH_KEY_LABEL : TH_KEY_OFF);
			x += ui_put(stdscr, y, x, label, cols - x);
			bar_x1[f] = x;
			theme_set(stdscr, TH_NORMAL);
			x += ui_put(stdscr, y, x, gap, cols - x);
		} else {
			x += bw;
		}
	}
	return x;
}

void ui_keybar_draw(int y, unsigned screen, unsigned pre_ok, unsigned pre_never)
{
	int form = BAR_WIDE;
	while (form < BAR_FIT &&
	       keybar_pass(y, screen, pre_ok, pre_never, form, false) > COLS + (int)(form == BAR_WIDE ? 2 : 1))
		form++;
	theme_set(stdscr, TH_NORMAL);
	move(y, 0);
	clrtoeol();
	keybar_pass(y, screen, pre_ok, pre_never, form, true);
}

int ui_keybar_hit(int x)
{
	for (int f = 1; f <= 10; f++)
		if (bar_x0[f] >= 0 && x >= bar_x0[f] && x < bar_x1[f])
			return K_F(f);
	return 0;
}

/* Append to a growing string. */
static void add(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);
	if (*len + n + 1 > *cap) {
		size_t c = (*cap + n + 1) * 2;
		char *p = realloc(*buf, c);
		if (!p)
			return;
		*buf = p, *cap = c;
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* A key a personal binding took for another command is not listed. */
void ui_cmd_keys_text(const ui_command *c, unsigned screen, char *out, size_t n)
{
	out[0] = '\0';
	/* The personal bindings first, then the table's keys that still mean c here. */
	int keys[MAX_BINDINGS + UI_CMD_KEYS];
	size_t nk = 0;
	for (size_t i = 0; i < n_bindings; i++)
		if (bindings[i].cmd == c->id && (bindings[i].screens & screen))
			keys[nk++] = bindings[i].key;
	for (int k = 0; k < UI_CMD_KEYS; k++)
		keys[nk++] = c->keys[k];
	/* The keys listed, each once. */
	int shown[MAX_BINDINGS + UI_CMD_KEYS];
	size_t ns = 0;
	for (size_t k = 0; k < nk; k++) {
		bool seen = false;
		for (size_t j = 0; j < ns; j++)
			seen |= shown[j] == keys[k];
		if (keys[k] && !seen && ui_cmd_for_key(keys[k], screen) == c->id)
			shown[ns++] = keys[k];
	}
	for (size_t k = 0; k < ns; k++) {
		char name[32], last[32];
		/* Three or more characters in a row (the network digits): "1–8". */
		size_t run = 1;
		while (k + run < ns && !(shown[k] & UI_KFN) && shown[k] > ' ' &&
		       shown[k + run] == shown[k] + (int)run)
			run++;
		ui_key_name(shown[k], name, sizeof name);
		if (!*name)
			continue;
		size_t len = strlen(out);
		if (run >= 3) {
			ui_key_name(shown[k + run - 1], last, sizeof last);
			snprintf(out + len, n - len, "%s%s–%s", len ? ", " : "", name, last);
			k += run - 1;
		} else {
			snprintf(out + len, n - len, "%s%s", len ? ", " : "", name);
		}
	}
}

char *ui_help_text(unsigned screen)
{
	char *buf = NULL, line[768], keys[96];
	size_t len = 0, cap = 0;
	add(&buf, &len, &cap, _("Keys on this screen:"));
	add(&buf, &len, &cap, "\n\n");
	for (size_t i = 0; i < CMD__COUNT; i++) {
		const ui_command *c = &commands[i];
		if (!(c->screens & screen))
			continue;
		ui_cmd_keys_text(c, screen, keys, sizeof keys);
		if (!*keys)
			continue;
		int pad = 22 - ui_width(keys);
		snprintf(line, sizeof line, "  %s%*s %s%s%s\n", keys, pad > 0 ? pad : 1, "",
		         c->label ? _(c->label) : "", c->label ? ": " : "", _(c->help));
		add(&buf, &len, &cap, line);
	}
	add(&buf, &len, &cap, "\n");
	if (screen & SC_EDITOR)
		add(&buf, &len, &cap, _("Type to write. Arrows, Home/End and PgUp/PgDn move; "
		                        "Backspace and Delete remove; Enter starts a new line. "
		                        "A draft is kept as you type."));
	else
		add(&buf, &len, &cap, _("Every F-key also has a letter, for terminals that lose "
		                        "F-keys. Esc or q goes back one screen; q on the main "
		                        "screen leaves."));
	add(&buf, &len, &cap, "\n");
	return buf;
}
