/* fuzz.h — the libFuzzer entry point every harness defines (replay.c calls it too). */
#ifndef EMPIRIE_FUZZ_H
#define EMPIRIE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message when an invariant breaks (libFuzzer records abort() as a crash). */
#define FUZZ_CHECK(cond)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                           \
		}                                                                          \
	} while (0)

#endif
