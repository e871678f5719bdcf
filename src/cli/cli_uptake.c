/* cli_uptake.c — `empirie uptake` (practice transfer: record and list what towns take
 * up from others) and `empirie report` (what each network produced in a period). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/directory.h"
#include "core/practice.h"
#include "core/report.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/list.h"
#include "text/safe.h"

enum { OPT_PRACTICE = 256, OPT_NETWORK, OPT_FROM, OPT_TO, OPT_FORMAT };

/* A practice named by its number or its key. */
static int practice_id_of(cli_ctx *c, const char *arg, int64_t *id)
{
	long long n = cli_parse_id(arg);
	practice p;
	error e;
	if (practice_get(c->d, &c->me, n > 0 ? n : 0, n > 0 ? NULL : arg, &p, &e) != ST_OK)
		return cli_fail(&e);
	*id = p.id;
	practice_clear(&p);
	return EXIT_OK;
}

static void status_keys_hint(void)
{
	char w[128];
	safe_fprintf(stderr, _("The status is one of: %s.\n"),
	             list_join_or(uptake_status_keys, w, sizeof w));
}

/* uptake list's columns: the fields with a place there (uptake_fields.h), and after the
 * practice's key its town and title. */
enum { LIST_FROM = 1, LIST_TITLE = 2, LIST_MAX = UPTAKE_NFIELDS + 2 };

/* The columns' headers (untranslated) into cols; how many there are. */
static size_t list_columns(const char *cols[LIST_MAX])
{
	size_t n = 2; /* from, title */
	cols[LIST_FROM] = N_("from");
	cols[LIST_TITLE] = N_("title");
	for (int i = 0; i < UPTAKE_NFIELDS; i++)
		if (uptake_field_list[i].list >= 0) {
			cols[uptake_field_list[i].list] = uptake_field_list[i].label;
			n++;
		}
	return n;
}

/* Record u as a row of uptake list: its fields at their places, a time as its date. */
static void list_row(const uptake *u, size_t n)
{
	const char *v[LIST_MAX];
	char dates[UPTAKE_NFIELDS][11];
	v[LIST_FROM] = u->practice_city;
	v[LIST_TITLE] = u->practice_title;
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		if (f->list < 0)
			continue;
		v[f->list] = uptake_value(u, i);
		if (f->kind == UK_TIME) {
			snprintf(dates[i], sizeof dates[i], "%s", v[f->list]);
			v[f->list] = dates[i];
		}
	}
	for (size_t i = 0; i < n; i++)
		tsv_field(v[i], i + 1 == n);
}

void cli_uptake_lines(const uptake *u)
{
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		const char *v = uptake_value(u, i);
		if (!*v)
			continue;
		if (f->card == UC_LINE)
			safe_fprintf(stdout, "    %s\n", v);
		else if (f->card == UC_LABELLED)
			safe_fprintf(stdout, "    %s: %s\n", _(f->label), v);
	}
}

static int uptake_list_cmd(cli_ctx *c, const char *practice_arg, const char *town, long long net)
{
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	uptake_filter f = { .network = (int)net };
	error e;
	if (practice_arg && practice_id_of(c, practice_arg, &f.practice_id) != EXIT_OK)
		return EXIT_ERR;
	if (town) {
		city t;
		if (directory_city(c->d, town, &t, &e) != ST_OK)
			return cli_fail(&e);
		f.city_id = t.id;
		city_clear(&t);
	}
	if (net) {
		network n;
		if (directory_network(c->d, &c->me, (int)net, &n, &e) != ST_OK)
			return cli_fail(&e);
		network_clear(&n);
	}
	uptake_list l;
	if (uptake_list_get(c->d, &c->me, &f, &l, &e) != ST_OK)
		return cli_fail(&e);
	const char *cols[LIST_MAX];
	size_t ncols = list_columns(cols);
	tsv_header(c, cols, ncols);
	for (size_t i = 0; i < l.n; i++)
		list_row(&l.items[i], ncols);
	if (!l.n && !practice_arg && !town && !net)
		safe_fprintf(stderr, "%s\n",
		             _("No town has recorded taking up another town's practice yet. A town that "
		               "adopts one records it with: empirie uptake set PRACTICE --town TOWN "
		               "--status interested"));
	uptake_list_free(&l);
	return EXIT_OK;
}

