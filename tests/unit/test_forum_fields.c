/* test_forum_fields.c — the field lists of threads and posts (src/core/forum_fields.h)
 * are carried whole by every path made from them (issue 19). The lists name every
 * column of the schema's threads and posts, and only those; the public copy classifies
 * each column as its list says (and masks it with the list's SQL); the one writer
 * (forum_rows.c) stores every field given (SET) as given and makes the MADE ones; the
 * searchable fields are found by the search; a sync file from the home database has
 * each synced key on the thread's and the post's line, in the order every earlier
 * version wrote them (a file stays byte for byte what it was), and a copy that applies
 * it holds every synced column as the home does (so the appliers read each key back),
 * with the practice link, the feedback request and the text's versions. A field added
 * to a list that one of those paths does not carry makes this fail. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/account.h"
#include "core/db.h"
#include "core/db_priv.h"
#include "core/feedback.h"
#include "core/forum.h"
#include "core/forum_fields.h"
#include "core/forum_rows.h"
#include "core/publicity.h"
#include "core/search.h"
#include "core/snapshot.h"
#include "core/sync.h"
#include "tap.h"
#include "unitlib.h"

static char dir[] = "/tmp/empirie-forum-fields.XXXXXX";

/* A field of either list, as the tests read it. */
typedef struct {
	const char *name, *store, *type, *pub, *pub_sql, *key, *sync_sql;
	int sync, search;
} field;

#define FIELD_ROW_(name, store, type, pub, pub_sql, sync, key, sync_sql, search) \
	{ #name, #store, #type, #pub, pub_sql, key, sync_sql, sync, search },
static const field thread_rows[] = { THREAD_FIELDS(FIELD_ROW_) };
static const field post_rows[] = { POST_FIELDS(FIELD_ROW_) };

static bool is_column(const field *f)
{
	static const char *const stores[] = { "KEY", "SET", "MADE", "KEPT" };
	for (size_t i = 0; i < sizeof stores / sizeof stores[0]; i++)
		if (strcmp(f->store, stores[i]) == 0)
			return true;
	return false;
}

/* The first row's first column of sql (bound to id) as quote() gives it, into buf. */
static const char *quoted(db *d, const char *sql, int64_t id, char *buf, size_t size)
{
	sqlite3_stmt *st;
	snprintf(buf, size, "(none)");
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(buf, size, "(%s)", sqlite3_errmsg(db_handle(d)));
		return buf;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* The value of column col of table's row id, quoted. */
static const char *column_of(db *d, const char *table, const char *col, int64_t id, char *buf,
                             size_t size)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT quote(\"%s\") FROM \"%s\" WHERE id = ?1", col, table);
	return quoted(d, sql, id, buf, size);
}

/* Each list names every column of its table once, the columns in the schema's, and
 * only those; a synced field has a key and a value, and the KEY comes first. */
static void test_lists(db *d, const char *table, const field *list, int n)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')", table);
	sqlite3_stmt *st;
	int columns = 0;
	if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(st, 0);
			int listed = 0;
			for (int i = 0; i < n; i++)
				listed += is_column(&list[i]) && strcmp(list[i].name, col) == 0;
			is_int(listed, 1, "%s.%s: a field of the list, once", table, col);
			columns++;
		}
		sqlite3_finalize(st);
	}
	int listed = 0;
	for (int i = 0; i < n; i++) {
		listed += is_column(&list[i]);
		if (list[i].sync)
			ok(list[i].key && *list[i].key && list[i].sync_sql && *list[i].sync_sql,
			   "%s %s: a key and a value on the sync line", table, list[i].name);
		else
			ok(!list[i].key && !list[i].sync_sql, "%s %s: no key, not synced", table,
			   list[i].name);
	}
	is_int(listed, columns, "%s: the list's columns are the table's (%d)", table, columns);
	is_str(list[0].store, "KEY", "%s: the key is the list's first field", table);
}

/* The public copy classifies each column as the list says, with the list's SQL. */
static void test_public(const char *table, const field *list, int n)
{
	size_t nt;
	const pub_table *t = publicity_tables(&nt), *mine = NULL;
	for (size_t i = 0; i < nt; i++)
		if (strcmp(t[i].name, table) == 0)
			mine = &t[i];
	if (!ok(mine != NULL, "%s is classified", table))
		return;
	for (int i = 0; i < n; i++) {
		const field *f = &list[i];
		if (!is_column(f))
			continue;
		const pub_column *c = mine->columns;
		while (c->name && strcmp(c->name, f->name) != 0)
			c++;
		pub_class want = strcmp(f->pub, "PUBLIC") == 0    ? PUB_PUBLIC
		                 : strcmp(f->pub, "PRIVATE") == 0 ? PUB_PRIVATE
		                 : strcmp(f->pub, "DERIVED") == 0 ? PUB_DERIVED
		                                                   : PUB_UNKNOWN;
		ok(want != PUB_UNKNOWN, "%s.%s: a column has a class", table, f->name);
		is_int(c->name ? c->cls : PUB_UNKNOWN, want, "%s.%s is %s", table, f->name, f->pub);
		is_str(c->name && c->value ? c->value : "", f->pub_sql ? f->pub_sql : "",
		       "%s.%s: the copy holds the list's value", table, f->name);
	}
}

