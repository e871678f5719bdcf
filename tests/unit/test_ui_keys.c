/* test_ui_keys.c — the command table rules the keys, screen by screen: every command
 * reachable by at least one of its own keys on every screen it applies to; no two
 * commands given the same key on one screen (a key the table gives a command but
 * another command takes is a dead promise: Tab for next-unread on the main screen,
 * where it moves between panels); the network digits exactly those of the networks
 * there are; and the help and the key bar saying the same, both from the table. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "core/bundled.h"
#include "text/csv.h"
#include "ui/ui_cmd.h"

static const struct {
	unsigned bit;
	const char *name;
} screens[] = {
	{ SC_MAIN, "main" }, { SC_CARD, "card" }, { SC_READER, "reader" },
	{ SC_EDITOR, "editor" }, { SC_SEARCH, "search" }, { SC_HELP, "help" },
	{ SC_PRACTICE, "practice" }, { SC_MEETING, "meeting" }, { SC_PLIST, "practices" },
	{ SC_MLIST, "meetings" }, { SC_PICK, "pick" }, { SC_TLIST, "towns" },
};
#define N_SCREENS (sizeof screens / sizeof screens[0])

/* Whether the table gives key number k of c to c on screen bit s. */
static bool gives(const ui_command *c, int k, unsigned s)
{
	return c->keys[k] && (c->key_screens[k] & s);
}

static void reachable(void)
{
	int dead = 0;
	for (int id = 0; id < CMD__COUNT; id++) {
		const ui_command *c = ui_cmd_get((ui_cmd_id)id);
		if (!c->keys[0])
			continue; /* a command without keys of its own (the : line runs it) */
		for (size_t s = 0; s < N_SCREENS; s++) {
			if (!(c->screens & screens[s].bit))
				continue;
			int reach = 0;
			for (int k = 0; k < UI_CMD_KEYS && c->keys[k]; k++)
				reach += ui_cmd_for_key(c->keys[k], screens[s].bit) == c->id;
			if (!reach) {
				diag("%s on the %s screen: none of its keys reaches it", c->name,
				     screens[s].name);
				dead++;
			}
		}
	}
	is_int(dead, 0, "every command is reachable by one of its keys on each of its screens");
}

static void no_shared_keys(void)
{
	int shared = 0;
	for (size_t s = 0; s < N_SCREENS; s++) {
		unsigned sc = screens[s].bit;
		for (int a = 0; a < CMD__COUNT; a++) {
			const ui_command *ca = ui_cmd_get((ui_cmd_id)a);
			for (int ka = 0; ka < UI_CMD_KEYS; ka++) {
				if (!gives(ca, ka, sc))
					continue;
				/* The key means ca here, and no later row is given it here too. */
				if (ui_cmd_for_key(ca->keys[ka], sc) != ca->id) {
					char name[32];
					ui_key_name(ca->keys[ka], name, sizeof name);
					const ui_command *w = ui_cmd_get(ui_cmd_for_key(ca->keys[ka], sc));
					diag("%s: %s is given to %s but runs %s", screens[s].name, name,
					     ca->name, w ? w->name : "nothing");
					shared++;
				}
				for (int b = a + 1; b < CMD__COUNT; b++) {
					const ui_command *cb = ui_cmd_get((ui_cmd_id)b);
					for (int kb = 0; kb < UI_CMD_KEYS; kb++)
						if (gives(cb, kb, sc) && cb->keys[kb] == ca->keys[ka]) {
							char name[32];
							ui_key_name(ca->keys[ka], name, sizeof name);
							diag("%s: %s is given to both %s and %s", screens[s].name, name,
							     ca->name, cb->name);
							shared++;
						}
				}
			}
		}
	}
	is_int(shared, 0, "no key is given to two commands on one screen");
}

/* The networks of the bundled directory. */
static int networks(void)
{
	csv_reader *r = csv_reader_new(bundled_networks_csv, bundled_networks_csv_len, ',');
	csv_row row;
	int n = -1; /* the header */
	while (r && csv_next(r, &row) == CSV_ROW)
		n++;
	csv_reader_free(r);
	return n;
}

