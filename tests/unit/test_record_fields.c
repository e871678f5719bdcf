/* test_record_fields.c — the field lists of practice transfers (src/core/uptake_fields.h)
 * and feedback requests (src/core/feedback_fields.h) are carried whole by every path
 * made from them (issues 19 and 22). For each uptake field: the CSV export's header has
 * it (and import takes it back under its Polish name), a sync file's uptake line has its
 * key, `empirie uptake set` has its option with a help line, the public copy
 * classifies its column as the list says, and the stored row (uptake_rows_put) and the
 * record read (uptake_list_get) carry it, and the practice card's lines under a
 * record's heading have it if the list puts it there. For each feedback field: its key is on the
 * thread's "request" or on the "accept" line with the value the writers stored, its
 * column classified as the list says, and `empirie ask` has its option if it is one.
 * A field added to a list that one of those paths does not carry makes this fail. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_priv.h"
#include "core/account.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/feedback.h"
#include "core/feedback_fields.h"
#include "core/forum.h"
#include "core/practice.h"
#include "core/publicity.h"
#include "core/sync.h"
#include "core/transfer.h"
#include "core/uptake.h"
#include "i18n.h"
#include "tap.h"
#include "unitlib.h"

static char dir[] = "/tmp/empirie-record-fields.XXXXXX";

/* Each field has its names and texts; the places of the CSV columns follow the list. */
static void test_list(void)
{
	int csv = 0;
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		ok(f->name && *f->name && f->label && *f->label && f->column && *f->column,
		   "%s: a name, a label and a column", f->name);
		if (f->sync != SYNC_NO)
			ok(f->key && *f->key, "%s: a key on a sync line", f->name);
		if (f->opt)
			ok(f->arg && *f->arg && f->help && *f->help, "%s: an option's value and help",
			   f->name);
		if (f->csv)
			ok(f->sql && *f->sql, "%s: a value in the export", f->name);
		csv += f->csv;
	}
	is_int(UPTAKE_NCSV, csv, "the CSV columns are the list's CSV fields");
	is_int(UPTAKE_C_practice, 0, "the practice's key is the first CSV column");
	/* uptake list's columns: the fields' places and the practice's town and title (1, 2)
	 * make 0, 1, 2, … each once; only fields read have one. */
	int taken[UPTAKE_NFIELDS + 2] = { 0, 1, 1 }, shown = 2;
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		if (f->list < 0)
			continue;
		shown++;
		ok(f->list < UPTAKE_NFIELDS + 2 && !taken[f->list]++ && f->store != US_LOG,
		   "%s: column %d of uptake list, its own", f->name, f->list);
	}
	for (int i = 0; i < shown; i++)
		is_int(taken[i], 1, "uptake list's column %d is taken once", i);
}

/* The export's header: the CSV fields, in the list's order. Then the exported file,
 * its headers changed to the first Polish name of each, imports as unchanged. */
static void test_csv(db *d, const account *admin)
{
	char path[320];
	snprintf(path, sizeof path, "%s/uptakes.csv", dir);
	FILE *f = fopen(path, "w");
	error e;
	is_int(export_csv(d, admin, XFER_UPTAKES, f, ';', 0, &e), ST_OK, "export uptakes");
	fclose(f);
	char *text = unit_slurp(path);
	char *nl = text ? strchr(text, '\n') : NULL;
	ok(nl != NULL, "the export has a header line");
	if (!nl) {
		free(text);
		return;
	}
	*nl = '\0';
	char want[512] = "", renamed[512] = "";
	size_t n = 0, m = 0;
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *u = &uptake_field_list[i];
		if (!u->csv) {
			ok(strstr(text, u->name) == NULL, "%s: not a CSV column", u->name);
			continue;
		}
		const char *sep = n ? ";" : "";
		n += (size_t)snprintf(want + n, sizeof want - n, "%s%s", sep, u->name);
		size_t alias = strcspn(u->aliases, "|");
		if (alias)
			m += (size_t)snprintf(renamed + m, sizeof renamed - m, "%s%.*s", sep, (int)alias,
			                      u->aliases);
		else
			m += (size_t)snprintf(renamed + m, sizeof renamed - m, "%s%s", sep, u->name);
		ok(strstr(text, u->name) != NULL, "%s: a column of the export", u->name);
	}
	is_str(text, want, "the export's header is the list's CSV fields, in order");
	/* The rows back in, under the Polish headers. */
	size_t rest = strlen(nl + 1);
	char *again = malloc(m + 1 + rest + 1);
	if (!again) {
		free(text);
		return;
	}
	snprintf(again, m + 1 + rest + 1, "%s\n%s", renamed, nl + 1);
	import_report r;
	is_int(import_csv(d, admin, XFER_UPTAKES, "uptakes.csv", again, strlen(again), true, false,
	                  &r, &e), ST_OK, "import takes the export back (headers: %s)", renamed);
	is_int((long long)r.unchanged, 1, "as unchanged");
	is_int((long long)r.nerrors, 0, "without an error");
	import_report_free(&r);
	free(again);
	free(text);
}

