/* publicity.c — see publicity.h. The table below is the only place that says what a
 * guest may see; tests/unit/test_publicity.c fails when the schema has a table or column
 * it does not list. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/account_fields.h"
#include "core/city_fields.h"
#include "core/meeting_fields.h"
#include "core/feedback_fields.h"
#include "core/forum_fields.h"
#include "core/practice_fields.h"
#include "core/publicity.h"
#include "core/search_index.h"
#include "core/uptake_fields.h"
#include "i18n.h"

#define PUB(n) { n, PUB_PUBLIC, NULL }
#define PUB_AS(n, v) { n, PUB_PUBLIC, v }
#define PRIV(n) { n, PUB_PRIVATE, NULL }
#define PRIV_AS(n, v) { n, PUB_PRIVATE, v }
#define DER(n) { n, PUB_DERIVED, NULL }
#define DER_AS(n, v) { n, PUB_DERIVED, v }
#define END { NULL, PUB_UNKNOWN, NULL }

/* Meta keys that describe the directory, not the installation or its sync. */
static const pub_column c_meta[] = { PUB("key"), PUB("value"), END };
static const pub_column c_networks[] = {
	PUB("id"), PUB("number"), PUB("theme"), PUB("code"), PUB("name_en"), PUB("goals"),
	PUB("coordinators"), PUB("leaders_only"), PUB("source"),
	DER("thread_count"), DER("post_count"), END };
static const pub_column c_contacts[] = {
	PUB("id"), PUB("city_id"), PUB("role"), PUB("name"), PUB("email"), PUB("phone"),
	PUB("public"), PUB("source"), END };
static const pub_column c_memberships[] = {
	PUB("network_id"), PUB("city_id"), PUB("basis"), PUB("source"), END };
/* A town's, a meeting's and a practice's fields are public or not as city_fields.h,
 * meeting_fields.h and practice_fields.h say. */
#define PUB_OR_PRIV_0(n) PRIV(#n),
#define PUB_OR_PRIV_1(n) PUB(#n),
#define MEETING_PUB_0(name, kind) MEETING_IF_COLUMN(kind, PUB_OR_PRIV_0, name)
#define MEETING_PUB_1(name, kind) MEETING_IF_COLUMN(kind, PUB_OR_PRIV_1, name)
#define MEETING_PUB_(name, kind, c, a, o, op, g, h, l, cd, f, m, pub, search) \
	MEETING_PUB_##pub(name, kind)
#define CITY_PUB_(name, kind, aliases, label, card, pub, ...) PUB_OR_PRIV_##pub(name)
static const pub_column c_cities[] = { PUB("id"), CITY_FIELDS(CITY_PUB_) END };
static const pub_column c_meetings[] = {
	PUB("id"), PUB("key"), MEETING_FIELDS(MEETING_PUB_) PUB("updated_at"), END };
static const pub_column c_meeting_cities[] = {
	PUB("meeting_id"), PUB("city_id"), PUB("basis"), END };
/* A thread's and a post's columns as forum_fields.h says: a thread's meeting only if the
 * copy holds it, its counters made again as the posts arrive; a hidden post keeps its
 * place in the reply tree, not its text or the reason. */
#define FORUM_PUB_COL_(name, pub, sql) { #name, PUB_##pub, sql },
#define FORUM_PUB_(name, store, type, pub, pub_sql, ...) \
	FORUM_IF_COLUMN_##store(FORUM_PUB_COL_(name, pub, pub_sql))
static const pub_column c_threads[] = { THREAD_FIELDS(FORUM_PUB_) END };
static const pub_column c_posts[] = { POST_FIELDS(FORUM_PUB_) END };
/* Authors stay as names only: no login (it may be an e-mail address) and no role that
 * someone opening the copy could match by their own login. */
/* Its fields as account_fields.h says. */
#define ACCOUNT_PUB_0(c, v) PRIV_AS(#c, v),
#define ACCOUNT_PUB_1(c, v) PUB(#c),
#define ACCOUNT_PUB_(name, kind, column, csv, al, sql, opt, o, val, arg, help, label, pub, priv) \
	ACCOUNT_PUB_##pub(column, priv)
