/* transfer.c — see transfer.h. Import runs in one transaction: every row is checked
 * and applied, errors are collected with file, line and column, and the transaction is
 * rolled back when there is any error or when it is a dry run. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/search.h"
#include "core/transfer.h"
#include "core/transfer_priv.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/csv.h"
#include "text/list.h"
#include "text/plfold.h"
#include "text/strbuf.h"

#define MAX_ERRORS 50

int xfer_kind_parse(const char *name)
{
	if (strcmp(name, "cities") == 0 || strcmp(name, "towns") == 0)
		return XFER_CITIES;
	if (strcmp(name, "accounts") == 0)
		return XFER_ACCOUNTS;
	if (strcmp(name, "memberships") == 0)
		return XFER_MEMBERSHIPS;
	if (strcmp(name, "meetings") == 0)
		return XFER_MEETINGS;
	if (strcmp(name, "practices") == 0)
		return XFER_PRACTICES;
	if (strcmp(name, "uptakes") == 0 || strcmp(name, "transfers") == 0)
		return XFER_UPTAKES;
	return -1;
}

/* ---- columns ---- */


/* The columns of data/cities.csv: the fields (city_fields.h). */
#define CITY_COLUMN_(name, kind, aliases, ...) { #name, aliases },
static const column city_cols[] = { CITY_FIELDS(CITY_COLUMN_) };
/* The columns of an account: the fields of account_fields.h that are in the CSV files,
 * the first of the list, so that a column's place is its field's. */
#define ACCOUNT_COLUMN_1(name, aliases) { #name, aliases },
#define ACCOUNT_COLUMN_0(name, aliases)
#define ACCOUNT_COLUMN_(name, kind, column, csv, aliases, ...) ACCOUNT_COLUMN_##csv(name, aliases)
static const column account_cols[] = { ACCOUNT_FIELDS(ACCOUNT_COLUMN_) };
#define ACCOUNT_PLACE_1(name)                                                  \
	_Static_assert((int)ACCOUNT_CSV_##name == (int)ACCOUNT_F_##name,                \
	               "an account's CSV fields come first in account_fields.h");
#define ACCOUNT_PLACE_0(name)
#define ACCOUNT_PLACE_(name, kind, column, csv, ...) ACCOUNT_PLACE_##csv(name)
ACCOUNT_FIELDS(ACCOUNT_PLACE_)
static const column member_cols[] = {
	{ "network", "siec" }, { "city", "miasto|town" }, { "basis", "podstawa" },
	{ "source", "zrodlo" },
};
/* The columns of data/meetings.csv: the key, then the fields (meeting_fields.h). */
#define MEETING_COLUMN_(name, kind, csv, aliases, ...) { csv, aliases },
static const column meeting_cols[] = { { "key", "klucz" }, MEETING_FIELDS(MEETING_COLUMN_) };
/* The columns of data/practices.csv: the key, then the fields (practice_fields.h). */
#define PRACTICE_COLUMN_(name, kind, aliases, ...) { #name, aliases },
static const column practice_cols[] = { { "key", "klucz" }, PRACTICE_FIELDS(PRACTICE_COLUMN_) };

/* Practice transfers (uptake.h): what export uptakes writes, its CSV fields in the
 * list's order (uptake_fields.h). */
#define UPTAKE_COLUMN_(name, kind, store, column, pub, csv, aliases, ...) \
	UPTAKE_IF_##csv({ #name, aliases }, )
static const column uptake_cols[] = { UPTAKE_FIELDS(UPTAKE_COLUMN_) };

_Static_assert(sizeof meeting_cols / sizeof meeting_cols[0] <= XFER_MAX_COLS,
               "a meeting has more columns than an import maps");
_Static_assert(sizeof practice_cols / sizeof practice_cols[0] <= XFER_MAX_COLS,
               "a practice has more columns than an import maps");

static const column *kind_columns(xfer_kind k, size_t *n)
{
	switch (k) {
	case XFER_CITIES: *n = sizeof city_cols / sizeof city_cols[0]; return city_cols;
	case XFER_ACCOUNTS: *n = sizeof account_cols / sizeof account_cols[0]; return account_cols;
	case XFER_MEMBERSHIPS: *n = sizeof member_cols / sizeof member_cols[0]; return member_cols;
	case XFER_MEETINGS: *n = sizeof meeting_cols / sizeof meeting_cols[0]; return meeting_cols;
	case XFER_PRACTICES: *n = sizeof practice_cols / sizeof practice_cols[0]; return practice_cols;
	case XFER_UPTAKES: *n = sizeof uptake_cols / sizeof uptake_cols[0]; return uptake_cols;
	}
	*n = 0;
	return NULL;
}

