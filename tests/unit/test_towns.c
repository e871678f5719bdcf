/* test_towns.c — the towns view's list filtered in core (network, voivodeship, programme
 * status, good practices) and its facets: each value's count is what the list shows with
 * that value chosen; the networks and practices of a town are those the account may see
 * (a guest does not see the leaders' network 8 or a practice shown only there). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/practice.h"
#include "core/towns.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-towns.XXXXXX";

static size_t shown(db *d, const account *a, const town_filter *f)
{
	town_list l;
	error e;
	if (town_list_get(d, a, f, &l, NULL, &e) != ST_OK)
		return (size_t)-1;
	size_t n = l.n;
	town_list_free(&l);
	return n;
}

static long long count_of(const facet_list *l, const char *value)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].value, value) == 0)
			return (long long)l->items[i].count;
	return -1;
}

/* The filter with value v of dimension k chosen. */
static town_filter with(const town_filter *base, int k, const char *v)
{
	town_filter f = *base;
	switch (k) {
	case TOWN_FACET_NETWORK: f.network = atoi(v); break;
	case TOWN_FACET_VOIVODESHIP: f.voivodeship = v; break;
	case TOWN_FACET_STATUS: f.status = v; break;
	default: f.practices = v[0] == '1' ? TOWN_WITH_PRACTICES : TOWN_WITHOUT_PRACTICES; break;
	}
	return f;
}

/* Every facet of every dimension counts what the list shows with its value chosen. */
static void facets_agree(db *d, const account *a, const town_filter *base, const char *what)
{
	for (int k = TOWN_FACET_NETWORK; k <= TOWN_FACET_PRACTICES; k++) {
		facet_list fl;
		error e;
		if (town_facets(d, a, base, (town_facet_kind)k, &fl, &e) != ST_OK) {
			ok(0, "%s: facets of dimension %d: %s", what, k, e.msg);
			continue;
		}
		size_t wrong = 0, sum = 0;
		for (size_t i = 0; i < fl.n; i++) {
			town_filter f = with(base, k, fl.items[i].value);
			size_t n = shown(d, a, &f);
			if (n != fl.items[i].count) {
				wrong++;
				diag("%s: %s (%zu) shows %zu", what, fl.items[i].label, fl.items[i].count, n);
			}
			if (!fl.items[i].count && k != TOWN_FACET_PRACTICES)
				wrong++; /* a value no town has is not offered */
			sum += fl.items[i].count;
		}
		ok(!wrong, "%s: dimension %d, %zu values, each counts what it shows", what, k, fl.n);
		if (k == TOWN_FACET_PRACTICES || k == TOWN_FACET_STATUS) {
			town_filter f = with(base, k, "1");
			if (k == TOWN_FACET_PRACTICES)
				f.practices = TOWN_ANY_PRACTICES;
			else
				f.status = NULL;
			is_int((long long)sum, (long long)shown(d, a, &f), "%s: dimension %d adds up to all",
			       what, k);
		}
		facet_list_free(&fl);
	}
}

