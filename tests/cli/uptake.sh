#!/bin/sh
# Practice transfer (issue 22): a town records that it takes up another town's practice.
# Who may record what (roles), status changes, notes and thread links, the cards and the
# practice library's filters, the audit, and the bundled directory's empty start.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account jar --role member --city Jarosław >/dev/null 2>&1
e admin add-account pila --role member --city Piła >/dev/null 2>&1
e admin add-account legnica --role member --city Legnica >/dev/null 2>&1
e admin add-account koord1 --role coordinator --network 1 >/dev/null 2>&1
e admin add-account gosc --role guest >/dev/null 2>&1

# ---- the bundled directory: nothing invented, a hint how to start ----
exit_is "list on the bundled directory" 0 e uptake list
is "no records" "$(tail -n +2 "$T_DIR/out")" ""
like "a hint how to record one" "$(cat "$T_DIR/err")" "empirie uptake set PRACTICE --town TOWN"

ok "a practice of Hrubieszów in network 1" e practice add --title "E-urząd \"Na skróty\"" \
	--town Hrubieszów --networks 1 --theme cyfryzacja
p1=$(cat "$T_DIR/out")
key=$(e show practice "$p1" | sed -n 's/^Key: //p')

# ---- roles ----
exit_is "a guest may not record" 1 e --as gosc uptake set "$p1" --town Jarosław --status interested
like "says guests only read" "$(cat "$T_DIR/err")" "Guests can read"
exit_is "a member records for her own town" 0 e --as jar uptake set "$p1" --town Jarosław \
	--status interested --note "Chcemy to samo w wersji mobilnej"
exit_is "a member may not record for another town" 1 e --as jar uptake set "$p1" --town Piła --status interested
like "names the town" "$(cat "$T_DIR/err")" "Only members of Piła"
exit_is "the coordinator records for a town of her network" 0 e --as koord1 uptake set "$key" \
	--town Piła --status adapting
exit_is "but not for a town outside it" 1 e --as koord1 uptake set "$p1" --town Legnica --status interested
like "names the town" "$(cat "$T_DIR/err")" "Legnica"
exit_is "a town cannot take up its own practice" 1 e uptake set "$p1" --town Hrubieszów --status in-use
like "says so" "$(cat "$T_DIR/err")" "own practice"
exit_is "the administrator records for any town" 0 e uptake set "$p1" --town Legnica --status dropped

# ---- bad input ----
exit_is "an unknown status" 2 e --as jar uptake set "$p1" --town Jarosław --status done
like "lists the statuses" "$(cat "$T_DIR/err")" "interested, adapting, in-use or dropped"
exit_is "no status" 2 e --as jar uptake set "$p1" --town Jarosław
exit_is "no town" 2 e --as jar uptake set "$p1" --status adapting
exit_is "an unknown practice" 1 e --as jar uptake set 99999 --town Jarosław --status adapting
exit_is "an unknown town" 1 e uptake set "$p1" --town Atlantyda --status adapting
like "is named" "$(cat "$T_DIR/err")" "Atlantyda"
exit_is "a thread that does not exist" 1 e --as jar uptake set "$p1" --town Jarosław --status adapting --threads 999999
like "names the field" "$(cat "$T_DIR/err")" "999999"
exit_is "a thread list that is not numbers" 1 e --as jar uptake set "$p1" --town Jarosław --status adapting --threads "12,abc"
like "names the bad part" "$(cat "$T_DIR/err")" '"abc"'

# ---- a change keeps the date first recorded; threads linked ----
echo "Czy ktoś wdrażał e-urząd w wersji mobilnej?" | e --as jar post --network 1 --title "E-urząd mobilnie" >/dev/null 2>&1
tid=$(e --no-header list threads --network 1 | awk -F'\t' '$6 == "E-urząd mobilnie" {print $1}')
[ -n "$tid" ]; t_result $? "a thread to link ($tid)"
exit_is "the member moves on to in use, with the thread" 0 env EMPIRIE_NOW=2031-02-03T10:00:00Z \
	"$EMPIRIE" --as jar uptake set "$p1" --town jaroslaw --status in-use --threads "$tid"
