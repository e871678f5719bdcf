#!/bin/sh
# files.sh — the files the program writes. Under umask 000 the database folder and files
# (-wal and -shm too), copies and sync files are still the owner's alone (0700/0600).
# The old predictable temporary names (FILE.part-PID) laid in advance by someone else,
# as a file they can read or as a link, receive nothing and are not followed; the file
# lands in place complete, owned by the one who wrote it.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
mode() { stat -c %a "$1"; }

# ---- modes whatever the umask ----
umask 000
unset EMPIRIE_DB
ok "init under umask 000 (the default place)" e init
dbdir="$XDG_DATA_HOME/empirie"
db=$(ls "$dbdir"/*.db 2>/dev/null | head -n 1)
ok "the database is in its folder" test -f "$db"
is "the folder is 0700" "$(mode "$dbdir")" 700
is "the database file is 0600" "$(mode "$db")" 600
# SQLite gives the side files the database's mode: hold a transaction open and look.
sides=$(printf "BEGIN; INSERT INTO meta(key, value) VALUES ('x', 'y');\n.shell stat -c '%%a %%n' '%s-wal' '%s-shm'\nROLLBACK;\n" "$db" "$db" |
	sqlite3 "$db" 2>&1 | sed "s|$dbdir/||")
like "the -wal file is 0600" "$sides" "600 $(basename "$db")-wal"
like "the -shm file is 0600" "$sides" "600 $(basename "$db")-shm"
export EMPIRIE_DB="$T_DIR/test.db"
ok "a database named with --db, under umask 000" e --db "$T_DIR/named.db" info
is "is 0600 too" "$(mode "$T_DIR/named.db")" 600
e init >/dev/null 2>&1
e admin add-account anna --role member --city Zabrze >/dev/null
printf 'Wpis.\n' | e --as anna post --network 1 --title "Wątek" >/dev/null
ok "a full copy under umask 000" e snapshot "$T_DIR/full.db"
is "is 0600" "$(mode "$T_DIR/full.db")" 600
ok "a public copy under umask 000" e snapshot "$T_DIR/pub.db" --public-only
is "is 0600" "$(mode "$T_DIR/pub.db")" 600
ok "a sync file under umask 000" e sync export "$T_DIR/a.sync"
is "is 0600" "$(mode "$T_DIR/a.sync")" 600
umask 022

# ---- predictable temporary names laid in advance ----
# Someone else's file (nobody's, when we are root) that anyone may write and read.
other() { if [ "$(id -u)" = 0 ]; then chown -h nobody "$@"; fi; }
# Run the program as a process whose pid is known in advance: the shell's own, by exec.
with_bait() { # KIND DEST COMMAND... : lay DEST.part-PID, then exec the command
	kind=$1 dest=$2; shift 2
	sh -c '
		kind=$1 dest=$2; shift 2
		bait="$dest.part-$$"
		if [ "$kind" = file ]; then : >"$bait"; chmod 0666 "$bait"
		else ln -s "'"$T_DIR"'/victim" "$bait"; fi
		exec "$@"' sh "$kind" "$dest" "$@"
}
: >"$T_DIR/victim"
chmod 0666 "$T_DIR/victim"
other "$T_DIR/victim"

ok "sync export with its old temporary name laid as someone's file" \
	with_bait file "$T_DIR/b.sync" "$EMPIRIE" sync export "$T_DIR/b.sync"
bait=$(ls "$T_DIR"/b.sync.part-* 2>/dev/null)
ok "the laid file is still there" test -n "$bait"
is "and received nothing (no leaders' text, no byte)" "$(wc -c <"${bait:-/nonexistent}" 2>/dev/null)" 0
is "the export is in place, complete (its END line, then its signature)" "$(grep -c '^END ' "$T_DIR/b.sync") $(tail -n 1 "$T_DIR/b.sync" | cut -c1-5)" "1 SIGN "
is "and the owner's only" "$(mode "$T_DIR/b.sync")" 600
rm -f "$bait"

ok "sync export with its old temporary name laid as a link" \
	with_bait link "$T_DIR/c.sync" "$EMPIRIE" sync export --all "$T_DIR/c.sync"
is "the link was not followed" "$(wc -c <"$T_DIR/victim")" 0
is "the export is in place (its END line, then its signature)" "$(grep -c '^END ' "$T_DIR/c.sync") $(tail -n 1 "$T_DIR/c.sync" | cut -c1-5)" "1 SIGN "
rm -f "$T_DIR"/c.sync.part-*

ok "a copy with its old temporary name laid as someone's file" \
	with_bait file "$T_DIR/d.db" "$EMPIRIE" snapshot "$T_DIR/d.db"
bait=$(ls "$T_DIR"/d.db.part-* 2>/dev/null)
is "the laid file is left alone, empty" "$(wc -c <"${bait:-/nonexistent}" 2>/dev/null)" 0
ok "the copy is whole" test "$(sqlite3 "$T_DIR/d.db" 'PRAGMA integrity_check')" = ok
rm -f "$bait"
ok "a copy with its old temporary name laid as a link" \
	with_bait link "$T_DIR/e.db" "$EMPIRIE" snapshot "$T_DIR/e.db" --public-only
is "the link was not followed" "$(wc -c <"$T_DIR/victim")" 0
rm -f "$T_DIR"/e.db.part-*

# The destination itself as a link: refused, not followed.
ln -s "$T_DIR/victim" "$T_DIR/f.sync"
exit_is "a sync file over a link is refused" 1 e sync export "$T_DIR/f.sync"
like "saying why" "$(cat "$T_DIR/err")" "not a regular file"
is "and the link's target is untouched" "$(wc -c <"$T_DIR/victim")" 0
ln -s "$T_DIR/victim" "$T_DIR/g.db"
exit_is "a copy over a link is refused" 1 e snapshot "$T_DIR/g.db"
is "its target untouched" "$(wc -c <"$T_DIR/victim")" 0

is "no temporary file is left behind" "$(ls -A "$T_DIR" | grep -c '^\.')" 0
done_testing
