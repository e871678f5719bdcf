/* transfer_export.c — the directory as CSV or JSON, in the columns import reads. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account_fields.h"
#include "core/city_fields.h"
#include "core/db_priv.h"
#include "core/practice_fields.h"
#include "core/transfer.h"
#include "core/transfer_priv.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/csv.h"

/* Each query takes ?1 = may see the leaders' network, ?2 = the network it coordinates. */
#define VISIBLE "(n.leaders_only = 0 OR ?1 = 1 OR n.id = ?2)"

/* The columns of a town: its fields (city_fields.h). */
static const char sql_cities[] = "SELECT name" CITY_FIELDS(CITY_COL_SET_)
                                 " FROM cities WHERE ?1 + ?2 >= 0 ORDER BY name COLLATE PL";
/* The CSV columns of an account (account_fields.h). */
static const char sql_accounts[] = "SELECT " ACCOUNT_CSV_SELECT ACCOUNT_CSV_FROM
                                   " WHERE ?1 + ?2 >= 0 ORDER BY a.login COLLATE PL";
static const char sql_members[] =
	"SELECT n.number AS network, c.name AS city, m.basis, m.source FROM memberships m"
	" JOIN networks n ON n.id = m.network_id JOIN cities c ON c.id = m.city_id"
	" WHERE " VISIBLE " ORDER BY n.number, c.name COLLATE PL";
/* The columns of data/meetings.csv (meeting_fields.h). */
static const char sql_meetings[] =
	"SELECT g.key" MEETING_CSV_SELECT MEETING_CSV_FROM " WHERE " VISIBLE
	" ORDER BY g.date_start, g.key";
/* The columns of data/practices.csv (practice_fields.h). A practice shown only in networks the account may
 * not see is left out, and so are such networks (and their meetings) in the lists. */
#define XSEL_TOWN(n) ", c.name AS " #n
#define XSEL_NETS(n)                                                                         \
	", COALESCE((SELECT group_concat(number, ' | ') FROM (SELECT n.number"                  \
	"   FROM practice_networks pn JOIN networks n ON n.id = pn.network_id"                   \
	"   WHERE pn.practice_id = p.id AND " VISIBLE " ORDER BY n.number)), '') AS " #n
#define XSEL_MEETS(n)                                                                        \
	", COALESCE((SELECT group_concat(key, ' | ') FROM (SELECT g.key"                        \
	"   FROM practice_meetings pm JOIN meetings g ON g.id = pm.meeting_id"                   \
	"   JOIN networks n ON n.id = g.network_id"                                              \
	"   WHERE pm.practice_id = p.id AND " VISIBLE " ORDER BY g.date_start, g.id)), '')"      \
	"   AS " #n
#define XSEL_LINE(n) ", p." #n
#define XSEL_TEXT(n) ", p." #n
#define XSEL_URL(n) ", p." #n
#define XSEL_FIELD(name, kind, ...) XSEL_##kind(name)
static const char sql_practices[] =
	"SELECT p.key" PRACTICE_FIELDS(XSEL_FIELD)
	" FROM practices p JOIN cities c ON c.id = p.city_id"

	" WHERE NOT EXISTS (SELECT 1 FROM practice_networks pn WHERE pn.practice_id = p.id)"
	"    OR EXISTS (SELECT 1 FROM practice_networks pn JOIN networks n ON n.id = pn.network_id"
	"               WHERE pn.practice_id = p.id AND " VISIBLE ")"
	" ORDER BY c.name COLLATE PL, p.title COLLATE PL, p.key";

/* Practice transfers (uptake.h), of the practices the account may see: the CSV fields
 * of uptake_fields.h (sql_uptakes() puts them before this). The linked threads stay
 * out: thread numbers mean nothing in another database. */
static const char sql_uptakes_from[] =
	" FROM uptakes u JOIN practices p ON p.id = u.practice_id"
	" JOIN cities c ON c.id = u.city_id JOIN cities pc ON pc.id = p.city_id"
	" WHERE NOT EXISTS (SELECT 1 FROM practice_networks pn WHERE pn.practice_id = p.id)"
	"    OR EXISTS (SELECT 1 FROM practice_networks pn JOIN networks n ON n.id = pn.network_id"
	"               WHERE pn.practice_id = p.id AND " VISIBLE ")"
	" ORDER BY pc.name COLLATE PL, p.title COLLATE PL, p.key, c.name COLLATE PL";

