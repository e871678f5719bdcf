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
