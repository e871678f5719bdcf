/* sync.c — see sync.h; the rules are written out for people in doc/SYNC.md.
 *
 * File format (UTF-8 text, one record per line):
 *   EMPIRIE-SYNC 2
 *   {"family":"…","site":3,"schema":7,"created_at":"…","since":12,"upto":40}
 *   {"op":"thread",…}        one line per change
 *   END <number of change lines>
 *   SIGN <copy> <HMAC-SHA-256 of every byte up to here with that copy's secret, hex>
 * A copy's file has one SIGN line (its own); the home database's one per copy it may
 * go to (synckey.h).
 *
 * JSON is written and read by SQLite's JSON functions, through prepared statements. */
#include "config.h"

#include <errno.h>
#include <nettle/hmac.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/feedback.h"
#include "core/forum.h"
#include "core/forum_priv.h"
#include "core/forum_rows.h"
#include "core/practice.h"
#include "core/readmark.h"
#include "core/safefile.h"
#include "core/search.h"
#include "core/sync.h"
#include "core/synckey.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/utf8.h"

#define SYNC_MAGIC "EMPIRIE-SYNC 2\n"
#define SYNC_MAGIC_OLD "EMPIRIE-SYNC 1\n"
#define SYNC_MAX_FILE (512L * 1024 * 1024)
#define PATH_STEP FORUM_PATH_STEP
/* A hiding's reason: one line, as long as a reason can sensibly be. */
#define SYNC_REASON_MAX 1000
#define OOM(e) err_set((e), ST_INTERNAL, _("Out of memory"))

/* ---- small store helpers ---- */

static status exec1(db *d, const char *sql, const char *what, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ST_OK : db_fail(d, rc, e, what);
}

static int64_t query_int(db *d, const char *sql, int64_t bind, int64_t dflt)
{
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return dflt;
	if (strchr(sql, '?'))
		sqlite3_bind_int64(st, 1, bind);
	int64_t v = dflt;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

static status meta_set(db *d, const char *key, const char *value, error *e)
{
	return db_meta_set(d, key, value, _("Saving the sync state"), e);
}

static status meta_set_int(db *d, const char *key, int64_t v, error *e)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	return meta_set(d, key, buf, e);
}

static int64_t own_site(db *d)
{
	return query_int(d, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'site'", 0, 0);
}

/* SQLite's own generator: seeded from the system's randomness, no fallback of ours. */
static void random_bytes(unsigned char *buf, size_t n)
{
	sqlite3_randomness((int)n, buf);
}

/* ---- snapshot support ---- */

status sync_prepare_source(db *d, const char *owner, int64_t *site, error *e)
{
	*site = 0;
	/* Only the home database numbers copies: two numbering sources could give two
	 * copies the same id range. */
	char *copy_at = db_meta_get(d, "snapshot_at");
	bool is_copy = copy_at != NULL;
	free(copy_at);
	if (is_copy)
		return err_set(e, ST_DENIED, _("This is an offline copy: a full copy that can sync is "
		                               "taken from the home database (--public-only makes a "
		                               "copy for reading from this one)"));
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("The database is read-only here: a full copy must be "
		                                 "recorded in it to sync back (--public-only makes a "
		                                 "copy for reading)"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	char *family = db_meta_get(d, "family");
	if (!family || !*family) {
		unsigned char r[12];
		char hex[25];
		random_bytes(r, sizeof r);
		for (size_t i = 0; i < sizeof r; i++)
			snprintf(hex + 2 * i, 3, "%02x", r[i]);
		s = meta_set(d, "family", hex, e);
	}
	free(family);
	/* Copies taken here are numbered one after another. */
	int64_t next = query_int(d, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sites_next'",
	                         0, 0);
	if (next <= 0)
		next = 1;
	if (s == ST_OK && next > FORUM_SITE_MAX)
		s = err_set(e, ST_INVALID, ngettext("All %d offline copy number is used",
		                                      "All %d offline copy numbers are used",
		                                      FORUM_SITE_MAX), FORUM_SITE_MAX);
	*site = next;
	if (s == ST_OK)
		s = meta_set_int(d, "sites_next", next + 1, e);
	/* Issued to one account: the home database takes that copy's changes from no one
	 * else, whoever applies the file. */
	if (s == ST_OK && owner) {
		char key[48];
		snprintf(key, sizeof key, "site_owner.%lld", (long long)next);
		s = meta_set(d, key, owner, e);
	}
	if (s == ST_OK)
		s = meta_set(d, "sync_log", "1", e);
	/* The copy's secret: it signs the copy's files, and the home's files to it. */
	if (s == ST_OK)
		s = synckey_issue(d, next, e);
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

status sync_prepare_copy(db *c, int64_t site, const char *owner, error *e)
{
	status s = meta_set_int(c, "site", site, e);
	if (s == ST_OK)
		s = meta_set(c, "sync_log", "1", e);
	if (s == ST_OK)
		s = exec1(c, "DELETE FROM meta WHERE key IN ('sync_exported', 'sync_uptakes_exported',"
		             " 'sites_next', 'owner')"
		             " OR key LIKE 'site\\_owner.%' ESCAPE '\\'",
		          _("Writing the offline copy"), e);
	if (s == ST_OK && owner)
		s = meta_set(c, "owner", owner, e);
	/* Everything in the copy is in the source too: the copy starts with nothing to send. */
	if (s == ST_OK)
		s = exec1(c, "DELETE FROM sync_log", _("Writing the offline copy"), e);
	if (s == ST_OK)
		s = exec1(c, "DELETE FROM uptake_log", _("Writing the offline copy"), e);
	/* The copy keeps its own secret only: another copy's would let it sign as that one. */
	if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(c, "DELETE FROM sync_keys WHERE site != ?1", e);
		if (!st)
			return e ? e->code : ST_INTERNAL;
		sqlite3_bind_int64(st, 1, site);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			s = db_fail(c, rc, e, _("Writing the offline copy"));
	}
	return s;
}

/* ---- export ---- */

/* One JSON object per changed row, threads before posts, posts in reading order (a
 * reply after what it answers), then read marks and drafts. ?1: the last seq exported. */
static const char sql_ex_threads[] =
	"SELECT json_object('op', 'thread', 'id', t.id, 'network', n.number, 'title', t.title,"
	"  'author', a.login, 'created_at', t.created_at,"
	"  'meeting', (SELECT key FROM meetings WHERE id = t.meeting_id),"
	"  'practices', json((SELECT json_group_array(p.key) FROM practice_threads pt"
	"                     JOIN practices p ON p.id = pt.practice_id WHERE pt.thread_id = t.id)),"
	"  'locked', t.locked, 'pinned', t.pinned, 'by', l.actor,"
	"  'locked_at', l.locked_at, 'pinned_at', l.pinned_at,"
	"  'request', json((SELECT json_object('town', c.name, 'assess', r.assess)"
	"                   FROM feedback_requests r JOIN cities c ON c.id = r.city_id"
	"                   WHERE r.thread_id = t.id)))"
	" FROM sync_log l JOIN threads t ON t.id = l.k1 JOIN networks n ON n.id = t.network_id"
	" JOIN accounts a ON a.id = t.author_id"
	" WHERE l.kind = 'thread' AND l.k3 = '' AND l.seq > ?1 ORDER BY t.id";
static const char sql_ex_posts[] =
	"SELECT json_object('op', 'post', 'id', p.id, 'thread', p.thread_id,"
	"  'parent', COALESCE(p.parent_id, 0), 'author', a.login, 'body', p.body,"
	"  'created_at', p.created_at, 'edited_at', p.edited_at, 'hidden', p.hidden,"
	"  'hidden_reason', p.hidden_reason, 'base', l.base, 'base_at', l.base_at, 'by', l.actor,"
	"  'hid_by', l.hid_by, 'hidden_at', l.hidden_at,"
	"  'history', json((SELECT json_group_array(vid) FROM post_ancestry WHERE post_id = p.id)))"
	" FROM sync_log l JOIN posts p ON p.id = l.k1 JOIN accounts a ON a.id = p.author_id"
	" WHERE l.kind = 'post' AND l.seq > ?1 ORDER BY p.thread_id, p.path";
/* The answer that helped a feedback request (feedback.h), after the posts it names;
 * noted as kind 'thread' with k3 'accept' (schema 11). */
static const char sql_ex_accepts[] =
	"SELECT json_object('op', 'accept', 'thread', r.thread_id, 'post', r.accepted_post,"
	"  'by', a.login, 'at', r.accepted_at)"
	" FROM sync_log l JOIN feedback_requests r ON r.thread_id = l.k1"
	" JOIN accounts a ON a.id = r.accepted_by"
	" WHERE l.kind = 'thread' AND l.k3 = 'accept' AND l.seq > ?1 AND r.accepted_post IS NOT NULL"
	" ORDER BY l.seq";
static const char sql_ex_reads[] =
	"SELECT json_object('op', 'read', 'account', a.login, 'thread', r.thread_id,"
	"  'last_read_id', r.last_read_id, 'read_count', r.read_count)"
	" FROM sync_log l JOIN read_state r ON r.account_id = l.k1 AND r.thread_id = l.k2"
	" JOIN accounts a ON a.id = r.account_id"
	" WHERE l.kind = 'read' AND l.seq > ?1 ORDER BY l.seq";
static const char sql_ex_drafts[] =
	"SELECT CASE WHEN d.account_id IS NULL"
	"  THEN json_object('op', 'draft', 'account', a.login, 'kind', l.k3, 'target', l.k2,"
	"                   'deleted', l.base)"
	"  ELSE json_object('op', 'draft', 'account', a.login, 'kind', l.k3, 'target', l.k2,"
	"                   'title', d.title, 'body', d.body, 'updated_at', d.updated_at) END"
	" FROM sync_log l JOIN accounts a ON a.id = l.k1"
	" LEFT JOIN drafts d ON d.account_id = l.k1 AND d.kind = l.k3 AND d.target_id = l.k2"
	" WHERE l.kind = 'draft' AND l.seq > ?1 AND (d.account_id IS NOT NULL OR l.base IS NOT NULL)"
	" ORDER BY l.seq";

/* Practice transfers (see apply_uptake). */
static const char sql_ex_uptakes[] =
	"SELECT json_object('op', 'uptake', 'practice', p.key, 'town', c.name,"
	"  'status', u.status, 'note', u.note, 'started_at', u.started_at,"
	"  'updated_at', u.updated_at, 'by', COALESCE(u.updated_by, l.actor),"
	"  'deleted_at', CASE WHEN u.id IS NULL THEN l.deleted_at END,"
	"  'threads', json((SELECT json_group_array(thread_id) FROM uptake_threads"
	"                   WHERE uptake_id = u.id)))"
	" FROM uptake_log l JOIN practices p ON p.id = l.practice_id"
	" JOIN cities c ON c.id = l.city_id"
	" LEFT JOIN uptakes u ON u.practice_id = l.practice_id AND u.city_id = l.city_id"
	" WHERE l.seq > ?1 AND (u.id IS NOT NULL OR (l.deleted_at IS NOT NULL AND l.actor IS NOT NULL))"
	" ORDER BY l.seq";

/* The signers of a file: one HMAC per secret, fed every byte up to the SIGN lines. */
typedef struct {
	int64_t *site;
	struct hmac_sha256_ctx *mac;
	size_t n, cap_site, cap_mac;
} signers;

static status write_line(FILE *f, signers *h, const char *s, size_t n)
{
	if (fwrite(s, 1, n, f) != n || fputc('\n', f) == EOF)
		return ST_IO;
	for (size_t i = 0; i < h->n; i++) {
		hmac_sha256_update(&h->mac[i], n, (const uint8_t *)s);
		hmac_sha256_update(&h->mac[i], 1, (const uint8_t *)"\n");
	}
	return ST_OK;
}

/* A copy signs as itself; the home database for each copy it has issued and not
 * withdrawn (each can check the file; none can sign as another). */
static status signers_load(db *d, int64_t site, signers *h, error *e)
{
	static const char sql[] =
		"SELECT site, secret FROM sync_keys WHERE revoked_at IS NULL"
		"  AND (?1 = 0 OR site = ?1) AND length(secret) = 32 ORDER BY site";
	memset(h, 0, sizeof *h);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, site);
	status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&h->site, &h->cap_site, h->n, sizeof *h->site) ||
		    db_grow((void **)&h->mac, &h->cap_mac, h->n, sizeof *h->mac)) {
			s = OOM(e);
			break;
		}
		h->site[h->n] = sqlite3_column_int64(st, 0);
		hmac_sha256_set_key(&h->mac[h->n], SYNC_KEY_LEN, sqlite3_column_blob(st, 1));
		h->n++;
	}
	sqlite3_reset(st);
	if (s == ST_OK && h->n == 0)
		s = err_set(e, ST_INVALID, site ? _("This copy has no key to sign its files with: it was "
		                                    "taken before files were signed; take a new copy")
		                                : _("No offline copy can take a file from here: every "
		                                    "copy was taken before files were signed, or "
		                                    "withdrawn; take a new copy"));
	return s;
}

