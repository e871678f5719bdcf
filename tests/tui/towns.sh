#!/bin/sh
# towns.sh — the network card lists its towns (as `show network` does), each a link to
# the town's card; a Towns view of all towns is one key from the main screen and named
# in help (issue 17), a faceted list since issue 19 (tests/tui/towns_facets.sh).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
tui_start 80 24
tui_assert_has "1 MIASTO CYFROWE" "the main screen shows"
tui_keys Enter
tui_assert_has "Network 1:" "Enter opens network 1's card"
tui_keys G
ok_if "the card lists its towns with the count" tui_wait "Towns (8 towns)"
ok_if "each town a link, saying why it is a member" tui_wait "→ Przemyśl (inferred)"
tui_keys q
tui_wait "1 MIASTO CYFROWE"
total=$("$EMPIRIE" --db "$TUI_DB" --no-header list cities | wc -l)
tui_keys t
tui_assert_has "All towns ($total towns)" "t opens the view of all $total towns"
tui_wait "Biłgoraj"
tui_keys Enter
# The list's filter line says "Voivodeship: all" too: wait for what only the card shows.
tui_assert_has "Contacts" "Enter on the first town opens its card"
ok_if "Biłgoraj's card" tui_wait_top "Biłgoraj" 2
tui_keys q
tui_wait "All towns"
tui_keys G
ok_if "Zabrze is in it (at the end)" tui_wait "Zabrze"
tui_keys q
tui_wait "1 MIASTO CYFROWE"
tui_keys F1
tui_assert_has "Towns: All the towns" "help names the Towns view"
ok_if "and says when the Towns panel shows" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | tr -d "\n" | tr -s " " | grep -q "Towns panel shows at 120 columns"' x "$TUI_SOCK" "$TUI_SESSION"
tui_keys F10
tui_done
