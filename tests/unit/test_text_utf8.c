/* test_text_utf8.c — strict UTF-8 decoding and encoding. */
#include "tap.h"
#include "text/utf8.h"

#include <stdint.h>

/* Decode s (n bytes) and check code point and length. */
static void dec(const char *s, size_t n, uint32_t want_cp, size_t want_len, const char *what)
{
	uint32_t cp = 0;
	size_t got = utf8_decode(s, n, &cp);

	ok(cp == want_cp && got == want_len, "decode %s", what);
	if (cp != want_cp || got != want_len)
		diag("got U+%04lX len %zu, want U+%04lX len %zu", (unsigned long)cp, got,
		     (unsigned long)want_cp, want_len);
}

int main(void)
{
	char buf[8];
	uint32_t cp;
	uint32_t probe[] = { 0, 0x41, 0x7F, 0x80, 0x142, 0x7FF, 0x800, 0x20AC, 0xD7FF,
	                     0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	size_t i;

	dec("A", 1, 'A', 1, "ASCII");
	dec("\xC5\x82", 2, 0x142, 2, "ł (2 bytes)");
	dec("\xE2\x82\xAC", 3, 0x20AC, 3, "€ (3 bytes)");
	dec("\xF0\x9F\x98\x80", 4, 0x1F600, 4, "emoji (4 bytes)");
	dec("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4, "U+10FFFF");
	dec("\xC2\x9B", 2, 0x9B, 2, "U+009B (C1 CSI) is valid UTF-8");
	dec("", 1, 0, 1, "NUL byte is a character");

	dec("\x80", 1, UTF8_INVALID, 1, "lone continuation byte");
	dec("\xFF", 1, UTF8_INVALID, 1, "0xFF");
	dec("\xFE", 1, UTF8_INVALID, 1, "0xFE");
	dec("\xC0\xAF", 2, UTF8_INVALID, 1, "overlong '/' (C0 AF)");
	dec("\xC1\xBF", 2, UTF8_INVALID, 1, "overlong C1 BF");
	dec("\xE0\x80\xAF", 3, UTF8_INVALID, 1, "overlong 3-byte '/'");
	dec("\xE0\x9F\xBF", 3, UTF8_INVALID, 1, "overlong 3-byte U+07FF");
	dec("\xF0\x80\x80\xAF", 4, UTF8_INVALID, 1, "overlong 4-byte '/'");
	dec("\xF0\x8F\xBF\xBF", 4, UTF8_INVALID, 1, "overlong 4-byte U+FFFF");
	dec("\xED\xA0\x80", 3, UTF8_INVALID, 1, "surrogate U+D800");
	dec("\xED\xBF\xBF", 3, UTF8_INVALID, 1, "surrogate U+DFFF");
	dec("\xF4\x90\x80\x80", 4, UTF8_INVALID, 1, "above U+10FFFF");
	dec("\xF5\x80\x80\x80", 4, UTF8_INVALID, 1, "F5 lead byte");
	dec("\xC5", 1, UTF8_INVALID, 1, "truncated 2-byte sequence");
	dec("\xE2\x82", 2, UTF8_INVALID, 1, "truncated 3-byte sequence");
	dec("\xC5\x82", 1, UTF8_INVALID, 1, "len cuts a sequence short");
	dec("\xC5" "A", 2, UTF8_INVALID, 1, "lead byte followed by ASCII");
	dec("\xE2\x28\xA1", 3, UTF8_INVALID, 1, "bad second byte");
	is_int(utf8_decode("abc", 0, &cp), 0, "empty input decodes nothing");
	ok(cp == UTF8_INVALID, "empty input gives UTF8_INVALID");

	for (i = 0; i < sizeof probe / sizeof probe[0]; i++) {
		size_t n = utf8_encode(probe[i], buf);
		uint32_t back = 1;
		size_t m = utf8_decode(buf, n, &back);
		ok(n > 0 && m == n && back == probe[i], "encode/decode round trip U+%04lX",
		   (unsigned long)probe[i]);
	}
	is_int(utf8_encode(0x7F, buf), 1, "U+007F encodes in 1 byte");
	is_int(utf8_encode(0x80, buf), 2, "U+0080 encodes in 2 bytes");
	is_int(utf8_encode(0x800, buf), 3, "U+0800 encodes in 3 bytes");
	is_int(utf8_encode(0x10000, buf), 4, "U+10000 encodes in 4 bytes");
	is_int(utf8_encode(0x20AC, buf), 3, "€ is 3 bytes");
	ok(memcmp(buf, "\xE2\x82\xAC", 3) == 0, "€ bytes are E2 82 AC");
	is_int(utf8_encode(0xD800, buf), 0, "surrogate D800 is not encoded");
	is_int(utf8_encode(0xDFFF, buf), 0, "surrogate DFFF is not encoded");
	is_int(utf8_encode(0x110000, buf), 0, "U+110000 is not encoded");
	is_int(utf8_encode(UTF8_INVALID, buf), 0, "UTF8_INVALID is not encoded");

	ok(utf8_valid("Zażółć gęślą jaźń", strlen("Zażółć gęślą jaźń")), "Polish text is valid");
	ok(utf8_valid("", 0), "empty is valid");
	ok(utf8_valid("a\0b", 3), "NUL in the middle is valid (length-based)");
	ok(!utf8_valid("Za\xBF\xF3\xB3\xE6", 6), "CP1250 bytes are not valid UTF-8");
	ok(!utf8_valid("ok\xC0\xAF", 4), "overlong is not valid");
	ok(!utf8_valid("\xED\xA0\x80", 3), "surrogate is not valid");
	ok(!utf8_valid("\xC5\x82", 1), "truncated by len is not valid");

	return tap_done();
}