static void signers_free(signers *h)
{
	if (h->mac)
		memset(h->mac, 0, h->n * sizeof *h->mac);
	free(h->site);
	free(h->mac);
	memset(h, 0, sizeof *h);
}

status sync_export(db *d, const account *a, const char *path, bool all, int64_t *ops, error *e)
{
	*ops = 0;
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("This copy is read-only: nothing was written in it, so "
		                                 "there is nothing to send"));
	char *public_copy = db_meta_get(d, "snapshot_public");
	bool pub = public_copy && strcmp(public_copy, "1") == 0;
	free(public_copy);
	if (pub)
		return err_set(e, ST_DENIED, _("A public copy is for reading; it has nothing to send"));
	int64_t site = own_site(d);
	if (a->role == ROLE_GUEST || (site == 0 && a->role != ROLE_ADMIN))
		return err_set(e, ST_DENIED, _("Only an administrator may export the changes of the "
		                               "home database (a copy's owner may export the copy's)"));
	char *family = db_meta_get(d, "family");
	if (!family || !*family) {
		free(family);
		return err_set(e, ST_INVALID, _("No offline copy has been taken of this database yet, "
		                                "so there is nothing to sync with (see 'empirie "
		                                "snapshot')"));
	}
	/* A new file under an unpredictable name beside path, 0600 whatever the umask (it
	 * may carry the leaders' texts), renamed into place when complete. */
	safefile sf;
	status s = safefile_open(&sf, path, false, e);
	if (s != ST_OK) {
		free(family);
		return s;
	}
	if ((s = db_begin(d, e)) != ST_OK) {
		safefile_abort(&sf);
		free(family);
		return s;
	}
	int64_t since = all ? 0 : query_int(d, "SELECT CAST(value AS INTEGER) FROM meta"
	                                       " WHERE key = 'sync_exported'", 0, 0);
	int64_t upto = query_int(d, "SELECT max(seq) FROM sync_log", 0, 0);
	FILE *f = fdopen(sf.fd, "w");
	if (!f) {
		s = err_set(e, ST_IO, _("%s: cannot write here: %s"), path, strerror(errno));
		goto out;
	}
	sf.fd = -1; /* f owns it now */
	signers h;
	if ((s = signers_load(d, site, &h, e)) != ST_OK) {
		fclose(f);
		goto out;
	}
	char now[32];
	db_now(now, sizeof now);
	char header[512];
	int hn = snprintf(header, sizeof header,
	                  "{\"family\":\"%s\",\"site\":%lld,\"schema\":%d,\"created_at\":\"%s\","
	                  "\"since\":%lld,\"upto\":%lld}",
	                  family, (long long)site, db_schema_version(), now, (long long)since,
	                  (long long)upto);
	if (hn < 0 || (size_t)hn >= sizeof header)
		s = err_set(e, ST_INTERNAL, _("The sync header is too long"));
	if (s == ST_OK && (write_line(f, &h, SYNC_MAGIC, strlen(SYNC_MAGIC) - 1) != ST_OK ||
	                   write_line(f, &h, header, (size_t)hn) != ST_OK))
		s = ST_IO;
	static const char *const queries[] = { sql_ex_threads, sql_ex_posts, sql_ex_accepts,
	                                       sql_ex_reads, sql_ex_drafts };
	for (size_t q = 0; s == ST_OK && q < sizeof queries / sizeof queries[0]; q++) {
		sqlite3_stmt *st = db_stmt(d, queries[q], e);
		if (!st) {
			s = e ? e->code : ST_INTERNAL;
			break;
		}
		sqlite3_bind_int64(st, 1, since);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *line = (const char *)sqlite3_column_text(st, 0);
			if (!line)
				continue;
			if (write_line(f, &h, line, (size_t)sqlite3_column_bytes(st, 0)) != ST_OK) {
				s = ST_IO;
				break;
			}
			(*ops)++;
		}
		sqlite3_reset(st);
		if (s == ST_OK && rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Reading the changes"));
	}
	/* Practice transfers: their own log and high-water mark (schema 13). */
	int64_t up_since = all ? 0 : query_int(d, "SELECT CAST(value AS INTEGER) FROM meta"
	                                          " WHERE key = 'sync_uptakes_exported'", 0, 0);
	int64_t up_upto = query_int(d, "SELECT max(seq) FROM uptake_log", 0, 0);
	if (s == ST_OK) {
		sqlite3_stmt *st = db_stmt(d, sql_ex_uptakes, e);
		if (!st)
			s = e ? e->code : ST_INTERNAL;
		if (st) {
			sqlite3_bind_int64(st, 1, up_since);
			int rc;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				const char *line = (const char *)sqlite3_column_text(st, 0);
				if (!line)
					continue;
				if (write_line(f, &h, line, (size_t)sqlite3_column_bytes(st, 0)) != ST_OK) {
					s = ST_IO;
					break;
				}
				(*ops)++;
			}
			sqlite3_reset(st);
			if (s == ST_OK && rc != SQLITE_DONE)
				s = db_fail(d, rc, e, _("Reading the changes"));
		}
	}
	if (s == ST_OK) {
		char end[48];
		int en = snprintf(end, sizeof end, "END %lld", (long long)*ops);
		s = write_line(f, &h, end, (size_t)en);
	}
	for (size_t i = 0; s == ST_OK && i < h.n; i++) {
		uint8_t dig[SHA256_DIGEST_SIZE];
		hmac_sha256_digest(&h.mac[i], sizeof dig, dig);
		if (fprintf(f, "SIGN %lld ", (long long)h.site[i]) < 0)
			s = ST_IO;
		for (size_t k = 0; s == ST_OK && k < sizeof dig; k++)
			if (fprintf(f, "%02x", dig[k]) < 0)
				s = ST_IO;
		if (s == ST_OK && fputc('\n', f) == EOF)
			s = ST_IO;
	}
	signers_free(&h);
	if (s == ST_OK && (fflush(f) != 0 || fsync(fileno(f)) != 0))
		s = ST_IO;
	if (fclose(f) != 0 && s == ST_OK)
		s = ST_IO;
	if (s == ST_IO)
		err_set(e, ST_IO, _("%s: cannot write the sync file: %s"), path, strerror(errno));
	if (s == ST_OK)
		s = safefile_commit(&sf, false, e);
	if (s == ST_OK)
		s = meta_set_int(d, "sync_exported", upto, e);
	if (s == ST_OK && up_upto > up_since)
		s = meta_set_int(d, "sync_uptakes_exported", up_upto, e);
out:
	if (sf.tmp)
		safefile_abort(&sf);
	free(family);
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

/* ---- reading a file ---- */

/* The file's shape, from its end: one or more SIGN lines, before them "END count",
 * and count change lines after the magic line and the header. The signature checked is
 * want's (a copy: its own), or with want < 0 the first (the home database: the one copy
 * that wrote it), with the secret key_fn gives for that copy. */
status sync_file_verify(const char *data, size_t len, const char *name, int64_t want,
                        sync_key_fn key_fn, void *key_ctx, sync_file_shape *out, error *e)
{
	memset(out, 0, sizeof *out);
	size_t ml = strlen(SYNC_MAGIC);
	if (len >= ml && memcmp(data, SYNC_MAGIC_OLD, ml) == 0)
		return err_set(e, ST_INVALID, _("%s: written by an empirie from before sync files "
		                                "were signed; export it again with this version; "
		                                "nothing was applied"), name);
	if (len < ml || memcmp(data, SYNC_MAGIC, ml) != 0)
		return err_set(e, ST_INVALID, _("%s:1: not an empirie sync file (it must begin with "
		                                "\"EMPIRIE-SYNC 2\")"), name);
	if (memchr(data, '\0', len))
		return err_set(e, ST_INVALID, _("%s: the file holds a NUL byte: it is damaged; nothing "
		                                "was applied"), name);
	int64_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += data[i] == '\n';
	if (data[len - 1] != '\n')
		return err_set(e, ST_INVALID, _("%s:%lld: the file is cut short (its last line is not "
		                                "complete); nothing was applied"), name,
		               (long long)lines + 1);
	/* SIGN lines, from the last one up. */
	size_t end = len; /* the end of the part not yet looked at */
	int64_t n_sign = 0, sign_site = -1;
	char sign_mac[65] = "";
	for (;;) {
		size_t b = end - 1;
		while (b > 0 && data[b - 1] != '\n')
			b--;
		if (end - b < 5 || memcmp(data + b, "SIGN ", 5) != 0)
			break;
		char line[128];
		long long site = -1;
		char mac[65] = "";
		int used = 0;
		if (end - b >= sizeof line || (memcpy(line, data + b, end - b), line[end - b] = '\0',
		    sscanf(line, "SIGN %lld %64[0-9a-f]%n", &site, mac, &used) != 2) ||
		    strlen(mac) != 64 || line[used] != '\n' || site < 0 || site > FORUM_SITE_MAX ||
		    ++n_sign > FORUM_SITE_MAX + 1)
			return err_set(e, ST_INVALID, _("%s:%lld: a damaged signature line; nothing was "
			                                "applied"), name, (long long)(lines - n_sign));
		/* Lines are read from the end: the first SIGN line is the last one seen. */
		if (want < 0 || site == want) {
			sign_site = site;
			memcpy(sign_mac, mac, sizeof mac);
		}
		end = b;
		if (end == 0)
			break;
	}
	int64_t end_line = lines - n_sign; /* the number of the END line */
	if (n_sign == 0)
		return err_set(e, ST_INVALID, _("%s:%lld: the file is cut short or not signed: it does "
		                                "not end with its signature (\"SIGN copy key\"); "
		                                "nothing was applied"), name, (long long)lines);
	size_t b = end ? end - 1 : 0;
	while (b > 0 && data[b - 1] != '\n')
		b--;
	char last[64];
	long long count = -1;
	int used = 0;
	if (end == 0 || end - b >= sizeof last ||
	    (memcpy(last, data + b, end - b), last[end - b] = '\0',
	     sscanf(last, "END %lld%n", &count, &used) != 1) || last[used] != '\n')
		return err_set(e, ST_INVALID, _("%s:%lld: the file is cut short or damaged: the line "
		                                "before its signature is not the end line (\"END "
		                                "count\"); nothing was applied"), name,
		               (long long)end_line);
	if (sign_site < 0)
		return err_set(e, ST_INVALID, _("%s: the file is not meant for this copy (it is not "
		                                "signed for copy %lld); nothing was applied"), name,
		               (long long)want);
	unsigned char key[SYNC_KEY_LEN];
	status s = key_fn(key_ctx, sign_site, key, e);
	if (s != ST_OK)
		return s;
	char mac[65];
	synckey_mac_hex(key, data, end, mac);
	memset(key, 0, sizeof key);
	if (!synckey_mac_equal(mac, sign_mac))
		return err_set(e, ST_INVALID, _("%s: the signature does not match copy %lld's key: the "
		                                "file was changed or damaged after it was written, or "
		                                "not written there; nothing was applied"), name,
		               (long long)sign_site);
	/* Lines: magic, header, ops..., END. */
	if (end_line < 3 || count != end_line - 3)
		return err_set(e, ST_INVALID, ngettext("%s: the end line counts %lld change but the file "
		                                         "holds %lld; nothing was applied",
		                                         "%s: the end line counts %lld changes but the file "
		                                         "holds %lld; nothing was applied",
		                                         (unsigned long)count), name, count,
		               (long long)(end_line < 3 ? 0 : end_line - 3));
	out->first_op = 3;
	out->n_ops = count;
	out->signed_len = end;
	out->signer = sign_site;
	return ST_OK;
}

static status read_file(const char *path, char **out, size_t *len, error *e)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, ST_IO, _("%s: cannot open: %s"), path, strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, ST_IO, _("%s is not a regular file"), path);
	}
	if (sb.st_size > SYNC_MAX_FILE) {
		close(fd);
		return err_set(e, ST_INVALID, _("%s is too large for a sync file"), path);
	}
	size_t n = (size_t)sb.st_size;
	char *buf = malloc(n + 1);
	if (!buf) {
		close(fd);
		return OOM(e);
	}
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got == 0) {
		free(buf);
		return err_set(e, ST_INVALID, _("%s is empty: not a sync file"), path);
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return ST_OK;
}

