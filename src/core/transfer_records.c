/* transfer_records.c — importing meetings, good practices and uptakes (transfer.h):
 * each row checked, then stored through the records' own writers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/transfer_priv.h"
#include "core/uptake.h"
#include "text/list.h"
#include "i18n.h"
#include "text/strbuf.h"

static bool iso_date(const char *s)
{
	int y, m, d;
	char tail;
	return sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(s) == 10 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}

status xfer_import_meeting(ictx *c, error *e)
{
	static const char sql_get[] = "SELECT g.id" MEETING_CSV_SELECT ", g.updated_at"
		MEETING_CSV_FROM " WHERE g.key = ?1";
	enum { NF = MEETING_NFIELDS }; /* the columns after the key */
	/* The file lists the towns a published report names; what towns declared themselves
	 * for a planned meeting is kept (and becomes 'source' when the file names them). */
	const char *key = xfer_val(c, 0);
	if (!key || !*key) {
		xfer_row_error(c, 0, _("the meeting's key is empty"));
		return ST_OK;
	}
	if (!xfer_first_time(c, key))
		return ST_OK;
	size_t before = c->r->nerrors;
	char *old[NF] = { 0 };
	strbuf diff = STRBUF_INIT;
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return err_code(e);
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	bool exists = sqlite3_step(q) == SQLITE_ROW;
	for (int i = 0; exists && i < NF; i++)
		old[i] = db_col_dup(q, i + 1);
	char *old_updated = exists ? db_col_dup(q, NF + 1) : NULL;
	sqlite3_reset(q);
	const char *nv[NF];
	for (int i = 0; i < NF; i++)
		nv[i] = xfer_val_or(c, i + 1, old[i] ? old[i] : "");
	enum { NET = MEETING_F_network, START = MEETING_F_date_start, END = MEETING_F_date_end,
	       HOST = MEETING_F_host, TITLE = MEETING_F_title, TOWNS = MEETING_F_attending };
	int64_t net_id = xfer_network_of(c, 1 + NET, nv[NET], NULL);
	if (net_id && !perm_can_moderate(c->actor, net_id))
		xfer_row_error(c, 1 + NET, _("you do not coordinate network %s"), nv[NET]);
	if (!iso_date(nv[START]))
		xfer_row_error(c, 1 + START, _("\"%s\" is not a date like 2022-09-13"), nv[START]);
	if (*nv[END] && (!iso_date(nv[END]) || strcmp(nv[END], nv[START]) < 0))
		xfer_row_error(c, 1 + END, _("\"%s\" is not a date on or after the start"), nv[END]);
	if (!*nv[TITLE])
		xfer_row_error(c, 1 + TITLE, _("the title is empty"));
	int64_t host_id = *nv[HOST] ? db_lookup_id(c->d, xfer_sql_city_id, nv[HOST], 0) : 0;
	/* Every town named as attending must be in the directory; all of them are kept
	 * (an array of a fixed size dropped those past 128 without a word). */
	int64_t *attend = NULL;
	size_t na = 0, cap_attend = 0;
	status s = ST_OK;
	list_iter it;
	const char *at;
	size_t len;
	list_start(&it, nv[TOWNS], "|", " ");
	while (s == ST_OK && list_next(&it, &at, &len)) {
		char *name = strndup(at, len);
		int64_t id = name ? xfer_city_of(c, 1 + TOWNS, name) : 0;
		if (!name || (id && db_grow((void **)&attend, &cap_attend, na, sizeof *attend)))
			s = err_oom(e);
		else if (id)
			attend[na++] = id;
		free(name);
	}
	if (s != ST_OK || c->r->nerrors > before)
		goto out;
	for (int i = 0; exists && i < NF; i++)
		xfer_diff_add(&diff, c->cols[i + 1].key, old[i] ? old[i] : "", nv[i]);
	if (exists && !xfer_differs(&diff)) {
		c->r->unchanged++;
		goto out;
	}
	meeting_row row = { .key = key, .network_id = net_id, .host_city_id = host_id,
	                    .updated_at = old_updated };
	meeting_row_set(&row, nv);
	int64_t mid = 0;
	if ((s = meeting_rows_put(c->d, &row, &mid, e)) != ST_OK ||
	    (s = meeting_rows_unattend(c->d, mid, 0, "source", NULL, e)) != ST_OK)
		goto out;
	for (size_t i = 0; i < na && s == ST_OK; i++)
		s = meeting_rows_attend(c->d, mid, attend[i], "source", true, NULL, e);
	if (s != ST_OK)
		goto out;
	if (exists)
		c->r->changed++, xfer_change(c, "~ %s: %s", key, strbuf_str(&diff));
	else
		c->r->added++, xfer_change(c, "+ %s (%s, %s)", key, nv[START], nv[TITLE]);
