/* schema.c — the store's schema as numbered migrations keyed on PRAGMA user_version.
 * Each migration runs in its own transaction; a failure leaves the file as it was. */
#include "config.h"

#include <stdio.h>

#include "core/db_priv.h"
#include "core/search_docs.h"
#include "i18n.h"

/* Never edit a released migration: append a new one. */
/* Step 11's triggers: bump one row of the change table to the next sequence number. */
#define CHANGE_BUMP(scope, id)                                                           \
	"INSERT INTO changes (scope, id, seq) SELECT " scope ", " id ","                     \
	" (SELECT coalesce(max(seq), 0) + 1 FROM changes) WHERE " id " IS NOT NULL"          \
	" ON CONFLICT (scope, id) DO UPDATE SET seq = excluded.seq;"
#define CHANGE_TRIGGER(name, event, body) \
	"CREATE TRIGGER changes_" name " AFTER " event " BEGIN " body " END;"
/* A post changes its thread and the thread's network (gone already when the thread is
 * being deleted: the thread's own trigger counts the network then). */
#define CHANGE_POST(row)                                                                 \
	CHANGE_BUMP("2", row ".thread_id")                                                   \
	CHANGE_BUMP("1", "(SELECT network_id FROM threads WHERE id = " row ".thread_id)")
#define CHANGE_THREAD(row) CHANGE_BUMP("2", row ".id") CHANGE_BUMP("1", row ".network_id")
#define CHANGE_SHARED(table)                                                             \
	CHANGE_TRIGGER(table "_ins", "INSERT ON " table, CHANGE_BUMP("0", "0"))              \
	CHANGE_TRIGGER(table "_upd", "UPDATE ON " table, CHANGE_BUMP("0", "0"))              \
	CHANGE_TRIGGER(table "_del", "DELETE ON " table, CHANGE_BUMP("0", "0"))

