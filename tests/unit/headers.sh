#!/bin/sh
# headers.sh — every header under src/ compiles on its own (issue 19): a file that
# includes just that header, twice (the include guard), builds with the project's flags
# and warnings as errors. A header that leans on what its includer happened to include
# first (size_t without <stddef.h>) breaks the first new file that includes it first.
# Each is also listed in Makefile.am (or the release tarball lacks it).
# Needs: HEADERS_CC and HEADERS_CFLAGS (set by make check from the build's own).
. "$top_srcdir/tests/lib.sh"

: "${HEADERS_CC:?run through make check (HEADERS_CC not set)}"
# The flags as make wrote them (-DLOCALEDIR=\"...\"): parsed again by the shell.
eval "set -- $HEADERS_CFLAGS"

headers=$(cd "$top_srcdir" && find src -name '*.h' | LC_ALL=C sort)
n=0
for h in $headers; do
	n=$((n + 1))
	c="$T_DIR/alone$n.c"
	printf '#include "%s"\n#include "%s"\n' "$top_srcdir/$h" "$top_srcdir/$h" >"$c"
	if "$HEADERS_CC" "$@" -Wall -Wextra -Werror -fsyntax-only "$c" >"$T_DIR/err" 2>&1; then
		t_result 0 "$h compiles on its own"
	else
		t_result 1 "$h compiles on its own"
		diag "$(head -n 8 "$T_DIR/err")"
	fi
done
# Each is listed in Makefile.am, so that `make dist` ships it: a header left out builds
# here and breaks the build from the tarball.
unlisted=
for h in $headers; do
	grep -qE "(^|[[:space:]=])$(printf '%s' "$h" | sed 's/\./\\./g')([[:space:]]|\$)" \
		"$top_srcdir/Makefile.am" || unlisted="$unlisted $h"
done
[ -z "$unlisted" ]; t_result $? "every header is listed in Makefile.am (make dist ships it)"
[ -z "$unlisted" ] || diag "not in Makefile.am:$unlisted"
# The list is not empty by accident (a wrong top_srcdir).
[ "$n" -gt 50 ]; t_result $? "the headers were found ($n)"
done_testing
