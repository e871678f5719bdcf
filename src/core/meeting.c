/* meeting.c — see meeting.h. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/meeting.h"
#include "core/search_index.h"
#include "i18n.h"
#include "text/list.h"
#include "text/plfold.h"
#include "text/pltext.h"
#include "text/utf8.h"

#define MEETING_TEXT_MAX 8192

#define AT_NUMBER_(n) offsetof(meeting, n##_number)
#define AT_TEXT_(n) offsetof(meeting, n)
#define FIELD_INFO_(name, kind, csv, aliases, opt, option, arg, help, label, card, form, ml, \
                    pub, search)                                                          \
	{ #name, MK_##kind, csv, aliases, opt, option, arg, help, label, card, form, ml, pub,   \
	  search, MEETING_IF_NUMBER(kind, AT_NUMBER_, AT_TEXT_, name),                          \
	  offsetof(meeting_fields, name) },
const meeting_field_info meeting_field_list[MEETING_NFIELDS] = {
	MEETING_FIELDS(FIELD_INFO_)
};

const char *meeting_value(const meeting *m, int i)
{
	if (meeting_field_list[i].kind == MK_NET)
		return "";
	const char *v = *(char *const *)((const char *)m + meeting_field_list[i].at);
	return v ? v : "";
}

const char **meeting_input(meeting_fields *f, int i)
{
	return (const char **)((char *)f + meeting_field_list[i].in_at);
}

int meeting_field_index(const char *name)
{
	for (int i = 0; i < MEETING_NFIELDS; i++)
		if (strcmp(meeting_field_list[i].name, name) == 0)
			return i;
	return -1;
}

const char *meeting_field_label(const char *field)
{
	int i = meeting_field_index(field);
	return i < 0 ? field : _(meeting_field_list[i].label);
}

#define ROW_SET_(col, field) row->col = v[MEETING_F_##field];
#define ROW_FIELD_(name, kind, ...) MEETING_IF_TEXT(kind, ROW_SET_, name)
void meeting_row_set(meeting_row *row, const char *const v[MEETING_NFIELDS])
{
	MEETING_FIELDS(ROW_FIELD_)
}

bool meeting_date_valid(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

/* Today's date where the user is (db_now() is UTC: a meeting that ended yesterday in
 * Poland is not still "planned" just after midnight). */
static void local_today(char *out, size_t n)
{
	char now[32];
	db_now(now, sizeof now);
	struct tm tm = { 0 };
	const char *end = strptime(now, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, n, "%.10s", now);
	if (!end)
		return;
	time_t t = timegm(&tm);
	struct tm lt;
	if (localtime_r(&t, &lt))
		strftime(out, n, "%Y-%m-%d", &lt);
}

bool meeting_is_planned(const meeting *m)
{
	char today[16];
	local_today(today, sizeof today);
	const char *last = m->date_end && *m->date_end ? m->date_end : m->date_start;
	return last && strncmp(last, today, 10) >= 0;
}

char *meeting_when(const meeting *m)
{
	if (m->date_text && *m->date_text)
		return date_phrase(m->date_text);
	return pl_date_range(m->date_start ? m->date_start : "", m->date_end);
}

