/* safe.c — the one sanitising output path (see safe.h for the rules).
 *
 * Untrusted UTF-8 is decoded strictly; controls, bidi and format characters and bad
 * bytes become visible ASCII escapes; what the terminal charset cannot encode is
 * transliterated. ISO-8859-2, CP1250 and ASCII are decided with fixed tables (so a
 * forced charset behaves the same on any machine); any other non-UTF-8 charset asks
 * the locale through wcrtomb. glibc's wchar_t is UCS-4 in every locale. */
#if !defined(_GNU_SOURCE) && !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700 /* wcwidth, nl_langinfo */
#endif
#include "safe.h"
#include "utf8.h"

#include <langinfo.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static enum safe_charset cur_cs = SAFE_CS_ASCII;
static bool inited, forced;
static char cs_name[64] = "ANSI_X3.4-1968";

/* ISO-8859-2 bytes 0xA0..0xFF (0x80..0x9F are C1 controls, never shown). */
static const uint16_t latin2_a0[96] = {
	0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7,  /* A0 */
	0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B,  /* A8 */
	0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,  /* B0 */
	0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,  /* B8 */
	0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,  /* C0 */
	0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,  /* C8 */
	0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,  /* D0 */
	0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,  /* D8 */
	0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,  /* E0 */
	0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,  /* E8 */
	0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,  /* F0 */
	0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,  /* F8 */
};

/* Windows-1250 bytes 0x80..0xBF (0 = undefined); 0xC0..0xFF equal ISO-8859-2's. */
static const uint16_t cp1250_80[64] = {
	0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021,  /* 80 */
	0x0000, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,  /* 88 */
	0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  /* 90 */
	0x0000, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,  /* 98 */
	0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7,  /* A0 */
	0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,  /* A8 */
	0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  /* B0 */
	0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,  /* B8 */
};

struct translit { uint32_t cp; const char *s; };

/* Sorted by code point: Latin-1 supplement, Latin Extended-A, a few of Latin
 * Extended-B, typographic punctuation and common symbols. */
