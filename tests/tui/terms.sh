#!/bin/sh
# terms.sh — the same screens under several terminal types, with and without
# colours, in C.UTF-8 and (when installed) pl_PL.UTF-8.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

attrs() { tui_tmux capture-pane -e -p -t "$TUI_SESSION" 2>/dev/null; }
has_colour() { attrs | grep -q "$(printf '\033')\[[0-9;]*\(3[0-7]\|38;5;[0-9]*\|4[0-7]\|48;5;[0-9]*\)[;m]"; }
no_colour() { ! has_colour; }
has_reverse() { attrs | grep -q "$(printf '\033')\[[0-9;]*7[;m]"; }

run_one() { # $1 TERM, $2 "color"/"mono", $3 LANG
	label="TERM=$1 $2 $3"
	extra=""
	[ "$2" = mono ] && extra="NO_COLOR=1"
	TUI_TERM=$1 tui_start 100 30 "LANG=$3" $extra
	tui_assert_has "MIASTO CYFROWE" "$label: the networks show"
	tui_keys 6 Tab
	tui_assert_has "Łomża" "$label: Polish letters show"
	if [ "$2" = mono ]; then
		ok_if "$label: no colours" no_colour
		ok_if "$label: focus still marked (reverse)" has_reverse
	elif [ "$1" != vt100 ]; then
		ok_if "$label: colours are used" has_colour
	fi
	tui_keys Enter
	tui_assert_has "podlaskie" "$label: the town card opens"
	tui_keys q F1
	tui_wait "Help" 2
	tui_keys q q
	ok_if "$label: quits cleanly" test "$(tui_exit_status)" = 0
}

for term in xterm-256color screen-256color linux vt100 putty; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		tui_skip "TERM=$term" "no terminfo entry for $term"
		continue
	fi
	for mode in color mono; do
		[ "$term" = vt100 ] && [ "$mode" = color ] && continue # vt100 has no colours
		run_one "$term" "$mode" C.UTF-8
	done
done

if tui_has_locale pl_PL.UTF-8; then
	run_one xterm-256color color pl_PL.UTF-8
	run_one xterm-256color mono pl_PL.UTF-8
else
	tui_skip "pl_PL.UTF-8" "the locale is not installed"
fi

# PuTTY's F1 (ESC[11~) and the Linux console's F1 (ESC[[A) open the help.
TUI_TERM=xterm-256color tui_start 100 30
tui_wait "MIASTO CYFROWE"
tui_tmux send-keys -t "$TUI_SESSION" -H 1b 5b 31 31 7e
tui_assert_has "Keys on this screen" "PuTTY's ESC[11~ is F1"
tui_keys q
tui_wait_gone "Keys on this screen" 2
tui_tmux send-keys -t "$TUI_SESSION" -H 1b 5b 5b 41
tui_assert_has "Keys on this screen" "the Linux console's ESC[[A is F1"
tui_keys q C-c
ok_if "Ctrl-C quits cleanly" test "$(tui_exit_status)" = 0
tui_done