static status check_text(const char *field, const char *v, bool one_line, error *e)
{
	size_t n = v ? strlen(v) : 0;
	if (n > MEETING_TEXT_MAX)
		return err_set(e, ST_INVALID, ngettext("Field \"%s\": too long (%zu byte, at most %d)",
		                                        "Field \"%s\": too long (%zu bytes, at most %d)",
		                                        (unsigned long)n),
		               meeting_field_label(field), n, MEETING_TEXT_MAX);
	if (n && !utf8_valid(v, n))
		return err_set(e, ST_INVALID, _("Field \"%s\": not valid UTF-8 text"),
		               meeting_field_label(field));
	if (one_line && v && strpbrk(v, "\r\n"))
		return err_set(e, ST_INVALID, _("Field \"%s\": must be one line"),
		               meeting_field_label(field));
	return ST_OK;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* Text field i of in. */
static const char *given(const meeting_fields *in, int i)
{
	return *(const char *const *)((const char *)in + meeting_field_list[i].in_at);
}

/* The texts given (the fields of the form but the network and the days), one line for
 * LINE and HOST, in the list's order. */
static status validate(const meeting_fields *in, error *e)
{
	for (int i = 0; i < MEETING_NFIELDS; i++) {
		const meeting_field_info *f = &meeting_field_list[i];
		if (f->form < 0 || f->kind == MK_NET || f->kind == MK_DATE)
			continue;
		status s = check_text(f->name, given(in, i), f->kind == MK_LINE || f->kind == MK_HOST, e);
		if (s != ST_OK)
			return s;
	}
	if (blank(in->title))
		return err_set(e, ST_INVALID, _("Field \"%s\": empty; every meeting needs a title"),
		               meeting_field_label("title"));
	if (!meeting_date_valid(in->date_start))
		return err_set(e, ST_INVALID, _("Field \"%s\": \"%s\" is not a date (write YYYY-MM-DD, "
		                                "e.g. 2027-03-18)"),
		               meeting_field_label("date_start"), in->date_start ? in->date_start : "");
	if (in->date_end && *in->date_end) {
		if (!meeting_date_valid(in->date_end))
			return err_set(e, ST_INVALID, _("Field \"%s\": \"%s\" is not a date (write "
			                                "YYYY-MM-DD, e.g. 2027-03-19)"),
			               meeting_field_label("date_end"), in->date_end);
		if (strcmp(in->date_end, in->date_start) < 0)
			return err_set(e, ST_INVALID, _("Field \"%s\": the meeting ends before it starts"),
			               meeting_field_label("date_end"));
	}
	return ST_OK;
}

/* "n3-2027-03-18-tarnow", with "-2", "-3"… when taken. */
static char *new_key(db *d, int number, const char *date, const char *host)
{
	char slug[40];
	size_t o = pl_slug(host ? host : "", slug, sizeof slug, 32);
	char *key = malloc(96);
	for (int i = 1; key; i++) {
		int n = snprintf(key, 96, "n%d-%s%s%s", number, date, o ? "-" : "", slug);
		if (i > 1)
			snprintf(key + n, (size_t)(96 - n), "-%d", i);
		if (!db_lookup_id(d, "SELECT id FROM meetings WHERE key = ?1", key, 0))
			break;
	}
	return key;
}

/* The stored columns as named parameters (:title…) and their updates; an id of 0 is
 * stored as NULL (a host that is no town of the directory). */
#define PARAM_FIELD_(name, kind, ...) MEETING_IF_COLUMN(kind, FIELD_PARAM_, name)
#define SET_FIELD_(name, kind, ...) MEETING_IF_COLUMN(kind, FIELD_SET_, name)
#define BIND_ID_(col) bind_id(st, ":" #col, m->col);
#define BIND_TEXT_(col, field) db_bind_named(st, ":" #col, m->col);
#define BIND_FIELD_(name, kind, ...) \
	MEETING_IF_ID(kind, BIND_ID_, name) MEETING_IF_TEXT(kind, BIND_TEXT_, name)

static void bind_id(sqlite3_stmt *st, const char *param, int64_t id)
{
	if (id)
		db_bind_named_int(st, param, id);
	else
		sqlite3_bind_null(st, sqlite3_bind_parameter_index(st, param));
}

/* The one writer of meetings and of the towns at them: the form below, imports
 * (transfer.c) and the bundled directory (seed.c) check their own rules and store through
 * these. A meeting already there (by key) is replaced, its index entry with it. */
status meeting_rows_put(db *d, const meeting_row *m, int64_t *id, error *e)
{
	static const char sql_id[] = "SELECT id FROM meetings WHERE key = ?1";
	/* A new meeting never takes the place of one with its key: the key's UNIQUE
	 * constraint refuses it, whatever an earlier lookup said. */
	static const char sql_create[] =
		"INSERT INTO meetings(key" MEETING_COLUMN_LIST ", updated_at)"
		" VALUES (:key" MEETING_FIELDS(PARAM_FIELD_) ", :updated_at) RETURNING id";
	static const char sql_replace[] =
		"INSERT INTO meetings(key" MEETING_COLUMN_LIST ", updated_at)"
		" VALUES (:key" MEETING_FIELDS(PARAM_FIELD_) ", :updated_at)"
		" ON CONFLICT(key) DO UPDATE SET updated_at = excluded.updated_at"
		MEETING_FIELDS(SET_FIELD_) " RETURNING id";
	const char *what = _("Saving the meeting");
	int64_t old = 0;
	status s = m->create ? ST_OK : db_find_id(d, sql_id, m->key, &old, what, e);
	if (s != ST_OK)
		return s;
	/* The index holds the row as it is stored: out with the old one first. */
	if (old && !m->unindexed && (s = search_unindex_meeting(d, old, e)) != ST_OK)
		return s;
	sqlite3_stmt *st = db_stmt(d, m->create ? sql_create : sql_replace, e);
	if (!st)
		return err_code(e);
	db_bind_named(st, ":key", m->key);
	db_bind_named(st, ":updated_at", m->updated_at);
	MEETING_FIELDS(BIND_FIELD_)
	int64_t mid = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		mid = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(d, rc, e, what);
	if (!m->unindexed && (s = search_index_meeting(d, mid, e)) != ST_OK)
		return s;
	if (id)
		*id = mid;
	return ST_OK;
}

status meeting_rows_attend(db *d, int64_t meeting_id, int64_t city_id, const char *basis,
                           bool replace, bool *changed, error *e)
{
	static const char sql_keep[] =
		"INSERT INTO meeting_cities(meeting_id, city_id, basis) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(meeting_id, city_id) DO NOTHING";
	static const char sql_replace[] =
		"INSERT INTO meeting_cities(meeting_id, city_id, basis) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(meeting_id, city_id) DO UPDATE SET basis = excluded.basis";
	sqlite3_stmt *st = db_stmt(d, replace ? sql_replace : sql_keep, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, city_id);
	sqlite3_bind_text(st, 3, basis, -1, SQLITE_STATIC);
	return db_step_done(d, st, _("Saving the attendance"), changed, e);
}

/* city_id 0: every town of that basis. */
status meeting_rows_unattend(db *d, int64_t meeting_id, int64_t city_id, const char *basis,
                             bool *changed, error *e)
{
	static const char sql[] =
		"DELETE FROM meeting_cities WHERE meeting_id = ?1 AND (?2 = 0 OR city_id = ?2)"
		" AND basis = ?3";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, city_id);
	sqlite3_bind_text(st, 3, basis, -1, SQLITE_STATIC);
	return db_step_done(d, st, _("Saving the attendance"), changed, e);
}