/* The line of a sync file (text) that starts with start, cut at its end; NULL if none. */
static char *sync_line(char *text, const char *start)
{
	char *line = text ? strstr(text, start) : NULL;
	char *end = line ? strchr(line, '\n') : NULL;
	if (end)
		*end = '\0';
	return line;
}

/* A sync file of everything: the uptake line has each synced field's key; the request's
 * thread line and the accept line each feedback field's. */
static void test_sync(db *d, const account *admin)
{
	error e;
	char path[320];
	snprintf(path, sizeof path, "%s/out.sync", dir);
	int64_t ops = 0;
	is_int(sync_export(d, admin, path, true, &ops, &e), ST_OK, "sync export");
	char *text = unit_slurp(path);
	char *line = sync_line(text, "{\"op\":\"uptake\"");
	if (!ok(line != NULL, "the sync file has an uptake line"))
		diag("%lld ops; the file: %.600s", (long long)ops, text ? text : "(none)");
	for (int i = 0; line && i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		char key[80];
		snprintf(key, sizeof key, "\"%s\":", f->key ? f->key : f->name);
		ok((strstr(line, key) != NULL) == (f->sync != SYNC_NO), "%s: %s the sync line (%s)",
		   f->name, f->sync != SYNC_NO ? "on" : "not on", key);
	}
	free(text);
	text = unit_slurp(path);
	char *accept = sync_line(text, "{\"op\":\"accept\"");
	char *request = text ? strstr(text, "\"request\":{") : NULL;
	char *request_end = request ? strchr(request, '}') : NULL;
	if (request_end)
		request_end[1] = '\0';
	ok(accept && request, "the sync file has a request and an accept line");
	static const char *const keys[] = {
#define FEEDBACK_KEY_(name, column, pub, line, key, ...) key,
		FEEDBACK_FIELDS(FEEDBACK_KEY_)
	};
	static const bool on_accept[] = {
#define FEEDBACK_ON_(name, column, pub, line, ...) FEEDBACK_ON_ACCEPT_##line(true, ) \
	FEEDBACK_ON_REQUEST_##line(false, )
		FEEDBACK_FIELDS(FEEDBACK_ON_)
	};
	for (int i = 0; accept && request && i < FEEDBACK_NFIELDS; i++) {
		char key[80], null[90], empty[90];
		snprintf(key, sizeof key, "\"%s\":", keys[i]);
		snprintf(null, sizeof null, "%snull", key);
		snprintf(empty, sizeof empty, "%s\"\"", key);
		const char *in = on_accept[i] ? accept : request;
		ok(strstr(in, key) != NULL, "feedback field %d: %s on %s", i, key,
		   on_accept[i] ? "the accept line" : "the request");
		/* each was given a value: the writers stored it */
		ok(!strstr(in, null) && !strstr(in, empty), "feedback field %d: %s stored", i, key);
	}
	free(text);
}

/* A request asked and its answer marked, for the sync file; *tid its thread. */
static void ask_and_accept(db *d, int64_t *tid)
{
	error e;
	account anna = { 0 }, jan = { 0 };
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Hrubieszów", 0, &e);
	account_add(d, NULL, "jan", "Jan", ROLE_MEMBER, "Piła", 0, &e);
	account_get(d, "anna", &anna, &e);
	account_get(d, "jan", &jan, &e);
	int64_t pid = 0;
	is_int(feedback_ask(d, &anna, 1, "Prośba", "Opis.", "koszty", 0, tid, &e), ST_OK,
	       "a request");
	is_int(forum_reply(d, &jan, *tid, 0, "Odpowiedź.", &pid, &e), ST_OK, "an answer");
	is_int(feedback_accept(d, &anna, pid, &e), ST_OK, "the answer that helped");
	account_clear(&anna), account_clear(&jan);
}

/* What cli_uptake_lines prints for u (the practice card's lines under its heading). */
static char *card_lines(const uptake *u)
{
	char path[320];
	snprintf(path, sizeof path, "%s/lines.txt", dir);
	fflush(stdout);
	int saved = dup(1);
	FILE *f = fopen(path, "w");
	if (saved < 0 || !f || dup2(fileno(f), 1) < 0) {
		if (f)
			fclose(f);
		return NULL;
	}
	cli_uptake_lines(u);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	fclose(f);
	return unit_slurp(path);
}

