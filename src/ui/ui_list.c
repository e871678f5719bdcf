/* ui_list.c — the windowed list. Invariant: n <= height and 0 <= sel < n (or n == 0). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/ui_list.h"
#include "ui/ui_text.h"

void ui_list_init(ui_list *l, const ui_list_source *ops, void *src, int height)
{
	memset(l, 0, sizeof *l);
	l->ops = ops, l->src = src, l->height = height > 0 ? height : 1;
}

static void drop(ui_list *l, size_t from, size_t count)
{
	if (from == 0 && count > 0)
		l->at_start = false;
	for (size_t i = from; i < from + count; i++)
		l->ops->free_row(l->rows[i]);
	if (l->n > from + count) /* memmove with a NULL pointer is undefined even for 0 bytes */
		memmove(l->rows + from, l->rows + from + count, (l->n - from - count) * sizeof *l->rows);
	l->n -= count;
}

static void list_clear(ui_list *l)
{
	drop(l, 0, l->n);
	l->sel = 0;
}

void ui_list_free(ui_list *l)
{
	if (l->rows)
		list_clear(l);
	free(l->rows);
	l->rows = NULL;
}

static bool grow(ui_list *l, size_t want)
{
	void **p = realloc(l->rows, want * sizeof *p);
	if (!p)
		return false;
	l->rows = p;
	return true;
}

/* Fetch up to k rows after the last (or before the first) and add them. */
static int extend(ui_list *l, size_t k, bool before)
{
	if (!k || !grow(l, l->n + k))
		return 0;
	const void *from = l->n ? l->rows[before ? 0 : l->n - 1] : NULL;
	if (!l->n && before)
		return 0;
	int got = l->ops->page(l->src, from, before, k, l->rows + l->n);
	if (got >= 0 && (before ? (size_t)got < k : !from))
		l->at_start = true;
	if (got <= 0)
		return 0;
	if (before) {
		/* the new rows are at the end in list order: rotate them to the front */
		void **tmp = malloc((size_t)got * sizeof *tmp);
		if (!tmp) {
			for (int i = 0; i < got; i++)
				l->ops->free_row(l->rows[l->n + (size_t)i]);
			return 0;
		}
		memcpy(tmp, l->rows + l->n, (size_t)got * sizeof *tmp);
		memmove(l->rows + got, l->rows, l->n * sizeof *l->rows);
		memcpy(l->rows, tmp, (size_t)got * sizeof *tmp);
		free(tmp);
		l->sel += got;
	}
	l->n += (size_t)got;
	return got;
}

void ui_list_reset(ui_list *l)
{
	list_clear(l);
	extend(l, (size_t)l->height, false);
}

