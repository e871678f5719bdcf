/* meeting_fields.h — the one list of a meeting's fields. The struct members (meeting,
 * meeting_fields, meeting_row), the SQL columns, reads and binds, CSV import and export,
 * the bundled directory's columns, the CLI options of `empirie meeting add|edit` and
 * their help, the card rows, the form, the public/private classification of public
 * copies and the search index all come from MEETING_FIELDS: a new field is one row
 * here, one migration step (schema.c) and its translations (po/pl.po).
 *
 * F(name, kind, csv, aliases, opt, option, arg, help, label, card, form, form_ml, pub,
 *   search)
 *   name     member and (for the kinds stored as one column) column
 *   kind     NET (the network: its number in meeting and meeting_fields, the column
 *            network_id), DATE (YYYY-MM-DD), WORD (a keyword the program sets), LINE
 *            (one line of text), HOST (a town of the directory or any place: the
 *            columns host_city_id and host_place), ITEMS (text of " | "-separated items,
 *            edited one per line), TOWNS (the towns present, meeting_cities: no column),
 *            TEXT
 *   csv      the CSV header (English), aliases other headers accepted on import,
 *            '|'-separated, folded (Polish first)
 *   opt      the option's place among those of `empirie meeting add|edit` (0 first; -1:
 *            none, the field is not edited), option its name, arg its value's name, help
 *   label    the label on the card, in the form and in error messages
 *   card     where it is on the card (fields.h): CARD_OWN, CARD_HEAD, CARD_ITEMS,
 *            CARD_FOOT
 *   form     the field's place in the editor's form (0 first; -1: not in it), form_ml:
 *            written under its label (long text)
 *   pub      1: copied into public copies; 0: left out (public.h)
 *   search   1: part of the indexed text of the meeting (besides the title); a place
 *            (HOST) comes after the other fields there
 * Meetings travel between installations by CSV, not in sync files (those carry only a
 * meeting's key), so there is no "synced" column. Rows are in the CSV column order. */
#ifndef EMPIRIE_CORE_MEETING_FIELDS_H
#define EMPIRIE_CORE_MEETING_FIELDS_H

#include "core/fields.h"

#define MEETING_FIELDS(F)                                                              \
	F(network, NET, "network", "siec", 0, "network", N_("N"),                       \
	  N_("the network (1–8) that meets"), N_("Network"), CARD_OWN, 0, 0, 1, 0)     \
	F(date_start, DATE, "date_start", "data|poczatek", 2, "date", N_("DATE"),        \
	  N_("the first day, YYYY-MM-DD"), N_("First day"), CARD_OWN, 2, 0, 1, 0)      \
	F(date_end, DATE, "date_end", "koniec", 3, "until", N_("DATE"),                  \
	  N_("the last day of a meeting of several days"), N_("Last day"), CARD_OWN, 3, \
	  0, 1, 0)                                                                      \
	F(date_basis, WORD, "date_basis", "", -1, NULL, NULL, NULL,                      \
	  N_("Date basis"), CARD_OWN, -1, 0, 1, 0)                                      \
	F(date_text, LINE, "date_text", "data slownie", -1, NULL, NULL, NULL,            \
	  N_("Date as published"), CARD_OWN, -1, 0, 1, 0)                               \
	F(host, HOST, "host_city", "gospodarz|miasto", 4, "host", N_("NAME"),            \
	  N_("the host town (or any place)"), N_("Host"), CARD_OWN, 4, 0, 1, 1)        \
	F(format, LINE, "format", "forma", 5, "format", N_("TEXT"),                      \
	  N_("e.g. \"stacjonarne\", \"online\", \"hybrydowe\""), N_("Format"),         \
	  CARD_HEAD, 5, 0, 1, 0)                                                        \
	F(title, LINE, "title", "tytul", 1, "title", N_("TEXT"),                         \
	  N_("the meeting's title"), N_("Title"), CARD_OWN, 1, 0, 1, 0)                \
	F(topics, ITEMS, "topics", "tematy", 6, "agenda", N_("TEXT"),                    \
	  N_("the topics"), N_("Agenda"), CARD_ITEMS, 7, 1, 1, 1)                       \
	F(study_visits, ITEMS, "study_visits", "wizyty studyjne", 7, "visits",           \
	  N_("TEXT"), N_("the study visits"), N_("Study visits"), CARD_ITEMS, 8, 1, 1, \
	  1)                                                                            \
	F(attending, TOWNS, "attending", "uczestnicy|miasta", -1, NULL, NULL, NULL,      \
	  N_("Towns present"), CARD_HEAD, -1, 0, 1, 0)                                  \
	F(summary, TEXT, "summary", "podsumowanie", 8, "summary", N_("TEXT"),            \
	  N_("what came of it"), N_("Summary"), CARD_FOOT, 9, 1, 1, 1)                  \
	F(note, TEXT, "note", "uwagi", -1, NULL, NULL, NULL, N_("Note"), CARD_FOOT, -1,  \
	  0, 1, 0)                                                                      \
	F(source, TEXT, "source", "zrodlo", 9, "source", N_("URLS"),                     \
	  N_("where it is described"), N_("Source"), CARD_FOOT, 6, 0, 1, 0)

/* MEETING_F_network, MEETING_F_date_start, …: a field's place in the list. */
#define MEETING_F_ENUM(name, ...) MEETING_F_##name,
enum { MEETING_FIELDS(MEETING_F_ENUM) MEETING_NFIELDS };
#undef MEETING_F_ENUM

/* m(column) for each stored column of a field of that kind: network_id for NET,
 * host_city_id and host_place for HOST, none for TOWNS, the field's name otherwise. */