/* ---- applying ---- */

typedef struct {
	db *d;
	const account *me;
	int64_t file_site;      /* the site the file says it comes from */
	int64_t signer;         /* the copy whose secret signed it */
	char *owner;            /* home: the account that copy was issued to (NULL: shared) */
	int64_t file_schema;    /* the schema the file was written with */
	bool home;              /* the receiving side is the home database */
	const char *file;
	char sum[65];
	int64_t line;
	const char *text;       /* the op's JSON */
	sync_result *r;
	sync_conflict_fn fn;
	void *ctx;
	char now[32];
	/* Conflicts are told to fn only after the commit: a file refused whole settled
	 * nothing. */
	struct told {
		int64_t line;
		char *what, *outcome;
	} *told;
	size_t n_told, cap_told;
	/* Threads this file locked: its own posts in them are no replies "written while the
	 * thread was locked" (a coordinator's offline lock comes before the replies it
	 * follows in the file, as threads come before posts). */
	int64_t *locked_by_file;
	size_t n_locked, cap_locked;
	/* New threads of this file: each must get its first post from the file too. */
	struct new_thread {
		int64_t id, line;
	} *new_threads;
	size_t n_new, cap_new;
	sync_limits lim;
	char client[160];       /* the audit's "from where": the copy and who applied it */
} applier;

/* The limits of one file (doc/SYNC.md): meta 'sync_max_changes', 'sync_max_bytes',
 * 'sync_max_depth' and 'sync_max_drafts' where set, else these defaults. */
static int64_t limit_of(db *d, const char *key, int64_t dflt)
{
	char *v = db_meta_get(d, key);
	long long n = v ? strtoll(v, NULL, 10) : 0;
	free(v);
	return n > 0 ? (int64_t)n : dflt;
}

void sync_limits_get(db *d, sync_limits *out)
{
	out->changes = limit_of(d, "sync_max_changes", SYNC_DEFAULT_MAX_CHANGES);
	out->bytes = limit_of(d, "sync_max_bytes", SYNC_DEFAULT_MAX_BYTES);
	out->depth = limit_of(d, "sync_max_depth", SYNC_DEFAULT_MAX_DEPTH);
	out->drafts = limit_of(d, "sync_max_drafts", SYNC_DEFAULT_MAX_DRAFTS);
}

/* One audit entry for a change brought in by a file, in the name of who made it, with
 * the copy it came from and who applied it. */
static status sync_audit(applier *ap, const char *login, const char *action,
                         const char *object, int64_t id, const char *before,
                         const char *after, error *e)
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

/* A field of the current op: $.name as int or text. Typed strictly. */
typedef struct {
	bool present;
	bool is_int;
	int64_t i;
	char *s;
} jval;

static status jget(applier *ap, const char *name, jval *v, error *e)
{
	static const char sql[] = "SELECT json_extract(?1, '$.' || ?2), json_type(?1, '$.' || ?2)";
	memset(v, 0, sizeof *v);
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	status s = ST_OK;
	if (rc == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 1);
		if (type && strcmp(type, "integer") == 0) {
			v->present = v->is_int = true;
			v->i = sqlite3_column_int64(st, 0);
		} else if (type && strcmp(type, "text") == 0) {
			v->present = true;
			v->s = db_col_dup(st, 0);
			if (!v->s)
				s = OOM(e);
		} else if (type && strcmp(type, "null") != 0) {
			s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing was "
			                             "applied"), ap->file, (long long)ap->line, name);
		}
	} else {
		s = err_set(e, ST_INVALID, _("%s:%lld: the line is not valid JSON; nothing was applied"),
		            ap->file, (long long)ap->line);
	}
	sqlite3_reset(st);
	return s;
}

/* Ids of threads and posts: in some site's range (forum.h), so that id * 4 + kind (the
 * search rowid) cannot overflow. */
#define SYNC_ID_END (((int64_t)FORUM_SITE_MAX + 1) << FORUM_SITE_SHIFT)

static status need_int(applier *ap, const char *name, int64_t min, int64_t *out, error *e);

static status need_id(applier *ap, const char *name, int64_t min, int64_t *out, error *e)
{
	status s = need_int(ap, name, min, out, e);
	if (s == ST_OK && *out >= SYNC_ID_END)
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is out of range; nothing was "
		                             "applied"), ap->file, (long long)ap->line, name);
	return s;
}

static status need_int(applier *ap, const char *name, int64_t min, int64_t *out, error *e)
{
	jval v;
	status s = jget(ap, name, &v, e);
	if (s != ST_OK)
		return s;
	free(v.s);
	if (!v.present || !v.is_int || v.i < min)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is missing or not a valid number; "
		                                "nothing was applied"), ap->file, (long long)ap->line,
		               name);
	*out = v.i;
	return ST_OK;
}

/* Text field; optional ones come back NULL when absent or null. */
static status get_text(applier *ap, const char *name, bool required, char **out, error *e)
{
	jval v;
	*out = NULL;
	status s = jget(ap, name, &v, e);
	if (s != ST_OK)
		return s;
	if (v.present && v.is_int)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing was "
		                                "applied"), ap->file, (long long)ap->line, name);
	if (!v.present && required)
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is missing; nothing was applied"),
		               ap->file, (long long)ap->line, name);
	*out = v.s;
	return ST_OK;
}

/* A time as written by db_now: 2026-11-28T10:15:00Z. */
static bool time_ok(const char *t)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (!t || strlen(t) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i])
			return false;
	return true;
}

static status need_time(applier *ap, const char *name, bool required, char **out, error *e)
{
	status s = get_text(ap, name, required, out, e);
	if (s == ST_OK && *out && !time_ok(*out)) {
		free(*out);
		*out = NULL;
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is not a time "
		                                "(YYYY-MM-DDThh:mm:ssZ); nothing was applied"),
		               ap->file, (long long)ap->line, name);
	}
	return s;
}

/* A text field within max bytes, valid UTF-8, with no control character (a multi-line
 * one may hold newlines and tabs): what the CLI lets someone type. */
static status check_field(applier *ap, const char *name, const char *v, size_t max,
                          bool multiline, error *e)
{
	if (!v)
		return ST_OK;
	size_t n = strlen(v);
	if (n > max)
		return err_set(e, ST_INVALID, ngettext("%s:%lld: field \"%s\" is too long (%zu byte, at most "
		                                       "%zu); nothing was applied",
		                                       "%s:%lld: field \"%s\" is too long (%zu bytes, at most "
		                                       "%zu); nothing was applied", (unsigned long)n),
		               ap->file, (long long)ap->line, name, n, max);
	for (const unsigned char *c = (const unsigned char *)v; *c; c++)
		if ((*c < 0x20 && !(multiline && (*c == '\n' || *c == '\t'))) || *c == 0x7f)
			return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" holds a control character; "
			                                "nothing was applied"), ap->file,
			               (long long)ap->line, name);
	if (!utf8_valid(v, n))
		return err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is not valid UTF-8; nothing was "
		                                "applied"), ap->file, (long long)ap->line, name);
	return ST_OK;
}

/* Run a prepared write once; what names it in an error. */
static status step_done(db *d, sqlite3_stmt *st, const char *what, error *e)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, what);
}

/* Record a conflict (once per file and line) and tell the caller. */
static status conflict(applier *ap, const char *what, const char *outcome, error *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO sync_conflicts(at, file_sum, line, what, outcome, op)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(st, 1, ap->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ap->sum, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, ap->line);
	sqlite3_bind_text(st, 4, what, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, outcome, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, ap->text, -1, SQLITE_STATIC);
	status s0 = step_done(ap->d, st, _("Keeping the conflict"), e);
	if (s0 != ST_OK)
		return s0;
	ap->r->conflicts++;
	if (!ap->fn)
		return ST_OK;
	if (db_grow((void **)&ap->told, &ap->cap_told, ap->n_told, sizeof *ap->told))
		return OOM(e);
	struct told *t = &ap->told[ap->n_told];
	t->line = ap->line;
	t->what = strdup(what);
	t->outcome = strdup(outcome);
	if (!t->what || !t->outcome) {
		free(t->what), free(t->outcome);
		return OOM(e);
	}
	ap->n_told++;
	return ST_OK;
}

static status note_locked_by_file(applier *ap, int64_t thread_id, error *e)
{
	if (db_grow((void **)&ap->locked_by_file, &ap->cap_locked, ap->n_locked,
	            sizeof *ap->locked_by_file))
		return OOM(e);
	ap->locked_by_file[ap->n_locked++] = thread_id;
	return ST_OK;
}