/* Each subcommand has its own options. set's are its fields' (uptake_fields.h), in the
 * list's order: getopt returns OPT_UPTAKE + the field's place; remove takes the town
 * alone, list the town and its filters. The town may be given as --city too. */
enum { OPT_UPTAKE = 1024 };
#define UPTAKE_ROW_(name, arg, help) \
	{ #name, required_argument, OPT_UPTAKE + UPTAKE_F_##name, arg, help },
#define UPTAKE_CITY_(name) { "city", required_argument, OPT_UPTAKE + UPTAKE_F_##name, NULL, NULL },
#define UPTAKE_ALIAS_TOWN(name) UPTAKE_CITY_(name)
#define UPTAKE_ALIAS_KEY(name)
#define UPTAKE_ALIAS_STATUS(name)
#define UPTAKE_ALIAS_TEXT(name)
#define UPTAKE_ALIAS_TIME(name)
#define UPTAKE_ALIAS_LOGIN(name)
#define UPTAKE_ALIAS_THREADS(name)
#define UPTAKE_OPTION_(name, kind, store, column, pub, csv, aliases, sql, sync, key, sync_sql, \
                       opt, arg, help, label, list, card)                                   \
	UPTAKE_IF_##opt(UPTAKE_ROW_(name, arg, help) UPTAKE_ALIAS_##kind(name))
/* The town's row alone (and --city), for remove and list. */
#define UPTAKE_TOWN_TOWN(name, arg, help) UPTAKE_ROW_(name, arg, help) UPTAKE_CITY_(name)
#define UPTAKE_TOWN_KEY(name, arg, help)
#define UPTAKE_TOWN_STATUS(name, arg, help)
#define UPTAKE_TOWN_TEXT(name, arg, help)
#define UPTAKE_TOWN_TIME(name, arg, help)
#define UPTAKE_TOWN_LOGIN(name, arg, help)
#define UPTAKE_TOWN_THREADS(name, arg, help)
#define UPTAKE_TOWN_OPTION_(name, kind, store, column, pub, csv, aliases, sql, sync, key,    \
                            sync_sql, opt, arg, help, label, list, card)                     \
	UPTAKE_TOWN_##kind(name, arg, help)
#define UPTAKE_LIST_FILTERS                                                                  \
	{ "practice", required_argument, OPT_PRACTICE, N_("P"), N_("list: that practice's records") }, \
	{ "network", required_argument, OPT_NETWORK, N_("N"), N_("list: the records of that network") },
const cli_opt cli_uptake_set_opts[] = {
	UPTAKE_FIELDS(UPTAKE_OPTION_)
	{ NULL, 0, 0, NULL, NULL },
};
const cli_opt cli_uptake_remove_opts[] = {
	UPTAKE_FIELDS(UPTAKE_TOWN_OPTION_)
	{ NULL, 0, 0, NULL, NULL },
};
const cli_opt cli_uptake_list_opts[] = {
	UPTAKE_FIELDS(UPTAKE_TOWN_OPTION_)
	UPTAKE_LIST_FILTERS
	{ NULL, 0, 0, NULL, NULL },
};
/* What `empirie uptake --help` lists: set's options, then list's filters. */
const cli_opt cli_uptake_help_opts[] = {
	UPTAKE_FIELDS(UPTAKE_OPTION_)
	UPTAKE_LIST_FILTERS
	{ NULL, 0, 0, NULL, NULL },
};

static int uptake_help(void)
{
	cli_command_help_opts(cli_find_command("uptake"), NULL, cli_uptake_subs, cli_uptake_help_opts,
		_("PRACTICE is the practice's number or key. Members record for their own town,\n"
		  "coordinators for the towns of their network, administrators for any.\n"));
	return EXIT_OK;
}

