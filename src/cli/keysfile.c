/* keysfile.c — see keysfile.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/keysfile.h"
#include "i18n.h"

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	return slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

/* Whether what sb describes is out of the service account's reach (see keysfile.h). */
static status safe_owner(const char *what, const struct stat *sb, uid_t service_uid, error *e)
{
	if (sb->st_mode & (S_IWGRP | S_IWOTH))
		return err_set(e, ST_DENIED, _("%s: group or others may write it; the SSH keys file and "
		                               "its directory must be writable by root only"), what);
	if (sb->st_uid != 0 && sb->st_uid == service_uid)
		return err_set(e, ST_DENIED, _("%s: owned by the account that owns the database (the "
		                               "service account), which could then change the keys; "
		                               "keep it root's (run add-key as root)"), what);
	if (sb->st_uid != 0 && sb->st_uid != geteuid())
		return err_set(e, ST_DENIED, _("%s: owned by another user; the SSH keys file and its "
		                               "directory must belong to root"), what);
	return ST_OK;
}

status keysfile_place_safe(const char *path, uid_t service_uid, error *e)
{
	char *dir = dir_of(path);
	if (!dir)
		return err_oom(e);
	status s = ST_OK;
	/* Each prefix up to and including dir: "/", "/etc", "/etc/empirie". */
	for (char *p = dir; s == ST_OK; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		const char *part = p == dir ? "/" : dir;
		struct stat sb;
		if (lstat(part, &sb) != 0)
			s = err_set(e, ST_IO, _("%s: cannot open the directory of the SSH keys file: %s"),
			            part, strerror(errno));
		else if (S_ISLNK(sb.st_mode))
			s = err_set(e, ST_DENIED, _("%s: a symbolic link on the way to the SSH keys file; "
			                            "give the real path in authorized_keys"), part);
		else if (!S_ISDIR(sb.st_mode))
			s = err_set(e, ST_IO, _("%s: not a directory"), part);
		else if (!(sb.st_uid == 0 && (sb.st_mode & S_ISVTX)))
			s = safe_owner(part, &sb, service_uid, e);
		*p = c;
		if (!c)
			break;
	}
	free(dir);
	return s;
}

int keysfile_lock(const char *path, uid_t service_uid, error *e)
{
	char *dir = dir_of(path);
	if (!dir) {
		err_oom(e);
		return -1;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat sb;
	status s = ST_OK;
	if (fd < 0 || fstat(fd, &sb) != 0)
		s = err_set(e, ST_IO, _("%s: cannot open the directory of the SSH keys file: %s"), dir,
		            strerror(errno));
	else
		s = safe_owner(dir, &sb, service_uid, e);
	if (s == ST_OK && flock(fd, LOCK_EX) != 0)
		s = err_set(e, ST_IO, _("%s: cannot lock: %s"), dir, strerror(errno));
	if (s == ST_OK) {
		if (lstat(path, &sb) == 0) {
			if (!S_ISREG(sb.st_mode))
				s = err_set(e, ST_DENIED, _("%s: not a regular file (a link?)"), path);
			else
				s = safe_owner(path, &sb, service_uid, e);
		} else if (errno != ENOENT) {
			s = err_set(e, ST_IO, _("%s: cannot read: %s"), path, strerror(errno));
		}
	}
	free(dir);
	if (s != ST_OK) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

void keysfile_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* releases the flock */
}

int keys_lines_add(keys_lines *l, const char *line)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **p = realloc(l->lines, cap * sizeof *p);
		if (!p)
			return -1;
		l->lines = p;
		l->cap = cap;
	}
	if (!(l->lines[l->n] = strdup(line)))
		return -1;
	l->n++;
	return 0;
}

status keysfile_read(const char *path, keys_lines *out, error *e)
{
	memset(out, 0, sizeof *out);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? ST_OK
		                       : err_set(e, ST_IO, _("%s: cannot read: %s"), path, strerror(errno));
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return err_set(e, ST_IO, _("%s: cannot read: %s"), path, strerror(errno));
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	status s = ST_OK;
	while (s == ST_OK && (got = getline(&line, &cap, f)) >= 0) {
		if (got == 0 || line[got - 1] != '\n') {
			/* a last line without its newline: keep it, completed */
			char *p = realloc(line, (size_t)got + 2);
			if (!p) {
				s = err_oom(e);
				break;
			}
			line = p;
			cap = (size_t)got + 2;
			memcpy(line + got, "\n", 2);
		}
		if (keys_lines_add(out, line) != 0)
			s = err_oom(e);
	}
	if (s == ST_OK && ferror(f))
		s = err_set(e, ST_IO, _("%s: cannot read: %s"), path, strerror(errno));
	free(line);
	fclose(f);
	if (s != ST_OK)
		keys_lines_free(out);
	return s;
}

status keysfile_write(const char *path, const keys_lines *l, error *e)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".XXXXXX");
	char *dir = dir_of(path);
	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		return err_oom(e);
	}
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", sizeof ".XXXXXX");
	status s = ST_OK;
	int fd = mkstemp(tmp); /* O_CREAT|O_EXCL, mode 0600, unpredictable name */
	if (fd < 0) {
		s = err_set(e, ST_IO, _("%s: cannot create a file beside it: %s"), path, strerror(errno));
		goto out;
	}
	for (size_t i = 0; s == ST_OK && i < l->n; i++) {
		size_t len = strlen(l->lines[i]), off = 0;
		while (off < len) {
			ssize_t w = write(fd, l->lines[i] + off, len - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				s = err_set(e, ST_IO, _("%s: cannot write: %s"), tmp, strerror(errno));
				break;
			}
			off += (size_t)w;
		}
	}
	/* sshd reads the file as the service account: readable by all, writable by root. */
	if (s == ST_OK && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
		s = err_set(e, ST_IO, _("%s: cannot write: %s"), tmp, strerror(errno));
	if (close(fd) != 0 && s == ST_OK)
		s = err_set(e, ST_IO, _("%s: cannot write: %s"), tmp, strerror(errno));
	if (s == ST_OK && rename(tmp, path) != 0)
		s = err_set(e, ST_IO, _("%s: cannot replace: %s"), path, strerror(errno));
	if (s != ST_OK) {
		unlink(tmp);
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd); /* the rename itself survives a crash */
		close(dfd);
	}
out:
	free(tmp);
	free(dir);
	return s;
}

void keys_lines_free(keys_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->lines[i]);
	free(l->lines);
	memset(l, 0, sizeof *l);
}