/* Each town's practices and networks are those a may see. */
static void towns_see(db *d, const account *a, bool leaders, const char *what)
{
	town_list l;
	error e;
	size_t total = 0, wrong = 0, eight = 0;
	is_int(town_list_get(d, a, NULL, &l, &total, &e), ST_OK, "%s: every town", what);
	city_list all;
	is_int(directory_cities(d, a, 0, 0, 100000, &all, NULL, &e), ST_OK, "%s: the directory", what);
	ok(l.n == all.n && total == all.n && all.n > 30, "%s: all %zu towns, none filtered (%zu)",
	   what, all.n, total);
	for (size_t i = 0; i < l.n && i < all.n; i++) {
		const town *t = &l.items[i];
		practice_filter pf = { .city_id = t->id };
		practice_list pl;
		if (practice_list_get(d, a, &pf, &pl, &e) != ST_OK)
			wrong++;
		else if (pl.n != t->practices) {
			diag("%s: %s has %zu practices, counted %zu", what, t->name, pl.n, t->practices);
			wrong++;
		}
		practice_list_free(&pl);
		network_list nl;
		char nets[200] = "";
		size_t o = 0;
		if (directory_city_networks(d, a, t->id, &nl, &e) == ST_OK) {
			for (size_t j = 0; j < nl.n && o < sizeof nets; j++)
				o += (size_t)snprintf(nets + o, sizeof nets - o, "%s%d", j ? " | " : "",
				                      nl.items[j].number);
			network_list_free(&nl);
		}
		if (strcmp(nets, t->networks) != 0) {
			diag("%s: %s in networks \"%s\", listed \"%s\"", what, t->name, nets, t->networks);
			wrong++;
		}
		eight += facet_has_number(t->networks, 8);
		wrong += strcmp(t->name, all.items[i].name) != 0; /* the same Polish order */
	}
	ok(!wrong, "%s: each town's practices and networks are those it may see, in order", what);
	ok(leaders ? eight > 0 : eight == 0, "%s: the leaders' network %s (%zu towns)", what,
	   leaders ? "shown" : "hidden", eight);
	city_list_free(&all);
	town_list_free(&l);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/t.db", dir);
	error e;
	db *d;
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account admin = { 0 }, guest = { 0 }, leader = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_add(d, NULL, "gosc", "Gość", ROLE_GUEST, NULL, 0, &e);
	account_add(d, NULL, "wojt", "Wójt", ROLE_LEADER, "Żywiec", 0, &e);
	account_get(d, "root-test", &admin, &e);
	account_get(d, "gosc", &guest, &e);
	account_get(d, "wojt", &leader, &e);

	towns_see(d, &admin, true, "an administrator");
	towns_see(d, &guest, false, "a guest");
	towns_see(d, &leader, true, "a leader");

	/* The fixed dimension and the filters combined. */
	facet_list fl;
	is_int(town_facets(d, &guest, NULL, TOWN_FACET_PRACTICES, &fl, &e), ST_OK, "practices facet");
	ok(fl.n == 2 && !strcmp(fl.items[0].value, "1") && !strcmp(fl.items[1].value, "2"),
	   "with good practices first, then without");
	ok(fl.n == 2 && fl.items[0].count > 5 && fl.items[1].count > 5, "both have towns (%zu, %zu)",
	   fl.n ? fl.items[0].count : 0, fl.n == 2 ? fl.items[1].count : 0);
	facet_list_free(&fl);
	is_int(town_facets(d, &guest, NULL, TOWN_FACET_STATUS, &fl, &e), ST_OK, "status facet");
	ok(count_of(&fl, "laureate") > 20, "laureates counted (%lld)", count_of(&fl, "laureate"));
	facet_list_free(&fl);
	is_int(town_facets(d, &guest, NULL, TOWN_FACET_NETWORK, &fl, &e), ST_OK, "network facet");
	ok(count_of(&fl, "8") == -1 && count_of(&fl, "1") > 0, "a guest is not offered network 8");
	bool numeric = true;
	for (size_t i = 1; i < fl.n; i++)
		numeric = numeric && atoi(fl.items[i - 1].value) < atoi(fl.items[i].value);
	ok(numeric, "networks in their order");
	facet_list_free(&fl);
	town_filter podk = { .voivodeship = "podkarpackie", .practices = TOWN_WITH_PRACTICES };
	town_list l;
	is_int(town_list_get(d, &guest, &podk, &l, NULL, &e), ST_OK, "two filters at once");
	size_t bad = 0;
	for (size_t i = 0; i < l.n; i++)
		bad += strcmp(l.items[i].voivodeship, "podkarpackie") != 0 || !l.items[i].practices;
	ok(l.n > 0 && !bad, "they narrow together (%zu towns)", l.n);
	town_list_free(&l);

	town_filter any = { 0 }, by_net = { .network = 5 }, by_voiv = { .voivodeship = "śląskie" };
	town_filter without = { .practices = TOWN_WITHOUT_PRACTICES, .status = "laureate" };
	facets_agree(d, &guest, &any, "no filter");
	facets_agree(d, &guest, &by_net, "a network");
	facets_agree(d, &guest, &by_voiv, "a voivodeship");
	facets_agree(d, &guest, &without, "laureates without practices");
	facets_agree(d, &leader, &any, "a leader");
	account_clear(&admin), account_clear(&guest), account_clear(&leader);
	db_close(&d);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
