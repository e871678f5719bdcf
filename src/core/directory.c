/* directory.c — networks, towns and memberships (read side), and the towns' writer. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/directory.h"
#include "core/search_index.h"
#include "core/townforms.h"
#include "i18n.h"
#include "text/plfold.h"
#include "text/strbuf.h"
#include "text/suggest.h"


/* ---- networks ---- */

static const char sql_networks[] =
	"SELECT n.id, n.number, n.theme, n.code, n.name_en, n.goals, n.coordinators, n.source,"
	"       n.leaders_only, n.thread_count, n.post_count,"
	"       (SELECT count(*) FROM memberships m WHERE m.network_id = n.id),"
	"       (SELECT count(*) FROM meetings g WHERE g.network_id = n.id),"
	"       n.post_count - COALESCE((SELECT sum(r.read_count) FROM read_state r"
	"                                 WHERE r.account_id = ?1 AND r.network_id = n.id), 0)"
	"  FROM networks n WHERE ?2 = 0 OR n.number = ?2 ORDER BY n.number";

static status network_from_row(sqlite3_stmt *st, network *n, error *e)
{
	memset(n, 0, sizeof *n);
	n->id = sqlite3_column_int64(st, 0);
	n->number = sqlite3_column_int(st, 1);
	n->theme = db_col_dup(st, 2);
	n->code = db_col_dup(st, 3);
	n->name_en = db_col_dup(st, 4);
	n->goals = db_col_dup(st, 5);
	n->coordinators = db_col_dup(st, 6);
	n->source = db_col_dup(st, 7);
	n->leaders_only = sqlite3_column_int(st, 8) != 0;
	n->thread_count = sqlite3_column_int(st, 9);
	n->post_count = sqlite3_column_int64(st, 10);
	n->city_count = sqlite3_column_int(st, 11);
	n->meeting_count = sqlite3_column_int(st, 12);
	n->unread = sqlite3_column_int64(st, 13);
	if (n->unread < 0)
		n->unread = 0;
	if (!n->theme || !n->code || !n->name_en || !n->goals || !n->coordinators || !n->source) {
		network_clear(n);
		return err_oom(e);
	}
	return ST_OK;
}

static status networks_query(db *d, const account *a, int number, network_list *out, error *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql_networks, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int(st, 2, number);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!perm_can_see_network(a, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 8)))
			continue;
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = network_from_row(st, &out->items[out->n], e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the networks"));
	sqlite3_reset(st);
	if (s != ST_OK)
		network_list_free(out);
	return s;
}

status directory_networks(db *d, const account *a, network_list *out, error *e)
{
	return networks_query(d, a, 0, out, e);
}

status directory_network(db *d, const account *a, int number, network *out, error *e)
{
	network_list l;
	memset(out, 0, sizeof *out);
	if (number <= 0)
		return err_set(e, ST_NOTFOUND, _("No network number %d"), number);
	status s = networks_query(d, a, number, &l, e);
	if (s != ST_OK)
		return s;
	if (l.n == 0) {
		network_list_free(&l);
		return err_set(e, ST_NOTFOUND, _("No network number %d"), number);
	}
	*out = l.items[0];
	free(l.items);
	return ST_OK;
}

void network_clear(network *n)
{
	if (!n)
		return;
	free(n->theme), free(n->code), free(n->name_en), free(n->goals);
	free(n->coordinators), free(n->source);
	memset(n, 0, sizeof *n);
}

