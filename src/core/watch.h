/* watch.h — a file descriptor that becomes readable when another process writes the
 * database (Linux inotify on the database file and its WAL), so that an idle session
 * sleeps until something changed instead of asking SQLite once a second (issue 20:
 * 1,000 idle sessions). Where inotify is missing the caller keeps its one-second tick. */
#ifndef EMPIRIE_CORE_WATCH_H
#define EMPIRIE_CORE_WATCH_H

#include <stdbool.h>

typedef struct watch watch;

/* Watch db_file (and db_file-wal when it exists). NULL when it cannot (no inotify, an
 * in-memory database, the limit of watches reached): then nothing tells of writes. */
watch *watch_open(const char *db_file);
/* The descriptor to poll for reading; -1 for NULL. */
int watch_fd(const watch *w);
/* Read every pending event; true if there was any (something may have changed). */
bool watch_drain(watch *w);
void watch_close(watch *w);

#endif
