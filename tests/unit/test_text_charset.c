/* test_text_charset.c — detecting and converting CP1250, ISO-8859-2 and UTF-8. */
#include "tap.h"
#include "text/charset.h"

#include <stdlib.h>

#define PL_UTF8   "Zażółć gęślą jaźń"
#define PL_CP1250 "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1"
#define PL_LATIN2 "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1"
#define PL_CAPS_UTF8   "ZAŻÓŁĆ GĘŚLĄ JAŹŃ"
#define PL_CAPS_CP1250 "ZA\xAF\xD3\xA3\xC6 G\xCA\x8CL\xA5 JA\x8F\xD1"
#define PL_CAPS_LATIN2 "ZA\xAF\xD3\xA3\xC6 G\xCA\xA6L\xA1 JA\xAC\xD1"

static void to_utf8_is(const char *in, size_t len, enum charset_id from, const char *want,
                       const char *what)
{
	size_t n = 0;
	unsigned long l = 9, c = 9;
	char *got = charset_to_utf8(in, len, from, &n, &l, &c);

	is_str(got, want, "%s", what);
	ok(got && n == strlen(want) && l == 0 && c == 0, "%s: length %zu, no error position",
	   what, strlen(want));
	free(got);
}

static void bad_at(const char *in, size_t len, enum charset_id from, unsigned long line,
                   unsigned long col, const char *what)
{
	size_t n = 0;
	unsigned long l = 0, c = 0;
	char *got = charset_to_utf8(in, len, from, &n, &l, &c);

	ok(got == NULL, "%s: refused", what);
	ok(l == line && c == col, "%s: bad byte at %lu:%lu (got %lu:%lu)", what, line, col, l, c);
	free(got);
}

static void from_utf8_is(const char *in, enum charset_id to, const char *want, size_t wantlen,
                         const char *what)
{
	size_t n = 0;
	char *got = charset_from_utf8(in, strlen(in), to, &n);

	ok(got && n == wantlen && memcmp(got, want, wantlen) == 0 && got[n] == '\0', "%s", what);
	free(got);
}

