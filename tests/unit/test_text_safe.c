/* test_text_safe.c — the sanitising output path: escapes, bidi, bad bytes, charsets,
 * transliteration and display width. */
#include "tap.h"
#include "text/safe.h"
#include "text/utf8.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <wchar.h>

/* safe_mbs of a length-given input compared with the expected bytes. */
static void mbs_is(const char *in, size_t len, unsigned flags, const char *want, const char *what)
{
	char *got = safe_mbs(in, len, flags);

	is_str(got, want, "%s", what);
	free(got);
}

static void utf8_is(const char *in, size_t len, unsigned flags, const char *want, const char *what)
{
	char *got = safe_utf8(in, len, flags);

	is_str(got, want, "%s", what);
	free(got);
}

static void wcs_is(const char *in, const wchar_t *want, const char *what)
{
	wchar_t *got = safe_wcs(in, (size_t)-1, 0);

	ok(got && wcscmp(got, want) == 0, "%s", what);
	if (got && wcscmp(got, want) != 0)
		diag("got \"%ls\"", got);
	free(got);
}

/* Nothing dangerous may come out of safe_utf8/safe_mbs, whatever goes in. */
static void fuzz(int rounds)
{
	uint32_t seed = 12345;
	int r, bad_utf8 = 0, bad_ctl = 0, bad_ascii = 0;

	for (r = 0; r < rounds; r++) {
		char in[64];
		size_t n = (size_t)(r % 64), i;
		char *u, *a;

		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* bias towards interesting bytes: ESC, C1 leads, E2 80 xx (bidi) */
			switch ((seed >> 16) % 8) {
			case 0: in[i] = '\x1b'; break;
			case 1: in[i] = '\xC2'; break;
			case 2: in[i] = '\xE2'; break;
			case 3: in[i] = '\x80'; break;
			default: in[i] = (char)(seed >> 8); break;
			}
		}
		safe_force_charset(SAFE_CS_UTF8);
		u = safe_utf8(in, n, 0);
		safe_force_charset(SAFE_CS_ASCII);
		a = safe_mbs(in, n, 0);
		if (!u || !utf8_valid(u, strlen(u))) {
			bad_utf8++;
		} else {
			size_t k = 0, len = strlen(u);
			while (k < len) {
				uint32_t cp;
				k += utf8_decode(u + k, len - k, &cp);
				if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
				    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
					bad_ctl++;
			}
		}
		for (i = 0; a && a[i]; i++)
			if ((unsigned char)a[i] < 0x20 || (unsigned char)a[i] > 0x7E)
				bad_ascii++;
		if (!a)
			bad_ascii++;
		free(u);
		free(a);
	}
	is_int(bad_utf8, 0, "fuzz: safe_utf8 output is always valid UTF-8");
	is_int(bad_ctl, 0, "fuzz: no control, C1 or bidi character survives");
	is_int(bad_ascii, 0, "fuzz: forced ASCII output is printable ASCII only");
}

