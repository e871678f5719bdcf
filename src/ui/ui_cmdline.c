/* ui_cmdline.c — see ui_cmdline.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/directory.h"
#include "core/prefs.h"
#include "i18n.h"
#include "text/plfold.h"
#include "ui/ui_cmd.h"
#include "ui/ui_cmdline.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

static const char *const settings_words[] = { "bind", "color", "theme", "mouse", "help" };

static void drop_cands(ui_cmdline *l)
{
	for (size_t i = 0; i < l->n_cands; i++)
		free(l->cands[i]);
	free(l->cands);
	l->cands = NULL;
	l->n_cands = l->cand_at = 0;
}

void ui_cmdline_begin(ui_cmdline *l)
{
	if (l->in.lines)
		ed_free(&l->in);
	drop_cands(l);
	l->typing = ed_init(&l->in, "");
	l->at = l->n_history;
}

void ui_cmdline_free(ui_cmdline *l)
{
	if (l->in.lines)
		ed_free(&l->in);
	drop_cands(l);
	for (size_t i = 0; i < l->n_history; i++)
		free(l->history[i]);
	memset(l, 0, sizeof *l);
}

void ui_cmdline_paste(ui_cmdline *l, const wchar_t *text, size_t n)
{
	if (!l->typing)
		return;
	size_t len = l->in.lines[0].len;
	size_t room = len < UI_CMDLINE_MAX ? UI_CMDLINE_MAX - len : 0;
	ed_insert_text(&l->in, text, n < room ? n : room, true);
	drop_cands(l);
}

/* Replace the line with utf8, the cursor at its end. */
static void set_line(ui_cmdline *l, const char *utf8)
{
	size_t n;
	wchar_t *w = ui_utf8_to_wcs(utf8, &n);
	if (!w)
		return;
	if (n > UI_CMDLINE_MAX)
		n = UI_CMDLINE_MAX;
	if (ed_set_line(&l->in, 0, w, n))
		l->in.cx = n;
	free(w);
}

/* A growing list of candidates. */
typedef struct {
	char **items;
	size_t n, cap;
	char *prefix; /* folded */
} cands;

static void offer(cands *k, const char *word)
{
	char *f = pl_fold(word, strlen(word));
	bool match = f && strncmp(f, k->prefix, strlen(k->prefix)) == 0;
	free(f);
	if (!match)
		return;
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->items[i], word) == 0)
			return;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 32;
		char **p = realloc(k->items, cap * sizeof *p);
		if (!p)
			return;
		k->items = p, k->cap = cap;
	}
	if ((k->items[k->n] = strdup(word)))
		k->n++;
}

static void offer_commands(cands *k, unsigned screens)
{
	for (int i = 0; i < CMD__COUNT; i++) {
		const ui_command *uc = ui_cmd_get((ui_cmd_id)i);
		if (uc->screens & screens)
			offer(k, uc->name);
	}
}

