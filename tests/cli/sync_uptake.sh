#!/bin/sh
# Practice transfers travel with sync (issue 22): recorded in an offline copy, carried
# home and back; the same record changed on both sides is a conflict settled by the later
# change and listed; a removal travels; the home database refuses a transfer recorded by
# someone without the right to record for that town.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
home="$T_DIR/home.db" lap="$T_DIR/lap.db"
. "$top_srcdir/tests/synclib.sh"
ups() { q "$1" "SELECT p.key, c.name, u.status, u.note, u.started_at, u.updated_at, u.updated_by
                FROM uptakes u JOIN practices p ON p.id = u.practice_id JOIN cities c ON c.id = u.city_id
                ORDER BY 1, 2"; }

at 08:00:00
e --db "$home" init >/dev/null 2>&1
e --db "$home" admin add-account jar --role member --city Jarosław >/dev/null
e --db "$home" admin add-account pila --role member --city Piła >/dev/null
e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
pid=$(e --db "$home" practice add --title "E-urząd" --town Hrubieszów --networks 1)
key=$(q "$home" "SELECT key FROM practices WHERE id = $pid")
ok "Piła is interested, at home" e --db "$home" --as pila uptake set "$pid" --town Piła --status interested
ok "a copy for the laptop" e --db "$home" snapshot "$lap"

# ---- laptop -> home: a new record, and one changed on both sides ----
at 09:00:00
ok "in the copy Jarosław takes it up" e --db "$lap" --as jar uptake set "$key" --town Jarosław \
	--status adapting --note "wersja mobilna"
ok "the coordinator moves Piła on in the copy" e --db "$lap" --as koord uptake set "$key" --town Piła --status adapting
at 09:30:00
ok "and Piła itself, later, at home" e --db "$home" --as pila uptake set "$key" --town Piła --status in-use
like "the copy counts them as waiting" "$(e --db "$lap" sync status)" "2 changes wait"
ok "the copy exports" e --db "$lap" sync export "$T_DIR/l1.sync"
grep -q '"op":"uptake"' "$T_DIR/l1.sync"; t_result $? "the file carries the transfers"
ok "home applies it" e --db "$home" sync apply "$T_DIR/l1.sync"
like "one conflict" "$(cat "$T_DIR/out")" "1 conflict"
like "listed, naming the town and both sides" "$(e --db "$home" sync conflicts)" "Piła's transfer of practice $key was changed in both copies: here in-use (2026-11-28T09:30:00Z), in the file adapting (2026-11-28T09:00:00Z)"
is "Jarosław's record arrived, as written" \
	"$(q "$home" "SELECT u.status || '|' || u.note || '|' || u.updated_by FROM uptakes u JOIN cities c ON c.id = u.city_id WHERE c.name = 'Jarosław'")" \
	"adapting|wersja mobilna|jar"
is "Piła's later change at home was kept" \
	"$(q "$home" "SELECT u.status FROM uptakes u JOIN cities c ON c.id = u.city_id WHERE c.name = 'Piła'")" "in-use"
like "audited as brought by sync" "$(e --db "$home" admin audit)" "uptake"

# ---- home -> laptop: both end the same ----
ok "home exports" e --db "$home" sync export "$T_DIR/h1.sync"
ok "the copy applies it" e --db "$lap" sync apply "$T_DIR/h1.sync"
is "both copies hold the same transfers" "$(ups "$lap")" "$(ups "$home")"
ok "the same file again" e --db "$lap" sync apply "$T_DIR/h1.sync"
is "changes nothing" "$(ups "$lap")" "$(ups "$home")"

# ---- a removal travels ----
at 10:00:00
ok "Jarosław drops its record in the copy" e --db "$lap" --as jar uptake remove "$key" --town Jarosław
ok "export" e --db "$lap" sync export "$T_DIR/l2.sync"
ok "apply at home" e --db "$home" sync apply "$T_DIR/l2.sync"
is "gone at home too" "$(q "$home" "SELECT count(*) FROM uptakes u JOIN cities c ON c.id = u.city_id WHERE c.name = 'Jarosław'")" 0

# ---- rights are checked at home ----
fam=$(q "$home" "SELECT value FROM meta WHERE key = 'family'")
forge "$home" "$T_DIR/bad.sync" 1 \
	"{\"op\":\"uptake\",\"practice\":\"$key\",\"town\":\"Legnica\",\"status\":\"in-use\",\"note\":\"\",\"started_at\":\"2026-11-28T11:00:00Z\",\"updated_at\":\"2026-11-28T11:00:00Z\",\"by\":\"jar\",\"threads\":[]}"
ok "a file where jar records for Legnica is applied" e --db "$home" sync apply "$T_DIR/bad.sync"
like "as a conflict" "$(cat "$T_DIR/out")" "1 conflict"
is "and Legnica has no record" "$(q "$home" "SELECT count(*) FROM uptakes u JOIN cities c ON c.id = u.city_id WHERE c.name = 'Legnica'")" 0
forge "$home" "$T_DIR/bad2.sync" 1 \
	"{\"op\":\"uptake\",\"practice\":\"$key\",\"town\":\"Jarosław\",\"status\":\"done\",\"started_at\":\"2026-11-28T11:00:00Z\",\"updated_at\":\"2026-11-28T11:00:00Z\",\"by\":\"jar\"}"
exit_is "an unknown status refuses the file" 1 e --db "$home" sync apply "$T_DIR/bad2.sync"
like "naming the field" "$(cat "$T_DIR/err")" '"status"'
# ---- a time in the future is capped at now (as posts'): it cannot win every later change ----
forge "$home" "$T_DIR/future.sync" 1 \
	"{\"op\":\"uptake\",\"practice\":\"$key\",\"town\":\"Piła\",\"status\":\"dropped\",\"note\":\"\",\"started_at\":\"9999-12-31T23:59:59Z\",\"updated_at\":\"9999-12-31T23:59:59Z\",\"by\":\"pila\",\"threads\":[]}"
ok "a file with a far-future time is applied" e --db "$home" sync apply "$T_DIR/future.sync"
is "its times are no later than now" \
	"$(q "$home" "SELECT count(*) FROM uptakes WHERE updated_at > '2100' OR started_at > '2100'")" 0
done_testing
