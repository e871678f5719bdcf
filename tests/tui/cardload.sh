#!/bin/sh
# cardload.sh — a card loads what it shows, and what its keys may do, when it opens and
# when data changes, not each time the screen is drawn (issue 19: the meeting and
# practice cards asked the store 3–4 questions at every draw and every key, for the key
# bar). Counted with EMPIRIE_TRACE_SQL, which writes every statement the session runs.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account anna --role member --city Zabrze >/dev/null
sql="$TUI_TMP/sql"
tui_start 100 30 "EMPIRIE_TRACE_SQL=$sql" -- --as anna
tui_wait "MIASTO CYFROWE" 10 || true
ok_if "the statements are traced" test -s "$sql"

# The statements run while the card is drawn again for 8 keys that only move the
# selection among its links (less the look for changes, PRAGMA data_version, which
# each wake of the program takes whatever the screen). Sets n and writes the
# statements into $TUI_TMP/during.
redraws() {
	sleep 1
	a=$(wc -l <"$sql")
	for k in 1 2 3 4; do
		tui_keys Down
		sleep 0.2
		tui_keys Up
		sleep 0.2
	done
	sleep 1
	tail -n +"$((a + 1))" "$sql" | grep -v '^PRAGMA data_version$' >"$TUI_TMP/during"
	n=$(wc -l <"$TUI_TMP/during")
	cut -c1-90 "$TUI_TMP/during" | sort | uniq -c | sed 's/^/#   sql: /'
}

tui_keys F9 x Enter
tui_assert_has "Your town" "a meeting's card opens"
redraws
echo "# figure: cardload: $n statements while a meeting's card was drawn for 8 keys"
ok_if "drawing the meeting's card again asks the store nothing ($n statements)" test "$n" -eq 0
tui_keys q q F8 x Enter
tui_assert_has "Good practice" "a practice's card opens"
redraws
echo "# figure: cardload: $n statements while a practice's card was drawn for 8 keys"
ok_if "drawing the practice's card again asks the store nothing ($n statements)" test "$n" -eq 0
tui_keys F10
tui_done
