/* ui_app.c — placeholder until the TUI lands. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "i18n.h"
#include "text/safe.h"
#include "ui/ui.h"

int ui_run(db *d, account *me, const ui_options *opt)
{
	(void)d, (void)me, (void)opt;
	initscr();
	noecho();
	cbreak();
	wchar_t *w = safe_wcs(_("empirie — press q to quit"), (size_t)-1, 0);
	if (w)
		mvaddwstr(0, 0, w);
	free(w);
	refresh();
	while (getch() != 'q')
		;
	endwin();
	return 0;
}
