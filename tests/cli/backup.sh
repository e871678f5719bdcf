#!/bin/sh
# backup.sh — empirie backup and restore (issue 20): a backup taken while 20 writers
# post holds every post acknowledged before it began and passes 'empirie check'; it is
# 0600, never written through a link or over a file, and a copy that fails the checks
# leaves nothing. restore refuses without --force, for non-administrators, and for a
# file that is not an empirie backup; it keeps the replaced contents aside and works
# while writers go on posting into the live file.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
live="$T_DIR/live.db"
q() { sqlite3 "$1" "$2"; }
e --db "$live" init >/dev/null 2>&1
e --db "$live" admin add-account anna --role member --city Zabrze >/dev/null
tid=$(printf 'Pierwszy wpis.\n' | e --db "$live" --as anna post --network 1 --title "Kopie zapasowe")

# 20 writers, each its own account in Zabrze, reply one after another and note every
# reply the command acknowledged (exit 0 and its id). A sanitized build is several times
# slower per write: 5 writers there, as in concurrency.sh, so that none waits past the
# busy limit for the others.
W=20
[ -n "${EMPIRIE_SANITIZED:-}" ] && W=5
printf 'login,display_name,role,city\n' >"$T_DIR/writers.csv"
for i in $(seq 1 20); do printf 'w%s,Pisarz %s,member,Zabrze\n' "$i" "$i"; done >>"$T_DIR/writers.csv"
e --db "$live" import accounts "$T_DIR/writers.csv" >/dev/null
writers() { # ROUNDS TAG
	i=1
	while [ $i -le $W ]; do
		(
			n=1
			while [ $n -le "$1" ]; do
				id=$(printf 'Wpis %s %s/%s.\n' "$2" "$i" "$n" | "$EMPIRIE" --db "$live" --as "w$i" reply "$tid" 2>>"$T_DIR/writers.err") &&
					echo "$id" >>"$T_DIR/acked.$2.$i"
				n=$((n + 1))
			done
		) &
		i=$((i + 1))
	done
}
: >"$T_DIR/writers.err"
writers 3 a
# Start the backup once every writer has had a reply acknowledged.
tries=0
while [ "$(cat "$T_DIR"/acked.a.* 2>/dev/null | wc -l)" -lt $W ] && [ $tries -lt 600 ]; do
	sleep 0.1; tries=$((tries + 1))
done
cat "$T_DIR"/acked.a.* | sort >"$T_DIR/before"
exit_is "a backup is taken while $W writers post" 0 e --db "$live" backup "$T_DIR/b1.db"
like "it says it was checked" "$(cat "$T_DIR/out")" "checked"
wait
is "the writers had no errors" "$(cat "$T_DIR/writers.err")" ""
ok "they were still posting when it began (not all $((W * 3)) replies acknowledged before)" \
	test "$(wc -l <"$T_DIR/before")" -lt $((W * 3))
q "$T_DIR/b1.db" "SELECT id FROM posts" | sort >"$T_DIR/inbackup"
is "every reply acknowledged before the backup began is in it" \
	"$(comm -23 "$T_DIR/before" "$T_DIR/inbackup" | wc -l)" 0
is "it is one file in rollback-journal mode" "$(q "$T_DIR/b1.db" 'PRAGMA journal_mode')" delete
ok "the backup passes empirie check" e --db "$T_DIR/b1.db" check
is "it is readable by its owner alone" "$(stat -c %a "$T_DIR/b1.db")" 600
is "no temporary file or folder is left" "$(ls -A "$T_DIR" | grep -c '^\.')" 0
like "the audit log has the backup" "$(q "$live" "SELECT action || ' ' || after FROM audit WHERE action = 'backup'")" "backup $T_DIR/b1.db"
ok "the live database is in good order" e --db "$live" check