/* Each field of the list the writer takes (SET) has a value in want (quoted, as the
 * store gives it back), and the row holds it; so do the MADE ones. */
static void check_row(db *d, const char *table, const field *list, int n, int64_t id,
                      char want[][200])
{
	for (int i = 0; i < n; i++) {
		const field *f = &list[i];
		if (strcmp(f->store, "SET") != 0 && strcmp(f->store, "MADE") != 0)
			continue;
		if (!ok(want[i][0] != '\0', "%s.%s: the test gives a value", table, f->name))
			continue;
		char got[300];
		is_str(column_of(d, table, f->name, id, got, sizeof got), want[i],
		       "%s.%s: stored by the writer", table, f->name);
	}
}

/* A thread and a hidden reply written by the writer with a value of its own for every
 * field; *tid, *root, *reply their ids. */
static void test_writer(db *d, const account *admin, int64_t *tid, int64_t *root,
                        int64_t *reply)
{
	error e;
	char meeting[40], buf[300];
	quoted(d, "SELECT id FROM meetings WHERE network_id = 1 ORDER BY id LIMIT ?1", 1, meeting,
	       sizeof meeting);
	ok(atoll(meeting) > 0, "a meeting of network 1 (%s)", meeting);
	thread_fields t = { .network_id = 1, .title = "Wątek zwierciadlany", .author_id = admin->id,
	                    .created_at = "2026-02-01T09:00:00Z", .meeting_id = atoll(meeting),
	                    .locked = true, .pinned = true };
	is_int(forum_rows_thread(d, &t, tid, &e), ST_OK, "the writer stores a thread");
	char want[THREAD_NFIELDS][200] = { { 0 } };
	snprintf(want[THREAD_F_network_id], 200, "1");
	snprintf(want[THREAD_F_title], 200, "'%s'", t.title);
	snprintf(want[THREAD_F_author_id], 200, "%lld", (long long)admin->id);
	snprintf(want[THREAD_F_created_at], 200, "'%s'", t.created_at);
	snprintf(want[THREAD_F_meeting_id], 200, "%s", meeting);
	snprintf(want[THREAD_F_last_post_at], 200, "'%s'", t.created_at);
	snprintf(want[THREAD_F_locked], 200, "1");
	snprintf(want[THREAD_F_pinned], 200, "1");
	check_row(d, "threads", thread_rows, THREAD_NFIELDS, *tid, want);

	post_fields p = { .thread_id = *tid, .author_id = admin->id, .body = "Pierwszy wpis kaszalotowy.",
	                  .created_at = "2026-02-01T09:00:00Z" };
	is_int(forum_rows_post(d, &p, root, &e), ST_OK, "the writer stores the first post");
	char path[64];
	quoted(d, "SELECT hex(path) FROM posts WHERE id = ?1", *root, path, sizeof path);
	post_fields r = { .thread_id = *tid, .parent_id = *root, .author_id = admin->id,
	                  .body = "Odpowiedź zwięzła.", .created_at = "2026-02-01T10:00:00Z",
	                  .edited_at = "2026-02-01T11:00:00Z", .hidden = true,
	                  .hidden_reason = "nie na temat", .parent_path = NULL, .parent_depth = 0 };
	unsigned char ppath[FORUM_PATH_MAX];
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_handle(d), "SELECT path FROM posts WHERE id = ?1", -1, &st,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, *root);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) <= FORUM_PATH_MAX) {
			r.parent_len = (size_t)sqlite3_column_bytes(st, 0);
			memcpy(ppath, sqlite3_column_blob(st, 0), r.parent_len);
			r.parent_path = ppath;
		}
		sqlite3_finalize(st);
	}
	is_int(forum_rows_post(d, &r, reply, &e), ST_OK, "the writer stores a hidden reply");
	char wp[POST_NFIELDS][200] = { { 0 } };
	snprintf(wp[POST_F_thread_id], 200, "%lld", (long long)*tid);
	snprintf(wp[POST_F_parent_id], 200, "%lld", (long long)*root);
	snprintf(wp[POST_F_author_id], 200, "%lld", (long long)admin->id);
	snprintf(wp[POST_F_body], 200, "'%s'", r.body);
	snprintf(wp[POST_F_created_at], 200, "'%s'", r.created_at);
	snprintf(wp[POST_F_edited_at], 200, "'%s'", r.edited_at);
	snprintf(wp[POST_F_path], 200, "X'%s%016llX'", path, (unsigned long long)*reply);
	snprintf(wp[POST_F_hidden], 200, "1");
	snprintf(wp[POST_F_hidden_reason], 200, "'%s'", r.hidden_reason);
	snprintf(wp[POST_F_depth], 200, "1");
	check_row(d, "posts", post_rows, POST_NFIELDS, *reply, wp);
	is_str(column_of(d, "posts", "depth", *root, buf, sizeof buf), "0", "the first post's depth");

	/* The searchable fields, and only they, are found by a word of theirs. */
	for (int i = 0; i < THREAD_NFIELDS; i++)
		if (thread_rows[i].search)
			ok(i == THREAD_F_title && unit_found_by(d, admin, "zwierciadlany", HIT_THREAD, *tid),
			   "threads.%s: found by the search", thread_rows[i].name);
	for (int i = 0; i < POST_NFIELDS; i++)
		if (post_rows[i].search)
			ok(i == POST_F_body && unit_found_by(d, admin, "kaszalotowy", HIT_POST, *root),
			   "posts.%s: found by the search", post_rows[i].name);
	ok(!unit_found_by(d, admin, "temat", HIT_POST, *reply), "the hidden reason is not searchable");
}

