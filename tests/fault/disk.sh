#!/bin/sh
# disk.sh — a full disk during a write, simulated with a file size limit (ulimit -f in a
# subshell; no root needed): the write fails with a clear, translated message (not a
# death by SIGXFSZ), the file stays intact, everything stored before is still there,
# and smaller writes and the same write without the limit work afterwards.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed"
	exit 0
fi
q() { sqlite3 "$EMPIRIE_DB" "$1"; }
e init >/dev/null 2>&1
tid=$(echo "Treść przed awarią dysku" | e post --network 1 --title "Przed awarią")
q 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
snapshot() { q "SELECT (SELECT count(*) FROM cities), (SELECT count(*) FROM posts), (SELECT count(*) FROM threads), (SELECT group_concat(body, '|') FROM posts WHERE thread_id = $tid)"; }
before=$(snapshot)
awk 'BEGIN { print "name,voivodeship"; for (i = 1; i <= 3000; i++) printf "Pełnodyskowo %d,mazowieckie\n", i }' >"$T_DIR/big.csv"
# 200 blocks: 100 KB (POSIX 512-byte blocks) or 200 KB (bash): the import needs more.
limited() { sh -c 'ulimit -f 200 && exec "$@"' sh "$@"; }
n=0
exit_is "an import past the size limit fails" 1 limited "$EMPIRIE" import cities "$T_DIR/big.csv"
n=$((n + 1))
like "with a clear message" "$(cat "$T_DIR/err")" "the disk may be full or the file at its size limit; nothing was saved"
unlike "not a death by SIGXFSZ" "$(cat "$T_DIR/err")" "File size limit exceeded"
is "integrity_check: ok" "$(q 'PRAGMA integrity_check')" ok
exit_is "empirie check finds nothing wrong" 0 e check
is "everything stored before is there, nothing of the import" "$(snapshot)" "$before"
# A long reply: the same, and the thread keeps its counters.
awk 'BEGIN { for (i = 0; i < 6000; i++) printf "słowo%d ", i; print "" }' >"$T_DIR/long"
exit_is "a long reply past the limit fails" 1 sh -c 'ulimit -f 40 && exec "$EMPIRIE" reply "$1" <"$2"' sh "$tid" "$T_DIR/long"
n=$((n + 1))
like "with the same message" "$(cat "$T_DIR/err")" "at its size limit; nothing was saved"
is "nothing of it stored" "$(snapshot)" "$before"
exit_is "a short reply under the same limit works" 0 sh -c 'echo "krótka odpowiedź" | { ulimit -f 200 && exec "$EMPIRIE" reply "$1"; }' sh "$tid"
exit_is "without the limit the import works" 0 e import cities "$T_DIR/big.csv"
is "with all its rows" "$(q "SELECT count(*) FROM cities WHERE name LIKE 'Pełnodyskowo %'")" 3000
if has_locale pl_PL.UTF-8; then
	exit_is "in Polish too" 1 env LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 sh -c 'ulimit -f 40 && exec "$EMPIRIE" reply "$1" <"$2"' sh "$tid" "$T_DIR/long"
	n=$((n + 1))
	like "translated" "$(cat "$T_DIR/err")" "nic nie zostało zapisane"
else
	skip "locale pl_PL.UTF-8 is not installed"
fi
exit_is "and the file is in good order at the end" 0 e check
diag "figure: disk full (file size limit): $n failed writes, all reported, 0 records lost"
done_testing
