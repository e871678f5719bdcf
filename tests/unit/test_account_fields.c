/* test_account_fields.c — the accounts' field list (account_fields.h) is carried by every
 * path that comes from it, so a field added to the list and missed by one of them fails
 * here: the writer's SQL has one parameter per field, each named after its column (the
 * UPDATE all but the creation time); an account with a value of its own in each field
 * goes in through the writer (a new one, then every field but the login changed),
 * through a CSV import (the list's headers) and through `admin add-account` and
 * `admin set-role` (the list's options), and comes back through the store (the account
 * as read), the CSV export (header and row) and `admin accounts` (every labelled field,
 * in its column); the options of add-account and set-role are the list's, and they
 * and the columns of `admin accounts` are what they were before the list; the public
 * copy keeps exactly the fields marked public. */
#include "config.h"

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_priv.h"
#include "cli/locale_setup.h"
#include "core/account.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/publicity.h"
#include "core/transfer.h"
#include "i18n.h"
#include "tap.h"
#include "unitlib.h"

static char dir[] = "/tmp/empirie-afields.XXXXXX";
static char towns[2][80]; /* two towns of the bundled directory */

/* A value of field i of its own, one its kind and the checks take; variant 0 or 1 makes
 * two different ones (the login is the same in both: it is the key). As written to a CSV
 * file, an option or the writer (a network by its number, the flag as yes), and as
 * read back (account_value). */
static const char *value_of(int i, int variant, const char *login)
{
	switch (account_field_list[i].kind) {
	case AK_LOGIN: return login;
	case AK_NAME: return variant ? "Qx Name Changed" : "Qx Name";
	case AK_ROLE: return variant ? "coordinator" : "leader";
	case AK_TOWN: return towns[variant];
	case AK_NETWORK: return variant ? "5" : "3";
	case AK_FLAG: return variant ? "no" : "yes";
	case AK_TIME: return variant ? "2029-02-02T02:02:02Z" : "2029-01-01T01:01:01Z";
	}
	return "?";
}

/* The text sql (one text parameter, or none) selects; NULL when none. */
static char *lookup_text(db *d, const char *sql, const char *param)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = db_col_dup(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t network_id(db *d, const char *number)
{
	return db_lookup_id(d, "SELECT id FROM networks WHERE number = ?1", NULL, atoi(number));
}

static void test_list(db *d)
{
	bool whole = true, csv_first = true;
	for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
		const account_field_info *f = &account_field_list[i];
		whole = whole && *f->name && *f->column && f->aliases &&
		        (f->opt == AO_NO) == (f->option == NULL) && (!f->label || *f->label);
		csv_first = csv_first && (f->csv || i >= ACCOUNT_NCSV) && (!f->csv || i < ACCOUNT_NCSV);
		for (int j = 0; j < i; j++)
			whole = whole && strcmp(account_field_list[j].name, f->name) != 0 &&
			        strcmp(account_field_list[j].column, f->column) != 0;
	}
	ok(whole, "every field has its names, an option only when it is one, names once");
	ok(csv_first, "the fields of the CSV files come first");
	ok(account_field_list[0].kind == AK_LOGIN, "the first field is the key, the login");

	/* The writer: one parameter per field, each its column's; the UPDATE finds the row
	 * by the login and keeps the creation time. */
	static const char *const sqls[] = { ACCOUNT_INSERT_SQL, ACCOUNT_UPDATE_SQL };
	for (size_t k = 0; k < 2; k++) {
		sqlite3_stmt *st = NULL;
		is_int(sqlite3_prepare_v2(db_handle(d), sqls[k], -1, &st, NULL), SQLITE_OK,
		       "the writer's %s prepares", k ? "UPDATE" : "INSERT");
		int want = 0;
		for (int i = 0; st && i < ACCOUNT_NFIELDS; i++) {
			char p[80];
			snprintf(p, sizeof p, ":%s", account_field_list[i].column);
			bool in = !k || account_field_list[i].kind != AK_TIME;
			want += in;
			ok((sqlite3_bind_parameter_index(st, p) > 0) == in, "%s: parameter %s %s",
			   k ? "UPDATE" : "INSERT", p, in ? "there" : "not there");
		}
		is_int(st ? sqlite3_bind_parameter_count(st) : -1, want, "and no other");
		sqlite3_finalize(st);
	}
}

