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
# Issue 18: inflected names, a way on when nothing is found, lemma search off.
tui_keys Escape F2 C-u
tui_type 'w Żywcu'
tui_keys Enter
tui_assert_has "Town · Żywiec" "w Żywcu finds the town Żywiec"
tui_keys Tab C-u
tui_type 'zywec'
tui_keys Enter
tui_assert_has "Did you mean: Żywiec?" "zywec: did you mean Żywiec"
tui_keys Tab C-u
tui_type 'rewitalizacjowe'
tui_keys Enter
tui_assert_has "showing the results for" "an unknown form: the results for its beginning"
tui_assert_has "Practice · 5 · Rewitalizacja zbiornika" "which find the practice"
tui_keys F10
printf 'dictionary = %s/none/pl_PL\n' "$TUI_TMP" >"$TUI_TMP/nodict.conf"
tui_start 100 24 NO_COLOR=1 -- --config "$TUI_TMP/nodict.conf"
tui_assert_has "MIASTO CYFROWE" "without the dictionary the program starts"
tui_keys F2
tui_assert_has "Lemma search is off" "the search screen says lemma search is off"
tui_assert_has "hunspell-pl" "and how to turn it on"
tui_type 'rewitalizacja'
tui_keys Enter
tui_assert_has "Rewitalizacja zbiornika" "search works without it"
tui_keys F10
tui_done
