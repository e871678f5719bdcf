#!/bin/sh
# The README's SSH recipe, run as written against a real sshd: the blocks of README.md
# marked <!-- test:setup -->, <!-- test:accounts -->, <!-- test:keys --> and
# <!-- test:sshd --> are taken from the file itself, so the README and this test cannot
# drift apart. Only the places change (each test has its own directories under a
# temporary root and its own service account name, and the program is this build's,
# given the configuration's place with --config); the commands are the README's.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
. "${top_srcdir:-.}/tests/ssh/sshlib.sh"
if ! ssh_available; then
	echo "1..0 # SKIP sshd, ssh or tmux not installed (openssh-server, openssh-client)"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP the recipe creates a service account and root's keys file: run as root (CI does)"
	exit 0
fi
for tool in sudo adduser usermod userdel; do
	if ! command -v $tool >/dev/null; then
		echo "1..0 # SKIP $tool is not installed (packages sudo, adduser)"
		exit 0
	fi
done
tui_init
T_DIR=$TUI_TMP
chmod 755 "$T_DIR"
README="${top_srcdir:-.}/README.md"
# Under make check-valgrind the program is a wrapper that sudo's clean environment would
# not find its way through: the recipe runs the real program.
BIN=${EMPIRIE_VALGRIND_BIN:-$EMPIRIE}
# A build tree in a 0700 home directory is out of the service account's reach: the
# recipe runs a copy of the program from this world-readable directory (an installed
# program, EMPIRIE_SSH_BIN, runs where it is).
if [ -z "${EMPIRIE_SSH_BIN:-}" ]; then
	mkdir -p "$T_DIR/bin" && cp "$BIN" "$T_DIR/bin/empirie" && chmod 755 "$T_DIR/bin" "$T_DIR/bin/empirie" &&
		BIN="$T_DIR/bin/empirie"
fi
SVC="empt$$"
ROOT="$T_DIR/root"
CONF="$ROOT/usr/local/etc/empirie.conf"
mkdir -p "$ROOT/usr/local/etc" "$ROOT/srv" "$ROOT/etc" "$T_DIR/work"
cleanup() {
	stop_sshd
	tui_cleanup
	userdel "$SVC" >/dev/null 2>&1
	groupdel "$SVC" >/dev/null 2>&1
}
trap cleanup EXIT

# readme_block NAME: the indented lines after <!-- test:NAME --> (blank lines kept)
readme_block() {
	awk -v mark="<!-- test:$1 -->" '
		$0 == mark { on = 1; next }
		on && /^    / { print substr($0, 5); next }
		on && /^$/ { print; next }
		on { exit }' "$README"
}
# The README's places, mapped to this test's (placeholders first: the paths overlap).
places() {
	sed -e 's|/usr/local/bin/empirie|@BIN@|g' -e 's|/usr/local/etc/empirie.conf|@CONF@|g' \
	    -e 's|/srv/empirie|@SRV@|g' -e 's|/etc/empirie|@ETC@|g' \
	    -e ':a' -e 's/\(^\|[ ]\)empirie\([ ]\|$\)/\1@SVC@\2/' -e 'ta' |
	sed -e "s|@BIN@|$BIN --config $CONF|g" -e "s|@CONF@|$CONF|g" \
	    -e "s|@SRV@|$ROOT/srv/empirie|g" -e "s|@ETC@|$ROOT/etc/empirie|g" -e "s|@SVC@|$SVC|g"
}
# run_block NAME: run the block in $T_DIR/work; its output in $T_DIR/NAME.out
run_block() {
	readme_block "$1" | places > "$T_DIR/$1.sh"
	(cd "$T_DIR/work" && sh -e "$T_DIR/$1.sh") > "$T_DIR/$1.out" 2>&1
}
for b in setup accounts keys sshd; do
	ok_if "README.md has the block test:$b" test -n "$(readme_block $b | grep -v '^$')"
done
# The recipe runs /usr/local/bin/empirie: the README must say how it gets there.
ok_if "README.md installs the program before the recipe uses /usr/local/bin/empirie" \
	sh -c "awk '/^## Running it for many people over SSH/ { on = 1 } /<!-- test:setup -->/ { exit } on' '$README' | grep -q 'make install'"
