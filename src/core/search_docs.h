/* search_docs.h — what the search index holds of each kind of row, as SQL, shared by
 * search.c and the migration that built the index with lemmas (schema.c). The text
 * goes in as written: the tokenizer "empirie" (lemma.c) folds it and adds lemmas.
 * rowid = id * 4 + kind (1 town, 2 thread title, 3 post); practices id * 8 + 4,
 * meetings id * 8. Every residue mod 8 of a positive rowid is taken (1, 2, 3, 5, 6, 7
 * by the first three kinds), so further kinds use the negative rowids, kept spare for
 * them: -(id * 8 + k) for k = 0..7, eight more kinds without encoding the rowids
 * already stored again (no migration rebuilding the index). search_rowid_decode()
 * (search.c) is the one place that reads a rowid back; an entry of a kind it does not
 * know (a newer version's) is passed over. In the fallback tier (newest first, ORDER BY
 * rowid DESC) hits of the negative range come after the others. */
#ifndef EMPIRIE_CORE_SEARCH_DOCS_H
#define EMPIRIE_CORE_SEARCH_DOCS_H

#include "core/meeting_fields.h"
#include "core/practice_fields.h"

/* A practice's body: its fields marked searchable in practice_fields.h. */
#define PRACTICE_DOC "id * 8 + 4, title, " PRACTICE_SEARCH_SQL " FROM practices"
/* A meeting's body: its fields marked searchable in meeting_fields.h (the host's place
 * last, where it always was: an entry is taken out of the index with the words it
 * went in with). */
#define MEETING_DOC "id * 8, title, " MEETING_SEARCH_SQL " FROM meetings"
#define CITY_DOC "id * 4 + 1, name, voivodeship || ' ' || project_title FROM cities"
#define THREAD_DOC "id * 4 + 2, title, '' FROM threads"
#define POST_DOC "id * 4 + 3, '', body FROM posts"

#define SEARCH_FILL_SQL \
	"INSERT INTO search(rowid, title, body) SELECT " PRACTICE_DOC ";" \
	"INSERT INTO search(rowid, title, body) SELECT " MEETING_DOC ";" \
	"INSERT INTO search(rowid, title, body) SELECT " CITY_DOC ";" \
	"INSERT INTO search(rowid, title, body) SELECT " THREAD_DOC ";" \
	"INSERT INTO search(rowid, title, body) SELECT " POST_DOC ";" \
	"INSERT INTO search(search) VALUES ('optimize');"

/* The titles alone (names of towns, titles of threads, practices and meetings), with
 * the same rowids, in a table of their own, `search_titles`: the title phase of a
 * search (search.c) reads only these. In `search` a column filter ("title : ...")
 * still reads every body occurrence of each word to find the few in titles. */
#define PRACTICE_TITLE "id * 8 + 4, title FROM practices"
#define MEETING_TITLE "id * 8, title FROM meetings"
#define CITY_TITLE "id * 4 + 1, name FROM cities"
#define THREAD_TITLE "id * 4 + 2, title FROM threads"

#define TITLES_FILL_SQL \
	"INSERT INTO search_titles(rowid, title) SELECT " PRACTICE_TITLE ";" \
	"INSERT INTO search_titles(rowid, title) SELECT " MEETING_TITLE ";" \
	"INSERT INTO search_titles(rowid, title) SELECT " CITY_TITLE ";" \
	"INSERT INTO search_titles(rowid, title) SELECT " THREAD_TITLE ";" \
	"INSERT INTO search_titles(search_titles) VALUES ('optimize');"

#endif
