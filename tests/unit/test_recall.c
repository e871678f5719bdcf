/* test_recall.c — how much of what people type finds what they mean (issue 18). Each
 * line of tests/data/recall.tsv is a query as a person would type it (inflected, with
 * prepositions, without Polish letters) and the item it must find among the first 50
 * hits. Recall must be at least 97 %; words that occur nowhere in the directory find
 * nothing. Needs the Polish Hunspell dictionary (skips without it). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/account.h"
#include "core/db.h"
#include "core/lemma.h"
#include "core/search.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-recall.XXXXXX";

static const char *const kind_names[] = { "", "town", "thread", "post", "practice", "meeting" };

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(void)
{
	if (!lemma_dictionary_available()) {
		printf("1..0 # SKIP the Polish Hunspell dictionary is not installed (Debian: hunspell-pl)\n");
		return 0;
	}
	const char *srcdir = getenv("top_srcdir");
	char path[600];
	snprintf(path, sizeof path, "%s/tests/data/recall.tsv", srcdir ? srcdir : ".");
	FILE *f = fopen(path, "r");
	if (!f || !mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/r.db", dir);
	error e;
	db *d;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK)
		return 1;
	/* An administrator sees every network (the leaders' network is closed to guests). */
	account admin = { 0 };
	if (account_add(d, NULL, "adm", "Adm", ROLE_ADMIN, NULL, 0, &e) != ST_OK ||
	    account_get(d, "adm", &admin, &e) != ST_OK)
		return 1;

	char line[1024];
	size_t total = 0, found = 0, n_times = 0;
	double times[1024];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		char *query = line, *kind = strchr(line, '\t'), *title = kind ? strchr(kind + 1, '\t') : NULL;
		if (!title)
			continue;
		*kind++ = '\0';
		*title++ = '\0';
		total++;
		hit_list l;
		double t0 = now_ms();
		status s = search_run(d, &admin, query, 0, 50, &l, &e);
		if (n_times < sizeof times / sizeof times[0])
			times[n_times++] = now_ms() - t0;
		int hit = 0;
		for (size_t i = 0; s == ST_OK && i < l.n && !hit; i++)
			hit = strcmp(kind_names[l.items[i].kind], kind) == 0 &&
			      strcmp(l.items[i].title, title) == 0;
		if (hit)
			found++;
		else
			diag("not found: %s → %s: %s", query, kind, title);
		if (s == ST_OK)
			hit_list_free(&l);
	}
	fclose(f);
	int permille = total ? (int)(found * 1000 / total) : 0;
	printf("# figure: recall %zu of %zu pairs = %d.%d %%\n", found, total, permille / 10,
	       permille % 10);
	qsort(times, n_times, sizeof *times, cmp_double);
	if (n_times)
		printf("# figure: first page of 50, per query: median %.2f ms, 95th percentile %.2f ms,"
		       " worst %.1f ms (the worst includes loading the dictionary once)\n",
		       times[n_times / 2], times[n_times * 95 / 100], times[n_times - 1]);
	ok(total >= 300, "at least 300 pairs (%zu)", total);
	ok(permille >= 970, "recall at least 97 %% (%zu of %zu)", found, total);

	/* Words that occur nowhere in the directory, whole or as the beginning of a word. */
	static const char *const unrelated[] = {
		"hipopotam", "wulkanizacja", "kosmodromem", "żyrafami", "marmolady", "saksofonu",
		"bumerangiem", "akwarelą", "pingwinów", "helikopterem", "w Paryżu", "z Londynu",
	};
	for (size_t i = 0; i < sizeof unrelated / sizeof unrelated[0]; i++) {
		hit_list l;
		is_int(search_run(d, &admin, unrelated[i], 0, 50, &l, &e), ST_OK, "search %s", unrelated[i]);
		is_int(l.n, 0, "no hit for the unrelated %s", unrelated[i]);
		hit_list_free(&l);
	}
	account_clear(&admin);
	db_close(&d);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
