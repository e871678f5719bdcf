/* strbuf.c — see strbuf.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/strbuf.h"

static bool grow(strbuf *b, size_t more)
{
	if (b->failed)
		return false;
	if (more >= SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return false;
	}
	size_t need = b->len + more + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		b->failed = true;
		return false;
	}
	b->s = s;
	b->cap = cap;
	return true;
}

bool strbuf_appendn(strbuf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return false;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

bool strbuf_append(strbuf *b, const char *s)
{
	return strbuf_appendn(b, s, strlen(s));
}

bool strbuf_vappendf(strbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[1];
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0) { /* an encoding error: nothing appended, the text is incomplete */
		b->failed = true;
		return false;
	}
	if (!grow(b, (size_t)n))
		return false;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return true;
}

bool strbuf_appendf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool r = strbuf_vappendf(b, fmt, ap);
	va_end(ap);
	return r;
}

const char *strbuf_str(const strbuf *b)
{
	return b->s ? b->s : "";
}

char *strbuf_take(strbuf *b)
{
	if (b->failed) {
		strbuf_free(b);
		return NULL;
	}
	char *s = b->s ? b->s : strdup("");
	*b = (strbuf)STRBUF_INIT;
	return s;
}

void strbuf_free(strbuf *b)
{
	free(b->s);
	*b = (strbuf)STRBUF_INIT;
}

char *str_vprintf(const char *fmt, va_list ap)
{
	strbuf b = STRBUF_INIT;
	strbuf_vappendf(&b, fmt, ap);
	return strbuf_take(&b);
}

char *str_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = str_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *str_join(char *const *words, int n, const char *sep)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_append(&b, sep);
		strbuf_append(&b, words[i]);
	}
	return strbuf_take(&b);
}

/* The largest k <= n at which s[k] starts a UTF-8 character (or ends s). */
static size_t char_start_at_most(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* The smallest k >= n at which s[k] starts a character; s has len bytes. */
static size_t char_start_at_least(const char *s, size_t len, size_t n)
{
	while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

#define CUT_MARK "…"

bool str_fit(char *dst, size_t size, const char *src)
{
	if (size == 0)
		return true;
	size_t len = strlen(src);
	if (len < size) {
		memmove(dst, src, len + 1);
		return false;
	}
	size_t mark = sizeof CUT_MARK - 1;
	if (size <= mark + 1) {
		dst[0] = '\0';
		return true;
	}
	size_t room = size - 1 - mark;            /* bytes of text around the mark */
	size_t head = char_start_at_most(src, room - room / 2);
	size_t tail = char_start_at_least(src, len, len - (room - head));
	memmove(dst, src, head);
	memcpy(dst + head, CUT_MARK, mark);
	memmove(dst + head + mark, src + tail, len - tail + 1);
	return true;
}

bool str_vfit(char *dst, size_t size, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char *full = str_vprintf(fmt, ap2);
	va_end(ap2);
	if (full) {
		bool cut = str_fit(dst, size, full);
		free(full);
		return cut;
	}
	if (size == 0)
		return true;
	/* Out of memory: what fits, cut at a character, and the mark. */
	int n = vsnprintf(dst, size, fmt, ap);
	if (n >= 0 && (size_t)n < size)
		return false;
	size_t mark = sizeof CUT_MARK - 1;
	if (size <= mark + 1) {
		dst[0] = '\0';
		return true;
	}
	size_t at = char_start_at_most(dst, size - 1 - mark);
	memcpy(dst + at, CUT_MARK, mark + 1);
	return true;
}

bool str_fitf(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool cut = str_vfit(dst, size, fmt, ap);
	va_end(ap);
	return cut;
}
