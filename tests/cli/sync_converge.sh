#!/bin/sh
# sync_converge.sh — sequences of changes on both sides that must end with the same
# content on both and no conflict that did not happen: what a side applied is the
# shared state from then on (an echo of it is no edit), a field the sender did not
# change does not overwrite the receiver's, a lock made offline by a coordinator on a
# member's new thread arrives, a deleted draft stays deleted, drafts saved at the same
# second settle alike, a second first post is refused, and conflicts of a file that is
# then refused whole are not reported as if applied.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null || ! command -v python3 >/dev/null; then
	skip "sqlite3 and python3 are needed"; done_testing; exit
fi
. "$top_srcdir/tests/synclib.sh"

# A home database with anna (member, Zabrze), koord (coordinator of network 1), a thread
# by anna with a reply, and a full copy taken for the laptop. Each scenario its own pair.
n=0
setup() {
	n=$((n + 1)); home="$T_DIR/h$n.db" lap="$T_DIR/l$n.db"
	at 08:00:00
	e --db "$home" init >/dev/null 2>&1
	e --db "$home" admin add-account anna --role member --city Zabrze >/dev/null
	e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
	t1=$(printf 'Pierwszy wpis.\n' | e --db "$home" --as anna post --network 1 --title "Wątek")
	p2=$(printf 'Odpowiedź.\n' | e --db "$home" --as anna reply "$t1")
	e --db "$home" snapshot "$lap" >/dev/null
	f=0
}
# One file from the laptop to home, or back; the output of the apply in $T_DIR/out.
l2h() { f=$((f + 1)); e --db "$lap" --as anna sync export "$T_DIR/s$n-$f.sync" >/dev/null &&
	e --db "$home" sync apply "$T_DIR/s$n-$f.sync" >"$T_DIR/out" 2>"$T_DIR/err"; }
h2l() { f=$((f + 1)); e --db "$home" sync export "$T_DIR/s$n-$f.sync" >/dev/null &&
	e --db "$lap" --as anna sync apply "$T_DIR/s$n-$f.sync" >"$T_DIR/out" 2>"$T_DIR/err"; }
conflicts() { q "$1" "SELECT count(*) FROM sync_conflicts"; }
versions() { q "$1" "SELECT count(*) FROM post_versions"; }
edit() { # DB LOGIN POST TEXT
	printf '%s\n' "$4" | e --db "$1" --as "$2" edit "$3" >/dev/null; }

# 1. An edit received, then edited again on the receiving side: one line of history,
#    not an edit on both sides.
setup
at 09:00:00; edit "$home" anna "$p2" "Poprawka z biura."
h2l
at 10:00:00; edit "$lap" anna "$p2" "Poprawka z laptopa, po biurze."
l2h
unlike "an edit made after receiving one is no conflict" "$(cat "$T_DIR/out")" "edited in both"
is "the later text is at home" "$(q "$home" "SELECT body FROM posts WHERE id = $p2")" "Poprawka z laptopa, po biurze."
is "no earlier version kept (there was no second edit to keep)" "$(versions "$home")" 0
h2l
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
is "and neither lists a conflict" "$(conflicts "$home")/$(conflicts "$lap")" "0/0"

# ... and the other way: an edit from the laptop, edited again at home.
setup
at 09:00:00; edit "$lap" anna "$p2" "Z laptopa."
l2h
at 10:00:00; edit "$home" anna "$p2" "Z biura, po laptopie."
h2l
unlike "an edit at home after taking the laptop's is no conflict there" "$(cat "$T_DIR/out")" "edited in both"
is "the copy takes it" "$(q "$lap" "SELECT body FROM posts WHERE id = $p2")" "Z biura, po laptopie."
l2h
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
is "no conflict, no earlier version on either side" "$(conflicts "$home")/$(conflicts "$lap")/$(versions "$home")/$(versions "$lap")" "0/0/0/0"

# ... the same text saved again is no edit, and no conflict with a real one.
setup
at 09:00:00; edit "$home" anna "$p2" "Odpowiedź."
is "saving the same text again changes no edit time" "$(q "$home" "SELECT COALESCE(edited_at, 'none') FROM posts WHERE id = $p2")" none
at 09:30:00; edit "$lap" anna "$p2" "Nowa treść z laptopa."
l2h
unlike "and a real edit from the copy is no conflict" "$(cat "$T_DIR/out")" "edited in both"