out:
	strbuf_free(&diff);
	for (int i = 0; i < NF; i++)
		free(old[i]);
	free(old_updated);
	free(attend);
	return s;
}

/* ---- good practices ---- */

typedef struct {
	int64_t id;
	int number;
} net_ref;

typedef struct {
	int64_t id;
	char date[16];
	char *key;
} meet_ref;

static int by_net_number(const void *x, const void *y)
{
	int a = ((const net_ref *)x)->number, b = ((const net_ref *)y)->number;
	return (a > b) - (a < b);
}

static int by_meet_date(const void *x, const void *y)
{
	const meet_ref *a = x, *b = y;
	int c = strcmp(a->date, b->date);
	return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* Like diff_add, but a long or multi-line field is only named. */
static void diff_add_brief(strbuf *diff, const char *field, const char *old, const char *new)
{
	if (strcmp(old, new) == 0)
		return;
	if (strlen(old) <= 60 && strlen(new) <= 60 && !strchr(old, '\n') && !strchr(new, '\n')) {
		xfer_diff_add(diff, field, old, new);
		return;
	}
	strbuf_appendf(diff, "%s%s: … → …", diff->len ? "; " : "", field);
}

/* A practice's networks and meetings as a row lists them, each once, however many. */
typedef struct {
	net_ref *nets;
	meet_ref *meets;
	size_t nn, nm, cap_nets, cap_meets;
} practice_links;

static void links_free(practice_links *l)
{
	for (size_t i = 0; i < l->nm; i++)
		free(l->meets[i].key);
	free(l->nets);
	free(l->meets);
	memset(l, 0, sizeof *l);
}

static status add_network(practice_links *l, net_ref r, error *e)
{
	for (size_t i = 0; i < l->nn; i++)
		if (l->nets[i].id == r.id)
			return ST_OK;
	if (!r.id)
		return ST_OK;
	if (db_grow((void **)&l->nets, &l->cap_nets, l->nn, sizeof *l->nets))
		return err_oom(e);
	l->nets[l->nn++] = r;
	return ST_OK;
}

/* The networks column ("2 | 6"): each one the importer may see. */
static status read_networks(ictx *c, const char *list, practice_links *l, error *e)
{
	list_iter it;
	const char *at;
	size_t len;
	status s = ST_OK;
	list_start(&it, list, LIST_SEPS_BLANK, LIST_TRIM);
	while (s == ST_OK && list_next(&it, &at, &len)) {
		char *item = strndup(at, len);
		if (!item)
			return err_oom(e);
		int64_t id = xfer_network_of(c, 1 + PRACTICE_F_networks, item, NULL);
		/* The leaders' network does not exist for those who may not see it. */
		if (id && !perm_can_see_network(c->actor, id, db_lookup_id(c->d, xfer_sql_leaders_only,
		                                                            NULL, atoi(item)))) {
			xfer_row_error(c, 1 + PRACTICE_F_networks, _("there is no network number %ld"),
			               strtol(item, NULL, 10));
			id = 0;
		}
		s = add_network(l, (net_ref){ id, atoi(item) }, e);
		free(item);
	}
	return s;
}

/* One meeting of the meetings column, found by its whole key. */
static status read_meeting(ictx *c, char *key, practice_links *l, error *e)
{
	static const char sql_meeting[] =
		"SELECT g.id, g.date_start, n.number, n.id FROM meetings g"
		" JOIN networks n ON n.id = g.network_id WHERE g.key = ?1";
	sqlite3_stmt *m = db_stmt(c->d, sql_meeting, e);
	if (!m) {
		free(key);
		return err_code(e);
	}
	sqlite3_bind_text(m, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(m) != SQLITE_ROW) {
		sqlite3_reset(m);
		xfer_row_error(c, 1 + PRACTICE_F_meetings,
		               _("there is no meeting \"%s\" (import the meetings first)"), key);
		free(key);
		return ST_OK;
	}
	meet_ref r = { .id = sqlite3_column_int64(m, 0), .key = key };
	const char *date = (const char *)sqlite3_column_text(m, 1);
	snprintf(r.date, sizeof r.date, "%s", date ? date : "");
	net_ref nr = { sqlite3_column_int64(m, 3), sqlite3_column_int(m, 2) };
	sqlite3_reset(m);
	bool dup = false;
	for (size_t i = 0; i < l->nm; i++)
		dup = dup || l->meets[i].id == r.id;
	if (dup) {
		free(key);
	} else if (db_grow((void **)&l->meets, &l->cap_meets, l->nm, sizeof *l->meets)) {
		free(key);
		return err_oom(e);
	} else {
		l->meets[l->nm++] = r;
	}
	/* A practice shown at a meeting was shown in the meeting's network. */
	return add_network(l, nr, e);
}

/* The meetings column (keys): each one there; a meeting's network counts too. */
static status read_meetings(ictx *c, const char *list, practice_links *l, error *e)
{
	list_iter it;
	const char *at;
	size_t len;
	status s = ST_OK;
	list_start(&it, list, LIST_SEPS, LIST_TRIM);
	while (s == ST_OK && list_next(&it, &at, &len)) {
		char *key = strndup(at, len);
		s = key ? read_meeting(c, key, l, e) : err_oom(e);
	}
	return s;
}

/* Coordinators: practices shown in a network they coordinate, and changed only where
 * they may change them. */
static void check_coordinator(ictx *c, const char *key, int64_t old_id,
                              const practice_links *l)
{
	bool mine = false;
	for (size_t i = 0; i < l->nn; i++)
		mine = mine || perm_can_moderate(c->actor, l->nets[i].id);
	if (!mine) {
		xfer_row_error(c, 1 + PRACTICE_F_networks,
		               _("the practice must be shown in the network you coordinate"));
		return;
	}
	practice p;
	error ignore;
	if (!old_id)
		return;
	if (practice_get(c->d, c->actor, old_id, NULL, &p, &ignore) != ST_OK) {
		xfer_row_error(c, 0, _("you may not change the practice \"%s\""), key);
		return;
	}
	if (!perm_can_edit_practice(c->d, c->actor, p.id, p.city_id))
		xfer_row_error(c, 0, _("you may not change the practice \"%s\""), key);
	practice_clear(&p);
}

/* The lists as they will be stored (and exported): sorted, each item once, in new
 * strings (sqlite3_free them); false when memory runs out. */
static bool links_text(practice_links *l, char **net_s, char **meet_s)
{
	if (l->nn) /* (never qsort NULL, even for no items) */
		qsort(l->nets, l->nn, sizeof l->nets[0], by_net_number);
	if (l->nm)
		qsort(l->meets, l->nm, sizeof l->meets[0], by_meet_date);
	sqlite3_str *n = sqlite3_str_new(NULL), *m = sqlite3_str_new(NULL);
	for (size_t i = 0; i < l->nn; i++)
		sqlite3_str_appendf(n, "%s%d", i ? " | " : "", l->nets[i].number);
	for (size_t i = 0; i < l->nm; i++)
		sqlite3_str_appendf(m, "%s%s", i ? " | " : "", l->meets[i].key);
	bool ok = sqlite3_str_errcode(n) == SQLITE_OK && sqlite3_str_errcode(m) == SQLITE_OK;
	*net_s = sqlite3_str_finish(n);
	*meet_s = sqlite3_str_finish(m);
	if (ok && (!*net_s || !*meet_s)) { /* (an empty list is NULL too) */
		if (!*net_s)
			*net_s = sqlite3_mprintf("%s", "");
		if (!*meet_s)
			*meet_s = sqlite3_mprintf("%s", "");
		ok = *net_s && *meet_s;
	}
	return ok;
}

/* nv: the fields, indexed as in practice_fields.h. */
static status store_practice(ictx *c, const char *key, bool exists, int64_t city_id,
                             const char *const *nv, const practice_links *l, error *e)
{
	char now[32];
	db_now(now, sizeof now);
	practice_row row = { .key = key, .create = !exists, .city_id = city_id, .updated_at = now };
	practice_row_set(&row, nv);
	int64_t pid = 0;
	status s = practice_rows_put(c->d, &row, &pid, e);
	if (s == ST_OK)
		s = practice_rows_unlink(c->d, pid, false, e);
	for (size_t i = 0; i < l->nn + l->nm && s == ST_OK; i++)
		s = practice_rows_link(c->d, pid, i < l->nn,
		                       i < l->nn ? l->nets[i].id : l->meets[i - l->nn].id, NULL, e);
	return s;
}

status xfer_import_practice(ictx *c, error *e)
{
	/* The fields as stored (all networks and meetings: the importer is trusted with
	 * the file's whole lists, check_coordinator decides). */
#define ISEL_TOWN(n) ", c.name"
#define ISEL_NETS(n)                                                                         \
	", COALESCE((SELECT group_concat(number, ' | ') FROM (SELECT n.number"                  \
	"   FROM practice_networks pn JOIN networks n ON n.id = pn.network_id"                   \
	"   WHERE pn.practice_id = p.id ORDER BY n.number)), '')"
#define ISEL_MEETS(n)                                                                        \
	", COALESCE((SELECT group_concat(key, ' | ') FROM (SELECT g.key"                        \
	"   FROM practice_meetings pm JOIN meetings g ON g.id = pm.meeting_id"                   \
	"   WHERE pm.practice_id = p.id ORDER BY g.date_start, g.id)), '')"
#define ISEL_LINE(n) ", p." #n
#define ISEL_TEXT(n) ", p." #n
#define ISEL_URL(n) ", p." #n
#define ISEL_FIELD(name, kind, ...) ISEL_##kind(name)
	static const char sql_get[] = "SELECT p.id" PRACTICE_FIELDS(ISEL_FIELD)
		" FROM practices p JOIN cities c ON c.id = p.city_id WHERE p.key = ?1";
	enum { NF = PRACTICE_NFIELDS }; /* the columns after the key */
	const char *key = xfer_val(c, 0);
	if (!key || !*key) {
		xfer_row_error(c, 0, _("the practice's key is empty"));
		return ST_OK;
	}
	if (!xfer_first_time(c, key))
		return ST_OK;
	size_t before = c->r->nerrors;
	status s = ST_OK;
	char *old[NF] = { 0 };
	strbuf diff = STRBUF_INIT;
	practice_links l = { 0 };
	char *net_s = NULL, *meet_s = NULL;
	sqlite3_stmt *q = db_stmt(c->d, sql_get, e);
	if (!q)
		return err_code(e);
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	bool exists = sqlite3_step(q) == SQLITE_ROW;
	int64_t old_id = exists ? sqlite3_column_int64(q, 0) : 0;
	for (int i = 0; exists && i < NF; i++)
		old[i] = db_col_dup(q, i + 1);
	sqlite3_reset(q);
	const char *nv[NF];
	for (int i = 0; i < NF; i++)
		nv[i] = xfer_val_or(c, i + 1, old[i] ? old[i] : "");
	/* Every field: within the size limit, and as its kind wants (one line, an address). */
	for (int i = 0; i < NF; i++) {
		size_t n = strlen(nv[i]);
		const char *fault = practice_value_fault(i, nv[i]);
		if (n > PRACTICE_TEXT_MAX)
			xfer_row_error(c, i + 1, ngettext("too long (%zu byte, at most %d)",
			                                  "too long (%zu bytes, at most %d)",
			                                  (unsigned long)n),
			               n, PRACTICE_TEXT_MAX);
		else if (fault)
			xfer_row_error(c, i + 1, "%s", fault);
	}
	int64_t city_id = 0;
	if (!*nv[PRACTICE_F_city])
		xfer_row_error(c, 1 + PRACTICE_F_city, _("the town's name is empty"));
	else
		city_id = xfer_city_of(c, 1 + PRACTICE_F_city, nv[PRACTICE_F_city]);
	if (!*nv[PRACTICE_F_title])
		xfer_row_error(c, 1 + PRACTICE_F_title, _("the title is empty"));
	if ((s = read_networks(c, nv[PRACTICE_F_networks], &l, e)) != ST_OK ||
	    (s = read_meetings(c, nv[PRACTICE_F_meetings], &l, e)) != ST_OK)
		goto out;
	if (c->actor->role != ROLE_ADMIN && c->r->nerrors == before)
		check_coordinator(c, key, exists ? old_id : 0, &l);
	if (c->r->nerrors > before)
		goto out;
	if (!links_text(&l, &net_s, &meet_s)) {
		s = err_oom(e);
		goto out;
	}
	nv[PRACTICE_F_networks] = net_s;
	nv[PRACTICE_F_meetings] = meet_s;
	for (int i = 0; exists && i < NF; i++)
		diff_add_brief(&diff, c->cols[i + 1].key, old[i] ? old[i] : "", nv[i]);
	if (exists && !xfer_differs(&diff)) {
		c->r->unchanged++;
		goto out;
	}
	if ((s = store_practice(c, key, exists, city_id, nv, &l, e)) != ST_OK)
		goto out;
	if (exists)
		c->r->changed++, xfer_change(c, "~ %s: %s", key, strbuf_str(&diff));
	else
		c->r->added++, xfer_change(c, "+ %s (%s, %s)", key, nv[PRACTICE_F_city],
		                           nv[PRACTICE_F_title]);
out:
	strbuf_free(&diff);
	for (int i = 0; i < NF; i++)
		free(old[i]);
	links_free(&l);
	sqlite3_free(net_s);
	sqlite3_free(meet_s);
	return s;
}

/* ---- practice transfers ---- */

/* A time as stored (2026-11-28T10:15:00Z), or a date (then midnight UTC), into out. */
static bool uptake_time(const char *v, char *out, size_t n)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	char day[11];
	snprintf(day, sizeof day, "%s", v);
	if (!iso_date(day))
		return false;
	if (strlen(v) == 10) {
		snprintf(out, n, "%sT00:00:00Z", day);
		return true;
	}
	if (strlen(v) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (v[i] < '0' || v[i] > '9') : v[i] != shape[i])
			return false;
	snprintf(out, n, "%s", v);
	return true;
}