# Refusals when taking one.
exit_is "a member may not take a backup" 1 e --db "$live" --as anna backup "$T_DIR/m.db"
like "and is told why" "$(cat "$T_DIR/err")" "Only an administrator may take a backup"
ok "nothing is written for them" test ! -e "$T_DIR/m.db"
exit_is "an existing file is not overwritten" 1 e --db "$live" backup "$T_DIR/b1.db"
like "and it says so" "$(cat "$T_DIR/err")" "already exists"
echo "cel" >"$T_DIR/target"
ln -s "$T_DIR/target" "$T_DIR/link.db"
exit_is "a symbolic link at FILE is refused" 1 e --db "$live" backup "$T_DIR/link.db"
like "as a link" "$(cat "$T_DIR/err")" "symbolic link"
is "the file it points to is untouched" "$(cat "$T_DIR/target")" "cel"
ln -s "$T_DIR/nowhere.db" "$T_DIR/dangling.db"
exit_is "so is a dangling link" 1 e --db "$live" backup "$T_DIR/dangling.db"
ok "and nothing appears where it points" test ! -e "$T_DIR/nowhere.db"
exit_is "FILE is needed" 2 e --db "$live" backup
exit_is "a folder that does not exist is an error" 1 e --db "$live" backup "$T_DIR/no/such/b.db"

# A database that fails the checks gives no backup at all.
sqlite3 "$live" ".backup '$T_DIR/broken.db'"
q "$T_DIR/broken.db" "UPDATE threads SET post_count = post_count + 5 WHERE id = $tid"
exit_is "the damaged database fails check" 1 e --db "$T_DIR/broken.db" check
exit_is "its backup fails verification" 1 e --db "$T_DIR/broken.db" backup "$T_DIR/bb.db"
like "which says what failed" "$(cat "$T_DIR/err")" "wrong post count"
ok "and leaves no FILE" test ! -e "$T_DIR/bb.db"
is "nor a temporary one" "$(ls -A "$T_DIR" | grep -c '^\.')" 0

# Restore: refusals first; the live file stays as it was.
posts_live=$(q "$live" "SELECT count(*) FROM posts")
exit_is "restore refuses to replace a database without --force" 1 e --db "$live" restore "$T_DIR/b1.db"
like "and says how" "$(cat "$T_DIR/err")" "--force"
exit_is "a member may not restore" 1 e --db "$live" --as anna restore --force "$T_DIR/b1.db"
like "and is told why" "$(cat "$T_DIR/err")" "Only an administrator may restore"
printf 'to nie jest baza\n' >"$T_DIR/text.db"
exit_is "a text file is not a backup" 1 e --db "$live" restore --force "$T_DIR/text.db"
like "it says so" "$(cat "$T_DIR/err")" "is not an empirie backup"
q "$T_DIR/foreign.db" "CREATE TABLE x(y); INSERT INTO x VALUES (1);"
exit_is "another program's SQLite file is not a backup" 1 e --db "$live" restore --force "$T_DIR/foreign.db"
like "it says whose it is" "$(cat "$T_DIR/err")" "another program"
exit_is "a damaged backup is refused" 1 e --db "$live" restore --force "$T_DIR/broken.db"
like "with the problem named" "$(cat "$T_DIR/err")" "wrong post count"
ln -s "$T_DIR/b1.db" "$T_DIR/b1link.db"
exit_is "a backup given through a link is refused" 1 e --db "$live" restore --force "$T_DIR/b1link.db"
exit_is "a missing backup is an error" 1 e --db "$live" restore --force "$T_DIR/missing.db"
like "which names it" "$(cat "$T_DIR/err")" "missing.db"
is "after all that the live database is unchanged" "$(q "$live" "SELECT count(*) FROM posts")" "$posts_live"
is "and nothing was put aside" "$(ls "$T_DIR" | grep -c replaced)" 0

