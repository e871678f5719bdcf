# tuilib.sh — drive the full-screen application in a detached tmux session and
# report in TAP. Sourced by the tests in tests/tui/.
#
#   tui_init                      temp dir ($TUI_TMP), database ($TUI_DB), tmux socket
#   tui_start W H [ENV...] [-- ARGS...]   start $EMPIRIE --db $TUI_DB ARGS in a W×H session
#   tui_keys KEY...               tmux send-keys (key names: Enter, F2, C-x, Escape...)
#   tui_type TEXT                 send TEXT literally (UTF-8)
#   tui_wait TEXT [SECONDS]       wait until the screen contains TEXT (default 5 s)
#   tui_wait_gone TEXT [SECONDS]  wait until it does not
#   tui_screen                    print the screen
#   tui_resize W H
#   tui_running                   true while the program runs
#   ok_if DESC CMD...             one TAP line from a command's status
#   tui_assert_has TEXT DESC / tui_assert_lacks TEXT DESC (after waiting up to 5 s)
#   tui_skip DESC REASON          a skipped TAP line
#   tui_done                      print the plan; exit status 0/1

: "${EMPIRIE:?EMPIRIE must name the program to test}"
# The tests' own commands (the CLI reading back what a screen stored) speak UTF-8 whatever
# the locale make check runs in (a fresh system's `env -i`: C, where the CLI writes
# Polish letters as ASCII); the program in the pane gets its own locale from tui_start.
export LC_ALL=C.UTF-8 LANG=C.UTF-8
TUI_N=0
TUI_FAILED=0
TUI_SOCK="empirie-test-$$"
TUI_SESSION=t0

tui_tmux() {
	tmux -L "$TUI_SOCK" -f /dev/null "$@"
}

tui_cleanup() {
	tmux -L "$TUI_SOCK" kill-server >/dev/null 2>&1
	[ -n "$TUI_TMP" ] && rm -rf "$TUI_TMP"
}

tui_init() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "1..0 # SKIP tmux is not installed"
		exit 0
	fi
	TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/empirie-tui.XXXXXX") || exit 1
	TUI_DB="$TUI_TMP/test.db"
	trap tui_cleanup EXIT
	trap 'exit 1' INT TERM HUP
	# Create the database without a terminal, so the TUI starts on a ready store.
	"$EMPIRIE" --db "$TUI_DB" init >/dev/null 2>&1 || "$EMPIRIE" --db "$TUI_DB" list networks >/dev/null 2>&1
}

# tui_start W H [VAR=VALUE...] [-- ARGS...]
tui_start() {
	w=$1 h=$2
	shift 2
	# Never the personal settings of whoever runs the tests (a test may pass its own).
	envs="LANG=C.UTF-8 LC_ALL= TERM=${TUI_TERM:-xterm-256color} XDG_CONFIG_HOME=$TUI_TMP/config"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "$1" = "--" ] && shift
	args=""
	for a in "$@"; do args="$args '$a'"; done
	tui_stop
	# A new session each time (a server that is just going away refuses new ones).
	TUI_RUN=$((${TUI_RUN:-0} + 1))
	TUI_SESSION="t$TUI_RUN"
	tries=0
	until tui_tmux new-session -d -s "$TUI_SESSION" -x "$w" -y "$h" \
		"env $envs '$EMPIRIE' --db '$TUI_DB' $args; echo EMPIRIE-EXITED-\$?; sleep 30" \
		2>/dev/null; do
		tries=$((tries + 1))
		[ "$tries" -gt 40 ] && { echo "# cannot start tmux"; return 1; }
		sleep 0.05
	done
	tui_tmux set-option -g status off >/dev/null 2>&1
	tui_tmux resize-window -t "$TUI_SESSION" -x "$w" -y "$h" >/dev/null 2>&1
}

