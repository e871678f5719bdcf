/* cli_complete.c — the hidden `empirie complete CWORD WORD...` behind the shell completion
 * (completion/empirie.bash): given the words of a command line and the index of the one
 * being completed, prints "words" and the candidates one per line, or "files" when the
 * shell should complete file names. Command names, global options, each command's
 * options and subcommands come from the tables its parser and --help use (cli.c's
 * cli_options_of(), cli_subcommands_of()), an option's fixed set of values from the table
 * its command's check reads (cli_opt_words(), cli_export_formats()); what other values
 * and operands are is said here (tests/cli/complete.sh and cmdtables.sh check them). Network numbers and
 * town names come from the database, opened read-only (never created for a completion). */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_priv.h"
#include "core/directory.h"
#include "core/meeting.h"
#include "i18n.h"
#include "text/plfold.h"
#include "text/safe.h"

typedef enum { ARG_NONE, ARG_WORDS, ARG_NETWORK, ARG_TOWN, ARG_FILE, ARG_VALUE } arg_kind;

typedef struct {
	const char *name;   /* without the leading "--" */
	arg_kind arg;
	const char *const *values; /* ARG_WORDS: the choices, NULL at the end */
} copt;

/* An operand after the command: at `pos` (0 = the first operand), when the first operand
 * is `sub` (NULL: whatever it is). */
typedef struct {
	const char *command, *sub;
	int pos;
	arg_kind arg;
	const char *const *values; /* ARG_WORDS: the choices, NULL at the end */
} coperand;

/* What an option's value is, where it is more than some text: by the option's name
 * (in every command); one of a fixed set of words, the table its command's check reads
 * (cli_opt_words()); a meeting's by its field's kind (meeting_value_kind()). The options
 * themselves are the commands' tables (cli_options_of()), the ones their parsers read
 * and their --help lists. */
static const struct {
	const char *option;
	arg_kind arg;
} value_kinds[] = {
	{ "network", ARG_NETWORK }, { "town", ARG_TOWN }, { "city", ARG_TOWN },
};

static const coperand operands[] = {
	{ "show", "network", 1, ARG_NETWORK, NULL },
	{ "show", "city", 1, ARG_TOWN, NULL },
	{ "import", NULL, 1, ARG_FILE, NULL },
	{ "snapshot", NULL, 0, ARG_FILE, NULL },
	{ "backup", NULL, 0, ARG_FILE, NULL },
	{ "restore", NULL, 0, ARG_FILE, NULL },
	{ "sync", "export", 1, ARG_FILE, NULL },
	{ "sync", "apply", 1, ARG_FILE, NULL },
	{ "admin", "set-role", 2, ARG_WORDS, role_keys },
	{ "admin", "member", 2, ARG_NETWORK, NULL },
	{ "admin", "member", 3, ARG_TOWN, NULL },
	{ "admin", "add-key", 2, ARG_FILE, NULL },
};

/* A meeting option's value by its field's kind (meeting_fields.h): the network and the
 * host town are completed. */
static arg_kind meeting_value_kind(const char *option)
{
	for (int i = 0; i < MEETING_NFIELDS; i++) {
		const meeting_field_info *f = &meeting_field_list[i];
		if (f->opt >= 0 && strcmp(f->option, option) == 0)
			return f->kind == MK_NET ? ARG_NETWORK : f->kind == MK_HOST ? ARG_TOWN : ARG_VALUE;
	}
	return ARG_VALUE;
}

/* The options (for --help: NULL) of a command, or of its subcommand `sub`, from its
 * table, with what their values are. */
static const copt *options_of(const char *command, const char *sub)
{
	static copt out[CLI_OPTS_MAX + 1];
	const cli_opt *t = cli_options_of(command, sub), *table = t;
	if (!t)
		return NULL;
	size_t n = 0;
	for (; t->name && n < CLI_OPTS_MAX; t++) {
		copt o = { t->name, t->has_arg == no_argument ? ARG_NONE : ARG_VALUE, NULL };
		if (o.arg != ARG_NONE && strcmp(command, "meeting") == 0)
			o.arg = meeting_value_kind(t->name);
		for (size_t k = 0; o.arg != ARG_NONE && k < sizeof value_kinds / sizeof value_kinds[0];
		     k++)
			if (strcmp(value_kinds[k].option, t->name) == 0)
				o.arg = value_kinds[k].arg;
		if (o.arg != ARG_NONE && (o.values = cli_opt_words(table, t->name)))
			o.arg = ARG_WORDS;
		/* export's formats by KIND, from the table its check reads. */
		if (strcmp(command, "export") == 0 && strcmp(t->name, "format") == 0)
			o.values = cli_export_formats(sub && cli_sub_find(cli_export_kinds, sub) ? sub
			                                                                         : NULL);
		out[n++] = o;
	}
	out[n] = (copt){ NULL, ARG_NONE, NULL };
	return out;
}

