/* strbuf.h — text of any length: a growable buffer, allocated strings, and the one way
 * to put text into a fixed array that shows where it was cut (issue 19: user text is
 * never cut without a mark). Out of memory is reported (false or NULL), never ignored. */
#ifndef EMPIRIE_TEXT_STRBUF_H
#define EMPIRIE_TEXT_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char *s;     /* NUL-terminated once anything was appended; NULL before */
	size_t len;  /* bytes in s, without the NUL */
	size_t cap;  /* bytes allocated */
	bool failed; /* an append ran out of memory: the text is incomplete */
} strbuf;

#define STRBUF_INIT { NULL, 0, 0, false }

/* Append n bytes of s / the string s / a printf format. False when memory ran out
 * (then and after, b->failed is set and b keeps what it had). */
bool strbuf_appendn(strbuf *b, const char *s, size_t n);
bool strbuf_append(strbuf *b, const char *s);
bool strbuf_appendf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool strbuf_vappendf(strbuf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The text so far ("" when empty). */
const char *strbuf_str(const strbuf *b);
/* The text, the caller's to free, and b emptied; NULL if an append failed (b freed). */
char *strbuf_take(strbuf *b);
void strbuf_free(strbuf *b);

/* A printf format as a new string (the caller frees it); NULL when out of memory. */
char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *str_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* The n words joined by sep, as a new string; NULL when out of memory. */
char *str_join(char *const *words, int n, const char *sep);

/* For a fixed array that has a known limit (a value's message, the status line):
 * copy src into dst (size bytes). When it does not fit, the head and the tail are kept,
 * cut at character boundaries, with "…" between, so the cut shows and the end of a
 * message ("… in the directory") stays. True when it had to cut. */
bool str_fit(char *dst, size_t size, const char *src);
/* The same for a printf format (when memory runs out: the head and "…"). */
bool str_vfit(char *dst, size_t size, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
bool str_fitf(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
