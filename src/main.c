/* main.c — set up the locale and the message catalog, then hand over to the CLI. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "i18n.h"
#include "text/safe.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	safe_init();
#if ENABLE_NLS
	/* Tests point this at the catalog in the build tree. */
	const char *dir = getenv("EMPIRIE_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	/* Messages come out as UTF-8; the safe output path converts them for the terminal. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	return cli_main(argc, argv);
}
