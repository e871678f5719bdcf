#!/bin/sh
# A real sshd on 127.0.0.1 with forced commands: a member lands in the application,
# browses, replies (checked with the CLI), cannot escape it, and quits; a guest's key
# cannot post. The deployment of the README, in miniature.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
. "${top_srcdir:-.}/tests/ssh/sshlib.sh"
if ! ssh_available; then
	echo "1..0 # SKIP sshd, ssh or tmux not installed (openssh-server, openssh-client)"
	exit 0
fi
tui_init
T_DIR=$TUI_TMP
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account anna --name "Anna Testowa" --role member --city Zabrze >/dev/null
chmod 600 "$TUI_DB"
CONF="$T_DIR/empirie.conf"
printf 'database = %s\nrestricted = yes\ntrust_as = yes\n' "$TUI_DB" > "$CONF"
if ! start_sshd; then
	echo "1..0 # SKIP cannot start a private sshd: $(tail -1 "$T_DIR/ssh/sshd.log" 2>/dev/null)"
	exit 0
fi
trap 'stop_sshd; tui_cleanup' EXIT
add_key anna "$EMPIRIE --restricted --config $CONF --as anna"
add_key gosc "$EMPIRIE --restricted --config $CONF --as gosc"

# ssh_login NAME: a new tmux session whose only program is the ssh client.
ssh_login() {
	tui_stop
	TUI_RUN=$((${TUI_RUN:-0} + 1))
	TUI_SESSION="t$TUI_RUN"
	tui_tmux new-session -d -s "$TUI_SESSION" -x 80 -y 24 \
		"env LANG=C.UTF-8 TERM=xterm-256color $(ssh_cmd "$1") -o SendEnv=LANG; echo CONNECTION-CLOSED-rc=\$?; sleep 30"
	tui_tmux set-option -g status off >/dev/null 2>&1
}

ssh_login anna
tui_assert_has "MIASTO CYFROWE" "over ssh the member lands in the main screen"
tui_assert_has "Anna Testowa (member)" "the title line names the account from the key"
tui_assert_lacks "LEADERSHIP" "a member does not see the leaders' network"
tui_keys Tab Tab
tui_assert_has "› Threads" "browsing: Tab reaches the threads"
tui_keys Enter
tui_assert_has "Gospodarz: Przemyśl" "a thread opens over ssh (network 1, Zabrze's)"
tui_keys F4
tui_assert_has "Reply to" "F4 opens the editor"
tui_type "Odpowiedź przez SSH: zażółć gęślą jaźń"
tui_keys C-x
tui_assert_has "Send this now?" "asked before sending"
tui_keys y
tui_assert_has "Sent." "the reply is sent"
ok_if "the CLI finds the reply, by anna" sh -c "'$EMPIRIE' --db '$TUI_DB' --no-header search 'przez ssh' | grep -q 'post'"
ok_if "the audit log has the client address 127.0.0.1" sh -c "'$EMPIRIE' --db '$TUI_DB' --no-header admin audit | grep -q '127.0.0.1'"

# Escapes: suspend, quit characters, shell-ish keys, the external editor.
tui_keys C-z
sleep 0.3
tui_keys 'C-\' '!' '|'
tui_assert_has "Anna Testowa (member)" "Ctrl-Z, Ctrl-\\, ! and | leave us in the application"
ok_if "the connection is still open" sh -c "! tmux -L '$TUI_SOCK' capture-pane -p -t '$TUI_SESSION' | grep -q CONNECTION-CLOSED"
tui_keys r
tui_assert_has "Reply to" "a second reply"
tui_type "szkic"
tui_keys F5
tui_assert_has "Not available in this restricted session" "no external editor over the service account"
tui_keys Escape
tui_assert_has "Keep" "cancelling asks about a draft"
tui_keys n
tui_keys q q
# ssh ends with the program's status: 0, also under valgrind (a report makes it 99)
tui_assert_has "CONNECTION-CLOSED-rc=0" "q quits and the connection closes"

ssh_login gosc
tui_assert_has "MIASTO CYFROWE" "an unknown login from its key lands as a guest"
tui_assert_has "(guest)" "the title line says guest"
tui_keys F3
tui_assert_has "may not write" "a guest cannot start a thread"
tui_keys Tab Tab F4
tui_assert_has "may not write" "nor reply"
tui_keys F10
tui_assert_has "CONNECTION-CLOSED-rc=0" "F10 quits"
ok_if "sshd ran the forced command" grep -q "forced-command" "$T_DIR/ssh/sshd.log"
tui_done