/* The options given to the subcommand that runs. */
typedef struct {
	const char *v[UPTAKE_NFIELDS]; /* set's options by their field's place */
	const char *pr;
	long long net;
} uptake_opts;

/* The options of the subcommand argv[0] by its table t into o; how many operands follow
 * it (*first: where they start), or -1 when done (the help printed: *rc EXIT_OK; a misuse
 * reported: EXIT_USAGE). */
static int sub_options(cli_ctx *c, const cli_opt *t, int argc, char **argv, uptake_opts *o,
                       int *first, int *rc)
{
	const char *vals[CLI_OPTS_MAX] = { 0 };
	memset(o, 0, sizeof *o);
	*first = cli_parse_opts(c, "uptake", t, argc, argv, vals);
	*rc = *first == CLI_PARSE_HELP ? uptake_help() : EXIT_USAGE;
	if (*first < 0)
		return -1;
	for (int i = 0; t[i].name; i++) {
		if (!vals[i])
			continue;
		if (t[i].val >= OPT_UPTAKE && t[i].val < OPT_UPTAKE + UPTAKE_NFIELDS)
			o->v[t[i].val - OPT_UPTAKE] = vals[i];
		else if (t[i].val == OPT_PRACTICE)
			o->pr = vals[i];
		else if (t[i].val == OPT_NETWORK && (o->net = cli_parse_id(vals[i])) < 0)
			return cli_usage("uptake", _("--network needs a network number, not '%s'"), vals[i]),
			       -1;
	}
	return argc - *first;
}

static int uptake_do_list(cli_ctx *c, int argc, char **argv)
{
	uptake_opts o;
	int first, rc, n = sub_options(c, cli_uptake_list_opts, argc, argv, &o, &first, &rc);
	if (n < 0)
		return rc;
	if (n > 0)
		return cli_usage("uptake", _("unexpected argument '%s'"), argv[first]);
	return uptake_list_cmd(c, o.pr, o.v[UPTAKE_F_town], o.net);
}