# 2. Hidden by the coordinator at home, edited by its author on the laptop: two changes of
#    different things, both kept, no conflict.
setup
at 09:00:00; e --db "$home" --as koord moderate hide "$p2" --reason "do wyjaśnienia" >/dev/null
at 09:30:00; edit "$lap" anna "$p2" "Wyjaśniam."
h2l
unlike "hiding at home and editing offline is no conflict" "$(cat "$T_DIR/out")" "edited in both"
is "the copy keeps its author's text" "$(q "$lap" "SELECT body FROM posts WHERE id = $p2")" "Wyjaśniam."
is "and takes the hiding" "$(q "$lap" "SELECT hidden FROM posts WHERE id = $p2")" 1
l2h
is "home takes the text and stays hidden" "$(q "$home" "SELECT hidden || ' ' || body FROM posts WHERE id = $p2")" "1 Wyjaśniam."
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
is "nothing kept as an earlier version" "$(versions "$home")/$(versions "$lap")" "0/0"
# ... and the other way round: hidden offline by the coordinator, edited at home.
setup
at 09:00:00; e --db "$lap" --as koord moderate hide "$p2" --reason "offline" >/dev/null
at 09:30:00; edit "$home" anna "$p2" "Z biura."
l2h
is "home keeps its text and takes the hiding" "$(q "$home" "SELECT hidden || ' ' || body FROM posts WHERE id = $p2")" "1 Z biura."
h2l
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
is "no conflict on either side" "$(conflicts "$home")/$(conflicts "$lap")" "0/0"
# Shown again at home after the hiding came from the laptop: the echo does not hide it again.
at 10:00:00; e --db "$home" --as koord moderate unhide "$p2" >/dev/null
h2l
is "the copy shows it again" "$(q "$lap" "SELECT hidden FROM posts WHERE id = $p2")" 0
l2h
is "and home keeps it shown" "$(q "$home" "SELECT hidden FROM posts WHERE id = $p2")" 0

# 3. Locked offline, unlocked at home after the lock arrived: the unlock stands on both.
setup
at 09:00:00; e --db "$lap" --as koord moderate lock "$t1" --reason "przerwa" >/dev/null
l2h
is "the lock arrives at home" "$(q "$home" "SELECT locked FROM threads WHERE id = $t1")" 1
at 10:00:00; e --db "$home" --as koord moderate unlock "$t1" >/dev/null
h2l
is "the unlock reaches the copy" "$(q "$lap" "SELECT locked FROM threads WHERE id = $t1")" 0
l2h
is "and no echo locks it again at home" "$(q "$home" "SELECT locked FROM threads WHERE id = $t1")" 0
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
is "no conflict on either side" "$(conflicts "$home")/$(conflicts "$lap")" "0/0"

# 4. A member's new thread, locked offline by the coordinator before the first sync.
setup
at 09:00:00
nt=$(printf 'Nowy wątek offline.\n' | e --db "$lap" --as anna post --network 1 --title "Z pociągu")
e --db "$lap" --as koord moderate lock "$nt" --reason "duplikat" >/dev/null
e --db "$lap" --as anna moderate pin "$nt" >/dev/null 2>&1
l2h
is "the thread arrives locked (the coordinator's lock)" "$(q "$home" "SELECT locked FROM threads WHERE id = $nt")" 1
h2l
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
# ... a lock by someone who may not lock: the thread arrives, the lock is listed.
setup
at 09:00:00
nt=$(printf 'Inny wątek offline.\n' | e --db "$lap" --as anna post --network 1 --title "Samowola")
q "$lap" "UPDATE accounts SET role = 'admin', network_id = NULL WHERE login = 'anna'"
e --db "$lap" --as anna moderate lock "$nt" --reason "moje" >/dev/null
l2h
is "a member's own lock does not arrive" "$(q "$home" "SELECT locked FROM threads WHERE id = $nt")" 0
like "and the refusal is listed" "$(cat "$T_DIR/out")" "may not lock"
is "the thread itself arrives" "$(q "$home" "SELECT count(*) FROM threads WHERE id = $nt")" 1

# ... a lock on an existing thread by someone who may not: refused at home, and the
#     copy takes the home's state back with the next file.
at 10:00:00
e --db "$lap" --as anna moderate lock "$t1" --reason "moje" >/dev/null
l2h
like "the lock on an existing thread is refused" "$(cat "$T_DIR/out")" "may not lock"
at 10:30:00
h2l
is "the copy takes the home's open thread back" "$(q "$lap" "SELECT locked FROM threads WHERE id = $t1")" 0
is "and so does the new thread" "$(q "$lap" "SELECT locked FROM threads WHERE id = $nt")" 0

# 5. A draft deleted on the laptop (the reply was sent) does not come back from home.
setup
anna=$(q "$home" "SELECT id FROM accounts WHERE login = 'anna'")
q "$lap" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
          VALUES ($anna, 'reply', -$t1, '', 'Szkic odpowiedzi', '2026-11-28T09:00:00Z')"
