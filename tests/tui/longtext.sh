#!/bin/sh
# longtext.sh — long user text on the cards is never cut without a mark (issue 19): a good
# practice with a title of 1,900 bytes, taken up by Jarosław, on Jarosław's card. The line
# "→ TITLE (Hrubieszów): in use" was cut at 1,200 bytes and lost its town and status; now
# a line longer than its buffer keeps its head and end with "…" between.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
title="Początek"
i=0; while [ $i -lt 230 ]; do title="$title żółw"; i=$((i + 1)); done
title="$title koniec"
e admin add-account jar --role member --city Jarosław >/dev/null
p1=$(e practice add --title "$title" --town Hrubieszów --networks 1)
e --as jar uptake set "$p1" --town Jarosław --status in-use >/dev/null

tui_start 200 60 -- --as jar
tui_open_taken_up_practice
tui_assert_has "A good practice of Hrubieszów" "the practice's card"
tui_keys G g Down Down Enter
tui_assert_has "Took up 1 practice of another town" "Jarosław's card"
tui_assert_has "koniec (Hrubieszów): in use" "the line of the practice it took keeps its end: whose, how far"
tui_assert_has "→ Początek żółw" "and its beginning"
tui_assert_has "żółw …" "with the cut marked in the middle"
tui_assert_lacks "EMPIRIE-EXITED" "still running"
tui_keys q q q q
tui_done
