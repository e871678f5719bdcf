/* sync_export.c — writing a sync file (sync.h; the format is in sync_format.c): the
 * changes logged since the last export, one JSON line each, signed for each copy that
 * may take the file. */
#include "config.h"

#include <errno.h>
#include <nettle/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/db_priv.h"
#include "core/feedback_fields.h"
#include "core/forum_fields.h"
#include "core/safefile.h"
#include "core/sync.h"
#include "core/sync_priv.h"
#include "core/synckey.h"
#include "core/uptake_fields.h"
#include "i18n.h"

/* ---- export ---- */

/* One JSON object per changed row, threads before posts, posts in reading order (a
 * reply after what it answers), then read marks and drafts. ?1: the last seq exported.
 * A thread's and a post's keys and values: forum_fields.h. */
static const char sql_ex_threads[] =
	"SELECT json_object('op', 'thread'" THREAD_SYNC_PAIRS ")"
	" FROM sync_log l JOIN threads t ON t.id = l.k1 JOIN networks n ON n.id = t.network_id"
	" JOIN accounts a ON a.id = t.author_id"
	" WHERE l.kind = 'thread' AND l.k3 = '' AND l.seq > ?1 ORDER BY t.id";
static const char sql_ex_posts[] =
	"SELECT json_object('op', 'post'" POST_SYNC_PAIRS ")"
	" FROM sync_log l JOIN posts p ON p.id = l.k1 JOIN accounts a ON a.id = p.author_id"
	" WHERE l.kind = 'post' AND l.seq > ?1 ORDER BY p.thread_id, p.path";
/* The answer that helped a feedback request (feedback.h), after the posts it names;
 * noted as kind 'thread' with k3 'accept' (schema 11). Its fields: feedback_fields.h. */
static const char sql_ex_accepts[] =
	"SELECT json_object('op', 'accept'" FEEDBACK_ACCEPT_PAIRS ")"
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

/* Practice transfers (see sync_apply_uptake): the synced fields of uptake_fields.h. */
static const char sql_ex_uptakes[] =
	"SELECT json_object('op', 'uptake'" UPTAKE_SYNC_PAIRS ")"
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
		return err_code(e);
	sqlite3_bind_int64(st, 1, site);
	status s = ST_OK;
	int rc;
	while (s == ST_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&h->site, &h->cap_site, h->n, sizeof *h->site) ||
		    db_grow((void **)&h->mac, &h->cap_mac, h->n, sizeof *h->mac)) {
			s = err_oom(e);
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

/* Whether a may export this database's changes: its family (newly allocated) and its
 * copy number when so. */
static status export_allowed(db *d, const account *a, int64_t *site, char **family, error *e)
{
	*family = NULL;
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("This copy is read-only: nothing was written in it, so "
		                                 "there is nothing to send"));
	char *public_copy;
	status s = sync_meta_get(d, "snapshot_public", &public_copy, e);
	if (s != ST_OK)
		return s;
	bool pub = public_copy && strcmp(public_copy, "1") == 0;
	free(public_copy);
	if (pub)
		return err_set(e, ST_DENIED, _("A public copy is for reading; it has nothing to send"));
	if ((s = sync_own_site(d, site, e)) != ST_OK)
		return s;
	if (a->role == ROLE_GUEST || (*site == 0 && a->role != ROLE_ADMIN))
		return err_set(e, ST_DENIED, _("Only an administrator may export the changes of the "
		                               "home database (a copy's owner may export the copy's)"));
	char *fam;
	if ((s = sync_meta_get(d, "family", &fam, e)) != ST_OK)
		return s;
	if (!fam || !*fam) {
		free(fam);
		return err_set(e, ST_INVALID, _("No offline copy has been taken of this database yet, "
		                                "so there is nothing to sync with (see 'empirie "
		                                "snapshot')"));
	}
	*family = fam;
	return ST_OK;
}

/* The magic line and the header. */
static status write_head(FILE *f, signers *h, const char *family, int64_t site, int64_t since,
                         int64_t upto, error *e)
{
	char now[32];
	db_now(now, sizeof now);
	char header[512];
	int hn = snprintf(header, sizeof header,
	                  "{\"family\":\"%s\",\"site\":%lld,\"schema\":%d,\"created_at\":\"%s\","
	                  "\"since\":%lld,\"upto\":%lld}",
	                  family, (long long)site, db_schema_version(), now, (long long)since,
	                  (long long)upto);
	if (hn < 0 || (size_t)hn >= sizeof header)
		return err_set(e, ST_INTERNAL, _("The sync header is too long"));
	if (write_line(f, h, SYNC_MAGIC, strlen(SYNC_MAGIC) - 1) != ST_OK ||
	    write_line(f, h, header, (size_t)hn) != ST_OK)
		return ST_IO;
	return ST_OK;
}

