#!/bin/sh
# offline.sh — empirie snapshot: a consistent copy while others write, the public copy
# without what guests may not see, and the copy opened from a read-only place (a 0444
# file in a 0555 folder) with browsing and search working and writing refused, leaving
# no -wal or -shm behind. The screen of such a copy is checked too.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
live="$T_DIR/live.db"
q() { sqlite3 "$1" "$2"; }
e --db "$live" init >/dev/null 2>&1
e --db "$live" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$live" admin add-account burmistrz --role leader --city Żywiec >/dev/null
printf 'Wpis lidera o budżecie.\n' | e --db "$live" --as burmistrz post --network 8 --title "Budżet liderów" >/dev/null
tid=$(printf 'Wpis Anny o zieleni.\n' | e --db "$live" --as anna post --network 1 --title "Zieleń")
printf 'Mój prywatny numer 600 100 200.\n' | e --db "$live" --as anna reply "$tid" >/dev/null
hidden=$(q "$live" "SELECT max(id) FROM posts")
e --db "$live" moderate hide "$hidden" --reason "numer telefonu" >/dev/null
q "$live" "INSERT INTO contacts(city_id, role, name, email, public) SELECT id, 'sekretariat', 'Jan Prywatny', 'jan@example.invalid', 0 FROM cities WHERE name = 'Zabrze';
           INSERT INTO contacts(city_id, role, email, public) SELECT id, 'urząd', 'urzad@example.invalid', 1 FROM cities WHERE name = 'Zabrze';
           INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at) SELECT id, 'thread', 1, 'Szkic', 'x', '2026-01-01T00:00:00Z' FROM accounts WHERE login = 'anna';"

# A full copy is for administrators; anyone may take the public one.
exit_is "a member may not take a full copy" 1 e --db "$live" --as anna snapshot "$T_DIR/x.db"
like "and is told to use --public-only" "$(cat "$T_DIR/err")" "--public-only"
ok "an administrator takes a full copy" e --db "$live" snapshot "$T_DIR/full.db"
like "it says what it holds" "$(cat "$T_DIR/out")" "8 networks"
exit_is "an existing file is not overwritten" 1 e --db "$live" snapshot "$T_DIR/full.db"
ok "a member takes a public copy" e --db "$live" --as anna snapshot "$T_DIR/pub.db" --public-only
is "the copy is in rollback-journal mode (opens read-only anywhere)" "$(q "$T_DIR/pub.db" 'PRAGMA journal_mode')" delete
ok "the copies pass integrity_check" test "$(q "$T_DIR/full.db" 'PRAGMA integrity_check')$(q "$T_DIR/pub.db" 'PRAGMA integrity_check')" = okok
ok "and empirie check (search index in step)" e --db "$T_DIR/pub.db" check
like "info says it is an offline copy, public" "$(e --db "$T_DIR/pub.db" info)" "(public: what guests see)"

# The full copy has everything.
is "full: every network" "$(q "$T_DIR/full.db" 'SELECT count(*) FROM networks')" 8
is "full: the draft" "$(q "$T_DIR/full.db" 'SELECT count(*) FROM drafts')" 1
is "full: the private contact" "$(q "$T_DIR/full.db" 'SELECT count(*) FROM contacts WHERE public = 0')" 1

# The public copy leaves out what a guest may not see.
is "public: no leaders' network" "$(q "$T_DIR/pub.db" 'SELECT count(*) FROM networks WHERE leaders_only = 1')" 0
is "public: its threads are gone" "$(q "$T_DIR/pub.db" "SELECT count(*) FROM threads WHERE title = 'Budżet liderów'")" 0
is "public: so is the practice shown only there" "$(q "$T_DIR/pub.db" "SELECT count(*) FROM practices WHERE key = 'zywiec-sloneczna-zywiecczyzna'")" 0
unlike "public: search does not find the leaders' post" "$(e --db "$T_DIR/pub.db" search budżecie)" "Budżet"
unlike "public: nor the practice" "$(e --db "$T_DIR/pub.db" search zywiecczyzna)" "practice"
like "public: other posts are found" "$(e --db "$T_DIR/pub.db" search zieleni)" "Zieleń"
is "public: no drafts, read marks or audit beyond the copy's own line" \
	"$(q "$T_DIR/pub.db" "SELECT (SELECT count(*) FROM drafts) || (SELECT count(*) FROM read_state) || (SELECT count(*) FROM audit WHERE object <> 'snapshot')")" 000
is "public: the private contact is gone, the public one kept" \
	"$(q "$T_DIR/pub.db" "SELECT group_concat(role) FROM contacts")" "urząd"
is "public: the leader's account is gone (nothing of theirs remains)" \
	"$(q "$T_DIR/pub.db" "SELECT count(*) FROM accounts WHERE login = 'burmistrz'")" 0
is "public: counters agree with the posts" \
	"$(q "$T_DIR/pub.db" "SELECT count(*) FROM threads t WHERE post_count <> (SELECT count(*) FROM posts p WHERE p.thread_id = t.id)")" 0
