/* test_search.c — folded, prefix, ranked search; query text never acts as syntax. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/forum.h"
#include "core/search.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-search.XXXXXX";

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

	is_int(search_reindex(d, &e), ST_OK, "reindex");
	search_run(d, &guest, "zrodla", 0, 50, &l, &e);
	is_int(count_kind(&l, HIT_THREAD, NULL), 1, "search works after reindex");
	hit_list_free(&l);

	account_clear(&admin), account_clear(&guest);
	db_close(&d);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
