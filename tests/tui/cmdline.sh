#!/bin/sh
# cmdline.sh — the : command line (issue 21): Tab completes command names and arguments
# (towns, networks, themes), shows the candidates, and cycles them; Enter runs the
# command as its key would; Up brings back earlier lines; :help NAME explains one;
# a bracketed paste is text for the line; unknown names are errors that say what to do.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
tui_start 100 24
tui_assert_has "1 MIASTO CYFROWE" "the main screen shows"
tui_keys :
tui_type "tow"
tui_keys Tab
tui_assert_has ":towns" "Tab completes a command's name (tow → towns)"
tui_keys Enter
tui_assert_has "All towns" ":towns runs the command (the Towns view)"
tui_keys q
tui_wait "1 MIASTO CYFROWE"
tui_keys :
tui_type "towns Zab"
tui_keys Tab
tui_assert_has ":towns Zabrze" "Tab completes a town's name"
tui_keys Enter
# (the card comes after Enter, not with it: wait for the breadcrumb, then read it)
title_reaches() {
	tries=100
	while [ "$tries" -gt 0 ]; do
		tui_tmux capture-pane -p -t "$TUI_SESSION" | head -n 1 | grep -qF -- "$1" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
ok_if ":towns Zabrze opens Zabrze's card" title_reaches "› Zabrze"
tui_keys q
tui_wait "1 MIASTO CYFROWE"
tui_keys :
tui_type "towns kedz"
tui_keys Tab
tui_assert_has ":towns Kędzierzyn-Koźle" "without Polish letters too (kedz → Kędzierzyn-Koźle)"
tui_keys Escape
tui_wait_gone ":towns"
tui_keys :
tui_type "jump-network "
tui_keys Tab
ok_if "Tab lists the networks' numbers" tui_wait " 1  2  3  4  5  6  7  8"
tui_type "3"
tui_keys Enter
tui_assert_has "Threads · 3" ":jump-network 3 goes to network 3"
tui_keys :
tui_type "the"
tui_keys Tab
tui_wait ":theme"
tui_keys Tab
ok_if "Tab lists the themes" tui_wait "default  light  high-contrast  monochrome"
tui_keys Tab
tui_assert_has ":theme default" "the next Tab takes the first"
tui_keys Tab
tui_assert_has ":theme light" "and the next one the second"
tui_keys Escape
tui_keys :
tui_type "help reply"
tui_keys Enter
tui_assert_has "reply (F4, r): Answer the selected thread or post" ":help reply: its keys and what it does"
tui_keys :
tui_keys Up
tui_assert_has ":help reply" "Up brings back the line typed before"
tui_keys Up
tui_assert_has ":jump-network 3" "and the one before it"
tui_keys Down Down
tui_wait_gone ":jump-network"
# A bracketed paste is text for the line, never keys.
tui_tmux set-buffer -b p "towns"
tui_tmux paste-buffer -p -b p -t "$TUI_SESSION"
tui_assert_has ":towns" "a paste goes into the line"
tui_keys C-u
tui_type "nonsense"
tui_keys Enter
tui_assert_has "Unknown command 'nonsense': Tab lists the commands" "an unknown name says what to do"
tui_keys :
tui_type "towns x"
tui_keys Enter
ok_if "towns with a town that is not there: an error" tui_wait "x"
tui_keys :
tui_type "reply now"
tui_keys Enter
tui_assert_has "'reply' takes no argument." "an argument for a command that takes none"
tui_keys :
tui_type "bind main x"
tui_keys Enter
tui_assert_has "'bind' needs SCREEN KEY COMMAND" "a setting with too few words"
tui_keys : BSpace
tui_wait_gone ":"
tui_keys F1
tui_assert_has "The command line" "help names the command line"
tui_keys q F10
ok_if "ends cleanly" test "$(tui_exit_status)" = 0
tui_done
