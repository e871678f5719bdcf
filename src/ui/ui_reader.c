/* ui_reader.c — the thread reader: posts in reading order, replies indented under
 * what they answer, scrolled like less. Only a window of posts around the view is
 * loaded (post cursors forward and backward). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/directory.h"
#include "core/forum.h"
#include "i18n.h"
#include "text/pltext.h"
#include "text/strbuf.h"
#include "ui/ui_editor.h"
#include "ui/ui_feedback.h"
#include "ui/ui_find.h"
#include "ui/ui_moderate.h"
#include "ui/ui_screen.h"
#include "ui/ui_doc.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

#define LOAD 30      /* posts fetched at a time */
#define KEEP_MAX 150 /* posts kept around the view */

typedef struct {
	post p;
	wchar_t *body;
	size_t len;
	ui_spans spans; /* the body wrapped to the current width */
	int indent, nrows; /* header + body rows (+ the collapsed line) + one blank row;
	                    * 0 for a post inside a collapsed sub-thread */
	int64_t folded;    /* collapsed here: how many replies are hidden under it */
} rpost;

typedef struct {
	ui_screen base;
	ui_ctx *c;
	thread t;
	bool leaders_only;
	rpost *posts;
	size_t n;
	bool at_start, at_end;
	size_t top_post; /* the view starts at row top_row of posts[top_post] */
	int top_row;
	int width, height;
	int64_t seen_max, marked;
	time_t mark_retry_at; /* a mark that met a busy database is tried again from then */
	/* Find in this thread (ui_find.h): while one is on, n and N go to the next and
	 * previous post that matches (the whole thread, not only the posts loaded) and Esc
	 * ends it. */
	ui_find find;
	int64_t match; /* the post of the current match, 0: none yet */
	ui_mod_prompt mod; /* a moderation reason being typed (ui_moderate.h) */
	char *request;    /* the feedback request's line (ui_feedback.h), NULL: not one */
	int64_t accepted; /* the request's answer that helped, 0: none */
	/* Collapsed sub-threads (mutt's Esc-v): the posts whose replies are hidden. */
	int64_t *collapsed;
	size_t ncollapsed;
} reader;

static bool is_collapsed(const reader *r, int64_t id)
{
	for (size_t i = 0; i < r->ncollapsed; i++)
		if (r->collapsed[i] == id)
			return true;
	return false;
}

/* The id at level k of a post's path (8 bytes big-endian each). */
static int64_t path_id(const post *p, size_t k)
{
	uint64_t v = 0;
	for (size_t b = 0; b < 8; b++)
		v = v << 8 | p->path[k * 8 + b];
	return (int64_t)v;
}

/* The length of the path of p's outermost collapsed ancestor (or of p itself when
 * with_self and p is collapsed), 0 when none: the sub-thread p is hidden in. */
static size_t collapsed_root(const reader *r, const post *p, bool with_self)
{
	size_t levels = p->path_len / 8;
	for (size_t k = 0; k < levels; k++) {
		if (k + 1 == levels && !with_self)
			break;
		if (is_collapsed(r, path_id(p, k)))
			return (k + 1) * 8;
	}
	return 0;
}

static void layout_post(reader *r, rpost *p)
{
	int indent = (p->p.depth > 6 ? 6 : p->p.depth) * 2;
	if (indent > r->width / 3)
		indent = r->width / 3;
	p->indent = indent;
	ui_spans_free(&p->spans);
	if (collapsed_root(r, &p->p, false)) {
		p->nrows = 0, p->folded = 0;
		return;
	}
	ui_wrap(p->body, p->len, r->width - indent - 2, 0, &p->spans);
	p->folded = is_collapsed(r, p->p.id) ? forum_replies_count(r->c->d, &p->p) : 0;
	p->nrows = 1 + (int)p->spans.n + (p->folded ? 1 : 0) + 1;
}

/* The next post shown from i on (i itself when shown), r->n when none is loaded. */
static size_t next_shown(const reader *r, size_t i)
{
	while (i < r->n && r->posts[i].nrows == 0)
		i++;
	return i;
}

static void rpost_free(rpost *p)
{
	post_clear(&p->p);
	free(p->body);
	ui_spans_free(&p->spans);
}

static void clear_posts(reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		rpost_free(&r->posts[i]);
	free(r->posts);
	r->posts = NULL;
	r->n = 0;
	r->top_post = 0, r->top_row = 0;
}

