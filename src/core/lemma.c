/* lemma.c — see lemma.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/lemma.h"
#include "core/townforms.h"
#include "text/plfold.h"
#include "text/speller.h"

/* ---- the dictionary: one per process, loaded at the first word it is needed for ---- */

static char *dict_base;
static speller *dict;
static bool dict_tried;

void lemma_set_dictionary(const char *base)
{
	free(dict_base);
	dict_base = base && *base ? strdup(base) : NULL;
	speller_close(dict);
	dict = NULL;
	dict_tried = false;
}

const char *lemma_dictionary(void)
{
	return dict_base ? dict_base : DEFAULT_DICTIONARY;
}

bool lemma_dictionary_available(void)
{
	return strcmp(lemma_dictionary(), "none") != 0 && speller_available(lemma_dictionary());
}

void lemma_dictionary_stamp(char *buf, size_t size)
{
	const char *base = lemma_dictionary();
	char path[4096];
	struct stat st_dic, st_aff;
	buf[0] = '\0';
	if (!lemma_dictionary_available())
		return;
	/* A name longer than a path can be is no dictionary: no stamp. */
	if (snprintf(path, sizeof path, "%s.dic", base) >= (int)sizeof path || stat(path, &st_dic) != 0)
		return;
	if (snprintf(path, sizeof path, "%s.aff", base) >= (int)sizeof path || stat(path, &st_aff) != 0)
		return;
	snprintf(buf, size, "%s %lld %lld %lld %lld", base, (long long)st_dic.st_size,
	         (long long)st_dic.st_mtime, (long long)st_aff.st_size, (long long)st_aff.st_mtime);
}

/* The dictionary, loaded the first time it is asked for. NULL with *failed set when it
 * is there but could not be loaded (memory ran out): the caller fails rather than go on
 * without lemmas (an index entry written then would lack them for good), and the next
 * call tries again. */
static speller *load_dictionary(bool *failed)
{
	*failed = false;
	if (!dict_tried) {
		if (lemma_dictionary_available() && !(dict = speller_open(lemma_dictionary()))) {
			*failed = true;
			return NULL;
		}
		dict_tried = true;
	}
	return dict;
}

speller *lemma_speller(void)
{
	bool failed;
	return load_dictionary(&failed);
}

void lemma_preload(void)
{
	(void)lemma_speller();
}

/* ---- sets of folded lemmas, kept as "a b c" ---- */

static bool word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

/* Add the folded form of w to set (a space-separated list in buf of size cap) unless it
 * is `self`, holds a non-word byte, or is there already. */
static void set_add(char *buf, size_t cap, const char *w, const char *self, bool fold)
{
	char *f = fold ? pl_fold(w, strlen(w)) : strdup(w);
	if (!f)
		return;
	size_t n = strlen(f), have = strlen(buf);
	bool ok = n > 0 && strcmp(f, self) != 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = word_byte((unsigned char)f[i]);
	for (const char *p = buf; ok && *p;) {
		size_t k = strcspn(p, " ");
		if (k == n && memcmp(p, f, n) == 0)
			ok = false;
		p += k;
		while (*p == ' ')
			p++;
	}
	if (ok && have + n + 2 <= cap) {
		if (have)
			buf[have++] = ' ';
		memcpy(buf + have, f, n + 1);
	}
	free(f);
}

/* Add every word of a space-separated list. */
static void set_add_all(char *buf, size_t cap, const char *list, const char *self)
{
	char w[256];
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, " ");
		if (k && k < sizeof w) {
			memcpy(w, p, k);
			w[k] = '\0';
			set_add(buf, cap, w, self, false);
		}
		p += k;
		while (*p == ' ')
			p++;
	}
}

static bool has_letter(const char *w)
{
	for (const unsigned char *p = (const unsigned char *)w; *p; p++)
		if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			return true;
	return false;
}

