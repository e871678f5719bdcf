/* cli_sync.c — `empirie sync export|apply|status|conflicts`: carrying what an offline
 * copy wrote to the home database and back (core/sync.c does the work). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/sync.h"
#include "i18n.h"
#include "text/safe.h"

extern const cli_subcommand cli_sync_subs[];

static int sync_help(void)
{
	cli_command_help_opts(cli_find_command("sync"),
		_("Carries what was written in an offline copy (threads, replies, edits, hidden\n"
		  "posts, locks, read marks, drafts) to the home database, and back.\n"),
		cli_sync_subs, NULL, NULL);
	return EXIT_OK;
}

/* One line per conflict whatever the file held: a newline or a control character in a
 * name from the file is shown visibly ("^J"), so it cannot print a forged line (B10). */
static void print_conflict(void *ctx, const char *file, int64_t line, const char *what,
                           const char *outcome)
{
	(void)ctx;
	char *f = safe_utf8(file, strlen(file), 0), *w = safe_utf8(what, strlen(what), 0),
	     *o = safe_utf8(outcome, strlen(outcome), 0);
	if (f && w && o)
		safe_fprintf(stdout, _("%s:%lld: conflict: %s — %s\n"), f, (long long)line, w, o);
	free(f), free(w), free(o);
}

/* An error of export or apply may quote the file: on one line too. */
static int sync_fail(const error *e)
{
	error flat = *e;
	char *m = safe_utf8(e->msg, strlen(e->msg), 0);
	if (m)
		snprintf(flat.msg, sizeof flat.msg, "%s", m);
	free(m);
	return cli_fail(&flat);
}

static void print_kept(void *ctx, const char *at, int64_t line, const char *what,
                       const char *outcome)
{
	(void)ctx;
	tsv_field(at, false);
	char l[32];
	snprintf(l, sizeof l, "%lld", (long long)line);
	tsv_field(l, false);
	tsv_field(what, false);
	tsv_field(outcome, true);
}

