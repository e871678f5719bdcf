#!/bin/sh
# moderate.sh — a coordinator moderates over a real sshd with the per-key forced command
# (restrict,pty,command="empirie --restricted --as LOGIN"): hides a post with a reason
# and locks a thread in the full-screen application; the store shows both (CLI, audit
# log with the client address). A member's key cannot moderate.
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
e admin add-account piotr --role member --city Zabrze >/dev/null
e admin add-account koord --name "Koordynator Sieci" --role coordinator --network 1 >/dev/null
tid=$(echo "Początek wątku" | e --as anna post --network 1 --title "Wątek przez SSH")
post_id=$(echo "Wpis do ukrycia" | e --as anna reply "$tid")
chmod 600 "$TUI_DB"
CONF="$T_DIR/empirie.conf"
printf 'database = %s\nrestricted = yes\ntrust_as = yes\n' "$TUI_DB" > "$CONF"
if ! start_sshd; then
	echo "1..0 # SKIP cannot start a private sshd: $(tail -1 "$T_DIR/ssh/sshd.log" 2>/dev/null)"
	exit 0
fi
trap 'stop_sshd; tui_cleanup' EXIT
add_key koord "$EMPIRIE --restricted --config $CONF --as koord"
add_key anna "$EMPIRIE --restricted --config $CONF --as anna"

open_thread() {
	tui_wait "MIASTO CYFROWE" 15
	tui_keys 1 Tab Tab Enter
	tui_wait "Początek wątku" 10
}

ssh_session koord
open_thread
tui_assert_has "Koordynator Sieci (coordinator)" "over ssh the coordinator lands in the application"
tui_assert_has "F8 Hide" "the key bar offers Hide"
tui_keys n H
tui_assert_has "Why hide this post?" "H asks for the reason"
tui_type "dane osobowe"
tui_keys Enter
tui_assert_has "The post is hidden" "the post is hidden over ssh"
tui_keys F9
tui_assert_has "Why lock the thread" "F9 asks why the thread is locked"
tui_type "temat zamknięty"
tui_keys Enter
tui_assert_has "The thread is locked" "the thread is locked over ssh"
tui_keys q q
tui_assert_has "CONNECTION-CLOSED-rc=0" "q quits and the connection closes"

like_out() { printf '%s' "$1" | grep -qF -- "$2"; }
ok_if "the store: others see the reason, not the text" \
	like_out "$(e --as piotr list posts --thread "$tid")" "[hidden by the coordinator: dane osobowe]"
ok_if "the store: the text is gone for them" \
	sh -c "! '$EMPIRIE' --db '$TUI_DB' --as piotr list posts --thread '$tid' | grep -q 'Wpis do ukrycia'"
ok_if "the store: the thread is locked (a member's reply is refused)" \
	sh -c "! echo x | '$EMPIRIE' --db '$TUI_DB' --as anna reply '$tid' 2>/dev/null"
audit=$(e --no-header admin audit)
ok_if "the audit log: koord hid the post, from 127.0.0.1, with the reason" \
	sh -c "printf '%s\n' \"\$1\" | grep 'hide' | grep 'koord' | grep '127.0.0.1' | grep -q 'dane osobowe'" sh "$audit"
ok_if "the audit log: koord locked the thread, with the reason" \
	sh -c "printf '%s\n' \"\$1\" | grep 'lock' | grep 'koord' | grep -q 'temat zamknięty'" sh "$audit"

ssh_session anna
open_thread
tui_keys H
tui_assert_has "Only the network's coordinator or an administrator" "a member's key cannot moderate (told why)"
tui_keys F10
tui_assert_has "CONNECTION-CLOSED-rc=0" "F10 quits"
tui_done