int meeting_network_for_new(db *d, const account *a, int preferred)
{
	if (a->role != ROLE_ADMIN && a->role != ROLE_COORDINATOR)
		return 0;
	if (preferred && perm_can_edit_meetings(d, a, preferred))
		return preferred;
	network_list nl;
	error e;
	int found = 0;
	if (directory_networks(d, a, &nl, &e) == ST_OK) {
		for (size_t i = 0; i < nl.n && !found; i++)
			if (perm_can_moderate(a, nl.items[i].id))
				found = nl.items[i].number;
		network_list_free(&nl);
	}
	return found;
}

/* The stored meeting being changed: its title and (was) key, dates (start, end, basis,
 * wording) and note; it stays in its network, and a may change it. */
static status stored_meeting(db *d, const account *a, int64_t id, int64_t net, char **title,
                             char *was[6], error *e)
{
	static const char sql_old[] =
		"SELECT network_id, title, key, date_start, date_end, date_basis, date_text, note"
		" FROM meetings WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(d, sql_old, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	int64_t old_net = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	status s = ST_OK;
	if (rc == SQLITE_ROW) {
		if (!(*title = db_col_dup(st, 1)))
			s = err_oom(e);
		for (int i = 0; i < 6; i++)
			if (!(was[i] = db_col_dup(st, i + 2)))
				s = err_oom(e);
	}
	sqlite3_reset(st);
	if (s != ST_OK)
		return s;
	if (!old_net)
		return err_set(e, ST_NOTFOUND, _("No meeting with id %lld"), (long long)id);
	if (old_net != net)
		return err_set(e, ST_INVALID, _("Field \"%s\": a meeting stays in its network (its "
		                                "thread and practices are there); add a new meeting "
		                                "in the other network instead"),
		               meeting_field_label("network"));
	if (!perm_can_moderate(a, old_net))
		return err_set(e, ST_DENIED, _("Only the network's coordinators and administrators "
		                               "add and change its meetings"));
	return ST_OK;
}