exit_is "list for the practice" 0 e --no-header uptake list --practice "$p1"
row=$(grep "	Jarosław	" "$T_DIR/out")
is "key, from, title, town, status" "$(printf '%s\n' "$row" | cut -f1-5)" \
	"$(printf '%s\tHrubieszów\tE-urząd "Na skróty"\tJarosław\tin-use' "$key")"
since=$(printf '%s\n' "$row" | cut -f6)
is "updated now" "$(printf '%s\n' "$row" | cut -f7)" "2031-02-03"
unlike "first recorded earlier" "$since" "2031"
is "the thread linked" "$(printf '%s\n' "$row" | cut -f8)" "$tid"
is "the note kept (not given)" "$(printf '%s\n' "$row" | cut -f9)" "Chcemy to samo w wersji mobilnej"
is "three towns" "$(wc -l < "$T_DIR/out" | tr -d ' ')" 3
# A link the member cannot see (a leaders' thread the administrator linked) stays when
# she changes her links: she changes only what she sees.
t8=$(echo "Omówienie na spotkaniu liderów." | e post --network 8 --title "Dla liderów")
exit_is "the administrator links a leaders' thread too" 0 e uptake set "$p1" --town Jarosław \
	--status in-use --threads "$tid $t8"
exit_is "the member sets her links again" 0 e --as jar uptake set "$p1" --town Jarosław \
	--status in-use --threads "$tid"
is "the leaders' thread she cannot see stays linked" \
	"$(e --no-header uptake list --practice "$p1" | awk -F'\t' '$4 == "Jarosław" { print $8 }')" "$tid | $t8"
exit_is "but she may take off what she sees" 0 e --as jar uptake set "$p1" --town Jarosław \
	--status in-use --threads ""
is "so only the leaders' thread is left" \
	"$(e --no-header uptake list --practice "$p1" | awk -F'\t' '$4 == "Jarosław" { print $8 }')" "$t8"
exit_is "the administrator puts it back as it was" 0 e uptake set "$p1" --town Jarosław \
	--status in-use --threads "$tid"
is "by town" "$(e --no-header uptake list --town Piła | cut -f4,5)" "$(printf 'Piła\tadapting')"
is "by network" "$(e --no-header uptake list --network 1 | wc -l | tr -d ' ')" 3
is "another network: none" "$(e --no-header uptake list --network 2 | wc -l | tr -d ' ')" 0

# ---- the cards ----
exit_is "show practice" 0 e show practice "$p1"
card=$(cat "$T_DIR/out")
like "taken up by three towns" "$card" "Taken up by (3 towns):"
like "Jarosław in use" "$card" "Jarosław: in use"
like "Piła adapting" "$card" "Piła: adapting"
like "with the note" "$card" "Chcemy to samo w wersji mobilnej"
exit_is "show city" 0 e show city Jarosław
like "the town card: what it took from whom" "$(cat "$T_DIR/out")" "Took up (1 practice):"
like "names the practice and its town" "$(cat "$T_DIR/out")" "E-urząd \"Na skróty\" (Hrubieszów): in use"
if has_locale pl_PL.UTF-8; then
	exit_is "in Polish" 0 env LC_ALL=pl_PL.UTF-8 "$EMPIRIE" show practice "$p1"
	like "status translated" "$(cat "$T_DIR/out")" "Jarosław: w użyciu"
	like "heading with a Polish plural" "$(cat "$T_DIR/out")" "3 miasta"
else
	skip "no pl_PL.UTF-8 locale"; skip "no pl_PL.UTF-8 locale"; skip "no pl_PL.UTF-8 locale"
fi

