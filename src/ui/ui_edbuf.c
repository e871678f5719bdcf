/* ui_edbuf.c — the editor's text: an array of wide-character lines with a cursor.
 * No curses here, so it can be tested alone. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/ui_editor.h"
#include "ui/ui_text.h"

static bool line_reserve(ed_line *l, size_t want)
{
	if (want + 1 <= l->cap)
		return true;
	size_t cap = l->cap ? l->cap : 16;
	while (cap < want + 1)
		cap *= 2;
	wchar_t *p = realloc(l->s, cap * sizeof *p);
	if (!p)
		return false;
	l->s = p, l->cap = cap;
	return true;
}

static bool line_set(ed_line *l, const wchar_t *s, size_t n)
{
	if (!line_reserve(l, n))
		return false;
	if (n)
		memcpy(l->s, s, n * sizeof *s);
	l->len = n;
	l->s[n] = 0;
	return true;
}

/* Make room for a new line at index at. */
static ed_line *insert_line(ed_buf *b, size_t at)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		ed_line *p = realloc(b->lines, cap * sizeof *p);
		if (!p)
			return NULL;
		b->lines = p, b->cap = cap;
	}
	memmove(b->lines + at + 1, b->lines + at, (b->n - at) * sizeof *b->lines);
	memset(&b->lines[at], 0, sizeof b->lines[at]);
	b->n++;
	line_set(&b->lines[at], NULL, 0);
	return &b->lines[at];
}

bool ed_init(ed_buf *b, const char *utf8)
{
	memset(b, 0, sizeof *b);
	size_t n = 0;
	wchar_t *w = ui_utf8_to_wcs(utf8 ? utf8 : "", &n);
	if (!w)
		return false;
	size_t a = 0;
	for (;;) {
		size_t e = a;
		while (e < n && w[e] != L'\n')
			e++;
		size_t len = e - a;
		if (len && w[a + len - 1] == L'\r')
			len--;
		ed_line *l = insert_line(b, b->n);
		if (!l || !line_set(l, w + a, len)) {
			free(w);
			return false;
		}
		if (e >= n)
			break;
		a = e + 1;
	}
	free(w);
	return true;
}

void ed_free(ed_buf *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->lines[i].s);
	free(b->lines);
	memset(b, 0, sizeof *b);
}

bool ed_insert(ed_buf *b, wchar_t c)
{
	ed_line *l = &b->lines[b->cy];
	if (!line_reserve(l, l->len + 1))
		return false;
	memmove(l->s + b->cx + 1, l->s + b->cx, (l->len - b->cx + 1) * sizeof *l->s);
	l->s[b->cx++] = c;
	l->len++;
	return true;
}

bool ed_newline(ed_buf *b)
{
	ed_line *nl = insert_line(b, b->cy + 1);
	if (!nl)
		return false;
	ed_line *l = &b->lines[b->cy];
	if (!line_set(nl, l->s + b->cx, l->len - b->cx))
		return false;
	l->len = b->cx;
	l->s[l->len] = 0;
	b->cy++, b->cx = 0;
	return true;
}

/* Join line i+1 onto line i. */
static void join(ed_buf *b, size_t i)
{
	ed_line *l = &b->lines[i], *next = &b->lines[i + 1];
	if (!line_reserve(l, l->len + next->len))
		return;
	memcpy(l->s + l->len, next->s, (next->len + 1) * sizeof *l->s);
	l->len += next->len;
	free(next->s);
	memmove(b->lines + i + 1, b->lines + i + 2, (b->n - i - 2) * sizeof *b->lines);
	b->n--;
}

/* Whole characters: a combining mark goes with its base. */
void ed_backspace(ed_buf *b)
{
	if (b->cx == 0) {
		if (b->cy == 0)
			return;
		b->cy--;
		b->cx = b->lines[b->cy].len;
		join(b, b->cy);
		return;
	}
	ed_line *l = &b->lines[b->cy];
	size_t from = b->cx - 1;
	while (from > 0 && ui_wc_cols(l->s[from]) == 0)
		from--;
	memmove(l->s + from, l->s + b->cx, (l->len - b->cx + 1) * sizeof *l->s);
	l->len -= b->cx - from;
	b->cx = from;
}

