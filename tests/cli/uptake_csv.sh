#!/bin/sh
# Practice transfers exported and imported with the practices (issue 22): the CSV round
# trip into a fresh database gives the same export; a spreadsheet-safe export reads back
# as stored; errors name file, line and column, and nothing is stored.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account jar --role member --city Jarosław >/dev/null 2>&1
e admin add-account koord1 --role coordinator --network 1 >/dev/null 2>&1
p1=$(e practice add --title "E-urząd" --town Hrubieszów --networks 1)
key=$(e show practice "$p1" | sed -n 's/^Key: //p')
nl='
'
ok "Jarosław takes it up, with a note a spreadsheet would run" env EMPIRIE_NOW=2030-05-02T09:00:00Z \
	"$EMPIRIE" uptake set "$p1" --town Jarosław --status in-use --note "=SUMA(A1), \"mobilnie\"${nl}i druga linia"
ok "Piła is interested" env EMPIRIE_NOW=2030-06-01T09:00:00Z "$EMPIRIE" uptake set "$p1" --town Piła --status interested

exit_is "export uptakes (for scripts)" 0 e export uptakes --raw
cp "$T_DIR/out" "$T_DIR/u.csv"
is "header: the columns import reads" "$(head -1 "$T_DIR/u.csv")" "practice,town,status,note,started_at,updated_at,updated_by"
is "two records" "$(grep -c "^$key," "$T_DIR/u.csv")" 2
exit_is "export for a spreadsheet" 0 e export uptakes --separator ';'
like "the formula-like note is guarded" "$(cat "$T_DIR/out")" "\"'=SUMA(A1), \"\"mobilnie\"\""
cp "$T_DIR/out" "$T_DIR/u-excel.csv"
exit_is "as JSON" 0 e export uptakes --format json
like "with the status key" "$(cat "$T_DIR/out")" '"status":"in-use"'

# ---- into a fresh database: practices first, then the transfers ----
e export practices --raw > "$T_DIR/p.csv"
fresh="$T_DIR/fresh.db"
EMPIRIE_DB=$fresh e init >/dev/null 2>&1
exit_is "import the practices into a fresh database" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import practices "$T_DIR/p.csv"
exit_is "a dry run of the transfers" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import uptakes "$T_DIR/u-excel.csv" --dry-run
like "says what it would add" "$(cat "$T_DIR/out")" "+ $key ← Jarosław (in-use)"
is "and adds nothing" "$(EMPIRIE_DB=$fresh e --no-header uptake list 2>/dev/null | wc -l | tr -d ' ')" 0
exit_is "import the spreadsheet export" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import uptakes "$T_DIR/u-excel.csv"
like "two added" "$(cat "$T_DIR/out")" "2 added"
is "the same export (round trip)" "$(EMPIRIE_DB=$fresh e export uptakes --raw)" "$(cat "$T_DIR/u.csv")"
like "the note came back as stored" "$(EMPIRIE_DB=$fresh e show practice "$key")" "=SUMA(A1), \"mobilnie\""
exit_is "again" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import uptakes "$T_DIR/u.csv"
like "nothing changes" "$(cat "$T_DIR/out")" "0 added, 0 changed, 2 unchanged"
printf 'practice,town,status\n%s,Piła,adapting\n%s,Jarosław,dropped\n' "$key" "$key" > "$T_DIR/change.csv"
exit_is "a change" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import uptakes "$T_DIR/change.csv"
like "shows old and new" "$(cat "$T_DIR/out")" "status: interested → adapting"
is "the new status" "$(EMPIRIE_DB=$fresh e --no-header uptake list --town Piła | cut -f5)" "adapting"
like "a file without the note column keeps the note" \
	"$(EMPIRIE_DB=$fresh e --no-header uptake list --town Jarosław | cut -f5,9)" "$(printf 'dropped\t=SUMA(A1)')"
like "audited" "$(EMPIRIE_DB=$fresh e admin audit)" "uptakes"

# ---- errors: file, line, column; nothing stored ----
printf 'practice,town,status,started_at\n%s,Legnica,adapting,\nnie-ma-takiej,Piła,in-use,\n%s,Hrubieszów,in-use,\n%s,Zabrze,zrobione,\n%s,Łomża,in-use,31.12.2024\n%s,Legnica,dropped,\n' \
	"$key" "$key" "$key" "$key" "$key" > "$T_DIR/bad.csv"
exit_is "a file with errors" 1 e import uptakes "$T_DIR/bad.csv"
err=$(cat "$T_DIR/err")
like "unknown practice: line 3, column 1" "$err" "bad.csv:3:1 (practice): there is no practice \"nie-ma-takiej\""
like "its own practice: line 4, column 2" "$err" "bad.csv:4:2 (town): a town cannot take up its own practice"
like "a bad status: line 5, column 3" "$err" "bad.csv:5:3 (status): \"zrobione\" is not a status"
like "a bad date: line 6, column 4" "$err" "bad.csv:6:4 (started_at): \"31.12.2024\" is not a date"
like "a pair twice: line 7" "$err" "already appears on line 2"
is "nothing imported" "$(e --no-header uptake list --town Legnica | wc -l | tr -d ' ')" 0
printf 'practice,town,status\n%s,Legnica,adapting\n' "$key" > "$T_DIR/legnica.csv"
exit_is "the coordinator of network 1 may not record for Legnica" 1 e --as koord1 import uptakes "$T_DIR/legnica.csv"
like "says so" "$(cat "$T_DIR/err")" "you may not record what Legnica takes up"
exit_is "a member may not import" 1 e --as jar import uptakes "$T_DIR/legnica.csv"
done_testing
