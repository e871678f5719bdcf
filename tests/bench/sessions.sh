#!/bin/sh
# tests/bench/sessions.sh [SESSIONS] — the capacity benchmark of issue 20 (make
# bench-sessions; not part of make check): N full-screen sessions on the M database
# (made once with `empirie gen` in tests/bench/work, as make bench does), idle and
# while posts come in; writes its table into doc/PERFORMANCE.md. SESSIONS is a list
# such as 50,200,500 (default); RATE, IDLE and LOAD (seconds) may be set too. IDLE is 65
# by default: longer than the heartbeat interval (60 s), so that the idle figure holds
# every session's beat.
set -e
here=$(cd "$(dirname "$0")" && pwd)
top=${top_srcdir:-$here/../..}
bin=${EMPIRIE:-$top/empirie}
work=${BENCH_WORK:-$here/work}
mkdir -p "$work"
db="$work/bench-M.db"
if [ ! -f "$db" ]; then
	echo "making the M database (2,500 towns, 10,000 threads, 100,000 posts)..."
	"$bin" --db "$db.new" gen --towns 2500 --threads 10000 --posts 100000 --seed 1 >/dev/null
	mv "$db.new" "$db"
fi
# A file of sessions each needs; 1,000 sessions and their ptys need more than the default.
ulimit -n 8192 2>/dev/null || ulimit -n 4096 2>/dev/null || true
# Each session sleeps on one inotify instance; Linux allows a user 128 by default, and the
# sessions beyond that look once a second instead, which is not what a server set up
# by the package does (debian/60-empirie.conf raises it): say so rather than measure it.
most=0
for n in $(echo "${1:-50,200,500}" | tr ',' ' '); do [ "$n" -gt "$most" ] && most=$n; done
limit=$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)
if [ "$limit" -lt $((most + 64)) ]; then
	echo "# WARNING: fs.inotify.max_user_instances is $limit: sessions beyond it will poll"
	echo "# once a second. Raise it as the package does: sysctl fs.inotify.max_user_instances=8192"
fi
exec nice python3 "$here/sessions.py" "$bin" "$db" --sessions "${1:-50,200,500}" \
	--rate "${RATE:-5}" --idle "${IDLE:-65}" --load "${LOAD:-30}" --report "$top/doc/PERFORMANCE.md"