/* Add the posts of l before (front) or after the loaded ones; takes them over. */
static void add_posts(reader *r, post_list *l, bool front)
{
	rpost *p = realloc(r->posts, (r->n + l->n) * sizeof *p);
	if (!p) {
		post_list_free(l);
		return;
	}
	r->posts = p;
	if (front) {
		memmove(r->posts + l->n, r->posts, r->n * sizeof *p);
		r->top_post += l->n;
	}
	rpost *dst = r->posts + (front ? 0 : r->n);
	for (size_t i = 0; i < l->n; i++) {
		memset(&dst[i], 0, sizeof dst[i]);
		dst[i].p = l->items[i];
		const char *body = l->items[i].body ? l->items[i].body : "";
		if (l->items[i].hidden && !*body)
			body = l->items[i].hidden_reason && *l->items[i].hidden_reason
			               ? l->items[i].hidden_reason : _("(this post is hidden)");
		dst[i].body = ui_utf8_to_wcs(body, &dst[i].len);
		layout_post(r, &dst[i]);
	}
	r->n += l->n;
	free(l->items);
	/* Keep the window bounded: drop the far side. */
	if (r->n > KEEP_MAX) {
		if (!front && r->top_post > LOAD) {
			size_t cut = r->top_post - LOAD / 2;
			for (size_t i = 0; i < cut; i++)
				rpost_free(&r->posts[i]);
			memmove(r->posts, r->posts + cut, (r->n - cut) * sizeof *r->posts);
			r->n -= cut, r->top_post -= cut, r->at_start = false;
		} else if (front && r->n > r->top_post + LOAD) {
			size_t keep = r->top_post + LOAD;
			for (size_t i = keep; i < r->n; i++)
				rpost_free(&r->posts[i]);
			r->n = keep, r->at_end = false;
		}
	}
}

static bool load_more(reader *r, bool front)
{
	if (front ? r->at_start : r->at_end)
		return false;
	post_list l;
	error e;
	const post *from = r->n ? &r->posts[front ? 0 : r->n - 1].p : NULL;
	/* Forward from inside a collapsed sub-thread (or its top): on past all of it. */
	post after;
	size_t root = from && !front ? collapsed_root(r, from, true) : 0;
	bool skip = root && forum_after_subthread(from, root, &after);
	status st = forum_posts_page(r->c->d, r->c->me, r->t.id, skip ? &after : from, front, LOAD,
	                             &l, &e);
	if (skip)
		post_clear(&after);
	if (st != ST_OK) {
		ui_status_error(r->c, &e);
		return false;
	}
	if (l.n < LOAD) {
		if (front)
			r->at_start = true;
		else
			r->at_end = true;
	}
	size_t got = l.n;
	add_posts(r, &l, front);
	return got > 0;
}

/* Take id off the collapsed ones. */
static void expand(reader *r, int64_t id)
{
	for (size_t i = 0; i < r->ncollapsed; i++)
		if (r->collapsed[i] == id) {
			r->collapsed[i] = r->collapsed[--r->ncollapsed];
			return;
		}
}

/* Load so that the post `at` (0: the first) is at the top, row `row`. */
static void load_at(reader *r, int64_t at, int row)
{
	error e;
	clear_posts(r);
	r->at_start = r->at_end = false;
	post p;
	memset(&p, 0, sizeof p);
	bool have = at && forum_post(r->c->d, r->c->me, at, &p, &e) == ST_OK && p.thread_id == r->t.id;
	if (have) {
		post_list before;
		if (forum_posts_page(r->c->d, r->c->me, r->t.id, &p, true, 1, &before, &e) == ST_OK) {
			r->at_start = before.n == 0;
			add_posts(r, &before, false);
		}
		post_clear(&p);
		r->top_post = r->n;
	} else {
		post_clear(&p);
		r->at_start = true;
	}
	if (r->n) { /* the one post before: load on from it */
		load_more(r, false);
	} else {
		post_list l;
		if (forum_posts_page(r->c->d, r->c->me, r->t.id, NULL, false, LOAD, &l, &e) == ST_OK) {
			r->at_end = l.n < LOAD;
			add_posts(r, &l, false);
		} else {
			ui_status_error(r->c, &e);
		}
	}
	if (r->top_post >= r->n)
		r->top_post = r->n ? r->n - 1 : 0;
	/* A jump (a find, a link) into a collapsed sub-thread opens it, so the post shows. */
	if (r->n && !r->posts[r->top_post].nrows) {
		const post *top = &r->posts[r->top_post].p;
		for (size_t k = 0; k + 1 < top->path_len / 8; k++)
			expand(r, path_id(top, k));
		for (size_t i = 0; i < r->n; i++)
			layout_post(r, &r->posts[i]);
	}
	if (r->n && row < r->posts[r->top_post].nrows)
		r->top_row = row;
}

