#!/bin/sh
# sessions.sh — 'empirie admin sessions' (issue 20): who may list, what a row holds, the
# timeout (session_timeout) that hides a session that stopped beating (crashed), and the
# setting's checks. The full-screen side is tests/tui/presence.sh.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
db="$T_DIR/s.db"
e --db "$db" init >/dev/null 2>&1
e --db "$db" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$db" admin add-account kasia --role coordinator --city Zabrze >/dev/null
printf 'session_timeout = 60\n' >"$T_DIR/conf"

exit_is "with no session ever started the list is empty" 0 e --db "$db" --config "$T_DIR/conf" admin sessions
is "but for its header" "$(cat "$T_DIR/out")" "$(printf 'login\ttown\tsince\tlast seen\tnetwork\twhere\trestricted')"
ok "no side file is made by listing" test ! -e "$db-presence"

# Rows as sessions leave them: one beating now, one that stopped 10 minutes ago.
now=$(date +%s)
sqlite3 "$db-presence" "CREATE TABLE sessions (id INTEGER PRIMARY KEY, login TEXT NOT NULL, town TEXT NOT NULL,
  since INTEGER NOT NULL, seen INTEGER NOT NULL, network INTEGER NOT NULL DEFAULT 0, area TEXT NOT NULL DEFAULT '',
  restricted INTEGER NOT NULL DEFAULT 0);
  INSERT INTO sessions VALUES (1, 'anna', 'Zabrze', $now - 100, $now, 3, 'reading', 0);
  INSERT INTO sessions VALUES (2, 'guest', '', $now - 900, $now - 600, 0, 'networks', 1);"
exit_is "an administrator lists the sessions" 0 e --db "$db" --no-header --config "$T_DIR/conf" admin sessions
is "one live session; the silent one is gone after the timeout" "$(wc -l <"$T_DIR/out")" 1
like "login, town and where, at network level" "$(cat "$T_DIR/out")" "$(printf 'anna\tZabrze\t')"
like "network and area" "$(cat "$T_DIR/out")" "$(printf '\t3\treading\tno')"
like "times in UTC" "$(cat "$T_DIR/out")" "Z	20"
printf 'session_timeout = 3600\n' >"$T_DIR/long"
exit_is "with a longer timeout" 0 e --db "$db" --no-header --config "$T_DIR/long" admin sessions
is "the silent one counts again" "$(wc -l <"$T_DIR/out")" 2
like "a restricted session says so" "$(cat "$T_DIR/out")" "$(printf 'guest\t\t')"
exit_is "a coordinator may list them" 0 e --db "$db" --as kasia --config "$T_DIR/conf" admin sessions
exit_is "a member may not" 1 e --db "$db" --as anna admin sessions
like "and is told who may" "$(cat "$T_DIR/err")" "Only coordinators and administrators"

for bad in 0 2 abc 86401 -5; do
	printf 'session_timeout = %s\n' "$bad" >"$T_DIR/bad"
	exit_is "session_timeout = $bad is refused" 1 e --db "$db" --config "$T_DIR/bad" admin sessions
	like "with the line and the range" "$(cat "$T_DIR/err")" "bad:1: session_timeout must be a number of seconds from 3 to 86400"
done
if has_locale pl_PL.UTF-8; then
	LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 e --db "$db" --as anna admin sessions >/dev/null 2>"$T_DIR/err"
	like "the refusal is in Polish" "$(cat "$T_DIR/err")" "koordynatorzy i administratorzy"
else
	skip "locale pl_PL.UTF-8 is not installed"
fi
done_testing
