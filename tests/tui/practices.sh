#!/bin/sh
# practices.sh — F8: the good-practice library with combinable filters and counts, the
# practice card with its links, asking the town about a practice, members adding and
# changing their own town's practices (and only those), search, Polish, small screens.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed to count the expected rows independently"
	exit 0
fi
q() { sqlite3 "$TUI_DB" "$1"; }
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account gosc --role guest >/dev/null
e admin add-account tomek --role member --city Tarnów >/dev/null
e admin add-account wojt --role leader --city Żywiec >/dev/null

# Expected figures, counted straight from the tables. A guest does not see practices
# shown only in the leaders' network.
PUBLIC="SELECT p.id FROM practices p WHERE NOT EXISTS (SELECT 1 FROM practice_networks pn
        JOIN networks n ON n.id = pn.network_id WHERE pn.practice_id = p.id)
        OR EXISTS (SELECT 1 FROM practice_networks pn JOIN networks n ON n.id = pn.network_id
        WHERE pn.practice_id = p.id AND n.leaders_only = 0)"
ALL=$(q "SELECT count(*) FROM ($PUBLIC)")
TOTAL=$(q "SELECT count(*) FROM practices")
N5=$(q "SELECT count(*) FROM practice_networks pn JOIN networks n ON n.id = pn.network_id WHERE n.number = 5")
N5P=$(q "SELECT count(*) FROM practice_networks pn JOIN networks n ON n.id = pn.network_id
         JOIN practices p ON p.id = pn.practice_id WHERE n.number = 5 AND p.theme = 'przedsiębiorczość'")
TARNOW=$(q "SELECT count(*) FROM practices p JOIN cities c ON c.id = p.city_id WHERE c.name = 'Tarnów'")
PODK=$(q "SELECT count(*) FROM practices p JOIN cities c ON c.id = p.city_id WHERE c.voivodeship = 'podkarpackie'")
ok_if "the bundled data has practices ($TOTAL), some in network 5 ($N5)" \
	test "$TOTAL" -gt 5 -a "$N5" -gt 1 -a "$N5P" -ge 1 -a "$N5P" -lt "$N5"

tui_start 100 30 -- --as gosc
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F8 x
tui_assert_has "Good practices: $ALL of $ALL" "F8 opens the library ($ALL practices a guest may see)"
tui_assert_has "Network: all · Theme: all · Voivodeship: all · Town: all" "no filter at first"
tui_assert_has "Tarnowskie Centrum Dialogu" "Tarnów's dialogue centre is listed"
tui_keys f Enter
tui_assert_has "5 MIASTO PRZEDSIĘBIORCZE ($N5)" "networks are offered with counts"
tui_type 5
tui_keys Enter
tui_assert_has "Good practices: $N5 of $ALL" "network 5 alone: $N5"
tui_keys f Down Enter
tui_assert_has "przedsiębiorczość ($N5P)" "themes are counted within network 5"
tui_type prz
tui_keys Enter
tui_assert_has "Good practices: $N5P of $ALL" "network and theme combine: $N5P"
tui_assert_has "Network: 5 MIASTO PRZEDSIĘBIORCZE · Theme: przedsiębiorczość" "the filter line shows both"
tui_keys x
tui_assert_has "Good practices: $ALL of $ALL" "x clears them"
tui_keys f Down Down Enter
tui_assert_has "Voivodeship: show only" "the voivodeship filter"
tui_assert_has "podkarpackie ($PODK)" "voivodeships are offered with counts"
tui_type podk
tui_keys Enter
tui_assert_has "Good practices: $PODK of $ALL" "podkarpackie alone: $PODK"
tui_assert_has "Voivodeship: podkarpackie" "the filter line says so"
tui_keys x
tui_keys f Down Down Down Enter
tui_assert_has "Town: show only" "the town filter"
tui_type T
tui_keys Enter
tui_assert_has "Good practices: $TARNOW of $ALL" "Tarnów's practices: $TARNOW"
tui_keys g Enter
tui_assert_has "A good practice of Tarnów" "Enter opens the practice's card"
tui_assert_has "→ Tarnów" "the card links to the town"
tui_assert_has "Shown at" "and to the meetings where it was shown"
tui_assert_has "not stated in the sources" "what the sources do not say is said so"
tui_keys F3
tui_assert_has "Your account may not write" "a guest cannot ask the town"
tui_keys Enter
tui_assert_has "Tarnów" "Enter on the first link opens the town's card"
tui_assert_has "Good practices (" "the town's card lists its practices"
tui_keys F8
tui_assert_has "Town: Tarnów" "F8 on a town's card filters by the town"
tui_keys q q q q
tui_keys 5 Enter
tui_assert_has "Network 5:" "the network's card"
tui_assert_has "F8 lists them" "shows its practices"
tui_keys F8
tui_assert_has "Network: 5 MIASTO PRZEDSIĘBIORCZE" "F8 on a network's card filters by the network"
tui_keys q q
tui_keys /
tui_type "karta mieszkanca"
tui_keys Enter
tui_assert_has "Practice ·" "search finds a practice without Polish letters"
tui_keys F10
tui_exit_status >/dev/null

# Leaders' practices.
LEADERS=$(q "SELECT count(*) FROM practices") # a leader sees every practice
tui_start 100 30 -- --as wojt
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F8 x
tui_assert_has "Good practices: $LEADERS of $LEADERS" "a leader sees the leaders' network's practices too"
tui_keys F10
tui_exit_status >/dev/null

# A member of Tarnów asks about a practice, changes one of Tarnów's and adds one.
DIALOG=$(q "SELECT id FROM practices WHERE title LIKE 'Tarnowskie Centrum Dialogu%'")
tui_start 100 30 -- --as tomek
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F8 x
tui_wait "Good practices:"
tui_keys f Down Down Down Enter
tui_wait "Town: show only"
tui_type T
tui_keys Enter g Enter
tui_assert_has "A good practice of Tarnów" "the card of Tarnów's first practice"
tui_keys a
tui_assert_has "Title: Question about \"Tarnowskie Centrum Dialogu" "a asks the town: a new thread with the practice in its title"
tui_type "Jak przygotowaliście mediatorów?"
tui_keys C-x y
tui_assert_has "Jak przygotowaliście mediatorów?" "the question opens as a thread"
tui_keys q G
tui_assert_has "Discussed in 1 thread" "the card links to it"
ok_if "the thread is linked to the practice" \
	test "$(q "SELECT count(*) FROM practice_threads WHERE practice_id = $DIALOG")" = 1
tui_keys e
tui_assert_has "Change the good practice" "e edits a practice of the member's own town"
tui_keys C-e
tui_type " (2024)"
tui_keys C-x y
# "Saved." (the editor shows the title too, before it is saved)
tui_assert_has "Saved." "saved"
tui_assert_has "Tarnowskie Centrum Dialogu (2024)" "the card shows the new title"
ok_if "the change is stored" test "$(q "SELECT count(*) FROM practices WHERE id = $DIALOG AND title LIKE '% (2024)'")" = 1
tui_keys q q
tui_keys F8 x c
tui_assert_has "A new good practice" "c adds a practice"
tui_assert_has "Town: Tarnów" "of the member's own town"
tui_type " Budżet obywatelski dla seniorów"
tui_keys Down Down
tui_type " 3"
tui_keys Down
tui_type " partycypacja"
tui_keys C-x y
tui_assert_has "Saved." "the new practice is saved"
tui_assert_has "Good practices: $((ALL + 1)) of $((ALL + 1))" "and counted"
ok_if "stored for Tarnów in network 3" test \
	"$(q "SELECT c.name || ' ' || n.number FROM practices p JOIN cities c ON c.id = p.city_id
	      JOIN practice_networks pn ON pn.practice_id = p.id JOIN networks n ON n.id = pn.network_id
	      WHERE p.title = 'Budżet obywatelski dla seniorów'")" = "Tarnów 3"
tui_keys c C-k
tui_type "Title: Cudza praktyka"
tui_keys Enter C-e
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace
tui_type "Hrubieszów"
tui_keys C-x y
tui_assert_has "only the practices of your own town" "another town's practice is refused"
tui_assert_has "A new good practice" "and the text stays in the editor"
tui_keys C-k
tui_type "Town: Nibylandia"
tui_keys Enter C-x y
tui_assert_has "no town named \"Nibylandia\"" "an unknown town is named in the error"
tui_keys F10 n
tui_keys f Down Down Down Enter
tui_type Hr
tui_keys Enter g
tui_assert_has "Town: Hrubieszów" "another town's practices"
tui_keys e
tui_assert_has "Only the town's members and the network's coordinators may change this" \
	"cannot be changed by a member of Tarnów"
tui_keys Enter e
tui_assert_has "Only the town's members" "not from the card either"
tui_keys F10
tui_exit_status >/dev/null

if tui_has_locale pl_PL.UTF-8; then
	tui_start 80 24 LANG=pl_PL.UTF-8 -- --as gosc
	tui_keys F8 x
	tui_assert_has "Dobre praktyki: $((ALL + 1)) z $((ALL + 1))" "the library in Polish"
	tui_assert_has "Sieć: wszystkie · Temat: wszystkie · Województwo: wszystkie" "the filters in Polish"
	tui_keys G Enter
	tui_assert_has "źródła tego nie podają" "the card in Polish"
	tui_keys F10
else
	tui_skip "the library in Polish" "pl_PL.UTF-8 is not installed"
	tui_skip "the filters in Polish" "pl_PL.UTF-8 is not installed"
	tui_skip "the card in Polish" "pl_PL.UTF-8 is not installed"
fi
tui_start 40 12 -- --as gosc
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F8 x
tui_assert_has "Good practices: $((ALL + 1))" "the library fits 40x12"
tui_assert_has " — " "one column: title — town"
tui_keys F10
tui_done
