/* test_meeting.c — the meetings list filtered in core (network, time, town that hosted
 * or attended) and its facets: each value's count is what the list would show with that
 * value chosen, checked against the list itself over the bundled meetings and two added
 * ones. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/meeting.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-meeting.XXXXXX";

static size_t shown(db *d, const account *a, const meeting_filter *f)
{
	meeting_list l;
	error e;
	if (meeting_list_get(d, a, f, &l, NULL, &e) != ST_OK)
		return (size_t)-1;
	size_t n = l.n;
	meeting_list_free(&l);
	return n;
}

static long long facet_count(const facet_list *l, const char *value)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].value, value) == 0)
			return (long long)l->items[i].count;
	return -1;
}

/* Every facet of every dimension counts what the list shows with its value chosen. */
static void facets_agree(db *d, const account *a, const meeting_filter *base, const char *what)
{
	for (int k = MEETING_FACET_NETWORK; k <= MEETING_FACET_TOWN; k++) {
		facet_list fl;
		error e;
		if (meeting_facets(d, a, base, (meeting_facet_kind)k, &fl, &e) != ST_OK) {
			ok(0, "%s: facets of dimension %d: %s", what, k, e.msg);
			continue;
		}
		size_t wrong = 0, sum = 0;
		for (size_t i = 0; i < fl.n; i++) {
			meeting_filter f = *base;
			if (k == MEETING_FACET_NETWORK)
				f.network = atoi(fl.items[i].value);
			else if (k == MEETING_FACET_TIME)
				f.time = fl.items[i].value[0] == '1' ? MEETING_PLANNED : MEETING_PAST;
			else
				f.town = fl.items[i].value;
			size_t n = shown(d, a, &f);
			if (n != fl.items[i].count) {
				wrong++;
				diag("%s: %s (%zu) shows %zu", what, fl.items[i].label, fl.items[i].count, n);
			}
			if (!fl.items[i].count && k != MEETING_FACET_TIME)
				wrong++; /* a value no meeting has is not offered */
			sum += fl.items[i].count;
		}
		ok(fl.n > 0 && !wrong, "%s: dimension %d, %zu values, each counts what it shows", what,
		   k, fl.n);
		if (k == MEETING_FACET_TIME) {
			meeting_filter f = *base;
			f.time = MEETING_ANY_TIME;
			is_int((long long)sum, (long long)shown(d, a, &f),
			       "%s: planned and past add up to all", what);
		}
		facet_list_free(&fl);
	}
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/m.db", dir);
	error e;
	db *d;
	setenv("EMPIRIE_NOW", "2030-01-01T10:00:00Z", 1);
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account admin = { 0 }, k1 = { 0 }, anna = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_add(d, NULL, "koord1", "Koordynator 1", ROLE_COORDINATOR, NULL, 1, &e);
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Zabrze", 0, &e);
	account_get(d, "root-test", &admin, &e);
	account_get(d, "koord1", &k1, &e);
	account_get(d, "anna", &anna, &e);

	/* ---- the bundled meetings, unfiltered ---- */
	meeting_list all, raw;
	meeting_counts c;
	is_int(meeting_list_get(d, &admin, NULL, &all, &c, &e), ST_OK, "list every meeting");
	is_int(meetings_read(d, &admin, 0, 0, &raw, &e), ST_OK, "and read them directly");
	ok(all.n > 0 && all.n == raw.n && c.visible == raw.n,
	   "no filter leaves all %zu (visible: %zu)", all.n, c.visible);
	size_t planned = 0;
	for (size_t i = 0; i < raw.n; i++)
		planned += meeting_is_planned(&raw.items[i]);
	is_int((long long)c.planned, (long long)planned, "the planned ones counted (%zu)", planned);
	ok(c.joint < all.n, "joint repeats are fewer than the rows (%zu)", c.joint);
	meeting_list_free(&raw);

	/* A town that is listed as attending some meeting, and the network of that meeting. */
	char town[200] = "";
	int net = 0;
	for (size_t i = 0; i < all.n && !*town; i++)
		if (all.items[i].attending && *all.items[i].attending) {
			snprintf(town, sizeof town, "%.*s", (int)strcspn(all.items[i].attending, ","),
			         all.items[i].attending);
			net = all.items[i].network_number;
		}
	ok(*town && net, "a bundled meeting lists attending towns (%s, network %d)", town, net);
	meeting_list_free(&all);

	/* ---- two added meetings: a planned one of network 1 in Zabrze that Łomża
	 * attends, and a past one hosted outside the directory ---- */
	meeting_filter fz = { .town = "Zabrze" }, fl = { .town = "Łomża" };
	meeting_filter fp = { .time = MEETING_PLANNED }, f1 = { .network = 1 };
	size_t z0 = shown(d, &admin, &fz), l0 = shown(d, &admin, &fl), p0 = shown(d, &admin, &fp);
	size_t n10 = shown(d, &admin, &f1);
	meeting_fields mf = { .network = 1, .date_start = "2030-03-18", .date_end = "2030-03-19",
	                      .host = "Zabrze", .format = "online", .title = "Spotkanie o źródłach" };
	int64_t m1 = 0, m2 = 0;
	is_int(meeting_save(d, &k1, 0, &mf, &m1, &e), ST_OK, "a planned meeting added");
	city lomza;
	is_int(directory_city(d, "Łomża", &lomza, &e), ST_OK, "Łomża is a town of the directory");
	is_int(meeting_rows_attend(d, m1, lomza.id, "source", false, NULL, &e), ST_OK,
	       "Łomża listed as attending");
	city_clear(&lomza);
	meeting_fields past = mf;
	past.date_start = "2024-05-06", past.date_end = "", past.host = "Pałac w Nieborowie";
	past.title = "Wizyta studyjna";
	is_int(meeting_save(d, &k1, 0, &past, &m2, &e), ST_OK, "a past meeting added elsewhere");
	is_int((long long)shown(d, &admin, &fz), (long long)z0 + 1, "Zabrze: one more (the host)");
	is_int((long long)shown(d, &admin, &fl), (long long)l0 + 1,
	       "Łomża: one more (attending)");
	is_int((long long)shown(d, &admin, &fp), (long long)p0 + 1, "planned: one more");
	is_int((long long)shown(d, &admin, &f1), (long long)n10 + 2, "network 1: two more");
	meeting_filter both = { .network = 1, .time = MEETING_PLANNED, .town = "Łomża" };
	meeting_list l;
	is_int(meeting_list_get(d, &admin, &both, &l, &c, &e), ST_OK, "all three filters at once");
	ok(l.n >= 1 && c.planned == l.n, "they narrow together (%zu, all planned)", l.n);
	bool found = false;
	for (size_t i = 0; i < l.n; i++)
		found = found || l.items[i].id == m1;
	ok(found, "the added meeting is among them");
	meeting_list_free(&l);
	meeting_filter none = { .town = "Nie ma takiego miasta" };
	is_int(meeting_list_get(d, &admin, &none, &l, &c, &e), ST_OK, "a town no meeting names");
	ok(l.n == 0 && c.visible > 0, "nothing shown, but the visible ones still counted (%zu)",
	   c.visible);
	meeting_list_free(&l);

	/* ---- the facets ---- */
	facet_list ft;
	is_int(meeting_facets(d, &admin, &fz, MEETING_FACET_TOWN, &ft, &e), ST_OK, "towns facet");
	is_int(facet_count(&ft, "Pałac w Nieborowie"), 1, "a host outside the directory is offered");
	is_int(facet_count(&ft, "Łomża"), (long long)l0 + 1,
	       "the town filter is left out of its own facet: Łomża counts all its meetings");
	bool ordered = true;
	for (size_t i = 1; i < ft.n; i++)
		ordered = ordered && strcmp(ft.items[i - 1].value, ft.items[i].value) != 0;
	ok(ordered, "each town offered once");
	facet_list_free(&ft);
	is_int(meeting_facets(d, &admin, &f1, MEETING_FACET_TIME, &ft, &e), ST_OK, "time facet");
	is_int((long long)ft.n, 2, "two values, planned and past");
	ok(ft.n == 2 && !strcmp(ft.items[0].value, "1") && !strcmp(ft.items[1].value, "2"),
	   "planned first");
	facet_list_free(&ft);
	is_int(meeting_facets(d, &admin, &fl, MEETING_FACET_NETWORK, &ft, &e), ST_OK,
	       "network facet");
	ok(ft.n > 0 && facet_count(&ft, "1") >= 1, "network 1 offered for Łomża");
	bool numeric = true;
	for (size_t i = 1; i < ft.n; i++)
		numeric = numeric && atoi(ft.items[i - 1].value) < atoi(ft.items[i].value);
	ok(numeric, "networks in their order");
	facet_list_free(&ft);

	meeting_filter any = { 0 }, by_town = { .town = town }, by_net = { .network = net };
	meeting_filter past_only = { .time = MEETING_PAST, .network = net };
	facets_agree(d, &admin, &any, "no filter");
	facets_agree(d, &admin, &by_town, "a town");
	facets_agree(d, &admin, &by_net, "a network");
	facets_agree(d, &admin, &past_only, "past, a network");
	facets_agree(d, &anna, &any, "a member");
	account_clear(&admin), account_clear(&k1), account_clear(&anna);
	db_close(&d);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