int main(void)
{
	wchar_t *w;
	char *s;
	FILE *f;
	char buf[256];
	size_t n;
	int rc;
	wchar_t cp;

	if (!setlocale(LC_ALL, "C.UTF-8"))
		diag("C.UTF-8 locale missing: width tests may fail");
	safe_init();
	is_int(safe_charset(), SAFE_CS_UTF8, "C.UTF-8 locale is detected as UTF-8");
	is_str(safe_charset_name(), "UTF-8", "charset name from the locale");

	/* ---- escape sequences ---- */
	mbs_is("\x1b[31mred\x1b[0m", (size_t)-1, 0, "^[[31mred^[[0m", "CSI colour: ESC shown as ^[");
	mbs_is("\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\", (size_t)-1, 0,
	       "^[]8;;http://evil.example/^[\\click^[]8;;^[\\", "OSC 8 hyperlink neutralised");
	mbs_is("\x1b]52;c;cm0gLXJmIH4=\x07", (size_t)-1, 0, "^[]52;c;cm0gLXJmIH4=^G",
	       "OSC 52 clipboard write neutralised");
	mbs_is("\x1bP1$r0m\x1b\\", (size_t)-1, 0, "^[P1$r0m^[\\", "DCS neutralised");
	mbs_is("\xC2\x9B" "2J", (size_t)-1, 0, "<U+009B>2J", "C1 CSI as UTF-8 (U+009B) is shown");
	mbs_is("\xC2\x9D" "0;t\xC2\x9C", (size_t)-1, 0, "<U+009D>0;t<U+009C>", "C1 OSC/ST shown");
	mbs_is("\x9B" "2J", (size_t)-1, 0, "<\\x9B>2J", "raw 8-bit CSI byte is a bad byte");
	mbs_is("abc\xE2\x80\xAEtxt.exe", (size_t)-1, 0, "abc<U+202E>txt.exe", "RLO U+202E shown");
	mbs_is("x\xE2\x81\xA6y\xE2\x81\xA9", (size_t)-1, 0, "x<U+2066>y<U+2069>", "LRI/PDI shown");
	mbs_is("\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", (size_t)-1, 0, "<U+200E><U+200F><U+061C>",
	       "LRM, RLM, ALM shown");
	mbs_is("a\xE2\x80\x8B" "b\xEF\xBB\xBF", (size_t)-1, 0, "a<U+200B>b<U+FEFF>",
	       "zero-width space and BOM shown");
	mbs_is("\xF3\xA0\x81\x81", (size_t)-1, 0, "<U+E0041>", "tag character shown");
	mbs_is("ding\a", (size_t)-1, 0, "ding^G", "BEL in caret form");
	mbs_is("abc\b\b\bxyz", (size_t)-1, 0, "abc^H^H^Hxyz", "backspace in caret form");
	mbs_is("safe\rEVIL", (size_t)-1, 0, "safe^MEVIL", "CR in caret form");
	mbs_is("del\x7f", (size_t)-1, 0, "del^?", "DEL as ^?");
	mbs_is("a\0b", 3, 0, "a^@b", "NUL in the middle is shown (length-based)");
	mbs_is("a\0b", (size_t)-1, 0, "a", "len -1 means strlen");
	mbs_is("l1\nl2\tx", (size_t)-1, 0, "l1^Jl2^Ix", "newline and tab escaped by default");
	mbs_is("l1\nl2\tx", (size_t)-1, SAFE_MULTILINE | SAFE_TABS, "l1\nl2 x",
	       "SAFE_MULTILINE keeps newline, SAFE_TABS makes a space");
	mbs_is("a\r\nb", (size_t)-1, SAFE_MULTILINE, "a^M\nb", "CR stays visible even in multiline");
	mbs_is("\xFF\xFE", (size_t)-1, 0, "<\\xFF><\\xFE>", "invalid bytes as <\\xNN>");
	mbs_is("\xC0\xAF", (size_t)-1, 0, "<\\xC0><\\xAF>", "overlong encoding shown byte by byte");
	mbs_is("\xE0\x80\xAF", (size_t)-1, 0, "<\\xE0><\\x80><\\xAF>", "3-byte overlong shown");
	mbs_is("\xED\xA0\x80", (size_t)-1, 0, "<\\xED><\\xA0><\\x80>", "surrogate shown");
	mbs_is("\xC5", (size_t)-1, 0, "<\\xC5>", "truncated sequence shown");
	mbs_is("Łomża – „Kraków” 中文", (size_t)-1, 0, "Łomża – „Kraków” 中文",
	       "UTF-8 terminal shows Polish, punctuation and CJK unchanged");
	mbs_is(NULL, 0, 0, "", "NULL input gives an empty string");
	wcs_is("Łódź\x1b[1m", L"Łódź^[[1m", "safe_wcs gives wide characters");
	wcs_is("\xC2\x9B", L"<U+009B>", "safe_wcs shows C1");

	/* ---- can_show ---- */
	ok(safe_can_show(L'ł') && safe_can_show(0x4E2D), "UTF-8 can show ł and 中");
	ok(!safe_can_show(0x1B) && !safe_can_show(0x9B) && !safe_can_show(0x202E) &&
	   !safe_can_show(0x7F) && !safe_can_show(0xD800) && !safe_can_show(0x110000),
	   "controls, bidi, surrogates and out-of-range are never shown");

	/* ---- forced ASCII ---- */
	safe_force_charset(SAFE_CS_ASCII);
	is_int(safe_charset(), SAFE_CS_ASCII, "forced ASCII");
	ok(!safe_can_show(L'ł') && safe_can_show(L'l'), "ASCII cannot show ł");
	mbs_is("Łomża", (size_t)-1, 0, "Lomza", "ASCII: Łomża -> Lomza");
	mbs_is("Żywiec", (size_t)-1, 0, "Zywiec", "ASCII: Żywiec -> Zywiec");
	mbs_is("Zażółć gęślą jaźń", (size_t)-1, 0, "Zazolc gesla jazn", "ASCII: all Polish letters");
	mbs_is("ZAŻÓŁĆ GĘŚLĄ JAŹŃ", (size_t)-1, 0, "ZAZOLC GESLA JAZN", "ASCII: Polish capitals");
	mbs_is("„cytat” – «tak» — ‘a’ “b” …", (size_t)-1, 0, "\"cytat\" - <<tak>> - 'a' \"b\" ...",
	       "ASCII: typographic punctuation");
	mbs_is("10\xC2\xA0zł • 5 € · 20°C × 3", (size_t)-1, 0, "10 zl * 5 EUR . 20degC x 3",
	       "ASCII: NBSP, bullet, euro, middle dot, degree, times");
	mbs_is("Straße Ærø Œuvre", (size_t)-1, 0, "Strasse AEro OEuvre", "ASCII: ß Æ ø Œ");
	mbs_is("Dvořák Čapek Łukasz", (size_t)-1, 0, "Dvorak Capek Lukasz", "ASCII: Latin Extended-A");
	mbs_is("中", (size_t)-1, 0, "?", "ASCII: no transliteration gives ?");
	mbs_is("o\xCC\x81", (size_t)-1, 0, "o", "ASCII: a combining accent is dropped");
	mbs_is("\x1b[2J\xE2\x80\xAE", (size_t)-1, 0, "^[[2J<U+202E>", "ASCII: escapes still shown");
	utf8_is("Łomża\x1b", (size_t)-1, 0, "Łomża^[", "safe_utf8 stays UTF-8 under ASCII terminal");
	w = safe_wcs("Łódź", (size_t)-1, 0);
	ok(w && wcscmp(w, L"Lodz") == 0, "safe_wcs transliterates for the terminal too");
	free(w);

	/* ---- forced ISO-8859-2 ---- */
	safe_force_charset(SAFE_CS_LATIN2);
	is_str(safe_charset_name(), "ISO-8859-2", "forced Latin-2 name");
	ok(safe_can_show(L'ą') && safe_can_show(L'Ż') && !safe_can_show(0x2013) &&
	   !safe_can_show(0x20AC), "Latin-2 shows ą Ż, not – €");
	wcs_is("ą – € „x” ñ", L"ą - EUR \"x\" n", "Latin-2: ą stays, – € „ ” ñ transliterated");
	mbs_is("Łódź ąś", (size_t)-1, 0, "\xA3\xF3" "d\xBC \xB1\xB6", "Latin-2 bytes for Łódź ąś");
	mbs_is("–€", (size_t)-1, 0, "-EUR", "Latin-2 output: – and €");
	mbs_is("\xC2\x9B", (size_t)-1, 0, "<U+009B>", "Latin-2: C1 still escaped");

	/* ---- forced CP1250 ---- */
	safe_force_charset(SAFE_CS_CP1250);
	ok(safe_can_show(0x2013) && safe_can_show(0x201E) && safe_can_show(0x20AC) &&
	   !safe_can_show(0x2190), "CP1250 shows – „ €, not ←");
	wcs_is("„Łódź” – € ←", L"„Łódź” – € <-", "CP1250: – „ ” € stay, ← transliterated");
	mbs_is("–„”€śź…", (size_t)-1, 0, "\x96\x84\x94\x80\x9C\x9F\x85", "CP1250 bytes");
	mbs_is("Zażółć gęślą jaźń", (size_t)-1, 0, "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1",
	       "CP1250 bytes for Polish text");

	/* ---- forced UTF-8 and the locale's own wcrtomb ---- */
	safe_force_charset(SAFE_CS_OTHER); /* C.UTF-8 through wcrtomb */
	mbs_is("Łódź 中\x1b", (size_t)-1, 0, "Łódź 中^[", "other charset: wcrtomb in the locale");
	safe_init();
	is_int(safe_charset(), SAFE_CS_UTF8, "safe_init drops a forced charset");

	/* ---- width ---- */
	is_int(safe_width("中文"), 4, "CJK characters are 2 columns each");
	is_int(safe_width("Łódź"), 4, "Polish letters are 1 column each");
	is_int(safe_width("a\x1b"), 3, "ESC counts as its visible ^[");
	is_int(safe_width("e\xCC\x81"), 1, "combining accent has no width");
	is_int(safe_width("\xE2\x80\xAE"), 8, "bidi override counts as <U+202E>");
	is_int(safe_wcs_width(L"中文ab", 1), 2, "safe_wcs_width stops at n");
	is_int(safe_wcs_width(L"中文ab", (size_t)-1), 6, "safe_wcs_width of the whole string");
	is_int(safe_wcs_fit(L"中文abc", 3), 1, "only one wide character fits in 3 columns");
	is_int(safe_wcs_fit(L"中文abc", 4), 2, "two wide characters fit in 4 columns");
	is_int(safe_wcs_fit(L"中文abc", 100), 5, "everything fits");
	is_int(safe_wcs_fit(L"e\x0301x", 1), 2, "a combining mark stays with its letter");
	is_int(safe_wcs_fit(L"abc", 0), 0, "nothing fits in 0 columns");

	/* ---- transliteration table ---- */
	{
		static const char *const pl = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ";
		static const char *const want = "acelnoszzACELNOSZZ";
		size_t i = 0, k = 0, bad = 0;
		uint32_t c;
		while (pl[i]) {
			const char *t;
			i += utf8_decode(pl + i, strlen(pl + i), &c);
			t = safe_translit((wchar_t)c);
			if (!t || t[0] != want[k] || t[1])
				bad++;
			k++;
		}
		is_int(bad, 0, "every Polish letter transliterates to its base letter");
	}
	for (n = 0, cp = 0xA0; cp <= 0x17F; cp++) {
		const char *t = safe_translit(cp);
		size_t j;
		if (cp == 0xA4) /* ¤ has no sensible ASCII form */
			continue;
		if (!t || !*t) {
			n++;
			continue;
		}
		for (j = 0; t[j]; j++)
			if (t[j] < 0x20 || t[j] > 0x7E)
				n++;
	}
	is_int(n, 0, "Latin-1 supplement and Latin Extended-A all have ASCII forms");
	is_str(safe_translit(0x00DF), "ss", "ß -> ss");
	is_str(safe_translit(0x00A0), " ", "NBSP -> space");
	is_str(safe_translit(0x2026), "...", "… -> ...");
	is_str(safe_translit(0x20AC), "EUR", "€ -> EUR");
	is_str(safe_translit(0x2014), "-", "— -> -");
	ok(safe_translit(0x4E2D) == NULL, "no transliteration for 中");

	/* ---- files ---- */
	safe_force_charset(SAFE_CS_UTF8);
	f = tmpfile();
	if (!f) {
		diag("tmpfile failed");
		return 1;
	}
	is_int(safe_fputs("x\x1b]0;pwned\x07\n", f, 0), 0, "safe_fputs succeeds");
	rc = safe_fprintf(f, "Gmina: %s, kod %d\n", "Łódź\x1b[5m\xE2\x80\xAE", 42);
	rewind(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	is_str(buf, "x^[]0;pwned^G^JGmina: Łódź^[[5m<U+202E>, kod 42\n",
	       "fputs and fprintf write sanitised text (fprintf keeps the format's newline)");
	is_int(rc, (int)strlen("Gmina: Łódź^[[5m<U+202E>, kod 42\n"), "safe_fprintf returns bytes written");
	{
		char big[2000];
		memset(big, 'a', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		f = tmpfile();
		rc = f ? safe_fprintf(f, "%s\x1b", big) : -1;
		is_int(rc, 2001, "safe_fprintf beyond its small buffer");
		if (f)
			fclose(f);
	}

	/* ---- the C locale is ASCII ---- */
	setlocale(LC_ALL, "C");
	safe_init();
	is_int(safe_charset(), SAFE_CS_ASCII, "C locale is ASCII");
	s = safe_mbs("Łomża", (size_t)-1, 0);
	is_str(s, "Lomza", "C locale transliterates");
	free(s);

	fuzz(3000);
	return tap_done();
}
