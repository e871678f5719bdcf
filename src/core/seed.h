/* seed.h — filling a new store with the bundled EMPIRIE directory (data/ *.csv, built
 * into the program). */
#ifndef EMPIRIE_CORE_SEED_H
#define EMPIRIE_CORE_SEED_H

#include "core/db.h"

/* Load networks, towns, memberships and meetings, one thread per meeting (its summary
 * as the first post, by the network's own account), the network accounts, and an
 * administrator account for the Unix user creating the file. One transaction. */
status seed_bundled(db *d, error *e);

/* A bundled directory made before good practices existed gets the bundled practices
 * once (one transaction; nothing when read-only or not the bundled directory). */
status seed_practices_upgrade(db *d, error *e);

#endif