static const pub_column c_accounts[] = { PUB("id"), ACCOUNT_FIELDS(ACCOUNT_PUB_) END };
#define PRACTICE_PUB_(name, kind, a, o, g, h, l, c, f, m, pub, search) \
	PRACTICE_IF_COLUMN(kind, PUB_OR_PRIV_##pub, name)
static const pub_column c_practices[] = {
	PUB("id"), PUB("key"), PUB("city_id"), PRACTICE_FIELDS(PRACTICE_PUB_) PUB("updated_at"), END };
static const pub_column c_practice_networks[] = { PUB("practice_id"), PUB("network_id"), END };
static const pub_column c_practice_meetings[] = { PUB("practice_id"), PUB("meeting_id"), END };
static const pub_column c_practice_threads[] = { PUB("practice_id"), PUB("thread_id"), END };
/* A request is as public as its thread; who marked the answer stays out (the helper is
 * the accepted post's author, public already): as feedback_fields.h says. */
#define FEEDBACK_PUB_0(c) PRIV_AS(#c, "NULL"),
#define FEEDBACK_PUB_1(c) PUB(#c),
#define FEEDBACK_PUB_(name, column, pub, ...) FEEDBACK_PUB_##pub(column)
static const pub_column c_feedback_requests[] = { FEEDBACK_FIELDS(FEEDBACK_PUB_) END };
/* A practice transfer is as public as the practice card that shows it; who recorded it
 * (a login) stays out: its fields as uptake_fields.h says. Its sync log is the
 * installation's own. */
#define UPTAKE_PUB_0(c) PRIV_AS(#c, "''"),
#define UPTAKE_PUB_1(c) PUB(#c),
#define UPTAKE_PUB_COL_(c, pub) UPTAKE_PUB_##pub(c)
#define UPTAKE_PUB_(name, kind, store, column, pub, ...) \
	UPTAKE_IF_COLUMN(store, UPTAKE_PUB_COL_, column, pub)
static const pub_column c_uptakes[] = { PUB("id"), UPTAKE_FIELDS(UPTAKE_PUB_) END };
static const pub_column c_uptake_threads[] = { PUB("uptake_id"), PUB("thread_id"), END };
static const pub_column c_uptake_log[] = {
	PRIV("seq"), PRIV("practice_id"), PRIV("city_id"), PRIV("deleted_at"), PRIV("actor"), END };
/* The search index holds no column of its own: it is made again from the copy. */
static const pub_column c_search[] = {
	DER("title"), DER("body"), DER("search"), DER("rank"), END }; /* the last two: FTS5 hidden */
/* The titles alone (issue 18), made again from the copy like `search`: a copy has no
 * title of a thread, practice or meeting it leaves out (the leaders' network's). */
static const pub_column c_search_titles[] = {
	DER("title"), DER("search_titles"), DER("rank"), END };
/* What each indexed word gave the index (lemma.c): made again from the copy's own text,
 * as the copy is indexed (words of posts the copy leaves out must not come along). */
static const pub_column c_lemmas[] = { DER("word"), DER("folded"), DER("lemmas"), END };
/* Change numbers for the open sessions (schema step 14): a copy's own triggers fill it
 * from what it holds; never copied (an account's row tells when it read). */
static const pub_column c_changes[] = { DER("scope"), DER("id"), DER("seq"), END };
static const pub_column c_read_state[] = {
	PRIV("account_id"), PRIV("thread_id"), PRIV("network_id"), PRIV("read_count"),
	PRIV("last_read_id"), END };
/* Personal settings of kiosk accounts (keys, colours). */
static const pub_column c_account_prefs[] = {
	PRIV("account_id"), PRIV("text"), PRIV("updated_at"), END };
static const pub_column c_drafts[] = {
	PRIV("id"), PRIV("account_id"), PRIV("kind"), PRIV("target_id"), PRIV("title"),
	PRIV("body"), PRIV("updated_at"), END };
static const pub_column c_audit[] = {
	PRIV("id"), PRIV("at"), PRIV("account_id"), PRIV("login"), PRIV("action"),
	PRIV("object"), PRIV("object_id"), PRIV("before"), PRIV("after"), PRIV("client"),
	PRIV("unix_login"), END };
static const pub_column c_sync_log[] = {
	PRIV("seq"), PRIV("kind"), PRIV("k1"), PRIV("k2"), PRIV("k3"), PRIV("base"),
	PRIV("actor"), PRIV("hid_by"), PRIV("hidden_at"), PRIV("locked_at"),
	PRIV("pinned_at"), END };
static const pub_column c_sync_conflicts[] = {
	PRIV("id"), PRIV("at"), PRIV("file_sum"), PRIV("line"), PRIV("what"), PRIV("outcome"),
	PRIV("op"), END };
static const pub_column c_sync_applied[] = {
	PRIV("file_sum"), PRIV("at"), PRIV("site"), PRIV("ops"), END };
static const pub_column c_post_versions[] = {
	PRIV("post_id"), PRIV("edited_at"), PRIV("body"), PRIV("kept_at"), END };
static const pub_column c_post_ancestry[] = { PRIV("post_id"), PRIV("vid"), END };
/* The copies' secrets (synckey.c): one would let its holder sign as that copy. */
static const pub_column c_sync_keys[] = {
	PRIV("site"), PRIV("secret"), PRIV("issued_at"), PRIV("revoked_at"), END };

#define IN_COPY_T(col, table) col " IN (SELECT id FROM main." table ")"
#define IN_COPY(col, table) IN_COPY_T("s." col, table)

/* In the order of filling: a row is public when everything it hangs on already is, and
 * parents come before their children. */
static const pub_table tables[] = {
	{ "meta", PUB_PUBLIC,
	  "s.key IN ('kind', 'created_at', 'practices', 'data_source', 'synthetic_params')",
	  c_meta },
	{ "networks", PUB_PUBLIC, "s.leaders_only = 0", c_networks },
	/* Accounts that wrote something the copy holds, as names. Before the threads and
	 * posts that name them: a parent row arriving after its children would make SQLite
	 * look for them in tables that have no index on the author. */
	{ "accounts", PUB_PUBLIC,
	  "s.id IN (SELECT t.author_id FROM src.threads t WHERE " IN_COPY_T("t.network_id", "networks")
	  "  UNION SELECT p.author_id FROM src.posts p JOIN src.threads t ON t.id = p.thread_id"
	  "  WHERE " IN_COPY_T("t.network_id", "networks") ")",
	  c_accounts },
	{ "cities", PUB_PUBLIC, NULL, c_cities },
	{ "contacts", PUB_PUBLIC, "s.public = 1", c_contacts },
	{ "memberships", PUB_PUBLIC, IN_COPY("network_id", "networks"), c_memberships },
	{ "meetings", PUB_PUBLIC, IN_COPY("network_id", "networks"), c_meetings },
	{ "meeting_cities", PUB_PUBLIC, IN_COPY("meeting_id", "meetings"), c_meeting_cities },
	{ "threads", PUB_PUBLIC, IN_COPY("network_id", "networks"), c_threads },
	{ "posts", PUB_PUBLIC, IN_COPY("thread_id", "threads"), c_posts },
	/* A practice shown only in the leaders' network stays out; one in no network is
	 * public like any town's. */
	{ "practices", PUB_PUBLIC,
	  "NOT EXISTS (SELECT 1 FROM src.practice_networks pn WHERE pn.practice_id = s.id)"
	  " OR EXISTS (SELECT 1 FROM src.practice_networks pn WHERE pn.practice_id = s.id"
	  "  AND pn.network_id IN (SELECT id FROM main.networks))",
	  c_practices },
	{ "practice_networks", PUB_PUBLIC,
	  IN_COPY("practice_id", "practices") " AND " IN_COPY("network_id", "networks"),
	  c_practice_networks },
	{ "practice_meetings", PUB_PUBLIC,
	  IN_COPY("practice_id", "practices") " AND " IN_COPY("meeting_id", "meetings"),
	  c_practice_meetings },
	{ "practice_threads", PUB_PUBLIC,
	  IN_COPY("practice_id", "practices") " AND " IN_COPY("thread_id", "threads"),
	  c_practice_threads },
	{ "feedback_requests", PUB_PUBLIC, IN_COPY("thread_id", "threads"), c_feedback_requests },
	{ "uptakes", PUB_PUBLIC,
	  IN_COPY("practice_id", "practices") " AND " IN_COPY("city_id", "cities"), c_uptakes },
	{ "uptake_threads", PUB_PUBLIC,
	  IN_COPY("uptake_id", "uptakes") " AND " IN_COPY("thread_id", "threads"),
	  c_uptake_threads },
	{ "search", PUB_DERIVED, NULL, c_search },
	{ "search_titles", PUB_DERIVED, NULL, c_search_titles },
	{ "lemmas", PUB_DERIVED, NULL, c_lemmas },
	{ "changes", PUB_DERIVED, NULL, c_changes },
	{ "read_state", PUB_PRIVATE, NULL, c_read_state },
	{ "drafts", PUB_PRIVATE, NULL, c_drafts },
	{ "audit", PUB_PRIVATE, NULL, c_audit },
	{ "sync_log", PUB_PRIVATE, NULL, c_sync_log },
	{ "sync_conflicts", PUB_PRIVATE, NULL, c_sync_conflicts },
	{ "sync_applied", PUB_PRIVATE, NULL, c_sync_applied },
	{ "post_versions", PUB_PRIVATE, NULL, c_post_versions },
	{ "post_ancestry", PUB_PRIVATE, NULL, c_post_ancestry },
	{ "sync_keys", PUB_PRIVATE, NULL, c_sync_keys },
	{ "account_prefs", PUB_PRIVATE, NULL, c_account_prefs },
	{ "uptake_log", PUB_PRIVATE, NULL, c_uptake_log },
};

const pub_table *publicity_tables(size_t *n)
{
	*n = sizeof tables / sizeof tables[0];
	return tables;
}

pub_class publicity_of(const char *table, const char *column)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		if (strcmp(tables[i].name, table) != 0)
			continue;
		if (!column)
			return tables[i].cls;
		for (const pub_column *c = tables[i].columns; c->name; c++)
			if (strcmp(c->name, column) == 0)
				return c->cls;
		return PUB_UNKNOWN;
	}
	return PUB_UNKNOWN;
}

