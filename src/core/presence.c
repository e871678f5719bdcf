/* presence.c — see presence.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/db_priv.h"
#include "core/presence.h"
#include "i18n.h"

/* A heartbeat never holds the screen up: past this, it is skipped until the next one. */
#define PRESENCE_WAIT_MS 100
/* The longest gap between two heartbeats, in s. */
/* Every half timeout: a live row is then at most half a timeout old when others look
 * (a third gave more margin than needed, and each beat wakes a sleeping session). */
#define PRESENCE_INTERVAL_MAX 60
/* Rows of sessions gone for this many timeouts are deleted by whoever beats next. */
#define PRESENCE_FORGET 10

struct presence {
	sqlite3 *h;
	int64_t id;         /* this session's row */
	int timeout_s, interval_s;
	int64_t next_ms;    /* monotonic time of the next heartbeat */
	int64_t online;
	unsigned beats;
	/* The beat's statements, prepared once (issue 20: parsing them again at every
	 * beat was most of what an idle session cost). */
	sqlite3_stmt *begin, *upsert, *forget, *commit, *live;
	char *login, *town;
	int64_t since;
	bool restricted;
};

static const char schema[] =
	"PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;"
	"CREATE TABLE IF NOT EXISTS sessions ("
	"  id INTEGER PRIMARY KEY, login TEXT NOT NULL, town TEXT NOT NULL,"
	"  since INTEGER NOT NULL, seen INTEGER NOT NULL,"
	"  network INTEGER NOT NULL DEFAULT 0, area TEXT NOT NULL DEFAULT '',"
	"  restricted INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX IF NOT EXISTS sessions_seen ON sessions(seen);";

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int clamp_timeout(int t)
{
	if (t <= 0)
		return PRESENCE_TIMEOUT_DEFAULT;
	return t < PRESENCE_TIMEOUT_MIN ? PRESENCE_TIMEOUT_MIN
	       : t > PRESENCE_TIMEOUT_MAX ? PRESENCE_TIMEOUT_MAX : t;
}

/* DB-presence beside the store, newly allocated. */
static char *side_path(db *d)
{
	size_t n = strlen(db_path(d)) + 16;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s-presence", db_path(d));
	return p;
}

/* Open the side file; create it first (never through a link, with the store's own
 * permissions, owner-only unless the store is shared with a group) when create. */
static status side_open(db *d, bool create, sqlite3 **out, error *e)
{
	*out = NULL;
	char *path = side_path(d);
	if (!path)
		return err_oom(e);
	struct stat store, sb;
	status s = ST_OK;
	if (lstat(path, &sb) != 0) {
		if (!create) {
			free(path);
			return ST_NOTFOUND;
		}
		mode_t mode = stat(db_path(d), &store) == 0 ? (store.st_mode & 0660) | 0600 : 0600;
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0) {
			fchmod(fd, mode);
			close(fd);
		} else if (errno != EEXIST) {
			s = err_set(e, ST_IO, _("%s: cannot create the file of who is here: %s"), path,
			            strerror(errno));
		}
	} else if (!S_ISREG(sb.st_mode)) {
		s = err_set(e, ST_IO, _("%s is not a regular file"), path);
	}
	sqlite3 *h = NULL;
	if (s == ST_OK) {
		int flags = SQLITE_OPEN_NOFOLLOW | (create ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
		int rc = sqlite3_open_v2(path, &h, flags, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_busy_timeout(h, create ? PRESENCE_WAIT_MS : 2000);
			if (create)
				rc = sqlite3_exec(h, schema, NULL, NULL, NULL);
		}
		if (rc != SQLITE_OK)
			s = err_set(e, ST_IO, _("%s: cannot use the file of who is here (%s)"), path,
			            h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	}
	free(path);
	if (s != ST_OK) {
		sqlite3_close_v2(h);
		return s;
	}
	*out = h;
	return ST_OK;
}

static bool prepare_beat(presence *p)
{
	static const char upsert[] =
		"INSERT INTO sessions(id, login, town, since, seen, network, area, restricted)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET"
		" seen = excluded.seen, network = excluded.network, area = excluded.area";
	static const char forget[] = "DELETE FROM sessions WHERE seen < ?1";
	static const char live[] = "SELECT count(*) FROM sessions WHERE seen >= ?1";
	const struct {
		const char *sql;
		sqlite3_stmt **st;
	} all[] = {
		{ "BEGIN IMMEDIATE", &p->begin }, { upsert, &p->upsert }, { forget, &p->forget },
		{ "COMMIT", &p->commit },          { live, &p->live },
	};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (sqlite3_prepare_v3(p->h, all[i].sql, -1, SQLITE_PREPARE_PERSISTENT, all[i].st,
		                       NULL) != SQLITE_OK)
			return false;
	return true;
}

static void finalize_beat(presence *p)
{
	sqlite3_stmt **all[] = { &p->begin, &p->upsert, &p->forget, &p->commit, &p->live };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		sqlite3_finalize(*all[i]);
		*all[i] = NULL;
	}
}

