#!/bin/sh
# sync_feedback.sh — feedback requests travel with sync (issue 22): a request asked in
# an offline copy reaches the home database as a request; the answer that helped,
# marked in two copies apart, ends the same in every order (the later mark stays, the
# other is listed as a conflict); a mark by someone outside the asking town, crafted
# into a file, is refused.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null || ! command -v python3 >/dev/null; then
	skip "sqlite3 and python3 are needed"; done_testing; exit
fi
home="$T_DIR/home.db" la="$T_DIR/a.db" lb="$T_DIR/b.db"
. "$top_srcdir/tests/synclib.sh"
req() { q "$1" "SELECT r.thread_id || '|' || c.name || '|' || r.assess || '|' || COALESCE(r.accepted_post, 0)
                 FROM feedback_requests r JOIN cities c ON c.id = r.city_id ORDER BY r.thread_id"; }

at 08:00:00
e --db "$home" init >/dev/null 2>&1
e --db "$home" admin add-account anna --role member --city Hrubieszów >/dev/null
e --db "$home" admin add-account basia --role member --city Hrubieszów >/dev/null
e --db "$home" admin add-account jan --role member --city Piła >/dev/null
e --db "$home" admin add-account koord1 --role coordinator --network 1 >/dev/null
r1=$(printf 'Park\n' | e --db "$home" --as anna ask --network 1 --title "Park kieszonkowy" --assess "koszty")
at 08:30:00
pj=$(printf 'Rada Piły\n' | e --db "$home" --as jan reply "$r1")
at 08:40:00
pk=$(printf 'Rada koordynatora\n' | e --db "$home" --as koord1 reply "$r1")
ok "a copy (a)" e --db "$home" snapshot "$la"
ok "another copy (b)" e --db "$home" snapshot "$lb"
is "the copies hold the request" "$(req "$la")" "$r1|Hrubieszów|koszty|0"

# ---- a request asked offline ----
at 09:00:00
r2=$(printf 'Rynek\n' | e --db "$la" --as anna ask --network 1 --title "Zielony rynek" --assess "zieleń")
ok "copy a exports" e --db "$la" sync export "$T_DIR/a1.sync"
like "the thread line carries the request" "$(cat "$T_DIR/a1.sync")" '"request":{"town":"Hrubieszów","assess":"zieleń"}'
ok "the home database applies it" e --db "$home" sync apply "$T_DIR/a1.sync"
is "there it is a request of Hrubieszów, with what to assess" "$(req "$home" | grep "^$r2|")" "$r2|Hrubieszów|zieleń|0"
like "listed" "$(e --db "$home" --no-header list requests --open)" "Zielony rynek"

# ---- the answer that helped, marked apart in two copies ----
cp "$home" "$T_DIR/home2.db"
at 10:00:00
ok "in copy a, anna marks jan's answer" e --db "$la" --as anna accept "$pj"
at 11:00:00
ok "in copy b, basia (same town) marks the coordinator's, later" e --db "$lb" --as basia accept "$pk"
ok "a exports" e --db "$la" sync export "$T_DIR/a2.sync"
like "  an accept line" "$(cat "$T_DIR/a2.sync")" "{\"op\":\"accept\",\"thread\":$r1,\"post\":$pj,\"by\":\"anna\",\"at\":\"2026-11-28T10:00:00Z\"}"
ok "b exports" e --db "$lb" sync export "$T_DIR/b2.sync"
at 12:00:00
ok "home applies a, then b" sh -c 'e() { "$EMPIRIE" "$@"; }; e --db "$1" sync apply "$2" && e --db "$1" sync apply "$3"' x "$home" "$T_DIR/a2.sync" "$T_DIR/b2.sync"
is "  the later mark stays" "$(req "$home" | grep "^$r1|")" "$r1|Hrubieszów|koszty|$pk"
ok "a second home applies b, then a" sh -c 'e() { "$EMPIRIE" "$@"; }; e --db "$1" sync apply "$2" && e --db "$1" sync apply "$3"' x "$T_DIR/home2.db" "$T_DIR/b2.sync" "$T_DIR/a2.sync"
is "  the same mark" "$(req "$T_DIR/home2.db" | grep "^$r1|")" "$r1|Hrubieszów|koszty|$pk"
like "  the earlier mark is listed as a conflict (order a, b)" "$(e --db "$home" sync conflicts)" "helped"
like "  and (order b, a)" "$(e --db "$T_DIR/home2.db" sync conflicts)" "helped"
is "who marked it and when, the same in both" "$(q "$home" "SELECT accepted_at || accepted_by FROM feedback_requests WHERE thread_id = $r1")" \
	"$(q "$T_DIR/home2.db" "SELECT accepted_at || accepted_by FROM feedback_requests WHERE thread_id = $r1")"
like "audited in the name of who marked it" "$(e --db "$home" admin audit | grep accept)" "basia"
ok "home exports" e --db "$home" sync export "$T_DIR/h1.sync"
ok "copy a applies it" e --db "$la" sync apply "$T_DIR/h1.sync"
is "copy a now has the later mark too" "$(req "$la" | grep "^$r1|")" "$r1|Hrubieszów|koszty|$pk"

# ---- rights: a mark by another town, crafted into copy a's file ----
SCHEMA=11 forge "$la" "$T_DIR/forged.sync" 1 \
	"{\"op\":\"accept\",\"thread\":$r2,\"post\":$pj,\"by\":\"jan\",\"at\":\"2026-11-28T13:00:00Z\"}"
ok "the home database reads the crafted file" e --db "$home" sync apply "$T_DIR/forged.sync"
is "  but keeps the request open" "$(req "$home" | grep "^$r2|")" "$r2|Hrubieszów|zieleń|0"
like "  and lists why" "$(e --db "$home" sync conflicts)" "jan"
SCHEMA=11 forge "$la" "$T_DIR/bad.sync" 1 "{\"op\":\"accept\",\"thread\":$r1,\"post\":\"x\",\"by\":\"anna\",\"at\":\"2026-11-28T13:00:00Z\"}"
exit_is "a malformed accept line is refused whole" 1 e --db "$home" sync apply "$T_DIR/bad.sync"
like "  naming the field" "$(cat "$T_DIR/err")" '"post"'
done_testing
