#!/bin/sh
# Issue 17: what a person needs at 80×24 and 40×12 — no invented dates, thread lists
# that tell meeting threads apart.
. "$top_srcdir/tests/tui/tuilib.sh"
tui_init

for size in "80 24" "40 12"; do
	set -- $size
	W=$1 H=$2
	tui_start "$W" "$H"
	tui_wait "Networks" 10
	# Network 8: the Złotów meeting, "7–8 September, year not given" in its source.
	tui_keys 8
	[ "$W" -ge 80 ] && tui_keys Tab Tab || tui_keys Right
	tui_wait "Złotowie" 10
	tui_assert_lacks "2023-09-08" "$W×$H: the thread list shows no invented date"
	[ "$W" -ge 50 ] && tui_assert_has "7–8 Sep" "$W×$H: ... but the days the source gives (in English)"
	tui_keys Enter
	tui_wait "Data: 7–8 września" 10
	head=$(tui_screen | grep '──' | head -n 1)
	ok_if "$W×$H: the post header invents no year [$head]" sh -c \
		'! printf "%s\n" "$1" | grep -q "2023\|September 20\|września"' x "$head"
	tui_stop
done

# Network 4: five meeting threads, told apart by their place, not a shared prefix.
tui_start 80 24
tui_wait "Networks" 10
tui_keys 4 Tab Tab
tui_wait "Jarocinie" 10
tui_assert_has "Spotkanie sieci w Jaśle" "80×24: the meeting's place is visible"
tui_assert_lacks "Dostępne i Sprawiedliwe w" "80×24: the network's name is not repeated in its list"
tui_assert_has "May 2022" "80×24: a month-only date shows as the month"
tui_assert_lacks "2022-05-01" "80×24: ... not as its first day"
tui_stop
# The key bar: F10 at every width; keys read "F2", never "2Search" (digits jump to
# networks); the title line keeps where you are apart from who you are.
for size in "80 24" "40 12"; do
	set -- $size
	tui_start "$1" "$2"
	tui_wait "Networks" 10
	bar=$(tui_screen | tail -n 1)
	case "$bar" in *F10*Quit*) r=0 ;; *) r=1 ;; esac
	ok_if "$1×$2: F10 Quit is on the key bar [$bar]" test $r = 0
	ok_if "$1×$2: no key reads as a bare digit" sh -c '! printf "%s\n" "$1" | grep -Eq "(^| )[0-9]+[[:alpha:]]"' x "$bar"
	tui_keys 8 Enter
	tui_wait "Network 8" 10
	top=$(tui_screen | head -n 1)
	ok_if "$1×$2: the location is not cut inside a name [$top]" sh -c '! printf "%s\n" "$1" | grep -q "^ …[^ ]"' x "$top"
	ok_if "$1×$2: a bar parts the location from the user" sh -c 'printf "%s\n" "$1" | grep -q "│ root"' x "$top"
	tui_stop
done

# Help lists each key once, for what it does on that screen.
tui_start 80 40
tui_wait "Networks" 10
tui_keys F1
tui_wait "Keys on this screen" 10
ok_if "main screen help: Tab is 'next panel' only, not also 'Unread'" sh -c \
	'! tmux -L "$1" capture-pane -p -t "$2" | grep "Unread:" | grep -q "Tab"' x "$TUI_SOCK" "$TUI_SESSION"
tui_keys q
tui_wait_gone "Keys on this screen" 10
tui_keys 4 Tab Tab Enter
tui_wait "Data:" 10
tui_keys F1
tui_wait "Keys on this screen" 10
ok_if "reader help: q is 'back', not also 'quit'" sh -c \
	'! tmux -L "$1" capture-pane -p -t "$2" | grep "Quit:" | grep -q "q,"' x "$TUI_SOCK" "$TUI_SESSION"
tui_stop

# The reader shows the thread's whole title, wrapped (a fresh database: the place
# where the last session ended is not restored).
TUI_DB="$TUI_TMP/fresh.db"
"$EMPIRIE" --db "$TUI_DB" init >/dev/null 2>&1
tui_start 80 24
tui_wait "Networks" 10
tui_keys 4 Tab Tab Enter
tui_wait "Data:" 10
tui_assert_has "Kędzierzynie-Koźlu: „Nie tylko dla seniora”" "80×24: the reader shows the whole title"
tui_stop
# F8/F9 from the main screen follow the selected network; x shows all of them. The
# joint Kędzierzyn-Koźle meeting (stored once per network) counts once: 26, not 27.
tui_start 80 24
tui_wait "Networks" 10
tui_keys 8 F9
tui_wait "Meetings:" 10
tui_assert_has "3 meetings" "F9 with network 8 selected: its 3 meetings"
tui_keys x
tui_assert_has "26 meetings" "x: all networks' meetings, the joint one counted once"
tui_keys q
tui_wait_gone "Meetings:" 10
tui_keys 3 F8
tui_wait "Network: 3" 10
tui_assert_has "Network: 3" "F8 with network 3 selected: its practices"
tui_stop
tui_done
