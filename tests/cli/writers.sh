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

ins() { # table: the pattern of a statement that adds rows to it
	printf '%s' "(INSERT( OR [A-Z]+)?|REPLACE) INTO (main\\.)?$1([ (\"]|\$)"
}
macros_with() { # header pattern: the macros of the header whose text matches
	awk -v pat="$2" '
		/^[[:space:]]*#[[:space:]]*define[[:space:]]/ { name = $2; sub(/\(.*/, "", name); inside = 1 }
		inside && $0 ~ pat { print name }
		inside && !/\\$/ { inside = 0 }' "$1" | sort -u
}
writers() { # table: the source files that insert into it, sorted, space-separated
	(cd "$top_srcdir" && {
		grep -rlE "$(ins "$1")" src --include='*.c'
		# A statement written in a header's macro (a field list's CITY_INSERT_SQL) is
		# written by each file that uses the macro.
		for h in $(grep -rlE "$(ins "$1")" src --include='*.h'); do
			for m in $(macros_with "$h" "$(ins "$1")"); do
				grep -rlw "$m" src --include='*.c'
			done
		done
	} | grep -v '^src/core/schema\.c$' | sort -u | tr '\n' ' ' | sed 's/ $//')
}
# The search must see what it is looking for (a pattern that matched nothing would
# pass every table).
is "the posts' one writer is found" "$(writers posts)" "src/core/forum_rows.c"
is "the practices' one writer is found" "$(writers practices)" "src/core/practice.c"
# Also where the statement is made by a field list's macro in a header (city_fields.h).
is "the towns' one writer is found" "$(writers cities)" "src/core/directory.c"
# The search index is written by its own module, apart from the queries (search.c).
is "the search index's one writer is search_index.c" "$(writers search)" "src/core/search_index.c"
# Its titles-only twin (issue 18) too, beside it ('search_*' is left out of the list below).
is "the titles index's one writer is search_index.c" "$(writers search_titles)" "src/core/search_index.c"

for t in $tables; do
	w=$(writers "$t")
	k=$(printf '%s\n' "$w" | wc -w)
	[ "$k" -le 1 ]; t_result $? "$t has one writer${w:+ ($w)}"
	[ "$k" -le 1 ] || diag "written from: $w"
done
done_testing
