/* ui_winsize.c — the window's size, capped: curses keeps three copies of every cell
 * (about 80 bytes per cell in all), so a client window of 2000×2000 would cost one
 * session 330 MB. A larger window gets UI_MAX_COLS × UI_MAX_LINES, in its top left
 * corner, and a notice. */
#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ui/ui_screen.h"
#include "ui/ui_winsize.h"

static bool clipped; /* the window is larger than drawn */

bool ui_winsize_clipped(void)
{
	return clipped;
}

/* The window's size, as large as it is drawn: false when it cannot be known. */
static bool window_size(int *lines, int *cols)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
		return false;
	clipped = ws.ws_row > UI_MAX_LINES || ws.ws_col > UI_MAX_COLS;
	*lines = ws.ws_row > UI_MAX_LINES ? UI_MAX_LINES : ws.ws_row;
	*cols = ws.ws_col > UI_MAX_COLS ? UI_MAX_COLS : ws.ws_col;
	return true;
}

/* Before curses starts: it must never size itself from the window (nor from LINES and
 * COLUMNS in the environment) beyond the cap. */
static char *saved_env[2];
static bool env_changed[2];
static const char *const size_envs[] = { "LINES", "COLUMNS" };

static void set_size_env(int i, int value)
{
	char num[16];
	if (!env_changed[i]) {
		const char *v = getenv(size_envs[i]);
		saved_env[i] = v ? strdup(v) : NULL;
		env_changed[i] = true;
	}
	snprintf(num, sizeof num, "%d", value);
	setenv(size_envs[i], num, 1);
}

/* Once curses has started: programs started from here (an external editor) see the
 * environment the person gave. */
void ui_winsize_restore_env(void)
{
	for (int i = 0; i < 2; i++) {
		if (!env_changed[i])
			continue;
		if (saved_env[i])
			setenv(size_envs[i], saved_env[i], 1);
		else
			unsetenv(size_envs[i]);
		free(saved_env[i]);
		saved_env[i] = NULL;
		env_changed[i] = false;
	}
}

void ui_winsize_cap_env(void)
{
	int lines, cols;
	if (window_size(&lines, &cols) && clipped) {
		set_size_env(0, lines);
		set_size_env(1, cols);
	}
	const int caps[] = { UI_MAX_LINES, UI_MAX_COLS };
	for (int i = 0; i < 2; i++) {
		const char *v = getenv(size_envs[i]);
		if (v && (strlen(v) > 5 || atoi(v) > caps[i]))
			set_size_env(i, caps[i]);
	}
}

void ui_resume_curses(void)
{
	/* curses reads the window's size again when it comes back from endwin; LINES and
	 * COLUMNS, which it prefers, keep that within the cap too. */
	int lines, cols;
	if (window_size(&lines, &cols) && clipped) {
		set_size_env(0, lines);
		set_size_env(1, cols);
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	ui_winsize_restore_env();
}

/* After SIGWINCH: take the new size, capped. resizeterm queues KEY_RESIZE, which the
 * main loop handles as for any resize. */
void ui_winsize_apply(void)
{
	int lines, cols;
	clearok(curscr, TRUE); /* redraw all: the part beyond the cap may hold old output */
	if (window_size(&lines, &cols) && (lines != LINES || cols != COLS))
		resizeterm(lines, cols);
}
