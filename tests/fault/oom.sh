#!/bin/sh
# oom.sh — memory running out: each command is run again and again with one allocation
# failing (the Nth, through tests/fault/failmalloc.so), N spread over every allocation the
# command makes. Each run must end with status 0 or 1 — never a crash — and a status 1
# must come with a message; a write must be wholly there (status 0) or wholly absent
# (status 1), with its search entries, and the file must pass integrity_check and
# 'empirie check'. EMPIRIE_SEED=N repeats the same allocations; EMPIRIE_OOM_RUNS sets the
# runs per command (default 300).
. "$top_srcdir/tests/lib.sh"
shim="$top_builddir/tests/fault/failmalloc.so"
if [ -n "${EMPIRIE_SANITIZED:-}" ] || [ -n "${EMPIRIE_VALGRIND_BIN:-}" ]; then
	echo "1..0 # SKIP the sanitizers and valgrind bring their own allocator"
	exit 0
fi
if [ ! -f "$shim" ] || ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP failmalloc.so (glibc) and sqlite3 are needed"
	exit 0
fi
SEED=${EMPIRIE_SEED:-$(date +%s)}
RUNS=${EMPIRIE_OOM_RUNS:-300}
diag "seed: $SEED"
q() { sqlite3 "$1" "$2" 2>&1; }
e init >/dev/null 2>&1
# A practice and a meeting whose keys the runs below ask for again: a new one must get
# a key of its own ("-2"), never take the place of these, whatever allocation fails.
e practice add --title "Praktyka pamięci" --town Hrubieszów --networks 1 \
	--problem pierwszy >/dev/null 2>&1
e meeting add --network 1 --title "Spotkanie pamięci" --date 2030-03-03 \
	--host Zabrze --summary pierwszy >/dev/null 2>&1
q "$EMPIRIE_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
base="$T_DIR/base.db"
cp "$EMPIRIE_DB" "$base"
db="$T_DIR/run.db"
printf 'name,voivodeship,project_title\n' >"$T_DIR/towns.csv"
i=1
while [ $i -le 20 ]; do
	printf 'Pamięciowo %d,mazowieckie,Projekt numer %d\n' $i $i >>"$T_DIR/towns.csv"
	i=$((i + 1))
done
echo "Odpowiedź oomznacznik zażółć gęślą jaźń" >"$T_DIR/body"
first=$(q "$base" "SELECT min(id) FROM posts WHERE thread_id = 1")

problems=0
problem() {
	problems=$((problems + 1))
	[ "$problems" -le 10 ] && diag "$*"
}
# The allocations a command makes when none fails.
count_allocs() { # STDIN ARGS...
	in=$1
	shift
	cp "$base" "$db"
	rm -f "$db-wal" "$db-shm"
	EMPIRIE_ALLOC_COUNT="$T_DIR/count" LD_PRELOAD="$shim" "$EMPIRIE" --db "$db" "$@" <"$in" >/dev/null 2>&1
	cat "$T_DIR/count"
}
# oom_runs LABEL KIND STDIN ARGS...: KIND is "read", or a query whose answer the
# command, done, changes from what it is on the base file to what it is after a run
# with no failure (wholly absent, wholly there).
oom_runs() {
	label=$1 kind=$2 in=$3
	shift 3
	total=$(count_allocs "$in" "$@")
	want= none=
	[ "$kind" != read ] && want=$(q "$db" "$kind") none=$(q "$base" "$kind")
	from=${FROM:-1}
	[ "$from" -le "$total" ] || from=1
	step=$(((total - from + 1) / RUNS))
	[ "$step" -ge 1 ] || step=1
	off=$(awk -v s="$SEED" -v m="$step" -v f="$from" 'BEGIN { srand(s); print int(rand() * m) + f }')
	n=0 ok0=0 failed=0 k=$off
	while [ "$k" -le "$total" ]; do
		if [ "$kind" != read ] || [ "$n" -eq 0 ]; then
			cp "$base" "$db"
			rm -f "$db-wal" "$db-shm"
		fi
		EMPIRIE_FAIL_ALLOC=$k LD_PRELOAD="$shim" "$EMPIRIE" --db "$db" "$@" <"$in" >/dev/null 2>"$T_DIR/err"
		rc=$?
		n=$((n + 1))
		case "$rc" in
		0) ok0=$((ok0 + 1)) ;;
		1) failed=$((failed + 1))
		   [ -s "$T_DIR/err" ] || problem "$label, allocation $k: status 1 without a message" ;;
		*) problem "$label, allocation $k: status $rc: $(head -c 300 "$T_DIR/err")" ;;
		esac
		if [ "$kind" != read ]; then
			got=$(q "$db" "$kind")
			case "$rc:$got" in
			"0:$want" | "1:$none") ;;
			*) problem "$label, allocation $k: status $rc but [$got] stored (whole: [$want])" ;;
			esac
			ic=$(q "$db" 'PRAGMA integrity_check')
			[ "$ic" = ok ] || problem "$label, allocation $k: integrity_check: $ic"
			if [ $((n % 10)) -eq 0 ]; then
				"$EMPIRIE" --db "$db" check >"$T_DIR/chk" 2>&1 ||
					problem "$label, allocation $k: empirie check: $(cat "$T_DIR/chk")"
			fi
		fi
		k=$((k + step))
	done
	diag "figure: oom: $label: $total allocations, $n runs (every ${step}th from $off): $ok0 finished, $failed said why and stopped"
}

