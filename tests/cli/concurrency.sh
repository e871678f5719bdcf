#!/bin/sh
# Many sessions on one database: 20 writer processes x 50 posts while readers list
# threads. Every post is stored exactly once, no process fails, the file is intact.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
tid=$(echo "Wątek do testu współbieżności" | e post --network 1 --title "Współbieżność")
W=20 P=50
# Under the sanitizers every process runs about ten times slower (and kill.sh runs beside
# it): a lighter load keeps the test about contention, not about the sanitizers' overhead.
[ -n "${EMPIRIE_SANITIZED:-}" ] && W=5 P=20
writer() {
	i=1
	while [ $i -le $P ]; do
		echo "pisarz $1 wpis $i" | "$EMPIRIE" reply "$tid" >/dev/null 2>>"$T_DIR/writer-$1.err" || echo "fail $1 $i" >>"$T_DIR/failures"
		i=$((i + 1))
	done
}
reader() {
	while [ ! -f "$T_DIR/stop" ]; do
		"$EMPIRIE" list threads --network 1 >/dev/null 2>>"$T_DIR/reader.err" || echo "reader fail" >>"$T_DIR/failures"
		"$EMPIRIE" search współbieżności >/dev/null 2>>"$T_DIR/reader.err" || echo "search fail" >>"$T_DIR/failures"
	done
}
reader & r1=$!
reader & r2=$!
pids=""
w=1
while [ $w -le $W ]; do writer $w & pids="$pids $!"; w=$((w + 1)); done
for p in $pids; do wait "$p"; done
touch "$T_DIR/stop"; wait $r1 $r2
is "no process failed" "$(cat "$T_DIR/failures" 2>/dev/null | wc -l)" 0
[ -s "$T_DIR/failures" ] && diag "$(head -5 "$T_DIR/failures")"
posts=$(e --no-header list posts --thread "$tid")
is "every post stored: 1 + $W x $P" "$(printf '%s\n' "$posts" | wc -l)" $((1 + W * P))
is "each exactly once" "$(printf '%s\n' "$posts" | cut -f8 | sort | uniq -d | wc -l)" 0
is "the thread's counter agrees" "$(e --no-header list threads --network 1 | awk -F'\t' -v t="$tid" '$1 == t {print $3}')" $((1 + W * P))
is "no error message at all (no 'busy', no 'locked')" "$(cat "$T_DIR"/*.err 2>/dev/null | sort | uniq -c | head -3)" ""
# Five sessions starting at once on a database that does not exist yet.
for i in 1 2 3 4 5; do
	( "$EMPIRIE" --db "$T_DIR/fresh.db" --no-header list networks >"$T_DIR/fresh.$i" 2>&1 || echo "fresh $i" >>"$T_DIR/fresh-fail" ) &
done
wait
is "all five start" "$(cat "$T_DIR/fresh-fail" 2>/dev/null)" ""
for i in $(cat "$T_DIR/fresh-fail" 2>/dev/null | cut -d' ' -f2); do diag "session $i: $(cat "$T_DIR/fresh.$i")"; done
is "each sees the 8 networks" "$(cat "$T_DIR"/fresh.[1-5] | grep -c '^[1-8]	')" 40
is "the directory was loaded once" "$(e --db "$T_DIR/fresh.db" --no-header list threads --network 1 | wc -l)" 3
exit_is "check: integrity, foreign keys, index, counters" 0 e check
done_testing
