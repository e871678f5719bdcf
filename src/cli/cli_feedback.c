/* cli_feedback.c — feedback requests on the command line: ask, accept, list requests,
 * and the request's lines in `show thread` and `show network`. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/feedback.h"
#include "core/practice.h"
#include "i18n.h"
#include "text/safe.h"
#include "text/strbuf.h"

/* ask's options: the network and title of the thread, the request's fields that are
 * options (feedback_fields.h), the practice. */
#define ASK_OPTION_(name, column, pub, line, key, sync_sql, type, opt, val, arg, help) \
	FEEDBACK_IF_##opt({ #name, required_argument, val, arg, help }, )
const cli_opt cli_ask_opts[] = {
	{ "network", required_argument, 'n', N_("N"),
	  N_("the network whose coordinators and experts you ask") },
	{ "title", required_argument, 't', N_("TEXT"), N_("what the request is about") },
	FEEDBACK_FIELDS(ASK_OPTION_)
	{ "practice", required_argument, 'p', N_("ID|KEY"),
	  N_("your town's good practice the request is about") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_ask(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_ask_opts, opts, shortopts, sizeof shortopts);
	long long net_no = 0;
	const char *title = NULL, *assess = NULL, *practice_arg = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'n':
			if ((net_no = cli_parse_id(optarg)) < 0)
				return cli_usage("ask", _("--network needs a network number, not '%s'"), optarg);
			break;
		case 't': title = optarg; break;
		case FEEDBACK_OPT_assess: assess = optarg; break;
		case 'p': practice_arg = optarg; break;
		case 'h':
			cli_command_help_opts(cli_find_command("ask"), NULL, NULL, cli_ask_opts,
				_("The description is read from standard input as UTF-8 text.\n"
				  "Prints the new request's thread number.\n"));
			return EXIT_OK;
		case ':': return cli_usage("ask", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("ask", argv[optind - 1], opts);
		}
	}
	if (optind < argc)
		return cli_usage("ask", _("unexpected argument '%s'"), argv[optind]);
	if (!net_no)
		return cli_usage("ask", _("say which network with --network N"));
	if (!title)
		return cli_usage("ask", _("give the request a title with --title TEXT"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	int64_t practice_id = 0;
	if (practice_arg) {
		long long pid = cli_parse_id(practice_arg);
		practice p;
		if (practice_get(c->d, &c->me, pid > 0 ? pid : 0, pid > 0 ? NULL : practice_arg, &p,
		                 &e) != ST_OK)
			return cli_fail(&e);
		practice_id = p.id;
		practice_clear(&p);
	}
	char *body = cli_read_body();
	if (!body)
		return EXIT_ERR;
	int64_t id = 0;
	status s = feedback_ask(c->d, &c->me, (int)net_no, title, body, assess, practice_id, &id, &e);
	free(body);
	if (s != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%lld\n", (long long)id);
	return EXIT_OK;
}

int cmd_accept(cli_ctx *c, int argc, char **argv)
{
	int first, rc = cli_no_opts(c, "accept", argc, argv,
		_("Marks the answer POST_ID as the one that helped your town; this closes the\n"
		  "request. Only members of the asking town may do it.\n"), &first);
	if (rc >= 0)
		return rc;
	if (argc - first != 1)
		return cli_usage("accept", _("say which answer helped: empirie accept POST_ID"));
	long long id = cli_parse_id(argv[first]);
	if (id < 0)
		return cli_usage("accept", _("a post is given by its number, not '%s'"), argv[first]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	if (feedback_accept(c->d, &c->me, id, &e) != ST_OK)
		return cli_fail(&e);
	return EXIT_OK;
}

static void tsv_num(long long v, bool last)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", v);
	tsv_field(b, last);
}

int cli_list_requests(cli_ctx *c, long long number, bool open_only, bool mine)
{
	static const char *const cols[] = { N_("id"), N_("network"), N_("asked"), N_("town"),
	                                    N_("status"), N_("answers"), N_("first answer"),
	                                    N_("helped"), N_("took"), N_("assess"), N_("title") };
	feedback_filter f = { .network = (int)number, .open_only = open_only, .mine = mine };
	feedback_list l;
	error e;
	if (feedback_list_get(c->d, &c->me, &f, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < l.n; i++) {
		const feedback_request *r = &l.items[i];
		char took[64];
		feedback_duration(r->seconds_to_accept, took, sizeof took);
		tsv_num(r->thread_id, false);
		tsv_num(r->network_number, false);
		tsv_field(r->created_at, false);
		tsv_field(r->city, false);
		tsv_field(r->accepted_post ? _("closed") : _("open"), false);
		tsv_num(r->answers, false);
		tsv_field(r->first_answer_at, false);
		tsv_field(r->helper, false);
		tsv_field(r->accepted_post ? took : "", false);
		tsv_field(r->assess, false);
		tsv_field(r->title, true);
	}
	feedback_list_free(&l);
	return EXIT_OK;
}

void cli_show_request(cli_ctx *c, int64_t thread_id)
{
	feedback_request r;
	error e;
	if (feedback_get(c->d, &c->me, thread_id, &r, &e) != ST_OK)
		return;
	card_line(_("Feedback request from"), r.city);
	card_line(_("To assess"), r.assess);
	card_line(_("Practice"), r.practice);
	char took[64], line[512];
	if (r.accepted_post) {
		feedback_duration(r.seconds_to_accept, took, sizeof took);
		str_fitf(line, sizeof line, _("closed: post %lld by %s%s%s helped, after %s"),
		         (long long)r.accepted_post, r.helper, *r.helper_city ? ", " : "", r.helper_city,
		         took);
	} else {
		snprintf(line, sizeof line, ngettext("open, %lld answer", "open, %lld answers",
		                                     (unsigned long)r.answers), (long long)r.answers);
	}
	card_line(_("Status"), line);
	feedback_request_clear(&r);
}

void cli_show_feedback_figures(cli_ctx *c, int number)
{
	feedback_figures fg;
	error e;
	if (feedback_stats(c->d, &c->me, number, NULL, NULL, &fg, &e) != ST_OK)
		return;
	if (!fg.requests) {
		card_line(_("Feedback requests"),
		          _("none yet (a member starts one with 'empirie ask' or the r key in the thread list)"));
		return;
	}
	char first[64], acc[64], reqs[64], opened[64], line[512];
	feedback_duration(fg.median_first_s, first, sizeof first);
	feedback_duration(fg.median_accept_s, acc, sizeof acc);
	snprintf(reqs, sizeof reqs, ngettext("%lld request", "%lld requests", (unsigned long)fg.requests),
	         (long long)fg.requests);
	snprintf(opened, sizeof opened, ngettext("%lld open", "%lld open", (unsigned long)fg.open),
	         (long long)fg.open);
	str_fitf(line, sizeof line, _("%s, %s; median time to the first answer %s, to the accepted one %s"),
	         reqs, opened, first, acc);
	card_line(_("Feedback requests"), line);
}
