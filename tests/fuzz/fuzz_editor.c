/* fuzz_editor.c — the built-in editor's text buffer (ed_buf, ui_editor.h) under a
 * stream of key operations, and records read back from labelled text (ui_fields.h).
 *
 * The input is read as operations, one byte each plus arguments: insert a character
 * (the editor accepts no controls), newline, backspace, delete, cursor moves, tab,
 * set/remove/insert a line, cut a line and paste (as the editor's Ctrl-K/Ctrl-U do).
 * After every operation the cursor must be on a line and within it, and every line
 * NUL-terminated without a '\n'; at times and at the end the text (ed_text) must read
 * back through ed_init to the same lines. The whole input, as text, is also parsed
 * with ui_fields_parse; what it reads must format (ui_fields_format) and parse back to
 * the same values. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ui/ui_editor.h"
#include "ui/ui_fields.h"

struct input {
	const uint8_t *p;
	size_t n;
};

static unsigned next(struct input *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

/* What the editor lets through as typed text (ui_editor.c: acceptable). */
static bool acceptable(uint32_t c)
{
	if (c < 32 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return false;
	return !((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
	         c == 0x200f || c == 0x061c);
}

static wchar_t next_char(struct input *in)
{
	unsigned b = next(in);
	if (b < 0x80)
		return (wchar_t)b;
	uint32_t c = ((uint32_t)(b & 0x1f) << 16 | next(in) << 8 | next(in)) % 0x110000;
	return (wchar_t)c;
}

static void check(const ed_buf *b)
{
	FUZZ_CHECK(b->n >= 1 && b->n <= b->cap);
	FUZZ_CHECK(b->cy < b->n);
	FUZZ_CHECK(b->cx <= b->lines[b->cy].len);
	for (size_t i = 0; i < b->n; i++) {
		const ed_line *l = &b->lines[i];
		FUZZ_CHECK(l->s && l->len < l->cap && l->s[l->len] == 0);
		FUZZ_CHECK(wcslen(l->s) == l->len);
		FUZZ_CHECK(wcschr(l->s, L'\n') == NULL);
	}
}

static void round_trip(const ed_buf *b)
{
	char *t = ed_text(b);
	FUZZ_CHECK(t != NULL);
	ed_buf c;
	FUZZ_CHECK(ed_init(&c, t));
	FUZZ_CHECK(c.n == b->n);
	for (size_t i = 0; i < b->n; i++)
		FUZZ_CHECK(c.lines[i].len == b->lines[i].len &&
		           wmemcmp(c.lines[i].s, b->lines[i].s, b->lines[i].len) == 0);
	char *t2 = ed_text(&c);
	FUZZ_CHECK(t2 && strcmp(t, t2) == 0);
	free(t2);
	ed_free(&c);
	free(t);
}

static void clamp_x(ed_buf *b)
{
	if (b->cx > b->lines[b->cy].len)
		b->cx = b->lines[b->cy].len;
}

static void run_editor(struct input in)
{
	ed_buf b, cut = { 0 };
	FUZZ_CHECK(ed_init(&b, ""));
	bool cut_fresh = false;
	wchar_t line[16];
	unsigned steps = 0;
	while (in.n) {
		unsigned op = next(&in) % 16;
		bool was_cut = cut_fresh;
		cut_fresh = false;
		switch (op) {
		case 0: {
			wchar_t c = next_char(&in);
			if (acceptable((uint32_t)c))
				ed_insert(&b, c);
			break;
		}
		case 1: ed_newline(&b); break;
		case 2: ed_backspace(&b); break;
		case 3: ed_delete(&b); break;
		case 4: /* left */
			if (b.cx)
				b.cx--;
			else if (b.cy)
				b.cy--, b.cx = b.lines[b.cy].len;
			break;
		case 5: /* right */
			if (b.cx < b.lines[b.cy].len)
				b.cx++;
			else if (b.cy + 1 < b.n)
				b.cy++, b.cx = 0;
			break;
		case 6: b.cx = 0; break;
		case 7: b.cx = b.lines[b.cy].len; break;
		case 8: /* up, down */
		case 9:
			if (op == 8 && b.cy)
				b.cy--;
			else if (op == 9 && b.cy + 1 < b.n)
				b.cy++;
			clamp_x(&b);
			break;
		case 10: { /* undo of a line: set it, the cursor goes there */
			size_t i = next(&in) % (b.n + 1), n = next(&in) % 16;
			for (size_t k = 0; k < n; k++) {
				line[k] = next_char(&in);
				if (!acceptable((uint32_t)line[k]))
					line[k] = L'?';
			}
			if (ed_set_line(&b, i, line, n)) {
				b.cy = i;
				clamp_x(&b);
			}
			break;
		}
		case 11: ed_remove_line(&b, next(&in) % (b.n + 1)); break;
		case 12: { /* a line inserted before the cursor's moves it down */
			size_t at = next(&in) % (b.n + 1);
			line[0] = L'x';
			if (ed_insert_line(&b, at, line, next(&in) % 2) && at <= b.cy)
				b.cy++;
			break;
		}
		case 13: /* cut the cursor's line (Ctrl-K; repeated, they gather) */
			if (!was_cut)
				ed_free(&cut);
			ed_insert_line(&cut, cut.n, b.lines[b.cy].s, b.lines[b.cy].len);
			ed_remove_line(&b, b.cy);
			b.cx = 0;
			cut_fresh = true;
			break;
		case 14: /* paste */
			for (size_t i = 0; i < cut.n; i++)
				ed_insert_line(&b, b.cy + i, cut.lines[i].s, cut.lines[i].len);
			b.cy += cut.n;
			if (b.cy >= b.n)
				b.cy = b.n - 1;
			b.cx = 0;
			break;
		case 15: /* tab */
			for (int i = 0; i < 4; i++)
				ed_insert(&b, L' ');
			break;
		}
		check(&b);
		if (++steps % 64 == 0)
			round_trip(&b);
	}
	round_trip(&b);
	(void)ed_empty(&b);
	ed_free(&b);
	ed_free(&cut);
}

static const ui_field_def defs[] = {
	{ "title", "Tytuł", "Title", false },
	{ "city", "Miasto", "Town", false },
	{ "problem", "Problem", "Problem", true },
	{ "actions", "Działania", "What was done", true },
};
#define NDEFS (sizeof defs / sizeof defs[0])

static void run_fields(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return;
	memcpy(text, data, size);
	text[size] = '\0';
	char *v[NDEFS], err[300] = "";
	int lines[NDEFS];
	if (ui_fields_parse(defs, NDEFS, text, v, lines, err, sizeof err)) {
		for (size_t i = 0; i < NDEFS; i++)
			FUZZ_CHECK(v[i] != NULL && lines[i] >= 0);
		char *again = ui_fields_format(defs, NDEFS, (const char *const *)v, "x\ny");
		FUZZ_CHECK(again != NULL);
		char *w[NDEFS];
		int lines2[NDEFS];
		FUZZ_CHECK(ui_fields_parse(defs, NDEFS, again, w, lines2, err, sizeof err));
		for (size_t i = 0; i < NDEFS; i++)
			FUZZ_CHECK(strcmp(v[i], w[i]) == 0);
		ui_fields_free(w, NDEFS);
		free(again);
		ui_fields_free(v, NDEFS);
	} else {
		FUZZ_CHECK(err[0] != '\0');
		for (size_t i = 0; i < NDEFS; i++)
			FUZZ_CHECK(v[i] == NULL);
	}
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "en_US.UTF-8");
		ready = true;
	}
	run_editor((struct input){ data, size });
	run_fields(data, size);
	return 0;
}
