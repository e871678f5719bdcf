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
	[ "$W" -ge 50 ] && tui_assert_has "7–8 wrze" "$W×$H: ... but the days the source gives"
	tui_keys Home Enter
	tui_wait "Data: 7–8 września" 10
	tui_assert_lacks "2023" "$W×$H: the post header invents no year"
	tui_stop
done

# Network 4: five meeting threads, told apart by their place, not a shared prefix.
tui_start 80 24
tui_wait "Networks" 10
tui_keys 4 Tab Tab
tui_wait "Jarocinie" 10
tui_assert_has "Spotkanie sieci w Jaśle" "80×24: the meeting's place is visible"
tui_assert_lacks "Dostępne i Sprawiedliwe w" "80×24: the network's name is not repeated in its list"
tui_assert_has "maj 2022" "80×24: a month-only date shows as the month"
tui_assert_lacks "2022-05-01" "80×24: ... not as its first day"
tui_stop
tui_done
