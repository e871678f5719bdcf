/* sha256.h — SHA-256 (FIPS 180-4), small and dependency-free, for content digests. */
#ifndef EMPIRIE_CORE_SHA256_H
#define EMPIRIE_CORE_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t h[8];          /* chaining state */
	uint64_t len;           /* bytes hashed so far; the padding needs the total in bits */
	unsigned char buf[64];  /* a partial block waiting for more input */
	size_t n;               /* bytes used in buf */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Pads and writes the 32-byte digest; call sha256_init before reusing c. */
void sha256_final(sha256_ctx *c, unsigned char out[32]);

#endif
