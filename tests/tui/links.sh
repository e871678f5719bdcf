#!/bin/sh
# links.sh — links in posts are never broken across lines (issue 17): one longer than
# the screen stays whole on its own line, cut with a marker, never continued below.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
url="https://www.zmp.poznan.pl/empirie/sieci/miasto-cyfrowe/spotkanie-w-przemyslu-2024.html"
printf 'Relacja ze spotkania: %s oraz zdjęcia.\nProgram: (www.zmp.pl/p.pdf).\n' "$url" |
	"$EMPIRIE" --db "$TUI_DB" post --network 1 --title "Relacja z linkiem" >/dev/null
tui_start 60 20
tui_wait "1 MIASTO CYFROWE"
tui_keys Tab Tab
tui_wait "Relacja z linkiem"
tui_keys Enter
tui_assert_has "Relacja ze spotkania:" "the post opens"
ok_if "the link starts a line of its own, cut with a marker" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "^[│ ]*https://www.zmp.poznan.pl/empirie/.*…"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "its tail is not continued on the next line" sh -c '! tmux -L "$1" capture-pane -p -t "$2" | grep -q "2024.html"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "the text after it goes on below" tui_wait "oraz zdjęcia."
# the numbered list of the post's links (u; F5 is Quote in the reader)
tui_keys u
tui_assert_has "Links (select one" "u lists the post's links"
ok_if "numbered" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "^ *1\. *$"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "a link longer than the screen is shown whole (wrapped), not cut" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | tr -d " \n│" | grep -q "$3"' x "$TUI_SOCK" "$TUI_SESSION" "1.$url"
ok_if "without the sentence's punctuation" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "2\. www.zmp.pl/p.pdf *[│|]*$"' x "$TUI_SOCK" "$TUI_SESSION"
tui_keys q
tui_wait_gone "Links (select one"
tui_keys F1
# (at 60×20 the reader's help runs past the screen: page down to the line)
for i in 1 2 3 4 5 6; do
	tui_screen | grep -q "Links: The links of this card or" && break
	tui_keys NPage
	sleep 0.3
done
tui_assert_has "Links: The links of this card or" "help names the links key (u)"
tui_keys F10
tui_done
