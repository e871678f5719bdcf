/* seed.c — see seed.h. The CSV files are trusted (ours), yet every field still goes in
 * through bound parameters and any mismatch stops the whole load. */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/account.h"
#include "core/audit.h"
#include "core/bundled.h"
#include "core/db_priv.h"
#include "core/directory.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/forum_rows.h"
#include "core/search_index.h"
#include "core/search_docs.h"
#include "core/seed.h"
#include "i18n.h"
#include "text/csv.h"
#include "text/list.h"

/* A CSV file read by column name. */
typedef struct {
	const char *file;
	csv_reader *r;
	csv_row row;
	char **header;
	size_t ncols;
} table;

static status table_open(table *t, const char *file, const char *buf, size_t len, error *e)
{
	memset(t, 0, sizeof *t);
	t->file = file;
	t->r = csv_reader_new(buf, len, ',');
	if (!t->r || csv_next(t->r, &t->row) != CSV_ROW)
		return err_set(e, ST_INTERNAL, _("Bundled file %s: cannot read its header"), file);
	t->ncols = t->row.nfields;
	t->header = calloc(t->ncols, sizeof *t->header);
	if (!t->header)
		return err_oom(e);
	for (size_t i = 0; i < t->ncols; i++)
		if (!(t->header[i] = strdup(t->row.fields[i])))
			return err_oom(e);
	return ST_OK;
}

static void table_close(table *t)
{
	for (size_t i = 0; t->header && i < t->ncols; i++)
		free(t->header[i]);
	free(t->header);
	csv_reader_free(t->r);
	memset(t, 0, sizeof *t);
}

/* Next row; 1 when there is one, 0 at the end, -1 on error (e set). */
static int table_next(table *t, error *e)
{
	int rc = csv_next(t->r, &t->row);
	if (rc == CSV_ERROR) {
		unsigned long line, col;
		const char *what = csv_reader_error(t->r, &line, &col);
		err_set(e, ST_INTERNAL, _("Bundled file %s, line %lu, column %lu: %s"), t->file, line,
		        col, what);
		return -1;
	}
	if (rc == CSV_ROW && t->row.nfields != t->ncols) {
		err_set(e, ST_INTERNAL, ngettext("Bundled file %s, line %lu: %zu field, expected %zu",
		                                     "Bundled file %s, line %lu: %zu fields, expected %zu",
		                                     (unsigned long)t->row.nfields),
		        t->file, t->row.line, t->row.nfields, t->ncols);
		return -1;
	}
	return rc == CSV_ROW;
}

static const char *col(const table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->header[i], name) == 0)
			return t->row.fields[i];
	return NULL;
}

/* Bind the named columns of the current row to parameters 1..n; NULL if one is missing. */
static status bind_cols(table *t, sqlite3_stmt *st, const char *const *names, size_t n, error *e)
{
	for (size_t i = 0; i < n; i++) {
		const char *v = col(t, names[i]);
		if (!v)
			return err_set(e, ST_INTERNAL, _("Bundled file %s: no column \"%s\""), t->file,
			               names[i]);
		sqlite3_bind_text(st, (int)i + 1, v, -1, SQLITE_TRANSIENT);
	}
	return ST_OK;
}

static status step_done(db *d, sqlite3_stmt *st, const table *t, error *e)
{
	char what[160];
	snprintf(what, sizeof what, _("Bundled file %s, line %lu"), t->file, t->row.line);
	return db_step_done(d, st, what, NULL, e);
}

static status load_rows(db *d, const char *file, const char *buf, size_t len, const char *sql,
                        const char *const *names, size_t n, error *e)
{
	table t;
	status s = table_open(&t, file, buf, len, e);
	int more;
	while (s == ST_OK && (more = table_next(&t, e)) == 1) {
		sqlite3_stmt *st = db_stmt(d, sql, e);
		if (!st || (s = bind_cols(&t, st, names, n, e)) != ST_OK) {
			s = st ? s : (err_code(e));
			break;
		}
		s = step_done(d, st, &t, e);
	}
	if (s == ST_OK && more < 0)
		s = err_code(e);
	table_close(&t);
	return s;
}

