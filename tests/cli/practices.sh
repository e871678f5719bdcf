#!/bin/sh
# Good practices and meetings on the command line: list and show with filters, attend,
# practice and meeting add/edit, import and export of practices.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account anna --role member --city Zabrze >/dev/null 2>&1
e admin add-account lomza1 --role member --city Łomża >/dev/null 2>&1
e admin add-account koord1 --role coordinator --network 1 >/dev/null 2>&1
e admin add-account gosc --role guest >/dev/null 2>&1
nl='
'

# ---- reading ----
exit_is "list practices" 0 e list practices
is "header" "$(head -1 "$T_DIR/out")" "$(printf 'id\ttown\tnetworks\ttheme\ttitle')"
bundled=$(($(wc -l < "$T_DIR/out") - 1))
[ "$bundled" -gt 0 ]; t_result $? "the bundled practices are listed ($bundled)"

exit_is "the administrator adds a practice" 0 e practice add --title "Ogród deszczowy" --town Zabrze \
	--networks "1,6" --theme "tematA" --problem "Podtopienia po ulewach" --actions "Zbudowano ogród."
p1=$(cat "$T_DIR/out")
[ "$p1" -gt 0 ] 2>/dev/null; t_result $? "prints the new practice's number"
ok "another, in network 1" e practice add --title "Budżet obywatelski" --town Zabrze --networks 1 --theme tematB
p2=$(cat "$T_DIR/out")
ok "one of Łomża" e practice add --title "Zielony przystanek" --town Łomża --networks 6 --theme tematA
p3=$(cat "$T_DIR/out")

ids() { e --no-header list practices "$@" | cut -f1 | tr '\n' ' '; }
like "network 6 + tematA: both" "$(ids --network 6 --theme tematA)" "$p1 "
like "network 6 + tematA: Łomża's" "$(ids --network 6 --theme tematA)" "$p3 "
unlike "network 6 + tematA: not the tematB one" "$(ids --network 6 --theme tematA)" "$p2 "
is "network 1 + tematA: only the first" "$(ids --network 1 --theme tematA)" "$p1 "
is "town (typed without Polish letters) + theme" "$(ids --town lomza --theme tematA)" "$p3 "
is "a theme in another case" "$(ids --theme TEMATB)" "$p2 "
like "voivodeship without Polish letters" "$(ids --voivodeship slaskie)" "$p1 "
unlike "voivodeship filters" "$(ids --voivodeship slaskie)" "$p3 "
is "network 6 + tematB: none" "$(ids --network 6 --theme tematB)" ""
exit_is "row of a practice" 0 e --no-header list practices --town Zabrze --theme tematA
is "id, town, networks, theme, title" "$(cat "$T_DIR/out")" "$(printf '%s\tZabrze\t1 | 6\ttematA\tOgród deszczowy' "$p1")"
exit_is "an unknown town" 1 e list practices --town Atlantyda
like "is named" "$(cat "$T_DIR/err")" 'No town named "Atlantyda"'
exit_is "an unknown voivodeship" 1 e list practices --voivodeship nibylandia
like "is named" "$(cat "$T_DIR/err")" "nibylandia"
exit_is "an unknown network" 1 e list practices --network 42
exit_is "--theme is for practices only" 2 e list cities --theme x
exit_is "--planned is for meetings only" 2 e list practices --planned
exit_is "--planned and --past together" 2 e list meetings --planned --past