/* Every field of the account read back as given in variant; created: the creation time
 * given (NULL: any, the time it was made). */
static void read_back(db *d, const char *login, int variant, const char *created,
                      const char *how)
{
	account a;
	error e;
	bool found = account_get(d, login, &a, &e) == ST_OK;
	ok(found, "%s: the account %s read", how, login);
	if (!found)
		return;
	for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
		const account_field_info *f = &account_field_list[i];
		const char *want = value_of(i, variant, login);
		char *at = NULL;
		switch (f->kind) {
		case AK_NETWORK:
			is_int((int)a.network_id, (int)network_id(d, want), "%s: %s read back", how, f->name);
			break;
		case AK_TIME:
			at = lookup_text(d, "SELECT created_at FROM accounts WHERE login = ?1", login);
			ok(at && (created ? strcmp(at, created) == 0 : *at != '\0'),
			   "%s: %s stored (%s)", how, f->name, at ? at : "none");
			free(at);
			break;
		default:
			is_str(account_value(&a, i), want, "%s: %s read back", how, f->name);
		}
	}
	account_clear(&a);
}

/* The writer itself: a new account (its INSERT), then every field but the login and
 * the creation time changed (its UPDATE). */
static void test_writer(db *d)
{
	error e;
	const char *login = "qx-writer";
	for (int variant = 0; variant < 2; variant++) {
		account_fields f;
		memset(&f, 0, sizeof f);
#define SET_TEXT(c, i) f.c = value_of(i, variant, login);
#define SET_LOGIN SET_TEXT
#define SET_NAME SET_TEXT
#define SET_ROLE SET_TEXT
#define SET_TIME SET_TEXT
#define SET_TOWN(c, i) f.c = db_lookup_id(d, "SELECT id FROM cities WHERE name = ?1", \
	                                  value_of(i, variant, login), 0);
#define SET_NETWORK(c, i) f.c = network_id(d, value_of(i, variant, login));
#define SET_FLAG(c, i) f.c = strcmp(value_of(i, variant, login), "yes") == 0;
#define SET_(name, kind, column, ...) SET_##kind(column, ACCOUNT_F_##name)
		ACCOUNT_FIELDS(SET_)
		bool dup = false;
		if (variant)
			is_int(account_rows_update(d, &f, &e), ST_OK, "the writer: the account changed");
		else
			is_int(account_rows_insert(d, &f, &dup, NULL, &e), ST_OK, "the writer: a new account");
		read_back(d, login, variant, value_of(ACCOUNT_F_created_at, 0, login),
		          variant ? "the writer's UPDATE" : "the writer's INSERT");
	}
}

/* The CSV text of the list's columns: the header, or the row of the account. */
static void csv_of_list(char *out, size_t n, bool header, const char *login)
{
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < ACCOUNT_NCSV && o < n; i++)
		o += (size_t)snprintf(out + o, n - o, "%s%s", i ? "," : "",
		                      header ? account_field_list[i].name : value_of(i, 0, login));
}

static void test_csv(db *d, const account *admin)
{
	error e;
	const char *login = "qx-import";
	char header[1024], row[1024], csv[2100];
	csv_of_list(header, sizeof header, true, login);
	csv_of_list(row, sizeof row, false, login);
	snprintf(csv, sizeof csv, "%s\n%s\n", header, row);
	import_report r;
	is_int(import_csv(d, admin, XFER_ACCOUNTS, "a.csv", csv, strlen(csv), false, false, &r, &e),
	       ST_OK, "an account with every field imported");
	for (size_t i = 0; i < r.nerrors; i++)
		diag("%s", r.errors[i]);
	import_report_free(&r);
	read_back(d, login, 0, NULL, "import");

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	is_int(export_csv(d, admin, XFER_ACCOUNTS, f, ',', 0, &e), ST_OK, "the accounts exported");
	fclose(f);
	const char *start = strncmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 : text;
	size_t h = strcspn(start, "\r\n");
	is_int((int)h, (int)strlen(header), "the export's header is the list's names");
	ok(strncmp(start, header, h) == 0, "(%s)", header);
	const char *at = strstr(start, row);
	at = at ? at + strlen(row) : NULL;
	ok(at && (*at == '\r' || *at == '\n'), "the account's row carries every field (%s)", row);
	free(text);
}

