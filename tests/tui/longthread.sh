#!/bin/sh
# longthread.sh — a thread of hundreds of posts: G jumps to its last post at once (the
# store gives the last window), and moving back up from there works.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
DB="$TUI_TMP/syn.db"
"$EMPIRIE" --db "$DB" gen --towns 60 --threads 3 --posts 1500 --seed 3 >/dev/null
TUI_DB=$DB
big=$("$EMPIRIE" --db "$DB" --no-header list threads --network 1 | sort -t "$(printf '\t')" -k3,3n | tail -1)
tid=$(echo "$big" | cut -f1)
n=$(echo "$big" | cut -f3)
ok_if "a long synthetic thread exists ($n posts)" test "${n:-0}" -gt 300
echo "Ostatni wpis w długim wątku" | "$EMPIRIE" --db "$DB" reply "$tid" >/dev/null
tui_start 100 30
tui_assert_has "SYNTHETIC DATA" "the title line says the data is synthetic"
tui_keys 1 Tab Tab
tui_assert_has "› Threads" "the threads of network 1"
tui_keys g Enter
tui_assert_has "── " "the newest thread opens"
tui_keys G
tui_assert_has "Ostatni wpis w długim wątku" "G shows the last post of the long thread"
tui_keys PPage PPage k k
tui_assert_lacks "Ostatni wpis w długim wątku" "and one can move back up from the end"
tui_keys g
tui_assert_has "── " "g goes back to the first post"
tui_keys F10
tui_done
