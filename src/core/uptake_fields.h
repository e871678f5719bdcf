/* uptake_fields.h — the one list of a practice transfer's fields (uptake.h), as
 * practice_fields.h is a practice's. The CSV columns of import and export, the sync
 * line's keys (written in sync_export.c, read in sync_apply_records.c), the options of
 * `empirie uptake set` with their help and completion, the field names in error
 * messages and the public copy's classification of the uptakes table all come from
 * UPTAKE_FIELDS.
 *
 * F(name, kind, store, column, pub, csv, aliases, csv_sql, sync, key, sync_sql,
 *   opt, arg, help, label)
 *   name     the field; its CSV header (English) and its CLI option (--name)
 *   kind     KEY (the practice's key), TOWN (a town's name), STATUS (uptake_status_key),
 *            TEXT (free text with lines, at most UPTAKE_NOTE_MAX bytes), TIME (an ISO
 *            time), LOGIN (an account's login), THREADS (thread ids)
 *   store    COL: the column `column` of uptakes; LINKS: rows of uptake_threads;
 *            LOG: uptake_log only (what sync knows of a removal)
 *   pub      1: a public copy carries it; 0: it does not (a column: stored as '')
 *   csv      1: a column of import and export (header: name), aliases: other headers
 *            accepted on import, '|'-separated, folded (Polish first); csv_sql: its
 *            value in the export, over uptakes u, practices p and cities c (the town)
 *   sync     how a sync line carries it under `key`, its value sync_sql over uptakes
 *            u, practices p, cities c and uptake_log l: SYNC_ANY (on every line),
 *            SYNC_LIVE (not on a removal's line), SYNC_GONE (the removal's time),
 *            SYNC_LINKS (an array the applier links), SYNC_NO (not synced)
 *   opt      1: an option of `empirie uptake set` (--name), arg its value's name, help
 *   label    N_(): the field's name in messages
 * Rows are in the order of the CSV columns and of the sync line's keys. A new field is
 * one row here, a migration step (schema.c), its translations (po/pl.po), and its
 * value where it is checked and stored (uptake.c, transfer_records.c). */
#ifndef EMPIRIE_CORE_UPTAKE_FIELDS_H
#define EMPIRIE_CORE_UPTAKE_FIELDS_H

#define UPTAKE_FIELDS(F)                                                                  \
	F(practice, KEY, COL, "practice_id", 1, 1, "praktyka|klucz praktyki|klucz", "p.key",  \
	  SYNC_ANY, "practice", "p.key", 0, NULL, NULL, N_("practice"))                     \
	F(town, TOWN, COL, "city_id", 1, 1, "miasto|city", "c.name",                          \
	  SYNC_ANY, "town", "c.name", 1, N_("NAME"),                                         \
	  N_("set, remove: the town taking it up (not the practice's own);\n"               \
	     "list: that town's records"), N_("town"))                                        \
	F(status, STATUS, COL, "status", 1, 1, "", "u.status",                                \
	  SYNC_LIVE, "status", "u.status", 1, N_("S"),                                       \
	  N_("set: interested, adapting, in-use or dropped"), N_("status"))                  \
	F(note, TEXT, COL, "note", 1, 1, "uwagi|uwaga|co zmieniono", "u.note",                \
	  SYNC_LIVE, "note", "u.note", 1, N_("TEXT"),                                        \
	  N_("set: what the town changed in it (\"\" clears)"), N_("note"))                   \
	F(started_at, TIME, COL, "started_at", 1, 1, "od kiedy|od", "u.started_at",           \
	  SYNC_LIVE, "started_at", "u.started_at", 0, NULL, NULL, N_("since"))               \
	F(updated_at, TIME, COL, "updated_at", 1, 1, "zmiana|ostatnia zmiana", "u.updated_at", \
	  SYNC_LIVE, "updated_at", "u.updated_at", 0, NULL, NULL, N_("updated"))             \
	F(updated_by, LOGIN, COL, "updated_by", 0, 1, "kto", "u.updated_by",                  \
	  SYNC_ANY, "by", "COALESCE(u.updated_by, l.actor)", 0, NULL, NULL,                  \
	  N_("recorded by"))                                                                  \
	F(deleted_at, TIME, LOG, "deleted_at", 0, 0, "", "",                                  \
	  SYNC_GONE, "deleted_at", "CASE WHEN u.id IS NULL THEN l.deleted_at END", 0, NULL,  \
	  NULL, N_("removed"))                                                                \
	F(threads, THREADS, LINKS, "thread_id", 1, 0, "", "",                                 \
	  SYNC_LINKS, "threads",                                                             \
	  "json((SELECT json_group_array(thread_id) FROM uptake_threads"                     \
	  " WHERE uptake_id = u.id))", 1, N_("IDS"),                                          \
	  N_("set: the threads where it asked about it, e.g. \"12,40\""), N_("threads"))

/* UPTAKE_F_practice, UPTAKE_F_town, …: a field's place in the list. */
#define UPTAKE_F_ENUM_(name, ...) UPTAKE_F_##name,
enum { UPTAKE_FIELDS(UPTAKE_F_ENUM_) UPTAKE_NFIELDS };
#undef UPTAKE_F_ENUM_

/* UPTAKE_IF_1(x) is x, UPTAKE_IF_0(x) nothing: for the 0/1 columns. */
#define UPTAKE_IF_0(...)
#define UPTAKE_IF_1(...) __VA_ARGS__

/* UPTAKE_C_practice, …: a CSV field's column in import and export. */
#define UPTAKE_C_ENUM_(name, kind, store, column, pub, csv, ...) UPTAKE_IF_##csv(UPTAKE_C_##name, )
enum { UPTAKE_FIELDS(UPTAKE_C_ENUM_) UPTAKE_NCSV };
#undef UPTAKE_C_ENUM_

/* The sync line's keys and values, each with a leading comma, for json_object(). */
#define UPTAKE_IF_SYNC_ANY(x) x
#define UPTAKE_IF_SYNC_LIVE(x) x
#define UPTAKE_IF_SYNC_GONE(x) x
#define UPTAKE_IF_SYNC_LINKS(x) x
#define UPTAKE_IF_SYNC_NO(x)
#define UPTAKE_SYNC_PAIR_(name, kind, store, column, pub, csv, aliases, csv_sql, sync, key, \
                          sync_sql, ...)                                                  \
	UPTAKE_IF_##sync(", '" key "', " sync_sql)
#define UPTAKE_SYNC_PAIRS UPTAKE_FIELDS(UPTAKE_SYNC_PAIR_)

/* m(column, pub) for the fields stored as a column of uptakes. */
#define UPTAKE_IF_COLUMN_COL(m, c, p) m(c, p)
#define UPTAKE_IF_COLUMN_LINKS(m, c, p)
#define UPTAKE_IF_COLUMN_LOG(m, c, p)
#define UPTAKE_IF_COLUMN(store, m, c, p) UPTAKE_IF_COLUMN_##store(m, c, p)

#endif
