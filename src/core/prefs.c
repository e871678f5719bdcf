/* prefs.c — see prefs.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/prefs.h"
#include "i18n.h"

status prefs_load(db *d, const account *a, char **out, error *e)
{
	static const char sql[] = "SELECT text FROM account_prefs WHERE account_id = ?1";
	*out = NULL;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = db_col_dup(st, 0);
	else if (rc == SQLITE_DONE)
		*out = strdup("");
	else {
		status s = db_fail(d, rc, e, _("Reading your settings"));
		sqlite3_reset(st);
		return s;
	}
	sqlite3_reset(st);
	return *out ? ST_OK : err_oom(e);
}

status prefs_save(db *d, const account *a, const char *text, error *e)
{
	static const char sql[] =
		"INSERT INTO account_prefs(account_id, text, updated_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(account_id) DO UPDATE SET text = excluded.text,"
		" updated_at = excluded.updated_at";
	/* A guest account with a row is often one login shared by every visitor of a kiosk:
	 * one of them must not leave it unreadable for the next. */
	if (!a->id || a->role == ROLE_GUEST)
		return err_set(e, ST_DENIED, _("Guests cannot keep settings: they last until the end "
		                               "of this session"));
	if (strlen(text) > PREFS_MAX_BYTES)
		return err_set(e, ST_INVALID,
		               ngettext("Your settings would be longer than %d byte: nothing was saved",
		                        "Your settings would be longer than %d bytes: nothing was saved",
		                        PREFS_MAX_BYTES),
		               PREFS_MAX_BYTES);
	char now[32];
	db_now(now, sizeof now);
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st) {
		db_rollback(d);
		return err_code(e);
	}
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_fail(d, rc, e, _("Saving your settings"));
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}