/* ---- the import context (transfer_priv.h) ---- */

static void add_line(char ***v, size_t *n, size_t *cap, char *s)
{
	if (!s)
		return;
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		char **p = realloc(*v, nc * sizeof *p);
		if (!p) {
			free(s);
			return;
		}
		*v = p;
		*cap = nc;
	}
	(*v)[(*n)++] = s;
}

static char *vfmt(const char *fmt, va_list ap)
{
	char *s = NULL;
	return vasprintf(&s, fmt, ap) < 0 ? NULL : s;
}

/* An error at the current row, in column `col` (index into cols, or -1 for the row). */
void xfer_row_error(ictx *c, int col, const char *fmt, ...)
{
	if (c->r->nerrors >= MAX_ERRORS)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = vfmt(fmt, ap);
	va_end(ap);
	char *line = NULL;
	if (msg) {
		if (col >= 0 && c->map[col] >= 0) {
			/* TRANSLATORS: file:line:column (the column's name): message */
			if (asprintf(&line, _("%s:%lu:%d (%s): %s"), c->file, c->row->line, c->map[col] + 1,
			             c->cols[col].key, msg) < 0)
				line = NULL;
		} else if (asprintf(&line, "%s:%lu: %s", c->file, c->row->line, msg) < 0) {
			line = NULL;
		}
	}
	free(msg);
	add_line(&c->r->errors, &c->r->nerrors, &c->errors_cap, line);
}

void xfer_change(ictx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_line(&c->r->lines, &c->r->n, &c->lines_cap, vfmt(fmt, ap));
	va_end(ap);
}

/* The value of column i in the current row, or NULL when the file has no such column. */
const char *xfer_val(const ictx *c, int i)
{
	int k = c->map[i];
	if (k < 0)
		return NULL;
	return (size_t)k < c->row->nfields ? c->row->fields[k] : "";
}

const char *xfer_val_or(const ictx *c, int i, const char *dflt)
{
	const char *v = xfer_val(c, i);
	return v ? v : dflt;
}

/* A key must appear once per file. */
bool xfer_first_time(ictx *c, const char *key)
{
	char *f = pl_fold(key, strlen(key));
	if (!f)
		return true;
	for (size_t i = 0; i < c->nseen; i++) {
		if (strcmp(c->seen[i], f) == 0) {
			xfer_row_error(c, 0, _("\"%s\" already appears on line %lu"), key, c->seen_line[i]);
			free(f);
			return false;
		}
	}
	if (c->nseen == c->seen_cap) {
		size_t nc = c->seen_cap ? c->seen_cap * 2 : 64;
		char **p = realloc(c->seen, nc * sizeof *p);
		unsigned long *q = realloc(c->seen_line, nc * sizeof *q);
		if (p)
			c->seen = p;
		if (q)
			c->seen_line = q;
		if (!p || !q) {
			free(f);
			return true;
		}
		c->seen_cap = nc;
	}
	c->seen[c->nseen] = f;
	c->seen_line[c->nseen++] = c->row->line;
	return true;
}

const char xfer_sql_city_id[] = "SELECT id FROM cities WHERE name = ?1";
static const char sql_network_id[] = "SELECT id FROM networks WHERE number = ?1";
const char xfer_sql_leaders_only[] = "SELECT leaders_only FROM networks WHERE number = ?1";

int64_t xfer_network_of(ictx *c, int col, const char *v, bool *leaders_only)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n <= 0 || n > 1000) {
		xfer_row_error(c, col, _("\"%s\" is not a network number"), v);
		return 0;
	}
	int64_t id = db_lookup_id(c->d, sql_network_id, NULL, (int)n);
	if (!id) {
		xfer_row_error(c, col, _("there is no network number %ld"), n);
		return 0;
	}
	if (leaders_only)
		*leaders_only = false;
	return id;
}

int64_t xfer_city_of(ictx *c, int col, const char *name)
{
	int64_t id = db_lookup_id(c->d, xfer_sql_city_id, name, 0);
	if (!id)
		xfer_row_error(c, col, _("there is no town \"%s\" in the directory (import the towns first)"), name);
	return id;
}

