#!/bin/sh
# crumbs.sh — the title line says where you are however deep the screens go (issue 19:
# user text is never cut without a mark). Each screen's steps were written into one
# array of 1,024 bytes; cards of a practice with a long title, opened again and again
# from the card of the town that took it up, filled it, and the title line showed
# "… › Jarosław › Pocz" on Jarosław's card: the screen shown was lost and a name cut.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
title="Początek"
i=0; while [ $i -lt 230 ]; do title="$title żółw"; i=$((i + 1)); done
title="$title koniec"
e admin add-account jar --role member --city Jarosław >/dev/null
p1=$(e practice add --title "$title" --town Hrubieszów --networks 1)
e --as jar uptake set "$p1" --town Jarosław --status in-use >/dev/null

# The crumb of the title line: what is left of the bar that ends it, trimmed.
crumb() { tui_screen | head -1 | sed 's/│.*//; s/[[:space:]]*$//'; }
ends_with() { case "$(crumb)" in *" › $1") return 0 ;; esac; echo "# title line: [$(crumb)]"; return 1; }
starts_cut() { case "$(crumb)" in " … › "*) return 0 ;; esac; return 1; }

tui_start 200 60 -- --as jar
tui_open_taken_up_practice
# The practice's card → Jarosław (its third link), then Jarosław's card → the practice
# it took up (its sixth link) and back, three times: ten screens, four long cards.
tui_keys G g Down Down Enter
tui_wait "Took up 1 practice of another town" 5 || true
ok_if "first on Jarosław's card: the title line ends with it" ends_with "Jarosław"
n=0
while [ $n -lt 3 ]; do
	tui_keys G g Down Down Down Down Down Enter
	tui_wait "A good practice of Hrubieszów" 5 || true
	tui_keys G g Down Down Enter
	tui_wait "Took up 1 practice of another town" 5 || true
	n=$((n + 1))
done
tui_assert_has "Took up 1 practice of another town" "ten screens deep, on Jarosław's card"
ok_if "the title line still ends with the card shown" ends_with "Jarosław"
ok_if "the steps that do not fit go from the left, marked" starts_cut
tui_keys q
tui_wait "A good practice of Hrubieszów" 5 || true
tui_wait_top "Początek żółw" 1 || true
ok_if "one back: the practice's card is where the line ends" \
	sh -c 'case "$1" in *" › Początek żółw"*) exit 0 ;; esac; exit 1' x "$(crumb)"
tui_assert_lacks "EMPIRIE-EXITED" "still running"
tui_keys q q q q q q q q q
tui_done
