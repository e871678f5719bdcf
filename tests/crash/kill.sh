#!/bin/sh
# kill.sh — crash safety: SIGKILL at random moments (a) during a large CSV import,
# (b) during a stream of new threads and replies, (d) while the home database applies a
# sync file of a few hundred replies written in an offline copy, (c) while the
# full-screen application sends a reply. The delays are drawn between 0 and the duration of the same operation
# measured on this machine at run time, so they land before, inside and after the write
# transaction also on slow (sanitized) builds. After every kill: PRAGMA integrity_check
# is ok, 'empirie check' finds nothing (counters and search index in step), and the
# operation is wholly there or wholly absent (every row of the file or none; a post with
# its thread, counters and search entry, or nothing; every change of the sync file and its
# entry in sync_applied, or none of them, and applying the file again then completes).
# EMPIRIE_SEED=N repeats the same delays.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed"
	exit 0
fi
SEED=${EMPIRIE_SEED:-$(date +%s)}
diag "seed: $SEED"
K_IMPORT=40 K_POST=60 K_TUI=12 K_SYNC=30 ROWS=2000 PAD=300 REPLIES=200 SPAD=1000
if [ -n "${EMPIRIE_SANITIZED:-}" ]; then
	K_IMPORT=30 K_POST=90 K_TUI=6 K_SYNC=20 ROWS=300 PAD=100 REPLIES=60 SPAD=1000
fi
command -v tmux >/dev/null || K_TUI=0
kills=0 completed=0 step=0
# The delay range in % of the measured time; it adapts (runs that finish before their kill
# narrow it, kills widen it) so that both keep happening when the machine's speed varies.
SCALE=110
now_ms() { date +%s%3N; }
# Random fractions from one seed (awk's first rand() after srand() of nearby seeds are
# nearly equal, so one sequence); delay MS: the next one as seconds between 0 and MS ms,
# in $d (not printed: in a $(...) subshell the step would not advance).
awk -v s="$SEED" 'BEGIN { srand(s); for (i = 0; i < 1000; i++) printf "%.6f\n", rand() }' >"$T_DIR/rand"
delay() {
	step=$((step + 1))
	d=$(sed -n "${step}p" "$T_DIR/rand" | awk -v m="$1" -v p="$SCALE" '{ printf "%.3f", $1 * m * p / 100000 }')
}
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1" 2>&1; }
problems=0
problem() {
	problems=$((problems + 1))
	[ "$problems" -le 10 ] && diag "$*"
}
# After a kill: the file and what the program itself checks.
verify() { # LABEL
	ic=$(q 'PRAGMA integrity_check')
	[ "$ic" = ok ] || problem "$1: integrity_check: $ic"
	"$EMPIRIE" --db "$DB" check >"$T_DIR/chk" 2>&1 || problem "$1: empirie check: $(cat "$T_DIR/chk")"
}
# Run a program with stdin from $1, SIGKILL it after $2 seconds; sets rc.
kill_run() {
	in=$1 d=$2
	shift 2
	"$@" <"$in" >/dev/null 2>"$T_DIR/kerr" &
	pid=$!
	sleep "$d"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	if [ "$rc" -eq 137 ]; then
		kills=$((kills + 1))
		[ "$SCALE" -lt 150 ] && SCALE=$((SCALE * 105 / 100))
	elif [ "$rc" -eq 0 ]; then
		completed=$((completed + 1))
		SCALE=$((SCALE * 8 / 10 + 1))
	else
		problem "exit $rc without a kill: $(cat "$T_DIR/kerr")"
	fi
}

# ---- (a) a large CSV import: all rows or none ----
DB="$T_DIR/import.db"
"$EMPIRIE" --db "$DB" init >/dev/null 2>&1
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$DB" "$T_DIR/base.db"
mkcsv() { # PREFIX
	awk -v p="$1" -v n="$ROWS" 'BEGIN {
		split("mazowieckie,lubelskie,podlaskie,śląskie,łódzkie,pomorskie", v, ",")
		print "name,voivodeship,project_title"
		for (i = 1; i <= n; i++)
			printf "%s %d,%s,Projekt rozwoju lokalnego numer %d\n", p, i, v[i % 6 + 1], i
	}'
}
mkcsv Pomiarowo >"$T_DIR/t.csv"
t0=$(now_ms)
"$EMPIRIE" --db "$DB" import cities "$T_DIR/t.csv" >/dev/null 2>&1
T_IMPORT=$(( $(now_ms) - t0 ))
diag "figure: import of $ROWS towns takes $T_IMPORT ms here"
all=0 none=0
i=1
while [ $i -le $K_IMPORT ]; do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$T_DIR/base.db" "$DB"
	mkcsv "Zabitowo$i" >"$T_DIR/k.csv"
	delay "$T_IMPORT"
	kill_run /dev/null "$d" "$EMPIRIE" --db "$DB" import cities "$T_DIR/k.csv"
	verify "import $i"
	n=$(q "SELECT count(*) FROM cities WHERE name LIKE 'Zabitowo$i %'")
	s=$(q "SELECT count(*) FROM search WHERE search MATCH 'zabitowo$i'")
	case "$n" in
	0) none=$((none + 1)) ;;
	"$ROWS") all=$((all + 1)) ;;
	*) problem "import $i: $n of $ROWS rows stored" ;;
	esac
	[ "$s" = "$n" ] || problem "import $i: $n towns but $s search entries"
	i=$((i + 1))
