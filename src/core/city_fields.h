/* city_fields.h — the one list of a town's fields (the table cities). The struct
 * members (city, city_fields), the columns, parameters and binds of the towns' one
 * writer, the reading of a town row, the lines of `empirie show city` and of the town's
 * card on the screen that are plain "label: value", the CSV columns (the bundled
 * data/cities.csv, import and export) and the public/private classification of public
 * copies all come from CITY_FIELDS: a new field is one row here, one migration step
 * (schema.c) and its translations (po/pl.po).
 *
 * F(name, kind, aliases, label, card, pub, search)
 *   name     member, column and CSV header (English)
 *   kind     KEY (the town's name: the writer finds the row by it), WORD (a keyword
 *            the program knows), LINE (one line of text), FLAG (0 or 1: a bool member,
 *            an integer column, "0"/"1" in the bundled file, yes/no in imports)
 *   aliases  other CSV headers accepted on import, '|'-separated, folded (Polish first)
 *   label    the label on the card; NULL when the field has no line of its own (it is
 *            shown inside another's, or only in `list cities`)
 *   card     where it is on the card (fields.h): CARD_OWN (drawn by hand), CARD_HEAD,
 *            CARD_FOOT
 *   pub      1: copied into public copies; 0: left out (public.h)
 *   search   1: part of the indexed text of the town (search_docs.h): the KEY is its
 *            title, the WORD and LINE fields marked 1 its body, in the list's order (a
 *            FLAG is never indexed)
 * Towns are edited by import only (no options of their own on the command line), and
 * they travel between installations by CSV, not in sync files (those name a town only),
 * so there is no "option" and no "synced" column. Rows are in the CSV column order. */
#ifndef EMPIRIE_CORE_CITY_FIELDS_H
#define EMPIRIE_CORE_CITY_FIELDS_H

#include "core/fields.h"

#define CITY_FIELDS(F)                                                                  \
	F(name, KEY, "nazwa|miasto|town|city", N_("Town"), CARD_OWN, 1, 1)               \
	F(voivodeship, LINE, "wojewodztwo", N_("Voivodeship"), CARD_OWN, 1, 1)           \
	F(voivodeship_basis, WORD, "podstawa wojewodztwa", NULL, CARD_OWN, 1, 0)         \
	F(laureate, FLAG, "laureat", NULL, CARD_OWN, 1, 0)                               \
	F(programme_status, WORD, "status", N_("Programme"), CARD_OWN, 1, 0)             \
	F(project_title, LINE, "projekt|tytul projektu", N_("Project"), CARD_HEAD, 1, 1) \
	F(project_source, LINE, "zrodlo projektu", N_("Project source"), CARD_HEAD, 1, 0) \
	F(source, LINE, "zrodlo|zrodla", N_("Source"), CARD_FOOT, 1, 0)

/* CITY_F_name, CITY_F_voivodeship, …: a field's place in the list. */
#define CITY_F_ENUM(name, ...) CITY_F_##name,
enum { CITY_FIELDS(CITY_F_ENUM) CITY_NFIELDS };
#undef CITY_F_ENUM

/* text(n) for the kinds held as text, flag(n) for FLAG. */
#define CITY_IF_FLAG_KEY(flag, text, n) text(n)
#define CITY_IF_FLAG_WORD(flag, text, n) text(n)
#define CITY_IF_FLAG_LINE(flag, text, n) text(n)
#define CITY_IF_FLAG_FLAG(flag, text, n) flag(n)
#define CITY_IF_FLAG(kind, flag, text, n) CITY_IF_FLAG_##kind(flag, text, n)
/* m(n) for the fields the writer sets (all but the KEY, by which it finds the row). */
#define CITY_IF_SET_KEY(m, n)
#define CITY_IF_SET_WORD(m, n) m(n)
#define CITY_IF_SET_LINE(m, n) m(n)
#define CITY_IF_SET_FLAG(m, n) m(n)
#define CITY_IF_SET(kind, m, n) CITY_IF_SET_##kind(m, n)

/* The towns' one writer (directory.c): a new town, and the one of that name replaced.
 * The KEY (name) finds the row; each field is the named parameter of its column
 * (":voivodeship"), bound from the struct city_fields. */
#define CITY_COL_SET_(name, kind, ...) CITY_IF_SET(kind, FIELD_COL_NAME_, name)
#define CITY_PARAM_SET_(name, kind, ...) CITY_IF_SET(kind, FIELD_PARAM_, name)
#define CITY_ASSIGN_(n) ", " #n " = :" #n
#define CITY_ASSIGN_SET_(name, kind, ...) CITY_IF_SET(kind, CITY_ASSIGN_, name)
#define CITY_INSERT_SQL                                                                   \
	"INSERT INTO cities(name" CITY_FIELDS(CITY_COL_SET_) ") VALUES (:name" CITY_FIELDS( \
		CITY_PARAM_SET_) ")"
#define CITY_UPDATE_SQL \
	"UPDATE cities SET name = :name" CITY_FIELDS(CITY_ASSIGN_SET_) " WHERE name = :name"

/* "c.name, c.voivodeship, …": the columns of a town as read, in the list's order. */
#define CITY_COL_C_(name, ...) ", c." #name
#define CITY_SELECT_C CITY_FIELDS(CITY_COL_C_)

/* The body of the town's indexed text as SQL over its row (search_docs.h's CITY_DOC):
 * the searchable WORD and LINE fields, each followed by a blank. The KEY is the title. */
#define CITY_SEARCH_KEY(search, n)
#define CITY_SEARCH_WORD(search, n) FIELD_SEARCH_##search(n)
#define CITY_SEARCH_LINE(search, n) FIELD_SEARCH_##search(n)
#define CITY_SEARCH_FLAG(search, n)
#define CITY_SEARCH_(name, kind, aliases, label, card, pub, search) \
	CITY_SEARCH_##kind(search, name)
#define CITY_SEARCH_SQL CITY_FIELDS(CITY_SEARCH_) "''"

/* Struct members: char * (stored, the town as read) or const char * (given, what the
 * writer stores) for text, bool for a FLAG. */
#define CITY_FLAG_MEMBER_(n) bool n;
#define CITY_MEMBER_(name, kind, ...) CITY_IF_FLAG(kind, CITY_FLAG_MEMBER_, FIELD_OWNED_, name)
#define CITY_IN_MEMBER_(name, kind, ...) CITY_IF_FLAG(kind, CITY_FLAG_MEMBER_, FIELD_GIVEN_, name)

#endif
