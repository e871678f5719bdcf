/* sync_apply.c — applying a sync file (sync.h, doc/SYNC.md): the file checked whole, then
 * each line given to the applier of its kind (sync_apply_thread.c, sync_apply_post.c,
 * sync_apply_records.c) in one transaction; and what those share: who made a change,
 * the conflicts kept, when a flag last changed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "core/sync.h"
#include "core/sync_priv.h"
#include "core/synckey.h"
#include "i18n.h"
#include "text/strbuf.h"

/* One audit entry for a change brought in by a file, in the name of who made it, with
 * the copy it came from and who applied it. */
status sync_audit(applier *ap, const char *login, const char *action, const char *object,
                  int64_t id, const char *before, const char *after, error *e)
{
	account a;
	error e2;
	memset(&a, 0, sizeof a);
	bool found = login && account_get(ap->d, login, &a, &e2) == ST_OK;
	status s = audit_append_from(ap->d, found ? &a : NULL, action, object, id, before, after,
	                             ap->client, e);
	if (found)
		account_clear(&a);
	return s;
}

/* Record a conflict (once per file and line) and tell the caller. */
status sync_conflict(applier *ap, const char *what, const char *outcome, error *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO sync_conflicts(at, file_sum, line, what, outcome, op)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, ap->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ap->sum, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, ap->line);
	sqlite3_bind_text(st, 4, what, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, outcome, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ap->text, -1, SQLITE_STATIC);
	status s0 = db_step_done(ap->d, st, _("Keeping the conflict"), NULL, e);
	if (s0 != ST_OK)
		return s0;
	ap->r->conflicts++;
	if (!ap->fn)
		return ST_OK;
	if (db_grow((void **)&ap->told, &ap->cap_told, ap->n_told, sizeof *ap->told))
		return err_oom(e);
	struct told *t = &ap->told[ap->n_told];
	t->line = ap->line;
	t->what = strdup(what);
	t->outcome = strdup(outcome);
	if (!t->what || !t->outcome) {
		free(t->what), free(t->outcome);
		return err_oom(e);
	}
	ap->n_told++;
	return ST_OK;
}

status sync_note_locked_by_file(applier *ap, int64_t thread_id, error *e)
{
	if (db_grow((void **)&ap->locked_by_file, &ap->cap_locked, ap->n_locked,
	            sizeof *ap->locked_by_file))
		return err_oom(e);
	ap->locked_by_file[ap->n_locked++] = thread_id;
	return ST_OK;
}

status sync_note_new_thread(applier *ap, int64_t thread_id, error *e)
{
	if (db_grow((void **)&ap->new_threads, &ap->cap_new, ap->n_new, sizeof *ap->new_threads))
		return err_oom(e);
	ap->new_threads[ap->n_new].id = thread_id;
	ap->new_threads[ap->n_new++].line = ap->line;
	return ST_OK;
}

