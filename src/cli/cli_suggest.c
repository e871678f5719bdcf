/* cli_suggest.c — "did you mean" for an unknown command or option: the nearest known
 * one by edit distance (text/suggest.h). */
#include "config.h"

#include <getopt.h>
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
	const char *cands[64];
	size_t n = cli_command_names(cands, sizeof cands / sizeof cands[0]);
	cli_error(_("unknown command '%s'"), name);
	suggest_line(name, cands, n);
	safe_fprintf(stderr, _("Try 'empirie --help' for more information.\n"));
	return EXIT_USAGE;
}

int cli_unknown_option(const char *cmd, const char *arg, const struct option *opts)
{
	char typed[128], names[64][48];
	const char *cands[64];
	size_t n = 0;
	snprintf(typed, sizeof typed, "%s", arg);
	typed[strcspn(typed, "=")] = '\0'; /* --netowrk=4 */
	for (size_t i = 0; opts && opts[i].name && n < 64; i++)
		snprintf(names[n], sizeof names[n], "--%s", opts[i].name), n++;
	/* Commands that read their options by hand list them in their usage line. */
	const cli_command *c = cmd ? cli_find_command(cmd) : NULL;
	for (const char *p = c ? c->args : ""; (p = strstr(p, "--")) && n < 64;) {
		size_t k = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz-");
		snprintf(names[n], sizeof names[n], "--%.*s", (int)k, p + 2), n++;
		p += 2 + k;
	}
	if (n < 64)
		snprintf(names[n], sizeof names[n], "--help"), n++;
	for (size_t i = 0; i < n; i++)
		cands[i] = names[i];
	cli_error(_("unknown option '%s'"), arg);
	if (typed[0] == '-' && typed[1] == '-')
		suggest_line(typed, cands, n);
	if (cmd)
		safe_fprintf(stderr, _("Try 'empirie %s --help' for more information.\n"), cmd);
	else
		safe_fprintf(stderr, _("Try 'empirie --help' for more information.\n"));
	return EXIT_USAGE;
}
