/* synckey.c — see synckey.h. */
#include "config.h"

#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/synckey.h"
#include "i18n.h"

status synckey_issue(db *d, int64_t site, error *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO sync_keys(site, secret, issued_at) VALUES (?1, ?2, ?3)";
	unsigned char key[SYNC_KEY_LEN];
	/* SQLite's generator, seeded from the system's randomness. */
	sqlite3_randomness(sizeof key, key);
	char now[32];
	db_now(now, sizeof now);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, site);
	sqlite3_bind_blob(st, 2, key, sizeof key, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	memset(key, 0, sizeof key);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Saving the offline copy's key"));
}

status synckey_get(db *d, const char *file, int64_t site, unsigned char key[SYNC_KEY_LEN],
                   error *e)
{
	static const char sql[] =
		"SELECT secret, revoked_at FROM sync_keys WHERE site = ?1";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, site);
	int rc = sqlite3_step(st);
	status s = ST_OK;
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == SYNC_KEY_LEN &&
	    sqlite3_column_type(st, 1) == SQLITE_NULL) {
		memcpy(key, sqlite3_column_blob(st, 0), SYNC_KEY_LEN);
	} else if (rc == SQLITE_ROW && sqlite3_column_type(st, 1) != SQLITE_NULL) {
		s = err_set(e, ST_DENIED, _("%s: offline copy %lld was withdrawn on %s (re-issued or "
		                            "lost): files it wrote are no longer taken; nothing was "
		                            "applied"), file, (long long)site,
		            (const char *)sqlite3_column_text(st, 1));
	} else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		s = err_set(e, ST_DENIED, _("%s: signed as offline copy %lld, which this database did "
		                            "not issue (or issued before files were signed: take a new "
		                            "copy); nothing was applied"), file, (long long)site);
	} else {
		s = db_fail(d, rc, e, _("Reading the offline copy's key"));
	}
	sqlite3_reset(st);
	return s;
}

status synckey_revoke(db *d, int64_t site, error *e)
{
	static const char sql[] =
		"UPDATE sync_keys SET revoked_at = ?2 WHERE site = ?1 AND revoked_at IS NULL";
	char now[32];
	db_now(now, sizeof now);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, site);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(d, rc, e, _("Saving the offline copy's key"));
	if (sqlite3_changes(db_handle(d)) == 0)
		return err_set(e, ST_NOTFOUND, _("No offline copy %lld to withdraw (never issued, "
		                                 "withdrawn already, or taken before files were "
		                                 "signed)"), (long long)site);
	return ST_OK;
}

static void to_hex(const uint8_t *d, size_t n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * n] = '\0';
}

void synckey_mac_hex(const unsigned char key[SYNC_KEY_LEN], const char *data, size_t len,
                     char hex[65])
{
	struct hmac_sha256_ctx c;
	uint8_t dig[SHA256_DIGEST_SIZE];
	hmac_sha256_set_key(&c, SYNC_KEY_LEN, key);
	hmac_sha256_update(&c, len, (const uint8_t *)data);
	hmac_sha256_digest(&c, sizeof dig, dig);
	to_hex(dig, sizeof dig, hex);
	memset(&c, 0, sizeof c);
}

void synckey_digest_hex(const char *data, size_t len, char hex[65])
{
	struct sha256_ctx c;
	uint8_t dig[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	sha256_update(&c, len, (const uint8_t *)data);
	sha256_digest(&c, sizeof dig, dig);
	to_hex(dig, sizeof dig, hex);
}

int synckey_mac_equal(const char *a, const char *b)
{
	return memeql_sec(a, b, 64);
}
