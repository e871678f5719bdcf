#!/bin/sh
# find.sh — / finds in the text being read (a card, help), any form of the words;
# n and N go to the next and previous match; the global search stays on F2 (issue 18).
# In the reader the same find works over the whole thread; Esc ends it and n/N return
# to next post / next unread.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
# A thread whose matches lie far apart: long posts between them, so each match has to
# be scrolled to (and the reader loads only a window of posts).
filler() { i=1; while [ $i -le 40 ]; do echo "Wiersz numer $i o zieleni."; i=$((i + 1)); done; }
{ echo "Początek wątku o zieleni miejskiej."; filler; } |
	"$EMPIRIE" --db "$TUI_DB" post --network 1 --title "Łąki kwietne" >"$TUI_TMP/tid"
tid=$(cat "$TUI_TMP/tid")
echo "Plan rewitalizacji parku przy ratuszu." | "$EMPIRIE" --db "$TUI_DB" reply "$tid" >/dev/null
{ echo "Środek wątku."; filler; } | "$EMPIRIE" --db "$TUI_DB" reply "$tid" >/dev/null
{ echo "Rewitalizacja zakończona w maju."; filler; } | "$EMPIRIE" --db "$TUI_DB" reply "$tid" >/dev/null
echo "Ostatni wpis bez tego słowa." | "$EMPIRIE" --db "$TUI_DB" reply "$tid" >/dev/null
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
# The reader: / finds in this thread (a fresh start: the main screen).
tui_stop
tui_start 100 30 NO_COLOR=1
tui_assert_has "MIASTO CYFROWE" "the main screen shows again"
tui_keys F2
tui_type 'kwietne'
tui_keys Enter
tui_assert_has "Thread · 1 · Łąki kwietne" "the thread is found"
tui_keys Down Enter
tui_assert_has "Początek wątku o zieleni" "the reader opens the thread"
tui_assert_lacks "Plan rewitalizacji" "the first match is below the screen"
tui_keys /
tui_assert_has "Find:" "/ in the reader asks what to find"
tui_assert_lacks "Type a town, a person" "the global search did not open from the reader"
tui_type 'rewitalizacji'
tui_keys Enter
tui_wait_gone "Find:" 5
tui_assert_has "Plan rewitalizacji parku" "the reader scrolls to the first match"
tui_assert_has "n and N: the next and previous match; Esc ends the find" "the status line says how to go on"
# A paste into the reader's find line is text (bracketed paste, as a terminal pastes);
# the same words again leave the find where it was.
tui_keys /
tui_wait "Find:" 5
printf 'rewitalizacji' >"$TUI_TMP/find-paste.txt"
tui_tmux load-buffer -b fp "$TUI_TMP/find-paste.txt" && tui_tmux paste-buffer -d -b fp -t "$TUI_SESSION" -p
tui_assert_has "Find: rewitalizacji" "a paste into the reader's find line is typed there"
tui_assert_lacks "nothing was pasted here" "and not refused"
tui_keys Enter
tui_wait_gone "Find:" 5
tui_assert_has "Łąki kwietne" "still in the reader of the thread"
ok_if "the match is marked in the reader" sh -c "tmux -L '$TUI_SOCK' capture-pane -e -p -t '$TUI_SESSION' | grep -q \"\$(printf '\\033')\\[[0-9;]*mrewitalizacji\""
tui_keys n
tui_assert_has "Rewitalizacja zakończona" "n goes to the next match (another form of the word)"
tui_assert_lacks "Plan rewitalizacji" "the view has moved down to it"
tui_keys n
tui_assert_has "Found again from the top" "n goes round to the first match"
tui_assert_has "Plan rewitalizacji parku" "and shows it"
tui_keys N
tui_assert_has "Found again from the bottom" "N goes back round to the last match"
tui_assert_has "Rewitalizacja zakończona" "and shows it"
tui_keys /
tui_type 'kosmodrom'
tui_keys Enter
tui_assert_has "Not found in this thread: kosmodrom" "a word not in the thread is said so"
tui_keys /
tui_type 'zakończona'
tui_keys Enter
tui_wait_gone "Find:" 5
tui_keys Escape
tui_assert_has "The find is over" "Esc ends the find"
tui_assert_has "Rewitalizacja zakończona" "and stays in the reader"
tui_keys n
tui_assert_has "Ostatni wpis bez tego" "after Esc, n is the next post again"
tui_assert_lacks "Found again" "and not a find"
tui_keys F2
tui_assert_has "Type a town, a person or any words" "F2 still opens the global search from the reader"
tui_keys q
tui_wait_gone "Type a town, a person" 5
tui_keys s
tui_assert_has "Type a town, a person or any words" "s too"
tui_keys q
tui_wait_gone "Type a town, a person" 5
# F10 says "Quit" on the key bar while a find line is open too: it quits (storm.sh
# ended with the help's find line open and F10 did nothing).
tui_keys /
tui_type 'abc'
tui_wait "Find: abc"
tui_keys F10
quit_status() { [ "$(tui_exit_status 5)" = 0 ]; }
ok_if "F10 in the reader's find line quits" quit_status
tui_start 100 30
tui_wait "MIASTO CYFROWE"
tui_keys F1
tui_wait "Keys on this screen"
tui_keys /
tui_type 'abc'
tui_wait "Find: abc"
tui_keys F10
ok_if "F10 in the help's find line quits" quit_status
tui_done
