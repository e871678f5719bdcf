#!/bin/sh
# resize.sh — 120×40 → 80×24 → 40×12 → 20×6 → 120×40 on each screen: the place is
# kept, a notice shows when the terminal is too small, nothing crashes.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

cycle() { # $1: what is on the screen
	tui_resize 80 24
	tui_assert_has "$2" "$1: 80×24 still shows it"
	tui_resize 40 12
	tui_assert_has "Help" "$1: 40×12 still draws"
	tui_resize 20 6
	tui_assert_has "small" "$1: 20×6 says the terminal is too small"
	tui_resize 120 40
	tui_assert_has "$2" "$1: back at 120×40"
	ok_if "$1: the program still runs" tui_running
}

tui_start 120 40
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys j j Tab Tab j
tui_assert_has "3 MIASTO OBYWATELI › Threads" "network 3 and its threads are selected"
cycle "main screen" "3 MIASTO OBYWATELI › Threads"
# the same thread is still selected: it opens
tui_keys Enter
tui_assert_has "Gospodarz: Kędzierzyn-Koźle" "the selected thread is kept"
tui_keys j j j j j
tui_wait "Tematy" 2
BEFORE=$(tui_screen | sed -n 2p)
cycle "reader" "Kędzierzyn-Koźle"
AFTER=$(tui_screen | sed -n 2p)
ok_if "reader: the scroll position is kept" test "$BEFORE" = "$AFTER"
tui_keys q Left Left Enter
tui_assert_has "Network 3:" "the network card opens"
cycle "network card" "Network 3:"
tui_keys q Tab Enter
tui_assert_has "Cieszyn" "the town card opens"
cycle "town card" "Cieszyn"
tui_keys q 1 F3
tui_assert_has "New thread in network 1" "the editor opens"
tui_type "Tytuł"
tui_keys Tab
tui_type "Zażółć gęślą jaźń i jeszcze trochę tekstu, który się zawinie w wąskim oknie"
cycle "editor" "Zażółć gęślą jaźń"
tui_keys Escape
tui_assert_has "Keep the text as a draft?" "Esc asks whether to keep a draft"
tui_keys n
tui_assert_has "F4 Reply" "back on the main screen"
tui_keys q
ok_if "quits cleanly" test "$(tui_exit_status)" = 0
tui_done
