/* test_sync.c — what sync does when the store fails to answer a read it depends on
 * (issue 19): the error is reported and nothing is half-done, never taken for "not
 * set" or 0. The fault: SQLite's length limit lowered below one meta value, so that
 * reading that value alone fails ("string or blob too big") and every other read goes
 * on as usual. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/account.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "core/practice.h"
#include "core/snapshot.h"
#include "core/sync.h"
#include "core/uptake.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-sync.XXXXXX";
static int normal_limit;
#define FAULT_LIMIT 100000

/* Meta key of d made unreadable (longer than the limit) until heal(). */
static void spoil(db *d, const char *key)
{
	char *big = malloc(FAULT_LIMIT + 2);
	memset(big, '7', FAULT_LIMIT + 1);
	big[FAULT_LIMIT + 1] = '\0';
	error e = { 0 };
	if (db_meta_set(d, key, big, "test", &e) != ST_OK)
		diag("spoil %s: %s", key, e.msg);
	free(big);
	sqlite3_limit(db_handle(d), SQLITE_LIMIT_LENGTH, FAULT_LIMIT);
}

static void heal(db *d, const char *key, const char *value)
{
	sqlite3_limit(db_handle(d), SQLITE_LIMIT_LENGTH, normal_limit);
	error e = { 0 };
	if (db_meta_set(d, key, value, "test", &e) != ST_OK)
		diag("heal %s: %s", key, e.msg);
}