status meeting_save(db *d, const account *a, int64_t id, const meeting_fields *in,
                    int64_t *out_id, error *e)
{
	static const char sql_net[] = "SELECT id FROM networks WHERE number = ?1";
	status s = validate(in, e);
	if (s != ST_OK)
		return s;
	if ((s = db_begin(d, e)) != ST_OK)
		return s;
	char *key = NULL, *old_title = NULL, *host = NULL;
	/* The stored key, dates (start, end, basis, wording) and note of a meeting changed. */
	char *was[6] = { 0 };
	int64_t net = db_lookup_id(d, sql_net, NULL, in->network);
	if (!net) {
		s = err_set(e, ST_INVALID, _("Field \"%s\": there is no network %d"),
		            meeting_field_label("network"), in->network);
		goto fail;
	}
	if (!perm_can_moderate(a, net)) {
		s = err_set(e, ST_DENIED, _("Only the network's coordinators and administrators "
		                            "add and change its meetings"));
		goto fail;
	}
	if (id && (s = stored_meeting(d, a, id, net, &old_title, was, e)) != ST_OK)
		goto fail;
	/* A host that is a town of the directory is linked to it (and spelt as there). */
	int64_t host_city = 0;
	city town;
	error ignore;
	if (in->host && *in->host && directory_city(d, in->host, &town, &ignore) == ST_OK) {
		host_city = town.id;
		host = town.name;
		town.name = NULL;
		city_clear(&town);
	}
	char now[32];
	db_now(now, sizeof now);
	if (!id && !(key = new_key(d, in->network, in->date_start, in->host))) {
		s = err_oom(e);
		goto fail;
	}
	/* Changed dates drop the published wording of the date ("maj 2022"). */
	const char *end = in->date_end ? in->date_end : "";
	bool same_dates = id && strcmp(was[1], in->date_start) == 0 && strcmp(was[2], end) == 0;
	const char *v[MEETING_NFIELDS] = { 0 };
	for (int i = 0; i < MEETING_NFIELDS; i++)
		if (meeting_field_list[i].form >= 0 && meeting_field_list[i].kind != MK_NET)
			v[i] = given(in, i);
	v[MEETING_F_date_end] = end;
	v[MEETING_F_date_basis] = same_dates ? was[3] : "entered";
	v[MEETING_F_date_text] = same_dates ? was[4] : "";
	v[MEETING_F_host] = host ? host : in->host;
	v[MEETING_F_note] = id ? was[5] : "";
	meeting_row row = { .key = id ? was[0] : key, .create = !id, .network_id = net,
	                    .host_city_id = host_city, .updated_at = now };
	meeting_row_set(&row, v);
	int64_t mid = 0;
	s = meeting_rows_put(d, &row, &mid, e);
	free(host);
	host = NULL;
	if (s != ST_OK)
		goto fail;
	if ((s = audit_append(d, a, id ? "edit" : "create", "meeting", mid, old_title, in->title,
	                      e)) != ST_OK)
		goto fail;
	free(key), free(old_title);
	for (int i = 0; i < 6; i++)
		free(was[i]);
	if ((s = db_commit(d, e)) != ST_OK)
		return s;
	if (out_id)
		*out_id = mid;
	return ST_OK;
fail:
	free(key), free(old_title), free(host);
	for (int i = 0; i < 6; i++)
		free(was[i]);
	db_rollback(d);
	return s != ST_OK ? s : ST_INTERNAL;
}

