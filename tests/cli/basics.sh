#!/bin/sh
# The command-line contract: help, version, lists, cards, search.
. "$top_srcdir/tests/lib.sh"

exit_is "--help exits 0" 0 e --help
like "--help lists the commands" "$(cat "$T_DIR/out")" "search"
like "--help names --db" "$(cat "$T_DIR/out")" "--db FILE"
exit_is "--version exits 0" 0 e --version
like "--version prints the version" "$(cat "$T_DIR/out")" "empirie 0."
for c in list show search post reply edit init check admin; do
	exit_is "$c --help exits 0" 0 e "$c" --help
	like "$c --help shows its usage" "$(cat "$T_DIR/out")" "Usage: empirie $c"
done

exit_is "init creates the database" 0 e init
[ -f "$EMPIRIE_DB" ]; t_result $? "the database file exists at \$EMPIRIE_DB"
exit_is "init again leaves it" 0 e init
like "init says it already exists" "$(cat "$T_DIR/out")" "already exists"

exit_is "list networks" 0 e list networks
out=$(cat "$T_DIR/out")
is "8 networks and a header" "$(printf '%s\n' "$out" | wc -l)" 9
is "header line" "$(printf '%s\n' "$out" | head -1)" "$(printf 'number\ttheme\tcode\ttowns\tthreads\tposts\tunread')"
like "network 6 row" "$out" "$(printf '6\tŚrodowisko, OZE (klimat)\tMIASTO NEUTRALNE KLIMATYCZNIE/ZIELONE')"
exit_is "--no-header" 0 e --no-header list networks
is "without the header 8 lines" "$(wc -l < "$T_DIR/out")" 8

exit_is "list cities" 0 e --no-header list cities
names=$(cut -f1 "$T_DIR/out")
# Polish order: Ł after L, Ś after S, Ź/Ż after Z, case- and space-blind.
order=$(printf '%s\n' "$names" | grep -nxE 'Legnica|Łomża|Mielec|Stalowa Wola|Starachowice|Świdwin|Tarnów|Zabrze|Zawiercie|Zgierz|Złotów|Żary|Żywiec' | cut -d: -f2 | tr '\n' ' ')
is "towns in Polish alphabetical order" "$order" "Legnica Łomża Mielec Stalowa Wola Starachowice Świdwin Tarnów Zabrze Zawiercie Zgierz Złotów Żary Żywiec "
is "the last town is Żywiec" "$(printf '%s\n' "$names" | tail -1)" "Żywiec"
like "Ostrowiec before Ostrów" "$(printf '%s\n' "$names" | grep -n '^Ostr' | cut -d: -f2 | tr '\n' '|')" "Ostrowiec Świętokrzyski|Ostrów Wielkopolski|"

exit_is "list cities --network 6" 0 e --no-header list cities --network 6
is "network 6 has 8 towns" "$(wc -l < "$T_DIR/out")" 8

exit_is "list threads --network 1" 0 e --no-header list threads --network 1
first=$(head -1 "$T_DIR/out")
like "newest activity first (Przemyśl, Oct)" "$first" "Przemyślu"
tid=$(cut -f1 "$T_DIR/out" | tail -1)
exit_is "list posts --thread" 0 e list posts --thread "$tid"
like "the meeting summary post" "$(cat "$T_DIR/out")" "Stalowa Wola"
exit_is "show thread" 0 e show thread "$tid"
like "the thread card shows the post" "$(cat "$T_DIR/out")" "Stalowa Wola"

exit_is "show network 6" 0 e show network 6
out=$(cat "$T_DIR/out")
like "network card title" "$out" "Network 6: Środowisko, OZE (klimat) – MIASTO NEUTRALNE KLIMATYCZNIE/ZIELONE"
like "town count with plural" "$out" "Towns (8 towns):"

exit_is "show city by exact name" 0 e show city "Kędzierzyn-Koźle"
like "city card" "$(cat "$T_DIR/out")" "opolskie"
exit_is "show city without Polish letters" 0 e show city kedzierzyn-kozle
like "folded name finds the town" "$(head -1 "$T_DIR/out")" "Kędzierzyn-Koźle"
exit_is "show city with two words unquoted" 0 e show city Stalowa Wola
like "multi-word name" "$(head -1 "$T_DIR/out")" "Stalowa Wola"

for q in lomza ŁOMŻA Łomża LOMZA; do
	exit_is "search $q" 0 e --no-header search "$q"
	like "search $q finds the town Łomża" "$(grep '^town' "$T_DIR/out")" "Łomża"
done
exit_is "search a prefix" 0 e --no-header search kedzierz
like "prefix finds Kędzierzyn-Koźle" "$(cat "$T_DIR/out")" "Kędzierzyn-Koźle"
exit_is "search swidwin" 0 e --no-header search swidwin
like "swidwin finds Świdwin" "$(cat "$T_DIR/out")" "Świdwin"
for q in '"' '*' 'NEAR' '-' "'" ';' 'a" OR "b' 'x*)' '^' ':'; do
	exit_is "query syntax in [$q] is harmless" 0 e search "$q"
done
exit_is "list meetings" 0 e --no-header list meetings --network 4
like "network 4 meetings include Sokołów Podlaski" "$(cat "$T_DIR/out")" "Sokołów Podlaski"

# The database and its -wal/-shm are the program's to protect (issue 15): 0600 whatever
# the umask, also at a path given with --db, where no directory of ours hides them.
mkdir "$T_DIR/modes"
exit_is "init under umask 022" 0 sh -c 'umask 022; "$EMPIRIE" --db "$1/modes/e.db" init' sh "$T_DIR"
is "the new database file is 0600" "$(stat -c %a "$T_DIR/modes/e.db")" 600
# sqlite3 keeps a connection open (so -wal and -shm stay) while .shell makes a change.
exit_is "a change under umask 000 while another connection is open" 0 sqlite3 "$T_DIR/modes/e.db" \
	"SELECT count(*) FROM networks;" \
	".shell umask 000; echo x | \"$EMPIRIE\" --db \"$T_DIR/modes/e.db\" post --network 1 --title Tryby && stat -c %a \"$T_DIR/modes/e.db-wal\" \"$T_DIR/modes/e.db-shm\" > \"$T_DIR/modes.out\""
is "its -wal and -shm are 0600 too" "$(tr '\n' ' ' < "$T_DIR/modes.out")" "600 600 "

done_testing