#define MEETING_IF_COLUMN_NET(m, n) m(n##_id)
#define MEETING_IF_COLUMN_HOST(m, n) m(n##_city_id) m(n##_place)
#define MEETING_IF_COLUMN_TOWNS(m, n)
#define MEETING_IF_COLUMN_DATE(m, n) m(n)
#define MEETING_IF_COLUMN_WORD(m, n) m(n)
#define MEETING_IF_COLUMN_LINE(m, n) m(n)
#define MEETING_IF_COLUMN_ITEMS(m, n) m(n)
#define MEETING_IF_COLUMN_TEXT(m, n) m(n)
#define MEETING_IF_COLUMN(kind, m, n) MEETING_IF_COLUMN_##kind(m, n)
/* m(column, field) for the stored columns of text (HOST: its place), and m(column) for
 * those of ids (NET: network_id; HOST: host_city_id, 0 or NULL when none). */
#define MEETING_IF_TEXT_NET(m, n)
#define MEETING_IF_TEXT_HOST(m, n) m(n##_place, n)
#define MEETING_IF_TEXT_TOWNS(m, n)
#define MEETING_IF_TEXT_DATE(m, n) m(n, n)
#define MEETING_IF_TEXT_WORD(m, n) m(n, n)
#define MEETING_IF_TEXT_LINE(m, n) m(n, n)
#define MEETING_IF_TEXT_ITEMS(m, n) m(n, n)
#define MEETING_IF_TEXT_TEXT(m, n) m(n, n)
#define MEETING_IF_TEXT(kind, m, n) MEETING_IF_TEXT_##kind(m, n)
#define MEETING_IF_ID_NET(m, n) m(n##_id)
#define MEETING_IF_ID_HOST(m, n) m(n##_city_id)
#define MEETING_IF_ID_TOWNS(m, n)
#define MEETING_IF_ID_DATE(m, n)
#define MEETING_IF_ID_WORD(m, n)
#define MEETING_IF_ID_LINE(m, n)
#define MEETING_IF_ID_ITEMS(m, n)
#define MEETING_IF_ID_TEXT(m, n)
#define MEETING_IF_ID(kind, m, n) MEETING_IF_ID_##kind(m, n)

/* num(n) for the kind held as a number (NET), text(n) for the others. */
#define MEETING_IF_NUMBER_NET(num, text, n) num(n)
#define MEETING_IF_NUMBER_HOST(num, text, n) text(n)
#define MEETING_IF_NUMBER_TOWNS(num, text, n) text(n)
#define MEETING_IF_NUMBER_DATE(num, text, n) text(n)
#define MEETING_IF_NUMBER_WORD(num, text, n) text(n)
#define MEETING_IF_NUMBER_LINE(num, text, n) text(n)
#define MEETING_IF_NUMBER_ITEMS(num, text, n) text(n)
#define MEETING_IF_NUMBER_TEXT(num, text, n) text(n)
#define MEETING_IF_NUMBER(kind, num, text, n) MEETING_IF_NUMBER_##kind(num, text, n)

/* ", network_id, date_start, …": the stored columns, each with a leading comma. */
#define MEETING_COL_LIST_(name, kind, ...) MEETING_IF_COLUMN(kind, FIELD_COL_NAME_, name)
#define MEETING_COLUMN_LIST MEETING_FIELDS(MEETING_COL_LIST_)

/* The searchable text of a meeting, as SQL over its columns (search_docs.h): the
 * fields marked searchable in the list's order, then the place of a HOST. */
#define MEETING_SEARCH_HOST_0(n)
#define MEETING_SEARCH_HOST_1(n) FIELD_SEARCH_1(n##_place)
#define MEETING_SEARCH_AT_NET(search, n)
#define MEETING_SEARCH_AT_HOST(search, n)
#define MEETING_SEARCH_AT_TOWNS(search, n)
#define MEETING_SEARCH_AT_DATE(search, n) FIELD_SEARCH_##search(n)
#define MEETING_SEARCH_AT_WORD(search, n) FIELD_SEARCH_##search(n)
#define MEETING_SEARCH_AT_LINE(search, n) FIELD_SEARCH_##search(n)
#define MEETING_SEARCH_AT_ITEMS(search, n) FIELD_SEARCH_##search(n)
#define MEETING_SEARCH_AT_TEXT(search, n) FIELD_SEARCH_##search(n)
#define MEETING_SEARCH_TEXT_(name, kind, c, a, o, op, g, h, l, cd, f, m, p, search) \
	MEETING_SEARCH_AT_##kind(search, name)
#define MEETING_SEARCH_PLACE_HOST(search, n) MEETING_SEARCH_HOST_##search(n)
#define MEETING_SEARCH_PLACE_(name, kind, c, a, o, op, g, h, l, cd, f, m, p, search) \
	MEETING_SEARCH_PLACE_##kind(search, name)
#define MEETING_SEARCH_PLACE_NET(search, n)
#define MEETING_SEARCH_PLACE_TOWNS(search, n)
#define MEETING_SEARCH_PLACE_DATE(search, n)
#define MEETING_SEARCH_PLACE_WORD(search, n)
#define MEETING_SEARCH_PLACE_LINE(search, n)
#define MEETING_SEARCH_PLACE_ITEMS(search, n)
#define MEETING_SEARCH_PLACE_TEXT(search, n)
#define MEETING_SEARCH_SQL \
	MEETING_FIELDS(MEETING_SEARCH_TEXT_) MEETING_FIELDS(MEETING_SEARCH_PLACE_) "''"

#endif
