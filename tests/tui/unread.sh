#!/bin/sh
# unread.sh — reading a thread lowers the unread count in the title line, and the
# panels agree with the command line.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

total=$("$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '{ s += $7 } END { print s }')
tui_start 120 40
tui_assert_has "$total unread posts" "the title line shows the unread total ($total)"
tui_assert_has "1 MIASTO CYFROWE" "the networks show"
n1=$("$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '$1 == 1 { print $7 }')
ok_if "network 1 shows the CLI's unread count ($n1)" sh -c "$(printf '%s' 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "1 MIASTO CYFROWE *$3 "')" x "$TUI_SOCK" "$TUI_SESSION" "$n1"
tui_keys Tab Tab Enter
tui_assert_has "Przemyśl" "the thread opens"
after=$((total - 1))
tui_assert_has "$after unread posts" "the title line drops to $after"
tui_keys q
tui_wait "› Threads"
line=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | head -n 1)
ok_if "the CLI shows the read thread with 0 unread" test "$(printf '%s' "$line" | cut -f 4)" = 0
ok_if "the panel shows no unread mark for it" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep "Spotkanie sieci w Prz" | grep -vq "\[1\]"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "the panel still marks the others" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep "Drugie spotkanie sieci w Zabrz" | grep -q "\[1\]"' x "$TUI_SOCK" "$TUI_SESSION"
n1=$("$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '$1 == 1 { print $7 }')
ok_if "network 1 now shows the CLI's count ($n1)" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "1 MIASTO CYFROWE *$3 "' x "$TUI_SOCK" "$TUI_SESSION" "$n1"
# next unread goes on to the next thread with unread posts
tui_keys N
tui_assert_has "Drugie spotkanie sieci Miasto Cyfrowe w Zabrzu" "N opens the next unread thread"
tui_assert_has "$((after - 1)) unread posts" "and reading it lowers the count again"
# changes by others show without a restart
printf 'Wiadomość z zewnątrz\n' | "$EMPIRIE" --db "$TUI_DB" --as siec-2 post --network 2 --title "Nowy wątek z CLI" >/dev/null 2>&1
tui_keys q
tui_keys 2
tui_assert_has "Nowy wątek z CLI" "a thread written elsewhere appears"
tui_keys q
ok_if "quits cleanly" test "$(tui_exit_status)" = 0
tui_done
