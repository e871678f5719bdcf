/* practice.c — see practice.h. Practices are few (tens to a few thousand, typed by
 * people), so a filtered list is read whole; visibility follows the networks. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/practice.h"
#include "core/search_index.h"
#include "i18n.h"
#include "text/list.h"
#include "text/plfold.h"
#include "text/utf8.h"


/* What each kind of field reads as (practice_fields.h): the town's name, the numbers
 * of its networks and the keys of its meetings (leaders' ones only when ?8), a column. */
#define SEL_TOWN(n) ", c.name"
#define SEL_NETS(n)                                                                          \
	", COALESCE((SELECT group_concat(number, ' | ') FROM (SELECT n.number"                  \
	"   FROM practice_networks pn JOIN networks n ON n.id = pn.network_id"                   \
	"   WHERE pn.practice_id = p.id AND (n.leaders_only = 0 OR ?8)"                          \
	"   ORDER BY n.number)), '')"
#define SEL_MEETS(n)                                                                         \
	", COALESCE((SELECT group_concat(key, ' | ') FROM (SELECT g.key"                        \
	"   FROM practice_meetings pm JOIN meetings g ON g.id = pm.meeting_id"                   \
	"   JOIN networks n ON n.id = g.network_id"                                              \
	"   WHERE pm.practice_id = p.id AND (n.leaders_only = 0 OR ?8)"                          \
	"   ORDER BY g.date_start, g.id)), '')"
#define SEL_LINE(n) ", p." #n
#define SEL_TEXT(n) ", p." #n
#define SEL_URL(n) ", p." #n
#define SEL_FIELD(name, kind, ...) SEL_##kind(name)

/* Columns: 0 id, 1 town id, 2 how many of its networks are open to all, 3 the ids of
 * its leaders-only networks (for the visibility check), 4 key, 5 voivodeship,
 * 6 updated_at, then the fields (FIELD0 on) in the order of practice_fields.h. */
enum { FIELD0 = 7 };
static const char sql_practices[] =
	"SELECT p.id, p.city_id,"
	"       (SELECT count(*) FROM practice_networks pn JOIN networks n ON n.id = pn.network_id"
	"         WHERE pn.practice_id = p.id AND n.leaders_only = 0),"
	"       COALESCE((SELECT group_concat(n.id, ' ') FROM practice_networks pn"
	"         JOIN networks n ON n.id = pn.network_id"
	"         WHERE pn.practice_id = p.id AND n.leaders_only = 1), ''),"
	"       p.key, c.voivodeship, p.updated_at"
	PRACTICE_FIELDS(SEL_FIELD)
"  FROM practices p JOIN cities c ON c.id = p.city_id"
	" WHERE (?1 = 0 OR EXISTS (SELECT 1 FROM practice_networks pn JOIN networks n"
	"         ON n.id = pn.network_id WHERE pn.practice_id = p.id AND n.number = ?1))"
	"   AND (?2 IS NULL OR p.theme = ?2)"
	"   AND (?3 IS NULL OR c.voivodeship = ?3)"
	"   AND (?4 = 0 OR p.city_id = ?4)"
	"   AND (?5 = 0 OR EXISTS (SELECT 1 FROM practice_meetings pm"
	"         WHERE pm.practice_id = p.id AND pm.meeting_id = ?5))"
	"   AND (?6 = 0 OR p.id = ?6)"
	"   AND (?7 IS NULL OR p.key = ?7)"
	"   AND (?9 = 0 OR EXISTS (SELECT 1 FROM uptakes u WHERE u.practice_id = p.id"
	"         AND u.status <> 'dropped'))"
	"   AND (?10 IS NULL OR EXISTS (SELECT 1 FROM uptakes u JOIN cities uc ON uc.id = u.city_id"
	"         WHERE u.practice_id = p.id AND u.status <> 'dropped' AND uc.voivodeship = ?10))"
	" ORDER BY c.name COLLATE PL, p.title COLLATE PL, p.id";