done
diag "figure: import: delay range at the end $SCALE % of the measured time"
diag "figure: import: $K_IMPORT runs, $all with every row, $none with none, $((K_IMPORT - all - none)) partial"
is "import: every run left all $ROWS rows or none, with their search entries" "$problems" 0

# ---- (b) a stream of new threads and replies on one database ----
DB="$T_DIR/posts.db"
"$EMPIRIE" --db "$DB" init >/dev/null 2>&1
tid=$(echo "Pierwszy wpis" | "$EMPIRIE" --db "$DB" post --network 1 --title "Wątek do zabijania")
first=$(q "SELECT min(id) FROM posts WHERE thread_id = $tid")
# A longer text makes the write (and its search entry) take longer.
awk -v n="$PAD" 'BEGIN { for (i = 0; i < n; i++) printf "słowo%d ", i; print "" }' >"$T_DIR/pad"
body() { { echo "wpis znacznik$1 zażółć"; cat "$T_DIR/pad"; } >"$T_DIR/body"; }
body 0
t0=$(now_ms)
"$EMPIRIE" --db "$DB" reply "$tid" <"$T_DIR/body" >/dev/null 2>&1
T_POST=$(( $(now_ms) - t0 ))
diag "figure: one reply takes $T_POST ms here"
before=$problems
present=0 absent=0
i=1
# More runs if too few kills landed (runs that finished first do not count).
while [ $i -le $K_POST ] || { [ $((kills + K_TUI + K_SYNC)) -lt 100 ] && [ $i -le $((K_POST * 2)) ]; }; do
	body "$i"
	delay "$T_POST"
	case $((i % 3)) in
	0) kill_run "$T_DIR/body" "$d" "$EMPIRIE" --db "$DB" post --network 1 --title "Wątek $i" ;;
	1) kill_run "$T_DIR/body" "$d" "$EMPIRIE" --db "$DB" reply "$tid" ;;
	2) kill_run "$T_DIR/body" "$d" "$EMPIRIE" --db "$DB" reply "$tid" --to "$first" ;;
	esac
	verify "post $i"
	n=$(q "SELECT count(*) FROM posts WHERE body LIKE 'wpis znacznik$i %'")
	s=$(q "SELECT count(*) FROM search WHERE search MATCH 'znacznik$i'")
	case "$n" in 0) absent=$((absent + 1)) ;; 1) present=$((present + 1)) ;; *) problem "post $i stored $n times" ;; esac
	[ "$s" = "$n" ] || problem "post $i: $n posts, $s search entries"
	if [ $((i % 3)) -eq 0 ]; then
		th=$(q "SELECT count(*) || ',' || coalesce(sum(post_count), 0) FROM threads WHERE title = 'Wątek $i'")
		[ "$th" = "$n,$n" ] || problem "post $i: $n posts, threads,post_count = $th"
	fi
	i=$((i + 1))
done
diag "figure: posts: $((i - 1)) runs, $present stored whole, $absent absent, $((i - 1 - present - absent)) otherwise"
is "posts: each one is there with its thread, counters and search entry, or not at all" "$problems" "$before"
is "the thread counter agrees after all the kills" \
	"$(q "SELECT post_count = (SELECT count(*) FROM posts WHERE thread_id = $tid) FROM threads WHERE id = $tid")" 1
ok "a new reply still works" sh -c 'echo "po zabiciach" | "$EMPIRIE" --db "$1" reply "$2"' sh "$DB" "$tid"

