/* safefile.h — every file the program writes goes through here: it is made under an
 * unpredictable name beside its destination (a private folder from mkdtemp, then
 * O_CREAT|O_EXCL|O_NOFOLLOW inside it: never a link someone laid there, nor a side file
 * of SQLite's), mode 0600 whatever the umask, written, synced, and only then renamed
 * into place; on failure nothing is left behind. */
#ifndef EMPIRIE_CORE_SAFEFILE_H
#define EMPIRIE_CORE_SAFEFILE_H

#include <stdbool.h>

#include "core/error.h"

typedef struct {
	char *dest; /* where the file goes */
	char *holder; /* a private folder (0700) beside dest, holding tmp */
	char *tmp;  /* its temporary name, inside holder */
	int fd;     /* open for writing; -1 once closed */
	bool made;  /* tmp exists and is ours to remove */
} safefile;

/* Make the temporary file for dest. no_clobber: dest must not exist (it is checked
 * again when the file is put in place). */
status safefile_open(safefile *f, const char *dest, bool no_clobber, error *e);
/* Close the descriptor (after an fsync), keeping the temporary file: for writers that
 * need the name (SQLite's VACUUM INTO writes into the empty file). */
status safefile_close_fd(safefile *f, error *e);
/* Sync and put the file in place (atomically; with no_clobber, never over a file that
 * appeared meanwhile), then sync the folder. Frees f; on failure the temporary file is
 * removed. */
status safefile_commit(safefile *f, bool no_clobber, error *e);
/* A scratch file that is never put in place (the external editor's): template ends in
 * XXXXXX, as for mkstemp, which this is, plus mode 0600 whatever the umask and
 * close-on-exec. Returns the descriptor or -1 with errno set. */
int safefile_scratch(char *template);
/* Remove the temporary file (and SQLite's side files of it) and free f. */
void safefile_abort(safefile *f);

#endif
