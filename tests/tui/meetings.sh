#!/bin/sh
# meetings.sh — F9: the meetings of every network, filters (network, time, town) that
# combine, the meeting card with links, a coordinator adding a meeting, a member
# signing the town up, and the meeting's thread started from its card.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed to count the expected rows independently"
	exit 0
fi
q() { sqlite3 "$TUI_DB" "$1"; }
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account anna --role member --city Zabrze >/dev/null
e admin add-account tomek --role member --city Tarnów >/dev/null
e admin add-account gosc --role guest >/dev/null

# A joint meeting is stored once per network and counted once (issue 17).
ALL=$(q "SELECT count(*) FROM (SELECT DISTINCT g.title, g.date_start, g.date_end, g.host_city_id
         FROM meetings g JOIN networks n ON n.id = g.network_id WHERE n.leaders_only = 0)")
N3=$(q "SELECT count(*) FROM meetings g JOIN networks n ON n.id = g.network_id WHERE n.number = 3")
N3T=$(q "SELECT count(*) FROM meetings g JOIN networks n ON n.id = g.network_id WHERE n.number = 3
         AND (g.host_city_id = (SELECT id FROM cities WHERE name = 'Tarnów') OR EXISTS (
              SELECT 1 FROM meeting_cities mc JOIN cities c ON c.id = mc.city_id
               WHERE mc.meeting_id = g.id AND c.name = 'Tarnów'))")

# A guest sees every network but the leaders'.
tui_start 100 30 -- --as gosc
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F9 x  # x: all networks (F9 opens on the selected one)
tui_assert_has "Meetings: $ALL meetings; 1 joint meeting" "F9 lists the meetings a guest may see ($ALL)"
tui_assert_has ", 0 planned" "... none planned"
tui_assert_has "Network: all · When: all · Town: all" "no filter at first"
tui_keys f
tui_assert_has "Filter by" "F4/f offers what to filter by"
tui_keys Enter
tui_assert_has "Network: show only" "then the networks"
tui_assert_has "3 MIASTO OBYWATELI ($N3)" "each with how many meetings it would show"
tui_assert_lacks "8 SIE" "the leaders' network is not offered to a guest"
tui_type 3
tui_keys Enter
tui_assert_has "Meetings: $N3 meetings" "network 3 alone: $N3 meetings"
tui_assert_has "Network: 3 MIASTO OBYWATELI" "the filter line says so"
tui_keys f Down Down Enter
tui_assert_has "Town: show only" "the town filter"
tui_type T
tui_keys Enter
tui_assert_has "Town: Tarnów" "a letter jumps to the first town with it; Enter takes it"
tui_assert_has "Meetings: $N3T meeting" "network 3 and Tarnów combine: $N3T"
tui_keys x
tui_assert_has "Meetings: $ALL meetings" "x clears the filters"
tui_keys f Down Enter
tui_assert_has "planned (0)" "time: nothing planned in the bundled data"
tui_keys Escape
tui_assert_lacks "When: show only" "Esc closes the choice without changing anything"
tui_keys q
tui_keys 3 Enter
tui_assert_has "Network 3:" "the network's card"
tui_keys F9
tui_assert_has "Meetings: $N3 meetings" "F9 on a network's card lists its meetings"
tui_keys Enter
tui_assert_has "Summary" "Enter opens a meeting's card with its summary"
tui_assert_has "→ 3. Partycypacja" "the card links to the network"
tui_assert_has "Thread" "and to its thread"
tui_keys Enter
tui_assert_has "Network 3:" "Enter on the first link opens the network's card"
tui_keys q
tui_keys F3
tui_assert_has "Only members of a town in this network can sign up" "a guest cannot sign up"
tui_keys F10
ok_if "the guest's session ends" test "$(tui_exit_status)" = 0

# A coordinator adds a meeting of their network.
tui_start 100 30 -- --as siec-1
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F9 x c
tui_assert_has "A new meeting of network 1" "c opens the editor for a new meeting"
tui_type " Warsztaty: e-usługi"
tui_keys Down
tui_type " 2099-13-01"
tui_keys C-x y
tui_assert_has "is not a date" "a month 13 is refused, naming the field"
tui_assert_has "A new meeting of network 1" "and the text stays in the editor"
tui_keys BSpace BSpace BSpace BSpace BSpace
tui_type "05-20"
tui_keys Down
tui_type " 2099-05-21"
tui_keys Down
tui_type " Zabrze"
tui_keys Down Down Down Down
tui_type "Program e-usług"
tui_keys Enter
tui_type "Wymiana doświadczeń"
tui_keys C-x y
tui_assert_has "Saved." "the meeting is saved"
tui_keys g
tui_assert_has "[planned] Warsztaty: e-usługi" "it heads the list, marked as planned"
tui_assert_has "1 planned" "and is counted as planned"
tui_keys f Down Enter
tui_assert_has "planned (1)" "the time filter counts it"
tui_type pl
tui_keys Enter
tui_assert_has "Meetings: 1 meeting, 1 planned" "planned alone: just the new one"
tui_assert_has "When: planned" "the filter line says so"
tui_keys x g
ok_if "stored with its dates, host and agenda items" test \
	"$(q "SELECT date_start || ' ' || date_end || ' ' || host_place || ' ' || topics FROM meetings WHERE title = 'Warsztaty: e-usługi'")" \
	= "2099-05-20 2099-05-21 Zabrze Program e-usług | Wymiana doświadczeń"
tui_keys Enter
tui_assert_has "20–21 May 2099 (planned)" "the card gives the days as a range"
tui_assert_has "• Wymiana doświadczeń" "the agenda, one item per line"
tui_keys e
tui_assert_has "Change the meeting" "e edits it"
tui_keys Down
tui_keys C-e
tui_type " (zmiana)"
tui_keys C-x y
tui_assert_has "Warsztaty: e-usługi (zmiana)" "the change shows on the card"
tui_keys q q
tui_keys F10
ok_if "the coordinator's session ends" test "$(tui_exit_status)" = 0
MID=$(q "SELECT id FROM meetings WHERE title LIKE 'Warsztaty: e-us%'")

# A member of a town in network 1 signs the town up, and takes it back.
tui_start 100 30 -- --as anna
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F9 x g Enter
tui_assert_has "Zabrze: not signed up (a: sign up)" "the card says the member's town is not signed up"
tui_keys a
tui_assert_has "Zabrze is signed up for this meeting." "a signs the town up"
tui_assert_has "Zabrze: signed up by its members" "the card says so"
ok_if "stored as declared by the town" test \
	"$(q "SELECT basis FROM meeting_cities WHERE meeting_id = $MID")" = declared
tui_keys a
tui_assert_has "no longer signed up" "a again takes it back"
ok_if "and nothing is stored" test "$(q "SELECT count(*) FROM meeting_cities WHERE meeting_id = $MID")" = 0
# The meeting's thread, started from its card.
tui_keys G
tui_assert_has "→ Start the meeting's thread" "a meeting without a thread offers to start one"
tui_keys BTab
tui_keys Enter
tui_assert_has "Title: Warsztaty: e-usługi (zmiana)" "the new thread takes the meeting's title"
tui_type "Kto prowadzi warsztaty?"
tui_keys C-x y
tui_assert_has "Kto prowadzi warsztaty?" "the thread opens"
tui_keys q
tui_assert_has "(1 post)" "the card now links to the meeting's thread"
ok_if "the thread is linked to the meeting" test \
	"$(q "SELECT count(*) FROM threads WHERE meeting_id = $MID")" = 1
tui_keys q q
tui_keys F10
tui_exit_status >/dev/null

# A member of a town outside the network cannot sign up.
tui_start 100 30 -- --as tomek
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F9 x g Enter a
tui_assert_has "Only members of a town in this network can sign up" "a town outside the network cannot sign up"
tui_keys F10
tui_exit_status >/dev/null

# Polish, and a small terminal (one meeting more now).
ALL=$((ALL + 1))
if tui_has_locale pl_PL.UTF-8; then
	tui_start 80 24 LANG=pl_PL.UTF-8 -- --as gosc
	tui_keys F9 x  # x: all networks (F9 opens on the selected one)
	tui_assert_has "Spotkania: $ALL spotka" "the heading in Polish"
	tui_assert_has "Sieć: wszystkie · Kiedy: wszystkie · Miasto: wszystkie" "the filter line in Polish"
	tui_keys F10
else
	tui_skip "the meetings in Polish" "pl_PL.UTF-8 is not installed"
	tui_skip "the filter line in Polish" "pl_PL.UTF-8 is not installed"
fi
tui_start 40 12 -- --as gosc
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F9 x  # x: all networks (F9 opens on the selected one)
tui_assert_has "Meetings: $ALL" "the list fits 40x12"
tui_keys F10
tui_done
