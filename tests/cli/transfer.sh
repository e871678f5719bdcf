#!/bin/sh
# CSV import and export: encodings, separators, preview, line-numbered errors, all or nothing.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
conv() { iconv -f UTF-8 -t "$1"; }

# Export: UTF-8 with BOM by default, CRLF records (spreadsheets), the import's columns.
exit_is "export cities" 0 e export cities
is "starts with a UTF-8 byte order mark" "$(head -c 3 "$T_DIR/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
is "header" "$(head -1 "$T_DIR/out" | tail -c +4 | tr -d '\r')" "name,voivodeship,voivodeship_basis,laureate,programme_status,project_title,project_source,source"
is "one row per town" "$(($(wc -l < "$T_DIR/out") - 1))" "$(e --no-header list cities | wc -l)"
cp "$T_DIR/out" "$T_DIR/cities-utf8.csv"
exit_is "export cities as CP1250" 0 e export cities --encoding cp1250
cp "$T_DIR/out" "$T_DIR/cities-1250.csv"
is "CP1250 bytes for ł (0xB3) in Biłgoraj" "$(LC_ALL=C grep -c "^$(printf 'Bi\263goraj'),lubelskie" "$T_DIR/cities-1250.csv")" 1
exit_is "export as JSON" 0 e export memberships --format json
like "JSON objects with the column names" "$(cat "$T_DIR/out")" '{"network":1,"city":"Hrubieszów","basis":"meeting"'
exit_is "JSON of meetings" 0 e export meetings --format json
exit_is "unknown format" 2 e export cities --format xml

# Round trips: what was exported imports back unchanged, in every encoding.
for f in cities-utf8 cities-1250; do
	exit_is "re-import $f" 0 e import cities "$T_DIR/$f.csv"
	like "nothing changes ($f)" "$(cat "$T_DIR/out")" "0 added, 0 changed, 36 unchanged"
done
# Latin-2 has no typographic dashes or quotes: the rows without them.
e export cities | tail -c +4 | grep -v '[–„”’]' | conv ISO-8859-2 > "$T_DIR/cities-latin2.csv"
exit_is "re-import Latin-2 (said)" 0 e import cities "$T_DIR/cities-latin2.csv" --encoding iso-8859-2
like "nothing changes (Latin-2)" "$(cat "$T_DIR/out")" "0 added, 0 changed"
exit_is "Latin-2 detected without being told" 0 e import cities "$T_DIR/cities-latin2.csv" --dry-run
like "says ISO-8859-2" "$(cat "$T_DIR/err")" "ISO-8859-2 (detected)"
is "Latin-2 bytes for ł (0xB3) too" "$(LC_ALL=C grep -c "^$(printf 'Bi\263goraj'),lubelskie" "$T_DIR/cities-latin2.csv")" 1
for kind in memberships meetings accounts; do
	e export $kind > "$T_DIR/$kind.csv"
	exit_is "re-import $kind" 0 e import $kind "$T_DIR/$kind.csv"
	like "$kind unchanged" "$(cat "$T_DIR/out")" " 0 changed"
done

# A Polish Excel file: CP1250, ';', Polish headers, quotes with newlines.
printf 'Nazwa;Województwo;Laureat;Projekt\r\nŁódź;łódzkie;nie;"Łódź ""kreatywna""\r\ndruga linia"\r\nSzczecinek;zachodniopomorskie;nie;\r\n' | conv CP1250 > "$T_DIR/excel.csv"
exit_is "dry run" 0 e import cities "$T_DIR/excel.csv" --dry-run
like "says the encoding it detected" "$(cat "$T_DIR/err")" "CP1250 (detected)"
like "previews the new town" "$(cat "$T_DIR/out")" "+ Łódź (łódzkie)"
like "and says nothing was stored" "$(cat "$T_DIR/out")" "nothing was stored"
exit_is "dry run stored nothing" 1 e show city Łódź
exit_is "import for real" 0 e import cities "$T_DIR/excel.csv"
like "2 added" "$(cat "$T_DIR/out")" "2 added"
exit_is "the new town is there" 0 e show city lodz
like "with its project across two lines" "$(cat "$T_DIR/out")" 'Łódź "kreatywna"
druga linia'
exit_is "and can be found" 0 e --no-header search szczecinek
like "by search" "$(cat "$T_DIR/out")" "Szczecinek"

# Changes are shown field by field.
printf 'name,voivodeship\nŁomża,mazowieckie\n' > "$T_DIR/change.csv"
exit_is "a change" 0 e import cities "$T_DIR/change.csv" --dry-run
like "shows old and new" "$(cat "$T_DIR/out")" "~ Łomża: voivodeship: podlaskie → mazowieckie"

