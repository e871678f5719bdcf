#!/bin/sh
# Hygiene (issue 19): no function in src/ over 100 lines, no file in src/ over 1,000
# lines. A function is counted from its body's opening '{' at column 0 to its closing '}'
# at column 0, both lines included; initialiser tables (their '{' ends a line, never
# stands alone at column 0) are not functions. The offenders are named with their
# lengths. src/core/bundled_data.c is generated (nodist) and not counted.
. "$top_srcdir/tests/lib.sh"
FUNC_MAX=100 FILE_MAX=1000

# long_functions FILE...: "file: name N" for each function over FUNC_MAX lines. The name
# is the word before the first '(' of the last line at column 0 that has one (the
# signature's first line; its parameters may go on below).
long_functions() {
	awk -v max="$FUNC_MAX" '
		FNR == 1 { start = 0; name = "" }
		/^[A-Za-z_]/ && /\(/ && !start { s = $0; sub(/\(.*/, "", s); n = split(s, w, /[ *]+/); name = w[n] }
		/^\{/ { start = FNR }
		/^\}/ && start { len = FNR - start + 1; if (len > max) print FILENAME ": " name " " len; start = 0 }
	' "$@"
}
long_files() {
	for f in "$@"; do
		n=$(wc -l <"$f")
		[ "$n" -gt "$FILE_MAX" ] && echo "$f: $n lines"
	done
	return 0
}

# The checks must see what they look for: a function of 101 lines and a file of 1,001
# made here are named.
{
	echo "static int too_long(int a,"
	echo "                    int b)"
	echo "{"
	i=0; while [ $i -lt 99 ]; do echo "	a++;"; i=$((i + 1)); done
	echo "}"
	echo "static const int table[] = {"
	i=0; while [ $i -lt 200 ]; do echo "	$i,"; i=$((i + 1)); done
	echo "};"
	echo "int short_one(void)"
	echo "{"
	echo "	return 0;"
	echo "}"
} >"$T_DIR/probe.c"
is "a function of 101 lines is named, a long table and a short function are not" \
	"$(long_functions "$T_DIR/probe.c")" "$T_DIR/probe.c: too_long 101"
i=0; while [ $i -lt 1001 ]; do echo "x"; i=$((i + 1)); done >"$T_DIR/big.c"
is "a file of 1,001 lines is named" "$(long_files "$T_DIR/big.c")" "$T_DIR/big.c: 1001 lines"

cd "$top_srcdir" || exit 1
files=$(find src -type f \( -name '*.c' -o -name '*.h' -o -name '*.cc' \) ! -name bundled_data.c | sort)
n=$(printf '%s\n' "$files" | grep -c .)
[ "$n" -gt 100 ]; t_result $? "the sources are found ($n files)"

funcs=$(long_functions $files)
is "no function in src/ is over $FUNC_MAX lines" "$funcs" ""
big=$(long_files $files)
is "no file in src/ is over $FILE_MAX lines" "$big" ""
done_testing
