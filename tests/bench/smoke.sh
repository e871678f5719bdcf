#!/bin/sh
# smoke.sh — the capacity benchmark (tests/bench/sessions.py) runs: three sessions on a
# small database see posts arrive and answer a key. It asserts only that it works; the
# figures are make bench-sessions' (issue 20).
: "${EMPIRIE:?EMPIRIE must name the program to test}"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/empirie-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
"$EMPIRIE" --db "$tmp/s.db" init >/dev/null 2>&1 || { echo "1..1"; echo "not ok 1 - init"; exit 1; }
python3 "${top_srcdir:-.}/tests/bench/sessions.py" "$EMPIRIE" "$tmp/s.db" --sessions 3 --smoke
