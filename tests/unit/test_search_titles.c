/* test_search_titles.c — the titles-only index (issue 18): the title phase of a search
 * reads only the titles, however often its words occur in bodies, and the titles index
 * holds exactly the title column of `search` after every kind of write. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/check.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/search.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-stitles.XXXXXX";

static long long one_int(db *d, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Pages the connection read (from its cache or the file) while searching for text,
 * the first `limit` hits. */
static long long pages_read(db *d, const account *a, const char *text, size_t limit, size_t *hits)
{
	int hit = 0, miss = 0, hw, mw;
	sqlite3_db_status(db_handle(d), SQLITE_DBSTATUS_CACHE_HIT, &hit, &hw, 1);
	sqlite3_db_status(db_handle(d), SQLITE_DBSTATUS_CACHE_MISS, &miss, &mw, 1);
	hit_list l;
	error e;
	*hits = 0;
	if (search_run(d, a, text, 0, limit, &l, &e) != ST_OK)
		return -1;
	*hits = l.n;
	hit_list_free(&l);
	sqlite3_db_status(db_handle(d), SQLITE_DBSTATUS_CACHE_HIT, &hit, &hw, 0);
	sqlite3_db_status(db_handle(d), SQLITE_DBSTATUS_CACHE_MISS, &miss, &mw, 0);
	return (long long)hit + miss;
}

/* Every (term, document, position) of the title column of `search` is in the titles
 * index and the other way round, and both have a row for every titled document. */
static int titles_agree(db *d)
{
	static const char sql[] =
		"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_all USING fts5vocab(main, search, instance);"
		"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_titles"
		"  USING fts5vocab(main, search_titles, instance);";
	if (sqlite3_exec(db_handle(d), sql, NULL, NULL, NULL) != SQLITE_OK) {
		diag("%s", sqlite3_errmsg(db_handle(d)));
		return 0;
	}
	long long only_all = one_int(d, "SELECT count(*) FROM (SELECT term, doc, offset FROM"
	                                " temp.v_all WHERE col = 'title' EXCEPT SELECT term, doc,"
	                                " offset FROM temp.v_titles)");
	long long only_titles = one_int(d, "SELECT count(*) FROM (SELECT term, doc, offset FROM"
	                                   " temp.v_titles EXCEPT SELECT term, doc, offset FROM"
	                                   " temp.v_all WHERE col = 'title')");
	long long rows_all = one_int(d, "SELECT count(*) FROM temp.v_all WHERE col = 'title'");
	long long rows_titles = one_int(d, "SELECT count(*) FROM temp.v_titles");
	long long docs = one_int(d, "SELECT count(*) FROM search_titles_docsize");
	long long titled = one_int(d, "SELECT (SELECT count(*) FROM cities) + (SELECT count(*)"
	                              " FROM threads) + (SELECT count(*) FROM practices) +"
	                              " (SELECT count(*) FROM meetings)");
	if (only_all || only_titles || rows_all != rows_titles || docs != titled)
		diag("title tokens only in search %lld, only in search_titles %lld; %lld vs %lld;"
		     " documents %lld, titled rows %lld", only_all, only_titles, rows_all,
		     rows_titles, docs, titled);
	return only_all == 0 && only_titles == 0 && rows_all == rows_titles && rows_all > 0 &&
	       docs == titled;
}

