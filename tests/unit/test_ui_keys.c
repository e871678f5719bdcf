/* test_ui_keys.c — the command table's keys, screen by screen: every command reachable
 * by at least one of its own keys on every screen it applies to. Earlier rows win when
 * two share a key on a screen (ui_cmd.h), which is fine for one of several keys (F5
 * quotes in the reader, u still opens its links) and a dead command when it was the
 * only one: 'o' sorting the thread list under 'o' for the requests, say. */
#include "config.h"

#include <stdio.h>

#include "tap.h"
#include "ui/ui_cmd.h"

static const struct {
	unsigned bit;
	const char *name;
} screens[] = {
	{ SC_MAIN, "main" }, { SC_CARD, "card" }, { SC_READER, "reader" },
	{ SC_EDITOR, "editor" }, { SC_SEARCH, "search" }, { SC_HELP, "help" },
	{ SC_PRACTICE, "practice" }, { SC_MEETING, "meeting" }, { SC_PLIST, "practices" },
	{ SC_MLIST, "meetings" }, { SC_PICK, "pick" },
};

int main(void)
{
	int dead = 0;
	for (int id = 0; id < CMD__COUNT; id++) {
		const ui_command *c = ui_cmd_get((ui_cmd_id)id);
		if (!c->keys[0])
			continue; /* a command without keys of its own (the : line runs it) */
		for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++) {
			if (!(c->screens & screens[s].bit))
				continue;
			int reach = 0;
			for (int k = 0; k < UI_CMD_KEYS && c->keys[k]; k++)
				reach += ui_cmd_for_key(c->keys[k], screens[s].bit) == c->id;
			if (!reach) {
				char name[32];
				ui_key_name(c->keys[0], name, sizeof name);
				diag("%s on the %s screen: none of its keys reaches it (%s runs %s)", c->name,
				     screens[s].name, name,
				     ui_cmd_get(ui_cmd_for_key(c->keys[0], screens[s].bit))
				             ? ui_cmd_get(ui_cmd_for_key(c->keys[0], screens[s].bit))->name
				             : "nothing");
				dead++;
			}
		}
	}
	is_int(dead, 0, "every command is reachable by one of its keys on each of its screens");
	return tap_done();
}
