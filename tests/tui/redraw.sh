#!/bin/sh
# redraw.sh — a post by someone else draws again only what it changed (issue 20: a
# post costs a session that does not show it ≤ 0.1 ms; drawing the whole screen was
# most of that). The main screen draws the panels whose rows changed ("draw parts"),
# a screen whose own text did not change only the title line ("draw title"); either
# way the screen must read exactly as a whole new drawing (Ctrl-L) makes it.
# EMPIRIE_TRACE_RELOADS records each drawing after a look ("draw all|parts|title").
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
trace="$TUI_TMP/trace"
tid_1=$(echo "Wątek w sieci 1" | e post --network 1 --title "Wątek w sieci pierwszej")
tid_2=$(echo "Wątek w sieci 2" | e post --network 2 --title "Wątek w sieci drugiej")
tui_start 140 30 "EMPIRIE_TRACE_RELOADS=$trace" -- --as siec-2
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys 2
tui_assert_has "Wątek w sieci drugiej" "network 2's threads show"
unread_store() { e --as siec-2 list networks | awk -F '\t' 'NR > 1 { n += $7 } END { print n + 0 }'; }
# After a post elsewhere: what was drawn for it, and whether the screen reads as a
# whole new drawing does.
mark() { sleep 1; lines=$(wc -l <"$trace" 2>/dev/null || echo 0); }
drawn() { tail -n +"$((lines + 1))" "$trace" 2>/dev/null | grep '^draw' | sort -u | tr '\n' ' '; }
same_as_new() {
	tui_screen >"$TUI_TMP/before"
	tui_keys C-l
	sleep 1
	tui_screen >"$TUI_TMP/after"
	grep -q "MIASTO\|unread" "$TUI_TMP/before" || return 1
	if cmp -s "$TUI_TMP/before" "$TUI_TMP/after"; then
		return 0
	fi
	diff "$TUI_TMP/before" "$TUI_TMP/after" | sed 's/^/#   /'
	return 1
}

mark
echo "Odpowiedź w sieci 1" | e reply "$tid_1" >/dev/null
ok_if "a post in network 1 raises the title's unread count" tui_wait " $(unread_store) unread post" 10
sleep 1
d=$(drawn)
echo "# drawn: $d"
ok_if "the main screen drew only the panels that changed (drawn: $d)" test "$d" = "draw parts "
n1=$(e --as siec-2 list networks | awk -F '\t' '$1 == 1 { print $7 }')
ok_if "network 1's unread count in the list is the store's ($n1)" \
	sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "1 MIASTO CYFROWE *$3 "' x \
	"$TUI_SOCK" "$TUI_SESSION" "$n1"
ok_if "the screen reads as a whole new drawing makes it" same_as_new

mark
echo "Nowy wątek" | e post --network 2 --title "Nowy wątek w sieci drugiej" >/dev/null
ok_if "a new thread in network 2 shows in its thread list" tui_wait "Nowy wątek w sieci drugiej" 10
sleep 1
d=$(drawn)
echo "# drawn: $d"
ok_if "the main screen drew only the panels that changed (drawn: $d)" test "$d" = "draw parts "
ok_if "the screen reads as a whole new drawing makes it" same_as_new

# The reader, on network 2's thread: a post in network 1 changes the title line only.
tui_keys Tab Tab
tui_assert_has "› Threads" "the thread list has the focus"
tui_keys g
tui_wait "Nowy wątek w sieci drugiej" 5
tui_keys Enter
tui_assert_has "Nowy wątek" "the newest thread opens"
# The reader marks the thread read once it has shown it, and draws all for that: let it
# (and the look at its own write) pass before the post below.
tid_new=$(e list threads --network 2 | awk -F '\t' '/Nowy wątek w sieci drugiej/ { print $1 }')
read_new() { sqlite3 "$TUI_DB" "SELECT count(*) FROM read_state WHERE thread_id = $tid_new AND account_id = (SELECT id FROM accounts WHERE login = 'siec-2')" 2>/dev/null; }
tries=0
until [ "$(read_new)" = 1 ] || [ "$tries" -gt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
sleep 1
mark
echo "Druga odpowiedź w sieci 1" | e reply "$tid_1" >/dev/null
ok_if "a post in network 1 raises the title's unread count under the reader" \
	tui_wait " $(unread_store) unread post" 10
sleep 1
d=$(drawn)
echo "# drawn: $d"
ok_if "the reader drew the title line only (drawn: $d)" test "$d" = "draw title "
ok_if "the screen reads as a whole new drawing makes it" same_as_new
mark
echo "Odpowiedź w otwartym wątku" | e reply "$tid_new" >/dev/null
ok_if "a reply in the open thread shows in it" tui_wait "Odpowiedź w otwartym wątku" 10
sleep 1
d=$(drawn)
ok_if "... drawn whole (drawn: $d)" test "$d" = "draw all "
ok_if "the screen reads as a whole new drawing makes it" same_as_new

tui_keys F1
tui_wait "Keys on this screen"
tui_keys G
ok_if "help names Ctrl-L" tui_wait "Draw the whole screen again"
tui_keys F10
tui_done
