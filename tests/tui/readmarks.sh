#!/bin/sh
# readmarks.sh — read marks made by the same person in another session show in this one
# (issue 20): the title line's unread count, the networks panel's count and the thread
# list's unread marks all follow a network marked read elsewhere, though the read mark
# bumps only the account's change (no network's, no thread's).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
tui_start 120 30
tui_assert_has "1 MIASTO CYFROWE" "session A shows the networks"
n1=$("$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '$1 == 1 { print $7 }')
total=$("$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '{ s += $7 } END { print s }')
ok_if "network 1 has unread posts ($n1 of $total)" test "$n1" -gt 0
# net_count N PATTERN: session A's networks panel shows network N's count as PATTERN.
net_count() { tui_screen | grep -q "│ $1 [A-ZĄĆĘŁŃÓŚŹŻ ]* *$2 │"; }
ok_if "session A's networks panel counts them" net_count 1 "$n1"
tui_assert_has "Drugie spotkanie sieci w Zabrzu             [1]" "and its thread list marks the unread threads"
# Session B: the same person, in a tmux session of its own, marks network 1 read (A).
tui_tmux new-session -d -s b -x 120 -y 30 \
	"env LANG=C.UTF-8 LC_ALL= TERM=xterm-256color XDG_CONFIG_HOME='$TUI_TMP/config' '$EMPIRIE' --db '$TUI_DB'; sleep 30"
tries=0
until tui_tmux capture-pane -p -t b 2>/dev/null | grep -q "1 MIASTO CYFROWE" || [ "$tries" -gt 100 ]; do
	sleep 0.05; tries=$((tries + 1))
done
tui_tmux send-keys -t b A
after=$((total - n1))
unread1() { "$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '$1 == 1 { print $7 }'; }
tries=0
until [ "$(unread1)" = 0 ] || [ "$tries" -gt 100 ]; do sleep 0.05; tries=$((tries + 1)); done
ok_if "session B marked network 1 read (the store has $after unread)" test "$(unread1)" = 0
ok_if "session A's title line follows ($total → $after)" tui_wait " $after unread posts" 10
# Waits up to 5 s, as the title line did.
tries=0
until net_count 1 "" || [ "$tries" -gt 100 ]; do sleep 0.05; tries=$((tries + 1)); done
ok_if "session A's networks panel follows: network 1 has no count" net_count 1 ""
tui_assert_lacks "Drugie spotkanie sieci w Zabrzu             [1]" "and its thread list has no unread marks"
n3=$("$EMPIRIE" --db "$TUI_DB" --no-header list networks | awk -F '\t' '$1 == 3 { print $7 }')
ok_if "the other networks keep theirs (network 3: $n3)" net_count 3 "$n3"
tui_tmux kill-session -t b >/dev/null 2>&1
tui_keys F10
tui_done
