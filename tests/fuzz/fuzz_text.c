/* fuzz_text.c — the sanitiser (safe.h), display widths and wrapping (ui_text.h).
 *
 * The first byte chooses the sanitiser's flags (bits 0-1) and the terminal charset it
 * pretends (bits 2-3: UTF-8, ISO-8859-2, CP1250, ASCII); the rest is untrusted UTF-8.
 * Checked:
 *   - nothing the sanitiser gives out (safe_wcs, safe_mbs, safe_utf8) holds a C0/C1
 *     control, DEL or a bidi control ('\n' only with SAFE_MULTILINE), and every wide
 *     character it gives can be shown in the charset;
 *   - ui_wcs_fit never gives more columns than asked, nor more characters than there are;
 *   - ui_wrap's spans are in order, within the text, no wider than the width (unless
 *     a single character is), skip only spaces and line ends, and with
 *     UI_WRAP_KEEP_SPACES cover every character but the '\n's.
 * Both the sanitised text and the raw text (ui_utf8_to_wcs, the editor's view) are
 * measured and wrapped. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text/safe.h"
#include "text/utf8.h"
#include "ui/ui_text.h"

static bool forbidden(uint32_t c, unsigned flags)
{
	if (c == '\n')
		return !(flags & SAFE_MULTILINE);
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c ||
	       (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff;
}

static void check_wcs(const wchar_t *w, unsigned flags)
{
	for (size_t i = 0; w[i]; i++) {
		FUZZ_CHECK(!forbidden((uint32_t)w[i], flags));
		FUZZ_CHECK(w[i] == L'\n' || safe_can_show(w[i]));
		if (flags & SAFE_TABS)
			FUZZ_CHECK(w[i] != L'\t');
	}
}

static void check_utf8(const char *s, unsigned flags)
{
	size_t len = strlen(s);
	FUZZ_CHECK(utf8_valid(s, len));
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		FUZZ_CHECK(!forbidden(cp, flags));
	}
}

static void check_mbs(const char *s, unsigned flags, enum safe_charset cs)
{
	if (cs == SAFE_CS_UTF8) {
		check_utf8(s, flags);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			FUZZ_CHECK(flags & SAFE_MULTILINE);
		else
			FUZZ_CHECK(*p >= 0x20 && *p != 0x7f);
		if (cs == SAFE_CS_ASCII)
			FUZZ_CHECK(*p < 0x80);
		if (cs == SAFE_CS_LATIN2)
			FUZZ_CHECK(*p < 0x80 || *p > 0x9f);
	}
}

static void check_fit(const wchar_t *w, size_t n)
{
	int total = ui_wcs_cols(w, n);
	FUZZ_CHECK(total >= 0);
	FUZZ_CHECK(ui_wcs_fit(w, n, total) == wcsnlen(w, n));
	static const int cols[] = { 0, 1, 2, 3, 5, 8, 13, 40, 80 };
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		size_t k = ui_wcs_fit(w, n, cols[i]);
		FUZZ_CHECK(k <= n);
		FUZZ_CHECK(ui_wcs_cols(w, k) <= cols[i]);
		FUZZ_CHECK(ui_wcs_cols(w, k) <= total);
	}
	FUZZ_CHECK(ui_wcs_fit(w, n, -1) == 0);
}

static void check_wrap(const wchar_t *w, size_t n, int width, unsigned flags)
{
	ui_spans sp = { 0 };
	if (!ui_wrap(w, n, width, flags, &sp)) {
		ui_spans_free(&sp);
		return;
	}
	FUZZ_CHECK(sp.n >= 1);
	size_t end = 0; /* where the previous span ended */
	for (size_t i = 0; i < sp.n; i++) {
		ui_span s = sp.items[i];
		FUZZ_CHECK(s.start <= n && s.len <= n - s.start);
		FUZZ_CHECK(i == 0 ? s.start == 0 : s.start >= end);
		/* Between two spans: only spaces and line ends; at most one line end. */
		size_t newlines = 0;
		for (size_t k = end; k < s.start; k++) {
			FUZZ_CHECK(w[k] == L' ' || w[k] == L'\n');
			newlines += w[k] == L'\n';
			if (flags & UI_WRAP_KEEP_SPACES)
				FUZZ_CHECK(w[k] == L'\n');
		}
		FUZZ_CHECK(newlines <= 1);
		for (size_t k = s.start; k < s.start + s.len; k++)
			FUZZ_CHECK(w[k] != L'\n');
		if (!(flags & UI_WRAP_KEEP_SPACES) && s.len > 0) {
			int c = ui_wcs_cols(w + s.start, s.len);
			FUZZ_CHECK(c <= (width < 1 ? 1 : width) || ui_wc_cols(w[s.start]) > width);
		}
		/* Progress: no two spans start at the same character, except an empty line. */
		if (i > 0 && s.start == sp.items[i - 1].start)
			FUZZ_CHECK(s.len == 0 && sp.items[i - 1].len == 0);
		end = s.start + s.len;
	}
	for (size_t k = end; k < n; k++) {
		FUZZ_CHECK(w[k] == L' ' || w[k] == L'\n');
		if (flags & UI_WRAP_KEEP_SPACES)
			FUZZ_CHECK(0);
	}
	ui_spans_free(&sp);
}

static void measure(const wchar_t *w, size_t n)
{
	check_fit(w, n);
	static const int widths[] = { 1, 2, 3, 7, 20, 80 };
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		check_wrap(w, n, widths[i], 0);
		check_wrap(w, n, widths[i], UI_WRAP_KEEP_SPACES);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "en_US.UTF-8");
		safe_init();
		ready = true;
	}
	if (size < 1)
		return 0;
	unsigned flags = data[0] & 3;
	static const enum safe_charset charsets[] = { SAFE_CS_UTF8, SAFE_CS_LATIN2, SAFE_CS_CP1250,
	                                              SAFE_CS_ASCII };
	enum safe_charset cs = charsets[(data[0] >> 2) & 3];
	safe_force_charset(cs);
	const char *s = (const char *)data + 1;
	size_t len = size - 1;

	wchar_t *w = safe_wcs(s, len, flags);
	FUZZ_CHECK(w != NULL);
	check_wcs(w, flags);
	size_t wn = wcslen(w);
	measure(w, wn);
	free(w);

	char *m = safe_mbs(s, len, flags);
	FUZZ_CHECK(m != NULL);
	check_mbs(m, flags, cs);
	free(m);

	char *u = safe_utf8(s, len, flags);
	FUZZ_CHECK(u != NULL);
	check_utf8(u, flags);
	/* Sanitising is a fixed point once the characters are showable. */
	if (cs == SAFE_CS_UTF8) {
		char *again = safe_utf8(u, (size_t)-1, flags);
		FUZZ_CHECK(again && strcmp(again, u) == 0);
		free(again);
	}
	free(u);

	/* The raw text as the editor holds it (up to the first NUL). */
	char *z = malloc(len + 1);
	if (z) {
		memcpy(z, s, len);
		z[len] = '\0';
		size_t rn = 0;
		wchar_t *raw = ui_utf8_to_wcs(z, &rn);
		if (raw) {
			measure(raw, rn);
			char *back = ui_wcs_to_utf8(raw, rn);
			FUZZ_CHECK(back && utf8_valid(back, strlen(back)));
			if (utf8_valid(z, strlen(z)))
				FUZZ_CHECK(strcmp(back, z) == 0);
			free(back);
			free(raw);
		}
		free(z);
	}
	safe_force_charset(SAFE_CS_UTF8);
	return 0;
}