#define KIND_(name, kind, ...) PK_##kind
#define FIELD_INFO_(name, kind, aliases, option, arg, help, label, card, form, ml, pub, search) \
	{ #name, KIND_(name, kind), aliases, option, arg, help, label, card, form, ml, pub, search, \
	  offsetof(practice, name), offsetof(practice_fields, name) },
const practice_field_info practice_field_list[PRACTICE_NFIELDS] = {
	PRACTICE_FIELDS(FIELD_INFO_)
};

const char *practice_value(const practice *p, int i)
{
	const char *v = *(char *const *)((const char *)p + practice_field_list[i].at);
	return v ? v : "";
}

const char **practice_input(practice_fields *f, int i)
{
	return (const char **)((char *)f + practice_field_list[i].in_at);
}

static char **practice_slot(practice *p, int i)
{
	return (char **)((char *)p + practice_field_list[i].at);
}

int practice_field_index(const char *name)
{
	for (int i = 0; i < PRACTICE_NFIELDS; i++)
		if (strcmp(practice_field_list[i].name, name) == 0)
			return i;
	return -1;
}

#define ROW_SET_(n) row->n = v[PRACTICE_F_##n];
#define ROW_FIELD_(name, kind, ...) PRACTICE_IF_COLUMN(kind, ROW_SET_, name)
void practice_row_set(practice_row *row, const char *const v[PRACTICE_NFIELDS])
{
	PRACTICE_FIELDS(ROW_FIELD_)
}

/* An http(s) address: the scheme, a host, no blanks or control characters. */
static bool web_address(const char *v)
{
	size_t skip = strncmp(v, "https://", 8) == 0 ? 8 : strncmp(v, "http://", 7) == 0 ? 7 : 0;
	if (!skip || !v[skip] || v[skip] == '/')
		return false;
	for (const unsigned char *q = (const unsigned char *)v; *q; q++)
		if (*q <= ' ' || *q == 0x7f)
			return false;
	return true;
}

const char *practice_value_fault(int i, const char *v)
{
	if (!v || !*v)
		return NULL;
	switch (practice_field_list[i].kind) {
	case PK_TOWN:
	case PK_LINE:
		return strpbrk(v, "\r\n") ? _("must be one line") : NULL;
	case PK_URL:
		return web_address(v) ? NULL
		                      : _("not a web address (http://… or https://…, without spaces)");
	default:
		return NULL;
	}
}

void practice_clear(practice *p)
{
	if (!p)
		return;
	free(p->key);
	free(p->voivodeship);
	free(p->updated_at);
	for (int i = 0; i < PRACTICE_NFIELDS; i++)
		free(*practice_slot(p, i));
	memset(p, 0, sizeof *p);
}

void practice_list_free(practice_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		practice_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

static status practice_from_row(sqlite3_stmt *st, practice *p, error *e)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	p->city_id = sqlite3_column_int64(st, 1);
	bool ok = (p->key = db_col_dup(st, 4)) && (p->voivodeship = db_col_dup(st, 5)) &&
	          (p->updated_at = db_col_dup(st, 6));
	for (int i = 0; ok && i < PRACTICE_NFIELDS; i++)
		ok = (*practice_slot(p, i) = db_col_dup(st, FIELD0 + i)) != NULL;
	if (!ok) {
		practice_clear(p);
		return err_oom(e);
	}
	return ST_OK;
}

/* Whether a sees every leaders' network (then a practice's links to them are shown
 * and kept when a edits it; otherwise they are neither shown nor touched). */
static bool sees_leaders(db *d, const account *a)
{
	static const char sql[] = "SELECT id FROM networks WHERE leaders_only = 1";
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	bool all = true;
	while (st && all && sqlite3_step(st) == SQLITE_ROW)
		all = perm_can_see_network(a, sqlite3_column_int64(st, 0), true);
	if (st)
		sqlite3_reset(st);
	return all;
}