static bool scroll_down(reader *r, int k);

/* Jump to the end: ask the store for the last window instead of walking the thread,
 * so a 20,000-post thread costs what a short one does (time and memory). */
static void load_end(reader *r)
{
	if (r->at_end && r->at_start) {
		scroll_down(r, 1 << 30);
		return;
	}
	post_list l;
	error e;
	if (forum_posts_page(r->c->d, r->c->me, r->t.id, NULL, true, LOAD, &l, &e) != ST_OK) {
		ui_status_error(r->c, &e);
		return;
	}
	clear_posts(r);
	r->at_end = true;
	r->at_start = l.n < LOAD;
	add_posts(r, &l, false);
	r->top_post = 0;
	r->top_row = 0;
	/* The last posts inside a collapsed sub-thread: from its top, which shows. */
	size_t root = r->n && !r->posts[0].nrows ? collapsed_root(r, &r->posts[0].p, false) : 0;
	if (root)
		load_at(r, path_id(&r->posts[0].p, root / 8 - 1), 0);
	scroll_down(r, 1 << 30);
}

static bool open_thread(reader *r, int64_t thread_id, int64_t at)
{
	error e;
	thread t;
	if (forum_thread(r->c->d, r->c->me, thread_id, &t, &e) != ST_OK) {
		ui_status_error(r->c, &e);
		return false;
	}
	thread_clear(&r->t);
	r->t = t;
	network n;
	r->leaders_only = false;
	if (directory_network(r->c->d, r->c->me, t.network_number, &n, &e) == ST_OK) {
		r->leaders_only = n.leaders_only;
		network_clear(&n);
	}
	free(r->request);
	r->request = ui_feedback_line(r->c, thread_id, &r->accepted);
	r->seen_max = r->marked = 0;
	r->ncollapsed = 0; /* collapsing is per thread */
	ui_find_end(&r->find);
	r->match = 0;
	load_at(r, at, 0);
	return true;
}

/* Rows from the view's top to the end of what is loaded, counting at most cap. */
static int rows_below(const reader *r, int cap)
{
	int rows = 0;
	for (size_t i = r->top_post; i < r->n && rows <= cap; i++)
		rows += r->posts[i].nrows - (i == r->top_post ? r->top_row : 0);
	return rows + (r->at_end ? 1 : 0); /* the "end of thread" line */
}

static bool scroll_down(reader *r, int k)
{
	bool moved = false;
	while (k-- > 0 && r->n) {
		if (rows_below(r, r->height + 1) <= r->height && !load_more(r, false))
			if (rows_below(r, r->height + 1) <= r->height)
				break;
		if (++r->top_row >= r->posts[r->top_post].nrows) {
			size_t nx = next_shown(r, r->top_post + 1);
			while (nx >= r->n && load_more(r, false))
				nx = next_shown(r, r->top_post + 1);
			if (nx >= r->n) {
				r->top_row--;
				break;
			}
			r->top_post = nx, r->top_row = 0;
		}
		moved = true;
	}
	return moved;
}

static void scroll_up(reader *r, int k)
{
	while (k-- > 0 && r->n) {
		if (r->top_row > 0) {
			r->top_row--;
			continue;
		}
		/* The post before, passing those inside a collapsed sub-thread. */
		size_t at = r->top_post;
		bool found = false;
		while (!found) {
			if (at == 0) {
				size_t old_top = r->top_post;
				if (!load_more(r, true))
					break;
				at += r->top_post - old_top; /* the posts loaded in front */
				if (at == 0)
					break;
			}
			at--;
			found = r->posts[at].nrows > 0;
		}
		if (!found)
			break;
		r->top_post = at;
		r->top_row = r->posts[at].nrows - 1;
	}
}

/* The post replies and edits go to: the first whose header is in view. */
static size_t current(const reader *r)
{
	size_t nx = next_shown(r, r->top_post + 1);
	if (r->top_row == 0 || nx >= r->n)
		return r->top_post;
	int rows_left = r->posts[r->top_post].nrows - r->top_row;
	return rows_left < r->height ? nx : r->top_post;
}

static void goto_post(reader *r, int dir)
{
	if (dir > 0) {
		size_t cur = current(r);
		while (next_shown(r, cur + 1) >= r->n && load_more(r, false))
			cur = current(r);
		size_t nx = next_shown(r, cur + 1);
		if (nx < r->n)
			r->top_post = nx, r->top_row = 0;
	} else {
		if (r->top_row > 0) {
			r->top_row = 0;
			return;
		}
		scroll_up(r, 1);
		r->top_row = 0;
	}
}

