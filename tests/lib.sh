# lib.sh — TAP helpers for the shell tests. Source it, call the checks, end with done_testing.
# Needs: $EMPIRIE (the binary), $top_builddir (set by make check).
: "${EMPIRIE:?run through make check (EMPIRIE not set)}"
: "${top_builddir:=.}"
t_n=0
t_failed=0
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/empirie-test.XXXXXX")
trap 'rm -rf "$T_DIR"' EXIT
export HOME="$T_DIR/home" XDG_DATA_HOME="$T_DIR/home/.local/share"
mkdir -p "$HOME"
export EMPIRIE_DB="$T_DIR/test.db"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR SSH_CONNECTION SSH_CLIENT SUDO_USER SUDO_UID

t_result() { # status description
	t_n=$((t_n + 1))
	if [ "$1" -eq 0 ]; then
		printf 'ok %d - %s\n' "$t_n" "$2"
	else
		printf 'not ok %d - %s\n' "$t_n" "$2"
		t_failed=$((t_failed + 1))
	fi
}
diag() { printf '# %s\n' "$*" | sed '2,$s/^/# /'; }
# ok DESC COMMAND... : passes when the command succeeds
ok() { d=$1; shift; if "$@" >"$T_DIR/out" 2>"$T_DIR/err"; then t_result 0 "$d"; else t_result 1 "$d"; diag "$(cat "$T_DIR/err")"; fi; }
# exit_is DESC CODE COMMAND... : the command's exit status; its output stays in $T_DIR/out, err
exit_is() {
	d=$1 want=$2; shift 2
	"$@" >"$T_DIR/out" 2>"$T_DIR/err"; got=$?
	[ "$got" -eq "$want" ]; r=$?
	t_result $r "$d"
	[ $r -eq 0 ] || diag "exit $got, want $want; stderr: $(cat "$T_DIR/err")"
}
is() { [ "$2" = "$3" ]; r=$?; t_result $r "$1"; [ $r -eq 0 ] || diag "got:  [$2]
want: [$3]"; }
like() { case "$2" in *"$3"*) t_result 0 "$1" ;; *) t_result 1 "$1"; diag "[$2] does not contain [$3]" ;; esac; }
unlike() { case "$2" in *"$3"*) t_result 1 "$1"; diag "[$2] contains [$3]" ;; *) t_result 0 "$1" ;; esac; }
skip() { t_n=$((t_n + 1)); printf 'ok %d # SKIP %s\n' "$t_n" "$1"; }
has_locale() { locale -a 2>/dev/null | sed 's/utf8/UTF-8/;s/iso88592/ISO-8859-2/' | grep -qix "$1"; }
done_testing() { printf '1..%d\n' "$t_n"; [ "$t_failed" -eq 0 ]; }
e() { "$EMPIRIE" "$@"; }

# nobody_ready: for the tests that act as the unprivileged user "nobody" (uid 65534).
# Sets as_nobody (a command prefix) and EMPIRIE_OTHER (the program nobody runs). A build
# tree inside a 0700 home directory (a clone in /root) is out of nobody's reach, so then
# the program and the test catalogue are copied into a world-readable directory under
# $T_DIR. Returns 1 with the reason in $nobody_why when the tests cannot act as nobody.
nobody_ready() {
	nobody_why=""
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	EMPIRIE_OTHER=$EMPIRIE
	if [ "$(id -u)" -ne 0 ]; then
		nobody_why="needs root to act as another Unix user"; return 1
	fi
	if ! command -v setpriv >/dev/null; then
		nobody_why="needs setpriv (util-linux) to act as another Unix user"; return 1
	fi
	chmod 711 "$T_DIR"
	# Through env, as the tests run it: setpriv itself may exec a file nobody could not
	# reach. And nobody must read the test catalogue too.
	if $as_nobody env "$EMPIRIE" --version >/dev/null 2>&1 &&
	   { [ -z "${EMPIRIE_LOCALEDIR:-}" ] || $as_nobody test -r "$EMPIRIE_LOCALEDIR/pl/LC_MESSAGES/empirie.mo"; }; then
		return 0
	fi
	mkdir -p "$T_DIR/for-nobody" && chmod 755 "$T_DIR/for-nobody" &&
		cp "$EMPIRIE" "$T_DIR/for-nobody/empirie" && chmod 755 "$T_DIR/for-nobody/empirie" || {
		nobody_why="cannot copy the program where nobody can run it"; return 1; }
	if [ -n "${EMPIRIE_LOCALEDIR:-}" ] && [ -d "$EMPIRIE_LOCALEDIR" ]; then
		cp -R "$EMPIRIE_LOCALEDIR" "$T_DIR/for-nobody/locale" && chmod -R a+rX "$T_DIR/for-nobody/locale" &&
			EMPIRIE_LOCALEDIR="$T_DIR/for-nobody/locale" && export EMPIRIE_LOCALEDIR
	fi
	EMPIRIE_OTHER="$T_DIR/for-nobody/empirie"
	$as_nobody env "$EMPIRIE_OTHER" --version >/dev/null 2>&1 && return 0
	nobody_why="the user nobody cannot run the program from $T_DIR/for-nobody (is ${TMPDIR:-/tmp} out of its reach?)"
	return 1
}