/* The row's time in CSV column col into out (now when the field is empty), with an
 * error when it is neither a date nor a time; the value as the file gives it. */
static const char *uptake_time_of(ictx *c, int col, char *out, size_t n)
{
	const char *v = xfer_val_or(c, col, "");
	db_now(out, n);
	if (*v && !uptake_time(v, out, n))
		xfer_row_error(c, col, _("\"%s\" is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDThh:mm:ssZ)"), v);
	return v;
}

status xfer_import_uptake(ictx *c, error *e)
{
	static const char sql_practice[] = "SELECT id, city_id FROM practices WHERE key = ?1";
	static const char sql_get[] =
		"SELECT status, note, started_at, updated_at FROM uptakes"
		" WHERE practice_id = ?1 AND city_id = ?2";
	const char *key = xfer_val(c, UPTAKE_C_practice), *town = xfer_val_or(c, UPTAKE_C_town, "");
	if (!key || !*key) {
		xfer_row_error(c, UPTAKE_C_practice, _("the practice's key is empty"));
		return ST_OK;
	}
	char *pair = str_printf("%s | %s", key, town); /* all of both: no two alike */
	if (!pair)
		return err_oom(e);
	bool first = xfer_first_time(c, pair);
	free(pair);
	if (!first)
		return ST_OK;
	size_t before = c->r->nerrors;
	int64_t pid = 0, owner = 0;
	sqlite3_stmt *q = db_stmt(c->d, sql_practice, e);
	if (!q)
		return err_code(e);
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		pid = sqlite3_column_int64(q, 0), owner = sqlite3_column_int64(q, 1);
	sqlite3_reset(q);
	practice p;
	error ignore;
	if (!pid || practice_get(c->d, c->actor, pid, NULL, &p, &ignore) != ST_OK)
		xfer_row_error(c, UPTAKE_C_practice, _("there is no practice \"%s\" (import the practices first)"), key);
	else
		practice_clear(&p);
	int64_t city_id = 0;
	if (!*town)
		xfer_row_error(c, UPTAKE_C_town, _("the town's name is empty"));
	else
		city_id = xfer_city_of(c, UPTAKE_C_town, town);
	if (city_id && city_id == owner)
		xfer_row_error(c, UPTAKE_C_town, _("a town cannot take up its own practice"));
	else if (city_id && !perm_can_record_uptake(c->d, c->actor, city_id))
		xfer_row_error(c, UPTAKE_C_town, _("you may not record what %s takes up"), town);
	const char *stat = xfer_val_or(c, UPTAKE_C_status, "");
	int k = uptake_status_parse(stat);
	char keys[128];
	if (k < 0)
		xfer_row_error(c, UPTAKE_C_status, _("\"%s\" is not a status: %s"), stat,
		               list_join_or(uptake_status_keys, keys, sizeof keys));
	const char *note = xfer_val_or(c, UPTAKE_C_note, "");
	if (strlen(note) > UPTAKE_NOTE_MAX)
		xfer_row_error(c, UPTAKE_C_note, ngettext("too long (%zu byte, at most %d)",
		                         "too long (%zu bytes, at most %d)", (unsigned long)strlen(note)),
		          strlen(note), UPTAKE_NOTE_MAX);
	char started[32], updated[32];
	const char *sv = uptake_time_of(c, UPTAKE_C_started_at, started, sizeof started);
	uptake_time_of(c, UPTAKE_C_updated_at, updated, sizeof updated);
	if (c->r->nerrors > before)
		return ST_OK;
	/* As it is now: unchanged when status and note are the same. */
	if (!(q = db_stmt(c->d, sql_get, e)))
		return err_code(e);
	sqlite3_bind_int64(q, 1, pid);
	sqlite3_bind_int64(q, 2, city_id);
	bool exists = sqlite3_step(q) == SQLITE_ROW;
	strbuf diff = STRBUF_INIT;
	char *kept_note = NULL;
	if (exists) {
		const char *os = (const char *)sqlite3_column_text(q, 0);
		const char *on = (const char *)sqlite3_column_text(q, 1);
		/* A file without the note column keeps the note stored. */
		if (!xfer_val(c, UPTAKE_C_note) && !(note = kept_note = strdup(on ? on : ""))) {
			sqlite3_reset(q);
			return err_oom(e);
		}
		diff_add_brief(&diff, "status", os ? os : "", uptake_status_key((uptake_status)k));
		diff_add_brief(&diff, "note", on ? on : "", note);
		if (!*sv)
			snprintf(started, sizeof started, "%s", (const char *)sqlite3_column_text(q, 2));
	}
	sqlite3_reset(q);
	if (exists && !xfer_differs(&diff)) {
		free(kept_note);
		strbuf_free(&diff);
		c->r->unchanged++;
		return ST_OK;
	}
	const char *by = xfer_val_or(c, UPTAKE_C_updated_by, "");
	uptake_fields u = { .practice_id = pid, .city_id = city_id,
	                    .status = uptake_status_key((uptake_status)k), .note = note,
	                    .started_at = started, .updated_at = updated,
	                    .updated_by = *by ? by : c->actor->login };
	status s = uptake_rows_put(c->d, &u, NULL, e);
	free(kept_note);
	if (s == ST_OK && exists)
		c->r->changed++, xfer_change(c, "~ %s ← %s: %s", key, town, strbuf_str(&diff));
	else if (s == ST_OK)
		c->r->added++, xfer_change(c, "+ %s ← %s (%s)", key, town, uptake_status_key((uptake_status)k));
	strbuf_free(&diff);
	return s;
}

