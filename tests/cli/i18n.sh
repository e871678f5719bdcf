#!/bin/sh
# Polish and English interfaces: help, errors, headers and plural forms.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1

out=$(LC_ALL=C e --help)
like "English help under LANG=C" "$out" "Usage: empirie"
out=$(LC_ALL=C e list networks | head -1)
is "English headers under C" "$out" "$(printf 'number\ttheme\tcode\ttowns\tthreads\tposts\tunread')"
if ! has_locale pl_PL.UTF-8; then
	skip "locale pl_PL.UTF-8 is not installed (locale-gen pl_PL.UTF-8)"
	done_testing; exit
fi
export LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8
exit_is "help in Polish" 0 e --help
like "Polish usage line" "$(cat "$T_DIR/out")" "Użycie: empirie"
like "Polish option text" "$(cat "$T_DIR/out")" "--db PLIK"
exit_is "error in Polish" 2 e frobnicate
like "Polish error" "$(cat "$T_DIR/err")" "nieznane polecenie „frobnicate”"
exit_is "unknown network in Polish" 1 e list threads --network 42
like "Polish message" "$(cat "$T_DIR/err")" "Nie ma sieci numer 42"
is "Polish headers" "$(e list networks | head -1)" "$(printf 'numer\ttemat\tnazwa\tmiasta\twątki\twpisy\tnieprzeczytane')"
# Polish plural forms: 1 miasto, 2–4 miasta, 5+ miast; 22 miasta, 12 miast.
like "9 miast (network 3)" "$(e show network 3)" "Miasta (9 miast):"
like "8 miast (network 6)" "$(e show network 6)" "Miasta (8 miast):"
like "17 miast (network 8)" "$(e show network 8)" "Miasta (17 miast):"
like "3 wątki (network 1)" "$(e show network 1)" "3 wątki"
like "1 sieć (Łomża)" "$(e show city Łomża)" "Sieci (1 sieć):"
like "2 sieci (Konin)" "$(e show city Konin)" "Sieci (2 sieci):"
like "5 sieci (Jarosław)" "$(e show city Jarosław)" "Sieci (5 sieci):"
# One Polish: list values in Polish, stable keys on request; usage placeholders in Polish.
cities_field() { e --no-header list cities $3 --network "$1" | awk -F'\t' -v t="$2" -v f="$4" '$1 == t { print $f }'; }
is "list cities: the status in Polish" "$(cities_field 3 Cieszyn '' 4)" "laureat programu „Rozwój lokalny”"
is "and the basis" "$(cities_field 3 Cieszyn '' 5)" "ostateczna lista członków"
is "and yes/no" "$(cities_field 3 Cieszyn '' 3)" "tak"
is "--keys gives the stable status key" "$(cities_field 3 Cieszyn --keys 4)" "laureate"
is "and basis key" "$(cities_field 3 Cieszyn --keys 5)" "final-list"
is "and yes" "$(cities_field 3 Cieszyn --keys 3)" "yes"
exit_is "--keys is for list cities only" 2 e list networks --keys
# A towns' import refuses each kind's bad value in Polish, with its line and column.
printf 'name,status,voivodeship_basis,laureate,voivodeship\nA,winner,somewhere,perhaps,atlantis\n,,,,\n' > "$T_DIR/kinds.csv"
exit_is "a towns' import with bad values" 1 e import cities "$T_DIR/kinds.csv"
err=$(cat "$T_DIR/err")
like "the status" "$err" "kinds.csv:2:2 (programme_status): „winner”: dozwolone wartości to laureate, participant, network lub other"
like "the basis" "$err" "kinds.csv:2:3 (voivodeship_basis): „somewhere”: dozwolone wartości to source, general lub unknown"
like "the flag" "$err" "kinds.csv:2:4 (laureate): „perhaps”: dozwolone wartości to tak lub nie"
like "the voivodeship" "$err" "kinds.csv:2:5 (voivodeship): „atlantis” nie jest żadnym z 16 województw"
like "the name" "$err" "kinds.csv:3:1 (name): nazwa miasta jest pusta"
like "Polish usage line of import names RODZAJ PLIK" "$(e import --help)" "Użycie: empirie import RODZAJ PLIK"
like "of reply: ID_WĄTKU" "$(e reply --help)" "Użycie: empirie reply ID_WĄTKU [--to ID_WPISU] < TREŚĆ"
unlike "no English placeholder in Polish usage lines" "$(for c in list show search post reply edit attend practice meeting moderate import export gen snapshot sync admin; do e $c --help | awk 'NR == 1 { print; next } /^ / && !e { print; next } { e = 1 }'; done)" "FILE"
done_testing
