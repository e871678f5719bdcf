#!/bin/sh
# presence.sh — who is here (issue 20): full-screen sessions, restricted ones too, keep
# a heartbeat; coordinators and administrators see "online: N" on the title line and
# 'empirie admin sessions' lists them at network level; a session that quits is gone at
# once, one that is killed is gone after the timeout (session_timeout, 3 s here).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account anna --role member --city Zabrze >/dev/null
e admin add-account kasia --role coordinator --city Zabrze >/dev/null
CONF="$TUI_TMP/empirie.conf"
printf 'session_timeout = 3\n' >"$CONF"
LONG="$TUI_TMP/long.conf"
printf 'session_timeout = 3600\n' >"$LONG"
me=$(id -un)
sessions() { e --no-header --config "$1" admin sessions; }
# A second session beside tuilib's own, in its own tmux session.
other() { # NAME ARGS...
	name=$1; shift
	tui_tmux new-session -d -s "$name" -x 100 -y 30 \
		"env LANG=C.UTF-8 LC_ALL= TERM=xterm '$EMPIRIE' --db '$TUI_DB' $*; echo EMPIRIE-EXITED-\$?; sleep 30"
}
other_screen() { tui_tmux capture-pane -p -t "$1" 2>/dev/null; }
wait_other() { # NAME TEXT
	tries=200
	while [ $tries -gt 0 ]; do
		other_screen "$1" | grep -qF -- "$2" && return 0
		sleep 0.05; tries=$((tries - 1))
	done
	return 1
}
wait_listed() { # CONF PATTERN [SECONDS] — until admin sessions has a line matching
	tries=$(( ${3:-10} * 10 ))
	while [ $tries -gt 0 ]; do
		sessions "$1" | grep -q -- "$2" && return 0
		sleep 0.1; tries=$((tries - 1))
	done
	return 1
}
wait_unlisted() {
	tries=$(( ${3:-10} * 10 ))
	while [ $tries -gt 0 ]; do
		sessions "$1" | grep -q -- "$2" || return 0
		sleep 0.1; tries=$((tries - 1))
	done
	return 1
}

tui_start 120 30 -- --config "$CONF"
tui_assert_has "online: 1" "the administrator's title line counts this session"
# Heartbeats go to the side file, never into the store (a write there would make every
# other session reload what it shows): over three heartbeats the store's -wal stays as
# it was while the side file's changes.
sig() { stat -c '%s %Y' "$1" 2>/dev/null; }
store_before=$(sig "$TUI_DB-wal") side_before=$(sqlite3 "$TUI_DB-presence" "SELECT seen FROM sessions")
sleep 3.5
ok_if "the heartbeats write the side file" test "$(sqlite3 "$TUI_DB-presence" "SELECT seen FROM sessions")" != "$side_before"
ok_if "and leave the store alone" test "$(sig "$TUI_DB-wal")" = "$store_before"
other anna --config "'$CONF'" --as anna
ok_if "a member's session starts" wait_other anna "MIASTO CYFROWE"
tui_assert_has "online: 2" "and the count shows it within a heartbeat"
ok_if "a member's title line has no count" sh -c "! tmux -L '$TUI_SOCK' capture-pane -p -t anna | grep -q 'online:'"
ok_if "admin sessions lists the member" wait_listed "$CONF" "^anna	Zabrze	"
ok_if "and the administrator" wait_listed "$CONF" "^$me	"
line=$(sessions "$CONF" | grep "^anna	")
ok_if "with since and last seen as UTC times" sh -c "echo '$line' | grep -q '	20[0-9-]*T[0-9:]*Z	20[0-9-]*T[0-9:]*Z	'"
ok_if "at network level: network 1, on the networks screen, not restricted" sh -c "echo '$line' | grep -q '	1	networks	no\$'"
# Into a thread: the row says "reading", never which thread.
tui_keys Tab Tab
tui_wait "› Threads" 5
tui_keys Enter
ok_if "when the administrator reads a thread the row says reading" wait_listed "$CONF" "^$me	.*	1	reading	no\$"
tid=$(sqlite3 "$TUI_DB" "SELECT min(id) FROM threads" 2>/dev/null)
ok_if "and names no thread or post" sh -c "! sessions_out=\$('$EMPIRIE' --db '$TUI_DB' --no-header --config '$CONF' admin sessions) || ! echo \"\$sessions_out\" | grep '^$me' | cut -f5- | grep -q 'thread\|post'"
tui_keys q

# A coordinator may list them too; a member may not.
ok_if "a coordinator may list the sessions" sh -c "'$EMPIRIE' --db '$TUI_DB' --config '$CONF' --as kasia admin sessions | grep -q '^anna'"
"$EMPIRIE" --db "$TUI_DB" --config "$CONF" --as anna admin sessions >/dev/null 2>"$TUI_TMP/err"
ok_if "a member may not" grep -q "Only coordinators and administrators" "$TUI_TMP/err"

# Killed without goodbye: gone after the timeout, from the list and the count.
pane=$(tui_tmux display-message -p -t anna '#{pane_pid}')
kid=$(ps -o pid= --ppid "$pane" | head -n 1 | tr -d ' ')
kill -KILL "$kid"
listed() { sessions "$1" | grep -q -- "$2"; }
ok_if "a killed session is still listed at first" listed "$CONF" "^anna"
ok_if "and is gone after the timeout" wait_unlisted "$CONF" "^anna" 15
tui_assert_has "online: 1" "the count drops back to 1"
tui_tmux kill-session -t anna >/dev/null 2>&1

# A session that quits removes its row at once (long timeout: not by expiry).
other kasia --config "'$LONG'" --as kasia
ok_if "a session with a long timeout is listed" wait_listed "$LONG" "^kasia"
ok_if "a coordinator's title line has the count" wait_other kasia "online: "
tui_tmux send-keys -t kasia F10
ok_if "it quits" wait_other kasia "EMPIRIE-EXITED-0"
ok_if "and is no longer listed, long before its timeout" sh -c "! '$EMPIRIE' --db '$TUI_DB' --no-header --config '$LONG' admin sessions | grep -q '^kasia'"
tui_tmux kill-session -t kasia >/dev/null 2>&1

# A restricted session (the SSH service account's) is here too, as a guest.
other kiosk --restricted --config "'$CONF'"
ok_if "a restricted session starts" wait_other kiosk "MIASTO CYFROWE"
ok_if "it is listed as restricted" wait_listed "$CONF" "^guest	.*	yes\$"
tui_tmux send-keys -t kiosk F10
wait_other kiosk "EMPIRIE-EXITED-"
tui_tmux kill-session -t kiosk >/dev/null 2>&1

# In Polish.
if tui_has_locale pl_PL.UTF-8; then
	tui_start 120 30 LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 -- --config "$CONF"
	tui_assert_has "zalogowanych: 1" "the count is translated"
else
	tui_skip "the count is translated" "locale pl_PL.UTF-8 is not installed"
fi
tui_stop
ok_if "no session is left listed" sh -c "! '$EMPIRIE' --db '$TUI_DB' --no-header --config '$CONF' admin sessions | grep -q ."
tui_done