static const struct translit translit_tab[] = {
	{0x00A0, " "}, {0x00A1, "!"}, {0x00A2, "c"}, {0x00A3, "GBP"}, {0x00A5, "JPY"},
	{0x00A6, "|"}, {0x00A7, "par."}, {0x00A8, "\""}, {0x00A9, "(C)"}, {0x00AA, "a"},
	{0x00AB, "<<"}, {0x00AC, "!"}, {0x00AD, "-"}, {0x00AE, "(R)"}, {0x00AF, "-"},
	{0x00B0, "deg"}, {0x00B1, "+/-"}, {0x00B2, "2"}, {0x00B3, "3"}, {0x00B4, "'"},
	{0x00B5, "u"}, {0x00B6, "P"}, {0x00B7, "."}, {0x00B8, ","}, {0x00B9, "1"}, {0x00BA, "o"},
	{0x00BB, ">>"}, {0x00BC, "1/4"}, {0x00BD, "1/2"}, {0x00BE, "3/4"}, {0x00BF, "?"},
	{0x00C0, "A"}, {0x00C1, "A"}, {0x00C2, "A"}, {0x00C3, "A"}, {0x00C4, "A"}, {0x00C5, "A"},
	{0x00C6, "AE"}, {0x00C7, "C"}, {0x00C8, "E"}, {0x00C9, "E"}, {0x00CA, "E"}, {0x00CB, "E"},
	{0x00CC, "I"}, {0x00CD, "I"}, {0x00CE, "I"}, {0x00CF, "I"}, {0x00D0, "D"}, {0x00D1, "N"},
	{0x00D2, "O"}, {0x00D3, "O"}, {0x00D4, "O"}, {0x00D5, "O"}, {0x00D6, "O"}, {0x00D7, "x"},
	{0x00D8, "O"}, {0x00D9, "U"}, {0x00DA, "U"}, {0x00DB, "U"}, {0x00DC, "U"}, {0x00DD, "Y"},
	{0x00DE, "TH"}, {0x00DF, "ss"}, {0x00E0, "a"}, {0x00E1, "a"}, {0x00E2, "a"},
	{0x00E3, "a"}, {0x00E4, "a"}, {0x00E5, "a"}, {0x00E6, "ae"}, {0x00E7, "c"}, {0x00E8, "e"},
	{0x00E9, "e"}, {0x00EA, "e"}, {0x00EB, "e"}, {0x00EC, "i"}, {0x00ED, "i"}, {0x00EE, "i"},
	{0x00EF, "i"}, {0x00F0, "d"}, {0x00F1, "n"}, {0x00F2, "o"}, {0x00F3, "o"}, {0x00F4, "o"},
	{0x00F5, "o"}, {0x00F6, "o"}, {0x00F7, "/"}, {0x00F8, "o"}, {0x00F9, "u"}, {0x00FA, "u"},
	{0x00FB, "u"}, {0x00FC, "u"}, {0x00FD, "y"}, {0x00FE, "th"}, {0x00FF, "y"}, {0x0100, "A"},
	{0x0101, "a"}, {0x0102, "A"}, {0x0103, "a"}, {0x0104, "A"}, {0x0105, "a"}, {0x0106, "C"},
	{0x0107, "c"}, {0x0108, "C"}, {0x0109, "c"}, {0x010A, "C"}, {0x010B, "c"}, {0x010C, "C"},
	{0x010D, "c"}, {0x010E, "D"}, {0x010F, "d"}, {0x0110, "D"}, {0x0111, "d"}, {0x0112, "E"},
	{0x0113, "e"}, {0x0114, "E"}, {0x0115, "e"}, {0x0116, "E"}, {0x0117, "e"}, {0x0118, "E"},
	{0x0119, "e"}, {0x011A, "E"}, {0x011B, "e"}, {0x011C, "G"}, {0x011D, "g"}, {0x011E, "G"},
	{0x011F, "g"}, {0x0120, "G"}, {0x0121, "g"}, {0x0122, "G"}, {0x0123, "g"}, {0x0124, "H"},
	{0x0125, "h"}, {0x0126, "H"}, {0x0127, "h"}, {0x0128, "I"}, {0x0129, "i"}, {0x012A, "I"},
	{0x012B, "i"}, {0x012C, "I"}, {0x012D, "i"}, {0x012E, "I"}, {0x012F, "i"}, {0x0130, "I"},
	{0x0131, "i"}, {0x0132, "IJ"}, {0x0133, "ij"}, {0x0134, "J"}, {0x0135, "j"},
	{0x0136, "K"}, {0x0137, "k"}, {0x0138, "q"}, {0x0139, "L"}, {0x013A, "l"}, {0x013B, "L"},
	{0x013C, "l"}, {0x013D, "L"}, {0x013E, "l"}, {0x013F, "L"}, {0x0140, "l"}, {0x0141, "L"},
	{0x0142, "l"}, {0x0143, "N"}, {0x0144, "n"}, {0x0145, "N"}, {0x0146, "n"}, {0x0147, "N"},
	{0x0148, "n"}, {0x0149, "'n"}, {0x014A, "NG"}, {0x014B, "ng"}, {0x014C, "O"},
	{0x014D, "o"}, {0x014E, "O"}, {0x014F, "o"}, {0x0150, "O"}, {0x0151, "o"}, {0x0152, "OE"},
	{0x0153, "oe"}, {0x0154, "R"}, {0x0155, "r"}, {0x0156, "R"}, {0x0157, "r"}, {0x0158, "R"},
	{0x0159, "r"}, {0x015A, "S"}, {0x015B, "s"}, {0x015C, "S"}, {0x015D, "s"}, {0x015E, "S"},
	{0x015F, "s"}, {0x0160, "S"}, {0x0161, "s"}, {0x0162, "T"}, {0x0163, "t"}, {0x0164, "T"},
	{0x0165, "t"}, {0x0166, "T"}, {0x0167, "t"}, {0x0168, "U"}, {0x0169, "u"}, {0x016A, "U"},
	{0x016B, "u"}, {0x016C, "U"}, {0x016D, "u"}, {0x016E, "U"}, {0x016F, "u"}, {0x0170, "U"},
	{0x0171, "u"}, {0x0172, "U"}, {0x0173, "u"}, {0x0174, "W"}, {0x0175, "w"}, {0x0176, "Y"},
	{0x0177, "y"}, {0x0178, "Y"}, {0x0179, "Z"}, {0x017A, "z"}, {0x017B, "Z"}, {0x017C, "z"},
	{0x017D, "Z"}, {0x017E, "z"}, {0x017F, "s"}, {0x0218, "S"}, {0x0219, "s"}, {0x021A, "T"},
	{0x021B, "t"}, {0x2000, " "}, {0x2001, " "}, {0x2002, " "}, {0x2003, " "}, {0x2004, " "},
	{0x2005, " "}, {0x2006, " "}, {0x2007, " "}, {0x2008, " "}, {0x2009, " "}, {0x200A, " "},
	{0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"}, {0x2014, "-"}, {0x2015, "-"},
	{0x2016, "||"}, {0x2017, "_"}, {0x2018, "'"}, {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"},
	{0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""}, {0x2020, "+"},
	{0x2022, "*"}, {0x2024, "."}, {0x2025, ".."}, {0x2026, "..."}, {0x2027, "-"},
	{0x202F, " "}, {0x2030, "0/00"}, {0x2032, "'"}, {0x2033, "\""}, {0x2039, "<"},
	{0x203A, ">"}, {0x203C, "!!"}, {0x2044, "/"}, {0x205F, " "}, {0x20AC, "EUR"},
	{0x2116, "No."}, {0x2122, "(TM)"}, {0x2190, "<-"}, {0x2191, "^"}, {0x2192, "->"},
	{0x2193, "v"}, {0x2194, "<->"}, {0x21D0, "<="}, {0x21D2, "=>"}, {0x2212, "-"},
	{0x2215, "/"}, {0x2217, "*"}, {0x2219, "."}, {0x2248, "~"}, {0x2260, "!="},
	{0x2264, "<="}, {0x2265, ">="}, {0x2500, "-"}, {0x2502, "|"}, {0x2713, "v"},
	{0x3000, " "}, {0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"},
	{0xFB04, "ffl"},
};

/* ---- charset ---- */

static enum safe_charset classify(const char *name)
{
	char n[32];
	size_t k = 0;

	/* "ISO-8859-2", "iso88592", "ISO_8859-2" all become "ISO88592" */
	for (; *name && k + 1 < sizeof n; name++) {
		char c = *name;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			n[k++] = c;
	}
	n[k] = '\0';
	if (!strcmp(n, "UTF8"))
		return SAFE_CS_UTF8;
	if (!strcmp(n, "ISO88592") || !strcmp(n, "LATIN2") || !strcmp(n, "L2"))
		return SAFE_CS_LATIN2;
	if (!strcmp(n, "CP1250") || !strcmp(n, "WINDOWS1250"))
		return SAFE_CS_CP1250;
	if (!strcmp(n, "ANSIX341968") || !strcmp(n, "ASCII") || !strcmp(n, "USASCII") ||
	    !strcmp(n, "646") || !strcmp(n, "ISO646US") || k == 0)
		return SAFE_CS_ASCII;
	return SAFE_CS_OTHER;
}

void safe_init(void)
{
	const char *name = nl_langinfo(CODESET);
	size_t n;

	if (!name || !*name)
		name = "ANSI_X3.4-1968";
	n = strlen(name);
	if (n >= sizeof cs_name)
		n = sizeof cs_name - 1;
	memcpy(cs_name, name, n);
	cs_name[n] = '\0';
	cur_cs = classify(cs_name);
	forced = false;
	inited = true;
}

static void ensure_init(void)
{
	if (!inited)
		safe_init();
}

enum safe_charset safe_charset(void)
{
	ensure_init();
	return cur_cs;
}

const char *safe_charset_name(void)
{
	ensure_init();
	if (forced) {
		switch (cur_cs) {
		case SAFE_CS_UTF8: return "UTF-8";
		case SAFE_CS_LATIN2: return "ISO-8859-2";
		case SAFE_CS_CP1250: return "CP1250";
		case SAFE_CS_ASCII: return "ANSI_X3.4-1968";
		case SAFE_CS_OTHER: break;
		}
	}
	return cs_name;
}

void safe_force_charset(enum safe_charset cs)
{
	safe_init(); /* SAFE_CS_OTHER then means "whatever the locale encodes" */
	cur_cs = cs;
	forced = true;
}

/* The byte for cp in a table charset, or -1. */
static int table_byte(enum safe_charset cs, uint32_t cp)
{
	int i;

	if (cp < 0x80)
		return (int)cp;
	if (cs == SAFE_CS_ASCII || cp < 0xA0)
		return -1;
	for (i = (cs == SAFE_CS_CP1250) ? 0x20 : 0; i < 96; i++)
		if (latin2_a0[i] == cp)
			return 0xA0 + i;
	if (cs == SAFE_CS_CP1250)
		for (i = 0; i < 64; i++)
			if (cp1250_80[i] == cp)
				return 0x80 + i;
	return -1;
}

static bool representable(uint32_t cp)
{
	char tmp[MB_LEN_MAX];
	mbstate_t st;

	switch (cur_cs) {
	case SAFE_CS_UTF8:
		return true;
	case SAFE_CS_LATIN2:
	case SAFE_CS_CP1250:
	case SAFE_CS_ASCII:
		return table_byte(cur_cs, cp) >= 0;
	case SAFE_CS_OTHER:
		break;
	}
	memset(&st, 0, sizeof st);
	return wcrtomb(tmp, (wchar_t)cp, &st) != (size_t)-1;
}

/* C1, bidi controls and other invisible format characters that could hide or
 * reorder text; C0 and DEL are handled separately (caret form). */
static bool is_hidden(uint32_t cp)
{
	if (cp >= 0x80 && cp <= 0x9F)
		return true;
	if (cp < 0x0600)
		return false;
	return (cp >= 0x0600 && cp <= 0x0605) || cp == 0x061C || cp == 0x06DD ||
	       cp == 0x070F || cp == 0x08E2 || cp == 0x180E ||
	       (cp >= 0x200B && cp <= 0x200F) ||   /* ZW space/joiners, LRM, RLM */
	       (cp >= 0x2028 && cp <= 0x202E) ||   /* line/para separators, LRE..RLO */
	       (cp >= 0x2060 && cp <= 0x206F) ||   /* word joiner, invisible ops, LRI..PDI */
	       cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	       (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE ||
	       cp == 0x110BD || cp == 0x110CD || (cp >= 0x13430 && cp <= 0x1343F) ||
	       (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
	       (cp >= 0xE0000 && cp <= 0xE007F);   /* tag characters */
}

bool safe_can_show(wchar_t wc)
{
	uint32_t cp = (uint32_t)wc;

	if (wc < 0x20 || cp == 0x7F || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
	    is_hidden(cp))
		return false;
	ensure_init();
	return representable(cp);
}

const char *safe_translit(wchar_t wc)
{
	uint32_t cp = (uint32_t)wc;
	size_t lo = 0, hi = sizeof translit_tab / sizeof translit_tab[0];

	if (wc < 0)
		return NULL;
	/* combining marks and variation selectors: the base letter carries the text */
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0xFE00 && cp <= 0xFE0F))
		return "";
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (translit_tab[mid].cp == cp)
			return translit_tab[mid].s;
		if (translit_tab[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- the sanitiser ---- */

struct wbuf {
	wchar_t *p;
	size_t n, cap;
	bool oom;
};

static void wb_put(struct wbuf *b, wchar_t c)
{
	if (b->oom)
		return;
	if (b->n + 1 >= b->cap) { /* always keep room for the terminating NUL */
		size_t nc = b->cap < 32 ? 64 : b->cap * 2;
		wchar_t *np;
		if (nc < b->cap || nc > SIZE_MAX / sizeof(wchar_t)) {
			b->oom = true;
			return;
		}
		np = realloc(b->p, nc * sizeof *np);
		if (!np) {
			b->oom = true;
			return;
		}
		b->p = np;
		b->cap = nc;
	}
	b->p[b->n++] = c;
}

static void wb_puts(struct wbuf *b, const char *ascii)
{
	for (; *ascii; ascii++)
		wb_put(b, (wchar_t)(unsigned char)*ascii);
}

static void wb_hex(struct wbuf *b, uint32_t v, int mindigits)
{
	static const char hex[] = "0123456789ABCDEF";
	int digits = 1, i;

	while (digits < 8 && (v >> (4 * digits)) != 0)
		digits++;
	if (digits < mindigits)
		digits = mindigits;
	for (i = digits - 1; i >= 0; i--)
		wb_put(b, (wchar_t)hex[(v >> (4 * i)) & 0xF]);
}

static void sanitise(const char *s, size_t len, unsigned flags, bool to_charset,
                     struct wbuf *b)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		const char *t;

		if (cp == UTF8_INVALID) {
			wb_puts(b, "<\\x");
			wb_hex(b, (unsigned char)s[i], 2);
			wb_put(b, L'>');
			i++;
			continue;
		}
		i += n;
		if (cp == '\n' && (flags & SAFE_MULTILINE)) {
			wb_put(b, L'\n');
		} else if (cp == '\t' && (flags & SAFE_TABS)) {
			wb_put(b, L' ');
		} else if (cp < 0x20 || cp == 0x7F) {
			wb_put(b, L'^');
			wb_put(b, cp == 0x7F ? L'?' : (wchar_t)(cp + 0x40));
		} else if (is_hidden(cp)) {
			wb_puts(b, "<U+");
			wb_hex(b, cp, 4);
			wb_put(b, L'>');
		} else if (!to_charset || representable(cp)) {
			wb_put(b, (wchar_t)cp);
		} else if ((t = safe_translit((wchar_t)cp)) != NULL) {
			wb_puts(b, t);
		} else {
			wb_put(b, L'?');
		}
	}
}

/* Sanitise into a fresh wide buffer; NULL only when memory runs out. */
static wchar_t *sanitise_wcs(const char *utf8, size_t len, unsigned flags, bool to_charset,
                             size_t *outn)
{
	struct wbuf b = { NULL, 0, 0, false };

	if (!utf8)
		utf8 = "";
	if (len == (size_t)-1)
		len = strlen(utf8);
	ensure_init();
	if (len < SIZE_MAX / sizeof(wchar_t) - 1) { /* most text maps one to one */
		b.p = malloc((len + 1) * sizeof(wchar_t));
		b.cap = b.p ? len + 1 : 0;
	}
	sanitise(utf8, len, flags, to_charset, &b);
	wb_put(&b, L'\0');
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	*outn = b.n - 1;
	return b.p;
}

wchar_t *safe_wcs(const char *utf8, size_t len, unsigned flags)
{
	size_t n;

	return sanitise_wcs(utf8, len, flags, true, &n);
}

/* Encode n sanitised wide characters: UTF-8 when utf8, else the terminal charset. */
static char *encode(const wchar_t *w, size_t n, bool utf8)
{
	size_t per = utf8 || cur_cs == SAFE_CS_UTF8 ? 4 : cur_cs == SAFE_CS_OTHER ? MB_CUR_MAX : 1;
	size_t i, o = 0;
	mbstate_t st;
	char *out;

	if (n > (SIZE_MAX - MB_LEN_MAX - 1) / per)
		return NULL;
	out = malloc(n * per + MB_LEN_MAX + 1);
	if (!out)
		return NULL;
	memset(&st, 0, sizeof st);
	for (i = 0; i < n; i++) {
		uint32_t cp = (uint32_t)w[i];
		int byte;
		size_t k;

		if (utf8 || cur_cs == SAFE_CS_UTF8) {
			o += utf8_encode(cp, out + o);
		} else if (cur_cs != SAFE_CS_OTHER) {
			byte = table_byte(cur_cs, cp);
			out[o++] = (char)(byte >= 0 ? byte : '?');
		} else if ((k = wcrtomb(out + o, w[i], &st)) != (size_t)-1) {
			o += k;
		} else {
			memset(&st, 0, sizeof st);
			out[o++] = '?';
		}
	}
	if (!utf8 && cur_cs == SAFE_CS_OTHER) { /* return a stateful encoding to its start */
		size_t k = wcrtomb(out + o, L'\0', &st);
		if (k != (size_t)-1 && k > 0)
			o += k - 1;
	}
	out[o] = '\0';
	return out;
}

char *safe_mbs(const char *utf8, size_t len, unsigned flags)
{
	size_t n;
	wchar_t *w = sanitise_wcs(utf8, len, flags, true, &n);
	char *out;

	if (!w)
		return NULL;
	out = encode(w, n, false);
	free(w);
	return out;
}

char *safe_utf8(const char *utf8, size_t len, unsigned flags)
{
	size_t n;
	wchar_t *w = sanitise_wcs(utf8, len, flags, false, &n);
	char *out;

	if (!w)
		return NULL;
	out = encode(w, n, true);
	free(w);
	return out;
}

int safe_fputs(const char *utf8, FILE *f, unsigned flags)
{
	char *s = safe_mbs(utf8, (size_t)-1, flags);
	size_t n;
	int rc;

	if (!s)
		return -1;
	n = strlen(s);
	rc = fwrite(s, 1, n, f) == n ? 0 : -1;
	free(s);
	return rc;
}

int safe_fprintf(FILE *f, const char *fmt, ...)
{
	char small[512], *buf = small, *out;
	va_list ap, ap2;
	int n;
	size_t outn;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= sizeof small) {
		buf = malloc((size_t)n + 1);
		if (buf)
			n = vsnprintf(buf, (size_t)n + 1, fmt, ap2);
	}
	va_end(ap2);
	if (n < 0 || !buf) {
		if (buf != small)
			free(buf);
		return -1;
	}
	out = safe_mbs(buf, (size_t)n, SAFE_MULTILINE | SAFE_TABS);
	if (buf != small)
		free(buf);
	if (!out)
		return -1;
	outn = strlen(out);
	n = fwrite(out, 1, outn, f) == outn && outn <= INT_MAX ? (int)outn : -1;
	free(out);
	return n;
}

/* ---- display width ---- */

static int wc_cols(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

int safe_wcs_width(const wchar_t *s, size_t n)
{
	size_t i;
	int cols = 0;

	if (!s)
		return 0;
	for (i = 0; i < n && s[i]; i++) {
		int w = wc_cols(s[i]);
		if (cols > INT_MAX - w)
			return INT_MAX;
		cols += w;
	}
	return cols;
}

size_t safe_wcs_fit(const wchar_t *s, int cols)
{
	size_t i = 0;
	int used = 0;

	if (!s || cols < 0)
		return 0;
	/* zero-width characters after the last one that fits stay with it */
	for (; s[i]; i++) {
		int w = wc_cols(s[i]);
		if (w > cols - used)
			break;
		used += w;
	}
	return i;
}

int safe_width(const char *utf8)
{
	wchar_t *w = safe_wcs(utf8, (size_t)-1, 0);
	int cols;

	if (!w)
		return 0;
	cols = safe_wcs_width(w, (size_t)-1);
	free(w);
	return cols;
}