# End the running session (the program gets SIGHUP, as on a dropped connection) and
# wait until the program has gone.
tui_stop() {
	[ -n "${TUI_RUN:-}" ] || return 0
	pid=$(tui_tmux display-message -p -t "$TUI_SESSION" '#{pane_pid}' 2>/dev/null)
	tui_tmux kill-session -t "$TUI_SESSION" >/dev/null 2>&1
	tries=0
	while [ -n "$pid" ] && [ -n "$(ps -o pid= --ppid "$pid" 2>/dev/null)$(ps -o pid= -p "$pid" 2>/dev/null)" ] && [ "$tries" -lt 100 ]; do
		sleep 0.05
		tries=$((tries + 1))
	done
}

tui_keys() {
	tui_tmux send-keys -t "$TUI_SESSION" "$@"
}

tui_type() {
	tui_tmux send-keys -t "$TUI_SESSION" -l "$1"
}

tui_screen() {
	tui_tmux capture-pane -p -t "$TUI_SESSION" 2>/dev/null
}

tui_resize() {
	tui_tmux resize-window -t "$TUI_SESSION" -x "$1" -y "$2" >/dev/null 2>&1
}

# Poll the screen (every 0.05 s) up to $2 seconds for $1.
tui_wait() {
	tries=$(( ${2:-5} * 20 ))
	while [ "$tries" -gt 0 ]; do
		tui_screen | grep -qF -- "$1" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# Poll until the first $2 lines of the screen hold $1 (up to $3 seconds): a card's
# title, where the same word also shows further down on the list it came from.
tui_wait_top() {
	tries=$(( ${3:-5} * 20 ))
	while [ "$tries" -gt 0 ]; do
		tui_screen | head -n "$2" | grep -qF -- "$1" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

tui_wait_gone() {
	tries=$(( ${2:-5} * 20 ))
	while [ "$tries" -gt 0 ]; do
		tui_screen | grep -qF -- "$1" || return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

tui_running() {
	! tui_screen | grep -q "EMPIRIE-EXITED-"
}

# Wait until the program has exited; print its exit status.
tui_exit_status() {
	tui_wait "EMPIRIE-EXITED-" "${1:-5}" || { echo "running"; return 1; }
	tui_screen | sed -n 's/.*EMPIRIE-EXITED-\([0-9]*\).*/\1/p' | head -n 1
}

ok_if() {
	desc=$1
	shift
	TUI_N=$((TUI_N + 1))
	if "$@"; then
		echo "ok $TUI_N - $desc"
	else
		echo "not ok $TUI_N - $desc"
		TUI_FAILED=$((TUI_FAILED + 1))
		echo "# screen:"
		tui_screen | sed 's/^/#   /'
	fi
}

# From the main screen, the card of the one good practice of Hrubieszów another town took
# up, through the library's "taken up" filter (uptake.sh, longtext.sh, crumbs.sh).
tui_open_taken_up_practice() {
	tui_wait "MIASTO CYFROWE" 10 || true
	tui_keys F8
	tui_wait "Good practices:" 5 || true
	tui_keys f
	tui_wait "Taken up: all" 5 || true
	tui_keys Down Down Down Down Enter
	tui_wait "by at least one other town" 5 || true
	tui_keys Down Enter
	tui_wait "Good practices: 1 of" 5 || true
	tui_keys Enter
	tui_wait "A good practice of Hrubieszów" 5 || true
}

tui_assert_has() {
	ok_if "$2" tui_wait "$1"
}

tui_assert_lacks() {
	ok_if "$2" tui_wait_gone "$1"
}

tui_skip() {
	TUI_N=$((TUI_N + 1))
	echo "ok $TUI_N # SKIP $1: $2"
}

tui_done() {
	echo "1..$TUI_N"
	[ "$TUI_FAILED" -eq 0 ]
}

# Whether a locale is installed (names compared without case and dashes).
tui_has_locale() {
	want=$(echo "$1" | tr 'A-Z' 'a-z' | tr -d '-')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | tr -d '-' | grep -qx "$want"
}
