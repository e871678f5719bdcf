/* plfold.c — Polish folding and collation with built-in tables, so the result is the
 * same on every machine whatever locales are installed.
 *
 * Collation: each character becomes one or more collation elements {primary,
 * punctuation value, upper}; strings are compared level by level (letters, then
 * punctuation/spacing, then case, then raw bytes), each level lexicographically over a
 * sequence derived from the string alone, so the result is a total order. */
#include "plfold.h"
#include "safe.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Rank of each letter in  a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w
 * x y z ź ż  (1-based). */
static const unsigned char ascii_rank[26] = {
	1, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 17,          /* a..m */
	18, 20, 22, 23, 24, 25, 27, 28, 29, 30, 31, 32, 33,    /* n..z */
};

static const struct { uint16_t lower, upper; unsigned char rank; } pl_letters[] = {
	{0x0105, 0x0104, 2},  /* ą */ {0x0107, 0x0106, 5},  /* ć */
	{0x0119, 0x0118, 8},  /* ę */ {0x0142, 0x0141, 16}, /* ł */
	{0x0144, 0x0143, 19}, /* ń */ {0x00F3, 0x00D3, 21}, /* ó */
	{0x015B, 0x015A, 26}, /* ś */ {0x017A, 0x0179, 34}, /* ź */
	{0x017C, 0x017B, 35}, /* ż */
};

#define KEY_DIGIT  1u     /* digits: 1..10, before every letter */
#define KEY_LETTER 100u   /* Polish alphabet: 101..135 */
#define KEY_OTHER  1000u  /* any other letter or symbol: after z, by code point */
#define QUAT_HIGH  0xFFFFFFFFu

struct elem {
	uint32_t prim;     /* 0 = ignorable at the primary level (punctuation, spacing) */
	uint32_t quat;     /* for ignorables, the code point (QUAT_HIGH for letters) */
	unsigned char upper;
};

/* Greek and basic Cyrillic capitals to small letters (Latin is handled by tables). */
static uint32_t simple_lower(uint32_t cp)
{
	if ((cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) || (cp >= 0x0410 && cp <= 0x042F))
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	return cp;
}

