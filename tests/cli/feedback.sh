#!/bin/sh
# Feedback requests (issue 22) on the command line: who may ask, answer and mark the answer
# that helped; the request's card and list; the network's figures against a recount made
# straight from the tables; the audit.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account anna --role member --city Hrubieszów >/dev/null 2>&1   # network 1
e admin add-account jan --role member --city Piła >/dev/null 2>&1          # network 1
e admin add-account olga --role member --city Hajnówka >/dev/null 2>&1     # network 2 only
e admin add-account koord1 --role coordinator --network 1 >/dev/null 2>&1
e admin add-account koord2 --role coordinator --network 2 >/dev/null 2>&1
e admin add-account ek --role member --network 1 >/dev/null 2>&1           # no town
e admin add-account gosc --role guest >/dev/null 2>&1
at() { EMPIRIE_NOW=$1; export EMPIRIE_NOW; }
body() { printf '%s\n' "$1" > "$T_DIR/body"; }

exit_is "the bundled directory has no requests" 0 e --no-header list requests
is "none listed" "$(cat "$T_DIR/out")" ""
exit_is "show network: none yet, with a hint" 0 e show network 1
like "the hint names the command" "$(cat "$T_DIR/out")" "Feedback requests: none yet (a member starts one with 'empirie ask'"

# ---- who may ask ----
at 2026-03-02T08:00:00Z
body "Opis"; exit_is "a guest may not ask" 1 e --as gosc ask --network 1 --title "Prośba" < "$T_DIR/body"
body "Opis"; exit_is "a town outside the network may not ask" 1 e --as olga ask --network 1 --title "Prośba" < "$T_DIR/body"
like "says why" "$(cat "$T_DIR/err")" "Hajnówka is not a member of network 1"
body "Opis"; exit_is "a coordinator without a town may not ask" 1 e --as koord1 ask --network 1 --title "Prośba" < "$T_DIR/body"
like "says why" "$(cat "$T_DIR/err")" "not linked to a town"
body "Opis"; exit_is "an unknown network" 1 e --as anna ask --network 42 --title "Prośba" < "$T_DIR/body"
body "Opis"; exit_is "what to assess is one line" 1 e --as anna ask --network 1 --title "Prośba" --assess "a
b" < "$T_DIR/body"
exit_is "a practice of another town may not be named" 0 e practice add --title "Praktyka Piły" --town Piła --networks 1
other=$(cat "$T_DIR/out")
body "Opis"; exit_is "  refused" 1 e --as anna ask --network 1 --title "Prośba" --practice "$other" < "$T_DIR/body"
like "  says why" "$(cat "$T_DIR/err")" "another town's"
exit_is "the town's own practice" 0 e practice add --title "Park kieszonkowy" --town Hrubieszów --networks 1
own=$(cat "$T_DIR/out")
is "nothing was stored by the refusals" "$(e --no-header list requests | wc -l)" "0"
body "Chcemy opinii o parku kieszonkowym."; exit_is "a member asks" 0 \
	e --as anna ask --network 1 --title "Park kieszonkowy – opinia" --assess "koszty utrzymania" --practice "$own" < "$T_DIR/body"
r1=$(cat "$T_DIR/out")
[ "$r1" -gt 0 ] 2>/dev/null; t_result $? "prints the thread's number"
exit_is "show thread: the request's lines" 0 e show thread "$r1"
card=$(cat "$T_DIR/out")
like "asking town" "$card" "Feedback request from: Hrubieszów"
like "what to assess" "$card" "To assess: koszty utrzymania"
like "the practice" "$card" "Practice: "
like "open, no answers" "$card" "Status: open, 0 answers"
exit_is "it is in the practice's threads too" 0 e --no-header list threads --network 1
like "  the thread list" "$(cat "$T_DIR/out")" "Park kieszonkowy – opinia"

# ---- who sees it first, who may answer ----
exit_is "the coordinator's open requests" 0 e --as koord1 --no-header list requests --open --mine
like "  listed" "$(cat "$T_DIR/out")" "$(printf '%s\t1\t2026-03-02T08:00:00Z\tHrubieszów\topen\t0' "$r1")"
exit_is "another network's coordinator: not theirs" 0 e --as koord2 --no-header list requests --mine
is "  empty" "$(cat "$T_DIR/out")" ""
at 2026-03-02T09:00:00Z
body "Uzupełniamy: park ma 300 m²."; exit_is "the town adds to its request" 0 e --as anna reply "$r1" < "$T_DIR/body"
own_post=$(cat "$T_DIR/out")
at 2026-03-02T10:00:00Z
body "Moja rada"; exit_is "not yet an expert, without a town: may not answer" 1 e --as ek reply "$r1" < "$T_DIR/body"
ok "the administrator names ek an expert" e admin expert ek
exit_is "  a coordinator may not" 1 e --as koord1 admin expert jan
at 2026-03-02T11:30:00Z
body "Podobnie zrobiliśmy w Pile."; exit_is "a member of another town in the network answers" 0 e --as jan reply "$r1" < "$T_DIR/body"
p_jan=$(cat "$T_DIR/out")
at 2026-03-02T13:00:00Z
body "Koszty: ok. 2 zł/m² rocznie."; exit_is "the expert answers" 0 e --as ek reply "$r1" < "$T_DIR/body"
p_ek=$(cat "$T_DIR/out")
exit_is "the expert's open requests" 0 e --as ek --no-header list requests --mine --open
like "  listed, with its 2 answers and the first at 11:30" "$(cat "$T_DIR/out")" \
	"$(printf '%s\t1\t2026-03-02T08:00:00Z\tHrubieszów\topen\t2\t2026-03-02T11:30:00Z' "$r1")"