# Errors: file, line, column, all or nothing.
printf 'name,voivodeship,laureate\nNowa Wieś,mazowieckie,tak\nZłe,nibylandia,może\nNowa Wieś,mazowieckie,nie\n' > "$T_DIR/bad.csv"
before=$(e --no-header list cities | wc -l)
exit_is "a file with errors" 1 e import cities "$T_DIR/bad.csv"
err=$(cat "$T_DIR/err")
like "bad voivodeship: line 3, column 2" "$err" "bad.csv:3:2 (voivodeship): \"nibylandia\" is not one of the 16 voivodeships"
like "bad yes/no: line 3, column 3" "$err" "bad.csv:3:3 (laureate)"
like "duplicate: line 4 names line 2" "$err" "bad.csv:4:1 (name): \"Nowa Wieś\" already appears on line 2"
like "nothing imported" "$err" "3 errors; nothing was imported"
is "not even the good row" "$(e --no-header list cities | wc -l)" "$before"
# Each field's value checked by its kind: the keywords, the flag, the name; an empty
# cell of a keyword says nothing, a voivodeship in any case is taken as spelt.
printf 'name,status,podstawa wojewodztwa,laureat,wojewodztwo\nA,winner,source,,\nB,network,somewhere,,\nC,network,,perhaps,\n,network,,,\nD,,,1,ŚLĄSKIE\n' > "$T_DIR/kinds.csv"
exit_is "a file with a bad value of each kind" 1 e import cities "$T_DIR/kinds.csv"
err=$(cat "$T_DIR/err")
like "bad status: line 2, column 2" "$err" "kinds.csv:2:2 (programme_status): \"winner\" should be laureate, participant, network or other"
like "bad basis: line 3, column 3" "$err" "kinds.csv:3:3 (voivodeship_basis): \"somewhere\" should be source, general or unknown"
like "bad yes/no: line 4, column 4" "$err" "kinds.csv:4:4 (laureate): \"perhaps\" should be yes or no"
like "no name: line 5, column 1" "$err" "kinds.csv:5:1 (name): the town's name is empty"
like "and no more" "$err" "4 errors; nothing was imported"
printf 'name,status,podstawa wojewodztwa,laureat,wojewodztwo\nD,,,1,ŚLĄSKIE\nE,Participant,SOURCE,nie,\n' > "$T_DIR/kinds2.csv"
exit_is "good rows alone" 0 e import cities "$T_DIR/kinds2.csv"
like "a voivodeship in any case, stored as the list spells it" "$(cat "$T_DIR/out")" "+ D (śląskie)"
is "a new town's basis follows its voivodeship, its status the flag" \
	"$(e export cities | tr -d '\r' | grep '^D,')" "D,śląskie,general,1,laureate,,,"
is "keywords in any case, stored as the list spells them" \
	"$(e export cities | tr -d '\r' | grep '^E,')" "E,,source,0,participant,,,"
printf 'voivodeship\nmazowieckie\n' > "$T_DIR/nocol.csv"
exit_is "missing required column" 1 e import cities "$T_DIR/nocol.csv"
like "names it" "$(cat "$T_DIR/err")" 'required column "name" is missing'
printf 'network,city\n1,Atlantyda\n42,Zabrze\n' > "$T_DIR/members.csv"
exit_is "unknown town and network" 1 e import memberships "$T_DIR/members.csv"
like "unknown town" "$(cat "$T_DIR/err")" 'members.csv:2:2 (city): there is no town "Atlantyda"'
like "unknown network" "$(cat "$T_DIR/err")" "members.csv:3:1 (network): there is no network number 42"
printf 'name\n"unterminated\n' > "$T_DIR/quote.csv"
exit_is "an unterminated quote" 1 e import cities "$T_DIR/quote.csv"
like "is located" "$(cat "$T_DIR/err")" "quote.csv:2:1: a quoted field is never closed"
printf 'name\nZ\377\n' > "$T_DIR/badutf.csv"
exit_is "invalid UTF-8 when UTF-8 is said" 1 e import cities "$T_DIR/badutf.csv" --encoding utf-8
like "says where" "$(cat "$T_DIR/err")" "badutf.csv:2:2"
exit_is "a missing file" 1 e import cities "$T_DIR/none.csv"
like "names it" "$(cat "$T_DIR/err")" "none.csv"
exit_is "unknown kind" 2 e import planets "$T_DIR/bad.csv"
e admin add-account anna --role member --city Zabrze >/dev/null 2>&1
exit_is "members cannot import" 1 e --as anna import cities "$T_DIR/excel.csv"
like "told why" "$(cat "$T_DIR/err")" "administrator"
exit_is "nor export accounts" 1 e --as anna export accounts
unlike "members' exports leave out the leaders' network" "$(e --as anna export memberships)" "
8,"

# Exports are harmless in a terminal: stored escape sequences come out visible.
printf 'name,project_title\nEvil,"x\033]52;c;ZXZpbA==\007y"\n' > "$T_DIR/evil.csv"
ok "import a field with an OSC 52 sequence" e import cities "$T_DIR/evil.csv"
out=$(e export cities | grep '^Evil')
like "ESC shown as ^[" "$out" 'x^[]52;c;ZXZpbA==^Gy'
case "$out" in *"$(printf '\033')"*) t_result 1 "no raw ESC in the export" ;; *) t_result 0 "no raw ESC in the export" ;; esac

# ZMP's experts (a flag on accounts, issue 22) travel with the accounts' CSV.
e admin expert anna >/dev/null 2>&1
e export accounts --format csv > "$T_DIR/acc.csv"
is "the accounts' CSV has the expert column" "$(head -n 1 "$T_DIR/acc.csv" | tr -d '\r\357\273\277')" \
	"login,display_name,role,city,network,expert"
like "anna is an expert there" "$(grep '^anna,' "$T_DIR/acc.csv" | tr -d '\r')" ",yes"
printf 'login,role,city,ekspert\nbeata,member,Zabrze,Tak\nanna,member,Zabrze,nie\ncelina,member,Zabrze,\n' > "$T_DIR/exp.csv"
ok "import accounts with a Polish expert column" e import accounts "$T_DIR/exp.csv"
is "beata is an expert now, anna no longer, celina not" \
	"$(e export accounts --format csv | tr -d '\r' | awk -F, '$1 ~ /^(anna|beata|celina)$/ { print $1 "=" $6 }' | tr '\n' ' ')" \
	"anna=no beata=yes celina=no "
printf 'login,role,expert\ndorota,member,maybe\n' > "$T_DIR/exp2.csv"
exit_is "a value that is neither yes nor no" 1 e import accounts "$T_DIR/exp2.csv"
like "is named with its place" "$(cat "$T_DIR/err")" "exp2.csv:2:3"
exit_is "check after all this" 0 e check
done_testing
