#!/bin/sh
# The installed Debian package (debian/; .ci/run builds it, installs it and runs this as
# root): the service account and its 0700 data directory, /etc/empirie.conf as a
# conffile, the manual pages, the Polish messages and the bash completion where
# bash-completion loads them; then the package's own configuration served over a real
# sshd: an account and its key added with the installed program, a login as the service
# account lands in the application as that person. It changes the system it runs on (an
# account "pkgtest" and its key, revoked at the end; the database /var/lib/empirie/
# empirie.db made if missing): it skips unless the package is installed and it is root.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
. "${top_srcdir:-.}/tests/ssh/sshlib.sh"
if ! dpkg-query -W -f='${Status}' empirie 2>/dev/null | grep -q 'install ok installed'; then
	echo "1..0 # SKIP the empirie package is not installed (.ci/run builds and installs it)"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP needs root (it uses the service account and root's keys file)"
	exit 0
fi
BIN=/usr/bin/empirie
EMPIRIE=$BIN
tui_init
T_DIR=$TUI_TMP
chmod 755 "$T_DIR"
version=$(sed -n 's/^AC_INIT(\[empirie\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")
ok_if "the package's version is configure.ac's ($version)" \
	test "$(dpkg-query -W -f='${Version}' empirie)" = "$version"
ok_if "/usr/bin/empirie --version says it" sh -c "'$BIN' --version | grep -qx 'empirie $version'"

# Idle sessions sleep on inotify, one instance each, all as the one service account.
ok_if "the package raises fs.inotify.max_user_instances (/usr/lib/sysctl.d/60-empirie.conf)" \
	grep -qx 'fs.inotify.max_user_instances = 8192' /usr/lib/sysctl.d/60-empirie.conf
now=$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)
if [ "$now" -ge 8192 ]; then
	ok_if "and it is in effect ($now)" true
elif ! sh -c "echo $now > /proc/sys/fs/inotify/max_user_instances" 2>/dev/null; then
	tui_skip "the limit in effect" "this system does not let even root set it (a container): $now"
else
	ok_if "and it is in effect ($now)" false
fi

# The service account and its data directory.
pw=$(getent passwd empirie)
ok_if "the empirie account exists" test -n "$pw"
ok_if "a system account (uid below 1000)" test "$(echo "$pw" | cut -d: -f3)" -lt 1000
ok_if "home /var/lib/empirie, shell /bin/sh (sshd runs the forced command through it)" \
	test "$(echo "$pw" | cut -d: -f6,7)" = "/var/lib/empirie:/bin/sh"
ok_if "not locked (an sshd without PAM would refuse it)" \
	sh -c "! getent shadow empirie | cut -d: -f2 | grep -q '^!'"
ok_if "/var/lib/empirie is the account's, 0700" \
	test "$(stat -c '%U %G %a' /var/lib/empirie)" = "empirie empirie 700"

# Files.
ok_if "/etc/empirie.conf is a conffile" \
	sh -c "dpkg-query -W -f='\${Conffiles}' empirie | grep -q '^ */etc/empirie.conf '"
ok_if "root's, 0644" test "$(stat -c '%U %a' /etc/empirie.conf)" = "root 644"
ok_if "it names the database in /var/lib/empirie" grep -qx 'database = /var/lib/empirie/empirie.db' /etc/empirie.conf
ok_if "/etc/empirie (the keys file's directory) is root's, 0755" \
	test "$(stat -c '%U %a' /etc/empirie)" = "root 755"
ok_if "the English manual page" test -f /usr/share/man/man1/empirie.1.gz
ok_if "the Polish manual page" sh -c "zcat /usr/share/man/pl/man1/empirie.1.gz | grep -q 'SKŁADNIA'"
ok_if "the Polish messages" test -f /usr/share/locale/pl/LC_MESSAGES/empirie.mo
if tui_has_locale pl_PL.UTF-8; then
	ok_if "empirie speaks Polish under LANG=pl_PL.UTF-8" \
		sh -c "LANG=pl_PL.UTF-8 LANGUAGE= LC_ALL= '$BIN' --help | grep -q '^Użycie: empirie'"
else
	tui_skip "empirie speaks Polish" "the pl_PL.UTF-8 locale is not generated"
fi
ok_if "the bash completion" test -f /usr/share/bash-completion/completions/empirie
if [ -f /usr/share/bash-completion/bash_completion ]; then
	out=$(cd "$T_DIR" && bash --norc --noprofile -i -c '. /usr/share/bash-completion/bash_completion
		_completion_loader empirie; complete -p empirie
		COMP_WORDS=(empirie li); COMP_CWORD=1; COMP_LINE="empirie li"; COMP_POINT=10
		_empirie empirie li empirie; echo "reply: ${COMPREPLY[*]}"' 2>/dev/null)
	ok_if "bash-completion loads it on demand" sh -c "printf '%s' '$out' | grep -q 'complete -F _empirie empirie'"
	ok_if "and it completes (li → list)" sh -c "printf '%s' '$out' | grep -qx 'reply: list'"
else
	tui_skip "bash-completion loads it" "bash-completion is not installed"
	tui_skip "and it completes" "bash-completion is not installed"
fi

# The package's configuration, served: the database made by the service account, an
# account and its key added by the installed program, and a login over a real sshd.
DB=/var/lib/empirie/empirie.db
[ -f "$DB" ] || sudo -u empirie "$BIN" init >"$T_DIR/init.out" 2>&1
ok_if "sudo -u empirie empirie init: the database in /var/lib/empirie, the account's, 0600" \
	test "$(stat -c '%U %a' "$DB" 2>/dev/null)" = "empirie 600"
LOGIN=pkgtest
sudo -u empirie "$BIN" admin accounts 2>/dev/null | grep -q "^$LOGIN	" ||
	sudo -u empirie "$BIN" admin add-account "$LOGIN" --name "Paweł Pakietowy" --role member --city Zabrze >"$T_DIR/add.out" 2>&1
ok_if "sudo -u empirie empirie admin add-account" sh -c "sudo -u empirie '$BIN' admin accounts | grep -q '^$LOGIN	'"
ssh-keygen -q -t ed25519 -N '' -C "$LOGIN" -f "$T_DIR/key_$LOGIN" </dev/null
"$BIN" admin revoke-key "$LOGIN" >/dev/null 2>&1
ok_if "empirie admin add-key (as root) writes /etc/empirie/authorized_keys" \
	"$BIN" admin add-key "$LOGIN" "$T_DIR/key_$LOGIN.pub"
ok_if "its line forces /usr/bin/empirie --restricted --as $LOGIN" \
	grep -q "^restrict,pty,command=\"/usr/bin/empirie --restricted --as $LOGIN\" ssh-ed25519 " /etc/empirie/authorized_keys
if ssh_available; then
	printf 'AllowUsers empirie\nMatch User empirie\n    AuthorizedKeysFile /etc/empirie/authorized_keys\n    PermitTTY yes\n' > "$T_DIR/sshd_extra"
	SSHD_EXTRA="$T_DIR/sshd_extra"
	if start_sshd; then
		trap 'stop_sshd; "$BIN" admin revoke-key "$LOGIN" >/dev/null 2>&1; tui_cleanup' EXIT
		mv "$T_DIR/key_$LOGIN" "$T_DIR/key_$LOGIN.pub" "$SSH_DIR/"
		SSH_USER=empirie
		ssh_session "$LOGIN" 80 24
		tui_assert_has "Paweł Pakietowy (member)" "ssh empirie@: the key lands in the application as $LOGIN"
		tui_keys q
		tui_assert_has "CONNECTION-CLOSED-rc=0" "q quits and the connection closes"
	else
		tui_skip "ssh login as the service account" "sshd did not start: $(tail -n 1 "$T_DIR/ssh/sshd.log" 2>/dev/null)"
	fi
else
	tui_skip "ssh login as the service account" "sshd, ssh or tmux not installed"
fi
"$BIN" admin revoke-key "$LOGIN" >/dev/null 2>&1
tui_done
