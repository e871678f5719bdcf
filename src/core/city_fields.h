/* city_fields.h — the one list of a town's fields (the table cities). The struct
 * members (city, city_fields), the columns, parameters and binds of the towns' one
 * writer, the reading of a town row, the lines of `empirie show city` and of the town's
 * card on the screen that are plain "label: value", the CSV columns (the bundled
 * data/cities.csv, import and export), the import's check of each value (by its kind),
 * the indexed text and the public/private classification of public copies all come
 * from CITY_FIELDS: a new field is one row here, one migration step (schema.c) and its
 * translations (po/pl.po).
 *
 * F(name, kind, aliases, label, card, pub, search, words, refusal)
 *   name     member, column and CSV header (English)
 *   kind     what the field holds and how an import checks it (city_value_fault() in
 *            directory.c): KEY (the town's name: the writer finds the row by it; not
 *            empty), WORD (a keyword the program knows: one of its words, in any case,
 *            with or without Polish letters, stored as the list spells it), LINE (text:
 *            taken as it is), FLAG (0 or 1: a bool member, an integer column, "0"/"1" in
 *            the bundled file, yes/no in Polish or English in imports)
 *   aliases  other CSV headers accepted on import, '|'-separated, folded (Polish first)
 *   label    the label on the card; NULL when the field has no line of its own (it is
 *            shown inside another's, or only in `list cities`)
 *   card     where it is on the card (fields.h): CARD_OWN (drawn by hand), CARD_HEAD,
 *            CARD_FOOT
 *   pub      1: copied into public copies; 0: left out (public.h)
 *   search   1: part of the indexed text of the town (search_docs.h): the KEY is its
 *            title, the WORD and LINE fields marked 1 its body, in the list's order (a
 *            FLAG is never indexed)
 *   words    a WORD's known words (CITY_WORDS); an empty one among them lets an empty
 *            cell clear the field, else an empty cell says nothing. NULL for the others
 *   refusal  a WORD's message for a value not among them, naming it by its one %s;
 *            NULL for the others
 * Towns are edited by import only (no options of their own on the command line), and
 * they travel between installations by CSV, not in sync files (those name a town only),
 * so there is no "option" and no "synced" column. Rows are in the CSV column order. */
#ifndef EMPIRIE_CORE_CITY_FIELDS_H
#define EMPIRIE_CORE_CITY_FIELDS_H

#include "core/fields.h"

/* A WORD's known words: a NULL-terminated array, one static object per use. */
#define CITY_WORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })
/* The sixteen voivodeships, after the empty word: a town's may be unknown. */
#define CITY_VOIVODESHIPS                                                                 \
	CITY_WORDS("", "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", \
	           "małopolskie", "mazowieckie", "opolskie", "podkarpackie", "podlaskie",      \
	           "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie",            \
	           "wielkopolskie", "zachodniopomorskie")

#define CITY_FIELDS(F)                                                                    \
	F(name, KEY, "nazwa|miasto|town|city", N_("Town"), CARD_OWN, 1, 1, NULL, NULL)     \
	F(voivodeship, WORD, "wojewodztwo", N_("Voivodeship"), CARD_OWN, 1, 1,             \
	  CITY_VOIVODESHIPS, N_("\"%s\" is not one of the 16 voivodeships"))                 \
	F(voivodeship_basis, WORD, "podstawa wojewodztwa", NULL, CARD_OWN, 1, 0,           \
	  CITY_WORDS("source", "general", "unknown"),                                      \
	  N_("\"%s\" should be source, general or unknown"))                                 \
	F(laureate, FLAG, "laureat", NULL, CARD_OWN, 1, 0, NULL, NULL)                     \
	F(programme_status, WORD, "status", N_("Programme"), CARD_OWN, 1, 0,               \
	  CITY_WORDS("laureate", "participant", "network", "other"),                       \
	  N_("\"%s\" should be laureate, participant, network or other"))                    \
	F(project_title, LINE, "projekt|tytul projektu", N_("Project"), CARD_HEAD, 1, 1,   \
	  NULL, NULL)                                                                      \
	F(project_source, LINE, "zrodlo projektu", N_("Project source"), CARD_HEAD, 1, 0,  \
	  NULL, NULL)                                                                      \
	F(source, LINE, "zrodlo|zrodla", N_("Source"), CARD_FOOT, 1, 0, NULL, NULL)

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
#define CITY_SEARCH_(name, kind, aliases, label, card, pub, search, ...) \
	CITY_SEARCH_##kind(search, name)
#define CITY_SEARCH_SQL CITY_FIELDS(CITY_SEARCH_) "''"

/* Struct members: char * (stored, the town as read) or const char * (given, what the
 * writer stores) for text, bool for a FLAG. */
#define CITY_FLAG_MEMBER_(n) bool n;
#define CITY_MEMBER_(name, kind, ...) CITY_IF_FLAG(kind, CITY_FLAG_MEMBER_, FIELD_OWNED_, name)
#define CITY_IN_MEMBER_(name, kind, ...) CITY_IF_FLAG(kind, CITY_FLAG_MEMBER_, FIELD_GIVEN_, name)

#endif
