#!/bin/sh
# `show meeting` (issue 19): its lines come from the field list (meeting_fields.h), and
# the card stays as it was, byte for byte, in English and in Polish: a planned meeting
# with every field and a town signed up, one that is over with a practice shown there,
# and bundled ones (summaries, notes, threads). The expected text is the card as the
# hand-written code printed it (tests/data/show_meeting.*.txt), but for two labels now
# the field list's, as on the screen's card and in the form: Format (was Form), Agenda
# (was Topics).
. "$top_srcdir/tests/lib.sh"
at() { EMPIRIE_NOW="2026-11-28T$1Z"; export EMPIRIE_NOW; }
at 10:00:00
e init >/dev/null 2>&1
e admin add-account anna --role member --city Zabrze >/dev/null 2>&1
e admin add-account koord1 --role coordinator --network 1 >/dev/null 2>&1
m1=$(e --as koord1 meeting add --network 1 --title "Spotkanie o ogrodach" --date 2099-03-18 \
	--until 2099-03-19 --host zabrze --format online --agenda "retencja | zieleń" \
	--visits "ogród | park" --summary "Wiele pomysłów.
Druga linia." --source "https://example.org/a https://example.org/b")
e --as anna attend "$m1" >/dev/null
m2=$(e --as koord1 meeting add --network 1 --title "Spotkanie minione" --date 2020-05-04 \
	--host "Dom Kultury, Warszawa" --format "stacjonarne")
p=$(e practice add --title "Budżet obywatelski" --town Zabrze --networks 1)
e practice edit "$p" --meetings "$(e export meetings | grep -o '^n1-2020-05-04[^,]*')" >/dev/null
[ -n "$m1" ] && [ -n "$m2" ] && [ -n "$p" ]; t_result $? "two meetings and a practice"
# Every bundled one (summaries, notes, threads, dates in words).
bundled=$(e --no-header list meetings | cut -f1 | grep -v -x -e "$m1" -e "$m2")
cards() {
	for id in $m1 $m2 $bundled; do
		printf '=== %s\n' "$id"
		e show meeting "$id" | sed "s/^  $p  /  P  /"
	done
}
is "the cards in English" "$(LC_ALL=C.UTF-8 LANGUAGE= cards)" "$(cat "$top_srcdir/tests/data/show_meeting.C.txt")"
if has_locale pl_PL.UTF-8; then
	is "the cards in Polish" "$(LC_ALL=pl_PL.UTF-8 LANGUAGE= cards)" \
		"$(cat "$top_srcdir/tests/data/show_meeting.pl.txt")"
else
	skip "pl_PL.UTF-8 is not installed"
fi
done_testing
