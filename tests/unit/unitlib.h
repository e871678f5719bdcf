/* unitlib.h — what the unit tests of the store share, so each test says only what it
 * checks: a scratch directory with a new store in it, the administrator the tests act
 * as, whether a search finds a record, a file read whole, and the cleaning up. Include
 * it after tap.h. The functions are static inline: a test that uses some of them does
 * not warn about the others. */
#ifndef EMPIRIE_TESTS_UNITLIB_H
#define EMPIRIE_TESTS_UNITLIB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/account.h"
#include "core/db.h"
#include "core/search.h"

/* A new store `name` in a new scratch directory (dir: a mkdtemp template, filled in),
 * with EMPIRIE_NOW at now; its path in path. NULL, with a diagnostic, when either could
 * not be made. */
static inline db *unit_store(char *dir, const char *name, const char *now, char *path,
                             size_t n)
{
	if (!mkdtemp(dir)) {
		diag("no scratch directory from %s", dir);
		return NULL;
	}
	setenv("EMPIRIE_NOW", now, 1);
	snprintf(path, n, "%s/%s", dir, name);
	error e;
	db *d;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return NULL;
	}
	return d;
}

/* The administrator "root-test", added to d and read back into *admin. */
static inline void unit_admin(db *d, account *admin)
{
	error e;
	*admin = (account){ 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_get(d, "root-test", admin, &e);
}

/* The scratch directory removed, with all in it (its stores closed first). */
static inline void unit_remove(const char *dir)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
}

/* Whether searching for text finds the record of that kind and id (on the first 50
 * hits). */
static inline bool unit_found_by(db *d, const account *a, const char *text, hit_kind kind,
                                 int64_t id)
{
	hit_list l;
	error e;
	bool found = false;
	if (search_run(d, a, text, 0, 50, &l, &e) != ST_OK)
		return false;
	for (size_t i = 0; i < l.n; i++)
		found = found || (l.items[i].kind == kind && l.items[i].id == id);
	hit_list_free(&l);
	return found;
}

/* The file at path, whole and NUL-terminated; NULL when it cannot be read. */
static inline char *unit_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