static bool in_list(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(v, *list) == 0)
			return true;
	return false;
}

static bool required_column(xfer_kind k, int i)
{
	switch (k) {
	case XFER_CITIES: return i == 0;
	case XFER_ACCOUNTS: return i == 0 || i == 2;
	case XFER_MEMBERSHIPS: return i <= 1;
	case XFER_MEETINGS: /* the key, the network, the first day and the title */
		return i == 0 || i == 1 + MEETING_F_network || i == 1 + MEETING_F_date_start ||
		       i == 1 + MEETING_F_title;
	case XFER_PRACTICES: return i == 0; /* updates may give only some columns */
	case XFER_UPTAKES: return i <= 2;
	}
	return false;
}

/* Record one field's change into diff ("field: old → new; ..."). */
void xfer_diff_add(strbuf *diff, const char *field, const char *old, const char *new)
{
	if (strcmp(old, new) == 0)
		return;
	strbuf_appendf(diff, "%s%s: %s → %s", diff->len ? "; " : "", field, *old ? old : "–",
	               *new ? new : "–");
}

bool xfer_differs(const strbuf *diff)
{
	return diff->len > 0 || diff->failed;
}

/* An error at column col of the row: msg (a city_value_fault()) with v where it has "%s". */
static void value_error(ictx *c, int col, const char *msg, const char *v)
{
	const char *at = strstr(msg, "%s");
	if (at)
		xfer_row_error(c, col, "%.*s%s%s", (int)(at - msg), msg, v, at + 2);
	else
		xfer_row_error(c, col, "%s", msg);
}

/* A town: its columns are the fields of city_fields.h (city_cols), each checked by its
 * kind (city_value_fault); what a row leaves out stays as stored, or takes its default. */
static status import_city(ictx *c, error *e)
{
	static const char sql_get[] =
		"SELECT id" CITY_FIELDS(CITY_COL_SET_) " FROM cities WHERE name = ?1";
	enum { NAME = CITY_F_name, VOIV = CITY_F_voivodeship, BASIS = CITY_F_voivodeship_basis,
	       LAUREATE = CITY_F_laureate, STATUS = CITY_F_programme_status };
	/* given[i]: field i as the row gives it, NULL when it says nothing. */
	const char *given[CITY_NFIELDS] = { 0 };
	const char *name = xfer_val_or(c, NAME, "");
	const char *fault = city_value_fault(&city_field_list[NAME], name, &given[NAME]);
	if (fault) {
		value_error(c, NAME, fault, name);
		return ST_OK;
	}
	if (!xfer_first_time(c, name))
		return ST_OK;
	size_t before = c->r->nerrors;
	for (int i = NAME + 1; i < CITY_NFIELDS; i++) {
		const char *v = xfer_val(c, i);
		if (v && (fault = city_value_fault(&city_field_list[i], v, &given[i])))
			value_error(c, i, fault, v);
	}
	if (c->r->nerrors > before)
		return ST_OK;

	/* New values: what the file says, else what is stored, else the defaults; old[i] and
	 * nv[i] are field i (the name's place unused in old). */
	char *old[CITY_NFIELDS] = { 0 };
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return err_code(e);
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	int64_t id = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		id = sqlite3_column_int64(q, 0);
		for (int i = NAME + 1; i < CITY_NFIELDS; i++)
			old[i] = db_col_dup(q, i);
	}
	sqlite3_reset(q);
	/* A new town's defaults: no text, no flag; the voivodeship's basis and the
	 * programme status follow the voivodeship and the flag the row gives. */
	const char *dflt[CITY_NFIELDS];
	for (int i = 0; i < CITY_NFIELDS; i++)
		dflt[i] = city_field_list[i].kind == CK_FLAG ? "0" : "";
	dflt[BASIS] = given[VOIV] && *given[VOIV] ? "general" : "unknown";
	dflt[STATUS] = given[LAUREATE] && strcmp(given[LAUREATE], "1") == 0 ? "laureate" : "network";
	const char *nv[CITY_NFIELDS];
	nv[NAME] = name;
	for (int i = NAME + 1; i < CITY_NFIELDS; i++)
		nv[i] = given[i] ? given[i] : old[i] ? old[i] : dflt[i];
	strbuf diff = STRBUF_INIT;
	if (id)
		for (int i = NAME + 1; i < CITY_NFIELDS; i++)
			xfer_diff_add(&diff, c->cols[i].key, old[i] ? old[i] : "", nv[i]);
	status s = ST_OK;
	if (!id || xfer_differs(&diff)) {
		city_fields f = { .create = !id };
		city_fields_set(&f, nv);
		s = directory_rows_city(c->d, &f, NULL, e);
	}
	if (!xfer_differs(&diff) && old[VOIV])
		c->r->unchanged++;
	else if (old[VOIV])
		c->r->changed++, xfer_change(c, "~ %s: %s", name, strbuf_str(&diff));
	else
		c->r->added++, xfer_change(c, "+ %s (%s)", name, *nv[VOIV] ? nv[VOIV] : "?");
	strbuf_free(&diff);
	for (int i = 0; i < CITY_NFIELDS; i++)
		free(old[i]);
	return s;
}

