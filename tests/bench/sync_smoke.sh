#!/bin/sh
# sync_smoke.sh — the sync benchmark (tests/bench/sync_lock.py) runs: a small home
# database, a file of 60 changes from a member's copy, applied while another connection
# writes. It asserts only that it works and prints its figures; the measurements are
# make bench-sync's (issue 23).
: "${EMPIRIE:?EMPIRIE must name the program to test}"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/empirie-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..2"
if python3 "${top_srcdir:-.}/tests/bench/sync_lock.py" "$EMPIRIE" "$tmp" --posts 300 --changes 60 --runs 1 \
	>"$tmp/out" 2>&1; then
	echo "ok 1 - the benchmark runs"
else
	echo "not ok 1 - the benchmark runs"
fi
sed 's/^/# /' "$tmp/out"
if grep -q "another writer's longest wait" "$tmp/out" && grep -q "raw SQLite" "$tmp/out"; then
	echo "ok 2 - and prints the wait beside the raw SQLite cost"
else
	echo "not ok 2 - and prints the wait beside the raw SQLite cost"
fi
