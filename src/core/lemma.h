/* lemma.h — the lemmas of words for the search index: the FTS5 tokenizer "empirie"
 * (each word as its folded form plus, at the same position, "=" and each folded
 * lemma), the word→lemmas cache (table `lemmas`, so the same word always gives the
 * same tokens, which a contentless index needs to delete a document), and the
 * expansion of query words. Lemmas come from Hunspell's Polish dictionary, loaded
 * only when a word is not in the cache, and from the town forms (townforms.h). */
#ifndef EMPIRIE_CORE_LEMMA_H
#define EMPIRIE_CORE_LEMMA_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "core/error.h"

typedef struct lemmatizer lemmatizer;

/* The dictionary used from now on (the path without .aff/.dic; NULL or "" for the
 * default, DEFAULT_DICTIONARY; "none" turns lemma search and spelling off). Set it
 * before opening a database. */
void lemma_set_dictionary(const char *base);
/* The dictionary's path, and whether its files are there. */
const char *lemma_dictionary(void);
bool lemma_dictionary_available(void);
/* What identifies the dictionary's contents ("path size mtime"), "" when it is
 * missing: the index records the one it was built with. */
void lemma_dictionary_stamp(char *buf, size_t size);

/* The dictionary itself (loaded at the first call; NULL when it is missing), shared
 * with the editor's spelling. */
struct speller;
struct speller *lemma_speller(void);

/* Load the dictionary now (once per process): before a transaction that indexes much
 * text (a new database's bundled directory, a rebuilt index), so that loading it does
 * not hold the write lock. */
void lemma_preload(void);

/* Register the tokenizer on a connection; the lemmatizer lives until the connection
 * is closed (call lemma_detach before closing). NULL when registration fails. */
lemmatizer *lemma_attach(sqlite3 *h, bool readonly);
void lemma_detach(lemmatizer *lz);
/* Forget the cache (in memory; the caller empties the table), e.g. before a reindex. */
void lemma_forget(lemmatizer *lz);

/* The folded lemmas of a word (as written), other than its own folded form, separated
 * by spaces ("" for none); owned by the cache. NULL when memory runs out. */
const char *lemma_of(lemmatizer *lz, const char *word, size_t len);
/* Load the dictionary now if the text holds a word the cache does not know, so that the
 * tokenizer does not load it (a second or two) inside a write transaction, holding the
 * database's write lock. Call before the transaction that indexes the text. */
void lemma_prepare(lemmatizer *lz, const char *text);
/* The same for a word of a text that is not indexed (a find in a card): nothing is
 * stored. Newly allocated. */
char *lemma_peek(lemmatizer *lz, const char *word, size_t len);
/* For a query word (folded or not): every folded lemma it may stand for, separated by
 * spaces, newly allocated: the lemmas of every indexed word that folds like it (so
 * "zywcu" typed without Polish letters finds what "Żywcu" gives), of the town forms,
 * and, for a word the index does not hold, Hunspell's. */
char *lemma_query(lemmatizer *lz, const char *word, size_t len);

#endif