exit_is "show practice ID" 0 e show practice "$p1"
card=$(cat "$T_DIR/out")
is "title first" "$(head -1 "$T_DIR/out")" "Ogród deszczowy"
like "town" "$card" "Town: Zabrze"
like "voivodeship" "$card" "Voivodeship: śląskie"
like "networks with their codes" "$card" "Networks: 1 MIASTO CYFROWE, 6 MIASTO NEUTRALNE"
like "theme" "$card" "Theme: tematA"
like "problem" "$card" "Problem: Podtopienia po ulewach"
like "what was done" "$card" "What was done: Zbudowano ogród."
like "empty results: not stated" "$card" "Results: not stated in the sources"
like "empty funding: not stated" "$card" "Funding: not stated in the sources"
like "empty cost: not stated" "$card" "Cost: not stated in the sources"
like "no meetings yet" "$card" "Shown at (0 meetings):"
like "no threads yet" "$card" "Discussed in (0 threads):"
key=$(printf '%s\n' "$card" | sed -n 's/^Key: //p')
[ -n "$key" ]; t_result $? "the card shows the key ($key)"
exit_is "show practice KEY" 0 e show practice "$key"
is "the same card" "$(cat "$T_DIR/out")" "$card"
exit_is "an unknown practice" 1 e show practice 999999
exit_is "an unknown key" 1 e show practice nie-ma-takiej
exit_is "in Polish" 0 env LC_ALL=pl_PL.UTF-8 "$EMPIRIE" show practice "$p1"
if has_locale pl_PL.UTF-8; then
	like "labels translated" "$(cat "$T_DIR/out")" "Miasto: Zabrze"
	unlike "not stated, in Polish" "$(cat "$T_DIR/out")" "not stated in the sources"
else
	skip "no pl_PL.UTF-8 locale"; skip "no pl_PL.UTF-8 locale"
fi

# ---- writing practices ----
exit_is "a member edits her town's practice" 0 e --as anna practice edit "$p1" --cost "12 000 zł" --funding ""
exit_is "show it" 0 e show practice "$p1"
like "the cost changed" "$(cat "$T_DIR/out")" "Cost: 12 000 zł"
like "the title is kept" "$(head -1 "$T_DIR/out")" "Ogród deszczowy"
like "the problem is kept" "$(cat "$T_DIR/out")" "Problem: Podtopienia po ulewach"
like "the networks are kept" "$(cat "$T_DIR/out")" "Networks: 1 MIASTO CYFROWE, 6 MIASTO"
exit_is "but not another town's" 1 e --as anna practice edit "$p3" --cost "1 zł"
like "told why" "$(cat "$T_DIR/err")" "Łomża"
exit_is "nor adds one for another town" 1 e --as anna practice add --title X --town Łomża
exit_is "she adds one for her own (the town typed without care)" 0 e --as anna practice add --title "Zabrzańska" --town ZABRZE
like "the town as the directory writes it" "$(e show practice "$(cat "$T_DIR/out")")" "Town: Zabrze"
exit_is "a guest may not" 1 e --as gosc practice add --title X --town Zabrze
exit_is "the coordinator of network 1 adds any town's practice in network 1" 0 \
	e --as koord1 practice add --title "Łomża w sieci 1" --town Łomża --networks 1
exit_is "but not one outside it" 1 e --as koord1 practice add --title "Poza" --town Łomża --networks 6
like "naming the field" "$(cat "$T_DIR/err")" 'Field "Networks"'
exit_is "an unknown town" 1 e practice add --title X --town Atlantyda
like "names the field and the town" "$(cat "$T_DIR/err")" 'Field "Town": no town named "Atlantyda"'
exit_is "add needs --title" 2 e practice add --town Zabrze
exit_is "add needs --town" 2 e practice add --title X
exit_is "edit needs an id" 2 e practice edit
exit_is "unknown action" 2 e practice remove 1
exit_is "unknown option" 2 e practice add --title X --town Zabrze --colour red
exit_is "help" 0 e practice --help
like "lists the options" "$(cat "$T_DIR/out")" "--networks"

# ---- meetings ----
exit_is "a coordinator adds a meeting" 0 e --as koord1 meeting add --network 1 --title "Spotkanie o ogrodach" \
	--date 2099-03-18 --until 2099-03-19 --host zabrze --format online --agenda "retencja | zieleń"