static const char *const migrations[] = {
	/* 1: the directory, the forum, accounts, read state, drafts, audit log, search. */
	"PRAGMA application_id = 0x454d5052;"
	"CREATE TABLE meta ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"

	"CREATE TABLE networks ("
	"  id           INTEGER PRIMARY KEY,"
	"  number       INTEGER NOT NULL UNIQUE CHECK (number > 0),"
	"  theme        TEXT NOT NULL,"
	"  code         TEXT NOT NULL,"
	"  name_en      TEXT NOT NULL DEFAULT '',"
	"  goals        TEXT NOT NULL DEFAULT '',"
	"  coordinators TEXT NOT NULL DEFAULT '',"
	"  leaders_only INTEGER NOT NULL DEFAULT 0 CHECK (leaders_only IN (0, 1)),"
	"  source       TEXT NOT NULL DEFAULT '',"
	"  thread_count INTEGER NOT NULL DEFAULT 0,"
	"  post_count   INTEGER NOT NULL DEFAULT 0"
	");"

	"CREATE TABLE cities ("
	"  id                INTEGER PRIMARY KEY,"
	"  name              TEXT NOT NULL UNIQUE,"
	"  voivodeship       TEXT NOT NULL DEFAULT '',"
	"  voivodeship_basis TEXT NOT NULL DEFAULT 'unknown'"
	"                    CHECK (voivodeship_basis IN ('source', 'general', 'unknown')),"
	"  laureate          INTEGER NOT NULL DEFAULT 0 CHECK (laureate IN (0, 1)),"
	"  programme_status  TEXT NOT NULL DEFAULT 'network'"
	"                    CHECK (programme_status IN ('laureate', 'participant', 'network', 'other')),"
	"  project_title     TEXT NOT NULL DEFAULT '',"
	"  project_source    TEXT NOT NULL DEFAULT '',"
	"  source            TEXT NOT NULL DEFAULT ''"
	");"

	"CREATE TABLE contacts ("
	"  id      INTEGER PRIMARY KEY,"
	"  city_id INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,"
	"  role    TEXT NOT NULL DEFAULT '',"
	"  name    TEXT NOT NULL DEFAULT '',"
	"  email   TEXT NOT NULL DEFAULT '',"
	"  phone   TEXT NOT NULL DEFAULT '',"
	"  public  INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),"
	"  source  TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX contacts_city ON contacts(city_id);"

	"CREATE TABLE accounts ("
	"  id           INTEGER PRIMARY KEY,"
	"  login        TEXT NOT NULL UNIQUE,"
	"  display_name TEXT NOT NULL,"
	"  role         TEXT NOT NULL"
	"               CHECK (role IN ('guest', 'member', 'leader', 'coordinator', 'admin')),"
	"  city_id      INTEGER REFERENCES cities(id) ON DELETE SET NULL,"
	"  network_id   INTEGER REFERENCES networks(id) ON DELETE SET NULL,"
	"  created_at   TEXT NOT NULL"
	");"

	"CREATE TABLE memberships ("
	"  network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	"  city_id    INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,"
	"  basis      TEXT NOT NULL CHECK (basis IN ('final-list', 'meeting', 'inferred', 'added')),"
	"  source     TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (network_id, city_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX memberships_city ON memberships(city_id, network_id);"

	"CREATE TABLE meetings ("
	"  id           INTEGER PRIMARY KEY,"
	"  key          TEXT NOT NULL UNIQUE,"
	"  network_id   INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	"  date_start   TEXT NOT NULL,"
	"  date_end     TEXT NOT NULL DEFAULT '',"
	"  date_basis   TEXT NOT NULL DEFAULT 'source',"
	"  date_text    TEXT NOT NULL DEFAULT '',"
	"  host_city_id INTEGER REFERENCES cities(id) ON DELETE SET NULL,"
	"  host_place   TEXT NOT NULL DEFAULT '',"
	"  format       TEXT NOT NULL DEFAULT '',"
	"  title        TEXT NOT NULL,"
	"  topics       TEXT NOT NULL DEFAULT '',"
	"  study_visits TEXT NOT NULL DEFAULT '',"
	"  summary      TEXT NOT NULL DEFAULT '',"
	"  note         TEXT NOT NULL DEFAULT '',"
	"  source       TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX meetings_network ON meetings(network_id, date_start);"
	"CREATE TABLE meeting_cities ("
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	"  city_id    INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (meeting_id, city_id)"
	") WITHOUT ROWID;"

	"CREATE TABLE threads ("
	"  id           INTEGER PRIMARY KEY,"
	"  network_id   INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	"  title        TEXT NOT NULL CHECK (length(title) > 0),"
	"  author_id    INTEGER NOT NULL REFERENCES accounts(id),"
	"  meeting_id   INTEGER REFERENCES meetings(id) ON DELETE SET NULL,"
	"  created_at   TEXT NOT NULL,"
	"  last_post_at TEXT NOT NULL,"
	"  last_post_id INTEGER,"
	"  post_count   INTEGER NOT NULL DEFAULT 0,"
	"  locked       INTEGER NOT NULL DEFAULT 0,"
	"  pinned       INTEGER NOT NULL DEFAULT 0"
	");"
	/* The thread list: newest activity first, keyset-paginated on (last_post_at, id). */
	"CREATE INDEX threads_activity ON threads(network_id, last_post_at, id);"

	/* path: the ids from the thread's first post down to this one, 8 bytes big-endian
	 * each, so ORDER BY path is the reply tree in reading order (since step 15 at most
	 * FORUM_PATH_LEVELS of them: deeper replies sit beside their parent). */
	"CREATE TABLE posts ("
	"  id         INTEGER PRIMARY KEY,"
	"  thread_id  INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,"
	"  parent_id  INTEGER REFERENCES posts(id) ON DELETE SET NULL,"
	"  author_id  INTEGER NOT NULL REFERENCES accounts(id),"
	"  body       TEXT NOT NULL CHECK (length(body) > 0),"
	"  created_at TEXT NOT NULL,"
	"  edited_at  TEXT,"
	"  path       BLOB NOT NULL DEFAULT x'',"
	"  hidden     INTEGER NOT NULL DEFAULT 0,"
	"  hidden_reason TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX posts_tree ON posts(thread_id, path);"
	"CREATE INDEX posts_parent ON posts(parent_id);"

	/* read_count: how many of the thread's posts the account has seen, so unread is
	 * post_count - read_count without counting posts. */
	"CREATE TABLE read_state ("
	"  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  thread_id    INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,"
	"  network_id   INTEGER NOT NULL,"
	"  read_count   INTEGER NOT NULL DEFAULT 0,"
	"  last_read_id INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (account_id, thread_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX read_state_network ON read_state(account_id, network_id);"

	"CREATE TABLE drafts ("
	"  id         INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind       TEXT NOT NULL CHECK (kind IN ('thread', 'reply', 'edit')),"
	"  target_id  INTEGER NOT NULL DEFAULT 0," /* network (thread), post (reply, edit) */
	"  title      TEXT NOT NULL DEFAULT '',"
	"  body       TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  UNIQUE (account_id, kind, target_id)"
	");"

	"CREATE TABLE audit ("
	"  id         INTEGER PRIMARY KEY,"
	"  at         TEXT NOT NULL,"
	"  account_id INTEGER,"
	"  login      TEXT NOT NULL,"
	"  action     TEXT NOT NULL,"
	"  object     TEXT NOT NULL,"
	"  object_id  INTEGER,"
	"  before     TEXT,"
	"  after      TEXT,"
	"  client     TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"

	/* Counters kept by triggers so lists never count rows. */
	"CREATE TRIGGER threads_ins AFTER INSERT ON threads BEGIN"
	"  UPDATE networks SET thread_count = thread_count + 1 WHERE id = new.network_id;"
	"END;"
	"CREATE TRIGGER threads_del AFTER DELETE ON threads BEGIN"
	"  UPDATE networks SET thread_count = thread_count - 1, post_count = post_count - old.post_count"
	"   WHERE id = old.network_id;"
	"END;"
	"CREATE TRIGGER posts_ins AFTER INSERT ON posts BEGIN"
	"  UPDATE threads SET post_count = post_count + 1, last_post_id = new.id,"
	"         last_post_at = max(last_post_at, new.created_at) WHERE id = new.thread_id;"
	"  UPDATE networks SET post_count = post_count + 1"
	"   WHERE id = (SELECT network_id FROM threads WHERE id = new.thread_id);"
	"END;"
	"CREATE TRIGGER posts_del AFTER DELETE ON posts BEGIN"
	"  UPDATE threads SET post_count = post_count - 1 WHERE id = old.thread_id;"
	"  UPDATE networks SET post_count = post_count - 1"
	"   WHERE id = (SELECT network_id FROM threads WHERE id = old.thread_id);"
	"END;"

	/* Full-text search over text folded by plfold() (case and every Polish diacritic,
	 * ł included). Contentless: the text lives once, in its own table. rowid = id * 4
	 * + kind, kind 1 city, 2 thread title, 3 post (step 3 adds practices and meetings as
	 * id * 8 + 4 and id * 8: search_docs.h). Kept in step by the store's own
	 * writes (search_index.c), not triggers: with trusted_schema off SQLite refuses triggers
	 * that write to a virtual table. */
	"CREATE VIRTUAL TABLE search USING fts5(title, body, content='',"
	"  tokenize = 'unicode61 remove_diacritics 2');",

	/* 2: pinned threads first in the thread list. */
	"DROP INDEX threads_activity;"
	"CREATE INDEX threads_activity ON threads(network_id, pinned, last_post_at, id);",

	/* 3: good practices; meetings written by coordinators and attendance declared by
	 * towns; drafts of practices and meetings; practices and meetings in the search. */
	"CREATE TABLE practices ("
	"  id           INTEGER PRIMARY KEY,"
	"  key          TEXT NOT NULL UNIQUE,"
	"  city_id      INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,"
	"  theme        TEXT NOT NULL DEFAULT '',"
	"  title        TEXT NOT NULL CHECK (length(title) > 0),"
	"  problem      TEXT NOT NULL DEFAULT '',"
	"  actions      TEXT NOT NULL DEFAULT '',"
	"  results      TEXT NOT NULL DEFAULT '',"
	"  funding      TEXT NOT NULL DEFAULT '',"
	"  cost         TEXT NOT NULL DEFAULT '',"
	"  contact_role TEXT NOT NULL DEFAULT '',"
	"  source       TEXT NOT NULL DEFAULT '',"
	"  note         TEXT NOT NULL DEFAULT '',"
	"  updated_at   TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX practices_city ON practices(city_id);"
	"CREATE TABLE practice_networks ("
	"  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,"
	"  network_id  INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (practice_id, network_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX practice_networks_network ON practice_networks(network_id, practice_id);"
	"CREATE TABLE practice_meetings ("
	"  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,"
	"  meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (practice_id, meeting_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX practice_meetings_meeting ON practice_meetings(meeting_id, practice_id);"
	"CREATE TABLE practice_threads ("
	"  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,"
	"  thread_id   INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (practice_id, thread_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX practice_threads_thread ON practice_threads(thread_id, practice_id);"
	/* basis: 'source' = a published report names the town; 'declared' = the town's own
	 * member said it will attend (planned meetings only). */
	"ALTER TABLE meeting_cities ADD COLUMN basis TEXT NOT NULL DEFAULT 'source'"
	"  CHECK (basis IN ('source', 'declared'));"
	"ALTER TABLE meetings ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';"
	/* drafts: new kinds. A practice draft's target is the practice (0: a new one), a
	 * meeting draft's the meeting (minus the network's number: a new one). */
	"CREATE TABLE drafts_v3 ("
	"  id         INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  kind       TEXT NOT NULL CHECK (kind IN ('thread', 'reply', 'edit', 'practice', 'meeting')),"
	"  target_id  INTEGER NOT NULL DEFAULT 0,"
	"  title      TEXT NOT NULL DEFAULT '',"
	"  body       TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL,"
	"  UNIQUE (account_id, kind, target_id)"
	");"
	"INSERT INTO drafts_v3 SELECT * FROM drafts;"
	"DROP TABLE drafts;"
	"ALTER TABLE drafts_v3 RENAME TO drafts;"
	/* Search rowids with rowid % 4 = 0 (unused so far): id * 8 + 4 a practice, id * 8
	 * a meeting. Existing meetings are indexed here; practices arrive later. */
	"INSERT INTO search(rowid, title, body) SELECT id * 8, plfold(title),"
	"  plfold(topics || ' ' || study_visits || ' ' || summary || ' ' || host_place) FROM meetings;",

	/* 4: offline copies that write, and sync (sync.c). Each copy has a site number (meta
	 * "site"; 0 the home database) and gives new threads and posts ids in its own range,
	 * site << 40, so two copies never hand out the same id. While meta "sync_log" is "1"
	 * triggers note which rows changed: one row per thread, post, read mark or draft,
	 * moved to the end (new seq) on every change; `base` keeps what the row was at the
	 * last export (a post's body, a thread's "locked,pinned"), which conflict detection
	 * needs; `actor` who changed it (from the audit entry of the same transaction). */
	"CREATE TABLE sync_log ("
	"  seq   INTEGER PRIMARY KEY,"
	"  kind  TEXT NOT NULL CHECK (kind IN ('thread', 'post', 'read', 'draft')),"
	"  k1    INTEGER NOT NULL,"          /* thread, post or account id */
	"  k2    INTEGER NOT NULL DEFAULT 0," /* read: thread id; draft: target */
	"  k3    TEXT NOT NULL DEFAULT '',"   /* draft: kind */
	"  base  TEXT,"
	"  base_at TEXT,"
	"  actor TEXT,"
	"  UNIQUE (kind, k1, k2, k3)"
	");"
	/* What sync could not apply as it came, and how it was settled. */
	"CREATE TABLE sync_conflicts ("
	"  id       INTEGER PRIMARY KEY,"
	"  at       TEXT NOT NULL,"
	"  file_sum TEXT NOT NULL,"
	"  line     INTEGER NOT NULL,"
	"  what     TEXT NOT NULL,"
	"  outcome  TEXT NOT NULL,"
	"  op       TEXT NOT NULL,"
	"  UNIQUE (file_sum, line)"
	");"
	/* Files applied (their checksum), so the same file twice is noticed. */
	"CREATE TABLE sync_applied ("
	"  file_sum TEXT PRIMARY KEY,"
	"  at       TEXT NOT NULL,"
	"  site     INTEGER NOT NULL,"
	"  ops      INTEGER NOT NULL"
	") WITHOUT ROWID;"
	/* A post edited in two copies: the version that lost (earlier edit) is kept here. */
	"CREATE TABLE post_versions ("
	"  post_id   INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
	"  edited_at TEXT NOT NULL,"
	"  body      TEXT NOT NULL,"
	"  kept_at   TEXT NOT NULL,"
	"  PRIMARY KEY (post_id, edited_at, body)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER sync_threads_ins AFTER INSERT ON threads"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1) VALUES ('thread', new.id)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log);"
	"END;"
	"CREATE TRIGGER sync_threads_upd AFTER UPDATE OF locked, pinned ON threads"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, base) VALUES ('thread', new.id, old.locked || ',' || old.pinned)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log),"
	"    base = CASE WHEN sync_log.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
	"                 WHERE key = 'sync_exported') THEN excluded.base ELSE sync_log.base END;"
	"END;"
	"CREATE TRIGGER sync_posts_ins AFTER INSERT ON posts"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1) VALUES ('post', new.id)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log);"
	"END;"
	"CREATE TRIGGER sync_posts_upd AFTER UPDATE OF body, hidden, hidden_reason ON posts"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, base, base_at) VALUES ('post', new.id, old.body, old.edited_at)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log),"
	"    base = CASE WHEN sync_log.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
	"                 WHERE key = 'sync_exported') THEN excluded.base ELSE sync_log.base END,"
	"    base_at = CASE WHEN sync_log.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
	"                 WHERE key = 'sync_exported') THEN excluded.base_at ELSE sync_log.base_at END;"
	"END;"
	"CREATE TRIGGER sync_read AFTER INSERT ON read_state"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, k2) VALUES ('read', new.account_id, new.thread_id)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log);"
	"END;"
	"CREATE TRIGGER sync_read_upd AFTER UPDATE ON read_state"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, k2) VALUES ('read', new.account_id, new.thread_id)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log);"
	"END;"
	"CREATE TRIGGER sync_drafts_ins AFTER INSERT ON drafts"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, k2, k3) VALUES ('draft', new.account_id, new.target_id, new.kind)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log),"
	"    base = NULL;"
	"END;"
	"CREATE TRIGGER sync_drafts_upd AFTER UPDATE ON drafts"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, k2, k3) VALUES ('draft', new.account_id, new.target_id, new.kind)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log),"
	"    base = NULL;"
	"END;"
	/* A deleted draft: base keeps the time of the version deleted, so a newer draft of
	 * the same thing in the other copy survives. */
	"CREATE TRIGGER sync_drafts_del AFTER DELETE ON drafts"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, k2, k3, base) VALUES ('draft', old.account_id, old.target_id,"
	"    old.kind, old.updated_at)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log),"
	"    base = excluded.base;"
	"END;"
	/* A thread's last post id is the largest, whatever order two copies' posts arrive in. */
	"DROP TRIGGER posts_ins;"
	"CREATE TRIGGER posts_ins AFTER INSERT ON posts BEGIN"
	"  UPDATE threads SET post_count = post_count + 1,"
	"         last_post_id = max(COALESCE(last_post_id, 0), new.id),"
	"         last_post_at = max(last_post_at, new.created_at) WHERE id = new.thread_id;"
	"  UPDATE networks SET post_count = post_count + 1"
	"   WHERE id = (SELECT network_id FROM threads WHERE id = new.thread_id);"
	"END;"
	/* Who locked, pinned, hid or edited: the audit entry written in the same transaction. */
	"CREATE TRIGGER sync_actor AFTER INSERT ON audit"
	"  WHEN new.action IN ('lock', 'unlock', 'pin', 'unpin', 'hide', 'unhide', 'edit')"
	"   AND new.object IN ('thread', 'post')"
	"   AND (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  UPDATE sync_log SET actor = new.login WHERE kind = new.object AND k1 = new.object_id"
	"    AND k2 = 0 AND k3 = '';"
	"END;",

	/* 5: a thread's posts in id order, so a read mark that moves counts only the posts it
	 * passes (forum_mark_read) instead of every post of the thread up to it. */
	"CREATE INDEX posts_thread_id ON posts(thread_id, id);",

	/* 6: sync that converges whatever the order of files and however many copies
	 * (doc/SYNC.md). A post's text versions: post_ancestry lists the versions (their
	 * edited_at, '' for the first text) each post has passed through here, so a side
	 * tells "made on top of mine" (take it) from "older than mine" (keep mine) from
	 * "made apart" (a conflict). Hidden, locked and pinned go to the latest change: the
	 * log keeps when each was last changed and by whom. */
	"ALTER TABLE sync_log ADD COLUMN hid_by TEXT;"
	"ALTER TABLE sync_log ADD COLUMN hidden_at TEXT;"
	"ALTER TABLE sync_log ADD COLUMN locked_at TEXT;"
	"ALTER TABLE sync_log ADD COLUMN pinned_at TEXT;"
	"CREATE TABLE post_ancestry ("
	"  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
	"  vid     TEXT NOT NULL,"
	"  PRIMARY KEY (post_id, vid)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER sync_post_ancestry AFTER UPDATE OF body ON posts"
	"  WHEN old.body IS NOT new.body AND (SELECT value FROM meta WHERE key = 'sync_log') = '1'"
	"  BEGIN"
	"  INSERT OR IGNORE INTO post_ancestry(post_id, vid) VALUES (old.id, COALESCE(old.edited_at, ''));"
	"END;"
	"DROP TRIGGER sync_actor;"
	"CREATE TRIGGER sync_actor AFTER INSERT ON audit"
	"  WHEN new.action = 'edit' AND new.object = 'post'"
	"   AND (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  UPDATE sync_log SET actor = new.login WHERE kind = 'post' AND k1 = new.object_id"
	"    AND k2 = 0 AND k3 = '';"
	"END;"
	"CREATE TRIGGER sync_hider AFTER INSERT ON audit"
	"  WHEN new.action IN ('hide', 'unhide') AND new.object = 'post'"
	"   AND (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  UPDATE sync_log SET hid_by = new.login, hidden_at = new.at WHERE kind = 'post'"
	"    AND k1 = new.object_id AND k2 = 0 AND k3 = '';"
	"END;"
	"CREATE TRIGGER sync_locker AFTER INSERT ON audit"
	"  WHEN new.action IN ('lock', 'unlock', 'pin', 'unpin') AND new.object = 'thread'"
	"   AND (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  UPDATE sync_log SET actor = new.login,"
	"    locked_at = CASE WHEN new.action IN ('lock', 'unlock') THEN new.at ELSE locked_at END,"
	"    pinned_at = CASE WHEN new.action IN ('pin', 'unpin') THEN new.at ELSE pinned_at END"
	"   WHERE kind = 'thread' AND k1 = new.object_id AND k2 = 0 AND k3 = '';"
	"END;",

	/* 7: the audit names the person behind the account (issue 15): the Unix login that
	 * ran the program, beside `login` (the account, chosen by --as). */
	"ALTER TABLE audit ADD COLUMN unix_login TEXT NOT NULL DEFAULT '';",

	/* 8: lemma search (issue 18). The index holds each word folded plus its folded
	 * lemmas ("=zywiec" beside "zywcu"), made by our tokenizer (lemma.c) from the text
	 * as written; `lemmas` keeps what each word gave, so that deleting a document
	 * gives the same tokens as adding it did. */
	"CREATE TABLE lemmas ("
	"  word   TEXT PRIMARY KEY,"
	"  folded TEXT NOT NULL,"
	"  lemmas TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX lemmas_folded ON lemmas(folded);"
	"DROP TABLE search;"
	"CREATE VIRTUAL TABLE search USING fts5(title, body, content='', tokenize = 'empirie');"
	SEARCH_FILL_SQL,
	/* 9: an account's audit entries by time, so the posting limit (forum.c) counts only
	 * the last minute's entries of that account. */
	"CREATE INDEX audit_account_at ON audit(account_id, at);",

	/* 10: sync files bound to the copy that wrote them (synckey.c): each full copy's
	 * secret, kept here for every copy and in a copy for itself only; a copy withdrawn
	 * (re-issued, lost) is marked so and its files are refused. Copies taken before
	 * this step have no secret and must be taken anew. */
	"CREATE TABLE sync_keys ("
	"  site       INTEGER PRIMARY KEY,"
	"  secret     BLOB NOT NULL,"
	"  issued_at  TEXT NOT NULL,"
	"  revoked_at TEXT"
	");",

	/* 11: feedback requests (issue 22). A request is a thread with a row here: the
	 * asking town, what it wants assessed, and the answer the town marked as the one
	 * that helped (NULL: still open). Experts are a flag on accounts, not a role: an
	 * expert keeps the role that says what else they may do (a town's member, ZMP
	 * staff), and the flag only adds that the requests of their networks are theirs
	 * to answer. An accepted answer travels in sync as an "accept" line, noted in
	 * sync_log as kind 'thread' with k3 'accept' (doc/SYNC.md). */
	"ALTER TABLE accounts ADD COLUMN expert INTEGER NOT NULL DEFAULT 0 CHECK (expert IN (0, 1));"
	"CREATE TABLE feedback_requests ("
	"  thread_id     INTEGER PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,"
	"  city_id       INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,"
	"  assess        TEXT NOT NULL DEFAULT '',"
	"  accepted_post INTEGER REFERENCES posts(id) ON DELETE SET NULL,"
	"  accepted_at   TEXT,"
	"  accepted_by   INTEGER REFERENCES accounts(id) ON DELETE SET NULL"
	");"
	"CREATE INDEX feedback_requests_open ON feedback_requests(accepted_post, thread_id);"
	"CREATE TRIGGER sync_feedback_accept AFTER UPDATE OF accepted_post ON feedback_requests"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, k3) VALUES ('thread', new.thread_id, 'accept')"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log);"
	"END;",

	/* 12: the personal settings of an account, for restricted (kiosk) sessions, where a
	 * settings file would be shared by everyone (issue 21). Private: never in a public
	 * copy, never synced (they belong to this server's sessions). */
	"CREATE TABLE account_prefs ("
	"  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,"
	"  text       TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");",

	/* 13: practice transfer (issue 22): a town takes up another town's practice. One
	 * row per practice and town; started_at is when it was first recorded. Synced
	 * through uptake_log (sync_log's kinds are fixed by a CHECK): the trigger notes the
	 * pair changed, in an order of its own; a removal keeps its time in deleted_at. */
	"CREATE TABLE uptakes ("
	"  id          INTEGER PRIMARY KEY,"
	"  practice_id INTEGER NOT NULL REFERENCES practices(id) ON DELETE CASCADE,"
	"  city_id     INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,"
	"  status      TEXT NOT NULL"
	"              CHECK (status IN ('interested', 'adapting', 'in-use', 'dropped')),"
	"  note        TEXT NOT NULL DEFAULT '',"
	"  started_at  TEXT NOT NULL,"
	"  updated_at  TEXT NOT NULL,"
	"  updated_by  TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (practice_id, city_id)"
	");"
	"CREATE INDEX uptakes_city ON uptakes(city_id);"
	"CREATE INDEX uptakes_started ON uptakes(started_at);"
	"CREATE TABLE uptake_threads ("
	"  uptake_id INTEGER NOT NULL REFERENCES uptakes(id) ON DELETE CASCADE,"
	"  thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (uptake_id, thread_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX uptake_threads_thread ON uptake_threads(thread_id);"
	"CREATE TABLE uptake_log ("
	"  seq         INTEGER PRIMARY KEY,"
	"  practice_id INTEGER NOT NULL,"
	"  city_id     INTEGER NOT NULL,"
	"  deleted_at  TEXT,"
	"  actor       TEXT,"  /* who removed it */
	"  UNIQUE (practice_id, city_id)"
	");"
	"CREATE TRIGGER sync_uptakes_ins AFTER INSERT ON uptakes"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO uptake_log(practice_id, city_id) VALUES (new.practice_id, new.city_id)"
	"    ON CONFLICT (practice_id, city_id) DO UPDATE"
	"    SET seq = (SELECT max(seq) + 1 FROM uptake_log), deleted_at = NULL;"
	"END;"
	"CREATE TRIGGER sync_uptakes_upd AFTER UPDATE ON uptakes"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO uptake_log(practice_id, city_id) VALUES (new.practice_id, new.city_id)"
	"    ON CONFLICT (practice_id, city_id) DO UPDATE"
	"    SET seq = (SELECT max(seq) + 1 FROM uptake_log), deleted_at = NULL;"
	"END;"
	"CREATE TRIGGER sync_uptakes_del AFTER DELETE ON uptakes"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO uptake_log(practice_id, city_id, deleted_at)"
	"    VALUES (old.practice_id, old.city_id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	"    ON CONFLICT (practice_id, city_id) DO UPDATE"
	"    SET seq = (SELECT max(seq) + 1 FROM uptake_log), deleted_at = excluded.deleted_at;"
	"END;",

	/* 14: what changed, for the open sessions (issue 20; changes.c). One row per network,
	 * thread, account or "shared" (0: the directory, meetings, practices, accounts) with
	 * the sequence number of its last change; a session reads the rows newer than the
	 * last it saw and loads again only what shows them. Kept by triggers, so every write
	 * path (the program, sync, imports) counts. Other accounts' read marks and drafts
	 * change nothing anyone else shows, and bump only that account's row. */
	"CREATE TABLE changes ("
	"  scope INTEGER NOT NULL," /* 0 shared, 1 network, 2 thread, 3 account */
	"  id    INTEGER NOT NULL,"
	"  seq   INTEGER NOT NULL,"
	"  PRIMARY KEY (scope, id)"
	") WITHOUT ROWID;"
	"CREATE INDEX changes_seq ON changes(seq);"
	CHANGE_TRIGGER("posts_ins", "INSERT ON posts", CHANGE_POST("new"))
	CHANGE_TRIGGER("posts_upd", "UPDATE ON posts", CHANGE_POST("new"))
	CHANGE_TRIGGER("posts_del", "DELETE ON posts", CHANGE_POST("old"))
	CHANGE_TRIGGER("threads_ins", "INSERT ON threads", CHANGE_THREAD("new"))
	CHANGE_TRIGGER("threads_upd",
	               "UPDATE OF network_id, title, meeting_id, locked, pinned ON threads",
	               CHANGE_THREAD("old") CHANGE_THREAD("new"))
	CHANGE_TRIGGER("threads_del", "DELETE ON threads", CHANGE_THREAD("old"))
	CHANGE_TRIGGER("read_ins", "INSERT ON read_state", CHANGE_BUMP("3", "new.account_id"))
	CHANGE_TRIGGER("read_upd", "UPDATE ON read_state", CHANGE_BUMP("3", "new.account_id"))
	/* The networks' counters move with every post: those updates are the posts'. */
	"CREATE TRIGGER changes_networks_upd AFTER UPDATE ON networks"
	"  WHEN new.thread_count IS old.thread_count AND new.post_count IS old.post_count"
	"  BEGIN " CHANGE_BUMP("0", "0") " END;"
	CHANGE_TRIGGER("networks_ins", "INSERT ON networks", CHANGE_BUMP("0", "0"))
	CHANGE_TRIGGER("networks_del", "DELETE ON networks", CHANGE_BUMP("0", "0"))
	CHANGE_SHARED("cities") CHANGE_SHARED("contacts") CHANGE_SHARED("accounts")
	CHANGE_SHARED("memberships") CHANGE_SHARED("meetings") CHANGE_SHARED("meeting_cities")
	CHANGE_SHARED("practices") CHANGE_SHARED("practice_networks")
	CHANGE_SHARED("practice_meetings") CHANGE_SHARED("practice_threads")
	/* Feedback requests (step 11) and practice transfers (step 13): shown on cards, the
	 * title line's waiting count and a request's line in the reader; rare changes. */
	CHANGE_SHARED("feedback_requests") CHANGE_SHARED("uptakes") CHANGE_SHARED("uptake_threads"),

	/* 15: a reply path holds at most FORUM_PATH_LEVELS ids (forum_rows.h), so a post's
	 * real depth is kept beside it (issue 23: a chain's paths grew with the square of
	 * its length). NULL on the posts stored before, whose paths are whole: their depth
	 * is the path's (FORUM_DEPTH_SQL). */
	"ALTER TABLE posts ADD COLUMN depth INTEGER;",

	/* 16: a practice's project page (issue 19; practice_fields.h): an http(s) address,
	 * empty when not known. Not searched, so the index stays as it is. */
	"ALTER TABLE practices ADD COLUMN www TEXT NOT NULL DEFAULT '';",

	/* 17: sync state nobody reads
	 * (issue 19). A thread's `base` ("locked,pinned" before a change) has not been read
	 * since step 6 sent locks and pins to the latest change, and a post's `base_at` was
	 * exported and parsed but never used. The two triggers no longer write them, the
	 * thread bases already written are cleared, base_at is dropped. A post's `base`
	 * (the text before an edit) and a deleted draft's stay: sync reads them. Lines of
	 * older copies that still carry base_at apply (the field is passed over). */
	"DROP TRIGGER sync_threads_upd;"
	"CREATE TRIGGER sync_threads_upd AFTER UPDATE OF locked, pinned ON threads"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1) VALUES ('thread', new.id)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log);"
	"END;"
	"DROP TRIGGER sync_posts_upd;"
	"CREATE TRIGGER sync_posts_upd AFTER UPDATE OF body, hidden, hidden_reason ON posts"
	"  WHEN (SELECT value FROM meta WHERE key = 'sync_log') = '1' BEGIN"
	"  INSERT INTO sync_log(kind, k1, base) VALUES ('post', new.id, old.body)"
	"    ON CONFLICT (kind, k1, k2, k3) DO UPDATE SET seq = (SELECT max(seq) + 1 FROM sync_log),"
	"    base = CASE WHEN sync_log.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
	"                 WHERE key = 'sync_exported') THEN excluded.base ELSE sync_log.base END;"
	"END;"
	"UPDATE sync_log SET base = NULL WHERE kind = 'thread' AND k3 = '';"
	"ALTER TABLE sync_log DROP COLUMN base_at;",

	/* 18: the titles alone in an index of their own (issue 18), so the title phase of a
	 * search does not read every body occurrence of its words (a column filter on
	 * `search` does). Same rowids and tokenizer as `search`; written beside it by
	 * search_index.c (search_docs.h). */
	"CREATE VIRTUAL TABLE search_titles USING fts5(title, content='', tokenize = 'empirie');"
	TITLES_FILL_SQL,
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int schema_version_latest(void) { return N_MIGRATIONS; }