static void draw_header(reader *r, rpost *p, int y, int x, bool cur)
{
	char head[600];
	int w = r->width - p->indent;
	/* A seeded meeting post with a placeholder time shows what is known of the date. */
	char *date = p->p.date_text ? strdup(p->p.date_text)
	                            : pl_when(p->p.created_at ? p->p.created_at : "", time(NULL));
	theme_set(stdscr, cur ? TH_SEL_FOCUS : TH_HEADING);
	ui_fill(stdscr, y, x + p->indent, w);
	theme_hline(stdscr, y, x + p->indent, 2);
	str_fitf(head, sizeof head, " %s%s%s · %s", p->p.author ? p->p.author : "",
	         p->p.author_city && *p->p.author_city ? ", " : "",
	         p->p.author_city ? p->p.author_city : "", date ? date : "");
	free(date);
	int used = 2 + ui_put(stdscr, y, x + p->indent + 2, head, w - 2);
	if (p->p.hidden && p->p.body && *p->p.body && p->p.hidden_reason && *p->p.hidden_reason) {
		/* Those who still see the text (its author, moderators) see why it is hidden. */
		char note[400];
		str_fitf(note, sizeof note, _(" (hidden by a coordinator: %s)"), p->p.hidden_reason);
		used += ui_put(stdscr, y, x + p->indent + used, note, w - used);
	} else if (p->p.hidden) {
		used += ui_put(stdscr, y, x + p->indent + used, _(" (hidden by a coordinator)"), w - used);
	}
	if (p->p.edited_at && *p->p.edited_at)
		used += ui_put(stdscr, y, x + p->indent + used, _(" (edited)"), w - used);
	if (r->accepted && p->p.id == r->accepted)
		used += ui_put(stdscr, y, x + p->indent + used, _(" ✓ helped"), w - used);
	if (p->p.unread) {
		if (!cur)
			theme_set(stdscr, TH_UNREAD);
		ui_put(stdscr, y, x + p->indent + used, _(" [new]"), w - used);
	}
	theme_set(stdscr, TH_NORMAL);
}

