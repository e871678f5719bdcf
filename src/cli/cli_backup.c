/* cli_backup.c — empirie backup FILE and empirie restore FILE [--force]. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_priv.h"
#include "cli/paths.h"
#include "core/backup.h"
#include "i18n.h"
#include "text/safe.h"

static void say_counts(const backup_info *info)
{
	safe_fprintf(stdout, ngettext("%lld post, ", "%lld posts, ", (unsigned long)info->posts),
	             (long long)info->posts);
	safe_fprintf(stdout, ngettext("%lld account.\n", "%lld accounts.\n",
	                              (unsigned long)info->accounts),
	             (long long)info->accounts);
}

/* backup's options are the global ones; restore's --force (row 0) only restore's. */
const cli_opt cli_restore_opts[] = {
	{ "force", no_argument, 256, NULL, N_("replace an existing database (without it, restore "
	  "refuses)") },
	{ NULL, 0, 0, NULL, NULL },
};

/* The options and the one FILE of backup (opts cli_restore_opts + 1) or restore: the index
 * past FILE, CLI_PARSE_HELP or -1 (reported); *file NULL when not given. */
static int one_file(cli_ctx *c, const char *cmd, const cli_opt *opts, int argc, char **argv,
                    const char **vals, const char **file)
{
	int i = cli_parse_opts(c, cmd, opts, argc, argv, vals);
	if (i < 0)
		return i;
	*file = i < argc ? argv[i++] : NULL;
	if (i < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[i]), -1;
	return i;
}

int cmd_backup(cli_ctx *c, int argc, char **argv)
{
	const char *file = NULL;
	int i = one_file(c, "backup", cli_restore_opts + 1, argc, argv, NULL, &file);
	if (i == CLI_PARSE_HELP) {
		cli_command_help(cli_find_command("backup"),
			_("Writes a copy of the whole database to FILE while people go on working,\n"
			  "as it was at one moment: under a temporary name beside FILE, readable by\n"
			  "you alone (0600), checked like 'empirie check' does, and only then given\n"
			  "its name. An existing FILE or a link is never overwritten. Administrators\n"
			  "only. Put it back with 'empirie restore FILE --force'.\n"));
		return EXIT_OK;
	}
	if (i < 0)
		return EXIT_USAGE;
	if (!file)
		return cli_usage("backup", _("say which FILE to write the backup to"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	backup_info info;
	error e;
	if (backup_write(c->d, &c->me, file, &info, &e) != ST_OK)
		return cli_fail(&e);
	char size[64];
	snprintf(size, sizeof size, "%.1f MB", (double)info.bytes / 1e6);
	safe_fprintf(stdout, _("Wrote %s: a backup of %s, checked (%s).\n"), file, db_path(c->d), size);
	say_counts(&info);
	return EXIT_OK;
}

int cmd_restore(cli_ctx *c, int argc, char **argv)
{
	const char *file = NULL, *v[1] = { NULL };
	int i = one_file(c, "restore", cli_restore_opts, argc, argv, v, &file);
	if (i == CLI_PARSE_HELP) {
		cli_command_help_opts(cli_find_command("restore"),
			_("Replaces the contents of the database in use (see --db) with the backup\n"
			  "FILE. The backup is checked first (and upgraded if an older empirie made\n"
			  "it); the replaced contents are kept beside the database as\n"
			  "DB.replaced-TIME. Sessions that have the database open stay: they wait a\n"
			  "moment for the restore and then show the restored contents. Administrators\n"
			  "only.\n"), NULL, cli_restore_opts, NULL);
		return EXIT_OK;
	}
	if (i < 0)
		return EXIT_USAGE;
	bool force = v[0] != NULL;
	if (!file)
		return cli_usage("restore", _("say which backup FILE to restore"));
	if (cli_config_late(c) != EXIT_OK)
		return EXIT_ERR;
	/* A database that is not there yet is created by cli_open (its creator is its
	 * administrator) and has nothing to lose: no --force needed. */
	error e;
	bool from_conf;
	char *path = paths_database(cli_db_choice(c, &from_conf), !c->restricted, &e);
	if (!path)
		return cli_fail(&e);
	bool existed = access(path, F_OK) == 0;
	if (existed && !force) {
		cli_error(_("%s exists; restoring replaces everything in it, so say --force (its "
		            "present contents are kept aside as %s.replaced-TIME)"), path, path);
		free(path);
		return EXIT_ERR;
	}
	free(path);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	backup_info info;
	char *aside = NULL;
	if (backup_restore(c->d, &c->me, file, &aside, &info, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, _("Restored %s from %s.\n"), db_path(c->d), file);
	safe_fprintf(stdout, _("The replaced contents are kept in %s.\n"), aside);
	say_counts(&info);
	free(aside);
	return EXIT_OK;
}
