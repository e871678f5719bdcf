/* uptake_fields.h — the one list of a practice transfer's fields (uptake.h), as
 * practice_fields.h is a practice's. The record read and the stored row (members, SQL,
 * binds), the CSV columns of import and export, the sync line's keys (written in
 * sync_export.c, read in sync_apply_records.c), the options of `empirie uptake set`
 * with their help and completion, the columns of `empirie uptake list`, the field
 * names in error messages and the public copy's classification of the uptakes table
 * all come from UPTAKE_FIELDS, and so do the lines under a record's heading on the
 * cards.
 *
 * F(name, kind, store, column, pub, csv, aliases, sql, sync, key, sync_sql,
 *   opt, arg, help, label, list, card)
 *   name     the field; its CSV header (English), its CLI option (--name) and its member
 *            of the record as read (struct uptake, uptake.h: the status an uptake_status,
 *            every other a text; a LOG field none)
 *   kind     KEY (the practice's key), TOWN (a town's name), STATUS (uptake_status_key),
 *            TEXT (free text with lines, at most UPTAKE_NOTE_MAX bytes), TIME (an ISO
 *            time), LOGIN (an account's login), THREADS (thread ids)
 *   store    COL: the column `column` of uptakes (and the member of the stored row,
 *            uptake_fields in uptake.h: the practice's and the town's ids, which are the
 *            row's key, else the text stored); LINKS: rows of uptake_threads; LOG:
 *            uptake_log only (what sync knows of a removal)
 *   pub      1: a public copy carries it; 0: it does not (a column: stored as '')
 *   csv      1: a column of import and export (header: name), aliases: other headers
 *            accepted on import, '|'-separated, folded (Polish first); sql: its value
 *            over uptakes u, practices p and cities c (the town), in the export (a CSV
 *            field) and as read (uptake_list_get; not a LOG field); threads: the ids,
 *            space-separated
 *   sync     how a sync line carries it under `key`, its value sync_sql over uptakes
 *            u, practices p, cities c and uptake_log l: SYNC_ANY (on every line),
 *            SYNC_LIVE (not on a removal's line), SYNC_GONE (the removal's time),
 *            SYNC_LINKS (an array the applier links), SYNC_NO (not synced)
 *   opt      1: an option of `empirie uptake set` (--name), arg its value's name, help
 *   label    N_(): the field's name in messages and the header of its column in
 *            `empirie uptake list`
 *   list     its column there (0 first; -1: not shown), a time as its date; the columns
 *            1 and 2 are the practice's town and title
 *   card     where a card shows it: HEAD in the record's heading line (written by hand:
 *            the town, or the practice, its status and when), LINE on a line of its
 *            own under it when set, LABELLED the same after its label, NO not at all
 *            (the practice card's lines in `empirie show practice`, both cards' in the
 *            application; a THREADS field there as links to the threads)
 * Rows are in the order of the CSV columns and of the sync line's keys. The stored row's
 * SQL (columns, key, updates, binds) and the reading of records come from the list too;
 * started_at is the one named exception there: kept as first recorded when the writer
 * is asked to (uptake_rows_put's earliest_start). A new field is one row here, a
 * migration step (schema.c), its translations (po/pl.po), and its value where it is
 * checked and given (uptake_save in uptake.c, transfer_records.c, sync_apply_records.c). */
#ifndef EMPIRIE_CORE_UPTAKE_FIELDS_H
#define EMPIRIE_CORE_UPTAKE_FIELDS_H

