/* test_city_fields.c — the towns' field list (city_fields.h) is carried by every path
 * that comes from it, so a field added to the list and missed by one of them fails
 * here: the writer's SQL has one parameter per field, each named after its column; a
 * town with a value of its own in each field goes in through a CSV import (the list's
 * headers) and through the writer, and comes back through the store (the town as
 * read), the CSV export (header and row), the search (the fields marked searchable,
 * and only those; a replaced town by its new values only; the index as kept equal to
 * the one rebuilt from the tables) and `show city` (every field the card shows by itself, under its
 * label, at the top or at the bottom). Each kind's check on import: a value a keyword
 * or a flag field does not know refused, and the checks of a new keyword, line or flag
 * field (made with the list's macros). */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/locale_setup.h"
#include "core/account.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/directory.h"
#include "core/search.h"
#include "core/search_index.h"
#include "core/transfer.h"
#include "i18n.h"
#include "tap.h"
#include "unitlib.h"

static char dir[] = "/tmp/empirie-cfields.XXXXXX";

/* A value of field i of its own, one its kind and the import's checks take: the
 * town's name, a voivodeship, a keyword the schema allows, a flag set; any other text
 * "qx" tag name "qx". as_read: the flag as it reads back ("1"). */
static const char *value_of(int i, const char *tag, bool as_read, char *buf, size_t n)
{
	const city_field_info *f = &city_field_list[i];
	if (i == CITY_F_voivodeship)
		return "opolskie";
	if (i == CITY_F_voivodeship_basis)
		return "source";
	if (i == CITY_F_programme_status)
		return "participant";
	if (f->kind == CK_FLAG)
		return as_read ? "1" : "yes";
	size_t o = (size_t)snprintf(buf, n, f->kind == CK_KEY ? "Qx%stown" : "qx%s", tag);
	for (const char *p = f->name; *p && f->kind != CK_KEY && o + 3 < n; p++)
		if (*p != '_')
			buf[o++] = *p;
	if (f->kind != CK_KEY)
		snprintf(buf + o, n - o, "qx");
	return buf;
}

static void test_list(db *d)
{
	bool whole = true;
	for (int i = 0; i < CITY_NFIELDS; i++) {
		const city_field_info *f = &city_field_list[i];
		whole = whole && *f->name && f->aliases &&
		        (f->label ? *f->label != '\0' : f->card == CARD_OWN) &&
		        (f->card == CARD_OWN || f->card == CARD_HEAD || f->card == CARD_FOOT);
		for (int j = 0; j < i; j++)
			whole = whole && strcmp(city_field_list[j].name, f->name) != 0;
	}
	ok(whole, "every field has its names; a label when on the card by itself; names once");
	bool words = true;
	for (int i = 0; i < CITY_NFIELDS; i++) {
		const city_field_info *f = &city_field_list[i];
		const char *at = f->refusal ? strstr(f->refusal, "%s") : NULL;
		words = words && (f->kind == CK_WORD
		                      ? f->words && f->words[0] && at && !strchr(at + 2, '%') &&
		                            strchr(f->refusal, '%') == at
		                      : !f->words && !f->refusal);
	}
	ok(words, "a keyword field has its words and a refusal naming the value by its one %%s;"
	          " no other field has them");
	is_str(city_field_list[0].name, "name", "the first field is the key, the town's name");
	int keys = 0;
	for (int i = 0; i < CITY_NFIELDS; i++)
		keys += city_field_list[i].kind == CK_KEY;
	ok(city_field_list[0].kind == CK_KEY && keys == 1, "the only one of its kind");

	/* The writer: one parameter per field, each its column's. */
	static const char *const sqls[] = { CITY_INSERT_SQL, CITY_UPDATE_SQL };
	for (size_t k = 0; k < 2; k++) {
		sqlite3_stmt *st = NULL;
		is_int(sqlite3_prepare_v2(db_handle(d), sqls[k], -1, &st, NULL), SQLITE_OK,
		       "the writer's %s prepares", k ? "UPDATE" : "INSERT");
		is_int(st ? sqlite3_bind_parameter_count(st) : -1, CITY_NFIELDS,
		       "with as many parameters as the list has fields (%d)", CITY_NFIELDS);
		for (int i = 0; st && i < CITY_NFIELDS; i++) {
			char p[80];
			snprintf(p, sizeof p, ":%s", city_field_list[i].name);
			ok(sqlite3_bind_parameter_index(st, p) > 0, "%s: parameter %s",
			   k ? "UPDATE" : "INSERT", p);
		}
		sqlite3_finalize(st);
	}
}

