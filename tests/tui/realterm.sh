#!/bin/sh
# realterm.sh — the application in PuTTY's own terminal (pterm: PuTTY's code and
# defaults: TERM=xterm, Home/End as ESC[1~/ESC[4~, F1–F4 as ESC[11~…, Backspace as DEL)
# and in xterm, under a virtual X server, typed into with xdotool (issue 16). What
# counts is what the store holds afterwards, not what a screenshot shows:
#   - End in the reader goes to the last post: its read mark is stored;
#   - the editor stores exactly what was typed (abc Home X End Z, Left, Backspace,
#     Delete, Polish letters);
#   - F3 opens the editor, F2 sends (after y), F10 quits;
#   - every other F-key of the key bars (F1–F10): F7 goes to the next unread thread (the
#     unread count in the store falls), F4 in the reader answers it and F5 in the editor
#     runs $EDITOR (the reply stored holds what was typed and what the editor added),
#     F6 on that reply edits it (the stored text changes); F1 (help), F2 (search), F8
#     (practices) and F9 (meetings) are read back from what the terminal itself logged
#     (pterm -log, xterm -lf): the screen's own text after the key was pressed.
# Skipped with a reason where Xvfb, xdotool or the terminal is missing or X cannot start.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
for tool in Xvfb xdotool; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed (Debian: xvfb xdotool pterm xterm fonts-dejavu-core)"
		exit 0
	fi
done
# The desktop session a person types in has a UTF-8 locale; make check may run without
# any (the fresh Debian chroot ran it under env -i: xdotool could not type "żść",
# "Invalid multi-byte sequence encountered"). C.UTF-8 is in every Debian libc.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
XPID="" TPID=""
cleanup() {
	[ -n "$TPID" ] && kill "$TPID" 2>/dev/null
	[ -n "$XPID" ] && kill "$XPID" 2>/dev/null
	tui_cleanup
}
trap cleanup EXIT
# A display of its own: Xvfb picks a free number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1100x700x24 -nolisten tcp 3>"$TUI_TMP/display" 2>"$TUI_TMP/xvfb.log" &
XPID=$!
tries=0
while [ ! -s "$TUI_TMP/display" ] && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
if [ ! -s "$TUI_TMP/display" ] || ! kill -0 "$XPID" 2>/dev/null; then
	echo "1..0 # SKIP the X server (Xvfb) could not start: $(head -c 200 "$TUI_TMP/xvfb.log" | tr '\n' ' ')"
	exit 0
fi
DISPLAY=":$(head -n 1 "$TUI_TMP/display")"
export DISPLAY

unread() { "$EMPIRIE" --db "$TUI_DB" --as siec-1 --no-header list threads --network 1 | awk -F '\t' -v t="$1" '$1 == t { print $4 }'; }
body_of() { # the first post of the thread titled $1
	id=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | awk -F '\t' -v t="$1" '$6 == t { print $1 }')
	[ -n "$id" ] && "$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$id" | awk -F '\t' 'NR == 1 { print $8 }'
}
key() { for k in "$@"; do xdotool key "$k"; sleep 0.3; done; }
typ() { xdotool type --delay 60 "$1"; sleep 0.3; }

# run_in CLIENT: start the application in CLIENT; sets TPID and focuses its window.
run_in() {
	case $1 in
	pterm) pterm -geometry 100x30 -log "$LOG" -e env LANG=C.UTF-8 LC_ALL=C.UTF-8 EDITOR="$TUI_TMP/editor.sh" VISUAL= "$EMPIRIE" --db "$TUI_DB" --as siec-1 >/dev/null 2>&1 & ;;
	xterm) xterm -geometry 100x30 -fa 'DejaVu Sans Mono' -fs 10 -l -lf "$LOG" -e env LANG=C.UTF-8 LC_ALL=C.UTF-8 EDITOR="$TUI_TMP/editor.sh" VISUAL= "$EMPIRIE" --db "$TUI_DB" --as siec-1 >/dev/null 2>&1 & ;;
	esac
	TPID=$!
	W=""
	tries=0
	while [ -z "$W" ] && [ "$tries" -lt 150 ]; do
		W=$(xdotool search --pid "$TPID" 2>/dev/null | tail -n 1)
		[ -z "$W" ] && W=$(xdotool search --class "$1" 2>/dev/null | tail -n 1)
		sleep 0.2
		tries=$((tries + 1))
	done
	[ -n "$W" ] || return 1
	xdotool windowfocus --sync "$W" 2>/dev/null
	xdotool mousemove --window "$W" 200 150 2>/dev/null
	sleep 2.5 # the application starts
	return 0
}