static void offer_colours(cands *k)
{
	static const char *const names[] = { "default", "black", "red",  "green", "yellow",
		                             "blue",    "magenta", "cyan", "white" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		offer(k, names[i]);
	for (size_t i = 1; i < sizeof names / sizeof names[0]; i++) {
		char b[32];
		snprintf(b, sizeof b, "bright-%s", names[i]);
		offer(k, b);
	}
}

char **ui_cmdline_complete(ui_ctx *c, const char *before, size_t *n, size_t *from)
{
	/* The words typed so far; the last one (maybe empty) is completed. */
	char buf[UI_CMDLINE_MAX * 4 + 1];
	snprintf(buf, sizeof buf, "%s", before);
	char *words[8];
	int nw = 0;
	size_t last = 0;
	for (char *p = buf; *p && nw < 8;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		words[nw++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	size_t len = strlen(before);
	bool fresh = len == 0 || before[len - 1] == ' '; /* a new word begins */
	int arg = fresh ? nw : nw - 1;                    /* the index of the word completed */
	last = fresh ? len : (size_t)(strrchr(before, ' ') ? strrchr(before, ' ') - before + 1 : 0);
	const char *cmd = nw > 0 && arg > 0 ? words[0] : "";
	/* A town's name may have spaces: everything after "towns " is the name. */
	if (strcmp(cmd, "towns") == 0) {
		last = (size_t)(strstr(before, "towns") - before) + 5;
		while (before[last] == ' ')
			last++;
	}
	cands k = { 0 };
	k.prefix = pl_fold(before + last, strlen(before + last));
	if (!k.prefix) {
		*n = 0;
		return NULL;
	}
	unsigned kind = c && c->top ? c->top->ops->kind : SC_ALL;
	if (arg == 0) {
		offer_commands(&k, kind);
		for (size_t i = 0; i < sizeof settings_words / sizeof settings_words[0]; i++)
			offer(&k, settings_words[i]);
	} else if (strcmp(cmd, "help") == 0 && arg == 1) {
		offer_commands(&k, SC_ALL);
		for (size_t i = 0; i + 1 < sizeof settings_words / sizeof settings_words[0]; i++)
			offer(&k, settings_words[i]);
	} else if (strcmp(cmd, "theme") == 0 && arg == 1) {
		for (int t = 0; t < TH_THEME__COUNT; t++)
			offer(&k, theme_name((th_theme)t));
	} else if (strcmp(cmd, "mouse") == 0 && arg == 1) {
		offer(&k, "yes");
		offer(&k, "no");
	} else if (strcmp(cmd, "bind") == 0 && (arg == 1 || arg == 3)) {
		if (arg == 1) {
			for (unsigned b = 1; b & SC_ALL; b <<= 1)
				offer(&k, ui_screen_name(b));
			offer(&k, "all");
		} else {
			offer_commands(&k, ui_screen_by_name(words[1]));
			offer(&k, "none");
		}
	} else if ((strcmp(cmd, "color") == 0 || strcmp(cmd, "colour") == 0) && arg >= 1) {
		if (arg == 1)
			for (int r = 0; r < TH__COUNT; r++)
				offer(&k, theme_role_name((th_role)r));
		else if (arg <= 3)
			offer_colours(&k);
		else {
			offer(&k, "bold");
			offer(&k, "underline");
			offer(&k, "reverse");
			offer(&k, "normal");
		}
	} else if (strcmp(cmd, "jump-network") == 0 && arg == 1 && c) {
		network_list nl = { 0 };
		error e;
		if (directory_networks(c->d, c->me, &nl, &e) == ST_OK)
			for (size_t i = 0; i < nl.n; i++) {
				char num[16];
				snprintf(num, sizeof num, "%d", nl.items[i].number);
				offer(&k, num);
			}
		network_list_free(&nl);
	} else if (strcmp(cmd, "towns") == 0 && c) {
		city_list cl = { 0 };
		error e;
		if (directory_cities(c->d, c->me, 0, 0, 100000, &cl, NULL, &e) == ST_OK)
			for (size_t i = 0; i < cl.n; i++)
				offer(&k, cl.items[i].name);
		city_list_free(&cl);
	}
	free(k.prefix);
	*n = k.n;
	*from = last;
	return k.items;
}

/* The candidates for the status line: "a  b  c …". */
static void show_cands(ui_ctx *c, char **items, size_t n)
{
	char list[600] = "";
	size_t len = 0;
	for (size_t i = 0; i < n && len + 4 < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "  " : "", items[i]);
	if (len >= sizeof list)
		snprintf(list + sizeof list - 4, 4, "…");
	ui_status(c, false, "%s", list);
}

static void complete(ui_cmdline *l, ui_ctx *c)
{
	char *text = ed_text(&l->in);
	if (!text)
		return;
	/* Another Tab: the next candidate. */
	if (l->n_cands > 1) {
		l->cand_at = (l->cand_at + 1) % l->n_cands;
		text[l->cand_from] = '\0';
		char line[UI_CMDLINE_MAX * 4 + 64];
		snprintf(line, sizeof line, "%s%s", text, l->cands[l->cand_at]);
		set_line(l, line);
		show_cands(c, l->cands, l->n_cands);
		free(text);
		return;
	}
	/* What is before the cursor is completed; what follows it is left out. */
	size_t cut = 0;
	for (size_t i = 0; i < l->in.cx && text[cut]; i++) {
		cut++;
		while ((text[cut] & 0xc0) == 0x80)
			cut++;
	}
	text[cut] = '\0';
	size_t n = 0, from = 0;
	char **items = ui_cmdline_complete(c, text, &n, &from);
	if (n == 0) {
		ui_status(c, true, "%s", _("Nothing to complete here."));
		free(items);
		free(text);
		return;
	}
	char line[UI_CMDLINE_MAX * 4 + 64];
	text[from] = '\0';
	if (n == 1) {
		snprintf(line, sizeof line, "%s%s ", text, items[0]);
		set_line(l, line);
		free(items[0]);
		free(items);
	} else {
		/* The longest beginning all share, then the list; the next Tab cycles. */
		size_t common = strlen(items[0]);
		for (size_t i = 1; i < n; i++) {
			size_t j = 0;
			while (j < common && items[i][j] == items[0][j])
				j++;
			common = j;
		}
		while (common && (items[0][common] & 0xc0) == 0x80)
			common--;
		/* Only when it adds to what was typed (a case-blind match may share less). */
		if (common > cut - from) {
			snprintf(line, sizeof line, "%s%.*s", text, (int)common, items[0]);
			set_line(l, line);
		}
		l->cands = items;
		l->n_cands = n;
		l->cand_at = n - 1; /* the next Tab shows the first */
		l->cand_from = from;
		show_cands(c, items, n);
	}
	free(text);
}

static void history_move(ui_cmdline *l, int d)
{
	if (d < 0 && l->at > 0)
		l->at--;
	else if (d > 0 && l->at < l->n_history)
		l->at++;
	else
		return;
	set_line(l, l->at < l->n_history ? l->history[l->at] : "");
}

static void remember(ui_cmdline *l, const char *line)
{
	if (!*line || (l->n_history && strcmp(l->history[l->n_history - 1], line) == 0))
		return;
	char *copy = strdup(line);
	if (!copy)
		return;
	if (l->n_history == UI_CMDLINE_HISTORY) {
		free(l->history[0]);
		memmove(l->history, l->history + 1, (UI_CMDLINE_HISTORY - 1) * sizeof *l->history);
		l->n_history--;
	}
	l->history[l->n_history++] = copy;
}

unsigned ui_cmdline_key(ui_cmdline *l, ui_ctx *c, int key)
{
	ed_buf *b = &l->in;
	if (key != K_TAB)
		drop_cands(l);
	switch (key) {
	case '\n': case '\r': case UI_KFN | KEY_ENTER: {
		l->typing = false;
		char *line = ed_text(b);
		if (!line)
			return UI_R_REDRAW;
		remember(l, line);
		unsigned r = ui_cmdline_run(c, line);
		free(line);
		return r | UI_R_REDRAW;
	}
	case K_ESC: case K_CTRL('c'): case K_CTRL('g'):
		l->typing = false;
		return UI_R_REDRAW;
	case K_TAB: complete(l, c); break;
	case UI_KFN | KEY_UP: history_move(l, -1); break;
	case UI_KFN | KEY_DOWN: history_move(l, 1); break;
	case UI_KFN | KEY_BACKSPACE: case 127: case 8:
		/* Backspace on an empty line closes it, as in vi and mutt. */
		if (b->lines[0].len == 0)
			l->typing = false;
		else
			ed_backspace(b);
		break;
	case UI_KFN | KEY_DC: ed_delete(b); break;
	case UI_KFN | KEY_LEFT: if (b->cx) b->cx--; break;
	case UI_KFN | KEY_RIGHT: if (b->cx < b->lines[0].len) b->cx++; break;
	case UI_KFN | KEY_HOME: case K_CTRL('a'): b->cx = 0; break;
	case UI_KFN | KEY_END: case K_CTRL('e'): b->cx = b->lines[0].len; break;
	case K_CTRL('u'): set_line(l, ""); break;
	default:
		/* no controls, no bidirectional overrides in what is typed */
		if (!(key & UI_KFN) && key >= 32 && key != 127 && b->lines[0].len < UI_CMDLINE_MAX &&
		    !((key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069)))
			ed_insert(b, (wchar_t)key);
	}
	return UI_R_REDRAW;
}

void ui_cmdline_draw(const ui_cmdline *l, int y, int *cur_x)
{
	theme_set(stdscr, TH_PROMPT);
	ui_fill(stdscr, y, 0, COLS);
	ui_put(stdscr, y, 0, ":", 1);
	const ed_line *in = &l->in.lines[0];
	int cols = COLS - 2;
	size_t start = ui_scroll_start(in->s, l->in.cx, cols);
	ui_putw(stdscr, y, 1, in->s + start, in->len - start, cols);
	theme_set(stdscr, TH_NORMAL);
	*cur_x = 1 + ui_wcs_cols(in->s + start, l->in.cx - start);
}

/* --- running a line ------------------------------------------------------------- */

/* A setting typed on the line: in effect now, and kept where the session keeps them. */
static unsigned run_setting(ui_ctx *c, const char *line)
{
	char err[500];
	if (!ui_prefs_line(line, err, sizeof err)) {
		ui_status(c, true, "%s", err);
		return UI_R_REDRAW;
	}
	theme_init(c->opt->no_color);
	clearok(curscr, TRUE);
	if (c->opt->restricted) {
		char *text = NULL, *merged = NULL;
		error e;
		err_clear(&e);
		status s = prefs_load(c->d, c->me, &text, &e);
		if (s == ST_OK && !(merged = ui_prefs_merge(text, line)))
			s = err_oom(&e);
		if (s == ST_OK)
			s = prefs_save(c->d, c->me, merged, &e);
		free(text);
		free(merged);
		if (s != ST_OK)
			ui_status(c, true, _("In effect for this session; not kept: %s"), e.msg);
		else
			ui_status(c, false, "%s", _("In effect, and kept for your account."));
		return UI_R_REDRAW;
	}
	char *path = ui_prefs_path();
	ui_status(c, false, _("In effect for this session; to keep it, add the line to %s"),
	          path ? path : "~/.config/empirie/config");
	free(path);
	return UI_R_REDRAW;
}

/* :help NAME — one command's keys and what it does, on the status line. */
static unsigned run_help(ui_ctx *c, const char *name)
{
	ui_cmd_id id = ui_cmd_by_name(name);
	if (id == CMD_NONE) {
		if (!strcmp(name, "bind"))
			ui_status(c, false, "%s", _("bind SCREEN KEY COMMAND: a key for a command, e.g. "
			                            "'bind main ^R reply' (none takes a key away)"));
		else if (!strcmp(name, "color") || !strcmp(name, "colour"))
			ui_status(c, false, "%s", _("color ELEMENT FG BG [ATTRIBUTE]: an element's colours, "
			                            "e.g. 'color title white blue bold'"));
		else if (!strcmp(name, "theme"))
			ui_status(c, false, "%s", _("theme NAME: default, light, high-contrast or "
			                            "monochrome"));
		else if (!strcmp(name, "mouse"))
			ui_status(c, false, "%s", _("mouse yes|no: whether the program takes the mouse "
			                            "(from the next start)"));
		else
			ui_status(c, true, _("No command '%s': Tab after :help lists them."), name);
		return UI_R_REDRAW;
	}
	const ui_command *uc = ui_cmd_get(id);
	char keys[128];
	ui_cmd_keys_text(uc, c->top->ops->kind, keys, sizeof keys);
	if (*keys)
		ui_status(c, false, _("%s (%s): %s"), name, keys, _(uc->help));
	else
		ui_status(c, false, "%s: %s", name, _(uc->help));
	return UI_R_REDRAW;
}

unsigned ui_cmdline_run(ui_ctx *c, const char *line)
{
	while (*line == ' ')
		line++;
	char name[64];
	size_t nl = strcspn(line, " ");
	if (nl == 0)
		return UI_R_NONE;
	snprintf(name, sizeof name, "%.*s", (int)(nl < sizeof name ? nl : sizeof name - 1), line);
	const char *arg = line + nl;
	while (*arg == ' ')
		arg++;
	char argbuf[UI_CMDLINE_MAX * 4 + 1];
	snprintf(argbuf, sizeof argbuf, "%s", arg);
	for (size_t n = strlen(argbuf); n && argbuf[n - 1] == ' ';)
		argbuf[--n] = '\0';
	if (strcmp(name, "help") == 0 && *argbuf)
		return run_help(c, argbuf);
	if (ui_prefs_is_setting(name))
		return run_setting(c, line);
	ui_cmd_id id = ui_cmd_by_name(name);
	if (id == CMD_NONE) {
		ui_status(c, true, _("Unknown command '%s': Tab lists the commands, :help NAME explains "
		                     "one."), name);
		return UI_R_REDRAW;
	}
	const ui_command *uc = ui_cmd_get(id);
	unsigned kind = c->top->ops->kind;
	if (id == CMD_TOWNS && *argbuf) {
		city town;
		error e;
		if (directory_city_find(c->d, argbuf, &town, &e) != ST_OK) {
			ui_status_error(c, &e);
			return UI_R_REDRAW;
		}
		int64_t city_id = town.id;
		city_clear(&town);
		return ui_open(c, ui_card_city(c, city_id));
	}
	if (!(uc->screens & kind)) {
		ui_status(c, true, _("'%s' does not work on this screen."), name);
		return UI_R_REDRAW;
	}
	int key = 0;
	if (id == CMD_JUMP) {
		char *end;
		long v = strtol(argbuf, &end, 10);
		if (!*argbuf || *end || v < 1 || v > 9) {
			ui_status(c, true, "%s", _("jump-network needs the network's number (Tab lists them)."));
			return UI_R_REDRAW;
		}
		key = '0' + (int)v;
	} else if (*argbuf) {
		ui_status(c, true, _("'%s' takes no argument."), name);
		return UI_R_REDRAW;
	} else {
		for (int k = 0; k < UI_CMD_KEYS && !key; k++)
			if (uc->keys[k] && ui_cmd_for_key(uc->keys[k], kind) == id)
				key = uc->keys[k];
		if (!key)
			key = uc->keys[0];
	}
	return ui_run_command(c, id, key);
}
