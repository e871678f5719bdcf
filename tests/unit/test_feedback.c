/* test_feedback.c — feedback requests in the core (issue 22): the figures of
 * feedback_stats against durations set by hand (odd and even counts, nothing answered,
 * a period), what counts as an answer (not the town's own posts, not a hidden post),
 * who waits for which requests, and the durations as people read them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/feedback.h"
#include "core/forum.h"
#include "tap.h"

static char dir[] = "/tmp/empirie-feedback.XXXXXX";

static void at(const char *t)
{
	setenv("EMPIRIE_NOW", t, 1);
}

static int64_t ask(db *d, const account *a, const char *when, const char *title)
{
	int64_t id = 0;
	error e;
	at(when);
	if (feedback_ask(d, a, 1, title, "Opis.", "koszty", 0, &id, &e) != ST_OK)
		diag("ask: %s", e.msg);
	return id;
}

static int64_t reply(db *d, const account *a, int64_t tid, const char *when)
{
	int64_t id = 0;
	error e;
	at(when);
	if (forum_reply(d, a, tid, 0, "Odpowiedź.", &id, &e) != ST_OK)
		diag("reply: %s", e.msg);
	return id;
}

static void accept(db *d, const account *a, int64_t pid, const char *when)
{
	error e;
	at(when);
	if (feedback_accept(d, a, pid, &e) != ST_OK)
		diag("accept: %s", e.msg);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	char path[300];
	snprintf(path, sizeof path, "%s/f.db", dir);
	error e;
	db *d;
	at("2026-03-01T08:00:00Z");
	if (db_open(&d, path, DB_OPEN_CREATE, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	db_set_post_limit(d, 0);
	account anna = { 0 }, jan = { 0 }, k1 = { 0 }, k2 = { 0 }, ek = { 0 }, admin = { 0 };
	account_add(d, NULL, "root-test", "Admin", ROLE_ADMIN, NULL, 0, &e);
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Hrubieszów", 0, &e);
	account_add(d, NULL, "jan", "Jan", ROLE_MEMBER, "Piła", 0, &e);
	account_add(d, NULL, "koord1", "K1", ROLE_COORDINATOR, NULL, 1, &e);
	account_add(d, NULL, "koord2", "K2", ROLE_COORDINATOR, NULL, 2, &e);
	account_add(d, NULL, "ek", "Ekspert", ROLE_MEMBER, NULL, 1, &e);
	account_get(d, "root-test", &admin, &e);
	account_get(d, "koord1", &k1, &e);
	is_int(account_set_expert(d, &admin, "ek", true, &e), ST_OK, "an administrator names an expert");
	is_int(account_set_expert(d, &k1, "jan", true, &e), ST_DENIED, "a coordinator may not");
	account_get(d, "anna", &anna, &e);
	account_get(d, "jan", &jan, &e);
	account_get(d, "koord2", &k2, &e);
	account_get(d, "ek", &ek, &e);
	ok(ek.expert && !jan.expert, "the flag is read with the account");

	feedback_figures f;
	is_int(feedback_stats(d, &k1, 1, NULL, NULL, &f, &e), ST_OK, "figures of a network with none");
	ok(f.requests == 0 && f.open == 0 && f.median_first_s == -1 && f.median_accept_s == -1,
	   "  nothing, medians -1");

	/* r1: first answer after 1 h (the town's own follow-up at 30 min is no answer),
	 *     accepted after 1 day.
	 * r2: first answer (hidden later) after 10 min, then a visible one after 3 h;
	 *     accepted after 2 days 6 h.
	 * r3: never answered.
	 * r4: first answer after 5 h, open. */
	int64_t r1 = ask(d, &anna, "2026-03-02T08:00:00Z", "Pierwsza");
	reply(d, &anna, r1, "2026-03-02T08:30:00Z");
	int64_t a1 = reply(d, &jan, r1, "2026-03-02T09:00:00Z");
	accept(d, &anna, a1, "2026-03-03T08:00:00Z");
	int64_t r2 = ask(d, &jan, "2026-03-04T08:00:00Z", "Druga");
	int64_t hid = reply(d, &anna, r2, "2026-03-04T08:10:00Z");
	at("2026-03-04T09:00:00Z");
	is_int(forum_hide_post(d, &k1, hid, true, "nie na temat", &e), ST_OK, "the coordinator hides an answer");
	int64_t a2 = reply(d, &ek, r2, "2026-03-04T11:00:00Z");
	is_int(feedback_accept(d, &jan, hid, &e), ST_INVALID, "a hidden post cannot be the answer that helped");
	accept(d, &jan, a2, "2026-03-06T14:00:00Z");
	ask(d, &anna, "2026-03-10T08:00:00Z", "Trzecia");
	int64_t r4 = ask(d, &jan, "2026-03-12T08:00:00Z", "Czwarta");
	reply(d, &k1, r4, "2026-03-12T13:00:00Z");

	is_int(feedback_stats(d, &k1, 1, NULL, NULL, &f, &e), ST_OK, "figures of network 1");
	is_int(f.requests, 4, "  4 requests");
	is_int(f.open, 2, "  2 open");
	is_int(f.answered, 3, "  3 answered");
	is_int(f.accepted, 2, "  2 closed");
	is_int(f.median_first_s, 3 * 3600, "  median to the first answer: of 1 h, 3 h, 5 h, 3 h");
	is_int(f.median_accept_s, (86400 + (2 * 86400 + 6 * 3600)) / 2,
	       "  median to the accepted one: of 1 day and 2 days 6 h (even: the mean)");
	is_int(feedback_stats(d, &k1, 1, "2026-03-04", "2026-03-10", &f, &e), ST_OK, "a period");
	ok(f.requests == 2 && f.open == 1 && f.answered == 1 && f.median_first_s == 3 * 3600,
	   "  the second and third only (a date as the end takes its whole day)");
	is_int(feedback_stats(d, &k1, 2, NULL, NULL, &f, &e), ST_OK, "network 2");
	is_int(f.requests, 0, "  none there");

	feedback_request r;
	is_int(feedback_get(d, &anna, r1, &r, &e), ST_OK, "one request");
	is_int(r.answers, 1, "  one answer: the town's own post does not count");
	is_int(r.seconds_to_first, 3600, "  first answer after 1 h");
	is_str(r.helper, "Jan", "  who helped");
	is_str(r.helper_city, "Piła", "  and their town");
	feedback_request_clear(&r);
	is_int(feedback_get(d, &anna, 1, &r, &e), ST_NOTFOUND, "an ordinary thread (a meeting's) is no request");

	is_int(feedback_waiting(d, &k1), 2, "the coordinator of network 1: 2 wait");
	is_int(feedback_waiting(d, &k2), 0, "of network 2: none");
	is_int(feedback_waiting(d, &ek), 2, "the expert of network 1: 2");
	is_int(feedback_waiting(d, &anna), 0, "a member is not asked");
	feedback_list l;
	feedback_filter fl = { .open_only = true, .mine = true };
	is_int(feedback_list_get(d, &k1, &fl, &l, &e), ST_OK, "the coordinator's list");
	ok(l.n == 2 && strcmp(l.items[0].title, "Trzecia") == 0 && strcmp(l.items[1].title, "Czwarta") == 0,
	   "  the oldest first");
	feedback_list_free(&l);

	char buf[64];
	feedback_duration(25 * 60, buf, sizeof buf);
	is_str(buf, "25 minutes", "25 minutes");
	feedback_duration(3 * 3600 + 30 * 60, buf, sizeof buf);
	is_str(buf, "3 h 30 min", "3 h 30 min");
	feedback_duration(86400 + 3600, buf, sizeof buf);
	is_str(buf, "1 day 1 h", "1 day 1 h");
	feedback_duration(-1, buf, sizeof buf);
	is_str(buf, "—", "not known: a dash");

	account_clear(&anna), account_clear(&jan), account_clear(&k1), account_clear(&k2);
	account_clear(&ek), account_clear(&admin);
	db_close(&d);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		diag("cleanup failed");
	return tap_done();
}