# ---- (d) applying a sync file of a few hundred replies: all of it or nothing ----
DB="$T_DIR/sync-home.db"
lap="$T_DIR/sync-lap.db"
"$EMPIRIE" --db "$DB" init >/dev/null 2>&1
stid=$(echo "Wątek w domu" | "$EMPIRIE" --db "$DB" post --network 1 --title "Wątek do synchronizacji")
"$EMPIRIE" --db "$DB" snapshot "$lap" >/dev/null 2>&1 || problem "sync: the offline copy was not taken"
# The offline copy: a new thread, $REPLIES replies (every fifth to the one before), an
# edit, a lock; texts of $SPAD words, so that the transaction outgrows SQLite's page cache
# and is written to the WAL while it is applied, before its commit.
awk -v n="$SPAD" 'BEGIN { for (i = 0; i < n; i++) printf "wyraz%d ", i; print "" }' >"$T_DIR/spad"
body sync
ltid=$("$EMPIRIE" --db "$lap" post --network 1 --title "Wątek z laptopa" <"$T_DIR/body")
prev=$(sqlite3 "$lap" "SELECT min(id) FROM posts WHERE thread_id = $stid")
sfirst=$prev
i=1
while [ $i -le $REPLIES ]; do
	{ echo "synchro syncznacznik odpowiedź $i"; cat "$T_DIR/spad"; } >"$T_DIR/body"
	case $((i % 5)) in
	0) prev=$("$EMPIRIE" --db "$lap" reply "$stid" --to "$prev" <"$T_DIR/body") ;;
	1) "$EMPIRIE" --db "$lap" reply "$ltid" <"$T_DIR/body" >/dev/null ;;
	*) prev=$("$EMPIRIE" --db "$lap" reply "$stid" <"$T_DIR/body") ;;
	esac
	i=$((i + 1))
done
echo "Poprawione w pociągu syncznacznik" | "$EMPIRIE" --db "$lap" edit "$sfirst" >/dev/null
"$EMPIRIE" --db "$lap" moderate lock "$ltid" --reason "koniec" >/dev/null
"$EMPIRIE" --db "$lap" sync export "$T_DIR/big.sync" >"$T_DIR/out" 2>&1 || problem "sync: export: $(cat "$T_DIR/out")"
diag "figure: the sync file: $(($(wc -l <"$T_DIR/big.sync") - 3)) changes, $(wc -c <"$T_DIR/big.sync") bytes"
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$DB" "$T_DIR/sync-base.db"
# What the home database holds with the file applied, to compare against.
sync_state() {
	q "SELECT count(*) FROM posts; SELECT count(*) FROM threads;
	   SELECT count(*) FROM search WHERE search MATCH 'syncznacznik';
	   SELECT count(*) FROM sync_applied; SELECT count(*) FROM sync_conflicts;
	   SELECT locked FROM threads WHERE title = 'Wątek z laptopa';
	   SELECT group_concat(post_count) FROM threads WHERE id IN ($stid, $ltid)" | tr '\n' ' '
}
content_sum() {
	q "SELECT id, thread_id, COALESCE(parent_id, 0), body, hidden, hex(path), COALESCE(edited_at, '')
	   FROM posts ORDER BY id" | cksum
}
NONE=$(sync_state)
t0=$(now_ms)
"$EMPIRIE" --db "$DB" sync apply "$T_DIR/big.sync" >"$T_DIR/out" 2>&1 || problem "sync: apply: $(cat "$T_DIR/out")"
T_SYNC=$(( $(now_ms) - t0 ))
ALL=$(sync_state)
ALL_SUM=$(content_sum)
diag "figure: applying it takes $T_SYNC ms here"
[ "$NONE" != "$ALL" ] || problem "sync: applying changed nothing ($ALL)"
before=$problems
sall=0 snone=0 swal=0 sk0=$kills SCALE=110
i=1
while [ $i -le $K_SYNC ]; do
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
	cp "$T_DIR/sync-base.db" "$DB"
	delay "$T_SYNC"
	kill_run /dev/null "$d" "$EMPIRIE" --db "$DB" sync apply "$T_DIR/big.sync"
	[ -n "${KILL_DEBUG:-}" ] && diag "sync $i: delay $d s, exit $rc"
	# Frames in the WAL but nothing applied: the kill landed while the transaction was
	# being written out (looked at before anything else opens the file).
	wal=0
	[ "$rc" -eq 137 ] && [ -s "$DB-wal" ] && wal=1
	verify "sync $i"
	st=$(sync_state)
	case "$st" in
	"$NONE") snone=$((snone + 1)) swal=$((swal + wal)) ;;
	"$ALL") sall=$((sall + 1)) ;;
	*) problem "sync $i: partly applied: [$st], want [$NONE] or [$ALL]" ;;
	esac
	# Applying again completes (or says it was done) and ends with the same content.
	"$EMPIRIE" --db "$DB" sync apply "$T_DIR/big.sync" >"$T_DIR/out" 2>&1 ||
		problem "sync $i: applying again failed: $(cat "$T_DIR/out")"
	[ "$(sync_state)" = "$ALL" ] || problem "sync $i: after applying again: [$(sync_state)], want [$ALL]"
	[ "$(content_sum)" = "$ALL_SUM" ] || problem "sync $i: after applying again the posts differ"
	i=$((i + 1))
