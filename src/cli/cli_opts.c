/* cli_opts.c — the one shape of the CLI's tables: a command's options (cli_opt), from
 * which both getopt_long's array and the help lines are made, and a command's
 * subcommands (cli_subcommand), from which dispatch, the help listing, the "unknown
 * subcommand" error and the shell completion come. */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/report.h"
#include "i18n.h"
#include "text/charset.h"
#include "text/list.h"
#include "text/safe.h"
#include "text/suggest.h"

/* Help columns: the names, then the text from this display column on (or on the next
 * line when the names are wider). */
enum { HELP_COL = 24 };

/* The global options, which every command takes after its name too (cli_main() reads
 * them before it with --restricted, --help and --version). */
const cli_opt cli_global_opts[] = {
	{ "db", required_argument, CLI_GOPT_DB, N_("FILE"), N_("use the database FILE (default: "
	  "$EMPIRIE_DB, or\n$XDG_DATA_HOME/empirie/empirie.db)") },
	{ "as", required_argument, CLI_GOPT_AS, N_("LOGIN"), N_("act as the account LOGIN") },
	{ "no-color", no_argument, CLI_GOPT_NO_COLOR, NULL,
	  N_("do not use colours (also when NO_COLOR is set)") },
	{ "no-colour", no_argument, CLI_GOPT_NO_COLOR, NULL, NULL },
	{ "no-header", no_argument, CLI_GOPT_NO_HEADER, NULL, N_("leave out the header line of "
	  "lists") },
	{ "config", required_argument, CLI_GOPT_CONFIG, N_("FILE"),
	  N_("read the configuration from FILE") },
	{ "no-mouse", no_argument, CLI_GOPT_NO_MOUSE, NULL, N_("leave the mouse to the terminal "
	  "(the full-screen\napplication)") },
	{ NULL, 0, 0, NULL, NULL },
};

/* The table of a command with no options of its own. */
static const cli_opt none[] = { { NULL, 0, 0, NULL, NULL } };

/* One table's rows into getopt_long's array and the short options. */
static void add_opts(const cli_opt *t, struct option *out, size_t *k, char *shortopts,
                     size_t *s, size_t n_short, bool *help)
{
	for (; t && t->name && *k < CLI_OPTS_MAX; t++) {
		out[(*k)++] = (struct option){ t->name, t->has_arg, NULL, t->val };
		*help = *help || strcmp(t->name, "help") == 0;
		/* A letter as the value is the option's short form too (-n, --network). */
		if (t->val < 128 && isalpha(t->val) && *s + 3 < n_short &&
		    !memchr(shortopts, t->val, *s)) {
			shortopts[(*s)++] = (char)t->val;
			if (t->has_arg == required_argument)
				shortopts[(*s)++] = ':';
		}
	}
}

void cli_opts_getopt(const cli_opt *t, struct option *out, char *shortopts, size_t n_short)
{
	size_t k = 0, s = 0;
	bool help = false;
	if (n_short)
		shortopts[s++] = ':';
	add_opts(t, out, &k, shortopts, &s, n_short, &help);
	add_opts(cli_global_opts, out, &k, shortopts, &s, n_short, &help);
	if (!help) {
		out[k++] = (struct option){ "help", no_argument, NULL, 'h' };
		if (s + 2 < n_short)
			shortopts[s++] = 'h';
	}
	out[k] = (struct option){ NULL, 0, NULL, 0 };
	if (n_short)
		shortopts[s] = '\0';
}

