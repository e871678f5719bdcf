/* search.c — see search.h. The queries over the index (table `search`), which holds
 * text folded by pl_fold() and is written only by search_index.c; queries are folded
 * the same way. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/lemma.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/search.h"
#include "core/search_docs.h"
#include "i18n.h"
#include "text/plfold.h"
#include "text/suggest.h"


/* Word characters after folding: ASCII letters and digits, and any non-ASCII byte
 * (letters outside Latin stay as they are). */
static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

char *search_fts_query(const char *text)
{
	char *f = pl_fold(text, strlen(text));
	if (!f)
		return NULL;
	size_t n = strlen(f);
	/* Worst case every byte is a one-letter word: "x"* plus a space = 5 per byte. */
	char *q = malloc(n * 5 + 1), *o = q;
	if (!q) {
		free(f);
		return NULL;
	}
	for (size_t i = 0; i < n;) {
		if (!word_byte((unsigned char)f[i])) {
			i++;
			continue;
		}
		if (o != q)
			*o++ = ' ';
		*o++ = '"';
		while (i < n && word_byte((unsigned char)f[i]))
			*o++ = f[i++];
		*o++ = '"';
		*o++ = '*';
	}
	*o = '\0';
	free(f);
	if (o == q) {
		free(q);
		return NULL;
	}
	return q;
}

void hit_list_free(hit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].title);
		free(l->items[i].excerpt);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* The first line of body that holds one of the query's words, else the first line. */
static char *excerpt_of(const char *body, const char *fts)
{
	const char *best = NULL;
	size_t best_len = 0;
	for (const char *line = body; *line && !best;) {
		size_t len = strcspn(line, "\n");
		char *fl = pl_fold(line, len);
		if (fl) {
			for (const char *w = fts; *w && !best;) {
				const char *open = strchr(w, '"');
				if (!open)
					break;
				const char *close = strchr(open + 1, '"');
				if (!close)
					break;
				char word[128];
				size_t wl = (size_t)(close - open - 1);
				if (wl && wl < sizeof word) {
					memcpy(word, open + 1, wl);
					word[wl] = '\0';
					if (strstr(fl, word))
						best = line, best_len = len;
				}
				w = close + 1;
			}
			free(fl);
		}
		line += len;
		while (*line == '\n')
			line++;
	}
	if (!best) {
		best = body;
		best_len = strcspn(body, "\n");
	}
	while (best_len && (*best == ' ' || *best == '\t'))
		best++, best_len--;
	return strndup(best, best_len);
}

static status add_hit(hit_list *out, size_t *cap, hit_kind k, int64_t id, int64_t tid, int net,
                      char *title, char *excerpt, error *e)
{
	if (!title || !excerpt || db_grow((void **)&out->items, cap, out->n, sizeof *out->items)) {
		free(title);
		free(excerpt);
		return err_oom(e);
	}
	out->items[out->n++] = (search_hit){ k, id, tid, net, title, excerpt };
	return ST_OK;
}

/* The kind of row and its id an index entry's rowid stands for (search_docs.h): false
 * for a rowid of the spare negative range, which no kind uses yet. */
bool search_rowid_decode(int64_t rowid, hit_kind *kind, int64_t *id)
{
	if (rowid <= 0)
		return false;
	if (rowid % 4) {
		*kind = (hit_kind)(rowid % 4), *id = rowid / 4;
		return true;
	}
	*kind = rowid % 8 ? HIT_PRACTICE : HIT_MEETING, *id = rowid / 8;
	return true;
}

/* Look up the hit the index row `rowid` stands for with the account's rights. A
 * visible hit counts in *seen and, once `offset` visible hits were passed, is added to
 * out. Each lookup checks visibility: hits in networks the account may not see are
 * dropped, so they cannot be counted or guessed either. */