/* set or remove PRACTICE (the operand after the options). */
static int uptake_change(cli_ctx *c, int argc, char **argv, bool set)
{
	uptake_opts o;
	int first, rc;
	int n = sub_options(c, set ? cli_uptake_set_opts : cli_uptake_remove_opts, argc, argv, &o,
	                    &first, &rc);
	if (n < 0)
		return rc;
	if (n < 1)
		return cli_usage("uptake", _("say which practice: empirie uptake %s PRACTICE --town NAME"),
		                 argv[0]);
	if (n > 1)
		return cli_usage("uptake", _("unexpected argument '%s'"), argv[first + 1]);
	const char *town = o.v[UPTAKE_F_town], *stat = o.v[UPTAKE_F_status];
	if (!town)
		return cli_usage("uptake", _("say which town takes it up with --town NAME"));
	int k = -1;
	if (set) {
		if (!stat) {
			status_keys_hint();
			return cli_usage("uptake", _("say how far the town got with --status"));
		}
		if ((k = uptake_status_parse(stat)) < 0) {
			status_keys_hint();
			return cli_usage("uptake", _("unknown status '%s'"), stat);
		}
	}
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	int64_t pid;
	if (practice_id_of(c, argv[first], &pid) != EXIT_OK)
		return EXIT_ERR;
	error e;
	status s = set ? uptake_save(c->d, &c->me, pid, town, (uptake_status)k, o.v[UPTAKE_F_note],
	                             o.v[UPTAKE_F_threads], &e)
	               : uptake_remove(c->d, &c->me, pid, town, &e);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

static int uptake_do_set(cli_ctx *c, int argc, char **argv)
{
	return uptake_change(c, argc, argv, true);
}

static int uptake_do_remove(cli_ctx *c, int argc, char **argv)
{
	return uptake_change(c, argc, argv, false);
}

/* Who may record for which town the core decides (perm_can_record_uptake_of()). */
const cli_subcommand cli_uptake_subs[] = {
	{ "set", uptake_do_set, N_("PRACTICE"), N_("record or change that a town takes up a "
	  "practice"), false, false, NULL },
	{ "remove", uptake_do_remove, N_("PRACTICE"), N_("take the record away"), false, false,
	  NULL },
	{ "list", uptake_do_list, "", N_("the records as tab-separated rows (status: the key)"),
	  false, false, NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

/* The subcommand first (its options after it, by its own table), or the help. */
int cmd_uptake(cli_ctx *c, int argc, char **argv)
{
	/* "--" ends the options, as getopt has it: the subcommand follows. */
	int first = argc >= 2 && strcmp(argv[1], "--") == 0 ? 2 : 1;
	const char *w = first < argc ? argv[first] : NULL;
	/* --help, or a beginning of it ("--he"), as getopt_long took it before. */
	if (w && first == 1 &&
	    (strcmp(w, "-h") == 0 || (strlen(w) > 2 && strncmp("--help", w, strlen(w)) == 0)))
		return uptake_help();
	if (!w)
		return cli_usage("uptake", _("say what to do: empirie uptake set|remove|list"));
	if (w[0] == '-' && first == 1)
		return cli_usage("uptake", _("'%s': the subcommand comes first, its options after it: "
		                             "empirie uptake set|remove|list [OPTIONS]"), w);
	return cli_sub_dispatch(c, "uptake", cli_uptake_subs, argc - first, argv + first);
}

const cli_opt cli_report_opts[] = {
	{ "network", required_argument, 'n', N_("N"),
	  N_("one network (default: every network you can see)") },
	{ "from", required_argument, OPT_FROM, N_("DATE"),
	  N_("the first day of the period, YYYY-MM-DD") },
	{ "to", required_argument, OPT_TO, N_("DATE"),
	  N_("the last day, YYYY-MM-DD (both days included)") },
	{ "format", required_argument, OPT_FORMAT, N_("F"),
	  N_("%s (default text; csv for a spreadsheet)") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_report(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_report_opts, opts, shortopts, sizeof shortopts);
	const char *from = NULL, *to = NULL;
	long long net = 0;
	int fmt = REPORT_TEXT;
	int ch;
	optind = 0;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'n':
			if ((net = cli_parse_id(optarg)) < 0)
				return cli_usage("report", _("--network needs a network number, not '%s'"), optarg);
			break;
		case OPT_FROM: from = optarg; break;
		case OPT_TO: to = optarg; break;
		case OPT_FORMAT:
			if ((fmt = report_format_parse(optarg)) < 0) {
				char w[64];
				return cli_usage("report", _("--format is %s, not '%s'"),
				                 list_join_or(report_formats, w, sizeof w), optarg);
			}
			break;
		case 'h':
			cli_command_help_opts(cli_find_command("report"), NULL, NULL, cli_report_opts,
				_("Per network: the meetings held, the practices shown at them, the practices\n"
				  "towns started taking up, and the threads with the most posts.\n"));
			return EXIT_OK;
		case ':': return cli_usage("report", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("report", argv[optind - 1], opts);
		}
	}
	if (optind < argc)
		return cli_usage("report", _("unexpected argument '%s'"), argv[optind]);
	if (from && !report_date_valid(from))
		return cli_usage("report", _("--from: \"%s\" is not a date; write it as YYYY-MM-DD, "
		                             "e.g. 2024-01-31"), from);
	if (to && !report_date_valid(to))
		return cli_usage("report", _("--to: \"%s\" is not a date; write it as YYYY-MM-DD, "
		                             "e.g. 2024-12-31"), to);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	report r;
	error e;
	if (report_build(c->d, &c->me, (int)net, from, to, &r, &e) != ST_OK)
		return cli_fail(&e);
	status s = report_write(&r, (report_format)fmt, stdout, &e);
	report_free(&r);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}
