#!/bin/sh
# `empirie report` (issue 22): what each network produced in a period. The counts are
# checked against a recount from the raw lists and exports; CSV is spreadsheet-safe,
# JSON valid and escaped; dates are checked.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account jar --role member --city Jarosław >/dev/null 2>&1
e admin add-account pila --role member --city Piła >/dev/null 2>&1

# ---- the bundled directory: meetings against a recount of the export ----
e export meetings --format json > "$T_DIR/m.json" 2>/dev/null
recount() { # network from to
	sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$T_DIR/m.json'))
		WHERE json_extract(value, '\$.network') = $1
		  AND substr(json_extract(value, '\$.date_start'), 1, 10) BETWEEN '$2' AND '$3'"
}
section_count() { # csv-file network section
	awk -F, -v n="$2" -v s="$3" '$1 == n && $2 == s' "$1" | wc -l | tr -d ' '
}
exit_is "report as CSV, 2022–2023" 0 e report --from 2022-01-01 --to 2023-12-31 --format csv
cp "$T_DIR/out" "$T_DIR/r.csv"
is "header" "$(head -1 "$T_DIR/r.csv" | tr -d '\r')" "network,section,id,date,title,town,from,status,count"
for n in 1 4 8; do
	mw=$(recount $n 2022-01-01 2023-12-31)
	is "network $n: meetings as in the export ($mw)" "$(section_count "$T_DIR/r.csv" $n meetings)" "$mw"
done
mw=$(recount 3 2023-01-01 2023-06-30) # (exit_is sets $want)
exit_is "one network, half a year" 0 e report --network 3 --from 2023-01-01 --to 2023-06-30 --format csv
is "network 3: meetings ($mw)" "$(section_count "$T_DIR/out" 3 meetings)" "$mw"
is "only network 3" "$(tail -n +2 "$T_DIR/out" | cut -d, -f1 | sort -u | tr -d '\r')" "3"
# No invented date in a report for people (issue 17): the sources give the Przemyśl
# meeting's days but not its year; 2023-10-05 only orders it.
exit_is "network 1 in 2023, as text" 0 e report --network 1 --from 2023-01-01 --to 2023-12-31
unlike "no placeholder day for the Przemyśl meeting" "$(cat "$T_DIR/out")" "2023-10-05"
unlike "nor for its thread" "$(cat "$T_DIR/out")" "2023-10-06"
like "its date as the source gives it" "$(cat "$T_DIR/out")" "5–6 October, year not known"
exit_is "the same as CSV" 0 e report --network 1 --from 2023-01-01 --to 2023-12-31 --format csv
unlike "CSV: no placeholder day either" "$(cat "$T_DIR/out")" "2023-10-05"
like "CSV: the words of the source" "$(cat "$T_DIR/out")" "5–6 October, year not known"

# ---- new activity in 2030, and its recount ----
ok "a practice of Hrubieszów in network 1" e practice add --title '=HYPERLINK("x") "Cyfrowy urząd"' \
	--town Hrubieszów --networks 1
