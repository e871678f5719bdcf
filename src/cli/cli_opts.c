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
#include "i18n.h"
#include "text/safe.h"
#include "text/suggest.h"

/* Help columns: the names, then the text from this display column on (or on the next
 * line when the names are wider). */
enum { HELP_COL = 24 };

void cli_opts_getopt(const cli_opt *t, struct option *out, char *shortopts, size_t n_short)
{
	size_t k = 0, s = 0;
	bool help = false;
	if (n_short)
		shortopts[s++] = ':';
	for (; t && t->name && k < CLI_OPTS_MAX; t++) {
		out[k++] = (struct option){ t->name, t->has_arg, NULL, t->val };
		help = help || strcmp(t->name, "help") == 0;
		/* A letter as the value is the option's short form too (-n, --network). */
		if (t->val < 128 && isalpha(t->val) && s + 3 < n_short && !memchr(shortopts, t->val, s)) {
			shortopts[s++] = (char)t->val;
			if (t->has_arg == required_argument)
				shortopts[s++] = ':';
		}
	}
	if (!help) {
		out[k++] = (struct option){ "help", no_argument, NULL, 'h' };
		if (s + 2 < n_short)
			shortopts[s++] = 'h';
	}
	out[k] = (struct option){ NULL, 0, NULL, 0 };
	if (n_short)
		shortopts[s] = '\0';
}

/* The text of a help entry, its lines after the first indented to HELP_COL. */
static void help_text(const char *text, int at)
{
	if (at + 2 > HELP_COL) { /* at least two spaces before the text, or the next line */
		fputc('\n', stdout);
		at = 0;
	}
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		fprintf(stdout, "%*s", HELP_COL - at, "");
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		safe_fputs(line, stdout, 0);
		fputc('\n', stdout);
		p += len;
		p += *p == '\n';
		at = 0;
	}
}

/* One entry: the names column (already translated parts), then the help. */
static void help_entry(const char *names, const char *help)
{
	char full[300];
	snprintf(full, sizeof full, "  %s", names);
	safe_fputs(full, stdout, 0);
	help_text(help, safe_width(full));
}

void cli_opts_print(const cli_opt *t)
{
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
		help_entry(names, _(t->help));
	}
}

void cli_command_help_opts(const cli_command *cmd, const char *before, const cli_opt *opts,
                           const char *after)
{
	if (cmd)
		cli_command_help(cmd, before);
	if (opts && opts->name) {
		fputc('\n', stdout);
		cli_opts_print(opts);
	}
	if (after && *after) {
		fputc('\n', stdout);
		safe_fputs(after, stdout, SAFE_MULTILINE);
	}
}

void cli_subs_print(const cli_subcommand *t)
{
	for (; t && t->name; t++) {
		if (!t->help)
			continue;
		char names[256];
		int n = snprintf(names, sizeof names, "%s", t->name);
		for (const cli_subcommand *a = t + 1; a->name && !a->help && n < (int)sizeof names; a++)
			n += snprintf(names + n, sizeof names - (size_t)n, "|%s", a->name);
		if (t->args && *t->args && n < (int)sizeof names)
			snprintf(names + n, sizeof names - (size_t)n, " %s", _(t->args));
		help_entry(names, _(t->help));
	}
}

const cli_subcommand *cli_sub_find(const cli_subcommand *t, const char *name)
{
	for (; t && t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

int cli_sub_dispatch(cli_ctx *c, const char *cmd, const cli_subcommand *t, int argc,
                     char **argv)
{
	const cli_subcommand *s = cli_sub_find(t, argv[0]);
	if (!s) {
		const char *cands[64];
		size_t n = 0;
		for (const cli_subcommand *r = t; r->name && n < 64; r++)
			cands[n++] = r->name;
		cli_error(_("unknown subcommand '%s' of '%s'"), argv[0], cmd);
		const char *near = suggest_nearest(argv[0], cands, n);
		if (near)
			safe_fprintf(stderr, _("Did you mean '%s'?\n"), near);
		safe_fprintf(stderr, _("Try 'empirie %s --help' for more information.\n"), cmd);
		return EXIT_USAGE;
	}
	/* Another name of the row above: the flags are the first name's. */
	while (!s->help && s > t)
		s--;
	c->sub = s;
	return s->run(c, argc, argv);
}