static void network_digits(void)
{
	int nets = networks();
	ok(nets >= 1 && nets <= 9, "the directory has %d networks, one digit each", nets);
	const ui_command *jump = ui_cmd_get(CMD_JUMP);
	int table = 0, run = 0, wrong = 0;
	for (int k = 0; k < UI_CMD_KEYS; k++)
		if (jump->keys[k]) {
			table++;
			wrong += jump->keys[k] < '1' || jump->keys[k] > '0' + nets;
		}
	for (int d = '0'; d <= '9'; d++)
		if (ui_cmd_for_key(d, SC_MAIN) == CMD_JUMP)
			run++;
	is_int(table, nets, "the table gives jump-network one digit per network");
	is_int(wrong, 0, "and only the digits of networks");
	is_int(run, nets, "the main screen jumps on those digits and no other");
	char want[64];
	snprintf(want, sizeof want, "  1–%d ", nets);
	char *help = ui_help_text(SC_MAIN);
	ok(help && strstr(help, want), "the main screen's help says %s", want + 2);
	free(help);
}

/* Whether text holds key as a whole key name ("F1" is not in "F10, x"). */
static bool lists_key(const char *text, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = text; (p = strstr(p, key)) != NULL; p++)
		if ((p == text || p[-1] == ' ') && (p[n] == ',' || p[n] == ' ' || !p[n]))
			return true;
	return false;
}

/* The key bar drawn on a terminal of 300 columns, and the help of the same screen: each
 * F-key the bar shows runs that command and the help lists that key with the same label,
 * and an F-key the bar leaves out is not a labelled command there. */
static void bar_and_help(void)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *sc = out && in ? newterm("xterm", out, in) : NULL;
	if (!sc) {
		ok(1, "# SKIP no terminal to draw the key bar on (terminfo xterm)");
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		return;
	}
	set_term(sc);
	resizeterm(3, 300);
	int wrong = 0, shown = 0;
	for (size_t s = 0; s < N_SCREENS; s++) {
		char bar[302] = " ";
		ui_keybar_draw(0, screens[s].bit, ~0u, 0);
		mvinnstr(0, 0, bar + 1, 300);
		char *help = ui_help_text(screens[s].bit);
		for (int f = 1; f <= 10; f++) {
			char key[8], button[64];
			snprintf(key, sizeof key, "F%d", f);
			const ui_command *c = ui_cmd_get(ui_cmd_for_key(K_F(f), screens[s].bit));
			if (!c || !c->label) {
				snprintf(button, sizeof button, " %s ", key);
				if (strstr(bar, button)) {
					diag("%s: the bar shows %s, which runs no labelled command", screens[s].name,
					     key);
					wrong++;
				}
				continue;
			}
			shown++;
			snprintf(button, sizeof button, " %s %s ", key, c->label);
			if (!strstr(bar, button)) {
				diag("%s: the bar lacks \"%s\": [%s]", screens[s].name, button + 1, bar + 1);
				wrong++;
			}
			/* The help's line of the command: "  KEYS   Label: help". */
			char what[512];
			snprintf(what, sizeof what, "%s: %s\n", c->label, c->help);
			const char *at = help ? strstr(help, what) : NULL;
			const char *line = at;
			while (line && line > help && line[-1] != '\n')
				line--;
			char keys[128] = "";
			if (line)
				snprintf(keys, sizeof keys, "%.*s", (int)(at - line), line);
			if (!at || !lists_key(keys, key)) {
				diag("%s: the help does not list %s for %s: [%s]", screens[s].name, key, c->name,
				     keys);
				wrong++;
			}
		}
		free(help);
	}
	endwin();
	delscreen(sc);
	fclose(out);
	fclose(in);
	ok(shown > 20, "the key bars show %d buttons in all", shown);
	is_int(wrong, 0, "the key bar and the help show the same F-keys and labels");
}

int main(void)
{
	/* The help's "1–8" in UTF-8, as on any terminal in the C.UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	reachable();
	no_shared_keys();
	network_digits();
	bar_and_help();
	return tap_done();
}
