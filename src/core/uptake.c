/* uptake.c — see uptake.h. Records are few (a town takes up a handful of practices), so
 * a list is read whole; a record is seen by whoever may see its practice. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/db_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/practice.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/strbuf.h"
#include "text/utf8.h"


const char *const uptake_status_keys[UPTAKE_N_STATUS + 1] = { "interested", "adapting",
	                                                       "in-use", "dropped", NULL };

#define UPTAKE_FIELD_INFO_(name, kind, store, column, pub, csv, aliases, sql, sync, key, \
                           sync_sql, opt, arg, help, label, list, card)              \
	{ #name, UK_##kind, US_##store, #column, pub, csv, aliases, sql, sync, key, opt, arg, \
	  help, label, list, UC_##card },
const uptake_field_info uptake_field_list[UPTAKE_NFIELDS] = { UPTAKE_FIELDS(UPTAKE_FIELD_INFO_) };

#define VALUE_STATUS_(n) case UPTAKE_F_##n: return uptake_status_key(u->n);
#define VALUE_TEXT_(n) case UPTAKE_F_##n: return u->n ? u->n : "";
#define VALUE_FIELD_(name, kind, store, ...) \
	UPTAKE_AS_READ(kind, store, VALUE_STATUS_, VALUE_TEXT_, name)
const char *uptake_value(const uptake *u, int i)
{
	switch (i) {
	UPTAKE_FIELDS(VALUE_FIELD_)
	default: return "";
	}
}

/* A field's name in messages, translated. */
static const char *label_of(int f)
{
	return _(uptake_field_list[f].label);
}

const char *uptake_status_key(uptake_status s)
{
	return (unsigned)s < UPTAKE_N_STATUS ? uptake_status_keys[s] : "interested";
}

int uptake_status_parse(const char *key)
{
	for (int i = 0; key && i < UPTAKE_N_STATUS; i++)
		if (strcmp(key, uptake_status_keys[i]) == 0)
			return i;
	/* "in_use" too: the underscore is what people type in a shell */
	if (key && strcmp(key, "in_use") == 0)
		return UPTAKE_IN_USE;
	return -1;
}

/* What each status is called, in uptake_status's order (translated when shown). */
static const char *const status_labels[UPTAKE_N_STATUS] = { N_("interested"), N_("adapting"),
	                                                     N_("in use"), N_("dropped") };

const char *uptake_status_label(uptake_status s)
{
	return (unsigned)s < UPTAKE_N_STATUS ? _(status_labels[s]) : "";
}

const char *uptake_status_gloss(const char *key)
{
	int k = uptake_status_parse(key);
	if (k < 0)
		return NULL;
	const char *label = _(status_labels[k]);
	return strcmp(label, status_labels[k]) != 0 ? label : NULL;
}

#define FREE_TEXT_(n) free(u->n);
#define FREE_FIELD_(name, kind, store, ...) \
	UPTAKE_AS_READ(kind, store, UPTAKE_IF_0, FREE_TEXT_, name)
void uptake_clear(uptake *u)
{
	if (!u)
		return;
	free(u->practice_title), free(u->practice_city), free(u->voivodeship);
	UPTAKE_FIELDS(FREE_FIELD_)
	memset(u, 0, sizeof *u);
}

void uptake_list_free(uptake_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		uptake_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* Columns: 0 id, 1 practice_id, 2 city_id, 3 the practice's title, 4 its town,
 * 5 the voivodeship of the town taking it up, then the fields read (FIELD0 on), in the
 * order of uptake_fields.h. */
enum { FIELD0 = 6 };
#define SEL_VALUE_(sql) ", " sql
#define SEL_FIELD_(name, kind, store, column, pub, csv, aliases, sql, ...) \
	UPTAKE_AS_READ(kind, store, SEL_VALUE_, SEL_VALUE_, sql)
static const char sql_list[] =
	"SELECT u.id, u.practice_id, u.city_id, p.title, pc.name, c.voivodeship"
	UPTAKE_FIELDS(SEL_FIELD_)
	"  FROM uptakes u JOIN practices p ON p.id = u.practice_id"
	"  JOIN cities pc ON pc.id = p.city_id JOIN cities c ON c.id = u.city_id"
	" WHERE (?1 = 0 OR u.practice_id = ?1) AND (?2 = 0 OR u.city_id = ?2)"
	"   AND (?3 = 0 OR EXISTS (SELECT 1 FROM practice_networks pn JOIN networks n"
	"         ON n.id = pn.network_id WHERE pn.practice_id = p.id AND n.number = ?3))"
	" ORDER BY pc.name COLLATE PL, p.title COLLATE PL, c.name COLLATE PL, u.id";

/* "12 40" → "12 | 40", keeping only the threads a may see. */
static char *visible_threads(db *d, const account *a, const char *ids)
{
	size_t cap = strlen(ids) * 2 + 1, n = 0;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	out[0] = 0;
	const char *p = ids;
	while (*p) {
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p)
			break;
		p = end;
		while (*p == ' ')
			p++;
		thread t;
		error ignore;
		if (forum_thread(d, a, id, &t, &ignore) != ST_OK)
			continue;
		thread_clear(&t);
		n += (size_t)snprintf(out + n, cap - n, "%s%lld", n ? " | " : "", id);
	}
	return out;
}