status meeting_town_attends(db *d, int64_t meeting_id, int64_t city_id, bool *attends,
                            bool *declared, error *e)
{
	static const char sql[] =
		"SELECT basis FROM meeting_cities WHERE meeting_id = ?1 AND city_id = ?2";
	*attends = *declared = false;
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, city_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*attends = true;
		const char *b = (const char *)sqlite3_column_text(st, 0);
		*declared = b && strcmp(b, "declared") == 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
	                                             : db_fail(d, rc, e, _("Reading the meetings"));
}

status meeting_attend(db *d, const account *a, int64_t meeting_id, bool attend, error *e)
{
	if (a->role == ROLE_GUEST)
		return err_set(e, ST_DENIED, _("Guests can read but not write; ask the network "
		                               "coordinator for an account"));
	if (!a->city_id)
		return err_set(e, ST_DENIED, _("Your account is not linked to a town, so there is no "
		                               "town to sign up"));
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	meeting m;
	bool has_m = false;
	if ((s = meeting_get(d, a, meeting_id, &m, e)) != ST_OK)
		goto fail;
	has_m = true;
	int64_t net = db_lookup_id(d, "SELECT id FROM networks WHERE number = ?1", NULL,
	                           m.network_number);
	bool lo = db_lookup_id(d, "SELECT leaders_only FROM networks WHERE number = ?1", NULL,
	                       m.network_number) != 0;
	if ((s = perm_check_post(d, a, net, lo, e)) != ST_OK)
		goto fail;
	/* Signing up is for what is ahead; a town's own sign-up may be taken back at any
	 * time (it did not go after all). */
	if (attend && !meeting_is_planned(&m)) {
		s = err_set(e, ST_INVALID, _("This meeting is over; attendance is taken from its "
		                             "published report"));
		goto fail;
	}
	bool attends, declared;
	if ((s = meeting_town_attends(d, meeting_id, a->city_id, &attends, &declared, e)) != ST_OK)
		goto fail;
	if (!attend && attends && !declared) {
		s = err_set(e, ST_INVALID, _("A published report lists %s at this meeting; that is not "
		                             "changed here"), a->city_name);
		goto fail;
	}
	if (attend == attends) { /* already so: nothing to change, nothing to log */
		meeting_clear(&m);
		db_rollback(d);
		return ST_OK;
	}
	if ((s = attend ? meeting_rows_attend(d, meeting_id, a->city_id, "declared", false, NULL, e)
	                : meeting_rows_unattend(d, meeting_id, a->city_id, "declared", NULL, e)) != ST_OK)
		goto fail;
	if ((s = audit_append(d, a, attend ? "attend" : "not-attend", "meeting", meeting_id, NULL,
	                      a->city_name, e)) != ST_OK)
		goto fail;
	meeting_clear(&m);
	return db_commit(d, e);
fail:
	if (has_m)
		meeting_clear(&m);
	db_rollback(d);
	return s != ST_OK ? s : ST_INTERNAL;
}

/* ---- reading with a filter, and the facets ---- */

/* Whether the town hosted the meeting or is listed as attending. */
static bool with_town(const meeting *m, const char *town)
{
	if (m->host && strcmp(m->host, town) == 0)
		return true;
	size_t tl = strlen(town);
	list_iter it;
	const char *at;
	size_t len;
	list_start(&it, m->attending, ",", " ");
	while (list_next(&it, &at, &len))
		if (len == tl && strncmp(at, town, tl) == 0)
			return true;
	return false;
}

static bool passes(const meeting_filter *f, const meeting *m)
{
	if (f->network && m->network_number != f->network)
		return false;
	if (f->time != MEETING_ANY_TIME &&
	    (meeting_is_planned(m) ? MEETING_PLANNED : MEETING_PAST) != f->time)
		return false;
	return !f->town || with_town(m, f->town);
}

/* Whether row i repeats a joint meeting shown above it under another network. The list
 * is in date order, so its twin is among the rows of the same first day just above. */