m1=$(cat "$T_DIR/out")
[ "$m1" -gt 0 ] 2>/dev/null; t_result $? "prints the new meeting's number"
exit_is "a member may not" 1 e --as anna meeting add --network 1 --title X --date 2099-03-18
like "told why" "$(cat "$T_DIR/err")" "coordinators"
exit_is "nor the coordinator of another network" 1 e --as koord1 meeting add --network 6 --title X --date 2099-03-18
exit_is "a bad date" 1 e --as koord1 meeting add --network 1 --title X --date 2099-02-30
like "names the field" "$(cat "$T_DIR/err")" 'Field "First day"'
exit_is "an end before the start" 1 e --as koord1 meeting add --network 1 --title X --date 2099-03-18 --until 2099-03-01
like "names the field" "$(cat "$T_DIR/err")" 'Field "Last day"'
exit_is "add needs --date" 2 e meeting add --network 1 --title X
exit_is "the coordinator edits it" 0 e --as koord1 meeting edit "$m1" --title "Spotkanie o ogrodach deszczowych"
exit_is "show meeting" 0 e show meeting "$m1"
mcard=$(cat "$T_DIR/out")
is "the new title" "$(head -1 "$T_DIR/out")" "Spotkanie o ogrodach deszczowych"
like "the dates are kept, as people write them" "$mcard" "Date: 18–19 March 2099"
like "the host is kept" "$mcard" "Host: Zabrze"
like "it is planned" "$mcard" "Status: planned"
exit_is "list meetings --planned" 0 e --no-header list meetings --planned
is "only the new one" "$(cut -f1 "$T_DIR/out")" "$m1"
is "its date column" "$(cut -f3 "$T_DIR/out")" "18–19 March 2099"
exit_is "list meetings --past" 0 e --no-header list meetings --past
unlike "without it" "$(cut -f1 "$T_DIR/out" | tr '\n' ' ')" " $m1 "
past=$(head -1 "$T_DIR/out" | cut -f1)
is "planned + past = all" "$(($(e --no-header list meetings --past | wc -l) + 1))" "$(e --no-header list meetings | wc -l)"

exit_is "a member signs her town up" 0 e --as anna attend "$m1"
like "and is told so" "$(cat "$T_DIR/out")" 'Zabrze will attend "Spotkanie o ogrodach deszczowych" (18–19 March 2099).'
like "the card lists the town" "$(e show meeting "$m1")" "Towns signed up: Zabrze"
exit_is "again: no change, no error" 0 e --as anna attend "$m1"
exit_is "and off" 0 e --as anna attend "$m1" --no
like "told so" "$(cat "$T_DIR/out")" "Zabrze is no longer signed up"
unlike "the card no longer lists it" "$(e show meeting "$m1")" "Towns signed up"
exit_is "a town outside the network" 1 e --as lomza1 attend "$m1"
like "told why" "$(cat "$T_DIR/err")" "not a member of this network"
exit_is "a meeting that is over" 1 e --as anna attend "$past"
like "told why" "$(cat "$T_DIR/err")" "over"
exit_is "attend needs a meeting" 2 e attend
exit_is "an unknown meeting" 1 e --as anna attend 999999

# A practice shown at the meeting: both cards link the other.
exit_is "a practice shown at the meeting" 0 e practice edit "$p2" --meetings "$(e export meetings | grep -o '^n1-2099-03-18[^,]*')"
like "the meeting's card lists it" "$(e show meeting "$m1")" "$p2  Zabrze: Budżet obywatelski"
like "the practice's card lists the meeting with its date" "$(e show practice "$p2")" "$m1  18–19 March 2099  Spotkanie o ogrodach deszczowych"

# ---- search ----
exit_is "search a practice without Polish letters" 0 e --no-header search ogrod deszczowy
like "found as a practice" "$(cat "$T_DIR/out")" "$(printf 'practice\t%s\t' "$p1")"
like "and the meeting" "$(cat "$T_DIR/out")" "$(printf 'meeting\t%s\t' "$m1")"
e practice edit "$p1" --title "Ogród retencyjny" >/dev/null 2>&1
unlike "after a new title the old word does not find it" "$(e --no-header search deszczowy)" "$(printf 'practice\t%s\t' "$p1")"
like "the new one does" "$(e --no-header search retencyjny)" "$(printf 'practice\t%s\t' "$p1")"

# ---- export and import ----
exit_is "export practices" 0 e export practices
is "the columns of data/practices.csv" "$(head -1 "$T_DIR/out" | tail -c +4 | tr -d '\r')" \
	"key,city,networks,theme,title,problem,actions,results,funding,cost,contact_role,meetings,source,note,www"
