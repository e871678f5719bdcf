/* settings.h — the system configuration (e.g. /etc/empirie.conf), which the people
 * using empirie cannot change: the database, restricted mode, whether --as is trusted. */
#ifndef EMPIRIE_CLI_SETTINGS_H
#define EMPIRIE_CLI_SETTINGS_H

#include <stdbool.h>

#include "core/error.h"

typedef struct {
	char *database;   /* NULL when not set */
	bool restricted;
	bool trust_as;
	int post_limit;      /* posts a minute per account (0: none); -1 when not set */
} settings;

/* Read path; a missing file is an empty configuration unless `must_exist`. Lines are
 * "key = value", '#' starts a comment; keys: database, restricted, trust_as, post_limit. */
status settings_load(const char *path, bool must_exist, settings *out, error *e);
void settings_clear(settings *c);
/* The default location: SYSCONFDIR/empirie.conf. */
const char *settings_default_path(void);

#endif