static bool repeats_joint(const meeting_list *l, size_t i)
{
	const meeting *b = &l->items[i];
	for (size_t k = i; k-- > 0;) {
		const meeting *a = &l->items[k];
		if (strcmp(a->date_start, b->date_start))
			return false;
		if (a->network_number != b->network_number && !strcmp(a->title, b->title) &&
		    !strcmp(a->host, b->host) && !strcmp(a->date_end, b->date_end))
			return true;
	}
	return false;
}

status meeting_list_get(db *d, const account *a, const meeting_filter *f, meeting_list *out,
                        meeting_counts *counts, error *e)
{
	meeting_filter any = { 0 };
	if (!f)
		f = &any;
	status s = meetings_read(d, a, 0, 0, out, e);
	if (s != ST_OK)
		return s;
	meeting_counts c = { .visible = out->n };
	size_t n = 0;
	for (size_t i = 0; i < out->n; i++) {
		if (!passes(f, &out->items[i])) {
			meeting_clear(&out->items[i]);
			continue;
		}
		out->items[n] = out->items[i];
		if (n != i)
			memset(&out->items[i], 0, sizeof out->items[i]);
		c.planned += meeting_is_planned(&out->items[n]);
		c.joint += repeats_joint(out, n);
		n++;
	}
	out->n = n;
	if (counts)
		*counts = c;
	return ST_OK;
}

/* Each town named by the meeting (host, attending) once. */
static status collect_towns(facet_list *out, const meeting *m, error *e)
{
	status s = ST_OK;
	if (m->host && *m->host)
		s = facet_list_collect(out, m->host, m->host, e);
	list_iter it;
	const char *at;
	size_t len;
	list_start(&it, m->attending, ",", " ");
	while (s == ST_OK && list_next(&it, &at, &len)) {
		if (m->host && strlen(m->host) == len && strncmp(m->host, at, len) == 0)
			continue;
		char *name = strndup(at, len);
		if (!name)
			return err_oom(e);
		s = facet_list_collect(out, name, name, e);
		free(name);
	}
	return s;
}

status meeting_facets(db *d, const account *a, const meeting_filter *f, meeting_facet_kind k,
                      facet_list *out, error *e)
{
	meeting_filter others = f ? *f : (meeting_filter){ 0 };
	switch (k) {
	case MEETING_FACET_NETWORK: others.network = 0; break;
	case MEETING_FACET_TIME: others.time = MEETING_ANY_TIME; break;
	case MEETING_FACET_TOWN: others.town = NULL; break;
	}
	facet_counter fc;
	meeting_list l = { 0 };
	status s = facet_count_begin(&fc, d, a, k == MEETING_FACET_NETWORK, out, e);
	if (s == ST_OK)
		s = meeting_list_get(d, a, &others, &l, NULL, e);
	const char *times[] = { _("planned"), _("past") };
	if (s == ST_OK && k == MEETING_FACET_TIME)
		s = facet_count_fixed(&fc, times, 2, e);
	for (size_t i = 0; s == ST_OK && i < l.n; i++) {
		const meeting *m = &l.items[i];
		switch (k) {
		case MEETING_FACET_NETWORK: s = facet_count_network(&fc, m->network_number, e); break;
		case MEETING_FACET_TIME: out->items[meeting_is_planned(m) ? 0 : 1].count++; break;
		case MEETING_FACET_TOWN: s = collect_towns(out, m, e); break;
		}
	}
	meeting_list_free(&l);
	return facet_count_end(&fc, s, k != MEETING_FACET_TOWN);
}

/* ---- reading ---- */

/* What each kind of field (meeting_fields.h) reads as: the network's number, the host
 * town's name or the place, the towns present (all, "A, B"), a column. */
#define MSEL_NET(n) ", n.number"
#define MSEL_HOST(n) ", COALESCE(c.name, g." #n "_place)"
#define MSEL_TOWNS(n)                                                                     \
	", COALESCE((SELECT group_concat(name, ', ') FROM (SELECT x.name FROM meeting_cities mc" \
	"   JOIN cities x ON x.id = mc.city_id WHERE mc.meeting_id = g.id"                       \
	"   ORDER BY x.name COLLATE PL)), '')"
