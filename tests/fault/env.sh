#!/bin/sh
# env.sh — a hostile environment: a data directory that is missing and cannot be
# created, or read-only (0555); a broken terminal (unknown TERM, no terminfo at all,
# standard input or output not a terminal). Each gives a clear message naming what is
# wrong, a non-zero exit status, no terminal garbage, and creates nothing.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
n=0
# As root, the unprivileged user "nobody" (root may write anywhere).
as="" prog=$EMPIRIE
if [ "$(id -u)" -eq 0 ]; then
	if nobody_ready; then
		as=$as_nobody prog=$EMPIRIE_OTHER
		chmod 755 "$T_DIR" "$HOME"
	else
		as=none
	fi
fi
if [ "$as" = none ]; then
	skip "as root every directory is writable, and another user cannot be used: $nobody_why"
else
	mkdir -p "$T_DIR/ro"
	chmod 0555 "$T_DIR/ro"
	exit_is "XDG_DATA_HOME in a folder that cannot be written" 1 env -u EMPIRIE_DB XDG_DATA_HOME="$T_DIR/ro/data" $as "$prog" list networks
	like "names the directory and the reason" "$(cat "$T_DIR/err")" "$T_DIR/ro/data: cannot create the directory"
	n=$((n + 1))
	chmod 0755 "$T_DIR/ro"
	mkdir -p "$T_DIR/ro/empirie"
	chmod 0555 "$T_DIR/ro/empirie" "$T_DIR/ro"
	exit_is "a read-only (0555) data directory without a database" 1 env -u EMPIRIE_DB XDG_DATA_HOME="$T_DIR/ro" $as "$prog" list networks
	like "names the file" "$(cat "$T_DIR/err")" "$T_DIR/ro/empirie/empirie.db"
	n=$((n + 1))
	[ ! -e "$T_DIR/ro/empirie/empirie.db" ]
	t_result $? "and creates nothing"
	if has_locale pl_PL.UTF-8; then
		exit_is "in Polish" 1 env -u EMPIRIE_DB XDG_DATA_HOME="$T_DIR/ro/data" LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 $as "$prog" list networks
		like "translated" "$(cat "$T_DIR/err")" "nie można utworzyć katalogu"
	else
		skip "locale pl_PL.UTF-8 is not installed"
	fi
fi
exit_is "XDG_DATA_HOME under a file (not a directory)" 1 env -u EMPIRIE_DB XDG_DATA_HOME="$EMPIRIE_DB/x" "$EMPIRIE" list networks
like "names it" "$(cat "$T_DIR/err")" "cannot create the directory"
n=$((n + 1))

# A broken terminal. The application needs one: clear words, exit 1, nothing else.
tty_run() { # ENV... : run the application in a pty (script), its output in $T_DIR/out
	env "$@" script -qec "'$EMPIRIE'" /dev/null </dev/null >"$T_DIR/out" 2>&1
}
if command -v script >/dev/null; then
	tty_run TERM=nonexistent; rc=$?
	is "TERM=nonexistent: exit 1" "$rc" 1
	like "says it cannot use the terminal type, naming it" "$(cat "$T_DIR/out")" "cannot use the terminal type 'nonexistent'"
	unlike "no escape sequences" "$(cat "$T_DIR/out")" "$(printf '\033')"
	n=$((n + 1))
	tty_run TERMINFO=/nonexistent TERMINFO_DIRS= TERM=xterm-unknown; rc=$?
	is "no terminfo at all: exit 1" "$rc" 1
	like "says so" "$(cat "$T_DIR/out")" "cannot use the terminal type 'xterm-unknown'"
	unlike "no escape sequences" "$(cat "$T_DIR/out")" "$(printf '\033')"
	n=$((n + 1))
	tty_run -u TERM; rc=$?
	is "TERM unset: exit 1" "$rc" 1
	like "says so" "$(cat "$T_DIR/out")" "cannot use the terminal type"
	n=$((n + 1))
else
	skip "script (util-linux) is not installed: no pty"
fi
exit_is "standard input and output not a terminal" 1 env TERM=xterm "$EMPIRIE"
like "says the application needs a terminal" "$(cat "$T_DIR/err")" "needs a terminal"
is "nothing on standard output" "$(cat "$T_DIR/out")" ""
n=$((n + 1))
exit_is "only standard output redirected" 1 sh -c 'script -qec "\"$EMPIRIE\" >/dev/null" /dev/null </dev/null >/dev/null 2>&1'
n=$((n + 1))
exit_is "and the database is untouched" 0 e check
diag "figure: hostile environment: $n cases, each a clear message and exit 1"
done_testing
