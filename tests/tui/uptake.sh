#!/bin/sh
# uptake.sh — practice transfer and the network report in the full-screen application
# at 80×24 (issue 22): the library's "taken up" filter with counts (any other town, towns
# of my voivodeship), the practice card's towns and how far they got, the town card's
# practices taken from others, the report screen (R) with its links, and recording a
# town's uptake from the card (U): a member for their town, an administrator for any
# town, never the practice's own town; then what the town changed (a line prefilled with
# the stored note, Esc keeps it) and the threads where it asked (marked in a list);
# checked in what the CLI lists and the audit log, and on the card.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account jar --role member --city Jarosław >/dev/null
p1=$(e practice add --title "E-urząd na skróty" --town Hrubieszów --networks 1)
e --as jar uptake set "$p1" --town Jarosław --status in-use --note "Dodaliśmy wersję mobilną" >/dev/null
e uptake set "$p1" --town Piła --status adapting >/dev/null
e uptake set "$p1" --town Legnica --status dropped >/dev/null
ALL=$(e --as jar --no-header list practices | wc -l | tr -d ' ')

tui_start 80 24 -- --as jar
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F8 x
tui_assert_has "Good practices: $ALL of $ALL" "F8 opens the library"
tui_keys f
tui_assert_has "Taken up: all" "the filter offers \"taken up\""
tui_keys Down Down Down Down Enter
tui_assert_has "by at least one other town (1)" "any other town, with its count"
tui_assert_has "by towns in my voivodeship – podkarpackie (1)" "towns of my voivodeship (Jarosław's), with its count"
tui_keys Down Enter
tui_assert_has "Good practices: 1 of $ALL" "the filter leaves the one taken up"
tui_assert_has "E-urząd na skróty" "and lists it"
tui_keys Enter
tui_assert_has "A good practice of Hrubieszów" "Enter opens its card"
tui_keys G
tui_assert_has "Taken up by 3 towns" "the card counts the towns (a dropped one too)"
tui_assert_has "Jarosław: in use" "Jarosław, in use"
tui_assert_has "Piła: adapting" "Piła, adapting"
tui_assert_has "Dodaliśmy wersję mobilną" "with what the town changed"
tui_assert_has "Legnica: dropped" "Legnica, dropped"
tui_keys g Down Down Enter
tui_assert_has "Took up 1 practice of another town" "the link opens Jarosław's card: what it took"
tui_assert_has "E-urząd na skróty (Hrubieszów): in use" "from whom, how far"
tui_keys q q q q
tui_start 80 24 -- --as jar
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys R
tui_assert_has "What the networks produced" "R opens the report"
tui_assert_has "Network 1 MIASTO CYFROWE" "of the selected network"
tui_assert_has "Practices taken up (3)" "with the practices taken up"
tui_assert_has "taken up by Jarosław: in use" "by whom and how far"
tui_assert_lacks "EMPIRIE-EXITED" "still running"
# Recording it from the card (U / F7): a member of Tarnów for Tarnów.
e admin add-account tar --role member --city Tarnów >/dev/null
e admin add-account hru --role member --city Hrubieszów >/dev/null
open_card() { # the practice's card, through the library's "taken up" filter
	tui_open_taken_up_practice
	tui_keys G # the towns that took it up are at the end
}
uptake_of() { # town: its status in what the CLI lists for the practice
	e --no-header uptake list --practice "$p1" | awk -F '\t' -v t="$1" '$0 ~ t { for (i = 1; i <= NF; i++) if ($i ~ /^(interested|adapting|in-use|dropped)$/) print $i }'
}
tui_start 80 24 -- --as tar
open_card
tui_assert_has "F7 Take up" "the key bar offers to record that the town takes the practice up"
tui_keys U
tui_assert_has "How far Tarnów has got with it" "U asks how far Tarnów has got (its own town, no town to choose)"
tui_keys Down Enter
tui_assert_has "Recorded: Tarnów takes it up (adapting)" "choosing a status says what was recorded"
tui_assert_has "What did Tarnów change in it?" "then asks what the town changed"
tui_keys Escape
tui_wait_gone "What did Tarnów change in it?" 5 || true
tui_keys G
tui_assert_has "Tarnów: adapting" "and the card shows it at once"
tui_assert_has "Taken up by 4 towns" "counted with the others"
ok_if "the CLI lists Tarnów adapting" test "$(uptake_of Tarnów)" = adapting
tui_keys U
tui_assert_has "Take the record off" "U again offers to take the record off"
tui_keys End Enter
tui_assert_has "The record of Tarnów is taken off" "which says so"
ok_if "the CLI no longer lists Tarnów" test -z "$(uptake_of Tarnów)"
tui_keys q q q q
# What the town changed and where it asked, from the card (Zabrze is in network 1, where
# the practice is shown, and asked about it in a thread of its own there).
e admin add-account zab --role member --city Zabrze >/dev/null
tid=$(printf 'Jak wdrożyliście e-urząd w Hrubieszowie?\n' | e --as zab post --network 1 --title "Pytanie o e-urząd z Hrubieszowa")
uptake_field() { # town, column name: that column of the town's row in what the CLI lists
	e uptake list --practice "$p1" | awk -F '\t' -v t="$1" -v col="$2" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		$4 == t { print $c }'
}
tui_start 80 24 -- --as zab
open_card
tui_keys U
tui_assert_has "How far Zabrze has got with it" "Zabrze: U asks how far"
tui_keys Down Down Enter
tui_assert_has "Recorded: Zabrze takes it up (in use)" "the status is recorded"
tui_assert_has "What did Zabrze change in it?" "then the app asks what the town changed"
tui_type "Formularze także po ukraińsku"
tui_keys Enter
tui_assert_has "Where did Zabrze ask about it?" "then where it asked about it"
tui_assert_has "[ ] Pytanie o e-urząd z Hrubieszowa" "offering the town's thread in the practice's network"
tui_keys Enter
tui_assert_has "[x] Pytanie o e-urząd z Hrubieszowa" "Enter marks the thread"
tui_keys Home Enter
tui_assert_has "1 thread linked" "choosing Done links the marked threads"
ok_if "the store holds the note (CLI)" test "$(uptake_field Zabrze note)" = "Formularze także po ukraińsku"
ok_if "the store holds the thread link (CLI)" test "$(uptake_field Zabrze threads)" = "$tid"
ok_if "the store holds the status (CLI)" test "$(uptake_field Zabrze status)" = in-use
audited_by_zab() { # the status, and then the note with the link: two entries of zab's
	test "$(e admin audit | awk -F '\t' '$3 == "zab" && $5 == "uptake"' | wc -l)" -ge 2
}
ok_if "each write is in the audit log under zab" audited_by_zab
tui_keys G
tui_assert_has "Zabrze: in use" "the card shows Zabrze's status"
tui_assert_has "Formularze także po ukraińsku" "the card shows what Zabrze changed"
tui_assert_has "where it asked: Pytanie o e-urząd z Hrubieszowa" "and the thread where it asked"
tui_keys U
tui_wait "How far Zabrze has got with it" 5 || true
tui_keys Enter
tui_assert_has "Formularze także po ukraińsku" "U again: the note's line starts from the stored note"
tui_type " i PDF"
tui_keys Escape
tui_wait_gone "What did Zabrze change in it?" 5 || true
ok_if "Esc keeps the stored note" test "$(uptake_field Zabrze note)" = "Formularze także po ukraińsku"
ok_if "and the thread link" test "$(uptake_field Zabrze threads)" = "$tid"
tui_assert_lacks "EMPIRIE-EXITED" "still running"
# The town's own card says the same under what it took, from whom (issue 22).
tui_keys q q q q
tui_start 80 24 -- --as zab
tui_wait "MIASTO CYFROWE" 10 || true
tui_keys F2
tui_type "Zabrze"
tui_keys Enter
tui_wait "Town · Zabrze" 10 || true
tui_keys Enter
tui_assert_has "Took up 1 practice of another town" "Zabrze's card: what it took"
tui_assert_has "Formularze także po ukraińsku" "Zabrze's card: what it changed"
tui_assert_has "where it asked: Pytanie o e-urząd z Hrubieszowa" "Zabrze's card: where it asked"
tui_keys q q q q
e uptake remove "$p1" --town Zabrze >/dev/null # the counts below are of the others
# An administrator chooses the town first (typing its name finds it).
tui_start 80 24
open_card
tui_keys F7
tui_assert_has "Which town takes it up" "an administrator chooses the town first"
tui_type "Zg"
tui_keys Enter
tui_assert_has "How far Zgierz has got with it" "typing finds the town"
tui_keys Enter
tui_assert_has "Recorded: Zgierz takes it up (interested)" "recorded for that town"
tui_keys Escape
tui_wait_gone "What did Zgierz change in it?" 5 || true
ok_if "the CLI lists Zgierz interested" test "$(uptake_of Zgierz)" = interested
tui_keys q q q q
# Never for the practice's own town.
tui_start 80 24 -- --as hru
open_card
tui_keys U
tui_assert_has "never for the practice's own town" "a member of the practice's own town is told why not"
tui_assert_lacks "How far Hrubieszów" "and is not asked"
tui_keys q q q q
# Polish, at 80×24.
if locale -a 2>/dev/null | grep -qix 'pl_PL.utf-\{0,1\}8'; then
	tui_start 80 24 LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8 -- --as jar
	tui_wait "MIASTO CYFROWE" 10 || true
	tui_keys R
	tui_assert_has "Co wypracowały sieci" "the report in Polish"
	tui_assert_has "Przejęte praktyki (4)" "its sections translated (Zgierz's record too)"
	tui_keys q F8
	tui_wait "Dobre praktyki" 5 || true
	tui_keys f
	tui_assert_has "Przejęte: wszystkie" "the filter in Polish"
	tui_keys Down Down Down Down Enter
	tui_wait "przez co najmniej jedno inne miasto" 5 || true
	tui_keys Down Enter
	tui_wait "Dobre praktyki: 1 z" 5 || true
	tui_keys Enter
	tui_wait "Dobra praktyka: Hrubieszów" 5 || true
	tui_keys U
	tui_wait "Etap przejęcia: Jarosław" 5 || true
	tui_keys Enter
	tui_assert_has "Co zmieniło w niej miasto Jarosław?" "the note's question in Polish, at 80×24"
	tui_assert_has "Dodaliśmy wersję mobilną" "starting from the note stored with the CLI"
	tui_keys Escape
	tui_assert_has "Notatka miasta Jarosław zostaje bez zmian." "Esc says the note is kept, in Polish"
else
	tui_skip "the report in Polish" "no pl_PL.UTF-8 locale"
	tui_skip "its sections translated" "no pl_PL.UTF-8 locale"
	tui_skip "the filter in Polish" "no pl_PL.UTF-8 locale"
	tui_skip "the note's question in Polish, at 80×24" "no pl_PL.UTF-8 locale"
	tui_skip "starting from the note stored with the CLI" "no pl_PL.UTF-8 locale"
	tui_skip "Esc says the note is kept, in Polish" "no pl_PL.UTF-8 locale"
fi
tui_done