/* INSERT INTO main.t (cols) SELECT values FROM src.t AS s WHERE rows. */
static status copy_table(db *copy, const pub_table *t, error *e)
{
	sqlite3_str *cols = sqlite3_str_new(NULL), *vals = sqlite3_str_new(NULL);
	for (const pub_column *c = t->columns; c->name; c++) {
		const char *v = c->value;
		if (!v && c->cls != PUB_PUBLIC)
			continue; /* its default */
		sqlite3_str_appendf(cols, "%s\"%w\"", sqlite3_str_length(cols) ? ", " : "", c->name);
		if (v)
			sqlite3_str_appendf(vals, "%s%s", sqlite3_str_length(vals) ? ", " : "", v);
		else
			sqlite3_str_appendf(vals, "%ss.\"%w\"", sqlite3_str_length(vals) ? ", " : "",
			                    c->name);
	}
	char *c = sqlite3_str_finish(cols), *v = sqlite3_str_finish(vals);
	char *sql = c && v ? sqlite3_mprintf("INSERT INTO main.\"%w\" (%s) SELECT %s FROM src.\"%w\""
	                                     " AS s WHERE %s", t->name, c, v, t->name,
	                                     t->rows ? t->rows : "1")
	                   : NULL;
	sqlite3_free(c);
	sqlite3_free(v);
	if (!sql)
		return err_oom(e);
	status s = db_exec(copy, sql, _("Writing the offline copy"), e);
	sqlite3_free(sql);
	return s;
}

