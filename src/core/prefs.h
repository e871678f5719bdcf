/* prefs.h — the personal settings of an account kept in the database, for restricted
 * (kiosk) sessions: every SSH user there is the same Unix account, so a file in its home
 * would be everyone's. The text is the personal settings file's lines; what may be in it
 * is the UI's business (ui_prefs.c allows only the harmless ones). */
#ifndef EMPIRIE_CORE_PREFS_H
#define EMPIRIE_CORE_PREFS_H

#include "core/account.h"
#include "core/db.h"
#include "core/error.h"

/* The most a stored text may hold. */
#define PREFS_MAX_BYTES 16384

/* The account's text in *out (newly allocated; "" when none). */
status prefs_load(db *d, const account *a, char **out, error *e);
/* Replace it; guests (no account) have none: ST_DENIED. */
status prefs_save(db *d, const account *a, const char *text, error *e);

#endif
