/* test_changes.c — the change numbers a session reads instead of reloading everything
 * (issue 20): a post names its thread and network and nothing else, a read mark only
 * its account, a directory change is "shared", a burst of changes becomes "everything". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/changes.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-changes.XXXXXX";

static int64_t network_id(db *d, int number)
{
	return db_lookup_id(d, "SELECT id FROM networks WHERE number = ?1", NULL, number);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/c.db", dir);
	error e;
	db *d;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account admin = { 0 }, anna = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_get(d, "root-test", &admin, &e);
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Zabrze", 0, &e);
	account_get(d, "anna", &anna, &e);
	int64_t n1 = network_id(d, 1), n2 = network_id(d, 2);

	change_set cs;
	int64_t seen = changes_latest(d);
	is_int(changes_since(d, seen, anna.id, &cs, &e), ST_OK, "nothing new reads fine");
	ok(change_set_is_empty(&cs) && cs.seq == seen, "and is empty");

	int64_t t1 = 0, t2 = 0, p = 0;
	is_int(forum_new_thread(d, &admin, 1, "Wątek 1", "Pierwszy", &t1, &e), ST_OK, "thread in 1");
	is_int(forum_new_thread(d, &admin, 2, "Wątek 2", "Drugi", &t2, &e), ST_OK, "thread in 2");
	seen = changes_latest(d);
	is_int(forum_reply(d, &admin, t1, 0, "Odpowiedź", &p, &e), ST_OK, "a reply in thread 1");
	is_int(changes_since(d, seen, anna.id, &cs, &e), ST_OK, "read the changes");
	ok(!cs.shared && !cs.mine, "a reply is not a shared change nor anna's");
	ok(change_set_has_thread(&cs, t1) && !change_set_has_thread(&cs, t2), "it names thread 1 only");
	ok(change_set_has_network(&cs, n1) && !change_set_has_network(&cs, n2), "and network 1 only");
	ok(cs.seq > seen, "the change number moved on");
	seen = cs.seq;

	is_int(forum_mark_read(d, &anna, t2, 0, &e), ST_OK, "anna reads thread 2");
	is_int(changes_since(d, seen, anna.id, &cs, &e), ST_OK, "read the changes");
	ok(cs.mine && !cs.n_threads && !cs.n_networks && !cs.shared, "her read mark is hers only");
	is_int(changes_since(d, seen, admin.id, &cs, &e), ST_OK, "as another account");
	ok(change_set_is_empty(&cs), "anna's read mark is nothing to anyone else");
	seen = cs.seq;

	is_int(forum_moderate_thread(d, &admin, t2, MOD_LOCK, "test", &e), ST_OK, "lock thread 2");
	is_int(changes_since(d, seen, anna.id, &cs, &e), ST_OK, "read the changes");
	ok(change_set_has_thread(&cs, t2) && change_set_has_network(&cs, n2) && !cs.shared,
	   "a lock names the thread and its network");
	seen = cs.seq;

	is_int(account_add(d, &admin, "piotr", "Piotr", ROLE_MEMBER, "Zabrze", 0, &e), ST_OK,
	       "an account is added");
	is_int(changes_since(d, seen, anna.id, &cs, &e), ST_OK, "read the changes");
	ok(cs.shared, "that is a shared change: sessions load everything");
	seen = cs.seq;

	for (int i = 0; i < CHANGES_MAX + 5; i++) {
		char title[32];
		snprintf(title, sizeof title, "Wątek %d", i);
		forum_new_thread(d, &admin, 1, title, "Treść", NULL, &e);
	}
	is_int(changes_since(d, seen, anna.id, &cs, &e), ST_OK, "a burst of new threads");
	ok(cs.shared, "more than a set holds is read as everything");
	is_int(cs.seq, changes_latest(d), "and the session catches up to the newest change");

	account_clear(&admin), account_clear(&anna);
	db_close(&d);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
