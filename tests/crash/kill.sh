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
K_IMPORT=40 K_POST=60 K_TUI=12 K_SYNC=30 K_EXPORT=15 K_SNAP=15 K_CREATE=15 ROWS=2000 PAD=300 REPLIES=200 SPAD=1000
if [ -n "${EMPIRIE_SANITIZED:-}" ]; then
	K_IMPORT=30 K_POST=90 K_TUI=6 K_SYNC=20 K_EXPORT=10 K_SNAP=10 K_CREATE=10 ROWS=300 PAD=100 REPLIES=60 SPAD=1000
fi
command -v tmux >/dev/null || K_TUI=0
command -v gzip >/dev/null || K_CREATE=0
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
# The index's own tokenizer (lemma.c) lives in the program: a raw sqlite3 cannot MATCH; the
# index is checked after every kill by 'empirie check' (counters and index in step), and
# counted here through search_docsize, one row per indexed document.
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
	s=$n # per document: 'empirie check' (raw sqlite3 has no tokenizer of ours)
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
while [ $i -le $K_POST ] || { [ $((kills + K_TUI + K_SYNC + K_EXPORT + K_SNAP + 2 * K_CREATE)) -lt 100 ] && [ $i -le $((K_POST * 2)) ]; }; do
	body "$i"
	delay "$T_POST"
	case $((i % 3)) in
	0) kill_run "$T_DIR/body" "$d" "$EMPIRIE" --db "$DB" post --network 1 --title "Wątek $i" ;;
	1) kill_run "$T_DIR/body" "$d" "$EMPIRIE" --db "$DB" reply "$tid" ;;
	2) kill_run "$T_DIR/body" "$d" "$EMPIRIE" --db "$DB" reply "$tid" --to "$first" ;;
	esac
	verify "post $i"
	n=$(q "SELECT count(*) FROM posts WHERE body LIKE 'wpis znacznik$i %'")
	s=$n # per document: 'empirie check' (raw sqlite3 has no tokenizer of ours)
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
	   SELECT count(*) FROM search_docsize;
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

# ---- (e) writing a sync file: the file is whole or absent, and no change is lost ----
# The laptop has new changes since its last file. Kill 'sync export' at random; then the
# laptop's database is intact, FILE is absent or a whole file that applies, and a second
# export (as a person would run after the crash) carries the rest: the home database that
# applies what exists ends with the same content as one that got a single clean file.
DB=$lap
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
i=1
while [ $i -le $((REPLIES / 4)) ]; do
	{ echo "eksport eksznacznik odpowiedź $i"; cat "$T_DIR/spad"; } >"$T_DIR/body"
	"$EMPIRIE" --db "$lap" reply "$stid" <"$T_DIR/body" >/dev/null
	i=$((i + 1))
done
echo "Poprawione znowu eksznacznik" | "$EMPIRIE" --db "$lap" edit "$sfirst" >/dev/null
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$lap" "$T_DIR/lap-base.db"
DB="$T_DIR/sync-home.db"
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$DB" "$T_DIR/home-synced.db"
# The reference: one clean export applied at home.
cp "$T_DIR/lap-base.db" "$T_DIR/lap-k.db"
t0=$(now_ms)
"$EMPIRIE" --db "$T_DIR/lap-k.db" sync export "$T_DIR/ref.sync" >"$T_DIR/out" 2>&1 || problem "export: $(cat "$T_DIR/out")"
T_EXPORT=$(( $(now_ms) - t0 ))
diag "figure: writing a sync file of $(($(wc -l <"$T_DIR/ref.sync") - 3)) changes ($(wc -c <"$T_DIR/ref.sync") bytes) takes $T_EXPORT ms here"
cp "$T_DIR/home-synced.db" "$DB"
"$EMPIRIE" --db "$DB" sync apply "$T_DIR/ref.sync" >"$T_DIR/out" 2>&1 || problem "export: the clean file: $(cat "$T_DIR/out")"
REF_SUM=$(content_sum)
[ "$(q "SELECT count(*) FROM posts WHERE body LIKE 'eksport eksznacznik%'")" = $((REPLIES / 4)) ] ||
	problem "export: the clean file did not carry the new replies"