/* A stored status, interested when unknown. */
static uptake_status status_at(sqlite3_stmt *st, int col)
{
	int k = uptake_status_parse((const char *)sqlite3_column_text(st, col));
	return k < 0 ? UPTAKE_INTERESTED : (uptake_status)k;
}

/* The row of sql_list into u, its fields in the list's order (threads: the ids as
 * stored, space-separated); false when out of memory. */
#define READ_STATUS_(n) u->n = status_at(st, col++);
#define READ_TEXT_(n) ok = (u->n = db_col_dup(st, col++)) != NULL && ok;
#define READ_FIELD_(name, kind, store, ...) \
	UPTAKE_AS_READ(kind, store, READ_STATUS_, READ_TEXT_, name)
static bool read_row(sqlite3_stmt *st, uptake *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->practice_id = sqlite3_column_int64(st, 1);
	u->city_id = sqlite3_column_int64(st, 2);
	bool ok = (u->practice_title = db_col_dup(st, 3)) != NULL;
	ok = (u->practice_city = db_col_dup(st, 4)) != NULL && ok;
	ok = (u->voivodeship = db_col_dup(st, 5)) != NULL && ok;
	int col = FIELD0;
	UPTAKE_FIELDS(READ_FIELD_)
	return ok;
}

status uptake_list_get(db *d, const account *a, const uptake_filter *f, uptake_list *out,
                       error *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql_list, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, f ? f->practice_id : 0);
	sqlite3_bind_int64(st, 2, f ? f->city_id : 0);
	sqlite3_bind_int(st, 3, f ? f->network : 0);
	/* Rows first (the visibility checks below use statements of their own). */
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		uptake *u = &out->items[out->n++];
		memset(u, 0, sizeof *u);
		if (!read_row(st, u)) {
			s = err_oom(e);
			break;
		}
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the practice transfers"));
	sqlite3_reset(st);
	/* Keep the records of practices a may see; the threads a may see. */
	size_t kept = 0;
	int64_t last_pid = 0;
	bool last_ok = false;
	for (size_t i = 0; i < out->n; i++) {
		uptake *u = &out->items[i];
		if (s == ST_OK && u->practice_id != last_pid) {
			practice p;
			error ignore;
			last_pid = u->practice_id;
			last_ok = practice_get(d, a, u->practice_id, NULL, &p, &ignore) == ST_OK;
			if (last_ok)
				practice_clear(&p);
		}
		if (s == ST_OK && last_ok) {
			char *stored = u->threads;
			if (!(u->threads = visible_threads(d, a, stored)))
				s = err_oom(e);
			free(stored);
		}
		if (s != ST_OK || !last_ok) {
			uptake_clear(u);
			continue;
		}
		out->items[kept++] = *u;
	}
	out->n = kept;
	if (s != ST_OK)
		uptake_list_free(out);
	return s;
}

/* s grown by the texts given, up to a NULL, within n bytes. */
static void append(char *s, size_t n, ...)
{
	va_list ap;
	va_start(ap, n);
	size_t len = strlen(s);
	for (const char *t; (t = va_arg(ap, const char *)) != NULL && len < n;)
		len += (size_t)snprintf(s + len, n - len, "%s", t);
	va_end(ap);
}

/* "INSERT INTO uptakes(practice_id, …) VALUES (:practice_id, …) ON CONFLICT
 * (practice_id, city_id) DO UPDATE SET status = excluded.status, … RETURNING id": the
 * columns of uptake_fields.h, the ids (the practice's, the town's) the row's key, the
 * others replaced; but for started_at, which, with earliest, keeps the earlier of the
 * stored and the given. Made once each. */
