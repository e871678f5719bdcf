/* safefile.c — see safefile.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/safefile.h"
#include "i18n.h"

/* The folder of path ("." for a bare name), newly allocated. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	size_t n = slash == path ? 1 : (size_t)(slash - path);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

status safefile_open(safefile *f, const char *dest, bool no_clobber, error *e)
{
	struct stat sb;
	f->fd = -1;
	f->made = false;
	f->tmp = f->holder = NULL;
	f->dest = strdup(dest);
	char *dir = folder_of(dest);
	const char *base = strrchr(dest, '/');
	base = base ? base + 1 : dest;
	size_t n = (dir ? strlen(dir) : 0) + 2 * strlen(base) + 16;
	f->holder = dir && f->dest ? malloc(n) : NULL;
	f->tmp = f->holder ? malloc(n) : NULL;
	if (!f->tmp) {
		free(dir);
		free(f->dest);
		free(f->holder);
		f->dest = f->holder = NULL;
		return err_oom(e);
	}
	/* A private folder (mkdtemp: 0700, unpredictable name) beside dest, on the same file
	 * system so the rename is atomic, and the file inside it. SQLite opens its side files
	 * (NAME-journal, -wal) by name without O_EXCL: in a shared folder such as /tmp another
	 * user who saw the name appear could lay one there first and receive the pages. */
	snprintf(f->holder, n, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	status s = ST_OK;
	if (!*base)
		s = err_set(e, ST_INVALID, _("%s: give a file name, not a folder"), dest);
	else if (no_clobber && lstat(dest, &sb) == 0)
		s = err_set(e, ST_IO, _("%s already exists; it is not overwritten, give a new file name"), dest);
	else if (lstat(dest, &sb) == 0 && !S_ISREG(sb.st_mode))
		s = err_set(e, ST_IO, _("%s is not a regular file"), dest);
	else if (!mkdtemp(f->holder))
		s = err_set(e, ST_IO, _("%s: cannot write a file here: %s"), dest, strerror(errno));
	else {
		f->made = true;
		snprintf(f->tmp, n, "%s/%s", f->holder, base);
		if (chmod(f->holder, 0700) != 0 ||
		    (f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		                  0600)) < 0 ||
		    fchmod(f->fd, 0600) != 0) /* 0600 whatever the umask */
			s = err_set(e, ST_IO, _("%s: cannot write a file here: %s"), dest,
			            strerror(errno));
	}
	if (s != ST_OK) {
		safefile_abort(f);
		return s;
	}
	return ST_OK;
}

status safefile_close_fd(safefile *f, error *e)
{
	if (f->fd < 0)
		return ST_OK;
	int bad = fsync(f->fd) != 0 ? errno : 0;
	if (close(f->fd) != 0 && !bad)
		bad = errno;
	f->fd = -1;
	return bad ? err_set(e, ST_IO, _("%s: cannot write the file: %s"), f->dest,
	                     strerror(bad))
	           : ST_OK;
}

/* rename without replacing: renameat2's RENAME_NOREPLACE where the file system has it,
 * else a hard link (fails on an existing name), else a last check and rename. */
static int rename_new(const char *from, const char *to)
{
#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != EPERM && errno != ENOTSUP)
		return -1;
#endif
	if (link(from, to) == 0)
		return unlink(from), 0;
	if (errno == EEXIST)
		return -1;
	struct stat sb;
	if (lstat(to, &sb) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(from, to);
}

status safefile_commit(safefile *f, bool no_clobber, error *e)
{
	status s = safefile_close_fd(f, e);
	if (s == ST_OK && (no_clobber ? rename_new(f->tmp, f->dest) : rename(f->tmp, f->dest)) != 0)
		s = err_set(e, ST_IO, _("%s: cannot put the file in place: %s"), f->dest,
		            strerror(errno));
	if (s != ST_OK) {
		safefile_abort(f);
		return s;
	}
	/* The rename itself survives a power cut once the folder is synced. */
	char *dir = folder_of(f->dest);
	int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	rmdir(f->holder);
	free(f->tmp);
	free(f->dest);
	free(f->holder);
	f->tmp = f->dest = f->holder = NULL;
	f->made = false;
	return ST_OK;
}

void safefile_abort(safefile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->tmp && f->made) {
		static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
		size_t n = strlen(f->tmp) + 16;
		char *p = malloc(n);
		for (size_t i = 0; p && i < sizeof sides / sizeof sides[0]; i++) {
			snprintf(p, n, "%s%s", f->tmp, sides[i]);
			unlink(p);
		}
		free(p);
		rmdir(f->holder);
	}
	f->made = false;
	free(f->tmp);
	free(f->dest);
	free(f->holder);
	f->tmp = f->dest = f->holder = NULL;
}

int safefile_scratch(char *template)
{
	int fd = mkstemp(template);
	if (fd < 0)
		return -1;
	if (fchmod(fd, 0600) != 0) {
		int err = errno;
		close(fd);
		unlink(template);
		errno = err;
		return -1;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}
