/* audit.c — see audit.h. The table refuses UPDATE and DELETE by trigger. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "i18n.h"

status audit_append(db *d, const account *actor, const char *action, const char *object,
                    int64_t object_id, const char *before, const char *after, error *e)
{
	return audit_append_from(d, actor, action, object, object_id, before, after,
	                         db_origin_client(d), e);
}

status audit_append_from(db *d, const account *actor, const char *action, const char *object,
                         int64_t object_id, const char *before, const char *after,
                         const char *client, error *e)
{
	static const char sql[] =
		"INSERT INTO audit(at, account_id, login, action, object, object_id, before, after, client,"
		"                  unix_login)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	char now[32];
	db_now(now, sizeof now);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	if (actor && actor->id)
		sqlite3_bind_int64(st, 2, actor->id);
	sqlite3_bind_text(st, 3, actor ? actor->login : "system", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, object, -1, SQLITE_STATIC);
	if (object_id)
		sqlite3_bind_int64(st, 6, object_id);
	if (before)
		sqlite3_bind_text(st, 7, before, -1, SQLITE_STATIC);
	if (after)
		sqlite3_bind_text(st, 8, after, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, client ? client : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, db_origin_login(d), -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Writing the audit log"));
}

status audit_around(db *d, const account *actor, const char *action, const char *object,
                    int64_t object_id, const char *before, const char *after,
                    status (*apply)(void *arg, error *e), void *arg, error *e)
{
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	s = audit_append(d, actor, action, object, object_id, before, after, e);
	if (s == ST_OK)
		s = apply(arg, e);
	if (s == ST_OK)
		return db_commit(d, e);
	db_rollback(d);
	return s;
}

status audit_recent(db *d, const account *actor, int limit, audit_list *out, error *e)
{
	static const char sql[] =
		"SELECT id, COALESCE(object_id, 0), at, login, action, object, COALESCE(before, ''),"
		"       COALESCE(after, ''), client, unix_login FROM audit ORDER BY id DESC LIMIT ?1";
	memset(out, 0, sizeof *out);
	if (actor->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator can read the audit log"));
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int(st, 1, limit);
	int rc;
	size_t cap = 0;
	status s = ST_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			audit_entry *p = realloc(out->items, cap * sizeof *p);
			if (!p) {
				s = err_oom(e);
				break;
			}
			out->items = p;
		}
		audit_entry *a = &out->items[out->n++];
		a->id = sqlite3_column_int64(st, 0);
		a->object_id = sqlite3_column_int64(st, 1);
		a->at = db_col_dup(st, 2);
		a->login = db_col_dup(st, 3);
		a->action = db_col_dup(st, 4);
		a->object = db_col_dup(st, 5);
		a->before = db_col_dup(st, 6);
		a->after = db_col_dup(st, 7);
		a->client = db_col_dup(st, 8);
		a->unix_login = db_col_dup(st, 9);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the audit log"));
	sqlite3_reset(st);
	if (s != ST_OK)
		audit_list_free(out);
	return s;
}

void audit_list_free(audit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		audit_entry *a = &l->items[i];
		free(a->at), free(a->login), free(a->action), free(a->object);
		free(a->before), free(a->after), free(a->client), free(a->unix_login);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
