/* test_safefile.c — the temporary file of a safe write lives in a folder that nobody
 * else can add names to. SQLite opens side files of it by name (NAME-journal, -wal,
 * -shm) without O_EXCL: in a shared folder such as /tmp another user who sees the
 * temporary name appear could lay a file or link there first and receive the pages of
 * the copy (a full snapshot holds drafts, private contacts and the leaders' texts). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/safefile.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-unit.XXXXXX";

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	/* A shared folder like /tmp: everyone may add names, the sticky bit set. */
	char shared[256], dest[300];
	snprintf(shared, sizeof shared, "%s/shared", dir);
	mkdir(shared, 0700);
	chmod(shared, 01777);
	snprintf(dest, sizeof dest, "%s/copy.db", shared);

	safefile f;
	error e;
	int rc = safefile_open(&f, dest, true, &e);
	is_int(rc, ST_OK, "safefile_open in a shared folder");
	if (rc == ST_OK) {
		char *holder = strdup(f.tmp);
		char *slash = strrchr(holder, '/');
		*slash = '\0';
		struct stat sb;
		ok(stat(holder, &sb) == 0, "the folder of the temporary file exists");
		ok(strcmp(holder, shared) != 0, "the temporary file is not directly in the shared folder");
		is_int(sb.st_mode & 07777, 0700, "its folder admits only us (mode 0700)");
		ok(sb.st_uid == getuid(), "and is ours");
		ok(safefile_commit(&f, true, &e) == ST_OK, "the file is put in place");
		ok(stat(dest, &sb) == 0 && (sb.st_mode & 07777) == 0600, "at dest, mode 0600");
		ok(stat(holder, &sb) != 0, "the private folder is gone after the commit");
		free(holder);
	}
	/* Abort leaves nothing either. */
	char dest2[300];
	snprintf(dest2, sizeof dest2, "%s/other.db", shared);
	if (safefile_open(&f, dest2, true, &e) == ST_OK) {
		char *holder = strdup(f.tmp);
		*strrchr(holder, '/') = '\0';
		safefile_close_fd(&f, &e);
		/* what SQLite leaves beside a file it had open */
		char side[400];
		snprintf(side, sizeof side, "%s-journal", f.tmp);
		FILE *j = fopen(side, "w");
		if (j)
			fclose(j);
		safefile_abort(&f);
		struct stat sb;
		ok(stat(holder, &sb) != 0 || strcmp(holder, shared) == 0,
		   "abort removes the private folder and what was in it");
		free(holder);
	} else {
		ok(0, "second safefile_open");
	}
	struct stat sb;
	ok(stat(dest2, &sb) != 0, "abort puts nothing in place");
	char cmd[300];
	snprintf(cmd, sizeof cmd, "ls -A '%s'", shared);
	FILE *p = popen(cmd, "r");
	char line[300], left[600] = "";
	while (p && fgets(line, sizeof line, p))
		if (strcmp(line, "copy.db\n") != 0)
			strncat(left, line, sizeof left - strlen(left) - 1);
	if (p)
		pclose(p);
	is_str(left, "", "nothing else is left in the shared folder");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
