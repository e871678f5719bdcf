#!/bin/sh
# find.sh — / finds in the text being read (a card, help), any form of the words;
# n and N go to the next and previous match; the global search stays on F2 (issue 18).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
tui_start 100 30 NO_COLOR=1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F2
tui_type 'produkty lokalne'
tui_keys Enter
tui_assert_has "Meeting · 5 · Spotkanie sieci Miasto Przedsiębiorcze" "the meeting is found"
tui_keys Down Enter
tui_assert_has "Jarmark w Jarosławiu" "its card opens"
tui_keys /
tui_assert_has "Find:" "/ on a card asks what to find (not the global search)"
tui_assert_lacks "Type a town, a person" "the global search did not open"
tui_type 'jarmarku'
tui_keys Enter
tui_wait_gone "Find:" 5
ok_if "jarmarku finds 'Jarmark w Jarosławiu' (another form) and marks the word" sh -c "tmux -L '$TUI_SOCK' capture-pane -e -p -t '$TUI_SESSION' | grep -q \"\$(printf '\\033')\\[[0-9;]*mJarmark\""
tui_keys n n n
tui_assert_has "Found again from the top" "n goes to the next matches, and round to the first"
tui_keys N
tui_assert_has "Found again from the bottom" "N goes back round to the last"
tui_keys /
tui_type 'kosmodrom'
tui_keys Enter
tui_assert_has "Not found in this text: kosmodrom" "a word that is not there is said so"
tui_keys F2
tui_assert_has "Type a town, a person or any words" "F2 still opens the global search"
tui_keys Escape Escape
tui_keys F1
tui_assert_has "Help" "help opens"
tui_keys /
tui_assert_has "Find:" "/ in help asks what to find"
tui_type 'quit'
tui_keys Enter
tui_assert_lacks "Not found in this text" "and finds it"
tui_keys F10
tui_done
