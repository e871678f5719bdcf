/* ui_find.h — find in the text being read (cards, help, the reader): the find line
 * typed after /, the terms looked for (any form of the words, search.h) and the marks
 * drawn on the matches. The screens walk their own text; this holds the rest. */
#ifndef EMPIRIE_UI_FIND_H
#define EMPIRIE_UI_FIND_H

#include <stdbool.h>
#include <wchar.h>

#include "ui/ui_editor.h"
#include "ui/ui_screen.h"

typedef struct {
	bool typing;       /* the find line is being typed */
	ed_buf in;         /* what is typed */
	char *terms;       /* search_find_terms of it; NULL: no find is on */
	char *marks;       /* the words and their lemmas, as beginnings of words */
} ui_find;

enum { UI_FIND_TYPING, UI_FIND_DONE, UI_FIND_CANCELLED };
/* While typing: whether the key is not for the line but for the program, and the line
 * closes (F10: the key bar says "Quit" there too). The caller then returns
 * UI_R_UNHANDLED so that the command runs. */
bool ui_find_lets_through(ui_find *f, ui_cmd_id cmd, int key);

/* / was pressed: start typing a new find line. */
void ui_find_begin(ui_find *f);
/* A bracketed paste while typing: text for the find line (one line). */
void ui_find_paste(ui_find *f, const wchar_t *text, size_t n);
/* A key while typing; UI_FIND_DONE when Enter set the terms (NULL for an empty line). */
int ui_find_key(ui_find *f, ui_ctx *c, int key);
/* Whether the text (UTF-8 or wide) holds a match of the terms. */
bool ui_find_hit(const ui_find *f, ui_ctx *c, const char *utf8);
bool ui_find_hit_w(const ui_find *f, ui_ctx *c, const wchar_t *s, size_t n);
/* Draw wide text at (y, x) in at most cols columns, the matches marked. */
void ui_find_putw(const ui_find *f, int y, int x, const wchar_t *s, size_t n, int cols);
/* Draw the find line on row y of r (while typing) and put the cursor in it. */
void ui_find_draw(const ui_find *f, ui_screen *base, ui_rect r);
/* What was typed (free it); never NULL on success. */
char *ui_find_typed(const ui_find *f);
/* End the find: no terms, no marks. */
void ui_find_end(ui_find *f);
void ui_find_free(ui_find *f);

#endif