static void reader_draw(ui_screen *s, ui_ctx *c, ui_rect rc)
{
	reader *r = (reader *)s;
	/* The position counter: the post replies go to, of the thread's posts. */
	char where[64] = "";
	if (r->n) {
		int64_t pos = forum_post_position(c->d, &r->posts[current(r)].p) + 1;
		snprintf(where, sizeof where, " %lld/%lld", (long long)pos,
		         (long long)(r->t.post_count > pos ? r->t.post_count : pos));
	}
	int cw = ui_width(where);
	/* The thread's whole title, wrapped, above the posts (the title line has room for
	 * only its end); at most a third of the body. */
	size_t tn = 0;
	wchar_t *title = ui_utf8_to_wcs(r->t.title ? r->t.title : "", &tn);
	ui_spans ts = { 0 };
	if (title && rc.h >= 6 && ui_wrap(title, tn, rc.w - 2 - cw, 0, &ts)) {
		int k = (int)ts.n < rc.h / 3 ? (int)ts.n : rc.h / 3;
		theme_set(stdscr, TH_HEADING);
		for (int i = 0; i < k; i++) {
			ui_fill(stdscr, rc.y + i, rc.x, rc.w);
			ui_putw(stdscr, rc.y + i, rc.x + 1, title + ts.items[i].start, ts.items[i].len,
			        rc.w - 2 - cw);
		}
		if (k > 0 && cw)
			ui_put(stdscr, rc.y, rc.x + rc.w - 1 - cw, where, cw);
		theme_set(stdscr, TH_NORMAL);
		rc.y += k, rc.h -= k;
	}
	ui_spans_free(&ts);
	free(title);
	/* A feedback request's line, wrapped to at most two rows. */
	wchar_t *req = r->request && rc.h >= 6 ? ui_utf8_to_wcs(r->request, &tn) : NULL;
	if (req && ui_wrap(req, tn, rc.w - 2, 0, &ts)) {
		int k = ts.n < 2 ? (int)ts.n : 2;
		theme_set(stdscr, TH_DIM);
		for (int i = 0; i < k; i++) {
			ui_fill(stdscr, rc.y + i, rc.x, rc.w);
			ui_putw(stdscr, rc.y + i, rc.x + 1, req + ts.items[i].start, ts.items[i].len,
			        rc.w - 2);
		}
		theme_set(stdscr, TH_NORMAL);
		rc.y += k, rc.h -= k;
	}
	ui_spans_free(&ts);
	free(req);
	if (rc.w - 2 != r->width || rc.h != r->height)
		s->ops->resize(s, c, rc);
	size_t cur = current(r);
	int y = 0;
	for (size_t i = r->top_post; i < r->n && y < rc.h; i++) {
		rpost *p = &r->posts[i];
		for (int row = i == r->top_post ? r->top_row : 0; row < p->nrows && y < rc.h; row++, y++) {
			int sy = rc.y + y, sx = rc.x + 1;
			if (p->p.id > r->seen_max)
				r->seen_max = p->p.id;
			if (row == 0) {
				draw_header(r, p, sy, sx, i == cur);
				if (i == cur)
					s->cur_y = sy, s->cur_x = sx + p->indent;
			} else if (row <= (int)p->spans.n) {
				ui_span sp = p->spans.items[row - 1];
				bool quote = sp.len && p->body[sp.start] == L'>';
				theme_set(stdscr, quote ? TH_QUOTE : p->p.hidden ? TH_DIM : TH_NORMAL);
				ui_find_putw(&r->find, sy, sx + p->indent + 2, p->body + sp.start, sp.len,
				             r->width - p->indent - 2);
				theme_set(stdscr, TH_NORMAL);
			} else if (p->folded && row == (int)p->spans.n + 1) {
				/* The collapsed sub-thread's marker, with what it hides. */
				char line[160];
				snprintf(line, sizeof line,
				         ngettext("[+] %lld reply hidden (v: show)",
				                  "[+] %lld replies hidden (v: show)", (unsigned long)p->folded),
				         (long long)p->folded);
				theme_set(stdscr, TH_DIM);
				ui_put(stdscr, sy, sx + p->indent + 2, line, r->width - p->indent - 2);
				theme_set(stdscr, TH_NORMAL);
			}
		}
	}
	if (!r->n) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, rc.y, rc.x + 1, _("This thread has no posts you can see."), rc.w - 2);
		theme_set(stdscr, TH_NORMAL);
	} else if (y < rc.h && r->at_end) {
		theme_set(stdscr, TH_DIM);
		ui_put(stdscr, rc.y + y, rc.x + 1,
		       _("(end of thread — Space goes on to the next unread)"), rc.w - 2);
		theme_set(stdscr, TH_NORMAL);
	}
	if (s->cur_y < 0)
		s->cur_y = rc.y, s->cur_x = rc.x + 1;
	ui_find_draw(&r->find, s, rc);
	if (ui_mod_asking(&r->mod)) /* the prompt is on the status line, under the body */
		s->cur_y = rc.y + rc.h, s->cur_x = 1 + ui_width(c->prompt);
}

static void reader_resize(ui_screen *s, ui_ctx *c, ui_rect rc)
{
	reader *r = (reader *)s;
	r->width = rc.w - 2 > 10 ? rc.w - 2 : 10;
	r->height = rc.h > 1 ? rc.h : 1;
	for (size_t i = 0; i < r->n; i++)
		layout_post(r, &r->posts[i]);
	if (r->n && r->top_row >= r->posts[r->top_post].nrows)
		r->top_row = r->posts[r->top_post].nrows - 1;
}

/* Save the read mark for what was shown; the title line's count follows. Another
 * program writing must not make reading wait: the mark waits only a moment for it, and
 * one that meets a busy database is tried again a few seconds later (unless now is the
 * last chance: leaving the thread, the program ending). */
static unsigned save_mark(reader *r, ui_ctx *c, bool last_chance)
{
	error e;
	if (r->seen_max <= r->marked || (!last_chance && time(NULL) < r->mark_retry_at))
		return UI_R_NONE;
	int wait = db_set_wait_limit(c->d, UI_QUIET_WAIT_MS);
	status st = forum_mark_read(c->d, c->me, r->t.id, r->seen_max, &e);
	db_set_wait_limit(c->d, wait);
	if (st == ST_BUSY) {
		r->mark_retry_at = time(NULL) + 3;
		return UI_R_NONE;
	}
	if (st != ST_OK) {
		ui_status_error(c, &e);
		r->marked = r->seen_max; /* say it once */
		return UI_R_REDRAW;
	}
	r->marked = r->seen_max;
	ui_refresh_unread(c);
	return UI_R_REDRAW;
}

static unsigned reader_tick(ui_screen *s, ui_ctx *c)
{
	return save_mark((reader *)s, c, false);
}

static void reader_save(ui_screen *s, ui_ctx *c)
{
	save_mark((reader *)s, c, true);
}

