/* cli_write.c — post, reply and edit from standard input. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/forum.h"
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
	long long network = 0;
	const char *title = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, ":n:t:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			if ((network = cli_parse_id(optarg)) < 0)
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
		default: return cli_usage("post", _("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage("post", _("unexpected argument '%s'"), argv[optind]);
	if (!network)
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
	status s = forum_new_thread(c->d, &c->me, (int)network, title, body, &id, &e);
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
		default: return cli_usage("reply", _("unknown option '%s'"), argv[optind - 1]);
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
		default: return cli_usage("moderate", _("unknown option '%s'"), argv[optind - 1]);
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