static status note_new_thread(applier *ap, int64_t thread_id, error *e)
{
	if (db_grow((void **)&ap->new_threads, &ap->cap_new, ap->n_new, sizeof *ap->new_threads))
		return OOM(e);
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
			return e ? e->code : ST_INTERNAL;
		sqlite3_bind_int64(st, 1, ap->new_threads[i].id);
		status s = ST_OK;
		if (sqlite3_step(st) == SQLITE_ROW)
			s = err_set(e, ST_INVALID, _("%s:%lld: the new thread \"%s\" comes without its first "
			                             "post; nothing was applied"), ap->file,
			            (long long)ap->new_threads[i].line, sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

static bool locked_by_file(const applier *ap, int64_t thread_id)
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
static char *change_time(applier *ap, int64_t id, int col)
{
	static const char *const sql[] = {
		"SELECT hidden_at FROM sync_log WHERE kind = 'post' AND k1 = ?1 AND k2 = 0 AND k3 = ''",
		"SELECT locked_at FROM sync_log WHERE kind = 'thread' AND k1 = ?1 AND k2 = 0 AND k3 = ''",
		"SELECT pinned_at FROM sync_log WHERE kind = 'thread' AND k1 = ?1 AND k2 = 0 AND k3 = ''",
	};
	sqlite3_stmt *st = db_stmt(ap->d, sql[col], NULL);
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
		v = db_col_dup(st, 0);
	sqlite3_reset(st);
	return v;
}

/* Record when (and by whom) a flag got the value it has here: the file's change taken,
 * the later time of an equal value, or the home database's own judgment. A row the log
 * does not have yet is made (it then travels, an echo the other side finds here). */
static status set_change_time(applier *ap, int64_t id, int col, const char *at, const char *by,
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
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	if (at)
		sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	if (by)
		sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
	return step_done(ap->d, st, _("Saving the sync state"), e);
}

/* Hidden, locked, pinned: the latest change wins, whatever order files come in. At the
 * same second the home database's value stands (on both sides), between copies the set
 * flag. Files of schema 4 carry no times: their value is taken when it differs. */
static bool flag_taken(const applier *ap, const char *in_at, const char *our_at, bool in)
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
static const char *later_time(const char *a, const char *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return strcmp(a, b) >= 0 ? a : b;
}

/* A time from a file, as the receiver will use it: never later than now here (a time in
 * the future would make a change win against every later one). */
static void cap_time(const applier *ap, char **t)
{
	if (*t && strcmp(*t, ap->now) > 0) {
		free(*t);
		*t = strdup(ap->now);
	}
}

/* A post's text versions (post_ancestry): is vid one this post has passed through here;
 * is it in the line's "history" (the versions the sender's text was made on top of);
 * add the line's history to ours. */
static bool had_version(applier *ap, int64_t id, const char *vid)
{
	static const char sql[] = "SELECT 1 FROM post_ancestry WHERE post_id = ?1 AND vid = ?2";
	sqlite3_stmt *st = db_stmt(ap->d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, vid, -1, SQLITE_STATIC);
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

static bool line_has_history(applier *ap)
{
	static const char sql[] = "SELECT json_type(?1, '$.history') = 'array'";
	sqlite3_stmt *st = db_stmt(ap->d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
	bool yes = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return yes;
}

static bool in_line_history(applier *ap, const char *vid)
{
	static const char sql[] =
		"SELECT 1 FROM json_each(?1, '$.history') WHERE type = 'text' AND value = ?2";
	sqlite3_stmt *st = db_stmt(ap->d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, vid, -1, SQLITE_STATIC);
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

static status take_history(applier *ap, int64_t id, error *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO post_ancestry(post_id, vid)"
		" SELECT ?1, value FROM json_each(?2, '$.history')"
		"  WHERE json_type(?2, '$.history') = 'array' AND type = 'text'"
		"    AND (value = '' OR value GLOB"
		"         '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')"
		"  LIMIT 1000";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, ap->text, -1, SQLITE_STATIC);
	return step_done(ap->d, st, _("Saving the sync state"), e);
}

static const char *kept_aside(void)
{
	return _("not applied; kept in the conflict list ('empirie sync conflicts')");
}

/* The account a change is written by, as known here. On the home database someone
 * other than an administrator may bring in only their own changes. *ok false (and a
 * conflict recorded) when the change cannot be taken. */
static status actor_for(applier *ap, const char *login, account *out, bool *ok, error *e)
{
	*ok = false;
	memset(out, 0, sizeof *out);
	char what[512];
	error e2;
	status s = account_get(ap->d, login, out, &e2);
	if (s == ST_NOTFOUND) {
		snprintf(what, sizeof what, _("written by %s, who has no account here"), login);
		return conflict(ap, what, kept_aside(), e);
	}
	if (s != ST_OK) {
		if (e)
			*e = e2;
		return s;
	}
	if (ap->home && ap->owner && strcmp(login, ap->owner) != 0) {
		snprintf(what, sizeof what, _("written by %s in offline copy %lld, which was issued to "
		                              "%s"), login, (long long)ap->file_site, ap->owner);
		account_clear(out);
		return conflict(ap, what, kept_aside(), e);
	}
	if (ap->home && ap->me->role != ROLE_ADMIN && out->id != ap->me->id) {
		snprintf(what, sizeof what, _("written by %s: only %s or an administrator may bring "
		                              "it in"), login, login);
		account_clear(out);
		return conflict(ap, what, kept_aside(), e);
	}
	*ok = true;
	return ST_OK;
}

typedef struct {
	bool exists;
	int64_t network_id;
	bool locked, pinned, leaders_only;
	char *title;
} thread_row;

static status load_thread(applier *ap, int64_t id, thread_row *t, error *e)
{
	static const char sql[] =
		"SELECT t.network_id, t.locked, t.pinned, n.leaders_only, t.title FROM threads t"
		" JOIN networks n ON n.id = t.network_id WHERE t.id = ?1";
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
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
			s = OOM(e);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(ap->d, rc, e, _("Reading the thread"));
	}
	sqlite3_reset(st);
	return s;
}

static status set_thread_state(applier *ap, int64_t id, bool locked, bool pinned, error *e)
{
	static const char sql[] = "UPDATE threads SET locked = ?2, pinned = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, locked);
	sqlite3_bind_int(st, 3, pinned);
	return step_done(ap->d, st, _("Changing the thread"), e);
}

/* On the home database a new thread or post must have an id of the range of the copy
 * that wrote the file, and that copy must be one the home database numbered: a crafted
 * id could otherwise take the home's next id or another copy's. */
static bool id_in_file_range(applier *ap, int64_t id)
{
	if (!ap->home)
		return true;
	int64_t next = query_int(ap->d, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sites_next'",
	                         0, 1);
	int64_t site = ap->file_site;
	return site >= 1 && site < next && (id >> FORUM_SITE_SHIFT) == site &&
	       (id & (((int64_t)1 << FORUM_SITE_SHIFT) - 1)) != 0;
}

/* May the account `login` lock, pin or hide in the network, judged here? On the home
 * database someone other than an administrator vouches only for themselves. */
static bool may_moderate_as(applier *ap, const char *login, int64_t network_id)
{
	account a;
	error e2;
	memset(&a, 0, sizeof a);
	if (!login || account_get(ap->d, login, &a, &e2) != ST_OK) {
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

/* B8: a new thread's practices, each only if its author can see it here (the CLI's
 * link step asks the same); one she cannot see is left out and listed. */
static status link_practices(applier *ap, int64_t id, const char *title, const account *au,
                             error *e)
{
	static const char sql_keys[] =
		"SELECT value FROM json_each(?1, '$.practices')"
		" WHERE json_type(?1, '$.practices') = 'array' AND type = 'text'";
	sqlite3_stmt *sk = db_stmt(ap->d, sql_keys, e);
	if (!sk)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(sk, 1, ap->text, -1, SQLITE_STATIC);
	/* The keys first: practice_get and the link use statements of their own. */
	char **keys = NULL;
	size_t n = 0, cap = 0;
	status s = ST_OK;
	while (s == ST_OK && sqlite3_step(sk) == SQLITE_ROW) {
		if (db_grow((void **)&keys, &cap, n, sizeof *keys) ||
		    !(keys[n] = db_col_dup(sk, 0)))
			s = OOM(e);
		else
			n++;
	}
	sqlite3_reset(sk);
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		practice pr;
		error e2;
		if (practice_get(ap->d, au, 0, keys[i], &pr, &e2) != ST_OK) {
			char what[600];
			snprintf(what, sizeof what, _("thread \"%s\" is linked to practice %s, which %s "
			                              "cannot see here"), title, keys[i], au->login);
			s = conflict(ap, what, _("the thread is stored without that link"), e);
			continue;
		}
		int64_t pid = pr.id;
		practice_clear(&pr);
		s = forum_rows_link_practice(ap->d, id, pid, e);
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	return s;
}

/* A new thread's feedback request (the line's "request": the asking town and what to
 * assess). The home database takes it only from a member of that town, the town a
 * member of the network; else the thread is stored as an ordinary one, and listed. */
static status take_request(applier *ap, int64_t id, const char *title, const account *au,
                           int64_t net, error *e)
{
	static const char sql_get[] =
		"SELECT json_type(?1, '$.request'), json_extract(?1, '$.request.town'),"
		"       json_type(?1, '$.request.town'), json_extract(?1, '$.request.assess'),"
		"       json_type(?1, '$.request.assess')";
	static const char sql_town[] =
		"SELECT c.id, EXISTS (SELECT 1 FROM memberships m WHERE m.city_id = c.id"
		"       AND m.network_id = ?2) FROM cities c WHERE c.name = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql_get, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
	status s = ST_OK;
	char *town = NULL, *assess = NULL;
	bool present = false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *tt = (const char *)sqlite3_column_text(st, 2);
		const char *at = (const char *)sqlite3_column_text(st, 4);
		present = type && strcmp(type, "null") != 0;
		if (present && (strcmp(type, "object") != 0 || !tt || strcmp(tt, "text") != 0 ||
		                (at && strcmp(at, "text") != 0)))
			s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing "
			                             "was applied"), ap->file, (long long)ap->line, "request");
		else if (present && (!(town = db_col_dup(st, 1)) || !(assess = db_col_dup(st, 3))))
			s = OOM(e);
	}
	sqlite3_reset(st);
	if (s == ST_OK && present && (strlen(assess) > FEEDBACK_ASSESS_MAX || strchr(assess, '\n')))
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has the wrong type; nothing was "
		                             "applied"), ap->file, (long long)ap->line, "request");
	if (s == ST_OK && present)
		s = check_field(ap, "request", assess, FEEDBACK_ASSESS_MAX, false, e);
	if (s != ST_OK || !present)
		goto out;
	if (!(st = db_stmt(ap->d, sql_town, e))) {
		s = e ? e->code : ST_INTERNAL;
		goto out;
	}
	sqlite3_bind_text(st, 1, town, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, net);
	int rc = sqlite3_step(st);
	int64_t town_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	bool member = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (!town_id || (ap->home && (au->city_id != town_id || !member))) {
		char what[600];
		snprintf(what, sizeof what, _("thread \"%s\": a feedback request of %s, which %s may not "
		                              "ask for here"), title, town, au->login);
		s = conflict(ap, what, _("the thread is stored as an ordinary one"), e);
		goto out;
	}
	if ((s = feedback_rows_request(ap->d, id, town_id, assess, e)) == ST_OK)
		s = sync_audit(ap, au->login, "ask", "request", id, NULL, assess, e);
out:
	free(town), free(assess);
	return s;
}

/* {"op":"accept","thread":T,"post":P,"by":LOGIN,"at":TIME}: the answer that helped a
 * feedback request. The latest mark wins whatever order files come in (at the same
 * second, the larger post id); a mark that loses to another one is listed. On the home
 * database the one who marked must be a member of the asking town (judged here), and
 * the post an answer in that thread by someone from outside the town. */