int main(void)
{
	char all[256];
	size_t i, n, k;
	char *a, *b;

	/* ---- names ---- */
	is_int(charset_parse("auto"), CHARSET_AUTO, "parse auto");
	is_int(charset_parse("UTF-8"), CHARSET_UTF8, "parse UTF-8");
	is_int(charset_parse("utf8"), CHARSET_UTF8, "parse utf8");
	is_int(charset_parse("CP1250"), CHARSET_CP1250, "parse CP1250");
	is_int(charset_parse("Windows-1250"), CHARSET_CP1250, "parse Windows-1250");
	is_int(charset_parse("ISO-8859-2"), CHARSET_LATIN2, "parse ISO-8859-2");
	is_int(charset_parse("latin2"), CHARSET_LATIN2, "parse latin2");
	is_int(charset_parse("koi8-r"), -1, "unknown charset");
	is_int(charset_parse("utf-88"), -1, "near miss is unknown");
	is_int(charset_parse(""), -1, "empty name is unknown");
	/* the names offered (charset_keys) are in charset_id's order */
	for (i = 0; charset_keys[i]; i++)
		is_int(charset_parse(charset_keys[i]), (int)i, "%s", charset_keys[i]);
	is_int((int)i, 4, "four names offered");
	is_str(charset_name(CHARSET_UTF8), "UTF-8", "iconv name UTF-8");
	is_str(charset_name(CHARSET_CP1250), "CP1250", "iconv name CP1250");
	is_str(charset_name(CHARSET_LATIN2), "ISO-8859-2", "iconv name ISO-8859-2");

	/* ---- detection ---- */
	is_int(charset_detect(PL_CP1250, strlen(PL_CP1250)), CHARSET_CP1250, "detect CP1250");
	is_int(charset_detect(PL_LATIN2, strlen(PL_LATIN2)), CHARSET_LATIN2, "detect ISO-8859-2");
	is_int(charset_detect(PL_CAPS_CP1250, strlen(PL_CAPS_CP1250)), CHARSET_CP1250,
	       "detect CP1250 capitals");
	is_int(charset_detect(PL_CAPS_LATIN2, strlen(PL_CAPS_LATIN2)), CHARSET_LATIN2,
	       "detect ISO-8859-2 capitals");
	is_int(charset_detect(PL_UTF8, strlen(PL_UTF8)), CHARSET_UTF8, "detect UTF-8");
	is_int(charset_detect("\xEF\xBB\xBF" "abc", 6), CHARSET_UTF8, "detect UTF-8 by BOM");
	is_int(charset_detect("plain ascii;1\n", 14), CHARSET_UTF8, "ASCII counts as UTF-8");
	is_int(charset_detect("", 0), CHARSET_UTF8, "empty counts as UTF-8");
	is_int(charset_detect("\x84" "cytat\x94 \x96 x", 11), CHARSET_CP1250,
	       "CP1250 quotes and dash (0x80-0x9F) mean CP1250");
	is_int(charset_detect("\xA6wi\xEAto \x8Cwi\xEAta", 13), CHARSET_CP1250,
	       "CP1250 Ś (8C) outweighs ¦ (A6)");
	is_int(charset_detect("\xA6wi\xEAto", 6), CHARSET_LATIN2, "Latin-2 Święto");
	is_int(charset_detect("a\x98\xB9", 3), CHARSET_LATIN2, "a byte undefined in CP1250");

	/* ---- to UTF-8 ---- */
	to_utf8_is(PL_CP1250, strlen(PL_CP1250), CHARSET_CP1250, PL_UTF8, "CP1250 to UTF-8");
	to_utf8_is(PL_LATIN2, strlen(PL_LATIN2), CHARSET_LATIN2, PL_UTF8, "Latin-2 to UTF-8");
	to_utf8_is(PL_CAPS_CP1250, strlen(PL_CAPS_CP1250), CHARSET_CP1250, PL_CAPS_UTF8,
	           "CP1250 capitals to UTF-8");
	to_utf8_is(PL_CAPS_LATIN2, strlen(PL_CAPS_LATIN2), CHARSET_LATIN2, PL_CAPS_UTF8,
	           "Latin-2 capitals to UTF-8");
	to_utf8_is(PL_CP1250, strlen(PL_CP1250), CHARSET_AUTO, PL_UTF8, "auto: CP1250");
	to_utf8_is(PL_LATIN2, strlen(PL_LATIN2), CHARSET_AUTO, PL_UTF8, "auto: Latin-2");
	to_utf8_is("\x84Kto?\x94 \x96 10 \x80", 13, CHARSET_CP1250, "„Kto?” – 10 €",
	           "CP1250 punctuation and euro");
	to_utf8_is("\xEF\xBB\xBF" PL_UTF8 "\n", strlen(PL_UTF8) + 4, CHARSET_UTF8, PL_UTF8 "\n",
	           "UTF-8 BOM dropped");
	to_utf8_is("\xEF\xBB\xBF" "a;b", 6, CHARSET_AUTO, "a;b", "auto: BOM dropped");
	to_utf8_is("", 0, CHARSET_AUTO, "", "empty input");
	{
		size_t outlen = 0;
		char *s = charset_to_utf8("a\0\xB3", 3, CHARSET_CP1250, &outlen, NULL, NULL);
		ok(s && outlen == 4 && memcmp(s, "a\0ł", 5) == 0, "NUL passes through (length-based)");
		free(s);
	}

	/* ---- bad bytes ---- */
	bad_at("a;b\n\xC5\x81\xC3\xB3" "d\xFF" "\n", 10, CHARSET_UTF8, 2, 4,
	       "invalid UTF-8 byte: column counts characters");
	bad_at("abc\n\nxy\xC0\xAF", 9, CHARSET_UTF8, 3, 3, "overlong in UTF-8");
	bad_at("\xEF\xBB\xBF" "ab\xED\xA0\x80", 8, CHARSET_UTF8, 1, 3, "surrogate after a BOM");
	bad_at("ok\n" PL_UTF8 "\xC5", 3 + strlen(PL_UTF8) + 1, CHARSET_UTF8, 2, 18,
	       "truncated sequence at the end");
	bad_at("ok\nab\x98" "c", 7, CHARSET_CP1250, 2, 3, "byte undefined in CP1250");

	/* ---- from UTF-8 ---- */
	from_utf8_is(PL_UTF8, CHARSET_CP1250, PL_CP1250, strlen(PL_CP1250), "UTF-8 to CP1250");
	from_utf8_is(PL_UTF8, CHARSET_LATIN2, PL_LATIN2, strlen(PL_LATIN2), "UTF-8 to Latin-2");
	from_utf8_is("„x” – 5 €", CHARSET_CP1250, "\x84x\x94 \x96 5 \x80", 9,
	             "CP1250 has „ ” – €");
	from_utf8_is("„x” – 5 €", CHARSET_LATIN2, "\"x\" - 5 EUR", 11,
	             "Latin-2 lacks „ ” – €: transliterated");
	from_utf8_is("中 ← ñ ł", CHARSET_CP1250, "? <- n \xB3", 8, "CP1250: 中 → ?, ← → <-");
	from_utf8_is("a\xFF" "b\xC5", CHARSET_CP1250, "a?b?", 4, "invalid UTF-8 bytes become ?");
	from_utf8_is("a\xFF" "ł", CHARSET_UTF8, "a?ł", 4, "to UTF-8: only bad bytes replaced");

	/* ---- round trips ---- */
	a = charset_from_utf8(PL_UTF8 " " PL_CAPS_UTF8, strlen(PL_UTF8 " " PL_CAPS_UTF8),
	                      CHARSET_CP1250, &n);
	b = a ? charset_to_utf8(a, n, CHARSET_CP1250, &k, NULL, NULL) : NULL;
	is_str(b, PL_UTF8 " " PL_CAPS_UTF8, "UTF-8 -> CP1250 -> UTF-8 keeps Polish text");
	free(a);
	free(b);
	for (k = 0; k < 2; k++) {
		enum charset_id cs = k ? CHARSET_LATIN2 : CHARSET_CP1250;
		size_t bad = 0, m;
		for (n = 0, i = 0x20; i < 0x100; i++) {
			if (i == 0x7F || (cs == CHARSET_LATIN2 && i >= 0x80 && i < 0xA0))
				continue;
			if (cs == CHARSET_CP1250 && (i == 0x81 || i == 0x83 || i == 0x88 || i == 0x90 ||
			                             i == 0x98))
				continue;
			all[n++] = (char)i;
		}
		a = charset_to_utf8(all, n, cs, &m, NULL, NULL);
		b = a ? charset_from_utf8(a, m, cs, &m) : NULL;
		if (!b || m != n || memcmp(b, all, n) != 0)
			bad++;
		is_int(bad, 0, "every %s byte survives a round trip through UTF-8", charset_name(cs));
		free(a);
		free(b);
	}
	return tap_done();
}
