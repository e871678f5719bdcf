/* ui_list.h — a list that is a window, not a copy: it holds only the rows it shows
 * and asks its data source for more as the selection moves (keyset paging). */
#ifndef EMPIRIE_UI_LIST_H
#define EMPIRIE_UI_LIST_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/ui_cmd.h"
#include "ui/ui_theme.h"

typedef struct {
	/* Up to limit rows after `from` (NULL: from the top) or, when backwards, before
	 * it (NULL: the last rows), in list order, into rows[]. Returns the count, or -1
	 * on an error (the source keeps the message). */
	int (*page)(void *src, const void *from, bool backwards, size_t limit, void **rows);
	void (*free_row)(void *row);
	/* Whether two rows are the same item (to keep the selection across reloads). */
	bool (*same)(const void *a, const void *b);
	/* Draw a row in `width` columns at (y, x); attributes are set for the row. */
	void (*draw)(void *src, const void *row, int y, int x, int width, bool selected);
	/* Where row stands: *pos 0-based of *total; false when unknown. May be NULL. */
	bool (*position)(void *src, const void *row, int64_t *pos, int64_t *total);
} ui_list_source;

typedef struct {
	const ui_list_source *ops;
	void *src;
	void **rows; /* rows[0] is the top visible row */
	size_t n;
	int sel, height;
	/* rows[0] is the first item of the whole list: a reload then loads from the top, so
	 * that an item new at the start (a new thread) shows rather than staying above. */
	bool at_start;
} ui_list;

/* For sources that hold all their items in an array (a few hundred at most): a row is
 * the item's index and id; the page is cut from ids[0..n). */
typedef struct {
	size_t i;
	int64_t id;
} ui_index_row;
int ui_index_page(const int64_t *ids, size_t n, const void *from, bool backwards, size_t limit,
                  void **rows);
void ui_index_free(void *row);
bool ui_index_same(const void *a, const void *b);

void ui_list_init(ui_list *l, const ui_list_source *ops, void *src, int height);
void ui_list_free(ui_list *l);
/* Load from the top, selecting the first row. */
void ui_list_reset(ui_list *l);
/* Reload the rows shown, keeping the top row and the selection where they still exist. */
void ui_list_reload(ui_list *l);
/* Show `height` rows from now on (keeps the selection visible). */
void ui_list_set_height(ui_list *l, int height);
/* Move the selection by delta rows (pages are delta = ±height); false when it did not
 * move. */
bool ui_list_move(ui_list *l, int delta);
void ui_list_home(ui_list *l);
/* The moving commands (up, down, a page up or down, home, end) on a list; false for any
 * other command. */
bool ui_list_nav(ui_list *l, ui_cmd_id cmd);
void ui_list_end(ui_list *l);
/* Select the row shown at index i (a mouse click). */
bool ui_list_select(ui_list *l, int i);
const void *ui_list_selected(const ui_list *l);
/* The selection's place as "3/28" into buf (a position counter); false (buf "") when
 * the list is empty or its source cannot tell. */
bool ui_list_counter(const ui_list *l, char *buf, size_t n);
/* Draw text (a counter) right-aligned to end at column x_end on row y. */
void ui_counter_draw(int y, int x_end, const char *text);
/* Draw rows at (y, x) in h × w; returns the row of the selection (-1 when none). */
int ui_list_draw(ui_list *l, int y, int x, int w, bool focused);

#endif
