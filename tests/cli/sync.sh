#!/bin/sh
# sync.sh — writing in an offline copy and syncing: two copies diverge (threads,
# replies, edits, read marks, drafts on both sides), sync both ways and end with the
# same content; conflicts (a thread locked or gone meanwhile, a post edited on both
# sides, rights an offline copy gave itself); the same file twice; a file cut short,
# changed, or from another database is refused whole.
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
t1=$(printf 'Jak urządzić park kieszonkowy?\n' | e --db "$home" --as anna post --network 1 --title "Parki kieszonkowe")
t2=$(printf 'Kto ma doświadczenie z tężniami?\n' | e --db "$home" --as anna post --network 1 --title "Tężnie")
p1=$(q "$home" "SELECT min(id) FROM posts WHERE thread_id = $t1")
p2=$(printf 'Pierwsza wersja odpowiedzi.\n' | e --db "$home" --as anna reply "$t1")

exit_is "nothing to sync before a copy was taken" 1 e --db "$home" sync export "$T_DIR/none.sync"
like "and it says why" "$(cat "$T_DIR/err")" "snapshot"
ok "an administrator takes a full copy for the laptop" e --db "$home" snapshot "$lap"
is "the copy has a number of its own" "$(q "$lap" "SELECT value FROM meta WHERE key = 'site'")" 1
is "and shares the database's family" "$(q "$lap" "SELECT value FROM meta WHERE key = 'family'")" \
	"$(q "$home" "SELECT value FROM meta WHERE key = 'family'")"
like "sync status on the copy" "$(e --db "$lap" sync status)" "offline copy number 1"
like "nothing waits yet" "$(e --db "$lap" sync status)" "0 changes wait"

# ---- the two copies diverge ----
at 09:00:00
l_reply=$(printf 'Odpowiedź napisana w pociągu.\n' | e --db "$lap" --as anna reply "$t1" --to "$p1")
l_thread=$(printf 'Wątek założony offline.\n' | e --db "$lap" --as anna post --network 1 --title "Z wizyty studyjnej")
l_sub=$(printf 'Odpowiedź na odpowiedź z pociągu.\n' | e --db "$lap" --as koord reply "$t1" --to "$l_reply")
ok "the copy edits a post" sh -c "printf 'Wersja z laptopa.\n' | '$EMPIRIE' --db '$lap' --as anna edit $p2"
q "$lap" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
          SELECT id, 'thread', 1, 'Szkic', 'Zaczęty w pociągu', '2026-11-28T09:00:00Z' FROM accounts WHERE login = 'anna'"
at 09:30:00
h_reply=$(printf 'Odpowiedź napisana w biurze.\n' | e --db "$home" --as koord reply "$t1")
ok "the home database edits the same post later" sh -c "printf 'Wersja z biura.\n' | '$EMPIRIE' --db '$home' --as anna edit $p2"
ok "and locks the other thread" e --db "$home" --as koord moderate lock "$t2" --reason "zamknięte"
at 10:00:00
l_locked=$(printf 'Spóźniona odpowiedź o tężniach.\n' | e --db "$lap" --as anna reply "$t2")

ok "ids made in the copy are in its own range" test "$l_reply" -ge 1099511627776
ok "ids made at home stay small" test "$h_reply" -lt 1000
like "the copy counts its changes" "$(e --db "$lap" sync status)" "changes wait"
like "info says so too" "$(e --db "$lap" info)" "wait for 'empirie sync export'"

