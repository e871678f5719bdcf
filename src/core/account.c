/* account.c — accounts and permissions. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/audit.h"
#include "core/db_priv.h"
#include "i18n.h"
#include "text/utf8.h"

const char *const role_keys[] = { "guest", "member", "leader", "coordinator", "admin", NULL };

const char *role_key(role r) { return role_keys[r]; }

int role_parse(const char *key)
{
	for (size_t i = 0; role_keys[i]; i++)
		if (strcmp(key, role_keys[i]) == 0)
			return (int)i;
	return -1;
}

const char *role_label(role r)
{
	switch (r) {
	case ROLE_GUEST: return _("guest");
	case ROLE_MEMBER: return _("member");
	/* TRANSLATORS: a mayor in the leaders' network */
	case ROLE_LEADER: return _("leader");
	case ROLE_COORDINATOR: return _("coordinator");
	case ROLE_ADMIN: return _("administrator");
	}
	return "?";
}

void account_clear(account *a)
{
	if (!a)
		return;
	free(a->login);
	free(a->display_name);
	free(a->city_name);
	memset(a, 0, sizeof *a);
}

#define ACCOUNT_INFO_(name, kind, column, csv, aliases, sql, opt, option, val, arg, help, label, \
                      pub, priv)                                                          \
	{ #name, AK_##kind, #column, csv, aliases, AO_##opt, option, val, label, pub },
const account_field_info account_field_list[ACCOUNT_NFIELDS] = { ACCOUNT_FIELDS(ACCOUNT_INFO_) };

const char *account_value(const account *a, int i)
{
#define ACCOUNT_VAL_LOGIN(name, c) return a->c;
#define ACCOUNT_VAL_NAME(name, c) return a->c;
#define ACCOUNT_VAL_ROLE(name, c) return role_key(a->c);
#define ACCOUNT_VAL_TOWN(name, c) return a->name##_name;
#define ACCOUNT_VAL_NETWORK(name, c) return NULL;
#define ACCOUNT_VAL_FLAG(name, c) return a->c ? "yes" : "no";
#define ACCOUNT_VAL_TIME(name, c) return NULL;
#define ACCOUNT_VAL_(name, kind, column, ...) \
	case ACCOUNT_F_##name: ACCOUNT_VAL_##kind(name, column)
	switch (i) {
		ACCOUNT_FIELDS(ACCOUNT_VAL_)
	}
	return NULL;
}

/* An account row as read (ACCOUNT_SELECT): a.id, then the fields. */
static const char sql_account_by_login[] = ACCOUNT_SELECT " WHERE a.login = ?1";

static status account_from_row(sqlite3_stmt *st, account *out, error *e)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	int k = 1;
	bool whole = true;
#define ACCOUNT_GET_TEXT(name, c) whole = (out->c = db_col_dup(st, k++)) != NULL && whole;
#define ACCOUNT_GET_LOGIN ACCOUNT_GET_TEXT
#define ACCOUNT_GET_NAME ACCOUNT_GET_TEXT
#define ACCOUNT_GET_ROLE(name, c)                                                 \
	{                                                                         \
		int r = role_parse((const char *)sqlite3_column_text(st, k++));   \
		out->c = r < 0 ? ROLE_GUEST : (role)r;                            \
	}
#define ACCOUNT_GET_TOWN(name, c)                                                 \
	out->c = sqlite3_column_int64(st, k++);                                   \
	whole = (out->name##_name = db_col_dup(st, k++)) != NULL && whole;
#define ACCOUNT_GET_NETWORK(name, c) out->c = sqlite3_column_int64(st, k++);
#define ACCOUNT_GET_FLAG(name, c) out->c = sqlite3_column_int(st, k++) != 0;
#define ACCOUNT_GET_TIME(name, c)
#define ACCOUNT_GET_(name, kind, column, ...) ACCOUNT_GET_##kind(name, column)
	ACCOUNT_FIELDS(ACCOUNT_GET_)
	if (!whole) {
		account_clear(out);
		return err_oom(e);
	}
	return ST_OK;
}

status account_get(db *d, const char *login, account *out, error *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql_account_by_login, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	status s;
	if (rc == SQLITE_ROW)
		s = account_from_row(st, out, e);
	else if (rc == SQLITE_DONE)
		s = err_set(e, ST_NOTFOUND, _("No account with the login \"%s\""), login);
	else
		s = db_fail(d, rc, e, _("Reading the account"));
	sqlite3_reset(st);
	return s;
}

status account_resolve(db *d, const char *login, account *out, error *e)
{
	status s = account_get(d, login, out, e);
	if (s != ST_NOTFOUND)
		return s;
	err_clear(e);
	out->login = strdup(login);
	out->display_name = strdup(login);
	out->city_name = strdup("");
	out->role = ROLE_GUEST;
	if (!out->login || !out->display_name || !out->city_name) {
		account_clear(out);
		return err_oom(e);
	}
	return ST_OK;
}

bool account_login_valid(const char *login)
{
	size_t n = login ? strlen(login) : 0;
	if (n == 0 || n > 64 || !utf8_valid(login, n))
		return false;
	for (const unsigned char *p = (const unsigned char *)login; *p; p++)
		if (*p < 0x80 && !isalnum(*p) && !strchr("._-@+", *p))
			return false;
	return true;
}

/* Binds each field of f to its column's named parameter where the statement has one
 * (the UPDATE has no :created_at); now stands for a TIME not given. */
static void account_bind(sqlite3_stmt *st, const account_fields *f, const char *now)
{
	int at;
#define ACCOUNT_BIND_TEXT(c) sqlite3_bind_text(st, at, f->c, -1, SQLITE_STATIC);
#define ACCOUNT_BIND_LOGIN ACCOUNT_BIND_TEXT
#define ACCOUNT_BIND_NAME ACCOUNT_BIND_TEXT
#define ACCOUNT_BIND_ROLE ACCOUNT_BIND_TEXT
#define ACCOUNT_BIND_ID(c)                           \
	if (f->c)                                    \
		sqlite3_bind_int64(st, at, f->c);
#define ACCOUNT_BIND_TOWN ACCOUNT_BIND_ID
#define ACCOUNT_BIND_NETWORK ACCOUNT_BIND_ID
#define ACCOUNT_BIND_FLAG(c) sqlite3_bind_int(st, at, f->c);
#define ACCOUNT_BIND_TIME(c) sqlite3_bind_text(st, at, f->c ? f->c : now, -1, SQLITE_TRANSIENT);
#define ACCOUNT_BIND_(name, kind, column, ...)                      \
	if ((at = sqlite3_bind_parameter_index(st, ":" #column))) { \
		ACCOUNT_BIND_##kind(column)                         \
	}
	ACCOUNT_FIELDS(ACCOUNT_BIND_)
}

/* The one writer of accounts and memberships: the commands below, imports (transfer.c),
 * the bundled directory (seed.c) and the generator (gen.c) check their own rules and
 * store through these. */
status account_rows_insert(db *d, const account_fields *f, bool *duplicate, int64_t *id,
                           error *e)
{
	*duplicate = false;
	sqlite3_stmt *st = db_stmt(d, ACCOUNT_INSERT_SQL, e);
	if (!st)
		return err_code(e);
	char now[32];
	db_now(now, sizeof now);
	account_bind(st, f, now);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT &&
	    sqlite3_extended_errcode(db_handle(d)) == SQLITE_CONSTRAINT_UNIQUE) {
		*duplicate = true;
		return ST_OK;
	}
	if (rc != SQLITE_DONE)
		return db_fail(d, rc, e, _("Adding the account"));
	if (id)
		*id = sqlite3_last_insert_rowid(db_handle(d));
	return ST_OK;
}

status account_rows_update(db *d, const account_fields *f, error *e)
{
	sqlite3_stmt *st = db_stmt(d, ACCOUNT_UPDATE_SQL, e);
	if (!st)
		return err_code(e);
	account_bind(st, f, NULL);
	return db_step_done(d, st, _("Saving the account"), NULL, e);
}

status membership_rows_put(db *d, int64_t network_id, int64_t city_id, const char *basis,
                           const char *source, bool replace, bool *changed, error *e)
{
	static const char sql_keep[] =
		"INSERT INTO memberships(network_id, city_id, basis, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(network_id, city_id) DO NOTHING";
	static const char sql_replace[] =
		"INSERT INTO memberships(network_id, city_id, basis, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(network_id, city_id) DO UPDATE SET basis = excluded.basis,"
		" source = excluded.source";
	sqlite3_stmt *st = db_stmt(d, replace ? sql_replace : sql_keep, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, network_id);
	sqlite3_bind_int64(st, 2, city_id);
	sqlite3_bind_text(st, 3, basis, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, source ? source : "", -1, SQLITE_STATIC);
	return db_step_done(d, st, _("Changing the members"), changed, e);
}

status account_add(db *d, const account *actor, const char *login, const char *display_name,
                   role r, const char *city, int network_number, error *e)
{
	static const char sql_city[] = "SELECT id FROM cities WHERE name = ?1";
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	if (actor && actor->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator can add accounts"));
	if (!account_login_valid(login))
		return err_set(e, ST_INVALID, _("Login \"%s\" is not valid: use 1–64 letters, digits "
		                                "and . _ - @ +"), login);
	if (!display_name[0])
		return err_set(e, ST_INVALID, _("The display name must not be empty"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	int64_t city_id = 0, net_id = 0;
	sqlite3_stmt *st;
	if (city && city[0]) {
		if (!(st = db_stmt(d, sql_city, e)))
			goto fail;
		sqlite3_bind_text(st, 1, city, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			city_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (!city_id) {
			s = err_set(e, ST_NOTFOUND, _("No town named \"%s\" in the directory"), city);
			goto fail;
		}
	}
	if (network_number) {
		if (!(st = db_stmt(d, sql_net, e)))
			goto fail;
		sqlite3_bind_int(st, 1, network_number);
		if (sqlite3_step(st) == SQLITE_ROW)
			net_id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (!net_id) {
			s = err_set(e, ST_NOTFOUND, _("No network number %d"), network_number);
			goto fail;
		}
	}
	account_fields f = { .login = login, .display_name = display_name, .role = role_key(r),
	                     .city_id = city_id, .network_id = net_id };
	bool dup;
	int64_t new_id = 0;
	if ((s = account_rows_insert(d, &f, &dup, &new_id, e)) != ST_OK)
		goto fail;
	if (dup) {
		s = err_set(e, ST_INVALID, _("An account with the login \"%s\" already exists"), login);
		goto fail;
	}
	s = audit_append(d, actor, "add", "account", new_id, NULL, login, e);
	if (s != ST_OK)
		goto fail;
	return db_commit(d, e);
fail:
	db_rollback(d);
	return e && e->code != ST_OK ? e->code : (s != ST_OK ? s : ST_INTERNAL);
}

status account_list_all(db *d, const account *actor, account_list *out, error *e)
{
	static const char sql[] = ACCOUNT_SELECT " ORDER BY a.login COLLATE PL";
	memset(out, 0, sizeof *out);
	(void)actor;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	int rc;
	status s = ST_OK;
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			account *p = realloc(out->items, cap * sizeof *p);
			if (!p) {
				s = err_oom(e);
				break;
			}
			out->items = p;
		}
		if ((s = account_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Listing accounts"));
	sqlite3_reset(st);
	if (s != ST_OK)
		account_list_free(out);
	return s;
}

void account_list_free(account_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		account_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

bool perm_can_see_network(const account *a, int64_t network_id, bool leaders_only)
{
	if (!leaders_only)
		return true;
	switch (a->role) {
	case ROLE_LEADER:
	case ROLE_ADMIN:
		return true;
	case ROLE_COORDINATOR:
		return a->network_id == 0 || a->network_id == network_id;
	default:
		return false;
	}
}

bool perm_can_moderate(const account *a, int64_t network_id)
{
	return a->role == ROLE_ADMIN ||
	       (a->role == ROLE_COORDINATOR && (a->network_id == 0 || a->network_id == network_id));
}

/* Whether the query (two integer parameters) finds a row; false on an error too. */
static bool row_exists(db *d, const char *sql, int64_t p1, int64_t p2)
{
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, p1);
	sqlite3_bind_int64(st, 2, p2);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

status perm_check_post(db *d, const account *a, int64_t network_id, bool leaders_only, error *e)
{
	static const char sql_member[] =
		"SELECT 1 FROM memberships WHERE network_id = ?1 AND city_id = ?2";
	if (!perm_can_see_network(a, network_id, leaders_only))
		return err_set(e, ST_NOTFOUND, _("No such network"));
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("This copy is read-only: browsing and search work, "
		                                 "but nothing can be written here"));
	if (a->role == ROLE_GUEST)
		return err_set(e, ST_DENIED, _("Guests can read but not write; ask the network "
		                               "coordinator for an account"));
	if (perm_can_moderate(a, network_id) || (leaders_only && a->role == ROLE_LEADER))
		return ST_OK;
	if (!a->city_id)
		return err_set(e, ST_DENIED, _("Your account is not linked to a town, so you can "
		                               "write only where you coordinate"));
	sqlite3_stmt *st = db_stmt(d, sql_member, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, network_id);
	sqlite3_bind_int64(st, 2, a->city_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return db_fail(d, rc, e, _("Checking the membership"));
	return err_set(e, ST_DENIED, _("%s is not a member of this network, so you can read "
	                               "but not write here"), a->city_name);
}

bool perm_can_edit_meetings(db *d, const account *a, int number)
{
	static const char sql[] = "SELECT id, leaders_only FROM networks WHERE number = ?1";
	if (a->role != ROLE_ADMIN && a->role != ROLE_COORDINATOR)
		return false;
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_int(st, 1, number);
	bool ok = sqlite3_step(st) == SQLITE_ROW &&
	          perm_can_see_network(a, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1)) &&
	          perm_can_moderate(a, sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	return ok;
}

bool perm_can_edit_practice(db *d, const account *a, int64_t practice_id, int64_t city_id)
{
	static const char sql_shown[] =
		"SELECT 1 FROM practice_networks WHERE practice_id = ?1 AND network_id = ?2";
	switch (a->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_COORDINATOR:
		if (!practice_id || a->network_id == 0 ||
		    row_exists(d, sql_shown, practice_id, a->network_id))
			return true;
		/* a coordinator may also belong to a town */
		return a->city_id != 0 && city_id == a->city_id;
	case ROLE_MEMBER:
	case ROLE_LEADER:
		return a->city_id != 0 && (!practice_id || city_id == a->city_id);
	default:
		return false;
	}
}

bool perm_can_record_uptake(db *d, const account *a, int64_t city_id)
{
	static const char sql_member[] =
		"SELECT 1 FROM memberships WHERE network_id = ?1 AND city_id = ?2";
	switch (a->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_COORDINATOR: {
		if (a->network_id == 0 || (a->city_id && a->city_id == city_id))
			return true;
		return row_exists(d, sql_member, a->network_id, city_id);
	}
	case ROLE_MEMBER:
	case ROLE_LEADER:
		return a->city_id != 0 && a->city_id == city_id;
	default:
		return false;
	}
}

bool perm_can_record_uptake_of(db *d, const account *a, int64_t practice_city_id)
{
	switch (a->role) {
	case ROLE_ADMIN:
	case ROLE_COORDINATOR:
		return true; /* the towns of their networks (any, for an administrator) */
	case ROLE_MEMBER:
	case ROLE_LEADER:
		return a->city_id && a->city_id != practice_city_id &&
		       perm_can_record_uptake(d, a, a->city_id);
	default:
		return false;
	}
}

static const char sql_city_named[] = "SELECT id FROM cities WHERE name = ?1";
static const char sql_network_numbered[] = "SELECT id FROM networks WHERE number = ?1";

status account_set_role(db *d, const account *actor, const char *login, role r,
                        const char *city, int network_number, error *e)
{
	static const char sql[] =
		"UPDATE accounts SET role = ?2,"
		" city_id = CASE WHEN ?3 THEN NULLIF(?4, 0) ELSE city_id END,"
		" network_id = CASE WHEN ?5 THEN NULLIF(?6, 0) ELSE network_id END WHERE login = ?1";
	if (actor->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator can change roles"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	account old;
	if ((s = account_get(d, login, &old, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	int64_t city_id = 0, net_id = 0;
	if (city && *city && !(city_id = db_lookup_id(d, sql_city_named, city, 0)))
		s = err_set(e, ST_NOTFOUND, _("No town named \"%s\" in the directory"), city);
	if (s == ST_OK && network_number > 0 &&
	    !(net_id = db_lookup_id(d, sql_network_numbered, NULL, network_number)))
		s = err_set(e, ST_NOTFOUND, _("No network number %d"), network_number);
	sqlite3_stmt *st = s == ST_OK ? db_stmt(d, sql, e) : NULL;
	if (st) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, role_key(r), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, city != NULL);
		sqlite3_bind_int64(st, 4, city_id);
		sqlite3_bind_int(st, 5, network_number >= 0);
		sqlite3_bind_int64(st, 6, net_id);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Changing the account"));
	} else if (s == ST_OK) {
		s = err_code(e);
	}
	if (s == ST_OK)
		s = audit_append(d, actor, "set-role", "account", old.id, role_key(old.role), role_key(r), e);
	account_clear(&old);
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

status membership_set(db *d, const account *actor, int network_number, const char *city,
                      bool member, error *e)
{
	static const char sql_del[] = "DELETE FROM memberships WHERE network_id = ?1 AND city_id = ?2";
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	int64_t net = db_lookup_id(d, sql_network_numbered, NULL, network_number);
	int64_t cid = db_lookup_id(d, sql_city_named, city, 0);
	if (!net)
		s = err_set(e, ST_NOTFOUND, _("No network number %d"), network_number);
	else if (!cid)
		s = err_set(e, ST_NOTFOUND, _("No town named \"%s\" in the directory"), city);
	else if (!perm_can_moderate(actor, net))
		s = err_set(e, ST_DENIED, _("Only the network's coordinator or an administrator can "
		                            "change its members"));
	bool changed = false;
	if (s == ST_OK && member) {
		s = membership_rows_put(d, net, cid, "added", "", false, &changed, e);
	} else if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(d, sql_del, e);
		if (!st) {
			s = err_code(e);
		} else {
			sqlite3_bind_int64(st, 1, net);
			sqlite3_bind_int64(st, 2, cid);
			s = db_step_done(d, st, _("Changing the members"), &changed, e);
		}
	}
	if (s == ST_OK && !changed)
		s = err_set(e, ST_INVALID, member ? _("%s is already a member of this network")
		                                  : _("%s is not a member of this network"), city);
	if (s == ST_OK)
		s = audit_append(d, actor, member ? "add-member" : "remove-member", "network", net,
		                 NULL, city, e);
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

status account_set_expert(db *d, const account *actor, const char *login, bool expert, error *e)
{
	static const char sql[] = "UPDATE accounts SET expert = ?2 WHERE login = ?1";
	if (actor->role != ROLE_ADMIN)
		return err_set(e, ST_DENIED, _("Only an administrator can name experts"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	account old;
	if ((s = account_get(d, login, &old, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st) {
		s = err_code(e);
	} else {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, expert);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Saving the account"));
	}
	if (s == ST_OK)
		s = audit_append(d, actor, expert ? "set-expert" : "unset-expert", "account", old.id,
		                 old.expert ? "expert" : "", expert ? "expert" : "", e);
	account_clear(&old);
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}