# What the terminal logged since byte $1, escape sequences removed.
logged_since() { tail -c +"$(($1 + 1))" "$LOG" 2>/dev/null | perl -pe 's/\e\[[0-9;?]*[ -\/]*[@-~]//g; s/\e[()][0-9A-B]//g; s/\e[=>]//g'; }
log_size() { wc -c <"$LOG" 2>/dev/null || echo 0; }
# fkey_shows KEY TEXT WHAT: press KEY, wait for TEXT in what the terminal logged after it.
fkey_shows() {
	from=$(log_size)
	key "$1"
	tries=0
	while ! logged_since "$from" | grep -qF "$2" && [ "$tries" -lt 50 ]; do sleep 0.2; tries=$((tries + 1)); done
	seen=no
	logged_since "$from" | grep -qF "$2" && seen=yes
	ok_if "$client: $1 $3 (the terminal received \"$2\")" test "$seen" = yes
	key Escape
	sleep 0.5
}
total_unread() { "$EMPIRIE" --db "$TUI_DB" --as siec-1 --no-header list networks | awk -F '\t' '{ s += $7 } END { print s + 0 }'; }
post_with() { "$EMPIRIE" --db "$TUI_DB" --no-header search "$1" | awk -F '\t' '$1 == "post" { print $2 "\t" $3; exit }'; }
# $EDITOR for F5: adds a line of its own to the text it is given.
printf '#!/bin/sh\nprintf "dopisek edytora\\n" >>"$1"\n' >"$TUI_TMP/editor.sh"
chmod +x "$TUI_TMP/editor.sh"