static int sync_do_withdraw(cli_ctx *c, const char *arg, bool all)
{
	(void)all;
	char *end = NULL;
	long long site = arg ? strtoll(arg, &end, 10) : 0;
	if (!arg || !*arg || *end || site < 1)
		return cli_usage("sync", _("say which offline copy to withdraw (its number, see "
		                           "'empirie sync status' in the copy)"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	if (sync_revoke(c->d, &c->me, (int64_t)site, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, _("Offline copy %lld is withdrawn: files it wrote are refused from "
	                       "now on, and files from here are no longer signed for it.\n"),
	             site);
	return EXIT_OK;
}

static int sync_do_export(cli_ctx *c, const char *file, bool all)
{
	if (!file)
		return cli_usage("sync", _("say which FILE to write to"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	int64_t n;
	if (sync_export(c->d, &c->me, file, all, &n, &e) != ST_OK)
		return sync_fail(&e);
	safe_fprintf(stdout, ngettext("Wrote %s: %lld change.\n", "Wrote %s: %lld changes.\n",
	                              (unsigned long)n),
	             file, (long long)n);
	return EXIT_OK;
}

static int sync_do_apply(cli_ctx *c, const char *file, bool all)
{
	(void)all;
	if (!file)
		return cli_usage("sync", _("say which FILE to apply"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	sync_result r;
	if (sync_apply(c->d, &c->me, file, &r, print_conflict, NULL, &e) != ST_OK)
		return sync_fail(&e);
	if (r.already) {
		safe_fprintf(stdout, _("%s was applied here already (%s); nothing changed.\n"), file,
		             r.already_at);
		return EXIT_OK;
	}
	safe_fprintf(stdout, ngettext("Applied %s: %lld change in the file: ",
	                              "Applied %s: %lld changes in the file: ",
	                              (unsigned long)r.ops),
	             file, (long long)r.ops);
	safe_fprintf(stdout, ngettext("%lld new or changed here, ", "%lld new or changed here, ",
	                              (unsigned long)r.applied),
	             (long long)r.applied);
	safe_fprintf(stdout, ngettext("%lld already here, ", "%lld already here, ",
	                              (unsigned long)r.present),
	             (long long)r.present);
	safe_fprintf(stdout, ngettext("%lld conflict.\n", "%lld conflicts.\n",
	                              (unsigned long)r.conflicts),
	             (long long)r.conflicts);
	return EXIT_OK;
}

static int sync_do_status(cli_ctx *c, const char *arg, bool all)
{
	(void)arg, (void)all;
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	sync_status st;
	if (sync_get_status(c->d, &st, &e) != ST_OK)
		return cli_fail(&e);
	if (st.site == 0)
		safe_fprintf(stdout, _("This is the home database.\n"));
	else
		safe_fprintf(stdout, _("This is offline copy number %lld.\n"), (long long)st.site);
	if (st.site && st.owner[0])
		safe_fprintf(stdout, _("It was issued to %s: the home database takes only their "
		                       "changes from it.\n"), st.owner);
	if (!st.logging) {
		safe_fprintf(stdout, _("No full copy has been taken, so changes are not being noted "
		                       "for sync.\n"));
		return EXIT_OK;
	}
	safe_fprintf(stdout, ngettext("%lld change waits for the next export.\n",
	                              "%lld changes wait for the next export.\n",
	                              (unsigned long)st.pending),
	             (long long)st.pending);
	safe_fprintf(stdout, ngettext("%lld file applied so far, ", "%lld files applied so far, ",
	                              (unsigned long)st.applied_files),
	             (long long)st.applied_files);
	safe_fprintf(stdout, ngettext("%lld conflict kept.\n", "%lld conflicts kept.\n",
	                              (unsigned long)st.conflicts),
	             (long long)st.conflicts);
	return EXIT_OK;
}

static int sync_do_conflicts(cli_ctx *c, const char *arg, bool all)
{
	(void)arg, (void)all;
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	static const char *const cols[] = { "at", "line", "what", "outcome" };
	tsv_header(c, cols, sizeof cols / sizeof cols[0]);
	if (sync_list_conflicts(c->d, &c->me, print_kept, NULL, &e) != ST_OK)
		return cli_fail(&e);
	return EXIT_OK;
}

/* The options of sync export (the other actions take none). */
const cli_opt cli_sync_export_opts[] = {
	{ "all", no_argument, 256, NULL, N_("everything noted since the copy was taken") },
	{ NULL, 0, 0, NULL, NULL },
};

/* The words after the action: its argument (a file, a copy's number) when it takes one,
 * and --all when it takes that; -1 when misused (reported). */
static int sync_words(cli_ctx *c, int argc, char **argv, bool takes_arg, bool takes_all,
                      const char **arg, bool *all)
{
	const char *v[1] = { NULL };
	int i = cli_parse_opts(c, "sync", takes_all ? cli_sync_export_opts : cli_sync_export_opts + 1, argc,
	                       argv, v);
	if (i == CLI_PARSE_HELP)
		return sync_help(), 1;
	if (i < 0)
		return -1;
	*arg = takes_arg && i < argc ? argv[i++] : NULL;
	*all = v[0] != NULL;
	if (i < argc)
		return cli_usage("sync", _("unexpected argument '%s'"), argv[i]), -1;
	return 0;
}

#define SYNC_ACTION(fn, takes_arg, takes_all)                                           \
	static int fn##_cmd(cli_ctx *c, int argc, char **argv)                          \
	{                                                                               \
		const char *arg;                                                        \
		bool all;                                                               \
		int w = sync_words(c, argc, argv, takes_arg, takes_all, &arg, &all);    \
		return w < 0 ? EXIT_USAGE : w > 0 ? EXIT_OK : fn(c, arg, all);          \
	}
SYNC_ACTION(sync_do_export, true, true)
SYNC_ACTION(sync_do_apply, true, false)
SYNC_ACTION(sync_do_status, false, false)
SYNC_ACTION(sync_do_conflicts, false, false)
SYNC_ACTION(sync_do_withdraw, true, false)
#undef SYNC_ACTION

/* The actions of `empirie sync`. Who may apply or withdraw the core decides (the home
 * database's administrator, the copy's owner). */
const cli_subcommand cli_sync_subs[] = {
	{ "export", sync_do_export_cmd, N_("FILE [--all]"),
	  N_("write what changed here since the last export (--all:\neverything noted since the "
	     "copy was taken)"), false, false, NULL },
	{ "apply", sync_do_apply_cmd, N_("FILE"),
	  N_("apply a file written by the other side, all or nothing;\nconflicts are settled by the "
	     "rules in the manual and\nlisted; applying the same file again changes nothing"),
	  false, false, NULL },
	{ "status", sync_do_status_cmd, "", N_("this copy's number and how many changes wait"),
	  false, false, NULL },
	{ "conflicts", sync_do_conflicts_cmd, "", N_("the conflicts kept so far"), false, false, NULL },
	{ "withdraw", sync_do_withdraw_cmd, N_("N"),
	  N_("(home database) refuse the files of offline copy N from\nnow on: it was re-issued or "
	     "lost"), false, false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

int cmd_sync(cli_ctx *c, int argc, char **argv)
{
	char subs[512];
	if (argc < 2)
		return cli_usage("sync", _("say what to do: %s"),
		                 cli_subs_or(cli_sync_subs, false, subs, sizeof subs));
	if (cli_wants_help(cli_options_of("sync", argv[1]), argc, argv))
		return sync_help();
	return cli_sub_dispatch(c, "sync", cli_sync_subs, argc - 1, argv + 1);
}
