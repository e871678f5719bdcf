/* ui_pick.h — a choice from a short list, in a box over the screen below (a curses
 * panel): the filters of the practice and meeting lists. */
#ifndef EMPIRIE_UI_PICK_H
#define EMPIRIE_UI_PICK_H

#include <stddef.h>

#include "ui/ui_screen.h"

/* Called with the chosen index; returns the reactions for the main loop (it may set
 * c->push and return UI_R_PUSH to open another screen). */
typedef unsigned (*ui_pick_done)(ui_ctx *c, void *arg, size_t index);

/* labels: n UTF-8 strings (copied); sel: the row selected at first. Enter chooses,
 * Esc closes without a choice; typing moves to the row starting with what is typed. */
ui_screen *ui_pick_new(ui_ctx *c, const char *title, const char *const *labels, size_t n,
                       size_t sel, ui_pick_done done, void *arg);

#endif
