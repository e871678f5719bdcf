/* backup.h — the administrator's backup and restore of the whole store: a page-for-page
 * copy taken while others write (SQLite's online backup API reads one snapshot), put in
 * place atomically (safefile.h) and verified with the checks of `empirie check`; and
 * the way back, into the live file through SQLite's own locking, so sessions that have
 * it open simply see the restored contents at their next refresh. */
#ifndef EMPIRIE_CORE_BACKUP_H
#define EMPIRIE_CORE_BACKUP_H

#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

typedef struct {
	int64_t posts, accounts, bytes;
} backup_info;

/* Write a verified copy of d to path (which must not exist, nor be a link), 0600.
 * Administrators only. A copy that fails the checks is removed and the first problems
 * are in the error. */
status backup_write(db *d, const account *a, const char *path, backup_info *info, error *e);

/* Replace the contents of d with the backup at file: it is copied beside d, upgraded if
 * it is older, and verified first; then d's current contents are kept aside under
 * *aside (newly allocated, "DB.replaced-TIME", 0600) and the backup is written into d in
 * one transaction that other sessions wait for. Administrators only. */
status backup_restore(db *d, const account *a, const char *file, char **aside,
                      backup_info *info, error *e);

#endif
