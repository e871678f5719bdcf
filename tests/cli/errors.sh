#!/bin/sh
# Bad input: clear messages, the right exit status, nothing damaged.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1

exit_is "unknown command" 2 e frobnicate
like "names it" "$(cat "$T_DIR/err")" "unknown command 'frobnicate'"
like "points to --help" "$(cat "$T_DIR/err")" "--help"
exit_is "unknown option" 2 e --frob
exit_is "option without its value" 2 e --db
exit_is "list without what" 2 e list
exit_is "list something unknown" 2 e list planets
exit_is "list threads without --network" 2 e list threads
exit_is "--network not a number" 2 e list threads --network abc
like "says so" "$(cat "$T_DIR/err")" "'abc'"
exit_is "unknown network" 1 e list threads --network 42
like "names the network" "$(cat "$T_DIR/err")" "No network number 42"
exit_is "show unknown network" 1 e show network 9
exit_is "show unknown town" 1 e show city Atlantyda
like "names the town" "$(cat "$T_DIR/err")" "Atlantyda"
exit_is "show unknown thread" 1 e show thread 99999
like "names the thread" "$(cat "$T_DIR/err")" "99999"
exit_is "reply to an unknown thread" 1 sh -c 'echo x | "$EMPIRIE" reply 99999'
exit_is "post without --title" 2 sh -c 'echo x | "$EMPIRIE" post --network 1'

exit_is "database in a missing directory" 1 e --db "$T_DIR/nope/x.db" list networks
like "names the directory" "$(cat "$T_DIR/err")" "$T_DIR/nope"
[ ! -e "$T_DIR/nope" ]; t_result $? "and does not create it"
mkdir "$T_DIR/adir"
exit_is "database path is a directory" 1 e --db "$T_DIR/adir" list networks
like "says so" "$(cat "$T_DIR/err")" "directory"
printf 'this is not a database at all, just some text that is long enough......................................................................................\n' > "$T_DIR/text.db"
exit_is "a text file as database" 1 e --db "$T_DIR/text.db" list networks
like "says it is not a database" "$(cat "$T_DIR/err")" "not an empirie database"
is "the file is unchanged" "$(head -c 12 "$T_DIR/text.db")" "this is not "
if command -v sqlite3 >/dev/null; then
	sqlite3 "$T_DIR/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
	exit_is "another program's SQLite file" 1 e --db "$T_DIR/other.db" list networks
	like "is refused" "$(cat "$T_DIR/err")" "another program"
	is "and left untouched" "$(sqlite3 "$T_DIR/other.db" 'SELECT count(*) FROM sqlite_schema')" 1
else
	skip "sqlite3 not installed"
fi
# An unreadable file: as root, try it as the unprivileged user "nobody".
cp "$EMPIRIE_DB" "$T_DIR/unreadable.db"; chmod 000 "$T_DIR/unreadable.db"; chmod 711 "$T_DIR"
as_user="" prog=$EMPIRIE
if [ "$(id -u)" -eq 0 ] && nobody_ready; then
	as_user="$as_nobody env HOME=/nonexistent" prog=$EMPIRIE_OTHER
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	exit_is "an unreadable file" 1 $as_user "$prog" --db "$T_DIR/unreadable.db" list networks
	like "is reported with its name" "$(cat "$T_DIR/err")" "unreadable.db"
else
	skip "as root, every file is readable and another user cannot be used: $nobody_why"
	skip "as root, every file is readable and another user cannot be used: $nobody_why"
fi
exit_is "a file to post from that is a directory" 1 sh -c '"$EMPIRIE" post --network 1 --title T < "$1"' sh "$T_DIR/adir"
exit_is "default location is created (0700)" 0 env -u EMPIRIE_DB "$EMPIRIE" list networks
is "under XDG_DATA_HOME" "$(stat -c %a "$XDG_DATA_HOME/empirie")" 700
[ -f "$XDG_DATA_HOME/empirie/empirie.db" ]; t_result $? "the database is there"
exit_is "check on a good database" 0 e check
if command -v sqlite3 >/dev/null; then
	cp "$EMPIRIE_DB" "$T_DIR/bad-counts.db"
	sqlite3 "$T_DIR/bad-counts.db" "UPDATE threads SET post_count = 99 WHERE id = 1"
	exit_is "check finds a wrong counter" 1 e --db "$T_DIR/bad-counts.db" check
	like "and names the thread" "$(cat "$T_DIR/out")" "Thread 1 has a wrong post count (99)."
	like "and counts the problems" "$(cat "$T_DIR/out")" "1 problem found."
else
	skip "sqlite3 not installed"
fi

done_testing
