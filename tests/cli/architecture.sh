#!/bin/sh
# architecture.sh — doc/ARCHITECTURE.md stays true (issue 19): every file it names exists,
# every source file is in its map of modules, every function it names is in the
# sources, its list of tables with several writers is tests/cli/writers.sh's LEFT, and
# the layer rules it states hold (text uses no SQLite, curses or core; core no curses,
# ui/ or cli/; ui no cli/; only core speaks SQL or includes its private headers).
. "$top_srcdir/tests/lib.sh"
doc="$top_srcdir/doc/ARCHITECTURE.md"
[ -f "$doc" ]; t_result $? "doc/ARCHITECTURE.md exists"

# Paths named, less the placeholders of the checklists (NAME, *).
paths=$(grep -oE '(src|tests|doc)/[A-Za-z0-9_./*-]*[A-Za-z0-9_*]' "$doc" | grep -v 'NAME\|\*' | sort -u)
n=0 missing=
for p in $paths; do
	n=$((n + 1))
	[ -e "$top_srcdir/$p" ] || missing="$missing $p"
done
[ "$n" -gt 80 ]; t_result $? "the doc names files ($n)"
[ -z "$missing" ]; t_result $? "every file the doc names exists"
[ -z "$missing" ] || diag "missing:$missing"

# The map: from its heading to the next one.
map=$(sed -n '/^## Map of modules/,/^## /p' "$doc")
sources=$(cd "$top_srcdir" && find src -name '*.c' -o -name '*.cc' | grep -v '^src/core/bundled_data\.c$' | LC_ALL=C sort)
unmapped=
for f in $sources; do
	printf '%s\n' "$map" | grep -qF "\`$f\`" || unmapped="$unmapped $f"
done
[ -z "$unmapped" ]; t_result $? "every source file is in the map of modules"
[ -z "$unmapped" ] || diag "not in the map:$unmapped"

# Functions named as `name()`: each is in the sources.
fns=$(grep -oE '`[a-z_][a-z0-9_]*\(\)`' "$doc" | tr -d '`()' | sort -u)
n=0 unknown=
for f in $fns; do
	n=$((n + 1))
	grep -rqE "(^|[^a-z0-9_])$f\(" "$top_srcdir/src" || unknown="$unknown $f"
done
[ "$n" -gt 20 ]; t_result $? "the doc names functions ($n)"
[ -z "$unknown" ]; t_result $? "every function the doc names is in the sources"
[ -z "$unknown" ] || diag "not found:$unknown"

# The tables still written from several files: the doc's list ("none" when empty) is
# writers.sh's LEFT (its expected failures; no LEFT when there are none).
left=$(sed -n "s/^\(LEFT='\)\{0,1\}\([a-z_]*\): src\/.*/\2/p" "$top_srcdir/tests/cli/writers.sh" | LC_ALL=C sort | tr '\n' ' ')
said=$(tr '\n' ' ' <"$doc" | sed -n "s/.*written from several files (\`tests\/cli\/writers\.sh\`'s LEFT): *\([^.]*\)\..*/\1/p")
[ -n "$said" ]; t_result $? "the doc says which tables have several writers"
said=$(printf '%s\n' "$said" | tr -s ', ' '\n\n' | grep -vx 'none' | grep . | LC_ALL=C sort | tr '\n' ' ')
is "the doc's tables with several writers are writers.sh's LEFT" "$said" "$left"

# The layer rules. Each finds the offending lines (none wanted).
includes() { # dir pattern: the #include lines of dir's files that match pattern
	grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" \
		"$top_srcdir"/src/"$1"/*.c "$top_srcdir"/src/"$1"/*.h "$top_srcdir"/src/"$1"/*.cc 2>/dev/null
}
rule() { # description offending-lines
	[ -z "$2" ]; t_result $? "$1"
	[ -z "$2" ] || diag "$2"
}
rule "text includes no SQLite, curses, core/, ui/ or cli/" \
	"$(includes text 'sqlite3\.h|n?cursesw?\.h|ncursesw/|panel\.h|term\.h|core/|ui/|cli/')"
rule "core includes no curses, ui/ or cli/" \
	"$(includes core 'n?cursesw?\.h|ncursesw/|panel\.h|term\.h|ui/|cli/')"
rule "ui includes no cli/, SQLite or core's private headers" \
	"$(includes ui 'cli/|sqlite3\.h|core/[a-z_]*_priv\.h|core/forum_rows\.h')"
rule "cli includes no SQLite or core's private headers" \
	"$(includes cli 'sqlite3\.h|core/[a-z_]*_priv\.h|core/forum_rows\.h')"
rule "only cli.c of cli/ includes ui/" \
	"$(includes cli 'ui/' | grep -v '/src/cli/cli\.c:')"
# Core's modules use one another without a circle (issue 19: db.c, schema.c and seed.c
# opened one another; forum.c and search.c called each other): "A B" for each module A
# whose .c includes the header of another module B, and tsort finds no loop.
edges=$(cd "$top_srcdir/src/core" && for f in *.c; do
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"core\/\([a-z0-9_]*\)\.h".*/\1/p' "$f" |
		while read -r h; do
			[ "$h" != "${f%.c}" ] && [ -f "$h.c" ] && echo "${f%.c} $h"
		done
done)
[ "$(printf '%s\n' "$edges" | grep -c .)" -gt 50 ]; t_result $? "the modules of core use one another ($(printf '%s\n' "$edges" | grep -c .) uses)"
loops=$(printf '%s\n' "$edges" | tsort 2>&1 >/dev/null)
rule "the modules of core use one another without a circle" "$loops"

# Rights are decided in one place (issue 19): every perm_* is account.c's, and one that
# reads the store takes it first, as every other core function does.
rule "every perm_* function is defined in src/core/account.c" \
	"$(grep -nE '^(bool|status) perm_[a-z_]*\(' "$top_srcdir"/src/*/*.c | grep -v '/src/core/account\.c:')"
rule "a perm_* function that reads the store takes it first" \
	"$(grep -nE '^(bool|status) perm_[a-z_]*\(.+, (const )?db \*' "$top_srcdir"/src/core/*.[ch])"
sql='"[^"]*(SELECT [^"]* FROM|INSERT INTO|DELETE FROM|UPDATE [a-z_]+ SET|CREATE TABLE|PRAGMA )'
rule "the UI and the CLI build no SQL" \
	"$(grep -nE "$sql" "$top_srcdir"/src/ui/*.c "$top_srcdir"/src/cli/*.c "$top_srcdir"/src/main.c)"
done_testing
