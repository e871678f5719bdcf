/* ui_editor.c — the editor screen: an optional title field and a body with soft
 * wrapping by display width, drafts saved as you type and on SIGHUP/SIGTERM,
 * $VISUAL/$EDITOR outside restricted mode, sending in one transaction. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "core/forum.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_editor.h"
#include "ui/ui_pick.h"
#include "ui/ui_spell.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

#define AUTOSAVE_SECONDS 3

enum ask { ASK_NONE, ASK_RESTORE, ASK_SEND, ASK_KEEP };

typedef struct {
	ui_screen base;
	ui_ctx *c;
	const char *kind; /* draft kind: "thread", "reply", "edit" */
	int64_t target;   /* draft target: network id, or the post answered or edited */
	int network_number;
	int64_t thread_id;
	char heading[512];
	char crumb[128];       /* "" for the thread/reply/edit defaults */
	int64_t meeting_id, practice_id; /* what a new thread is linked to */
	ui_record_submit submit; /* a record (practice, meeting): how to save the text */
	bool has_title, in_title;
	ed_buf title, body;
	enum ask ask;
	bool changed;          /* since the draft was last saved */
	bool touched;          /* since the editor opened */
	time_t last_save;
	bool save_failed;   /* the last autosave failed; complaint: what it said */
	char complaint[800];
	wchar_t *undo;         /* the current line as it was before its first change */
	size_t undo_len, undo_y;
	bool undo_valid;
	ed_buf cut;            /* lines cut with Ctrl-K */
	bool cut_fresh;        /* the last command was a cut: the next one adds to it */
	size_t top;            /* first visual row of the body shown */
	int goal_col;          /* column kept by up/down */
	/* The word whose spelling suggestions are offered (ui_spell.h). */
	bool spell_in_title;
	size_t spell_y, spell_start, spell_len;
	ui_rect r;
} editor;

static ed_buf *cur_buf(editor *ed)
{
	return ed->in_title ? &ed->title : &ed->body;
}

/* Display columns once sanitised (what is really drawn). */
static int safe_cols(const wchar_t *s, size_t n)
{
	char *u = ui_wcs_to_utf8(s, n);
	int w = u ? ui_width(u) : 0;
	free(u);
	return w;
}

static int body_width(const editor *ed)
{
	return ed->r.w - 2 > 4 ? ed->r.w - 2 : 4;
}

static int body_top(const editor *ed)
{
	return ed->has_title ? 3 : 2;
}

static int body_height(const editor *ed)
{
	int h = ed->r.h - body_top(ed);
	return h > 1 ? h : 1;
}

/* Visual rows of the body: (line, span) pairs for the current width. */
typedef struct {
	size_t line;
	ui_span span;
} vrow;

static vrow *visual_rows(editor *ed, size_t *n_out)
{
	vrow *rows = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < ed->body.n; i++) {
		ui_spans sp = { 0 };
		ui_wrap(ed->body.lines[i].s, ed->body.lines[i].len, body_width(ed), UI_WRAP_KEEP_SPACES,
		        &sp);
		if (n + sp.n > cap) {
			cap = (n + sp.n) * 2;
			vrow *p = realloc(rows, cap * sizeof *p);
			if (!p) {
				ui_spans_free(&sp);
				break;
			}
			rows = p;
		}
		for (size_t k = 0; k < sp.n; k++)
			rows[n++] = (vrow){ i, sp.items[k] };
		ui_spans_free(&sp);
	}
	*n_out = n;
	return rows;
}

/* The visual row holding the cursor. */
static size_t cursor_row(const vrow *rows, size_t n, const ed_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].line != b->cy)
			continue;
		bool last = i + 1 >= n || rows[i + 1].line != b->cy;
		if (b->cx < rows[i].span.start + rows[i].span.len || last)
			return i;
	}
	return 0;
}

static void keep_in_view(editor *ed, size_t crow)
{
	size_t h = (size_t)body_height(ed);
	if (crow < ed->top)
		ed->top = crow;
	else if (crow >= ed->top + h)
		ed->top = crow - h + 1;
}

/* One row of text with the misspelled words underlined. Only rows on the screen are
 * checked, and each word once (ui_spell.c remembers): a key costs little. */