static unsigned next_unread(reader *r, ui_ctx *c)
{
	thread_key k;
	int64_t id = 0;
	error e;
	save_mark(r, c, true); /* leaving this thread for the next */
	thread_key_of(&r->t, &k);
	if (forum_next_unread(c->d, c->me, r->t.network_id, &k, &id, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	if (!id) {
		ui_status(c, false, "%s", _("No more unread posts."));
		return UI_R_REDRAW;
	}
	open_thread(r, id, 0);
	return UI_R_REDRAW;
}

static bool post_hit(reader *r, const post *p)
{
	return p->body && ui_find_hit(&r->find, r->c, p->body);
}

/* The next (dir 1) or previous (dir -1) post of the thread after `start` that holds a
 * match, going round the end (start itself last; with `inclusive`, first). Pages
 * through the store, so it costs one pass over the thread at most. 0 when none. */
static int64_t find_post(reader *r, const post *start, bool inclusive, int dir, bool *wrapped)
{
	*wrapped = false;
	if (inclusive && post_hit(r, start))
		return start->id;
	post_list prev = { 0 }, l;
	const post *from = start;
	int64_t found = 0;
	error e;
	for (;;) {
		if (forum_posts_page(r->c->d, r->c->me, r->t.id, from, dir < 0, LOAD, &l, &e) != ST_OK) {
			ui_status_error(r->c, &e);
			break;
		}
		bool stop = false;
		for (size_t k = 0; k < l.n && !stop; k++) {
			const post *p = &l.items[dir > 0 ? k : l.n - 1 - k];
			if (*wrapped && p->id == start->id) {
				stop = true;
				if (!inclusive && post_hit(r, p))
					found = p->id;
			} else if (post_hit(r, p)) {
				found = p->id, stop = true;
			}
		}
		post_list_free(&prev);
		prev = l;
		if (stop)
			break;
		if (l.n < LOAD) { /* the end of the thread: round to the other end, once */
			if (*wrapped)
				break;
			*wrapped = true;
			from = NULL;
		} else {
			from = &l.items[dir > 0 ? l.n - 1 : 0];
		}
	}
	post_list_free(&prev);
	return found;
}

static void find_go(reader *r, ui_ctx *c, int dir)
{
	if (!r->find.terms || !r->n) {
		ui_status(c, false, "%s", _("Nothing to find yet: press / and type the words."));
		return;
	}
	post start;
	error e;
	memset(&start, 0, sizeof start);
	bool inclusive = !r->match;
	int64_t from = r->match ? r->match : r->posts[r->top_post].p.id;
	if (forum_post(c->d, c->me, from, &start, &e) != ST_OK) {
		ui_status_error(c, &e);
		return;
	}
	bool wrapped = false;
	int64_t id = find_post(r, &start, inclusive, dir, &wrapped);
	post_clear(&start);
	if (!id) {
		char *typed = ui_find_typed(&r->find);
		ui_status(c, true, _("Not found in this thread: %s"), typed ? typed : "");
		free(typed);
		return;
	}
	if (wrapped && r->match)
		ui_status(c, false, "%s", dir > 0 ? _("Found again from the top.")
		                                  : _("Found again from the bottom."));
	else
		ui_status(c, false, "%s", _("n and N: the next and previous match; Esc ends the find."));
	r->match = id;
	load_at(r, id, 0);
	/* A long post: bring its first matching row into view, one row above it shown. */
	if (r->n && r->posts[r->top_post].p.id == id) {
		rpost *p = &r->posts[r->top_post];
		for (size_t k = 0; k < p->spans.n; k++)
			if (ui_find_hit_w(&r->find, c, p->body + p->spans.items[k].start,
			                  p->spans.items[k].len)) {
				if ((int)k + 1 >= r->height - 1)
					r->top_row = (int)k;
				break;
			}
	}
}

/* Collapse the replies under the current post, or expand them (mutt's Esc-v). */
static unsigned toggle_collapse(reader *r, ui_ctx *c)
{
	if (!r->n)
		return UI_R_REDRAW;
	rpost *p = &r->posts[current(r)];
	int64_t id = p->p.id;
	if (is_collapsed(r, id)) {
		expand(r, id);
		ui_status(c, false, "%s", _("The replies are shown again."));
	} else {
		int64_t n = forum_replies_count(c->d, &p->p);
		if (!n && forum_replies_beside(c->d, &p->p)) {
			ui_status(c, false, "%s", _("Replies this deep are shown beside the post, not under "
			                            "it: none to collapse."));
			return UI_R_REDRAW;
		}
		if (!n) {
			ui_status(c, false, "%s", _("This post has no replies to collapse."));
			return UI_R_REDRAW;
		}
		int64_t *grown = realloc(r->collapsed, (r->ncollapsed + 1) * sizeof *grown);
		if (!grown) {
			ui_status(c, true, "%s", _("Out of memory"));
			return UI_R_REDRAW;
		}
		r->collapsed = grown;
		r->collapsed[r->ncollapsed++] = id;
		ui_status(c, false,
		          ngettext("Collapsed: %lld reply hidden (v again shows it).",
		                   "Collapsed: %lld replies hidden (v again shows them).",
		                   (unsigned long)n),
		          (long long)n);
	}
	/* The window is loaded again from the store with its top kept: the posts of a
	 * collapsed sub-thread are never loaded, those of an expanded one come back. */
	load_at(r, r->posts[r->top_post].p.id, r->top_row);
	return UI_R_REDRAW;
}

static unsigned reader_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	reader *r = (reader *)s;
	if (ui_mod_asking(&r->mod))
		return ui_mod_key(&r->mod, c, r->t.id, key);
	int page = r->height > 2 ? r->height - 2 : 1;
	const post *cur = r->n ? &r->posts[current(r)].p : NULL;
	if (r->find.typing && ui_find_lets_through(&r->find, cmd, key))
		return UI_R_UNHANDLED;
	if (r->find.typing) {
		if (ui_find_key(&r->find, c, key) == UI_FIND_DONE) {
			r->match = 0;
			if (r->find.terms)
				find_go(r, c, 1);
		}
		return UI_R_REDRAW;
	}
	/* While a find is on, n and N go between its matches and Esc ends it. */
	if (r->find.terms) {
		if (cmd == CMD_NEXT_POST || (cmd == CMD_NEXT_UNREAD && key == 'N')) {
			find_go(r, c, cmd == CMD_NEXT_POST ? 1 : -1);
			return UI_R_REDRAW;
		}
		if (cmd == CMD_BACK && key == K_ESC) {
			ui_find_end(&r->find);
			r->match = 0;
			ui_status(c, false, "%s", _("The find is over: n and N go to the next post and "
			                            "the next unread again."));
			return UI_R_REDRAW;
		}
	}
	switch (cmd) {
	case CMD_FIND:
		ui_find_begin(&r->find);
		return UI_R_REDRAW;
	case CMD_UP: scroll_up(r, 1); break;
	case CMD_DOWN: scroll_down(r, 1); break;
	case CMD_PAGE_UP: scroll_up(r, page); break;
	case CMD_PAGE_DOWN:
		if (!scroll_down(r, page) && r->at_end)
			return next_unread(r, c);
		break;
	case CMD_HOME: load_at(r, 0, 0); break;
	case CMD_END: load_end(r); break;
	case CMD_NEXT_POST: goto_post(r, 1); break;
	case CMD_PREV_POST: goto_post(r, -1); break;
	case CMD_NEXT_UNREAD: return next_unread(r, c);
	case CMD_NEW_THREAD:
		return ui_open(c, ui_editor_new_thread(c, r->t.network_number, r->t.network_id));
	case CMD_REPLY: return ui_open(c, ui_editor_reply(c, r->t.id, cur ? cur->id : 0, false));
	case CMD_QUOTE: return ui_open(c, ui_editor_reply(c, r->t.id, cur ? cur->id : 0, true));
	case CMD_EDIT: return cur ? ui_open(c, ui_editor_edit(c, cur->id)) : UI_R_REDRAW;
	case CMD_LINKS: {
		const rpost *rp = r->n ? &r->posts[current(r)] : NULL;
		return ui_links_show(c, rp ? rp->body : L"", rp ? rp->len : 0);
	}
	case CMD_HIDE: case CMD_LOCK: case CMD_PIN: return ui_mod_command(&r->mod, c, cmd, &r->t, cur);
	case CMD_ACCEPT:
		if (!r->request) {
			ui_status(c, true, "%s", _("This thread is not a feedback request."));
			return UI_R_REDRAW;
		}
		return cur ? ui_feedback_accept(c, cur->id) : UI_R_REDRAW;
	case CMD_COLLAPSE: return toggle_collapse(r, c);
	case CMD_MARK_THREAD_READ:
	case CMD_MARK_NETWORK_READ:
		save_mark(r, c, true); /* what was seen first: the undo goes back to it */
		return ui_mark_read(c, cmd == CMD_MARK_THREAD_READ ? MARK_THREAD : MARK_NETWORK,
		                    cmd == CMD_MARK_THREAD_READ ? r->t.id : r->t.network_id);
	case CMD_BACK:
		save_mark(r, c, true);
		return UI_R_POP | UI_R_RELOAD;
	case CMD_NONE: return UI_R_NONE;
	default: return UI_R_UNHANDLED;
	}
	return UI_R_REDRAW;
}

static void reader_reload(ui_screen *s, ui_ctx *c)
{
	reader *r = (reader *)s;
	thread t;
	error e;
	ui_trace("thread %lld", (long long)r->t.id);
	if (forum_thread(c->d, c->me, r->t.id, &t, &e) == ST_OK) {
		thread_clear(&r->t);
		r->t = t;
	}
	free(r->request);
	r->request = ui_feedback_line(c, r->t.id, &r->accepted);
	int64_t top = r->n ? r->posts[r->top_post].p.id : 0;
	load_at(r, top, r->top_row);
}

static ui_shown reader_changed(ui_screen *s, ui_ctx *c, const change_set *cs)
{
	if (!change_set_has_thread(cs, ((reader *)s)->t.id))
		return UI_SHOWN_SAME;
	reader_reload(s, c);
	return UI_SHOWN_ALL;
}

static unsigned reader_pre(ui_screen *s, ui_ctx *c)
{
	reader *r = (reader *)s;
	unsigned ok = PRE_NETWORK | (c->opt->restricted ? 0 : PRE_FREE);
	bool mod = perm_can_moderate(c->me, r->t.network_id) && !db_is_readonly(c->d);
	if (mod)
		ok |= PRE_MODERATE;
	if (!r->t.locked || mod)
		ok |= PRE_OPEN;
	if (r->n) {
		const post *p = &r->posts[current(r)].p;
		ok |= PRE_THREAD;
		if ((c->me->id && p->author_id == c->me->id && c->me->role != ROLE_GUEST) || mod)
			ok |= PRE_OWN_POST;
		if (!p->hidden || mod)
			ok |= PRE_SHOWN;
	}
	if (perm_check_post(c->d, c->me, r->t.network_id, r->leaders_only, NULL) == ST_OK)
		ok |= PRE_WRITE;
	return ok;
}

static void reader_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	reader *r = (reader *)s;
	char part[600];
	str_fitf(part, sizeof part, "%s%s%s", r->t.pinned ? _("[pinned] ") : "",
	         r->t.locked ? _("[locked] ") : "", r->t.title ? r->t.title : "");
	ui_crumb_add(buf, n, part);
}