static status take(db *d, const account *a, int64_t rowid, const char *q, size_t offset,
                   size_t *seen, hit_list *out, size_t *cap, error *e)
{
	int64_t id;
	hit_kind kind;
	if (!search_rowid_decode(rowid, &kind, &id))
		return ST_OK;
	error ignore;
	status s = ST_OK;
	if (kind == HIT_CITY) {
		city c;
		if (directory_city_by_id(d, id, &c, &ignore) != ST_OK)
			return ST_OK;
		if ((*seen)++ >= offset)
			s = add_hit(out, cap, kind, id, 0, 0, strdup(c.name), strdup(c.voivodeship), e);
		city_clear(&c);
	} else if (kind == HIT_THREAD) {
		thread t;
		if (forum_thread(d, a, id, &t, &ignore) != ST_OK)
			return ST_OK;
		if ((*seen)++ >= offset)
			s = add_hit(out, cap, kind, id, id, t.network_number, strdup(t.title),
			            strdup(t.author), e);
		thread_clear(&t);
	} else if (kind == HIT_POST) {
		post p;
		thread t;
		if (forum_post(d, a, id, &p, &ignore) != ST_OK)
			return ST_OK;
		if (p.hidden && !p.body[0]) { /* hidden from this account: not even a hint */
			post_clear(&p);
			return ST_OK;
		}
		if (forum_thread(d, a, p.thread_id, &t, &ignore) == ST_OK) {
			if ((*seen)++ >= offset)
				s = add_hit(out, cap, kind, id, p.thread_id, t.network_number, strdup(t.title),
				            excerpt_of(p.body, q), e);
			thread_clear(&t);
		}
		post_clear(&p);
	} else if (kind == HIT_PRACTICE) {
		practice p;
		if (practice_get(d, a, id, NULL, &p, &ignore) != ST_OK)
			return ST_OK;
		int net = atoi(p.networks);
		if ((*seen)++ >= offset)
			s = add_hit(out, cap, kind, id, 0, net, strdup(p.title), strdup(p.city), e);
		practice_clear(&p);
	} else if (kind == HIT_MEETING) {
		meeting m;
		if (meeting_get(d, a, id, &m, &ignore) != ST_OK)
			return ST_OK;
		if ((*seen)++ >= offset)
			s = add_hit(out, cap, kind, id, m.thread_id, m.network_number, strdup(m.title),
			            meeting_when(&m), e);
		meeting_clear(&m);
	}
	return s;
}

