#!/bin/sh
# public_copy.sh — the public copy holds nothing a guest may not see, in no byte of the
# file. The issue's recipe first (a post edited in two copies, a sync conflict, then the
# post hidden), then a marker string in every private place of the store: hidden posts
# and their versions, sync conflicts, sync state, ancestry, drafts, the audit log, the
# leaders' network (threads, meetings, practices, memberships), private contacts, the
# private meta keys and the accounts' logins. The raw file is searched, not the tables,
# so free pages count too.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
home="$T_DIR/home.db" lap="$T_DIR/lap.db"
. "$top_srcdir/tests/synclib.sh"

at 08:00:00
e --db "$home" init >/dev/null 2>&1
e --db "$home" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
e --db "$home" admin add-account burmistrz --role leader --city Żywiec >/dev/null
t1=$(printf 'Jak urządzić park kieszonkowy?\n' | e --db "$home" --as anna post --network 1 --title "Parki kieszonkowe")
p2=$(printf 'Pierwsza wersja XQPRIV-ORIGINAL.\n' | e --db "$home" --as anna reply "$t1")
e --db "$home" snapshot "$lap" >/dev/null

# The issue's recipe: the same post edited in both copies, synced, then hidden.
at 09:00:00
printf 'Wersja z laptopa XQPRIV-LAPTOP.\n' | e --db "$lap" --as anna edit "$p2" >/dev/null
at 09:30:00
printf 'Wersja z biura XQPRIV-OFFICE.\n' | e --db "$home" --as anna edit "$p2" >/dev/null
e --db "$lap" --as anna sync export "$T_DIR/l1.sync" >/dev/null
e --db "$home" sync apply "$T_DIR/l1.sync" >/dev/null
like "the recipe makes a conflict" "$(e --db "$home" sync conflicts)" "edited in both copies"
at 10:00:00
ok "the post is hidden" e --db "$home" --as koord moderate hide "$p2" --reason "XQPRIV-REASON"

ok "a member takes a public copy" e --db "$home" --as anna snapshot "$T_DIR/recipe.db" --public-only
for m in XQPRIV-ORIGINAL XQPRIV-LAPTOP XQPRIV-OFFICE XQPRIV-REASON; do
	is "recipe: no byte of the copy holds $m" "$(grep -c -a "$m" "$T_DIR/recipe.db")" 0
done
ok "the recipe's copy passes empirie check" e --db "$T_DIR/recipe.db" check

# A marker in every private place. Written with SQL where the program has no command
# for it (or would refuse it), so no place is forgotten for lack of a command.
printf 'Wpis lidera XQPRIV-LEADPOST.\n' | e --db "$home" --as burmistrz post --network 8 --title "XQPRIV-LEADTITLE" >/dev/null
q "$home" "
 INSERT INTO drafts(account_id, kind, target_id, title, body, updated_at)
   SELECT id, 'thread', 1, 'XQPRIV-DRAFTTITLE', 'XQPRIV-DRAFTBODY', '2026-01-01T00:00:00Z' FROM accounts WHERE login = 'anna';
 INSERT INTO contacts(city_id, role, name, email, phone, public, source)
   SELECT id, 'XQPRIV-CROLE', 'XQPRIV-CNAME', 'xqpriv-cmail@example.invalid', 'XQPRIV-CPHONE', 0, 'XQPRIV-CSOURCE' FROM cities WHERE name = 'Zabrze';
 UPDATE networks SET goals = 'XQPRIV-LEADGOALS', coordinators = 'XQPRIV-LEADCOORD' WHERE leaders_only = 1;
 INSERT INTO meetings(key, network_id, date_start, title, summary, note)
   SELECT 'xqpriv-meeting', id, '2026-01-01', 'XQPRIV-MEETTITLE', 'XQPRIV-MEETSUMMARY', 'XQPRIV-MEETNOTE' FROM networks WHERE leaders_only = 1;
 UPDATE memberships SET source = 'XQPRIV-MEMBERSOURCE' WHERE network_id IN (SELECT id FROM networks WHERE leaders_only = 1);
 INSERT INTO practices(key, city_id, title, problem, note)
   SELECT 'xqpriv-practice', id, 'XQPRIV-PRACTITLE', 'XQPRIV-PRACPROBLEM', 'XQPRIV-PRACNOTE' FROM cities WHERE name = 'Żywiec';
 INSERT INTO practice_networks(practice_id, network_id)
   SELECT p.id, n.id FROM practices p, networks n WHERE p.key = 'xqpriv-practice' AND n.leaders_only = 1;
 INSERT INTO sync_conflicts(at, file_sum, line, what, outcome, op)
   VALUES ('2026-01-01', 'XQPRIV-CONFSUM', 999, 'XQPRIV-CONFWHAT', 'XQPRIV-CONFOUT', 'XQPRIV-CONFOP');
 INSERT INTO sync_applied(file_sum, at, site, ops) VALUES ('XQPRIV-APPLIEDSUM', '2026-01-01', 7, 1);
 INSERT INTO sync_log(kind, k1, k2, k3, base, actor, hid_by)
   VALUES ('draft', 1, 2, 'XQPRIV-LOGK3', 'XQPRIV-LOGBASE', 'XQPRIV-LOGACTOR', 'XQPRIV-LOGHIDBY');
 INSERT INTO post_versions(post_id, edited_at, body, kept_at) VALUES ($p2, 'x', 'XQPRIV-VERSION', 'y');
 INSERT INTO post_ancestry(post_id, vid) SELECT min(id), 'XQPRIV-ANCESTRY' FROM posts;
 INSERT INTO meta(key, value) VALUES ('xqpriv-key', 'XQPRIV-METAVALUE');
 INSERT INTO audit(at, login, action, object, before, after, client, unix_login)
   VALUES ('2026-01-01', 'XQPRIV-AUDITLOGIN', 'edit', 'post', 'XQPRIV-AUDITBEFORE', 'XQPRIV-AUDITAFTER', 'XQPRIV-AUDITCLIENT', 'XQPRIV-UNIXLOGIN');
 UPDATE accounts SET display_name = 'XQPRIV-LEADERNAME' WHERE login = 'burmistrz';
 UPDATE accounts SET display_name = 'XQPRIV-KOORDNAME' WHERE login = 'koord';
 UPDATE accounts SET login = 'xqpriv-login-anna' WHERE login = 'anna';"
