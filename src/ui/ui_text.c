/* ui_text.c — display-width arithmetic and wrapping over wide strings, and the
 * drawing helpers that send every text through the sanitiser. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "text/safe.h"
#include "text/plfold.h"
#include "text/utf8.h"
#include "ui/ui_text.h"

int ui_wc_cols(wchar_t c)
{
	int w = wcwidth(c);
	if (w >= 0)
		return w;
	return c == 0 ? 0 : 1;
}

int ui_wcs_cols(const wchar_t *s, size_t n)
{
	int cols = 0;
	for (size_t i = 0; i < n && s[i]; i++)
		cols += ui_wc_cols(s[i]);
	return cols;
}

size_t ui_wcs_fit(const wchar_t *s, size_t n, int cols)
{
	size_t i = 0;
	int used = 0;
	for (; i < n && s[i]; i++) {
		int w = ui_wc_cols(s[i]);
		if (w > cols - used)
			break;
		used += w;
	}
	return i;
}

size_t ui_scroll_start(const wchar_t *s, size_t cursor, int cols)
{
	size_t start = cursor;
	int used = 0;
	while (start > 0) {
		int w = ui_wc_cols(s[start - 1]);
		if (used + w >= cols)
			break;
		used += w;
		start--;
	}
	return start;
}

static bool push_span(ui_spans *out, size_t start, size_t len)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		ui_span *p = realloc(out->items, cap * sizeof *p);
		if (!p)
			return false;
		out->items = p, out->cap = cap;
	}
	out->items[out->n++] = (ui_span){ start, len };
	return true;
}

size_t ui_link_end(const wchar_t *s, size_t pos, size_t b)
{
	static const wchar_t *const starts[] = { L"https://", L"http://", L"www." };
	for (size_t i = 0; i < sizeof starts / sizeof *starts; i++) {
		size_t n = wcslen(starts[i]);
		if (b - pos > n && wcsncmp(s + pos, starts[i], n) == 0) {
			size_t e = pos + n;
			while (e < b && s[e] != L' ')
				e++;
			return e;
		}
	}
	return pos;
}

/* Wrap one line s[a..b) (no '\n' inside). */
static bool wrap_line(const wchar_t *s, size_t a, size_t b, int width, unsigned flags,
                      ui_spans *out)
{
	bool keep = flags & UI_WRAP_KEEP_SPACES;
	size_t pos = a;
	if (width < 1)
		width = 1;
	do {
		size_t k = ui_wcs_fit(s + pos, b - pos, width);
		if (pos + k >= b)
			return push_span(out, pos, b - pos);
		if (k == 0)
			k = 1; /* a character wider than the line still takes one line */
		size_t brk = pos + k, next;
		if (s[brk] == L' ') {
			next = brk;
		} else {
			size_t sp = brk;
			while (sp > pos && s[sp - 1] != L' ')
				sp--;
			size_t le = keep || (flags & UI_WRAP_BREAK_LINKS) ? pos : ui_link_end(s, pos, b);
			if (sp > pos) /* break after the last space that fits */
				brk = next = sp;
			else if (le > pos) /* a link: whole, on its own line (cut where drawn) */
				brk = next = le;
			else
				next = brk; /* one long word: cut it */
		}
		while (next < b && s[next] == L' ')
			next++;
		if (keep)
			brk = next;
		else
			while (brk > pos && s[brk - 1] == L' ')
				brk--;
		if (!push_span(out, pos, brk - pos))
			return false;
		pos = next;
	} while (pos < b);
	return true;
}

bool ui_wrap(const wchar_t *s, size_t n, int width, unsigned flags, ui_spans *out)
{
	size_t a = 0;
	for (;;) {
		size_t b = a;
		while (b < n && s[b] != L'\n')
			b++;
		if (!wrap_line(s, a, b, width, flags, out))
			return false;
		if (b >= n)
			return true;
		a = b + 1;
	}
}

void ui_spans_free(ui_spans *sp)
{
	free(sp->items);
	memset(sp, 0, sizeof *sp);
}

wchar_t *ui_utf8_to_wcs(const char *s, size_t *n_out)
{
	size_t len = strlen(s), n = 0;
	wchar_t *w = malloc((len + 1) * sizeof *w);
	if (!w)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		w[n++] = cp == UTF8_INVALID ? (wchar_t)0xFFFD : (wchar_t)cp;
	}
	w[n] = 0;
	if (n_out)
		*n_out = n;
	return w;
}