int cli_help_wrap(const char *text, int at, int indent)
{
	int col = at;
	bool first = true;
	const char *p = text;
	for (; *p == ' '; p++, col++) /* the text's own indent (the options without a letter) */
		fputc(' ', stdout);
	while (*p) {
		while (*p == ' ')
			p++;
		/* One word: up to a space outside brackets ("[--status S]" stays whole). */
		size_t len = 0;
		int depth = 0;
		for (; p[len] && (p[len] != ' ' || depth > 0); len++)
			depth += p[len] == '[' ? 1 : p[len] == ']' && depth > 0 ? -1 : 0;
		if (!len)
			break;
		char *word = strndup(p, len);
		if (!word)
			break;
		int w = safe_width(word);
		if (!first && col + 1 + w > CLI_HELP_WIDTH && col > indent) {
			fprintf(stdout, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', stdout);
			col++;
		}
		safe_fputs(word, stdout, 0);
		free(word);
		col += w;
		first = false;
		p += len;
	}
	return col;
}

/* The text of a help entry, its lines after the first indented to HELP_COL; a line too
 * long for the width is wrapped there too. */
static void help_text(const char *text, int at)
{
	if (at + 2 > HELP_COL) { /* at least two spaces before the text, or the next line */
		fputc('\n', stdout);
		at = 0;
	}
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		fprintf(stdout, "%*s", HELP_COL - at, "");
		char *line = strndup(p, len); /* the whole line, however long */
		if (line)
			cli_help_wrap(line, HELP_COL, HELP_COL);
		free(line);
		fputc('\n', stdout);
		p += len;
		p += *p == '\n';
		at = 0;
	}
}

/* One entry: the names column (already translated parts; wrapped when they are wider
 * than the screen), then the help. */
static void help_entry(const char *names, const char *help)
{
	fputs("  ", stdout);
	help_text(help, cli_help_wrap(names, 2, 4));
}

/* The options whose value is one of a fixed set of words: each by the table it is in
 * and its name, with the table of words its command checks the value against. */
static const struct {
	const cli_opt *table;
	const char *option;
	const char *const *words;
	const char *(*gloss)(const char *word); /* what a word means, for the help; NULL: none */
} option_words[] = {
	{ cli_import_opts, "encoding", charset_keys, NULL },
	{ cli_export_opts, "encoding", cli_export_encodings, NULL },
	{ cli_export_opts, "separator", cli_export_separators, NULL },
	{ cli_account_opts, "role", role_keys, NULL },
	{ cli_gen_opts, "size", cli_gen_sizes, NULL },
	{ cli_uptake_set_opts, "status", uptake_status_keys, uptake_status_gloss },
	{ cli_uptake_help_opts, "status", uptake_status_keys, uptake_status_gloss },
	{ cli_report_opts, "format", report_formats, NULL },
};

/* The row of option_words for option name of table t; NULL when there is none. */
static size_t option_words_row(const cli_opt *t, const char *name)
{
	size_t i = 0;
	for (; i < sizeof option_words / sizeof option_words[0]; i++)
		if (option_words[i].table == t && strcmp(option_words[i].option, name) == 0)
			break;
	return i;
}

const char *const *cli_opt_words(const cli_opt *t, const char *name)
{
	size_t i = option_words_row(t, name);
	if (i < sizeof option_words / sizeof option_words[0])
		return option_words[i].words;
	/* export's formats depend on the KIND: here every one (the completion asks by KIND) */
	if (t == cli_export_opts && strcmp(name, "format") == 0)
		return cli_export_formats(NULL);
	return NULL;
}

/* The words w as "a, b or c", each with what it means after it when gloss says. */
static const char *words_or(const char *const *w, const char *(*gloss)(const char *),
                            char *buf, size_t n)
{
	enum { MAX = 16 };
	char item[MAX][96];
	const char *q[MAX + 1];
	size_t k = 0;
	for (; w[k] && k < MAX; k++) {
		q[k] = w[k];
		const char *g = gloss ? gloss(w[k]) : NULL;
		if (!isalnum((unsigned char)w[k][0])) {
			/* TRANSLATORS: a value that is not a word, as in "';' or ','" */
			snprintf(item[k], sizeof item[k], _("'%s'"), w[k]);
			q[k] = item[k];
		} else if (g) {
			/* TRANSLATORS: a value typed as it is, then what it means, as in
			 * "in-use (w użyciu)" */
			snprintf(item[k], sizeof item[k], _("%s (%s)"), w[k], g);
			q[k] = item[k];
		}
	}
	q[k] = NULL;
	return list_join_or(q, buf, n);
}

