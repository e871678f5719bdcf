/* utf8.h — decoding and encoding UTF-8, one code point at a time. */
#ifndef EMPIRIE_TEXT_UTF8_H
#define EMPIRIE_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define UTF8_INVALID 0xFFFFFFFFu

/* Decode one code point from s[0..len). Returns the number of bytes used (>= 1 when
 * len > 0). On an invalid, overlong, surrogate or truncated sequence *cp is
 * UTF8_INVALID and 1 is returned, so the caller can show that one byte and go on. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes). Returns the byte count, 0 if cp is not a
 * Unicode scalar value. */
size_t utf8_encode(uint32_t cp, char *out);

/* True when all len bytes are well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);

#endif