char *ui_wcs_to_utf8(const wchar_t *s, size_t n)
{
	char *out = malloc(n * 4 + 1), *p = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t k = utf8_encode((uint32_t)s[i], p);
		if (!k)
			k = utf8_encode(0xFFFD, p);
		p += k;
	}
	*p = '\0';
	return out;
}

int ui_put(WINDOW *w, int y, int x, const char *utf8, int cols)
{
	return ui_put_marked(w, y, x, utf8, cols, NULL, 0);
}

static bool fold_word_byte(unsigned char b)
{
	return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z');
}

size_t ui_match_marks(const wchar_t *s, size_t n, const char *query, bool *marks)
{
	memset(marks, 0, n * sizeof *marks);
	char *q = query ? pl_fold(query, strlen(query)) : NULL;
	/* The text folded character by character, each byte remembering its character. */
	char *f = malloc(n * 8 + 1);
	size_t *map = malloc((n * 8 + 1) * sizeof *map), fl = 0, marked = 0;
	if (!q || !f || !map)
		goto out;
	for (size_t i = 0; i < n; i++) {
		char u[8];
		size_t ul = utf8_encode((uint32_t)s[i], u);
		char *fc = ul ? pl_fold(u, ul) : NULL;
		for (const char *p = fc ? fc : "?"; *p && fl < n * 8; p++) {
			f[fl] = *p;
			map[fl++] = i;
		}
		free(fc);
	}
	f[fl] = '\0';
	for (const char *w = q; *w;) {
		while (*w && !fold_word_byte((unsigned char)*w))
			w++;
		size_t wl = 0;
		while (w[wl] && fold_word_byte((unsigned char)w[wl]))
			wl++;
		if (!wl)
			break;
		for (size_t at = 0; at + wl <= fl; at++) {
			if ((at == 0 || !fold_word_byte((unsigned char)f[at - 1])) &&
			    strncmp(f + at, w, wl) == 0) {
				for (size_t k = at; k < at + wl; k++)
					if (!marks[map[k]]) {
						marks[map[k]] = true;
						marked++;
					}
			}
		}
		w += wl;
	}
out:
	free(q);
	free(f);
	free(map);
	return marked;
}

int ui_put_marked(WINDOW *w, int y, int x, const char *utf8, int cols, const char *query,
                  attr_t mark)
{
	if (cols <= 0 || !utf8)
		return 0;
	wchar_t *ws = safe_wcs(utf8, (size_t)-1, SAFE_TABS);
	if (!ws)
		return 0;
	size_t k = safe_wcs_fit(ws, cols);
	int used = safe_wcs_width(ws, k);
	bool *marks = query ? calloc(k + 1, sizeof *marks) : NULL;
	if (marks)
		ui_match_marks(ws, k, query, marks);
	wmove(w, y, x);
	for (size_t i = 0; i < k;) {
		size_t j = i;
		bool on = marks && marks[i];
		while (j < k && (marks && marks[j]) == on)
			j++;
		if (on)
			wattr_on(w, mark, NULL);
		waddnwstr(w, ws + i, (int)(j - i));
		if (on)
			wattr_off(w, mark, NULL);
		i = j;
	}
	free(marks);
	free(ws);
	return used;
}

int ui_putw(WINDOW *w, int y, int x, const wchar_t *s, size_t n, int cols)
{
	char *u = ui_wcs_to_utf8(s, n);
	int used = ui_put(w, y, x, u, cols);
	free(u);
	return used;
}

int ui_putw_cut(WINDOW *w, int y, int x, const wchar_t *s, size_t n, int cols)
{
	if (cols < 2 || ui_wcs_cols(s, n) <= cols)
		return ui_putw(w, y, x, s, n, cols);
	int used = ui_putw(w, y, x, s, ui_wcs_fit(s, n, cols - 1), cols - 1);
	return used + ui_put(w, y, x + used, "…", 1);
}

int ui_width(const char *utf8)
{
	return safe_width(utf8);
}

void ui_fill(WINDOW *w, int y, int x, int cols)
{
	if (cols > 0)
		mvwhline(w, y, x, ' ', cols);
}

void ui_date(const char *iso, char *out, size_t n)
{
	if (!iso || strlen(iso) < 10) {
		snprintf(out, n, "%s", iso ? iso : "");
		return;
	}
	if (strlen(iso) >= 16 && strncmp(iso + 11, "00:00", 5) != 0)
		snprintf(out, n, "%.10s %.5s", iso, iso + 11);
	else
		snprintf(out, n, "%.10s", iso);
}