is "one row per practice" "$(($(grep -c '' "$T_DIR/out") - 1))" "$(e --no-header list practices | wc -l)"
cp "$T_DIR/out" "$T_DIR/practices.csv"
exit_is "as JSON" 0 e export practices --format json
like "with the column names" "$(cat "$T_DIR/out")" '"key":"'
exit_is "export meetings still works" 0 e export meetings
cp "$T_DIR/out" "$T_DIR/meetings.csv"
# Importing a changed meeting keeps the search index in step.
sed 's/Spotkanie o ogrodach deszczowych/Spotkanie o łąkach kwietnych/' "$T_DIR/meetings.csv" > "$T_DIR/meetings2.csv"
exit_is "import a changed meeting" 0 e import meetings "$T_DIR/meetings2.csv"
like "one changed" "$(cat "$T_DIR/out")" "1 changed"
like "found by its new title" "$(e --no-header search lakach kwietn)" "$(printf 'meeting\t%s\t' "$m1")"
unlike "not by the old one" "$(e --no-header search ogrodach deszczowych)" "$(printf 'meeting\t%s\t' "$m1")"
ok "the index is sound" e check
exit_is "re-import into the same database" 0 e import practices "$T_DIR/practices.csv"
like "nothing changes" "$(cat "$T_DIR/out")" "0 added, 0 changed"

# Into a fresh database: the meetings first (a practice names its meetings), then the
# practices; the export is the same.
fresh="$T_DIR/fresh.db"
EMPIRIE_DB=$fresh e init >/dev/null 2>&1
exit_is "import the meetings into a fresh database" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import meetings "$T_DIR/meetings.csv"
like "the new meeting is added" "$(cat "$T_DIR/out")" "1 added"
like "and can be found" "$(EMPIRIE_DB=$fresh e --no-header search ogrodach deszczowych)" "meeting"
exit_is "import the practices" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import practices "$T_DIR/practices.csv"
like "the new ones are added" "$(cat "$T_DIR/out")" "added, 0 changed, $bundled unchanged"
is "the same export" "$(EMPIRIE_DB=$fresh e export practices)" "$(cat "$T_DIR/practices.csv")"
is "the same list" "$(EMPIRIE_DB=$fresh e list practices | cut -f2-)" "$(e list practices | cut -f2-)"
like "imported practices can be found" "$(EMPIRIE_DB=$fresh e --no-header search retencyjny)" "practice"
exit_is "check the fresh database" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" check

# A Polish Excel file: CP1250, ';', Polish headers.
printf 'Klucz;Miasto;Sieci;Temat;Tytuł;Koszt\r\nexcel-1;Łomża;6;zieleń;Łąka kwietna;5 000 zł\r\n' | iconv -f UTF-8 -t CP1250 > "$T_DIR/excel.csv"
exit_is "import from Excel" 0 e import practices "$T_DIR/excel.csv"
like "one added" "$(cat "$T_DIR/out")" "1 added"
exit_is "shown by its key" 0 e show practice excel-1
like "with its cost" "$(cat "$T_DIR/out")" "Cost: 5 000 zł"
printf 'key,title\nexcel-1,Łąka kwietna w Łomży\n' > "$T_DIR/change.csv"
exit_is "a change" 0 e import practices "$T_DIR/change.csv"
like "shows old and new" "$(cat "$T_DIR/out")" "~ excel-1: title: Łąka kwietna → Łąka kwietna w Łomży"
like "columns not in the file are kept" "$(e show practice excel-1)" "Cost: 5 000 zł"
like "the new title is in the index" "$(e --no-header search kwietna w lomzy)" "practice"

