#!/bin/bash
# debootstrap.sh — the README's two commands, literally, on a fresh minimal Debian 12
# (debootstrap --variant=minbase bookworm): as root, in /root (mode 0700), the first,
#   ./setup && LANG=pl_PL.UTF-8 ./empirie
# must install, generate the locales, build and bring the application up in Polish; the
# second, make check, must pass. Prints TAP. Needs root, debootstrap, mount and the
# network; without them it says why and skips. .ci/run runs it when CI=true.
# FRESH_SKIP_CHECK=1 leaves out the make check run (a quicker try by hand).
set -u
trap '' PIPE # the keys go to a terminal session that may have ended already
src=$(cd "$(dirname "$0")/../.." && pwd)
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip_all "needs root (debootstrap, chroot, mount)"
command -v debootstrap >/dev/null || skip_all "debootstrap is not installed (apt-get install debootstrap)"
command -v chroot >/dev/null || skip_all "chroot is missing"

# The mirror this machine uses (the first Debian URI in its apt sources), else Debian's.
mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\/\{0,1\}\)$/\1/p; s/^deb \[\{0,1\}[^]]*\]\{0,1\} *\(http[^ ]*\/debian\/\{0,1\}\) bookworm .*/\1/p' \
	/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
: "${mirror:=http://deb.debian.org/debian}"

work=$(mktemp -d "${TMPDIR:-/var/tmp}/empirie-fresh.XXXXXX") || exit 1
root="$work/chroot"
mounted=""
cleanup() {
	for m in $mounted; do umount -l "$m" 2>/dev/null; done
	[ -n "${keep:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
n=0
result() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
tail_log() { sed 's/^/# /' "$1" | tail -n "${2:-30}"; }

# The tree is copied first: debootstrap takes minutes, and the tree may change meanwhile.
mkdir -p "$work/empirie"
(cd "$src" && tar -cf - --exclude=./_ci --exclude=./_ci_asan --exclude='./_b*' --exclude=./.git \
	--exclude=./autom4te.cache --exclude=./empirie --exclude=./locale .) | tar -C "$work/empirie" -xf -
echo "# debootstrap --variant=minbase bookworm from $mirror"
start=$(date +%s)
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
	tail_log "$work/debootstrap.log" 10
	skip_all "debootstrap could not make a Debian 12 system (no network or mirror?)"
fi
echo "# debootstrap took $(( $(date +%s) - start )) s"
for m in proc dev/pts; do mkdir -p "$root/$m"; done
mount -t proc proc "$root/proc" 2>/dev/null && mounted="$root/proc" ||
	skip_all "cannot mount /proc in the chroot (a container without the right)"
mount --bind /dev/pts "$root/dev/pts" 2>/dev/null && mounted="$root/dev/pts $mounted" ||
	skip_all "cannot mount /dev/pts in the chroot"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null

# The tree as a fresh clone would be: without build directories, in /root (0700).
mkdir -p "$root/root"
chmod 0700 "$root/root"
mv "$work/empirie" "$root/root/empirie"
# A build configured in place would be found by ./setup: start from the sources only.
[ -f "$root/root/empirie/Makefile" ] && (cd "$root/root/empirie" && rm -f Makefile config.status config.h)
true

# 1. The first command, typed into a terminal (script gives it one). Once setup has
#    built the program, the application must show its Polish screen; then q quits it.
mkfifo "$work/keys"
start=$(date +%s)
chroot "$root" /usr/bin/env -i HOME=/root TERM=xterm PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	/usr/bin/script -qfec 'cd /root/empirie && ./setup && LANG=pl_PL.UTF-8 ./empirie' /root/typescript \
	<"$work/keys" >/dev/null 2>&1 &
pid=$!
exec 3>"$work/keys"
ts="$root/root/typescript"
# setup installs ~200 packages and builds: allow 20 minutes.
waited=0
until grep -q "empirie is built" "$ts" 2>/dev/null || ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 1200 ]; do
	sleep 2; waited=$((waited + 2))
done
sleep 5
screen=$(tail -c 20000 "$ts" 2>/dev/null | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g')
printf 'q' >&3; sleep 2; printf 'Q' >&3; exec 3>&-
wait "$pid" 2>/dev/null
echo "# the first command took $(( $(date +%s) - start )) s"
grep -q "empirie is built" "$ts" 2>/dev/null; r=$?
result $r "./setup installs, generates the locales and builds, as root without sudo"
[ $r -eq 0 ] || { echo "# the end of the session:"; tail -c 4000 "$ts" 2>/dev/null | tr -d '\r' | tail -n 40 | sed 's/^/# /'; }
case $screen in *Pomoc*Szukaj*) r=0 ;; *) r=1 ;; esac
result $r "LANG=pl_PL.UTF-8 ./empirie opens the application in Polish (key bar: Pomoc, Szukaj)"
[ $r -eq 0 ] || { echo "# the end of the session:"; tail -c 3000 "$ts" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | tail -n 30 | sed 's/^/# /'; }
chroot "$root" locale -a 2>/dev/null | grep -qi '^pl_PL.utf8$'; result $? "pl_PL.UTF-8 is generated"
chroot "$root" locale -a 2>/dev/null | grep -qi '^pl_PL.iso88592$'; result $? "and pl_PL ISO-8859-2 for the tests"

# 2. The second command, in the same tree.
if [ -n "${FRESH_SKIP_CHECK:-}" ]; then
	echo "ok $((n + 1)) # SKIP FRESH_SKIP_CHECK is set"; n=$((n + 1))
else
	start=$(date +%s)
	chroot "$root" /usr/bin/env -i HOME=/root TERM=xterm PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		sh -c 'cd /root/empirie && make check' >"$work/check.log" 2>&1
	r=$?
	echo "# make check took $(( $(date +%s) - start )) s"
	result $r "make check passes in /root (0700) on the fresh system"
	[ $r -eq 0 ] || grep -E '^(FAIL|ERROR):|^# (TOTAL|PASS|FAIL|ERROR|SKIP)' "$work/check.log" | head -40 | sed 's/^/# /'
fi
echo "1..$n"
