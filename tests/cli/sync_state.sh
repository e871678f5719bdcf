#!/bin/sh
# sync_state.sh — the sync log keeps only what sync reads (issue 19, "dead sync state
# dropped in a schema step"): a thread's `base` (its "locked,pinned" before a change)
# has not been read since locks and pins went to the latest change (schema 6), and a
# post's `base_at` was carried in every post line but never used. Neither is written
# any more; a post's `base` (the text before an edit, for telling edits apart) stays,
# and a database that still has them is upgraded. A file from an older copy, with
# base_at in its lines, still applies.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
home="$T_DIR/home.db" lap="$T_DIR/lap.db"
. "$top_srcdir/tests/synclib.sh"

at 08:00:00
e --db "$home" init >/dev/null 2>&1
e --db "$home" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
t=$(printf 'Jak urządzić park kieszonkowy?\n' | e --db "$home" --as anna post --network 1 --title "Parki")
p=$(printf 'Pierwsza wersja.\n' | e --db "$home" --as anna reply "$t")
ok "a copy is taken (the change log starts)" e --db "$home" snapshot "$lap"

is "the log has no base_at column" \
	"$(q "$home" "SELECT count(*) FROM pragma_table_info('sync_log') WHERE name = 'base_at'")" 0
at 08:10:00
ok "the coordinator locks the thread" e --db "$home" --as koord moderate lock "$t" --reason "koniec"
is "the lock is logged" "$(q "$home" "SELECT count(*) FROM sync_log WHERE kind = 'thread' AND k1 = $t")" 1
is "without a base nobody reads" \
	"$(q "$home" "SELECT COALESCE(base, 'NULL') FROM sync_log WHERE kind = 'thread' AND k1 = $t")" NULL

at 08:20:00
ok "the copy edits the reply" sh -c "printf 'Wersja z laptopa.\n' | '$EMPIRIE' --db '$lap' --as anna edit $p"
is "a post's base (the text before the edit) is still kept" \
	"$(q "$lap" "SELECT base FROM sync_log WHERE kind = 'post' AND k1 = $p")" "Pierwsza wersja."
ok "the copy exports" e --db "$lap" --as anna sync export "$T_DIR/l1.sync"
grep -q '"base":"Pierwsza wersja.\\n"' "$T_DIR/l1.sync"
t_result $? "the post line carries its base"
! grep -q '"base_at"' "$T_DIR/l1.sync"
t_result $? "and no base_at"
ok "the home database applies it" e --db "$home" sync apply "$T_DIR/l1.sync"
is "the edit arrived" "$(q "$home" "SELECT body FROM posts WHERE id = $p")" "Wersja z laptopa."

# A line written by an older copy, with base_at: still applies.
at 08:30:00
pid=$(q "$lap" "SELECT value FROM meta WHERE key = 'site'")
old=$(q "$lap" "SELECT json_object('op', 'post', 'id', ($pid << 40) + 77, 'thread', $t, 'parent', $p,
	'author', 'anna', 'body', 'Ze starej kopii.' || char(10), 'created_at', '2026-11-28T08:25:00Z',
	'edited_at', NULL, 'hidden', 0, 'hidden_reason', '', 'base', NULL, 'base_at', NULL, 'by', NULL)")
SCHEMA=7 forge "$lap" "$T_DIR/old.sync" "$pid" "$old"
ok "a file with base_at (an older copy's) applies" e --db "$home" sync apply "$T_DIR/old.sync"
is "its post is there" "$(q "$home" "SELECT count(*) FROM posts WHERE body = 'Ze starej kopii.' || char(10)")" 1

# A database from before the step: base_at there, thread bases written. Made from a
# current one by putting back what the step takes away.
up="$T_DIR/up.db"
cp "$home" "$up"
v=$(q "$up" 'PRAGMA user_version')
q "$up" "ALTER TABLE sync_log ADD COLUMN base_at TEXT;
	UPDATE sync_log SET base = '0,0' WHERE kind = 'thread';
	UPDATE sync_log SET base_at = '2026-11-28T08:00:00Z' WHERE kind = 'post';
	PRAGMA user_version = $((v - 1));"
ok "the older file opens" e --db "$up" info
is "and is upgraded" "$(q "$up" 'PRAGMA user_version')" "$v"
is "base_at is gone" \
	"$(q "$up" "SELECT count(*) FROM pragma_table_info('sync_log') WHERE name = 'base_at'")" 0
is "the threads' bases are gone" "$(q "$up" "SELECT count(*) FROM sync_log WHERE kind = 'thread' AND base IS NOT NULL")" 0
is "the post's base stays" "$(q "$up" "SELECT base FROM sync_log WHERE kind = 'post' AND k1 = $p")" "Pierwsza wersja."
ok "empirie check finds it sound" e --db "$up" check
done_testing
