#!/bin/sh
# draft.sh — a reply being written survives a dropped connection (SIGHUP) and is
# offered back when the same reply is opened again.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

open_reply() {
	tui_start 100 30 -- --as siec-1
	tui_wait "MIASTO CYFROWE"
	tui_keys 1 Tab Tab Enter
	tui_wait "Przemyśl"
	tui_keys r
}

# Whether the program (not the tmux server that started it) still runs.
running() {
	ps -eo args= | awk -v p="$EMPIRIE --db $TUI_DB" 'index($0, p) == 1 { f = 1 } END { exit !f }'
}

gone() {
	tries=0
	while running && [ "$tries" -lt 100 ]; do
		sleep 0.05
		tries=$((tries + 1))
	done
	! running
}

open_reply
tui_assert_has "Reply to" "the reply editor opens"
tui_type "Szkic: zażółć gęślą jaźń"
tui_assert_has "Szkic: zażółć" "the text is typed"
tui_stop
ok_if "the program ended on SIGHUP" gone
open_reply
tui_assert_has "Restore the draft from" "the draft is offered"
tui_keys y
tui_assert_has "Szkic: zażółć gęślą jaźń" "the draft is restored"
# cancel without keeping: the draft goes
tui_keys Escape
tui_assert_has "Keep the text as a draft?" "Esc asks about the draft"
tui_keys n
tui_keys r
tui_assert_has "Reply to" "the reply opens again"
ok_if "no draft is offered after it was dropped" tui_wait_gone "Restore the draft" 1
# the autosave: typing, then waiting, keeps a draft even through SIGKILL
tui_type "Autozapis"
sleep 4.5
kill -9 $(ps -eo pid=,args= | awk -v p="$EMPIRIE --db $TUI_DB" 'index($0, p) { sub(/^ */, ""); split($0, a, " "); if (index(substr($0, length(a[1]) + 2), p) == 1) print a[1] }') 2>/dev/null
ok_if "the program is gone after SIGKILL" gone
open_reply
tui_assert_has "Restore the draft from" "a draft saved as you type is offered"
tui_keys y
tui_assert_has "Autozapis" "the autosaved text is restored"
tui_keys Escape n q q
ok_if "quits cleanly" test "$(tui_exit_status)" = 0
tui_done