static void put_checked(int y, int x, const wchar_t *s, size_t n, size_t cursor, int cols)
{
	bool marks[1024];
	if (n > sizeof marks / sizeof marks[0] || !ui_spell_marks_but(s, n, cursor, marks)) {
		ui_putw(stdscr, y, x, s, n, cols);
		return;
	}
	for (size_t i = 0; i < n && cols > 0;) {
		size_t j = i;
		while (j < n && marks[j] == marks[i])
			j++;
		if (marks[i])
			attron(A_UNDERLINE);
		int w = ui_putw(stdscr, y, x, s + i, j - i, cols);
		if (marks[i])
			attroff(A_UNDERLINE);
		x += w;
		cols -= w;
		i = j;
	}
}

static void editor_draw(ui_screen *s, ui_ctx *c, ui_rect r)
{
	editor *ed = (editor *)s;
	ed->r = r;
	theme_set(stdscr, TH_HEADING);
	ui_put(stdscr, r.y, r.x + 1, ed->heading, r.w - 2);
	theme_set(stdscr, TH_NORMAL);
	if (ed->has_title) {
		const char *label = _("Title: ");
		int lw = ui_put(stdscr, r.y + 1, r.x + 1, label, r.w - 2);
		int room = r.w - 2 - lw;
		ed_line *t = &ed->title.lines[0];
		/* keep the cursor in view on a long title */
		size_t start = ui_scroll_start(t->s, ed->title.cx, room);
		theme_set(stdscr, ed->in_title ? TH_SEL : TH_NORMAL);
		ui_fill(stdscr, r.y + 1, r.x + 1 + lw, room);
		ui_putw(stdscr, r.y + 1, r.x + 1 + lw, t->s + start, t->len - start, room);
		theme_set(stdscr, TH_NORMAL);
		if (ed->in_title)
			s->cur_y = r.y + 1,
			s->cur_x = r.x + 1 + lw + safe_cols(t->s + start, ed->title.cx - start);
	}
	theme_set(stdscr, TH_BORDER);
	theme_hline(stdscr, r.y + body_top(ed) - 1, r.x, r.w);
	theme_set(stdscr, TH_NORMAL);
	size_t n;
	vrow *rows = visual_rows(ed, &n);
	size_t crow = cursor_row(rows, n, &ed->body);
	keep_in_view(ed, crow);
	int y0 = r.y + body_top(ed), h = body_height(ed);
	for (int y = 0; y < h && ed->top + (size_t)y < n; y++) {
		vrow *v = &rows[ed->top + (size_t)y];
		const wchar_t *line = ed->body.lines[v->line].s;
		bool comment = ed->submit && ed->body.lines[v->line].len && line[0] == L'#';
		theme_set(stdscr, comment ? TH_DIM : v->span.len && line[0] == L'>' ? TH_QUOTE : TH_NORMAL);
		size_t cursor = !ed->in_title && v->line == ed->body.cy && ed->body.cx >= v->span.start
		                ? ed->body.cx - v->span.start : (size_t)-1;
		put_checked(y0 + y, r.x + 1, line + v->span.start, v->span.len, cursor, body_width(ed));
	}
	theme_set(stdscr, TH_NORMAL);
	if (!ed->in_title && n) {
		vrow *v = &rows[crow];
		int x = safe_cols(ed->body.lines[v->line].s + v->span.start,
		                  ed->body.cx - v->span.start);
		if (x >= body_width(ed))
			x = body_width(ed) - 1;
		s->cur_y = y0 + (int)(crow - ed->top), s->cur_x = r.x + 1 + x;
	}
	free(rows);
}

/* Move up or down by visual rows, keeping the column. */
static void move_rows(editor *ed, int delta)
{
	size_t n;
	vrow *rows = visual_rows(ed, &n);
	if (!n) {
		free(rows);
		return;
	}
	size_t crow = cursor_row(rows, n, &ed->body);
	if (ed->goal_col < 0)
		ed->goal_col = safe_cols(ed->body.lines[ed->body.cy].s + rows[crow].span.start,
		                         ed->body.cx - rows[crow].span.start);
	long target = (long)crow + delta;
	if (target < 0) {
		if (ed->has_title && crow == 0)
			ed->in_title = true;
		target = 0;
	}
	if (target >= (long)n)
		target = (long)n - 1;
	vrow *v = &rows[target];
	const wchar_t *s = ed->body.lines[v->line].s + v->span.start;
	size_t k = ui_wcs_fit(s, v->span.len, ed->goal_col);
	bool last = (size_t)target + 1 >= n || rows[target + 1].line != v->line;
	if (!last && k >= v->span.len && k) /* stay on this visual row */
		k = v->span.len - 1;
	ed->body.cy = v->line;
	ed->body.cx = v->span.start + k;
	free(rows);
}

