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
static const column account_cols[] = {
	{ "login", "" }, { "display_name", "nazwa|imie i nazwisko|name" }, { "role", "rola" },
	{ "city", "miasto|town" }, { "network", "siec" }, { "expert", "ekspert" },
};
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

/* Parse yes/no in English or Polish, or 0/1; -1 when it is neither. */
static int parse_bool(const char *v)
{
	static const char *const yes[] = { "1", "yes", "tak", "true", "y", "t", NULL };
	static const char *const no[] = { "0", "no", "nie", "false", "n", "", NULL };
	char *f = pl_fold(v, strlen(v));
	int r = !f ? -1 : in_list(f, yes) ? 1 : in_list(f, no) ? 0 : -1;
	free(f);
	return r;
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

static const char *const voivodeships[] = {
	"dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie",
	"mazowieckie", "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie",
	"świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie", NULL
};

/* The canonical spelling of a voivodeship typed in any case, with or without Polish
 * letters; NULL when it is not one of the sixteen. */
static const char *voivodeship_canonical(const char *v)
{
	char *f = pl_fold(v, strlen(v));
	const char *hit = NULL;
	for (size_t i = 0; f && voivodeships[i] && !hit; i++) {
		char *g = pl_fold(voivodeships[i], strlen(voivodeships[i]));
		if (g && strcmp(f, g) == 0)
			hit = voivodeships[i];
		free(g);
	}
	free(f);
	return hit;
}

/* Record one field's change into diff ("field: old → new; ..."). */
void xfer_diff_add(char *diff, size_t n, const char *field, const char *old, const char *new)
{
	if (strcmp(old, new) == 0)
		return;
	size_t used = strlen(diff);
	snprintf(diff + used, n - used, "%s%s: %s → %s", used ? "; " : "", field, *old ? old : "–",
	         *new ? new : "–");
}

/* A town: its columns are the fields of city_fields.h (city_cols), each checked here;
 * what a row leaves out stays as stored, or takes its default. */
static status import_city(ictx *c, error *e)
{
	static const char sql_get[] =
		"SELECT id" CITY_FIELDS(CITY_COL_SET_) " FROM cities WHERE name = ?1";
	static const char *const bases[] = { "source", "general", "unknown", NULL };
	static const char *const statuses[] = { "laureate", "participant", "network", "other", NULL };
	enum { NAME = CITY_F_name, VOIV = CITY_F_voivodeship, BASIS = CITY_F_voivodeship_basis,
	       LAUREATE = CITY_F_laureate, STATUS = CITY_F_programme_status };
	const char *name = xfer_val(c, NAME);
	if (!name || !*name) {
		xfer_row_error(c, NAME, _("the town's name is empty"));
		return ST_OK;
	}
	if (!xfer_first_time(c, name))
		return ST_OK;
	size_t before = c->r->nerrors;
	const char *v = xfer_val(c, VOIV);
	if (v && *v && !(v = voivodeship_canonical(v)))
		xfer_row_error(c, VOIV, _("\"%s\" is not one of the 16 voivodeships"), xfer_val(c, VOIV));
	const char *basis = xfer_val(c, BASIS);
	if (basis && *basis && !in_list(basis, bases))
		xfer_row_error(c, BASIS, _("\"%s\" should be source, general or unknown"), basis);
	const char *laureate = xfer_val(c, LAUREATE);
	int lau = laureate ? parse_bool(laureate) : -2;
	if (lau == -1)
		xfer_row_error(c, LAUREATE, _("\"%s\" should be yes or no"), laureate);
	const char *st = xfer_val(c, STATUS);
	if (st && *st && !in_list(st, statuses))
		xfer_row_error(c, STATUS, _("\"%s\" should be laureate, participant, network or other"),
		               st);
	if (c->r->nerrors > before)
		return ST_OK;

	/* New values: what the file says, else what is stored, else the defaults; old[i] and
	 * nv[i] are field i (the name's place unused in old). */
	char *old[CITY_NFIELDS] = { 0 };
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	int64_t id = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		id = sqlite3_column_int64(q, 0);
		for (int i = NAME + 1; i < CITY_NFIELDS; i++)
			old[i] = db_col_dup(q, i);
	}
	sqlite3_reset(q);
	char lau_s[2] = { lau == 1 ? '1' : '0', 0 };
	const char *nv[CITY_NFIELDS];
	nv[NAME] = name;
	nv[VOIV] = v && *v ? v : (v ? "" : (old[VOIV] ? old[VOIV] : ""));
	nv[BASIS] = basis && *basis ? basis
	                            : (old[BASIS] ? old[BASIS] : (v && *v ? "general" : "unknown"));
	nv[LAUREATE] = lau >= 0 ? lau_s : (old[LAUREATE] ? old[LAUREATE] : "0");
	nv[STATUS] = st && *st ? st : (old[STATUS] ? old[STATUS] : (lau == 1 ? "laureate" : "network"));
	for (int i = STATUS + 1; i < CITY_NFIELDS; i++) /* the texts after them */
		nv[i] = xfer_val_or(c, i, old[i] ? old[i] : "");
	char diff[1024] = "";
	if (id)
		for (int i = NAME + 1; i < CITY_NFIELDS; i++)
			xfer_diff_add(diff, sizeof diff, c->cols[i].key, old[i] ? old[i] : "", nv[i]);
	status s = ST_OK;
	if (!id || *diff) {
		city_fields f = { .create = !id };
		city_fields_set(&f, nv);
		s = directory_rows_city(c->d, &f, NULL, e);
	}
	if (!*diff && old[VOIV])
		c->r->unchanged++;
	else if (old[VOIV])
		c->r->changed++, xfer_change(c, "~ %s: %s", name, diff);
	else
		c->r->added++, xfer_change(c, "+ %s (%s)", name, *nv[VOIV] ? nv[VOIV] : "?");
	for (int i = 0; i < CITY_NFIELDS; i++)
		free(old[i]);
	return s;
}