void network_list_free(network_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		network_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

int64_t directory_unread_total(db *d, const account *a, error *e)
{
	int64_t total = 0;
	if (directory_networks_unread(d, a, NULL, NULL, &total, e) != ST_OK)
		return 0;
	return total;
}

status directory_networks_unread(db *d, const account *a, network_unread_fn fn, void *arg,
                                 int64_t *total, error *e)
{
	/* The account's read marks in one pass, summed by network (a subquery for each
	 * network read all of them once per network: the planner has no statistics). */
	sqlite3_stmt *st = db_stmt(d,
	                           "SELECT n.id, n.leaders_only, n.post_count - COALESCE(r.n, 0)"
	                           " FROM networks n LEFT JOIN"
	                           "  (SELECT network_id, sum(read_count) AS n FROM read_state"
	                           "    WHERE account_id = ?1 GROUP BY network_id) r"
	                           "  ON r.network_id = n.id"
	                           " ORDER BY n.number",
	                           e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, a->id);
	int64_t sum = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), unread = sqlite3_column_int64(st, 2);
		if (!perm_can_see_network(a, id, sqlite3_column_int(st, 1)))
			continue;
		if (unread < 0)
			unread = 0;
		sum += unread;
		if (fn)
			fn(arg, id, unread);
	}
	status s = rc == SQLITE_DONE ? ST_OK : db_fail(d, rc, e, _("Reading the networks"));
	sqlite3_reset(st);
	if (total)
		*total = s == ST_OK ? sum : 0;
	return s;
}

/* ---- towns ---- */

/* The columns of a town as read: its id, then its fields as the list says; a
 * membership's basis after them (CITY_BASIS_COL) when listed for a network. */
#define CITY_COLUMNS "c.id" CITY_SELECT_C
#define CITY_BASIS_COL (1 + CITY_NFIELDS)

#define CITY_READ_TEXT_(n) whole = (c->n = db_col_dup(st, col++)) != NULL && whole;
#define CITY_READ_FLAG_(n) c->n = sqlite3_column_int(st, col++) != 0;
#define CITY_READ_(name, kind, ...) CITY_IF_FLAG(kind, CITY_READ_FLAG_, CITY_READ_TEXT_, name)
static status city_from_row(sqlite3_stmt *st, city *c, int basis_col, error *e)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	int col = 1;
	bool whole = true;
	CITY_FIELDS(CITY_READ_)
	c->basis = basis_col >= 0 ? db_col_dup(st, basis_col) : strdup("");
	if (!whole || !c->basis) {
		city_clear(c);
		return err_oom(e);
	}
	return ST_OK;
}

#define CITY_INFO_(name, kind, aliases, label, card, pub, search, words, refusal)   \
	{ #name, CK_##kind, aliases, label, card, pub, search, words, refusal,            \
	  offsetof(city, name), offsetof(city_fields, name) },
const city_field_info city_field_list[CITY_NFIELDS] = { CITY_FIELDS(CITY_INFO_) };

const char *city_value(const city *t, int i)
{
	const char *at = (const char *)t + city_field_list[i].at;
	if (city_field_list[i].kind == CK_FLAG)
		return *(const bool *)at ? "1" : "0";
	const char *v = *(char *const *)at;
	return v ? v : "";
}

void city_fields_set(city_fields *f, const char *const v[CITY_NFIELDS])
{
	for (int i = 0; i < CITY_NFIELDS; i++) {
		char *at = (char *)f + city_field_list[i].in_at;
		if (city_field_list[i].kind == CK_FLAG)
			*(bool *)at = strcmp(v[i], "1") == 0;
		else
			*(const char **)at = v[i];
	}
}

/* The word of words v is, in any case, with or without Polish letters; NULL when none. */
static const char *known_word(const char *v, const char *const *words)
{
	char *f = pl_fold(v, strlen(v));
	const char *hit = NULL;
	for (; f && words && *words && !hit; words++) {
		char *g = pl_fold(*words, strlen(*words));
		if (g && strcmp(f, g) == 0)
			hit = *words;
		free(g);
	}
	free(f);
	return hit;
}

const char *const *city_voivodeships(size_t *n)
{
	const char *const *w = city_field_list[CITY_F_voivodeship].words;
	if (*w && !**w)
		w++; /* the empty word: a town's may be unknown */
	if (n)
		for (*n = 0; w[*n]; ++*n)
			;
	return w;
}

const char *city_voivodeship_of(const char *v)
{
	return known_word(v, city_voivodeships(NULL));
}