static const char *put_sql(bool earliest)
{
	static char sql[2][1024];
	char *out = sql[earliest];
	if (*out)
		return out;
	char cols[256] = "", params[256] = "", keys[128] = "", sets[512] = "";
	for (int i = 0; i < UPTAKE_NFIELDS; i++) {
		const uptake_field_info *f = &uptake_field_list[i];
		if (f->store != US_COL)
			continue;
		const char *c = f->column, *sep = *cols ? ", " : "";
		append(cols, sizeof cols, sep, c, NULL);
		append(params, sizeof params, sep, ":", c, NULL);
		if (f->kind == UK_KEY || f->kind == UK_TOWN)
			append(keys, sizeof keys, *keys ? ", " : "", c, NULL);
		else if (earliest && i == UPTAKE_F_started_at)
			append(sets, sizeof sets, *sets ? ", " : "", c, " = min(", c, ", excluded.",
			       c, ")", NULL);
		else
			append(sets, sizeof sets, *sets ? ", " : "", c, " = excluded.", c, NULL);
	}
	snprintf(out, sizeof sql[0],
	         "INSERT INTO uptakes(%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s"
	         " RETURNING id", cols, params, keys, sets);
	return out;
}

/* The one writer of uptakes, their thread links and the deletion log. The callers check
 * rights and values first: uptake_save and uptake_remove below, imports (transfer.c)
 * and sync files (sync.c). */
#define BIND_ID_(c) db_bind_named_int(st, ":" #c, u->c);
#define BIND_TEXT_(c) db_bind_named(st, ":" #c, u->c);
#define BIND_FIELD_(name, kind, store, column, ...) \
	UPTAKE_AS_ROW(kind, store, BIND_ID_, BIND_TEXT_, column)
status uptake_rows_put(db *d, const uptake_fields *u, int64_t *uid, error *e)
{
	sqlite3_stmt *st = db_stmt(d, put_sql(u->earliest_start), e);
	if (!st)
		return err_code(e);
	UPTAKE_FIELDS(BIND_FIELD_)
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (uid)
			*uid = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Saving the practice transfer"));
}

status uptake_rows_remove(db *d, int64_t practice_id, int64_t city_id, const char *at,
                          const char *by, int64_t *uid, char *before, size_t before_len,
                          error *e)
{
	static const char sql_del[] =
		"DELETE FROM uptakes WHERE practice_id = ?1 AND city_id = ?2 RETURNING id, status";
	/* For sync: when and by whom (the log's trigger knows neither). */
	static const char sql_dlog[] =
		"UPDATE uptake_log SET deleted_at = ?3, actor = ?4"
		" WHERE practice_id = ?1 AND city_id = ?2 AND deleted_at IS NOT NULL";
	*uid = 0;
	if (before_len)
		*before = '\0';
	sqlite3_stmt *st = db_stmt(d, sql_del, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, practice_id);
	sqlite3_bind_int64(st, 2, city_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*uid = sqlite3_column_int64(st, 0);
		if (before_len)
			snprintf(before, before_len, "%s", (const char *)sqlite3_column_text(st, 1));
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(d, rc, e, _("Saving the practice transfer"));
	if (!*uid)
		return ST_OK;
	if (!(st = db_stmt(d, sql_dlog, e)))
		return err_code(e);
	sqlite3_bind_int64(st, 1, practice_id);
	sqlite3_bind_int64(st, 2, city_id);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, by ? by : "", -1, SQLITE_STATIC);
	return db_step_done(d, st, _("Saving the practice transfer"), NULL, e);
}

status uptake_rows_link_thread(db *d, int64_t uid, int64_t thread_id, error *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO uptake_threads(uptake_id, thread_id) VALUES (?1, ?2)";
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, uid);
	sqlite3_bind_int64(st, 2, thread_id);
	return db_step_done(d, st, _("Saving the practice transfer"), NULL, e);
}

/* Take off uptake uid's links to the threads a sees: a link to a thread a cannot see
 * (someone else linked a leaders' thread) is not a's to change, and stays. */
static status unlink_visible(db *d, const account *a, int64_t uid, error *e)
{
	static const char sql_linked[] = "SELECT thread_id FROM uptake_threads WHERE uptake_id = ?1";
	static const char sql_unlink[] =
		"DELETE FROM uptake_threads WHERE uptake_id = ?1 AND thread_id = ?2";
	sqlite3_stmt *st = db_stmt(d, sql_linked, e);
	if (!st)
		return err_code(e);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	sqlite3_bind_int64(st, 1, uid);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&ids, &cap, n, sizeof *ids)) {
			sqlite3_reset(st);
			free(ids);
			return err_oom(e);
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	status s = rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Saving the practice transfer"));
	thread_list seen = { 0 };
	if (s == ST_OK)
		s = forum_visible_threads(d, a, ids, n, &seen, e);
	free(ids);
	for (size_t i = 0; s == ST_OK && i < seen.n; i++) {
		if (!(st = db_stmt(d, sql_unlink, e))) {
			s = err_code(e);
			break;
		}
		sqlite3_bind_int64(st, 1, uid);
		sqlite3_bind_int64(st, 2, seen.items[i].id);
		s = db_step_done(d, st, _("Saving the practice transfer"), NULL, e);
	}
	thread_list_free(&seen);
	return s;
}

