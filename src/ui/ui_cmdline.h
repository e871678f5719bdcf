/* ui_cmdline.h — the `:` command line (as in mutt, tig, mc, newsboat): a command of the
 * command table by its name (the names `bind` uses), with arguments for some
 * (jump-network N, towns NAME), the settings (bind, color, theme, mouse) and help NAME.
 * Tab completes command names and arguments (networks, towns, screens, colours…); Up and
 * Down walk the lines typed before. Keys come from ui_input like every other line. */
#ifndef EMPIRIE_UI_CMDLINE_H
#define EMPIRIE_UI_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "ui/ui_editor.h"
#include "ui/ui_prefs.h"
#include "ui/ui_screen.h"

#define UI_CMDLINE_MAX 400  /* characters a line holds */
#define UI_CMDLINE_HISTORY 50

typedef struct {
	bool typing;
	ed_buf in;
	char *history[UI_CMDLINE_HISTORY];
	size_t n_history;
	size_t at;          /* where Up/Down are in the history (n_history: the new line) */
	char **cands;       /* the candidates of the last Tab, cycled by the next Tabs */
	size_t n_cands, cand_at;
	size_t cand_from;   /* where the completed word starts in the line */
} ui_cmdline;

/* : was pressed. */
void ui_cmdline_begin(ui_cmdline *l);
/* A key while typing; the reactions for the main loop. Enter runs the line. */
unsigned ui_cmdline_key(ui_cmdline *l, ui_ctx *c, int key);
/* A bracketed paste while typing: text for the line (one line, cut to the maximum). */
void ui_cmdline_paste(ui_cmdline *l, const wchar_t *text, size_t n);
/* Draw the line on row y (the status line); the cursor's column in *cur_x. */
void ui_cmdline_draw(const ui_cmdline *l, int y, int *cur_x);
/* Run one line as if typed (also for tests of the table's names). */
unsigned ui_cmdline_run(ui_ctx *c, const char *line);
void ui_cmdline_free(ui_cmdline *l);

/* The candidates for completing the text before the cursor (newly allocated array of
 * new strings, *from: the byte where the completed part starts). Without a terminal, for
 * the unit test. */
char **ui_cmdline_complete(ui_ctx *c, const char *before, size_t *n, size_t *from);

#endif