before=$problems
ewhole=0 eabsent=0 ek0=$kills SCALE=110
i=1
while [ $i -le $K_EXPORT ]; do
	rm -f "$T_DIR/lap-k.db"* "$T_DIR"/e.sync* "$T_DIR"/e2.sync*
	cp "$T_DIR/lap-base.db" "$T_DIR/lap-k.db"
	delay "$T_EXPORT"
	kill_run /dev/null "$d" "$EMPIRIE" --db "$T_DIR/lap-k.db" sync export "$T_DIR/e.sync"
	DB="$T_DIR/lap-k.db"
	verify "export $i (the laptop)"
	DB="$T_DIR/sync-home.db"
	[ "$(sqlite3 "$T_DIR/lap-k.db" "SELECT id, body, hidden, COALESCE(edited_at, '') FROM posts ORDER BY id" | cksum)" = \
	  "$(sqlite3 "$T_DIR/lap-base.db" "SELECT id, body, hidden, COALESCE(edited_at, '') FROM posts ORDER BY id" | cksum)" ] ||
		problem "export $i: the laptop's posts changed"
	cp "$T_DIR/home-synced.db" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	if [ -e "$T_DIR/e.sync" ]; then
		ewhole=$((ewhole + 1))
		"$EMPIRIE" --db "$DB" sync apply "$T_DIR/e.sync" >"$T_DIR/out" 2>&1 ||
			problem "export $i: the file left in place does not apply: $(cat "$T_DIR/out")"
	else
		eabsent=$((eabsent + 1))
	fi
	"$EMPIRIE" --db "$T_DIR/lap-k.db" sync export "$T_DIR/e2.sync" >"$T_DIR/out" 2>&1 ||
		problem "export $i: exporting again failed: $(cat "$T_DIR/out")"
	"$EMPIRIE" --db "$DB" sync apply "$T_DIR/e2.sync" >"$T_DIR/out" 2>&1 ||
		problem "export $i: applying the second file failed: $(cat "$T_DIR/out")"
	[ "$(content_sum)" = "$REF_SUM" ] || problem "export $i: the home database differs from one that got a clean file"
	verify "export $i (home)"
	i=$((i + 1))
done
[ "$eabsent" -gt 0 ] || problem "export: no kill landed before the file was in place (the delays missed)"
diag "figure: sync export: $K_EXPORT runs, $((kills - ek0)) killed, file in place $ewhole times, absent $eabsent times"
is "sync export: the file is whole or absent, and exporting again loses no change" "$problems" "$before"

