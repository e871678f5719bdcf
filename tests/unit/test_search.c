/* test_search.c — folded, prefix, ranked search; query text never acts as syntax. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/forum.h"
#include "core/lemma.h"
#include "core/meeting.h"
#include "core/search.h"
#include "core/search_index.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-search.XXXXXX";

/* Where (kind, id) stands in the list, -1 when it is not there. */
static int pos_of(const hit_list *l, hit_kind k, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].kind == k && l->items[i].id == id)
			return (int)i;
	return -1;
}

/* The pages of `size` from 0 on, joined, give the same hits in the same order as one
 * search for all of them. */
static int pages_join_up(db *d, const account *a, const char *text, size_t size, const hit_list *all)
{
	error e;
	size_t at = 0;
	for (;;) {
		hit_list p;
		if (search_run(d, a, text, at, size, &p, &e) != ST_OK)
			return 0;
		for (size_t i = 0; i < p.n; i++)
			if (at + i >= all->n || p.items[i].kind != all->items[at + i].kind ||
			    p.items[i].id != all->items[at + i].id) {
				hit_list_free(&p);
				return 0;
			}
		size_t n = p.n;
		hit_list_free(&p);
		at += n;
		if (n < size)
			return at == all->n;
	}
}

static int count_kind(const hit_list *l, hit_kind k, const char *title)
{
	int n = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].kind == k && (!title || strcmp(l->items[i].title, title) == 0))
			n++;
	return n;
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/s.db", dir);
	error e;
	db *d;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK)
		return 1;
	account admin = { 0 }, guest = { 0 };
	account_add(d, NULL, "adm", "Adm", ROLE_ADMIN, NULL, 0, &e);
	account_get(d, "adm", &admin, &e);
	account_resolve(d, "guest", &guest, &e);

	char *q = search_fts_query("Łomża \"NEAR\" *x- ;'");
	is_str(q, "\"lomza\"* \"near\"* \"x\"*", "query: folded, quoted prefixes, syntax dropped");
	free(q);
	ok(search_fts_query("  -- ** ") == NULL, "no words: no query");

	hit_list l;
	const char *forms[] = { "lomza", "ŁOMŻA", "Łomża", "LOMZA", "łomża" };
	for (size_t i = 0; i < 5; i++) {
		is_int(search_run(d, &guest, forms[i], 0, 50, &l, &e), ST_OK, "search %s", forms[i]);
		is_int(count_kind(&l, HIT_CITY, "Łomża"), 1, "%s finds the town Łomża", forms[i]);
		ok(l.n && l.items[0].kind == HIT_CITY, "the town ranks first for %s", forms[i]);
		hit_list_free(&l);
	}
	search_run(d, &guest, "swidwin", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_CITY, "Świdwin"), 1, "swidwin finds Świdwin");
	hit_list_free(&l);
	search_run(d, &guest, "kedzierz", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_CITY, "Kędzierzyn-Koźle"), 1, "a prefix finds Kędzierzyn-Koźle");
	hit_list_free(&l);

	int64_t tid;
	forum_new_thread(d, &admin, 6, "Źródła finansowania OZE", "Gdzie szukać źródeł na fotowoltaikę?",
	                 &tid, &e);
	search_run(d, &guest, "zrodla", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_THREAD, "Źródła finansowania OZE"), 1, "zrodla finds źródła (title)");
	hit_list_free(&l);
	search_run(d, &guest, "FOTOWOLTAIKE", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_POST, NULL), 1, "a body word, any case");
	ok(l.n && strstr(l.items[0].excerpt, "fotowoltaikę") != NULL, "the excerpt shows the original text");
	hit_list_free(&l);

	/* The leaders' network stays hidden from search. */
	int64_t secret;
	forum_new_thread(d, &admin, 8, "Poufne ustalenia burmistrzów", "Tajny porządek obrad", &secret, &e);
	search_run(d, &guest, "poufne", 0, 50, &l, &e);
	is_int((long long)l.n, 0, "a guest does not find leaders' threads");
	hit_list_free(&l);
	search_run(d, &admin, "poufne", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_THREAD, NULL), 1, "an admin does");
	hit_list_free(&l);

	const char *nasty[] = { "\"", "*", "NEAR(a b)", "-x", "'", ";", "a OR b", "title:x", "^x", "(", "x\"y" };
	for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		is_int(search_run(d, &guest, nasty[i], 0, 10, &l, &e), ST_OK, "query [%s] is harmless", nasty[i]);
		hit_list_free(&l);
	}
	/* Paging. */
	hit_list all, p1, p2;
	search_run(d, &admin, "spotkanie", 0, 1000, &all, &e);
	search_run(d, &admin, "spotkanie", 0, 3, &p1, &e);
	search_run(d, &admin, "spotkanie", 3, 3, &p2, &e);
	ok(all.n > 6, "many hits for a common word (%zu)", all.n);
	ok(p1.n == 3 && p2.n == 3 && p1.items[0].id == all.items[0].id && p2.items[0].id == all.items[3].id,
	   "offset/limit pages match the full list");
	hit_list_free(&all), hit_list_free(&p1), hit_list_free(&p2);

	/* Two phases: names and titles holding every word, best first; then the rest,
	 * newest first, each document once. Created oldest first: */
	int64_t t_title, t_hidden, t_split, p_many, p_one, p_hidden, m_both;
	forum_new_thread(d, &admin, 6, "Kwarcyt na placu", "Bez tego słowa w treści.", &t_title, &e);
	forum_new_thread(d, &admin, 6, "Kamienie", "kwarcyt kwarcyt kwarcyt, kwarcytowy", &t_split, &e);
	forum_reply(d, &admin, t_split, 0,
	            "Jedno słowo kwarcyt pośród wielu innych słów w dość długiej odpowiedzi o placu, "
	            "ławkach, zieleni i tym, co mieszkańcy mówią na zebraniach.", &p_one, &e);
	forum_new_thread(d, &admin, 8, "Kwarcyt poufnie", "Poufny porządek", &t_hidden, &e);
	forum_reply(d, &admin, t_hidden, 0, "kwarcyt raz jeszcze, poufnie", &p_hidden, &e);
	meeting_fields mf = { .network = 6, .date_start = "2030-03-18", .host = "Zabrze",
	                      .format = "online", .title = "Kwarcytowe spotkanie",
	                      .topics = "kwarcyt w programie" };
	is_int(meeting_save(d, &admin, 0, &mf, &m_both, &e), ST_OK, "a meeting with the word in title and body");
	/* the thread "Kamienie" (first post p_many) has the word only in its body */
	p_many = 0;
	search_run(d, &admin, "kwarcyt", 0, 100, &all, &e);
	for (size_t i = 0; i < all.n; i++)
		if (all.items[i].kind == HIT_POST && all.items[i].thread_id == t_split && all.items[i].id != p_one)
			p_many = all.items[i].id;
	is_int((long long)all.n, 6, "kwarcyt: 3 titles and 3 posts for an admin");
	ok(pos_of(&all, HIT_THREAD, t_title) >= 0 && pos_of(&all, HIT_THREAD, t_title) < 3 &&
	   pos_of(&all, HIT_MEETING, m_both) >= 0 && pos_of(&all, HIT_MEETING, m_both) < 3 &&
	   pos_of(&all, HIT_THREAD, t_hidden) >= 0 && pos_of(&all, HIT_THREAD, t_hidden) < 3,
	   "the title hits come first, even the oldest");
	ok(pos_of(&all, HIT_POST, p_hidden) == 3 && pos_of(&all, HIT_POST, p_one) == 4 &&
	   pos_of(&all, HIT_POST, p_many) == 5,
	   "then the body hits, newest first, whatever bm25 would say (%d %d %d)",
	   pos_of(&all, HIT_POST, p_hidden), pos_of(&all, HIT_POST, p_one), pos_of(&all, HIT_POST, p_many));
	ok(pos_of(&all, HIT_THREAD, t_split) < 0, "a title without the word is no hit");
	is_int(count_kind(&all, HIT_MEETING, NULL), 1, "a document matching in title and body comes once");
	for (size_t size = 1; size <= 7; size++)
		ok(pages_join_up(d, &admin, "kwarcyt", size, &all), "pages of %zu join up across the phases", size);
	hit_list_free(&all);
	search_run(d, &admin, "kwarcyt placu", 0, 100, &all, &e);
	ok(all.n == 2 && all.items[0].kind == HIT_THREAD && all.items[0].id == t_title &&
	   all.items[1].kind == HIT_POST && all.items[1].id == p_one,
	   "every word in a title first; words split between title and body still found");
	hit_list_free(&all);
	search_run(d, &guest, "kwarcyt", 0, 100, &all, &e);
	is_int((long long)all.n, 4, "a guest: the leaders' thread and post are dropped");
	ok(pos_of(&all, HIT_THREAD, t_hidden) < 0 && pos_of(&all, HIT_POST, p_hidden) < 0 &&
	   pos_of(&all, HIT_POST, p_one) == 2, "not counted in either phase");
	for (size_t size = 1; size <= 5; size++)
		ok(pages_join_up(d, &guest, "kwarcyt", size, &all), "a guest's pages of %zu join up", size);
	search_run(d, &guest, "kwarcyt", 2, 1, &p1, &e);
	ok(p1.n == 1 && p1.items[0].id == p_one, "an offset past the hidden title hit");
	hit_list_free(&p1);
	hit_list_free(&all);
	search_run(d, &guest, "lomza podlaskie", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_CITY, "Łomża"), 1, "a town's name and voivodeship together");
	hit_list_free(&l);
	is_int(search_run(d, &guest, "kwarcyt", 0, 0, &l, &e), ST_OK, "limit 0");
	is_int((long long)l.n, 0, "gives nothing");
	hit_list_free(&l);
	const char *odd[] = { "title", "title:", "body : x", "{title}", "kwarcyt)", ") OR (\"x", "—", "«kwarcyt»" };
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		is_int(search_run(d, &guest, odd[i], 0, 10, &l, &e), ST_OK, "[%s] is harmless in both phases", odd[i]);
		hit_list_free(&l);
	}

	is_int(search_reindex(d, &e), ST_OK, "reindex");
	search_run(d, &guest, "zrodla", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_THREAD, NULL), 1, "search works after reindex");
	hit_list_free(&l);

	/* Issue 18: lemmas. The exact form first, then any form of the same lemma, then
	 * words that merely begin like it. */
	int64_t t_exact, t_lemma, t_prefix;
	forum_new_thread(d, &admin, 6, "Spotkaniaxyz", "Bez treści.", &t_prefix, &e);
	forum_new_thread(d, &admin, 6, "Ostatnie spotkanie", "Bez treści.", &t_lemma, &e);
	forum_new_thread(d, &admin, 6, "Nasze spotkania", "Bez treści.", &t_exact, &e);
	search_run(d, &admin, "spotkania", 0, 100, &l, &e);
	int pe = pos_of(&l, HIT_THREAD, t_exact), pl = pos_of(&l, HIT_THREAD, t_lemma),
	    pp = pos_of(&l, HIT_THREAD, t_prefix);
	ok(pe >= 0 && pl > pe && pp > pl, "exact form (%d) above lemma (%d) above prefix (%d)", pe, pl, pp);
	hit_list_free(&l);
	static const char *const inflected[][2] = {
		{ "w Żywcu", "Żywiec" }, { "z Żywca", "Żywiec" }, { "Łomży", "Łomża" },
		{ "w Kędzierzynie-Koźlu", "Kędzierzyn-Koźle" }, { "z Goleniowa", "Goleniów" },
		{ "zywcu", "Żywiec" }, { "W STALOWEJ WOLI", "Stalowa Wola" },
	};
	for (size_t i = 0; i < sizeof inflected / sizeof inflected[0]; i++) {
		search_run(d, &guest, inflected[i][0], 0, 50, &l, &e);
		ok(count_kind(&l, HIT_CITY, inflected[i][1]) == 1, "%s finds the town %s", inflected[i][0],
		   inflected[i][1]);
		hit_list_free(&l);
	}
	search_run(d, &guest, "rewitalizacji zbiornika", 0, 50, &l, &e);
	ok(count_kind(&l, HIT_PRACTICE, "Rewitalizacja zbiornika „Podwolina”") == 1,
	   "rewitalizacji zbiornika finds the practice");
	hit_list_free(&l);
	search_run(d, &guest, "koordynatorów dostępności", 0, 50, &l, &e);
	ok(count_kind(&l, HIT_PRACTICE, NULL) >= 2, "koordynatorów dostępności finds both practices");
	hit_list_free(&l);
	is_int(search_run(d, &guest, "w na do z", 0, 50, &l, &e), ST_OK, "only function words: no error");
	hit_list_free(&l);

	/* A way on when nothing is found. */
	char *shorter, *nearest;
	search_run(d, &guest, "zywec", 0, 50, &l, &e);
	is_int((long long)l.n, 0, "zywec finds nothing");
	hit_list_free(&l);
	is_int(search_way_on(d, &guest, "zywec", &shorter, &nearest, &e), ST_OK, "way on for zywec");
	is_str(nearest, "Żywiec", "did you mean: Żywiec");
	free(shorter), free(nearest);
	is_int(search_way_on(d, &guest, "rewitalizacjowe", &shorter, &nearest, &e), ST_OK, "way on");
	is_str(shorter, "rewitaliza", "the query as prefixes: rewitaliza…");
	search_run(d, &guest, shorter, 0, 50, &l, &e);
	ok(count_kind(&l, HIT_PRACTICE, "Rewitalizacja zbiornika „Podwolina”") == 1, "which finds the practice");
	hit_list_free(&l);
	free(shorter), free(nearest);
	is_int(search_way_on(d, &guest, "kosmodrom", &shorter, &nearest, &e), ST_OK, "way on");
	ok(!shorter && !nearest, "nothing near kosmodrom");
	free(shorter), free(nearest);

	/* The index keeps in step when a post changes: its old words and lemmas go. */
	int64_t t_edit, p_edit = 0;
	forum_new_thread(d, &admin, 6, "Edycja", "Rozmawiamy o hipopotamach.", &t_edit, &e);
	search_run(d, &admin, "hipopotam", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_POST, NULL), 1, "a lemma of a new post is found");
	if (l.n)
		p_edit = l.items[0].id;
	hit_list_free(&l);
	forum_edit_post(d, &admin, p_edit, "Rozmawiamy o żyrafach.", &e);
	search_run(d, &admin, "hipopotam", 0, 50, &l, &e);
	is_int((long long)l.n, 0, "after an edit, the old lemma is gone");
	hit_list_free(&l);
	search_run(d, &admin, "żyrafa", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_POST, NULL), 1, "and the new one is there");
	hit_list_free(&l);
	is_int(search_lemma_state(d), LEMMAS_ON, "lemma search is on");

	/* Without the dictionary: search works as before, the state says so, and a reindex
	 * once it is back brings the lemmas. */
	lemma_set_dictionary("/nonexistent/pl_PL");
	is_int(search_lemma_state(d), LEMMAS_OFF, "no dictionary: lemma search is off");
	char path2[300];
	snprintf(path2, sizeof path2, "%s/nodict.db", dir);
	db *d2;
	is_int(db_open(&d2, path2, DB_OPEN_CREATE, NULL, &e), ST_OK, "a new database without the dictionary");
	search_run(d2, &guest, "rewitalizacja", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_PRACTICE, NULL), 1, "the word as written is found");
	hit_list_free(&l);
	search_run(d2, &guest, "rewitaliz", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_PRACTICE, NULL), 1, "and its beginning");
	hit_list_free(&l);
	search_run(d2, &guest, "rewitalizacji", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_PRACTICE, NULL), 0, "another form is not (no lemmas)");
	hit_list_free(&l);
	search_run(d2, &guest, "w Łomży", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_CITY, "Łomża"), 1, "town forms need no dictionary");
	hit_list_free(&l);
	lemma_set_dictionary(NULL);
	is_int(search_lemma_state(d2), LEMMAS_STALE, "the dictionary is back: the index is out of date");
	is_int(search_reindex(d2, &e), ST_OK, "reindex");
	is_int(search_lemma_state(d2), LEMMAS_ON, "lemma search is on");
	search_run(d2, &guest, "rewitalizacji", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_PRACTICE, NULL), 1, "now rewitalizacji finds the practice");
	hit_list_free(&l);
	db_close(&d2);

	/* The rowid encoding (search_docs.h) read back in one place; the negative range is
	 * spare for further kinds and read as no kind. */
	{
		const struct { int64_t rowid; hit_kind k; int64_t id; } rows[] = {
			{ 7 * 4 + 1, HIT_CITY, 7 },      { 7 * 4 + 2, HIT_THREAD, 7 },
			{ 7 * 4 + 3, HIT_POST, 7 },      { 7 * 8 + 4, HIT_PRACTICE, 7 },
			{ 7 * 8, HIT_MEETING, 7 },       { 1, HIT_CITY, 0 },
		};
		for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
			hit_kind k = 0;
			int64_t id = -1;
			ok(search_rowid_decode(rows[i].rowid, &k, &id) && k == rows[i].k && id == rows[i].id,
			   "rowid %lld is kind %d, id %lld", (long long)rows[i].rowid, (int)rows[i].k,
			   (long long)rows[i].id);
		}
		hit_kind k;
		int64_t id;
		ok(!search_rowid_decode(-(7 * 8 + 1), &k, &id) && !search_rowid_decode(-8, &k, &id) &&
		   !search_rowid_decode(0, &k, &id), "the negative rowids are spare: no kind");
	}

	account_clear(&admin), account_clear(&guest);
	db_close(&d);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