static bool is_latin_letter(uint32_t cp)
{
	return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

static bool is_ignorable(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
	return (cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 ||
	       cp == 0xF7 || (cp >= 0x02B0 && cp <= 0x036F) || (cp >= 0x2000 && cp <= 0x2BFF) ||
	       (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x3003) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp >= 0xE0000;
}

/* Compose a base letter with a following combining mark into a Polish letter
 * (decomposed text from macOS or the web), or return 0. */
static uint32_t compose(uint32_t base, uint32_t mark)
{
	static const struct { char base; uint16_t mark, cp; } tab[] = {
		{'a', 0x328, 0x105}, {'A', 0x328, 0x104}, {'e', 0x328, 0x119}, {'E', 0x328, 0x118},
		{'c', 0x301, 0x107}, {'C', 0x301, 0x106}, {'n', 0x301, 0x144}, {'N', 0x301, 0x143},
		{'o', 0x301, 0x0F3}, {'O', 0x301, 0x0D3}, {'s', 0x301, 0x15B}, {'S', 0x301, 0x15A},
		{'z', 0x301, 0x17A}, {'Z', 0x301, 0x179}, {'z', 0x307, 0x17C}, {'Z', 0x307, 0x17B},
	};
	size_t i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if ((uint32_t)(unsigned char)tab[i].base == base && tab[i].mark == mark)
			return tab[i].cp;
	return 0;
}

static uint32_t ascii_key(char c)
{
	if (c >= '0' && c <= '9')
		return KEY_DIGIT + (uint32_t)(c - '0');
	if (c >= 'A' && c <= 'Z')
		c = (char)(c - 'A' + 'a');
	if (c >= 'a' && c <= 'z')
		return KEY_LETTER + ascii_rank[c - 'a'];
	return 0;
}

struct iter {
	const char *s;
	size_t len, pos;
	struct elem pend[3];
	int npend, ipend;
};

/* Turn the code point cp into collation elements in it->pend. */
static void expand(struct iter *it, uint32_t cp)
{
	struct elem *e = it->pend;
	const char *t;
	size_t i;

	it->npend = 1;
	it->ipend = 0;
	e->prim = 0;
	e->quat = QUAT_HIGH;
	e->upper = 0;
	if (cp < 0x80 && (e->prim = ascii_key((char)cp)) != 0) {
		e->upper = cp >= 'A' && cp <= 'Z';
		return;
	}
	for (i = 0; i < sizeof pl_letters / sizeof pl_letters[0]; i++) {
		if (pl_letters[i].lower == cp || pl_letters[i].upper == cp) {
			e->prim = KEY_LETTER + pl_letters[i].rank;
			e->upper = pl_letters[i].upper == cp;
			return;
		}
	}
	if (is_latin_letter(cp) && (t = safe_translit((wchar_t)cp)) != NULL) {
		/* other Latin letters sort with their base letter(s): é as e, ß as ss */
		int n = 0;
		bool up = false, first = true;
		for (; *t && n < 3; t++) {
			uint32_t k = ascii_key(*t);
			if (!k)
				continue;
			if (first)
				up = *t >= 'A' && *t <= 'Z';
			first = false;
			it->pend[n].prim = k;
			it->pend[n].quat = QUAT_HIGH;
			it->pend[n].upper = up;
			n++;
		}
		if (n > 0) {
			it->npend = n;
			return;
		}
	}
	if (is_ignorable(cp)) {
		e->quat = cp;
		return;
	}
	e->prim = KEY_OTHER + simple_lower(cp);
	e->upper = simple_lower(cp) != cp;
}

static bool iter_next(struct iter *it, struct elem *e)
{
	uint32_t cp, mark, c;
	size_t n;

	if (it->ipend < it->npend) {
		*e = it->pend[it->ipend++];
		return true;
	}
	if (it->pos >= it->len)
		return false;
	n = utf8_decode(it->s + it->pos, it->len - it->pos, &cp);
	if (cp == UTF8_INVALID) {
		/* a bad byte is punctuation-like; above every code point, by its value */
		e->prim = 0;
		e->quat = 0x110000u + (unsigned char)it->s[it->pos];
		e->upper = 0;
		it->pos++;
		it->npend = it->ipend = 0;
		return true;
	}
	it->pos += n;
	if (cp < 0x80 && it->pos < it->len) {
		n = utf8_decode(it->s + it->pos, it->len - it->pos, &mark);
		if (mark != UTF8_INVALID && (c = compose(cp, mark)) != 0) {
			cp = c;
			it->pos += n;
		}
	}
	expand(it, cp);
	*e = it->pend[it->ipend++];
	return true;
}

/* The next element that counts at this level; *pos counts the letters skipped over
 * so that punctuation is compared together with where it stands. */
static bool level_next(struct iter *it, int level, struct elem *e, size_t *pos)
{
	while (iter_next(it, e)) {
		if ((e->prim != 0) == (level != 2))
			return true;
		if (e->prim != 0)
			(*pos)++;
	}
	return false;
}

/* level 1: letters and digits; 2: punctuation and spacing (a string without any
 * sorts first, then by position, then by character); 3: case */
static int compare_level(const char *a, size_t alen, const char *b, size_t blen, int level)
{
	struct iter x = { a, alen, 0, {{0, 0, 0}}, 0, 0 };
	struct iter y = { b, blen, 0, {{0, 0, 0}}, 0, 0 };
	size_t pa = 0, pb = 0;

	for (;;) {
		struct elem ea, eb;
		bool ha = level_next(&x, level, &ea, &pa);
		bool hb = level_next(&y, level, &eb, &pb);
		uint32_t ka, kb;

		if (!ha || !hb)
			return (int)ha - (int)hb; /* a prefix sorts first */
		if (level == 2 && pa != pb)
			return pa < pb ? -1 : 1;
		ka = level == 1 ? ea.prim : level == 2 ? ea.quat : ea.upper;
		kb = level == 1 ? eb.prim : level == 2 ? eb.quat : eb.upper;
		if (ka != kb)
			return ka < kb ? -1 : 1;
	}
}

int pl_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	int level, c;

	if (!a)
		a = "", alen = 0;
	if (!b)
		b = "", blen = 0;
	for (level = 1; level <= 3; level++)
		if ((c = compare_level(a, alen, b, blen, level)) != 0)
			return c;
	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

char *pl_fold(const char *utf8, size_t len)
{
	size_t i = 0, o = 0;
	char *out;

	if (!utf8)
		utf8 = "";
	if (len == (size_t)-1)
		len = strlen(utf8);
	/* folding never lengthens text (2-byte letters give at most 2 ASCII bytes), but
	 * keep a margin rather than rely on every table entry */
	if (len > (SIZE_MAX - 1) / 2)
		return NULL;
	out = malloc(2 * len + 1);
	if (!out)
		return NULL;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(utf8 + i, len - i, &cp);
		const char *t;

		i += n;
		if (cp == UTF8_INVALID)
			continue;
		if (cp >= 'A' && cp <= 'Z') {
			out[o++] = (char)(cp - 'A' + 'a');
		} else if (cp < 0x80) {
			out[o++] = (char)cp;
		} else if (cp >= 0x0300 && cp <= 0x036F) {
			continue; /* a combining diacritic */
		} else if (is_latin_letter(cp) && (t = safe_translit((wchar_t)cp)) != NULL) {
			for (; *t; t++)
				out[o++] = (*t >= 'A' && *t <= 'Z') ? (char)(*t - 'A' + 'a') : *t;
		} else {
			o += utf8_encode(simple_lower(cp), out + o);
		}
	}
	out[o] = '\0';
	return out;
}

size_t pl_slug(const char *utf8, char *out, size_t out_size, size_t max)
{
	char *f = pl_fold(utf8, strlen(utf8));
	size_t o = 0;
	bool dash = false;
	if (max >= out_size)
		max = out_size - 1;
	for (const char *p = f ? f : ""; *p && o < max; p++) {
		unsigned char ch = (unsigned char)*p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (dash && o) {
				out[o++] = '-';
				if (o == max)
					break;
			}
			out[o++] = (char)ch;
			dash = false;
		} else {
			dash = true;
		}
	}
	out[o] = '\0';
	free(f);
	return o;
}
