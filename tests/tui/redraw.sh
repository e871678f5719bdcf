#!/bin/sh
# redraw.sh — a post by someone else draws again only what it changed (issue 20: a
# post costs a session that does not show it ≤ 0.1 ms; drawing the whole screen was
# most of that). The main screen draws the panels whose rows changed ("draw parts"),
# a screen whose own text did not change only the title line ("draw title"); either
# way the screen must read exactly as a whole new drawing (Ctrl-L) makes it.
# EMPIRIE_TRACE_RELOADS records each drawing after a look ("draw all|parts|title").
# Compared with colours and attributes, under a theme whose "normal" has a background
# (a blanked panel must be blank as the erased screen is). Ctrl-L works wherever the
# keys go, and keeps the message on the status line; a long message, wrapped over the
# panels, stays whole after a partial drawing.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
mkdir -p "$TUI_TMP/config/empirie"
printf 'color normal white blue\n' >"$TUI_TMP/config/empirie/config"
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
	tui_tmux capture-pane -e -p -t "$TUI_SESSION" >"$TUI_TMP/before"
	tui_keys C-l
	sleep 1
	tui_tmux capture-pane -e -p -t "$TUI_SESSION" >"$TUI_TMP/after"
	grep -q "MIASTO\|unread" "$TUI_TMP/before" || return 1
	cells="${top_srcdir:-.}/tests/tui/cells.py"
	python3 "$cells" "$TUI_TMP/before" >"$TUI_TMP/before.cells"
	python3 "$cells" "$TUI_TMP/after" >"$TUI_TMP/after.cells"
	if cmp -s "$TUI_TMP/before.cells" "$TUI_TMP/after.cells"; then
		return 0
	fi
	diff "$TUI_TMP/before.cells" "$TUI_TMP/after.cells" | cut -c1-4000 | sed 's/^/#   /'
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

# At 80×24 a refused paste's message wraps over the panels' last row.
tui_keys q
tui_wait "MIASTO CYFROWE"
tui_resize 80 24
tui_wait "F10" 5
sleep 1
printf 'abc' >"$TUI_TMP/paste"
tui_tmux load-buffer -b p "$TUI_TMP/paste"
tui_tmux paste-buffer -d -b p -t "$TUI_SESSION" -p
tui_assert_has "nothing was" "a paste on the main screen is refused on the status line"
whole_message() { tui_screen | tr -d '\n' | tr -s ' ' | grep -q "Pasting works only in text fields.*nothing was pasted here"; }
ok_if "the message wraps over the panels, whole" whole_message
mark
echo "Odpowiedź pod komunikatem" | e reply "$tid_2" >/dev/null
tui_wait " $(unread_store) unread post" 10
sleep 1
d=$(drawn)
ok_if "a post in the network shown draws parts (drawn: $d)" test "$d" = "draw parts "
ok_if "the message is still whole after it" whole_message
ok_if "the screen reads as a whole new drawing makes it (Ctrl-L keeps the message)" same_as_new
# Ctrl-L wherever the keys go: the command line, the thread-title limit, a box.
tty=$(tui_tmux display-message -p -t "$TUI_SESSION" '#{pane_tty}')
garble_then() { # keys that open it; then garbage on the terminal, Ctrl-L, and look
	tui_keys "$@"
	sleep 0.5
	printf '\033[5;5HGARBAGEXYZ' >"$tty"
	tui_wait GARBAGEXYZ 2 || return 1
	tui_keys C-l
	tui_wait_gone GARBAGEXYZ 3
}
if [ -w "$tty" ]; then
	ok_if "Ctrl-L while the command line is typed" garble_then :
	tui_keys Escape
	tui_wait_gone "GARBAGE" 2
	sleep 0.5
	ok_if "Ctrl-L while the thread-title limit is asked" garble_then F
	tui_keys Escape
	sleep 0.5
	ok_if "Ctrl-L in the filter box of the practices" garble_then F8 f
	tui_keys Escape
	tui_wait_gone "Filter by" 3
	tui_keys q
	tui_wait "Towns (" 3
else
	tui_skip "Ctrl-L while the command line is typed" "the pane's terminal is not writable"
	tui_skip "Ctrl-L while the thread-title limit is asked" "the pane's terminal is not writable"
	tui_skip "Ctrl-L in the filter box of the practices" "the pane's terminal is not writable"
fi

tui_keys F1
tui_wait "Keys on this screen"
tui_keys G
ok_if "help names Ctrl-L" tui_wait "Draw the whole screen again"
tui_keys F10
tui_done