#define UPTAKE_FIELDS(F)                                                                     \
	F(practice, KEY, COL, practice_id, 1, 1, "praktyka|klucz praktyki|klucz", "p.key",   \
	  SYNC_ANY, "practice", "p.key", 0, NULL, NULL, N_("practice"), 0, HEAD)             \
	F(town, TOWN, COL, city_id, 1, 1, "miasto|city", "c.name",                           \
	  SYNC_ANY, "town", "c.name", 1, N_("NAME"),                                         \
	  N_("set, remove: the town taking it up (not the\npractice's own town);\n"         \
	     "list: that town's records"), N_("town"), 3, HEAD)                              \
	F(status, STATUS, COL, status, 1, 1, "", "u.status",                                 \
	  SYNC_LIVE, "status", "u.status", 1, N_("S"),                                       \
	  N_("set: %s"), N_("status"), 4, HEAD)                                              \
	F(note, TEXT, COL, note, 1, 1, "uwagi|uwaga|co zmieniono", "u.note",                 \
	  SYNC_LIVE, "note", "u.note", 1, N_("TEXT"),                                        \
	  N_("set: what the town changed in it (\"\" clears)"), N_("note"), 8, LINE)         \
	F(started_at, TIME, COL, started_at, 1, 1, "od kiedy|od", "u.started_at",            \
	  SYNC_LIVE, "started_at", "u.started_at", 0, NULL, NULL, N_("since"), 5, NO)        \
	F(updated_at, TIME, COL, updated_at, 1, 1, "zmiana|ostatnia zmiana", "u.updated_at", \
	  SYNC_LIVE, "updated_at", "u.updated_at", 0, NULL, NULL, N_("updated"), 6, HEAD)    \
	F(updated_by, LOGIN, COL, updated_by, 0, 1, "kto", "u.updated_by",                   \
	  SYNC_ANY, "by", "COALESCE(u.updated_by, l.actor)", 0, NULL, NULL,                  \
	  N_("recorded by"), -1, NO)                                                         \
	F(deleted_at, TIME, LOG, deleted_at, 0, 0, "", "",                                   \
	  SYNC_GONE, "deleted_at", "CASE WHEN u.id IS NULL THEN l.deleted_at END", 0, NULL,  \
	  NULL, N_("removed"), -1, NO)                                                       \
	F(threads, THREADS, LINKS, thread_id, 1, 0, "",                                      \
	  "COALESCE((SELECT group_concat(thread_id, ' ') FROM (SELECT thread_id"             \
	  " FROM uptake_threads WHERE uptake_id = u.id ORDER BY thread_id)), '')",           \
	  SYNC_LINKS, "threads",                                                             \
	  "json((SELECT json_group_array(thread_id) FROM uptake_threads"                     \
	  " WHERE uptake_id = u.id))", 1, N_("IDS"),                                         \
	  N_("set: the threads where it asked about it, e.g. \"12,40\""), N_("threads"), 7,  \
	  LABELLED)

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
#define UPTAKE_SYNC_PAIR_(name, kind, store, column, pub, csv, aliases, sql, sync, key,     \
                          sync_sql, ...)                                                  \
	UPTAKE_IF_##sync(", '" key "', " sync_sql)
#define UPTAKE_SYNC_PAIRS UPTAKE_FIELDS(UPTAKE_SYNC_PAIR_)

/* m(column, pub) for the fields stored as a column of uptakes. */
#define UPTAKE_IF_COLUMN_COL(m, c, p) m(c, p)
#define UPTAKE_IF_COLUMN_LINKS(m, c, p)
#define UPTAKE_IF_COLUMN_LOG(m, c, p)
#define UPTAKE_IF_COLUMN(store, m, c, p) UPTAKE_IF_COLUMN_##store(m, c, p)

/* A kind's value picked of three: an id (the practice's, the town's), the status, or a
 * text (anything else). UPTAKE_KIND_AS(kind, id, status, text) is one of the three. */
#define UPTAKE_KIND_AS_KEY(id, st, tx) id
#define UPTAKE_KIND_AS_TOWN(id, st, tx) id
#define UPTAKE_KIND_AS_STATUS(id, st, tx) st
#define UPTAKE_KIND_AS_TEXT(id, st, tx) tx
#define UPTAKE_KIND_AS_TIME(id, st, tx) tx
#define UPTAKE_KIND_AS_LOGIN(id, st, tx) tx
#define UPTAKE_KIND_AS_THREADS(id, st, tx) tx
#define UPTAKE_KIND_AS(kind, id, st, tx) UPTAKE_KIND_AS_##kind(id, st, tx)

/* The field as a member of the record read (struct uptake): m_status(name) for the
 * status, m_text(name) for every other but a LOG field (none). */
#define UPTAKE_AS_READ_COL(kind, m_status, m_text, n) \
	UPTAKE_KIND_AS(kind, m_text, m_status, m_text)(n)
#define UPTAKE_AS_READ_LINKS(kind, m_status, m_text, n) m_text(n)
#define UPTAKE_AS_READ_LOG(kind, m_status, m_text, n)
#define UPTAKE_AS_READ(kind, store, m_status, m_text, n) \
	UPTAKE_AS_READ_##store(kind, m_status, m_text, n)

/* The field as a member of the stored row (uptake_fields): m_id(column) for the row's
 * key (the practice's and the town's ids), m_text(column) for another column, nothing
 * for a field not stored in uptakes. */
#define UPTAKE_AS_ROW_COL(kind, m_id, m_text, c) UPTAKE_KIND_AS(kind, m_id, m_text, m_text)(c)
#define UPTAKE_AS_ROW_LINKS(kind, m_id, m_text, c)
#define UPTAKE_AS_ROW_LOG(kind, m_id, m_text, c)
#define UPTAKE_AS_ROW(kind, store, m_id, m_text, c) UPTAKE_AS_ROW_##store(kind, m_id, m_text, c)

#endif
