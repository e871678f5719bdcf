/* gen.c — see gen.h. Everything generated is fiction built from word lists; nothing
 * here describes a real town or person. Deterministic for a given seed. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/account.h"
#include "core/db_priv.h"
#include "core/directory.h"
#include "core/forum_rows.h"
#include "core/gen.h"
#include "core/search_index.h"
#include "i18n.h"

/* splitmix64: small, fast, and the same sequence everywhere for a seed. */
static uint64_t rnd_state;
static uint64_t rnd(void)
{
	uint64_t z = (rnd_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
static unsigned long rnd_below(unsigned long n) { return n ? (unsigned long)(rnd() % n) : 0; }
static double rnd_unit(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }
#define PICK(arr) (arr[rnd_below(sizeof arr / sizeof arr[0])])

static const char *const town_first[] = {
	"Nowa", "Stara", "Wielka", "Mała", "Górna", "Dolna", "Biała", "Czarna", "Zielona",
	"Łąckie", "Święte", "Dąbrowa", "Żabia", "Kozia", "Sucha", "Głęboka", "Wysoka", "Ruda",
};
static const char *const town_root[] = {
	"Wólka", "Łęka", "Brzezina", "Żarnów", "Kłodawa", "Ścinawa", "Jeziorany", "Gąbin",
	"Pszczyna", "Łańcut", "Żółkiew", "Trzebnica", "Wąchock", "Końskie", "Ciężkowice", "Bełżyce",
	"Źrebce", "Śmigiel", "Nałęczów", "Głogówek", "Dęblin", "Żuromin", "Ślesin", "Łobżenica",
};
static const char *const town_tail[] = {
	"", "", "", " Śląska", " Mazowiecka", " Wielkopolska", " nad Wisłą", " Podlaska",
	" Pomorska", " Kujawska", " Górna", " Dolna",
};
static const char *const first_names[] = {
	"Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Joanna", "Żaneta",
	"Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Łukasz", "Grzegorz", "Jędrzej",
};
static const char *const last_names[] = {
	"Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając",
	"Król", "Wróbel", "Dąbrowski", "Michalski", "Żurek", "Błaszczyk", "Ślęzak", "Górecki",
};
static const char *const words[] = {
	"miasto", "mieszkańcy", "projekt", "budżet", "urząd", "współpraca", "spotkanie", "gmina",
	"dotacja", "źródła", "finansowania", "rewitalizacja", "zieleń", "energia", "fotowoltaika",
	"dostępność", "seniorzy", "młodzież", "przedsiębiorczość", "turystyka", "konsultacje",
	"partycypacja", "cyfryzacja", "e-usługi", "strategia", "wniosek", "harmonogram", "przetarg",
	"inwestycja", "komunikacja", "autobus", "ścieżka", "rowerowa", "plac", "szkoła", "kultura",
	"biblioteka", "żłobek", "mieszkania", "ciepło", "smog", "woda", "kanalizacja", "odpady",
	"doświadczenie", "wizyta", "studyjna", "rozwiązanie", "problem", "pytanie", "odpowiedź",
	"dziękuję", "proszę", "czy", "jak", "gdzie", "kiedy", "dlaczego", "który", "nasz", "wasz",
	"działa", "udało", "się", "warto", "trzeba", "można", "było", "będzie", "jest", "są",
	"w", "na", "z", "do", "po", "przy", "dla", "oraz", "ale", "też", "już", "jeszcze", "bardzo",
	"dobrze", "szybko", "taniej", "łatwiej", "wspólnie", "świetlica", "żywność", "łąka",
};
static const char *const title_words[] = {
	"Jak", "Pytanie o", "Doświadczenia z", "Szukamy", "Kto robił", "Wnioski po", "Zaproszenie:",
	"Podsumowanie:", "Pomoc:", "Dobra praktyka:",
};

/* A sentence of 4–16 words into s, capitalised, ending with '.', '?' or '!'. */
static void sentence(sqlite3_str *s)
{
	unsigned long n = 4 + rnd_below(13);
	for (unsigned long i = 0; i < n; i++) {
		const char *w = PICK(words);
		if (i == 0) {
			/* ASCII-only capitalisation is enough for a synthetic text's look. */
			char first[64];
			snprintf(first, sizeof first, "%s", w);
			if (first[0] >= 'a' && first[0] <= 'z')
				first[0] = (char)(first[0] - 'a' + 'A');
			sqlite3_str_appendall(s, first);
		} else {
			sqlite3_str_appendchar(s, 1, ' ');
			sqlite3_str_appendall(s, w);
		}
	}
	sqlite3_str_appendchar(s, 1, ".?!."[rnd_below(4)]);
}

static char *body_text(sqlite3 *h)
{
	sqlite3_str *s = sqlite3_str_new(h);
	double u = rnd_unit();
	unsigned long paras = u < 0.7 ? 1 : u < 0.95 ? 1 + rnd_below(3) : 3 + rnd_below(6);
	for (unsigned long p = 0; p < paras; p++) {
		if (p)
			sqlite3_str_appendall(s, "\n\n");
		unsigned long n = 1 + rnd_below(paras > 1 ? 5 : 3);
		for (unsigned long i = 0; i < n; i++) {
			if (i)
				sqlite3_str_appendchar(s, 1, ' ');
			sentence(s);
		}
	}
	return sqlite3_str_finish(s);
}

/* Time as ISO text: `base` plus `secs` seconds. */
static void iso_at(char *buf, size_t n, int64_t secs)
{
	time_t t = (time_t)(1651363200 + secs); /* from 2022-05-01, when the networks began */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static status gen_towns(db *d, const gen_options *o, int64_t **acc_ids, size_t *nacc, error *e)
{
	static const char sql_count[] = "SELECT count(*) FROM cities";
	static const char sql_named[] = "SELECT id FROM cities WHERE name = ?1";
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	sqlite3_stmt *st = db_stmt(d, sql_count, e);
	if (!st)
		return err_code(e);
	sqlite3_step(st);
	unsigned long have = (unsigned long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	size_t cap = 0, nvoivs;
	const char *const *voivs = city_voivodeships(&nvoivs);
	for (unsigned long i = have, tries = 0; i < o->towns && tries < o->towns * 20; tries++) {
		char name[160];
		snprintf(name, sizeof name, "%s %s%s", PICK(town_first), PICK(town_root), PICK(town_tail));
		if (tries > o->towns * 2) /* the word lists run out of combinations: number them */
			snprintf(name + strlen(name), sizeof name - strlen(name), " %lu", i);
		const char *v = voivs[rnd_below(nvoivs)];
		/* A name the lists gave before is skipped (a try more). */
		if (db_lookup_id(d, sql_named, name, 0))
			continue;
		city_fields cf = { .name = name, .create = true, .voivodeship = v, .voivodeship_basis = "general",
		                   .programme_status = "other", .source = "synthetic: empirie gen" };
		int64_t cid = 0;
		status s = directory_rows_city(d, &cf, &cid, e);
		if (s != ST_OK)
			return s;
		/* Most towns in one or two networks, the busy ones more often. */
		unsigned long nm = 1 + rnd_below(3);
		for (unsigned long k = 0; k < nm; k++) {
			int64_t net = db_lookup_id(d, sql_net, NULL, 1 + (int)(7.0 * pow(rnd_unit(), 2.0)));
			if (net && (s = membership_rows_put(d, net, cid, "added", "synthetic", false, NULL,
			                                    e)) != ST_OK)
				return s;
		}
		unsigned long na = 1 + rnd_below(2);
		for (unsigned long k = 0; k < na; k++) {
			char login[32], person[96];
			snprintf(login, sizeof login, "syn%06zu", *nacc + 1);
			snprintf(person, sizeof person, "%s %s", PICK(first_names), PICK(last_names));
			account_fields f = { .login = login, .display_name = person, .role = "member",
			                     .city_id = cid, .created_at = "2022-05-01T00:00:00Z" };
			bool dup;
			int64_t id = 0;
			if ((s = account_rows_insert(d, &f, &dup, &id, e)) != ST_OK)
				return s;
			if (dup)
				return err_set(e, ST_INVALID, _("An account with the login \"%s\" already exists"),
				               login);
			if (db_grow((void **)acc_ids, &cap, *nacc, sizeof **acc_ids))
				return err_oom(e);
			(*acc_ids)[(*nacc)++] = id;
		}
		i++;
	}
	return ST_OK;
}

/* Posts per thread: a few very long threads, many short ones. */
static unsigned long *thread_sizes(const gen_options *o)
{
	unsigned long t = o->threads, *sz = calloc(t ? t : 1, sizeof *sz);
	if (!sz || !t)
		return sz;
	for (unsigned long i = 0; i < t; i++)
		sz[i] = 1;
	unsigned long left = o->posts > t ? o->posts - t : 0;
	unsigned long big = left / 10 < 5000 ? left / 10 : 5000;
	for (unsigned long i = 0; i < 5 && i < t && left; i++) {
		unsigned long n = big / (i + 1);
		n = n > left ? left : n;
		sz[i] += n;
		left -= n;
	}
	while (left--)
		sz[(unsigned long)((double)t * pow(rnd_unit(), 3.0))]++;
	return sz;
}

/* What the threads are written with. */
typedef struct {
	db *d;
	const gen_options *o;
	gen_progress progress;
	void *arg;
	int64_t *acc;         /* the synthetic people */
	size_t nacc;
	int64_t tid, pid;     /* the last ids given */
	unsigned long done;   /* posts written */
} gen_ctx;

/* The network of the next thread: most activity in a few networks. */
static int pick_network(void)
{
	static const double share[8] = { 0.30, 0.20, 0.14, 0.11, 0.09, 0.07, 0.05, 0.04 };
	double u = rnd_unit(), acc_share = 0;
	for (int k = 0; k < 8; k++)
		if (u < (acc_share += share[k]))
			return k + 1;
	return 8;
}

/* One thread and its n posts, answering recent posts mostly: trees of varying depth. */
static status gen_thread(gen_ctx *g, unsigned long n, error *e)
{
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	int64_t span = 4LL * 365 * 86400;
	int net = pick_network();
	int64_t start = (int64_t)(rnd_unit() * (double)span);
	char when[32];
	iso_at(when, sizeof when, start);
	char title[256];
	snprintf(title, sizeof title, "%s %s %s", PICK(title_words), PICK(words), PICK(words));
	int64_t tid = ++g->tid;
	sqlite3_stmt *st = db_stmt(g->d, sql_net, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int(st, 1, net);
	thread_fields tf = { .id = tid, .author_id = g->acc[rnd_below(g->nacc)], .title = title,
	                     .created_at = when };
	tf.network_id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	status s = forum_rows_thread(g->d, &tf, NULL, e);
	/* Keep the thread's recent paths for reply trees, no deeper than 23 replies. */
	enum { KEEP = 16, DEEPEST = 23 };
	unsigned char paths[KEEP][FORUM_PATH_MAX];
	size_t plen[KEEP], kept = 0;
	int64_t pids[KEEP], depths[KEEP], at = start;
	for (unsigned long p = 0; s == ST_OK && p < n; p++) {
		int64_t pid = ++g->pid;
		at += 60 + (int64_t)rnd_below(p < 20 ? 86400 : 3600 * 6);
		size_t k = 0;
		if (kept) {
			/* Answer a recent post mostly, the first one sometimes. */
			k = rnd_unit() < 0.3 ? 0 : (kept - 1) - rnd_below(kept < 4 ? kept : 4);
			if (depths[k] >= DEEPEST)
				k = 0;
		}
		char *body = body_text(db_handle(g->d));
		iso_at(when, sizeof when, at);
		if (!body)
			return err_oom(e);
		post_fields pf = { .id = pid, .thread_id = tid, .parent_id = kept ? pids[k] : 0,
		                   .parent_path = kept ? paths[k] : NULL, .parent_len = kept ? plen[k] : 0,
		                   .parent_depth = kept ? depths[k] : 0,
		                   .author_id = g->acc[rnd_below(g->nacc)], .body = body,
		                   .created_at = when };
		s = forum_rows_post(g->d, &pf, NULL, e);
		sqlite3_free(body);
		unsigned char path[FORUM_PATH_MAX];
		size_t len = forum_rows_child_path(pf.parent_path, pf.parent_len, pid, path);
		int64_t depth = kept ? depths[k] + 1 : 0;
		/* Slot 0 is the first post; the others roll. */
		size_t slot = kept < KEEP ? kept++ : 1 + rnd_below(KEEP - 1);
		memcpy(paths[slot], path, len);
		plen[slot] = len;
		pids[slot] = pid;
		depths[slot] = depth;
		if (g->progress && ++g->done % 10000 == 0)
			g->progress("posts", g->done, g->o->posts, g->arg);
	}
	return s;
}

static int64_t max_id(db *d, const char *sql)
{
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	int64_t id = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (st)
		sqlite3_reset(st);
	return id;
}

status gen_synthetic(db *d, const gen_options *o, gen_progress progress, void *arg, error *e)
{
	static const char sql_max[] = "SELECT COALESCE(max(id), 0) FROM threads";
	static const char sql_maxp[] = "SELECT COALESCE(max(id), 0) FROM posts";
	rnd_state = o->seed;
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	gen_ctx g = { .d = d, .o = o, .progress = progress, .arg = arg };
	unsigned long *sizes = NULL;
	if (progress)
		progress("towns", 0, o->towns, arg);
	if ((s = gen_towns(d, o, &g.acc, &g.nacc, e)) != ST_OK)
		goto fail;
	if (!g.nacc) {
		s = err_set(e, ST_INVALID, _("Ask for more towns than the bundled directory has, so that "
		                             "there are synthetic people to write"));
		goto fail;
	}
	if (!(sizes = thread_sizes(o))) {
		s = err_oom(e);
		goto fail;
	}
	g.tid = max_id(d, sql_max);
	g.pid = max_id(d, sql_maxp);
	for (unsigned long t = 0; s == ST_OK && t < o->threads; t++)
		s = gen_thread(&g, sizes[t], e);
	char params[128];
	snprintf(params, sizeof params, "towns=%lu threads=%lu posts=%lu seed=%llu", o->towns,
	         o->threads, o->posts, (unsigned long long)o->seed);
	if (s != ST_OK ||
	    (s = db_meta_set(d, "kind", "synthetic", _("Generating data"), e)) != ST_OK ||
	    (s = db_meta_set(d, "synthetic_params", params, _("Generating data"), e)) != ST_OK ||
	    (s = search_optimize(d, e)) != ST_OK)
		goto fail;
	free(g.acc);
	free(sizes);
	if (progress)
		progress("commit", g.done, o->posts, arg);
	return db_commit(d, e);
fail:
	free(g.acc);
	free(sizes);
	db_rollback(d);
	return s;
}