l2h
is "the draft reaches home" "$(q "$home" "SELECT count(*) FROM drafts")" 1
at 09:30:00
printf 'Wysłana odpowiedź.\n' | e --db "$lap" --as anna reply "$t1" >/dev/null
is "sending the reply deletes the draft on the copy" "$(q "$lap" "SELECT count(*) FROM drafts")" 0
h2l
is "the draft does not come back from home" "$(q "$lap" "SELECT count(*) FROM drafts")" 0
l2h
is "and home deletes it too" "$(q "$home" "SELECT count(*) FROM drafts")" 0
is "both sides end the same" "$(content "$lap")" "$(content "$home")"
# A newer draft of the same thing, saved after the deletion, does travel.
q "$home" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
           VALUES ($anna, 'reply', -$t1, '', 'Nowy szkic', '2026-11-28T11:00:00Z')"
h2l
is "a newer draft after the deletion travels" "$(q "$lap" "SELECT body FROM drafts")" "Nowy szkic"

# ... nor when home applies the deletion's file before the draft's.
setup
anna=$(q "$home" "SELECT id FROM accounts WHERE login = 'anna'")
q "$lap" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
          VALUES ($anna, 'reply', -$t1, '', 'Szkic', '2026-11-28T09:00:00Z')"
e --db "$lap" --as anna sync export "$T_DIR/d1-$n.sync" >/dev/null
q "$lap" "DELETE FROM drafts"
e --db "$lap" --as anna sync export "$T_DIR/d2-$n.sync" >/dev/null
e --db "$home" sync apply "$T_DIR/d2-$n.sync" >/dev/null
e --db "$home" sync apply "$T_DIR/d1-$n.sync" >/dev/null
is "a deletion applied before its draft keeps the draft away" "$(q "$home" "SELECT count(*) FROM drafts")" 0

# 6. Drafts of the same thing saved in both at the same second: both keep the same one.
# (Sync caps times at now: the clock is past the drafts' second.)
setup
at 09:30:00
anna=$(q "$home" "SELECT id FROM accounts WHERE login = 'anna'")
for db in "$home" "$lap"; do
	q "$db" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
	         VALUES ($anna, 'thread', 1, 'Tytuł', 'Szkic z $(basename "$db")', '2026-11-28T09:00:00Z')"
done
l2h; h2l
is "drafts saved at the same second settle alike" "$(content "$lap")" "$(content "$home")"

# 7. A second first post in a thread (parent 0 where the thread has its first post) is
#    kept aside, not stored as a second root.
setup
craft "$home" "$T_DIR/root.sync" 1 \
	"{\"op\":\"post\",\"id\":1099511627800,\"thread\":$t1,\"parent\":0,\"author\":\"anna\",\"body\":\"Drugi początek.\",\"created_at\":\"2026-11-28T09:00:00Z\",\"edited_at\":null,\"hidden\":0,\"hidden_reason\":\"\",\"base\":null,\"base_at\":null,\"by\":null}"
ok "a file with a second first post applies" e --db "$home" sync apply "$T_DIR/root.sync"
like "the post is listed" "$(cat "$T_DIR/out")" "first post"
is "and not stored" "$(q "$home" "SELECT count(*) FROM posts WHERE id = 1099511627800")" 0
is "the thread keeps one first post" "$(q "$home" "SELECT count(*) FROM posts WHERE thread_id = $t1 AND parent_id IS NULL")" 1

# Times from the future are taken as now: they would win against every later change.
craft "$home" "$T_DIR/future.sync" 1 \
	"{\"op\":\"post\",\"id\":1099511627803,\"thread\":$t1,\"parent\":$p2,\"author\":\"anna\",\"body\":\"Z przyszłości.\",\"created_at\":\"2026-11-28T09:00:00Z\",\"edited_at\":null,\"hidden\":0,\"hidden_reason\":\"\",\"base\":null,\"base_at\":null,\"by\":null,\"hidden_at\":\"2099-01-01T00:00:00Z\"}"
at 12:00:00
ok "a file with a time in the future applies" e --db "$home" sync apply "$T_DIR/future.sync"
is "the time kept is the time it was applied" "$(q "$home" "SELECT hidden_at FROM sync_log WHERE kind = 'post' AND k1 = 1099511627803")" "2026-11-28T12:00:00Z"

# 8. A file refused whole reports no conflict as if it had been settled.
craft "$home" "$T_DIR/half.sync" 1 \
	"{\"op\":\"post\",\"id\":1099511627801,\"thread\":$t1,\"parent\":0,\"author\":\"nikt\",\"body\":\"Od nikogo.\",\"created_at\":\"2026-11-28T09:00:00Z\",\"edited_at\":null,\"hidden\":0,\"hidden_reason\":\"\",\"base\":null,\"base_at\":null,\"by\":null}" \
	"{\"op\":\"post\",\"id\":1099511627802,\"thread\":\"x\"}"
