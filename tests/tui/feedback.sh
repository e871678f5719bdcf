#!/bin/sh
# feedback.sh — feedback requests on screen at 80×24 (issue 22): a coordinator sees the
# requests waiting for them in the title line and in their own list (F5/w), the oldest
# first; the asking town marks the answer that helped with A in the reader; a member
# asks from the list with F3; the network card shows the figures; Polish plural forms.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed to check what was stored independently"
	exit 0
fi
q() { sqlite3 "$TUI_DB" "$1"; }
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account anna --role member --city Hrubieszów >/dev/null
e admin add-account jan --role member --city Piła >/dev/null
e admin add-account koord1 --role coordinator --network 1 >/dev/null
e admin add-account koord2 --role coordinator --network 2 >/dev/null
# The newer one first in the table: the list must still put the older one first.
r2=$(echo "Rynek" | EMPIRIE_NOW=2026-03-04T08:00:00Z e --as jan ask --network 1 --title "Zielony rynek Piły")
r1=$(echo "Park" | EMPIRIE_NOW=2026-03-02T08:00:00Z e --as anna ask --network 1 --title "Park kieszonkowy" --assess "koszty utrzymania")

tui_start 80 24 -- --as koord1
tui_wait "Networks" 10
tui_assert_has "2 requests wait for feedback" "80×24: the coordinator's title line counts the requests waiting"
bar=$(tui_screen | tail -n 1)
ok_if "the key bar shows F5 Requests [$bar]" sh -c 'printf "%s\n" "$1" | grep -q "F5 *Requests"' x "$bar"
tui_keys w
tui_assert_has "Waiting for your opinion (2 requests)" "w opens the requests, those waiting first"
scr=$(tui_screen)
first=$(printf '%s\n' "$scr" | grep -n "Park kieszonkowy" | cut -d: -f1)
second=$(printf '%s\n' "$scr" | grep -n "Zielony rynek Piły" | cut -d: -f1)
ok_if "the oldest first (Park on row $first, Rynek on row $second)" test "${first:-99}" -lt "${second:-0}"
tui_keys Enter
tui_assert_has "Feedback request from Hrubieszów · to assess: koszty utrzymania · open" \
	"Enter opens the request, its line above the posts"
tui_keys r
tui_assert_has "Reply" "r answers it"
tui_type "Proponuję łąkę kwietną."
tui_keys C-x y
tui_assert_has "Sent." "the answer is sent"
tui_stop

tui_start 80 24 -- --as koord2
tui_wait "Networks" 10
tui_assert_lacks "wait for feedback" "another network's coordinator: nothing waits"
tui_stop

tui_start 80 24 -- --as anna
tui_wait "Networks" 10
tui_assert_lacks "wait for feedback" "a member is not asked for opinions"
tui_keys w
tui_assert_has "Open (2 requests)" "a member sees the open requests"
tui_keys Enter
tui_assert_has "answer marks it as the one that helped" "the asking town is told how to close it (a)"
tui_keys n a
tui_assert_has "Marked as the answer that helped; the request is closed." "a marks the answer"
tui_assert_has "✓ helped" "the post says it helped"
tui_assert_has "Feedback request from Hrubieszów · closed: post" "the request says it is closed"
ok_if "stored: the coordinator's answer" test \
	"$(q "SELECT a.login FROM feedback_requests r JOIN posts p ON p.id = r.accepted_post
	      JOIN accounts a ON a.id = p.author_id WHERE r.thread_id = $r1")" = koord1
tui_keys q q 1 Enter
tui_wait "Network 1" 10
tui_keys NPage
tui_assert_has "2 requests, 1 open; median time to the first answer" \
	"the network card shows the figures"
tui_stop

# The thread list tells requests from other threads, and the open from the solved.
tui_start 100 24 -- --as anna
tui_wait "Networks" 10
tui_keys 1 Tab Tab
tui_wait "› Threads" 10
tui_assert_has "2026-03-04  [request] Zielony rynek Piły" "the thread list marks an open request (and shows its whole day)"
tui_assert_has "[solved] Park kieszonkowy" "and a request whose answer helped"
tui_stop

# A member asks from the list with F3: the fields in the editor, sent with Ctrl-X.
tui_start 80 24 -- --as jan
tui_wait "Networks" 10
tui_keys w
tui_wait "Feedback requests" 10
tui_keys F3
tui_assert_has "Ask for feedback" "F3 opens the request's editor"
tui_assert_has "Network: 1" "with the town's network filled in"
tui_type " Ławki z recyklingu"
tui_keys Down C-e
tui_type " trwałość"
tui_keys Down Down Down
tui_type "Czy ławki z plastiku się sprawdzają?"
tui_keys C-x y
tui_assert_has "Open (2 requests)" "sent, it is listed"
ok_if "stored as Piła's request in network 1, with what to assess" test \
	"$(q "SELECT c.name || '|' || r.assess || '|' || n.number FROM feedback_requests r
	      JOIN cities c ON c.id = r.city_id JOIN threads t ON t.id = r.thread_id
	      JOIN networks n ON n.id = t.network_id WHERE t.title = 'Ławki z recyklingu'")" = \
	"Piła|trwałość|1"
tui_stop

# Polish: the plural forms in the title line.
if tui_has_locale pl_PL.UTF-8; then
	tui_start 80 24 LANG=pl_PL.UTF-8 -- --as koord1
	tui_wait "Sieci" 10
	tui_assert_has "2 prośby czekają na opinię" "Polish: „2 prośby czekają na opinię”"
	tui_stop
else
	tui_skip "Polish title line" "the pl_PL.UTF-8 locale is not installed"
fi
tui_done