const char *city_value_fault(const city_field_info *f, const char *v, const char **stored)
{
	static const char *const yes[] = { "1", "yes", "tak", "true", "y", "t", NULL };
	static const char *const no[] = { "0", "no", "nie", "false", "n", "", NULL };
	*stored = v;
	switch (f->kind) {
	case CK_KEY:
		return *v ? NULL : _("the town's name is empty");
	case CK_WORD:
		/* An empty cell says nothing, unless the empty word is one of the field's. */
		return (*stored = known_word(v, f->words)) || !*v ? NULL : _(f->refusal);
	case CK_FLAG:
		*stored = known_word(v, yes) ? "1" : known_word(v, no) ? "0" : NULL;
		return *stored ? NULL : _("\"%s\" should be yes or no");
	case CK_LINE:
		return NULL;
	}
	return NULL;
}

#define CITY_FREE_TEXT_(n) free(c->n);
#define CITY_FREE_FLAG_(n)
#define CITY_FREE_(name, kind, ...) CITY_IF_FLAG(kind, CITY_FREE_FLAG_, CITY_FREE_TEXT_, name)
void city_clear(city *c)
{
	if (!c)
		return;
	CITY_FIELDS(CITY_FREE_)
	free(c->basis);
	memset(c, 0, sizeof *c);
}