static bool step_done(sqlite3_stmt *st)
{
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

static bool beat(presence *p, const presence_place *place)
{
	int64_t now = (int64_t)time(NULL);
	bool ok = step_done(p->begin);
	if (ok) {
		sqlite3_stmt *st = p->upsert;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_text(st, 2, p->login, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, p->town, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, p->since);
		sqlite3_bind_int64(st, 5, now);
		sqlite3_bind_int(st, 6, place ? place->network : 0);
		sqlite3_bind_text(st, 7, place && place->area ? place->area : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 8, p->restricted);
		ok = step_done(st);
		sqlite3_clear_bindings(st);
	}
	/* Rows of sessions long gone: every tenth beat is often enough (each session
	 * beats, so someone sweeps within a few intervals). */
	if (ok && p->beats++ % 10 == 0) {
		sqlite3_bind_int64(p->forget, 1, now - (int64_t)PRESENCE_FORGET * p->timeout_s);
		ok = step_done(p->forget);
	}
	ok = ok && step_done(p->commit);
	if (!ok && !sqlite3_get_autocommit(p->h))
		sqlite3_exec(p->h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_bind_int64(p->live, 1, now - p->timeout_s);
	if (sqlite3_step(p->live) == SQLITE_ROW)
		p->online = sqlite3_column_int64(p->live, 0);
	sqlite3_reset(p->live);
	return ok;
}

status presence_join(presence **out, db *d, const account *me, bool restricted, int timeout_s,
                     error *e)
{
	*out = NULL;
	presence *p = calloc(1, sizeof *p);
	if (!p || !(p->login = strdup(me->login ? me->login : "")) ||
	    !(p->town = strdup(me->city_name ? me->city_name : ""))) {
		if (p)
			free(p->login);
		free(p);
		return err_oom(e);
	}
	status s = side_open(d, true, &p->h, e);
	if (s == ST_OK && !prepare_beat(p)) {
		s = err_set(e, ST_IO, _("%s: cannot use the file of who is here (%s)"), db_path(d),
		            sqlite3_errmsg(p->h));
		finalize_beat(p);
		sqlite3_close_v2(p->h);
	}
	if (s != ST_OK) {
		free(p->login);
		free(p->town);
		free(p);
		return s;
	}
	sqlite3_randomness(sizeof p->id, &p->id);
	p->id &= INT64_MAX;
	p->timeout_s = clamp_timeout(timeout_s);
	p->interval_s = p->timeout_s / 2 > PRESENCE_INTERVAL_MAX ? PRESENCE_INTERVAL_MAX
	                : p->timeout_s / 2 < 1 ? 1 : p->timeout_s / 2;
	p->since = (int64_t)time(NULL);
	p->restricted = restricted;
	presence_place start = { 0, "networks" };
	beat(p, &start);
	p->next_ms = mono_ms() + (int64_t)p->interval_s * 1000;
	*out = p;
	return ST_OK;
}

bool presence_tick(presence *p, const presence_place *place)
{
	if (!p)
		return false;
	int64_t now = mono_ms();
	if (now < p->next_ms)
		return false;
	p->next_ms = now + (int64_t)p->interval_s * 1000;
	beat(p, place);
	return true;
}

void presence_beat_now(presence *p, const presence_place *place)
{
	if (p)
		beat(p, place);
}

bool presence_is_due(const presence *p) { return p && mono_ms() >= p->next_ms; }

int64_t presence_ms_until_due(const presence *p)
{
	if (!p)
		return -1;
	int64_t left = p->next_ms - mono_ms();
	return left > 0 ? left : 0;
}

int64_t presence_online(const presence *p) { return p ? p->online : 0; }

void presence_leave(presence **pp)
{
	presence *p = pp ? *pp : NULL;
	if (!p)
		return;
	sqlite3_stmt *st = NULL;
	sqlite3_busy_timeout(p->h, 1000);
	if (sqlite3_prepare_v2(p->h, "DELETE FROM sessions WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	finalize_beat(p);
	sqlite3_close_v2(p->h);
	free(p->login);
	free(p->town);
	free(p);
	*pp = NULL;
}

status presence_list_live(db *d, const account *a, int timeout_s, presence_list *out, error *e)
{
	static const char sql[] =
		"SELECT login, town, strftime('%Y-%m-%dT%H:%M:%SZ', since, 'unixepoch'),"
		" strftime('%Y-%m-%dT%H:%M:%SZ', seen, 'unixepoch'), network, area, restricted"
		" FROM sessions WHERE seen >= ?1 ORDER BY since, login";
	memset(out, 0, sizeof *out);
	if (a->role != ROLE_ADMIN && a->role != ROLE_COORDINATOR)
		return err_set(e, ST_DENIED, _("Only coordinators and administrators may see who is "
		                               "here"));
	sqlite3 *h = NULL;
	status s = side_open(d, false, &h, e);
	if (s == ST_NOTFOUND)
		return ST_OK; /* no session has ever started */
	if (s != ST_OK)
		return s;
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, (int64_t)time(NULL) - clamp_timeout(timeout_s));
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
				s = err_oom(e);
				break;
			}
			presence_row *r = &out->items[out->n++];
			memset(r, 0, sizeof *r);
			r->login = db_col_dup(st, 0);
			r->town = db_col_dup(st, 1);
			r->since = db_col_dup(st, 2);
			r->seen = db_col_dup(st, 3);
			r->network = sqlite3_column_int(st, 4);
			r->area = db_col_dup(st, 5);
			r->restricted = sqlite3_column_int(st, 6) != 0;
			if (!r->login || !r->town || !r->since || !r->seen || !r->area) {
				s = err_oom(e);
				break;
			}
		}
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = err_set(e, ST_IO, _("Reading who is here: %s"), sqlite3_errmsg(h));
	sqlite3_finalize(st);
	sqlite3_close_v2(h);
	if (s != ST_OK)
		presence_list_free(out);
	return s;
}

void presence_list_free(presence_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].login);
		free(l->items[i].town);
		free(l->items[i].since);
		free(l->items[i].seen);
		free(l->items[i].area);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
