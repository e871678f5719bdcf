/* keysfile.h — the SSH keys file that `empirie admin add-key` keeps (sshd reads it
 * through AuthorizedKeysFile): checked to be out of the service account's reach, read
 * whole, and replaced atomically (a new file beside it, then rename). */
#ifndef EMPIRIE_CLI_KEYSFILE_H
#define EMPIRIE_CLI_KEYSFILE_H

#include <stddef.h>
#include <sys/types.h>

#include "core/error.h"

typedef struct {
	char **lines;  /* each with its '\n' */
	size_t n, cap;
} keys_lines;

/* Lock the file's directory (flock) so two admins do not lose each other's change;
 * returns the fd to pass to keysfile_unlock, or -1 with *e set. Refuses a file (or,
 * when the file does not exist yet, a directory) that is a link, that group or others
 * may write, that is owned by anyone but root or the caller, or that the service
 * account (service_uid, the database's owner) owns unless it is root. */
int keysfile_lock(const char *path, uid_t service_uid, error *e);
void keysfile_unlock(int fd);
/* Whether every directory on the way to path, from /, is out of the service account's
 * reach by the same rule (a sticky directory of root's, like /tmp, may be writable by
 * all): none may be a link, since whoever may change one could swap the whole keys
 * directory. ST_OK or *e naming the first that fails. */
status keysfile_place_safe(const char *path, uid_t service_uid, error *e);
/* Read the lines (none when the file does not exist). */
status keysfile_read(const char *path, keys_lines *out, error *e);
/* Append a copy of line; 0 or -1 (out of memory). */
int keys_lines_add(keys_lines *l, const char *line);
/* Write l to a new file beside path (mkstemp: O_EXCL, unpredictable name), mode 0644,
 * synced, then rename it over path and sync the directory. */
status keysfile_write(const char *path, const keys_lines *l, error *e);
void keys_lines_free(keys_lines *l);

#endif
