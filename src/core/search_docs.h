/* search_docs.h — what the search index holds of each kind of row, as SQL, shared by
 * its writer (search_index.c) and the migrations that built the index (schema.c). The
 * text goes in as written: the tokenizer "empirie" (lemma.c) folds it and adds lemmas.
 * rowid (SEARCH_ROWID_* below) = id * 4 + kind (1 town, 2 thread title, 3 post);
 * practices id * 8 + 4, meetings id * 8. Every residue mod 8 of a positive rowid is
 * taken (1, 2, 3, 5, 6, 7 by the first three kinds), so further kinds use the negative
 * rowids, kept spare for them: -(id * 8 + k) for k = 0..7, eight more kinds without
 * encoding the rowids already stored again (no migration rebuilding the index).
 * search_rowid_decode() (search.c) is the one place that reads a rowid back; an entry
 * of a kind it does not know (a newer version's) is passed over. In the fallback tier
 * (newest first, ORDER BY rowid DESC) hits of the negative range come after the
 * others. */
#ifndef EMPIRIE_CORE_SEARCH_DOCS_H
#define EMPIRIE_CORE_SEARCH_DOCS_H

#include "core/city_fields.h"
#include "core/meeting_fields.h"
#include "core/practice_fields.h"

/* The encoding, written once: the rowid of each kind's entry as SQL, of its row's id
 * given as SQL (a column or a parameter). search_rowid_decode() reads it back. */
#define SEARCH_ROWID_CITY(id) id " * 4 + 1"
#define SEARCH_ROWID_THREAD(id) id " * 4 + 2"
#define SEARCH_ROWID_POST(id) id " * 4 + 3"
#define SEARCH_ROWID_PRACTICE(id) id " * 8 + 4"
#define SEARCH_ROWID_MEETING(id) id " * 8"

/* A practice's body: its fields marked searchable in practice_fields.h. */
#define PRACTICE_DOC SEARCH_ROWID_PRACTICE("id") ", title, " PRACTICE_SEARCH_SQL " FROM practices"
/* A meeting's body: its fields marked searchable in meeting_fields.h (the host's place
 * last, where it always was: an entry is taken out of the index with the words it
 * went in with). */
#define MEETING_DOC SEARCH_ROWID_MEETING("id") ", title, " MEETING_SEARCH_SQL " FROM meetings"
/* A town's: its name the title, its fields marked searchable in city_fields.h the body. */
#define CITY_DOC SEARCH_ROWID_CITY("id") ", name, " CITY_SEARCH_SQL " FROM cities"
#define THREAD_DOC SEARCH_ROWID_THREAD("id") ", title, '' FROM threads"
#define POST_DOC SEARCH_ROWID_POST("id") ", '', body FROM posts"

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
#define PRACTICE_TITLE SEARCH_ROWID_PRACTICE("id") ", title FROM practices"
#define MEETING_TITLE SEARCH_ROWID_MEETING("id") ", title FROM meetings"
#define CITY_TITLE SEARCH_ROWID_CITY("id") ", name FROM cities"
#define THREAD_TITLE SEARCH_ROWID_THREAD("id") ", title FROM threads"

#define TITLES_FILL_SQL \
	"INSERT INTO search_titles(rowid, title) SELECT " PRACTICE_TITLE ";" \
	"INSERT INTO search_titles(rowid, title) SELECT " MEETING_TITLE ";" \
	"INSERT INTO search_titles(rowid, title) SELECT " CITY_TITLE ";" \
	"INSERT INTO search_titles(rowid, title) SELECT " THREAD_TITLE ";" \
	"INSERT INTO search_titles(search_titles) VALUES ('optimize');"

#endif