static int check_clean(db *d)
{
	check_report r;
	error e;
	if (check_database(d, &r, &e) != ST_OK)
		return 0;
	for (size_t i = 0; i < r.n; i++)
		diag("check: %s", r.problems[i]);
	int clean = r.n == 0;
	check_report_free(&r);
	return clean;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/t.db", dir);
	error e;
	db *d;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK)
		return 1;
	account admin = { 0 };
	account_add(d, NULL, "adm", "Adm", ROLE_ADMIN, NULL, 0, &e);
	account_get(d, "adm", &admin, &e);

	ok(titles_agree(d), "a new database: the titles index holds the bundled titles");

	/* Writes of every kind that has a title. */
	int64_t t1, t2, t_leaders, m1, p1;
	is_int(forum_new_thread(d, &admin, 6, "Spotkanie mieszkańców w sprawie zieleni",
	                        "Zapraszamy na rozmowę.", &t1, &e), ST_OK, "a thread");
	is_int(forum_new_thread(d, &admin, 6, "Źródła finansowania remontów",
	                        "Jakie są źródła?", &t2, &e), ST_OK, "another");
	is_int(forum_new_thread(d, &admin, 8, "Poufne spotkanie liderów", "Tylko dla liderów.",
	                        &t_leaders, &e), ST_OK, "one in the leaders' network");
	meeting_fields mf = { .network = 6, .date_start = "2030-05-20", .host = "Zabrze",
	                      .format = "online", .title = "Łąki kwietne w sieci",
	                      .topics = "zieleń miejska" };
	is_int(meeting_save(d, &admin, 0, &mf, &m1, &e), ST_OK, "a meeting");
	practice_fields pf = { .city = "Zabrze", .networks = "6", .theme = "zieleń",
	                       .title = "Ogrody deszczowe", .problem = "Podtopienia ulic" };
	is_int(practice_save(d, &admin, 0, &pf, &p1, &e), ST_OK, "a practice");
	ok(titles_agree(d), "after new threads, a meeting and a practice, the titles agree");

	/* Changes: the old titles go from both. */
	mf.title = "Zebranie sieci o drzewach";
	is_int(meeting_save(d, &admin, m1, &mf, NULL, &e), ST_OK, "the meeting's title changed");
	pf.title = "Ogrody deszczowe na osiedlach";
	is_int(practice_save(d, &admin, p1, &pf, NULL, &e), ST_OK, "the practice's title changed");
	city_fields cf = { .name = "Zabrze", .voivodeship = "śląskie", .voivodeship_basis = "source",
	                   .programme_status = "participant",
	                   .project_title = "Nowy tytuł projektu" };
	status s = db_begin(d, &e);
	if (s == ST_OK && (s = directory_rows_city(d, &cf, NULL, &e)) == ST_OK)
		s = db_commit(d, &e);
	else {
		diag("%s", e.msg);
		db_rollback(d);
	}
	is_int(s, ST_OK, "a town stored again");
	ok(titles_agree(d), "after the changes, the titles agree");
	hit_list l;
	search_run(d, &admin, "kwietne", 0, 50, &l, &e);
	int meeting_hits = 0;
	for (size_t i = 0; i < l.n; i++)
		meeting_hits += l.items[i].kind == HIT_MEETING;
	is_int(meeting_hits, 0, "the meeting's old title finds it no more");
	hit_list_free(&l);
	ok(check_clean(d), "check finds nothing wrong");

	/* The threads among the titles: "spotkanie" is in bundled meetings' titles too,
	 * which are not threads. Every thread whose title has a form of it, nothing else. */
	int64_t *ids;
	size_t nids;
	is_int(search_thread_titles(d, "spotkanie", &ids, &nids, &e), ST_OK, "thread titles");
	long long want = one_int(d, "SELECT count(*) FROM threads WHERE title LIKE '%spotka%'");
	long long meetings = one_int(d, "SELECT count(*) FROM meetings WHERE title LIKE '%spotka%'");
	is_int((long long)nids, want, "as many as the threads with it in the title (%lld), not"
	                              " the %lld meetings", want, meetings);
	ok(meetings > 0, "(there are meetings with it)");
	int sorted = 1, threads = 1, has_t1 = 0, has_lead = 0, has_t2 = 0;
	for (size_t i = 0; i < nids; i++) {
		char q[120];
		snprintf(q, sizeof q, "SELECT count(*) FROM threads WHERE id = %lld AND title LIKE"
		                      " '%%spotka%%'", (long long)ids[i]);
		threads = threads && one_int(d, q) == 1;
		sorted = sorted && (i == 0 || ids[i - 1] < ids[i]);
		has_t1 |= ids[i] == t1, has_lead |= ids[i] == t_leaders, has_t2 |= ids[i] == t2;
	}
	ok(threads, "each one such a thread");
	ok(sorted, "in id order");
	ok(has_t1 && has_lead && !has_t2, "the two new ones with it, not the one without");
	free(ids);

	is_int(search_reindex(d, &e), ST_OK, "reindex");
	ok(titles_agree(d), "after a reindex, the titles agree");
	ok(check_clean(d), "check finds nothing wrong");
	long long before = one_int(d, "SELECT count(*) FROM search_titles_docsize");
	char lose[200];
	snprintf(lose, sizeof lose, "INSERT INTO search_titles(search_titles, rowid, title)"
	                            " VALUES ('delete', %lld, 'Źródła finansowania remontów')",
	         (long long)t2 * 4 + 2);
	ok(sqlite3_exec(db_handle(d), lose, NULL, NULL, NULL) == SQLITE_OK &&
	   one_int(d, "SELECT count(*) FROM search_titles_docsize") == before - 1,
	   "a titles index made to lose a thread's title (of %lld)", before);
	ok(!check_clean(d), "check says the index is out of step");
	is_int(search_reindex(d, &e), ST_OK, "reindex");
	ok(check_clean(d), "and the reindex mends it");

	/* A public copy fills its titles index from its own rows: the leaders' thread
	 * title does not come along. */
	char pub[320];
	snprintf(pub, sizeof pub, "%s/pub.db", dir);
	is_int(snapshot_write(d, &admin, pub, true, NULL, NULL, &e), ST_OK, "a public copy");
	db *c = NULL;
	is_int(db_open(&c, pub, 0, NULL, &e), ST_OK, "opens");
	if (c) {
		ok(titles_agree(c), "its titles index agrees with its search index and its rows");
		is_int(one_int(c, "SELECT count(*) FROM search_titles WHERE search_titles MATCH"
		                  " '\"poufne\" \"spotkanie\" \"liderow\"'"), 0,
		       "and holds no word of the leaders' thread title");
		is_int(one_int(d, "SELECT count(*) FROM search_titles WHERE search_titles MATCH"
		                  " '\"poufne\" \"spotkanie\" \"liderow\"'"), 1,
		       "which the source's titles index has");
		db_close(&c);
	}

	/* The cost: the title phase does not read the bodies' occurrences of its words.
	 * The first hit of two common words is a title; bodies holding both words, many
	 * of them, must not make finding it cost more. */
	size_t hits;
	pages_read(d, &admin, "spotkanie mieszkańcy", 1, &hits); /* statements made, words looked up */
	long long few = pages_read(d, &admin, "spotkanie mieszkańcy", 1, &hits);
	is_int((long long)hits, 1, "two common words: the title hit (%lld pages read)", few);
	db_set_post_limit(d, 0);
	/* Not waiting for the disk after each of them: only the index's shape matters. */
	sqlite3_exec(db_handle(d), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	int stored = 0;
	for (int64_t i = 0; i < 6000; i++, stored++) {
		if (forum_reply(d, &admin, t2, 0,
		                "Na spotkanie przyszli mieszkańcy; spotkanie trwało długo, a"
		                " mieszkańcy pytali o zieleń.", NULL, &e) != ST_OK) {
			diag("reply %lld: %s", (long long)i, e.msg);
			break;
		}
	}
	is_int(stored, 6000, "many posts with both words");
	search_optimize(d, &e);
	long long many = pages_read(d, &admin, "spotkanie mieszkańcy", 1, &hits);
	is_int((long long)hits, 1, "still the title hit first");
	ok(many <= few + 8, "pages read for it: %lld with 6,000 posts holding both words, %lld"
	                    " without", many, few);
	ok(titles_agree(d), "posts add nothing to the titles index");

	account_clear(&admin);
	db_close(&d);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