status publicity_copy(db *copy, db *src, error *e)
{
	char *uri = db_reader_uri(src);
	if (!uri)
		return err_oom(e);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db_handle(copy), "ATTACH ?1 AS src", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_handle(copy));
	}
	sqlite3_finalize(st);
	free(uri);
	if (rc != SQLITE_OK)
		return db_fail(copy, rc, e, _("Reading the database for the offline copy"));
	/* One transaction: one consistent read of the source while others write. Rows come
	 * table by table, so the foreign keys are checked at the end. */
	status s = db_begin(copy, e);
	if (s == ST_OK) {
		s = db_exec(copy, "PRAGMA defer_foreign_keys = ON", _("Writing the offline copy"), e);
		for (size_t i = 0; s == ST_OK && i < sizeof tables / sizeof tables[0]; i++)
			if (tables[i].cls == PUB_PUBLIC)
				s = copy_table(copy, &tables[i], e);
		if (s == ST_OK)
			s = search_fill(copy, e);
		s = s == ST_OK ? db_commit(copy, e) : (db_rollback(copy), s);
	}
	if (s != ST_OK) {
		error ignore;
		db_exec(copy, "DETACH src", _("Writing the offline copy"), &ignore);
		return s;
	}
	return db_exec(copy, "DETACH src", _("Writing the offline copy"), e);
}