/* A paste goes into the line being typed (the find line, a moderation reason), as
 * text; with neither open there is nothing to paste into. */
static unsigned reader_paste(ui_screen *s, ui_ctx *c, const wchar_t *text, size_t n)
{
	reader *r = (reader *)s;
	if (r->find.typing) {
		ui_find_paste(&r->find, text, n);
		return UI_R_REDRAW;
	}
	if (!ui_mod_asking(&r->mod)) {
		ui_status(c, true, "%s", _("Pasting works only in text fields (the editor, the search "
		                           "line): nothing was pasted here."));
		return UI_R_REDRAW;
	}
	return ui_mod_paste(&r->mod, c, text, n);
}

static bool reader_wants_text(ui_screen *s)
{
	return ui_mod_asking(&((reader *)s)->mod) || ((reader *)s)->find.typing;
}

static void reader_destroy(ui_screen *s)
{
	reader *r = (reader *)s;
	clear_posts(r);
	thread_clear(&r->t);
	ui_find_free(&r->find);
	ui_mod_free(&r->mod);
	free(r->request);
	free(r->collapsed);
	free(r);
}

static const ui_screen_ops reader_ops = {
	.kind = SC_READER,
	.draw = reader_draw,
	.key = reader_key,
	.resize = reader_resize,
	.reload = reader_reload,
	.changed = reader_changed,
	.pre = reader_pre,
	.crumb = reader_crumb,
	.tick = reader_tick,
	.save = reader_save,
	.wants_text = reader_wants_text,
	.paste = reader_paste,
	.destroy = reader_destroy,
};

ui_screen *ui_reader_new(ui_ctx *c, int64_t thread_id, int64_t at_post)
{
	reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->base.ops = &reader_ops;
	r->c = c;
	r->width = COLS - 2 > 10 ? COLS - 2 : 10;
	r->height = LINES - 3 > 1 ? LINES - 3 : 1;
	if (!open_thread(r, thread_id, at_post)) {
		reader_destroy(&r->base);
		return NULL;
	}
	return &r->base;
}