void ui_list_reload(ui_list *l)
{
	if (!l->n) {
		ui_list_reset(l);
		return;
	}
	void *top = l->rows[0], *sel = l->rows[l->sel];
	int old_sel = l->sel;
	void *prev = NULL;
	bool at_start = l->at_start;
	/* The row before the top is the anchor to reload "from the top row on" (from the
	 * very top when the window began there). */
	if (!at_start && l->ops->page(l->src, top, true, 1, &prev) != 1)
		prev = NULL;
	void **old = l->rows;
	size_t old_n = l->n;
	l->rows = NULL, l->n = 0, l->sel = 0;
	if (grow(l, (size_t)l->height)) {
		int got = l->ops->page(l->src, prev, false, (size_t)l->height, l->rows);
		l->n = got > 0 ? (size_t)got : 0;
		l->at_start = !prev && got >= 0;
	}
	if (prev)
		l->ops->free_row(prev);
	l->sel = old_sel;
	bool found = false;
	for (size_t i = 0; i < l->n && !found; i++)
		if (l->ops->same(l->rows[i], sel)) {
			l->sel = (int)i;
			found = true;
		}
	/* Loaded from the very top, new items may have pushed the selected one down past
	 * the bottom: look below, and if it is there, show it on the last row. */
	if (!found && at_start && l->n) {
		size_t shown = l->n;
		int got = extend(l, (size_t)l->height, false);
		for (size_t i = shown; i < shown + (size_t)(got > 0 ? got : 0) && !found; i++)
			if (l->ops->same(l->rows[i], sel)) {
				size_t cut = i + 1 > (size_t)l->height ? i + 1 - (size_t)l->height : 0;
				drop(l, 0, cut);
				l->sel = (int)(i - cut);
				found = true;
			}
		if (l->n > (size_t)l->height)
			drop(l, (size_t)l->height, l->n - (size_t)l->height);
		if (!found)
			l->sel = old_sel;
	}
	/* The selected item may have moved up past the top (a thread with a new post sorts
	 * first): look above the window, and if it is there, show it at the top. */
	if (!found && l->n) {
		int got = extend(l, (size_t)l->height, true);
		int at = -1;
		for (int i = 0; i < got && at < 0; i++)
			if (l->ops->same(l->rows[i], sel))
				at = i;
		drop(l, 0, (size_t)(at >= 0 ? at : got));
		l->sel = at >= 0 ? 0 : old_sel;
		if (l->n > (size_t)l->height)
			drop(l, (size_t)l->height, l->n - (size_t)l->height);
	}
	for (size_t i = 0; i < old_n; i++)
		l->ops->free_row(old[i]);
	free(old);
	/* Rows may have gone: fill from above so the window stays full. */
	if (l->n < (size_t)l->height)
		extend(l, (size_t)l->height - l->n, true);
	if (l->sel >= (int)l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
}

void ui_list_set_height(ui_list *l, int height)
{
	if (height < 1)
		height = 1;
	l->height = height;
	if (l->n > (size_t)height) {
		/* keep the selection visible: drop below it first, then above */
		size_t below = l->n - 1 - (size_t)l->sel, excess = l->n - (size_t)height;
		size_t cut = below < excess ? below : excess;
		drop(l, l->n - cut, cut);
		excess -= cut;
		if (excess) {
			drop(l, 0, excess);
			l->sel -= (int)excess;
		}
	} else if (l->n < (size_t)height) {
		extend(l, (size_t)height - l->n, false);
		if (l->n < (size_t)height)
			extend(l, (size_t)height - l->n, true);
	}
}

bool ui_list_move(ui_list *l, int delta)
{
	if (!l->n)
		return false;
	int target = l->sel + delta;
	int old_sel = l->sel;
	if (target >= (int)l->n) {
		extend(l, (size_t)(target - (int)l->n + 1), false);
		if (target >= (int)l->n)
			target = (int)l->n - 1;
	} else if (target < 0) {
		int got = extend(l, (size_t)-target, true);
		target += got;
		if (target < 0)
			target = 0;
		old_sel += got;
	}
	l->sel = target;
	bool moved = target != old_sel;
	/* keep the window to height rows around the selection */
	if (l->n > (size_t)l->height) {
		if (delta > 0) {
			size_t excess = l->n - (size_t)l->height;
			size_t top = (size_t)l->sel + 1 > (size_t)l->height ? (size_t)l->sel + 1 - (size_t)l->height : 0;
			size_t cut = excess < top ? excess : top;
			drop(l, 0, cut);
			l->sel -= (int)cut;
			if (l->n > (size_t)l->height)
				drop(l, (size_t)l->height, l->n - (size_t)l->height);
		} else {
			drop(l, (size_t)l->height, l->n - (size_t)l->height);
		}
	}
	return moved;
}

void ui_list_home(ui_list *l)
{
	ui_list_reset(l);
}

void ui_list_end(ui_list *l)
{
	list_clear(l);
	if (!grow(l, (size_t)l->height))
		return;
	int got = l->ops->page(l->src, NULL, true, (size_t)l->height, l->rows);
	l->n = got > 0 ? (size_t)got : 0;
	l->sel = l->n ? (int)l->n - 1 : 0;
}

bool ui_list_select(ui_list *l, int i)
{
	if (i < 0 || i >= (int)l->n)
		return false;
	l->sel = i;
	return true;
}

const void *ui_list_selected(const ui_list *l)
{
	return l->n ? l->rows[l->sel] : NULL;
}

bool ui_list_counter(const ui_list *l, char *buf, size_t n)
{
	int64_t pos = 0, total = 0;
	buf[0] = '\0';
	if (!l->n || !l->ops->position || !l->ops->position(l->src, l->rows[l->sel], &pos, &total))
		return false;
	snprintf(buf, n, "%lld/%lld", (long long)pos + 1, (long long)total);
	return true;
}

void ui_counter_draw(int y, int x_end, const char *text)
{
	if (!text || !*text)
		return;
	char t[64];
	snprintf(t, sizeof t, " %s ", text);
	int w = ui_width(t);
	if (x_end - w < 0)
		return;
	theme_set(stdscr, TH_DIM);
	ui_put(stdscr, y, x_end - w, t, w);
	theme_set(stdscr, TH_NORMAL);
}

int ui_list_draw(ui_list *l, int y, int x, int w, bool focused)
{
	for (size_t i = 0; i < l->n && (int)i < l->height; i++) {
		bool sel = (int)i == l->sel;
		theme_set(stdscr, sel ? (focused ? TH_SEL_FOCUS : TH_SEL) : TH_NORMAL);
		ui_fill(stdscr, y + (int)i, x, w);
		l->ops->draw(l->src, l->rows[i], y + (int)i, x, w, sel);
	}
	theme_set(stdscr, TH_NORMAL);
	return l->n ? y + l->sel : -1;
}

int ui_index_page(const int64_t *ids, size_t n, const void *from, bool backwards, size_t limit,
                  void **rows)
{
	size_t start = 0, end = n;
	if (from) {
		/* Find the row by id: the array may have been reloaded since. */
		const ui_index_row *f = from;
		size_t at = f->i < n && ids[f->i] == f->id ? f->i : n;
		for (size_t i = 0; at == n && i < n; i++)
			if (ids[i] == f->id)
				at = i;
		if (at == n)
			return 0;
		if (backwards)
			end = at;
		else
			start = at + 1;
	}
	if (end - start > limit) {
		if (backwards)
			start = end - limit;
		else
			end = start + limit;
	}
	int got = 0;
	for (size_t i = start; i < end; i++) {
		ui_index_row *r = malloc(sizeof *r);
		if (!r)
			break;
		r->i = i, r->id = ids[i];
		rows[got++] = r;
	}
	return got;
}

void ui_index_free(void *row)
{
	free(row);
}

bool ui_index_same(const void *a, const void *b)
{
	return ((const ui_index_row *)a)->id == ((const ui_index_row *)b)->id;
}

bool ui_list_nav(ui_list *l, ui_cmd_id cmd)
{
	int page = l->height > 1 ? l->height - 1 : 1;
	switch (cmd) {
	case CMD_UP: ui_list_move(l, -1); return true;
	case CMD_DOWN: ui_list_move(l, 1); return true;
	case CMD_PAGE_UP: ui_list_move(l, -page); return true;
	case CMD_PAGE_DOWN: ui_list_move(l, page); return true;
	case CMD_HOME: ui_list_home(l); return true;
	case CMD_END: ui_list_end(l); return true;
	default: return false;
	}
}
