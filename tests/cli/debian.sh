#!/bin/sh
# The Debian package's sources agree with the rest of the tree: its version is
# configure.ac's, its build dependencies are among the packages ./setup and CI install,
# and the /etc/empirie.conf it installs is read by the program without a complaint and
# names what the README's SSH recipe needs. (.ci/run builds, lintians and installs it.)
. "$top_srcdir/tests/lib.sh"
d="$top_srcdir/debian"
[ -f "$d/control" ] && [ -f "$d/changelog" ] && [ -f "$d/copyright" ] && [ -x "$d/rules" ]
t_result $? "debian/ has control, changelog, copyright and an executable rules"
version=$(sed -n 's/^AC_INIT(\[empirie\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")
is "debian/changelog's version is configure.ac's" \
	"$(sed -n '1s/^empirie (\([^)]*\)).*/\1/p' "$d/changelog")" "$version"
pkgs=$(sed -n '/^PACKAGES="/,/"/p' "$top_srcdir/.ci/run" | sed 's/PACKAGES="//; s/"//' | tr -s ' \t' '\n\n')
missing=""
for b in $(sed -n '/^Build-Depends:/,/^[A-Z]/p' "$d/control" | sed 's/^Build-Depends://; /^[A-Z]/d' |
		tr ',' '\n' | sed 's/(.*//; s/^[ \t]*//; s/[ \t]*$//' | sed '/^$/d; /^debhelper-compat$/d'); do
	printf '%s\n' "$pkgs" | grep -qx "$b" || missing="$missing $b"
done
is "every build dependency is in .ci/run's PACKAGES (and so ./setup's and the README's)" "$missing" ""
like "the copyright's licence is COPYING's (GPL 3 or later)" "$(grep '^License:' "$d/copyright" | head -n 1)" "GPL-3+"
head -n 2 "$top_srcdir/COPYING" | grep -q 'GNU GENERAL PUBLIC LICENSE'; t_result $? "(COPYING is the GPL)"
# The conffile, read by the program (--db keeps the test's own database).
e --config "$d/empirie.conf" --db "$T_DIR/x.db" init >"$T_DIR/out" 2>"$T_DIR/err"; rc=$?
is "the program reads debian/empirie.conf" "$rc" 0
is "without a warning" "$(grep -v '^Created ' "$T_DIR/err")" ""
for kv in "database = /var/lib/empirie/empirie.db" "restricted = yes" "trust_as = yes" \
	"authorized_keys = /etc/empirie/authorized_keys"; do
	grep -qx "$kv" "$d/empirie.conf"; t_result $? "it says $kv"
done
grep -q 'adduser --system' "$d/empirie.postinst" && grep -q "usermod -p '\*' empirie" "$d/empirie.postinst"
t_result $? "postinst makes the system account, not locked (README: sshd without PAM)"
grep -q 'install -d -o empirie -g empirie -m 0700 /var/lib/empirie' "$d/empirie.postinst" && grep -q 'chmod 0700 /var/lib/empirie' "$d/empirie.postinst"
t_result $? "and /var/lib/empirie, 0700, the account's"
done_testing
