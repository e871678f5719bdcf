/* paths.h — where the database lives. */
#ifndef EMPIRIE_CLI_PATHS_H
#define EMPIRIE_CLI_PATHS_H

#include <stdbool.h>

#include "core/error.h"

/* The database path: `explicit` (--db) if given, else $EMPIRIE_DB, else
 * $XDG_DATA_HOME/empirie/empirie.db, else ~/.local/share/empirie/empirie.db. For the
 * default location the directory is created (0700); an explicit path's directory must
 * exist. Returns a newly allocated path, or NULL with *e set. */
char *paths_database(const char *explicit_path, bool use_env, error *e);

#endif
