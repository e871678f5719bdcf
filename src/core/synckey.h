/* synckey.h — the secrets that bind a sync file to the copy that wrote it.
 *
 * Each full copy gets a random secret when it is issued (sync_keys, schema 10): the
 * home database keeps every copy's, the copy only its own, a public copy none. A file
 * is signed with HMAC-SHA-256 (nettle) over its whole content: a copy signs with its
 * own secret, the home database with the secret of each copy it may go to, so a copy's
 * holder can sign only as her copy. doc/SYNC.md has the threat model. */
#ifndef EMPIRIE_CORE_SYNCKEY_H
#define EMPIRIE_CORE_SYNCKEY_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/error.h"

#define SYNC_KEY_LEN 32

/* Home database, inside the caller's transaction: a new secret for copy `site`. */
status synckey_issue(db *d, int64_t site, error *e);
/* The secret of copy `site` as this database knows it. A file name for the messages:
 * a copy never issued (or taken before files were signed) and a copy withdrawn are
 * refused with a message that says which. */
status synckey_get(db *d, const char *file, int64_t site, unsigned char key[SYNC_KEY_LEN],
                   error *e);
/* Home database: withdraw copy `site` (re-issued or lost): its files are refused from
 * now on, and the home database's files are no longer signed for it. */
status synckey_revoke(db *d, int64_t site, error *e);

/* HMAC-SHA-256 of data with key, and SHA-256 of data, as lowercase hex. */
void synckey_mac_hex(const unsigned char key[SYNC_KEY_LEN], const char *data, size_t len,
                     char hex[65]);
void synckey_digest_hex(const char *data, size_t len, char hex[65]);
/* Two hex strings of 64 characters, compared in constant time. */
int synckey_mac_equal(const char *a, const char *b);

#endif
