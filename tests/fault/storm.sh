#!/bin/sh
# storm.sh — SIGWINCH storms and random keys: the application is resized in a loop
# (10×4 up to 200×60) while random keys arrive (F-keys, arrows, Enter, Esc, Tab,
# letters, digits, Polish letters as UTF-8, control keys), for EMPIRIE_STRESS_SECONDS
# (20 by default). The quit keys are left out; if the program ends anyway it must end
# with status 0 and is started again. Afterwards it still redraws and quits with 0,
# and the database passes integrity_check and 'empirie check'.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
SECS=${EMPIRIE_STRESS_SECONDS:-20}
SEED=${EMPIRIE_SEED:-$(date +%s)}
echo "# seed: $SEED, $SECS s"
# The random plan: one line per step, "W H KEY KEY KEY".
awk -v s="$SEED" 'BEGIN {
	srand(s)
	n = split("F1 F2 F3 F4 F5 F6 F7 F8 F9 F11 F12 Up Down Left Right PageUp PageDown Home End Enter Escape Tab BTab BSpace DC IC Space a b e g j k n r s t y z R G / ? 1 2 3 4 5 6 7 8 9 0 ą ę ł ó ż ź ś ć ń Ł Ż C-x C-l C-a C-e C-k C-u C-w C-s C-z M-a", k, " ")
	for (i = 0; i < 100000; i++) {
		printf "%d %d", 10 + int(rand() * 191), 4 + int(rand() * 57)
		for (j = 0; j < 3; j++) printf " %s", k[1 + int(rand() * n)]
		printf "\n"
	}
}' >"$TUI_TMP/plan"
start() { tui_start 100 30 EDITOR=true VISUAL=true -- --as siec-1; tui_wait "MIASTO CYFROWE" 30; }
start
t_end=$(( $(date +%s) + SECS ))
steps=0 keys=0 restarts=0 crashes=0
while read -r w h k1 k2 k3; do
	[ "$(date +%s)" -ge "$t_end" ] && break
	tui_resize "$w" "$h"
	for k in $k1 $k2 $k3; do
		case $k in
		[a-zA-Z0-9/?] | ą | ę | ł | ó | ż | ź | ś | ć | ń | Ł | Ż) tui_type "$k" ;;
		*) tui_keys "$k" ;;
		esac
	done
	keys=$((keys + 3))
	steps=$((steps + 1))
	if ! tui_running; then
		st=$(tui_exit_status 1)
		if [ "$st" != 0 ]; then
			crashes=$((crashes + 1))
			echo "# ended with status $st after step $steps"
			tui_screen | tail -n 5 | sed 's/^/#   /'
		fi
		restarts=$((restarts + 1))
		start
	fi
done <"$TUI_TMP/plan"
echo "# figure: storm: $SECS s, $steps resizes, $keys random keys, $restarts restarts after a clean exit, $crashes crashes"
ok_if "no crash during the storm ($crashes)" test "$crashes" = 0
tui_resize 100 30
# Leave whatever is open (dialogs, editors, prompts) and see the main screen. (The key
# bar drops the space after each key when the line is short of room: "F10Quit".)
keybar() { tui_screen | tail -n 1 | grep -Eq 'F10 ?Quit'; }
wait_keybar() {
	n=200
	until keybar; do
		n=$((n - 1))
		[ "$n" -gt 0 ] || return 1
		sleep 0.05
	done
}
tries=0
while tui_running && ! keybar && [ $tries -lt 40 ]; do
	tui_keys Escape n
	sleep 0.25
	tries=$((tries + 1))
done
ok_if "afterwards it still responds: back on a screen with its key bar" wait_keybar
tui_keys F10
# The storm may have left drafts: then quitting asks first (the drafts are kept either way).
sleep 1
tui_running && tui_keys y
st=$(tui_exit_status 10)
ok_if "and quits with status 0 ($st)" test "$st" = 0
ok_if "integrity_check: ok" test "$(sqlite3 "$TUI_DB" 'PRAGMA integrity_check')" = ok
ok_if "empirie check finds nothing wrong" sh -c '"$1" --db "$2" check >/dev/null' sh "$EMPIRIE" "$TUI_DB"
tui_done