status schema_migrate(db *d, error *e)
{
	sqlite3 *h = db_handle(d);
	for (;;) {
		status s = db_begin(d, e);
		if (s != ST_OK)
			return s;
		/* Read the version inside the write transaction: two processes starting at once
		 * must not both run the same migration. */
		sqlite3_stmt *st = NULL;
		int version = -1;
		if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (version < 0) {
			s = db_fail(d, sqlite3_errcode(h), e, _("Reading the schema version"));
			db_rollback(d);
			return s;
		}
		if (version >= N_MIGRATIONS) {
			db_rollback(d);
			if (version > N_MIGRATIONS)
				return err_set(e, ST_CORRUPT,
				               _("%s: the database was made by a newer empirie (schema %d, "
				                 "this program knows %d); please upgrade empirie"),
				               db_path(d), version, N_MIGRATIONS);
			return ST_OK;
		}
		char bump[64];
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", version + 1);
		int rc = sqlite3_exec(h, migrations[version], NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(h, bump, NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			char what[96];
			snprintf(what, sizeof what, _("Upgrading the database to schema %d"), version + 1);
			s = db_fail(d, rc, e, what);
			db_rollback(d);
			return s;
		}
		s = db_commit(d, e);
		if (s != ST_OK)
			return s;
	}
}