/* "SELECT p.key AS practice, c.name AS town, … FROM …", made once. */
static const char *sql_uptakes(void)
{
	static char sql[2048];
	if (*sql)
		return sql;
	size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT");
	for (int i = 0; i < UPTAKE_NFIELDS && n < sizeof sql; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		if (f->csv)
			n += (size_t)snprintf(sql + n, sizeof sql - n, "%s %s AS %s",
			                      n > strlen("SELECT") ? "," : "", f->sql, f->name);
	}
	if (n < sizeof sql)
		snprintf(sql + n, sizeof sql - n, "%s", sql_uptakes_from);
	return sql;
}

static const char *query_of(xfer_kind k)
{
	switch (k) {
	case XFER_CITIES: return sql_cities;
	case XFER_ACCOUNTS: return sql_accounts;
	case XFER_MEMBERSHIPS: return sql_members;
	case XFER_MEETINGS: return sql_meetings;
	case XFER_PRACTICES: return sql_practices;
	case XFER_UPTAKES: return sql_uptakes();
	}
	return NULL;
}

/* Whether the account sees every network, the leaders' included. */
static bool sees_all(const account *a)
{
	return a->role == ROLE_LEADER || a->role == ROLE_ADMIN ||
	       (a->role == ROLE_COORDINATOR && a->network_id == 0);
}

static int64_t coordinated(const account *a)
{
	return a->role == ROLE_COORDINATOR ? a->network_id : -1;
}

static sqlite3_stmt *prepare(db *d, const account *a, xfer_kind k, error *e)
{
	if (k == XFER_ACCOUNTS && a->role != ROLE_ADMIN) {
		err_set(e, ST_DENIED, _("Only an administrator can export the accounts"));
		return NULL;
	}
	sqlite3_stmt *st = db_stmt(d, query_of(k), e);
	if (!st)
		return NULL;
	sqlite3_bind_int(st, 1, sees_all(a));
	sqlite3_bind_int64(st, 2, coordinated(a));
	return st;
}

status export_csv(db *d, const account *a, xfer_kind k, FILE *out, char sep, int flags,
                  error *e)
{
	sqlite3_stmt *st = prepare(d, a, k, e);
	if (!st)
		return err_code(e);
	int n = sqlite3_column_count(st);
	const char *f[32];
	for (int i = 0; i < n && i < 32; i++)
		f[i] = sqlite3_column_name(st, i);
	int werr = csv_write_row(out, f, (size_t)n, sep, flags);
	int rc;
	while (werr >= 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n && i < 32; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			f[i] = v ? v : "";
		}
		werr = csv_write_row(out, f, (size_t)n, sep, flags);
	}
	sqlite3_reset(st);
	if (werr < 0)
		return err_set(e, ST_IO, _("Cannot write the export"));
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Exporting"));
}

status export_json(db *d, const account *a, xfer_kind k, char **json, error *e)
{
	*json = NULL;
	sqlite3_stmt *st = prepare(d, a, k, e);
	if (!st)
		return err_code(e);
	/* Build "SELECT json_group_array(json_object('col', col, ...)) FROM (<query>)" from
	 * the query's own column names, so JSON and CSV can never disagree. */
	sqlite3_str *q = sqlite3_str_new(db_handle(d));
	sqlite3_str_appendall(q, "SELECT json_group_array(json_object(");
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n; i++)
		sqlite3_str_appendf(q, "%s%Q, \"%w\"", i ? ", " : "", sqlite3_column_name(st, i),
		                    sqlite3_column_name(st, i));
	sqlite3_str_appendf(q, ")) FROM (%s)", query_of(k));
	char *sql = sqlite3_str_finish(q);
	sqlite3_reset(st);
	if (!sql)
		return err_oom(e);
	sqlite3_stmt *js = NULL;
	int rc = sqlite3_prepare_v2(db_handle(d), sql, -1, &js, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return db_fail(d, rc, e, _("Exporting"));
	sqlite3_bind_int(js, 1, sees_all(a));
	sqlite3_bind_int64(js, 2, coordinated(a));
	rc = sqlite3_step(js);
	status s = ST_OK;
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(js, 0);
		if (!(*json = strdup(t ? t : "[]")))
			s = err_oom(e);
	} else {
		s = db_fail(d, rc, e, _("Exporting"));
	}
	sqlite3_finalize(js);
	return s;
}