/* The line of a sync file (text) with the op and id, cut at its end; NULL if none. */
static char *line_of(char *text, const char *op, int64_t id)
{
	char start[80];
	snprintf(start, sizeof start, "{\"op\":\"%s\",\"id\":%lld,", op, (long long)id);
	char *line = text ? strstr(text, start) : NULL;
	char *end = line ? strchr(line, '\n') : NULL;
	if (end)
		*end = '\0';
	return line;
}

/* Each synced key is on the line, and those not synced are not. */
static void keys_on(const char *line, const char *what, const field *list, int n)
{
	for (int i = 0; line && i < n; i++) {
		char key[80];
		snprintf(key, sizeof key, ",\"%s\":", list[i].key ? list[i].key : list[i].name);
		ok((strstr(line, key) != NULL) == (list[i].sync != 0), "%s %s: %s the sync line (%s)",
		   what, list[i].name, list[i].sync ? "on" : "not on", key);
	}
}

/* The copy holds each synced column of row id as the home does. */
static void same_in_copy(db *d, db *c, const char *table, const field *list, int n, int64_t id)
{
	for (int i = 0; i < n; i++) {
		if (!list[i].sync || !is_column(&list[i]))
			continue;
		char here[300], there[300];
		column_of(d, table, list[i].name, id, here, sizeof here);
		is_str(column_of(c, table, list[i].name, id, there, sizeof there), here,
		       "%s.%s of %lld: applied in the copy", table, list[i].name, (long long)id);
	}
}