/* What `empirie ARGS…` prints (malloc'd; NULL when it failed). */
static char *run(int argc, char **argv)
{
	char path[300];
	snprintf(path, sizeof path, "%s/out.txt", dir);
	fflush(stdout);
	int saved = dup(1), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0)
		return NULL;
	dup2(fd, 1);
	close(fd);
	optind = 0; /* a second cli_main in one process parses afresh */
	int rc = cli_main(argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	FILE *f = fopen(path, "r");
	char *text = calloc(1, 65536);
	if (f && text)
		text[fread(text, 1, 65535, f)] = '\0';
	if (f)
		fclose(f);
	if (rc != 0) {
		diag("%s %s: exit %d", argv[1], argc > 2 ? argv[2] : "", rc);
		free(text);
		return NULL;
	}
	return text;
}

/* An option table holds the fields with those places, each with its row's names. */
static void test_options(const cli_opt *t, const char *what, bool set_role)
{
	for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
		const account_field_info *f = &account_field_list[i];
		bool want = f->opt == AO_BOTH || (f->opt == AO_ADD && !set_role);
		const cli_opt *o = t;
		while (o->name && !(f->option && strcmp(o->name, f->option) == 0))
			o++;
		ok((o->name != NULL) == want, "%s: %s %s", what, f->name, want ? "an option" : "not one");
		if (o->name)
			ok(o->val == f->val && o->arg && o->help && o->has_arg == required_argument,
			   "%s: --%s with its value and help", what, o->name);
	}
	int n = 0;
	while (t[n].name)
		n++;
	int want = 0;
	for (int i = 0; i < ACCOUNT_NFIELDS; i++)
		want += account_field_list[i].opt == AO_BOTH ||
		        (account_field_list[i].opt == AO_ADD && !set_role);
	is_int(n, want, "%s: no other option", what);
}

/* The options of a table as "name/letter …", to hold them to what the commands took
 * before the list (a list reordered or an option renamed changes them). */
static const char *options_text(const cli_opt *t, char *buf, size_t n)
{
	size_t o = 0;
	buf[0] = '\0';
	for (; t->name && o < n; t++)
		o += (size_t)snprintf(buf + o, n - o, "%s%s/%c", o ? " " : "", t->name, t->val);
	return buf;
}

/* argv from argc on: every option of add-account (variant 0) or of set-role (1), each
 * with its field's value, then NULL; the new argc. */
static int with_options(char **argv, char (*words)[80], int argc, bool set_role,
                        const char *login)
{
	for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
		const account_field_info *f = &account_field_list[i];
		if (f->opt == AO_NO || (set_role && f->opt != AO_BOTH))
			continue;
		snprintf(words[argc], 80, "--%s", f->option);
		argv[argc] = words[argc];
		argc++;
		snprintf(words[argc], 80, "%s", value_of(i, set_role, login));
		argv[argc] = words[argc];
		argc++;
	}
	argv[argc] = NULL;
	return argc;
}

/* admin add-account with every option, then set-role with its own, then admin
 * accounts. */