# Errors: file, line and column; nothing stored.
before=$(e --no-header list practices | wc -l)
printf 'key,city,networks,title,meetings\nnowa-1,Zabrze,1,Dobra,\nnowa-2,Atlantyda,1,Zła,\nnowa-3,Zabrze,42,Zła,n1-nie-ma\nnowa-1,Zabrze,1,Powtórzona,\n' > "$T_DIR/bad.csv"
exit_is "a file with errors" 1 e import practices "$T_DIR/bad.csv"
err=$(cat "$T_DIR/err")
like "unknown town: line 3, column 2" "$err" "bad.csv:3:2 (city): there is no town \"Atlantyda\""
like "unknown network: line 4, column 3" "$err" "bad.csv:4:3 (networks): there is no network number 42"
like "unknown meeting: line 4, column 5" "$err" "bad.csv:4:5 (meetings): there is no meeting \"n1-nie-ma\""
like "duplicate key: line 5" "$err" "bad.csv:5:1 (key): \"nowa-1\" already appears on line 2"
like "nothing imported" "$err" "4 errors; nothing was imported"
is "not even the good row" "$(e --no-header list practices | wc -l)" "$before"
exit_is "the good row is not there" 1 e show practice nowa-1
printf 'key,title\nx,y\n' > "$T_DIR/nocity.csv"
exit_is "a new practice needs a town" 1 e import practices "$T_DIR/nocity.csv"
like "says so" "$(cat "$T_DIR/err")" "nocity.csv:2: the town's name is empty"
printf 'title\ny\n' > "$T_DIR/nokey.csv"
exit_is "the key column is required" 1 e import practices "$T_DIR/nokey.csv"
like "names it" "$(cat "$T_DIR/err")" 'required column "key" is missing'
exit_is "members cannot import practices" 1 e --as anna import practices "$T_DIR/excel.csv"
exit_is "unknown kind" 2 e import practicez "$T_DIR/excel.csv"
# A link to the leaders' network is neither shown to members nor lost when they edit.
e admin add-account wojt --role leader --city Tarnów >/dev/null 2>&1
e admin add-account tomek --role member --city Tarnów >/dev/null 2>&1
tcd=$(e --no-header list practices --town Tarnów | awk -F '\t' '$5 ~ /Dialogu/ { print $1 }')
exit_is "a leader shows Tarnów's dialogue centre in network 8 too" 0 \
	e --as wojt practice edit "$tcd" --networks "3,5,8"
like "the leader sees the link" "$(e --as wojt --no-header list practices --town Tarnów)" "3 | 5 | 8"
unlike "a member does not" "$(e --as tomek --no-header list practices --town Tarnów)" "| 8"
exit_is "a member of Tarnów changes the title" 0 \
	e --as tomek practice edit "$tcd" --title "Tarnowskie Centrum Dialogu (TCD)"
like "and the leaders' link is still there" "$(e --as wojt --no-header list practices --town Tarnów)" "3 | 5 | 8"
# A town's own sign-up may be taken back after the meeting (it did not go after all).
exit_is "anna signs up again" 0 e --as anna attend "$m1"
exit_is "after the meeting she takes it back" 0 env EMPIRIE_NOW=2099-12-01T10:00:00Z "$EMPIRIE" --as anna attend "$m1" --no
exit_is "but cannot sign up for a past meeting" 1 env EMPIRIE_NOW=2099-12-01T10:00:00Z "$EMPIRIE" --as anna attend "$m1"
# A value that looks like -h or --help after an option that takes one is that option's
# value, not a request for help (issue 19).
exit_is "practice edit --note -h stores the note" 0 e practice edit "$p1" --note -h
unlike "no help printed" "$(cat "$T_DIR/out")" "Usage:"
like "the note is -h" "$(e show practice "$p1")" "Note: -h"
exit_is "practice edit --note --help too" 0 e practice edit "$p1" --note --help
like "the note is --help" "$(e show practice "$p1")" "Note: --help"
exit_is "meeting edit --summary -h stores the summary" 0 e meeting edit "$m1" --summary -h
unlike "no help printed" "$(cat "$T_DIR/out")" "Usage:"
like "the summary is -h" "$(e show meeting "$m1")" ": -h"
exit_is "a global option's value too: practice edit --as -h" 1 e practice edit "$p1" --as -h --note x
unlike "no help printed" "$(cat "$T_DIR/out")" "Usage:"
exit_is "practice edit ID -h is still the help" 0 e practice edit "$p1" -h
like "the help" "$(cat "$T_DIR/out")" "Usage: empirie practice"
exit_is "meeting edit ID --note x --help is the help" 0 e meeting edit "$m1" --title x --help
like "the help" "$(cat "$T_DIR/out")" "Usage: empirie meeting"
exit_is "check after all this" 0 e check
done_testing