body "Moja rada"; exit_is "an expert answers nothing but requests outside their town" 1 e --as ek post --network 1 --title "Wątek" < "$T_DIR/body"

# ---- who may mark the answer that helped ----
at 2026-03-03T09:15:00Z
exit_is "another town's member may not" 1 e --as jan accept "$p_ek"
like "  says why" "$(cat "$T_DIR/err")" "Only the asking town's members"
exit_is "the coordinator may not" 1 e --as koord1 accept "$p_ek"
exit_is "the town's own post is no answer" 1 e --as anna accept "$own_post"
exit_is "a post outside any request" 1 e --as anna accept 1
exit_is "the asking town marks the expert's answer" 0 e --as anna accept "$p_ek"
exit_is "  twice: said so" 1 e --as anna accept "$p_ek"
exit_is "show thread: closed, who helped, how long" 0 e show thread "$r1"
like "  status" "$(cat "$T_DIR/out")" "Status: closed: post $p_ek by ek helped, after 1 day 1 h"
exit_is "no longer open for the coordinator" 0 e --as koord1 --no-header list requests --open --mine
is "  empty" "$(cat "$T_DIR/out")" ""
exit_is "listed as closed" 0 e --no-header list requests
like "  closed, helper, took" "$(cat "$T_DIR/out")" "$(printf 'closed\t2\t2026-03-02T11:30:00Z\tek\t1 day 1 h')"

# ---- more requests, then the figures against a recount ----
at 2026-03-05T08:00:00Z
body "Druga"; ok "a second request (Piła)" e --as jan ask --network 1 --title "Druga prośba" < "$T_DIR/body"
r2=$(cat "$T_DIR/out")
at 2026-03-05T08:40:00Z
body "Odpowiedź"; ok "answered 40 min later by the coordinator" e --as koord1 reply "$r2" < "$T_DIR/body"
a2=$(cat "$T_DIR/out")
at 2026-03-06T08:00:00Z
ok "accepted a day later" e --as jan accept "$a2"
at 2026-03-07T08:00:00Z
body "Trzecia"; ok "a third request, never answered" e --as anna ask --network 1 --title "Trzecia prośba" < "$T_DIR/body"
at 2026-03-07T09:00:00Z
body "Czwarta"; ok "a fourth, answered after 7 hours" e --as jan ask --network 1 --title "Czwarta prośba" < "$T_DIR/body"
r4=$(cat "$T_DIR/out")
at 2026-03-07T16:00:00Z
body "Rada"; ok "  by Hrubieszów" e --as anna reply "$r4" < "$T_DIR/body"

# The recount: from the tables, not through the program.
recount=$(sqlite3 "$EMPIRIE_DB" "
  SELECT r.thread_id, CAST(strftime('%s', t.created_at) AS INTEGER),
         COALESCE((SELECT min(CAST(strftime('%s', p.created_at) AS INTEGER)) FROM posts p
                   JOIN accounts x ON x.id = p.author_id WHERE p.thread_id = r.thread_id
                   AND p.hidden = 0 AND IFNULL(x.city_id, 0) <> r.city_id), ''),
         COALESCE(CAST(strftime('%s', r.accepted_at) AS INTEGER), '')
    FROM feedback_requests r JOIN threads t ON t.id = r.thread_id;" | awk -F'|' '
  function med(a, n,   i, j, x) { for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    if (!n) return -1; return n % 2 ? a[(n+1)/2] : int((a[n/2] + a[n/2+1]) / 2) }
  { n++; if ($4 == "") open++; if ($3 != "") f[++nf] = $3 - $2; if ($4 != "") c[++nc] = $4 - $2 }
  END { printf "%d %d %d %d\n", n, open, med(f, nf), med(c, nc) }')
is "the recount: 4 requests, 2 open, medians 3 h 30 min (of 40 min, 3 h 30 min, 7 h) and 1 day 0 h 37 min (of 1 day 1 h 15 min, 1 day)" \
	"$recount" "4 2 12600 88650"
exit_is "show network 1: the figures" 0 e show network 1
like "  match the recount" "$(cat "$T_DIR/out")" \
	"Feedback requests: 4 requests, 2 open; median time to the first answer 3 h 30 min, to the accepted one 1 day 0 h"
exit_is "list requests --network 1 --open: the oldest first" 0 e --no-header list requests --network 1 --open
is "  the third, then the fourth" "$(cut -f1 "$T_DIR/out" | tr '\n' ' ')" "$(sqlite3 "$EMPIRIE_DB" "SELECT id FROM threads WHERE title = 'Trzecia prośba'") $r4 "
exit_is "network 2: none" 0 e --no-header list requests --network 2
is "  empty" "$(cat "$T_DIR/out")" ""
exit_is "--open is an option of list requests only" 2 e list threads --network 1 --open

# ---- audited ----
exit_is "the audit" 0 e admin audit
like "the request" "$(cat "$T_DIR/out")" "ask"
like "the answer that helped" "$(grep accept "$T_DIR/out")" "accept"
like "the expert named" "$(cat "$T_DIR/out")" "set-expert"
done_testing