/* An account's values in the row (v, by field) checked as their kinds say
 * (account_fields.h): the words first (a role; a flag, made "yes" or "no": empty keeps
 * it), then the town and the network looked up into ids. */
static void account_check(ictx *c, const char **v, int64_t *ids)
{
	char w[128];
	for (int i = 0; i < ACCOUNT_NCSV; i++) {
		const char *x = v[i];
		if (account_field_list[i].kind == AK_ROLE && (!x || role_parse(x) < 0))
			xfer_row_error(c, i, _("\"%s\" should be %s"), x ? x : "",
			               list_join_or(role_keys, w, sizeof w));
		if (account_field_list[i].kind != AK_FLAG || !x || !*x)
			continue;
		if (strcasecmp(x, "yes") == 0 || strcasecmp(x, "tak") == 0)
			v[i] = "yes";
		else if (strcasecmp(x, "no") == 0 || strcasecmp(x, "nie") == 0)
			v[i] = "no";
		else
			xfer_row_error(c, i, _("\"%s\" should be yes or no (tak or nie)"), x);
	}
	for (int i = 0; i < ACCOUNT_NCSV; i++) {
		const char *x = v[i];
		if (account_field_list[i].kind == AK_TOWN)
			ids[i] = x && *x ? xfer_city_of(c, i, x) : 0;
		else if (account_field_list[i].kind == AK_NETWORK)
			ids[i] = x && *x ? xfer_network_of(c, i, x, NULL) : 0;
	}
}

/* Field i's value after the import: the one given, else the stored one (old), else
 * its default (the login for the name, none, no). */
static const char *account_new(int i, const char *v, const char *old, const char *login)
{
	switch (account_field_list[i].kind) {
	case AK_LOGIN: return login;
	case AK_NAME: return v && *v ? v : old ? old : login;
	case AK_TOWN:
	case AK_NETWORK: return v ? v : old ? old : "";
	case AK_FLAG: return v && *v ? v : old ? old : "no";
	default: return v;
	}
}

/* The stored row of the account from its values (nv) and ids, as account_fields.h
 * lists them; the town and network kept are looked up again. */
static void account_row(ictx *c, const char *const *v, const char *const *nv, int64_t *ids,
                        account_fields *f)
{
	for (int i = 0; i < ACCOUNT_NCSV; i++) {
		if (v[i] || !*nv[i])
			continue;
		if (account_field_list[i].kind == AK_TOWN)
			ids[i] = db_lookup_id(c->d, xfer_sql_city_id, nv[i], 0);
		else if (account_field_list[i].kind == AK_NETWORK)
			ids[i] = db_lookup_id(c->d, sql_network_id, NULL, atoi(nv[i]));
	}
#define XACC_TEXT(c, i) f->c = nv[i];
#define XACC_LOGIN XACC_TEXT
#define XACC_NAME XACC_TEXT
#define XACC_ROLE XACC_TEXT
#define XACC_ID(c, i) f->c = ids[i];
#define XACC_TOWN XACC_ID
#define XACC_NETWORK XACC_ID
#define XACC_FLAG(c, i) f->c = strcmp(nv[i], "yes") == 0;
#define XACC_TIME(c, i) f->c = NULL;
#define XACC_(name, kind, column, ...) XACC_##kind(column, ACCOUNT_F_##name)
	ACCOUNT_FIELDS(XACC_)
}