/* B7: a thread the file made must have got its first post from the file as well. */
static status new_threads_have_roots(applier *ap, error *e)
{
	static const char sql[] =
		"SELECT t.title FROM threads t WHERE t.id = ?1 AND NOT EXISTS"
		" (SELECT 1 FROM posts p WHERE p.thread_id = t.id AND p.parent_id IS NULL)";
	for (size_t i = 0; i < ap->n_new; i++) {
		sqlite3_stmt *st = db_stmt(ap->d, sql, e);
		if (!st)
			return err_code(e);
		sqlite3_bind_int64(st, 1, ap->new_threads[i].id);
		status s = ST_OK;
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			s = err_set(e, ST_INVALID, _("%s:%lld: the new thread \"%s\" comes without its first "
			                             "post; nothing was applied"), ap->file,
			            (long long)ap->new_threads[i].line, sqlite3_column_text(st, 0));
		else if (rc != SQLITE_DONE)
			s = db_fail(ap->d, rc, e, _("Saving the thread"));
		sqlite3_reset(st);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

bool sync_locked_by_file(const applier *ap, int64_t thread_id)
{
	for (size_t i = 0; i < ap->n_locked; i++)
		if (ap->locked_by_file[i] == thread_id)
			return true;
	return false;
}

static void told_free(applier *ap)
{
	for (size_t i = 0; i < ap->n_told; i++)
		free(ap->told[i].what), free(ap->told[i].outcome);
	free(ap->told);
	ap->told = NULL;
	ap->n_told = ap->cap_told = 0;
}

/* When hidden, locked or pinned was last changed, as this side knows it (NULL: not since
 * the copy was taken). col: 0 hidden_at (posts), 1 locked_at, 2 pinned_at (threads). */
status sync_change_time(applier *ap, int64_t id, int col, char **at, error *e)
{
	static const char *const sql[] = {
		"SELECT hidden_at FROM sync_log WHERE kind = 'post' AND k1 = ?1 AND k2 = 0 AND k3 = ''",
		"SELECT locked_at FROM sync_log WHERE kind = 'thread' AND k1 = ?1 AND k2 = 0 AND k3 = ''",
		"SELECT pinned_at FROM sync_log WHERE kind = 'thread' AND k1 = ?1 AND k2 = 0 AND k3 = ''",
	};
	*at = NULL;
	sqlite3_stmt *st = db_stmt(ap->d, sql[col], e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	bool text = rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT;
	if (text)
		*at = db_col_dup(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Reading the sync state"));
	return text && !*at ? err_oom(e) : ST_OK;
}

/* Record when (and by whom) a flag got the value it has here: the file's change taken,
 * the later time of an equal value, or the home database's own judgment. A row the log
 * does not have yet is made (it then travels, an echo the other side finds here). */
status sync_set_change_time(applier *ap, int64_t id, int col, const char *at, const char *by,
                            error *e)
{
	static const char *const sql[] = {
		"INSERT INTO sync_log(kind, k1, hidden_at, hid_by) VALUES ('post', ?1, ?2, ?3)"
		" ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET hidden_at = excluded.hidden_at,"
		"  hid_by = COALESCE(excluded.hid_by, hid_by)",
		"INSERT INTO sync_log(kind, k1, locked_at, actor) VALUES ('thread', ?1, ?2, ?3)"
		" ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET locked_at = excluded.locked_at,"
		"  actor = COALESCE(excluded.actor, actor)",
		"INSERT INTO sync_log(kind, k1, pinned_at, actor) VALUES ('thread', ?1, ?2, ?3)"
		" ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET pinned_at = excluded.pinned_at,"
		"  actor = COALESCE(excluded.actor, actor)",
	};
	sqlite3_stmt *st = db_stmt(ap->d, sql[col], e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	if (at)
		sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	if (by)
		sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
	return db_step_done(ap->d, st, _("Saving the sync state"), NULL, e);
}

/* Hidden, locked, pinned: the latest change wins, whatever order files come in. At the
 * same second the home database's value stands (on both sides), between copies the set
 * flag. Files of schema 4 carry no times: their value is taken when it differs. */
bool sync_flag_taken(const applier *ap, const char *in_at, const char *our_at, bool in)
{
	if (ap->file_schema < 6)
		return true;
	int c = strcmp(in_at ? in_at : "", our_at ? our_at : "");
	if (c != 0)
		return c > 0;
	if (ap->home)
		return false;
	return ap->file_site == 0 || in;
}

/* The later of two times (either may be NULL): the time of the home's own judgment. */
const char *sync_later_time(const char *a, const char *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return strcmp(a, b) >= 0 ? a : b;
}

/* A deletion of a draft not here (yet: files applied out of order) is remembered, so
 * the draft arriving later does not come back. */
status sync_note_draft_deleted(applier *ap, int64_t account_id, const char *kind,
                               int64_t target, const char *deleted, error *e)
{
	static const char sql_tomb[] =
		"INSERT INTO sync_log(kind, k1, k2, k3, base)"
		" SELECT 'draft', ?1, ?3, ?2, ?4 WHERE NOT EXISTS (SELECT 1 FROM drafts"
		"   WHERE account_id = ?1 AND kind = ?2 AND target_id = ?3)"
		" ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET base = max(COALESCE(base, ''),"
		"   excluded.base)";
	sqlite3_stmt *st = db_stmt(ap->d, sql_tomb, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, target);
	sqlite3_bind_text(st, 4, deleted, -1, SQLITE_STATIC);
	return db_step_done(ap->d, st, _("Saving the draft"), NULL, e);
}

const char *sync_kept_aside(void)
{
	return _("not applied; kept in the conflict list ('empirie sync conflicts')");
}

/* The account a change is written by, as known here. On the home database someone
 * other than an administrator may bring in only their own changes. *ok false (and a
 * conflict recorded) when the change cannot be taken. */
status sync_actor_for(applier *ap, const char *login, account *out, bool *ok, error *e)
{
	*ok = false;
	memset(out, 0, sizeof *out);
	char what[512];
	error e2;
	status s = account_get(ap->d, login, out, &e2);
	if (s == ST_NOTFOUND) {
		str_fitf(what, sizeof what, _("written by %s, who has no account here"), login);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	if (s != ST_OK) {
		if (e)
			*e = e2;
		return s;
	}
	if (ap->home && ap->owner && strcmp(login, ap->owner) != 0) {
		str_fitf(what, sizeof what, _("written by %s in offline copy %lld, which was issued to "
		                              "%s"), login, (long long)ap->file_site, ap->owner);
		account_clear(out);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	if (ap->home && ap->me->role != ROLE_ADMIN && out->id != ap->me->id) {
		str_fitf(what, sizeof what, _("written by %s: only %s or an administrator may bring "
		                              "it in"), login, login);
		account_clear(out);
		return sync_conflict(ap, what, sync_kept_aside(), e);
	}
	*ok = true;
	return ST_OK;
}

status sync_load_thread(applier *ap, int64_t id, thread_row *t, error *e)
{
	static const char sql[] =
		"SELECT t.network_id, t.locked, t.pinned, n.leaders_only, t.title FROM threads t"
		" JOIN networks n ON n.id = t.network_id WHERE t.id = ?1";
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	status s = ST_OK;
	if (rc == SQLITE_ROW) {
		t->exists = true;
		t->network_id = sqlite3_column_int64(st, 0);
		t->locked = sqlite3_column_int(st, 1);
		t->pinned = sqlite3_column_int(st, 2);
		t->leaders_only = sqlite3_column_int(st, 3);
		t->title = db_col_dup(st, 4);
		if (!t->title)
			s = err_oom(e);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(ap->d, rc, e, _("Reading the thread"));
	}
	sqlite3_reset(st);
	return s;
}

/* On the home database a new thread or post must have an id of the range of the copy
 * that wrote the file, and that copy must be one the home database numbered: a crafted
 * id could otherwise take the home's next id or another copy's. */
status sync_id_in_file_range(applier *ap, int64_t id, bool *in, error *e)
{
	*in = true;
	if (!ap->home)
		return ST_OK;
	int64_t next;
	status s = sync_query_int(ap->d, "SELECT CAST(value AS INTEGER) FROM meta"
	                                 " WHERE key = 'sites_next'", 0, 1, &next, e);
	int64_t site = ap->file_site;
	*in = s == ST_OK && site >= 1 && site < next && (id >> FORUM_SITE_SHIFT) == site &&
	      (id & (((int64_t)1 << FORUM_SITE_SHIFT) - 1)) != 0;
	return s;
}

bool sync_refusal_is_judgment(status s)
{
	return s == ST_NOTFOUND || s == ST_DENIED;
}

/* May the account `login` lock, pin or hide in the network, judged here? On the home
 * database someone other than an administrator vouches only for themselves. */
bool sync_may_moderate_as(applier *ap, const char *login, int64_t network_id)
{
	account a;
	error e2;
	memset(&a, 0, sizeof a);
	status s = login ? account_get(ap->d, login, &a, &e2) : ST_NOTFOUND;
	if (s != ST_OK) {
		if (s != ST_NOTFOUND && !ap->failed) /* could not tell: the apply fails */
			ap->failed = s, ap->failure = e2;
		account_clear(&a);
		return false;
	}
	if (ap->home && ap->owner && strcmp(login, ap->owner) != 0) {
		account_clear(&a);
		return false;
	}
	bool may = (!ap->home || ap->me->role == ROLE_ADMIN || a.id == ap->me->id) &&
	           perm_can_moderate(&a, network_id);
	account_clear(&a);
	return may;
}

struct file_key {
	db *d;
	const char *file;
};

static status file_key(void *ctx, int64_t site, unsigned char key[32], error *e)
{
	struct file_key *k = ctx;
	return synckey_get(k->d, k->file, site, key, e);
}

/* Whether the header's family, site and schema let the file be applied here (mine: this
 * database's family). */
static status header_fits(applier *ap, const char *family, const char *mine, int64_t site,
                          int64_t schema, error *e)
{
	if (!mine || strcmp(mine, family) != 0)
		return err_set(e, ST_INVALID, _("%s: this file comes from another EMPIRIE database "
		                                "(not this one or a copy of it); nothing was applied"),
		               ap->file);
	if (schema > db_schema_version())
		return err_set(e, ST_INVALID, _("%s: written by a newer empirie (schema %lld); update "
		                                "empirie first; nothing was applied"), ap->file,
		               (long long)schema);
	if (site == ap->here)
		return err_set(e, ST_INVALID, _("%s: this file was written by this very copy; apply "
		                                "it on the other one; nothing was applied"), ap->file);
	if (!ap->home && site != 0)
		return err_set(e, ST_DENIED, _("%s: an offline copy takes files from its home database "
		                               "only, and this one says it comes from copy %lld; "
		                               "nothing was applied"), ap->file, (long long)site);
	if (ap->home && site != ap->signer)
		return err_set(e, ST_DENIED, _("%s: the file says it comes from copy %lld, but its "
		                               "signature is copy %lld's; nothing was applied"),
		               ap->file, (long long)site, (long long)ap->signer);
	return ST_OK;
}

static status apply_header(applier *ap, int64_t *site, error *e)
{
	char *family = NULL;
	int64_t schema;
	status s;
	if ((s = sync_get_text(ap, "family", true, &family, e)) != ST_OK ||
	    (s = sync_need_int(ap, "site", 0, site, e)) != ST_OK ||
	    (s = sync_need_int(ap, "schema", 1, &schema, e)) != ST_OK) {
		free(family);
		return s;
	}
	ap->file_schema = schema;
	char *mine = NULL;
	if ((s = sync_meta_get(ap->d, "family", &mine, e)) == ST_OK)
		s = header_fits(ap, family, mine, *site, schema, e);
	free(mine);
	free(family);
	return s;
}

/* Limits of a file: over one, it is refused whole before anything is read. The number
 * and size matter where others write (the home database holds the write lock while it
 * applies); a copy takes files signed by its home only. */
static status over_limits(applier *ap, int64_t n, size_t len, error *e)
{
	status s = sync_limits_get(ap->d, &ap->lim, e);
	if (s != ST_OK)
		return s;
	if (ap->home && n > ap->lim.changes)
		return err_set(e, ST_INVALID, ngettext("%s: %lld change: over the limit of changes in one "
		                                       "file (%lld); nothing was applied",
		                                       "%s: %lld changes: over the limit of changes in one "
		                                       "file (%lld); nothing was applied", (unsigned long)n),
		               ap->file, (long long)n, (long long)ap->lim.changes);
	if (ap->home && (int64_t)len > ap->lim.bytes)
		return err_set(e, ST_INVALID, ngettext("%s: %lld byte: over the limit of the size of one "
		                                       "file (%lld bytes); nothing was applied",
		                                       "%s: %lld bytes: over the limit of the size of one "
		                                       "file (%lld bytes); nothing was applied",
		                                       (unsigned long)len),
		               ap->file, (long long)len, (long long)ap->lim.bytes);
	return ST_OK;
}

/* The same file again (by its digest): r->already, and when. */
static status already_applied(applier *ap, error *e)
{
	sqlite3_stmt *st = db_stmt(ap->d, "SELECT at FROM sync_applied WHERE file_sum = ?1", e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, ap->sum, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		ap->r->already = true;
		snprintf(ap->r->already_at, sizeof ap->r->already_at, "%s", sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Reading the sync state"));
	return ST_OK;
}

/* One change line, given to the applier of its kind. */
static status apply_change(applier *ap, error *e)
{
	char *op = NULL;
	status s = sync_get_text(ap, "op", true, &op, e);
	if (s != ST_OK)
		return s;
	if (strcmp(op, "thread") == 0)
		s = sync_apply_thread(ap, e);
	else if (strcmp(op, "post") == 0)
		s = sync_apply_post(ap, e);
	else if (strcmp(op, "accept") == 0)
		s = sync_apply_accept(ap, e);
	else if (strcmp(op, "read") == 0)
		s = sync_apply_read(ap, e);
	else if (strcmp(op, "draft") == 0)
		s = sync_apply_draft(ap, e);
	else if (strcmp(op, "uptake") == 0)
		s = sync_apply_uptake(ap, e);
	else
		s = err_set(e, ST_INVALID, _("%s:%lld: unknown change \"%s\"; nothing was applied"),
		            ap->file, (long long)ap->line, op);
	free(op);
	return s;
}

/* Walk the lines: the header (line 2), then one change per line; *site: the copy the
 * header names. */
static status apply_lines(applier *ap, char *data, int64_t end, int64_t *site, error *e)
{
	char *p = data + strlen(SYNC_MAGIC);
	status s;
	for (int64_t line = 2; line < end; line++) {
		char *nl = strchr(p, '\n');
		*nl = '\0';
		ap->line = line;
		ap->text = p;
		ap->cur = &ap->lines[line - 2];
		if (line == 2) {
			if ((s = apply_header(ap, site, e)) != ST_OK)
				return s;
			ap->file_site = *site;
			if (ap->home) {
				/* Unreadable is not "issued to no one": the file would be taken
				 * from anyone. */
				char key[48];
				snprintf(key, sizeof key, "site_owner.%lld", (long long)*site);
				if ((s = sync_meta_get(ap->d, key, &ap->owner, e)) != ST_OK)
					return s;
			}
		} else if ((s = apply_change(ap, e)) != ST_OK) {
			return s;
		}
		if (ap->failed) {
			if (e)
				*e = ap->failure;
			return ap->failed;
		}
		p = nl + 1;
	}
	return ST_OK;
}

/* The file is applied: its digest noted, so that it is not applied twice. */
static status note_applied(applier *ap, int64_t site, int64_t n, error *e)
{
	sqlite3_stmt *st = db_stmt(ap->d, "INSERT INTO sync_applied(file_sum, at, site, ops)"
	                                  " VALUES (?1, ?2, ?3, ?4)", e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, ap->sum, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ap->now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, site);
	sqlite3_bind_int64(st, 4, n);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(ap->d, rc, e, _("Saving the sync state"));
	return ST_OK;
}

status sync_apply(db *d, const account *a, const char *path, sync_result *r,
                  sync_conflict_fn fn, void *ctx, error *e)
{
	memset(r, 0, sizeof *r);
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("This copy is read-only: browsing and search work, "
		                                 "but nothing can be written here"));
	if (a->role == ROLE_GUEST || !a->id)
		return err_set(e, ST_DENIED, _("Guests cannot bring changes in; ask an administrator"));
	char *data;
	size_t len;
	status s = sync_read_file(path, &data, &len, e);
	if (s != ST_OK)
		return s;
	applier ap = { .d = d, .me = a, .file = path, .r = r, .fn = fn, .ctx = ctx };
	if ((s = sync_own_site(d, &ap.here, e)) != ST_OK)
		goto done;
	ap.home = ap.here == 0;
	/* The home database checks the signature of the copy that wrote the file; a copy,
	 * its own (only the home database and the copy itself have that secret). */
	struct file_key fk = { d, path };
	sync_file_shape shape;
	if (sync_of_another_family(d, data, len)) {
		s = err_set(e, ST_INVALID, _("%s: this file comes from another EMPIRIE database (not "
		                             "this one or a copy of it); nothing was applied"), path);
		goto done;
	}
	if ((s = sync_file_verify(data, len, path, ap.home ? -1 : ap.here, file_key, &fk, &shape,
	                          e)) != ST_OK)
		goto done;
	int64_t first = shape.first_op, n = shape.n_ops;
	ap.signer = shape.signer;
	if ((s = over_limits(&ap, n, len, e)) != ST_OK)
		goto done;
	/* The audit's "from where" of every change: the copy, and who applied the file. */
	if (ap.home)
		str_fitf(ap.client, sizeof ap.client, _("sync: copy %lld, applied by %s"),
		         (long long)shape.signer, a->login);
	else
		str_fitf(ap.client, sizeof ap.client, _("sync: the home database, applied by %s"),
		         a->login);
	synckey_digest_hex(data, shape.signed_len, ap.sum);
	db_now(ap.now, sizeof ap.now);
	r->ops = n;
	/* The lines are taken apart before the write lock is taken: under it, only the
	 * decisions and the writes (issue 23: others must not wait for a large file). */
	if ((s = sync_stage(&ap, data, first + n, e)) != ST_OK ||
	    (s = db_begin(d, e)) != ST_OK)
		goto done;
	if ((s = already_applied(&ap, e)) != ST_OK)
		goto fail;
	if (r->already) {
		db_rollback(d);
		goto done;
	}
	int64_t site = 0;
	if ((s = apply_lines(&ap, data, first + n, &site, e)) != ST_OK ||
	    (s = new_threads_have_roots(&ap, e)) != ST_OK ||
	    (s = note_applied(&ap, site, n, e)) != ST_OK)
		goto fail;
	s = db_commit(d, e);
	if (s == ST_OK)
		for (size_t i = 0; i < ap.n_told; i++)
			fn(ctx, path, ap.told[i].line, ap.told[i].what, ap.told[i].outcome);
	goto done;
fail:
	db_rollback(d);
	r->applied = r->present = r->conflicts = 0;
done:
	sync_stage_free(&ap);
	told_free(&ap);
	free(ap.locked_by_file);
	free(ap.new_threads);
	free(ap.owner);
	free(data);
	return s;
}