/* false when the dictionary failed (memory ran out): the set is then not the word's. */
static bool add_stems(char *buf, size_t cap, const char *word, const char *self)
{
	/* A number has no lemmas: no reason to load the dictionary for "2024". */
	if (!has_letter(word))
		return true;
	bool failed;
	speller *sp = load_dictionary(&failed);
	if (!sp)
		return !failed;
	char **stems;
	int n = speller_stem(sp, word, &stems);
	for (int i = 0; i < n; i++)
		set_add(buf, cap, stems[i], self, true);
	speller_free_list(stems, n);
	return n >= 0;
}

/* A word typed without Polish letters ("zbiornikow"): the stems of the same word with
 * Polish letters put back where the dictionary knows such a word ("zbiorników"). No
 * Hunspell suggestions: they take a fraction of a second for a word like "qqqzzz". */
static bool add_accented_stems(char *buf, size_t cap, const char *word, const char *folded)
{
	bool failed;
	speller *sp = load_dictionary(&failed);
	if (!sp)
		return !failed;
	int right = speller_spell(sp, word);
	if (right)
		return right > 0;
	char **acc;
	int n = speller_accented(sp, word, &acc);
	bool ok = n >= 0;
	for (int i = 0; i < n; i++) {
		set_add(buf, cap, acc[i], folded, true);
		ok = add_stems(buf, cap, acc[i], folded) && ok;
	}
	speller_free_list(acc, n);
	return ok;
}

/* ---- the cache: word as written → its lemmas ---- */

typedef struct {
	char *key; /* NULL: empty slot */
	size_t klen;
	char *val;
} slot;

struct lemmatizer {
	sqlite3 *h;
	bool readonly;
	slot *slots;
	size_t cap, n;
	sqlite3_stmt *get, *put, *by_folded;
};

static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t x = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		x = (x ^ (unsigned char)s[i]) * 1099511628211ULL;
	return x;
}

static slot *find_slot(lemmatizer *lz, const char *w, size_t n)
{
	size_t i = (size_t)hash_of(w, n) & (lz->cap - 1);
	while (lz->slots[i].key && !(lz->slots[i].klen == n && memcmp(lz->slots[i].key, w, n) == 0))
		i = (i + 1) & (lz->cap - 1);
	return &lz->slots[i];
}

static bool grow(lemmatizer *lz)
{
	size_t cap = lz->cap ? lz->cap * 2 : 1024;
	slot *old = lz->slots;
	size_t old_cap = lz->cap;
	lz->slots = calloc(cap, sizeof *lz->slots);
	if (!lz->slots) {
		lz->slots = old;
		return false;
	}
	lz->cap = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].key)
			*find_slot(lz, old[i].key, old[i].klen) = old[i];
	free(old);
	return true;
}

void lemma_forget(lemmatizer *lz)
{
	for (size_t i = 0; i < lz->cap; i++) {
		free(lz->slots[i].key);
		free(lz->slots[i].val);
	}
	free(lz->slots);
	lz->slots = NULL;
	lz->cap = lz->n = 0;
}