done
verify "sync: the last one"
diag "figure: sync apply: $K_SYNC runs, $((kills - sk0)) killed, $sall with every change, $snone with none ($swal of them killed with the transaction half written to the WAL), $((K_SYNC - sall - snone)) partial"
is "sync apply: every run left the whole file applied or none of it, and applying again completes" "$problems" "$before"

# ---- (c) the full-screen application sending a reply ----
if ! command -v tmux >/dev/null; then
	skip "tmux is not installed: no kills of the full-screen application"
else
	. "$top_srcdir/tests/tui/tuilib.sh"
	trap 'tui_cleanup; rm -rf "$T_DIR"' EXIT
	DB="$T_DIR/tui.db"
	TUI_DB=$DB
	"$EMPIRIE" --db "$DB" init >/dev/null 2>&1
	prog_pid() { ps -o pid= --ppid "$(tui_tmux display-message -p -t "$TUI_SESSION" '#{pane_pid}' 2>/dev/null)" 2>/dev/null | head -n 1 | tr -d ' '; }
	open_reply() {
		tui_start 100 30 -- --as siec-1
		tui_wait "MIASTO CYFROWE" 30 || return 1
		tui_keys 1 Tab Tab Enter
		tui_wait "Przemyśl" 30 || return 1
		tui_keys r
		# a draft left by an earlier kill is not restored
		tries=600
		while [ $tries -gt 0 ]; do
			scr=$(tui_screen)
			case "$scr" in
			*"Restore the draft"*) tui_keys n ;;
			*"Reply to"*) return 0 ;;
			esac
			sleep 0.05
			tries=$((tries - 1))
		done
		return 1
	}
	send_reply() { tui_type "Odpowiedź tuiznacznik$1 zażółć gęślą jaźń"; tui_keys F2 y; }
	# The time from typing to the reply on the screen, measured once.
	before=$problems
	if open_reply; then
		t0=$(now_ms)
		send_reply 0
		tui_wait "Sent." 30 || problem "the reply was not sent"
		T_TUI=$(( $(now_ms) - t0 ))
	else
		T_TUI=0
		problem "the application did not open the reply editor"
	fi
	diag "figure: typing and sending a reply in the application takes $T_TUI ms here"
	tk=0 tpresent=0 tabsent=0 SCALE=100
	i=1
	while [ $i -le $K_TUI ] && [ "$T_TUI" -gt 0 ]; do
		if ! open_reply; then
			problem "TUI $i: the reply editor did not open"
			break
		fi
		pid=$(prog_pid)
		delay "$T_TUI"
		send_reply "$i"
		sleep "$d"
		kill -KILL "$pid" 2>/dev/null && tk=$((tk + 1))
		tui_wait "EMPIRIE-EXITED-" 10
		verify "TUI $i"
		n=$(q "SELECT count(*) FROM posts WHERE body LIKE '%tuiznacznik$i %'")
		s=$(q "SELECT count(*) FROM search WHERE search MATCH 'tuiznacznik$i'")
		case "$n" in 0) tabsent=$((tabsent + 1)) ;; 1) tpresent=$((tpresent + 1)) ;; *) problem "TUI reply $i stored $n times" ;; esac
		[ "$s" = "$n" ] || problem "TUI reply $i: $n posts, $s search entries"
		i=$((i + 1))
	done
	tui_stop
	kills=$((kills + tk))
	diag "figure: application: $tk kills, reply stored whole $tpresent times, absent $tabsent times"
	is "application: each reply is there with its search entry, or not at all" "$problems" "$before"
fi
diag "kills: $kills"
diag "figure: $kills SIGKILLs in all ($completed runs finished before the kill), $problems problems"
ok "the killed databases still pass 'empirie check'" "$EMPIRIE" --db "$T_DIR/posts.db" check
[ "$kills" -ge 100 ]
t_result $? "at least 100 kills ($kills)"
is "no problem after any kill" "$problems" 0
done_testing
