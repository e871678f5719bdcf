/* changes.c — reading the change table kept by schema step 14's triggers. */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "core/changes.h"
#include "core/db_priv.h"
#include "i18n.h"

enum { SCOPE_SHARED, SCOPE_NETWORK, SCOPE_THREAD, SCOPE_ACCOUNT };

int64_t changes_latest(db *d)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT coalesce(max(seq), 0) FROM changes", NULL);
	if (!st)
		return 0;
	int64_t seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return seq;
}

static void add_id(int64_t *ids, size_t *n, int64_t id, bool *overflow)
{
	for (size_t i = 0; i < *n; i++)
		if (ids[i] == id)
			return;
	if (*n == CHANGES_MAX)
		*overflow = true;
	else
		ids[(*n)++] = id;
}

status changes_since(db *d, int64_t since, int64_t account_id, change_set *out, error *e)
{
	memset(out, 0, sizeof *out);
	out->seq = since;
	/* One more row than a set holds of each kind tells "too many": read a bounded
	 * window in sequence order, so the work stays small whatever happened. */
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT scope, id, seq FROM changes WHERE seq > ?1"
	                           " ORDER BY seq LIMIT ?2",
	                           e);
	if (!st) {
		out->shared = true;
		return err_code(e);
	}
	sqlite3_bind_int64(st, 1, since);
	sqlite3_bind_int(st, 2, 2 * CHANGES_MAX + 1);
	int rc, rows = 0;
	bool overflow = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 1);
		out->seq = sqlite3_column_int64(st, 2);
		rows++;
		switch (sqlite3_column_int(st, 0)) {
		case SCOPE_NETWORK: add_id(out->networks, &out->n_networks, id, &overflow); break;
		case SCOPE_THREAD: add_id(out->threads, &out->n_threads, id, &overflow); break;
		case SCOPE_ACCOUNT: out->mine |= id == account_id; break;
		default: out->shared = true; break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		out->shared = true;
		out->seq = since;
		return db_fail(d, rc, e, _("Reading what other sessions changed"));
	}
	if (overflow || rows > 2 * CHANGES_MAX) {
		out->shared = true;
		out->seq = changes_latest(d);
	} else if (!rows && since > 0 && changes_latest(d) < since) {
		/* The numbers went back: the file was replaced by an older one (a restore, a
		 * copy put back by hand). Nothing of what the session read can be trusted. */
		out->shared = true;
		out->seq = changes_latest(d);
	}
	return ST_OK;
}

bool change_set_has_network(const change_set *cs, int64_t network_id)
{
	if (cs->shared)
		return true;
	for (size_t i = 0; i < cs->n_networks; i++)
		if (cs->networks[i] == network_id)
			return true;
	return false;
}

bool change_set_has_thread(const change_set *cs, int64_t thread_id)
{
	if (cs->shared)
		return true;
	for (size_t i = 0; i < cs->n_threads; i++)
		if (cs->threads[i] == thread_id)
			return true;
	return false;
}

status changes_everything(db *d, int64_t above, error *e)
{
	sqlite3_stmt *st = db_stmt(d,
	                           "INSERT INTO changes(scope, id, seq)"
	                           " VALUES (0, 0, max(?1, (SELECT coalesce(max(seq), 0) FROM changes)) + 1)"
	                           " ON CONFLICT (scope, id) DO UPDATE SET seq = excluded.seq",
	                           e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, above);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Saving the change"));
}

bool change_set_is_empty(const change_set *cs)
{
	return !cs->shared && !cs->mine && !cs->n_networks && !cs->n_threads;
}
