/* main.c — set up the locale and the message catalogue, then hand over to the CLI. */
#include "config.h"

#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/locale_setup.h"

int main(int argc, char **argv)
{
	bool restricted = false;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		restricted = restricted || strcmp(argv[i], "--restricted") == 0;
	locale_setup(restricted);
	/* Past a file size limit (ulimit -f) a write must fail and be reported like a full
	 * disk, not kill the program without a word in the middle of a change. */
	signal(SIGXFSZ, SIG_IGN);
	/* Arguments typed in a Latin-2 or CP1250 terminal become UTF-8, the only encoding
	 * the store and the rest of the program know. */
	for (int i = 1; i < argc; i++) {
		char *u = locale_to_utf8(argv[i], strlen(argv[i]));
		if (u)
			argv[i] = u; /* lives as long as the process */
	}
	return cli_main(argc, argv);
}