/* A network's number as the file writes it ("3"); 0 for anything else ("3x"). */
static int number_of(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	return end != s && !*end && n > 0 && n < 1000 ? (int)n : 0;
}

/* A failure of the store at a row of a bundled file: the row named before the why. */
static status at_row(const table *t, status s, error *e)
{
	if (s != ST_OK && e) {
		char why[sizeof e->msg], where[160];
		snprintf(why, sizeof why, "%s", e->msg);
		snprintf(where, sizeof where, _("Bundled file %s, line %lu"), t->file, t->row.line);
		err_set(e, s, "%s: %s", where, why);
	}
	return s;
}

/* The data's own error at a row of a bundled file (its line named). */
static status row_fails(const table *t, error *e, const char *why, const char *what)
{
	return err_set(e, ST_INTERNAL, _("Bundled file %s, line %lu: %s \"%s\""), t->file,
	               t->row.line, why, what ? what : "");
}

/* Towns go through the directory's writer; the search index is filled in bulk after. */
static status load_cities(db *d, error *e)
{
	/* The columns of data/cities.csv: the fields of city_fields.h. */
#define CITY_CSV_NAME_(name, ...) #name,
	static const char *const names[] = { CITY_FIELDS(CITY_CSV_NAME_) };
#undef CITY_CSV_NAME_
	table t;
	status s = table_open(&t, "cities.csv", bundled_cities_csv, bundled_cities_csv_len, e);
	int more = 0;
	while (s == ST_OK && (more = table_next(&t, e)) == 1) {
		const char *v[CITY_NFIELDS];
		for (size_t i = 0; s == ST_OK && i < CITY_NFIELDS; i++)
			if (!(v[i] = col(&t, names[i])))
				s = err_set(e, ST_INTERNAL, _("Bundled file %s: no column \"%s\""), t.file,
				            names[i]);
		if (s != ST_OK)
			break;
		city_fields c = { .create = true, .unindexed = true };
		city_fields_set(&c, v);
		if (strcmp(v[CITY_F_laureate], "0") != 0 && !c.laureate)
			s = row_fails(&t, e, _("laureate should be 0 or 1, not"), v[CITY_F_laureate]);
		else
			s = at_row(&t, directory_rows_city(d, &c, NULL, e), e);
	}
	if (s == ST_OK && more < 0)
		s = err_code(e);
	table_close(&t);
	return s;
}

static status load_memberships(db *d, error *e)
{
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	static const char sql_city[] = "SELECT id FROM cities WHERE name = ?1";
	table t;
	status s = table_open(&t, "memberships.csv", bundled_memberships_csv,
	                      bundled_memberships_csv_len, e);
	int more = 0;
	while (s == ST_OK && (more = table_next(&t, e)) == 1) {
		const char *net = col(&t, "network"), *town = col(&t, "city");
		const char *basis = col(&t, "basis"), *source = col(&t, "source");
		if (!net || !town || !basis || !source) {
			s = err_set(e, ST_INTERNAL, _("Bundled file %s: no column \"%s\""), t.file,
			            !net ? "network" : !town ? "city" : !basis ? "basis" : "source");
			break;
		}
		int64_t net_id = db_lookup_id(d, sql_net, NULL, number_of(net));
		int64_t city_id = db_lookup_id(d, sql_city, town, 0);
		if (!net_id)
			s = row_fails(&t, e, _("no network numbered"), net);
		else if (!city_id)
			s = row_fails(&t, e, _("no town named"), town);
		else {
			bool added = false;
			s = at_row(&t, membership_rows_put(d, net_id, city_id, basis, source, false,
			                                   &added, e), e);
			if (s == ST_OK && !added)
				s = row_fails(&t, e, _("listed a second time:"), town);
		}
	}
	if (s == ST_OK && more < 0)
		s = err_code(e);
	table_close(&t);
	return s;
}

/* Each network speaks through its own account ("siec-N"): it authors the meeting
 * threads. */
