/* charset.c — whole-buffer conversion between UTF-8, CP1250 and ISO-8859-2 (iconv),
 * and a guess at which of them a file is in. */
#include "charset.h"
#include "safe.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *const charset_keys[] = { "auto", "utf-8", "cp1250", "iso-8859-2", NULL };

/* Other names people write for them. */
static const struct {
	const char *name;
	enum charset_id id;
} other_names[] = {
	{ "windows-1250", CHARSET_CP1250 }, { "win1250", CHARSET_CP1250 },
	{ "latin2", CHARSET_LATIN2 },       { "l2", CHARSET_LATIN2 },
};

/* name case-blind and without '-', '_', ' ' into n ("ISO-8859-2", "iso_8859_2",
 * "iso88592" are one name); false when longer than n holds. */
static bool fold_name(const char *name, char n[24])
{
	size_t k = 0;
	for (; *name; name++) {
		char c = *name;
		if (c == '-' || c == '_' || c == ' ')
			continue;
		if (k + 1 >= 24)
			return false;
		n[k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	n[k] = '\0';
	return true;
}

int charset_parse(const char *name)
{
	char n[24], t[24];
	if (!name || !fold_name(name, n))
		return -1;
	for (int i = 0; charset_keys[i]; i++)
		if (fold_name(charset_keys[i], t) && strcmp(n, t) == 0)
			return i;
	for (size_t i = 0; i < sizeof other_names / sizeof other_names[0]; i++)
		if (fold_name(other_names[i].name, t) && strcmp(n, t) == 0)
			return (int)other_names[i].id;
	return -1;
}

const char *charset_name(enum charset_id id)
{
	switch (id) {
	case CHARSET_UTF8: return "UTF-8";
	case CHARSET_CP1250: return "CP1250";
	case CHARSET_LATIN2: return "ISO-8859-2";
	case CHARSET_AUTO: break;
	}
	return "auto";
}

static bool has_bom(const char *buf, size_t len)
{
	return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
}

enum charset_id charset_detect(const char *buf, size_t len)
{
	size_t i;
	long cp1250 = 0, latin2 = 0;
	bool high = false;

	if (!buf || has_bom(buf, len))
		return CHARSET_UTF8;
	for (i = 0; i < len && !high; i++)
		high = (unsigned char)buf[i] >= 0x80;
	if (!high || utf8_valid(buf, len))
		return CHARSET_UTF8;
	for (i = 0; i < len; i++) {
		unsigned char b = (unsigned char)buf[i];
		switch (b) {
		case 0xB9: case 0xA5: case 0x9C: case 0x8C: case 0x9F: case 0x8F:
			cp1250++; /* ą Ą ś Ś ź Ź in CP1250 */
			break;
		case 0xB1: case 0xA1: case 0xB6: case 0xA6: case 0xBC: case 0xAC:
			latin2++; /* ą Ą ś Ś ź Ź in ISO-8859-2 */
			break;
		case 0x81: case 0x83: case 0x88: case 0x90: case 0x98:
			latin2 += 1000; /* undefined in CP1250: it cannot be CP1250 */
			break;
		default:
			if (b >= 0x80 && b <= 0x9F)
				cp1250++; /* „ ” – … in CP1250, C1 controls in Latin-2 */
			break;
		}
	}
	/* a tie (only the letters both share, ć ę ł ń ó ż) converts the same either way */
	return latin2 > cp1250 ? CHARSET_LATIN2 : CHARSET_CP1250;
}

/* ---- growable output ---- */

struct obuf {
	char *p;
	size_t n, cap;
};

/* Make room for at least `extra` more bytes plus a terminating NUL. */
static bool ob_reserve(struct obuf *o, size_t extra)
{
	size_t nc;
	char *np;

	if (o->cap > o->n && o->cap - o->n > extra)
		return true;
	if (extra > SIZE_MAX / 2 - o->n - 1)
		return false;
	nc = o->cap * 2;
	if (nc < o->n + extra + 1)
		nc = o->n + extra + 1;
	np = realloc(o->p, nc);
	if (!np)
		return false;
	o->p = np;
	o->cap = nc;
	return true;
}

static bool ob_put(struct obuf *o, const char *s, size_t n)
{
	if (!ob_reserve(o, n))
		return false;
	memcpy(o->p + o->n, s, n);
	o->n += n;
	return true;
}

static char *ob_finish(struct obuf *o, size_t *outlen)
{
	if (!ob_reserve(o, 0)) {
		free(o->p);
		return NULL;
	}
	o->p[o->n] = '\0';
	if (outlen)
		*outlen = o->n;
	return o->p;
}

/* Run iconv over in[0..len). Returns 0 when all of it went through, else the errno
 * (EILSEQ, EINVAL for a truncated sequence, ENOMEM) with *stop at the failing byte. */
static int run_iconv(iconv_t cd, const char *in, size_t len, struct obuf *o, size_t *stop)
{
	union { const char *c; char *m; } ip; /* iconv's prototype lacks const */
	size_t left = len, want = len + 16;

	ip.c = in;
	for (;;) {
		char *op;
		size_t oleft, r;

		if (!ob_reserve(o, want)) {
			*stop = len - left;
			return ENOMEM;
		}
		op = o->p + o->n;
		oleft = o->cap - o->n - 1;
		r = iconv(cd, left ? &ip.m : NULL, &left, &op, &oleft);
		o->n = (size_t)(op - o->p);
		if (r != (size_t)-1 && left == 0)
			return 0;
		if (r == (size_t)-1 && errno != E2BIG) {
			*stop = len - left;
			return errno == EINVAL ? EINVAL : EILSEQ;
		}
		want = o->cap; /* out of room: double */
	}
}

static void where(const char *buf, size_t start, size_t at, bool utf8,
                  unsigned long *line, unsigned long *col)
{
	unsigned long l = 1, c = 1;
	size_t i;

	for (i = start; i < at; i++) {
		if (buf[i] == '\n') {
			l++;
			c = 1;
		} else if (!utf8 || ((unsigned char)buf[i] & 0xC0) != 0x80) {
			c++; /* count characters, not continuation bytes */
		}
	}
	if (line)
		*line = l;
	if (col)
		*col = c;
}

char *charset_to_utf8(const char *buf, size_t len, enum charset_id from, size_t *outlen,
                      unsigned long *bad_line, unsigned long *bad_col)
{
	struct obuf o = { NULL, 0, 0 };
	size_t start = 0, i, stop = 0;
	iconv_t cd;
	int rc;

	if (bad_line)
		*bad_line = 0;
	if (bad_col)
		*bad_col = 0;
	if (!buf) {
		buf = "";
		len = 0;
	}
	if (from == CHARSET_AUTO)
		from = charset_detect(buf, len);
	if (from == CHARSET_UTF8) {
		if (has_bom(buf, len))
			start = 3;
		for (i = start; i < len;) {
			uint32_t cp;
			size_t n = utf8_decode(buf + i, len - i, &cp);
			if (cp == UTF8_INVALID) {
				where(buf, start, i, true, bad_line, bad_col);
				return NULL;
			}
			i += n;
		}
		if (!ob_put(&o, buf + start, len - start)) {
			free(o.p);
			return NULL;
		}
		return ob_finish(&o, outlen);
	}
	cd = iconv_open("UTF-8", charset_name(from));
	if (cd == (iconv_t)-1)
		return NULL;
	rc = run_iconv(cd, buf, len, &o, &stop);
	iconv_close(cd);
	if (rc != 0) {
		if (rc != ENOMEM)
			where(buf, 0, stop, false, bad_line, bad_col);
		free(o.p);
		return NULL;
	}
	return ob_finish(&o, outlen);
}

/* Stand-in for the character at s[0..len) that the target lacks; returns its size. */
static size_t substitute(const char *s, size_t len, struct obuf *o, bool *ok)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);
	const char *t = cp == UTF8_INVALID ? NULL : safe_translit((wchar_t)cp);

	if (!t)
		t = "?";
	*ok = ob_put(o, t, strlen(t));
	return n ? n : 1;
}

