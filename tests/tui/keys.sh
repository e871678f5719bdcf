#!/bin/sh
# keys.sh — the bytes PuTTY sends with its default settings (TERM=xterm, Home/End as
# ESC[1~/ESC[4~, F-keys as ESC[11~…, Backspace as DEL), fed raw through tmux
# (send-keys -H): the editor stores exactly what was typed, End in the reader goes to
# the last post, End in the lists is no Esc-then-4, unknown and split sequences never
# reach a text field (issue 16).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
hex() { tui_tmux send-keys -t "$TUI_SESSION" -H "$@"; }
HOME_=" 1b 5b 31 7e" END_="1b 5b 34 7e" DEL_="1b 5b 33 7e" LEFT_="1b 4f 44" BS_="7f"
F2_="1b 5b 31 32 7e" F10_="1b 5b 32 31 7e"

TUI_TERM=xterm tui_start 100 30 NO_COLOR=1 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F3
tui_assert_has "New thread in network 1" "the editor opens"
tui_type "Klawisze PuTTY"
tui_keys Tab
tui_type "abc"
hex $HOME_
tui_type "X"
hex $END_
tui_type "Z"
tui_keys Enter
tui_type "śćx"
hex $LEFT_
hex $BS_
hex $DEL_
tui_type "ź"
# unknown sequences: swallowed whole
hex 1b 5b 39 39 7e
hex 1b 5b 31 3b 35 58
hex 1b 5b 3f 31 3b 32 63
# Home split in two writes (a slow network)
hex 1b 5b
sleep 0.1
hex 31 7e
tui_type "<"
tui_wait "<śź" 5
hex $F2_
tui_assert_has "Send this now?" "PuTTY's F2 (ESC[12~) asks before sending"
tui_keys y
tui_assert_has "Sent." "the thread is sent"
ID=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | awk -F '\t' '$6 == "Klawisze PuTTY" { print $1 }')
BODY=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID" | awk -F '\t' 'NR == 1 { print $8 }')
ok_if "abc Home X End Z, Left Backspace Delete, Polish letters: stored exactly" \
	test "$BODY" = 'XabcZ\n<śź'
hex $F10_
tui_keys q
tui_stop

# A thread of three long posts by someone else: End in the reader shows the last one.
long=$(awk 'BEGIN { for (i = 1; i <= 40; i++) printf "wiersz %d\n", i }')
T=$(printf 'Pierwszy wpis\n%s\n' "$long" | "$EMPIRIE" --db "$TUI_DB" post --network 1 --title "Długi wątek" 2>/dev/null | tr -dc 0-9)
printf 'Drugi wpis\n%s\n' "$long" | "$EMPIRIE" --db "$TUI_DB" reply "$T" >/dev/null 2>&1
printf 'OSTATNI WPIS\n' | "$EMPIRIE" --db "$TUI_DB" reply "$T" >/dev/null 2>&1
unread() { "$EMPIRIE" --db "$TUI_DB" --as siec-1 --no-header list threads --network 1 | awk -F '\t' -v t="$T" '$1 == t { print $4 }'; }
ok_if "the thread has 3 unread posts for siec-1 ($(unread))" test "$(unread)" = 3
TUI_TERM=xterm tui_start 100 30 NO_COLOR=1 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
hex $END_
sleep 0.5
ok_if "End in the networks list is not Esc then 4 (still on the main screen)" tui_running
tui_assert_lacks "› Network 4" "End did not open network 4"
tui_keys Home Tab Tab
tui_assert_has "Długi wątek" "the thread is listed"
tui_keys Enter
tui_assert_has "Pierwszy wpis" "the reader opens at the first post"
hex $END_
tui_assert_has "OSTATNI WPIS" "PuTTY's End (ESC[4~) goes to the last post"
tui_keys q
tui_wait "› Threads" 5
ok_if "the last post's read mark is stored (0 unread; was 3)" test "$(unread)" = 0
hex $F10_
ok_if "PuTTY's F10 (ESC[21~) quits" test "$(tui_exit_status)" = 0
tui_done