# The Polish dictionary's loading is most of a command's allocations (about 550,000 of
# 560,000 for a reply): spread over all of them, the runs would test little else. So the
# commands run first without the dictionary, the runs spread over their own work; then a
# reply with it, a few runs while it loads (Hunspell's C++ throws when memory runs out:
# src/text/hunspell_guard.cc) and the rest in what follows (lemmas looked up and stored
# inside the reply's transaction).
nodict="$T_DIR/nodict.conf"
echo "dictionary = none" >"$nodict"
before=$problems
oom_runs "list networks" read /dev/null --config "$nodict" list networks
oom_runs "search" read /dev/null --config "$nodict" search miasto dostępne
oom_runs "show a thread" read /dev/null --config "$nodict" show thread 1
RUNS=30
oom_runs "search, with the dictionary" read /dev/null search miastach dostępnych
RUNS=${EMPIRIE_OOM_RUNS:-300}
is "reading: every run finished or said why" "$problems" "$before"

before=$problems
# The index's tokenizer (lemma.c) lives in the program, so a raw sqlite3 cannot MATCH:
# its entries are counted through search_docsize (one row per indexed document), and
# 'empirie check' (index and counters in step) runs on every tenth file.
oom_runs "reply" "SELECT count(*) || ',' || (SELECT count(*) FROM search_docsize) FROM posts WHERE body LIKE 'Odpowiedź oomznacznik%'" \
	"$T_DIR/body" --config "$nodict" reply 1 --to "$first"
with=$(count_allocs "$T_DIR/body" reply 1 --to "$first")
without=$(count_allocs "$T_DIR/body" --config "$nodict" reply 1 --to "$first")
loading=$((with - without))
diag "figure: oom: the dictionary's loading makes about $loading of a reply's $with allocations"
reply_kind="SELECT count(*) || ',' || (SELECT count(*) FROM search_docsize) FROM posts WHERE body LIKE 'Odpowiedź oomznacznik%'"
RUNS=15
oom_runs "reply, the dictionary loading" "$reply_kind" "$T_DIR/body" reply 1 --to "$first"
RUNS=45 FROM=$loading
oom_runs "reply, the dictionary loaded" "$reply_kind" "$T_DIR/body" reply 1 --to "$first"
RUNS=${EMPIRIE_OOM_RUNS:-300} FROM=1
oom_runs "new thread" "SELECT count(*) || ',' || (SELECT coalesce(sum(post_count), 0) FROM threads WHERE title = 'Wątek pamięci') FROM threads WHERE title = 'Wątek pamięci'" \
	"$T_DIR/body" --config "$nodict" post --network 1 --title "Wątek pamięci"
oom_runs "a practice whose key is taken" "SELECT group_concat(problem, ',') || ';' || (SELECT count(*) FROM search_docsize) FROM (SELECT problem FROM practices WHERE title = 'Praktyka pamięci' ORDER BY id)" \
	/dev/null --config "$nodict" practice add --title "Praktyka pamięci" --town Hrubieszów \
	--networks 2 --problem drugi
oom_runs "a meeting whose key is taken" "SELECT group_concat(summary, ',') || ';' || (SELECT count(*) FROM search_docsize) FROM (SELECT summary FROM meetings WHERE title = 'Spotkanie pamięci' ORDER BY id)" \
	/dev/null --config "$nodict" meeting add --network 1 --title "Spotkanie pamięci" \
	--date 2030-03-03 --host Zabrze --summary drugi
oom_runs "import" "SELECT count(*) || ',' || (SELECT count(*) FROM search_docsize) FROM cities WHERE name LIKE 'Pamięciowo %'" \
	/dev/null --config "$nodict" import cities "$T_DIR/towns.csv"
is "writing: every change whole or absent, status and message to match, the file sound" "$problems" "$before"

# Applying a sync file on the home database: a coordinator's new thread, locked in the
# copy, and a member's reply, each checked on the way in (the id in the copy's range,
# the right to post, not a second first post, the right to lock). Memory running out
# inside a check must fail the whole file, not make the line a conflict (or the lock
# refused) and the file count as applied.
before=$problems
synchome="$T_DIR/synchome.db" lap="$T_DIR/lap.db"
cp "$base" "$synchome"
e --db "$synchome" admin add-account anna --role member --city Zabrze >/dev/null 2>&1
e --db "$synchome" admin add-account koord --role coordinator --network 1 >/dev/null 2>&1
e --db "$synchome" snapshot "$lap" >/dev/null 2>&1
lt=$(echo "Z laptopa: pierwszy wpis" | e --db "$lap" --as koord post --network 1 --title "Wątek z laptopa")
echo "Z laptopa: odpowiedź" | e --db "$lap" --as anna reply "$lt" >/dev/null
e --db "$lap" --as koord moderate lock "$lt" --reason "zamknięty" >/dev/null 2>&1
e --db "$lap" sync export "$T_DIR/lap.sync" >/dev/null 2>&1
[ -s "$T_DIR/lap.sync" ]; t_result $? "a copy's file to apply ($lt)"
q "$synchome" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
plain_base=$base base=$synchome
oom_runs "sync apply" "SELECT (SELECT count(*) || COALESCE(sum(locked), 0) FROM threads WHERE title = 'Wątek z laptopa') || ',' || (SELECT count(*) FROM posts WHERE body LIKE 'Z laptopa%') || ',' || (SELECT count(*) FROM sync_applied) || ',' || (SELECT count(*) FROM sync_conflicts)" \
	/dev/null --config "$nodict" sync apply "$T_DIR/lap.sync"
base=$plain_base
is "sync apply: the whole file or nothing, never a conflict made by memory" "$problems" "$before"
is "no problem in any run" "$problems" 0
done_testing
