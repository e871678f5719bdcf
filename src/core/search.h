/* search.h — one search over towns, threads, posts, good practices and meetings, blind to case and to every
 * Polish diacritic (ł included), ranked with title/name hits first. */
#ifndef EMPIRIE_CORE_SEARCH_H
#define EMPIRIE_CORE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/account.h"
#include "core/db.h"
#include "core/forum.h"

typedef enum { HIT_CITY = 1, HIT_THREAD = 2, HIT_POST = 3, HIT_PRACTICE = 4, HIT_MEETING = 5 } hit_kind;

/* The kind and id of the row an index entry's rowid stands for (the encoding is in
 * search_docs.h); false for a rowid no kind uses (the spare negative range). */
bool search_rowid_decode(int64_t rowid, hit_kind *kind, int64_t *id);

typedef struct {
	hit_kind kind;
	int64_t id;        /* town, thread, post, practice or meeting id */
	int64_t thread_id; /* for threads and posts */
	int network_number;
	char *title;       /* town name, thread, practice or meeting title */
	char *excerpt;     /* a line of the post, the town's voivodeship, the practice's
	                    * town, the meeting's date */
} search_hit;

typedef struct {
	search_hit *items;
	size_t n;
} hit_list;

/* The FTS5 query for what a person typed: folded, every word quoted and used as a
 * prefix, so no character of the input acts as query syntax. NULL when the text has
 * no word at all (or memory runs out). */
char *search_fts_query(const char *text);

/* Hits visible to the account, `limit` from `offset`: first the names and titles that
 * hold every word (towns, threads, practices, meetings), best first; then the other
 * matches (posts and the rest), newest first, without repeating a hit. An empty query
 * or one without words gives an empty list. */
status search_run(db *d, const account *a, const char *text, size_t offset, size_t limit,
                  hit_list *out, error *e);
/* The longest text a search takes, in characters: more is refused (ST_INVALID) with a
 * message, by the store, so the CLI and the application obey the same rule. */
#define SEARCH_TEXT_MAX 200
/* The length of text in characters (UTF-8 sequences; a stray byte counts as one),
 * without the white space around it. */
size_t search_text_chars(const char *text);
void hit_list_free(hit_list *l);

/* A way on when a search found nothing (either may be NULL):
 *   *shorter: the query with its long words cut to their beginnings ("rewitaliz" for
 *             "rewitalizacjami"), when that finds something;
 *   *nearest: the query with each word replaced by the nearest town name or indexed
 *             word by edit distance over folded text ("Żywiec" for "zywec"). */
status search_way_on(db *d, const account *a, const char *text, char **shorter, char **nearest,
                     error *e);

/* Finding in a text being read (a card, help, a thread): the terms for what was typed
 * (each word, and "=lemma" for each of its lemmas; NULL when nothing to look for), and
 * whether text holds a word that begins with a word typed or has one of the lemmas
 * ("Żywca" for "w Żywcu"); *at and *at_len: the first such word's bytes. */
char *search_find_terms(db *d, const char *query);
bool search_text_matches(db *d, const char *text, size_t len, const char *terms,
                         size_t *at, size_t *at_len);

/* The ids of the threads whose title holds every word of text, each as typed, in any
 * form of its lemmas, or as a word's beginning (the search's widest tier), from the
 * index, in id order (newly allocated, *n of them; none when text has no word). */
status search_thread_titles(db *d, const char *text, int64_t **ids, size_t *n, error *e);
/* Only the threads of l whose title holds every word of pattern in any form or as a
 * word's beginning, as search matches titles ("Żywca" for "Żywiec"; NULL, "" or no word:
 * all), kept in their order: a lookup in the index, not a look at every title. On
 * failure l is emptied. */
status search_keep_titled(db *d, const char *pattern, thread_list *l, error *e);

/* Lemma search: on; off (the dictionary's files are missing: search matches the
 * forms as written and their beginnings); or on with a dictionary other than the one
 * the index was built with (empirie check --reindex brings the index up to date). */
typedef enum { LEMMAS_ON, LEMMAS_OFF, LEMMAS_STALE } search_lemmas;
search_lemmas search_lemma_state(db *d);

#endif