const char *cli_words_or(const char *const *w, char *buf, size_t n)
{
	return words_or(w, NULL, buf, n);
}

void cli_opts_print(const cli_opt *t)
{
	const cli_opt *table = t;
	for (; t && t->name; t++) {
		if (!t->help)
			continue; /* printed with the row it is another name of */
		char names[256];
		int n = t->val < 128 && isalpha(t->val)
		        ? snprintf(names, sizeof names, "-%c, --%s", t->val, t->name)
		        : snprintf(names, sizeof names, "    --%s", t->name);
		for (const cli_opt *a = t + 1; a->name && !a->help && n < (int)sizeof names; a++)
			n += snprintf(names + n, sizeof names - (size_t)n, ", --%s", a->name);
		if (t->arg && n < (int)sizeof names)
			snprintf(names + n, sizeof names - (size_t)n, " %s", _(t->arg));
		const char *const *w = cli_opt_words(table, t->name);
		size_t row = option_words_row(table, t->name);
		const char *(*gloss)(const char *) =
		        row < sizeof option_words / sizeof option_words[0] ? option_words[row].gloss : NULL;
		char words[512], help[768];
		if (w) /* the help's %s: the words the option takes, with what they mean */
			snprintf(help, sizeof help, _(t->help), words_or(w, gloss, words, sizeof words));
		help_entry(names, w ? help : _(t->help));
	}
}

void cli_help_globals(void)
{
	safe_fputs(_("\nGlobal options (before or after the command):\n"), stdout, SAFE_MULTILINE);
	cli_opts_print(cli_global_opts);
}

const char *cli_late_config(int argc, const char *const *argv, int from)
{
	const char *path = NULL;
	for (int i = from; i < argc && argv[i] && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc && argv[i + 1])
			path = argv[++i];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			path = argv[i] + 9;
	}
	return path;
}

/* The row of t or of the global options that the long option word (its first len
 * characters, without "--") names, as getopt_long finds it: an exact name, else a
 * beginning that only one option has (another name of the same option is the same
 * one); NULL when none does, or several (*ambiguous then, when given). */
static const cli_opt *long_opt_named(const cli_opt *t, const char *word, size_t len,
                                     bool *ambiguous)
{
	const cli_opt *tables[] = { t, cli_global_opts }, *found = NULL;
	if (ambiguous)
		*ambiguous = false;
	for (int i = 0; i < 2; i++)
		for (const cli_opt *o = tables[i]; o && o->name; o++)
			if (strlen(o->name) == len && strncmp(o->name, word, len) == 0)
				return o;
	for (int i = 0; i < 2; i++)
		for (const cli_opt *o = tables[i]; o && o->name; o++) {
			if (strncmp(o->name, word, len) != 0)
				continue;
			if (found && (found->val != o->val || found->has_arg != o->has_arg)) {
				if (ambiguous)
					*ambiguous = true;
				return NULL;
			}
			found = o;
		}
	return found;
}

/* Whether the option word argv[i] (of table t) takes the next word as its value. */
static bool takes_next(const cli_opt *t, const char *w)
{
	if (w[0] != '-' || !w[1])
		return false;
	if (w[1] == '-') {
		size_t len = strcspn(w + 2, "=");
		const cli_opt *o = w[2 + len] ? NULL : long_opt_named(t, w + 2, len, NULL);
		return o && o->has_arg == required_argument;
	}
	/* Short options: the first that takes a value takes the rest of the word, or the
	 * next word when it ends the word. */
	for (const char *p = w + 1; *p; p++) {
		const cli_opt *o = t;
		while (o && o->name && o->val != (unsigned char)*p)
			o++;
		if (o && o->name && o->has_arg == required_argument)
			return !p[1];
	}
	return false;
}

bool cli_wants_help(const cli_opt *t, int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
		if (takes_next(t, argv[i]))
			i++;
	}
	return false;
}