ok "a member takes a public copy of the seeded store" \
	e --db "$home" --as xqpriv-login-anna snapshot "$T_DIR/pub.db" --public-only
found=$(grep -a -o 'XQPRIV-[A-Z][A-Z]*\|xqpriv-[a-z][a-z-]*' "$T_DIR/pub.db" | sort -u | tr '\n' ' ')
is "no byte of the public copy holds a private marker" "$found" ""
found=$(tr -c '[:print:]' '\n' < "$T_DIR/pub.db" | grep -i -o 'xqpriv-[a-z][a-z]*' | sort -u | tr '\n' ' ')
is "nor does a strings-style scan (case folded)" "$found" ""
if command -v strings >/dev/null; then
	is "nor strings(1), in any encoding" \
		"$( (strings -a "$T_DIR/pub.db"; strings -a -el "$T_DIR/pub.db") | grep -ci xqpriv)" 0
else
	skip "strings (binutils) is not installed"
fi
# The markers are in the source, so the checks above can fail.
grep -o 'XQPRIV-[A-Z][A-Z]*' "$top_srcdir/tests/cli/public_copy.sh" | sort -u >"$T_DIR/seeded.txt"
missing=$(q "$home" .dump | grep -o 'XQPRIV-[A-Z][A-Z]*' | sort -u | comm -13 - "$T_DIR/seeded.txt")
is "the source holds every marker the test names (the check can fail)" "$missing" ""

# What a guest may see is there, and the copy works.
ok "the public copy passes empirie check" e --db "$T_DIR/pub.db" check
like "it holds the public threads" "$(e --db "$T_DIR/pub.db" list threads --network 1)" "Parki kieszonkowe"
is "the hidden post keeps its place" "$(q "$T_DIR/pub.db" "SELECT hidden || body FROM posts WHERE id = $p2")" "1-"
is "counters agree with the posts" \
	"$(q "$T_DIR/pub.db" "SELECT count(*) FROM threads t WHERE post_count <> (SELECT count(*) FROM posts p WHERE p.thread_id = t.id)")" 0
is "network counters agree with the threads" \
	"$(q "$T_DIR/pub.db" "SELECT count(*) FROM networks n WHERE thread_count <> (SELECT count(*) FROM threads t WHERE t.network_id = n.id)")" 0
is "the public contacts and practices are kept" \
	"$(q "$T_DIR/pub.db" "SELECT (SELECT count(*) FROM contacts) = (SELECT count(*) FROM contacts WHERE public = 1), (SELECT count(*) > 10 FROM practices)")" "1|1"
is "every town is kept" "$(q "$T_DIR/pub.db" "SELECT count(*) FROM cities")" "$(q "$home" "SELECT count(*) FROM cities")"
is "the copy is compact: no free page" "$(q "$T_DIR/pub.db" "PRAGMA freelist_count")" 0
is "and readable by its owner only" "$(stat -c %a "$T_DIR/pub.db")" 600
# A folder whose name reads like an SQLite URI ("file:…?…") is a folder like any other.
mkdir "$T_DIR/file:odd?dir"
ok "a public copy into a folder named like a URI" \
	sh -c "cd '$T_DIR' && '$EMPIRIE' --db home.db snapshot 'file:odd?dir/copy.db' --public-only"
ok "is where it was asked for" test -s "$T_DIR/file:odd?dir/copy.db"
ok "and opens" e --db "$T_DIR/file:odd?dir/copy.db" check
is "no temporary file is left behind" \
	"$(ls -A "$T_DIR" "$T_DIR/file:odd?dir" | grep -v ':$\|^$\|\.db$\|\.sync$\|\.txt$\|^home$\|^out$\|^err$\|-wal$\|-shm$\|^file:odd')" ""
done_testing