/* Every field of the town of that name read back as it was given. */
static void read_back(db *d, const char *name, const char *tag, const char *how)
{
	city t;
	error e;
	bool found = directory_city(d, name, &t, &e) == ST_OK;
	ok(found, "%s: the town %s read", how, name);
	if (!found)
		return;
	for (int i = 0; i < CITY_NFIELDS; i++) {
		char buf[80];
		is_str(city_value(&t, i), i == CITY_F_name ? name : value_of(i, tag, true, buf, sizeof buf),
		       "%s: %s read back", how, city_field_list[i].name);
	}
	city_clear(&t);
}

/* The CSV text of the list: the header, or the row of the town. */
static void csv_of_list(char *out, size_t n, bool header, bool as_read)
{
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < CITY_NFIELDS && o < n; i++) {
		char buf[80];
		o += (size_t)snprintf(out + o, n - o, "%s%s", i ? "," : "",
		                      header ? city_field_list[i].name
		                             : value_of(i, "", as_read, buf, sizeof buf));
	}
}

/* Whether the index as kept by the writes holds what a rebuild from the tables puts in
 * it: every word of every entry, in its column and place. */
static bool index_as_rebuilt(db *d)
{
	static const char sql_kept[] =
		"CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, search, instance);"
		"CREATE TEMP TABLE kept AS SELECT term, doc, col, offset FROM temp.words;";
	static const char sql_apart[] =
		"SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT term, doc, col, offset"
		" FROM temp.words)) + (SELECT count(*) FROM (SELECT term, doc, col, offset FROM"
		" temp.words EXCEPT SELECT * FROM kept)), (SELECT count(*) FROM kept)";
	error e;
	sqlite3_stmt *st = NULL;
	if (sqlite3_exec(db_handle(d), sql_kept, NULL, NULL, NULL) != SQLITE_OK ||
	    search_reindex(d, &e) != ST_OK ||
	    sqlite3_prepare_v2(db_handle(d), sql_apart, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		diag("%s", sqlite3_errmsg(db_handle(d)));
		sqlite3_finalize(st);
		return false;
	}
	int apart = sqlite3_column_int(st, 0), words = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (apart)
		diag("%d words' places differ", apart);
	return apart == 0 && words > 0;
}

/* What `empirie show city NAME` prints (malloc'd; NULL when it could not run). */
static char *show_city(const char *name)
{
	char path[300];
	snprintf(path, sizeof path, "%s/show.txt", dir);
	fflush(stdout);
	int saved = dup(1), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0)
		return NULL;
	dup2(fd, 1);
	close(fd);
	char a0[] = "empirie", a1[] = "show", a2[] = "city", a3[80];
	snprintf(a3, sizeof a3, "%s", name);
	char *argv[] = { a0, a1, a2, a3, NULL };
	int rc = cli_main(4, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	FILE *f = fopen(path, "r");
	char *text = calloc(1, 16384);
	if (f && text)
		text[fread(text, 1, 16383, f)] = '\0';
	if (f)
		fclose(f);
	if (rc != 0) {
		diag("show city %s: exit %d", name, rc);
		free(text);
		return NULL;
	}
	return text;
}

static void test_card(const char *name)
{
	char *text = show_city(name);
	ok(text != NULL, "show city %s", name);
	const char *networks = text ? strstr(text, "Networks (") : NULL;
	const char *contacts = text ? strstr(text, "Contacts: ") : NULL;
	ok(networks && contacts, "with its networks and contacts");
	for (int i = 0; text && networks && contacts && i < CITY_NFIELDS; i++) {
		const city_field_info *f = &city_field_list[i];
		if (f->card == CARD_OWN)
			continue;
		char line[200], buf[80];
		snprintf(line, sizeof line, "\n%s: %s\n", f->label, value_of(i, "", true, buf, sizeof buf));
		const char *at = strstr(text, line);
		ok(at != NULL, "%s: \"%s\" on the card", f->name, f->label);
		if (at)
			ok(f->card == CARD_HEAD ? at < networks : at > contacts, "%s: at the %s", f->name,
			   f->card == CARD_HEAD ? "top" : "bottom");
	}
	free(text);
}

static void test_paths(db *d, const account *admin)
{
	error e;
	char header[1024], row[1024], csv[2100];
	csv_of_list(header, sizeof header, true, false);
	csv_of_list(row, sizeof row, false, false);
	snprintf(csv, sizeof csv, "%s\n%s\n", header, row);
	import_report r;
	is_int(import_csv(d, admin, XFER_CITIES, "t.csv", csv, strlen(csv), false, false, &r, &e),
	       ST_OK, "a town with every field imported");
	for (size_t i = 0; i < r.nerrors; i++)
		diag("%s", r.errors[i]);
	import_report_free(&r);
	char name[80];
	value_of(CITY_F_name, "", true, name, sizeof name);
	read_back(d, name, "", "import");

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	is_int(export_csv(d, admin, XFER_CITIES, f, ',', 0, &e), ST_OK, "the towns exported");
	fclose(f);
	const char *start = strncmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 : text;
	size_t h = strcspn(start, "\r\n");
	is_int((int)h, (int)strlen(header), "the export's header is the list's names");
	ok(strncmp(start, header, h) == 0, "(%s)", header);
	char read_row[1024];
	csv_of_list(read_row, sizeof read_row, false, true);
	const char *at = strstr(start, read_row);
	at = at ? at + strlen(read_row) : NULL;
	ok(at && (*at == '\r' || *at == '\n'), "the town's row carries every field");
	free(text);

	city t;
	int64_t id = directory_city(d, name, &t, &e) == ST_OK ? t.id : 0;
	if (id)
		city_clear(&t);
	for (int i = 0; i < CITY_NFIELDS; i++) {
		const city_field_info *fi = &city_field_list[i];
		char buf[80];
		if (fi->kind == CK_FLAG)
			continue;
		const char *v = value_of(i, "", true, buf, sizeof buf);
		ok(unit_found_by(d, admin, v, HIT_CITY, id) == fi->search, "%s: %s by the search", fi->name,
		   fi->search ? "found" : "not found");
	}
	test_card(name);

	/* The writer itself, from the texts of a row (the seed's and the import's way): a
	 * new town (its INSERT), then every field but the name changed (its UPDATE). */
	const char *v[CITY_NFIELDS];
	char bufs[CITY_NFIELDS][80];
	for (int k = 0; k < 2; k++) {
		const char *tag = k ? "u" : "w";
		for (int i = 0; i < CITY_NFIELDS; i++)
			v[i] = value_of(i, tag, true, bufs[i], sizeof bufs[i]);
		v[CITY_F_name] = "Qxwtown";
		city_fields in = { .create = false };
		city_fields_set(&in, v);
		is_int(directory_rows_city(d, &in, NULL, &e), ST_OK, "the writer: %s",
		       k ? "the town replaced" : "a new town");
		read_back(d, "Qxwtown", tag, k ? "the writer's UPDATE" : "the writer's INSERT");
	}
	/* The replaced town is found by its new texts only: its old entry left the index. */
	id = directory_city(d, "Qxwtown", &t, &e) == ST_OK ? t.id : 0;
	if (id)
		city_clear(&t);
	for (int i = 0; i < CITY_NFIELDS; i++) {
		const city_field_info *fi = &city_field_list[i];
		char bn[80], bw[80];
		const char *now = value_of(i, "u", true, bn, sizeof bn);
		const char *was = value_of(i, "w", true, bw, sizeof bw);
		if (!fi->search || fi->kind == CK_KEY || strcmp(now, was) == 0)
			continue; /* the same in both (the name, a voivodeship, a keyword) */
		ok(unit_found_by(d, admin, now, HIT_CITY, id), "%s: the replaced town found by its new value",
		   fi->name);
		ok(!unit_found_by(d, admin, was, HIT_CITY, id), "%s: not by its old one", fi->name);
	}
	ok(index_as_rebuilt(d), "the towns' index entries as kept are those a rebuild makes");
}

/* The errors of importing one town whose field i has the value v (a CSV of the name
 * and that column), joined by newlines into out; whether the import failed. */
static bool import_refused(db *d, const account *admin, int i, const char *v, char *out,
                           size_t n)
{
	char csv[300];
	snprintf(csv, sizeof csv, "name,%s\nQxkindtown,%s\n", city_field_list[i].name, v);
	import_report r;
	error e;
	bool refused = import_csv(d, admin, XFER_CITIES, "k.csv", csv, strlen(csv), true, false,
	                          &r, &e) != ST_OK;
	size_t o = 0;
	out[0] = '\0';
	for (size_t k = 0; k < r.nerrors && o < n; k++)
		o += (size_t)snprintf(out + o, n - o, "%s\n", r.errors[k]);
	import_report_free(&r);
	return refused;
}

/* Every field of a kind with a check (a keyword, a flag): a value it does not know is
 * refused by an import, at its line and column, naming the value. */
static void test_kinds_import(db *d, const account *admin)
{
	for (int i = 0; i < CITY_NFIELDS; i++) {
		const city_field_info *f = &city_field_list[i];
		char errs[1024], at[200];
		if (f->kind != CK_WORD && f->kind != CK_FLAG)
			continue;
		ok(import_refused(d, admin, i, "qxnotawordqx", errs, sizeof errs),
		   "%s: an unknown value refused", f->name);
		snprintf(at, sizeof at, "k.csv:2:2 (%s): \"qxnotawordqx\" ", f->name);
		ok(strstr(errs, at) != NULL, "at its line and column, naming it (%s)", at);
		if (!strstr(errs, at))
			diag("%s", errs);
	}
}

/* The kinds' checks themselves, for a field not in the list: a new keyword and a new
 * line of text, made with the list's macros, as a new row of the list would be. */
/* The voivodeships that the CLI's filters and the generator take: the list's words. */
static void test_voivodeships(void)
{
	size_t n;
	const char *const *v = city_voivodeships(&n);
	is_int((long long)n, 16, "sixteen voivodeships");
	ok(v[0] && *v[0] && v[16] == NULL, "the empty word left out, NULL at the end");
	is_str(city_voivodeship_of("SLASKIE"), "śląskie", "a voivodeship named without Polish letters");
	ok(city_voivodeship_of("") == NULL && city_voivodeship_of("Bawaria") == NULL,
	   "no voivodeship for an empty or another word");
}

static void test_new_kinds(void)
{
	const city_field_info colour = { "colour", CK_WORD, "kolor", NULL, CARD_OWN, true, false,
	                                 CITY_WORDS("zielony", "żółty"),
	                                 N_("\"%s\" should be zielony or żółty"), 0, 0 };
	const city_field_info motto = { "motto", CK_LINE, "haslo", N_("Motto"), CARD_FOOT, true,
	                                false, NULL, NULL, 0, 0 };
	const city_field_info flag = { "member", CK_FLAG, "", NULL, CARD_OWN, true, false, NULL,
	                               NULL, 0, 0 };
	const char *v = NULL;
	ok(!city_value_fault(&colour, "zielony", &v) && v && strcmp(v, "zielony") == 0,
	   "a new keyword field: a known word taken");
	ok(!city_value_fault(&colour, "ZOLTY", &v) && v && strcmp(v, "żółty") == 0,
	   "in any case, without Polish letters: stored as the list spells it");
	const char *why = city_value_fault(&colour, "czerwony", &v);
	is_str(why, "\"%s\" should be zielony or żółty", "another word refused, with the field's message");
	ok(!city_value_fault(&colour, "", &v) && v == NULL,
	   "an empty cell says nothing (the empty word is not one of its)");
	ok(!city_value_fault(&city_field_list[CITY_F_voivodeship], "", &v) && v && *v == '\0',
	   "(the voivodeship's is: an empty cell clears it)");
	ok(!city_value_fault(&motto, "Razem, dalej", &v) && v && strcmp(v, "Razem, dalej") == 0,
	   "a new line of text: taken as it is");
	ok(!city_value_fault(&motto, "dwie\nlinie", &v),
	   "line breaks too, as an import takes a project title today");
	ok(!city_value_fault(&flag, "Tak", &v) && strcmp(v, "1") == 0, "a new flag: tak is set");
	ok(!city_value_fault(&flag, "no", &v) && strcmp(v, "0") == 0, "no is not");
	is_str(city_value_fault(&flag, "może", &v), "\"%s\" should be yes or no",
	       "anything else is refused, saying so");
	is_str(city_value_fault(&city_field_list[CITY_F_name], "", &v), "the town's name is empty",
	       "the key may not be empty");
}

int main(void)
{
	char path[300];
	db *d = unit_store(dir, "t.db", "2030-01-01T10:00:00Z", path, sizeof path);
	if (!d)
		return 1;
	/* The CLI's environment, as main.c sets it up before cli_main. */
	setenv("EMPIRIE_DB", path, 1);
	setenv("HOME", dir, 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	locale_setup(false);
	account admin;
	unit_admin(d, &admin);
	test_list(d);
	test_paths(d, &admin);
	test_kinds_import(d, &admin);
	test_new_kinds();
	test_voivodeships();
	account_clear(&admin);
	db_close(&d);
	unit_remove(dir);
	return tap_done();
}
