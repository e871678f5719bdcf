/* ui_text.h — measuring, wrapping and cutting wide text by display columns, and the
 * one way UI code puts text on the screen (through safe_wcs). */
#ifndef EMPIRIE_UI_TEXT_H
#define EMPIRIE_UI_TEXT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* One visual line of a wrapped text: s[start .. start+len). */
typedef struct {
	size_t start, len;
} ui_span;

typedef struct {
	ui_span *items;
	size_t n, cap;
} ui_spans;

/* Display columns of one wide character: wcwidth, with non-printables as 1 and
 * combining marks as 0. */
int ui_wc_cols(wchar_t c);
/* Display columns of s[0..n) (n may be (size_t)-1 for the whole string). */
int ui_wcs_cols(const wchar_t *s, size_t n);
/* How many characters of s[0..n) fit into cols columns (combining marks stay with
 * their base character). */
size_t ui_wcs_fit(const wchar_t *s, size_t n, int cols);
/* Where a one-line field showing `cols` columns starts so that the cursor (at index
 * cursor) stays in view: the smallest start with the columns of s[start..cursor) below
 * cols. Walks back from the cursor, so its cost is the field's width, not the text's. */
size_t ui_scroll_start(const wchar_t *s, size_t cursor, int cols);

/* Wrap s (n characters, '\n' ends a line) to width columns, breaking after spaces
 * where possible and inside a word only when it is longer than a line. Appends spans
 * to *out (which the caller zero-initialises); a span never includes the '\n', and
 * without UI_WRAP_KEEP_SPACES not the spaces it was broken at either. An empty text or an empty line gives one empty span.
 * Returns false when memory runs out. */
/* Where the link (http://, https://, www.) starting at s[pos] ends: the next space or
 * b, the line's end; pos when no link starts there. */
size_t ui_link_end(const wchar_t *s, size_t pos, size_t b);
/* UI_WRAP_KEEP_SPACES: spans cover every character (for the editor; links are cut too).
 * UI_WRAP_BREAK_LINKS: a link longer than a line is cut like a long word (the list of
 * links, where each must be seen whole); otherwise it stays whole on its own line. */
enum { UI_WRAP_KEEP_SPACES = 1, UI_WRAP_BREAK_LINKS = 2 };
bool ui_wrap(const wchar_t *s, size_t n, int width, unsigned flags, ui_spans *out);
void ui_spans_free(ui_spans *sp);

/* UTF-8 to a newly allocated wide string without any sanitising (invalid bytes become
 * U+FFFD), and back. For the editor's own buffer; never drawn without ui_put. */
wchar_t *ui_utf8_to_wcs(const char *s, size_t *n_out);
char *ui_wcs_to_utf8(const wchar_t *s, size_t n);

/* Draw untrusted UTF-8 at (y, x), cut to cols columns; returns the columns drawn. */
int ui_put(WINDOW *w, int y, int x, const char *utf8, int cols);
/* Same for wide text (it is converted to UTF-8 and sanitised). */
int ui_putw(WINDOW *w, int y, int x, const wchar_t *s, size_t n, int cols);
/* Same, but a text wider than cols (a link kept whole by ui_wrap) ends in "…". */
int ui_putw_cut(WINDOW *w, int y, int x, const wchar_t *s, size_t n, int cols);
/* Columns the untrusted UTF-8 takes once sanitised. */
int ui_width(const char *utf8);
/* Which of the n characters of s belong to a word that starts with one of the query's
 * words, both folded (case and Polish letters ignored, as search does): marks[i] set.
 * Returns the number of marked characters. */
size_t ui_match_marks(const wchar_t *s, size_t n, const char *query, bool *marks);
/* ui_put, with the characters matching `query` drawn with attribute `mark`. */
int ui_put_marked(WINDOW *w, int y, int x, const char *utf8, int cols, const char *query,
                  attr_t mark);
/* Fill cols columns at (y, x) with spaces in the current attributes. */
void ui_fill(WINDOW *w, int y, int x, int cols);

/* "2022-05-18T09:30:00Z" → "2022-05-18 09:30" (or only the date at midnight). */
void ui_date(const char *iso, char *out, size_t n);

#endif
