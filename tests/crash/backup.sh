#!/bin/sh
# backup.sh — crash safety of backup and restore (issue 20): SIGKILL at random moments
# (between 0 and 1.2 times the measured duration) while 'empirie backup' writes and
# while 'empirie restore' replaces the live database. After every kill: the live
# database passes 'empirie check' and holds either all of its old contents or all of
# the backup's; a backup FILE is either absent or complete (passes check); every kept
# DB.replaced-TIME file is complete. EMPIRIE_SEED=N repeats the same delays.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed"
	exit 0
fi
SEED=${EMPIRIE_SEED:-$(date +%s)}
diag "seed: $SEED"
K=10
awk -v s="$SEED" 'BEGIN { srand(s); for (i = 0; i < 100; i++) printf "%.6f\n", rand() }' >"$T_DIR/rand"
step=0
delay() { # MS: the next delay in seconds, 0 to 1.2 x MS, in $d
	step=$((step + 1))
	d=$(sed -n "${step}p" "$T_DIR/rand" | awk -v m="$1" '{ printf "%.3f", $1 * m * 1.2 / 1000 }')
}
now_ms() { date +%s%3N; }
DB="$T_DIR/live.db"
q() { sqlite3 -cmd ".timeout 10000" "$1" "$2"; }
e --db "$DB" init >/dev/null 2>&1
tid=$(echo "Pierwszy" | e --db "$DB" post --network 1 --title "Przed kopią")
e --db "$DB" backup "$T_DIR/A.db" >/dev/null
for i in 1 2 3 4 5 6 7 8; do echo "Wpis $i" | e --db "$DB" reply "$tid" >/dev/null; done
e --db "$DB" backup "$T_DIR/B.db" >/dev/null
nA=$(q "$T_DIR/A.db" "SELECT count(*) FROM posts")
nB=$(q "$T_DIR/B.db" "SELECT count(*) FROM posts")
ok "two backups that differ ($nA and $nB posts)" test "$nA" -ne "$nB"

# Backup, killed.
t0=$(now_ms); e --db "$DB" backup "$T_DIR/timing.db" >/dev/null; ms=$(( $(now_ms) - t0 ))
bad=0 complete=0
for k in $(seq 1 $K); do
	delay "$ms"
	f="$T_DIR/k$k.db"
	e --db "$DB" backup "$f" >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -e "$f" ]; then
		complete=$((complete + 1))
		[ "$(q "$f" 'PRAGMA journal_mode')" = delete ] && e --db "$f" check >/dev/null 2>&1 ||
			{ bad=$((bad + 1)); diag "kill $k after ${d}s: $f is there but incomplete"; }
	fi
	e --db "$DB" check >/dev/null 2>&1 || { bad=$((bad + 1)); diag "kill $k: the live database fails check"; }
done
is "a backup killed at any moment leaves no FILE or a whole one ($complete of $K completed)" "$bad" 0
ok "the backups' temporary folders are private to the owner" \
	sh -c "! find '$T_DIR' -mindepth 1 -maxdepth 1 -name '.*' -perm /077 | grep -q ."

# Restore, killed: from A and B in turn, so the live contents differ from the target.
t0=$(now_ms); e --db "$DB" restore --force "$T_DIR/A.db" >/dev/null; ms=$(( $(now_ms) - t0 ))
bad=0 done_n=0
for k in $(seq 1 $K); do
	delay "$ms"
	if [ $((k % 2)) -eq 0 ]; then src=A; else src=B; fi
	e --db "$DB" restore --force "$T_DIR/$src.db" >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	n=$(q "$DB" "SELECT count(*) FROM posts")
	[ "$n" = "$(q "$T_DIR/$src.db" "SELECT count(*) FROM posts")" ] && done_n=$((done_n + 1))
	if [ "$n" != "$nA" ] && [ "$n" != "$nB" ]; then
		bad=$((bad + 1)); diag "kill $k after ${d}s: $n posts, neither $nA nor $nB"
	fi
	e --db "$DB" check >/dev/null 2>&1 || { bad=$((bad + 1)); diag "kill $k after ${d}s: the live database fails check"; }
done
is "a restore killed at any moment leaves the old contents or the backup's, whole ($done_n of $K restored)" "$bad" 0
bad=0
for f in "$T_DIR"/live.db.replaced-*; do
	[ -e "$f" ] || continue
	e --db "$f" check >/dev/null 2>&1 || { bad=$((bad + 1)); diag "$f is incomplete"; }
done
is "every kept .replaced file is whole" "$bad" 0
done_testing
