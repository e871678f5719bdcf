/* test_cli_table.c — the CLI's command table rules (cli_refusal(), which cli_open()
 * applies to every command): for every command the table marks admin_only, anyone but an
 * administrator is refused with the command's own message; for every command marked
 * writes, a read-only database and a guest are refused. The commands come from the
 * table itself, so a command added to it is tested too; the same for the rows of the
 * subcommand tables (list, show, admin, moderate, sync). */
#include "tap.h"
#include "cli/cli_priv.h"

#include <locale.h>
#include <unistd.h>

static const char ro_msg[] = "This database is open read-only; changes cannot be saved";
static const char guest_msg[] =
	"Guests can read but not write; ask the network coordinator for an account";

static bool same(const char *got, const char *want)
{
	return got && want && strcmp(got, want) == 0;
}

/* A --config after the command is the file read instead of the default one, before
 * the command runs: `empirie list networks --config F` must not first read (and fail
 * on) the default file that `empirie --config F list networks` never reads. */
static void late_config(void)
{
	const char *a[] = { "empirie", "list", "networks", "--config", "a.conf", NULL };
	ok(same(cli_late_config(5, a, 1), "a.conf"), "--config FILE after the command is found");
	const char *b[] = { "empirie", "list", "--config=b.conf", "networks", NULL };
	ok(same(cli_late_config(4, b, 1), "b.conf"), "--config=FILE after the command is found");
	const char *c[] = { "empirie", "post", "--title", "x", "--", "--config", "c.conf", NULL };
	ok(cli_late_config(7, c, 1) == NULL, "... not after --");
	const char *d[] = { "empirie", "list", "networks", "--config", NULL };
	ok(cli_late_config(4, d, 1) == NULL, "... not without its value");
	const char *e[] = { "empirie", "list", "--config", "1.conf", "--config", "2.conf", NULL };
	ok(same(cli_late_config(6, e, 1), "2.conf"), "the last one counts, as getopt takes it");
}

/* An option's help line is printed whole, however long (none is cut at a buffer's size). */
static void long_help_line(void)
{
	enum { LEN = 1500 };
	static char help[LEN + 1];
	memset(help, 'x', LEN);
	const cli_opt t[] = { { "long", no_argument, 300, NULL, help }, { NULL, 0, 0, NULL, NULL } };
	FILE *f = tmpfile();
	int saved = dup(STDOUT_FILENO);
	fflush(stdout);
	if (f && saved >= 0 && dup2(fileno(f), STDOUT_FILENO) >= 0) {
		cli_opts_print(t);
		fflush(stdout);
		dup2(saved, STDOUT_FILENO);
	}
	if (saved >= 0)
		close(saved);
	size_t run = 0, best = 0;
	if (f)
		rewind(f);
	for (int ch; f && (ch = fgetc(f)) != EOF;) {
		run = ch == 'x' ? run + 1 : 0;
		best = run > best ? run : best;
	}
	ok(best == LEN, "a help line of %d characters is printed whole (%zu)", LEN, best);
	if (f)
		fclose(f);
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

	/* The subcommand tables: the same rule for each row, found by its name, and each
	 * command with a table of them is one of the table's commands. */
	static const char *const with_subs[] = { "list", "show", "admin", "moderate", "sync" };
	size_t nsub_admin = 0;
	for (size_t i = 0; i < sizeof with_subs / sizeof with_subs[0]; i++) {
		const char *name = with_subs[i];
		const cli_subcommand *t = cli_subcommands_of(name);
		ok(t && cli_find_command(name), "%s: has a subcommand table", name);
		for (const cli_subcommand *s = t; s && s->name; s++) {
			ok(cli_sub_find(t, s->name) == s, "%s %s: found by its name", name, s->name);
			if (!s->help) {
				ok(s > t, "%s %s: another name of the row above", name, s->name);
				continue;
			}
			if (s->admin_only) {
				nsub_admin++;
				for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
					ok(same(cli_sub_refusal(s, others[k], false), s->admin_refusal),
					   "%s %s: refused to a %s with its message", name, s->name,
					   role_key(others[k]->role));
				ok(cli_sub_refusal(s, &admin, false) == NULL, "%s %s: an administrator may",
				   name, s->name);
			} else {
				ok(s->admin_refusal == NULL && cli_sub_refusal(s, &member, false) == NULL,
				   "%s %s: a member may run it", name, s->name);
			}
			if (s->writes)
				ok(same(cli_sub_refusal(s, &admin, true), ro_msg),
				   "%s %s: refused on a read-only database", name, s->name);
			else
				ok(s->admin_only || cli_sub_refusal(s, &guest, true) == NULL,
				   "%s %s: a guest may run it on a read-only database", name, s->name);
		}
	}
	ok(nsub_admin > 0, "some subcommands are administrators' only (%zu)", nsub_admin);
	ok(cli_subcommands_of("search") == NULL, "search has no subcommands");
	long_help_line();
	late_config();
	return tap_done();
}
