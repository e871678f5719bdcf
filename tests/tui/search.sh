#!/bin/sh
# search.sh — F2 / search: folded matching, highlighted words, opening a result.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
tui_start 100 24 NO_COLOR=1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys /
tui_type "LOMZA"
tui_keys Enter
tui_assert_has "Town · Łomża" "LOMZA finds the town Łomża"
ok_if "the matched word is highlighted (bold) in the result" sh -c "tmux -L '$TUI_SOCK' capture-pane -e -p -t '$TUI_SESSION' | grep -q \"\$(printf '\\033')\\[1m[^ ]*Łomża\""
tui_keys Enter
tui_assert_has "podlaskie (from a cited source)" "Enter opens the town's card"
tui_keys q q
tui_keys F2
tui_type 'zrodla "NEAR *'
tui_keys Enter
tui_assert_lacks "rror" "query syntax typed by a person is harmless"
tui_keys F10
tui_done