/* Seen by a: shown in no network, or in one open to all, or in a leaders' network a
 * may see. */
static bool row_visible(sqlite3_stmt *st, const account *a)
{
	if (sqlite3_column_int(st, 2) > 0)
		return true;
	const char *ids = (const char *)sqlite3_column_text(st, 3);
	if (!ids || !*ids)
		return true; /* in no network at all */
	for (const char *p = ids; *p;) {
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p)
			break;
		if (perm_can_see_network(a, id, true))
			return true;
		p = end;
	}
	return false;
}

static status query(db *d, const account *a, const practice_filter *f, int64_t id,
                    const char *key, practice_list *out, error *e)
{
	memset(out, 0, sizeof *out);
	practice_filter none = { 0 };
	if (!f)
		f = &none;
	bool leaders = sees_leaders(d, a);
	sqlite3_stmt *st = db_stmt(d, sql_practices, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int(st, 1, f->network);
	if (f->theme)
		sqlite3_bind_text(st, 2, f->theme, -1, SQLITE_STATIC);
	if (f->voivodeship)
		sqlite3_bind_text(st, 3, f->voivodeship, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, f->city_id);
	sqlite3_bind_int64(st, 5, f->meeting_id);
	sqlite3_bind_int64(st, 6, id);
	if (key)
		sqlite3_bind_text(st, 7, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, leaders);
	sqlite3_bind_int(st, 9, f->taken_up);
	if (f->taken_up_in)
		sqlite3_bind_text(st, 10, f->taken_up_in, -1, SQLITE_STATIC);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!row_visible(st, a))
			continue;
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = practice_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the good practices"));
	sqlite3_reset(st);
	if (s != ST_OK)
		practice_list_free(out);
	return s;
}

status practice_list_get(db *d, const account *a, const practice_filter *f, practice_list *out,
                         error *e)
{
	return query(d, a, f, 0, NULL, out, e);
}

status practice_get(db *d, const account *a, int64_t id, const char *key, practice *out,
                    error *e)
{
	practice_list l;
	memset(out, 0, sizeof *out);
	status s = query(d, a, NULL, id, id ? NULL : key, &l, e);
	if (s != ST_OK)
		return s;
	if (l.n == 0 || (!id && !key)) {
		practice_list_free(&l);
		if (id)
			return err_set(e, ST_NOTFOUND, _("No good practice with id %lld"), (long long)id);
		return err_set(e, ST_NOTFOUND, _("No good practice \"%s\""), key ? key : "");
	}
	*out = l.items[0];
	l.items[0] = (practice){ 0 };
	practice_list_free(&l);
	return ST_OK;
}

/* ---- facets ---- */

status practice_facets(db *d, const account *a, const practice_filter *f, facet_kind k,
                       facet_list *out, error *e)
{
	practice_filter others = f ? *f : (practice_filter){ 0 };
	switch (k) {
	case FACET_NETWORK: others.network = 0; break;
	case FACET_THEME: others.theme = NULL; break;
	case FACET_VOIVODESHIP: others.voivodeship = NULL; break;
	case FACET_CITY: others.city_id = 0; break;
	}
	facet_counter fc;
	practice_list l = { 0 };
	status s = facet_count_begin(&fc, d, a, k == FACET_NETWORK, out, e);
	if (s == ST_OK)
		s = practice_list_get(d, a, &others, &l, e);
	for (size_t i = 0; s == ST_OK && i < l.n; i++) {
		const practice *p = &l.items[i];
		char value[32];
		switch (k) {
		case FACET_NETWORK:
			/* One count per network the practice was shown in (visible ones only). */
			s = facet_count_networks(&fc, p->networks, e);
			break;
		case FACET_THEME:
			if (*p->theme)
				s = facet_list_collect(out, p->theme, p->theme, e);
			break;
		case FACET_VOIVODESHIP:
			if (*p->voivodeship)
				s = facet_list_collect(out, p->voivodeship, p->voivodeship, e);
			break;
		case FACET_CITY:
			snprintf(value, sizeof value, "%lld", (long long)p->city_id);
			s = facet_list_collect(out, p->city, value, e);
			break;
		}
	}
	practice_list_free(&l);
	return facet_count_end(&fc, s, k == FACET_NETWORK);
}

