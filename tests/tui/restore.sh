#!/bin/sh
# restore.sh — 'empirie restore' while a full-screen session has the store open (issue
# 20): the session waits for the one write, then shows the restored contents by itself,
# keeps working (a post from elsewhere still appears), and quits cleanly; the store
# passes check and no -wal of the replaced contents is left to be replayed.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
tui_start 120 30
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys Tab Tab
tui_assert_has "› Threads" "the threads of network 1 show"
e backup "$TUI_TMP/kopia.db" >/dev/null 2>"$TUI_TMP/err"
ok_if "a backup is taken while the session is open" test -s "$TUI_TMP/kopia.db"
echo "Napisane po kopii" | e post --network 1 --title "Wątek spoza kopii" >/dev/null
tui_assert_has "Wątek spoza kopii" "a thread posted after the backup appears"
e restore --force "$TUI_TMP/kopia.db" >"$TUI_TMP/out" 2>"$TUI_TMP/err"
ok_if "restore --force succeeds with the session open" grep -q "Restored" "$TUI_TMP/out"
tui_assert_lacks "Wątek spoza kopii" "the open session shows the restored contents by itself"
ok_if "it is still running" tui_running
echo "Napisane po przywróceniu" | e post --network 1 --title "Wątek po przywróceniu" >/dev/null
tui_assert_has "Wątek po przywróceniu" "and a thread posted after the restore appears in it"
tui_keys F10
st=$(tui_exit_status 10)
ok_if "the session quits cleanly (exit $st)" test "$st" = 0
ok_if "the restored store passes check" sh -c "'$EMPIRIE' --db '$TUI_DB' check >/dev/null"
aside=$(ls "$TUI_TMP"/test.db.replaced-* 2>/dev/null | head -n 1)
ok_if "the replaced contents were kept aside with the thread in it" \
	sh -c "sqlite3 '$aside' \"SELECT title FROM threads\" | grep -q 'Wątek spoza kopii'"
ok_if "the restored store has not got it" sh -c "! sqlite3 '$TUI_DB' \"SELECT title FROM threads\" | grep -q 'Wątek spoza kopii'"
tui_done
