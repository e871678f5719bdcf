#!/bin/sh
# dbfile.sh — the database file deleted, replaced or corrupted (bytes overwritten in the
# middle) under a running session of the full-screen application: it keeps working or
# says what happened, and never crashes; a new start on the corrupted file gives a clear
# error naming the file.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed"
	exit 0
fi
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
awk 'BEGIN { print "name,voivodeship"; for (i = 1; i <= 2000; i++) printf "Miasto Próbne %d,mazowieckie\n", i }' >"$TUI_TMP/c.csv"
e import cities "$TUI_TMP/c.csv" >/dev/null 2>&1
sqlite3 "$TUI_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$TUI_DB" "$TUI_TMP/good.db"
# Browse: networks, a thread, the towns, search, back.
browse() {
	tui_keys 1 Tab Tab Enter
	tui_wait "Przemyśl" 5
	tui_keys q Tab Enter
	sleep 0.3
	tui_keys q F2
	sleep 0.3
	tui_type "miasto"
	tui_keys Enter
	sleep 0.5
	tui_keys Escape q
	sleep 0.3
}
alive_or_clean() { # the program runs, or ended with 0 or 1 (never a signal)
	tui_running && return 0
	st=$(tui_exit_status 1)
	[ "$st" = 0 ] || [ "$st" = 1 ]
}
cases=0
for fault in deleted replaced corrupted; do
	cp "$TUI_TMP/good.db" "$TUI_DB"
	rm -f "$TUI_DB-wal" "$TUI_DB-shm"
	tui_start 100 30
	tui_wait "MIASTO CYFROWE" 30
	case $fault in
	deleted) rm -f "$TUI_DB" "$TUI_DB-wal" "$TUI_DB-shm" ;;
	replaced) sqlite3 "$TUI_TMP/other.db" 'CREATE TABLE t(x)'; mv "$TUI_TMP/other.db" "$TUI_DB" ;;
	corrupted) dd if=/dev/urandom of="$TUI_DB" bs=4096 seek=30 count=60 conv=notrunc 2>/dev/null ;;
	esac
	cases=$((cases + 1))
	browse
	ok_if "$fault under the session: no crash" alive_or_clean
	if tui_running; then
		tui_keys q F10
		tui_wait "EMPIRIE-EXITED-" 10
	fi
	st=$(tui_exit_status 5)
	ok_if "$fault: it ends with status 0 or 1 ($st)" test "$st" = 0 -o "$st" = 1
done
# A new start on the corrupted file.
"$EMPIRIE" --db "$TUI_DB" list cities >"$TUI_TMP/out" 2>"$TUI_TMP/err"
ok_if "a new start on the corrupted file fails" test $? = 1
ok_if "naming the file" grep -qF "$TUI_DB" "$TUI_TMP/err"
ok_if "and saying it is damaged" grep -q "damaged" "$TUI_TMP/err"
"$EMPIRIE" --db "$TUI_DB" check >"$TUI_TMP/out" 2>&1
ok_if "empirie check reports the damage" grep -q "damaged" "$TUI_TMP/out"
tui_start 100 30
tui_wait "damaged" 30
ok_if "the application started on it says the file is damaged" tui_wait "damaged" 1
ok_if "naming the file" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | tr -d "\n" | grep -qF "$(basename "$3")"' sh "$TUI_SOCK" "$TUI_SESSION" "$TUI_DB"
tui_keys F10
st=$(tui_exit_status 10)
ok_if "and quits without a crash ($st)" test "$st" = 0 -o "$st" = 1
echo "# figure: database file faults under a running session: $cases (deleted, replaced, corrupted), no crash"
tui_done