# ---- laptop -> home ----
exit_is "a member may not export the home database" 1 e --db "$home" --as anna sync export "$T_DIR/x.sync"
ok "the copy exports" e --db "$lap" --as anna sync export "$T_DIR/l1.sync"
like "and says how many changes" "$(cat "$T_DIR/out")" "changes"
is "the file begins with its magic line" "$(head -n1 "$T_DIR/l1.sync")" "EMPIRIE-SYNC 2"
like "and ends with the count" "$(tail -n2 "$T_DIR/l1.sync" | head -n1)" "END "
like "and the copy's signature" "$(tail -n1 "$T_DIR/l1.sync")" "SIGN 1 "
before=$(content "$home")
ok "the home database applies it" e --db "$home" sync apply "$T_DIR/l1.sync"
out=$(cat "$T_DIR/out")
like "the edit in both copies is listed as a conflict" "$out" "edited in both copies"
like "the reply to the thread locked meanwhile is listed" "$out" "locked here meanwhile"
is "the later edit (home's) stays" "$(q "$home" "SELECT body FROM posts WHERE id = $p2")" "Wersja z biura."
is "the other is kept as an earlier version" "$(q "$home" "SELECT body FROM post_versions WHERE post_id = $p2")" "Wersja z laptopa."
is "the late reply is kept, hidden for the coordinator" "$(q "$home" "SELECT hidden FROM posts WHERE id = $l_locked")" 1
is "the offline thread arrived with its id" "$(q "$home" "SELECT title FROM threads WHERE id = $l_thread")" "Z wizyty studyjnej"
is "the reply to a reply keeps its place in the tree" \
	"$(q "$home" "SELECT parent_id FROM posts WHERE id = $l_sub")" "$l_reply"
like "search finds what came from the copy" "$(e --db "$home" search pociągu)" "Parki kieszonkowe"
ok "the home database is in good order" e --db "$home" check
like "the draft came too" "$(q "$home" "SELECT body FROM drafts")" "Zaczęty w pociągu"
after=$(content "$home")
ok "applying the same file again is noticed" e --db "$home" sync apply "$T_DIR/l1.sync"
like "and said" "$(cat "$T_DIR/out")" "already"
is "and changes nothing" "$(content "$home")" "$after"
like "the conflicts are kept for the administrator" "$(e --db "$home" sync conflicts)" "edited in both copies"

# ---- home -> laptop ----
at 10:30:00
ok "the home database exports" e --db "$home" sync export "$T_DIR/h1.sync"
ok "the copy applies it" e --db "$lap" --as anna sync apply "$T_DIR/h1.sync"
like "the copy lists the edit conflict too" "$(cat "$T_DIR/out")" "edited in both copies"
ok "the copy exports what applying changed" e --db "$lap" --as anna sync export "$T_DIR/l2.sync"
ok "and the home database takes it" e --db "$home" sync apply "$T_DIR/l2.sync"
is "both copies end with the same content" "$(content "$lap")" "$(content "$home")"
is "the same text won on both sides" "$(q "$lap" "SELECT body FROM posts WHERE id = $p2")" "Wersja z biura."
is "the copy learnt of the lock" "$(q "$lap" "SELECT locked FROM threads WHERE id = $t2")" 1
ok "the copy is in good order" e --db "$lap" check
ok "exporting everything again" e --db "$lap" --as anna sync export --all "$T_DIR/l3.sync"
snap=$(content "$home")
ok "and applying it (all already there)" e --db "$home" sync apply "$T_DIR/l3.sync"
like "finds nothing new" "$(cat "$T_DIR/out")" " 0 new or changed here"
is "and changes nothing" "$(content "$home")" "$snap"

# ---- an offline copy cannot grant itself rights ----
at 11:00:00
q "$lap" "UPDATE accounts SET role = 'admin', network_id = NULL WHERE login = 'anna'"
ok "in the copy anna made herself an administrator and locks a thread" e --db "$lap" --as anna moderate lock "$t1" --reason "x"
ok "and hides koord's reply" e --db "$lap" --as anna moderate hide "$h_reply" --reason "nie podoba mi się"
ok "and writes in the leaders' network" sh -c "printf 'Wpis w sieci liderów.\n' | '$EMPIRIE' --db '$lap' --as anna post --network 8 --title 'Nie moje'"
ok "the copy exports" e --db "$lap" --as anna sync export "$T_DIR/l4.sync"
snap=$(content "$home")
ok "the home database applies the file" e --db "$home" sync apply "$T_DIR/l4.sync"
out=$(cat "$T_DIR/out")
like "the lock is refused" "$out" "may not lock"
like "the hiding is refused" "$out" "may not hide"
like "the post in the leaders' network is refused" "$out" "Nie moje"
is "the home database is unchanged" "$(content "$home")" "$snap"