static long long count(db *d, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

static void text_of(db *d, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *st;
	snprintf(buf, size, "(none)");
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
}

static void said_why(const error *e, const char *what)
{
	ok(strstr(e->msg, "too big") != NULL, "%s: the error says why", what);
	if (!strstr(e->msg, "too big"))
		diag("said: %s", e->msg);
}

static void no_conflict(void *ctx, const char *file, int64_t line, const char *what,
                        const char *outcome)
{
	(void)ctx, (void)file, (void)line, (void)what, (void)outcome;
}

/* Meta key unreadable: applying file fails with the error and leaves nothing of it;
 * then key is set to value. */
static void apply_fails(db *d, const account *a, const char *file, const char *key,
                        const char *value, const char *what)
{
	sync_result r;
	error e = { 0 };
	spoil(d, key);
	is_int(sync_apply(d, a, file, &r, no_conflict, NULL, &e), ST_INTERNAL,
	       "%s unreadable: the apply fails", what);
	said_why(&e, what);
	heal(d, key, value);
	is_int(count(d, "SELECT count(*) FROM threads WHERE title = 'Z laptopa'"), 0,
	       "and nothing of the file is there");
}

/* The read that fails: while a statement whose SQL contains this runs, the progress
 * handler stops it (SQLITE_INTERRUPT), as a store that cannot answer would. */
static const char *failing;

static int fail_read(void *ctx)
{
	sqlite3 *h = ctx;
	for (sqlite3_stmt *s = sqlite3_next_stmt(h, NULL); s; s = sqlite3_next_stmt(h, s))
		if (sqlite3_stmt_busy(s) && sqlite3_sql(s) && strstr(sqlite3_sql(s), failing))
			return 1;
	return 0;
}

/* What an apply could leave behind, as one line. */
static void store_state(db *d, char *buf, size_t size)
{
	text_of(d, "SELECT (SELECT count(*) FROM threads) || '/' || (SELECT count(*) FROM posts)"
	           " || '/' || (SELECT count(*) FROM uptakes) || '/' || (SELECT count(*) FROM audit)"
	           " || '/' || (SELECT count(*) FROM sync_applied) || '/' ||"
	           " (SELECT count(*) FROM sync_conflicts) || '/' || (SELECT count(*) FROM sync_log)"
	           " || '/' || (SELECT count(*) FROM posts WHERE edited_at IS NOT NULL) || '/' ||"
	           " (SELECT count(*) FROM post_ancestry)",
	        buf, size);
}

/* The read of the apply whose SQL contains sql fails: the apply stops with the store's
 * error (not "no row") and leaves the store as it was. */
static void read_fails(db *d, const account *a, const char *file, const char *sql,
                       const char *what)
{
	char before[200], after[200];
	store_state(d, before, sizeof before);
	sync_result r;
	error e = { 0 };
	failing = sql;
	sqlite3_progress_handler(db_handle(d), 1, fail_read, db_handle(d));
	status s = sync_apply(d, a, file, &r, no_conflict, NULL, &e);
	sqlite3_progress_handler(db_handle(d), 0, NULL, NULL);
	ok(s != ST_OK, "%s fails: the apply stops", what);
	ok(s != ST_OK && strstr(e.msg, "interrupted") != NULL, "%s: with the store's error", what);
	if (s != ST_OK && !strstr(e.msg, "interrupted"))
		diag("said: %s", e.msg);
	store_state(d, after, sizeof after);
	is_str(after, before, "%s: the store is as it was", what);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300], copy_path[300], file[300], file2[300];
	snprintf(path, sizeof path, "%s/home.db", dir);
	snprintf(copy_path, sizeof copy_path, "%s/copy.db", dir);
	snprintf(file, sizeof file, "%s/anna.sync", dir);
	snprintf(file2, sizeof file2, "%s/home.sync", dir);
	error e = { 0 };
	db *d, *c;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	normal_limit = sqlite3_limit(db_handle(d), SQLITE_LIMIT_LENGTH, -1);
	setenv("EMPIRIE_NOW", "2030-01-01T10:00:00Z", 1);
	account admin = { 0 }, anna = { 0 }, anna_c = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Zabrze", 0, &e);
	account_get(d, "root-test", &admin, &e);
	account_get(d, "anna", &anna, &e);
	snapshot_info info;
	is_int(snapshot_write(d, &admin, copy_path, false, "anna", &info, &e), ST_OK,
	       "a copy issued to anna");
	if (db_open(&c, copy_path, 0, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account_get(c, "anna", &anna_c, &e);
	is_int(forum_new_thread(c, &anna_c, 1, "Z laptopa", "Napisane w kopii", NULL, &e), ST_OK,
	       "anna writes in her copy");
	int64_t ops = 0;
	is_int(sync_export(c, &anna_c, file, false, &ops, &e), ST_OK, "and exports it");

	/* 1. The copy's owner unreadable: not "issued to no one" (the file would be taken
	 * from anyone); a limit of a file: not the default. The apply fails whole. */
	apply_fails(d, &admin, file, "site_owner.1", "anna", "the copy's owner");
	apply_fails(d, &admin, file, "sync_max_changes", "5000", "a limit");
	is_int(count(d, "SELECT count(*) FROM sync_applied"), 0, "nor is the file noted as applied");

	sync_result r;
	is_int(sync_apply(d, &admin, file, &r, no_conflict, NULL, &e), ST_OK,
	       "readable again, the same file applies");
	is_int(count(d, "SELECT count(*) FROM threads WHERE title = 'Z laptopa'"), 1,
	       "and anna's thread arrives");

	/* 2. The status: its numbers not taken for 0. */
	sync_status ss;
	is_int(sync_get_status(d, &ss, &e), ST_OK, "the home database's status");
	is_int(ss.site, 0, "says it is the home database");
	spoil(d, "sync_exported");
	is_int(sync_get_status(d, &ss, &e), ST_INTERNAL,
	       "what was exported unreadable: the status is an error");
	said_why(&e, "status");
	/* An export would send everything again as if nothing had gone. */
	unlink(file2);
	is_int(sync_export(d, &admin, file2, false, &ops, &e), ST_INTERNAL,
	       "and an export fails");
	said_why(&e, "export");
	ok(access(file2, F_OK) != 0, "leaving no file");
	heal(d, "sync_exported", "0");

	spoil(c, "site");
	is_int(sync_get_status(c, &ss, &e), ST_INTERNAL,
	       "the copy's number unreadable: no status (not \"the home database\")");
	said_why(&e, "own site");
	is_int(sync_export(c, &anna_c, file2, false, &ops, &e), ST_INTERNAL,
	       "nor an export from the copy");
	heal(c, "site", "1");
	is_int(sync_get_status(c, &ss, &e), ST_OK, "readable again: the copy's status");
	is_int(ss.site, 1, "copy 1");

	/* The next copy's number unreadable: not 1 again (two copies with one range). */
	const char *secret = "SELECT hex(secret) FROM sync_keys WHERE site = 1";
	char before[80], after[80];
	text_of(d, secret, before, sizeof before);
	spoil(d, "sites_next");
	int64_t site = 0;
	is_int(sync_prepare_source(d, NULL, &site, &e), ST_INTERNAL,
	       "the next copy number unreadable: no copy is numbered");
	said_why(&e, "next copy");
	heal(d, "sites_next", "2");
	text_of(d, secret, after, sizeof after);
	is_str(after, before, "copy 1 keeps its secret");

	/* 3. Each read of the apply failing (issue 19): a new thread and a practice transfer
	 * from the copy. */
	char file3[300], practice_key[80];
	snprintf(file3, sizeof file3, "%s/anna2.sync", dir);
	is_int(forum_new_thread(c, &anna_c, 1, "Drugi z laptopa", "Jeszcze jeden", NULL, &e), ST_OK,
	       "anna writes again");
	text_of(c, "SELECT p.key FROM practices p JOIN cities x ON x.id = p.city_id"
	           " WHERE x.name <> 'Zabrze' ORDER BY p.id LIMIT 1", practice_key, sizeof practice_key);
	practice pr;
	int64_t practice_id = 0;
	if (practice_get(c, &anna_c, 0, practice_key, &pr, &e) == ST_OK)
		practice_id = pr.id, practice_clear(&pr);
	is_int(uptake_save(c, &anna_c, practice_id, "Zabrze", UPTAKE_INTERESTED, "ciekawe", NULL, &e),
	       ST_OK, "and records Zabrze's interest in practice %s", practice_key);
	int64_t root = count(c, "SELECT p.id FROM posts p JOIN threads t ON t.id = p.thread_id"
	                        " WHERE t.title = 'Z laptopa' AND p.parent_id IS NULL");
	is_int(forum_edit_post(c, &anna_c, root, "Napisane w kopii, poprawione", &e), ST_OK,
	       "and edits her first post, which is at home already");
	is_int(sync_export(c, &anna_c, file3, false, &ops, &e), ST_OK, "and exports all three");
	static const struct { const char *sql, *what; } reads[] = {
		{ "AND p.parent_id IS NULL)", "whether the new threads have their first posts" },
		{ "FROM uptakes u WHERE u.practice_id = ?1", "the transfer already here" },
		{ "FROM networks WHERE number = ?1", "the new thread's network" },
		{ "'$.practices'", "the new thread's practices" },
		{ "'$.request')", "the new thread's feedback request" },
		{ "FROM json_each(?1) WHERE type = 'text' AND value = ?2",
		  "whether the edit was made on our text" },
		{ "SELECT hidden_at FROM sync_log", "when the post was last hidden or shown here" },
	};
	for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
		read_fails(d, &admin, file3, reads[i].sql, reads[i].what);
	is_int(sync_apply(d, &admin, file3, &r, no_conflict, NULL, &e), ST_OK,
	       "the reads answering again, the file applies");
	is_int(count(d, "SELECT count(*) FROM threads WHERE title = 'Drugi z laptopa'"), 1,
	       "with the thread");
	is_int(count(d, "SELECT count(*) FROM uptakes u JOIN cities x ON x.id = u.city_id"
	                " WHERE x.name = 'Zabrze' AND u.note = 'ciekawe'"), 1, "and the transfer");
	char sql[100], body[100];
	snprintf(sql, sizeof sql, "SELECT body FROM posts WHERE id = %lld", (long long)root);
	text_of(d, sql, body, sizeof body);
	is_str(body, "Napisane w kopii, poprawione", "and the edit");

	account_clear(&admin), account_clear(&anna), account_clear(&anna_c);
	db_close(&c);
	db_close(&d);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
