/* test_practice.c — good practices (bundled rows, filters and their facets, visibility,
 * who may write what, field errors, search) and meetings (writing, attendance). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/bundled.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/search.h"
#include "text/csv.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-practice.XXXXXX";

/* Rows of the bundled data/practices.csv (its header not counted). */
static size_t bundled_rows(void)
{
	csv_reader *r = csv_reader_new(bundled_practices_csv, bundled_practices_csv_len, ',');
	csv_row row;
	size_t n = 0;
	while (r && csv_next(r, &row) == CSV_ROW)
		if (!(row.nfields == 1 && !row.fields[0][0]))
			n++;
	csv_reader_free(r);
	return n ? n - 1 : 0;
}

/* The count of the facet whose value is `value` (0 when absent). */
static long long facet_count(const facet_list *l, const char *value)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].value, value) == 0)
			return (long long)l->items[i].count;
	return 0;
}

static long long facet_count_label(const facet_list *l, const char *label)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].label, label) == 0)
			return (long long)l->items[i].count;
	return 0;
}

static bool has_hit(db *d, const account *a, const char *text, hit_kind k, int64_t id)
{
	hit_list l;
	error e;
	bool found = false;
	if (search_run(d, a, text, 0, 200, &l, &e) != ST_OK)
		return false;
	for (size_t i = 0; i < l.n; i++)
		found = found || (l.items[i].kind == k && l.items[i].id == id);
	hit_list_free(&l);
	return found;
}

static size_t count_list(db *d, const account *a, const practice_filter *f)
{
	practice_list l;
	error e;
	if (practice_list_get(d, a, f, &l, &e) != ST_OK)
		return (size_t)-1;
	size_t n = l.n;
	practice_list_free(&l);
	return n;
}

static practice_fields fields(const char *town, const char *networks, const char *theme,
                              const char *title)
{
	practice_fields f = { .city = town, .networks = networks, .theme = theme, .title = title };
	return f;
}

/* The field list (practice_fields.h) is whole: every field has its names and texts, the
 * form's places are each used once, and the kinds' rules hold. */
static void test_field_list(void)
{
	bool place[PRACTICE_NFIELDS] = { false };
	bool whole = true;
	for (int i = 0; i < PRACTICE_NFIELDS; i++) {
		const practice_field_info *f = &practice_field_list[i];
		int j = f->form;
		whole = whole && f->name && *f->option && *f->arg && *f->help && *f->label &&
		        j >= 0 && j < PRACTICE_NFIELDS && !place[j];
		if (j >= 0 && j < PRACTICE_NFIELDS)
			place[j] = true;
		is_int(practice_field_index(f->name), i, "field %s is found by its name", f->name);
	}
	ok(whole, "every field has its texts; the form's places are 0..%d, each once",
	   PRACTICE_NFIELDS - 1);
	ok(practice_value_fault(PRACTICE_F_title, "a\nb") != NULL, "a title is one line");
	ok(practice_value_fault(PRACTICE_F_problem, "a\nb") == NULL, "a problem may have lines");
}