ok_if "setup runs as written (service account, directories, configuration, init)" run_block setup
[ -s "$T_DIR/setup.out" ] && sed 's/^/# setup: /' "$T_DIR/setup.out"
DB="$ROOT/srv/empirie/data/empirie.db"
ok_if "the database belongs to the service account" test "$(stat -c %U "$DB" 2>/dev/null)" = "$SVC"
ok_if "the configuration says restricted = yes" grep -q '^restricted = yes' "$CONF"
ok_if "the configuration is root's and not writable by others" test "$(stat -c '%U %a' "$CONF")" = "root 644"
ok_if "the service account is not locked (sshd without PAM would refuse it)" \
	sh -c "! getent shadow '$SVC' | cut -d: -f2 | grep -q '^!'"
ok_if "accounts: the administrator's commands run with restricted configuration in place" run_block accounts
[ -s "$T_DIR/accounts.out" ] && sed 's/^/# accounts: /' "$T_DIR/accounts.out"
ok_if "anna is a leader now" grep -q "$(printf 'anna\tAnna Nowak\tleader')" "$T_DIR/accounts.out"
ok_if "the audit names the Unix login ($SVC) beside the account, and who ran sudo (root)" \
	sh -c "grep 'set-role' '$T_DIR/accounts.out' | grep -q '$SVC (sudo: root)\$'"

# anna's key, in the README's file name
ssh-keygen -q -t ed25519 -N '' -C anna@zabrze -f "$T_DIR/key_anna" </dev/null
cp "$T_DIR/key_anna.pub" "$T_DIR/work/anna.pub"
ok_if "keys: root adds anna's key as written" run_block keys
[ -s "$T_DIR/keys.out" ] && sed 's/^/# keys: /' "$T_DIR/keys.out"
KEYS="$ROOT/etc/empirie/authorized_keys"
ok_if "the keys file is root's, 0644, in a root-owned directory" \
	test "$(stat -c '%U %a' "$KEYS" "$ROOT/etc/empirie" | tr '\n' ' ')" = "root 644 root 755 "
ok_if "its line forces the application by full path, as anna" \
	grep -q "^restrict,pty,command=\"/[^ ]*empirie --config $CONF --restricted --as anna\" ssh-ed25519 " "$KEYS"
ok_if "the service account cannot write the keys file" sudo -u "$SVC" sh -c "! test -w '$KEYS' && ! test -w '$ROOT/etc/empirie'"

# sshd with the README's lines, at the end of the test's own configuration
readme_block sshd | places > "$T_DIR/sshd_extra"
SSHD_EXTRA="$T_DIR/sshd_extra"
if ! start_sshd; then
	ok_if "sshd accepts the README's configuration" false
	sed 's/^/# /' "$T_DIR/ssh/sshd.log"
	tui_done
	exit
fi
mv "$T_DIR/key_anna" "$T_DIR/key_anna.pub" "$SSH_DIR/"
SSH_USER=$SVC
ssh_login() {
	tui_stop
	TUI_RUN=$((${TUI_RUN:-0} + 1))
	TUI_SESSION="t$TUI_RUN"
	tui_tmux new-session -d -s "$TUI_SESSION" -x 80 -y 24 \
		"env LANG=C.UTF-8 TERM=xterm-256color $(ssh_cmd "$1") -o SendEnv=LANG; echo CONNECTION-CLOSED-rc=\$?; sleep 30"
	tui_tmux set-option -g status off >/dev/null 2>&1
}
ssh_login anna
tui_assert_has "Anna Nowak (leader)" "anna logs in with her key and lands in the application as herself"
tui_assert_has "LEADERSHIP" "a leader sees the leaders' network"
tui_keys q
tui_assert_has "CONNECTION-CLOSED-rc=0" "q quits and the connection closes"

# The whole-account ForceCommand of the old README, as a key line without --as: a guest.
ssh-keygen -q -t ed25519 -N '' -C old -f "$SSH_DIR/key_old" </dev/null
printf 'restrict,pty,command="%s --config %s --restricted" %s\n' "$(readlink -f "$BIN")" "$CONF" \
	"$(cat "$SSH_DIR/key_old.pub")" >> "$KEYS"
ssh_login old
tui_assert_has "(guest)" "a forced command without --as lands as a guest"
tui_assert_lacks "(administrator)" "never as the Unix login's account, which made the database"
tui_assert_lacks "LEADERSHIP" "and without the leaders' network"
tui_keys F10
tui_assert_has "CONNECTION-CLOSED-rc=0" "F10 quits"
ok_if "sshd read the keys from the README's file" grep -q "$KEYS" "$SSH_DIR/sshd.log"
tui_done
