#!/bin/sh
# One writer per table: rows of every table of the store are added (INSERT or REPLACE)
# from one source file, so a rule checked
# on the way in cannot be skipped by a second path (a sync file, an import, the bundled
# directory, the generator): they all store through the table's writer (forum_rows.c,
# directory.c, account.c, meeting.c, practice.c, ...). Changes to rows already there
# (UPDATE, DELETE: moderation, edits) are not counted here. schema.c's numbered
# migrations create and reshape tables and are not counted either; publicity.c copies
# tables by name into a separate public file, db.c the read marks into the session-only
# temp schema of a read-only copy, and search_docs.h holds the index's bulk SQL that
# search_index.c (and the migrations) run.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is not installed (it lists the tables)"; done_testing; exit
fi
exit_is "init makes a database to list the tables of" 0 e init
# The tables, less SQLite's own and the search index's shadow tables.
tables=$(sqlite3 "$EMPIRIE_DB" "SELECT name FROM sqlite_schema WHERE type = 'table'
	AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT GLOB 'search_*' ORDER BY name")
n=$(printf '%s\n' "$tables" | grep -c .)
[ "$n" -gt 20 ]; t_result $? "the store has many tables ($n)"

writers() { # table: the source files that insert into it, sorted, space-separated
	(cd "$top_srcdir" && grep -rlE \
		"(INSERT( OR [A-Z]+)?|REPLACE) INTO (main\.)?$1([ (]|\$)" src --include='*.c') |
		grep -v '^src/core/schema\.c$' | sort | tr '\n' ' ' | sed 's/ $//'
}
# The search must see what it is looking for (a pattern that matched nothing would
# pass every table).
is "the posts' one writer is found" "$(writers posts)" "src/core/forum_rows.c"
is "the practices' one writer is found" "$(writers practices)" "src/core/practice.c"
# The search index is written by its own module, apart from the queries (search.c).
is "the search index's one writer is search_index.c" "$(writers search)" "src/core/search_index.c"

for t in $tables; do
	w=$(writers "$t")
	k=$(printf '%s\n' "$w" | wc -w)
	[ "$k" -le 1 ]; t_result $? "$t has one writer${w:+ ($w)}"
	[ "$k" -le 1 ] || diag "written from: $w"
done
done_testing