int main(void)
{
	test_field_list();
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/p.db", dir);
	error e;
	db *d;
	setenv("EMPIRIE_NOW", "2030-01-01T10:00:00Z", 1);
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account admin = { 0 }, anna = { 0 }, lomza = { 0 }, guest = { 0 }, mayor = { 0 };
	account k6 = { 0 }, k1 = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Zabrze", 0, &e);
	account_add(d, NULL, "lomza1", "Ł", ROLE_MEMBER, "Łomża", 0, &e);
	account_add(d, NULL, "burmistrz", "Burmistrz", ROLE_LEADER, "Złotów", 0, &e);
	account_add(d, NULL, "koord6", "Koordynator 6", ROLE_COORDINATOR, NULL, 6, &e);
	account_add(d, NULL, "koord1", "Koordynator 1", ROLE_COORDINATOR, NULL, 1, &e);
	account_get(d, "root-test", &admin, &e);
	account_get(d, "anna", &anna, &e);
	account_get(d, "lomza1", &lomza, &e);
	account_get(d, "burmistrz", &mayor, &e);
	account_get(d, "koord6", &k6, &e);
	account_get(d, "koord1", &k1, &e);
	account_resolve(d, "stranger", &guest, &e);

	/* ---- the bundled practices ---- */
	size_t rows = bundled_rows();
	ok(rows > 0, "the bundled file has practices (%zu)", rows);
	is_int((long long)count_list(d, &admin, NULL), (long long)rows,
	       "a fresh database holds every bundled practice");
	practice_list all;
	is_int(practice_list_get(d, &admin, NULL, &all, &e), ST_OK, "list them");
	bool complete = all.n > 0;
	for (size_t i = 0; i < all.n; i++)
		complete = complete && *all.items[i].key && *all.items[i].city && *all.items[i].title;
	ok(complete, "each with a key, a town and a title");
	if (all.n) {
		practice p;
		is_int(practice_get(d, &admin, 0, all.items[0].key, &p, &e), ST_OK, "found by its key");
		is_int(p.id, all.items[0].id, "the same practice");
		practice_clear(&p);
	}
	practice_list_free(&all);

	/* ---- practices of our own, for the filters ---- */
	int64_t p1 = 0, p2 = 0, p3 = 0, p4 = 0;
	practice_fields f = fields("Zabrze", "1, 6", "tematA", "Alfa");
	is_int(practice_save(d, &admin, 0, &f, &p1, &e), ST_OK, "admin adds a practice in networks 1 and 6");
	f = fields("Zabrze", "1", "tematB", "Beta");
	is_int(practice_save(d, &admin, 0, &f, &p2, &e), ST_OK, "another in network 1");
	f = fields("Łomża", "6", "tematA", "Gamma");
	is_int(practice_save(d, &admin, 0, &f, &p3, &e), ST_OK, "one of Łomża in network 6");
	f = fields("Złotów", "8", "tematA", "Liderska");
	is_int(practice_save(d, &admin, 0, &f, &p4, &e), ST_OK, "one only in the leaders' network 8");
	ok(p1 && p2 && p3 && p4 && p1 != p2, "each gets its own id");

	practice_filter flt = { .theme = "tematA" };
	is_int((long long)count_list(d, &admin, &flt), 3, "theme tematA: 3 practices");
	flt.network = 6;
	is_int((long long)count_list(d, &admin, &flt), 2, "network 6 and theme tematA: 2");
	flt.network = 1;
	is_int((long long)count_list(d, &admin, &flt), 1, "network 1 and theme tematA: 1");
	practice_filter f_net1 = { .network = 1, .theme = "tematB" };
	is_int((long long)count_list(d, &admin, &f_net1), 1, "network 1 and theme tematB: 1");

	facet_list fl;
	practice_filter fa = { .theme = "tematA" };
	is_int(practice_facets(d, &admin, &fa, FACET_NETWORK, &fl, &e), ST_OK, "network facet");
	is_int(facet_count(&fl, "1"), 1, "theme tematA: network 1 would show 1");
	is_int(facet_count(&fl, "6"), 2, "network 6 would show 2");
	is_int(facet_count(&fl, "8"), 1, "network 8 would show 1 (to an administrator)");
	facet_list_free(&fl);
	is_int(practice_facets(d, &admin, &fa, FACET_THEME, &fl, &e), ST_OK, "theme facet");
	is_int(facet_count(&fl, "tematB"), 1, "the theme facet ignores the theme filter itself");
	is_int(facet_count(&fl, "tematA"), 3, "and counts tematA as 3");
	facet_list_free(&fl);
	practice_filter fb = { .network = 1 };
	is_int(practice_facets(d, &admin, &fb, FACET_THEME, &fl, &e), ST_OK, "themes of network 1");
	ok(facet_count(&fl, "tematA") == 1 && facet_count(&fl, "tematB") == 1,
	   "network 1: tematA 1, tematB 1");
	facet_list_free(&fl);
	practice_filter fc = { .network = 6, .theme = "tematA" };
	is_int(practice_facets(d, &admin, &fc, FACET_CITY, &fl, &e), ST_OK, "town facet");
	ok(facet_count_label(&fl, "Zabrze") == 1 && facet_count_label(&fl, "Łomża") == 1,
	   "network 6 + tematA: Zabrze 1, Łomża 1");
	is_int(facet_count_label(&fl, "Złotów"), 0, "Złotów (network 8 only) not among them");
	facet_list_free(&fl);
	fc.network = 0;
	is_int(practice_facets(d, &guest, &fc, FACET_VOIVODESHIP, &fl, &e), ST_OK,
	       "voivodeship facet for a guest");
	ok(facet_count(&fl, "śląskie") == 1 && facet_count(&fl, "podlaskie") == 1,
	   "tematA: śląskie 1, podlaskie 1");
	is_int(facet_count(&fl, "wielkopolskie"), 0, "the leaders' practice of Złotów not counted");
	facet_list_free(&fl);
	practice_filter fd = { .theme = "tematA" };
	city zab;
	directory_city(d, "Zabrze", &zab, &e);
	fd.city_id = zab.id;
	is_int((long long)count_list(d, &admin, &fd), 1, "town Zabrze and theme tematA: 1");
	city_clear(&zab);

	/* ---- visibility ---- */
	practice p;
	is_int(practice_get(d, &guest, p4, NULL, &p, &e), ST_NOTFOUND,
	       "a practice only in the leaders' network is hidden from a guest");
	is_int(practice_get(d, &anna, p4, NULL, &p, &e), ST_NOTFOUND, "and from a member");
	is_int(practice_get(d, &mayor, p4, NULL, &p, &e), ST_OK, "a leader sees it");
	practice_clear(&p);
	is_int(practice_facets(d, &guest, &fa, FACET_NETWORK, &fl, &e), ST_OK,
	       "network facet for a guest");
	is_int(facet_count(&fl, "8"), 0, "without network 8");
	facet_list_free(&fl);
	is_int((long long)count_list(d, &guest, &fa), 2, "a guest sees 2 of the 3 tematA practices");

	/* ---- who may write ---- */
	is_int(practice_save(d, &guest, 0, &f, NULL, &e), ST_DENIED, "a guest may not add");
	practice_fields mine = fields("Zabrze", "1", "tematB", "Beta poprawiona");
	is_int(practice_save(d, &anna, p2, &mine, NULL, &e), ST_OK,
	       "a member edits her own town's practice");
	practice_fields theirs = fields("Łomża", "6", "tematA", "Gamma poprawiona");
	is_int(practice_save(d, &anna, p3, &theirs, NULL, &e), ST_DENIED, "but not another town's");
	int64_t pn = 0;
	is_int(practice_save(d, &anna, 0, &theirs, &pn, &e), ST_DENIED,
	       "nor adds one for another town");
	practice_fields own_new = fields("Zabrze", "", "", "Nowa z Zabrza");
	is_int(practice_save(d, &anna, 0, &own_new, &pn, &e), ST_OK, "she adds one for her own");
	practice_fields k_ok = fields("Tarnów", "6", "tematC", "Tarnów w sieci 6");
	is_int(practice_save(d, &k6, 0, &k_ok, &pn, &e), ST_OK,
	       "the coordinator of network 6 adds any town's practice shown in network 6");
	practice_fields k_out = fields("Tarnów", "3", "tematC", "Tarnów poza siecią 6");
	is_int(practice_save(d, &k6, 0, &k_out, NULL, &e), ST_DENIED, "but not one outside network 6");
	is_int(practice_save(d, &k6, p3, &theirs, NULL, &e), ST_OK, "edits one shown in network 6");
	is_int(practice_save(d, &k6, p2, &mine, NULL, &e), ST_DENIED, "not one shown only in network 1");
	practice_fields any = fields("Żary", "3", "", "Administrator może wszystko");
	is_int(practice_save(d, &admin, 0, &any, NULL, &e), ST_OK, "the administrator adds anything");
	is_int(practice_save(d, &admin, p3, &mine, NULL, &e), ST_OK, "and changes anything");

	/* ---- errors name the field ---- */
	practice_fields bad = fields("Zabrze", "1", "", "");
	is_int(practice_save(d, &admin, 0, &bad, NULL, &e), ST_INVALID, "empty title refused");
	ok(strstr(e.msg, practice_field_label("title")) != NULL, "names the title: %s", e.msg);
	bad = fields("Atlantyda", "1", "", "Tytuł");
	is_int(practice_save(d, &admin, 0, &bad, NULL, &e), ST_INVALID, "unknown town refused");
	ok(strstr(e.msg, practice_field_label("city")) && strstr(e.msg, "Atlantyda"),
	   "names the town field and the town: %s", e.msg);
	bad = fields("Zabrze", "1, x7", "", "Tytuł");
	is_int(practice_save(d, &admin, 0, &bad, NULL, &e), ST_INVALID, "a bad network refused");
	ok(strstr(e.msg, practice_field_label("networks")) != NULL, "names the networks: %s", e.msg);
	bad = fields("Zabrze", "42", "", "Tytuł");
	is_int(practice_save(d, &admin, 0, &bad, NULL, &e), ST_INVALID, "an unknown network refused");
	bad = fields("Zabrze", "1", "", "Tytuł");
	bad.meetings = "n1-nie-ma-takiego";
	is_int(practice_save(d, &admin, 0, &bad, NULL, &e), ST_INVALID, "an unknown meeting refused");
	ok(strstr(e.msg, practice_field_label("meetings")) != NULL, "names the meetings: %s", e.msg);
	bad = fields("Zabrze", "1", "", "dwie\nlinie");
	is_int(practice_save(d, &admin, 0, &bad, NULL, &e), ST_INVALID, "a two-line title refused");
	size_t before = count_list(d, &admin, NULL);
	bad = fields("Zabrze", "1, 42", "", "Połowicznie dobra");
	practice_save(d, &admin, 0, &bad, NULL, &e);
	is_int((long long)count_list(d, &admin, NULL), (long long)before,
	       "a refused practice leaves nothing behind");

	/* ---- search ---- */
	int64_t ps = 0;
	practice_fields sf = fields("Zabrze", "1", "zieleń", "Żółwiowy ogród");
	sf.actions = "Posadzono drzewa wzdłuż ulic.";
	is_int(practice_save(d, &anna, 0, &sf, &ps, &e), ST_OK, "a practice to search for");
	ok(has_hit(d, &guest, "zolwiowy", HIT_PRACTICE, ps), "\"zolwiowy\" finds \"Żółwiowy ogród\"");
	ok(has_hit(d, &guest, "posadzono drzewa", HIT_PRACTICE, ps), "words of its text find it too");
	sf.title = "Kangurzy ogród";
	is_int(practice_save(d, &anna, ps, &sf, NULL, &e), ST_OK, "its title changes");
	ok(!has_hit(d, &guest, "zolwiowy", HIT_PRACTICE, ps), "the old word no longer finds it");
	ok(has_hit(d, &guest, "kangurzy", HIT_PRACTICE, ps), "the new one does");
	ok(!has_hit(d, &guest, "liderska", HIT_PRACTICE, p4), "a guest does not find the leaders' practice");
	ok(has_hit(d, &mayor, "liderska", HIT_PRACTICE, p4), "a leader does");

	/* ---- meetings: writing ---- */
	meeting_fields mf = { .network = 1, .date_start = "2030-03-18", .date_end = "2030-03-19",
	                      .host = "Zabrze", .format = "online", .title = "Spotkanie o źródłach",
	                      .topics = "Ogrody deszczowe" };
	int64_t m1 = 0;
	is_int(meeting_save(d, &anna, 0, &mf, NULL, &e), ST_DENIED, "a member may not add meetings");
	is_int(meeting_save(d, &k6, 0, &mf, NULL, &e), ST_DENIED,
	       "nor the coordinator of another network");
	is_int(meeting_save(d, &k1, 0, &mf, &m1, &e), ST_OK, "the network's coordinator adds one");
	ok(m1 > 0, "it gets an id");
	ok(has_hit(d, &guest, "zrodlach", HIT_MEETING, m1), "\"zrodlach\" finds the meeting");
	ok(has_hit(d, &guest, "ogrody deszczowe", HIT_MEETING, m1), "so does its agenda");
	meeting_fields bd = mf;
	bd.date_start = "2030-02-30";
	is_int(meeting_save(d, &k1, 0, &bd, NULL, &e), ST_INVALID, "30 February refused");
	ok(strstr(e.msg, meeting_field_label("date_start")) != NULL, "names the first day: %s", e.msg);
	bd = mf;
	bd.date_start = "18.03.2030";
	is_int(meeting_save(d, &k1, 0, &bd, NULL, &e), ST_INVALID, "a date not in YYYY-MM-DD refused");
	bd = mf;
	bd.date_end = "2030-03-17";
	is_int(meeting_save(d, &k1, 0, &bd, NULL, &e), ST_INVALID, "an end before the start refused");
	ok(strstr(e.msg, meeting_field_label("date_end")) != NULL, "names the last day: %s", e.msg);
	bd = mf;
	bd.title = " ";
	is_int(meeting_save(d, &k1, 0, &bd, NULL, &e), ST_INVALID, "a blank title refused");
	bd = mf;
	bd.network = 42;
	is_int(meeting_save(d, &admin, 0, &bd, NULL, &e), ST_INVALID, "an unknown network refused");
	ok(meeting_date_valid("2028-02-29") && !meeting_date_valid("2030-02-29") &&
	   !meeting_date_valid("2030-13-01") && !meeting_date_valid("2030-1-01") &&
	   !meeting_date_valid(""), "meeting_date_valid: leap years, months, format");
	meeting_fields ed = mf;
	ed.title = "Spotkanie o deszczówce";
	is_int(meeting_save(d, &k1, m1, &ed, NULL, &e), ST_OK, "the coordinator edits it");
	ok(!has_hit(d, &guest, "zrodlach", HIT_MEETING, m1), "the old title no longer finds it");
	ok(has_hit(d, &guest, "deszczowce", HIT_MEETING, m1), "the new one does");
	is_int(meeting_save(d, &k6, m1, &ed, NULL, &e), ST_DENIED,
	       "another network's coordinator may not edit it");

	meeting m;
	is_int(meeting_get(d, &guest, m1, &m, &e), ST_OK, "read it back");
	ok(meeting_is_planned(&m), "2030-03-18 is ahead of 2030-01-01");
	char *when = meeting_when(&m);
	ok(when && strstr(when, "18") && strstr(when, "19") && strstr(when, "2030"),
	   "meeting_when without a published wording: %s", when ? when : "(null)");
	free(when);
	meeting_clear(&m);

	/* ---- meetings: attendance ---- */
	meeting_fields past = mf;
	past.date_start = "2029-12-01";
	past.date_end = "";
	past.title = "Spotkanie minione";
	int64_t m0 = 0;
	is_int(meeting_save(d, &k1, 0, &past, &m0, &e), ST_OK, "a meeting that is over");
	is_int(meeting_get(d, &guest, m0, &m, &e), ST_OK, "read it");
	ok(!meeting_is_planned(&m), "it is not planned");
	meeting_clear(&m);
	is_int(meeting_attend(d, &anna, m0, true, &e), ST_INVALID, "signing up for a past meeting refused");
	bool att = true, decl = true;
	meeting_town_attends(d, m0, anna.city_id, &att, &decl, &e);
	ok(!att, "and nothing stored");
	is_int(meeting_attend(d, &anna, m1, true, &e), ST_OK, "a member signs her town up");
	meeting_town_attends(d, m1, anna.city_id, &att, &decl, &e);
	ok(att && decl, "Zabrze attends, by its own declaration");
	is_int(meeting_attend(d, &anna, m1, true, &e), ST_OK, "signing up twice is fine");
	is_int(meeting_get(d, &guest, m1, &m, &e), ST_OK, "read the meeting");
	is_str(m.attending, "Zabrze", "Zabrze listed once");
	meeting_clear(&m);
	is_int(meeting_attend(d, &anna, m1, false, &e), ST_OK, "and off again");
	meeting_town_attends(d, m1, anna.city_id, &att, &decl, &e);
	ok(!att, "Zabrze no longer attends");
	is_int(meeting_attend(d, &anna, m1, false, &e), ST_OK, "taking off twice is fine");
	is_int(meeting_attend(d, &lomza, m1, true, &e), ST_DENIED,
	       "a town not in the meeting's network refused");
	meeting_town_attends(d, m1, lomza.city_id, &att, &decl, &e);
	ok(!att, "and nothing stored");
	is_int(meeting_attend(d, &guest, m1, true, &e), ST_DENIED, "a guest refused");
	is_int(meeting_attend(d, &k1, m1, true, &e), ST_DENIED, "an account without a town refused");
	is_int(meeting_attend(d, &anna, 999999, true, &e), ST_NOTFOUND, "an unknown meeting");
	setenv("EMPIRIE_NOW", "2030-03-20T10:00:00Z", 1);
	is_int(meeting_get(d, &guest, m1, &m, &e), ST_OK, "later on");
	ok(!meeting_is_planned(&m), "the meeting is over");
	meeting_clear(&m);
	is_int(meeting_attend(d, &anna, m1, true, &e), ST_INVALID, "and can no longer be signed up for");

	/* ---- practices shown at meetings ---- */
	practice_fields shown = fields("Zabrze", "", "", "Pokazana na spotkaniu");
	is_int(meeting_save(d, &admin, m1, &ed, NULL, &e), ST_OK, "(the meeting is unchanged)");
	meeting_get(d, &guest, m1, &m, &e);
	shown.meetings = m.key;
	int64_t psh = 0;
	is_int(practice_save(d, &anna, 0, &shown, &psh, &e), ST_OK, "a practice shown at the meeting");
	meeting_clear(&m);
	practice_filter fm = { .meeting_id = m1 };
	is_int((long long)count_list(d, &guest, &fm), 1, "the meeting lists it");
	is_int(practice_get(d, &guest, psh, NULL, &p, &e), ST_OK, "read it");
	is_str(p.networks, "1", "shown at a network-1 meeting, it is shown in network 1");
	practice_clear(&p);
	meeting_list ml;
	is_int(practice_meetings(d, &guest, psh, &ml, &e), ST_OK, "its meetings");
	ok(ml.n == 1 && ml.items[0].id == m1, "the one meeting");
	meeting_list_free(&ml);

	account_clear(&admin), account_clear(&anna), account_clear(&lomza), account_clear(&guest);
	account_clear(&mayor), account_clear(&k6), account_clear(&k1);
	db_close(&d);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