# ---- the library's filters ----
ids() { e --no-header list practices "$@" | cut -f1 | tr '\n' ' '; }
is "taken up by another town" "$(ids --taken-up)" "$p1 "
is "taken up by a town in podkarpackie (Jarosław)" "$(ids --taken-up-in podkarpackie)" "$p1 "
is "none in lubuskie" "$(ids --taken-up-in lubuskie)" ""
exit_is "not a voivodeship" 1 e list practices --taken-up-in nibylandia

# ---- audit, removal ----
exit_is "the audit" 0 e admin audit
like "records the transfer" "$(cat "$T_DIR/out")" "uptake"
exit_is "the member removes her record" 0 e --as jar uptake remove "$p1" --town Jarosław
exit_is "but not Piła's" 1 e --as jar uptake remove "$p1" --town Piła
exit_is "removing what is not there" 1 e --as jar uptake remove "$p1" --town Jarosław
is "two left" "$(e --no-header uptake list | wc -l | tr -d ' ')" 2
# ---- each subcommand its own options (issue 19) ----
exit_is "list does not take --status" 2 e uptake list --status adapting
like "named" "$(cat "$T_DIR/err")" "unknown option '--status'"
exit_is "nor --note" 2 e uptake list --note x
like "named" "$(cat "$T_DIR/err")" "unknown option '--note'"
before=$(e --no-header uptake list | wc -l | tr -d ' ')
exit_is "remove does not take --status" 2 e uptake remove "$p1" --town Piła --status adapting
like "named" "$(cat "$T_DIR/err")" "unknown option '--status'"
is "and removes nothing" "$(e --no-header uptake list | wc -l | tr -d ' ')" "$before"
exit_is "set does not take list's --practice" 2 e uptake set "$p1" --town Piła --status adapting --practice "$p1"
like "named" "$(cat "$T_DIR/err")" "unknown option '--practice'"
exit_is "nor --network" 2 e uptake set "$p1" --town Piła --status adapting --network 1
is "nothing changed" "$(e --no-header uptake list --town Piła | cut -f5)" "adapting"
exit_is "list still takes --town, --practice and --network" 0 e uptake list --town Piła --practice "$p1" --network 1
exit_is "and --city, the town's other name" 0 e --no-header uptake list --city Piła
is "Piła's record" "$(cut -f4 "$T_DIR/out")" "Piła"
exit_is "uptake list --help" 0 e uptake list --help
like "the help" "$(cat "$T_DIR/out")" "Usage: empirie uptake"
exit_is "an option before the subcommand" 2 e uptake --town Piła list
like "is told the order" "$(cat "$T_DIR/err")" "the subcommand comes first"
# The status keys stay English words (they are typed); the Polish help says what each
# means beside it: every key the completion offers, each with its gloss.
keys=$(e complete 4 empirie uptake set --status '' | sed 1d)
is "the completion offers the four statuses" "$(echo $keys)" "interested adapting in-use dropped"
if has_locale pl_PL.UTF-8; then
	help=$(LC_ALL=pl_PL.UTF-8 e uptake --help | tr -s ' \n' '  ')
	unglossed=""
	for k in $keys; do
		printf '%s\n' "$help" | grep -q -- "$k ([a-ząćęłńóśźż ]\{3,\})" || unglossed="$unglossed $k"
	done
	is "uptake --help in Polish: every status with its gloss" "$unglossed" ""
	like "in-use: w użyciu" "$help" "in-use (w użyciu)"
	like "interested: zainteresowanie" "$help" "interested (zainteresowanie)"
	unlike "English has no gloss" "$(LC_ALL=C e uptake --help)" "interested ("
else
	skip "no pl_PL.UTF-8 locale"; skip "no pl_PL.UTF-8 locale"; skip "no pl_PL.UTF-8 locale"
	skip "no pl_PL.UTF-8 locale"
fi
done_testing