static status import_account(ictx *c, error *e)
{
	static const char sql_get[] =
		"SELECT " ACCOUNT_CSV_SELECT ACCOUNT_CSV_FROM " WHERE a.login = ?1";
	const char *login = xfer_val(c, ACCOUNT_F_login);
	if (!account_login_valid(login)) {
		xfer_row_error(c, 0, _("\"%s\" is not a valid login (1–64 letters, digits and . _ - @ +)"),
		          login ? login : "");
		return ST_OK;
	}
	if (!xfer_first_time(c, login))
		return ST_OK;
	size_t before = c->r->nerrors;
	const char *v[ACCOUNT_NFIELDS] = { 0 }, *nv[ACCOUNT_NFIELDS] = { 0 };
	int64_t ids[ACCOUNT_NFIELDS] = { 0 };
	for (int i = 0; i < ACCOUNT_NCSV; i++)
		v[i] = xfer_val(c, i);
	account_check(c, v, ids);
	if (c->r->nerrors > before)
		return ST_OK;
	char *old[ACCOUNT_NFIELDS] = { 0 };
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return err_code(e);
	sqlite3_bind_text(q, 1, login, -1, SQLITE_STATIC);
	bool exists = sqlite3_step(q) == SQLITE_ROW;
	for (int i = 0; exists && i < ACCOUNT_NCSV; i++)
		old[i] = db_col_dup(q, i);
	sqlite3_reset(q);
	strbuf diff = STRBUF_INIT;
	for (int i = 0; i < ACCOUNT_NCSV; i++) {
		nv[i] = account_new(i, v[i], old[i], login);
		if (exists && i != ACCOUNT_F_login)
			xfer_diff_add(&diff, c->cols[i].key, old[i] ? old[i] : "", nv[i]);
	}
	status s = ST_OK;
	if (!exists || xfer_differs(&diff)) {
		account_fields f;
		account_row(c, v, nv, ids, &f);
		bool dup = false;
		s = exists ? account_rows_update(c->d, &f, e) : account_rows_insert(c->d, &f, &dup, NULL, e);
		if (s == ST_OK && dup) /* the file names it twice: xfer_first_time() keeps that out */
			s = err_set(e, ST_INTERNAL, _("An account with the login \"%s\" already exists"),
			            login);
	}
	if (exists && !xfer_differs(&diff))
		c->r->unchanged++;
	else if (exists)
		c->r->changed++, xfer_change(c, "~ %s: %s", login, strbuf_str(&diff));
	else
		c->r->added++, xfer_change(c, "+ %s (%s, %s)", login, nv[ACCOUNT_F_display_name],
		                           nv[ACCOUNT_F_role]);
	strbuf_free(&diff);
	for (int i = 0; i < ACCOUNT_NFIELDS; i++)
		free(old[i]);
	return s;
}

static status import_membership(ictx *c, error *e)
{
	static const char sql_get[] =
		"SELECT basis, source FROM memberships WHERE network_id = ?1 AND city_id = ?2";
	static const char *const bases[] = { "final-list", "meeting", "inferred", "added", NULL };
	const char *net = xfer_val(c, 0), *town = xfer_val(c, 1);
	size_t before = c->r->nerrors;
	int64_t net_id = xfer_network_of(c, 0, net ? net : "", NULL);
	int64_t city_id = town && *town ? xfer_city_of(c, 1, town) : 0;
	if (town && !*town)
		xfer_row_error(c, 1, _("the town's name is empty"));
	const char *basis = xfer_val(c, 2);
	if (basis && *basis && !in_list(basis, bases))
		xfer_row_error(c, 2, _("\"%s\" should be final-list, meeting, inferred or added"), basis);
	if (net_id && !perm_can_moderate(c->actor, net_id))
		xfer_row_error(c, 0, _("you do not coordinate network %s"), net);
	if (c->r->nerrors > before)
		return ST_OK;
	char *key = str_printf("%s/%s", net, town); /* all of the town's name: no two alike */
	if (!key)
		return err_oom(e);
	bool first = xfer_first_time(c, key);
	free(key);
	if (!first)
		return ST_OK;
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return err_code(e);
	sqlite3_bind_int64(q, 1, net_id);
	sqlite3_bind_int64(q, 2, city_id);
	char *old_basis = NULL, *old_source = NULL;
	if (sqlite3_step(q) == SQLITE_ROW) {
		old_basis = db_col_dup(q, 0);
		old_source = db_col_dup(q, 1);
	}
	sqlite3_reset(q);
	const char *nb = basis && *basis ? basis : (old_basis ? old_basis : "added");
	const char *ns = xfer_val_or(c, 3, old_source ? old_source : "");
	strbuf diff = STRBUF_INIT;
	if (old_basis) {
		xfer_diff_add(&diff, "basis", old_basis, nb);
		xfer_diff_add(&diff, "source", old_source ? old_source : "", ns);
	}
	status s = ST_OK;
	if (!old_basis || xfer_differs(&diff)) {
		s = membership_rows_put(c->d, net_id, city_id, nb, ns, true, NULL, e);
	}
	if (old_basis && !xfer_differs(&diff))
		c->r->unchanged++;
	else if (old_basis)
		c->r->changed++, xfer_change(c, "~ %s %s: %s", net, town, strbuf_str(&diff));
	else
		c->r->added++, xfer_change(c, "+ %s %s (%s)", net, town, nb);
	strbuf_free(&diff);
	free(old_basis);
	free(old_source);
	return s;
}