static const copt *find_opt(const copt *opts, const char *word)
{
	if (!opts || strncmp(word, "--", 2) != 0)
		return NULL;
	for (const copt *o = opts; o->name; o++)
		if (strcmp(o->name, word + 2) == 0)
			return o;
	return NULL;
}

static void candidate(const char *prefix, const char *s)
{
	if (prefix)
		safe_fputs(prefix, stdout, 0);
	safe_fputs(s, stdout, 0);
	fputc('\n', stdout);
}

/* Each of the words that starts with cur. */
static void words(const char *const *values, const char *cur, const char *prefix)
{
	size_t n = strlen(cur);
	for (size_t i = 0; values && values[i]; i++)
		if (strncmp(values[i], cur, n) == 0)
			candidate(prefix, values[i]);
}

static void networks(cli_ctx *c, const char *cur, const char *prefix)
{
	if (cli_open(c) != EXIT_OK)
		return;
	network_list l;
	error e;
	if (directory_networks(c->d, &c->me, &l, &e) != ST_OK)
		return;
	size_t n = strlen(cur);
	for (size_t i = 0; i < l.n; i++) {
		char num[24];
		snprintf(num, sizeof num, "%d", l.items[i].number);
		if (strncmp(num, cur, n) == 0)
			candidate(prefix, num);
	}
	network_list_free(&l);
}

/* Towns whose name starts with cur; when none does, those whose name starts with it with
 * case and Polish letters ignored ("lodz" offers "Łódź"). */
static void towns(cli_ctx *c, const char *cur, const char *prefix)
{
	if (cli_open(c) != EXIT_OK)
		return;
	city_list l;
	error e;
	if (directory_cities(c->d, &c->me, 0, 0, SIZE_MAX, &l, NULL, &e) != ST_OK)
		return;
	size_t n = strlen(cur), found = 0;
	for (size_t i = 0; i < l.n; i++)
		if (strncmp(l.items[i].name, cur, n) == 0) {
			candidate(prefix, l.items[i].name);
			found++;
		}
	char *fcur = found ? NULL : pl_fold(cur, n);
	size_t fn = fcur ? strlen(fcur) : 0;
	for (size_t i = 0; fcur && i < l.n; i++) {
		char *f = pl_fold(l.items[i].name, strlen(l.items[i].name));
		if (f && strncmp(f, fcur, fn) == 0)
			candidate(prefix, l.items[i].name);
		free(f);
	}
	free(fcur);
	city_list_free(&l);
}

/* The value of an option or operand of that kind; prefix goes before each candidate
 * ("--network=" when the value is typed in the option's own word). */
static void value(cli_ctx *c, arg_kind kind, const char *const *values, const char *cur,
                  const char *prefix)
{
	switch (kind) {
	case ARG_FILE:
		if (!prefix)
			puts("files");
		else
			puts("words");
		return;
	case ARG_WORDS: puts("words"); words(values, cur, prefix); return;
	case ARG_NETWORK: puts("words"); networks(c, cur, prefix); return;
	case ARG_TOWN: puts("words"); towns(c, cur, prefix); return;
	case ARG_NONE:
	case ARG_VALUE: puts("words"); return;
	}
}

/* The global options, from the table cli_main() parses them with; after the command
 * (`after`) without the program's own (--restricted, --help, --version). */
static const copt *globals(bool after)
{
	static copt before_cmd[CLI_OPTS_MAX + 2], after_cmd[CLI_OPTS_MAX + 2];
	if (!before_cmd[0].name) {
		size_t nb = 0, na = 0;
		for (const struct option *g = cli_global_options(); g->name && nb <= CLI_OPTS_MAX; g++) {
			bool file = strcmp(g->name, "db") == 0 || strcmp(g->name, "config") == 0;
			copt o = { g->name, g->has_arg == no_argument ? ARG_NONE : file ? ARG_FILE
			                                                                : ARG_VALUE, NULL };
			before_cmd[nb++] = o;
			if (g->val >= CLI_GOPT_DB)
				after_cmd[na++] = o;
		}
	}
	return after ? after_cmd : before_cmd;
}

/* An option of a command's list, or a global one after the command. */
static const copt *find_opt_or_global(const copt *opts, const char *word)
{
	const copt *o = find_opt(opts, word);
	return o ? o : find_opt(globals(true), word);
}

/* The options of the list that start with cur (each as --name), and --help; after a
 * command, the global options too. */
static void options(const copt *opts, const char *cur, bool after_command)
{
	puts("words");
	size_t n = strlen(cur);
	for (int pass = 0; pass < 1 + after_command; pass++)
		for (const copt *o = pass ? globals(true) : opts; o && o->name; o++) {
			char w[64];
			snprintf(w, sizeof w, "--%s", o->name);
			if (strncmp(w, cur, n) == 0)
				candidate(NULL, w);
		}
	if (!find_opt(opts, "--help") && strncmp("--help", cur, n) == 0)
		candidate(NULL, "--help");
}

