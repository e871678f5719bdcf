/* cli_read.c — list, show and search: output for people (cards) and scripts (TSV). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/uptake.h"
#include "core/search.h"
#include "i18n.h"
#include "text/plfold.h"
#include "text/safe.h"
#include "text/strbuf.h"

/* Parse "--network N" style options shared by list subcommands. Returns -1 on misuse
 * (already reported), else the index of the first operand. */
struct list_opts {
	long long network, thread;
	const char *theme, *voivodeship, *town; /* list practices */
	bool taken_up; const char *taken_up_in; /* list practices (uptake.h) */
	bool planned, past;                     /* list meetings */
	bool keys;                              /* list cities: stable keys, not labels */
	bool open, mine;                        /* list requests */
	bool help;
};

enum { OPT_THEME = 256, OPT_VOIVODESHIP, OPT_TOWN, OPT_PLANNED, OPT_PAST, OPT_KEYS, OPT_OPEN,
       OPT_MINE, OPT_TAKEN_UP, OPT_TAKEN_UP_IN };

/* list's options; show and search take none but --help. */
const cli_opt cli_list_opts[] = {
	{ "network", required_argument, 'n', N_("N"), N_("network N (cities, threads, meetings, "
	  "practices, requests)") },
	{ "thread", required_argument, 't', N_("ID"), N_("the thread whose posts to list") },
	{ "theme", required_argument, OPT_THEME, N_("T"), N_("practices of that theme") },
	{ "voivodeship", required_argument, OPT_VOIVODESHIP, N_("V"),
	  N_("practices of towns in that voivodeship") },
	{ "town", required_argument, OPT_TOWN, N_("NAME"), N_("practices of that town") },
	{ "city", required_argument, OPT_TOWN, NULL, NULL },
	{ "planned", no_argument, OPT_PLANNED, NULL, N_("meetings still ahead") },
	{ "past", no_argument, OPT_PAST, NULL, N_("meetings that are over") },
	{ "keys", no_argument, OPT_KEYS, NULL, N_("cities: the status and basis as stable keys, "
	  "for scripts") },
	{ "taken-up", no_argument, OPT_TAKEN_UP, NULL, N_("practices another town takes up") },
	{ "taken-up-in", required_argument, OPT_TAKEN_UP_IN, N_("VOIVODESHIP"),
	  N_("practices a town in that voivodeship takes up") },
	{ "open", no_argument, OPT_OPEN, NULL, N_("requests still waiting") },
	{ "mine", no_argument, OPT_MINE, NULL, N_("requests of the networks you answer for") },
	{ NULL, 0, 0, NULL, NULL },
};
static const cli_opt no_opt_table[] = { { NULL, 0, 0, NULL, NULL } };

static int parse_list_opts(cli_ctx *c, const char *cmd, const cli_opt *table, int argc, char **argv,
                           struct list_opts *o)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[64];
	cli_opts_getopt(table, opts, shortopts, sizeof shortopts);
	int ch;
	memset(o, 0, sizeof *o);
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case OPT_THEME: o->theme = optarg; break;
		case OPT_VOIVODESHIP: o->voivodeship = optarg; break;
		case OPT_TOWN: o->town = optarg; break;
		case OPT_PLANNED: o->planned = true; break;
		case OPT_PAST: o->past = true; break;
		case OPT_KEYS: o->keys = true; break;
		case OPT_TAKEN_UP: o->taken_up = true; break;
		case OPT_TAKEN_UP_IN: o->taken_up_in = optarg; break;
		case OPT_OPEN: o->open = true; break;
		case OPT_MINE: o->mine = true; break;
		case 'n':
			if ((o->network = cli_parse_id(optarg)) < 0)
				return cli_usage(cmd, _("--network needs a network number, not '%s'"), optarg), -1;
			break;
		case 't':
			if ((o->thread = cli_parse_id(optarg)) < 0)
				return cli_usage(cmd, _("--thread needs a thread number, not '%s'"), optarg), -1;
			break;
		case 'h': o->help = true; break;
		case ':': return cli_usage(cmd, _("option '%s' needs a value"), argv[optind - 1]), -1;
		default: return cli_unknown_option(cmd, argv[optind - 1], opts), -1;
		}
	}
	return optind;
}

static char *num(long long v)
{
	char *s = malloc(24);
	if (s)
		snprintf(s, 24, "%lld", v);
	return s;
}

static void tsv_num(long long v, bool last)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", v);
	tsv_field(b, last);
}