static status apply_accept(applier *ap, error *e)
{
	static const char sql_req[] =
		"SELECT r.city_id, COALESCE(r.accepted_post, 0), COALESCE(r.accepted_at, ''), t.title"
		"  FROM feedback_requests r JOIN threads t ON t.id = r.thread_id WHERE r.thread_id = ?1";
	static const char sql_post[] =
		"SELECT COALESCE(x.city_id, 0), p.parent_id IS NULL FROM posts p"
		"  JOIN accounts x ON x.id = p.author_id WHERE p.id = ?1 AND p.thread_id = ?2"
		"   AND p.hidden = 0"; /* as feedback_accept: a hidden post is no answer */
	int64_t tid, pid;
	char *by = NULL, *at = NULL, *title = NULL, *our_at = NULL;
	account who;
	memset(&who, 0, sizeof who);
	char what[700];
	status s;
	if ((s = need_id(ap, "thread", 1, &tid, e)) != ST_OK ||
	    (s = need_id(ap, "post", 1, &pid, e)) != ST_OK ||
	    (s = get_text(ap, "by", true, &by, e)) != ST_OK ||
	    (s = need_time(ap, "at", true, &at, e)) != ST_OK)
		goto out;
	cap_time(ap, &at);
	sqlite3_stmt *st = db_stmt(ap->d, sql_req, e);
	if (!st) {
		s = e ? e->code : ST_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(st, 1, tid);
	int rc = sqlite3_step(st);
	int64_t town_id = 0, ours = 0;
	if (rc == SQLITE_ROW) {
		town_id = sqlite3_column_int64(st, 0);
		ours = sqlite3_column_int64(st, 1);
		our_at = db_col_dup(st, 2);
		title = db_col_dup(st, 3);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW && (!our_at || !title)) {
		s = OOM(e);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		snprintf(what, sizeof what, _("an answer marked as the one that helped in thread %lld, "
		                              "which is not a feedback request here"), (long long)tid);
		s = conflict(ap, what, kept_aside(), e);
		goto out;
	}
	if (ours == pid) {
		ap->r->present++;
		goto out;
	}
	/* The later mark stays; at the same second, the larger post id (the same on every
	 * side). */
	int c = strcmp(at, our_at);
	bool take = !ours || c > 0 || (c == 0 && pid > ours);
	if (!take) {
		snprintf(what, sizeof what, _("request \"%s\": %s marked post %lld as the one that "
		                              "helped, before the mark kept here (post %lld)"),
		         title, by, (long long)pid, (long long)ours);
		s = conflict(ap, what, _("the later mark stays"), e);
		goto out;
	}
	error e2;
	bool found = account_get(ap->d, by, &who, &e2) == ST_OK;
	bool ok = found;
	if (ap->home && found) {
		ok = who.city_id == town_id &&
		     (!ap->owner || strcmp(by, ap->owner) == 0) &&
		     (ap->me->role == ROLE_ADMIN || who.id == ap->me->id);
	}
	if (!ok) {
		snprintf(what, sizeof what, _("request \"%s\": %s may not mark the answer that helped: "
		                              "only the asking town's members may"), title, by);
		s = conflict(ap, what, kept_aside(), e);
		goto out;
	}
	if (!(st = db_stmt(ap->d, sql_post, e))) {
		s = e ? e->code : ST_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(st, 1, pid);
	sqlite3_bind_int64(st, 2, tid);
	rc = sqlite3_step(st);
	bool answer = rc == SQLITE_ROW && sqlite3_column_int64(st, 0) != town_id &&
	              !sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (!answer) {
		snprintf(what, sizeof what, _("request \"%s\": post %lld, marked as the one that helped, "
		                              "is not an answer in it here"), title, (long long)pid);
		s = conflict(ap, what, kept_aside(), e);
		goto out;
	}
	if (ours) {
		snprintf(what, sizeof what, _("request \"%s\": post %lld was marked here as the one "
		                              "that helped, before %s marked post %lld"),
		         title, (long long)ours, by, (long long)pid);
		if ((s = conflict(ap, what, _("the later mark stays"), e)) != ST_OK)
			goto out;
	}
	char was[24], now_post[24];
	snprintf(was, sizeof was, "%lld", (long long)ours);
	snprintf(now_post, sizeof now_post, "%lld", (long long)pid);
	if ((s = feedback_rows_accept(ap->d, tid, pid, at, who.id, e)) != ST_OK ||
	    (s = sync_audit(ap, by, "accept", "request", tid, ours ? was : NULL, now_post, e)) != ST_OK)
		goto out;
	ap->r->applied++;
out:
	free(by), free(at), free(title), free(our_at);
	account_clear(&who);
	return s;
}

static status apply_thread(applier *ap, error *e)
{
	static const char sql_net[] = "SELECT id, leaders_only FROM networks WHERE number = ?1";
	static const char sql_meeting[] = "SELECT id FROM meetings WHERE key = ?1 AND network_id = ?2";
	int64_t id, number, locked, pinned;
	char *title = NULL, *author = NULL, *created = NULL, *meeting_key = NULL,
	     *by = NULL, *locked_at = NULL, *pinned_at = NULL, *our_lat = NULL, *our_pat = NULL;
	account au, actor;
	memset(&au, 0, sizeof au);
	memset(&actor, 0, sizeof actor);
	thread_row t;
	memset(&t, 0, sizeof t);
	char what[512];
	status s;
	if ((s = need_id(ap, "id", 1, &id, e)) != ST_OK ||
	    (s = need_int(ap, "network", 1, &number, e)) != ST_OK ||
	    (s = need_int(ap, "locked", 0, &locked, e)) != ST_OK ||
	    (s = need_int(ap, "pinned", 0, &pinned, e)) != ST_OK ||
	    (s = get_text(ap, "title", true, &title, e)) != ST_OK ||
	    (s = get_text(ap, "author", true, &author, e)) != ST_OK ||
	    (s = need_time(ap, "created_at", true, &created, e)) != ST_OK ||
	    (s = get_text(ap, "meeting", false, &meeting_key, e)) != ST_OK ||
	    (s = get_text(ap, "by", false, &by, e)) != ST_OK ||
	    (s = need_time(ap, "locked_at", false, &locked_at, e)) != ST_OK ||
	    (s = need_time(ap, "pinned_at", false, &pinned_at, e)) != ST_OK)
		goto out;
	cap_time(ap, &locked_at);
	cap_time(ap, &pinned_at);
	cap_time(ap, &created);
	error why_not;
	if (forum_validate_text(title, "-", &why_not) != ST_OK) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\": %s; nothing was applied"), ap->file,
		            (long long)ap->line, "title", why_not.msg);
		goto out;
	}
	locked = locked != 0;
	pinned = pinned != 0;
	if ((s = load_thread(ap, id, &t, e)) != ST_OK)
		goto out;
	if (!t.exists) {
		if (!id_in_file_range(ap, id)) {
			snprintf(what, sizeof what, _("new thread \"%s\" with id %lld, outside the range of "
			                              "the copy that wrote the file"), title, (long long)id);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		sqlite3_stmt *st = db_stmt(ap->d, sql_net, e);
		if (!st) {
			s = e ? e->code : ST_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(st, 1, number);
		int rc = sqlite3_step(st);
		int64_t net = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		bool lo = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
		sqlite3_reset(st);
		bool ok;
		if (!net) {
			snprintf(what, sizeof what, _("new thread \"%s\" in network %lld, which is not here"),
			         title, (long long)number);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		if ((s = actor_for(ap, author, &au, &ok, e)) != ST_OK || !ok)
			goto out;
		error why;
		if (ap->home && perm_check_post(ap->d, &au, net, lo, &why) != ST_OK) {
			snprintf(what, sizeof what, _("new thread \"%s\" by %s: %s"), title, author, why.msg);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		/* Locking or pinning on the way in needs the right to moderate, of whoever did
		 * it (a coordinator may lock a member's new thread before the first sync). */
		bool refused_state = false;
		if (ap->home && (locked || pinned) && !may_moderate_as(ap, by ? by : author, net)) {
			locked = pinned = 0;
			refused_state = true;
		}
		thread_fields tf = { .id = id, .network_id = net, .author_id = au.id, .title = title,
		                     .created_at = created, .locked = locked, .pinned = pinned };
		if (meeting_key) {
			if (!(st = db_stmt(ap->d, sql_meeting, e))) {
				s = e ? e->code : ST_INTERNAL;
				goto out;
			}
			sqlite3_bind_text(st, 1, meeting_key, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, net);
			if ((rc = sqlite3_step(st)) == SQLITE_ROW)
				tf.meeting_id = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
				s = db_fail(ap->d, rc, e, _("Saving the thread"));
				goto out;
			}
		}
		if ((s = forum_rows_thread(ap->d, &tf, NULL, e)) != ST_OK ||
		    (s = link_practices(ap, id, title, &au, e)) != ST_OK ||
		    (s = take_request(ap, id, title, &au, net, e)) != ST_OK)
			goto out;
		if ((s = sync_audit(ap, author, "create", "thread", id, NULL, title, e)) != ST_OK ||
		    (s = note_new_thread(ap, id, e)) != ST_OK ||
		    (locked && (s = note_locked_by_file(ap, id, e)) != ST_OK))
			goto out;
		/* When each flag got its value: the file's times, or now for the home's own
		 * judgment (so the copy takes it back). */
		const char *lat = refused_state ? later_time(ap->now, locked_at) : locked_at;
		const char *pat = refused_state ? later_time(ap->now, pinned_at) : pinned_at;
		if ((lat && (s = set_change_time(ap, id, 1, lat, locked ? by : NULL, e)) != ST_OK) ||
		    (pat && (s = set_change_time(ap, id, 2, pat, pinned ? by : NULL, e)) != ST_OK))
			goto out;
		ap->r->applied++;
		if (refused_state) {
			snprintf(what, sizeof what, _("thread \"%s\": %s may not lock or pin it here"), title,
			         by ? by : author);
			s = conflict(ap, what, _("the thread is stored, neither locked nor pinned"), e);
		}
		goto out;
	}
	/* The thread is here: only its lock and pin can have changed. Each goes to the
	 * latest change (this side's or the file's). */
	our_lat = change_time(ap, id, 1);
	our_pat = change_time(ap, id, 2);
	bool take_l = (bool)locked != t.locked && flag_taken(ap, locked_at, our_lat, locked);
	bool take_p = (bool)pinned != t.pinned && flag_taken(ap, pinned_at, our_pat, pinned);
	bool nl = take_l ? (bool)locked : t.locked, np = take_p ? (bool)pinned : t.pinned;
	/* The same value on both sides: both keep the later time of it. That time decides
	 * the next "latest change", so on the home database only a moderator's counts (B2:
	 * a member's file could otherwise veto a coordinator's later lock). */
	bool may_time = !ap->home || may_moderate_as(ap, by, t.network_id);
	if (may_time && (bool)locked == t.locked && locked_at &&
	    (!our_lat || strcmp(locked_at, our_lat) > 0) &&
	    (s = set_change_time(ap, id, 1, locked_at, NULL, e)) != ST_OK)
		goto out;
	if (may_time && (bool)pinned == t.pinned && pinned_at &&
	    (!our_pat || strcmp(pinned_at, our_pat) > 0) &&
	    (s = set_change_time(ap, id, 2, pinned_at, NULL, e)) != ST_OK)
		goto out;
	if (!take_l && !take_p) {
		ap->r->present++;
		goto out;
	}
	if (ap->home) {
		bool ok;
		if (!by) {
			snprintf(what, sizeof what, _("thread \"%s\": locked or pinned without saying by whom"),
			         t.title);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		if ((s = actor_for(ap, by, &actor, &ok, e)) != ST_OK || !ok)
			goto out;
		if (!perm_can_moderate(&actor, t.network_id)) {
			snprintf(what, sizeof what, _("thread \"%s\": %s may not lock or pin it here"),
			         t.title, by);
			/* The home's own judgment, timed now: the copy takes it back. */
			if ((s = conflict(ap, what, kept_aside(), e)) == ST_OK && take_l)
				s = set_change_time(ap, id, 1, later_time(ap->now, locked_at), NULL, e);
			if (s == ST_OK && take_p)
				s = set_change_time(ap, id, 2, later_time(ap->now, pinned_at), NULL, e);
			goto out;
		}
	}
	/* Audited as the CLI's moderation is, before the times are set (the audit's
	 * triggers note now; the file's time is the one that counts). */
	if ((s = set_thread_state(ap, id, nl, np, e)) != ST_OK ||
	    (take_l && (s = sync_audit(ap, by, nl ? "lock" : "unlock", "thread", id, NULL, "",
	                               e)) != ST_OK) ||
	    (take_p && (s = sync_audit(ap, by, np ? "pin" : "unpin", "thread", id, NULL, "",
	                               e)) != ST_OK) ||
	    (take_l && (s = set_change_time(ap, id, 1, locked_at, by, e)) != ST_OK) ||
	    (take_p && (s = set_change_time(ap, id, 2, pinned_at, by, e)) != ST_OK) ||
	    (nl && !t.locked && (s = note_locked_by_file(ap, id, e)) != ST_OK))
		goto out;
	ap->r->applied++;
out:
	free(title), free(author), free(created), free(meeting_key), free(by);
	free(locked_at), free(pinned_at), free(our_lat), free(our_pat);
	free(t.title);
	account_clear(&au);
	account_clear(&actor);
	return s;
}

typedef struct {
	bool exists;
	int64_t thread_id, author_id;
	char *body, *edited_at, *hidden_reason;
	bool hidden;
} post_row;

static void post_row_clear(post_row *p)
{
	free(p->body), free(p->edited_at), free(p->hidden_reason);
	memset(p, 0, sizeof *p);
}

static status load_post(applier *ap, int64_t id, post_row *p, error *e)
{
	static const char sql[] = "SELECT thread_id, author_id, body, edited_at, hidden, hidden_reason"
	                          " FROM posts WHERE id = ?1";
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	status s = ST_OK;
	if (rc == SQLITE_ROW) {
		p->exists = true;
		p->thread_id = sqlite3_column_int64(st, 0);
		p->author_id = sqlite3_column_int64(st, 1);
		p->body = db_col_dup(st, 2);
		p->edited_at = db_col_dup(st, 3);
		p->hidden = sqlite3_column_int(st, 4);
		p->hidden_reason = db_col_dup(st, 5);
		if (!p->body || !p->edited_at || !p->hidden_reason)
			s = OOM(e);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(ap->d, rc, e, _("Reading the post"));
	}
	sqlite3_reset(st);
	return s;
}

static status insert_post_as(applier *ap, int64_t id, int64_t thread_id, int64_t parent_id,
                             int64_t author_id, const char *body, const char *created,
                             const char *edited, bool hidden, const char *reason, bool *placed,
                             error *e)
{
	static const char sql_parent[] = "SELECT path FROM posts WHERE id = ?1 AND thread_id = ?2";
	*placed = false;
	unsigned char *path = NULL;
	size_t plen = 0;
	if (parent_id) {
		sqlite3_stmt *st = db_stmt(ap->d, sql_parent, e);
		if (!st)
			return e ? e->code : ST_INTERNAL;
		sqlite3_bind_int64(st, 1, parent_id);
		sqlite3_bind_int64(st, 2, thread_id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			plen = (size_t)sqlite3_column_bytes(st, 0);
			/* B5: the reply tree's path grows with depth; a chain without end would
			 * grow the database with the square of its length. */
			if ((int64_t)(plen / PATH_STEP) >= ap->lim.depth) {
				sqlite3_reset(st);
				return err_set(e, ST_INVALID, ngettext("%s:%lld: a reply %lld level deep: over the "
				                                       "limit of reply depth (%lld); nothing was "
				                                       "applied",
				                                       "%s:%lld: a reply %lld levels deep: over the "
				                                       "limit of reply depth (%lld); nothing was "
				                                       "applied", (unsigned long)(plen / PATH_STEP + 1)),
				               ap->file, (long long)ap->line,
				               (long long)(plen / PATH_STEP + 1), (long long)ap->lim.depth);
			}
			path = malloc(plen + 1);
			if (path && plen)
				memcpy(path, sqlite3_column_blob(st, 0), plen);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return rc == SQLITE_DONE ? ST_OK : db_fail(ap->d, rc, e, _("Reading the post answered"));
	} else {
		path = malloc(1);
	}
	if (!path)
		return OOM(e);
	post_fields pf = { .id = id, .thread_id = thread_id, .parent_id = parent_id,
	                   .parent_path = path, .parent_len = plen, .author_id = author_id,
	                   .body = body, .created_at = created, .edited_at = edited,
	                   .hidden = hidden, .hidden_reason = reason };
	status s0 = forum_rows_post(ap->d, &pf, NULL, e);
	free(path);
	if (s0 == ST_OK)
		*placed = true;
	return s0;
}

static status later_edit_time(applier *ap, int64_t id, const char *edited, error *e)
{
	static const char sql[] = "UPDATE posts SET edited_at = ?2 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, edited, -1, SQLITE_STATIC);
	return step_done(ap->d, st, _("Saving the post"), e);
}

static status set_post_body(applier *ap, int64_t id, const char *old_body, const char *body,
                            const char *edited, error *e)
{
	static const char sql[] = "UPDATE posts SET body = ?2, edited_at = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
	if (edited)
		sqlite3_bind_text(st, 3, edited, -1, SQLITE_STATIC);
	status s0 = step_done(ap->d, st, _("Saving the post"), e);
	if (s0 != ST_OK)
		return s0;
	status s = search_unindex_post(ap->d, id, old_body, e);
	return s == ST_OK ? search_index_post(ap->d, id, body, e) : s;
}

static status keep_version(applier *ap, int64_t id, const char *edited, const char *body, error *e)
{
	static const char sql[] = "INSERT OR IGNORE INTO post_versions(post_id, edited_at, body, kept_at)"
	                          " VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, edited ? edited : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ap->now, -1, SQLITE_STATIC);
	return step_done(ap->d, st, _("Keeping the other version"), e);
}

static status set_hidden(applier *ap, int64_t id, bool hidden, const char *reason, error *e)
{
	static const char sql[] = "UPDATE posts SET hidden = ?2, hidden_reason = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(ap->d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, hidden);
	sqlite3_bind_text(st, 3, hidden ? (reason ? reason : "") : "", -1, SQLITE_STATIC);
	return step_done(ap->d, st, _("Changing the post"), e);
}

/* The later edit wins (a tie: the larger text, so both copies choose alike). */
static bool incoming_wins(const char *in_at, const char *in_body, const char *here_at,
                          const char *here_body)
{
	int c = strcmp(in_at ? in_at : "", here_at ? here_at : "");
	return c > 0 || (c == 0 && strcmp(in_body, here_body) > 0);
}

static status apply_post(applier *ap, error *e)
{
	int64_t id, tid, parent, hidden;
	char *author = NULL, *body = NULL, *created = NULL, *edited = NULL, *reason = NULL,
	     *base = NULL, *base_at = NULL, *by = NULL, *hid_by = NULL, *hidden_at = NULL,
	     *our_hat = NULL;
	account au, actor;
	memset(&au, 0, sizeof au);
	memset(&actor, 0, sizeof actor);
	thread_row t;
	memset(&t, 0, sizeof t);
	post_row p;
	memset(&p, 0, sizeof p);
	char what[600];
	status s;
	bool ok;
	if ((s = need_id(ap, "id", 1, &id, e)) != ST_OK ||
	    (s = need_id(ap, "thread", 1, &tid, e)) != ST_OK ||
	    (s = need_id(ap, "parent", 0, &parent, e)) != ST_OK ||
	    (s = need_int(ap, "hidden", 0, &hidden, e)) != ST_OK ||
	    (s = get_text(ap, "author", true, &author, e)) != ST_OK ||
	    (s = get_text(ap, "body", true, &body, e)) != ST_OK ||
	    (s = need_time(ap, "created_at", true, &created, e)) != ST_OK ||
	    (s = need_time(ap, "edited_at", false, &edited, e)) != ST_OK ||
	    (s = get_text(ap, "hidden_reason", false, &reason, e)) != ST_OK ||
	    (s = get_text(ap, "base", false, &base, e)) != ST_OK ||
	    (s = need_time(ap, "base_at", false, &base_at, e)) != ST_OK ||
	    (s = get_text(ap, "by", false, &by, e)) != ST_OK ||
	    (s = get_text(ap, "hid_by", false, &hid_by, e)) != ST_OK ||
	    (s = need_time(ap, "hidden_at", false, &hidden_at, e)) != ST_OK ||
	    (s = check_field(ap, "hidden_reason", reason, SYNC_REASON_MAX, false, e)) != ST_OK)
		goto out;
	/* Every time from a file is capped at now: a time to come would win every "latest
	 * change" and keep a thread on top. */
	cap_time(ap, &hidden_at);
	cap_time(ap, &created);
	cap_time(ap, &edited);
	hidden = hidden != 0;
	const bool in_hidden = hidden; /* as the line carries it */
	/* Who hid or showed it (files of schema 4 name one person for every change). */
	const char *hider = hid_by ? hid_by : by;
	/* Hidden posts of a public copy say "-": anything else must be a real text. */
	error why_not;
	if (forum_validate_text(NULL, body, &why_not) != ST_OK) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\": %s; nothing was applied"), ap->file,
		            (long long)ap->line, "body", why_not.msg);
		goto out;
	}
	if ((s = load_thread(ap, tid, &t, e)) != ST_OK || (s = load_post(ap, id, &p, e)) != ST_OK)
		goto out;
	if (!p.exists) {
		if (!t.exists) {
			snprintf(what, sizeof what, _("a post by %s in thread %lld, which is not here "
			                              "(deleted, or in a network this copy does not hold)"),
			         author, (long long)tid);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		if (!id_in_file_range(ap, id)) {
			snprintf(what, sizeof what, _("a post by %s with id %lld, outside the range of the "
			                              "copy that wrote the file"), author, (long long)id);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		/* Only a thread's first post has no parent: another would be a second root. */
		if (!parent && query_int(ap->d, "SELECT EXISTS (SELECT 1 FROM posts WHERE thread_id = ?)", tid, 0)) {
			snprintf(what, sizeof what, _("a post by %s in \"%s\" that says it is the thread's "
			                              "first post, which is here already"), author, t.title);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		if ((s = actor_for(ap, author, &au, &ok, e)) != ST_OK || !ok)
			goto out;
		error why;
		if (ap->home && perm_check_post(ap->d, &au, t.network_id, t.leaders_only, &why) != ST_OK) {
			snprintf(what, sizeof what, _("a post by %s in \"%s\": %s"), author, t.title, why.msg);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		bool locked_out = ap->home && t.locked && !perm_can_moderate(&au, t.network_id) &&
		                  !locked_by_file(ap, tid);
		/* Hidden on the way in: by a moderator, or it arrives shown. */
		if (ap->home && hidden && !may_moderate_as(ap, hider, t.network_id))
			hidden = 0;
		/* A reason goes only with a hidden post (members cannot set one). */
		const char *why_hidden = hidden ? reason : "";
		if (locked_out) {
			hidden = 1;
			why_hidden = _("written offline while the thread was locked; the coordinator may "
			               "show it");
		}
		bool placed;
		if ((s = insert_post_as(ap, id, tid, parent, au.id, body, created, edited, hidden,
		                        why_hidden, &placed, e)) != ST_OK)
			goto out;
		if (!placed) {
			snprintf(what, sizeof what, _("a reply by %s in \"%s\" to post %lld, which is not "
			                              "here"), author, t.title, (long long)parent);
			s = conflict(ap, what, kept_aside(), e);
			goto out;
		}
		if ((s = sync_audit(ap, author, "create", "post", id, NULL, NULL, e)) != ST_OK ||
		    (s = take_history(ap, id, e)) != ST_OK)
			goto out;
		/* When it got its hidden flag: the file's time, or now where the home judged
		 * otherwise (a reply to a locked thread, a hiding not allowed), so the copy
		 * takes the home's value back. */
		const char *hat = (bool)hidden != in_hidden ? later_time(ap->now, hidden_at) : hidden_at;
		if (hat && (s = set_change_time(ap, id, 0, hat, hidden ? hider : NULL, e)) != ST_OK)
			goto out;
		ap->r->applied++;
		if (locked_out) {
			snprintf(what, sizeof what, _("a reply by %s in \"%s\", which was locked here "
			                              "meanwhile"), author, t.title);
			s = conflict(ap, what, _("kept, hidden: the coordinator may show it"), e);
		}
		goto out;
	}
	if (p.thread_id != tid) {
		snprintf(what, sizeof what, _("post %lld is a different post here (another thread)"),
		         (long long)id);
		s = conflict(ap, what, kept_aside(), e);
		goto out;
	}
	bool changed = false;
	/* The text. Its version is its edited_at ("" for the first text). The file's text
	 * made on top of ours (our version is in its history): taken. Ours made on top of
	 * the file's (its version is in our history): ours stands, it is news for the other
	 * side. Neither: edited apart, a conflict. Files of schema 4 have no history: their
	 * base (the text before their change) says the same, less surely. */
	if (strcmp(p.body, body) != 0) {
		const char *our_vid = p.edited_at ? p.edited_at : "", *in_vid = edited ? edited : "";
		int rel; /* 1 take it, 0 keep ours, -1 edited apart */
		if (line_has_history(ap))
			rel = in_line_history(ap, our_vid) ? 1 : had_version(ap, id, in_vid) ? 0 : -1;
		else
			rel = base && strcmp(base, body) == 0 ? 0 : base && strcmp(base, p.body) == 0 ? 1 : -1;
		/* Whichever text wins, the home database takes an edit only from someone who may
		 * make it there: the post's author or a moderator of the network. */
		if (rel != 0 && ap->home) {
			const char *who = by ? by : author;
			if ((s = actor_for(ap, who, &actor, &ok, e)) != ST_OK || !ok)
				goto out;
			bool may = (actor.id == p.author_id && actor.role != ROLE_GUEST) ||
			           perm_can_moderate(&actor, t.network_id);
			if (!may) {
				snprintf(what, sizeof what, _("an edit of post %lld in \"%s\" by %s, who may "
				                              "not edit it"), (long long)id, t.title, who);
				s = conflict(ap, what, kept_aside(), e);
				goto out;
			}
		}
		const char *editor = by ? by : author;
		if (rel == 1) {
			if ((s = set_post_body(ap, id, p.body, body, edited, e)) != ST_OK ||
			    (s = sync_audit(ap, editor, "edit", "post", id, p.body, body, e)) != ST_OK ||
			    (s = take_history(ap, id, e)) != ST_OK)
				goto out;
			changed = true;
		} else if (rel < 0) {
			/* Edited in both copies: the later edit stays, the other is kept. Ours lost:
			 * it joins our history (a copy that has it takes the winner without a
			 * conflict). Ours won: the sender sees the two edits too and settles alike. */
			if (incoming_wins(edited, body, p.edited_at, p.body)) {
				if ((s = keep_version(ap, id, p.edited_at, p.body, e)) != ST_OK ||
				    (s = set_post_body(ap, id, p.body, body, edited, e)) != ST_OK ||
				    (s = sync_audit(ap, editor, "edit", "post", id, p.body, body, e)) != ST_OK ||
				    (s = take_history(ap, id, e)) != ST_OK)
					goto out;
				changed = true;
			} else if ((s = keep_version(ap, id, edited, body, e)) != ST_OK) {
				goto out;
			}
			snprintf(what, sizeof what, _("post %lld in \"%s\" was edited in both copies"),
			         (long long)id, t.title);
			s = conflict(ap, what, _("settled: the later edit stays; the other is kept as an "
			                         "earlier version"), e);
			if (s != ST_OK)
				goto out;
		}
	} else if (!ap->home && edited && strcmp(edited, p.edited_at) > 0 &&
	           (s = later_edit_time(ap, id, edited, e)) != ST_OK) {
		/* The same text on both sides with two edit times (the same edit made twice):
		 * a copy takes the home's later one. Not on the home database, where nothing
		 * checked who sent it; nor the file's history, for the same reason. */
		goto out;
	}
	/* Hidden or shown: the latest change wins (hiding on one side and editing on the
	 * other are two changes, both kept). */
	our_hat = change_time(ap, id, 0);
	/* B2: as for locks, only a moderator's time of an equal value counts at home. */
	if ((bool)hidden == p.hidden && hidden_at && (!our_hat || strcmp(hidden_at, our_hat) > 0) &&
	    (!ap->home || may_moderate_as(ap, hider, t.network_id)) &&
	    (s = set_change_time(ap, id, 0, hidden_at, NULL, e)) != ST_OK)
		goto out;
	if ((bool)hidden != p.hidden && flag_taken(ap, hidden_at, our_hat, hidden)) {
		if (ap->home) {
			if (!hider) {
				snprintf(what, sizeof what, _("post %lld in \"%s\": hidden or shown without saying "
				                              "by whom"), (long long)id, t.title);
				s = conflict(ap, what, kept_aside(), e);
				goto out;
			}
			account_clear(&actor);
			if ((s = actor_for(ap, hider, &actor, &ok, e)) != ST_OK || !ok)
				goto out;
			if (!perm_can_moderate(&actor, t.network_id)) {
				snprintf(what, sizeof what, _("post %lld in \"%s\": %s may not hide or show it "
				                              "here"), (long long)id, t.title, hider);
				/* The home's own judgment, timed now: the copy takes it back. */
				if ((s = conflict(ap, what, kept_aside(), e)) == ST_OK)
					s = set_change_time(ap, id, 0, later_time(ap->now, hidden_at), NULL, e);
				goto out;
			}
		}
		if ((s = set_hidden(ap, id, hidden, reason, e)) != ST_OK ||
		    (s = sync_audit(ap, hider, hidden ? "hide" : "unhide", "post", id, NULL,
		                    hidden && reason ? reason : "", e)) != ST_OK ||
		    (s = set_change_time(ap, id, 0, hidden_at, hider, e)) != ST_OK)
			goto out;
		changed = true;
	}
	if (changed)
		ap->r->applied++;
	else
		ap->r->present++;
out:
	free(author), free(body), free(created), free(edited), free(reason), free(base),
		free(base_at), free(by), free(hid_by), free(hidden_at), free(our_hat);
	free(t.title);
	post_row_clear(&p);
	account_clear(&au);
	account_clear(&actor);
	return s;
}

static status apply_read(applier *ap, error *e)
{
	int64_t tid, count, last;
	char *login = NULL;
	account a;
	memset(&a, 0, sizeof a);
	status s;
	if ((s = need_int(ap, "thread", 1, &tid, e)) != ST_OK ||
	    (s = need_int(ap, "read_count", 0, &count, e)) != ST_OK ||
	    (s = need_int(ap, "last_read_id", 0, &last, e)) != ST_OK ||
	    (s = get_text(ap, "account", true, &login, e)) != ST_OK)
		goto out;
	bool ok;
	if ((s = actor_for(ap, login, &a, &ok, e)) != ST_OK || !ok)
		goto out;
	bool moved;
	if ((s = readmark_merge(ap->d, a.id, tid, count, last, &moved, e)) != ST_OK)
		goto out;
	/* A mark for a thread not here (a network this copy lacks) has nothing to mark. */
	if (moved)
		ap->r->applied++;
	else
		ap->r->present++;
out:
	free(login);
	account_clear(&a);
	return s;
}

static status apply_draft(applier *ap, error *e)
{
	int64_t target;
	char *login = NULL, *kind = NULL, *deleted = NULL, *title = NULL, *body = NULL, *at = NULL;
	account a;
	memset(&a, 0, sizeof a);
	status s;
	if ((s = get_text(ap, "account", true, &login, e)) != ST_OK ||
	    (s = get_text(ap, "kind", true, &kind, e)) != ST_OK ||
	    (s = need_time(ap, "deleted", false, &deleted, e)) != ST_OK)
		goto out;
	jval tv;
	if ((s = jget(ap, "target", &tv, e)) != ST_OK)
		goto out;
	free(tv.s);
	if (!tv.present || !tv.is_int) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is missing or not a valid number; "
		                             "nothing was applied"), ap->file, (long long)ap->line,
		            "target");
		goto out;
	}
	target = tv.i;
	static const char *const kinds[] = { "thread", "reply", "edit", "practice", "meeting" };
	bool known = false;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		known |= strcmp(kind, kinds[i]) == 0;
	if (!known) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" has an unknown value; nothing was "
		                             "applied"), ap->file, (long long)ap->line, "kind");
		goto out;
	}
	if (!deleted && ((s = get_text(ap, "title", true, &title, e)) != ST_OK ||
	                 (s = get_text(ap, "body", true, &body, e)) != ST_OK ||
	                 (s = need_time(ap, "updated_at", true, &at, e)) != ST_OK ||
	                 (s = check_field(ap, "title", title, FORUM_TITLE_MAX, false, e)) != ST_OK ||
	                 (s = check_field(ap, "body", body, FORUM_BODY_MAX, true, e)) != ST_OK))
		goto out;
	cap_time(ap, &at);
	cap_time(ap, &deleted);
	/* The same limit as for a draft saved here. */
	if (!deleted && draft_validate(kind, title, body, NULL) != ST_OK) {
		size_t max = strcmp(kind, "practice") == 0 || strcmp(kind, "meeting") == 0
		             ? DRAFT_RECORD_MAX : FORUM_BODY_MAX;
		s = err_set(e, ST_INVALID, ngettext("%s:%lld: the draft is too long (at most %zu byte); "
		                                    "nothing was applied",
		                                    "%s:%lld: the draft is too long (at most %zu bytes); "
		                                    "nothing was applied", (unsigned long)max),
		            ap->file, (long long)ap->line, max);
		goto out;
	}
	bool ok;
	if ((s = actor_for(ap, login, &a, &ok, e)) != ST_OK || !ok)
		goto out;
	bool did;
	if ((s = deleted ? draft_delete_older(ap->d, a.id, kind, target, deleted, &did, e)
	                 : draft_merge(ap->d, a.id, kind, target, title, body, at, &did, e)) != ST_OK)
		goto out;
	/* B6: drafts per account are limited, so a file cannot fill the database. */
	if (did && !deleted &&
	    query_int(ap->d, "SELECT count(*) FROM drafts WHERE account_id = ?", a.id, 0) >
	        ap->lim.drafts) {
		s = err_set(e, ST_INVALID, ngettext("%s:%lld: more than %lld draft for %s: over the limit of "
		                                    "drafts per account; nothing was applied",
		                                    "%s:%lld: more than %lld drafts for %s: over the limit of "
		                                    "drafts per account; nothing was applied",
		                                    (unsigned long)ap->lim.drafts), ap->file,
		            (long long)ap->line, (long long)ap->lim.drafts, login);
		goto out;
	}
	/* A deletion of a draft not here (yet: files applied out of order) is remembered,
	 * so the draft arriving later does not come back. */
	if (deleted && !did) {
		static const char sql_tomb[] =
			"INSERT INTO sync_log(kind, k1, k2, k3, base)"
			" SELECT 'draft', ?1, ?3, ?2, ?4 WHERE NOT EXISTS (SELECT 1 FROM drafts"
			"   WHERE account_id = ?1 AND kind = ?2 AND target_id = ?3)"
			" ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET base = max(COALESCE(base, ''),"
			"   excluded.base)";
		sqlite3_stmt *st = db_stmt(ap->d, sql_tomb, e);
		if (!st) {
			s = e ? e->code : ST_INTERNAL;
			goto out;
		}
		sqlite3_bind_int64(st, 1, a.id);
		sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, target);
		sqlite3_bind_text(st, 4, deleted, -1, SQLITE_STATIC);
		if ((s = step_done(ap->d, st, _("Saving the draft"), e)) != ST_OK)
			goto out;
	}
	if (did)
		ap->r->applied++;
	else
		ap->r->present++;