#define MSEL_DATE(n) ", g." #n
#define MSEL_WORD(n) ", g." #n
#define MSEL_LINE(n) ", g." #n
#define MSEL_ITEMS(n) ", g." #n
#define MSEL_TEXT(n) ", g." #n
#define MSEL_FIELD(name, kind, ...) MSEL_##kind(name)

/* Columns: 0 id, 1 its thread, 2 key, then the fields (MFIELD0 on) in the list's order,
 * then the network's id and whether it is the leaders'. */
enum { MFIELD0 = 3, MNET_ID = MFIELD0 + MEETING_NFIELDS, MNET_LEADERS };
#define MEETING_COLUMNS \
	"g.id, COALESCE((SELECT t.id FROM threads t WHERE t.meeting_id = g.id LIMIT 1), 0)," \
	" g.key" MEETING_FIELDS(MSEL_FIELD) ", n.id, n.leaders_only" \
	" FROM meetings g JOIN networks n ON n.id = g.network_id" \
	" LEFT JOIN cities c ON c.id = g.host_city_id"

static char **meeting_slot(meeting *m, int i)
{
	return (char **)((char *)m + meeting_field_list[i].at);
}

static status meeting_from_row(sqlite3_stmt *st, meeting *m, error *e)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->thread_id = sqlite3_column_int64(st, 1);
	bool ok = (m->key = db_col_dup(st, 2)) != NULL;
	for (int i = 0; ok && i < MEETING_NFIELDS; i++) {
		if (meeting_field_list[i].kind == MK_NET)
			*(int *)((char *)m + meeting_field_list[i].at) = sqlite3_column_int(st, MFIELD0 + i);
		else
			ok = (*meeting_slot(m, i) = db_col_dup(st, MFIELD0 + i)) != NULL;
	}
	if (!ok) {
		meeting_clear(m);
		return err_oom(e);
	}
	return ST_OK;
}

void meeting_clear(meeting *m)
{
	if (!m)
		return;
	free(m->key);
	for (int i = 0; i < MEETING_NFIELDS; i++)
		if (meeting_field_list[i].kind != MK_NET)
			free(*meeting_slot(m, i));
	memset(m, 0, sizeof *m);
}

void meeting_list_free(meeting_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		meeting_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

static status meetings_query(db *d, const account *a, const char *sql, int64_t p1, int64_t p2,
                             meeting_list *out, error *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, p1);
	sqlite3_bind_int64(st, 2, p2);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!perm_can_see_network(a, sqlite3_column_int64(st, MNET_ID),
		                          sqlite3_column_int(st, MNET_LEADERS)))
			continue;
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = meeting_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the meetings"));
	sqlite3_reset(st);
	if (s != ST_OK)
		meeting_list_free(out);
	return s;
}

status meetings_read(db *d, const account *a, int number, int64_t host_city_id,
                     meeting_list *out, error *e)
{
	static const char sql[] = "SELECT " MEETING_COLUMNS
		" WHERE (?1 = 0 OR n.number = ?1) AND (?2 = 0 OR g.host_city_id = ?2)"
		" ORDER BY g.date_start DESC, g.id DESC";
	return meetings_query(d, a, sql, number, host_city_id, out, e);
}

status meeting_get(db *d, const account *a, int64_t id, meeting *out, error *e)
{
	static const char sql[] = "SELECT " MEETING_COLUMNS " WHERE g.id = ?1 AND ?2 = 0";
	meeting_list l;
	memset(out, 0, sizeof *out);
	status s = meetings_query(d, a, sql, id, 0, &l, e);
	if (s != ST_OK)
		return s;
	if (l.n == 0) {
		meeting_list_free(&l);
		return err_set(e, ST_NOTFOUND, _("No meeting with id %lld"), (long long)id);
	}
	*out = l.items[0];
	free(l.items);
	return ST_OK;
}
