/* failmalloc.c — an LD_PRELOAD library for tests/fault/oom.sh (glibc only): allocation
 * number $EMPIRIE_FAIL_ALLOC (malloc, calloc and realloc counted together from the start
 * of the process) fails once with ENOMEM, as when memory runs out at that moment; all
 * others go to the C library. With $EMPIRIE_ALLOC_COUNT naming a file, the number of
 * allocations made is written there at exit.
 *
 * Allocations inside getpwuid() are never failed: glibc's NSS does not survive one (seen
 * with glibc 2.36: a segfault in nss_database_check_reload_and_get, an assertion in
 * nss_database_reload_1), and that is the C library's to mend, not ours. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pwd.h>
#include <sys/types.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static unsigned long count, fail_at;
static int in_libc_lookup;

__attribute__((constructor)) static void start(void)
{
	const char *v = getenv("EMPIRIE_FAIL_ALLOC");
	fail_at = v ? strtoul(v, NULL, 10) : 0;
}

__attribute__((destructor)) static void finish(void)
{
	const char *f = getenv("EMPIRIE_ALLOC_COUNT");
	if (!f)
		return;
	int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return;
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%lu\n", count);
	if (n > 0 && write(fd, buf, (size_t)n) < 0)
		n = 0;
	close(fd);
}

static int fails(void)
{
	if (++count != fail_at || in_libc_lookup)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *malloc(size_t n)
{
	return fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	return fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	return fails() ? NULL : __libc_realloc(p, n);
}

struct passwd *getpwuid(uid_t uid)
{
	static struct passwd *(*next)(uid_t);
	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "getpwuid");
	in_libc_lookup++;
	struct passwd *pw = next ? next(uid) : NULL;
	in_libc_lookup--;
	return pw;
}