out:
	free(login), free(kind), free(deleted), free(title), free(body), free(at);
	account_clear(&a);
	return s;
}

struct file_key {
	db *d;
	const char *file;
};

/* ---- practice transfers (schema 13; uptake.h) ----
 * One line per changed (practice, town) pair, keyed by the practice's key and the town's
 * name (ids differ between copies only for rows made in a copy, but these two are stable
 * everywhere). Rule: the later change (updated_at, or deleted_at for a removal) wins; when
 * the record was also changed here since the last export, the loser is listed as a
 * conflict. On the home database the writer must have the right to record for the town. */


static status apply_uptake(applier *ap, error *e)
{
	static const char sql_here[] =
		"SELECT u.id, u.status, u.note, u.updated_at, u.started_at,"
		"       EXISTS (SELECT 1 FROM uptake_log l WHERE l.practice_id = u.practice_id"
		"               AND l.city_id = u.city_id AND l.seq > COALESCE((SELECT CAST(value AS"
		"               INTEGER) FROM meta WHERE key = 'sync_uptakes_exported'), 0))"
		"  FROM uptakes u WHERE u.practice_id = ?1 AND u.city_id = ?2";
	/* The file's threads that are here. */
	static const char sql_threads[] =
		"SELECT t.id FROM threads t WHERE t.id IN"
		" (SELECT value FROM json_each(?1, '$.threads') WHERE json_type(?1, '$.threads') ="
		"  'array' AND type = 'integer')";
	char *key = NULL, *town = NULL, *stat = NULL, *note = NULL, *by = NULL, *started = NULL;
	char *updated = NULL, *deleted = NULL;
	char *h_status = NULL, *h_note = NULL, *h_updated = NULL;
	account au;
	memset(&au, 0, sizeof au);
	practice pr;
	memset(&pr, 0, sizeof pr);
	city c;
	memset(&c, 0, sizeof c);
	char what[768];
	status s;
	if ((s = get_text(ap, "practice", true, &key, e)) != ST_OK ||
	    (s = get_text(ap, "town", true, &town, e)) != ST_OK ||
	    (s = get_text(ap, "by", true, &by, e)) != ST_OK ||
	    (s = need_time(ap, "deleted_at", false, &deleted, e)) != ST_OK)
		goto out;
	if (!deleted &&
	    ((s = get_text(ap, "status", true, &stat, e)) != ST_OK ||
	     (s = get_text(ap, "note", false, &note, e)) != ST_OK ||
	     (s = need_time(ap, "started_at", true, &started, e)) != ST_OK ||
	     (s = need_time(ap, "updated_at", true, &updated, e)) != ST_OK ||
	     (s = check_field(ap, "note", note, UPTAKE_NOTE_MAX, true, e)) != ST_OK))
		goto out;
	/* Times capped at now, as for posts: a far-future time would win every later change. */
	cap_time(ap, &started);
	cap_time(ap, &updated);
	cap_time(ap, &deleted);
	if (stat && uptake_status_parse(stat) < 0) {
		s = err_set(e, ST_INVALID, _("%s:%lld: field \"%s\" is not one of the known values; "
		                             "nothing was applied"), ap->file, (long long)ap->line, "status");
		goto out;
	}
	bool ok;
	if ((s = actor_for(ap, by, &au, &ok, e)) != ST_OK || !ok)
		goto out;
	error e2;
	if (practice_get(ap->d, &au, 0, key, &pr, &e2) != ST_OK ||
	    directory_city(ap->d, town, &c, &e2) != ST_OK) {
		snprintf(what, sizeof what, _("%s's transfer of practice %s: the practice or the town is "
		                              "not here"), town, key);
		s = conflict(ap, what, kept_aside(), e);
		goto out;
	}
	if (ap->home && (!perm_can_record_uptake(ap->d, &au, c.id) || c.id == pr.city_id)) {
		snprintf(what, sizeof what, _("%s's transfer of practice %s, recorded by %s, who may not "
		                              "record for %s"), c.name, key, by, c.name);
		s = conflict(ap, what, kept_aside(), e);
		goto out;
	}
	sqlite3_stmt *st = db_stmt(ap->d, sql_here, e);
	if (!st) {
		s = e ? e->code : ST_INTERNAL;
		goto out;
	}
	sqlite3_bind_int64(st, 1, pr.id);
	sqlite3_bind_int64(st, 2, c.id);
	bool here = false, pending = false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		here = true;
		h_status = db_col_dup(st, 1);
		h_note = db_col_dup(st, 2);
		h_updated = db_col_dup(st, 3);
		pending = sqlite3_column_int(st, 5) != 0;
	}
	sqlite3_reset(st);
	if (here && (!h_status || !h_note || !h_updated)) {
		s = OOM(e);
		goto out;
	}
	const char *in_at = deleted ? deleted : updated;
	if (!here && deleted) {
		ap->r->present++;
		goto out;
	}
	if (here && !deleted && strcmp(h_updated, updated) == 0 && strcmp(h_status, stat) == 0 &&
	    strcmp(h_note, note ? note : "") == 0) {
		ap->r->present++;
		goto out;
	}
	/* The later change wins; on a tie, the one already here. */
	bool take = !here || strcmp(in_at, h_updated) > 0;
	if (here && pending) {
		char ours[128], theirs[128];
		snprintf(ours, sizeof ours, "%s (%s)", uptake_status_key((uptake_status)
		         uptake_status_parse(h_status)), h_updated);
		snprintf(theirs, sizeof theirs, "%s (%s)", deleted ? _("removed") : stat, in_at);
		snprintf(what, sizeof what, _("%s's transfer of practice %s was changed in both copies: "
		                              "here %s, in the file %s"), c.name, key, ours, theirs);
		if ((s = conflict(ap, what, take ? _("the file's later change was taken")
		                                 : _("the later change here was kept"), e)) != ST_OK)
			goto out;
	}
	if (!take) {
		ap->r->present++;
		goto out;
	}
	int64_t uid = 0;
	if (deleted) {
		s = uptake_rows_remove(ap->d, pr.id, c.id, deleted, by, &uid, NULL, 0, e);
	} else {
		uptake_fields u = { .practice_id = pr.id, .city_id = c.id, .status = stat,
		                    .note = note, .started_at = started, .updated_at = updated,
		                    .updated_by = by, .earliest_start = true };
		s = uptake_rows_put(ap->d, &u, &uid, e);
		if (s == ST_OK && !(st = db_stmt(ap->d, sql_threads, e)))
			s = e ? e->code : ST_INTERNAL;
		if (s == ST_OK) {
			/* The ids first: the link uses a statement of its own. */
			sqlite3_bind_text(st, 1, ap->text, -1, SQLITE_STATIC);
			int64_t *ids = NULL;
			size_t n = 0, cap = 0;
			int rc;
			while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
				if (db_grow((void **)&ids, &cap, n, sizeof *ids))
					s = OOM(e);
				else
					ids[n++] = sqlite3_column_int64(st, 0);
			}
			sqlite3_reset(st);
			if (s == ST_OK && rc != SQLITE_DONE)
				s = db_fail(ap->d, rc, e, _("Saving the practice transfer"));
			for (size_t i = 0; s == ST_OK && i < n; i++)
				s = uptake_rows_link_thread(ap->d, uid, ids[i], e);
			free(ids);
		}
	}
	if (s != ST_OK)
		goto out;
	snprintf(what, sizeof what, "%s <- %s: %s", key, c.name, deleted ? "-" : stat);
	if ((s = sync_audit(ap, by, deleted ? "delete" : "edit", "uptake", pr.id, h_status, what,
	                    e)) != ST_OK)
		goto out;
	ap->r->applied++;