# ---- (f) taking an offline copy: the copy is whole or absent, the source intact ----
DB="$T_DIR/sync-home.db"
cp "$T_DIR/home-synced.db" "$DB"
rm -f "$DB-wal" "$DB-shm"
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$DB" "$T_DIR/snap-base.db"
SRC_SUM=$(content_sum)
t0=$(now_ms)
"$EMPIRIE" --db "$DB" snapshot "$T_DIR/s0.db" >"$T_DIR/out" 2>&1 || problem "snapshot: $(cat "$T_DIR/out")"
T_SNAP=$(( $(now_ms) - t0 ))
diag "figure: an offline copy of $(wc -c <"$DB") bytes takes $T_SNAP ms here"
before=$problems
swhole=0 sabsent=0 sk0=$kills SCALE=110
i=1
while [ $i -le $K_SNAP ]; do
	rm -f "$DB" "$DB-wal" "$DB-shm" "$T_DIR"/s.db*
	cp "$T_DIR/snap-base.db" "$DB"
	delay "$T_SNAP"
	kill_run /dev/null "$d" "$EMPIRIE" --db "$DB" snapshot "$T_DIR/s.db"
	verify "snapshot $i (the source)"
	[ "$(content_sum)" = "$SRC_SUM" ] || problem "snapshot $i: the source's posts changed"
	if [ -e "$T_DIR/s.db" ]; then
		swhole=$((swhole + 1))
		[ "$(sqlite3 "$T_DIR/s.db" 'PRAGMA integrity_check')" = ok ] || problem "snapshot $i: the copy is damaged"
		"$EMPIRIE" --db "$T_DIR/s.db" check >"$T_DIR/out" 2>&1 || problem "snapshot $i: the copy: $(cat "$T_DIR/out")"
		[ "$(DB="$T_DIR/s.db"; content_sum)" = "$SRC_SUM" ] || problem "snapshot $i: the copy's posts differ from the source's"
		# a copy of this database, with a site number the source has handed out
		cs=$(sqlite3 "$T_DIR/s.db" "SELECT (SELECT value FROM meta WHERE key = 'family') = '$(q "SELECT value FROM meta WHERE key = 'family'")'
			AND CAST((SELECT value FROM meta WHERE key = 'site') AS INTEGER) BETWEEN 1 AND $(q "SELECT CAST(value AS INTEGER) - 1 FROM meta WHERE key = 'sites_next'")")
		[ "$cs" = 1 ] || problem "snapshot $i: the copy is not numbered as a copy of the source"
	else
		sabsent=$((sabsent + 1))
		# a copy taken now works
		"$EMPIRIE" --db "$DB" snapshot "$T_DIR/s.db" >"$T_DIR/out" 2>&1 ||
			problem "snapshot $i: taking the copy again failed: $(cat "$T_DIR/out")"
	fi
	i=$((i + 1))
done
verify "snapshot: the last one"
[ "$sabsent" -gt 0 ] || problem "snapshot: no kill landed before the copy was in place (the delays missed)"
diag "figure: snapshot: $K_SNAP runs, $((kills - sk0)) killed, copy in place $swhole times, absent $sabsent times"
is "snapshot: the copy is whole or absent, the source intact" "$problems" "$before"

# ---- (g) creating a new database, and upgrading an old one in place ----
# Each schema step is one transaction, and filling a new file with the bundled directory
# another: after a kill the file is at one schema version, whole, with no part of the
# directory (or all of it), an old file's posts and drafts untouched; the next start
# completes the work.
if command -v gzip >/dev/null; then
	DB="$T_DIR/new.db"
	t0=$(now_ms)
	"$EMPIRIE" --db "$DB" init >/dev/null 2>&1 || problem "init failed"
	T_INIT=$(( $(now_ms) - t0 ))
	REF_NEW=$(q "SELECT count(*) FROM cities; SELECT count(*) FROM networks; SELECT count(*) FROM practices; SELECT count(*) FROM search_docsize" | tr '\n' ' ')
	old="$T_DIR/old.db"
	gzip -dc "$top_srcdir/tests/data/schema2.sql.gz" | sqlite3 "$old"
	cp "$old" "$T_DIR/old-base.db"
	OLD_SUM=$(sqlite3 "$old" "SELECT id, body FROM posts ORDER BY id; SELECT title, body FROM drafts ORDER BY id; SELECT count(*) FROM cities" | cksum)
	t0=$(now_ms)
	"$EMPIRIE" --db "$old" info >/dev/null 2>&1 || problem "upgrade failed"
	T_UPGRADE=$(( $(now_ms) - t0 ))
	REF_OLD=$(sqlite3 "$old" "PRAGMA user_version; SELECT count(*) FROM practices; SELECT count(*) FROM search_docsize" | tr '\n' ' ')
	diag "figure: a new database takes $T_INIT ms here, upgrading the schema-2 file $T_UPGRADE ms"
	before=$problems
	nwhole=0 nnone=0 uold=0 umid=0 unew=0 gk0=$kills SCALE=110
	i=1
	while [ $i -le $K_CREATE ]; do
		DB="$T_DIR/new.db"
		rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
		delay "$T_INIT"
		kill_run /dev/null "$d" "$EMPIRIE" --db "$DB" init
		# The schema and the directory are two transactions: a file may hold the schema
		# alone (its 'kind' not yet set), never part of the directory.
		# (sqlite3 would create a missing file: look only at one that is there)
		if [ ! -e "$DB" ]; then
			nnone=$((nnone + 1))
		elif [ -s "$DB" ] && [ "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'meta'")" = 1 ] &&
		   [ -n "$(q "SELECT value FROM meta WHERE key = 'kind'")" ]; then
			nwhole=$((nwhole + 1))
			[ "$(q "SELECT count(*) FROM cities; SELECT count(*) FROM networks; SELECT count(*) FROM practices; SELECT count(*) FROM search_docsize" | tr '\n' ' ')" = "$REF_NEW" ] ||
				problem "create $i: a database with part of the bundled directory"
		else
			nnone=$((nnone + 1))
			# (the schema itself may be part way: each step is a transaction of its own)
			[ "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'cities'")" = 0 ] ||
			[ "$(q "SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM networks)")" = 0 ] ||
				problem "create $i: part of the directory without its mark: $(q "SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM networks)")"
		fi
		"$EMPIRIE" --db "$DB" info >"$T_DIR/out" 2>&1 || problem "create $i: the next start failed: $(cat "$T_DIR/out")"
		verify "create $i"
		[ "$(q "SELECT count(*) FROM cities; SELECT count(*) FROM networks; SELECT count(*) FROM practices; SELECT count(*) FROM search_docsize" | tr '\n' ' ')" = "$REF_NEW" ] ||
			problem "create $i: after the next start the directory is not whole"

		DB=$old
		rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
		cp "$T_DIR/old-base.db" "$DB"
		delay "$T_UPGRADE"
		kill_run /dev/null "$d" "$EMPIRIE" --db "$DB" info
		[ "$(q 'PRAGMA integrity_check')" = ok ] || problem "upgrade $i: integrity_check"
		# Each step of the upgrade (2 to 3, 3 to 4, ...) is one transaction: the file is
		# at one of the versions, whole, with its posts, drafts and towns.
		v=$(q 'PRAGMA user_version')
		if [ "$v" = 2 ]; then
			uold=$((uold + 1))
		elif [ "$v" = "${REF_OLD%% *}" ]; then
			unew=$((unew + 1))
		elif [ "$v" -gt 2 ] 2>/dev/null && [ "$v" -lt "${REF_OLD%% *}" ]; then
			umid=$((umid + 1)) # any step between (there are more than nine now)
		else
			problem "upgrade $i: schema $v"
		fi
		[ "$(sqlite3 "$DB" "SELECT id, body FROM posts ORDER BY id; SELECT title, body FROM drafts ORDER BY id; SELECT count(*) FROM cities" | cksum)" = "$OLD_SUM" ] ||
			problem "upgrade $i: posts, drafts or towns changed (schema $v)"
		"$EMPIRIE" --db "$DB" info >"$T_DIR/out" 2>&1 || problem "upgrade $i: the next start failed: $(cat "$T_DIR/out")"
		verify "upgrade $i"
		[ "$(q "PRAGMA user_version; SELECT count(*) FROM practices; SELECT count(*) FROM search_docsize" | tr '\n' ' ')" = "$REF_OLD" ] ||
			problem "upgrade $i: after the next start: $(q "PRAGMA user_version; SELECT count(*) FROM practices; SELECT count(*) FROM search_docsize" | tr '\n' ' '), want $REF_OLD"
		[ "$(sqlite3 "$DB" "SELECT id, body FROM posts ORDER BY id; SELECT title, body FROM drafts ORDER BY id; SELECT count(*) FROM cities" | cksum)" = "$OLD_SUM" ] ||
			problem "upgrade $i: posts, drafts or towns differ after the upgrade"
		i=$((i + 1))
	done
	diag "figure: create: $K_CREATE runs, the directory whole $nwhole times, not yet there $nnone times; upgrade: $K_CREATE runs, still schema 2 $uold times, part way $umid times, upgraded $unew times; $((kills - gk0)) killed in all"
	is "creating and upgrading: the old file or the new one, whole, and the next start completes" "$problems" "$before"
else
	skip "gzip is needed to load the old database"
fi

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
		s=$n # per document: 'empirie check' (raw sqlite3 has no tokenizer of ours)
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