/* ---- links ---- */

/* The ids a one-parameter query returns, into a new array (*n of them). */
static status read_ids(db *d, const char *sql, int64_t param, const char *what, int64_t **ids,
                       size_t *n, error *e)
{
	*ids = NULL, *n = 0;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, param);
	size_t cap = 0;
	int rc;
	status s = ST_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)ids, &cap, *n, sizeof **ids)) {
			s = err_oom(e);
			break;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, what);
	sqlite3_reset(st);
	if (s != ST_OK) {
		free(*ids);
		*ids = NULL, *n = 0;
	}
	return s;
}

status practice_threads(db *d, const account *a, int64_t practice_id, thread_list *out,
                        error *e)
{
	static const char sql[] =
		"SELECT t.id FROM practice_threads pt JOIN threads t ON t.id = pt.thread_id"
		" WHERE pt.practice_id = ?1 ORDER BY t.last_post_at DESC, t.id DESC";
	memset(out, 0, sizeof *out);
	/* Ids first, then the threads a may see among them (forum_thread has statements
	 * of its own). */
	int64_t *ids;
	size_t n;
	status s = read_ids(d, sql, practice_id, _("Reading the linked threads"), &ids, &n, e);
	if (s == ST_OK)
		s = forum_visible_threads(d, a, ids, n, out, e);
	free(ids);
	return s;
}

status practice_meetings(db *d, const account *a, int64_t practice_id, meeting_list *out,
                         error *e)
{
	static const char sql[] = "SELECT pm.meeting_id FROM practice_meetings pm"
	                          " JOIN meetings g ON g.id = pm.meeting_id"
	                          " WHERE pm.practice_id = ?1 ORDER BY g.date_start DESC, g.id DESC";
	memset(out, 0, sizeof *out);
	int64_t *ids;
	size_t n, cap = 0;
	status s = read_ids(d, sql, practice_id, _("Reading the linked meetings"), &ids, &n, e);
	for (size_t i = 0; s == ST_OK && i < n; i++) {
		meeting m;
		error ignore;
		if (meeting_get(d, a, ids[i], &m, &ignore) != ST_OK)
			continue;
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			meeting_clear(&m);
			s = err_oom(e);
			break;
		}
		out->items[out->n++] = m;
	}
	free(ids);
	if (s != ST_OK)
		meeting_list_free(out);
	return s;
}

/* ---- writing ---- */