out:
	free(key), free(town), free(stat), free(note), free(by), free(started), free(updated);
	free(deleted), free(h_status), free(h_note), free(h_updated);
	account_clear(&au);
	practice_clear(&pr);
	city_clear(&c);
	return s;
}


/* A file of another database would fail its signature (no copy of this one wrote it):
 * its header says so more helpfully, read before the signature is checked. */
static bool of_another_family(db *d, const char *data, size_t len)
{
	static const char sql[] = "SELECT json_extract(?1, '$.family') WHERE json_valid(?1)";
	size_t ml = strlen(SYNC_MAGIC);
	if (len <= ml || memcmp(data, SYNC_MAGIC, ml) != 0)
		return false;
	const char *h = data + ml, *nl = memchr(h, '\n', len - ml);
	if (!nl)
		return false;
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, h, (int)(nl - h), SQLITE_STATIC);
	bool other = false;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
		char *mine = db_meta_get(d, "family");
		other = !mine || strcmp(mine, (const char *)sqlite3_column_text(st, 0)) != 0;
		free(mine);
	}
	sqlite3_reset(st);
	return other;
}

static status file_key(void *ctx, int64_t site, unsigned char key[32], error *e)
{
	struct file_key *k = ctx;
	return synckey_get(k->d, k->file, site, key, e);
}

