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

int cmd_post(cli_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "network", required_argument, NULL, 'n' },
		{ "title", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long long net_no = 0;
	const char *title = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, ":n:t:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			if ((net_no = cli_parse_id(optarg)) < 0)
				return cli_usage("post", _("--network needs a network number, not '%s'"), optarg);
			break;
		case 't': title = optarg; break;
		case 'h':
			cli_command_help(cli_find_command("post"),
				_("  -n, --network N   the network (1–8) to write in\n"
				  "  -t, --title TEXT  the thread's title\n"
				  "The first post is read from standard input as UTF-8 text.\n"
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

int cmd_reply(cli_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long long to = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, ":p:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			if ((to = cli_parse_id(optarg)) < 0)
				return cli_usage("reply", _("--to needs a post number, not '%s'"), optarg);
			break;
		case 'h':
			cli_command_help(cli_find_command("reply"),
				_("      --to POST_ID  answer this post (default: the thread's first post)\n"
				  "The reply is read from standard input as UTF-8 text.\n"
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
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		cli_command_help(cli_find_command("edit"),
			_("The new text is read from standard input; the old one is kept in the audit log.\n"));
		return EXIT_OK;
	}
	if (argc != 2)
		return cli_usage("edit", argc < 2 ? _("say which post to edit: empirie edit POST_ID")
		                                  : _("too many arguments"));
	long long id = cli_parse_id(argv[1]);
	if (id < 0)
		return cli_usage("edit", _("a post is given by its number, not '%s'"), argv[1]);
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

int cmd_moderate(cli_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, ":r:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': reason = optarg; break;
		case 'h':
			cli_command_help(cli_find_command("moderate"),
				_("  lock THREAD_ID     close a thread to replies (unlock opens it)\n"
				  "  pin THREAD_ID      keep a thread at the top of its network (unpin)\n"
				  "  hide POST_ID       hide a post's text from members (unhide)\n"
				  "  -r, --reason TEXT  why; kept in the audit log (required to hide)\n"
				  "For the coordinators of the network and administrators.\n"));
			return EXIT_OK;
		case ':': return cli_usage("moderate", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("moderate", argv[optind - 1], opts);
		}
	}
	if (argc - optind != 2)
		return cli_usage("moderate", _("say what to do and to which thread or post"));
	static const char *const acts[] = { "lock", "unlock", "pin", "unpin", "hide", "unhide" };
	int act = -1;
	for (int i = 0; i < 6; i++)
		if (strcmp(argv[optind], acts[i]) == 0)
			act = i;
	if (act < 0)
		return cli_usage("moderate", _("unknown action '%s': use lock, unlock, pin, unpin, hide "
		                               "or unhide"), argv[optind]);
	long long id = cli_parse_id(argv[optind + 1]);
	if (id < 0)
		return cli_usage("moderate", _("'%s' is not a number"), argv[optind + 1]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	status s = act < 4 ? forum_moderate_thread(c->d, &c->me, id, (mod_action)act, reason, &e)
	                   : forum_hide_post(c->d, &c->me, id, act == 4, reason, &e);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

/* ---- meetings and good practices ---- */

int cmd_attend(cli_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "no", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool attend = true;
	int ch;
	while ((ch = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (ch) {
		case 'x': attend = false; break;
		case 'h':
			cli_command_help(cli_find_command("attend"),
				_("Signs your town up for a planned meeting of one of its networks.\n"
				  "      --no  take the town off the list again\n"
				  "Meetings that are over keep the towns their published report names.\n"));
			return EXIT_OK;
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
	if (directory_meeting_by_id(c->d, &c->me, id, &m, &e) != ST_OK)
		return cli_fail(&e);
	char *when = meeting_when(&m);
	safe_fprintf(stdout, attend ? _("%s will attend \"%s\" (%s).\n")
	                            : _("%s is no longer signed up for \"%s\" (%s).\n"),
	             c->me.city_name, m.title, when ? when : m.date_start);
	free(when);
	meeting_clear(&m);
	return EXIT_OK;
}

/* Which options were given; each NULL when absent. */
enum {
	OPT_TITLE = 256, OPT_SOURCE, OPT_NETWORK, OPT_DATE,
	OPT_UNTIL, OPT_HOST, OPT_FORMAT, OPT_AGENDA, OPT_VISITS, OPT_SUMMARY
};

/* "add" or "edit ID": the index of the first option, the id (0 for add) in *id; -1 when
 * misused (reported). */
static int add_or_edit(const char *cmd, int argc, char **argv, long long *id)
{
	if (argc < 2)
		return cli_usage(cmd, _("say what to do: empirie %s add|edit [ID] OPTIONS"), cmd), -1;
	*id = 0;
	if (strcmp(argv[1], "add") == 0)
		return 2;
	if (strcmp(argv[1], "edit") != 0)
		return cli_usage(cmd, _("unknown action '%s': use add or edit"), argv[1]), -1;
	if (argc < 3 || (*id = cli_parse_id(argv[2])) < 0)
		return cli_usage(cmd, _("say which one to edit: empirie %s edit ID"), cmd), -1;
	return 3;
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

static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

/* A practice's options are its fields' (practice_fields.h): OPT_PRACTICE + field. */
enum { OPT_PRACTICE = 1024 };
#define PRACTICE_OPTION_(name, kind, aliases, option, ...) \
	{ option, required_argument, NULL, OPT_PRACTICE + PRACTICE_F_##name },

/* "      --title TEXT    what the practice is called", one line per field. */
static void practice_help(void)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	if (!f)
		return;
	fputs(_("  add                 a new good practice (--title and --town needed)\n"
	        "  edit ID             change one; options not given keep what is stored\n"),
	      f);
	for (int i = 0; i < PRACTICE_NFIELDS; i++) {
		const practice_field_info *pf = &practice_field_list[i];
		char opt[64];
		snprintf(opt, sizeof opt, "--%s %s", pf->option, _(pf->arg));
		/* Columns counted in characters, not bytes (the argument's name is Polish). */
		int pad = 16 - safe_width(opt);
		fprintf(f, "      %s%*s %s\n", opt, pad > 0 ? pad : 0, "", _(pf->help));
	}
	fputs(_("Members change their own town's practices, coordinators those shown in their\n"
	        "network. An empty value (--cost \"\") clears a field. 'add' prints the new\n"
	        "practice's number.\n"),
	      f);
	fclose(f);
	cli_command_help(cli_find_command("practice"), text);
	free(text);
}

int cmd_practice(cli_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {
		PRACTICE_FIELDS(PRACTICE_OPTION_)
		{ "city", required_argument, NULL, OPT_PRACTICE + PRACTICE_F_city },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (wants_help(argc, argv)) {
		practice_help();
		return EXIT_OK;
	}
	long long id;
	int first = add_or_edit("practice", argc, argv, &id);
	if (first < 0)
		return EXIT_USAGE;
	const char *v[PRACTICE_NFIELDS] = { 0 };
	int ch;
	/* The options after "add" / "edit ID", parsed afresh (optind 0). */
	argc -= first - 1;
	argv += first - 1;
	optind = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
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

int cmd_meeting(cli_ctx *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "network", required_argument, NULL, OPT_NETWORK },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "host", required_argument, NULL, OPT_HOST },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "agenda", required_argument, NULL, OPT_AGENDA },
		{ "visits", required_argument, NULL, OPT_VISITS },
		{ "summary", required_argument, NULL, OPT_SUMMARY },
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	if (wants_help(argc, argv)) {
		cli_command_help(cli_find_command("meeting"),
			_("  add                 a new meeting (--network, --title and --date needed)\n"
			  "  edit ID             change one; options not given keep what is stored\n"
			  "      --network N     the network (1–8) that meets\n"
			  "      --title TEXT    the meeting's title\n"
			  "      --date DATE     the first day, YYYY-MM-DD\n"
			  "      --until DATE    the last day of a meeting of several days\n"
			  "      --host NAME     the host town (or any place)\n"
			  "      --format TEXT   e.g. \"stacjonarne\", \"online\", \"hybrydowe\"\n"
			  "      --agenda TEXT   --visits TEXT (study visits)  --summary TEXT\n"
			  "      --source URLS\n"
			  "For the network's coordinators and administrators. 'add' prints the new\n"
			  "meeting's number.\n"));
		return EXIT_OK;
	}
	long long id;
	int first = add_or_edit("meeting", argc, argv, &id);
	if (first < 0)
		return EXIT_USAGE;
	const char *v[OPT_SUMMARY - OPT_TITLE + 1] = { 0 };
	long long net_no = 0;
	int ch;
	/* The options after "add" / "edit ID", parsed afresh (optind 0). */
	argc -= first - 1;
	argv += first - 1;
	optind = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch == OPT_NETWORK) {
			if ((net_no = cli_parse_id(optarg)) < 0 || net_no > 1000000)
				return cli_usage("meeting", _("--network needs a network number, not '%s'"), optarg);
		} else if (ch >= OPT_TITLE && ch <= OPT_SUMMARY) {
			v[ch - OPT_TITLE] = optarg;
		} else if (ch == ':') {
			return cli_usage("meeting", _("option '%s' needs a value"), argv[optind - 1]);
		} else {
			return cli_unknown_option("meeting", argv[optind - 1], opts);
		}
	}
	if (optind < argc)
		return cli_usage("meeting", _("unexpected argument '%s'"), argv[optind]);
	if (!id && !net_no)
		return cli_usage("meeting", _("say which network with --network N"));
	if (!id && !v[OPT_TITLE - OPT_TITLE])
		return cli_usage("meeting", _("give the meeting a title with --title TEXT"));
	if (!id && !v[OPT_DATE - OPT_TITLE])
		return cli_usage("meeting", _("say when it starts with --date YYYY-MM-DD"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	meeting old = { 0 };
	if (id && directory_meeting_by_id(c->d, &c->me, id, &old, &e) != ST_OK)
		return cli_fail(&e);
#define PICK(opt, field) (v[(opt) - OPT_TITLE] ? v[(opt) - OPT_TITLE] : old.field)
	meeting_fields in = {
		.network = net_no ? (int)net_no : old.network_number,
		.date_start = PICK(OPT_DATE, date_start),
		.date_end = PICK(OPT_UNTIL, date_end),
		.host = PICK(OPT_HOST, host),
		.format = PICK(OPT_FORMAT, format),
		.title = PICK(OPT_TITLE, title),
		.topics = PICK(OPT_AGENDA, topics),
		.study_visits = PICK(OPT_VISITS, study_visits),
		.summary = PICK(OPT_SUMMARY, summary),
		.source = PICK(OPT_SOURCE, source),
	};
#undef PICK
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
