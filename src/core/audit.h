/* audit.h — the append-only log of changes (who, when, what, before/after, from where). */
#ifndef EMPIRIE_CORE_AUDIT_H
#define EMPIRIE_CORE_AUDIT_H

#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

/* Append one entry inside the caller's transaction. actor NULL = the system (seeding).
 * The client address comes from SSH_CONNECTION when set. */
status audit_append(db *d, const account *actor, const char *action, const char *object,
                    int64_t object_id, const char *before, const char *after, error *e);
/* The same, with where it came from said by the caller (sync: the copy and who applied
 * the file) instead of the SSH client's address. */
status audit_append_from(db *d, const account *actor, const char *action, const char *object,
                         int64_t object_id, const char *before, const char *after,
                         const char *client, error *e);

typedef struct {
	int64_t id, object_id;
	char *at, *login, *action, *object, *before, *after, *client;
} audit_entry;
typedef struct {
	audit_entry *items;
	size_t n;
} audit_list;
/* The newest `limit` entries, newest first. Admins only. */
status audit_recent(db *d, const account *actor, int limit, audit_list *out, error *e);
void audit_list_free(audit_list *l);

#endif
