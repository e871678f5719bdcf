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
like "Polish error" "$(cat "$T_DIR/err")" "nieznane polecenie 'frobnicate'"
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
done_testing