p1=$(cat "$T_DIR/out")
ok "a meeting in 2030" e meeting add --network 1 --title "Spotkanie w Pile" --date 2030-04-10 --host Piła
mid=$(cat "$T_DIR/out")
e export meetings --format json > "$T_DIR/m2.json" 2>/dev/null
mkey=$(sqlite3 :memory: "SELECT json_extract(value, '\$.key') FROM json_each(readfile('$T_DIR/m2.json'))
	WHERE json_extract(value, '\$.title') = 'Spotkanie w Pile'")
[ -n "$mkey" ]; t_result $? "the meeting's key ($mkey)"
ok "the practice shown there" e practice edit "$p1" --meetings "$mkey"
ok "Jarosław takes it up in May 2030" env EMPIRIE_NOW=2030-05-02T09:00:00Z "$EMPIRIE" --as jar \
	uptake set "$p1" --town Jarosław --status adapting
ok "Piła in 2031 (outside the period)" env EMPIRIE_NOW=2031-01-15T09:00:00Z "$EMPIRIE" --as pila \
	uptake set "$p1" --town Piła --status interested
for i in 1 2 3; do
	echo "Wpis $i" | env EMPIRIE_NOW=2030-06-0${i}T10:00:00Z "$EMPIRIE" --as jar post --network 1 --title "Wątek A" >/dev/null 2>&1
done
ta=$(e --no-header list threads --network 1 | awk -F'\t' '$6 == "Wątek A" {print $1}' | head -1)
echo "Odpowiedź" | env EMPIRIE_NOW=2030-06-05T10:00:00Z "$EMPIRIE" --as pila reply "$(echo "$ta" | head -1)" >/dev/null 2>&1
echo "Później" | env EMPIRIE_NOW=2031-06-05T10:00:00Z "$EMPIRIE" --as pila reply "$ta" >/dev/null 2>&1

exit_is "report 2030 as CSV" 0 e report --network 1 --from 2030-01-01 --to 2030-12-31 --format csv
cp "$T_DIR/out" "$T_DIR/r30.csv"
is "one meeting" "$(section_count "$T_DIR/r30.csv" 1 meetings)" 1
is "one practice shown" "$(section_count "$T_DIR/r30.csv" 1 practices_shown)" 1
up=$(e --no-header uptake list --network 1 | awk -F'\t' '$6 >= "2030-01-01" && $6 <= "2030-12-31"' | wc -l | tr -d ' ')
is "taken up: as the recount of 'uptake list' ($up)" "$(section_count "$T_DIR/r30.csv" 1 practices_taken_up)" "$up"
like "by whom and how far" "$(cat "$T_DIR/r30.csv")" "Jarosław,Hrubieszów,adapting"
posts=$(e --no-header list posts --thread "$ta" | awk -F'\t' '$4 >= "2030-01-01" && $4 < "2031"' | wc -l | tr -d ' ')
is "the thread's posts in 2030, as 'list posts' recounts ($posts)" \
	"$(awk -F, -v t="$ta" '$2 == "active_threads" && $3 == t {print $9}' "$T_DIR/r30.csv" | tr -d '\r')" "$posts"
like "a formula-like title is guarded" "$(cat "$T_DIR/r30.csv")" "\"'=HYPERLINK(\"\"x\"\") \"\"Cyfrowy urząd\"\"\""

exit_is "the same as JSON" 0 e report --network 1 --from 2030-01-01 --to 2030-12-31 --format json
cp "$T_DIR/out" "$T_DIR/r30.json"
is "valid JSON" "$(sqlite3 :memory: "SELECT json_valid(readfile('$T_DIR/r30.json'))")" 1
is "the title escaped and read back" "$(sqlite3 :memory: "SELECT json_extract(readfile('$T_DIR/r30.json'),
	'\$.networks[0].sections.practices_taken_up.items[0].title')")" '=HYPERLINK("x") "Cyfrowy urząd"'
is "totals as in CSV" "$(sqlite3 :memory: "SELECT json_extract(readfile('$T_DIR/r30.json'),
	'\$.networks[0].sections.meetings.total')")" 1

exit_is "as text" 0 e report --network 1 --from 2030-01-01 --to 2030-12-31
txt=$(cat "$T_DIR/out")
like "the period" "$txt" "Report for 2030-01-01 – 2030-12-31"
like "the meetings" "$txt" "Meetings (1):"
like "taken up, by whom" "$txt" "(Hrubieszów) – taken up by Jarosław: adapting"
like "the most active thread" "$txt" "Wątek A ($posts posts)"
exit_is "an empty period" 0 e report --network 1 --from 2040-01-01 --to 2040-01-31
like "says none" "$(cat "$T_DIR/out")" "none in this period"
if has_locale pl_PL.UTF-8; then
	exit_is "in Polish" 0 env LC_ALL=pl_PL.UTF-8 "$EMPIRIE" report --network 1 --from 2030-01-01 --to 2030-12-31
	like "translated, with plurals" "$(cat "$T_DIR/out")" "Spotkania (1):"
else
	skip "no pl_PL.UTF-8 locale"; skip "no pl_PL.UTF-8 locale"
fi

# ---- feedback requests (issue 22): the section against a recount from 'list requests' ----
e admin add-account hru --role member --city Hrubieszów >/dev/null 2>&1
e admin add-account koord --role coordinator --network 1 >/dev/null 2>&1
for t in "Park kieszonkowy" "Rynek" "Ławki"; do
	echo "Prośba o opinię" | EMPIRIE_NOW=2031-03-01T08:00:00Z e --as hru ask --network 1 --title "$t" >/dev/null 2>&1
done
echo "Wcześniejsza" | EMPIRIE_NOW=2030-12-01T08:00:00Z e --as hru ask --network 1 --title "Zeszłoroczna" >/dev/null 2>&1
park=$(e --no-header list requests --network 1 | awk -F '\t' '$NF == "Park kieszonkowy" { print $1 }')
first=$(sqlite3 "$EMPIRIE_DB" "SELECT min(id) FROM posts WHERE thread_id = ${park:-0}")
echo "Łąka kwietna" | EMPIRIE_NOW=2031-03-01T10:00:00Z e --as koord reply "${park:-0}" --to "${first:-0}" >/dev/null 2>&1
answer=$(sqlite3 "$EMPIRIE_DB" "SELECT max(id) FROM posts WHERE thread_id = ${park:-0}")
ok "the town marks the answer that helped" env EMPIRIE_NOW=2031-03-02T08:00:00Z "$EMPIRIE" --as hru accept "${answer:-0}"
in2031=$(e --no-header list requests --network 1 | awk -F '\t' '$3 ~ /^2031/' | wc -l | tr -d ' ')
exit_is "report of 2031 as CSV" 0 e report --network 1 --from 2031-01-01 --to 2031-12-31 --format csv
is "feedback requests as many as 'list requests' gives for 2031 ($in2031)" \
	"$(section_count "$T_DIR/out" 1 feedback_requests)" "$in2031"
exit_is "report of 2031 as text" 0 e report --network 1 --from 2031-01-01 --to 2031-12-31
like "the closed one: who helped, its answers" "$(cat "$T_DIR/out")" "Park kieszonkowy – Hrubieszów: closed, helped: koord (1 answer)"
like "the medians over the period (the request of 2030 left out)" "$(cat "$T_DIR/out")" \
	"2 open; median time to the first answer 2 h 0 min, to the one that helped 1 day 0 h"
exit_is "as JSON" 0 e report --network 1 --from 2031-01-01 --to 2031-12-31 --format json
is "JSON: the section's total and summary" \
	"$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["networks"][0]["sections"]["feedback_requests"]; print(s["total"], s["summary"][:6])' "$T_DIR/out")" \
	"$in2031 2 open"

# ---- bad input ----
exit_is "not a date" 2 e report --from 2024-02-30
like "names the option and the format" "$(cat "$T_DIR/err")" "--from: \"2024-02-30\" is not a date; write it as YYYY-MM-DD"
exit_is "another spelling" 2 e report --to 31.12.2024
like "names --to" "$(cat "$T_DIR/err")" "--to:"
exit_is "from after to" 1 e report --from 2024-05-01 --to 2024-04-01
like "says so" "$(cat "$T_DIR/err")" "--from 2024-05-01 is after --to 2024-04-01"
exit_is "a leap day is a date" 0 e report --from 2024-02-29 --to 2024-03-01
exit_is "an unknown format" 2 e report --format xml
exit_is "an unknown network" 1 e report --network 42
done_testing
