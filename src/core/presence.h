/* presence.h — who is here: each full-screen session (restricted ones too) keeps one row
 * of heartbeat — login, town, since when, last seen, and where in the application at
 * the level of a network (never which thread or post) — in a small side file of the
 * store, DB-presence. A side file, not the store itself: a write into the store wakes
 * every other session to reload what it shows, and a heartbeat is no news to them; nor
 * does it contend with people posting, and a backup or restore leaves it alone.
 * Rows older than the timeout count for no one (a session killed without goodbye). */
#ifndef EMPIRIE_CORE_PRESENCE_H
#define EMPIRIE_CORE_PRESENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"

/* A session not seen for this long is gone; configurable (session_timeout). */
#define PRESENCE_TIMEOUT_DEFAULT 120
#define PRESENCE_TIMEOUT_MIN 3
#define PRESENCE_TIMEOUT_MAX 86400

typedef struct presence presence;

/* Where a session is: the network shown (0: none) and a coarse area key, one of
 * "networks" "reading" "writing" "search" "directory" "practices" "meetings" "help". */
typedef struct {
	int network;
	const char *area;
} presence_place;

/* Join: open (or create, with the store's owner-only mode) the side file of d and write
 * this session's first row. timeout_s: as above (0: the default). A heartbeat is then
 * written at most every timeout/2 s (at most every 60 s). */
status presence_join(presence **out, db *d, const account *me, bool restricted, int timeout_s,
                     error *e);
/* Write the row now, whatever the interval: where the session is once its first screen
 * is up (the row written at joining knows no network yet). */
void presence_beat_now(presence *p, const presence_place *place);
/* Called often (each tick): writes the heartbeat with place only when one is due, so
 * at most one small write per interval; returns true when it wrote (the count below
 * is then fresh too). */
bool presence_tick(presence *p, const presence_place *place);
/* Whether presence_tick would write now (so the caller works out the place only then). */
bool presence_is_due(const presence *p);
/* Milliseconds until the next beat is due (0: now); -1 without a presence. */
int64_t presence_ms_until_due(const presence *p);
/* Sessions seen within the timeout, as of the last heartbeat. */
int64_t presence_online(const presence *p);
/* Leave: remove this session's row, close. Safe on NULL. */
void presence_leave(presence **p);

typedef struct {
	char *login, *town, *since, *seen, *area;
	int network;
	bool restricted;
} presence_row;
typedef struct {
	presence_row *items;
	size_t n;
} presence_list;

/* The live sessions of d's store (administrators and coordinators), oldest first; the
 * side file is not created when missing (then: none). */
status presence_list_live(db *d, const account *a, int timeout_s, presence_list *out, error *e);
void presence_list_free(presence_list *l);

#endif