is "public: a hidden post keeps its place, not its text or reason" \
	"$(q "$T_DIR/pub.db" "SELECT body || '|' || hidden_reason FROM posts WHERE id = $hidden")" "-|"
is "the hidden post is the reply" "$(q "$live" "SELECT thread_id FROM posts WHERE id = $hidden")" "$tid"
unlike "public: nor is it found" "$(e --db "$T_DIR/pub.db" search prywatny)" "post"
is "public: authors keep names only (no login, no role)" \
	"$(q "$T_DIR/pub.db" "SELECT count(*) FROM accounts WHERE login NOT LIKE 'autor-%' OR role <> 'guest'")" 0
is "full: the hidden post is kept as it is" \
	"$(q "$T_DIR/full.db" "SELECT hidden_reason FROM posts WHERE id = $hidden")" "numer telefonu"
is "a copy is readable by its owner only" "$(stat -c %a "$T_DIR/full.db")" 600
like "the source's audit log records the copies" "$(e --db "$live" admin audit)" "public offline copy"

# A copy while others write: consistent (every thread's counter equals its posts).
( i=0; while [ $i -lt 60 ]; do printf 'wpis %s\n' "$i" | e --db "$live" --as anna reply 1 >/dev/null 2>&1; i=$((i + 1)); done ) &
writer=$!
ok "a copy taken while someone writes" e --db "$live" snapshot "$T_DIR/busy.db"
wait "$writer"
is "is consistent: counters agree with the posts" \
	"$(q "$T_DIR/busy.db" "SELECT count(*) FROM threads t WHERE post_count <> (SELECT count(*) FROM posts p WHERE p.thread_id = t.id)")" 0
ok "and passes empirie check" e --db "$T_DIR/busy.db" check
ls "$T_DIR"/*.part-* >/dev/null 2>&1
is "no partial file is left behind" "$?" 2

# Read-only media: a 0444 file in a 0555 folder, opened by a user who cannot write it.
mkdir "$T_DIR/stick"
cp "$T_DIR/pub.db" "$T_DIR/stick/copy.db"
chmod 0444 "$T_DIR/stick/copy.db"
chmod 0555 "$T_DIR/stick"
chmod 0755 "$T_DIR"
as_user() { "$@"; }
prog=$EMPIRIE
if [ "$(id -u)" = 0 ]; then
	if nobody_ready; then
		as_user() { $as_nobody env HOME="$T_DIR" "$@"; }
		prog=$EMPIRIE_OTHER
	else
		as_user() { false; }
	fi
fi
ro() { as_user "$prog" --db "$T_DIR/stick/copy.db" "$@"; }
if as_user test -r "$T_DIR/stick/copy.db" && ! as_user test -w "$T_DIR/stick/copy.db"; then
	ok "read-only: info opens it" ro info
	like "and says it is read-only" "$(cat "$T_DIR/out")" "read-only"
	like "read-only: lists work" "$(ro list networks)" "MIASTO CYFROWE"
	like "read-only: search works" "$(ro search liderka)" "Program Liderka"
	like "read-only: cards work" "$(ro show practice tarnow-centrum-dialogu)" "Tarnowskie Centrum Dialogu"
	ro_post() { printf 'x\n' | ro post --network 1 --title T; }
	exit_is "read-only: writing is refused" 1 ro_post
	like "with a clear message" "$(cat "$T_DIR/err")" "read-only"
	unlike "never 'unable to open database'" "$(cat "$T_DIR/err")" "unable to open"
	if command -v tmux >/dev/null; then
		sock="empirie-off-$$"
		tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 24 \
			"$(if [ "$(id -u)" = 0 ]; then echo "$as_nobody"; fi) env HOME='$T_DIR' TERM=xterm-256color LANG=C.UTF-8 '$prog' --db '$T_DIR/stick/copy.db'; sleep 5"
		screen() { tmux -L "$sock" capture-pane -p 2>/dev/null; }
		n=0; until screen | grep -q "MIASTO CYFROWE" || [ $n -gt 100 ]; do sleep 0.1; n=$((n + 1)); done
		like "the screen's title says offline copy and read-only" "$(screen | head -n 1)" "offline copy of"
		like "and read-only" "$(screen | head -n 1)" "read-only"
		tmux -L "$sock" send-keys Tab Tab Enter
		n=0; until screen | grep -q "Sieć 1" || [ $n -gt 50 ]; do sleep 0.1; n=$((n + 1)); done
		tmux -L "$sock" send-keys r
		n=0; until screen | grep -q "This copy is read-only" || [ $n -gt 50 ]; do sleep 0.1; n=$((n + 1)); done
		like "r (reply) says the copy is read-only" "$(screen)" "This copy is read-only"
		tmux -L "$sock" send-keys q F10
		sleep 0.3
		tmux -L "$sock" kill-server >/dev/null 2>&1
	else
		skip "tmux is not installed"; skip "tmux is not installed"; skip "tmux is not installed"
	fi
	is "no -wal or -shm is left beside it" "$(ls -A "$T_DIR/stick")" "copy.db"
else
	skip "cannot run as a user without write permission here${nobody_why:+: $nobody_why}"
fi
chmod 0755 "$T_DIR/stick"
done_testing