static status import_account(ictx *c, error *e)
{
	static const char sql_get[] =
		"SELECT a.display_name, a.role, COALESCE(c.name, ''), COALESCE(n.number, ''),"
		"       CASE WHEN a.expert THEN 'yes' ELSE 'no' END"
		"  FROM accounts a LEFT JOIN cities c ON c.id = a.city_id"
		"  LEFT JOIN networks n ON n.id = a.network_id WHERE a.login = ?1";
	const char *login = xfer_val(c, 0);
	if (!account_login_valid(login)) {
		xfer_row_error(c, 0, _("\"%s\" is not a valid login (1–64 letters, digits and . _ - @ +)"),
		          login ? login : "");
		return ST_OK;
	}
	if (!xfer_first_time(c, login))
		return ST_OK;
	size_t before = c->r->nerrors;
	const char *rolename = xfer_val(c, 2);
	char roles[128];
	if (!rolename || role_parse(rolename) < 0)
		xfer_row_error(c, 2, _("\"%s\" should be %s"), rolename ? rolename : "",
		               list_join_or(role_keys, roles, sizeof roles));
	const char *town = xfer_val(c, 3), *net = xfer_val(c, 4);
	/* ZMP's experts (feedback.h): yes or no, in English or Polish; empty keeps it. */
	const char *expert = xfer_val(c, 5);
	if (expert && *expert) {
		if (strcasecmp(expert, "yes") == 0 || strcasecmp(expert, "tak") == 0)
			expert = "yes";
		else if (strcasecmp(expert, "no") == 0 || strcasecmp(expert, "nie") == 0)
			expert = "no";
		else
			xfer_row_error(c, 5, _("\"%s\" should be yes or no (tak or nie)"), expert);
	}
	int64_t city_id = town && *town ? xfer_city_of(c, 3, town) : 0;
	int64_t net_id = net && *net ? xfer_network_of(c, 4, net, NULL) : 0;
	if (c->r->nerrors > before)
		return ST_OK;
	char *old[5] = { 0 };
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_text(q, 1, login, -1, SQLITE_STATIC);
	bool exists = sqlite3_step(q) == SQLITE_ROW;
	for (int i = 0; exists && i < 5; i++)
		old[i] = db_col_dup(q, i);
	sqlite3_reset(q);
	const char *name = xfer_val(c, 1);
	const char *nv[5] = { name && *name ? name : (old[0] ? old[0] : login), rolename,
	                      town ? town : (old[2] ? old[2] : ""), net ? net : (old[3] ? old[3] : ""),
	                      expert && *expert ? expert : (old[4] ? old[4] : "no") };
	char diff[1024] = "";
	for (int i = 0; exists && i < 5; i++)
		xfer_diff_add(diff, sizeof diff, c->cols[i + 1].key, old[i] ? old[i] : "", nv[i]);
	status s = ST_OK;
	if (!exists || *diff) {
		if (!town && old[2] && *old[2])
			city_id = db_lookup_id(c->d, xfer_sql_city_id, old[2], 0);
		if (!net && old[3] && *old[3])
			net_id = db_lookup_id(c->d, sql_network_id, NULL, atoi(old[3]));
		account_fields f = { .login = login, .display_name = nv[0], .role = rolename,
		                     .city_id = city_id, .network_id = net_id,
		                     .expert = strcmp(nv[4], "yes") == 0 };
		bool dup = false;
		s = exists ? account_rows_update(c->d, &f, e) : account_rows_insert(c->d, &f, &dup, NULL, e);
		if (s == ST_OK && dup) /* the file names it twice: xfer_first_time() keeps that out */
			s = err_set(e, ST_INTERNAL, _("An account with the login \"%s\" already exists"),
			            login);
	}
	if (exists && !*diff)
		c->r->unchanged++;
	else if (exists)
		c->r->changed++, xfer_change(c, "~ %s: %s", login, diff);
	else
		c->r->added++, xfer_change(c, "+ %s (%s, %s)", login, nv[0], rolename);
	for (int i = 0; i < 5; i++)
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
		return err_set(e, ST_INTERNAL, _("Out of memory"));
	bool first = xfer_first_time(c, key);
	free(key);
	if (!first)
		return ST_OK;
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return e ? e->code : ST_INTERNAL;
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
	char diff[1024] = "";
	if (old_basis) {
		xfer_diff_add(diff, sizeof diff, "basis", old_basis, nb);
		xfer_diff_add(diff, sizeof diff, "source", old_source ? old_source : "", ns);
	}
	status s = ST_OK;
	if (!old_basis || *diff) {
		s = membership_rows_put(c->d, net_id, city_id, nb, ns, true, NULL, e);
	}
	if (old_basis && !*diff)
		c->r->unchanged++;
	else if (old_basis)
		c->r->changed++, xfer_change(c, "~ %s %s: %s", net, town, diff);
	else
		c->r->added++, xfer_change(c, "+ %s %s (%s)", net, town, nb);
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
		return err_set(e, ST_INTERNAL, _("Out of memory"));
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
		s = !summary ? err_set(e, ST_INTERNAL, _("Out of memory"))
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