void ed_delete(ed_buf *b)
{
	ed_line *l = &b->lines[b->cy];
	if (b->cx >= l->len) {
		if (b->cy + 1 < b->n)
			join(b, b->cy);
		return;
	}
	size_t to = b->cx + 1;
	while (to < l->len && ui_wc_cols(l->s[to]) == 0)
		to++;
	memmove(l->s + b->cx, l->s + to, (l->len - to + 1) * sizeof *l->s);
	l->len -= to - b->cx;
}

char *ed_text(const ed_buf *b)
{
	size_t total = 0;
	for (size_t i = 0; i < b->n; i++)
		total += b->lines[i].len + 1;
	wchar_t *w = malloc((total + 1) * sizeof *w);
	if (!w)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (b->lines[i].len)
			memcpy(w + k, b->lines[i].s, b->lines[i].len * sizeof *w);
		k += b->lines[i].len;
		if (i + 1 < b->n)
			w[k++] = L'\n';
	}
	char *u = ui_wcs_to_utf8(w, k);
	free(w);
	return u;
}

bool ed_empty(const ed_buf *b)
{
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; k < b->lines[i].len; k++)
			if (b->lines[i].s[k] != L' ')
				return false;
	return true;
}

bool ed_set_line(ed_buf *b, size_t i, const wchar_t *s, size_t n)
{
	return i < b->n && line_set(&b->lines[i], s, n);
}

/* Remove line i (the buffer always keeps one line). */
void ed_remove_line(ed_buf *b, size_t i)
{
	if (i >= b->n)
		return;
	if (b->n == 1) {
		b->lines[0].len = 0;
		b->lines[0].s[0] = 0;
		b->cx = 0;
		return;
	}
	free(b->lines[i].s);
	memmove(b->lines + i, b->lines + i + 1, (b->n - i - 1) * sizeof *b->lines);
	b->n--;
	if (b->cy >= b->n)
		b->cy = b->n - 1;
	if (b->cx > b->lines[b->cy].len)
		b->cx = b->lines[b->cy].len;
}

bool ed_insert_line(ed_buf *b, size_t at, const wchar_t *s, size_t n)
{
	ed_line *l = insert_line(b, at);
	return l && line_set(l, s, n);
}

/* Characters a paste may not bring into the text: C0 and C1 controls, DEL, and the
 * bidi embedding/override/isolate controls (they would reorder what others see). */
static bool paste_drops(wchar_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

bool ed_insert_text(ed_buf *b, const wchar_t *s, size_t n, bool single_line)
{
	ed_line *l = &b->lines[b->cy];
	/* The rest of the line moves after the pasted text: keep it aside once. */
	size_t tail_len = l->len - b->cx;
	wchar_t *tail = malloc((tail_len + 1) * sizeof *tail);
	if (!tail)
		return false;
	memcpy(tail, l->s + b->cx, tail_len * sizeof *tail);
	l->len = b->cx;
	l->s[l->len] = 0;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		wchar_t c = s[i];
		if (c == L'\r' || c == L'\n') {
			if (c == L'\r' && i + 1 < n && s[i + 1] == L'\n')
				i++;
			if (single_line) {
				c = L' ';
			} else {
				ed_line *nl = insert_line(b, b->cy + 1);
				if (!nl) {
					ok = false;
					break;
				}
				b->cy++, b->cx = 0;
				l = &b->lines[b->cy];
				continue;
			}
		} else if (c == L'\t') {
			for (int k = 0; k < 4 && ok; k++)
				ok = line_reserve(l, l->len + 1) && (l->s[l->len++] = L' ', true);
			b->cx = l->len;
			l->s[l->len] = 0;
			continue;
		} else if (paste_drops(c)) {
			continue;
		}
		if (!line_reserve(l, l->len + 1)) {
			ok = false;
			break;
		}
		l->s[l->len++] = c;
		l->s[l->len] = 0;
		b->cx = l->len;
	}
	/* The line's old rest comes back after the text (kept even when memory ran out). */
	if (line_reserve(l, l->len + tail_len)) {
		memcpy(l->s + l->len, tail, tail_len * sizeof *tail);
		l->len += tail_len;
		l->s[l->len] = 0;
	} else {
		ok = false;
	}
	free(tail);
	return ok;
}
