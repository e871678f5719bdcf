/* cli_write.c — post, reply and edit from standard input; attendance, good practices and
 * meetings from options. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "i18n.h"
#include "text/safe.h"

const cli_opt cli_post_opts[] = {
	{ "network", required_argument, 'n', N_("N"), N_("the network (1–8) to write in") },
	{ "title", required_argument, 't', N_("TEXT"), N_("the thread's title") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_post(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_post_opts, opts, shortopts, sizeof shortopts);
	long long net_no = 0;
	const char *title = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'n':
			if ((net_no = cli_parse_id(optarg)) < 0)
				return cli_usage("post", _("--network needs a network number, not '%s'"), optarg);
			break;
		case 't': title = optarg; break;
		case 'h':
			cli_command_help_opts(cli_find_command("post"), NULL, NULL, cli_post_opts,
				_("The first post is read from standard input as UTF-8 text.\n"
				  "Prints the new thread's number.\n"));
			return EXIT_OK;
		case ':': return cli_usage("post", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("post", argv[optind - 1], opts);
		}
	}
	if (optind < argc)
		return cli_usage("post", _("unexpected argument '%s'"), argv[optind]);
	if (!net_no)
		return cli_usage("post", _("say which network with --network N"));
	if (!title)
		return cli_usage("post", _("give the thread a title with --title TEXT"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	char *body = cli_read_body();
	if (!body)
		return EXIT_ERR;
	int64_t id = 0;
	error e;
	status s = forum_new_thread(c->d, &c->me, (int)net_no, title, body, &id, &e);
	free(body);
	if (s != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%lld\n", (long long)id);
	return EXIT_OK;
}

const cli_opt cli_reply_opts[] = {
	{ "to", required_argument, 'p', N_("POST_ID"),
	  N_("answer this post (default: the thread's first post)") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_reply(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_reply_opts, opts, shortopts, sizeof shortopts);
	long long to = 0;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'p':
			if ((to = cli_parse_id(optarg)) < 0)
				return cli_usage("reply", _("--to needs a post number, not '%s'"), optarg);
			break;
		case 'h':
			cli_command_help_opts(cli_find_command("reply"), NULL, NULL, cli_reply_opts,
				_("The reply is read from standard input as UTF-8 text.\n"
				  "Prints the new post's number.\n"));
			return EXIT_OK;
		case ':': return cli_usage("reply", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("reply", argv[optind - 1], opts);
		}
	}
	if (optind >= argc)
		return cli_usage("reply", _("say which thread to answer: empirie reply THREAD_ID"));
	long long thread_id = cli_parse_id(argv[optind]);
	if (thread_id < 0)
		return cli_usage("reply", _("a thread is given by its number, not '%s'"), argv[optind]);
	if (optind + 1 < argc)
		return cli_usage("reply", _("unexpected argument '%s'"), argv[optind + 1]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	char *body = cli_read_body();
	if (!body)
		return EXIT_ERR;
	int64_t id = 0;
	error e;
	status s = forum_reply(c->d, &c->me, thread_id, to, body, &id, &e);
	free(body);
	if (s != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%lld\n", (long long)id);
	return EXIT_OK;
}

int cmd_edit(cli_ctx *c, int argc, char **argv)
{
	int first, rc = cli_no_opts(c, "edit", argc, argv,
		_("The new text is read from standard input; the old one is kept in the audit log.\n"),
		&first);
	if (rc >= 0)
		return rc;
	if (argc - first != 1)
		return cli_usage("edit", argc - first < 1 ? _("say which post to edit: empirie edit POST_ID")
		                                          : _("too many arguments"));
	long long id = cli_parse_id(argv[first]);
	if (id < 0)
		return cli_usage("edit", _("a post is given by its number, not '%s'"), argv[first]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	char *body = cli_read_body();
	if (!body)
		return EXIT_ERR;
	error e;
	status s = forum_edit_post(c->d, &c->me, id, body, &e);
	free(body);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

/* The reason given to `empirie moderate`, for the action that runs. */
static const char *mod_reason;

