/* ui_chrome.h — the title line and the status line of the application (ui_app.c
 * draws them around the top screen). */
#ifndef EMPIRIE_UI_CHROME_H
#define EMPIRIE_UI_CHROME_H

#include <stdint.h>

#include "ui/ui_cmdline.h"
#include "ui/ui_screen.h"

/* The title: the breadcrumb of the open screens, who you are, the requests waiting and
 * the unread posts; online_count (coordinators and administrators: the open sessions)
 * when it is not -1 and the line has room. */
void ui_draw_title(ui_ctx *c, int64_t online_count);
/* The status line: the : command line while typed, else a prompt, else the message
 * (wrapping over the rows above), else, for a window larger than drawn (clipped_cols
 * not 0), how much of it is used. */
void ui_draw_status(ui_ctx *c, ui_cmdline *cmdline, int clipped_cols, int clipped_lines);

#endif