static sqlite3_stmt *stmt(lemmatizer *lz, sqlite3_stmt **st, const char *sql)
{
	if (!*st && sqlite3_prepare_v3(lz->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		*st = NULL;
	return *st;
}

/* The lemmas of a word not yet in memory: from the table, else computed (the town
 * forms and the dictionary) and stored, so the word gives the same tokens from now
 * on whatever happens to the dictionary, until the index is rebuilt. */
static char *load_or_compute(lemmatizer *lz, const char *word, const char *folded)
{
	sqlite3_stmt *st = stmt(lz, &lz->get, "SELECT lemmas FROM lemmas WHERE word = ?1");
	if (st) {
		char *v = NULL;
		sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = strdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		if (v)
			return v;
	}
	char set[1024] = "";
	const char *town = townform_lemma(folded);
	if (town)
		set_add(set, sizeof set, town, folded, false);
	if (!add_stems(set, sizeof set, word, folded))
		return NULL; /* not stored: a lemma set cut short by a failure would stay */
	if (!lz->readonly && (st = stmt(lz, &lz->put, "INSERT OR IGNORE INTO lemmas(word, folded,"
	                                              " lemmas) VALUES (?1, ?2, ?3)"))) {
		sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, folded, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, set, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	return strdup(set);
}

/* Whether the word (as written) is known: in memory or in the table. */
static bool known(lemmatizer *lz, const char *w, size_t n)
{
	if (lz->cap && find_slot(lz, w, n)->key)
		return true;
	sqlite3_stmt *st = stmt(lz, &lz->get, "SELECT lemmas FROM lemmas WHERE word = ?1");
	if (!st)
		return true; /* nothing to gain: the tokenizer will meet the same error */
	sqlite3_bind_text(st, 1, w, (int)n, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

void lemma_prepare(lemmatizer *lz, const char *text)
{
	if (!lz || !text || dict_tried)
		return;
	const char *p = text;
	while (*p) {
		while (*p && !word_byte((unsigned char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p)))
			p++;
		const char *w = p;
		while (*p && word_byte((unsigned char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p)))
			p++;
		size_t n = (size_t)(p - w);
		if (!n)
			continue;
		char *word = strndup(w, n);
		bool need = word && has_letter(word) && !known(lz, word, n);
		free(word);
		if (need) {
			lemma_preload(); /* a failure here is met again, and reported, in the writer */
			return;
		}
	}
}

const char *lemma_of(lemmatizer *lz, const char *word, size_t len)
{
	if ((lz->n + 1) * 2 > lz->cap && !grow(lz))
		return NULL;
	slot *s = find_slot(lz, word, len);
	if (s->key)
		return s->val;
	char *key = strndup(word, len), *folded = pl_fold(word, len);
	char *val = key && folded ? load_or_compute(lz, key, folded) : NULL;
	free(folded);
	if (!val) {
		free(key);
		return NULL;
	}
	*s = (slot){ key, len, val };
	lz->n++;
	return val;
}

char *lemma_peek(lemmatizer *lz, const char *word, size_t len)
{
	if (lz->cap) {
		slot *s = find_slot(lz, word, len);
		if (s->key)
			return strdup(s->val);
	}
	char *w = strndup(word, len), *folded = pl_fold(word, len), set[1024] = "";
	bool ok = w && folded;
	if (ok) {
		const char *town = townform_lemma(folded);
		if (town)
			set_add(set, sizeof set, town, folded, false);
		ok = add_stems(set, sizeof set, w, folded);
	}
	free(w);
	free(folded);
	return ok ? strdup(set) : NULL;
}

char *lemma_query(lemmatizer *lz, const char *word, size_t len)
{
	char *w = strndup(word, len), *folded = pl_fold(word, len);
	char set[2048] = "";
	if (!w || !folded) {
		free(w);
		free(folded);
		return NULL;
	}
	bool indexed = false;
	sqlite3_stmt *st = stmt(lz, &lz->by_folded, "SELECT lemmas FROM lemmas WHERE folded = ?1");
	if (st) {
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			indexed = true;
			set_add_all(set, sizeof set, (const char *)sqlite3_column_text(st, 0), folded);
		}
		sqlite3_reset(st);
	}
	const char *town = townform_lemma(folded);
	if (town)
		set_add(set, sizeof set, town, folded, false);
	bool ok = true;
	if (!indexed) {
		ok = add_stems(set, sizeof set, w, folded);
		if (ok && w[0] >= 'a' && w[0] <= 'z') { /* a proper name typed in lower case */
			w[0] = (char)(w[0] - 'a' + 'A');
			ok = add_stems(set, sizeof set, w, folded);
			w[0] = (char)(w[0] - 'A' + 'a');
		}
		if (ok && !set[0])
			ok = add_accented_stems(set, sizeof set, w, folded);
	}
	free(w);
	free(folded);
	return ok ? strdup(set) : NULL;
}

/* ---- the FTS5 tokenizer ---- */

typedef struct {
	lemmatizer *lz;
	fts5_tokenizer inner_api;
	Fts5Tokenizer *inner;
} tok_instance;

typedef struct {
	tok_instance *ti;
	const char *text;
	int flags;
	void *ctx;
	int (*emit)(void *, int, const char *, int, int, int);
} tok_call;

/* One word found by unicode61 (which knows what a letter is): our tokens for it. */
static int on_word(void *p, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tflags, (void)tok, (void)ntok;
	tok_call *c = p;
	char *f = pl_fold(c->text + start, (size_t)(end - start));
	if (!f)
		return SQLITE_NOMEM;
	size_t n = strlen(f);
	int rc = SQLITE_OK;
	if (!n) {
		free(f);
		return SQLITE_OK;
	}
	if (c->flags & FTS5_TOKENIZE_QUERY) {
		/* "=word" in a query (search.c writes it; typed text never reaches the query
		 * syntax) asks for the lemma token. */
		if (start > 0 && c->text[start - 1] == '=') {
			char *m = malloc(n + 2);
			if (!m) {
				free(f);
				return SQLITE_NOMEM;
			}
			m[0] = '=';
			memcpy(m + 1, f, n + 1);
			rc = c->emit(c->ctx, 0, m, (int)n + 1, start, end);
			free(m);
		} else {
			rc = c->emit(c->ctx, 0, f, (int)n, start, end);
		}
		free(f);
		return rc;
	}
	rc = c->emit(c->ctx, 0, f, (int)n, start, end);
	free(f);
	if (rc != SQLITE_OK)
		return rc;
	const char *lemmas = lemma_of(c->ti->lz, c->text + start, (size_t)(end - start));
	if (!lemmas)
		return SQLITE_NOMEM;
	char buf[260];
	for (const char *q = lemmas; *q && rc == SQLITE_OK;) {
		size_t k = strcspn(q, " ");
		if (k && k < sizeof buf - 1) {
			buf[0] = '=';
			memcpy(buf + 1, q, k);
			rc = c->emit(c->ctx, FTS5_TOKEN_COLOCATED, buf, (int)k + 1, start, end);
		}
		q += k;
		while (*q == ' ')
			q++;
	}
	return rc;
}

static int tok_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
	(void)args, (void)nargs;
	lemmatizer *lz = ctx;
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(lz->h, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	tok_instance *ti = calloc(1, sizeof *ti);
	void *ud = NULL;
	if (!api || !ti || api->xFindTokenizer(api, "unicode61", &ud, &ti->inner_api) != SQLITE_OK ||
	    ti->inner_api.xCreate(ud, NULL, 0, &ti->inner) != SQLITE_OK) {
		free(ti);
		return SQLITE_ERROR;
	}
	ti->lz = lz;
	*out = (Fts5Tokenizer *)ti;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t)
{
	tok_instance *ti = (tok_instance *)t;
	ti->inner_api.xDelete(ti->inner);
	free(ti);
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
                        int (*emit)(void *, int, const char *, int, int, int))
{
	tok_instance *ti = (tok_instance *)t;
	tok_call c = { ti, text, flags, ctx, emit };
	return ti->inner_api.xTokenize(ti->inner, &c, flags, text, n, on_word);
}

static void lz_free(void *p)
{
	lemmatizer *lz = p;
	lemma_forget(lz);
	free(lz);
}

lemmatizer *lemma_attach(sqlite3 *h, bool readonly)
{
	lemmatizer *lz = calloc(1, sizeof *lz);
	if (!lz)
		return NULL;
	lz->h = h;
	lz->readonly = readonly;
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	if (!api || api->xCreateTokenizer(api, "empirie", lz, &tok, lz_free) != SQLITE_OK) {
		free(lz);
		return NULL;
	}
	return lz;
}

void lemma_detach(lemmatizer *lz)
{
	if (!lz)
		return;
	sqlite3_finalize(lz->get);
	sqlite3_finalize(lz->put);
	sqlite3_finalize(lz->by_folded);
	lz->get = lz->put = lz->by_folded = NULL;
}
