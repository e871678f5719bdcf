#!/bin/sh
# limits.sh — one person cannot flood the others: the posting limit per account
# (post_limit in the system configuration, default 20 a minute, administrators exempt),
# the draft size cap (also for drafts arriving by sync), the search text cap, and the
# rules for editing a post a coordinator has hidden or in a thread they locked.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account anna --role member --city Zabrze >/dev/null
e admin add-account piotr --role member --city Zabrze >/dev/null
e admin add-account koord --role coordinator --network 1 >/dev/null
conf="$T_DIR/limit.conf"
printf 'post_limit = 3\n' >"$conf"
el() { "$EMPIRIE" --config "$conf" "$@"; }
posts() { sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.author_id WHERE a.login = '$1'"; }

# --- the posting limit ---
export EMPIRIE_NOW=2030-03-01T10:00:00Z
tid=$(echo "Pierwszy" | el --as anna post --network 1 --title "Limit")
exit_is "a first reply" 0 sh -c 'echo "Drugi" | "$EMPIRIE" --config "$1" --as anna reply "$2"' sh "$conf" "$tid"
export EMPIRIE_NOW=2030-03-01T10:00:20Z
exit_is "a second reply: three posts in the minute" 0 sh -c 'echo "Trzeci" | "$EMPIRIE" --config "$1" --as anna reply "$2"' sh "$conf" "$tid"
export EMPIRIE_NOW=2030-03-01T10:00:30Z
exit_is "the fourth in the same minute is refused" 1 sh -c 'echo "Czwarty" | "$EMPIRIE" --config "$1" --as anna reply "$2"' sh "$conf" "$tid"
like "told the limit" "$(cat "$T_DIR/err")" "at most 3 posts a minute"
like "told when she may post again (60 s after the first, 30 s from now)" "$(cat "$T_DIR/err")" "again in 30 seconds"
is "nothing was stored" "$(posts anna)" 3
exit_is "a new thread counts too" 1 sh -c 'echo "x" | "$EMPIRIE" --config "$1" --as anna post --network 1 --title "Nowy"' sh "$conf"
pid=$(sqlite3 "$EMPIRIE_DB" "SELECT max(p.id) FROM posts p JOIN accounts a ON a.id = p.author_id WHERE a.login = 'anna'")
exit_is "and an edit" 1 sh -c 'echo "Poprawiony" | "$EMPIRIE" --config "$1" --as anna edit "$2"' sh "$conf" "$pid"
like "told why" "$(cat "$T_DIR/err")" "again in"
exit_is "another member is not held back" 0 sh -c 'echo "Piotr" | "$EMPIRIE" --config "$1" --as piotr reply "$2"' sh "$conf" "$tid"
exit_is "administrators are not limited" 0 sh -c 'for i in 1 2 3 4 5; do echo "Admin $i" | "$EMPIRIE" --config "$1" reply "$2" >/dev/null || exit 1; done' sh "$conf" "$tid"
export EMPIRIE_NOW=2030-03-01T10:01:01Z
exit_is "a minute after her first post she may post again" 0 sh -c 'echo "Piąty" | "$EMPIRIE" --config "$1" --as anna reply "$2"' sh "$conf" "$tid"
# The default (no configuration): 20 a minute.
export EMPIRIE_NOW=2030-03-01T11:00:00Z
i=1
while [ $i -le 20 ]; do
	echo "Wpis $i" | e --as piotr reply "$tid" >/dev/null 2>&1 || break
	i=$((i + 1))
done
is "by default 20 posts a minute go through" "$i" 21
exit_is "and the 21st is refused" 1 sh -c 'echo "21" | "$EMPIRIE" --as piotr reply "$1"' sh "$tid"
printf 'post_limit = 0\n' >"$conf"
exit_is "post_limit = 0 switches it off" 0 sh -c 'echo "21" | "$EMPIRIE" --config "$1" --as piotr reply "$2"' sh "$conf" "$tid"
own="$T_DIR/own.conf"
printf 'post_limit = 0\n' >"$own"
chmod 666 "$own"
exit_is "a configuration anyone may write cannot lift the limit" 1 sh -c 'echo "22" | "$EMPIRIE" --config "$1" --as piotr reply "$2"' sh "$own" "$tid"
printf 'post_limit = dużo\n' >"$conf"
exit_is "a bad value is an error" 1 e --config "$conf" list networks
like "that says which line" "$(cat "$T_DIR/err")" "limit.conf:1"
unset EMPIRIE_NOW
LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8
if has_locale pl_PL.UTF-8; then
	printf 'post_limit = 1\n' >"$conf"
	LC_ALL=pl_PL.UTF-8 "$EMPIRIE" --config "$conf" --as anna reply "$tid" </dev/null >/dev/null 2>&1
	echo "Raz" | LC_ALL=pl_PL.UTF-8 "$EMPIRIE" --config "$conf" --as anna reply "$tid" >/dev/null 2>&1
	echo "Dwa" | LC_ALL=pl_PL.UTF-8 "$EMPIRIE" --config "$conf" --as anna reply "$tid" >/dev/null 2>"$T_DIR/err"
	like "in Polish" "$(cat "$T_DIR/err")" "ponownie za"
else
	skip "pl_PL.UTF-8 locale not installed"
fi
LC_ALL=C.UTF-8 LANG=C.UTF-8

# --- editing what a coordinator closed ---
tid2=$(echo "Początek" | e --as anna post --network 1 --title "Zamykany")
p2=$(echo "Mój wpis" | e --as anna reply "$tid2")
e --as koord moderate hide "$p2" --reason "nie na temat" >/dev/null
exit_is "the author cannot edit a post hidden by a coordinator" 1 sh -c 'echo "Zmieniony" | "$EMPIRIE" --as anna edit "$1"' sh "$p2"
like "and is told the rule" "$(cat "$T_DIR/err")" "hidden this post"
is "the text stays" "$(sqlite3 "$EMPIRIE_DB" "SELECT body FROM posts WHERE id = $p2")" "Mój wpis"
exit_is "the coordinator still can" 0 sh -c 'echo "Zmieniony przez koordynatora" | "$EMPIRIE" --as koord edit "$1"' sh "$p2"
e --as koord moderate unhide "$p2" >/dev/null
e --as koord moderate lock "$tid2" --reason "koniec" >/dev/null
exit_is "the author cannot edit a post in a locked thread" 1 sh -c 'echo "Znowu" | "$EMPIRIE" --as anna edit "$1"' sh "$p2"
like "and is told the rule" "$(cat "$T_DIR/err")" "locked"
e --as koord moderate unlock "$tid2" >/dev/null
exit_is "unlocked, she can edit again" 0 sh -c 'echo "Znowu" | "$EMPIRIE" --as anna edit "$1"' sh "$p2"

# --- the search text cap ---
long=$(python3 -c 'print(" ".join(["słowo"] * 40))')   # 239 characters
exit_is "a search text over 200 characters is refused" 1 e search "$long"
like "with a message that says the limit" "$(cat "$T_DIR/err")" "at most 200"
ok "200 characters are fine" e search "$(python3 -c 'print("a" * 200)')"

# --- drafts, by sync: the same cap as when saved here ---
if command -v sqlite3 >/dev/null && e snapshot "$T_DIR/copy.db" >/dev/null 2>&1; then
	big=$(python3 -c 'print("x" * 70000)')
	sqlite3 "$T_DIR/copy.db" "INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at) SELECT id, 'reply', $p2, '', '$big', '2030-01-01T00:00:00Z' FROM accounts WHERE login = 'anna'"
	e --db "$T_DIR/copy.db" --as anna sync export "$T_DIR/big.sync" >/dev/null 2>&1
	if [ -s "$T_DIR/big.sync" ] && grep -q 'draft' "$T_DIR/big.sync"; then
		exit_is "a 70 KB draft from a copy is refused" 1 e sync apply "$T_DIR/big.sync"
		like "with a clear message (the file's line, the limit)" "$(cat "$T_DIR/err")" "is too long"
		is "nothing of it stored" "$(sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM drafts WHERE length(body) > 65536")" 0
	else
		skip "the copy did not export the draft"
		skip "the copy did not export the draft"
		skip "the copy did not export the draft"
	fi
else
	skip "sqlite3 or snapshot not available"
fi
done_testing
