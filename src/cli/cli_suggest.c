/* cli_suggest.c — "did you mean" for an unknown command or option: the nearest known
 * one by edit distance (text/suggest.h). */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "i18n.h"
#include "text/safe.h"
#include "text/suggest.h"

static void suggest_line(const char *typed, const char *const *cands, size_t n)
{
	const char *near = suggest_nearest(typed, cands, n);
	if (near)
		safe_fprintf(stderr, _("Did you mean '%s'?\n"), near);
}

int cli_unknown_command(const char *name)
{
	size_t n = 0;
	while (cli_command_at(n))
		n++;
	const char **cands = malloc((n + 1) * sizeof *cands);
	if (cands)
		n = cli_command_names(cands, n);
	cli_error(_("unknown command '%s'"), name);
	if (cands)
		suggest_line(name, cands, n);
	free(cands);
	safe_fprintf(stderr, _("Try 'empirie --help' for more information.\n"));
	return EXIT_USAGE;
}

/* When the long option typed (its name up to any '=') begins the names of several
 * options of opts (two names of one option count once, as getopt_long counts them),
 * "option '--no' is ambiguous: it could be '--no-color', '--no-header'" on stderr. */
static bool ambiguous(const char *arg, const struct option *opts)
{
	if (strncmp(arg, "--", 2) != 0 || !opts)
		return false;
	size_t len = strcspn(arg + 2, "=");
	if (len == 0)
		return false; /* "--=x" names no option at all */
	/* A name typed whole is that option, whatever else it begins (getopt_long): what is
	 * wrong is elsewhere (a value given to an option that takes none). */
	for (size_t i = 0; opts[i].name; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, arg + 2, len) == 0)
			return false;
	char list[1024] = "";
	size_t used = 0, found = 0;
	for (size_t i = 0; opts[i].name; i++) {
		if (strncmp(opts[i].name, arg + 2, len) != 0)
			continue;
		size_t j = 0;
		while (j < i && !(strncmp(opts[j].name, arg + 2, len) == 0 &&
		                  opts[j].val == opts[i].val && opts[j].has_arg == opts[i].has_arg))
			j++;
		if (j < i)
			continue; /* another name of one listed */
		found++;
		char item[96];
		snprintf(item, sizeof item, _("'--%s'"), opts[i].name);
		if (used + strlen(item) + 3 < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
			                         found > 1 ? ", " : "", item);
	}
	if (found < 2)
		return false;
	cli_error(_("option '%.*s' is ambiguous: it could be %s"), (int)len + 2, arg, list);
	return true;
}

/* "unknown option", with the nearest known one when one is near. */
static void unknown(const char *arg, const struct option *opts)
{
	/* The known names as "--name", as many as the table has, none cut short. */
	size_t n = 0;
	while (opts && opts[n].name)
		n++;
	char **names = calloc(n + 1, sizeof *names);
	char *typed = strdup(arg);
	size_t k = 0;
	for (size_t i = 0; names && i < n; i++) {
		size_t len = strlen(opts[i].name) + 3;
		if ((names[k] = malloc(len)))
			snprintf(names[k++], len, "--%s", opts[i].name);
	}
	cli_error(_("unknown option '%s'"), arg);
	if (typed && names && typed[0] == '-' && typed[1] == '-') {
		typed[strcspn(typed, "=")] = '\0'; /* --netowrk=4 */
		suggest_line(typed, (const char *const *)names, k);
	}
	for (size_t i = 0; i < k; i++)
		free(names[i]);
	free(names);
	free(typed);
}

int cli_unknown_option(const char *cmd, const char *arg, const struct option *opts)
{
	if (!ambiguous(arg, opts))
		unknown(arg, opts);
	if (cmd)
		safe_fprintf(stderr, _("Try 'empirie %s --help' for more information.\n"), cmd);
	else
		safe_fprintf(stderr, _("Try 'empirie --help' for more information.\n"));
	return EXIT_USAGE;
}
