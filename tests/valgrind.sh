#!/bin/sh
# valgrind.sh ARGS... — run empirie ($EMPIRIE_VALGRIND_BIN) under valgrind's memcheck
# for `make check-valgrind`: errors and definite leaks make the run exit 99 (so the check
# that ran it fails); the report goes to $VALGRIND_LOG_DIR (a folder of the user's own
# under /tmp: some tests run the program as another user) and, on error, to standard
# error.
bin=${EMPIRIE_VALGRIND_BIN:?run through make check-valgrind}
dir=${VALGRIND_LOG_DIR:-${TMPDIR:-/tmp}/empirie-valgrind-$(id -u)}
mkdir -p "$dir" 2>/dev/null || dir=${TMPDIR:-/tmp}
log="$dir/vg.$$.log"
valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --track-origins=yes --child-silent-after-fork=yes \
	--suppressions="$(dirname "$0")/valgrind.supp" --log-file="$log" "$bin" "$@"
rc=$?
if [ "$rc" -eq 99 ]; then
	cat "$log" >&2
fi
[ -s "$log" ] || rm -f "$log"
exit "$rc"