/* The card's lines under u's heading have each field the list puts there, as it says
 * (on its own or after its label), and no other. */
static void test_card(const uptake *u, char want[][48])
{
	char *out = card_lines(u);
	for (int i = 0; out && i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		char line[640];
		bool alone = f->card == UC_LINE;
		if (alone || f->card == UC_LABELLED) {
			snprintf(line, sizeof line, "    %s%s%s\n", alone ? "" : f->label, alone ? "" : ": ",
			         want[i]);
			ok(strstr(out, line) != NULL, "%s: a line of the card, %s", f->name,
			   alone ? "on its own" : "after its label");
		} else {
			ok(strstr(out, want[i]) == NULL, "%s: not under the heading", f->name);
		}
	}
	if (!ok(out != NULL, "the card's lines"))
		diag("no output captured");
	free(out);
}

/* A value of its own for each field in round r (0, 1, 2) of test_row: id[i] for the
 * row's key, text[i] as stored, want[i] as read (the practice's key, the town's name). */
static void row_values(int r, const practice *p, const city *c, int64_t tid,
                       int64_t id[UPTAKE_NFIELDS], char text[][48], char want[][48])
{
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		id[i] = 0;
		switch (f->kind) {
		case UK_KEY: id[i] = p->id, snprintf(text[i], 48, "%s", p->key); break;
		case UK_TOWN: id[i] = c->id, snprintf(text[i], 48, "%s", c->name); break;
		case UK_STATUS: snprintf(text[i], 48, "%s", r ? "dropped" : "in-use"); break;
		case UK_TEXT: snprintf(text[i], 48, "text %d of %s", r, f->name); break;
		case UK_TIME: snprintf(text[i], 48, "2026-0%d-%02dT10:00:00Z", r + 1, i + 1); break;
		case UK_LOGIN: snprintf(text[i], 48, "login%d-%s", r, f->name); break;
		case UK_THREADS: snprintf(text[i], 48, "%lld", (long long)tid); break;
		}
		/* started_at, the writer's one exception: the earliest kept when asked (r 2) */
		if (r < 2 || i != UPTAKE_F_started_at)
			memcpy(want[i], text[i], sizeof want[i]);
	}
}

/* The stored row and the record read carry every field but a LOG one: a row whose every
 * field has a value of its own, written by uptake_rows_put (its threads linked) as
 * a new one and over it, and read back by uptake_list_get; then once more keeping the
 * earliest start. */
#define ROW_ID_(c) row.c = id[i];
#define ROW_TEXT_(c) row.c = text[i];
#define ROW_SET_(name, kind, store, column, ...) \
	UPTAKE_AS_ROW(kind, store, ROW_ID_, ROW_TEXT_, column) i++;
#define READ_STATUS_(n) is_str(uptake_status_key(u->n), want[i], "round %d: " #n " read back", r);
#define READ_TEXT_(n) is_str(u->n, want[i], "round %d: " #n " read back", r);
#define READ_CHECK_(name, kind, store, ...) \
	UPTAKE_AS_READ(kind, store, READ_STATUS_, READ_TEXT_, name) i++;
static void test_row(db *d, const account *admin, int64_t practice_id, int64_t tid)
{
	error e;
	practice p;
	city c;
	is_int(practice_get(d, admin, practice_id, NULL, &p, &e), ST_OK, "the practice");
	is_int(directory_city(d, strcmp(p.city, "Piła") == 0 ? "Hrubieszów" : "Piła", &c, &e),
	       ST_OK, "the town");
	int64_t id[UPTAKE_NFIELDS], gone = 0;
	/* Round 0 a new row, the others over it. */
	is_int(uptake_rows_remove(d, p.id, c.id, "2026-01-01T00:00:00Z", "x", &gone, NULL, 0, &e),
	       ST_OK, "the earlier record removed");
	char text[UPTAKE_NFIELDS][48], want[UPTAKE_NFIELDS][48];
	for (int r = 0; r < 3; r++) {
		row_values(r, &p, &c, tid, id, text, want);
		uptake_fields row;
		memset(&row, 0, sizeof row);
		int i = 0;
		UPTAKE_FIELDS(ROW_SET_)
		row.earliest_start = r == 2;
		int64_t uid = 0;
		is_int(uptake_rows_put(d, &row, &uid, &e), ST_OK, "round %d: the row stored", r);
		is_int(uptake_rows_link_thread(d, uid, tid, &e), ST_OK, "round %d: its thread", r);
		uptake_filter f = { .practice_id = p.id, .city_id = c.id };
		uptake_list l;
		is_int(uptake_list_get(d, admin, &f, &l, &e), ST_OK, "round %d: read", r);
		if (!ok(l.n == 1, "round %d: one record", r)) {
			uptake_list_free(&l);
			continue;
		}
		const uptake *u = &l.items[0];
		i = 0;
		UPTAKE_FIELDS(READ_CHECK_)
		for (i = 0; i < UPTAKE_NFIELDS; i++) {
			bool read = uptake_field_list[i].store != US_LOG;
			is_str(uptake_value(u, i), read ? want[i] : "",
			       "round %d: uptake_value of %s", r, uptake_field_list[i].name);
		}
		if (r == 2)
			test_card(u, want);
		uptake_list_free(&l);
	}
	practice_clear(&p);
	city_clear(&c);
}