# Restore while the writers post into the live file.
: >"$T_DIR/writers.err"
writers 2 b
tries=0
while [ "$(cat "$T_DIR"/acked.b.* 2>/dev/null | wc -l)" -lt $W ] && [ $tries -lt 600 ]; do
	sleep 0.1; tries=$((tries + 1))
done
cat "$T_DIR"/acked.b.* | sort >"$T_DIR/before_restore"
exit_is "restore --force works while they post" 0 e --db "$live" restore --force "$T_DIR/b1.db"
like "it says where the replaced contents are" "$(cat "$T_DIR/out")" "$live.replaced-"
wait
aside=$(ls "$T_DIR"/live.db.replaced-* 2>/dev/null | head -1)
ok "the replaced contents are kept aside" test -f "$aside"
is "readable by the owner alone" "$(stat -c %a "$aside")" 600
ok "the kept file passes check" e --db "$aside" check
q "$aside" "SELECT id FROM posts" | sort >"$T_DIR/inaside"
is "it holds every reply acknowledged before the restore began" \
	"$(comm -23 "$T_DIR/before_restore" "$T_DIR/inaside" | wc -l)" 0
ok "the restored database passes check" e --db "$live" check
q "$live" "SELECT id, body FROM posts" | sort >"$T_DIR/live_posts"
q "$T_DIR/b1.db" "SELECT id, body FROM posts" | sort >"$T_DIR/b1_posts"
is "every post of the backup is in it, unchanged" "$(comm -23 "$T_DIR/b1_posts" "$T_DIR/live_posts" | wc -l)" 0
is "the writers around it had no errors (they waited for it)" "$(cat "$T_DIR/writers.err")" ""
like "the audit log of the restored database has the restore" \
	"$(q "$live" "SELECT action || ' ' || after FROM audit WHERE action = 'restore'")" "restore $T_DIR/b1.db"
is "no temporary file or folder is left" "$(ls -A "$T_DIR" | grep -c '^\.')" 0

# A database that is not there yet needs no --force.
exit_is "restoring into a new database" 0 e --db "$T_DIR/new.db" restore "$T_DIR/b1.db"
is "it has the backup's posts" "$(q "$T_DIR/new.db" "SELECT count(*) FROM posts")" "$(q "$T_DIR/b1.db" "SELECT count(*) FROM posts")"

# In Polish.
if has_locale pl_PL.UTF-8; then
	LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 e --db "$live" restore "$T_DIR/b1.db" >/dev/null 2>"$T_DIR/err"
	like "the refusal is in Polish" "$(cat "$T_DIR/err")" "--force"
	unlike "not in English" "$(cat "$T_DIR/err")" "exists"
	LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 e --db "$live" --as anna backup "$T_DIR/x.db" >/dev/null 2>"$T_DIR/err"
	like "so is a member's" "$(cat "$T_DIR/err")" "administrator"
	unlike "not in English either" "$(cat "$T_DIR/err")" "Only an"
else
	skip "locale pl_PL.UTF-8 is not installed"
	skip "locale pl_PL.UTF-8 is not installed"
	skip "locale pl_PL.UTF-8 is not installed"
	skip "locale pl_PL.UTF-8 is not installed"
fi
# ---- a crafted backup: a trigger of its own would go on running in the live database ----
e backup "$T_DIR/crafted.db" >/dev/null 2>&1
sqlite3 "$T_DIR/crafted.db" "CREATE TRIGGER zz AFTER INSERT ON posts BEGIN UPDATE accounts SET role = 'admin'; END;"
roles=$(sqlite3 "$EMPIRIE_DB" "SELECT group_concat(role) FROM accounts")
exit_is "a backup with a trigger not of this program is refused" 1 e restore "$T_DIR/crafted.db" --force
like "naming it" "$(cat "$T_DIR/err")" '"zz" differs'
is "nothing changed" "$(sqlite3 "$EMPIRIE_DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'zz'"),$(sqlite3 "$EMPIRIE_DB" "SELECT group_concat(role) FROM accounts")" "0,$roles"
done_testing
