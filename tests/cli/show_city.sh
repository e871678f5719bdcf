#!/bin/sh
# `show city` and `list cities` (issue 19): the town's fields come from the field list
# (city_fields.h), and the card and the list stay as they were, byte for byte, in
# English and in Polish: every bundled town, one imported with every field set
# (participant, voivodeship from a source, a project, several sources) and one with
# no voivodeship. The expected text is what the hand-written code printed
# (tests/data/show_city.*.txt).
. "$top_srcdir/tests/lib.sh"
EMPIRIE_NOW="2026-11-28T10:00:00Z"; export EMPIRIE_NOW
e init >/dev/null 2>&1
printf '%s\n' 'name,voivodeship,voivodeship_basis,laureate,programme_status,project_title,project_source,source' \
	'Qxtown,opolskie,source,yes,participant,"Projekt ""Q""",https://example.org/p,https://example.org/a https://example.org/b' \
	'Qxnowhere,,,no,other,,,' > "$T_DIR/towns.csv"
exit_is "two towns imported" 0 e import cities "$T_DIR/towns.csv"
towns=$(LC_ALL=C.UTF-8 e --no-header list cities | cut -f1)
[ "$(printf '%s\n' "$towns" | wc -l)" -ge 38 ]; t_result $? "the bundled towns and the two"
cards() {
	printf '%s\n' "$towns" | while IFS= read -r t; do
		printf '=== %s\n' "$t"
		e show city "$t"
	done
	printf '=== list cities\n'
	e list cities
	printf '=== list cities --keys\n'
	e list cities --keys
	printf '=== list cities --network 1\n'
	e list cities --network 1
}
is "the cards in English" "$(LC_ALL=C.UTF-8 LANGUAGE= cards)" "$(cat "$top_srcdir/tests/data/show_city.C.txt")"
if has_locale pl_PL.UTF-8; then
	is "the cards in Polish" "$(LC_ALL=pl_PL.UTF-8 LANGUAGE= cards)" \
		"$(cat "$top_srcdir/tests/data/show_city.pl.txt")"
else
	skip "pl_PL.UTF-8 is not installed"
fi
done_testing
