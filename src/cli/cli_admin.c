/* cli_admin.c — init, check and the admin subcommands. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_priv.h"
#include "cli/paths.h"
#include "core/audit.h"
#include "core/check.h"
#include "core/snapshot.h"
#include "core/gen.h"
#include "core/lemma.h"
#include "core/presence.h"
#include "core/search.h"
#include "core/search_index.h"
#include "core/sync.h"
#include "i18n.h"
#include "text/list.h"
#include "text/safe.h"
#include "text/strbuf.h"

/* A command of no options of its own and no operands: -1 to go on, else what to
 * return. */
static int no_operands(cli_ctx *c, const char *cmd, int argc, char **argv, const char *help)
{
	int first, rc = cli_no_opts(c, cmd, argc, argv, help, &first);
	if (rc < 0 && first < argc)
		return cli_usage(cmd, _("unexpected argument '%s'"), argv[first]);
	return rc;
}

int cmd_init(cli_ctx *c, int argc, char **argv)
{
	int rc = no_operands(c, "init", argc, argv,
		_("Creates the database (see --db) with the bundled EMPIRIE directory and an\n"
		  "administrator account for you. An existing database is left as it is.\n"));
	if (rc >= 0)
		return rc;
	if (cli_config_late(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	bool from_conf;
	char *path = paths_database(cli_db_choice(c, &from_conf), true, &e);
	if (!path)
		return cli_fail(&e);
	bool existed = access(path, F_OK) == 0;
	bool created = false;
	status s = db_open(&c->d, path, DB_OPEN_CREATE, &created, &e);
	if (s != ST_OK) {
		free(path);
		return cli_fail(&e);
	}
	safe_fprintf(stdout, existed && !created ? _("%s already exists; it was upgraded if needed.\n")
	                                        : _("Created %s with the bundled EMPIRIE directory.\n"),
	             path);
	free(path);
	return EXIT_OK;
}

const cli_opt cli_check_opts[] = {
	{ "reindex", no_argument, 256, NULL, N_("rebuild the search index from the stored text") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_check(cli_ctx *c, int argc, char **argv)
{
	const char *v[1] = { NULL };
	int i = cli_parse_opts(c, "check", cli_check_opts, argc, argv, v);
	if (i == CLI_PARSE_HELP) {
		cli_command_help_opts(cli_find_command("check"),
			_("Checks the database file's integrity and its links between records.\n"), NULL,
			cli_check_opts, NULL);
		return EXIT_OK;
	}
	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return cli_usage("check", _("unexpected argument '%s'"), argv[i]);
	bool reindex = v[0] != NULL;
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	if (reindex) {
		if (c->me.role != ROLE_ADMIN)
			return cli_error(_("Only an administrator can rebuild the search index"));
		if (search_reindex(c->d, &e) != ST_OK)
			return cli_fail(&e);
		safe_fprintf(stdout, search_lemma_state(c->d) == LEMMAS_ON
		                         ? _("The search index was rebuilt, with lemmas (dictionary %s).\n")
		                         : _("The search index was rebuilt, without lemmas: the dictionary "
		                             "%s is missing.\n"),
		             lemma_dictionary());
	}
	check_report r;
	if (check_database(c->d, &r, &e) != ST_OK)
		return cli_fail(&e);
	for (size_t k = 0; k < r.n; k++)
		safe_fprintf(stdout, "%s\n", r.problems[k]);
	size_t n = r.n;
	check_report_free(&r);
	if (n) {
		safe_fprintf(stdout, ngettext("%zu problem found.\n", "%zu problems found.\n", n), n);
		return EXIT_ERR;
	}
	safe_fprintf(stdout, _("The database is in good order.\n"));
	return EXIT_OK;
}

static int admin_help(void);

/* A ROLE that is not one of role_keys. */
static int unknown_role(const char *value)
{
	char w[128];
	return cli_usage("admin", _("unknown role '%s': use %s"), value,
	                 list_join_or(role_keys, w, sizeof w));
}

/* The options of add-account and set-role: the fields of account_fields.h marked ADD
 * (add-account's) or BOTH (and set-role's). */
#define ACCOUNT_OPT_(option, val, arg, help) { option, required_argument, val, arg, help },
#define ACCOUNT_OPT_ADD_NO(...)
#define ACCOUNT_OPT_ADD_ADD ACCOUNT_OPT_
#define ACCOUNT_OPT_ADD_BOTH ACCOUNT_OPT_
#define ACCOUNT_OPT_SET_NO(...)
#define ACCOUNT_OPT_SET_ADD(...)
#define ACCOUNT_OPT_SET_BOTH ACCOUNT_OPT_
#define ACCOUNT_ADD_(name, kind, column, csv, al, sql, opt, option, val, arg, help, ...) \
	ACCOUNT_OPT_ADD_##opt(option, val, arg, help)
#define ACCOUNT_SET_(name, kind, column, csv, al, sql, opt, option, val, arg, help, ...) \
	ACCOUNT_OPT_SET_##opt(option, val, arg, help)
const cli_opt cli_account_opts[] = { ACCOUNT_FIELDS(ACCOUNT_ADD_){ NULL, 0, 0, NULL, NULL } };
const cli_opt cli_set_role_opts[] = { ACCOUNT_FIELDS(ACCOUNT_SET_){ NULL, 0, 0, NULL, NULL } };

/* The field whose option getopt returned as ch; -1 when none. */
static int account_option(int ch)
{
	for (int i = 0; i < ACCOUNT_NFIELDS; i++)
		if (account_field_list[i].opt != AO_NO && account_field_list[i].val == ch)
			return i;
	return -1;
}

static int admin_add(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[32];
	cli_opts_getopt(cli_account_opts, opts, shortopts, sizeof shortopts);
	const char *v[ACCOUNT_NFIELDS] = { 0 };
	long long network = 0;
	int ch, f;
	optind = 0;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		if ((f = account_option(ch)) >= 0) {
			v[f] = optarg;
			if (account_field_list[f].kind == AK_NETWORK && (network = cli_parse_id(optarg)) < 0)
				return cli_usage("admin", _("--network needs a network number, not '%s'"), optarg);
			continue;
		}
		switch (ch) {
		case 'h': return admin_help();
		case ':': return cli_usage("admin", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("admin", argv[optind - 1], opts);
		}
	}
	if (optind + 1 != argc)
		return cli_usage("admin", _("add-account needs exactly one LOGIN"));
	const char *rolename = v[ACCOUNT_F_role] ? v[ACCOUNT_F_role] : "member";
	int r = role_parse(rolename);
	if (r < 0)
		return unknown_role(rolename);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	const char *login = argv[optind], *name = v[ACCOUNT_F_display_name];
	if (account_add(c->d, &c->me, login, name ? name : login, (role)r, v[ACCOUNT_F_city],
	                (int)network, &e) != ST_OK)
		return cli_fail(&e);
	return EXIT_OK;
}

/* The fields of account_fields.h that have a label, in the list's order. */
static int admin_accounts(cli_ctx *c)
{
	const char *cols[ACCOUNT_NFIELDS];
	int shown[ACCOUNT_NFIELDS];
	size_t n = 0;
	for (int i = 0; i < ACCOUNT_NFIELDS; i++)
		if (account_field_list[i].label) {
			shown[n] = i;
			cols[n++] = account_field_list[i].label;
		}
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	account_list l;
	if (account_list_all(c->d, &c->me, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, n);
	for (size_t i = 0; i < l.n; i++)
		for (size_t k = 0; k < n; k++)
			tsv_field(account_value(&l.items[i], shown[k]), k + 1 == n);
	account_list_free(&l);
	return EXIT_OK;
}

static int admin_audit(cli_ctx *c)
{
	static const char *const cols[] = { N_("id"), N_("time"), N_("login"), N_("action"),
	                                    N_("object"), N_("object id"), N_("client"), N_("before"),
	                                    N_("after"), N_("Unix login") };
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	audit_list l;
	if (audit_recent(c->d, &c->me, 1000, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 10);
	for (size_t i = 0; i < l.n; i++) {
		audit_entry *a = &l.items[i];
		char id[24], oid[24];
		snprintf(id, sizeof id, "%lld", (long long)a->id);
		snprintf(oid, sizeof oid, "%lld", (long long)a->object_id);
		tsv_field(id, false);
		tsv_field(a->at, false);
		tsv_field(a->login, false);
		tsv_field(a->action, false);
		tsv_field(a->object, false);
		tsv_field(oid, false);
		tsv_field(a->client, false);
		tsv_field(a->before, false);
		tsv_field(a->after, false);
		tsv_field(a->unix_login, true);
	}
	audit_list_free(&l);
	return EXIT_OK;
}

/* Who is here: the open full-screen sessions (presence.h), oldest first. */
static int admin_sessions(cli_ctx *c)
{
	static const char *const cols[] = { N_("login"), N_("town"), N_("since"), N_("last seen"),
	                                    N_("network"), N_("where"), N_("restricted") };
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	presence_list l;
	if (presence_list_live(c->d, &c->me, c->conf.session_timeout, &l, &e) != ST_OK)
		return cli_fail(&e);
	tsv_header(c, cols, 7);
	for (size_t i = 0; i < l.n; i++) {
		presence_row *r = &l.items[i];
		char net[16] = "";
		if (r->network > 0)
			snprintf(net, sizeof net, "%d", r->network);
		tsv_field(r->login, false);
		tsv_field(r->town, false);
		tsv_field(r->since, false);
		tsv_field(r->seen, false);
		tsv_field(net, false);
		tsv_field(r->area, false);
		tsv_field(r->restricted ? "yes" : "no", true);
	}
	presence_list_free(&l);
	return EXIT_OK;
}

static int admin_set_role(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[32];
	cli_opts_getopt(cli_set_role_opts, opts, shortopts, sizeof shortopts);
	const char *v[ACCOUNT_NFIELDS] = { 0 };
	long long network = -1;
	int ch, f;
	optind = 0;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		if ((f = account_option(ch)) >= 0 && account_field_list[f].opt == AO_BOTH) {
			v[f] = optarg;
			if (account_field_list[f].kind != AK_NETWORK)
				continue;
			network = strcmp(optarg, "0") == 0 ? 0 : cli_parse_id(optarg);
			if (network < 0)
				return cli_usage("admin", _("--network needs a network number, not '%s'"), optarg);
			continue;
		}
		switch (ch) {
		case 'h': return admin_help();
		case ':': return cli_usage("admin", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("admin", argv[optind - 1], opts);
		}
	}
	if (argc - optind != 2)
		return cli_usage("admin", _("set-role needs a LOGIN and a ROLE"));
	int r = role_parse(argv[optind + 1]);
	if (r < 0)
		return unknown_role(argv[optind + 1]);
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	return account_set_role(c->d, &c->me, argv[optind], (role)r, v[ACCOUNT_F_city],
	                        (int)network, &e) == ST_OK
	       ? EXIT_OK : cli_fail(&e);
}

/* A subcommand's operands alone in argc/argv (the global options taken): -1 to go on,
 * else what to return. */
static int admin_operands(cli_ctx *c, int *argc, char ***argv)
{
	int r = cli_operands(c, "admin", argc, argv);
	return r == CLI_PARSE_HELP ? admin_help() : r < 0 ? EXIT_USAGE : -1;
}

/* admin member add|remove N TOWN: argv[0] is add or remove (the table below). */
static int member_set(cli_ctx *c, int argc, char **argv)
{
	if (argc < 3)
		return cli_usage("admin", _("use: admin member add|remove N TOWN"));
	long long n = cli_parse_id(argv[1]);
	if (n < 0)
		return cli_usage("admin", _("a network is given by its number (1–8), not '%s'"), argv[1]);
	char *town = str_join(argv + 2, argc - 2, " ");
	if (!town)
		return cli_error(_("Out of memory"));
	int rc = EXIT_ERR;
	error e;
	if (cli_open(c) == EXIT_OK)
		rc = membership_set(c->d, &c->me, (int)n, town, strcmp(argv[0], "add") == 0, &e) == ST_OK
		     ? EXIT_OK : cli_fail(&e);
	free(town);
	return rc;
}

/* Who may change a network's towns the core decides (membership_set). */
const cli_subcommand cli_admin_member_subs[] = {
	{ "add", member_set, N_("N TOWN"), N_("add town TOWN to network N"), true, false, NULL },
	{ "remove", member_set, N_("N TOWN"), N_("take town TOWN out of network N"), true, false,
	  NULL },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

static int member_help(void)
{
	char names[128] = "";
	for (const cli_subcommand *s = cli_admin_member_subs; s->name; s++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
		         s == cli_admin_member_subs ? "" : "|", s->name);
	/* Both take the same operands: the first's stand for them. */
	snprintf(names + strlen(names), sizeof names - strlen(names), " %s",
	         _(cli_admin_member_subs[0].args));
	safe_fprintf(stdout, _("Usage: empirie %s %s\n"), "admin member", names);
	fputc('\n', stdout);
	cli_subs_print(cli_admin_member_subs);
	cli_help_globals();
	return EXIT_OK;
}

static int admin_member(cli_ctx *c, int argc, char **argv)
{
	int r = cli_operands(c, "admin", &argc, &argv);
	if (r == CLI_PARSE_HELP)
		return member_help();
	if (r < 0)
		return EXIT_USAGE;
	if (argc < 2)
		return cli_usage("admin", _("use: admin member add|remove N TOWN"));
	return cli_sub_dispatch(c, "admin member", cli_admin_member_subs, argc - 1, argv + 1);
}

static int admin_do_accounts(cli_ctx *c, int argc, char **argv)
{
	int rc = admin_operands(c, &argc, &argv);
	if (rc >= 0)
		return rc;
	if (argc > 1)
		return cli_usage("admin", _("unexpected argument '%s'"), argv[1]);
	return admin_accounts(c);
}

static int admin_do_audit(cli_ctx *c, int argc, char **argv)
{
	int rc = admin_operands(c, &argc, &argv);
	if (rc >= 0)
		return rc;
	if (argc > 1)
		return cli_usage("admin", _("unexpected argument '%s'"), argv[1]);
	return admin_audit(c);
}

static int admin_do_sessions(cli_ctx *c, int argc, char **argv)
{
	int rc = admin_operands(c, &argc, &argv);
	if (rc >= 0)
		return rc;
	if (argc > 1)
		return cli_usage("admin", _("unexpected argument '%s'"), argv[1]);
	return admin_sessions(c);
}

const cli_opt cli_expert_opts[] = {
	{ "no", no_argument, 256, NULL, N_("no longer an expert") },
	{ NULL, 0, 0, NULL, NULL },
};

static int admin_expert(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_expert_opts, opts, shortopts, sizeof shortopts);
	bool no = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 256: no = true; break;
		case 'h': return admin_help();
		case ':': return cli_usage("admin", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("admin", argv[optind - 1], opts);
		}
	}
	if (argc - optind != 1)
		return cli_usage("admin", _("expert needs one LOGIN, and --no to take the flag away"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	return account_set_expert(c->d, &c->me, argv[optind], !no, &e) == ST_OK ? EXIT_OK
	                                                                        : cli_fail(&e);
}

/* Where the core requires an administrator, the table says so too, with the core's
 * words (cli_refusal()); who may change a network's towns or see sessions the core
 * decides, and SSH keys are root's as well as an administrator's (cli_keys.c). */
const cli_subcommand cli_admin_subs[] = {
	{ "add-account", admin_add, N_("LOGIN [--name NAME] [--role ROLE] [--city TOWN] [--network N]"),
	  N_("add an account; ROLE as --role below"),
	  true, true, N_("Only an administrator can add accounts") },
	{ "set-role", admin_set_role, N_("LOGIN ROLE [--city TOWN] [--network N]"),
	  N_("change an account's role (and town or network)"), true, true,
	  N_("Only an administrator can change roles") },
	{ "member", admin_member, N_("add|remove N TOWN"), N_("add a town to network N or remove it"),
	  true, false, NULL },
	{ "accounts", admin_do_accounts, "", N_("list the accounts"), false, false, NULL },
	{ "audit", admin_do_audit, "", N_("the newest 1000 entries of the audit log"), false, true,
	  N_("Only an administrator can read the audit log") },
	{ "add-key", cli_admin_keys, N_("LOGIN [FILE]"),
	  N_("let LOGIN in over SSH with the public key in FILE (or\nstandard input): a line of the "
	     "keys file set by\nauthorized_keys in the configuration (run as root)"),
	  false, false, NULL },
	{ "keys", cli_admin_keys, "", N_("list the keys: login, type, fingerprint"), false, false,
	  NULL },
	{ "revoke-key", cli_admin_keys, N_("LOGIN [FINGERPRINT]"),
	  N_("remove LOGIN's keys (or the one with that fingerprint)"), false, false, NULL },
	{ "sessions", admin_do_sessions, "", N_("who is here: the open full-screen sessions (login, "
	  "town,\nsince, last seen, network, where in the application,\nrestricted); administrators "
	  "and coordinators"), false, false, NULL },
	{ "expert", admin_expert, N_("LOGIN [--no]"), N_("name LOGIN one of ZMP's experts, who answer "
	  "the\nfeedback requests of their network (set-role's\n--network) or of all; --no: no longer"),
	  true, true, N_("Only an administrator can name experts") },
	{ NULL, NULL, NULL, NULL, false, false, NULL },
};

static int admin_help(void)
{
	cli_command_help_opts(cli_find_command("admin"), NULL, cli_admin_subs, cli_account_opts,
	                      NULL);
	return EXIT_OK;
}

int cmd_admin(cli_ctx *c, int argc, char **argv)
{
	char subs[512];
	if (argc < 2)
		return cli_usage("admin", _("say what to do: %s"),
		                 cli_subs_or(cli_admin_subs, false, subs, sizeof subs));
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return admin_help();
	return cli_sub_dispatch(c, "admin", cli_admin_subs, argc - 1, argv + 1);
}

static void gen_progress_print(const char *stage, unsigned long done, unsigned long total, void *arg)
{
	(void)arg;
	/* "\r" kept out of the messages: the line is redrawn in place. */
	if (strcmp(stage, "posts") == 0) {
		fputc('\r', stderr);
		safe_fprintf(stderr, ngettext("%lu of %lu post", "%lu of %lu posts", total), done, total);
	} else if (strcmp(stage, "commit") == 0) {
		fputc('\r', stderr);
		safe_fprintf(stderr, "%-40s\n", _("writing the file..."));
	}
}

/* gen --size: the names, its check and the completion read this table; the threads and
 * posts each makes, in its order (towns: 2500 for both). */
const char *const cli_gen_sizes[] = { "M", "L", NULL };
static const unsigned long gen_size_counts[][2] = { { 10000, 100000 }, { 100000, 1000000 } };
_Static_assert(sizeof gen_size_counts / sizeof gen_size_counts[0] ==
               sizeof cli_gen_sizes / sizeof cli_gen_sizes[0] - 1, "one row a size");

const cli_opt cli_gen_opts[] = {
	{ "towns", required_argument, 'T', N_("N"), N_("towns in all (default 2500)") },
	{ "threads", required_argument, 't', N_("N"), N_("synthetic threads (default 10000)") },
	{ "posts", required_argument, 'p', N_("N"), N_("synthetic posts (default 100000)") },
	{ "size", required_argument, 'z', N_("SIZE"), N_("%s (towns/threads/posts: M = "
	  "2500/10000/100000,\nL = 2500/100000/1000000)") },
	{ "seed", required_argument, 's', N_("S"), N_("the same seed gives the same data") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_gen(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[32];
	cli_opts_getopt(cli_gen_opts, opts, shortopts, sizeof shortopts);
	gen_options o = { .towns = 2500, .threads = 10000, .posts = 100000, .seed = 1 };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		long long v = optarg ? cli_parse_id(optarg) : 0;
		switch (ch) {
		case 'T': case 't': case 'p': case 's':
			if (v < 0 || v > 100000000)
				return cli_usage("gen", _("'%s' is not a number from 1 to 100000000"), optarg);
			if (ch == 'T') o.towns = (unsigned long)v;
			else if (ch == 't') o.threads = (unsigned long)v;
			else if (ch == 'p') o.posts = (unsigned long)v;
			else o.seed = (uint64_t)v;
			break;
		case 'z': {
			size_t k = 0;
			while (cli_gen_sizes[k] && strcmp(optarg, cli_gen_sizes[k]) != 0)
				k++;
			char w[64];
			if (!cli_gen_sizes[k])
				return cli_usage("gen", _("--size is %s, not '%s'"),
				                 list_join_or(cli_gen_sizes, w, sizeof w), optarg);
			o.towns = 2500, o.threads = gen_size_counts[k][0], o.posts = gen_size_counts[k][1];
			break;
		}
		case 'h':
			cli_command_help_opts(cli_find_command("gen"),
				_("Writes a NEW database (--db FILE, which must not exist) with the bundled\n"
				  "directory plus SYNTHETIC towns, people, threads and posts for trying things\n"
				  "out and for benchmarks. It is marked synthetic and says so on screen.\n"),
				NULL, cli_gen_opts, NULL);
			return EXIT_OK;
		case ':': return cli_usage("gen", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("gen", argv[optind - 1], opts);
		}
	}
	if (optind < argc)
		return cli_usage("gen", _("unexpected argument '%s'"), argv[optind]);
	if (!c->db_opt)
		return cli_usage("gen", _("say where to write the synthetic database: --db FILE"));
	if (o.posts < o.threads)
		return cli_usage("gen", _("every thread needs a post: --posts must be at least --threads"));
	if (access(c->db_opt, F_OK) == 0)
		return cli_error(_("%s already exists; synthetic data goes only into a new file"), c->db_opt);
	if (cli_config_late(c) != EXIT_OK)
		return EXIT_ERR;
	error e;
	bool created;
	if (db_open(&c->d, c->db_opt, DB_OPEN_CREATE, &created, &e) != ST_OK)
		return cli_fail(&e);
	if (gen_synthetic(c->d, &o, isatty(STDERR_FILENO) ? gen_progress_print : NULL, NULL, &e) != ST_OK)
		return cli_fail(&e);
	char towns[64], threads[64], posts[64];
	snprintf(towns, sizeof towns, ngettext("%lu town", "%lu towns", o.towns), o.towns);
	snprintf(threads, sizeof threads, ngettext("%lu thread", "%lu threads", o.threads), o.threads);
	snprintf(posts, sizeof posts, ngettext("%lu post", "%lu posts", o.posts), o.posts);
	safe_fprintf(stdout, _("Wrote %s: synthetic data, %s, %s, %s (seed %llu).\n"),
	             c->db_opt, towns, threads, posts, (unsigned long long)o.seed);
	return EXIT_OK;
}

const cli_opt cli_snapshot_opts[] = {
	{ "public-only", no_argument, 256, NULL, N_("leave out what a guest may not see: the "
	  "leaders'\nnetwork, drafts, read marks, the audit log, private\ncontacts (anyone may "
	  "take it; a full copy is for\nadministrators)") },
	{ "for", required_argument, 257, N_("LOGIN"), N_("issue the full copy to one person: the "
	  "home\ndatabase then takes changes from that copy only\nwhen LOGIN made them (without "
	  "it, whoever applies\nthe copy's file vouches for everyone who wrote in it)") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_snapshot(cli_ctx *c, int argc, char **argv)
{
	const char *v[2] = { NULL, NULL };
	int i = cli_parse_opts(c, "snapshot", cli_snapshot_opts, argc, argv, v);
	if (i == CLI_PARSE_HELP) {
		cli_command_help_opts(cli_find_command("snapshot"),
			_("Writes a consistent, compact copy of the database to FILE, also while\n"
			  "others are writing, with the search index ready. Open it anywhere with\n"
			  "'empirie --db FILE'; on a read-only medium it opens read-only.\n"),
			NULL, cli_snapshot_opts, NULL);
		return EXIT_OK;
	}
	if (i < 0)
		return EXIT_USAGE;
	const char *file = i < argc ? argv[i++] : NULL, *owner = v[1];
	bool public_only = v[0] != NULL;
	if (i < argc)
		return cli_usage("snapshot", _("unexpected argument '%s'"), argv[i]);
	if (!file)
		return cli_usage("snapshot", _("say which FILE to write the copy to"));
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	snapshot_info info;
	error e;
	if (snapshot_write(c->d, &c->me, file, public_only, owner, &info, &e) != ST_OK)
		return cli_fail(&e);
	char size[64];
	snprintf(size, sizeof size, "%.1f MB", (double)info.bytes / 1e6);
	if (owner)
		safe_fprintf(stdout, _("Wrote %s: a full offline copy for %s (%s).\n"), file, owner, size);
	else
		safe_fprintf(stdout, public_only ? _("Wrote %s: a public offline copy (%s).\n")
		                                 : _("Wrote %s: a full offline copy (%s).\n"),
		             file, size);
	safe_fprintf(stdout, ngettext("%lld network, ", "%lld networks, ", (unsigned long)info.networks),
	             (long long)info.networks);
	safe_fprintf(stdout, ngettext("%lld thread, ", "%lld threads, ", (unsigned long)info.threads),
	             (long long)info.threads);
	safe_fprintf(stdout, ngettext("%lld post, ", "%lld posts, ", (unsigned long)info.posts),
	             (long long)info.posts);
	safe_fprintf(stdout, ngettext("%lld good practice.\n", "%lld good practices.\n",
	                              (unsigned long)info.practices),
	             (long long)info.practices);
	return EXIT_OK;
}

int cmd_info(cli_ctx *c, int argc, char **argv)
{
	int rc = no_operands(c, "info", argc, argv,
		_("Shows which database is in use, what it holds and who you are.\n"));
	if (rc >= 0)
		return rc;
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	char *kind = db_meta_get(c->d, "kind");
	char *params = db_meta_get(c->d, "synthetic_params");
	char buf[64];
	card_line(_("Database"), db_path(c->d));
	snprintf(buf, sizeof buf, "%d", db_schema_version());
	card_line(_("Schema"), buf);
	card_line(_("Contents"), kind && strcmp(kind, "synthetic") == 0
	                         ? _("SYNTHETIC data (generated, not real)")
	                         : _("the EMPIRIE directory (real, from public sources)"));
	card_line(_("Generated with"), params);
	char *copy = db_meta_get(c->d, "snapshot_at"), *pub = db_meta_get(c->d, "snapshot_public");
	if (copy) {
		char line[200];
		snprintf(line, sizeof line, pub && strcmp(pub, "1") == 0 ? _("%s (public: what guests see)")
		                                                          : _("%s (full)"), copy);
		card_line(_("Offline copy taken"), line);
	}
	free(copy), free(pub);
	if (db_is_readonly(c->d))
		card_line(_("Access"), _("read-only (a file or folder that cannot be written)"));
	sync_status ss;
	error ignore;
	if (sync_get_status(c->d, &ss, &ignore) == ST_OK && ss.logging) {
		char line[200];
		snprintf(line, sizeof line, ngettext("%lld change waits for 'empirie sync export'",
		                                     "%lld changes wait for 'empirie sync export'",
		                                     (unsigned long)ss.pending),
		         (long long)ss.pending);
		card_line(_("Sync"), line);
	}
	char lem[600];
	switch (search_lemma_state(c->d)) {
	case LEMMAS_ON:
		str_fitf(lem, sizeof lem, _("on (dictionary %s)"), lemma_dictionary());
		break;
	case LEMMAS_STALE:
		str_fitf(lem, sizeof lem, _("on, but the index was built with another dictionary: run "
		                            "'empirie check --reindex' (dictionary %s)"), lemma_dictionary());
		break;
	default:
		str_fitf(lem, sizeof lem, _("off: the dictionary %s.dic/.aff is missing; install it "
		                            "(Debian: apt-get install hunspell-pl) or set 'dictionary' in "
		                            "the configuration, then run 'empirie check --reindex'"),
		         lemma_dictionary());
	}
	card_line(_("Lemma search"), lem);
	card_line(_("You are"), c->me.display_name);
	card_line(_("Role"), role_label(c->me.role));
	free(kind);
	free(params);
	return EXIT_OK;
}
