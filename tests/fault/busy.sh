#!/bin/sh
# busy.sh — the database locked by another program longer than the busy timeout (10 s):
# a write waits, then fails with a clear, translated "busy" message and stores nothing;
# reading goes on meanwhile (WAL); a lock released during the wait is not an error; the
# full-screen application says that it waits and loses no text.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null || ! command -v mkfifo >/dev/null; then
	echo "1..0 # SKIP sqlite3 and mkfifo are needed"
	exit 0
fi
now_ms() { date +%s%3N; }
e init >/dev/null 2>&1
tid=$(echo "Przed blokadą" | e post --network 1 --title "Blokada")
posts() { sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM posts"; }
locked() { ! sqlite3 "$EMPIRIE_DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; }
# hold_lock FIFO FD: another program takes the write lock — sqlite3 reading its commands
# from FIFO, which this shell writes through file descriptor FD ("ROLLBACK;" frees it).
hold_lock() {
	mkfifo "$1"
	sqlite3 "$EMPIRIE_DB" <"$1" >/dev/null 2>&1 &
	eval "exec $2>\"\$1\""
	# Its own busy timeout: the probe below holds the lock for an instant, and without a
	# timeout a BEGIN that meets it fails at once and the lock is never taken (seen in CI
	# under the sanitizers).
	echo ".timeout 30000" >&"$2"
	echo "BEGIN EXCLUSIVE;" >&"$2"
	tries=0
	until locked || [ $tries -gt 200 ]; do sleep 0.05; tries=$((tries + 1)); done
}
hold_lock "$T_DIR/fifo" 3
ok "the other program holds the lock" locked
n=$(posts)
exit_is "reading goes on while it is locked" 0 e list threads --network 1
like "and sees the threads" "$(cat "$T_DIR/out")" "Blokada"
t0=$(now_ms)
exit_is "a reply while it is locked fails" 1 sh -c 'echo "zablokowana odpowiedź" | "$EMPIRIE" reply "$1"' sh "$tid"
waited=$(( $(now_ms) - t0 ))
like "with a clear message" "$(cat "$T_DIR/err")" "the database is busy (another user is writing); try again in a moment"
[ "$waited" -ge 9000 ]
t_result $? "after waiting the busy timeout ($waited ms)"
diag "figure: busy: the write gave up after $waited ms"
if has_locale pl_PL.UTF-8; then
	exit_is "in Polish" 1 sh -c 'echo x | LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 "$EMPIRIE" reply "$1"' sh "$tid"
	like "translated" "$(cat "$T_DIR/err")" "baza danych jest zajęta"
else
	skip "locale pl_PL.UTF-8 is not installed"
fi
# Released during the wait: the reply goes through.
( sleep 2; echo "ROLLBACK;" >&3 ) &
t0=$(now_ms)
exit_is "a lock released while a reply waits is no error" 0 sh -c 'echo "cierpliwa odpowiedź" | "$EMPIRIE" reply "$1"' sh "$tid"
diag "figure: busy: the waiting reply went through after $(( $(now_ms) - t0 )) ms"
exec 3>&-
wait
is "only that reply was stored" "$(posts)" $((n + 1))

# The full-screen application while another program holds the lock: typing goes on (the
# autosave waits only a moment and says why it failed), a send says at once that it
# waits, then fails with the same message, the text kept; once the lock is gone the
# draft is saved, the complaint goes, and the send works.
if command -v tmux >/dev/null; then
	. "$top_srcdir/tests/tui/tuilib.sh"
	TUI_TMP=$T_DIR/tui TUI_DB=$EMPIRIE_DB
	mkdir -p "$TUI_TMP"
	trap 'tui_cleanup; rm -rf "$T_DIR"' EXIT
	tui_start 100 30 -- --as siec-1
	tui_wait "MIASTO CYFROWE" 10
	tui_keys 1 Tab Tab Enter
	tui_wait "Przemyśl" 10
	tui_keys r
	ok "the reply editor opens" tui_wait "Reply to" 10
	tui_type "Pisane w czasie blokady"
	n=$(posts)
	hold_lock "$T_DIR/fifo2" 4
	ok "the other program holds the lock again" locked
	tui_type " i dalej"
	ok "typing goes on: the autosave says it could not save" tui_wait "the database is busy" 8
	ok "and the text is all there" tui_wait "Pisane w czasie blokady i dalej" 2
	tui_keys F2
	tui_wait "Send this now?" 5
	tui_keys y
	t0=$(now_ms)
	ok "sending says at once that it waits for the other writer" \
		tui_wait "Another user is writing to the database: waiting" 4
	diag "figure: busy (application): the notice came after $(( $(now_ms) - t0 )) ms"
	ok "then the send fails with the busy message" tui_wait "try again in a moment" 15
	diag "figure: busy (application): the send gave up after $(( $(now_ms) - t0 )) ms"
	ok "the editor still holds the text" tui_wait "Pisane w czasie blokady i dalej" 2
	is "nothing was stored" "$(posts)" "$n"
	echo "ROLLBACK;" >&4
	exec 4>&-
	ok "with the lock gone the autosave works and the complaint goes" tui_wait_gone "the database is busy" 10
	is "the draft is saved" "$(sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM drafts WHERE body = 'Pisane w czasie blokady i dalej'")" 1
	tui_keys F2
	tui_wait "Send this now?" 5
	tui_keys y
	ok "now the reply is sent" tui_wait "Sent." 10
	is "stored once" "$(sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM posts WHERE body = 'Pisane w czasie blokady i dalej'")" 1
	is "and its draft is gone" "$(sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM drafts")" 0
	# Reading under the lock: a new post shows, its read mark waits without a word and is
	# saved a few seconds after the lock is gone.
	tid2=$(sqlite3 "$EMPIRIE_DB" "SELECT thread_id FROM posts WHERE body = 'Pisane w czasie blokady i dalej'")
	mark() { sqlite3 "$EMPIRIE_DB" "SELECT last_read_id FROM read_state r JOIN accounts a ON a.id = r.account_id WHERE a.login = 'siec-1' AND r.thread_id = $tid2"; }
	tui_keys q
	tui_wait "MIASTO CYFROWE" 5
	echo "Odpowiedź spoza aplikacji" | e reply "$tid2" >/dev/null
	newid=$(sqlite3 "$EMPIRIE_DB" "SELECT max(id) FROM posts WHERE thread_id = $tid2")
	before_mark=$(mark)
	hold_lock "$T_DIR/fifo3" 5
	ok "the other program holds the lock a third time" locked
	tui_keys Enter
	ok "reading goes on under the lock: the new post shows" tui_wait "Odpowiedź spoza aplikacji" 5 || tui_screen | sed "s/^/# /"
	sleep 2
	ok "the read mark waits without a word" tui_wait_gone "the database is busy" 1
	is "and is not saved yet" "$(mark)" "$before_mark"
	echo "ROLLBACK;" >&5
	exec 5>&-
	tries=0
	until [ "$(mark)" = "$newid" ] || [ $tries -gt 160 ]; do sleep 0.05; tries=$((tries + 1)); done
	is "the lock gone, the mark is saved within seconds" "$(mark)" "$newid"
	tui_keys F10
	is "the application quits cleanly" "$(tui_exit_status 10)" 0
	wait
else
	skip "tmux is not installed: the application under a held lock"
fi
is "integrity_check: ok" "$(sqlite3 "$EMPIRIE_DB" 'PRAGMA integrity_check')" ok
exit_is "empirie check finds nothing wrong" 0 e check
done_testing