# ---- on the home database, a member brings in only their own changes ----
at 11:30:00
e --db "$lap" --as anna moderate unlock "$t1" --reason "x" >/dev/null
q "$lap" "UPDATE accounts SET role = 'member' WHERE login = 'anna'"
m1=$(printf 'Od Anny.\n' | e --db "$lap" --as anna reply "$t1")
m2=$(printf 'Od koordynatora.\n' | e --db "$lap" --as koord reply "$t1")
e --db "$lap" --as anna sync export "$T_DIR/l5.sync" >/dev/null
ok "anna applies a file on the home database" e --db "$home" --as anna sync apply "$T_DIR/l5.sync"
like "koord's reply is kept aside" "$(cat "$T_DIR/out")" "only koord or an administrator"
is "anna's reply is in" "$(q "$home" "SELECT count(*) FROM posts WHERE id = $m1")" 1
is "koord's is not" "$(q "$home" "SELECT count(*) FROM posts WHERE id = $m2")" 0

# ---- crafted files (signed with anna's copy's secret, as she could) ----
snap=$(content "$home")
craft "$home" "$T_DIR/forged.sync" 1 \
	"{\"op\":\"post\",\"id\":$h_reply,\"thread\":$t1,\"parent\":$p1,\"author\":\"koord\",\"body\":\"Sfałszowane.\",\"created_at\":\"2026-11-28T09:30:00Z\",\"edited_at\":\"2099-01-01T00:00:00Z\",\"hidden\":0,\"hidden_reason\":\"\",\"base\":null,\"base_at\":null,\"by\":null}" \
	"{\"op\":\"post\",\"id\":999,\"thread\":$t1,\"parent\":$p1,\"author\":\"anna\",\"body\":\"Zajmuję cudzy numer.\",\"created_at\":\"2026-11-28T11:40:00Z\",\"edited_at\":null,\"hidden\":0,\"hidden_reason\":\"\",\"base\":null,\"base_at\":null,\"by\":null}"
ok "anna applies a crafted file on the home database" e --db "$home" --as anna sync apply "$T_DIR/forged.sync"
like "rewriting koord's post (no base, a late time) is refused" "$(cat "$T_DIR/out")" "only koord or an administrator"
like "a post with an id of the home's own range is refused" "$(cat "$T_DIR/out")" "outside the range"
is "the home database is unchanged by it" "$(content "$home")" "$snap"

# ---- a thread gone meanwhile ----
m3=$(printf 'Do wątku, którego już nie ma.\n' | e --db "$lap" --as anna reply "$l_thread")
e --db "$lap" --as anna sync export "$T_DIR/l6.sync" >/dev/null
q "$home" "PRAGMA foreign_keys = ON; DELETE FROM posts WHERE thread_id = $l_thread; DELETE FROM threads WHERE id = $l_thread"
ok "a reply to a thread deleted at home" e --db "$home" sync apply "$T_DIR/l6.sync"
like "is listed" "$(cat "$T_DIR/out")" "which is not here"
is "and not stored in a thread" "$(q "$home" "SELECT count(*) FROM posts WHERE id = $m3")" 0
like "but kept, with its text, in the conflict list" "$(q "$home" "SELECT op FROM sync_conflicts WHERE op LIKE '%już nie ma%'")" "już nie ma"

