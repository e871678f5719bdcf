#!/bin/sh
# restricted.sh — the SSH service account's mode: the environment cannot choose another
# database, Ctrl-Z does not suspend, no external editor, Ctrl-C ends cleanly.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
"$EMPIRIE" --db "$TUI_DB" admin add-account anna --name "Anna Testowa" --role member --city Zabrze >/dev/null
CONF="$TUI_TMP/empirie.conf"
printf 'database = %s\nrestricted = yes\ntrust_as = yes\n' "$TUI_DB" > "$CONF"
OTHER="$TUI_TMP/other.db"
TUI_RUN=1 TUI_SESSION=t1
tui_tmux new-session -d -s t1 -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=xterm EMPIRIE_DB='$OTHER' XDG_DATA_HOME='$TUI_TMP/xdg' '$EMPIRIE' --restricted --config '$CONF' --as anna; echo EMPIRIE-EXITED-\$?; sleep 30"
tui_assert_has "Anna Testowa (member)" "the configured database is used (anna exists only there)"
ok_if "EMPIRIE_DB is ignored: no other database created" test ! -e "$OTHER"
ok_if "XDG_DATA_HOME is ignored too" test ! -e "$TUI_TMP/xdg"
tui_keys C-z
sleep 0.3
tui_assert_has "Anna Testowa (member)" "Ctrl-Z does not suspend"
ok_if "still running after Ctrl-Z" tui_running
tui_keys Tab Tab F4
tui_assert_has "Reply to" "the editor opens"
tui_type "tekst"
tui_keys F5
tui_assert_has "Not available in this restricted session" "F5 (external editor) is refused"
tui_keys C-o
tui_assert_has "Not available in this restricted session" "Ctrl-O too"
tui_keys Escape
tui_keys n
tui_keys C-c
ok_if "Ctrl-C ends cleanly (exit 0)" test "$(tui_exit_status)" = 0

# Finding 2 of issue 15: identity in restricted mode comes only from the forced command.
# The Unix user running this (who created the database) is its administrator; without
# --as, a restricted session (an sshd ForceCommand, or a key line without --as) is a guest.
TUI_RUN=$((TUI_RUN + 1)) TUI_SESSION="t$TUI_RUN"
tui_tmux new-session -d -s "$TUI_SESSION" -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=xterm '$EMPIRIE' --restricted --config '$CONF'; echo EMPIRIE-EXITED-\$?; sleep 30"
tui_assert_has "(guest)" "restricted without --as: a guest"
tui_assert_lacks "(administrator)" "never the Unix login's administrator account"
tui_assert_lacks "LEADERSHIP" "and no leaders' network"
tui_keys F10
# the same with restricted = yes in the configuration and no --restricted
TUI_RUN=$((TUI_RUN + 1)) TUI_SESSION="t$TUI_RUN"
tui_tmux new-session -d -s "$TUI_SESSION" -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=xterm '$EMPIRIE' --config '$CONF'; echo EMPIRIE-EXITED-\$?; sleep 30"
tui_assert_has "(guest)" "restricted = yes in the configuration, no --as: a guest"
tui_assert_lacks "(administrator)" "not the administrator either"
tui_keys F10
tui_done