static void test_cli(db *d)
{
	test_options(cli_account_opts, "add-account", false);
	test_options(cli_set_role_opts, "set-role", true);
	char opts[200];
	is_str(options_text(cli_account_opts, opts, sizeof opts), "name/n role/r city/c network/w",
	       "add-account: its options as before, in their order");
	is_str(options_text(cli_set_role_opts, opts, sizeof opts), "city/c network/w",
	       "set-role: its options as before");
	const char *login = "qx-cli";
	static char words[4 + 2 * ACCOUNT_NFIELDS][80];
	char *argv[4 + 2 * ACCOUNT_NFIELDS + 1];
	int argc = 0;
	static const char *const head[] = { "empirie", "admin", "add-account", "qx-cli" };
	for (; argc < 4; argc++)
		argv[argc] = strcpy(words[argc], head[argc]);
	argc = with_options(argv, words, argc, false, login);
	char *out = run(argc, argv);
	ok(out != NULL, "admin add-account with every option");
	free(out);
	/* what the command has no option for is the default a new account gets */
	account a;
	error e;
	if (account_get(d, login, &a, &e) == ST_OK) {
		for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
			const account_field_info *f = &account_field_list[i];
			if (f->opt == AO_NO || f->kind == AK_NETWORK)
				continue;
			is_str(account_value(&a, i), value_of(i, 0, login), "add-account: --%s read back",
			       f->option);
		}
		is_int((int)a.network_id, (int)network_id(d, value_of(ACCOUNT_F_network, 0, login)),
		       "add-account: --network read back");
		account_clear(&a);
	} else {
		ok(0, "add-account: %s", e.msg);
	}

	/* set-role with every option of its own: each field changed */
	argc = 0;
	static const char *const set_head[] = { "empirie", "admin", "set-role", "qx-cli", "member" };
	for (; argc < 5; argc++)
		argv[argc] = strcpy(words[argc], set_head[argc]);
	argc = with_options(argv, words, argc, true, login);
	out = run(argc, argv);
	ok(out != NULL, "admin set-role with every option");
	free(out);
	if (account_get(d, login, &a, &e) == ST_OK) {
		for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
			const account_field_info *f = &account_field_list[i];
			if (f->opt != AO_BOTH)
				continue;
			if (f->kind == AK_NETWORK)
				is_int((int)a.network_id, (int)network_id(d, value_of(i, 1, login)),
				       "set-role: --%s read back", f->option);
			else
				is_str(account_value(&a, i), value_of(i, 1, login), "set-role: --%s read back",
				       f->option);
		}
		account_clear(&a);
	} else {
		ok(0, "set-role: %s", e.msg);
	}

	char l0[] = "empirie", l1[] = "admin", l2[] = "accounts";
	char *list_argv[] = { l0, l1, l2, NULL };
	out = run(3, list_argv);
	ok(out != NULL, "admin accounts");
	char header[400] = "", line[400] = "";
	size_t h = 0, l = 0;
	for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
		const account_field_info *f = &account_field_list[i];
		if (!f->label)
			continue;
		h += (size_t)snprintf(header + h, sizeof header - h, "%s%s", h ? "\t" : "", f->label);
		l += (size_t)snprintf(line + l, sizeof line - l, "%s%s", l ? "\t" : "",
		                      i == ACCOUNT_F_role ? "member"
		                      : value_of(i, f->opt == AO_BOTH, login));
	}
	ok(out && strncmp(out, header, strlen(header)) == 0 && out[strlen(header)] == '\n',
	   "its header: the labelled fields (%s)", header);
	ok(out && strncmp(out, "login\tname\trole\ttown\n", 21) == 0,
	   "the columns as before: login, name, role, town");
	char *at = out ? strstr(out, line) : NULL;
	ok(at && at[-1] == '\n' && at[strlen(line)] == '\n', "the account's line carries them (%s)",
	   line);
	free(out);
}

static void test_publicity(void)
{
	for (int i = 0; i < ACCOUNT_NFIELDS; i++) {
		const account_field_info *f = &account_field_list[i];
		is_int(publicity_of("accounts", f->column), f->pub ? PUB_PUBLIC : PUB_PRIVATE,
		       "public copies: %s %s", f->column, f->pub ? "kept" : "left out");
	}
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
	for (int k = 0; k < 2; k++) {
		char *t = lookup_text(d, k ? "SELECT name FROM cities ORDER BY name DESC LIMIT 1"
		                              : "SELECT name FROM cities ORDER BY name LIMIT 1", NULL);
		snprintf(towns[k], sizeof towns[k], "%s", t ? t : "");
		free(t);
	}
	account admin;
	unit_admin(d, &admin);
	test_list(d);
	test_writer(d);
	test_csv(d, &admin);
	test_cli(d);
	test_publicity();
	account_clear(&admin);
	db_close(&d);
	unit_remove(dir);
	return tap_done();
}
