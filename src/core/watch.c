/* watch.c — see watch.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/watch.h"

#ifdef __linux__
#include <sys/inotify.h>

struct watch {
	int fd;
};

watch *watch_open(const char *db_file)
{
	if (!db_file || !*db_file || strcmp(db_file, ":memory:") == 0)
		return NULL;
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return NULL;
	/* Writes (a commit to the WAL, a checkpoint or a rollback-journal write to the file
	 * itself), and the file replaced or removed under us (its link count changing is
	 * IN_ATTRIB: an unlinked file we hold open is never IN_DELETE_SELF). Every process
	 * opens the files for writing, and one running as root gives the WAL its owner
	 * again (fchown): so not IN_CLOSE_WRITE, and IN_ATTRIB on the file only, or each
	 * command that only reads (`empirie list`) woke every idle session twice (issue
	 * 20). A real write is an IN_MODIFY. */
	const uint32_t mask = IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;
	const uint32_t wal_mask = IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF;
	if (inotify_add_watch(fd, db_file, mask) < 0) {
		close(fd);
		return NULL;
	}
	size_t n = strlen(db_file) + sizeof "-wal";
	char *wal = malloc(n);
	if (!wal) {
		close(fd);
		return NULL;
	}
	snprintf(wal, n, "%s-wal", db_file);
	/* (no WAL: a rollback-journal database, whose writes reach the file itself) */
	if (access(wal, F_OK) == 0 && inotify_add_watch(fd, wal, wal_mask) < 0) {
		free(wal);
		close(fd);
		return NULL;
	}
	free(wal);
	watch *w = malloc(sizeof *w);
	if (!w) {
		close(fd);
		return NULL;
	}
	w->fd = fd;
	return w;
}

int watch_fd(const watch *w) { return w ? w->fd : -1; }

bool watch_drain(watch *w)
{
	if (!w)
		return false;
	bool any = false;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n > 0) {
			any = true;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		return any;
	}
}

void watch_close(watch *w)
{
	if (!w)
		return;
	close(w->fd);
	free(w);
}

#else /* no inotify: the caller keeps its tick */

watch *watch_open(const char *db_file)
{
	(void)db_file;
	return NULL;
}
int watch_fd(const watch *w) { (void)w; return -1; }
bool watch_drain(watch *w) { (void)w; return false; }
void watch_close(watch *w) { (void)w; }

#endif