static status import_row(ictx *c, xfer_kind kind, error *e)
{
	switch (kind) {
	case XFER_CITIES: return import_city(c, e);
	case XFER_ACCOUNTS: return import_account(c, e);
	case XFER_MEMBERSHIPS: return import_membership(c, e);
	case XFER_MEETINGS: return xfer_import_meeting(c, e);
	case XFER_PRACTICES: return xfer_import_practice(c, e);
	case XFER_UPTAKES: return xfer_import_uptake(c, e);
	}
	return ST_INTERNAL;
}

/* ---- driving the import ---- */

static bool header_matches(const char *field, const column *col)
{
	char *f = pl_fold(field, strlen(field));
	bool m = false;
	if (!f)
		return false;
	/* Trim spaces Excel users leave around headers. */
	char *s = f;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	if (strcmp(s, col->key) == 0) {
		m = true;
	} else {
		list_iter it;
		const char *a;
		size_t len;
		list_start(&it, col->aliases, "|", NULL);
		while (!m && list_next(&it, &a, &len))
			m = len == n && strncmp(a, s, n) == 0;
	}
	free(f);
	return m;
}

/* The header row: each of the kind's columns found by its name or an alias; others
 * are listed as ignored. */
static void map_columns(ictx *c, const csv_row *row)
{
	for (size_t i = 0; i < c->ncols; i++) {
		c->map[i] = -1;
		for (size_t k = 0; k < row->nfields; k++)
			if (header_matches(row->fields[k], &c->cols[i]))
				c->map[i] = (int)k;
	}
	for (size_t k = 0; k < row->nfields; k++) {
		bool known = false;
		for (size_t i = 0; i < c->ncols; i++)
			known = known || c->map[i] == (int)k;
		if (!known && row->fields[k][0]) {
			char *l = NULL;
			if (asprintf(&l, _("%s:1:%zu: unknown column \"%s\" is ignored"), c->file, k + 1,
			             row->fields[k]) >= 0)
				xfer_change(c, "! %s", l);
			free(l);
		}
	}
}

/* A cell as stored: a line break inside a quoted cell as LF, whatever wrote the file;
 * "'=…" from a spreadsheet-safe export as "=…" (unless raw). */
static void clean_cells(csv_row *row, bool raw)
{
	for (size_t k = 0; k < row->nfields; k++) {
		char *w = row->fields[k];
		for (const char *r = w; *r; r++)
			if (!(r[0] == '\r' && r[1] == '\n'))
				*w++ = *r;
		*w = '\0';
		if (!raw)
			csv_unguard(row->fields[k]);
	}
}