const char *practice_field_label(const char *field)
{
	int i = practice_field_index(field);
	return i < 0 ? field : _(practice_field_list[i].label);
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

static status check_text(const char *field, const char *v, error *e)
{
	size_t n = v ? strlen(v) : 0;
	if (n > PRACTICE_TEXT_MAX)
		return err_set(e, ST_INVALID, ngettext("Field \"%s\": too long (%zu byte, at most %d)",
		                                        "Field \"%s\": too long (%zu bytes, at most %d)",
		                                        (unsigned long)n),
		               practice_field_label(field), n, PRACTICE_TEXT_MAX);
	if (n && !utf8_valid(v, n))
		return err_set(e, ST_INVALID, _("Field \"%s\": not valid UTF-8 text"),
		               practice_field_label(field));
	return ST_OK;
}

/* Call fn on each item of a list (text/list.h: separated by ',', ';', '|', line breaks
 * and, for numbers, blanks; trimmed). */
typedef status (*item_fn)(db *d, const account *a, int64_t pid, const char *item, error *e);

static status each_item(db *d, const account *a, int64_t pid, const char *list, bool spaces,
                        item_fn fn, error *e)
{
	list_iter it;
	const char *at;
	size_t len;
	list_start(&it, list, spaces ? LIST_SEPS_BLANK : LIST_SEPS, LIST_TRIM);
	while (list_next(&it, &at, &len)) {
		char item[256];
		snprintf(item, sizeof item, "%.*s", (int)len, at);
		status s = fn(d, a, pid, item, e);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

/* The stored fields as named parameters (:theme…) and their updates. */
#define PARAM_FIELD_(name, kind, ...) PRACTICE_IF_COLUMN(kind, FIELD_PARAM_, name)
#define SET_FIELD_(name, kind, ...) PRACTICE_IF_COLUMN(kind, FIELD_SET_, name)
#define BIND_(n) db_bind_named(st, ":" #n, p->n);
#define BIND_FIELD_(name, kind, ...) PRACTICE_IF_COLUMN(kind, BIND_, name)

/* The one writer of practices and their links: the form below, imports (transfer.c)
 * and the bundled directory (seed.c) check their own rules and store through these. A
 * practice already there (by key) is replaced, its index entry with it. */
status practice_rows_put(db *d, const practice_row *p, int64_t *id, error *e)
{
	static const char sql_id[] = "SELECT id FROM practices WHERE key = ?1";
	/* A new practice never takes the place of one with its key: the key's UNIQUE
	 * constraint refuses it, whatever an earlier lookup said. */
	static const char sql_create[] =
		"INSERT INTO practices(key, city_id, updated_at" PRACTICE_COLUMN_LIST ")"
		" VALUES (:key, :city_id, :updated_at" PRACTICE_FIELDS(PARAM_FIELD_) ") RETURNING id";
	static const char sql_replace[] =
		"INSERT INTO practices(key, city_id, updated_at" PRACTICE_COLUMN_LIST ")"
		" VALUES (:key, :city_id, :updated_at" PRACTICE_FIELDS(PARAM_FIELD_) ")"
		" ON CONFLICT(key) DO UPDATE SET city_id = excluded.city_id,"
		" updated_at = excluded.updated_at" PRACTICE_FIELDS(SET_FIELD_) " RETURNING id";
	const char *what = _("Saving the good practice");
	int64_t old = 0;
	status s = p->create ? ST_OK : db_find_id(d, sql_id, p->key, &old, what, e);
	if (s != ST_OK)
		return s;
	/* The index holds the row as it is stored: out with the old one first. */
	if (old && !p->unindexed && (s = search_unindex_practice(d, old, e)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(d, p->create ? sql_create : sql_replace, e);
	if (!st)
		return err_code(e);
	db_bind_named(st, ":key", p->key);
	db_bind_named_int(st, ":city_id", p->city_id);
	db_bind_named(st, ":updated_at", p->updated_at);
	PRACTICE_FIELDS(BIND_FIELD_)
	int64_t pid = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		pid = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(d, rc, e, what);
	if (!p->unindexed && (s = search_index_practice(d, pid, e)) != ST_OK)
		return s;
	if (id)
		*id = pid;
	return ST_OK;
}

/* A link already there is kept; *added (may be NULL) tells whether it is new. */
status practice_rows_link(db *d, int64_t practice_id, bool to_network, int64_t target,
                          bool *added, error *e)
{
	static const char sql_net[] =
		"INSERT OR IGNORE INTO practice_networks(practice_id, network_id) VALUES (?1, ?2)";
	static const char sql_meeting[] =
		"INSERT OR IGNORE INTO practice_meetings(practice_id, meeting_id) VALUES (?1, ?2)";
	sqlite3_stmt *st = db_stmt(d, to_network ? sql_net : sql_meeting, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, practice_id);
	sqlite3_bind_int64(st, 2, target);
	return db_step_done(d, st, _("Saving the good practice"), added, e);
}

/* Every link of the practice, or (keep_leaders) all but those into the leaders'
 * network, which an account that cannot see it must not drop. */
status practice_rows_unlink(db *d, int64_t practice_id, bool keep_leaders, error *e)
{
	static const char sql_net[] =
		"DELETE FROM practice_networks WHERE practice_id = ?1 AND network_id IN"
		" (SELECT id FROM networks WHERE leaders_only = 0 OR ?2 = 0)";
	static const char sql_meeting[] =
		"DELETE FROM practice_meetings WHERE practice_id = ?1 AND meeting_id IN"
		" (SELECT g.id FROM meetings g JOIN networks n ON n.id = g.network_id"
		"  WHERE n.leaders_only = 0 OR ?2 = 0)";
	const char *sql[] = { sql_net, sql_meeting };
	status s = ST_OK;
	for (int i = 0; s == ST_OK && i < 2; i++) {
		sqlite3_stmt *st = db_stmt(d, sql[i], e);
		if (!st)
			return err_code(e);
		sqlite3_bind_int64(st, 1, practice_id);
		sqlite3_bind_int(st, 2, keep_leaders);
		s = db_step_done(d, st, _("Saving the good practice"), NULL, e);
	}
	return s;
}

static status link_network(db *d, const account *a, int64_t pid, const char *item, error *e)
{
	static const char sql_net[] = "SELECT id, leaders_only FROM networks WHERE number = ?1";
	char *end;
	long num = strtol(item, &end, 10);
	if (*end || num <= 0 || num > 1000000)
		return err_set(e, ST_INVALID, _("Field \"%s\": \"%s\" is not a network number"),
		               practice_field_label("networks"), item);
	sqlite3_stmt *st = db_stmt(d, sql_net, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int(st, 1, (int)num);
	int rc = sqlite3_step(st);
	int64_t net = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	bool lo = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (!net || !perm_can_see_network(a, net, lo))
		return err_set(e, ST_INVALID, _("Field \"%s\": there is no network %ld"),
		               practice_field_label("networks"), num);
	return practice_rows_link(d, pid, true, net, NULL, e);
}

static status link_meeting(db *d, const account *a, int64_t pid, const char *item, error *e)
{
	static const char sql_find[] =
		"SELECT g.id, g.network_id, n.leaders_only FROM meetings g"
		" JOIN networks n ON n.id = g.network_id WHERE g.key = ?1";
	sqlite3_stmt *st = db_stmt(d, sql_find, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_text(st, 1, item, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int64_t mid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	int64_t net = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	bool lo = rc == SQLITE_ROW && sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	if (!mid || !perm_can_see_network(a, net, lo))
		return err_set(e, ST_INVALID, _("Field \"%s\": there is no meeting \"%s\""),
		               practice_field_label("meetings"), item);
	/* A meeting belongs to a network: the practice was shown there too. */
	status s = practice_rows_link(d, pid, true, net, NULL, e);
	return s == ST_OK ? practice_rows_link(d, pid, false, mid, NULL, e) : s;
}

/* A key for a new practice: the folded town and title, "-2", "-3"… when taken. */
static char *new_key(db *d, const char *town, const char *title)
{
	char raw[400], base[64];
	snprintf(raw, sizeof raw, "%s %s", town, title);
	if (!pl_slug(raw, base, sizeof base, 60))
		snprintf(base, sizeof base, "praktyka");
	size_t n = sizeof base + 16;
	char *key = malloc(n);
	for (int i = 1; key; i++) {
		snprintf(key, n, i == 1 ? "%s" : "%s-%d", base, i);
		if (!db_lookup_id(d, "SELECT id FROM practices WHERE key = ?1", key, 0))
			break;
	}
	return key;
}

status practice_save(db *d, const account *a, int64_t id, const practice_fields *in,
                     int64_t *out_id, error *e)
{
	practice_fields all = *in;
	for (int i = 0; i < PRACTICE_NFIELDS; i++) {
		const char *v = *practice_input(&all, i), *fault = practice_value_fault(i, v);
		status s = check_text(practice_field_list[i].name, v, e);
		if (s != ST_OK)
			return s;
		if (fault)
			return err_set(e, ST_INVALID, _("Field \"%s\": %s"),
			               _(practice_field_list[i].label), fault);
	}
	if (blank(in->title))
		return err_set(e, ST_INVALID, _("Field \"%s\": empty; every practice needs a title"),
		               practice_field_label("title"));
	if (blank(in->city))
		return err_set(e, ST_INVALID, _("Field \"%s\": empty; say which town's practice it is"),
		               practice_field_label("city"));
	if (a->role == ROLE_GUEST)
		return err_set(e, ST_DENIED, _("Guests can read but not write; ask the network "
		                               "coordinator for an account"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	char *key = NULL;
	practice old = { 0 };
	/* The town as written, or without regard to case and Polish letters. */
	city town;
	int64_t cid = 0;
	error ignore;
	if (directory_city(d, in->city, &town, &ignore) == ST_OK) {
		cid = town.id;
		city_clear(&town);
	}
	if (!cid) {
		s = err_set(e, ST_INVALID, _("Field \"%s\": no town named \"%s\" in the directory"),
		            practice_field_label("city"), in->city);
		goto fail;
	}
	if (id) {
		if ((s = practice_get(d, a, id, NULL, &old, e)) != ST_OK)
			goto fail;
		if (!perm_can_edit_practice(d, a, old.id, old.city_id)) {
			s = err_set(e, ST_DENIED, _("Only members of %s and the coordinators of its "
			                            "networks may change this practice"), old.city);
			goto fail;
		}
	}
	/* Members and leaders write their own town's practices only. */
	if ((a->role == ROLE_MEMBER || a->role == ROLE_LEADER) && cid != a->city_id) {
		s = err_set(e, ST_DENIED, _("You may add and change only the practices of your own "
		                            "town (%s)"), a->city_name && *a->city_name ? a->city_name : "-");
		goto fail;
	}
	char now[32];
	db_now(now, sizeof now);
	if (!id && !(key = new_key(d, in->city, in->title))) {
		s = err_oom(e);
		goto fail;
	}
	/* Indexed once its fields are in (after the links: nothing of them is indexed). */
	const char *v[PRACTICE_NFIELDS];
	for (int i = 0; i < PRACTICE_NFIELDS; i++)
		v[i] = *practice_input(&all, i);
	practice_row row = { .key = id ? old.key : key, .create = !id, .city_id = cid,
	                     .updated_at = now };
	practice_row_set(&row, v);
	int64_t pid = 0;
	/* Only the links the account sees are replaced; a leaders' network link stays. */
	if ((s = practice_rows_put(d, &row, &pid, e)) != ST_OK ||
	    (s = practice_rows_unlink(d, pid, !sees_leaders(d, a), e)) != ST_OK)
		goto fail;
	if ((s = each_item(d, a, pid, in->networks, true, link_network, e)) != ST_OK ||
	    (s = each_item(d, a, pid, in->meetings, false, link_meeting, e)) != ST_OK)
		goto fail;
	/* A coordinator (not of every network) adding a practice must show it in their own
	 * network; checked after the links exist. */
	if (a->role == ROLE_COORDINATOR && !perm_can_edit_practice(d, a, pid, cid)) {
		s = err_set(e, ST_DENIED, _("Field \"%s\": a coordinator adds practices to the network "
		                            "they coordinate; include it"),
		            practice_field_label("networks"));
		goto fail;
	}
	if ((s = audit_append(d, a, id ? "edit" : "create", "practice", pid, id ? old.title : NULL,
	                      in->title, e)) != ST_OK)
		goto fail;
	practice_clear(&old);
	free(key);
	if ((s = db_commit(d, e)) != ST_OK)
		return s;
	if (out_id)
		*out_id = pid;
	return ST_OK;
fail:
	practice_clear(&old);
	free(key);
	db_rollback(d);
	return s != ST_OK ? s : ST_INTERNAL;
}
