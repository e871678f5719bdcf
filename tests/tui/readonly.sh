#!/bin/sh
# readonly.sh — a read-only copy (a 0444 file in a 0555 folder, opened by a user who
# cannot write it): the key bar offers no writing keys, a writing key says why, help
# says so, and read marks are kept for the session (the unread count drops), with
# nothing written to the file.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	tui_skip "read-only copy" "needs root and setpriv to open the copy as a user who cannot write it"
	tui_done
	exit
fi
"$EMPIRIE" --db "$TUI_DB" admin add-account anna --name "Anna Testowa" --role member --city Zabrze >/dev/null
chmod 0755 "$TUI_TMP"
mkdir "$TUI_TMP/stick"
cp "$TUI_DB" "$TUI_TMP/stick/copy.db"
COPY="$TUI_TMP/stick/copy.db"
CONF="$TUI_TMP/empirie.conf"
printf 'database = %s\ntrust_as = yes\n' "$COPY" > "$CONF"
chmod 0444 "$COPY" "$CONF"
chmod 0555 "$TUI_TMP/stick"
if ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$EMPIRIE"; then
	tui_skip "read-only copy" "the user nobody cannot run $EMPIRIE (a folder above it is closed)"
	tui_done
	exit
fi
before=$(sha256sum "$COPY")
total=$("$EMPIRIE" --db "$COPY" --as anna --no-header list networks | awk -F '\t' '{ s += $7 } END { print s }')
TUI_RUN=1 TUI_SESSION=t1
tui_tmux new-session -d -s t1 -x 80 -y 24 \
	"setpriv --reuid=65534 --regid=65534 --clear-groups env HOME='$TUI_TMP' LANG=C.UTF-8 TERM=xterm '$EMPIRIE' --config '$CONF' --as anna; echo EMPIRIE-EXITED-\$?; sleep 30"
tui_assert_has "Anna Testowa (member)" "the copy opens for anna"
tui_assert_has "read-only" "the title line says read-only"
tui_assert_has "$total unread posts" "the title line shows the unread total ($total)"
tui_keys Tab Tab
tui_wait "› Threads"
ok_if "the key bar offers no New thread" sh -c '! tmux -L "$1" capture-pane -p -t "$2" | tail -n 1 | grep -q "New thread"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "nor Reply" sh -c '! tmux -L "$1" capture-pane -p -t "$2" | tail -n 1 | grep -q "Reply"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "but still Help, Search and Quit" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | tail -n 1 | grep "Help" | grep "Search" | grep -q "Quit"' x "$TUI_SOCK" "$TUI_SESSION"
tui_keys F3
tui_assert_has "This copy is read-only" "F3 says why it cannot write"
ok_if "the whole reason shows, wrapped onto a second line, not cut mid-word" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | tail -n 4 | tr "\n" " " | tr -s " " | grep -q "nothing can be written here\."' x "$TUI_SOCK" "$TUI_SESSION"
tui_keys F1
tui_assert_has "This copy is read-only: the keys that write" "help says why the writing keys are missing"
tui_keys q
tui_wait_gone "the keys that write"
tui_keys Enter
tui_assert_has "Przemyśl" "a thread opens"
after=$((total - 1))
tui_assert_has "$after unread posts" "reading lowers the unread count to $after in this session"
tui_keys q
tui_wait "› Threads"
ok_if "the mark holds after leaving the thread" tui_wait "$after unread posts"
ok_if "the key bar in the thread list still offers no Reply" sh -c '! tmux -L "$1" capture-pane -p -t "$2" | tail -n 1 | grep -q "Reply"' x "$TUI_SOCK" "$TUI_SESSION"
tui_keys F10
ok_if "ends cleanly" test "$(tui_exit_status 10)" = 0
ok_if "the copy is unchanged" test "$(sha256sum "$COPY")" = "$before"
tui_done
