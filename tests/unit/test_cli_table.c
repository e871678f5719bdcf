/* test_cli_table.c — the CLI's command table rules (cli_refusal(), which cli_open()
 * applies to every command): for every command the table marks admin_only, anyone but an
 * administrator is refused with the command's own message; for every command marked
 * writes, a read-only database and a guest are refused. The commands come from the
 * table itself, so a command added to it is tested too. */
#include "tap.h"
#include "cli/cli_priv.h"

#include <locale.h>

static const char ro_msg[] = "This database is open read-only; changes cannot be saved";
static const char guest_msg[] =
	"Guests can read but not write; ask the network coordinator for an account";

static bool same(const char *got, const char *want)
{
	return got && want && strcmp(got, want) == 0;
}

int main(void)
{
	setlocale(LC_ALL, "C");
	account admin = { .id = 1, .role = ROLE_ADMIN }, coord = { .id = 2, .role = ROLE_COORDINATOR },
	        leader = { .id = 3, .role = ROLE_LEADER }, member = { .id = 4, .role = ROLE_MEMBER },
	        guest = { .id = 0, .role = ROLE_GUEST };
	const account *others[] = { &coord, &leader, &member, &guest };
	size_t n = 0, nadmin = 0, nwrites = 0;
	const cli_command *cmd;

	for (size_t i = 0; (cmd = cli_command_at(i)); i++, n++) {
		ok(cli_find_command(cmd->name) == cmd, "%s: found by its name", cmd->name);
		if (cmd->admin_only) {
			nadmin++;
			ok(cmd->admin_refusal && *cmd->admin_refusal, "%s: says why others may not",
			   cmd->name);
			for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
				ok(same(cli_refusal(cmd, others[k], false), cmd->admin_refusal),
				   "%s: refused to a %s with its message", cmd->name,
				   role_key(others[k]->role));
			ok(cli_refusal(cmd, &admin, false) == NULL, "%s: an administrator may", cmd->name);
		} else {
			ok(cmd->admin_refusal == NULL, "%s: no refusal text without admin_only",
			   cmd->name);
			ok(cli_refusal(cmd, &member, false) == NULL, "%s: a member may run it",
			   cmd->name);
		}
		if (cmd->writes) {
			nwrites++;
			ok(same(cli_refusal(cmd, &admin, true), ro_msg),
			   "%s: refused on a read-only database, even to an administrator", cmd->name);
			if (!cmd->admin_only)
				ok(same(cli_refusal(cmd, &guest, false), guest_msg),
				   "%s: refused to a guest", cmd->name);
		} else {
			ok(cli_refusal(cmd, &admin, true) == NULL, "%s: runs on a read-only database",
			   cmd->name);
			if (!cmd->admin_only)
				ok(cli_refusal(cmd, &guest, true) == NULL, "%s: a guest may run it there",
				   cmd->name);
		}
	}
	ok(n >= 20, "the table has the commands (%zu)", n);
	ok(nadmin > 0, "some commands are administrators' only (%zu)", nadmin);
	ok(nwrites > 0, "some commands write (%zu)", nwrites);
	ok(cli_refusal(NULL, &guest, true) == NULL, "no command (the application): no refusal");
	return tap_done();
}
