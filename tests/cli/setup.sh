#!/bin/sh
# The README's first command, ./setup: updates the package lists before installing,
# uses sudo only when not root (a fresh Debian server has no sudo), says what to do
# when neither; generates the Polish locales and builds. Run here with stand-ins for
# id, sudo, apt-get, locale-gen and the build, which log what they were asked. The
# package lists of setup, .ci/run and the README agree.
. "$top_srcdir/tests/lib.sh"
pkgs() { # FILE: the words of its PACKAGES="..." assignment, sorted
	sed -n '/^PACKAGES="/,/"/p' "$1" | sed 's/PACKAGES="//; s/"//' | tr -s ' \t' '\n\n' | sed '/^$/d' | sort
}
is "setup and .ci/run install the same packages" "$(pkgs "$top_srcdir/setup")" "$(pkgs "$top_srcdir/.ci/run")"
readme=$(grep -o 'apt-get install -y [a-z0-9 .+-]*' "$top_srcdir/README.md" | head -n 1 | sed 's/apt-get install -y //' | tr ' ' '\n' | sed '/^$/d' | sort)
is "and the README lists them" "$readme" "$(pkgs "$top_srcdir/setup")"
like "the README's quick start runs ./setup" "$(cat "$top_srcdir/README.md")" "./setup && LANG=pl_PL.UTF-8 ./empirie"

# A copy of setup with stand-in tools and a stand-in build.
w="$T_DIR/w"; mkdir -p "$w/tree" "$w/bin"
cp "$top_srcdir/setup" "$w/tree/setup"
for f in bootstrap configure; do printf '#!/bin/sh\necho %s >> "%s/log"\n' "$f" "$w" > "$w/tree/$f"; chmod 755 "$w/tree/$f"; done
stub() { printf '#!/bin/sh\necho "%s $*" >> "%s/log"\n%s\n' "$1" "$w" "${2:-}" > "$w/bin/$1"; chmod 755 "$w/bin/$1"; }
stub apt-get; stub locale-gen; stub make
# The few real tools setup uses, and nothing else from this machine (it may have sudo).
mkdir -p "$w/tools"
for t in sh dirname grep sed tee env cat; do ln -s "$(command -v "$t")" "$w/tools/$t"; done
stub sudo '"$@"'
run_setup() { # UID [with-sudo|no-sudo]
	rm -f "$w/log"
	printf '#!/bin/sh\n[ "$1" = -u ] && echo %s || exec /usr/bin/id "$@"\n' "$1" > "$w/bin/id"; chmod 755 "$w/bin/id"
	[ "$2" = no-sudo ] && mv "$w/bin/sudo" "$w/bin/nosudo"
	# /etc/locale.gen is only read: the Polish locales are listed there already (checked
	# before each run as root; as a user every change goes through the stand-in sudo).
	PATH="$w/bin:$w/tools" sh "$w/tree/setup" >"$T_DIR/out" 2>"$T_DIR/err"; r=$?
	[ "$2" = no-sudo ] && mv "$w/bin/nosudo" "$w/bin/sudo"
	return $r
}
if [ "$(id -u)" -eq 0 ] && grep -q '^pl_PL.UTF-8 UTF-8$' /etc/locale.gen 2>/dev/null && grep -q '^pl_PL ISO-8859-2$' /etc/locale.gen; then
	run_setup 0 no-sudo; rc=$?
	is "as root without sudo: setup succeeds" "$rc" 0
	is "updating first, installing, generating the locales, building" \
		"$(sed 's/ .*//' "$w/log" | tr '\n' ' ')" "apt-get apt-get locale-gen bootstrap configure make "
	like "apt-get update comes first" "$(head -n 1 "$w/log")" "apt-get update"
	like "then the packages" "$(sed -n 2p "$w/log")" "apt-get install -y build-essential"
	is "no sudo as root" "$(grep -c "^sudo" "$w/log")" 0
else
	for i in 1 2 3 4 5; do skip "needs root with the Polish locales listed in /etc/locale.gen (setup would change it)"; done
fi
stub sudo 'echo "sudo-ran $*" >> '"$w"'/log; exit 0'
run_setup 1000 with-sudo
like "as a user: apt-get through sudo" "$(cat "$w/log")" "sudo-ran apt-get update"
like "for the install too" "$(cat "$w/log")" "sudo-ran env DEBIAN_FRONTEND=noninteractive apt-get install -y"
like "and locale-gen" "$(cat "$w/log")" "sudo-ran locale-gen"
run_setup 1000 no-sudo; rc=$?
is "as a user without sudo: setup stops" "$rc" 1
like "saying to run it as root or install sudo" "$(cat "$T_DIR/err")" "run this as root, or install sudo"
[ ! -s "$w/log" ]; t_result $? "before doing anything"
done_testing