before=$(conflicts "$home")
exit_is "a file whose second change is broken is refused" 1 e --db "$home" sync apply "$T_DIR/half.sync"
unlike "without reporting the first change's conflict" "$(cat "$T_DIR/out")" "nikt"
is "and without keeping it" "$(conflicts "$home")" "$before"
# 9. A copy issued to one person: the home database takes from it only their changes,
#    whoever applies the file (an administrator too).
n=$((n + 1)); home="$T_DIR/h$n.db" lap="$T_DIR/l$n.db"; f=0
at 08:00:00
e --db "$home" init >/dev/null 2>&1
e --db "$home" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
t1=$(printf 'Pierwszy wpis.\n' | e --db "$home" --as anna post --network 1 --title "Wątek")
exit_is "a copy for someone without an account is refused" 1 e --db "$home" snapshot "$T_DIR/x.db" --for nikt
like "and says whom" "$(cat "$T_DIR/err")" "nikt"
exit_is "a public copy is issued to no one" 1 e --db "$home" snapshot "$T_DIR/x.db" --public-only --for anna
ok "an administrator issues a full copy to anna" e --db "$home" snapshot "$lap" --for anna
like "and is told so" "$(cat "$T_DIR/out")" "for anna"
like "the copy says whose it is" "$(e --db "$lap" sync status)" "issued to anna"
at 09:00:00
mine=$(printf 'Od Anny.\n' | e --db "$lap" --as anna reply "$t1")
theirs=$(printf 'Od koordynatora, na laptopie Anny.\n' | e --db "$lap" --as koord reply "$t1")
e --db "$lap" --as koord moderate lock "$t1" --reason "x" >/dev/null
l2h
like "the coordinator's reply from anna's copy is kept aside" "$(cat "$T_DIR/out")" "issued to anna"
is "anna's reply is in" "$(q "$home" "SELECT count(*) FROM posts WHERE id = $mine")" 1
is "the other is not" "$(q "$home" "SELECT count(*) FROM posts WHERE id = $theirs")" 0
is "nor the lock made in her copy by someone else" "$(q "$home" "SELECT locked FROM threads WHERE id = $t1")" 0
exit_is "a full copy is not taken from a copy" 1 e --db "$lap" snapshot "$T_DIR/copy2.db"
like "it says to take it from the home database" "$(cat "$T_DIR/err")" "home database"
ok "a public copy of a copy is fine" e --db "$lap" snapshot "$T_DIR/copy2.db" --public-only
# 10. Two laptops and the home database between them: what one copy changed reaches the
#     other through home, later changes win there too, and all three end the same.
setup
lapb="$T_DIR/lb$n.db"
e --db "$home" snapshot "$lapb" >/dev/null
b2h() { f=$((f + 1)); e --db "$lapb" --as anna sync export "$T_DIR/s$n-$f.sync" >/dev/null &&
	e --db "$home" sync apply "$T_DIR/s$n-$f.sync" >"$T_DIR/out" 2>"$T_DIR/err"; }
h2b() { f=$((f + 1)); e --db "$home" sync export --all "$T_DIR/s$n-$f.sync" >/dev/null &&
	e --db "$lapb" --as anna sync apply "$T_DIR/s$n-$f.sync" >"$T_DIR/out" 2>"$T_DIR/err"; }
at 09:00:00; edit "$lap" anna "$p2" "Z laptopa A."
e --db "$lap" --as koord moderate hide "$p2" --reason "sprawdzić" >/dev/null
l2h; h2b
is "the second laptop gets the first one's text through home" "$(q "$lapb" "SELECT body FROM posts WHERE id = $p2")" "Z laptopa A."
is "and its hiding" "$(q "$lapb" "SELECT hidden FROM posts WHERE id = $p2")" 1
is "with no conflict" "$(conflicts "$lapb")" 0
at 10:00:00; e --db "$lapb" --as koord moderate unhide "$p2" >/dev/null
# (shown again first: a hidden post cannot be edited by its author)
edit "$lapb" anna "$p2" "Z laptopa B, po A."
b2h
is "home takes the second laptop's later edit" "$(q "$home" "SELECT hidden || ' ' || body FROM posts WHERE id = $p2")" "0 Z laptopa B, po A."
e --db "$home" sync export --all "$T_DIR/all$n.sync" >/dev/null
e --db "$lap" --as anna sync apply "$T_DIR/all$n.sync" >"$T_DIR/out" 2>&1
is "the first laptop takes it too, shown again" "$(q "$lap" "SELECT hidden || ' ' || body FROM posts WHERE id = $p2")" "0 Z laptopa B, po A."
l2h; h2b
is "all three end the same (home and the first laptop)" "$(content "$lap")" "$(content "$home")"
is "all three end the same (home and the second laptop)" "$(content "$lapb")" "$(content "$home")"
is "and no conflict anywhere" "$(conflicts "$home")/$(conflicts "$lap")/$(conflicts "$lapb")" "0/0/0"
done_testing