/* The data rows, up to MAX_ERRORS errors; a failure of the store ends them. */
static status import_rows(ictx *c, csv_reader *rd, xfer_kind kind, bool raw, error *e)
{
	import_report *out = c->r;
	while (out->nerrors == 0 || out->nerrors < MAX_ERRORS) {
		if (out->nerrors && c->map[0] < 0)
			break;
		int rc = csv_next(rd, c->row);
		if (rc == CSV_EOF)
			break;
		if (rc == CSV_ERROR) {
			unsigned long line, col;
			const char *why = csv_reader_error(rd, &line, &col);
			char *l = NULL;
			if (asprintf(&l, "%s:%lu:%lu: %s", c->file, line, col,
			             strcmp(why, "unterminated quoted field") == 0 ? _("a quoted field is never closed")
			             : strcmp(why, "stray quote in unquoted field") == 0
			                 ? _("a quote inside a field that does not start with one") : why) >= 0)
				add_line(&out->errors, &out->nerrors, &c->errors_cap, l);
			break;
		}
		if (c->row->nfields == 1 && !c->row->fields[0][0])
			continue;
		if (c->row->nfields > 16 + c->ncols) {
			xfer_row_error(c, -1, ngettext("%zu field, more than the header's %zu",
			                               "%zu fields, more than the header's %zu",
			                               (unsigned long)c->row->nfields),
			               c->row->nfields, c->ncols);
			continue;
		}
		clean_cells(c->row, raw);
		status s = import_row(c, kind, e);
		if (s != ST_OK) {
			/* A failure of the store (not of the data: those are listed) names the row
			 * it came at. */
			if (e) {
				char why[sizeof e->msg];
				snprintf(why, sizeof why, "%s", e->msg);
				err_set(e, s, "%s:%lu: %s", c->file, c->row->line, why);
			}
			return s;
		}
	}
	return ST_OK;
}

status import_csv(db *d, const account *actor, xfer_kind kind, const char *file,
                  const char *text, size_t len, bool dry_run, bool raw, import_report *out,
                  error *e)
{
	ictx c = { .d = d, .actor = actor, .file = file, .r = out };
	memset(out, 0, sizeof *out);
	bool admin = actor->role == ROLE_ADMIN;
	bool coordinator = actor->role == ROLE_COORDINATOR;
	if (!admin && !(coordinator && (kind == XFER_MEMBERSHIPS || kind == XFER_MEETINGS ||
	                                kind == XFER_PRACTICES || kind == XFER_UPTAKES)))
		return err_set(e, ST_DENIED, _("Only an administrator can import this (coordinators: "
		                               "the memberships, meetings and good practices of their "
		                               "network)"));
	c.cols = kind_columns(kind, &c.ncols);
	csv_reader *rd = csv_reader_new(text, len, 0);
	if (!rd)
		return err_oom(e);
	csv_row row;
	c.row = &row;
	if (csv_next(rd, &row) != CSV_ROW) {
		csv_reader_free(rd);
		return err_set(e, ST_INVALID, _("%s: the file is empty; the first line must name the columns"),
		               file);
	}
	map_columns(&c, &row);
	status s = db_begin(d, e);
	if (s != ST_OK) {
		csv_reader_free(rd);
		return s;
	}
	for (size_t i = 0; i < c.ncols; i++)
		if (c.map[i] < 0 && required_column(kind, (int)i))
			xfer_row_error(&c, -1, _("the required column \"%s\" is missing"), c.cols[i].key);
	s = import_rows(&c, rd, kind, raw, e);
	csv_reader_free(rd);
	for (size_t i = 0; i < c.nseen; i++)
		free(c.seen[i]);
	free(c.seen);
	free(c.seen_line);
	if (s == ST_OK && out->nerrors) {
		s = err_set(e, ST_INVALID, ngettext("%s: %zu error; nothing was imported",
		                                    "%s: %zu errors; nothing was imported", out->nerrors),
		            file, out->nerrors);
	}
	if (s == ST_OK && !dry_run) {
		/* The file's whole name: the audit is not cut. */
		char *summary = str_printf("%s: +%zu ~%zu =%zu", file, out->added, out->changed,
		                           out->unchanged);
		s = !summary ? err_oom(e)
		  : audit_append(d, actor, "import", c.cols == city_cols ? "cities"
		                 : c.cols == account_cols ? "accounts"
		                 : c.cols == member_cols ? "memberships"
		                 : c.cols == practice_cols ? "practices"
		                 : c.cols == uptake_cols ? "uptakes" : "meetings", 0, NULL, summary, e);
		free(summary);
		if (s == ST_OK)
			return db_commit(d, e);
	}
	db_rollback(d);
	return s;
}

void import_report_free(import_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->lines[i]);
	for (size_t i = 0; i < r->nerrors; i++)
		free(r->errors[i]);
	free(r->lines);
	free(r->errors);
	memset(r, 0, sizeof *r);
}