static status apply_header(applier *ap, int64_t *site, error *e)
{
	char *family = NULL;
	int64_t schema;
	status s;
	if ((s = get_text(ap, "family", true, &family, e)) != ST_OK ||
	    (s = need_int(ap, "site", 0, site, e)) != ST_OK ||
	    (s = need_int(ap, "schema", 1, &schema, e)) != ST_OK) {
		free(family);
		return s;
	}
	ap->file_schema = schema;
	char *mine = db_meta_get(ap->d, "family");
	if (!mine || strcmp(mine, family) != 0)
		s = err_set(e, ST_INVALID, _("%s: this file comes from another EMPIRIE database (not "
		                             "this one or a copy of it); nothing was applied"), ap->file);
	else if (schema > db_schema_version())
		s = err_set(e, ST_INVALID, _("%s: written by a newer empirie (schema %lld); update "
		                             "empirie first; nothing was applied"), ap->file,
		            (long long)schema);
	else if (*site == own_site(ap->d))
		s = err_set(e, ST_INVALID, _("%s: this file was written by this very copy; apply it "
		                             "on the other one; nothing was applied"), ap->file);
	else if (!ap->home && *site != 0)
		s = err_set(e, ST_DENIED, _("%s: an offline copy takes files from its home database "
		                            "only, and this one says it comes from copy %lld; nothing "
		                            "was applied"), ap->file, (long long)*site);
	else if (ap->home && *site != ap->signer)
		s = err_set(e, ST_DENIED, _("%s: the file says it comes from copy %lld, but its "
		                            "signature is copy %lld's; nothing was applied"), ap->file,
		            (long long)*site, (long long)ap->signer);
	free(mine);
	free(family);
	return s;
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
	status s = read_file(path, &data, &len, e);
	if (s != ST_OK)
		return s;
	applier ap = { .d = d, .me = a, .file = path, .r = r, .fn = fn, .ctx = ctx };
	int64_t here = own_site(d);
	ap.home = here == 0;
	/* The home database checks the signature of the copy that wrote the file; a copy,
	 * its own (only the home database and the copy itself have that secret). */
	struct file_key fk = { d, path };
	sync_file_shape shape;
	if (of_another_family(d, data, len)) {
		s = err_set(e, ST_INVALID, _("%s: this file comes from another EMPIRIE database (not "
		                             "this one or a copy of it); nothing was applied"), path);
		goto done;
	}
	if ((s = sync_file_verify(data, len, path, ap.home ? -1 : here, file_key, &fk, &shape,
	                          e)) != ST_OK)
		goto done;
	int64_t first = shape.first_op, n = shape.n_ops;
	ap.signer = shape.signer;
	/* Limits of a file: over one, it is refused whole before anything is read. The
	 * number and size matter where others write (the home database holds the write
	 * lock while it applies); a copy takes files signed by its home only. */
	sync_limits_get(d, &ap.lim);
	if (ap.home && n > ap.lim.changes) {
		s = err_set(e, ST_INVALID, ngettext("%s: %lld change: over the limit of changes in one file "
		                                    "(%lld); nothing was applied",
		                                    "%s: %lld changes: over the limit of changes in one file "
		                                    "(%lld); nothing was applied", (unsigned long)n),
		            path, (long long)n,
		            (long long)ap.lim.changes);
		goto done;
	}
	if (ap.home && (int64_t)len > ap.lim.bytes) {
		s = err_set(e, ST_INVALID, ngettext("%s: %lld byte: over the limit of the size of one file "
		                                    "(%lld bytes); nothing was applied",
		                                    "%s: %lld bytes: over the limit of the size of one file "
		                                    "(%lld bytes); nothing was applied", (unsigned long)len),
		            path, (long long)len,
		            (long long)ap.lim.bytes);
		goto done;
	}
	/* The audit's "from where" of every change: the copy, and who applied the file. */
	if (ap.home)
		snprintf(ap.client, sizeof ap.client, _("sync: copy %lld, applied by %s"),
		         (long long)shape.signer, a->login);
	else
		snprintf(ap.client, sizeof ap.client, _("sync: the home database, applied by %s"),
		         a->login);
	synckey_digest_hex(data, shape.signed_len, ap.sum);
	db_now(ap.now, sizeof ap.now);
	r->ops = n;
	if ((s = db_begin(d, e)) != ST_OK)
		goto done;
	/* The same file again: nothing to do. */
	sqlite3_stmt *st = db_stmt(d, "SELECT at FROM sync_applied WHERE file_sum = ?1", e);
	if (!st) {
		s = e ? e->code : ST_INTERNAL;
		goto fail;
	}
	sqlite3_bind_text(st, 1, ap.sum, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		r->already = true;
		snprintf(r->already_at, sizeof r->already_at, "%s", sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (r->already) {
		db_rollback(d);
		goto done;
	}
	/* Walk the lines: the header (line 2), then one change per line. */
	char *p = data + strlen(SYNC_MAGIC);
	int64_t site = 0;
	for (int64_t line = 2; line < first + n; line++) {
		char *nl = strchr(p, '\n');
		*nl = '\0';
		ap.line = line;
		ap.text = p;
		if (line == 2) {
			if ((s = apply_header(&ap, &site, e)) != ST_OK)
				goto fail;
			ap.file_site = site;
			if (ap.home) {
				char key[48];
				snprintf(key, sizeof key, "site_owner.%lld", (long long)site);
				ap.owner = db_meta_get(d, key);
			}
		} else {
			char *op = NULL;
			if ((s = get_text(&ap, "op", true, &op, e)) != ST_OK)
				goto fail;
			if (strcmp(op, "thread") == 0)
				s = apply_thread(&ap, e);
			else if (strcmp(op, "post") == 0)
				s = apply_post(&ap, e);
			else if (strcmp(op, "accept") == 0)
				s = apply_accept(&ap, e);
			else if (strcmp(op, "read") == 0)
				s = apply_read(&ap, e);
			else if (strcmp(op, "draft") == 0)
				s = apply_draft(&ap, e);
			else if (strcmp(op, "uptake") == 0)
				s = apply_uptake(&ap, e);
			else
				s = err_set(e, ST_INVALID, _("%s:%lld: unknown change \"%s\"; nothing was "
				                             "applied"), path, (long long)line, op);
			free(op);
			if (s != ST_OK)
				goto fail;
		}
		p = nl + 1;
	}
	if ((s = new_threads_have_roots(&ap, e)) != ST_OK)
		goto fail;
	if (!(st = db_stmt(d, "INSERT INTO sync_applied(file_sum, at, site, ops) VALUES (?1, ?2, ?3, ?4)",
	                   e))) {
		s = e ? e->code : ST_INTERNAL;
		goto fail;
	}
	sqlite3_bind_text(st, 1, ap.sum, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ap.now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, site);
	sqlite3_bind_int64(st, 4, n);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s = db_fail(d, rc, e, _("Saving the sync state"));
		goto fail;
	}
	s = db_commit(d, e);
	if (s == ST_OK)
		for (size_t i = 0; i < ap.n_told; i++)
			fn(ctx, path, ap.told[i].line, ap.told[i].what, ap.told[i].outcome);
	goto done;
fail:
	db_rollback(d);
	r->applied = r->present = r->conflicts = 0;
done:
	told_free(&ap);
	free(ap.locked_by_file);
	free(ap.new_threads);
	free(ap.owner);
	free(data);
	return s;
}

/* ---- withdrawing a copy ---- */

status sync_revoke(db *d, const account *a, int64_t site, error *e)
{
	if (a->role != ROLE_ADMIN || own_site(d) != 0)
		return err_set(e, ST_DENIED, _("Only an administrator, on the home database, may "
		                               "withdraw an offline copy"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	if ((s = synckey_revoke(d, site, e)) == ST_OK) {
		char detail[64];
		snprintf(detail, sizeof detail, "%lld", (long long)site);
		s = audit_append(d, a, "withdraw", "offline copy", site, NULL, detail, e);
	}
	if (s != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}

/* ---- status and conflicts ---- */

status sync_get_status(db *d, sync_status *out, error *e)
{
	(void)e;
	memset(out, 0, sizeof *out);
	out->site = own_site(d);
	char *v = db_meta_get(d, "sync_log");
	out->logging = v && strcmp(v, "1") == 0;
	free(v);
	v = db_meta_get(d, "family");
	snprintf(out->family, sizeof out->family, "%s", v ? v : "");
	free(v);
	v = db_meta_get(d, "owner");
	snprintf(out->owner, sizeof out->owner, "%s", v ? v : "");
	free(v);
	int64_t since = query_int(d, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sync_exported'",
	                          0, 0);
	out->pending = query_int(d, "SELECT count(*) FROM sync_log WHERE seq > ?1", since, 0);
	/* and the practice transfers, logged apart (schema 13) */
	since = query_int(d, "SELECT CAST(value AS INTEGER) FROM meta"
	                     " WHERE key = 'sync_uptakes_exported'", 0, 0);
	out->pending += query_int(d, "SELECT count(*) FROM uptake_log WHERE seq > ?1", since, 0);
	out->conflicts = query_int(d, "SELECT count(*) FROM sync_conflicts", 0, 0);
	out->applied_files = query_int(d, "SELECT count(*) FROM sync_applied", 0, 0);
	return ST_OK;
}

status sync_list_conflicts(db *d, const account *a, sync_conflict_row_fn fn, void *ctx, error *e)
{
	static const char sql[] = "SELECT at, line, what, outcome FROM sync_conflicts ORDER BY id";
	if (a->role != ROLE_ADMIN && own_site(d) == 0)
		return err_set(e, ST_DENIED, _("Only an administrator may read the conflicts of the home "
		                               "database"));
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		   (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Reading the conflicts"));
}
