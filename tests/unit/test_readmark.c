/* test_readmark.c — marking a thread, a network or everything read, and undoing it:
 * the read state after an undo is exactly what it was, row for row. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/forum.h"
#include "core/readmark.h"
#include "core/lemma.h"
#include "core/search.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-readmark.XXXXXX";

/* The account's read_state rows, in thread order, as "thread:count:last;". */
static void dump(db *d, int64_t account_id, char *out, size_t n)
{
	sqlite3_stmt *st = NULL;
	size_t len = 0;
	out[0] = '\0';
	sqlite3_prepare_v2(db_handle(d),
	                   "SELECT thread_id, network_id, read_count, last_read_id FROM read_state"
	                   " WHERE account_id = ?1 ORDER BY thread_id", -1, &st, NULL);
	sqlite3_bind_int64(st, 1, account_id);
	while (sqlite3_step(st) == SQLITE_ROW && len < n)
		len += (size_t)snprintf(out + len, n - len, "%lld/%lld:%lld:%lld;",
		                        (long long)sqlite3_column_int64(st, 0),
		                        (long long)sqlite3_column_int64(st, 1),
		                        (long long)sqlite3_column_int64(st, 2),
		                        (long long)sqlite3_column_int64(st, 3));
	sqlite3_finalize(st);
}

/* Unread posts of the account in a thread (through the store's own thread query). */
static int64_t unread(db *d, const account *a, int64_t thread_id)
{
	thread t;
	error e;
	if (forum_thread(d, a, thread_id, &t, &e) != ST_OK)
		return -1;
	int64_t u = t.unread;
	thread_clear(&t);
	return u;
}

/* Piotr's unread posts in network `number`, counted apart from the store's code. */
static int64_t network_unread(db *d, int number)
{
	return db_lookup_id(d, "SELECT COALESCE(sum(t.post_count - COALESCE(r.read_count, 0)), 0)"
	                       "  FROM threads t LEFT JOIN read_state r ON r.thread_id = t.id"
	                       "   AND r.account_id = (SELECT id FROM accounts WHERE login = 'piotr')"
	                       " WHERE t.network_id = (SELECT id FROM networks WHERE number = ?1)",
	                    NULL, number);
}

static int64_t network_id(db *d, int number)
{
	return db_lookup_id(d, "SELECT id FROM networks WHERE number = ?1", NULL, number);
}

