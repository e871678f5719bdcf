/* audit.h — the append-only log of changes (who, when, what, before/after, from where). */
#ifndef EMPIRIE_CORE_AUDIT_H
#define EMPIRIE_CORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

/* Append one entry inside the caller's transaction. actor NULL = the system (seeding).
 * The Unix login and client address come from db_set_origin(). */
status audit_append(db *d, const account *actor, const char *action, const char *object,
                    int64_t object_id, const char *before, const char *after, error *e);
/* The same, with where it came from said by the caller (sync: the copy and who applied
 * the file) instead of the SSH client's address. */
status audit_append_from(db *d, const account *actor, const char *action, const char *object,
                         int64_t object_id, const char *before, const char *after,
                         const char *client, error *e);

/* A change made outside the database (such as the SSH keys file), audited: one
 * transaction appends the entry, runs apply, and commits only when apply succeeded
 * (a failed apply leaves no entry). */
status audit_around(db *d, const account *actor, const char *action, const char *object,
                    int64_t object_id, const char *before, const char *after,
                    status (*apply)(void *arg, error *e), void *arg, error *e);

typedef struct {
	int64_t id, object_id;
	char *at, *login, *action, *object, *before, *after, *client;
	char *unix_login;    /* the person behind `login` ("" in entries older than schema 7) */
} audit_entry;
typedef struct {
	audit_entry *items;
	size_t n;
} audit_list;
/* The newest `limit` entries, newest first. Admins only. */
status audit_recent(db *d, const account *actor, int limit, audit_list *out, error *e);
void audit_list_free(audit_list *l);

#endif