void city_list_free(city_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		city_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

status directory_cities(db *d, const account *a, int number, size_t offset, size_t limit,
                        city_list *out, size_t *total, error *e)
{
	static const char sql_all[] =
		"SELECT " CITY_COLUMNS ", '' FROM cities c ORDER BY c.name COLLATE PL LIMIT ?1 OFFSET ?2";
	static const char sql_net[] =
		"SELECT " CITY_COLUMNS ", m.basis FROM memberships m JOIN cities c ON c.id = m.city_id"
		" JOIN networks n ON n.id = m.network_id WHERE n.number = ?3"
		" ORDER BY c.name COLLATE PL LIMIT ?1 OFFSET ?2";
	static const char sql_count_all[] = "SELECT count(*) FROM cities";
	static const char sql_count_net[] =
		"SELECT count(*) FROM memberships m JOIN networks n ON n.id = m.network_id"
		" WHERE n.number = ?1";
	memset(out, 0, sizeof *out);
	if (number) {
		network n;
		status s = directory_network(d, a, number, &n, e);
		if (s != ST_OK)
			return s;
		network_clear(&n);
	}
	sqlite3_stmt *st = db_stmt(d, number ? sql_net : sql_all, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	sqlite3_bind_int64(st, 2, (int64_t)offset);
	if (number)
		sqlite3_bind_int(st, 3, number);
	size_t cap = 0;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			s = err_oom(e);
			break;
		}
		if ((s = city_from_row(st, &out->items[out->n], CITY_BASIS_COL, e)) != ST_OK)
			break;
		out->n++;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the towns"));
	sqlite3_reset(st);
	if (s == ST_OK && total) {
		st = db_stmt(d, number ? sql_count_net : sql_count_all, e);
		if (!st) {
			s = err_code(e);
		} else {
			if (number)
				sqlite3_bind_int(st, 1, number);
			rc = sqlite3_step(st);
			*total = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
			sqlite3_reset(st);
		}
	}
	if (s != ST_OK)
		city_list_free(out);
	return s;
}

static status city_lookup(db *d, const char *sql, const char *name, int64_t id, city *out, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	if (name)
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	status s = ST_NOTFOUND;
	if (rc == SQLITE_ROW)
		s = city_from_row(st, out, -1, e);
	else if (rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the town"));
	sqlite3_reset(st);
	return s;
}

status directory_city(db *d, const char *name, city *out, error *e)
{
	static const char sql_exact[] = "SELECT " CITY_COLUMNS " FROM cities c WHERE c.name = ?1";
	static const char sql_folded[] =
		"SELECT " CITY_COLUMNS " FROM cities c WHERE plfold(c.name) = plfold(?1)"
		" ORDER BY c.name COLLATE PL LIMIT 1";
	memset(out, 0, sizeof *out);
	status s = city_lookup(d, sql_exact, name, 0, out, e);
	if (s == ST_NOTFOUND)
		s = city_lookup(d, sql_folded, name, 0, out, e);
	if (s == ST_NOTFOUND)
		return err_set(e, ST_NOTFOUND, _("No town named \"%s\" in the directory"), name);
	return s;
}

/* Whether the typed words (folded) name the town whose folded name is `name`: the same
 * number of words, each equal to the town's word or one of its case forms. */
static bool words_name_town(const char *typed, const char *name)
{
	const char *t = typed, *n = name;
	for (;;) {
		t += strspn(t, " -");
		n += strspn(n, " -");
		if (!*t || !*n)
			return !*t && !*n;
		size_t tl = strcspn(t, " -"), nl = strcspn(n, " -");
		char w[128];
		if (tl >= sizeof w)
			return false;
		memcpy(w, t, tl);
		w[tl] = '\0';
		const char *lemma = townform_lemma(w);
		bool same = (tl == nl && memcmp(t, n, nl) == 0) ||
		            (lemma && strlen(lemma) == nl && memcmp(lemma, n, nl) == 0);
		if (!same)
			return false;
		t += tl;
		n += nl;
	}
}

status directory_city_find(db *d, const char *name, city *out, error *e)
{
	static const char sql_all[] = "SELECT id, name FROM cities ORDER BY name COLLATE PL";
	memset(out, 0, sizeof *out);
	error ignore;
	if (directory_city(d, name, out, &ignore) == ST_OK)
		return ST_OK;
	char *typed = pl_fold(name, strlen(name));
	/* "w Żywcu", "z Łomży": the preposition is not part of the name. */
	static const char *const preps[] = { "w ", "we ", "z ", "ze ", "do ", "na ", "o ", "od ",
		                                 "dla ", "przed ", "pod ", "nad ", "ku ", "po " };
	for (size_t i = 0; typed && i < sizeof preps / sizeof preps[0]; i++)
		if (strncmp(typed, preps[i], strlen(preps[i])) == 0 && typed[strlen(preps[i])]) {
			memmove(typed, typed + strlen(preps[i]), strlen(typed) - strlen(preps[i]) + 1);
			break;
		}
	sqlite3_stmt *st = db_stmt(d, sql_all, e);
	if (!typed || !st) {
		free(typed);
		return typed ? (err_code(e)) : err_oom(e);
	}
	/* First the case forms ("kedzierzynie-kozlu"), then the beginnings ("kedzierzyn"). */
	int64_t inflected = 0, prefix = 0;
	size_t n_prefix = 0, n_names = 0, cap = 0, tl = strlen(typed);
	char **names = NULL, prefixes[2][128] = { "", "" };
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *nm = (const char *)sqlite3_column_text(st, 1);
		char *f = pl_fold(nm, strlen(nm));
		if (!f)
			continue;
		if (!inflected && words_name_town(typed, f))
			inflected = sqlite3_column_int64(st, 0);
		if (tl && strncmp(f, typed, tl) == 0) {
			if (n_prefix < 2)
				str_fitf(prefixes[n_prefix], sizeof prefixes[0], "%s", nm);
			n_prefix++;
			prefix = sqlite3_column_int64(st, 0);
		}
		free(f);
		if (!db_grow((void **)&names, &cap, n_names, sizeof *names) && (names[n_names] = strdup(nm)))
			n_names++;
	}
	sqlite3_reset(st);
	status s;
	if (inflected || n_prefix == 1) {
		s = directory_city_by_id(d, inflected ? inflected : prefix, out, e);
	} else if (n_prefix > 1) {
		s = err_set(e, ST_NOTFOUND,
		            _("\"%s\" begins the names of several towns (%s, %s…): type more of it"), name,
		            prefixes[0], prefixes[1]);
	} else {
		const char *near = suggest_nearest(name, (const char *const *)names, n_names);
		if (near)
			s = err_set(e, ST_NOTFOUND,
			            _("No town named \"%s\" in the directory; did you mean \"%s\"?"), name, near);
		else
			s = err_set(e, ST_NOTFOUND, _("No town named \"%s\" in the directory"), name);
	}
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	free(names);
	free(typed);
	return s;
}

status directory_city_by_id(db *d, int64_t id, city *out, error *e)
{
	static const char sql[] = "SELECT " CITY_COLUMNS " FROM cities c WHERE c.id = ?1";
	memset(out, 0, sizeof *out);
	status s = city_lookup(d, sql, NULL, id, out, e);
	if (s == ST_NOTFOUND)
		return err_set(e, ST_NOTFOUND, _("No town with id %lld"), (long long)id);
	return s;
}

status directory_city_networks(db *d, const account *a, int64_t city_id, network_list *out,
                               error *e)
{
	static const char sql[] = "SELECT n.number FROM memberships m JOIN networks n"
	                          " ON n.id = m.network_id WHERE m.city_id = ?1 ORDER BY n.number";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, city_id);
	int numbers[64];
	size_t k = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < sizeof numbers / sizeof numbers[0])
		numbers[k++] = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	size_t cap = 0;
	for (size_t i = 0; i < k; i++) {
		network n;
		error e2;
		if (directory_network(d, a, numbers[i], &n, &e2) != ST_OK)
			continue; /* not visible to this account */
		if (db_grow((void **)&out->items, &cap, out->n, sizeof *out->items)) {
			network_clear(&n);
			network_list_free(out);
			return err_oom(e);
		}
		out->items[out->n++] = n;
	}
	return ST_OK;
}