/* "--name=VALUE" being typed: complete VALUE after "--name=". */
static bool option_with_value(cli_ctx *c, const copt *opts, const char *cur)
{
	const char *eq = strchr(cur, '=');
	if (!eq || strncmp(cur, "--", 2) != 0)
		return false;
	char name[64];
	snprintf(name, sizeof name, "%.*s", (int)(eq - cur), cur);
	const copt *o = find_opt(opts, name);
	if (!o && opts != globals(false))
		o = find_opt(globals(true), name);
	if (!o || o->arg == ARG_NONE)
		return false;
	snprintf(name, sizeof name, "%.*s", (int)(eq - cur + 1), cur);
	value(c, o->arg, o->values, eq + 1, name);
	return true;
}

/* What follows the command w[i]: its options, their values, its subcommands and
 * operands. */
static int complete_command(cli_ctx *c, char **w, int i, int cword, const char *cur)
{
	const char *command = w[i];
	if (!cli_find_command(command)) {
		puts("words");
		return EXIT_OK;
	}
	/* The operands typed so far (options and their values left out). */
	const char *sub = NULL;
	int pos = 0;
	const copt *opts = options_of(command, NULL);
	for (int k = i + 1; k < cword; k++) {
		const copt *o = find_opt_or_global(opts, w[k]);
		if (strncmp(w[k], "--db=", 5) == 0)
			c->db_opt = w[k] + 5;
		if (o && o->arg != ARG_NONE) {
			if (k + 1 == cword) {
				value(c, o->arg, o->values, cur, NULL);
				return EXIT_OK;
			}
			if (strcmp(o->name, "db") == 0)
				c->db_opt = w[k + 1];
			k++;
			continue;
		}
		if (w[k][0] == '-' && w[k][1])
			continue;
		if (pos++ == 0) {
			sub = w[k];
			opts = options_of(command, sub);
		}
	}
	if (option_with_value(c, opts, cur))
		return EXIT_OK;
	if (cur[0] == '-') {
		options(opts, cur, true);
		return EXIT_OK;
	}
	/* The first operand of a command with a table of subcommands: its names. */
	const cli_subcommand *subs = cli_subcommands_of(command);
	if (subs && pos == 0) {
		puts("words");
		for (; subs->name; subs++)
			if (strncmp(subs->name, cur, strlen(cur)) == 0)
				candidate(NULL, subs->name);
		return EXIT_OK;
	}
	/* The operand after a subcommand with a table of its own (admin member): its names. */
	char nested[64];
	snprintf(nested, sizeof nested, "%s %s", command, sub ? sub : "");
	subs = sub && pos == 1 ? cli_subcommands_of(nested) : NULL;
	if (subs) {
		puts("words");
		for (; subs->name; subs++)
			if (strncmp(subs->name, cur, strlen(cur)) == 0)
				candidate(NULL, subs->name);
		return EXIT_OK;
	}
	for (size_t k = 0; k < sizeof operands / sizeof operands[0]; k++) {
		const coperand *p = &operands[k];
		if (strcmp(p->command, command) == 0 && p->pos == pos &&
		    (!p->sub || (sub && strcmp(p->sub, sub) == 0))) {
			value(c, p->arg, p->values, cur, NULL);
			return EXIT_OK;
		}
	}
	puts("words");
	return EXIT_OK;
}

int cli_complete(cli_ctx *c, int argc, char **argv)
{
	/* argv: "complete", CWORD, then the words of the line (the program's name first). */
	if (argc < 3)
		return cli_usage(NULL, _("complete needs the index of the word to complete and the "
		                         "words of the command line"));
	long long cw = cli_parse_id(argv[1]);
	int nwords = argc - 2;
	char **w = argv + 2;
	if (strcmp(argv[1], "0") == 0 || cw < 0 || cw > nwords)
		return cli_usage(NULL, _("complete: '%s' is not the index of a word of the line"),
		                 argv[1]);
	int cword = (int)cw;
	const char *cur = cword < nwords ? w[cword] : "";
	c->open_readonly = true;
	const copt *global = globals(false);

	/* Global options before the command; --db also chooses the database for towns. */
	int i = 1;
	while (i < cword && w[i][0] == '-') {
		const copt *o = find_opt(global, w[i]);
		if (strncmp(w[i], "--db=", 5) == 0)
			c->db_opt = w[i] + 5;
		if (o && o->arg != ARG_NONE) {
			if (i + 1 == cword) {
				value(c, o->arg, o->values, cur, NULL);
				return EXIT_OK;
			}
			if (strcmp(o->name, "db") == 0)
				c->db_opt = w[i + 1];
			i += 2;
		} else {
			i++;
		}
	}
	if (i == cword) {
		if (option_with_value(c, global, cur))
			return EXIT_OK;
		if (cur[0] == '-') {
			options(global, cur, false);
			return EXIT_OK;
		}
		puts("words");
		const char *names[64];
		size_t n = cli_command_names(names, sizeof names / sizeof names[0]);
		for (size_t k = 0; k < n; k++)
			if (strncmp(names[k], cur, strlen(cur)) == 0)
				candidate(NULL, names[k]);
		return EXIT_OK;
	}
	return complete_command(c, w, i, cword, cur);
}