/* One line per row of an export query (?1: since), counted in *ops. */
static status write_rows(db *d, FILE *f, signers *h, const char *sql, int64_t since,
                         int64_t *ops, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, since);
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (!line)
			continue;
		if (write_line(f, h, line, (size_t)sqlite3_column_bytes(st, 0)) != ST_OK) {
			s = ST_IO;
			break;
		}
		(*ops)++;
	}
	sqlite3_reset(st);
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the changes"));
	return s;
}

/* Where the export starts and ends: the changes of sync_log after *since up to *upto;
 * the practice transfers, their own log and high-water mark (schema 13), after *up_since
 * up to *up_upto. all: from the start. */
static status export_marks(db *d, bool all, int64_t *since, int64_t *upto, int64_t *up_since,
                           int64_t *up_upto, error *e)
{
	status s = ST_OK;
	if (!all)
		s = sync_query_int(d, "SELECT CAST(value AS INTEGER) FROM meta"
		                      " WHERE key = 'sync_exported'", 0, 0, since, e);
	if (s == ST_OK && !all)
		s = sync_query_int(d, "SELECT CAST(value AS INTEGER) FROM meta"
		                      " WHERE key = 'sync_uptakes_exported'", 0, 0, up_since, e);
	if (s == ST_OK)
		s = sync_query_int(d, "SELECT max(seq) FROM sync_log", 0, 0, upto, e);
	if (s == ST_OK)
		s = sync_query_int(d, "SELECT max(seq) FROM uptake_log", 0, 0, up_upto, e);
	return s;
}

/* The END line, then one SIGN line per signer. */
static status write_end(FILE *f, signers *h, int64_t ops)
{
	char end[48];
	int en = snprintf(end, sizeof end, "END %lld", (long long)ops);
	status s = write_line(f, h, end, (size_t)en);
	for (size_t i = 0; s == ST_OK && i < h->n; i++) {
		uint8_t dig[SHA256_DIGEST_SIZE];
		hmac_sha256_digest(&h->mac[i], sizeof dig, dig);
		if (fprintf(f, "SIGN %lld ", (long long)h->site[i]) < 0)
			s = ST_IO;
		for (size_t k = 0; s == ST_OK && k < sizeof dig; k++)
			if (fprintf(f, "%02x", dig[k]) < 0)
				s = ST_IO;
		if (s == ST_OK && fputc('\n', f) == EOF)
			s = ST_IO;
	}
	return s;
}

status sync_export(db *d, const account *a, const char *path, bool all, int64_t *ops, error *e)
{
	*ops = 0;
	int64_t site = 0;
	char *family;
	status s = export_allowed(d, a, &site, &family, e);
	if (s != ST_OK)
		return s;
	/* A new file under an unpredictable name beside path, 0600 whatever the umask (it
	 * may carry the leaders' texts), renamed into place when complete. */
	safefile sf;
	if ((s = safefile_open(&sf, path, false, e)) != ST_OK) {
		free(family);
		return s;
	}
	if ((s = db_begin(d, e)) != ST_OK) {
		safefile_abort(&sf);
		free(family);
		return s;
	}
	int64_t since = 0, upto = 0, up_since = 0, up_upto = 0;
	if ((s = export_marks(d, all, &since, &upto, &up_since, &up_upto, e)) != ST_OK)
		goto out;
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
	s = write_head(f, &h, family, site, since, upto, e);
	static const char *const queries[] = { sql_ex_threads, sql_ex_posts, sql_ex_accepts,
	                                       sql_ex_reads, sql_ex_drafts };
	for (size_t q = 0; s == ST_OK && q < sizeof queries / sizeof queries[0]; q++)
		s = write_rows(d, f, &h, queries[q], since, ops, e);
	/* Practice transfers: their own log and high-water mark (schema 13). */
	if (s == ST_OK)
		s = write_rows(d, f, &h, sql_ex_uptakes, up_since, ops, e);
	if (s == ST_OK)
		s = write_end(f, &h, *ops);
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
		s = sync_meta_set_int(d, "sync_exported", upto, e);
	if (s == ST_OK && up_upto > up_since)
		s = sync_meta_set_int(d, "sync_uptakes_exported", up_upto, e);
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
