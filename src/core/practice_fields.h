/* practice_fields.h — the one list of a good practice's fields. The struct members,
 * the SQL columns and binds, CSV import and export, the CLI options and their help, the
 * card rows, the form, the public/private classification of public copies and the search
 * index all come from PRACTICE_FIELDS: a new field is one row here, one migration step
 * (schema.c) and its translations (po/pl.po).
 *
 * F(name, kind, aliases, option, arg, help, label, card, form, form_ml, pub, search)
 *   name     member, column and CSV export header (English)
 *   kind     TOWN, NETS, MEETS (links, not columns of practices), LINE (one line of
 *            text), TEXT, URL (an http(s) address); the kind carries the validation
 *   aliases  other CSV headers accepted on import, '|'-separated, folded (Polish first)
 *   option   the CLI option of `empirie practice add|edit`, arg its value's name, help
 *   label    the label on the card, in the form and in error messages
 *   card     where it is on the card (fields.h): CARD_OWN, CARD_HEAD, CARD_BODY,
 *            CARD_FOOT
 *   form     the field's place in the editor's form (0 first), form_ml: written under
 *            its label (long text)
 *   pub      1: copied into public copies; 0: left out (public.h)
 *   search   1: part of the indexed text of the practice (besides the title)
 * Practices travel between installations by CSV, not in sync files (those carry only
 * practice keys), so there is no "synced" column. Rows are in the CSV column order. */
#ifndef EMPIRIE_CORE_PRACTICE_FIELDS_H
#define EMPIRIE_CORE_PRACTICE_FIELDS_H

#include "core/fields.h"

#define PRACTICE_FIELDS(F)                                                          \
	F(city, TOWN, "miasto|town", "town", N_("NAME"),                            \
	  N_("the town whose practice it is"),                                      \
	  N_("Town"), CARD_OWN, 1, 0, 1, 0)                                         \
	F(networks, NETS, "sieci|siec|network", "networks", N_("LIST"),             \
	  N_("the networks it was shown in, e.g. \"2,6\""),                         \
	  N_("Networks"), CARD_OWN, 2, 0, 1, 0)                                     \
	F(theme, LINE, "temat|tematyka", "theme", N_("TEXT"),                       \
	  N_("e.g. \"energia i klimat\""),                                          \
	  N_("Theme"), CARD_HEAD, 3, 0, 1, 1)                                       \
	F(title, LINE, "tytul|nazwa", "title", N_("TEXT"),                          \
	  N_("what the practice is called"),                                        \
	  N_("Title"), CARD_OWN, 0, 0, 1, 0)                                        \
	F(problem, TEXT, "wyzwanie|problem do rozwiazania", "problem", N_("TEXT"),  \
	  N_("the problem it answers"),                                             \
	  N_("Problem"), CARD_BODY, 7, 1, 1, 1)                                     \
	F(actions, TEXT, "dzialania|co zrobiono", "actions", N_("TEXT"),            \
	  N_("what the town did"),                                                  \
	  N_("What was done"), CARD_BODY, 8, 1, 1, 1)                               \
	F(results, TEXT, "rezultaty|efekty|wyniki", "results", N_("TEXT"),          \
	  N_("what came of it"),                                                    \
	  N_("Results"), CARD_BODY, 9, 1, 1, 1)                                     \
	F(funding, TEXT, "finansowanie|zrodlo finansowania", "funding", N_("TEXT"), \
	  N_("where the money came from"),                                          \
	  N_("Funding"), CARD_BODY, 10, 0, 1, 0)                                    \
	F(cost, TEXT, "koszt|koszty", "cost", N_("TEXT"),                           \
	  N_("what it cost"),                                                       \
	  N_("Cost"), CARD_BODY, 11, 0, 1, 0)                                       \
	F(contact_role, TEXT, "kontakt|contact", "contact", N_("TEXT"),             \
	  N_("whom to ask: a role or an office, not a person"),                     \
	  N_("Contact"), CARD_BODY, 5, 0, 1, 1)                                     \
	F(meetings, MEETS, "spotkania|spotkanie", "meetings", N_("KEYS"),           \
	  N_("the meetings it was shown at (their keys, comma-separated)"),         \
	  N_("Meetings"), CARD_OWN, 4, 0, 1, 0)                                     \
	F(source, TEXT, "zrodlo|zrodla", "source", N_("URLS"),                      \
	  N_("where this is written"),                                              \
	  N_("Source"), CARD_FOOT, 6, 0, 1, 0)                                      \
	F(note, TEXT, "uwagi|uwaga", "note", N_("TEXT"),                            \
	  N_("anything else worth knowing"),                                        \
	  N_("Note"), CARD_FOOT, 12, 1, 1, 0)                                       \
	F(www, URL, "strona|strona projektu|strona www", "www", N_("URL"),          \
	  N_("the address of the project's own page, http://… or https://…"),       \
	  N_("Project page"), CARD_FOOT, 13, 0, 1, 0)

/* PRACTICE_F_city, PRACTICE_F_networks, …: a field's place in the list. */
#define PRACTICE_F_ENUM(name, ...) PRACTICE_F_##name,
enum { PRACTICE_FIELDS(PRACTICE_F_ENUM) PRACTICE_NFIELDS };
#undef PRACTICE_F_ENUM

/* m(name) only for the kinds stored as a column of the practices table. */
#define PRACTICE_IF_COLUMN_TOWN(m, n)
#define PRACTICE_IF_COLUMN_NETS(m, n)
#define PRACTICE_IF_COLUMN_MEETS(m, n)
#define PRACTICE_IF_COLUMN_LINE(m, n) m(n)
#define PRACTICE_IF_COLUMN_TEXT(m, n) m(n)
#define PRACTICE_IF_COLUMN_URL(m, n) m(n)
#define PRACTICE_IF_COLUMN(kind, m, n) PRACTICE_IF_COLUMN_##kind(m, n)

/* ", theme, title, …": the stored columns, each with a leading comma. */
#define PRACTICE_COL_LIST_(name, kind, ...) PRACTICE_IF_COLUMN(kind, FIELD_COL_NAME_, name)
#define PRACTICE_COLUMN_LIST PRACTICE_FIELDS(PRACTICE_COL_LIST_)

/* The searchable text of a practice, as SQL over its columns (search_docs.h). */
#define PRACTICE_SEARCH_(name, kind, a, o, g, h, l, c, f, m, p, search) \
	FIELD_SEARCH_##search(name)
#define PRACTICE_SEARCH_SQL PRACTICE_FIELDS(PRACTICE_SEARCH_) "''"

#endif
