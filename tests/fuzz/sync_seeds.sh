#!/bin/sh
# sync_seeds.sh — make real sync files with the real program, for the seeds of
# tests/fuzz/corpus/sync/ (fuzz_sync.c): EMPIRIE=path/to/empirie OUT=dir sync_seeds.sh
# file-NAME in the corpus is a zero byte and OUT/NAME.sync; ops-NAME a one byte and its
# change lines (without the first two lines and the END line).
set -e
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export HOME="$W" LC_ALL=C.UTF-8
home="$W/home.db" lap="$W/lap.db"
e() { "$EMPIRIE" "$@"; }
q() { sqlite3 "$1" "$2"; }
at() { EMPIRIE_NOW="2026-11-28T$1Z"; export EMPIRIE_NOW; }
at 08:00:00
e --db "$home" init >/dev/null
e --db "$home" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
e --db "$home" admin add-account szef --role admin >/dev/null
t1=$(printf 'Jak urządzić park kieszonkowy?\n' | e --db "$home" --as anna post --network 1 --title "Parki kieszonkowe")
t2=$(printf 'Kto ma doświadczenie z tężniami?\n' | e --db "$home" --as anna post --network 1 --title "Tężnie")
p1=$(q "$home" "SELECT min(id) FROM posts WHERE thread_id = $t1")
p2=$(printf 'Pierwsza wersja odpowiedzi.\n' | e --db "$home" --as anna reply "$t1")
echo "t1=$t1 t2=$t2 p1=$p1 p2=$p2" >&2
e --db "$home" snapshot "$lap" >/dev/null
ex() { e --db "$lap" --as anna sync export "$OUT/$1" >/dev/null; }
at 09:00:00
# new thread with replies, nested
l_thread=$(printf 'Wątek założony offline.\n' | e --db "$lap" --as anna post --network 1 --title "Z wizyty studyjnej")
ex thread.sync
r1=$(printf 'Pierwsza odpowiedź offline.\n' | e --db "$lap" --as koord reply "$l_thread")
r2=$(printf 'Odpowiedź na odpowiedź.\n' | e --db "$lap" --as anna reply "$l_thread" --to "$r1")
r3=$(printf 'Odpowiedź w starym wątku, w pociągu.\n' | e --db "$lap" --as anna reply "$t1" --to "$p1")
ex replies.sync
at 09:10:00
printf 'Wersja z laptopa.\n' | e --db "$lap" --as anna edit "$p2" >/dev/null
ex edit.sync
at 09:20:00
e --db "$lap" --as koord moderate hide "$r3" --reason "poza tematem" >/dev/null
ex hide.sync
e --db "$lap" --as koord moderate lock "$t2" --reason "zamknięte" >/dev/null
e --db "$lap" --as koord moderate pin "$t1" --reason "ważne" >/dev/null
ex lock.sync
q "$lap" "INSERT INTO read_state(account_id, thread_id, network_id, read_count, last_read_id)
          SELECT a.id, t.id, t.network_id, t.post_count, t.last_post_id FROM accounts a, threads t
          WHERE a.login IN ('anna', 'koord') AND t.id IN ($t1, $t2, $l_thread)
          ON CONFLICT(account_id, thread_id) DO UPDATE SET read_count = excluded.read_count,
          last_read_id = excluded.last_read_id"
ex read.sync
q "$lap" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
          SELECT id, 'thread', 1, 'Szkic', 'Zaczęty w pociągu', '2026-11-28T09:30:00Z' FROM accounts WHERE login = 'anna';
          INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
          SELECT id, 'reply', $t1, '', 'Odpowiedź w szkicu', '2026-11-28T09:31:00Z' FROM accounts WHERE login = 'anna'"
ex draft.sync
q "$lap" "DELETE FROM drafts WHERE kind = 'thread'"
ex draft-deleted.sync
at 09:40:00
e --db "$lap" --as koord moderate unhide "$r3" --reason "jednak w temacie" >/dev/null
e --db "$lap" --as koord moderate unlock "$t2" --reason "otwarte" >/dev/null
printf 'Spóźniona odpowiedź o tężniach.\n' | e --db "$lap" --as anna reply "$t2" >/dev/null
ex unhide.sync
e --db "$lap" --as anna sync export --all "$OUT/all.sync" >/dev/null
# the home side: edits and a lock meanwhile, then its export (for applying on a copy)
at 09:30:00
printf 'Odpowiedź napisana w biurze.\n' | e --db "$home" --as koord reply "$t1" >/dev/null
printf 'Wersja z biura.\n' | e --db "$home" --as anna edit "$p2" >/dev/null
e --db "$home" --as koord moderate lock "$t2" --reason "zamknięte" >/dev/null
e --db "$home" --as szef sync export "$OUT/home.sync" >/dev/null
# a copy with an empty change list
e --db "$lap" --as anna sync export "$OUT/empty.sync" >/dev/null