int cli_getopt(cli_ctx *c, int argc, char **argv, const char *shortopts,
               const struct option *opts)
{
	int ch;
	while ((ch = getopt_long(argc, argv, shortopts, opts, NULL)) != -1) {
		switch (ch) {
		case CLI_GOPT_DB: c->db_opt = optarg; break;
		case CLI_GOPT_AS: c->as_opt = optarg; break;
		case CLI_GOPT_NO_COLOR: c->no_color = true; break;
		case CLI_GOPT_NO_HEADER: c->no_header = true; break;
		case CLI_GOPT_NO_MOUSE: c->no_mouse = true; break;
		case CLI_GOPT_CONFIG:
			c->config_opt = optarg;
			c->config_late = true;
			break;
		default: return ch;
		}
	}
	return -1;
}

/* Whether o is a row of the global options. */
static bool is_global(const cli_opt *o)
{
	for (const cli_opt *g = cli_global_opts; g->name; g++)
		if (o == g)
			return true;
	return false;
}

int cli_leading_globals(cli_ctx *c, int argc, char **argv)
{
	/* A beginning is taken as getopt_long would among the command's options too (those
	 * it reads here, before any subcommand), so that it means the same in both places. */
	const cli_opt *own = cli_options_of(argv[0], NULL);
	struct option opts[CLI_OPTS_MAX + 2], all[CLI_OPTS_MAX + 2];
	char shortopts[8];
	cli_opts_getopt(none, opts, shortopts, sizeof shortopts);
	int i = 1;
	while (i < argc && strncmp(argv[i], "--", 2) == 0 && argv[i][2]) {
		const char *word = argv[i] + 2;
		size_t len = strcspn(word, "=");
		bool ambiguous;
		const cli_opt *o = long_opt_named(own, word, len, &ambiguous);
		if (ambiguous) {
			cli_opts_getopt(own ? own : none, all, shortopts, sizeof shortopts);
			return cli_unknown_option(argv[0], argv[i], all), -1;
		}
		if (!o || !is_global(o) || (o->has_arg == no_argument && word[len]))
			break; /* the command's own (or a misuse its parser reports) */
		int n = o->has_arg == required_argument && !word[len] ? 2 : 1;
		if (n == 2 && i + 1 >= argc)
			return cli_usage(argv[0], _("option '%s' needs a value"), argv[i]), -1;
		/* getopt_long over just these words, so the values land as they do later. */
		char *words[4] = { argv[0], argv[i], n == 2 ? argv[i + 1] : NULL, NULL };
		optind = 0;
		if (cli_getopt(c, n + 1, words, "+:", opts) != -1)
			return cli_usage(argv[0], _("option '%s' needs a value"), argv[i]), -1;
		i += n;
	}
	optind = 0;
	return i - 1;
}

int cli_parse_opts(cli_ctx *c, const char *cmd, const cli_opt *t, int argc, char **argv,
                   const char **vals)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[64];
	cli_opts_getopt(t, opts, shortopts, sizeof shortopts);
	int ch;
	optind = 0;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		const cli_opt *r = t;
		while (r->name && r->val != ch)
			r++;
		if (r->name)
			vals[r - t] = optarg ? optarg : "";
		else if (ch == 'h')
			return CLI_PARSE_HELP;
		else if (ch == ':')
			return cli_usage(cmd, _("option '%s' needs a value"), argv[optind - 1]), -1;
		else
			return cli_unknown_option(cmd, argv[optind - 1], opts), -1;
	}
	return optind;
}

int cli_operands(cli_ctx *c, const char *cmd, int *argc, char ***argv)
{
	int first = cli_parse_opts(c, cmd, none, *argc, *argv, NULL);
	if (first < 0)
		return first;
	/* getopt_long moved the options before the operands: argv[0] goes after them (the
	 * words are kept, in their new order). */
	char *name = (*argv)[0];
	memmove(*argv, *argv + 1, (size_t)(first - 1) * sizeof **argv);
	(*argv)[first - 1] = name;
	*argc -= first - 1;
	*argv += first - 1;
	return 0;
}

