/* gen.h — a synthetic, clearly labelled national-scale dataset for trying things out
 * and for benchmarks: fictional towns, people, threads and posts added to the real
 * bundled directory. The database is marked synthetic (meta kind) and says so on
 * screen. */
#ifndef EMPIRIE_CORE_GEN_H
#define EMPIRIE_CORE_GEN_H

#include <stdint.h>

#include "core/db.h"

typedef struct {
	unsigned long towns;   /* towns in all (the real ones count), at least the bundled */
	unsigned long threads; /* synthetic threads */
	unsigned long posts;   /* synthetic posts (each thread has at least one) */
	uint64_t seed;
} gen_options;

typedef void (*gen_progress)(const char *stage, unsigned long done, unsigned long total, void *arg);

/* Fill a database that holds only the bundled directory. One transaction. */
status gen_synthetic(db *d, const gen_options *o, gen_progress progress, void *arg, error *e);

#endif
