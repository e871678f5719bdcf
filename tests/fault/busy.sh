#!/bin/sh
# busy.sh — the database locked by another program longer than the busy timeout (10 s):
# a write waits, then fails with a clear, translated "busy" message and stores nothing;
# reading goes on meanwhile (WAL); a lock released during the wait is not an error.
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
# Another program holds the write lock: sqlite3 reading its commands from a fifo.
mkfifo "$T_DIR/fifo"
sqlite3 "$EMPIRIE_DB" <"$T_DIR/fifo" >/dev/null 2>&1 &
lockpid=$!
exec 3>"$T_DIR/fifo"
# Its own busy timeout: the probe below holds the lock for an instant, and without a
# timeout a BEGIN that meets it fails at once and the lock is never taken (seen in CI
# under the sanitizers).
echo ".timeout 30000" >&3
echo "BEGIN EXCLUSIVE;" >&3
tries=0
until locked || [ $tries -gt 200 ]; do sleep 0.05; tries=$((tries + 1)); done
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
is "integrity_check: ok" "$(sqlite3 "$EMPIRIE_DB" 'PRAGMA integrity_check')" ok
exit_is "empirie check finds nothing wrong" 0 e check
done_testing