/* Link the threads listed in ids ("12, 40") to uptake uid, each one a may see, in place
 * of those a sees now. */
static status link_threads(db *d, const account *a, int64_t uid, const char *ids, error *e)
{
	status s = unlink_visible(d, a, uid, e);
	const char *p = ids;
	while (s == ST_OK && *p) {
		if (*p == ',' || *p == ' ' || *p == '|' || *p == '\t') {
			p++;
			continue;
		}
		char *end;
		long long id = strtoll(p, &end, 10);
		if (end == p || id <= 0 || (*end && !strchr(", |\t", *end))) {
			size_t len = strcspn(p, ", |\t");
			return err_set(e, ST_INVALID, _("Field \"%s\": \"%.*s\" is not a thread number"),
			               label_of(UPTAKE_F_threads), (int)(len > 40 ? 40 : len), p);
		}
		p = end;
		thread t;
		error ignore;
		if (forum_thread(d, a, id, &t, &ignore) != ST_OK)
			return err_set(e, ST_INVALID, _("Field \"%s\": no thread %lld"), label_of(UPTAKE_F_threads),
			               id);
		thread_clear(&t);
		s = uptake_rows_link_thread(d, uid, id, e);
	}
	return s;
}

/* The practice and the town, checked: both exist, a sees the practice and may write for
 * the town, and the town is not the practice's own. */
static status resolve(db *d, const account *a, int64_t practice_id, const char *city_name,
                      practice *p, city *c, error *e)
{
	memset(p, 0, sizeof *p);
	memset(c, 0, sizeof *c);
	if (a->role == ROLE_GUEST)
		return err_set(e, ST_DENIED, _("Guests can read but not write; ask the network "
		                               "coordinator for an account"));
	if (db_is_readonly(d))
		return err_set(e, ST_READONLY, _("This copy is read-only: browsing and search work, "
		                                 "but nothing can be written here"));
	status s = practice_get(d, a, practice_id, NULL, p, e);
	if (s != ST_OK)
		return s;
	error ignore;
	if (!city_name || !*city_name || directory_city(d, city_name, c, &ignore) != ST_OK) {
		practice_clear(p);
		return err_set(e, ST_INVALID, _("Field \"%s\": no town named \"%s\" in the directory"),
		               label_of(UPTAKE_F_town), city_name ? city_name : "");
	}
	if (c->id == p->city_id) {
		s = err_set(e, ST_INVALID, _("\"%s\" is %s's own practice: a town takes up the "
		                             "practices of other towns"), p->title, c->name);
	} else if (!perm_can_record_uptake(d, a, c->id)) {
		s = err_set(e, ST_DENIED, _("Only members of %s and the coordinators of its networks "
		                            "may record what it takes up"), c->name);
	}
	if (s != ST_OK) {
		practice_clear(p);
		city_clear(c);
	}
	return s;
}