int cli_no_opts(cli_ctx *c, const char *cmd, int argc, char **argv, const char *help,
                int *first)
{
	*first = cli_parse_opts(c, cmd, none, argc, argv, NULL);
	if (*first == CLI_PARSE_HELP)
		return cli_command_help(cli_find_command(cmd), help), EXIT_OK;
	return *first < 0 ? EXIT_USAGE : -1;
}

void cli_command_help_opts(const cli_command *cmd, const char *before,
                           const cli_subcommand *subs, const cli_opt *opts, const char *after)
{
	cli_command_usage(cmd);
	if (before && *before) {
		fputc('\n', stdout);
		safe_fputs(before, stdout, SAFE_MULTILINE);
	}
	if (subs && subs->name) {
		fputc('\n', stdout);
		cli_subs_print(subs);
	}
	if (opts && opts->name) {
		fputc('\n', stdout);
		cli_opts_print(opts);
	}
	if (after && *after) {
		fputc('\n', stdout);
		safe_fputs(after, stdout, SAFE_MULTILINE);
	}
	cli_help_globals();
}

void cli_command_help(const cli_command *cmd, const char *text)
{
	cli_command_help_opts(cmd, text, NULL, NULL, NULL);
}

/* Row t's names, its other names after a "|" ("cities|towns"), then (args) what
 * follows them, translated. */
static void sub_names(const cli_subcommand *t, bool args, char *names, size_t size)
{
	int n = snprintf(names, size, "%s", t->name);
	for (const cli_subcommand *a = t + 1; a->name && !a->help && n < (int)size; a++)
		n += snprintf(names + n, size - (size_t)n, "|%s", a->name);
	if (args && t->args && *t->args && n < (int)size)
		snprintf(names + n, size - (size_t)n, " %s", _(t->args));
}

void cli_subs_print(const cli_subcommand *t)
{
	for (; t && t->name; t++) {
		if (!t->help)
			continue;
		char names[256];
		sub_names(t, true, names, sizeof names);
		help_entry(names, _(t->help));
	}
}

const char *cli_subs_or(const cli_subcommand *t, bool args, char *buf, size_t n)
{
	enum { MAX = 24 };
	char item[MAX][128];
	const char *w[MAX + 1];
	size_t k = 0;
	for (; t && t->name && k < MAX; t++)
		if (t->help) {
			sub_names(t, args, item[k], sizeof item[k]);
			w[k] = item[k];
			k++;
		}
	w[k] = NULL;
	return list_join_or(w, buf, n);
}

const cli_subcommand *cli_sub_find(const cli_subcommand *t, const char *name)
{
	for (; t && t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

void cli_sub_suggest(const cli_subcommand *t, const char *word)
{
	size_t n = 0;
	while (t[n].name)
		n++;
	const char **cands = malloc((n + 1) * sizeof *cands);
	for (size_t i = 0; cands && i < n; i++)
		cands[i] = t[i].name;
	const char *near = cands ? suggest_nearest(word, cands, n) : NULL;
	if (near)
		safe_fprintf(stderr, _("Did you mean '%s'?\n"), near);
	free(cands);
}

int cli_sub_dispatch(cli_ctx *c, const char *cmd, const cli_subcommand *t, int argc,
                     char **argv)
{
	const cli_subcommand *s = cli_sub_find(t, argv[0]);
	if (!s) {
		cli_error(_("unknown subcommand '%s' of '%s'"), argv[0], cmd);
		cli_sub_suggest(t, argv[0]);
		safe_fprintf(stderr, _("Try 'empirie %s --help' for more information.\n"), cmd);
		return EXIT_USAGE;
	}
	/* Another name of the row above: the flags are the first name's. */
	while (!s->help && s > t)
		s--;
	c->sub = s;
	return s->run(c, argc, argv);
}
