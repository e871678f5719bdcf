/* settings.h — the system configuration (e.g. /etc/empirie.conf), which the people
 * using empirie cannot change: the database, restricted mode, whether --as is trusted. */
#ifndef EMPIRIE_CLI_SETTINGS_H
#define EMPIRIE_CLI_SETTINGS_H

#include <stdbool.h>
#include <sys/types.h>

#include "core/error.h"

typedef struct {
	char *database;   /* NULL when not set */
	char *dictionary; /* Hunspell dictionary, path without .aff/.dic; "none": off */
	bool no_spelling; /* "spelling = no": the editor marks no words */
	bool restricted;  /* the full-screen application runs as with --restricted */
	bool trust_as;
	bool no_mouse;    /* mouse = no */
	int post_limit;   /* posts a minute per account (0: none); -1 when not set */
	int session_timeout; /* s after which a silent session is gone (0: the default) */
	char *keys_file;  /* authorized_keys = FILE: where admin add-key writes; NULL if unset */
	char *path;       /* the file read; NULL when there was none */
	uid_t owner;      /* its owner and mode, for settings_may_grant() */
	mode_t mode;
} settings;

/* Read path; a missing file is an empty configuration unless `must_exist`. Lines are
 * "key = value", '#' starts a comment; keys: database, restricted, trust_as,
 * authorized_keys, mouse, dictionary, spelling, post_limit, session_timeout. */
status settings_load(const char *path, bool must_exist, settings *out, error *e);
void settings_clear(settings *c);

/* The one rule for what may decide identity (trust_as), the database of a restricted
 * session and the SSH keys file: a configuration file counts only when it is owned by
 * root, or by the owner of the database it is used with (who could change that database
 * anyway), and nobody else may write it. Any other file — a --config of one's own, a
 * personal settings file — may choose colours and the like, never who someone is. */
bool settings_may_grant(uid_t file_owner, mode_t file_mode, uid_t db_owner);
/* The same for the file c was read from; false when no file was read. */
bool settings_grant_for(const settings *c, uid_t db_owner);
/* The default location: SYSCONFDIR/empirie.conf. */
const char *settings_default_path(void);

#endif
