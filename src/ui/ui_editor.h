/* ui_editor.h — the built-in multi-line UTF-8 editor (new thread, reply, quote, edit). */
#ifndef EMPIRIE_UI_EDITOR_H
#define EMPIRIE_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "ui/ui_screen.h"

/* The text being edited: an array of wide-character lines. Kept apart from the screen
 * so it can be tested without a terminal. */
typedef struct {
	wchar_t *s;
	size_t len, cap;
} ed_line;

typedef struct {
	ed_line *lines;
	size_t n, cap;
	size_t cy, cx; /* cursor: line, character index */
} ed_buf;

bool ed_init(ed_buf *b, const char *utf8);
void ed_free(ed_buf *b);
bool ed_insert(ed_buf *b, wchar_t c);
bool ed_newline(ed_buf *b);
void ed_backspace(ed_buf *b);
void ed_delete(ed_buf *b);
/* The whole text as UTF-8 (lines joined with '\n'), newly allocated. */
char *ed_text(const ed_buf *b);
bool ed_empty(const ed_buf *b);
bool ed_set_line(ed_buf *b, size_t i, const wchar_t *s, size_t n);
void ed_remove_line(ed_buf *b, size_t i);
bool ed_insert_line(ed_buf *b, size_t at, const wchar_t *s, size_t n);
/* Insert pasted text at the cursor in time linear in its size (plus the rest of the
 * cursor's line): newlines (LF, CR or CR LF) split lines, or become spaces when
 * single_line; a tab is 4 spaces; other control and bidi-control characters are left
 * out. The cursor ends after the text. False when memory ran out (what fitted stays). */
bool ed_insert_text(ed_buf *b, const wchar_t *s, size_t n, bool single_line);

/* Editor screens. thread_id/parent_id: the post answered (parent 0: the first post).
 * Return NULL with the status line set when the editor cannot open. */
ui_screen *ui_editor_new_thread(ui_ctx *c, int network_number, int64_t network_id);
ui_screen *ui_editor_reply(ui_ctx *c, int64_t thread_id, int64_t parent_id, bool quote);
ui_screen *ui_editor_edit(ui_ctx *c, int64_t post_id);
/* A new thread with a title and text to start from, linked to a meeting and/or a good
 * practice (0: none). */
ui_screen *ui_editor_new_thread_linked(ui_ctx *c, int network_number, int64_t network_id,
                                       const char *title, const char *body, int64_t meeting_id,
                                       int64_t practice_id);

/* Saving an edited record: the text as written; *id gets the record's id. On an error
 * the editor stays open with the text (and keeps it as a draft). */
typedef status (*ui_record_submit)(ui_ctx *c, int64_t target, const char *text, int64_t *id,
                                   error *e);
/* Edit a record (a practice, a meeting) as labelled text (ui_fields.h); the draft kind
 * is `kind`, its target `target`. */
ui_screen *ui_editor_record(ui_ctx *c, const char *kind, int64_t target, const char *heading,
                            const char *crumb, const char *text, ui_record_submit submit);

/* Run the editor ui_editor_choice names on text in a temporary file: fork and exec, no
 * shell. True with *out (newly allocated) when the editor finished normally;
 * otherwise (no editor either) the status line says why. */
bool ui_external_edit(ui_ctx *c, const char *text, char **out);
/* The external editor's command: visual, else editor (when set and not empty), else
 * sensible-editor, else nano when found on path; NULL when there is none. Never vi
 * unless the user named it. */
const char *ui_editor_choice(const char *visual, const char *editor, const char *path);

#endif
