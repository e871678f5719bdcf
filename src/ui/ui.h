/* ui.h — the full-screen application. */
#ifndef EMPIRIE_UI_UI_H
#define EMPIRIE_UI_UI_H

#include <stdbool.h>

#include "core/account.h"
#include "core/db.h"

typedef struct {
	bool no_color;
	bool restricted;
	bool no_mouse; /* leave the mouse to the terminal (its own selection) */
	int session_timeout; /* who is here: s until a silent session is gone (0: default) */
} ui_options;

/* Run the TUI until the person quits; returns the exit status. */
int ui_run(db *d, account *me, const ui_options *opt);

#endif
