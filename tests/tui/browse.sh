#!/bin/sh
# browse.sh — the three panels, cards and the reader at 80×24 and 120×40.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
# A post of its own, so the word is found in one post only.
printf 'Kwiatostan lipy przy ratuszu.\n' |
	"$EMPIRIE" --db "$TUI_DB" post --network 1 --title "Zieleń miejska" >/dev/null

for size in "80 24" "120 40"; do
	set -- $size
	W=$1 H=$2
	tui_start "$W" "$H"
	tui_assert_has "MIASTO CYFROWE" "$W×$H: the networks show"
	tui_assert_has "Networks" "$W×$H: the title line says where you are"
	tui_assert_has "administrator" "$W×$H: the title line says who you are"
	# mc's compact form ("1Help 2Search") where the full one does not fit
	ok_if "$W×$H: the key bar shows, with Help and Quit" sh -c \
		'tmux -L "$1" capture-pane -p -t "$2" | tail -n 1 | grep -Eq "^F?1 ?Help .*F?10 ?Quit"' x "$TUI_SOCK" "$TUI_SESSION"
	tui_keys j j
	tui_assert_has "3 MIASTO OBYWATELI ›" "$W×$H: moving in Sieci updates the breadcrumb"
	tui_keys Tab
	tui_assert_has "› Towns" "$W×$H: Tab moves to the towns"
	tui_assert_has "Cieszyn" "$W×$H: the towns follow the network"
	tui_keys Tab
	tui_assert_has "› Threads" "$W×$H: Tab moves to the threads"
	tui_assert_has "Spotkanie sieci w Cieszynie" "$W×$H: the threads of the network show"
	tui_assert_lacks "sieci Miasto Obywateli w" "$W×$H: ... without the network's name repeated (issue 17)"
	tui_keys BTab BTab
	tui_assert_has "› Networks" "$W×$H: Shift-Tab goes back"
	# a network card
	tui_keys 1 Enter
	tui_assert_has "Network 1: Cyfryzacja" "$W×$H: Enter opens the network card"
	tui_assert_has "8 member towns" "$W×$H: the card counts the towns"
	tui_keys q
	tui_assert_has "Reply" "$W×$H: q goes back to the main screen (its key bar)"
	# a town card: Łomża in network 6
	tui_keys 6 Right
	tui_assert_has "Łomża" "$W×$H: network 6 lists Łomża"
	tui_keys j j j Enter
	tui_assert_has "podlaskie (from a cited source)" "$W×$H: the town card shows the voivodeship"
	tui_assert_has "none recorded" "$W×$H: the town card says there are no contacts"
	tui_keys q
	# a thread in network 1
	tui_keys Left 1 Tab Tab j j Enter
	tui_assert_has "Stalowa Wola" "$W×$H: the reader shows the post text"
	tui_keys j j Space b g G
	tui_assert_has "end of thread" "$W×$H: the reader scrolls to the end"
	tui_keys q
	tui_assert_has "› Threads" "$W×$H: q goes back from the reader"
	tui_keys F1
	tui_assert_has "Keys on this screen" "$W×$H: F1 shows the help"
	tui_keys Escape
	tui_keys '?' G
	tui_assert_has "Leave empirie" "$W×$H: ? shows the help from the command table"
	tui_keys q /
	tui_assert_has "Search:" "$W×$H: / opens the search"
	tui_type "lomza"
	tui_keys Enter
	tui_assert_has "Town · Łomża" "$W×$H: the search ignores Polish letters"
	tui_keys Enter
	tui_assert_has "podlaskie (from a cited source)" "$W×$H: Enter on a town result opens its card"
	tui_keys q Escape F2
	tui_type "kwiatostan"
	tui_keys Enter
	tui_assert_has "Post · 1" "$W×$H: posts are found"
	tui_keys Enter
	tui_assert_has "Kwiatostan lipy przy ratuszu." "$W×$H: Enter on a post opens the reader there"
	tui_keys q q q
	ok_if "$W×$H: q on the main screen quits" test "$(tui_exit_status)" = 0
done
tui_done
