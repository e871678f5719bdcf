/* search.c — see search.h. The index (table `search`) holds text folded by pl_fold()
 * and is kept in step by triggers (schema.c); queries are folded the same way. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/directory.h"
#include "core/forum.h"
#include "core/meeting.h"
#include "core/practice.h"
#include "core/search.h"
#include "i18n.h"
#include "text/plfold.h"

#define OOM(e) err_set((e), ST_INTERNAL, _("Out of memory"))

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
		return OOM(e);
	}
	out->items[out->n++] = (search_hit){ k, id, tid, net, title, excerpt };
	return ST_OK;
}

/* Look up the hit the index row `rowid` stands for (rowid = id * 4 + kind; rowid % 4 = 0:
 * id * 8 + 4 a practice, id * 8 a meeting) with the account's rights. A visible hit
 * counts in *seen and, once `offset` visible hits were passed, is added to out. Each
 * lookup checks visibility: hits in networks the account may not see are dropped, so
 * they cannot be counted or guessed either. */
static status take(db *d, const account *a, int64_t rowid, const char *q, size_t offset,
                   size_t *seen, hit_list *out, size_t *cap, error *e)
{
	int64_t id = rowid / 4;
	hit_kind kind = (hit_kind)(rowid % 4);
	if (rowid % 4 == 0) {
		id = rowid / 8;
		kind = rowid % 8 ? HIT_PRACTICE : HIT_MEETING;
	}
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
		if (directory_meeting_by_id(d, a, id, &m, &ignore) != ST_OK)
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

/* Two phases, as mail readers search subjects before bodies.
 *
 * 1. Names and titles (towns, thread titles, practices, meetings): the documents with
 *    every word in the `title` column, ranked by bm25. Titles are few next to posts, so
 *    scoring all of them stays cheap.
 * 2. Every other document that matches (a word in a body, or the words split between
 *    title and body), newest first: ORDER BY rowid DESC is answered by FTS5 walking
 *    its lists backwards, a row at a time, so the first page costs no scoring of all
 *    the matches. Documents of phase 1 are skipped.
 *
 * The order is one fixed sequence (bm25 ties broken by rowid), so `offset` counts the
 * visible hits across both phases and pages join up at the boundary. The column filter
 * is put around the query text from search_fts_query(), which holds nothing but quoted
 * words, each with a `*`: no text typed by a person reaches the query syntax. */
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

status search_run(db *d, const account *a, const char *text, size_t offset, size_t limit,
                  hit_list *out, error *e)
{
	/* bm25 weights: a word in a name or title counts ten times one in a body. */
	static const char sql_titles[] =
		"SELECT rowid FROM search WHERE search MATCH 'title : (' || ?1 || ')'"
		" ORDER BY bm25(search, 10.0, 1.0), rowid";
	static const char sql_rest[] =
		"SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC";
	static const char *const phases[] = { sql_titles, sql_rest };
	memset(out, 0, sizeof *out);
	size_t chars = search_text_chars(text);
	if (chars > SEARCH_TEXT_MAX)
		return err_set(e, ST_INVALID, _("The search text is too long (%zu characters, at most "
		                                "%d); use fewer words"), chars, SEARCH_TEXT_MAX);
	if (!limit)
		return ST_OK;
	char *q = search_fts_query(text);
	if (!q)
		return ST_OK;
	int64_t *titles = NULL; /* the rows of phase 1, sorted before phase 2 */
	size_t n_titles = 0, cap_titles = 0, cap = 0, seen = 0;
	status s = ST_OK;
	for (size_t ph = 0; ph < 2 && s == ST_OK && out->n < limit; ph++) {
		sqlite3_stmt *st = db_stmt(d, phases[ph], e);
		if (!st) {
			s = e ? e->code : ST_INTERNAL;
			break;
		}
		sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
		int rc = SQLITE_DONE;
		while (s == ST_OK && out->n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t rowid = sqlite3_column_int64(st, 0);
			if (ph == 0) {
				if (db_grow((void **)&titles, &cap_titles, n_titles, sizeof *titles)) {
					s = OOM(e);
					break;
				}
				titles[n_titles++] = rowid;
			} else if (n_titles && bsearch(&rowid, titles, n_titles, sizeof *titles, cmp_rowid)) {
				continue; /* already given (or dropped) in phase 1 */
			}
			s = take(d, a, rowid, q, offset, &seen, out, &cap, e);
		}
		if (s == ST_OK && out->n < limit && rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Searching"));
		sqlite3_reset(st);
		if (n_titles)
			qsort(titles, n_titles, sizeof *titles, cmp_rowid);
	}
	free(titles);
	free(q);
	if (s != ST_OK)
		hit_list_free(out);
	return s;
}

static status exec_bound(db *d, const char *sql, int64_t id, const char *text, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Updating the search index"));
}

status search_index_post(db *d, int64_t post_id, const char *body, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) VALUES (?1 * 4 + 3, '', plfold(?2))";
	return exec_bound(d, sql, post_id, body, e);
}

status search_unindex_post(db *d, int64_t post_id, const char *old_body, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " VALUES ('delete', ?1 * 4 + 3, '', plfold(?2))";
	return exec_bound(d, sql, post_id, old_body, e);
}

status search_index_thread(db *d, int64_t thread_id, const char *title, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) VALUES (?1 * 4 + 2, plfold(?2), '')";
	return exec_bound(d, sql, thread_id, title, e);
}