static int cmp_rowid(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* Function words: dropped from a query that has other words, so "w Żywcu" asks for
 * Żywiec alone (they are in nearly every text and would add nothing but misses). */
static const char *const stopwords[] = {
	"a", "ale", "bez", "by", "czy", "dla", "do", "i", "jak", "jest", "ku", "lub", "miedzy", "na",
	"nad", "nie", "o", "obok", "od", "oraz", "po", "pod", "ponad", "przed", "przez", "przy",
	"sa", "sie", "ta", "te", "to", "u", "w", "we", "wsrod", "z", "za", "ze", "zo",
};

static bool is_stopword(const char *f)
{
	for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
		if (strcmp(f, stopwords[i]) == 0)
			return true;
	return false;
}

/* Bytes that end a word in the text as typed: ASCII other than letters and digits,
 * and the punctuation of UTF-8 text (U+0080–U+00BF: « » and the like; U+2000–U+206F:
 * „ ” – …). `*len` is the length of the character at s. */
static bool is_break(const unsigned char *s, size_t n, size_t *len)
{
	*len = 1;
	if (s[0] < 0x80)
		return !((s[0] >= '0' && s[0] <= '9') || (s[0] >= 'a' && s[0] <= 'z') ||
		         (s[0] >= 'A' && s[0] <= 'Z'));
	if (s[0] == 0xC2 && n >= 2) {
		*len = 2;
		return true;
	}
	if (s[0] == 0xE2 && n >= 3 && (s[1] == 0x80 || s[1] == 0x81)) {
		*len = 3;
		return true;
	}
	return false;
}

/* The three queries for what a person typed, each word by word ANDed:
 *   [0] the exact (folded) forms;
 *   [1] each word as itself, or any form of any of its lemmas;
 *   [2] the same, or the word as a prefix.
 * Every word is quoted, made of word bytes only (plus the "=" that marks a lemma
 * token, which the tokenizer reads): nothing typed reaches the query syntax.
 * Returns 1, 0 when the text has no word, -1 when memory runs out (a word or its
 * lemmas left out would pass for a query that finds less). */
static int plan_query(db *d, const char *text, char *tiers[3])
{
	bool failed = false;
	sqlite3_str *q[3];
	for (int t = 0; t < 3; t++)
		q[t] = sqlite3_str_new(NULL);
	size_t n = strlen(text), words = 0, content = 0;
	/* Two passes: count the words that are not function words, then write. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n;) {
			size_t cl;
			if (is_break((const unsigned char *)text + i, n - i, &cl)) {
				i += cl;
				continue;
			}
			size_t j = i;
			while (j < n && !is_break((const unsigned char *)text + j, n - j, &cl))
				j++;
			char *f = pl_fold(text + i, j - i);
			failed = failed || !f;
			if (f && *f) {
				bool stop = is_stopword(f);
				if (pass == 0) {
					words++;
					content += !stop;
				} else if (!stop || !content) {
					char *lem = lemma_query(db_lemmatizer(d), text + i, j - i);
					failed = failed || !lem;
					for (int t = 0; t < 3; t++) {
						if (sqlite3_str_length(q[t]))
							sqlite3_str_appendall(q[t], " AND ");
						if (t == 0) {
							sqlite3_str_appendf(q[t], "\"%s\"", f);
							continue;
						}
						sqlite3_str_appendf(q[t], "(\"%s\" OR \"=%s\"", f, f);
						for (const char *l = lem ? lem : ""; *l;) {
							size_t k = strcspn(l, " ");
							sqlite3_str_appendf(q[t], " OR \"%.*s\" OR \"=%.*s\"", (int)k, l,
							                    (int)k, l);
							l += k;
							while (*l == ' ')
								l++;
						}
						sqlite3_str_appendf(q[t], t == 2 ? " OR \"%s\"*)" : ")", f);
					}
					free(lem);
				}
			}
			free(f);
			i = j;
		}
	}
	for (int t = 0; t < 3; t++) {
		if (sqlite3_str_errcode(q[t]))
			failed = true;
		tiers[t] = sqlite3_str_finish(q[t]);
		failed = failed || (!tiers[t] && words > 0);
	}
	int r = failed ? -1 : words > 0;
	if (r <= 0)
		for (int t = 0; t < 3; t++) {
			sqlite3_free(tiers[t]);
			tiers[t] = NULL;
		}
	return r;
}

/* Characters in a search text, leading and trailing blanks not counted (the cap
 * SEARCH_TEXT_MAX is on what a person typed, not on its spacing). */
size_t search_text_chars(const char *text)
{
	size_t n = 0, trailing = 0;
	const unsigned char *p = (const unsigned char *)text;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	for (; *p; p++) {
		if ((*p & 0xc0) == 0x80)
			continue;
		n++;
		trailing = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ? trailing + 1 : 0;
	}
	return n - trailing;
}

/* Two phases, as mail readers search subjects before bodies, each in three tiers
 * (plan_query: the exact forms, then any form of the same lemmas, then prefixes).
 *
 * 1. Names and titles (towns, thread titles, practices, meetings): the documents with
 *    every word in the title, ranked by bm25, from the titles' own index
 *    (search_titles). Titles are few next to posts, so scoring all of them stays
 *    cheap; a column filter on `search` would read every body occurrence of each
 *    word to find them (issue 18: two common words took 0.2–0.5 s at L, now 1–3 ms).
 * 2. Every other document that matches (a word in a body, or the words split between
 *    title and body), newest first: ORDER BY rowid DESC is answered by FTS5 walking
 *    its lists backwards, a row at a time, so the first page costs no scoring of all
 *    the matches. Documents given before are skipped.
 *
 * The order is one fixed sequence (bm25 ties broken by rowid), so `offset` counts the
 * visible hits across all steps and pages join up at the boundaries. */
status search_run(db *d, const account *a, const char *text, size_t offset, size_t limit,
                  hit_list *out, error *e)
{
	/* The titles alone (search_titles): ranked among themselves, without reading the
	 * bodies' occurrences of the words. */
	static const char sql_titles[] =
		"SELECT rowid FROM search_titles WHERE search_titles MATCH ?1"
		" ORDER BY bm25(search_titles), rowid";
	static const char sql_rest[] =
		"SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC";
	memset(out, 0, sizeof *out);
	size_t chars = search_text_chars(text);
	if (chars > SEARCH_TEXT_MAX)
		return err_set(e, ST_INVALID, ngettext("The search text is too long (%zu character, at most %d); use fewer words",
		                                         "The search text is too long (%zu characters, at most %d); use fewer words",
		                                         (unsigned long)chars), chars, SEARCH_TEXT_MAX);
	if (!limit)
		return ST_OK;
	char *tiers[3];
	int planned = plan_query(d, text, tiers);
	if (planned < 0)
		return err_oom(e);
	if (!planned)
		return ST_OK;
	char *q = search_fts_query(text); /* for the excerpts: the words as typed */
	int64_t *given = NULL; /* the rows of the steps before, sorted */
	size_t n_given = 0, cap_given = 0, cap = 0, seen = 0, sorted = 0;
	status s = q ? ST_OK : err_oom(e);
	for (int step = 0; step < 6 && s == ST_OK && out->n < limit; step++) {
		sqlite3_stmt *st = db_stmt(d, step < 3 ? sql_titles : sql_rest, e);
		if (!st) {
			s = err_code(e);
			break;
		}
		sqlite3_bind_text(st, 1, tiers[step % 3], -1, SQLITE_STATIC);
		int rc = SQLITE_DONE;
		while (s == ST_OK && out->n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t rowid = sqlite3_column_int64(st, 0);
			if (sorted && bsearch(&rowid, given, sorted, sizeof *given, cmp_rowid))
				continue; /* already given (or dropped) in a step before */
			if (db_grow((void **)&given, &cap_given, n_given, sizeof *given)) {
				s = err_oom(e);
				break;
			}
			given[n_given++] = rowid;
			s = take(d, a, rowid, q, offset, &seen, out, &cap, e);
		}
		if (s == ST_OK && out->n < limit && rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Searching"));
		sqlite3_reset(st);
		if (n_given > sorted) {
			qsort(given, n_given, sizeof *given, cmp_rowid);
			sorted = n_given;
		}
	}
	free(given);
	free(q);
	for (int t = 0; t < 3; t++)
		sqlite3_free(tiers[t]);
	if (s != ST_OK)
		hit_list_free(out);
	return s;
}

/* The next word of text from *i: [*start, *end), folded into a new string (NULL at the
 * end of the text). */
static char *next_word(const char *text, size_t n, size_t *i, size_t *start, size_t *end)
{
	size_t cl;
	while (*i < n) {
		if (is_break((const unsigned char *)text + *i, n - *i, &cl)) {
			*i += cl;
			continue;
		}
		size_t j = *i;
		while (j < n && !is_break((const unsigned char *)text + j, n - j, &cl))
			j++;
		*start = *i, *end = j;
		*i = j;
		char *f = pl_fold(text + *start, j - *start);
		if (f && *f)
			return f;
		free(f);
	}
	return NULL;
}

/* The town name, or else the indexed word, nearest to the folded word f; NULL if none
 * is near. */
static char *nearest_word(db *d, const char *f, error *e)
{
	static const char sql_towns[] = "SELECT name FROM cities";
	static const char sql_words[] = "SELECT word FROM lemmas";
	static const char *const sqls[] = { sql_towns, sql_words };
	char *best = NULL;
	for (int k = 0; k < 2 && !best; k++) {
		sqlite3_stmt *st = db_stmt(d, sqls[k], e);
		if (!st)
			return NULL;
		char **cands = NULL;
		size_t n = 0, cap = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (db_grow((void **)&cands, &cap, n, sizeof *cands))
				break;
			if (!(cands[n] = db_col_dup(st, 0)))
				break;
			n++;
		}
		sqlite3_reset(st);
		const char *hit = suggest_nearest(f, (const char *const *)cands, n);
		if (hit)
			best = strdup(hit);
		for (size_t i = 0; i < n; i++)
			free(cands[i]);
		free(cands);
	}
	return best;
}

status search_way_on(db *d, const account *a, const char *text, char **shorter, char **nearest,
                     error *e)
{
	*shorter = *nearest = NULL;
	size_t n = strlen(text), i = 0, ws, we;
	sqlite3_str *cut = sqlite3_str_new(NULL), *near = sqlite3_str_new(NULL);
	bool cut_any = false, near_any = false;
	char *f;
	while ((f = next_word(text, n, &i, &ws, &we))) {
		size_t len = strlen(f);
		if (sqlite3_str_length(cut))
			sqlite3_str_appendchar(cut, 1, ' '), sqlite3_str_appendchar(near, 1, ' ');
		if (is_stopword(f)) {
			sqlite3_str_appendall(cut, f);
			sqlite3_str_append(near, text + ws, (int)(we - ws));
			free(f);
			continue;
		}
		/* Polish endings are up to 3–4 letters: keep 70 % of a long word, at least 4. */
		size_t keep = len > 5 ? len * 7 / 10 : len;
		if (keep < 4)
			keep = len < 4 ? len : 4;
		while (keep < len && ((unsigned char)f[keep] & 0xC0) == 0x80)
			keep++; /* not inside a character */
		cut_any |= keep < len;
		sqlite3_str_append(cut, f, (int)keep);
		char *w = nearest_word(d, f, e);
		if (w) {
			near_any = true;
			sqlite3_str_appendall(near, w);
			free(w);
		} else {
			sqlite3_str_append(near, text + ws, (int)(we - ws));
		}
		free(f);
	}
	char *c = sqlite3_str_finish(cut), *m = sqlite3_str_finish(near);
	status s = ST_OK;
	if (cut_any && c) {
		hit_list l;
		s = search_run(d, a, c, 0, 1, &l, e);
		if (s == ST_OK && l.n)
			*shorter = strdup(c);
		if (s == ST_OK)
			hit_list_free(&l);
	}
	if (s == ST_OK && near_any && m)
		*nearest = strdup(m);
	sqlite3_free(c);
	sqlite3_free(m);
	return s;
}

char *search_find_terms(db *d, const char *query)
{
	sqlite3_str *out = sqlite3_str_new(NULL);
	size_t n = strlen(query), i = 0, ws, we;
	char *f;
	while ((f = next_word(query, n, &i, &ws, &we))) {
		if (!is_stopword(f)) {
			/* The word itself as a lemma too: "żłobek" typed finds "Żłobki" (the
			 * lemmas lemma_query gives leave out the word's own form). */
			sqlite3_str_appendf(out, "%s%s =%s", sqlite3_str_length(out) ? " " : "", f, f);
			char *lem = lemma_query(db_lemmatizer(d), query + ws, we - ws);
			for (const char *l = lem ? lem : ""; *l;) {
				size_t k = strcspn(l, " ");
				sqlite3_str_appendf(out, " =%.*s", (int)k, l);
				l += k;
				while (*l == ' ')
					l++;
			}
			free(lem);
		}
		free(f);
	}
	char *r = sqlite3_str_finish(out), *copy = r && *r ? strdup(r) : NULL;
	sqlite3_free(r);
	return copy;
}

/* Whether the word w (folded; `word` as written) is one that a term asks for. */
static bool word_matches(db *d, const char *word, size_t len, const char *w, const char *terms)
{
	char *lemmas = NULL;
	bool hit = false;
	for (const char *t = terms; *t && !hit;) {
		size_t k = strcspn(t, " ");
		if (*t == '=') {
			if (!lemmas)
				lemmas = lemma_peek(db_lemmatizer(d), word, len);
			hit = strlen(w) == k - 1 && memcmp(w, t + 1, k - 1) == 0;
			for (const char *l = lemmas ? lemmas : ""; *l && !hit;) {
				size_t m = strcspn(l, " ");
				hit = m == k - 1 && memcmp(l, t + 1, m) == 0;
				l += m;
				while (*l == ' ')
					l++;
			}
		} else {
			hit = strlen(w) >= k && memcmp(w, t, k) == 0; /* the word or its beginning */
		}
		t += k;
		while (*t == ' ')
			t++;
	}
	free(lemmas);
	return hit;
}

bool search_text_matches(db *d, const char *text, size_t len, const char *terms,
                         size_t *at, size_t *at_len)
{
	size_t i = 0, ws, we;
	char *f;
	while ((f = next_word(text, len, &i, &ws, &we))) {
		bool hit = word_matches(d, text + ws, we - ws, f, terms);
		free(f);
		if (hit) {
			if (at)
				*at = ws, *at_len = we - ws;
			return true;
		}
	}
	return false;
}

search_lemmas search_lemma_state(db *d)
{
	if (!lemma_dictionary_available())
		return LEMMAS_OFF;
	char stamp[4200], *built = db_meta_get(d, "lemma_dictionary");
	lemma_dictionary_stamp(stamp, sizeof stamp);
	/* No record: the index was built by the upgrade to lemmas, with what was there then
	 * (the record is written when the database is next opened for writing). */
	search_lemmas r = built && strcmp(built, stamp) != 0 ? LEMMAS_STALE : LEMMAS_ON;
	free(built);
	return r;
}

status search_thread_titles(db *d, const char *text, int64_t **ids, size_t *n, error *e)
{
	/* The threads' among the titles, told by the one reader of the rowids. */
	static const char sql[] =
		"SELECT rowid FROM search_titles WHERE search_titles MATCH ?1 ORDER BY rowid";
	*ids = NULL, *n = 0;
	char *tiers[3];
	if (!plan_query(d, text, tiers)) {
		for (int t = 0; t < 3; t++)
			sqlite3_free(tiers[t]);
		return ST_OK;
	}
	sqlite3_stmt *st = db_stmt(d, sql, e);
	status s = st ? ST_OK : (err_code(e));
	size_t cap = 0;
	int rc = SQLITE_DONE;
	if (st) {
		sqlite3_bind_text(st, 1, tiers[2], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			hit_kind kind;
			int64_t id;
			if (!search_rowid_decode(sqlite3_column_int64(st, 0), &kind, &id) ||
			    kind != HIT_THREAD)
				continue;
			if (db_grow((void **)ids, &cap, *n, sizeof **ids)) {
				s = err_oom(e);
				break;
			}
			(*ids)[(*n)++] = id;
		}
		if (s == ST_OK && rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Searching"));
		sqlite3_reset(st);
	}
	for (int t = 0; t < 3; t++)
		sqlite3_free(tiers[t]);
	if (s != ST_OK) {
		free(*ids);
		*ids = NULL, *n = 0;
	}
	return s;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* Whether a pattern has a word at all (one of only spaces or signs limits nothing). */
static bool has_words(const char *pattern)
{
	char *q = search_fts_query(pattern);
	bool words = q != NULL;
	free(q);
	return words;
}

status search_keep_titled(db *d, const char *pattern, thread_list *l, error *e)
{
	if (!pattern || !*pattern)
		return ST_OK;
	int64_t *ids;
	size_t nids;
	status s = search_thread_titles(d, pattern, &ids, &nids, e);
	if (s != ST_OK) {
		thread_list_free(l);
		return s;
	}
	if (!nids && !has_words(pattern)) {
		free(ids);
		return ST_OK; /* no word in it: nothing to limit by */
	}
	size_t kept = 0;
	for (size_t i = 0; i < l->n; i++) {
		thread *t = &l->items[i];
		if (nids && bsearch(&t->id, ids, nids, sizeof *ids, cmp_id))
			l->items[kept++] = *t;
		else
			thread_clear(t);
	}
	l->n = kept;
	free(ids);
	return ST_OK;
}