/* Before the first change to a line, remember it for Ctrl-U. */
static void snapshot(editor *ed)
{
	ed_buf *b = cur_buf(ed);
	if (ed->undo_valid && ed->undo_y == b->cy && !ed->in_title)
		return;
	free(ed->undo);
	ed->undo = NULL;
	ed->undo_valid = false;
	if (ed->in_title)
		return;
	ed_line *l = &b->lines[b->cy];
	ed->undo = malloc((l->len + 1) * sizeof *ed->undo);
	if (!ed->undo)
		return;
	memcpy(ed->undo, l->s, (l->len + 1) * sizeof *ed->undo);
	ed->undo_len = l->len, ed->undo_y = b->cy, ed->undo_valid = true;
}

static void changed(editor *ed)
{
	ed->changed = ed->touched = true;
}

/* Characters that may go into a post: printable, no bidi or format controls. */
static bool acceptable(wint_t ch)
{
	if (ch < 32 || (ch >= 0x7f && ch < 0xa0))
		return false;
	if ((ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069) || ch == 0x200e ||
	    ch == 0x200f || ch == 0x061c)
		return false;
	return iswprint(ch) || ch >= 0x100; /* C locale: iswprint knows only ASCII */
}

/* quiet: a save on the side (the autosave, after a failed send) waits only a moment for
 * another writer, so typing never stops for the full busy wait; the text stays in the
 * editor, and the next autosave tries again. */
static bool save_draft(editor *ed, bool report, bool quiet)
{
	error e;
	char *title = ed->has_title ? ed_text(&ed->title) : NULL;
	char *body = ed_text(&ed->body);
	int wait = quiet ? db_set_wait_limit(ed->c->d, UI_QUIET_WAIT_MS) : 0;
	status st = body ? draft_save(ed->c->d, ed->c->me, ed->kind, ed->target, title, body, &e)
	                 : ST_INTERNAL;
	if (quiet)
		db_set_wait_limit(ed->c->d, wait);
	if (st == ST_OK)
		ed->changed = false;
	else if (report && body)
		ui_status_error(ed->c, &e);
	ed->last_save = time(NULL);
	free(title), free(body);
	return st == ST_OK;
}

static void restore_draft(editor *ed)
{
	draft dr;
	error e;
	if (draft_load(ed->c->d, ed->c->me, ed->kind, ed->target, &dr, &e) != ST_OK)
		return;
	ed_free(&ed->body);
	ed_init(&ed->body, dr.body);
	if (ed->has_title) {
		ed_free(&ed->title);
		ed_init(&ed->title, dr.title);
		ed->title.cx = ed->title.lines[0].len;
	}
	ed->body.cy = ed->body.n - 1;
	ed->body.cx = ed->body.lines[ed->body.cy].len;
	ed->in_title = false;
	ed->touched = true; /* restored text is worth asking about before it is dropped */
	draft_clear(&dr);
}

/* $VISUAL or $EDITOR (ui_extedit.c); the text comes back as the new body. */
static void run_external(editor *ed)
{
	char *text = ed_text(&ed->body), *out = NULL;
	if (text && ui_external_edit(ed->c, text, &out)) {
		ed_free(&ed->body);
		ed_init(&ed->body, out);
		ed->body.cy = ed->body.n - 1;
		ed->body.cx = ed->body.lines[ed->body.cy].len;
		ed->in_title = false;
		changed(ed);
	}
	free(text);
	free(out);
}