/* `empirie uptake set` has an option for each field marked so, with the list's value
 * and help (list's filters have options of their own, --practice among them); the town
 * also as --city. */
static void test_options(void)
{
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		const cli_opt *o = cli_uptake_set_opts;
		while (o->name && strcmp(o->name, f->name) != 0)
			o++;
		if (f->opt)
			ok(o->name && o->help && o->arg && strcmp(o->help, f->help) == 0 &&
			   strcmp(o->arg, f->arg) == 0,
			   "--%s: an option, with the list's help and value", f->name);
	}
	const cli_opt *o = cli_uptake_set_opts;
	while (o->name && strcmp(o->name, "city") != 0)
		o++;
	ok(o->name && o > cli_uptake_set_opts && strcmp(o[-1].name, "town") == 0 && o->val == o[-1].val,
	   "--city is the town's other name");
	/* `empirie ask` has an option for each feedback field marked so, as the list says. */
#define FEEDBACK_OPT_(name, column, pub, line, key, sync_sql, type, opt, val, arg, help) \
	{ #name, opt, val, arg, help },
	static const struct {
		const char *name;
		int opt, val;
		const char *arg, *help;
	} fo[] = { FEEDBACK_FIELDS(FEEDBACK_OPT_) };
	for (size_t i = 0; i < sizeof fo / sizeof fo[0]; i++) {
		if (!fo[i].opt)
			continue;
		for (o = cli_ask_opts; o->name && strcmp(o->name, fo[i].name) != 0;)
			o++;
		ok(o->name && o->val == fo[i].val && o->arg && o->help &&
		   strcmp(o->arg, fo[i].arg) == 0 && strcmp(o->help, fo[i].help) == 0,
		   "ask --%s: an option, with the list's short option, value and help", fo[i].name);
	}
}

/* The public copy keeps each field as the list says: its column public or private. */
static void test_public(void)
{
#define FEEDBACK_COLUMN_(name, column, pub, ...) { #column, pub },
	static const struct {
		const char *column;
		bool pub;
	} fb[] = { FEEDBACK_FIELDS(FEEDBACK_COLUMN_) };
	for (size_t i = 0; i < sizeof fb / sizeof fb[0]; i++)
		is_int(publicity_of("feedback_requests", fb[i].column),
		       fb[i].pub ? PUB_PUBLIC : PUB_PRIVATE, "feedback_requests.%s is %s", fb[i].column,
		       fb[i].pub ? "public" : "private");
	static const char *const tables[] = { "uptakes", "uptake_threads", "uptake_log" };
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		pub_class c = publicity_of(tables[f->store], f->column);
		is_int(c, f->pub ? PUB_PUBLIC : PUB_PRIVATE, "%s: %s.%s is %s", f->name,
		       tables[f->store], f->column, f->pub ? "public" : "private");
	}
}

int main(void)
{
	test_list();
	test_options();
	test_public();
	char path[300];
	db *d = unit_store(dir, "u.db", "2026-03-01T08:00:00Z", path, sizeof path);
	if (!d)
		return 1;
	error e;
	account admin;
	unit_admin(d, &admin);
	/* A copy issued first: what changes after it goes into sync files. */
	int64_t site;
	is_int(sync_prepare_source(d, NULL, &site, &e), ST_OK, "a copy is issued (its key)");
	practice p;
	is_int(practice_get(d, &admin, 1, NULL, &p, &e), ST_OK, "a bundled practice");
	const char *town = strcmp(p.city, "Piła") == 0 ? "Hrubieszów" : "Piła";
	is_int(uptake_save(d, &admin, p.id, town, UPTAKE_ADAPTING, "Krótsza wersja.", NULL, &e),
	       ST_OK, "%s takes up practice %lld", town, (long long)p.id);
	int64_t pid = p.id, tid = 0;
	practice_clear(&p);
	db_set_post_limit(d, 0);
	ask_and_accept(d, &tid);
	test_csv(d, &admin);
	test_sync(d, &admin);
	test_row(d, &admin, pid, tid);
	account_clear(&admin);
	db_close(&d);
	unit_remove(dir);
	return tap_done();
}
