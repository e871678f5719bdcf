/* test_sha256.c — SHA-256 against the FIPS 180-4 test vectors, and chunking that
 * must not change the digest. */
#include "tap.h"
#include "core/sha256.h"

#include <stdint.h>

/* Hex of a digest computed through init/update/final. */
static void to_hex(const unsigned char d[32], char out[65])
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 32; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 0x0f];
	}
	out[64] = '\0';
}

static void hex_is(const char *in, const char *want, const char *what)
{
	unsigned char d[32];
	char got[65];
	sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, in, strlen(in));
	sha256_final(&c, d);
	to_hex(d, got);
	is_str(got, want, "%s", what);
}

/* One million 'a' in chunks of varying size, so updates start and end at every
 * offset inside a block and also cover whole blocks. */
static void million_a(void)
{
	static unsigned char a[1000];
	size_t done = 0, step = 1;
	unsigned char d[32];
	char got[65];
	sha256_ctx c;

	memset(a, 'a', sizeof a);
	sha256_init(&c);
	while (done < 1000000) {
		size_t n = step;

		if (n > 1000000 - done)
			n = 1000000 - done;
		sha256_update(&c, a, n);
		done += n;
		step = step * 7 % 997 + 1; /* 1..997, never a steady multiple of 64 */
	}
	sha256_final(&c, d);
	to_hex(d, got);
	is_str(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	       "one million 'a' in uneven chunks");
}

/* Byte-at-a-time must equal one call, for every length across the padding edges
 * (55, 56, 63, 64, 119, 120, ...). */
static void bytewise(void)
{
	unsigned char data[200];
	uint32_t seed = 2463534242u;
	size_t len, i;
	int bad = 0;

	for (i = 0; i < sizeof data; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 17;
		seed ^= seed << 5;
		data[i] = (unsigned char)seed;
	}
	for (len = 0; len <= sizeof data; len++) {
		unsigned char one[32], many[32];
		sha256_ctx c;

		sha256_init(&c);
		sha256_update(&c, data, len);
		sha256_final(&c, one);
		sha256_init(&c);
		for (i = 0; i < len; i++)
			sha256_update(&c, data + i, 1);
		sha256_final(&c, many);
		if (memcmp(one, many, sizeof one) != 0) {
			if (!bad)
				diag("first mismatch at length %zu", len);
			bad++;
		}
	}
	is_int(bad, 0, "1-byte updates equal one call for lengths 0..200");
}

int main(void)
{
	unsigned char d[32];
	char got[65];
	sha256_ctx c;

	hex_is("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty string");
	hex_is("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "\"abc\"");
	hex_is("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	       "448-bit message (padding spills into a second block)");

	/* A NULL pointer with length 0 is an empty update, not a crash. */
	sha256_init(&c);
	sha256_update(&c, NULL, 0);
	sha256_update(&c, "abc", 3);
	sha256_update(&c, NULL, 0);
	sha256_final(&c, d);
	to_hex(d, got);
	is_str(got, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	       "empty updates around \"abc\" change nothing");

	million_a();
	bytewise();
	return tap_done();
}