char *charset_from_utf8(const char *utf8, size_t len, enum charset_id to, size_t *outlen)
{
	struct obuf o = { NULL, 0, 0 };
	size_t pos = 0;
	bool ok = true;
	iconv_t cd;

	if (!utf8) {
		utf8 = "";
		len = 0;
	}
	if (to == CHARSET_UTF8 || to == CHARSET_AUTO) {
		/* already UTF-8: only bad bytes need replacing */
		while (ok && pos < len) {
			uint32_t cp;
			size_t n = utf8_decode(utf8 + pos, len - pos, &cp);
			ok = cp == UTF8_INVALID ? ob_put(&o, "?", 1) : ob_put(&o, utf8 + pos, n);
			pos += n;
		}
	} else {
		cd = iconv_open(charset_name(to), "UTF-8");
		if (cd == (iconv_t)-1)
			return NULL;
		while (ok && pos < len) {
			size_t stop = 0;
			int rc = run_iconv(cd, utf8 + pos, len - pos, &o, &stop);
			if (rc == 0)
				break;
			if (rc == ENOMEM) {
				ok = false;
				break;
			}
			pos += stop;
			pos += substitute(utf8 + pos, len - pos, &o, &ok);
			iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial state */
		}
		iconv_close(cd);
	}
	if (!ok) {
		free(o.p);
		return NULL;
	}
	return ob_finish(&o, outlen);
}
