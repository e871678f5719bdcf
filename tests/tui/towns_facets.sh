#!/bin/sh
# towns_facets.sh — t on the main screen: the towns view on the faceted list (issue 19):
# every town, filters by network, voivodeship, programme and good practices that
# combine, each value offered with how many towns it would show, every count checked
# against a recount in SQL; Enter opens the town's card, P and M its practices and
# meetings; at 80×24 and 120×40, in English and Polish; the leaders' network offered
# only to those who may see it.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed to count the expected rows independently"
	exit 0
fi
q() { sqlite3 "$TUI_DB" "$1"; }
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account gosc --role guest >/dev/null
e admin add-account wojt --role leader --city Żywiec >/dev/null

# The figures, counted straight from the tables. A guest does not see a practice shown
# only in the leaders' network.
PUBLIC="SELECT p.id, p.city_id FROM practices p WHERE NOT EXISTS (SELECT 1 FROM practice_networks pn
        WHERE pn.practice_id = p.id)
        OR EXISTS (SELECT 1 FROM practice_networks pn JOIN networks n ON n.id = pn.network_id
        WHERE pn.practice_id = p.id AND n.leaders_only = 0)"
ALL=$(q "SELECT count(*) FROM cities")
in_net() { echo "SELECT m.city_id FROM memberships m JOIN networks n ON n.id = m.network_id WHERE n.number = $1"; }
N5=$(q "SELECT count(*) FROM ($(in_net 5))")
N8=$(q "SELECT count(*) FROM ($(in_net 8))")
PODK5=$(q "SELECT count(*) FROM cities WHERE voivodeship = 'podkarpackie' AND id IN ($(in_net 5))")
WITH=$(q "SELECT count(DISTINCT city_id) FROM ($PUBLIC)")
WITHOUT=$((ALL - WITH))
LAUR_WITH=$(q "SELECT count(*) FROM cities WHERE programme_status = 'laureate' AND id IN (SELECT city_id FROM ($PUBLIC))")
# The first of them in Polish order (the program's collation: sqlite3 has no PL).
FIRST_WITH=$(e --no-header list cities | cut -f1 | while read -r name; do
	[ "$(q "SELECT count(*) FROM ($PUBLIC) WHERE city_id = (SELECT id FROM cities WHERE name = '$name')")" -gt 0 ] &&
		echo "$name" && break
done)
FIRST_N=$(q "SELECT count(*) FROM ($PUBLIC) WHERE city_id = (SELECT id FROM cities WHERE name = '$FIRST_WITH')")
TARNOW=$(q "SELECT count(*) FROM ($PUBLIC) WHERE city_id = (SELECT id FROM cities WHERE name = 'Tarnów')")
# The town in most networks a guest sees, and those networks as the list writes them.
MOST=$(q "SELECT c.name FROM cities c JOIN memberships m ON m.city_id = c.id JOIN networks n
          ON n.id = m.network_id WHERE n.leaders_only = 0 GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1")
MOST_NETS=$(q "SELECT group_concat(number, ',') FROM (SELECT n.number FROM memberships m
               JOIN networks n ON n.id = m.network_id JOIN cities c ON c.id = m.city_id
               WHERE c.name = '$MOST' AND n.leaders_only = 0 ORDER BY n.number)")
ok_if "the bundled data has towns in and out of network 5, with and without practices" \
	test "$ALL" -gt 30 -a "$N5" -gt 1 -a "$PODK5" -ge 1 -a "$PODK5" -lt "$N5" \
	-a "$WITH" -gt 5 -a "$WITHOUT" -gt 5 -a "$LAUR_WITH" -ge 1 -a "$LAUR_WITH" -lt "$WITH" \
	-a "$TARNOW" -gt 1 -a "$N8" -gt 1 -a -n "$FIRST_WITH"

# A guest at 80×24.
tui_start 80 24 -- --as gosc
tui_wait "MIASTO CYFROWE" 10 || true
ok_if "the key bar offers the towns" tui_wait "Towns"
tui_keys t
tui_assert_has "All towns ($ALL towns)" "t opens every town ($ALL)"
ok_if "each row lists the town's networks whole ($MOST: $MOST_NETS)" \
	sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -qE "^ $3 .* $4( |$)"' x \
	"$TUI_SOCK" "$TUI_SESSION" "$MOST" "$MOST_NETS"
tui_assert_has "Network: all · Voivodeship: all · Programme: all · Good practices: all" \
	"no filter at first"
tui_keys f
tui_assert_has "Filter by" "f offers what to filter by"
tui_keys Enter
tui_assert_has "Network: show only" "then the networks"
tui_assert_has "5 MIASTO PRZEDSIĘBIORCZE ($N5)" "each with how many towns it would show ($N5)"
tui_assert_lacks "8 LEADERSHIP" "the leaders' network is not offered to a guest"
tui_type 5
tui_keys Enter
tui_assert_has "Towns: $N5 of $ALL" "network 5 alone: $N5 towns"
tui_assert_has "Network: 5 MIASTO PRZEDSIĘBIORCZE · Voivodeship: all" "the filter line says so"
tui_keys f Down Enter
tui_assert_has "Voivodeship: show only" "the voivodeship filter"
tui_assert_has "podkarpackie ($PODK5)" "voivodeships counted within network 5 ($PODK5)"
tui_type podk
tui_keys Enter
tui_assert_has "Towns: $PODK5 of $ALL" "network and voivodeship combine: $PODK5"
tui_keys x
tui_assert_has "All towns ($ALL towns)" "x clears them"
tui_keys f Down Down Down Enter
tui_assert_has "Good practices: show only" "the good-practices filter"
tui_assert_has "with good practices ($WITH)" "towns with practices a guest may see: $WITH"
tui_assert_has "without good practices ($WITHOUT)" "and without: $WITHOUT"
tui_keys Down Enter
tui_assert_has "Towns: $WITH of $ALL" "with good practices: $WITH towns"
ok_if "each row says how many practices (Tarnów: $TARNOW)" \
	sh -c 'tmux -L "$1" capture-pane -p -t "$2" | grep -q "Tarnów .* $3 practices"' x \
	"$TUI_SOCK" "$TUI_SESSION" "$TARNOW"
tui_keys f Down Down Enter
tui_assert_has "Programme: show only" "the programme filter"
tui_assert_has "laureate of \"Rozwój lokalny\" ($LAUR_WITH)" \
	"laureates counted within the towns with practices ($LAUR_WITH)"
tui_keys Escape
# Escape waits for ESCDELAY: g sent before the menu closes would read as Alt-g.
tui_wait_gone "Programme: show only" 10
tui_keys g Enter
# The list's filter line says "Voivodeship: all" too: wait for what only the card shows.
tui_assert_has "Contacts" "Enter opens the first town's card"
ok_if "$FIRST_WITH's card" tui_wait_top "$FIRST_WITH" 2
tui_keys q
tui_assert_has "Towns: $WITH of $ALL" "back to the list, its filter kept"
tui_keys P
tui_assert_has "Good practices: $FIRST_N of" "P: the selected town's practices ($FIRST_N)"
tui_assert_has "Town: $FIRST_WITH" "filtered by the town"
tui_keys q M
tui_assert_has "Town: $FIRST_WITH" "M: the meetings with the selected town"
tui_keys q F1
tui_assert_has "Show only some" "help on the towns view lists the filter"
tui_assert_lacks "Add a good practice" "and not adding practices or meetings"
tui_keys q q
tui_assert_has "MIASTO CYFROWE" "q goes back to the main screen"
tui_keys F10
tui_exit_status >/dev/null

# A leader at 120×40: the leaders' network too, and the programme in its own column.
tui_start 120 40 -- --as wojt
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys t
tui_assert_has "All towns ($ALL towns)" "a leader's towns view"
tui_assert_has "laureate of \"Rozwój lokalny\"" "at 120 columns the programme is shown"
tui_assert_has "Good practices: all" "the whole filter line"
tui_keys f Enter
tui_assert_has "LEADERSHIP" "the leaders' network is offered to a leader"
tui_assert_has "($N8)" "with its $N8 towns"
tui_keys End Enter
tui_assert_has "Towns: $N8 of $ALL" "network 8 alone: $N8"
tui_keys F10
tui_exit_status >/dev/null

if tui_has_locale pl_PL.UTF-8; then
	tui_start 80 24 LANG=pl_PL.UTF-8 -- --as gosc
	tui_wait "MIASTO CYFROWE" 10 || true
	tui_keys t
	tui_assert_has "Wszystkie miasta ($ALL miast" "the towns view in Polish"
	tui_assert_has "Sieć: wszystkie · Województwo: wszystkie · Program: wszystkie" "the filters in Polish"
	tui_keys f Down Down Down Enter Down Enter
	tui_assert_has "Miasta: $WITH z $ALL" "the count of a filter in Polish"
	tui_keys F10
else
	tui_skip "the towns view in Polish" "pl_PL.UTF-8 is not installed"
	tui_skip "the filters in Polish" "pl_PL.UTF-8 is not installed"
	tui_skip "the count of a filter in Polish" "pl_PL.UTF-8 is not installed"
fi
tui_done