/* argv: the action, the thread's or post's number. */
static int moderate_run(cli_ctx *c, char **argv, int act)
{
	long long id = cli_parse_id(argv[1]);
	if (id < 0)
		return cli_usage("moderate", _("'%s' is not a number"), argv[1]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	status s = act < 4 ? forum_moderate_thread(c->d, &c->me, id, (mod_action)act, mod_reason, &e)
	                   : forum_hide_post(c->d, &c->me, id, act == 4, mod_reason, &e);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

/* In the order of mod_action (lock, unlock, pin, unpin), then hide and unhide. */
static int mod_lock(cli_ctx *c, int argc, char **argv) { (void)argc; return moderate_run(c, argv, 0); }
static int mod_unlock(cli_ctx *c, int argc, char **argv) { (void)argc; return moderate_run(c, argv, 1); }
static int mod_pin(cli_ctx *c, int argc, char **argv) { (void)argc; return moderate_run(c, argv, 2); }
static int mod_unpin(cli_ctx *c, int argc, char **argv) { (void)argc; return moderate_run(c, argv, 3); }
static int mod_hide(cli_ctx *c, int argc, char **argv) { (void)argc; return moderate_run(c, argv, 4); }
static int mod_unhide(cli_ctx *c, int argc, char **argv) { (void)argc; return moderate_run(c, argv, 5); }

const cli_subcommand cli_moderate_subs[] = {
	{ "lock", mod_lock, N_("THREAD_ID"), N_("close a thread to replies"), true, false, NULL },
	{ "unlock", mod_unlock, N_("THREAD_ID"), N_("open it again"), true, false, NULL },
	{ "pin", mod_pin, N_("THREAD_ID"), N_("keep a thread at the top of its network"), true, false,
	  NULL },
	{ "unpin", mod_unpin, N_("THREAD_ID"), N_("let it move down again"), true, false, NULL },
	{ "hide", mod_hide, N_("POST_ID"), N_("hide a post's text from members"), true, false, NULL },
	{ "unhide", mod_unhide, N_("POST_ID"), N_("show it again"), true, false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

const cli_opt cli_moderate_opts[] = {
	{ "reason", required_argument, 'r', N_("TEXT"),
	  N_("why; kept in the audit log (required to hide)") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_moderate(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[32];
	cli_opts_getopt(cli_moderate_opts, opts, shortopts, sizeof shortopts);
	mod_reason = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'r': mod_reason = optarg; break;
		case 'h':
			cli_command_help_opts(cli_find_command("moderate"), NULL, cli_moderate_subs,
			                      cli_moderate_opts,
			                      _("For the coordinators of the network and administrators.\n"));
			return EXIT_OK;
		case ':': return cli_usage("moderate", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("moderate", argv[optind - 1], opts);
		}
	}
	if (argc - optind != 2)
		return cli_usage("moderate", _("say what to do and to which thread or post"));
	return cli_sub_dispatch(c, "moderate", cli_moderate_subs, argc - optind, argv + optind);
}

/* ---- meetings and good practices ---- */

const cli_opt cli_attend_opts[] = {
	{ "no", no_argument, 256, NULL, N_("take the town off the list again") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_attend(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_attend_opts, opts, shortopts, sizeof shortopts);
	bool attend = true;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 256: attend = false; break;
		case 'h':
			cli_command_help_opts(cli_find_command("attend"),
				_("Signs your town up for a planned meeting of one of its networks.\n"), NULL,
				cli_attend_opts,
				_("Meetings that are over keep the towns their published report names.\n"));
			return EXIT_OK;
		case ':': return cli_usage("attend", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("attend", argv[optind - 1], opts);
		}
	}
	if (optind >= argc)
		return cli_usage("attend", _("say which meeting: empirie attend MEETING_ID"));
	long long id = cli_parse_id(argv[optind]);
	if (id < 0)
		return cli_usage("attend", _("a meeting is given by its number, not '%s'"), argv[optind]);
	if (optind + 1 < argc)
		return cli_usage("attend", _("unexpected argument '%s'"), argv[optind + 1]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	if (meeting_attend(c->d, &c->me, id, attend, &e) != ST_OK)
		return cli_fail(&e);
	meeting m;
	if (meeting_get(c->d, &c->me, id, &m, &e) != ST_OK)
		return cli_fail(&e);
	char *when = meeting_when(&m);
	safe_fprintf(stdout, attend ? _("%s will attend \"%s\" (%s).\n")
	                            : _("%s is no longer signed up for \"%s\" (%s).\n"),
	             c->me.city_name, m.title, when ? when : m.date_start);
	free(when);
	meeting_clear(&m);
	return EXIT_OK;
}

/* "edit ID": the id, or -1 when it is missing or not a number (reported). */
static long long edit_id(const char *cmd, int argc, char **argv)
{
	long long id = argc < 2 ? -1 : cli_parse_id(argv[1]);
	if (id < 0)
		cli_usage(cmd, _("say which one to edit: empirie %s edit ID"), cmd);
	return id;
}

/* A town as the directory spells it when the name typed matches one (ignoring case and
 * Polish letters), else NULL; newly allocated. */
static char *town_name(db *d, const char *typed)
{
	city t;
	error ignore;
	if (!typed || !*typed || directory_city(d, typed, &t, &ignore) != ST_OK)
		return NULL;
	char *name = strdup(t.name);
	city_clear(&t);
	return name;
}

/* practice add|edit's options are its fields' (practice_fields.h), in the list's order:
 * getopt returns OPT_PRACTICE + the field's place. The town may be given as --city too. */
enum { OPT_PRACTICE = 1024 };
#define PRACTICE_ALIAS_TOWN(name) { "city", required_argument, OPT_PRACTICE + PRACTICE_F_##name, NULL, NULL },
#define PRACTICE_ALIAS_NETS(name)
#define PRACTICE_ALIAS_MEETS(name)
#define PRACTICE_ALIAS_LINE(name)
#define PRACTICE_ALIAS_TEXT(name)
#define PRACTICE_ALIAS_URL(name)
#define PRACTICE_OPTION_(name, kind, aliases, option, arg, help, ...) \
	{ option, required_argument, OPT_PRACTICE + PRACTICE_F_##name, arg, help }, \
	PRACTICE_ALIAS_##kind(name)
const cli_opt cli_practice_opts[] = {
	PRACTICE_FIELDS(PRACTICE_OPTION_)
	{ NULL, 0, 0, NULL, NULL },
};

/* practice add|edit's options (argv[0] the action or the id), then the saving; id 0 adds. */
static int practice_run(cli_ctx *c, int argc, char **argv, long long id)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[8];
	cli_opts_getopt(cli_practice_opts, opts, shortopts, sizeof shortopts);
	const char *v[PRACTICE_NFIELDS] = { 0 };
	int ch;
	optind = 0;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		if (ch >= OPT_PRACTICE && ch < OPT_PRACTICE + PRACTICE_NFIELDS)
			v[ch - OPT_PRACTICE] = optarg;
		else if (ch == ':')
			return cli_usage("practice", _("option '%s' needs a value"), argv[optind - 1]);
		else
			return cli_unknown_option("practice", argv[optind - 1], opts);
	}
	if (optind < argc)
		return cli_usage("practice", _("unexpected argument '%s'"), argv[optind]);
	if (!id && !v[PRACTICE_F_title])
		return cli_usage("practice", _("give the practice a title with --title TEXT"));
	if (!id && !v[PRACTICE_F_city])
		return cli_usage("practice", _("say whose practice it is with --town NAME"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	practice old = { 0 };
	if (id && practice_get(c->d, &c->me, id, NULL, &old, &e) != ST_OK)
		return cli_fail(&e);
	/* What was given, else what is stored. */
	practice_fields in;
	for (int i = 0; i < PRACTICE_NFIELDS; i++)
		*practice_input(&in, i) = v[i] ? v[i] : id ? practice_value(&old, i) : NULL;
	char *town = town_name(c->d, in.city);
	if (town)
		in.city = town;
	int64_t out = 0;
	status s = practice_save(c->d, &c->me, id, &in, &out, &e);
	free(town);
	practice_clear(&old);
	if (s != ST_OK)
		return cli_fail(&e);
	if (!id)
		safe_fprintf(stdout, "%lld\n", (long long)out);
	return EXIT_OK;
}

/* meeting add|edit's options are its fields' (meeting_fields.h), in the places the list
 * gives them: getopt returns OPT_MEETING + the field's place in the list. */
enum { OPT_MEETING = 1536 };
const cli_opt *cli_meeting_options(void)
{
	static cli_opt t[MEETING_NFIELDS + 1];
	if (!t[0].name)
		for (int i = 0; i < MEETING_NFIELDS; i++) {
			const meeting_field_info *f = &meeting_field_list[i];
			if (f->opt >= 0)
				t[f->opt] = (cli_opt){ f->option, required_argument, OPT_MEETING + i, f->arg,
				                       f->help };
		}
	return t;
}

/* The options given after "add" / "edit ID" (argv[0]) into v (by field), the network's
 * number into *net_no; EXIT_OK or the usage error reported. */
static int meeting_options(cli_ctx *c, int argc, char **argv, const char **v,
                           long long *net_no)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[8];
	cli_opts_getopt(cli_meeting_options(), opts, shortopts, sizeof shortopts);
	int ch;
	optind = 0; /* parsed afresh */
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		if (ch == OPT_MEETING + MEETING_F_network) {
			if ((*net_no = cli_parse_id(optarg)) < 0 || *net_no > 1000000)
				return cli_usage("meeting", _("--network needs a network number, not '%s'"), optarg);
		} else if (ch >= OPT_MEETING && ch < OPT_MEETING + MEETING_NFIELDS) {
			v[ch - OPT_MEETING] = optarg;
		} else if (ch == ':') {
			return cli_usage("meeting", _("option '%s' needs a value"), argv[optind - 1]);
		} else {
			return cli_unknown_option("meeting", argv[optind - 1], opts);
		}
	}
	if (optind < argc)
		return cli_usage("meeting", _("unexpected argument '%s'"), argv[optind]);
	return EXIT_OK;
}

/* meeting add|edit's options (argv[0] the action or the id), then the saving; id 0 adds. */
static int meeting_run(cli_ctx *c, int argc, char **argv, long long id)
{
	const char *v[MEETING_NFIELDS] = { 0 };
	long long net_no = 0;
	int r = meeting_options(c, argc, argv, v, &net_no);
	if (r != EXIT_OK)
		return r;
	if (!id && !net_no)
		return cli_usage("meeting", _("say which network with --network N"));
	if (!id && !v[MEETING_F_title])
		return cli_usage("meeting", _("give the meeting a title with --title TEXT"));
	if (!id && !v[MEETING_F_date_start])
		return cli_usage("meeting", _("say when it starts with --date YYYY-MM-DD"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	meeting old = { 0 };
	if (id && meeting_get(c->d, &c->me, id, &old, &e) != ST_OK)
		return cli_fail(&e);
	/* What was given, else what is stored. */
	meeting_fields in = { .network = net_no ? (int)net_no : old.network_number };
	for (int i = 0; i < MEETING_NFIELDS; i++)
		if (meeting_field_list[i].opt >= 0 && meeting_field_list[i].kind != MK_NET)
			*meeting_input(&in, i) = v[i] ? v[i] : id ? meeting_value(&old, i) : NULL;
	char *town = town_name(c->d, in.host); /* a host town is linked to the directory */
	if (town)
		in.host = town;
	int64_t out = 0;
	status s = meeting_save(c->d, &c->me, id, &in, &out, &e);
	free(town);
	meeting_clear(&old);
	if (s != ST_OK)
		return cli_fail(&e);
	if (!id)
		safe_fprintf(stdout, "%lld\n", (long long)out);
	return EXIT_OK;
}

/* practice and meeting add|edit: the saving of the command running; id 0 adds. */
static int save_run(cli_ctx *c, int argc, char **argv, long long id)
{
	return strcmp(c->cmd->name, "meeting") == 0 ? meeting_run(c, argc, argv, id)
	                                            : practice_run(c, argc, argv, id);
}

static int do_add(cli_ctx *c, int argc, char **argv)
{
	return save_run(c, argc, argv, 0);
}

static int do_edit(cli_ctx *c, int argc, char **argv)
{
	long long id = edit_id(c->cmd->name, argc, argv);
	return id < 0 ? EXIT_USAGE : save_run(c, argc - 1, argv + 1, id);
}

const cli_subcommand cli_practice_subs[] = {
	{ "add", do_add, "", N_("a new good practice (--title and --town needed)"), false, false,
	  NULL },
	{ "edit", do_edit, N_("ID"), N_("change one; options not given keep what is stored"), false,
	  false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

const cli_subcommand cli_meeting_subs[] = {
	{ "add", do_add, "", N_("a new meeting (--network, --title and --date needed)"), false,
	  false, NULL },
	{ "edit", do_edit, N_("ID"), N_("change one; options not given keep what is stored"), false,
	  false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

/* practice and meeting: their help, or add|edit from their table. */
static int add_or_edit(cli_ctx *c, const cli_subcommand *subs, const cli_opt *opts,
                       const char *after, int argc, char **argv)
{
	const char *cmd = c->cmd->name;
	if (cli_wants_help(opts, argc, argv))
		return cli_command_help_opts(c->cmd, NULL, subs, opts, after), EXIT_OK;
	if (argc < 2)
		return cli_usage(cmd, _("say what to do: empirie %s add|edit [ID] OPTIONS"), cmd);
	return cli_sub_dispatch(c, cmd, subs, argc - 1, argv + 1);
}

int cmd_practice(cli_ctx *c, int argc, char **argv)
{
	return add_or_edit(c, cli_practice_subs, cli_practice_opts,
		_("Members change their own town's practices, coordinators those shown in their\n"
		  "network. An empty value (--cost \"\") clears a field. 'add' prints the new\n"
		  "practice's number.\n"), argc, argv);
}

int cmd_meeting(cli_ctx *c, int argc, char **argv)
{
	return add_or_edit(c, cli_meeting_subs, cli_meeting_options(),
		_("For the network's coordinators and administrators. 'add' prints the new\n"
		  "meeting's number.\n"), argc, argv);
}