static int list_networks(cli_ctx *c)
{
	static const char *const cols[] = { N_("number"), N_("theme"), N_("code"), N_("towns"),
	                                    N_("threads"), N_("posts"), N_("unread") };
	network_list l;
	error e;
	if (directory_networks(c->d, &c->me, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 7);
	for (size_t i = 0; i < l.n; i++) {
		network *n = &l.items[i];
		tsv_num(n->number, false);
		tsv_field(n->theme, false);
		tsv_field(n->code, false);
		tsv_num(n->city_count, false);
		tsv_num(n->thread_count, false);
		tsv_num(n->post_count, false);
		tsv_num(n->unread, true);
	}
	network_list_free(&l);
	return EXIT_OK;
}

/* Status and basis in the reader's language; with --keys the stored keys (laureate,
 * final-list, ...) and yes/no, which stay the same in every language for scripts. */
static int list_cities(cli_ctx *c, long long number, bool keys)
{
	static const char *const cols[] = { N_("town"), N_("voivodeship"), N_("laureate"),
	                                    N_("status"), N_("basis") };
	city_list l;
	error e;
	if (directory_cities(c->d, &c->me, (int)number, 0, SIZE_MAX, &l, NULL, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 5);
	for (size_t i = 0; i < l.n; i++) {
		city *t = &l.items[i];
		tsv_field(t->name, false);
		tsv_field(t->voivodeship, false);
		if (keys) {
			tsv_field(t->laureate ? "yes" : "no", false);
			tsv_field(t->programme_status, false);
			tsv_field(t->basis, true);
		} else {
			tsv_field(t->laureate ? _("yes") : _("no"), false);
			tsv_field(directory_status_label(t->programme_status), false);
			tsv_field(*t->basis ? directory_basis_label(t->basis) : "", true);
		}
	}
	city_list_free(&l);
	return EXIT_OK;
}

static int list_threads(cli_ctx *c, long long number)
{
	static const char *const cols[] = { N_("id"), N_("last activity"), N_("posts"),
	                                    N_("unread"), N_("author"), N_("title") };
	network n;
	error e;
	if (directory_network(c->d, &c->me, (int)number, &n, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 6);
	thread_key key;
	bool more = true, first = true;
	status s = ST_OK;
	/* Page through the list as the screen does, 200 at a time. */
	while (more) {
		thread_list l;
		s = forum_threads_page(c->d, &c->me, n.id, first ? NULL : &key, false, 200, &l, &e);
		if (s != ST_OK)
			break;
		for (size_t i = 0; i < l.n; i++) {
			thread *t = &l.items[i];
			tsv_num(t->id, false);
			tsv_field(t->date_text ? t->date_text : t->last_post_at, false);
			tsv_num(t->post_count, false);
			tsv_num(t->unread, false);
			tsv_field(t->author, false);
			tsv_field(t->title, true);
		}
		more = l.n == 200;
		if (l.n)
			thread_key_of(&l.items[l.n - 1], &key);
		first = false;
		thread_list_free(&l);
	}
	network_clear(&n);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

/* What stands in for a post hidden by a coordinator. */
static const char *hidden_note(const post *p, char *buf, size_t n)
{
	snprintf(buf, n, _("[hidden by the coordinator: %s]"), p->hidden_reason);
	return buf;
}

static int list_posts(cli_ctx *c, long long thread_id)
{
	static const char *const cols[] = { N_("id"), N_("answers"), N_("depth"), N_("date"),
	                                    N_("author"), N_("town"), N_("unread"), N_("text") };
	error e;
	tsv_header(c, cols, 8);
	post last;
	bool have_last = false;
	status s;
	for (;;) {
		post_list l;
		s = forum_posts_page(c->d, &c->me, thread_id, have_last ? &last : NULL, false, 200, &l, &e);
		if (s != ST_OK)
			break;
		for (size_t i = 0; i < l.n; i++) {
			post *p = &l.items[i];
			tsv_num(p->id, false);
			tsv_num(p->parent_id, false);
			tsv_num(p->depth, false);
			tsv_field(p->date_text ? p->date_text : p->created_at, false);
			tsv_field(p->author, false);
			tsv_field(p->author_city, false);
			tsv_field(p->unread ? _("yes") : _("no"), false);
			char note[400];
			tsv_field(p->hidden && !*p->body ? hidden_note(p, note, sizeof note) : p->body, true);
		}
		if (have_last)
			post_clear(&last);
		have_last = false;
		if (l.n)
			have_last = post_copy(&l.items[l.n - 1], &last, &e) == ST_OK;
		size_t got = l.n;
		post_list_free(&l);
		if (got < 200 || !have_last)
			break;
	}
	if (have_last)
		post_clear(&last);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

static int list_meetings(cli_ctx *c, long long number, bool planned, bool past)
{
	static const char *const cols[] = { N_("id"), N_("network"), N_("date"), N_("host"),
	                                    N_("title"), N_("thread") };
	meeting_list l;
	error e;
	if (number) {
		network n;
		if (directory_network(c->d, &c->me, (int)number, &n, &e) != ST_OK)
			return cli_fail(&e);
		network_clear(&n);
	}
	if (meetings_read(c->d, &c->me, (int)number, 0, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 6);
	for (size_t i = 0; i < l.n; i++) {
		meeting *m = &l.items[i];
		if ((planned || past) && meeting_is_planned(m) != planned)
			continue;
		char *when = meeting_when(m);
		tsv_num(m->id, false);
		tsv_num(m->network_number, false);
		tsv_field(when ? when : m->date_start, false);
		tsv_field(m->host, false);
		tsv_field(m->title, false);
		tsv_num(m->thread_id, true);
		free(when);
	}
	meeting_list_free(&l);
	return EXIT_OK;
}

/* Whether a and b are the same text but for case and Polish letters. */
static bool same_folded(const char *a, const char *b)
{
	char *fa = pl_fold(a, strlen(a)), *fb = pl_fold(b, strlen(b));
	bool same = fa && fb && strcmp(fa, fb) == 0;
	free(fa), free(fb);
	return same;
}

static int list_practices(cli_ctx *c, const struct list_opts *o)
{
	static const char *const cols[] = { N_("id"), N_("town"), N_("networks"), N_("theme"),
	                                    N_("title") };
	practice_filter f = { .network = (int)o->network };
	error e;
	if (o->network) {
		network n;
		if (directory_network(c->d, &c->me, (int)o->network, &n, &e) != ST_OK)
			return cli_fail(&e);
		network_clear(&n);
	}
	if (o->voivodeship) {
		if (!(f.voivodeship = city_voivodeship_of(o->voivodeship)))
			return cli_error(_("\"%s\" is not one of the 16 voivodeships"), o->voivodeship);
	}
	f.taken_up = o->taken_up;
	if (o->taken_up_in) {
		if (!(f.taken_up_in = city_voivodeship_of(o->taken_up_in)))
			return cli_error(_("\"%s\" is not one of the 16 voivodeships"), o->taken_up_in);
	}
	city t = { 0 };
	if (o->town) {
		if (directory_city(c->d, o->town, &t, &e) != ST_OK)
			return cli_fail(&e);
		f.city_id = t.id;
		city_clear(&t);
	}
	/* A theme typed without Polish letters or in another case still matches. */
	facet_list themes = { 0 };
	if (o->theme) {
		f.theme = o->theme;
		if (practice_facets(c->d, &c->me, NULL, FACET_THEME, &themes, &e) != ST_OK)
			return cli_fail(&e);
		for (size_t i = 0; i < themes.n; i++)
			if (same_folded(o->theme, themes.items[i].value)) {
				f.theme = themes.items[i].value;
				break;
			}
	}
	practice_list l;
	status s = practice_list_get(c->d, &c->me, &f, &l, &e);
	facet_list_free(&themes);
	if (s != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 5);
	for (size_t i = 0; i < l.n; i++) {
		practice *p = &l.items[i];
		tsv_num(p->id, false);
		tsv_field(p->city, false);
		tsv_field(p->networks, false);
		tsv_field(p->theme, false);
		tsv_field(p->title, true);
	}
	practice_list_free(&l);
	return EXIT_OK;
}

/* The options given to `empirie list`, for the subcommand that runs. */
static struct list_opts given;

static int list_do_networks(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	return list_networks(c);
}

static int list_do_cities(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	return list_cities(c, given.network, given.keys);
}

static int list_do_threads(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	if (!given.network)
		return cli_usage("list", _("list threads needs --network N"));
	return list_threads(c, given.network);
}

static int list_do_posts(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	if (!given.thread)
		return cli_usage("list", _("list posts needs --thread ID"));
	return list_posts(c, given.thread);
}

static int list_do_meetings(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	return list_meetings(c, given.network, given.planned, given.past);
}

static int list_do_practices(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	return list_practices(c, &given);
}

static int list_do_requests(cli_ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	return cli_list_requests(c, given.network, given.open, given.mine);
}

const cli_subcommand cli_list_subs[] = {
	{ "networks", list_do_networks, "", N_("the networks with counts and your unread posts"),
	  false, false, NULL },
	{ "cities", list_do_cities, N_("[--network N] [--keys]"),
	  N_("towns in Polish alphabetical order"), false, false, NULL },
	{ "towns", list_do_cities, "", NULL, false, false, NULL },
	{ "threads", list_do_threads, N_("--network N"), N_("threads, newest activity first"),
	  false, false, NULL },
	{ "posts", list_do_posts, N_("--thread ID"),
	  N_("posts in reading order (replies under what they answer)"), false, false, NULL },
	{ "meetings", list_do_meetings, N_("[--network N] [--planned|--past]"),
	  N_("meetings, newest first"), false, false, NULL },
	{ "practices", list_do_practices,
	  N_("[--network N] [--theme T] [--voivodeship V] [--town NAME] [--taken-up] "
	     "[--taken-up-in VOIVODESHIP]"),
	  N_("good practices by town; the filters combine"), false, false, NULL },
	{ "requests", list_do_requests, N_("[--network N] [--open] [--mine]"),
	  N_("feedback requests, the oldest first"), false, false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

int cmd_list(cli_ctx *c, int argc, char **argv)
{
	struct list_opts o;
	int first = parse_list_opts(c, "list", cli_list_opts, argc, argv, &o);
	if (first < 0)
		return EXIT_USAGE;
	if (o.help) {
		cli_command_help_opts(cli_find_command("list"), NULL, cli_list_subs, cli_list_opts,
			_("Output is tab-separated with a header line; tabs, newlines and backslashes\n"
			  "inside fields are written as \\t, \\n and \\\\.\n"));
		return EXIT_OK;
	}
	char subs[512];
	if (first >= argc)
		return cli_usage("list", _("say what to list: %s"),
		                 cli_subs_or(cli_list_subs, false, subs, sizeof subs));
	if (first + 1 < argc)
		return cli_usage("list", _("unexpected argument '%s'"), argv[first + 1]);
	const cli_subcommand *s = cli_sub_find(cli_list_subs, argv[first]);
	int (*run)(cli_ctx *, int, char **) = s ? s->run : NULL;
	if ((o.theme || o.voivodeship || o.town || o.taken_up || o.taken_up_in) &&
	    run && run != list_do_practices)
		return cli_usage("list", _("--theme, --voivodeship and --town are options of 'list "
		                           "practices'"));
	if ((o.planned || o.past) && run && run != list_do_meetings)
		return cli_usage("list", _("--planned and --past are options of 'list meetings'"));
	if (o.keys && run && run != list_do_cities)
		return cli_usage("list", _("--keys is an option of 'list cities'"));
	if (o.planned && o.past)
		return cli_usage("list", _("choose --planned or --past, not both"));
	if ((o.open || o.mine) && run && run != list_do_requests)
		return cli_usage("list", _("--open and --mine are options of 'list requests'"));
	if (run && cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	given = o;
	return cli_sub_dispatch(c, "list", cli_list_subs, argc - first, argv + first);
}

/* ---- show ---- */

static int show_network(cli_ctx *c, const char *arg)
{
	long long number = cli_parse_id(arg);
	error e;
	network n;
	if (number < 0)
		return cli_usage("show", _("a network is given by its number (1–8), not '%s'"), arg);
	if (directory_network(c->d, &c->me, (int)number, &n, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, _("Network %d: %s – %s\n"), n.number, n.theme, n.code);
	card_line(_("English name"), n.name_en);
	card_line(_("Goals"), n.goals);
	card_line(_("Coordinators"), n.coordinators);
	if (n.leaders_only)
		card_line(_("Access"), _("mayors and presidents of member towns only"));
	city_list towns;
	if (directory_cities(c->d, &c->me, n.number, 0, SIZE_MAX, &towns, NULL, &e) == ST_OK) {
		safe_fprintf(stdout, ngettext("Towns (%zu town):\n", "Towns (%zu towns):\n", towns.n), towns.n);
		for (size_t i = 0; i < towns.n; i++)
			safe_fprintf(stdout, "  %s (%s)\n", towns.items[i].name,
			             directory_basis_label(towns.items[i].basis));
		city_list_free(&towns);
	}
	meeting_list ml;
	if (meetings_read(c->d, &c->me, n.number, 0, &ml, &e) == ST_OK) {
		safe_fprintf(stdout, ngettext("Meetings (%zu meeting):\n", "Meetings (%zu meetings):\n", ml.n),
		             ml.n);
		for (size_t i = 0; i < ml.n; i++) {
			char *when = meeting_when(&ml.items[i]);
			safe_fprintf(stdout, "  %s  %s  %s\n", when ? when : "", ml.items[i].host,
			             ml.items[i].title);
			free(when);
		}
		meeting_list_free(&ml);
	}
	char threads[128], posts[128];
	snprintf(threads, sizeof threads, ngettext("%d thread", "%d threads", (unsigned long)n.thread_count),
	         n.thread_count);
	snprintf(posts, sizeof posts, ngettext("%lld post", "%lld posts", (unsigned long)n.post_count),
	         (long long)n.post_count);
	safe_fprintf(stdout, ngettext("Discussion: %s, %s, %lld unread\n", "Discussion: %s, %s, %lld unread\n",
	                              (unsigned long)n.unread),
	             threads, posts, (long long)n.unread);
	cli_show_feedback_figures(c, n.number);
	card_line(_("Source"), n.source);
	network_clear(&n);
	return EXIT_OK;
}

/* The fields that city_fields.h puts on the card by themselves in that part (card):
 * at the top or at the bottom; those set, in the list's order. */
static void city_lines(const city *t, field_card card)
{
	for (int i = 0; i < CITY_NFIELDS; i++)
		if (city_field_list[i].card == card)
			card_line(_(city_field_list[i].label), city_value(t, i));
}

static int show_city(cli_ctx *c, const char *name)
{
	city t;
	error e;
	if (directory_city_find(c->d, name, &t, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%s\n", t.name);
	if (*t.voivodeship) {
		char v[256];
		str_fitf(v, sizeof v, "%s (%s)", t.voivodeship,
		         strcmp(t.voivodeship_basis, "source") == 0 ? _("from a cited source")
		                                                    : _("from general knowledge, unverified"));
		card_line(_(city_field_list[CITY_F_voivodeship].label), v);
	}
	card_line(_(city_field_list[CITY_F_programme_status].label),
	          directory_status_label(t.programme_status));
	city_lines(&t, CARD_HEAD);
	network_list nl;
	if (directory_city_networks(c->d, &c->me, t.id, &nl, &e) == ST_OK) {
		safe_fprintf(stdout, ngettext("Networks (%zu network):\n", "Networks (%zu networks):\n", nl.n),
		             nl.n);
		for (size_t i = 0; i < nl.n; i++)
			safe_fprintf(stdout, "  %d. %s – %s\n", nl.items[i].number, nl.items[i].theme,
			             nl.items[i].code);
		network_list_free(&nl);
	}
	meeting_list ml;
	if (meetings_read(c->d, &c->me, 0, t.id, &ml, &e) == ST_OK && ml.n) {
		safe_fprintf(stdout, ngettext("Hosted %zu meeting:\n", "Hosted %zu meetings:\n", ml.n), ml.n);
		for (size_t i = 0; i < ml.n; i++) {
			char *when = meeting_when(&ml.items[i]);
			safe_fprintf(stdout, "  %s  %s\n", when ? when : "", ml.items[i].title);
			free(when);
		}
	}
	if (ml.items)
		meeting_list_free(&ml);
	uptake_filter uf = { .city_id = t.id };
	uptake_list ul;
	if (uptake_list_get(c->d, &c->me, &uf, &ul, &e) == ST_OK) {
		if (ul.n)
			safe_fprintf(stdout, ngettext("Took up (%zu practice):\n", "Took up (%zu practices):\n",
			                              ul.n), ul.n);
		for (size_t i = 0; i < ul.n; i++)
			safe_fprintf(stdout, "  %s (%s): %s\n", ul.items[i].practice_title,
			             ul.items[i].practice_city, uptake_status_label(ul.items[i].status));
		uptake_list_free(&ul);
	}
	card_line(_("Contacts"), _("none recorded (the public sources name no contact people)"));
	city_lines(&t, CARD_FOOT);
	city_clear(&t);
	return EXIT_OK;
}

static int show_thread(cli_ctx *c, const char *arg)
{
	long long id = cli_parse_id(arg);
	thread t;
	error e;
	if (id < 0)
		return cli_usage("show", _("a thread is given by its number, not '%s'"), arg);
	if (forum_thread(c->d, &c->me, id, &t, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%s\n", t.title);
	char where[64];
	snprintf(where, sizeof where, "%d", t.network_number);
	card_line(_("Network"), where);
	cli_show_request(c, id);
	safe_fprintf(stdout, ngettext("%lld post, %lld unread\n", "%lld posts, %lld unread\n",
	                              (unsigned long)t.post_count),
	             (long long)t.post_count, (long long)t.unread);
	post last;
	bool have = false;
	for (;;) {
		post_list l;
		if (forum_posts_page(c->d, &c->me, id, have ? &last : NULL, false, 100, &l, &e) != ST_OK)
			break;
		for (size_t i = 0; i < l.n; i++) {
			post *p = &l.items[i];
			int indent = p->depth > 8 ? 16 : p->depth * 2;
			safe_fprintf(stdout, "\n%*s── #%lld %s%s%s, %s%s\n", indent, "", (long long)p->id,
			             p->author, *p->author_city ? ", " : "", p->author_city,
			             p->date_text ? p->date_text : p->created_at,
			             p->unread ? _(" [new]") : "");
			char note[400];
			if (p->hidden)
				safe_fprintf(stdout, "%*s%s\n", indent, "", hidden_note(p, note, sizeof note));
			for (const char *line = p->body; *line;) {
				size_t len = strcspn(line, "\n");
				char *one = strndup(line, len);
				if (one) {
					safe_fprintf(stdout, "%*s%s\n", indent, "", one);
					free(one);
				}
				line += len;
				if (*line == '\n')
					line++;
			}
		}
		if (have)
			post_clear(&last);
		have = l.n == 100 && post_copy(&l.items[l.n - 1], &last, &e) == ST_OK;
		post_list_free(&l);
		if (!have)
			break;
	}
	thread_clear(&t);
	return EXIT_OK;
}

/* The field's label, as on the card and in the form; a planned meeting's towns are
 * those signed up. */
static const char *meeting_line_label(const meeting_field_info *f, bool planned)
{
	if (f->kind == MK_TOWNS && planned)
		return _("Towns signed up");
	return _(f->label);
}

/* The fields that meeting_fields.h puts on the card by themselves in that part (card):
 * at the top, the lists, the bottom; those set, in the list's order. A field added to
 * the list shows here without a change to this file. */
static void meeting_lines(const meeting *m, bool planned, field_card card)
{
	for (int i = 0; i < MEETING_NFIELDS; i++)
		if (meeting_field_list[i].card == card)
			card_line(meeting_line_label(&meeting_field_list[i], planned), meeting_value(m, i));
}

static int show_meeting(cli_ctx *c, const char *arg)
{
	long long id = cli_parse_id(arg);
	meeting m;
	error e;
	if (id < 0)
		return cli_usage("show", _("a meeting is given by its number, not '%s'"), arg);
	if (meeting_get(c->d, &c->me, id, &m, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%s\n", m.title);
	char net[16];
	snprintf(net, sizeof net, "%d", m.network_number);
	card_line(_("Network"), net);
	char *when = meeting_when(&m);
	card_line(_("Date"), when ? when : m.date_start);
	free(when);
	bool planned = meeting_is_planned(&m);
	if (planned)
		card_line(_("Status"), _("planned; members sign their town up with 'empirie attend ID'"));
	card_line(_("Host"), m.host);
	meeting_lines(&m, planned, CARD_HEAD);
	meeting_lines(&m, planned, CARD_ITEMS);
	meeting_lines(&m, planned, CARD_FOOT);
	if (m.thread_id) {
		char *t = num(m.thread_id);
		card_line(_("Thread"), t);
		free(t);
	}
	practice_filter f = { .meeting_id = m.id };
	practice_list pl;
	if (practice_list_get(c->d, &c->me, &f, &pl, &e) == ST_OK) {
		if (pl.n) {
			safe_fprintf(stdout, ngettext("Good practices shown (%zu practice):\n",
			                              "Good practices shown (%zu practices):\n", pl.n), pl.n);
			for (size_t i = 0; i < pl.n; i++)
				safe_fprintf(stdout, "  %lld  %s: %s\n", (long long)pl.items[i].id,
				             pl.items[i].city, pl.items[i].title);
		}
		practice_list_free(&pl);
	}
	meeting_clear(&m);
	return EXIT_OK;
}

/* A field of a practice, or that the sources do not say. */
static void practice_line(const char *field, const char *value)
{
	card_line(practice_field_label(field), *value ? value : _("not stated in the sources"));
}

static int show_practice(cli_ctx *c, const char *arg)
{
	long long id = cli_parse_id(arg);
	practice p;
	error e;
	if (practice_get(c->d, &c->me, id > 0 ? id : 0, id > 0 ? NULL : arg, &p, &e) != ST_OK)
		return cli_fail(&e);
	safe_fprintf(stdout, "%s\n", p.title);
	card_line(practice_field_label("city"), p.city);
	card_line(_("Voivodeship"), p.voivodeship);
	/* "2 ZASOBY MIAST, 6 MIASTO NEUTRALNE…": the networks the account may see. */
	network_list nets;
	if (directory_networks(c->d, &c->me, &nets, &e) == ST_OK) {
		char buf[2048] = "";
		for (size_t i = 0; i < nets.n; i++) {
			bool in = false;
			for (const char *q = p.networks; *q && !in;) {
				char *end;
				long v = strtol(q, &end, 10);
				if (end == q) {
					q++;
					continue;
				}
				in = v == nets.items[i].number;
				q = end;
			}
			if (in) {
				size_t u = strlen(buf);
				snprintf(buf + u, sizeof buf - u, "%s%d %s", u ? ", " : "", nets.items[i].number,
				         nets.items[i].code);
			}
		}
		card_line(practice_field_label("networks"), buf);
		network_list_free(&nets);
	}
	/* The rest of the fields as practice_fields.h says (town and networks are above). */
	for (int i = 0; i < PRACTICE_NFIELDS; i++) {
		const practice_field_info *f = &practice_field_list[i];
		if (f->card == CARD_BODY)
			practice_line(f->name, practice_value(&p, i));
		else if (f->card != CARD_OWN)
			card_line(_(f->label), practice_value(&p, i));
	}
	card_line(_("Key"), p.key);
	card_line(_("Updated"), p.updated_at);
	meeting_list ml;
	if (practice_meetings(c->d, &c->me, p.id, &ml, &e) == ST_OK) {
		safe_fprintf(stdout, ngettext("Shown at (%zu meeting):\n", "Shown at (%zu meetings):\n",
		                              ml.n), ml.n);
		for (size_t i = 0; i < ml.n; i++) {
			char *when = meeting_when(&ml.items[i]);
			safe_fprintf(stdout, "  %lld  %s  %s\n", (long long)ml.items[i].id,
			             when ? when : ml.items[i].date_start, ml.items[i].title);
			free(when);
		}
		meeting_list_free(&ml);
	}
	thread_list tl;
	if (practice_threads(c->d, &c->me, p.id, &tl, &e) == ST_OK) {
		safe_fprintf(stdout, ngettext("Discussed in (%zu thread):\n", "Discussed in (%zu threads):\n",
		                              tl.n), tl.n);
		for (size_t i = 0; i < tl.n; i++)
			safe_fprintf(stdout, "  %lld  %s\n", (long long)tl.items[i].id, tl.items[i].title);
		thread_list_free(&tl);
	}
	uptake_filter uf = { .practice_id = p.id };
	uptake_list ul;
	if (uptake_list_get(c->d, &c->me, &uf, &ul, &e) == ST_OK) {
		safe_fprintf(stdout, ngettext("Taken up by (%zu town):\n", "Taken up by (%zu towns):\n",
		                              ul.n), ul.n);
		for (size_t i = 0; i < ul.n; i++) {
			const uptake *u = &ul.items[i];
			safe_fprintf(stdout, "  %s: %s (%.10s)\n", u->town,
			             uptake_status_label(u->status), u->updated_at);
			cli_uptake_lines(u);
		}
		uptake_list_free(&ul);
	}
	practice_clear(&p);
	return EXIT_OK;
}

/* show's subcommands: argv[0] the kind, the rest what names it. */
static int show_do_city(cli_ctx *c, int argc, char **argv)
{
	/* A town name may have spaces; accept it as several words too. */
	char *name = str_join(argv + 1, argc - 1, " ");
	if (!name)
		return cli_error(_("Out of memory"));
	int rc = cli_open(c) == EXIT_OK ? show_city(c, name) : EXIT_ERR;
	free(name);
	return rc;
}

/* The kinds named by one word: network N, thread ID ... */
static int show_one(cli_ctx *c, int argc, char **argv, int (*show)(cli_ctx *, const char *))
{
	if (argc > 2)
		return cli_usage("show", _("unexpected argument '%s'"), argv[2]);
	return cli_open(c) == EXIT_OK ? show(c, argv[1]) : EXIT_ERR;
}

static int show_do_network(cli_ctx *c, int argc, char **argv)
{
	return show_one(c, argc, argv, show_network);
}

static int show_do_thread(cli_ctx *c, int argc, char **argv)
{
	return show_one(c, argc, argv, show_thread);
}

static int show_do_meeting(cli_ctx *c, int argc, char **argv)
{
	return show_one(c, argc, argv, show_meeting);
}

static int show_do_practice(cli_ctx *c, int argc, char **argv)
{
	return show_one(c, argc, argv, show_practice);
}

const cli_subcommand cli_show_subs[] = {
	{ "network", show_do_network, N_("N"),
	  N_("a network: theme, goals, coordinators, towns, meetings"), false, false, NULL },
	{ "city", show_do_city, N_("NAME"), N_("a town: voivodeship, programme, project, networks\n"
	  "(the name may be typed without Polish letters)"), false, false, NULL },
	{ "town", show_do_city, "", NULL, false, false, NULL },
	{ "thread", show_do_thread, N_("ID"), N_("a thread with all its posts"), false, false, NULL },
	{ "meeting", show_do_meeting, N_("ID"),
	  N_("a meeting: date, host, topics, study visits, practices shown"), false, false, NULL },
	{ "practice", show_do_practice, N_("ID|KEY"), N_("a good practice: town, problem, what was "
	  "done, results,\nfunding, cost, the meetings and threads about it"), false, false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

int cmd_show(cli_ctx *c, int argc, char **argv)
{
	struct list_opts o;
	int first = parse_list_opts(c, "show", no_opt_table, argc, argv, &o);
	if (first < 0)
		return EXIT_USAGE;
	if (o.help) {
		cli_command_help_opts(cli_find_command("show"), NULL, cli_show_subs, NULL, NULL);
		return EXIT_OK;
	}
	char subs[512];
	if (argc - first < 2 && !(argc - first == 1 && !cli_sub_find(cli_show_subs, argv[first])))
		return cli_usage("show", _("say what to show: %s"),
		                 cli_subs_or(cli_show_subs, true, subs, sizeof subs));
	return cli_sub_dispatch(c, "show", cli_show_subs, argc - first, argv + first);
}

int cmd_search(cli_ctx *c, int argc, char **argv)
{
	static const char *const cols[] = { N_("kind"), N_("id"), N_("thread"), N_("network"),
	                                    N_("title"), N_("excerpt") };
	struct list_opts o;
	int first = parse_list_opts(c, "search", no_opt_table, argc, argv, &o);
	if (first < 0)
		return EXIT_USAGE;
	if (o.help) {
		cli_command_help(cli_find_command("search"),
			_("Finds towns, thread titles, posts, good practices and meetings containing every\n"
			  "word given, as a word or the start of one, ignoring case and Polish letters:\n"
			  "\"lodz\" finds \"Łódź\".\n"
			  "Output: kind (town, thread, post, practice, meeting), id, thread, network,\n"
			  "title, excerpt.\n"));
		return EXIT_OK;
	}
	if (first >= argc)
		return cli_usage("search", _("say what to search for"));
	char *q = str_join(argv + first, argc - first, " ");
	if (!q)
		return cli_error(_("Out of memory"));
	if (cli_open(c) != EXIT_OK) {
		free(q);
		return EXIT_ERR;
	}
	hit_list hits;
	error e;
	status s = search_run(c->d, &c->me, q, 0, 1000, &hits, &e);
	if (s == ST_OK && !hits.n) {
		/* A way on, on stderr (the output stays what a script reads). */
		char *shorter = NULL, *nearest = NULL;
		s = search_way_on(c->d, &c->me, q, &shorter, &nearest, &e);
		if (s == ST_OK && shorter) {
			hit_list_free(&hits);
			s = search_run(c->d, &c->me, shorter, 0, 1000, &hits, &e);
			safe_fprintf(stderr, _("Nothing found for \"%s\"; showing the results for \"%s…\".\n"),
			             q, shorter);
		} else if (s == ST_OK && nearest) {
			safe_fprintf(stderr, _("Nothing found. Did you mean: %s?\n"), nearest);
		}
		free(shorter);
		free(nearest);
	}
	free(q);
	if (s != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 6);
	for (size_t i = 0; i < hits.n; i++) {
		search_hit *h = &hits.items[i];
		tsv_field(h->kind == HIT_CITY       ? _("town")
		          : h->kind == HIT_THREAD   ? _("thread")
		          : h->kind == HIT_PRACTICE ? _("practice")
		          : h->kind == HIT_MEETING  ? _("meeting")
		                                    : _("post"),
		          false);
		tsv_num(h->id, false);
		tsv_num(h->thread_id, false);
		tsv_num(h->network_number, false);
		tsv_field(h->title, false);
		tsv_field(h->excerpt, true);
	}
	hit_list_free(&hits);
	return EXIT_OK;
}