n=0
for client in pterm xterm; do
	LOG="$TUI_TMP/$client-1.log"
	if ! command -v "$client" >/dev/null 2>&1; then
		tui_skip "$client" "$client is not installed"
		continue
	fi
	n=$((n + 1))
	# A thread of three long posts, newest of network 1: Tab Tab Enter opens it.
	long=$(awk 'BEGIN { for (i = 1; i <= 40; i++) printf "wiersz %d\n", i }')
	T=$(printf 'Pierwszy wpis\n%s\n' "$long" | "$EMPIRIE" --db "$TUI_DB" post --network 1 --title "Długi wątek $client" 2>/dev/null | tr -dc 0-9)
	printf 'Drugi wpis\n%s\n' "$long" | "$EMPIRIE" --db "$TUI_DB" reply "$T" >/dev/null 2>&1
	printf 'Ostatni wpis\n' | "$EMPIRIE" --db "$TUI_DB" reply "$T" >/dev/null 2>&1
	if ! run_in "$client"; then
		tui_skip "$client" "its window did not appear"
		continue
	fi
	ok_if "$client: the application runs" kill -0 "$TPID"
	key Tab Tab Return
	sleep 1
	before=$(unread "$T")
	key End
	sleep 1
	key q
	sleep 1
	ok_if "$client: End in the reader went to the last post (unread $before -> $(unread "$T"))" \
		test "$(unread "$T")" = 0
	key Escape Tab Home F3
	sleep 1
	typ "Prawdziwy $client"
	key Tab
	typ "abc"
	key Home
	typ "X"
	key End
	typ "Z"
	key Return
	# Polish letters: xdotool types a letter missing from the X keymap by remapping a
	# key for a moment, and xterm now and then misses such a key (seen with the old and
	# the new program alike); pterm never did. So xterm gets ASCII here; the letters are
	# covered in pterm, through tmux (keys.sh) and in the pty unit test.
	pl="żść" want='XabcZ\nżś!z'
	[ "$client" = xterm ] && pl="zsc" want='XabcZ\nzs!z'
	typ "${pl}xz"
	key Left Left BackSpace Delete
	typ "!"
	key F2
	sleep 0.5
	typ "y"
	sleep 1.5
	got=$(body_of "Prawdziwy $client")
	ok_if "$client: F3, typing, Home/End/Left/Backspace/Delete, letters ($pl), F2: stored exactly" \
		test "$got" = "$want"
	[ "$got" = "$want" ] || echo "# stored: $got"
	key F10
	tries=0
	while kill -0 "$TPID" 2>/dev/null && [ "$tries" -lt 30 ]; do sleep 0.2; tries=$((tries + 1)); done
	ok_if "$client: F10 quits (the terminal closed with the program)" sh -c '! kill -0 "$1" 2>/dev/null' x "$TPID"
	kill "$TPID" 2>/dev/null
	TPID=""

	# The other F-keys, in a second session, logged to a new file (pterm would ask
	# whether to overwrite one that exists).
	LOG="$TUI_TMP/$client-2.log"
	if ! run_in "$client"; then
		tui_skip "$client" "its window did not appear a second time"
		continue
	fi
	if [ ! -s "$LOG" ]; then
		tui_skip "$client: F1, F2, F8, F9" "the terminal wrote no log ($LOG)"
	else
		fkey_shows F1 "Keys on this screen" "opens the help"
		fkey_shows F2 "Type a town, a person or any words" "opens the search"
		fkey_shows F8 "Good practices:" "opens the good practices"
		fkey_shows F9 "Meetings:" "opens the meetings"
	fi
	before=$(total_unread)
	key F7
	sleep 1.5
	after=$(total_unread)
	ok_if "$client: F7 opened the next unread thread (unread posts $before -> $after)" \
		test "$after" -lt "$before"
	key F4
	sleep 1
	typ "Odpowiedz F4 $client"
	key F5
	sleep 2
	key F2
	sleep 0.5
	typ "y"
	sleep 1.5
	row=$(post_with "Odpowiedz F4 $client")
	pid=$(printf '%s' "$row" | cut -f 1) tid=$(printf '%s' "$row" | cut -f 2)
	body=""
	[ -n "$tid" ] && body=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$tid" | awk -F '\t' -v p="$pid" '$1 == p { print $8 }')
	ok_if "$client: F4 in the reader answered, F5 ran \$EDITOR (stored: $body)" \
		test "$body" = "Odpowiedz F4 $client\\ndopisek edytora"
	[ -n "$tid" ] && "$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$tid" | cut -f 1,8 >"$TUI_TMP/before"
	key End
	sleep 1
	from=$(log_size)
	key F6
	sleep 2
	typ "F6"
	key F2
	sleep 0.5
	typ "y"
	sleep 1.5
	[ -n "$tid" ] && "$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$tid" | cut -f 1,8 >"$TUI_TMP/after"
	# The selected post (End: the last one the reader shows) is edited; which one and
	# where the editor puts the cursor is not the point: one post of the thread must
	# now hold its old text with "F6" typed into it, and no other post changed.
	changed=$(awk -F '\t' 'NR == FNR { old[$1] = $2; next }
		($1 in old) && old[$1] != $2 { n++; t = $2; sub(/F6/, "", t); if (t == old[$1]) k++ }
		END { print n + 0, k + 0 }' "$TUI_TMP/before" "$TUI_TMP/after" 2>/dev/null)
	ok_if "$client: F6 edited the selected post (changed posts, of them with F6 typed in: $changed)" \
		test "$changed" = "1 1"
	[ "$changed" = "1 1" ] || logged_since "$from" | tail -c 600 | sed 's/^/# after F6: /'
	key F10
	tries=0
	while kill -0 "$TPID" 2>/dev/null && [ "$tries" -lt 30 ]; do sleep 0.2; tries=$((tries + 1)); done
	kill "$TPID" 2>/dev/null
	TPID=""
done
tui_done
