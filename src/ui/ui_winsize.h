/* ui_winsize.h — the window's size, capped (ui_winsize.c). */
#ifndef EMPIRIE_UI_WINSIZE_H
#define EMPIRIE_UI_WINSIZE_H

#include <stdbool.h>

/* The largest area drawn. */
#define UI_MAX_COLS 500
#define UI_MAX_LINES 200

/* Before curses starts: LINES and COLUMNS set within the cap when the window (or the
 * environment) is larger; the person's own values come back once curses has started.
 * SIGWINCH must be the caller's by then: ncurses takes it only while nobody else has,
 * and its own handler would allocate the full size before the program could say no. */
void ui_winsize_cap_env(void);
/* Once curses has started: programs started from here (an external editor) see the
 * environment the person gave. */
void ui_winsize_restore_env(void);
/* After SIGWINCH: take the new size, capped (resizeterm queues KEY_RESIZE). */
void ui_winsize_apply(void);
/* Whether the window is larger than what is drawn. */
bool ui_winsize_clipped(void);

#endif