/* A network's list sorted and limited, as the main screen loads it. */
static status view(db *d, const account *a, int64_t net, thread_sort sort, const char *pattern,
                   thread_list *l, error *e)
{
	status s = forum_threads_view(d, a, net, sort, l, e);
	return s == ST_OK ? search_keep_titled(d, pattern, l, e) : s;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/r.db", dir);
	error e;
	db *d;
	lemma_set_dictionary(NULL); /* the default Hunspell dictionary, as the program uses */
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account admin = { 0 }, piotr = { 0 }, mayor = { 0 }, guest = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_add(d, NULL, "piotr", "Piotr", ROLE_MEMBER, "Zabrze", 0, &e);
	account_add(d, NULL, "burmistrz", "Burmistrz", ROLE_LEADER, "Złotów", 0, &e);
	account_get(d, "root-test", &admin, &e);
	account_get(d, "piotr", &piotr, &e);
	account_get(d, "burmistrz", &mayor, &e);
	account_resolve(d, "stranger", &guest, &e);
	setenv("EMPIRIE_NOW", "2030-01-01T10:00:00Z", 1);

	int64_t t1 = 0, t2 = 0, t3 = 0, t8 = 0, p = 0, p1b = 0;
	forum_new_thread(d, &admin, 1, "Pierwszy", "a", &t1, &e);
	forum_reply(d, &admin, t1, 0, "b", &p1b, &e);
	forum_reply(d, &admin, t1, 0, "c", &p, &e);
	forum_new_thread(d, &admin, 1, "Drugi", "a", &t2, &e);
	forum_reply(d, &admin, t2, 0, "b", &p, &e);
	forum_new_thread(d, &admin, 2, "W sieci 2", "a", &t3, &e);
	is_int(forum_new_thread(d, &mayor, 8, "Liderzy", "a", &t8, &e), ST_OK, "a thread in the leaders' network");
	ok(t1 && t2 && t3 && t8, "threads made");

	/* Piotr has read part of t1: a mark that must come back exactly. */
	is_int(forum_mark_read(d, &piotr, t1, p1b, &e), ST_OK, "piotr reads two posts of t1");
	is_int(unread(d, &piotr, t1), 1, "one post of t1 left unread");
	char before[4096], now[4096];
	dump(d, piotr.id, before, sizeof before);
	ok(strstr(before, ":2:") != NULL, "the partial mark is stored (%s)", before);

	/* A thread. */
	read_marks u;
	is_int(readmark_mark(d, &piotr, MARK_THREAD, t2, &u, &e), ST_OK, "mark thread t2 read");
	is_int(u.n, 1, "one thread changed");
	is_int(u.posts, 2, "two posts marked read");
	is_int(unread(d, &piotr, t2), 0, "t2 has nothing unread");
	is_int(unread(d, &piotr, t1), 1, "t1 untouched");
	is_int(readmark_restore(d, &piotr, &u, &e), ST_OK, "undo");
	read_marks_free(&u);
	dump(d, piotr.id, now, sizeof now);
	is_str(now, before, "after undo the read state is exactly as before");
	is_int(unread(d, &piotr, t2), 2, "t2 unread again");

	/* A network (with the bundled directory's threads in it too). */
	int64_t in1 = network_unread(d, 1), in2 = network_unread(d, 2);
	ok(in1 >= 4, "network 1 has unread posts (%lld)", (long long)in1);
	is_int(readmark_mark(d, &piotr, MARK_NETWORK, network_id(d, 1), &u, &e), ST_OK,
	       "mark network 1 read");
	ok(u.n >= 2, "the threads of network 1 changed (%zu)", u.n);
	is_int(u.posts, in1, "as many posts marked read as were unread there");
	is_int(network_unread(d, 1), 0, "network 1 has nothing unread");
	is_int(network_unread(d, 2), in2, "network 2 keeps its unread posts");
	is_int(unread(d, &piotr, t1), 0, "t1 read");
	is_int(unread(d, &piotr, t2), 0, "t2 read");
	is_int(unread(d, &piotr, t3), 1, "network 2 untouched");
	/* Marking again changes nothing and has nothing to undo. */
	read_marks again;
	is_int(readmark_mark(d, &piotr, MARK_NETWORK, network_id(d, 1), &again, &e), ST_OK,
	       "mark network 1 read again");
	is_int(again.n, 0, "nothing left to change");
	read_marks_free(&again);
	is_int(readmark_restore(d, &piotr, &u, &e), ST_OK, "undo the network marking");
	read_marks_free(&u);
	dump(d, piotr.id, now, sizeof now);
	is_str(now, before, "the partial mark of t1 is back, t2 has no mark again");

	/* Everything, but only what the account can see. */
	is_int(readmark_mark(d, &piotr, MARK_ALL, 0, &u, &e), ST_OK, "mark everything read");
	ok(u.n >= 3, "at least the three threads changed (%zu)", u.n);
	is_int(unread(d, &piotr, t3), 0, "network 2 read");
	int64_t left = db_lookup_id(d, "SELECT count(*) FROM threads t LEFT JOIN read_state r"
	                               " ON r.thread_id = t.id AND r.account_id = (SELECT id FROM"
	                               " accounts WHERE login = ?1) WHERE t.network_id <>"
	                               " (SELECT id FROM networks WHERE number = 8)"
	                               " AND t.post_count > COALESCE(r.read_count, 0)",
	                            "piotr", 0);
	is_int(left, 0, "no thread with unread posts left outside the leaders' network");
	int64_t lead = db_lookup_id(d, "SELECT count(*) FROM read_state WHERE thread_id = ?1"
	                               " AND account_id = (SELECT id FROM accounts WHERE login = 'piotr')",
	                            NULL, (int)t8);
	is_int(lead, 0, "the leaders' network, unseen by a member, gets no mark");
	is_int(readmark_restore(d, &piotr, &u, &e), ST_OK, "undo everything");
	read_marks_free(&u);
	dump(d, piotr.id, now, sizeof now);
	is_str(now, before, "everything as before");

	/* A post written after the marking is still unread after the undo and not lost. */
	is_int(readmark_mark(d, &piotr, MARK_THREAD, t1, &u, &e), ST_OK, "mark t1 read");
	setenv("EMPIRIE_NOW", "2030-01-01T11:00:00Z", 1);
	forum_reply(d, &admin, t1, 0, "d", &p, &e);
	is_int(unread(d, &piotr, t1), 1, "the new post is unread");
	is_int(readmark_restore(d, &piotr, &u, &e), ST_OK, "undo");
	read_marks_free(&u);
	is_int(unread(d, &piotr, t1), 2, "the old unread post and the new one");

	/* Refusals. */
	is_int(readmark_mark(d, &guest, MARK_ALL, 0, &u, &e), ST_DENIED, "guests keep no marks");
	is_int(readmark_mark(d, &piotr, MARK_NETWORK, network_id(d, 8), &u, &e), ST_NOTFOUND,
	       "a member cannot mark the leaders' network");
	is_int(readmark_mark(d, &piotr, MARK_THREAD, t8, &u, &e), ST_NOTFOUND,
	       "nor a thread in it");
	is_int(readmark_mark(d, &piotr, MARK_THREAD, 999999, &u, &e), ST_NOTFOUND, "no such thread");
	is_int(readmark_mark(d, &mayor, MARK_THREAD, t8, &u, &e), ST_OK, "a leader can");
	read_marks_free(&u);

	/* Sorting and limiting a network's list (forum_threads_view, search_keep_titled). */
	int64_t n5 = network_id(d, 5), a1 = 0, a2 = 0, a3 = 0;
	setenv("EMPIRIE_NOW", "2030-02-01T10:00:00Z", 1);
	forum_new_thread(d, &admin, 5, "Żłobki w Zabrzu", "a", &a1, &e);
	setenv("EMPIRIE_NOW", "2030-02-02T10:00:00Z", 1);
	forum_new_thread(d, &admin, 5, "Aleje i parki", "a", &a2, &e);
	setenv("EMPIRIE_NOW", "2030-02-03T10:00:00Z", 1);
	forum_new_thread(d, &admin, 5, "Łąki miejskie", "a", &a3, &e);
	setenv("EMPIRIE_NOW", "2030-02-04T10:00:00Z", 1);
	forum_reply(d, &admin, a1, 0, "b", &p, &e); /* a1 is now the most active */
	forum_mark_read(d, &piotr, a2, 0, &e);
	thread_list l;
	is_int(view(d, &piotr, n5, TSORT_ACTIVITY, NULL, &l, &e), ST_OK, "activity");
	ok(l.n >= 3 && l.items[0].id == a1 && l.items[1].id == a3 && l.items[2].id == a2,
	   "by activity: the thread with the last reply first");
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_CREATED, NULL, &l, &e);
	ok(l.n >= 3 && l.items[0].id == a3 && l.items[1].id == a2 && l.items[2].id == a1,
	   "by creation: the newest thread first");
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_UNREAD, NULL, &l, &e);
	ok(l.n >= 3 && l.items[l.n - 1].id != a1 && l.items[0].unread > 0, "unread first");
	size_t last_unread = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].unread)
			last_unread = i;
	bool unread_first = true;
	for (size_t i = 0; i < last_unread; i++)
		unread_first = unread_first && l.items[i].unread > 0;
	ok(unread_first, "no read thread before an unread one");
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_TITLE, "", &l, &e);
	/* Polish order: A, Ł after L, Ż last. */
	size_t ia = 99, il = 99, iz = 99;
	for (size_t i = 0; i < l.n; i++) {
		if (l.items[i].id == a2) ia = i;
		if (l.items[i].id == a3) il = i;
		if (l.items[i].id == a1) iz = i;
	}
	ok(ia < il && il < iz, "by title in Polish order (%zu %zu %zu)", ia, il, iz);
	thread_list_free(&l);
	is_int(view(d, &piotr, n5, TSORT_ACTIVITY, "żłobek", &l, &e), ST_OK, "limit");
	ok(l.n == 1 && l.items[0].id == a1, "limited to a pattern in another form (żłobek: Żłobki) (%zu)", l.n);
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_TITLE, "łąka miejski", &l, &e);
	ok(l.n == 1 && l.items[0].id == a3, "two words in other forms: the thread with both (%zu)", l.n);
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_TITLE, "łąka park", &l, &e);
	is_int(l.n, 0, "two words no title has both: none");
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_TITLE, "par", &l, &e);
	ok(l.n == 1 && l.items[0].id == a2, "a word's beginning (%zu)", l.n);
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_TITLE, " ,;", &l, &e);
	ok(l.n >= 3, "a pattern without a word limits nothing (%zu)", l.n);
	thread_list_free(&l);
	view(d, &piotr, n5, TSORT_ACTIVITY, "nic-takiego-nie-ma", &l, &e);
	is_int(l.n, 0, "a pattern nothing matches: an empty list");
	thread_list_free(&l);
	is_int(forum_threads_view(d, &piotr, network_id(d, 8), TSORT_ACTIVITY, &l, &e),
	       ST_NOTFOUND, "not the leaders' network for a member");

	/* The find (/) in a thread: a word typed in its basic form finds its other forms
	 * (found while writing the limit: "żłobek" did not find "Żłobki"). */
	char *terms = search_find_terms(d, "żłobek");
	ok(terms && search_text_matches(d, "Żłobki w Zabrzu", strlen("Żłobki w Zabrzu"), terms,
	                                NULL, NULL),
	   "find: żłobek finds Żłobki (%s)", terms ? terms : "no terms");
	free(terms);

	/* Sub-threads (the reader's collapsing): the replies under a post, and paging past
	 * them. Tree: r; a (under r); a1, a2 (under a); a1x (under a1); b (under r). */
	int64_t tr = 0, pa = 0, pa1 = 0, pa2 = 0, pa1x = 0, pbb = 0;
	forum_new_thread(d, &admin, 3, "Drzewo", "r", &tr, &e);
	forum_reply(d, &admin, tr, 0, "a", &pa, &e);
	forum_reply(d, &admin, tr, pa, "a1", &pa1, &e);
	forum_reply(d, &admin, tr, pa1, "a1x", &pa1x, &e);
	forum_reply(d, &admin, tr, pa, "a2", &pa2, &e);
	forum_reply(d, &admin, tr, 0, "b", &pbb, &e);
	post_list pl;
	is_int(forum_posts_page(d, &admin, tr, NULL, false, 10, &pl, &e), ST_OK, "the tree's posts");
	is_int(pl.n, 6, "six posts");
	/* Reading order: r a a1 a1x a2 b. */
	is_int(forum_replies_count(d, &pl.items[0]), 5, "the first post has all five under it");
	is_int(forum_replies_count(d, &pl.items[1]), 3, "a has a1, a1x and a2 under it");
	is_int(forum_replies_count(d, &pl.items[2]), 1, "a1 has one");
	is_int(forum_replies_count(d, &pl.items[3]), 0, "a1x none");
	is_int(forum_replies_count(d, &pl.items[5]), 0, "b none");
	post past;
	ok(forum_after_subthread(&pl.items[3], pl.items[1].path_len, &past), "the key after a's sub-thread");
	post_list next;
	is_int(forum_posts_page(d, &admin, tr, &past, false, 10, &next, &e), ST_OK, "paging on from it");
	ok(next.n == 1 && next.items[0].id == pbb, "skips a's sub-thread: b comes next");
	post_list_free(&next);
	post_clear(&past);
	post_list_free(&pl);

	account_clear(&admin), account_clear(&piotr), account_clear(&mayor), account_clear(&guest);
	db_close(&d);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