/* The keys of a sync line (a JSON object), in the order it has them, comma-separated. */
static const char *keys_of(db *d, const char *line, char *buf, size_t size)
{
	sqlite3_stmt *st;
	snprintf(buf, size, "(none)");
	if (!line || sqlite3_prepare_v2(db_handle(d), "SELECT group_concat(key, ',') FROM"
	                                " (SELECT key FROM json_each(?1) ORDER BY id)",
	                                -1, &st, NULL) != SQLITE_OK)
		return buf;
	sqlite3_bind_text(st, 1, line, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static void no_conflict(void *ctx, const char *file, int64_t line, const char *what,
                        const char *outcome)
{
	(void)ctx, (void)file, (void)outcome;
	diag("conflict at line %lld: %s", (long long)line, what);
}

/* From the home database to a copy: the writer's thread (with a practice), its posts
 * (one edited afterwards, so it has versions) and a feedback request. */
static void test_sync(db *d, db *c, const account *admin, const account *admin_c, int64_t tid,
                      int64_t root, int64_t reply)
{
	error e;
	char buf[80], path[320];
	quoted(d, "SELECT id FROM practices ORDER BY id LIMIT ?1", 1, buf, sizeof buf);
	is_int(forum_rows_link_practice(d, tid, atoll(buf), &e), ST_OK, "a practice linked");
	account anna = { 0 }, jan = { 0 };
	account_get(d, "anna", &anna, &e);
	account_get(d, "jan", &jan, &e);
	int64_t req = 0, answer = 0;
	is_int(feedback_ask(d, &anna, 1, "Prośba", "Opis.", "koszty", 0, &req, &e), ST_OK,
	       "a feedback request");
	is_int(forum_reply(d, &jan, req, 0, "Odpowiedź.", &answer, &e), ST_OK, "an answer");
	is_int(forum_edit_post(d, admin, root, "Pierwszy wpis, poprawiony.", &e), ST_OK,
	       "the first post edited");
	account_clear(&anna), account_clear(&jan);

	snprintf(path, sizeof path, "%s/home.sync", dir);
	int64_t ops = 0;
	is_int(sync_export(d, admin, path, false, &ops, &e), ST_OK, "the home exports");
	char *text = unit_slurp(path);
	keys_on(line_of(text, "thread", tid), "thread", thread_rows, THREAD_NFIELDS);
	free(text);
	text = unit_slurp(path);
	keys_on(line_of(text, "post", reply), "post", post_rows, POST_NFIELDS);
	free(text);
	/* The lines as every earlier version wrote them, key for key and in that order: a
	 * list reordered or a key renamed changes what is written (and signed). */
	char keys[400];
	text = unit_slurp(path);
	is_str(keys_of(d, line_of(text, "thread", tid), keys, sizeof keys),
	       "op,id,network,title,author,created_at,meeting,practices,locked,pinned,by,"
	       "locked_at,pinned_at,request", "a thread's line: its keys in their order");
	free(text);
	text = unit_slurp(path);
	is_str(keys_of(d, line_of(text, "post", reply), keys, sizeof keys),
	       "op,id,thread,parent,author,body,created_at,edited_at,hidden,hidden_reason,base,"
	       "by,hid_by,hidden_at,history", "a post's line: its keys in their order");
	free(text);
	text = unit_slurp(path);
	char *line = line_of(text, "post", root);
	ok(line && strstr(line, ",\"history\":[\"\"]"), "the edited post's line has its versions");
	free(text);

	sync_result r;
	is_int(sync_apply(c, admin_c, path, &r, no_conflict, NULL, &e), ST_OK, "the copy applies it");
	is_int(r.conflicts, 0, "without a conflict");
	same_in_copy(d, c, "threads", thread_rows, THREAD_NFIELDS, tid);
	same_in_copy(d, c, "threads", thread_rows, THREAD_NFIELDS, req);
	same_in_copy(d, c, "posts", post_rows, POST_NFIELDS, root);
	same_in_copy(d, c, "posts", post_rows, POST_NFIELDS, reply);
	is_str(quoted(c, "SELECT count(*) FROM practice_threads WHERE thread_id = ?1", tid, buf,
	              sizeof buf), "1", "practices: the link applied in the copy");
	is_str(quoted(c, "SELECT assess FROM feedback_requests WHERE thread_id = ?1", req, buf,
	              sizeof buf), "koszty", "request: applied in the copy");
	is_str(quoted(c, "SELECT count(*) FROM post_ancestry WHERE post_id = ?1", root, buf,
	              sizeof buf), "1", "history: applied in the copy");
}

int main(void)
{
	char path[300], copy_path[300];
	db *d = unit_store(dir, "home.db", "2026-03-01T08:00:00Z", path, sizeof path), *c;
	if (!d)
		return 1;
	snprintf(copy_path, sizeof copy_path, "%s/copy.db", dir);
	error e;
	db_set_post_limit(d, 0);
	test_lists(d, "threads", thread_rows, THREAD_NFIELDS);
	test_lists(d, "posts", post_rows, POST_NFIELDS);
	test_public("threads", thread_rows, THREAD_NFIELDS);
	test_public("posts", post_rows, POST_NFIELDS);

	account admin, admin_c = { 0 };
	unit_admin(d, &admin);
	/* Who asks and answers in test_sync: accounts the copy has too. */
	account_add(d, NULL, "anna", "Anna", ROLE_MEMBER, "Hrubieszów", 0, &e);
	account_add(d, NULL, "jan", "Jan", ROLE_MEMBER, "Piła", 0, &e);
	snapshot_info info;
	is_int(snapshot_write(d, &admin, copy_path, false, "root-test", &info, &e), ST_OK,
	       "a copy is issued");
	if (db_open(&c, copy_path, 0, NULL, &e) != ST_OK) {
		diag("%s", e.msg);
		return 1;
	}
	account_get(c, "root-test", &admin_c, &e);
	int64_t tid = 0, root = 0, reply = 0;
	test_writer(d, &admin, &tid, &root, &reply);
	test_sync(d, c, &admin, &admin_c, tid, root, reply);
	account_clear(&admin), account_clear(&admin_c);
	db_close(&c);
	db_close(&d);
	unit_remove(dir);
	return tap_done();
}