static unsigned send(editor *ed, ui_ctx *c)
{
	error e;
	char *title = ed->has_title ? ed_text(&ed->title) : NULL;
	char *body = ed_text(&ed->body);
	status st = ST_INTERNAL;
	int64_t id = 0;
	if (body) {
		/* Trailing blank lines are not part of the text. */
		size_t n = strlen(body);
		while (n && (body[n - 1] == '\n' || body[n - 1] == ' '))
			body[--n] = '\0';
		err_clear(&e);
		if (ed->submit)
			st = ed->submit(c, ed->target, body, &id, &e);
		else if (strcmp(ed->kind, "thread") == 0)
			st = forum_new_thread_linked(c->d, c->me, ed->network_number, title, body,
			                             ed->meeting_id, ed->practice_id, &id, &e);
		else if (strcmp(ed->kind, "reply") == 0)
			st = forum_reply(c->d, c->me, ed->thread_id, ed->target, body, &id, &e);
		else
			st = forum_edit_post(c->d, c->me, ed->target, body, &e);
	} else {
		err_oom(&e);
	}
	free(title), free(body);
	if (st != ST_OK) {
		save_draft(ed, false, true); /* nothing is lost: the text stays, as a draft too */
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	draft_delete(c->d, c->me, ed->kind, ed->target, &e);
	ed->changed = ed->touched = false;
	if (ed->submit) {
		ui_status(c, false, "%s", _("Saved."));
		return UI_R_POP | UI_R_RELOAD;
	}
	ui_status(c, false, "%s", _("Sent."));
	if (strcmp(ed->kind, "thread") == 0) {
		ui_screen *rd = ui_reader_new(c, id, 0);
		if (rd) {
			c->push = rd;
			return UI_R_POP | UI_R_PUSH | UI_R_RELOAD;
		}
	}
	return UI_R_POP | UI_R_RELOAD;
}

static void ask(editor *ed, enum ask a, const char *question)
{
	ed->ask = a;
	str_fitf(ed->c->prompt, sizeof ed->c->prompt, "%s", question);
}

static unsigned answer(editor *ed, ui_ctx *c, ui_cmd_id cmd, int key)
{
	bool yes = key == 'y' || key == 'Y' || key == 't' || key == 'T';
	bool no = key == 'n' || key == 'N';
	bool esc = cmd == CMD_CANCEL;
	if (!yes && !no && !esc)
		return UI_R_NONE; /* keep asking */
	enum ask a = ed->ask;
	ed->ask = ASK_NONE;
	c->prompt[0] = '\0';
	error e;
	switch (a) {
	case ASK_RESTORE:
		if (yes)
			restore_draft(ed);
		else if (no)
			draft_delete(c->d, c->me, ed->kind, ed->target, &e);
		break;
	case ASK_SEND:
		if (yes)
			return send(ed, c);
		break;
	case ASK_KEEP:
		if (esc)
			break;
		/* A draft that could not be saved keeps the editor open, with the reason. */
		if (yes && !save_draft(ed, true, false))
			return UI_R_REDRAW;
		if (!yes)
			draft_delete(c->d, c->me, ed->kind, ed->target, &e);
		ed->changed = ed->touched = false;
		return UI_R_POP;
	case ASK_NONE: break;
	}
	return UI_R_REDRAW;
}

static unsigned edit_key(editor *ed, int key)
{
	ed_buf *b = cur_buf(ed);
	bool keep_goal = false;
	switch (key) {
	case '\n': case '\r': case UI_KFN | KEY_ENTER:
		if (ed->in_title) {
			ed->in_title = false;
			break;
		}
		snapshot(ed);
		ed_newline(b);
		changed(ed);
		break;
	case K_TAB:
		if (ed->has_title) {
			ed->in_title = !ed->in_title;
		} else {
			snapshot(ed);
			for (int i = 0; i < 4; i++)
				ed_insert(b, L' ');
			changed(ed);
		}
		break;
	case UI_KFN | KEY_BTAB:
		if (ed->has_title)
			ed->in_title = !ed->in_title;
		break;
	case UI_KFN | KEY_BACKSPACE: case 127: case 8:
		snapshot(ed);
		ed_backspace(b);
		changed(ed);
		break;
	case UI_KFN | KEY_DC:
		snapshot(ed);
		ed_delete(b);
		changed(ed);
		break;
	case UI_KFN | KEY_LEFT:
		if (b->cx)
			b->cx--;
		else if (b->cy)
			b->cy--, b->cx = b->lines[b->cy].len;
		break;
	case UI_KFN | KEY_RIGHT:
		if (b->cx < b->lines[b->cy].len)
			b->cx++;
		else if (b->cy + 1 < b->n)
			b->cy++, b->cx = 0;
		break;
	case UI_KFN | KEY_HOME: case K_CTRL('a'): b->cx = 0; break;
	case UI_KFN | KEY_END: case K_CTRL('e'): b->cx = b->lines[b->cy].len; break;
	case UI_KFN | KEY_UP:
		if (!ed->in_title)
			move_rows(ed, -1), keep_goal = true;
		break;
	case UI_KFN | KEY_DOWN:
		if (ed->in_title)
			ed->in_title = false;
		else
			move_rows(ed, 1), keep_goal = true;
		break;
	case UI_KFN | KEY_PPAGE:
		if (!ed->in_title)
			move_rows(ed, -body_height(ed)), keep_goal = true;
		break;
	case UI_KFN | KEY_NPAGE:
		if (!ed->in_title)
			move_rows(ed, body_height(ed)), keep_goal = true;
		break;
	default:
		if ((key & UI_KFN) || !acceptable((wint_t)key))
			return UI_R_NONE;
		snapshot(ed);
		ed_insert(b, (wchar_t)key);
		changed(ed);
		break;
	}
	if (!keep_goal)
		ed->goal_col = -1;
	return UI_R_REDRAW;
}

static void cut_line(editor *ed)
{
	if (ed->in_title)
		return;
	ed_buf *b = &ed->body;
	ed_line *l = &b->lines[b->cy];
	if (!ed->cut_fresh) {
		ed_free(&ed->cut); /* no lines at all: ed_insert_line adds them */
	}
	ed_insert_line(&ed->cut, ed->cut.n, l->s, l->len);
	ed_remove_line(b, b->cy);
	b->cx = 0;
	ed->undo_valid = false;
	changed(ed);
}

static void paste(editor *ed)
{
	if (ed->in_title)
		return;
	ed_buf *b = &ed->body;
	for (size_t i = 0; i < ed->cut.n; i++)
		ed_insert_line(b, b->cy + i, ed->cut.lines[i].s, ed->cut.lines[i].len);
	b->cy += ed->cut.n;
	if (b->cy >= b->n)
		b->cy = b->n - 1;
	b->cx = 0;
	ed->undo_valid = false;
	changed(ed);
}

/* A suggestion chosen: it replaces the word. */
static unsigned spell_chosen(ui_ctx *c, void *arg, size_t index)
{
	editor *ed = arg;
	char **sug;
	ed_buf *b = ed->spell_in_title ? &ed->title : &ed->body;
	if (ed->spell_y >= b->n)
		return UI_R_REDRAW;
	ed_line *l = &b->lines[ed->spell_y];
	int n = ui_spell_suggest(l->s + ed->spell_start, ed->spell_len, &sug);
	if ((int)index < n && ed->spell_start + ed->spell_len <= l->len) {
		size_t wn;
		wchar_t *w = ui_utf8_to_wcs(sug[index], &wn);
		size_t tail = l->len - ed->spell_start - ed->spell_len, len = ed->spell_start + wn + tail;
		wchar_t *line = w ? malloc((len + 1) * sizeof *line) : NULL;
		if (line) {
			wmemcpy(line, l->s, ed->spell_start);
			wmemcpy(line + ed->spell_start, w, wn);
			wmemcpy(line + ed->spell_start + wn, l->s + ed->spell_start + ed->spell_len, tail);
			if (ed_set_line(b, ed->spell_y, line, len)) {
				b->cy = ed->spell_y;
				b->cx = ed->spell_start + wn;
				changed(ed);
			}
		}
		free(line);
		free(w);
	}
	for (int i = 0; i < n; i++)
		free(sug[i]);
	free(sug);
	return UI_R_REDRAW;
}

static unsigned spell_suggest(editor *ed, ui_ctx *c)
{
	if (!ui_spell_active()) {
		ui_status(c, true, "%s", _("Spelling is off (no dictionary, or 'spelling = no' in the configuration)."));
		return UI_R_REDRAW;
	}
	ed_buf *b = ed->in_title ? &ed->title : &ed->body;
	ed_line *l = &b->lines[b->cy];
	size_t start, len;
	if (!ui_spell_word_at(l->s, l->len, b->cx, &start, &len)) {
		ui_status(c, false, "%s", _("Put the cursor on a word to see its spelling suggestions."));
		return UI_R_REDRAW;
	}
	char **sug;
	int n = ui_spell_suggest(l->s + start, len, &sug);
	char *word = ui_wcs_to_utf8(l->s + start, len);
	if (n <= 0) {
		ui_status(c, false, _("No suggestions for \"%s\"."), word ? word : "");
		free(word);
		free(sug);
		return UI_R_REDRAW;
	}
	ed->spell_in_title = ed->in_title;
	ed->spell_y = b->cy, ed->spell_start = start, ed->spell_len = len;
	char title[300];
	str_fitf(title, sizeof title, _("Instead of \"%s\""), word ? word : "");
	ui_screen *pk = ui_pick_new(c, title, (const char *const *)sug, (size_t)n, 0, spell_chosen, ed);
	for (int i = 0; i < n; i++)
		free(sug[i]);
	free(sug);
	free(word);
	return ui_open(c, pk);
}

static unsigned editor_key(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key)
{
	editor *ed = (editor *)s;
	if (ed->ask != ASK_NONE)
		return answer(ed, c, cmd, key);
	bool was_cut = ed->cut_fresh;
	ed->cut_fresh = false;
	switch (cmd) {
	case CMD_SEND: {
		error e;
		char *title = ed->has_title ? ed_text(&ed->title) : NULL;
		char *body = ed_text(&ed->body);
		status st = !body ? ST_INTERNAL : ed->submit ? ST_OK : forum_validate_text(title, body, &e);
		free(title), free(body);
		if (st != ST_OK) {
			ui_status_error(c, &e);
			return UI_R_REDRAW;
		}
		ask(ed, ASK_SEND, ed->submit ? _("Save this now? (y/n)") : _("Send this now? (y/n)"));
		return UI_R_REDRAW;
	}
	case CMD_CANCEL:
		if (ed->touched && !ed_empty(&ed->body)) {
			ask(ed, ASK_KEEP, _("Keep the text as a draft? (y/n, Esc: go on writing)"));
			return UI_R_REDRAW;
		}
		if (!ed->touched)
			return UI_R_POP; /* an untouched draft stays as it was */
		{
			error e;
			draft_delete(c->d, c->me, ed->kind, ed->target, &e);
		}
		ed->changed = ed->touched = false;
		return UI_R_POP;
	case CMD_EXTERNAL: run_external(ed); return UI_R_REDRAW;
	case CMD_SPELL: return spell_suggest(ed, c);
	case CMD_CUT_LINE:
		ed->cut_fresh = was_cut;
		cut_line(ed);
		ed->cut_fresh = true;
		return UI_R_REDRAW;
	case CMD_PASTE: paste(ed); return UI_R_REDRAW;
	case CMD_UNDO_LINE:
		if (ed->undo_valid && !ed->in_title && ed->undo_y < ed->body.n) {
			ed_set_line(&ed->body, ed->undo_y, ed->undo, ed->undo_len);
			ed->body.cy = ed->undo_y;
			if (ed->body.cx > ed->undo_len)
				ed->body.cx = ed->undo_len;
			ed->undo_valid = false;
			changed(ed);
		}
		return UI_R_REDRAW;
	case CMD_NONE: return edit_key(ed, key);
	default: return UI_R_UNHANDLED;
	}
}

static bool editor_wants_text(ui_screen *s)
{
	return true;
}

static unsigned editor_tick(ui_screen *s, ui_ctx *c)
{
	editor *ed = (editor *)s;
	if (!ed->changed || time(NULL) - ed->last_save < AUTOSAVE_SECONDS)
		return UI_R_NONE;
	bool saved = save_draft(ed, true, true);
	bool show = !saved;
	if (!saved) {
		str_fitf(ed->complaint, sizeof ed->complaint, "%s", c->status);
	} else if (ed->save_failed && strcmp(c->status, ed->complaint) == 0) {
		c->status[0] = '\0'; /* the complaint is past (and nothing else was said since) */
		show = true;
	}
	ed->save_failed = !saved;
	return show ? UI_R_REDRAW : UI_R_NONE;
}

static void editor_save(ui_screen *s, ui_ctx *c)
{
	editor *ed = (editor *)s;
	if (ed->changed && ed->touched)
		save_draft(ed, false, false);
}

static void editor_resize(ui_screen *s, ui_ctx *c, ui_rect r)
{
	((editor *)s)->r = r;
}

static unsigned editor_pre(ui_screen *s, ui_ctx *c)
{
	return c->opt->restricted ? 0 : PRE_FREE;
}

static void editor_crumb(ui_screen *s, ui_ctx *c, char *buf, size_t n)
{
	editor *ed = (editor *)s;
	if (ed->crumb[0]) {
		ui_crumb_add(buf, n, ed->crumb);
		return;
	}
	ui_crumb_add(buf, n, strcmp(ed->kind, "thread") == 0 ? _("New thread")
	                     : strcmp(ed->kind, "edit") == 0 ? _("Edit")
	                                                     : _("Reply"));
}

static void editor_destroy(ui_screen *s)
{
	editor *ed = (editor *)s;
	if (ed->ask != ASK_NONE)
		ed->c->prompt[0] = '\0';
	ed_free(&ed->title), ed_free(&ed->body), ed_free(&ed->cut);
	free(ed->undo);
	free(ed);
}

static unsigned editor_paste(ui_screen *s, ui_ctx *c, const wchar_t *text, size_t n)
{
	editor *ed = (editor *)s;
	if (ed->ask != ASK_NONE)
		return UI_R_NONE; /* a paste never answers a question */
	snapshot(ed);
	if (!ed_insert_text(cur_buf(ed), text, n, ed->in_title))
		ui_status(c, true, "%s", _("Not enough memory for the whole paste: part of it was left out."));
	ed->goal_col = -1;
	changed(ed);
	return UI_R_REDRAW;
}

static const ui_screen_ops editor_ops = {
	.paste = editor_paste,
	.kind = SC_EDITOR,
	.draw = editor_draw,
	.key = editor_key,
	.resize = editor_resize,
	.pre = editor_pre,
	.crumb = editor_crumb,
	.tick = editor_tick,
	.wants_text = editor_wants_text,
	.save = editor_save,
	.destroy = editor_destroy,
};

static editor *editor_new(ui_ctx *c, const char *kind, int64_t target, const char *text,
                          bool has_title)
{
	editor *ed = calloc(1, sizeof *ed);
	if (!ed)
		return NULL;
	ed->base.ops = &editor_ops;
	ed->c = c, ed->kind = kind, ed->target = target;
	ed->has_title = ed->in_title = has_title;
	ed->goal_col = -1;
	ed->last_save = time(NULL);
	ed_init(&ed->title, "");
	ed_init(&ed->body, text);
	ed_init(&ed->cut, "");
	ed->body.cy = ed->body.n - 1;
	ed->body.cx = ed->body.lines[ed->body.cy].len;
	/* Offer a draft left by an earlier session (or a dropped connection). */
	draft dr;
	error e;
	if (draft_load(c->d, c->me, kind, target, &dr, &e) == ST_OK) {
		char date[32], q[400];
		ui_date(dr.updated_at, date, sizeof date);
		snprintf(q, sizeof q, _("Restore the draft from %s? (y/n)"), date);
		ask(ed, ASK_RESTORE, q);
		draft_clear(&dr);
	}
	return ed;
}

ui_screen *ui_editor_new_thread(ui_ctx *c, int network_number, int64_t network_id)
{
	editor *ed = editor_new(c, "thread", network_id, "", true);
	if (!ed)
		return NULL;
	ed->network_number = network_number;
	snprintf(ed->heading, sizeof ed->heading, _("New thread in network %d"), network_number);
	return &ed->base;
}

ui_screen *ui_editor_new_thread_linked(ui_ctx *c, int network_number, int64_t network_id,
                                       const char *title, const char *body, int64_t meeting_id,
                                       int64_t practice_id)
{
	editor *ed = editor_new(c, "thread", network_id, body ? body : "", true);
	if (!ed)
		return NULL;
	ed->network_number = network_number;
	ed->meeting_id = meeting_id, ed->practice_id = practice_id;
	ed_free(&ed->title);
	ed_init(&ed->title, title ? title : "");
	ed->title.cx = ed->title.lines[0].len;
	if (title && *title)
		ed->in_title = false; /* the title is given: start in the text */
	snprintf(ed->heading, sizeof ed->heading, _("New thread in network %d"), network_number);
	return &ed->base;
}

ui_screen *ui_editor_record(ui_ctx *c, const char *kind, int64_t target, const char *heading,
                            const char *crumb, const char *text, ui_record_submit submit)
{
	editor *ed = editor_new(c, kind, target, text, false);
	if (!ed)
		return NULL;
	ed->submit = submit;
	str_fitf(ed->heading, sizeof ed->heading, "%s", heading);
	str_fitf(ed->crumb, sizeof ed->crumb, "%s", crumb);
	/* Start after the first label with nothing after it (a new record), else on the
	 * first field. */
	size_t first_field = (size_t)-1, first_empty = (size_t)-1;
	for (size_t i = 0; i < ed->body.n; i++) {
		const ed_line *l = &ed->body.lines[i];
		if (!l->len || l->s[0] == L'#')
			continue;
		if (first_field == (size_t)-1)
			first_field = i;
		if (first_empty == (size_t)-1 && l->s[l->len - 1] == L':')
			first_empty = i;
	}
	ed->body.cy = target <= 0 && first_empty != (size_t)-1 ? first_empty
	              : first_field != (size_t)-1          ? first_field
	                                                    : 0;
	ed->body.cx = ed->body.lines[ed->body.cy].len;
	return &ed->base;
}

/* The first post of a thread (what a reply to "the thread" answers). */
static int64_t first_post(ui_ctx *c, int64_t thread_id)
{
	post_list l;
	error e;
	int64_t id = 0;
	if (forum_posts_page(c->d, c->me, thread_id, NULL, false, 1, &l, &e) == ST_OK) {
		if (l.n)
			id = l.items[0].id;
		post_list_free(&l);
	}
	return id;
}

ui_screen *ui_editor_reply(ui_ctx *c, int64_t thread_id, int64_t parent_id, bool quote)
{
	error e;
	post p;
	if (!parent_id)
		parent_id = first_post(c, thread_id);
	if (!parent_id || forum_post(c->d, c->me, parent_id, &p, &e) != ST_OK) {
		ui_status(c, true, "%s", _("There is no post to answer."));
		return NULL;
	}
	char *text = NULL;
	if (quote) {
		/* "> " before every line of the post, then an empty line to write in. */
		size_t n = strlen(p.body), lines = 1;
		for (size_t i = 0; i < n; i++)
			lines += p.body[i] == '\n';
		text = malloc(n + lines * 2 + 3);
		if (text) {
			char *o = text;
			const char *line = p.body;
			for (;;) {
				const char *nl = strchr(line, '\n');
				size_t len = nl ? (size_t)(nl - line) : strlen(line);
				*o++ = '>';
				if (len)
					*o++ = ' ';
				memcpy(o, line, len);
				o += len;
				*o++ = '\n';
				if (!nl)
					break;
				line = nl + 1;
			}
			*o++ = '\n';
			*o = '\0';
		}
	}
	editor *ed = editor_new(c, "reply", parent_id, text ? text : "", false);
	free(text);
	if (ed) {
		ed->thread_id = thread_id;
		str_fitf(ed->heading, sizeof ed->heading, _("Reply to %s"), p.author ? p.author : "");
		if (quote)
			ed->touched = true; /* the quote is already something to keep */
	}
	post_clear(&p);
	return ed ? &ed->base : NULL;
}

ui_screen *ui_editor_edit(ui_ctx *c, int64_t post_id)
{
	error e;
	post p;
	if (forum_post(c->d, c->me, post_id, &p, &e) != ST_OK) {
		ui_status_error(c, &e);
		return NULL;
	}
	editor *ed = editor_new(c, "edit", post_id, p.body, false);
	if (ed) {
		ed->thread_id = p.thread_id;
		snprintf(ed->heading, sizeof ed->heading, _("Edit your post #%lld"), (long long)post_id);
	}
	post_clear(&p);
	return ed ? &ed->base : NULL;
}
