/* test_store.c — opening, migrations, the bundled directory, identity checks, audit. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/account.h"
#include "core/check.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/directory.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-unit.XXXXXX";

static char *tmp_path(const char *name)
{
	static char buf[4][256];
	static int k;
	char *p = buf[k++ % 4];
	snprintf(p, 256, "%s/%s", dir, name);
	return p;
}

static long long scalar(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

/* What a waiter was told while another connection held the write lock. */
struct waits {
	int calls, first, last, limit;
};

static void note_wait(void *arg, int waited_ms, int limit_ms)
{
	struct waits *w = arg;
	if (!w->calls++)
		w->first = waited_ms;
	w->last = waited_ms;
	w->limit = limit_ms;
}

static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The statement cache keeps every distinct query a session asks for, however many (a long
 * session of the application reaches far more than a hundred), each prepared once, and
 * statements handed out stay valid as it grows. */
static void test_stmt_cache(db *d)
{
	enum { N = 600 };
	static char sql[N][40];
	sqlite3_stmt *first = NULL;
	int ran = 0, same = 0;
	for (int i = 0; i < N; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
		error e = { 0 };
		sqlite3_stmt *st = db_stmt(d, sql[i], &e);
		if (!st) {
			diag("query %d: %s", i, e.msg);
			break;
		}
		if (i == 0)
			first = st;
		ran += sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == i;
		sqlite3_reset(st);
	}
	is_int(ran, N, "600 distinct queries each prepared and run");
	for (int i = 0; i < N; i++) {
		error e = { 0 };
		sqlite3_stmt *st = db_stmt(d, sql[i], &e);
		same += st && (i != 0 || st == first) && sqlite3_step(st) == SQLITE_ROW &&
		        sqlite3_column_int(st, 0) == i;
		if (st)
			sqlite3_reset(st);
	}
	is_int(same, N, "and each found again, the first where it was");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	setenv("EMPIRIE_NOW", "2026-11-28T10:00:00Z", 1);
	error e;
	db *d = NULL;
	bool created = false;
	const char *p = tmp_path("a.db");

	is_int(db_open(&d, p, DB_OPEN_CREATE, &created, &e), ST_OK, "a new database opens");
	ok(created, "and is reported as created");
	is_int(scalar(p, "PRAGMA user_version"), db_schema_version(), "schema version stamped");
	is_int(scalar(p, "PRAGMA application_id"), 0x454d5052, "application id stamped");
	is_int(scalar(p, "SELECT count(*) FROM networks"), 8, "8 networks");
	is_int(scalar(p, "SELECT count(*) FROM cities WHERE laureate = 1"), 29, "29 laureates");
	is_int(scalar(p, "SELECT count(*) FROM threads"), scalar(p, "SELECT count(*) FROM meetings"),
	       "one thread per meeting");
	is_int(scalar(p, "SELECT count(*) FROM posts WHERE length(path) != 8"), 0,
	       "every first post has its tree path");
	is_int(scalar(p, "SELECT sum(post_count) FROM threads"), scalar(p, "SELECT count(*) FROM posts"),
	       "thread counters match the posts");
	is_int(scalar(p, "SELECT sum(post_count) FROM networks"), scalar(p, "SELECT count(*) FROM posts"),
	       "network counters match the posts");
	char *kind = db_meta_get(d, "kind");
	is_str(kind, "bundled", "meta kind = bundled");
	free(kind);
	test_stmt_cache(d);

	check_report r;
	is_int(check_database(d, &r, &e), ST_OK, "check runs");
	is_int((long long)r.n, 0, "a new database has no problems");
	check_report_free(&r);
	db_close(&d);
	ok(d == NULL, "db_close NULLs the handle");

	created = true;
	is_int(db_open(&d, p, DB_OPEN_CREATE, &created, &e), ST_OK, "reopens");
	ok(!created, "not created again");
	is_int(scalar(p, "SELECT count(*) FROM networks"), 8, "not seeded twice");
	account a;
	is_int(account_get(d, "siec-3", &a, &e), ST_OK, "network account exists");
	is_int(a.role, ROLE_COORDINATOR, "it is a coordinator");
	ok(a.network_id != 0, "of its network");
	account_clear(&a);
	is_int(account_get(d, "nobody-here", &a, &e), ST_NOTFOUND, "unknown login: not found");
	is_int(account_resolve(d, "nobody-here", &a, &e), ST_OK, "resolve gives a guest");
	is_int(a.role, ROLE_GUEST, "unknown logins are guests");
	network_list nl;
	is_int(directory_networks(d, &a, &nl, &e), ST_OK, "guest lists networks");
	is_int((long long)nl.n, 7, "the leaders' network is invisible to a guest");
	network_list_free(&nl);
	network n;
	is_int(directory_network(d, &a, 8, &n, &e), ST_NOTFOUND, "and cannot be opened by number");
	account_clear(&a);

	/* The audit log refuses changes, even through SQL. */
	sqlite3 *h;
	sqlite3_open(p, &h);
	ok(sqlite3_exec(h, "UPDATE audit SET login = 'x'", NULL, NULL, NULL) != SQLITE_OK,
	   "audit rows cannot be updated");
	ok(sqlite3_exec(h, "DELETE FROM audit", NULL, NULL, NULL) != SQLITE_OK,
	   "audit rows cannot be deleted");
	sqlite3_close(h);
	db_close(&d);

	/* Not ours: refused, untouched. */
	const char *other = tmp_path("other.db");
	sqlite3_open(other, &h);
	sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(h);
	is_int(db_open(&d, other, DB_OPEN_CREATE, NULL, &e), ST_CORRUPT, "another app's file is refused");
	ok(strstr(e.msg, "other.db") != NULL, "the message names the file");
	is_int(scalar(other, "SELECT count(*) FROM sqlite_schema"), 1, "and it is untouched");

	/* Missing file without create. */
	is_int(db_open(&d, tmp_path("missing.db"), 0, NULL, &e), ST_IO, "missing file without create");
	ok(access(tmp_path("missing.db"), F_OK) != 0, "is not created");

	/* Read-only open of an existing database works and refuses writes. */
	is_int(db_open(&d, p, DB_OPEN_READONLY, NULL, &e), ST_OK, "read-only open");
	ok(db_is_readonly(d), "reports read-only");
	account_resolve(d, "x", &a, &e);
	is_int(directory_networks(d, &a, &nl, &e), ST_OK, "browsing works read-only");
	network_list_free(&nl);
	account_clear(&a);
	db_close(&d);

	/* A newer schema than ours is refused with advice. */
	const char *newer = tmp_path("newer.db");
	is_int(db_open(&d, newer, DB_OPEN_CREATE, NULL, &e), ST_OK, "make a db");
	db_close(&d);
	sqlite3_open(newer, &h);
	sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(h);
	is_int(db_open(&d, newer, DB_OPEN_CREATE, NULL, &e), ST_CORRUPT, "a newer schema is refused");
	ok(strstr(e.msg, "newer") != NULL, "saying it is newer");

	/* Waiting for another writer: the limit is kept, the waiter hears about a long wait,
	 * a limit of 0 does not wait, and the lock gone, the write goes through. */
	const char *lk = tmp_path("lock.db");
	is_int(db_open(&d, lk, DB_OPEN_CREATE, NULL, &e), ST_OK, "a database to lock");
	sqlite3_open(lk, &h);
	is_int(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK,
	       "another connection takes the write lock");
	struct waits w = { 0 };
	db_set_wait_notify(d, note_wait, &w);
	int was = db_set_wait_limit(d, 1500);
	is_int(was, DB_WAIT_MS, "a change waits DB_WAIT_MS unless told otherwise");
	long long t0 = mono_ms();
	is_int(db_begin(d, &e), ST_BUSY, "a change meets the lock and gives up");
	long long took = mono_ms() - t0;
	ok(took >= 1500, "after the limit, not before (%lld ms)", took);
	ok(strstr(e.msg, "busy") != NULL, "saying the database is busy");
	ok(w.calls >= 2, "the waiter was told while it waited (%d times)", w.calls);
	ok(w.first >= 400 && w.first < 1500, "first after 0.4 s, not at once (%d ms)", w.first);
	ok(w.last > w.first && w.last < 1500, "the time told grows and stays below the limit");
	is_int(w.limit, 1500, "with the limit");
	w.calls = 0;
	db_set_wait_limit(d, 0);
	t0 = mono_ms();
	is_int(db_begin(d, &e), ST_BUSY, "a limit of 0 gives up at once");
	ok(mono_ms() - t0 < 1000 && w.calls == 0, "without waiting or telling anyone");
	db_set_wait_limit(d, was);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	is_int(db_begin(d, &e), ST_OK, "the lock gone, a change starts");
	db_rollback(d);
	sqlite3_close(h);
	db_set_wait_notify(d, NULL, NULL);
	db_close(&d);

	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
