# sshlib.sh — a private sshd on 127.0.0.1 for the tests: its own host key, config and
# authorized_keys with forced commands, in the test's temporary directory. Logs in as
# the user running the tests (as root, sshd allows only forced commands).
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
# EMPIRIE_SSH_BIN: the program the SSH tests serve and check, when not this build's: .ci/run
# sets it to the Debian package's /usr/bin/empirie once the package is installed.
if [ -n "${EMPIRIE_SSH_BIN:-}" ]; then
	EMPIRIE=$EMPIRIE_SSH_BIN
	echo "# the program under test: $EMPIRIE"
fi
ssh_available() {
	[ -x "$SSHD" ] && command -v ssh >/dev/null && command -v ssh-keygen >/dev/null &&
		command -v tmux >/dev/null
}
# start_sshd: sets SSH_PORT, SSH_DIR; authorized_keys lines come from $SSH_DIR/authorized_keys.
# When SSHD_EXTRA names a file, its lines end the configuration (e.g. a Match block).
start_sshd() {
	SSH_DIR="$T_DIR/ssh"
	mkdir -p "$SSH_DIR"
	chmod 700 "$SSH_DIR"
	ssh-keygen -q -t ed25519 -N '' -f "$SSH_DIR/host_key" </dev/null
	[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd && chmod 755 /run/sshd
	SSH_PORT=$((20000 + $$ % 20000))
	cat > "$SSH_DIR/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $SSH_PORT
HostKey $SSH_DIR/host_key
PidFile $SSH_DIR/sshd.pid
AuthorizedKeysFile $SSH_DIR/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin forced-commands-only
PermitUserEnvironment no
AcceptEnv LANG LC_*
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
CONF
	[ -n "${SSHD_EXTRA:-}" ] && cat "$SSHD_EXTRA" >> "$SSH_DIR/sshd_config"
	: > "$SSH_DIR/authorized_keys"
	"$SSHD" -f "$SSH_DIR/sshd_config" -E "$SSH_DIR/sshd.log" || return 1
	i=0
	while [ ! -s "$SSH_DIR/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$SSH_DIR/sshd.pid" ]
}
stop_sshd() { [ -s "$SSH_DIR/sshd.pid" ] && kill "$(cat "$SSH_DIR/sshd.pid")" 2>/dev/null; }
# add_key NAME FORCED_COMMAND: a key pair for a person, with its authorized_keys line.
add_key() {
	ssh-keygen -q -t ed25519 -N '' -f "$SSH_DIR/key_$1" -C "$1" </dev/null
	cmd=$2
	# Under make check-valgrind the program is tests/valgrind.sh, which sshd starts with
	# an environment of its own: tell it where the real program is.
	[ -n "${EMPIRIE_VALGRIND_BIN:-}" ] &&
		cmd="env EMPIRIE_VALGRIND_BIN=$EMPIRIE_VALGRIND_BIN EMPIRIE_SANITIZED=1 $cmd"
	printf 'restrict,pty,command="%s" %s\n' "$cmd" "$(cat "$SSH_DIR/key_$1.pub")" >> "$SSH_DIR/authorized_keys"
}
# ssh_cmd NAME: the client command line for that person's key (-tt: a terminal), logging
# in as SSH_USER (default: the user running the tests).
ssh_cmd() {
	echo "ssh -tt -F /dev/null -i $SSH_DIR/key_$1 -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile=$SSH_DIR/known_hosts -o StrictHostKeyChecking=no -o LogLevel=ERROR -p $SSH_PORT ${SSH_USER:-$(id -un)}@127.0.0.1"
}
# ssh_session NAME [W H]: a new tmux session (tuilib.sh) whose only program is the ssh
# client logging in with NAME's key; "CONNECTION-CLOSED-rc=N" shows when it ends.
ssh_session() {
	tui_stop
	TUI_RUN=$((${TUI_RUN:-0} + 1))
	TUI_SESSION="t$TUI_RUN"
	tui_tmux new-session -d -s "$TUI_SESSION" -x "${2:-100}" -y "${3:-30}" \
		"env LANG=C.UTF-8 TERM=xterm-256color $(ssh_cmd "$1") -o SendEnv=LANG; echo CONNECTION-CLOSED-rc=\$?; sleep 30"
	tui_tmux set-option -g status off >/dev/null 2>&1
}
