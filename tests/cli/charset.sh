#!/bin/sh
# Terminals that are not UTF-8: Latin-2 bytes out and in, ASCII transliteration, and a
# missing locale falling back with a notice.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
hex() { od -An -tx1 | tr -d ' \n'; }

out=$(LC_ALL=C e --no-header list cities | cut -f1 | grep -E '^(Lomza|Zywiec|Swidwin|Kedzierzyn-Kozle)$' | tr '\n' ',')
is "LANG=C: readable ASCII town names" "$out" "Kedzierzyn-Kozle,Lomza,Swidwin,Zywiec,"
unlike "LANG=C: no question marks" "$(LC_ALL=C e --no-header list cities)" "?"
like "LANG=C: dashes and quotes transliterated" "$(LC_ALL=C e show network 6)" "Srodowisko, OZE (klimat) - MIASTO NEUTRALNE"
is "POSIX too" "$(LC_ALL=POSIX e show city Żywiec | head -1)" "Zywiec"
is "LANG=C: the name can be typed in ASCII" "$(LC_ALL=C e show city lomza | head -1)" "Lomza"

if has_locale pl_PL.ISO-8859-2; then
	L=pl_PL.ISO-8859-2
	is "Latin-2: Łomża as Latin-2 bytes (A3 6F 6D BF 61)" "$(LC_ALL=$L e show city lomza | head -1 | hex)" "a36f6dbf610a"
	is "Latin-2: Świdwin (A6)" "$(LC_ALL=$L e show city swidwin | head -1 | hex)" "a677696477696e0a"
	like "Latin-2: Polish messages in Latin-2 (Użycie: U BF)" "$(LC_ALL=$L e --help | head -1 | hex)" "55bf79636965"
	is "Latin-2: a town name typed in Latin-2" "$(LC_ALL=$L e show city "$(printf '\243om\277a')" | head -1 | hex)" "a36f6dbf610a"
	# A post typed in a Latin-2 terminal is stored as UTF-8.
	tid=$(printf 'Za\277\363\263\346 g\352\266l\261 ja\274\361\n' | LC_ALL=$L e post --network 1 --title "$(printf 'Pr\363ba')")
	is "the body is stored as UTF-8" "$(e --no-header list posts --thread "$tid" | cut -f8)" 'Zażółć gęślą jaźń\n'
	is "the title too" "$(e --no-header list threads --network 1 | head -1 | cut -f6)" "Próba"
	# en dash has no Latin-2 code: transliterated, never '?'.
	like "Latin-2: en dash becomes -" "$(LC_ALL=$L e show network 6 | head -1)" "(klimat) - MIASTO"
else
	skip "locale pl_PL.ISO-8859-2 not installed (locale-gen pl_PL ISO-8859-2)"
fi

LC_ALL=xx_YY.UTF-8 e list networks >"$T_DIR/out" 2>"$T_DIR/err"
like "a missing locale: a one-line notice" "$(cat "$T_DIR/err")" "the locale xx_YY.UTF-8 is not installed"
is "the notice is one line" "$(wc -l < "$T_DIR/err")" 1
like "and it still works, in UTF-8" "$(cat "$T_DIR/out")" "Środowisko"
if [ -f "$top_builddir/tests/locale/pl/LC_MESSAGES/empirie.mo" ] && ! has_locale pl_PL.UTF-8; then
	like "a missing Polish locale still speaks Polish" "$(LC_ALL=pl_PL.UTF-8 e --help 2>/dev/null)" "Użycie"
fi
done_testing