status uptake_save(db *d, const account *a, int64_t practice_id, const char *city_name,
                   uptake_status stt, const char *note, const char *threads, error *e)
{
	static const char sql_old[] =
		"SELECT id, status, note, started_at FROM uptakes WHERE practice_id = ?1 AND city_id = ?2";
	if ((unsigned)stt >= UPTAKE_N_STATUS)
		return err_set(e, ST_INVALID, _("Unknown transfer status"));
	size_t n = note ? strlen(note) : 0;
	if (n > UPTAKE_NOTE_MAX)
		return err_set(e, ST_INVALID, ngettext("Field \"%s\": too long (%zu byte, at most %d)",
		                                        "Field \"%s\": too long (%zu bytes, at most %d)",
		                                        (unsigned long)n),
		               label_of(UPTAKE_F_note), n, UPTAKE_NOTE_MAX);
	if (n && !utf8_valid(note, n))
		return err_set(e, ST_INVALID, _("Field \"%s\": not valid UTF-8 text"),
		               label_of(UPTAKE_F_note));
	practice p;
	city c;
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	if ((s = resolve(d, a, practice_id, city_name, &p, &c, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	int64_t uid = 0;
	char before[32] = "";
	char *kept_note = NULL, *started = NULL;
	sqlite3_stmt *st = db_stmt(d, sql_old, e);
	if (!st) {
		s = err_code(e);
		goto fail;
	}
	sqlite3_bind_int64(st, 1, p.id);
	sqlite3_bind_int64(st, 2, c.id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		uid = sqlite3_column_int64(st, 0);
		snprintf(before, sizeof before, "%s", (const char *)sqlite3_column_text(st, 1));
		/* No note given: the stored one stays; the start stays as recorded. */
		if ((!note && !(note = kept_note = db_col_dup(st, 2))) ||
		    !(started = db_col_dup(st, 3))) {
			sqlite3_reset(st);
			free(kept_note);
			s = err_oom(e);
			goto fail;
		}
	}
	sqlite3_reset(st);
	char now[32];
	db_now(now, sizeof now);
	uptake_fields u = { .practice_id = p.id, .city_id = c.id, .status = uptake_status_key(stt),
	                    .note = note, .started_at = started ? started : now,
	                    .updated_at = now, .updated_by = a->login };
	s = uptake_rows_put(d, &u, &uid, e);
	free(kept_note), free(started);
	if (s != ST_OK)
		goto fail;
	if (threads && (s = link_threads(d, a, uid, threads, e)) != ST_OK)
		goto fail;
	char *what = str_printf("%s <- %s: %s", p.key, c.name, uptake_status_key(stt));
	if (!what)
		s = err_oom(e);
	else
		s = audit_append(d, a, uid && *before ? "edit" : "create", "uptake", uid,
		                 *before ? before : NULL, what, e);
	free(what);
	if (s != ST_OK)
		goto fail;
	practice_clear(&p);
	city_clear(&c);
	return db_commit(d, e);
fail:
	practice_clear(&p);
	city_clear(&c);
	db_rollback(d);
	return s != ST_OK ? s : ST_INTERNAL;
}

status uptake_thread_choices(db *d, const account *a, int64_t practice_id, int64_t city_id,
                             size_t limit, thread_list *out, error *e)
{
	static const char sql[] =
		"SELECT t.id FROM ("
		"  SELECT thread_id AS id FROM practice_threads WHERE practice_id = ?1"
		"  UNION SELECT ut.thread_id FROM uptake_threads ut JOIN uptakes u ON u.id = ut.uptake_id"
		"   WHERE u.practice_id = ?1 AND u.city_id = ?2"
		"  UNION SELECT id FROM (SELECT t2.id FROM threads t2"
		"   JOIN accounts ac ON ac.id = t2.author_id"
		"   WHERE ac.city_id = ?2 AND t2.network_id IN"
		"    (SELECT network_id FROM practice_networks WHERE practice_id = ?1)"
		"   ORDER BY t2.last_post_at DESC, t2.id DESC LIMIT ?3)"
		") AS c JOIN threads t ON t.id = c.id ORDER BY t.last_post_at DESC, t.id DESC";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, practice_id);
	sqlite3_bind_int64(st, 2, city_id);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(limit > INT32_MAX ? INT32_MAX : limit));
	/* Ids first: forum_thread (the visibility check) has statements of its own. */
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&ids, &cap, n, sizeof *ids)) {
			s = err_oom(e);
			break;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the linked threads"));
	sqlite3_reset(st);
	if (s == ST_OK)
		s = forum_visible_threads(d, a, ids, n, out, e);
	free(ids);
	return s;
}

status uptake_remove(db *d, const account *a, int64_t practice_id, const char *city_name,
                     error *e)
{
	practice p;
	city c;
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	if ((s = resolve(d, a, practice_id, city_name, &p, &c, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	int64_t uid = 0;
	char before[32] = "";
	char now[32];
	db_now(now, sizeof now);
	if ((s = uptake_rows_remove(d, p.id, c.id, now, a->login, &uid, before, sizeof before,
	                            e)) != ST_OK)
		goto fail;
	if (!uid) {
		s = err_set(e, ST_NOTFOUND, _("%s has not recorded taking up \"%s\""), c.name, p.title);
		goto fail;
	}
	char *what = str_printf("%s <- %s", p.key, c.name);
	s = what ? audit_append(d, a, "delete", "uptake", uid, before, what, e)
	         : err_oom(e);
	free(what);
	if (s != ST_OK)
		goto fail;
	practice_clear(&p);
	city_clear(&c);
	return db_commit(d, e);
fail:
	practice_clear(&p);
	city_clear(&c);
	db_rollback(d);
	return s != ST_OK ? s : ST_INTERNAL;
}
