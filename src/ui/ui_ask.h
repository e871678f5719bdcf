/* ui_ask.h — one line of text asked for in a box over the screen below (a curses
 * panel, as ui_pick's): the question on the box's top, the line prefilled with what
 * is stored, Enter takes it, Esc leaves it as it was. */
#ifndef EMPIRIE_UI_ASK_H
#define EMPIRIE_UI_ASK_H

#include <stddef.h>

#include "ui/ui_screen.h"

/* Called once the box closes: with the line (UTF-8) on Enter, NULL on Esc. Returns
 * the reactions for the main loop (it may set c->push and return UI_R_PUSH). */
typedef unsigned (*ui_ask_done)(ui_ctx *c, void *arg, const char *text);

/* title: the question; hint: the line under the field (what Enter and Esc do); text:
 * the line to start from (a newline in it becomes a space); max: characters the line
 * holds. */
ui_screen *ui_ask_new(ui_ctx *c, const char *title, const char *hint, const char *text,
                      size_t max, ui_ask_done done, void *arg);

#endif