static status city_op(db *d, const char *sql, int64_t id, const char *name, const char *voiv,
                      const char *project, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return e ? e->code : ST_INTERNAL;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, voiv, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, project, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Updating the search index"));
}

status search_index_city(db *d, int64_t city_id, const char *name, const char *voivodeship,
                         const char *project, error *e)
{
	static const char sql[] = "INSERT INTO search(rowid, title, body)"
	                          " VALUES (?1 * 4 + 1, plfold(?2), plfold(?3 || ' ' || ?4))";
	return city_op(d, sql, city_id, name, voivodeship, project, e);
}

status search_unindex_city(db *d, int64_t city_id, const char *name, const char *voivodeship,
                           const char *project, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " VALUES ('delete', ?1 * 4 + 1, plfold(?2), plfold(?3 || ' ' || ?4))";
	return city_op(d, sql, city_id, name, voivodeship, project, e);
}

/* What the index holds of a practice and of a meeting. Migration 3 indexed the
 * meetings with the same expression: keep them equal. */
#define PRACTICE_DOC \
	"id * 8 + 4, plfold(title), plfold(theme || ' ' || problem || ' ' || actions || ' ' ||" \
	" results || ' ' || contact_role) FROM practices"
#define MEETING_DOC \
	"id * 8, plfold(title), plfold(topics || ' ' || study_visits || ' ' || summary || ' ' ||" \
	" host_place) FROM meetings"

status search_index_practice(db *d, int64_t id, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) SELECT " PRACTICE_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_unindex_practice(db *d, int64_t id, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " SELECT 'delete', " PRACTICE_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_index_meeting(db *d, int64_t id, error *e)
{
	static const char sql[] =
		"INSERT INTO search(rowid, title, body) SELECT " MEETING_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_unindex_meeting(db *d, int64_t id, error *e)
{
	static const char sql[] = "INSERT INTO search(search, rowid, title, body)"
	                          " SELECT 'delete', " MEETING_DOC " WHERE id = ?1";
	return exec_bound(d, sql, id, NULL, e);
}

status search_fill(db *d, error *e)
{
	static const char *const steps[] = {
		"INSERT INTO search(rowid, title, body) SELECT " PRACTICE_DOC,
		"INSERT INTO search(rowid, title, body) SELECT " MEETING_DOC,
		"INSERT INTO search(rowid, title, body) SELECT id * 4 + 1, plfold(name),"
		"  plfold(voivodeship || ' ' || project_title) FROM cities",
		"INSERT INTO search(rowid, title, body) SELECT id * 4 + 2, plfold(title), '' FROM threads",
		"INSERT INTO search(rowid, title, body) SELECT id * 4 + 3, '', plfold(body) FROM posts",
		"INSERT INTO search(search) VALUES ('optimize')",
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		status s = exec_bound(d, steps[i], 0, NULL, e);
		if (s != ST_OK)
			return s;
	}
	return ST_OK;
}

status search_reindex(db *d, error *e)
{
	static const char sql_clear[] = "INSERT INTO search(search) VALUES ('delete-all')";
	status s = db_begin(d, e);
	if (s != ST_OK)
		return s;
	if ((s = exec_bound(d, sql_clear, 0, NULL, e)) != ST_OK || (s = search_fill(d, e)) != ST_OK) {
		db_rollback(d);
		return s;
	}
	return db_commit(d, e);
}