# ---- damaged, cut short, foreign files are refused whole ----
at 12:00:00
printf 'Jeszcze jedna.\n' | e --db "$lap" --as anna reply "$t1" >/dev/null
printf 'I jeszcze.\n' | e --db "$lap" --as anna reply "$t1" >/dev/null
e --db "$lap" --as anna sync export "$T_DIR/l7.sync" >/dev/null
snap=$(content "$home")
sed 's/Jeszcze jedna/Jeszcze JEDNA/' "$T_DIR/l7.sync" > "$T_DIR/changed.sync"
exit_is "a changed file is refused" 1 e --db "$home" sync apply "$T_DIR/changed.sync"
like "it says the signature does not match" "$(cat "$T_DIR/err")" "signature does not match"
size=$(wc -c < "$T_DIR/l7.sync")
head -c $((size - 30)) "$T_DIR/l7.sync" > "$T_DIR/cut.sync"
exit_is "a file cut short is refused" 1 e --db "$home" sync apply "$T_DIR/cut.sync"
like "it says it is cut short" "$(cat "$T_DIR/err")" "cut short"
head -n 3 "$T_DIR/l7.sync" > "$T_DIR/cut2.sync"
exit_is "a file cut at a line end is refused" 1 e --db "$home" sync apply "$T_DIR/cut2.sync"
like "it names the line" "$(cat "$T_DIR/err")" "cut2.sync:3"
# A well-formed file (signed) whose second change is broken: nothing of it lands.
python3 - "$T_DIR/l7.sync" "$T_DIR/bad.sync" "$(q "$lap" "SELECT hex(secret) FROM sync_keys")" <<'PY'
import hashlib, hmac, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')[:-3]
ops = lines[2:]
ops[1] = ops[1].replace('"thread":', '"thread":"x","t":')
body = '\n'.join(lines[:2] + ops) + '\nEND %d\n' % len(ops)
mac = hmac.new(bytes.fromhex(sys.argv[3]), body.encode(), hashlib.sha256).hexdigest()
open(sys.argv[2], 'w', encoding='utf-8').write(body + 'SIGN 1 %s\n' % mac)
PY
exit_is "a file with a broken change is refused" 1 e --db "$home" sync apply "$T_DIR/bad.sync"
like "the message names the file, line and field" "$(cat "$T_DIR/err")" "bad.sync:4: field \"thread\""
is "none of these files changed anything" "$(content "$home")" "$snap"
e --db "$T_DIR/other.db" init >/dev/null 2>&1
e --db "$T_DIR/other.db" snapshot "$T_DIR/other-lap.db" >/dev/null
exit_is "a file from another database is refused" 1 e --db "$T_DIR/other.db" sync apply "$T_DIR/l7.sync"
like "and says so" "$(cat "$T_DIR/err")" "another EMPIRIE database"
exit_is "a copy's own file is refused on that copy" 1 e --db "$lap" --as anna sync apply "$T_DIR/l7.sync"
printf 'not a sync file\n' > "$T_DIR/junk.sync"
exit_is "something else entirely is refused" 1 e --db "$home" sync apply "$T_DIR/junk.sync"
like "with the file and line" "$(cat "$T_DIR/err")" "junk.sync:1"
ok "the good file still applies" e --db "$home" sync apply "$T_DIR/l7.sync"

# ---- copies that cannot sync ----
e --db "$home" snapshot "$T_DIR/pub.db" --public-only >/dev/null
exit_is "a public copy has nothing to send" 1 e --db "$T_DIR/pub.db" sync export "$T_DIR/p.sync"
mkdir "$T_DIR/stick" && cp "$lap" "$T_DIR/stick/ro.db"
chmod 0444 "$T_DIR/stick/ro.db"; chmod 0555 "$T_DIR/stick"; chmod 0755 "$T_DIR"
as_user() { "$@"; }
prog=$EMPIRIE why="no way to open the copy as a user who cannot write it"
if [ "$(id -u)" = 0 ]; then
	if nobody_ready; then
		as_user() { $as_nobody env HOME="$T_DIR" "$@"; }
		prog=$EMPIRIE_OTHER
	else
		as_user() { false; }
		why="$why: $nobody_why"
	fi
fi
if as_user test -r "$T_DIR/stick/ro.db" && ! as_user test -w "$T_DIR/stick/ro.db"; then
	exit_is "a copy on a read-only medium cannot apply" 1 as_user "$prog" --db "$T_DIR/stick/ro.db" sync apply "$T_DIR/h1.sync"
	like "and says it is read-only" "$(cat "$T_DIR/err")" "read-only"
	exit_is "nor export" 1 as_user "$prog" --db "$T_DIR/stick/ro.db" sync export "$T_DIR/ro.sync"
else
	skip "$why"
	skip "$why"
	skip "$why"
fi
exit_is "an unknown action is a usage error" 2 e --db "$home" sync merge
done_testing