static status network_accounts(db *d, error *e)
{
	static const char sql[] = "SELECT id, number, code FROM networks ORDER BY number";
	sqlite3_stmt *sel = NULL;
	/* Not cached: the account writer runs statements of its own meanwhile. */
	int rc = sqlite3_prepare_v2(db_handle(d), sql, -1, &sel, NULL);
	if (rc != SQLITE_OK)
		return db_fail(d, rc, e, _("Loading the bundled directory"));
	status s = ST_OK;
	while (s == ST_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
		char login[32], name[160];
		snprintf(login, sizeof login, "siec-%d", sqlite3_column_int(sel, 1));
		snprintf(name, sizeof name, "Sieć %d · %s", sqlite3_column_int(sel, 1),
		         (const char *)sqlite3_column_text(sel, 2));
		account_fields f = { .login = login, .display_name = name, .role = "coordinator",
		                     .network_id = sqlite3_column_int64(sel, 0) };
		bool dup;
		s = account_rows_insert(d, &f, &dup, NULL, e);
		if (s == ST_OK && dup)
			s = err_set(e, ST_INTERNAL, _("An account with the login \"%s\" already exists"),
			            login);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Loading the bundled directory"));
	sqlite3_finalize(sel);
	return s;
}

static status load_meetings(db *d, error *e)
{
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	static const char sql_city[] = "SELECT id FROM cities WHERE name = ?1";
	enum { NF = MEETING_NFIELDS };
	table t;
	status s = table_open(&t, "meetings.csv", bundled_meetings_csv, bundled_meetings_csv_len, e);
	int more = 0;
	while (s == ST_OK && (more = table_next(&t, e)) == 1) {
		/* The fields of meeting_fields.h by their CSV names. A field the file has no
		 * column for stays empty; key, network, first day and title are needed. */
		const char *key = col(&t, "key"), *v[NF];
		for (int i = 0; i < NF; i++)
			if (!(v[i] = col(&t, meeting_field_list[i].csv)))
				v[i] = i == MEETING_F_network || i == MEETING_F_date_start ||
				       i == MEETING_F_title ? NULL : "";
		const char *missing = !key                      ? "key"
		                      : !v[MEETING_F_network]    ? meeting_field_list[MEETING_F_network].csv
		                      : !v[MEETING_F_date_start] ? meeting_field_list[MEETING_F_date_start].csv
		                      : !v[MEETING_F_title]      ? meeting_field_list[MEETING_F_title].csv
		                                                 : NULL;
		if (missing) {
			s = err_set(e, ST_INTERNAL, _("Bundled file %s: no column \"%s\""), t.file,
			            missing);
			break;
		}
		int64_t net = db_lookup_id(d, sql_net, NULL, number_of(v[MEETING_F_network]));
		if (!net) {
			s = row_fails(&t, e, _("no network numbered"), v[MEETING_F_network]);
			break;
		}
		/* The search index is filled in bulk once the directory is in (search_fill). */
		meeting_row m = { .key = key, .create = true, .network_id = net,
		                  .host_city_id = db_lookup_id(d, sql_city, v[MEETING_F_host], 0),
		                  .unindexed = true };
		meeting_row_set(&m, v);
		int64_t mid = 0;
		s = at_row(&t, meeting_rows_put(d, &m, &mid, e), e);
		/* The towns a published report names ("A | B | C"). */
		list_iter it;
		const char *at;
		size_t len;
		list_start(&it, v[MEETING_F_attending], "|", " ");
		while (s == ST_OK && list_next(&it, &at, &len)) {
			char *name = strndup(at, len);
			if (!name) {
				s = err_oom(e);
				break;
			}
			int64_t town = db_lookup_id(d, sql_city, name, 0);
			if (!town)
				s = row_fails(&t, e, _("no town named"), name);
			else {
				bool added = false;
				s = at_row(&t, meeting_rows_attend(d, mid, town, "source", false, &added, e), e);
				if (s == ST_OK && !added)
					s = row_fails(&t, e, _("listed a second time:"), name);
			}
			free(name);
		}
	}
	if (s == ST_OK && more < 0)
		s = err_code(e);
	table_close(&t);
	return s;
}

/* Call fn for each item of a " | " separated list (text/list.h: items trimmed of spaces,
 * empty ones skipped; a comma is part of an item). */
static status each_listed(const char *list, status (*fn)(db *, int64_t, const char *,
                                                         const table *, error *),
                          db *d, int64_t id, const table *t, error *e)
{
	list_iter it;
	const char *at;
	size_t len;
	list_start(&it, list, "|", " ");
	while (list_next(&it, &at, &len)) {
		char *item = strndup(at, len);
		if (!item)
			return err_oom(e);
		status s = fn(d, id, item, t, e);
		free(item);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

/* A practice's network (by number) or meeting (by key) from its row's list. */
static status link_practice(db *d, int64_t id, const char *item, const table *t, bool to_network,
                            error *e)
{
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	static const char sql_meeting[] = "SELECT id FROM meetings WHERE key = ?1";
	int64_t target = to_network ? db_lookup_id(d, sql_net, NULL, number_of(item))
	                            : db_lookup_id(d, sql_meeting, item, 0);
	bool added = false;
	status s = target ? at_row(t, practice_rows_link(d, id, to_network, target, &added, e), e)
	                  : ST_OK;
	if (s == ST_OK && !added)
		s = err_set(e, ST_INTERNAL, _("Bundled file %s, line %lu: unknown \"%s\""), t->file,
		            t->row.line, item);
	return s;
}

static status link_practice_network(db *d, int64_t id, const char *item, const table *t,
                                    error *e)
{
	return link_practice(d, id, item, t, true, e);
}

static status link_practice_meeting(db *d, int64_t id, const char *item, const table *t,
                                    error *e)
{
	return link_practice(d, id, item, t, false, e);
}

/* The good practices named in the published meeting reports (data/practices.csv). */
static status load_practices(db *d, error *e)
{
	static const char sql_city[] = "SELECT id FROM cities WHERE name = ?1";
	char now[32];
	db_now(now, sizeof now);
	table t;
	status s = table_open(&t, "practices.csv", bundled_practices_csv, bundled_practices_csv_len,
	                      e);
	int more = 0;
	while (s == ST_OK && (more = table_next(&t, e)) == 1) {
		/* The fields of practice_fields.h by their CSV names. A field the file has no
		 * column for stays empty (the sources do not give it); key, town and title are
		 * needed. */
		const char *key = col(&t, "key"), *v[PRACTICE_NFIELDS];
		for (int i = 0; i < PRACTICE_NFIELDS; i++)
			if (!(v[i] = col(&t, practice_field_list[i].name)))
				v[i] = i == PRACTICE_F_city || i == PRACTICE_F_title ? NULL : "";
		const char *missing = !key ? "key" : !v[PRACTICE_F_city] ? "city"
		                                   : !v[PRACTICE_F_title] ? "title" : NULL;
		if (missing) {
			s = err_set(e, ST_INTERNAL, _("Bundled file %s: no column \"%s\""), t.file,
			            missing);
			break;
		}
		int64_t town = db_lookup_id(d, sql_city, v[PRACTICE_F_city], 0);
		if (!town) {
			s = row_fails(&t, e, _("no town named"), v[PRACTICE_F_city]);
			break;
		}
		/* The search index is filled in bulk after (search_fill, search_index_practices). */
		practice_row p = { .key = key, .create = true, .city_id = town, .updated_at = now,
		                   .unindexed = true };
		practice_row_set(&p, v);
		int64_t pid = 0;
		if ((s = at_row(&t, practice_rows_put(d, &p, &pid, e), e)) != ST_OK ||
		    (s = each_listed(v[PRACTICE_F_networks], link_practice_network, d, pid, &t, e)) !=
		            ST_OK ||
		    (s = each_listed(v[PRACTICE_F_meetings], link_practice_meeting, d, pid, &t, e)) !=
		            ST_OK)
			break;
	}
	if (s == ST_OK && more < 0)
		s = err_code(e);
	table_close(&t);
	return s;
}

/* One thread per meeting, by the network's account, its first post the published
 * summary. The labels are Polish on purpose: they are part of the stored content of a
 * Polish-language directory, not of the interface. */
static status meeting_threads(db *d, error *e)
{
	static const char sql_sel[] =
		"SELECT g.id, g.network_id, g.title, g.date_text, COALESCE(c.name, g.host_place),"
		"  g.format, g.topics, g.study_visits, g.summary, g.note, g.source,"
		"  COALESCE(NULLIF(g.date_end, ''), g.date_start) || 'T00:00:00Z',"
		"  COALESCE((SELECT group_concat(name, ', ') FROM (SELECT x.name FROM meeting_cities mc"
		"   JOIN cities x ON x.id = mc.city_id WHERE mc.meeting_id = g.id"
		"   ORDER BY x.name COLLATE PL)), ''),"
		"  (SELECT id FROM accounts WHERE network_id = g.network_id AND login LIKE 'siec-%')"
		" FROM meetings g LEFT JOIN cities c ON c.id = g.host_city_id ORDER BY g.date_start, g.id";
	sqlite3 *h = db_handle(d);
	sqlite3_stmt *sel = NULL;
	/* Not cached: it runs once per database, while other statements are in use. */
	int rc = sqlite3_prepare_v2(h, sql_sel, -1, &sel, NULL);
	if (rc != SQLITE_OK)
		return db_fail(d, rc, e, _("Creating the meeting threads"));
	status s = ST_OK;
	while (s == ST_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *f[11];
		for (int i = 0; i < 11; i++)
			f[i] = (const char *)sqlite3_column_text(sel, i + 2);
		const char *attending = (const char *)sqlite3_column_text(sel, 12);
		char *body = sqlite3_mprintf(
			"Data: %s\n%s%s%s%s%s%s%s%s%s"
			"%s%s%s%s%s%s\n%s\n%s%s%s\nŹródło: %s\n",
			f[1], *f[2] ? "Gospodarz: " : "", f[2], *f[2] ? "\n" : "",
			*f[3] ? "Forma: " : "", f[3], *f[3] ? "\n" : "",
			*attending ? "Miasta: " : "", attending, *attending ? "\n" : "",
			*f[4] ? "\nTematy:\n  • " : "", f[4], *f[4] ? "\n" : "",
			*f[5] ? "\nWizyty studyjne:\n  • " : "", f[5], *f[5] ? "\n" : "",
			f[6],
			*f[7] ? "\nUwaga: " : "", f[7], *f[7] ? "\n" : "",
			f[8]);
		char *topics = body ? sqlite3_mprintf("%s", body) : NULL;
		sqlite3_free(body);
		if (!topics) {
			s = err_oom(e);
			break;
		}
		/* Lists in the files use " | "; shown as bullet lines. */
		sqlite3_str *b = sqlite3_str_new(h);
		for (const char *p = topics; *p; p++) {
			if (p[0] == ' ' && p[1] == '|' && p[2] == ' ') {
				sqlite3_str_appendall(b, "\n  • ");
				p += 2;
			} else {
				sqlite3_str_appendchar(b, 1, *p);
			}
		}
		sqlite3_free(topics);
		char *text = sqlite3_str_finish(b);
		if (!text) {
			s = err_oom(e);
			break;
		}
		/* The search index is filled in bulk once the directory is in (search_fill). */
		const char *at = (const char *)sqlite3_column_text(sel, 11);
		int64_t author = sqlite3_column_int64(sel, 13), tid = 0;
		thread_fields tf = { .network_id = sqlite3_column_int64(sel, 1), .author_id = author,
		                     .meeting_id = sqlite3_column_int64(sel, 0), .title = f[0],
		                     .created_at = at, .unindexed = true };
		post_fields pf = { .author_id = author, .body = text, .created_at = at,
		                   .unindexed = true };
		if ((s = forum_rows_thread(d, &tf, &tid, e)) == ST_OK) {
			pf.thread_id = tid;
			s = forum_rows_post(d, &pf, NULL, e);
		}
		sqlite3_free(text);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Creating the meeting threads"));
	sqlite3_finalize(sel);
	return s;
}

static status add_owner(db *d, error *e)
{
	struct passwd *pw = getpwuid(getuid());
	if (!pw || !pw->pw_name || !*pw->pw_name)
		return ST_OK;
	char name[128];
	/* The GECOS field's first part is the person's name, when set. */
	size_t n = pw->pw_gecos ? strcspn(pw->pw_gecos, ",") : 0;
	snprintf(name, sizeof name, "%.*s", (int)n, n ? pw->pw_gecos : "");
	/* A login the directory already holds (a network's "siec-N") stays as it is. */
	account_fields f = { .login = pw->pw_name, .display_name = *name ? name : pw->pw_name,
	                     .role = "admin" };
	bool dup;
	return account_rows_insert(d, &f, &dup, NULL, e);
}

/* What this database holds, set last in the seeding transaction (db_open seeds a file
 * without "kind"). */
static status mark_bundled(db *d, error *e)
{
	static const char *const keys[][2] = {
		{ "kind", "bundled" },
		{ "practices", "bundled" },
		{ "data_source", "EMPIRIE directory compiled from public sources (data/README.md)" },
	};
	const char *what = _("Loading the bundled directory");
	char now[32];
	db_now(now, sizeof now);
	status s = db_meta_set(d, "created_at", now, what, e);
	for (size_t i = 0; s == ST_OK && i < sizeof keys / sizeof keys[0]; i++)
		s = db_meta_set(d, keys[i][0], keys[i][1], what, e);
	return s;
}

status seed_bundled(db *d, error *e)
{
	static const char sql_net[] =
		"INSERT INTO networks(number, theme, code, name_en, goals, coordinators, leaders_only, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char *const net_cols[] = { "number", "theme", "code", "name_en", "goals",
	                                        "coordinators", "leaders_only", "source" };
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	/* Another process may have filled the file while we waited for the lock. */
	char *kind = db_meta_get(d, "kind");
	if (kind) {
		free(kind);
		db_rollback(d);
		return ST_OK;
	}
	if ((s = load_rows(d, "networks.csv", bundled_networks_csv, bundled_networks_csv_len, sql_net,
	                   net_cols, 8, e)) == ST_OK &&
	    (s = load_cities(d, e)) == ST_OK && (s = load_memberships(d, e)) == ST_OK &&
	    (s = network_accounts(d, e)) == ST_OK &&
	    (s = load_meetings(d, e)) == ST_OK &&
	    (s = meeting_threads(d, e)) == ST_OK &&
	    (s = load_practices(d, e)) == ST_OK &&
	    (s = search_fill(d, e)) == ST_OK &&
	    (s = add_owner(d, e)) == ST_OK &&
	    (s = audit_append(d, NULL, "create", "database", 0, NULL, "bundled directory", e)) == ST_OK &&
	    (s = mark_bundled(d, e)) == ST_OK)
		return db_commit(d, e);
	db_rollback(d);
	return s;
}

status seed_practices_upgrade(db *d, error *e)
{
	char *kind = db_meta_get(d, "kind"), *done = db_meta_get(d, "practices");
	bool wanted = kind && strcmp(kind, "bundled") == 0 && !done;
	free(kind), free(done);
	if (!wanted || db_is_readonly(d))
		return ST_OK;
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	done = db_meta_get(d, "practices"); /* another process may have done it meanwhile */
	if (done) {
		free(done);
		db_rollback(d);
		return ST_OK;
	}
	if ((s = load_practices(d, e)) == ST_OK && (s = search_index_practices(d, e)) == ST_OK &&
	    (s = db_meta_set(d, "practices", "bundled", _("Loading the bundled directory"), e)) == ST_OK)
		return db_commit(d, e);
	db_rollback(d);
	return s;
}