const char *directory_basis_label(const char *basis)
{
	if (strcmp(basis, "final-list") == 0)
		return _("final member list");
	if (strcmp(basis, "meeting") == 0)
		return _("took part in a meeting");
	if (strcmp(basis, "inferred") == 0)
		return _("inferred");
	if (strcmp(basis, "added") == 0)
		return _("added by a coordinator");
	return basis;
}

const char *directory_status_label(const char *st)
{
	if (strcmp(st, "laureate") == 0)
		return _("laureate of \"Rozwój lokalny\"");
	if (strcmp(st, "participant") == 0)
		return _("reached stage II of \"Rozwój lokalny\"");
	if (strcmp(st, "network") == 0)
		return _("network member");
	return st;
}

/* The writer's binds, from the list: each field as the named parameter of its column
 * (CITY_INSERT_SQL, CITY_UPDATE_SQL). */
#define CITY_BIND_TEXT_(n) db_bind_named(st, ":" #n, c->n);
#define CITY_BIND_FLAG_(n) db_bind_named_int(st, ":" #n, c->n);
#define CITY_BIND_(name, kind, ...) CITY_IF_FLAG(kind, CITY_BIND_FLAG_, CITY_BIND_TEXT_, name)

/* The cities' one writer: imports (transfer.c), the bundled directory (seed.c) and the
 * generator (gen.c) check their own rules and store through it. A town already there
 * (by name) is replaced, its index entry with it (out before the row changes, in after). */
status directory_rows_city(db *d, const city_fields *c, int64_t *id, error *e)
{
	static const char sql_old[] = "SELECT id FROM cities WHERE name = ?1";
	static const char sql_ins[] = CITY_INSERT_SQL;
	static const char sql_upd[] = CITY_UPDATE_SQL;
	int64_t old_id = 0;
	status s = ST_OK;
	/* A new town never takes the place of one of its name: the INSERT's UNIQUE
	 * constraint refuses it. */
	sqlite3_stmt *st = c->create ? NULL : db_stmt(d, sql_old, e);
	if (!c->create && !st)
		return err_code(e);
	if (st) {
		sqlite3_bind_text(st, 1, c->name, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			old_id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			s = db_fail(d, rc, e, _("Saving the town"));
		sqlite3_reset(st);
	}
	if (s == ST_OK && !c->unindexed && old_id)
		s = search_unindex_city(d, old_id, e);
	if (s == ST_OK && !(st = db_stmt(d, old_id ? sql_upd : sql_ins, e)))
		s = err_code(e);
	if (s == ST_OK) {
		CITY_FIELDS(CITY_BIND_)
		s = db_step_done(d, st, _("Saving the town"), NULL, e);
	}
	int64_t cid = old_id ? old_id : sqlite3_last_insert_rowid(db_handle(d));
	if (s == ST_OK && !c->unindexed)
		s = search_index_city(d, cid, e);
	if (s == ST_OK && id)
		*id = cid;
	return s;
}
