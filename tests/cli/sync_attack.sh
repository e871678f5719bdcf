#!/bin/sh
# sync_attack.sh — issue 23: the holder of an offline copy controls every byte of the
# files she sends. Each attack below is made the way someone with the source would make
# it (tests/synclib.sh: forge signs with the only secret she has, her own copy's), and
# each must fail: B1 a file claiming another copy's number, B2 a flag's current value
# with a new time, B3 times in the future, B4 edits and moderation without audit, B5 a
# reply chain without end, B6 fields members cannot set and oversized drafts, B7 a
# thread without its first post, B8 links to what the writer cannot see, B9 a crafted
# file laundered through another copy, B10 a newline in a name forging output; and the
# side bug: an over-long body's garbled message. Then `empirie check` finds sync damage.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null || ! command -v python3 >/dev/null; then
	skip "sqlite3 and python3 are needed"; done_testing; exit
fi
home="$T_DIR/home.db" lap="$T_DIR/lap.db" kl="$T_DIR/koord.db"
. "$top_srcdir/tests/synclib.sh"
S1=1099511627776 S2=2199023255552

at 08:00:00
e --db "$home" init >/dev/null 2>&1
e --db "$home" admin add-account anna --role member --city Zabrze >/dev/null
e --db "$home" admin add-account koord --role coordinator --network 1 >/dev/null
tk=$(printf 'Zasady sieci.\n' | e --db "$home" --as koord post --network 1 --title "Ogłoszenie koordynatora")
pk=$(q "$home" "SELECT min(id) FROM posts WHERE thread_id = $tk")
ta=$(printf 'Pytanie Anny.\n' | e --db "$home" --as anna post --network 1 --title "Pytanie")
pa=$(q "$home" "SELECT min(id) FROM posts WHERE thread_id = $ta")
ph=$(printf 'Reklama.\n' | e --db "$home" --as anna reply "$tk")
e --db "$home" --as koord moderate hide "$ph" --reason "spam" >/dev/null
tl=$(printf 'Zamknięty temat.\n' | e --db "$home" --as koord post --network 1 --title "Zamknięte")
e --db "$home" --as koord moderate lock "$tl" --reason "koniec" >/dev/null
e --db "$home" practice add --title "Tylko dla liderów" --town Zabrze --networks 8 >/dev/null
pkey=$(q "$home" "SELECT key FROM practices WHERE title = 'Tylko dla liderów'")
ok "a copy for anna" e --db "$home" snapshot "$lap" --for anna
ok "a copy for koord" e --db "$home" snapshot "$kl" --for koord
at 09:00:00
NOW=2026-11-28T09:00:00Z

# One change line each; C (created_at) and PR (a thread's practices) may be set before.
post() { # id thread parent author body [hidden_reason]
	printf '{"op":"post","id":%s,"thread":%s,"parent":%s,"author":"%s","body":"%s","created_at":"%s","edited_at":null,"hidden":0,"hidden_reason":"%s","base":null,"base_at":null,"by":null,"hid_by":null,"hidden_at":null,"history":[]}' \
		"$1" "$2" "$3" "$4" "$5" "${C:-2026-11-28T08:30:00Z}" "${6:-}"
}
thread() { # id title author
	printf '{"op":"thread","id":%s,"network":1,"title":"%s","author":"%s","created_at":"%s","meeting":null,"practices":[%s],"locked":0,"pinned":0,"by":null,"locked_at":null,"pinned_at":null}' \
		"$1" "$2" "$3" "${C:-2026-11-28T08:30:00Z}" "${PR:-}"
}
edit_pk='{"op":"post","id":'$pk',"thread":'$tk',"parent":0,"author":"koord","body":"Podmienione przez Annę.","created_at":"2026-11-28T08:00:00Z","edited_at":"2026-11-28T08:50:00Z","hidden":0,"hidden_reason":"","base":"Zasady sieci.","base_at":null,"by":"koord","hid_by":null,"hidden_at":null,"history":[""]}'
unhide_ph='{"op":"post","id":'$ph',"thread":'$tk',"parent":'$pk',"author":"anna","body":"Reklama.","created_at":"2026-11-28T08:00:00Z","edited_at":null,"hidden":0,"hidden_reason":"","base":null,"base_at":null,"by":null,"hid_by":"koord","hidden_at":"2026-11-28T08:55:00Z","history":[""]}'
body_pk=$(q "$home" "SELECT body FROM posts WHERE id = $pk")

# ---- B1: the file's site is believed ----
forge "$lap" "$T_DIR/b1a.sync" 2 "$edit_pk" "$unhide_ph"
exit_is "B1: a file claiming koord's copy, applied by the administrator, is refused" 1 \
	e --db "$home" sync apply "$T_DIR/b1a.sync"
like "and says the signature is not that copy's" "$(cat "$T_DIR/err")" "signature"
is "koord's post is unchanged" "$(q "$home" "SELECT body FROM posts WHERE id = $pk")" "$body_pk"
is "the hidden post stays hidden" "$(q "$home" "SELECT hidden FROM posts WHERE id = $ph")" 1
forge "$lap" "$T_DIR/b1b.sync" 999 "$edit_pk"
exit_is "B1: a file claiming a copy never issued is refused" 1 e --db "$home" sync apply "$T_DIR/b1b.sync"
like "and says the copy is unknown" "$(cat "$T_DIR/err")" "999"
is "koord's post is still unchanged" "$(q "$home" "SELECT body FROM posts WHERE id = $pk")" "$body_pk"

# ---- B2: a flag's current value with a new time, applied by the member ----
lat=$(q "$home" "SELECT locked_at FROM sync_log WHERE kind = 'thread' AND k1 = $tl")
hat=$(q "$home" "SELECT hidden_at FROM sync_log WHERE kind = 'post' AND k1 = $ph")
forge "$lap" "$T_DIR/b2.sync" 1 \
	"$(printf '{"op":"thread","id":%s,"network":1,"title":"Zamknięte","author":"koord","created_at":"2026-11-28T08:00:00Z","meeting":null,"practices":[],"locked":1,"pinned":0,"by":"anna","locked_at":"2099-01-01T00:00:00Z","pinned_at":null}' "$tl")" \
	'{"op":"post","id":'$ph',"thread":'$tk',"parent":'$pk',"author":"anna","body":"Reklama.","created_at":"2026-11-28T08:00:00Z","edited_at":null,"hidden":1,"hidden_reason":"spam","base":null,"base_at":null,"by":null,"hid_by":"anna","hidden_at":"2099-01-01T00:00:00Z","history":[""]}'
e --db "$home" --as anna sync apply "$T_DIR/b2.sync" >/dev/null 2>&1
is "B2: the lock's time is not moved by a member's file" \
	"$(q "$home" "SELECT locked_at FROM sync_log WHERE kind = 'thread' AND k1 = $tl")" "$lat"
is "B2: nor the hiding's" "$(q "$home" "SELECT hidden_at FROM sync_log WHERE kind = 'post' AND k1 = $ph")" "$hat"

# ---- B3: times in the future; B4: an edit through sync is audited ----
forge "$lap" "$T_DIR/b3.sync" 1 \
	"$(C=2099-01-01T00:00:00Z thread $((S1 + 10)) "Z przyszłości" anna)" \
	"$(C=2099-01-01T00:00:00Z post $((S1 + 11)) $((S1 + 10)) 0 anna "Pierwszy.")" \
	'{"op":"post","id":'$pa',"thread":'$ta',"parent":0,"author":"anna","body":"Poprawione pytanie.","created_at":"2026-11-28T08:00:00Z","edited_at":"2099-01-01T00:00:00Z","hidden":0,"hidden_reason":"","base":"Pytanie Anny.","base_at":null,"by":"anna","hid_by":null,"hidden_at":null,"history":[""]}'
ok "anna's file with times in the future applies" e --db "$home" --as anna sync apply "$T_DIR/b3.sync"
is "B3: a thread's time is capped at now" "$(q "$home" "SELECT created_at FROM threads WHERE id = $((S1 + 10))")" "$NOW"
is "B3: a post's time too" "$(q "$home" "SELECT created_at FROM posts WHERE id = $((S1 + 11))")" "$NOW"
is "B3: and an edit's" "$(q "$home" "SELECT edited_at FROM posts WHERE id = $pa")" "$NOW"
is "B4: the edit through sync is audited with the text before and after" \
	"$(q "$home" "SELECT count(*) FROM audit WHERE action = 'edit' AND object_id = $pa AND before LIKE '%Pytanie Anny.%' AND after LIKE '%Poprawione%'")" 1
like "B4: with the copy and who applied the file named" "$(q "$home" "SELECT client FROM audit WHERE action = 'edit' AND object_id = $pa")" "copy 1, applied by anna"

# B4: moderation made offline by koord, brought home: audited at home
at 09:10:00
ok "koord locks anna's thread in her copy" e --db "$kl" --as koord moderate lock "$ta" --reason "wyjaśnione"
e --db "$kl" --as koord sync export "$T_DIR/kl1.sync" >/dev/null
ok "the administrator applies koord's file" e --db "$home" sync apply "$T_DIR/kl1.sync"
is "the lock arrived" "$(q "$home" "SELECT locked FROM threads WHERE id = $ta")" 1
is "B4: and is audited at home, by koord" \
	"$(q "$home" "SELECT login FROM audit WHERE action = 'lock' AND object_id = $ta")" "koord"

# ---- B5: a reply chain without end ----
python3 - "$T_DIR/chain.txt" "$S1" "$ta" "$pa" <<'PY'
import sys
out, base, ta, pa = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(out, 'w') as f:
    parent = pa
    for i in range(1000, 1000 + 600):
        pid = base + i
        f.write('{"op":"post","id":%d,"thread":%s,"parent":%s,"author":"anna","body":"x","created_at":"2026-11-28T08:30:00Z","edited_at":null,"hidden":0,"hidden_reason":"","base":null,"base_at":null,"by":null,"hid_by":null,"hidden_at":null,"history":[]}\n' % (pid, ta, parent))
        parent = pid
PY
# shellcheck disable=SC2046
IFS='
'
forge "$lap" "$T_DIR/b5.sync" 1 $(cat "$T_DIR/chain.txt")
unset IFS
exit_is "B5: a reply chain deeper than the limit is refused whole" 1 e --db "$home" --as anna sync apply "$T_DIR/b5.sync"
like "and the limit is named" "$(cat "$T_DIR/err")" "depth"
is "nothing of it was stored" "$(q "$home" "SELECT count(*) FROM posts WHERE id >= $((S1 + 1000))")" 0
# Under a raised limit the same kind of chain is stored, and its reply paths do not
# grow with the square of its length: past 16 levels a reply sits beside its parent
# (read in order of writing), while its real depth is kept.
q "$home" "INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_max_depth', '3000')"
python3 - "$T_DIR/chain2.txt" "$S1" "$ta" "$pa" <<'PY'
import sys
out, base, ta, pa = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(out, 'w') as f:
    parent = pa
    for i in range(3000, 3000 + 2500):
        pid = base + i
        f.write('{"op":"post","id":%d,"thread":%s,"parent":%s,"author":"anna","body":"ogniwo %d","created_at":"2026-11-28T08:30:00Z","edited_at":null,"hidden":0,"hidden_reason":"","base":null,"base_at":null,"by":null,"hid_by":null,"hidden_at":null,"history":[]}\n' % (pid, ta, parent, i))
        parent = pid
PY
IFS='
'
forge "$lap" "$T_DIR/b5b.sync" 1 $(cat "$T_DIR/chain2.txt")
unset IFS
ok "B5: a chain of 2,500 replies applies under a limit of 3,000" \
	e --db "$home" --as anna sync apply "$T_DIR/b5b.sync"
chain="id BETWEEN $((S1 + 3000)) AND $((S1 + 5499))"
is "all of it is stored" "$(q "$home" "SELECT count(*) FROM posts WHERE $chain")" 2500
is "B5: no reply path is longer than 16 levels" \
	"$(q "$home" "SELECT max(length(path)) <= 16 * 8 FROM posts WHERE $chain")" 1
is "B5: the chain's paths take space linear in its length (not 25 MB)" \
	"$(q "$home" "SELECT sum(length(path)) <= 2500 * 16 * 8 FROM posts WHERE $chain")" 1
is "the chain reads in the order it was written" \
	"$(q "$home" "SELECT count(*) FROM (SELECT id, row_number() OVER (ORDER BY path) AS a,
	                                            row_number() OVER (ORDER BY id) AS b
	                                     FROM posts WHERE $chain) WHERE a != b")" 0
e --db "$home" --as anna list posts --thread "$ta" > "$T_DIR/chain.tsv"
is "the last reply's depth is its real one" \
	"$(awk -F'\t' -v id=$((S1 + 5499)) '$1 == id { print $3 }' "$T_DIR/chain.tsv")" 2500
is "and the tenth's" \
	"$(awk -F'\t' -v id=$((S1 + 3009)) '$1 == id { print $3 }' "$T_DIR/chain.tsv")" 10
q "$home" "DELETE FROM meta WHERE key = 'sync_max_depth'"

# ---- B6: fields members cannot set, oversized drafts ----
forge "$lap" "$T_DIR/b6a.sync" 1 \
	"$(post $((S1 + 20)) "$ta" "$pa" anna "Zwykła odpowiedź." "$(head -c 5000 /dev/zero | tr '\0' x)")"
exit_is "B6: a hiding reason of 5,000 bytes is refused" 1 e --db "$home" --as anna sync apply "$T_DIR/b6a.sync"
like "and the field is named" "$(cat "$T_DIR/err")" "hidden_reason"
forge "$lap" "$T_DIR/b6a2.sync" 1 \
	"$(post $((S1 + 20)) $((S1 + 10)) $((S1 + 11)) anna "Zwykła odpowiedź." "Ukryte, bo tak.")"
ok "B6: a visible reply with a hiding reason applies" e --db "$home" --as anna sync apply "$T_DIR/b6a2.sync"
is "B6: but the reason a member cannot set is not stored" \
	"$(q "$home" "SELECT length(hidden_reason) FROM posts WHERE id = $((S1 + 20))")" 0
forge "$lap" "$T_DIR/b6b.sync" 1 \
	'{"op":"draft","account":"anna","kind":"thread","target":1,"title":"Zły\u001b[2Jtytuł","body":"x","updated_at":"2026-11-28T08:30:00Z"}'
exit_is "B6: a draft with an escape byte in its title is refused" 1 e --db "$home" --as anna sync apply "$T_DIR/b6b.sync"
like "and the field is named" "$(cat "$T_DIR/err")" "title"
forge "$lap" "$T_DIR/b6c.sync" 1 \
	'{"op":"draft","account":"anna","kind":"thread","target":1,"title":"Duży","body":"'"$(head -c 70000 /dev/zero | tr '\0' x)"'","updated_at":"2026-11-28T08:30:00Z"}'
exit_is "B6: a draft over the size of a post is refused" 1 e --db "$home" --as anna sync apply "$T_DIR/b6c.sync"
like "and the field is named" "$(cat "$T_DIR/err")" "body"
python3 - "$T_DIR/drafts.txt" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(1, 1002):
        f.write('{"op":"draft","account":"anna","kind":"reply","target":%d,"title":"","body":"x","updated_at":"2026-11-28T08:30:00Z"}\n' % i)
PY
IFS='
'
forge "$lap" "$T_DIR/b6d.sync" 1 $(cat "$T_DIR/drafts.txt")
unset IFS
exit_is "B6: more drafts for one account than the limit are refused whole" 1 e --db "$home" --as anna sync apply "$T_DIR/b6d.sync"
like "and the limit is named" "$(cat "$T_DIR/err")" "draft"
is "no draft was stored" "$(q "$home" "SELECT count(*) FROM drafts WHERE kind = 'reply'")" 0
q "$home" "INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_max_changes', '2')"
forge "$lap" "$T_DIR/b6e.sync" 1 \
	"$(post $((S1 + 30)) "$ta" "$pa" anna "a")" "$(post $((S1 + 31)) "$ta" "$pa" anna "b")" \
	"$(post $((S1 + 32)) "$ta" "$pa" anna "c")"
exit_is "a file with more changes than the configured limit is refused" 1 e --db "$home" --as anna sync apply "$T_DIR/b6e.sync"
like "and the limit is named" "$(cat "$T_DIR/err")" "2"
q "$home" "DELETE FROM meta WHERE key = 'sync_max_changes'"

# A line crowded with fields no change has: the file is taken apart before the write
# lock, and each field kept would cost tens of bytes for the few bytes it takes in the
# file (a 16 MB file of such lines took 150 MB). The line is refused, named.
python3 - "$T_DIR/crowd.txt" "$ta" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    for l in range(4):
        f.write('{"op":"read","account":"anna","thread":%s,"read_count":1,"last_read_id":0,%s}\n'
                % (sys.argv[2], ','.join('"%x":0' % i for i in range(400000))))
PY
forge "$lap" "$T_DIR/crowd.sync" 1 "$(post $((S1 + 25)) "$ta" "$pa" anna "Przed tłokiem.")" "@$T_DIR/crowd.txt"
size=$(wc -c <"$T_DIR/crowd.sync")
rss=$(python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=open(sys.argv[1], "w"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)' "$T_DIR/err" \
	"$EMPIRIE" --db "$home" --as anna sync apply "$T_DIR/crowd.sync")
like "a line with 400,000 fields is refused, its number named" "$(cat "$T_DIR/err")" "crowd.sync:4:"
is "nothing of the file was stored" "$(q "$home" "SELECT count(*) FROM posts WHERE id = $((S1 + 25))")" 0
if [ -n "${EMPIRIE_SANITIZED:-}" ] || [ -n "${EMPIRIE_VALGRIND_BIN:-}" ]; then
	skip "memory is measured without sanitizers and valgrind"
else
	diag "figure: a $size-byte file of crowded lines: $rss bytes at most in memory"
	ok "its memory stays within 4 times the file and 64 MB ($rss bytes for $size)" \
		test "$rss" -lt $((size * 4 + 64 * 1024 * 1024))
fi

# ---- B7: a thread without its first post ----
forge "$lap" "$T_DIR/b7.sync" 1 "$(thread $((S1 + 40)) "Bez pierwszego wpisu" anna)"
exit_is "B7: a new thread without its first post is refused" 1 e --db "$home" --as anna sync apply "$T_DIR/b7.sync"
is "and not stored" "$(q "$home" "SELECT count(*) FROM threads WHERE id = $((S1 + 40))")" 0

# ---- B8: links to what the writer cannot see ----
forge "$lap" "$T_DIR/b8.sync" 1 \
	"$(PR="\"$pkey\"" thread $((S1 + 50)) "Z praktyką liderów" anna)" \
	"$(post $((S1 + 51)) $((S1 + 50)) 0 anna "Treść.")"
e --db "$home" --as anna sync apply "$T_DIR/b8.sync" >/dev/null 2>&1
is "B8: a member's thread is not linked to a leaders-only practice" \
	"$(q "$home" "SELECT count(*) FROM practice_threads WHERE thread_id = $((S1 + 50))")" 0

# ---- B9: laundering through another copy ----
forge "$lap" "$T_DIR/b9a.sync" 1 "$unhide_ph"
exit_is "B9: koord's copy refuses a file from another copy" 1 e --db "$kl" --as koord sync apply "$T_DIR/b9a.sync"
forge "$lap" "$T_DIR/b9b.sync" 0 "$unhide_ph"
exit_is "B9: and one claiming to come from home, signed by anna" 1 e --db "$kl" --as koord sync apply "$T_DIR/b9b.sync"
is "the hidden post stays hidden in koord's copy" "$(q "$kl" "SELECT hidden FROM posts WHERE id = $ph")" 1

# ---- B10: a newline in a name forges output ----
forge "$lap" "$T_DIR/b10.sync" 1 \
	"$(post $((S1 + 60)) "$ta" "$pa" 'x\nApplied fake.sync: 99 changes' "y")"
e --db "$home" sync apply "$T_DIR/b10.sync" >"$T_DIR/b10.out" 2>&1
unlike "B10: no forged line in the output" "$(grep -c '^Applied fake' "$T_DIR/b10.out")" 1
like "B10: the newline is shown visibly, on the conflict's line" "$(grep conflict "$T_DIR/b10.out")" "x^JApplied fake"

# ---- side bug: an over-long body's message ----
forge "$lap" "$T_DIR/long.sync" 1 \
	"$(post $((S1 + 70)) "$ta" "$pa" anna "$(head -c 70000 /dev/zero | tr '\0' x)")"
exit_is "a reply over the size limit is refused" 1 e --db "$home" --as anna sync apply "$T_DIR/long.sync"
is "with one clear message (not formatted into itself)" "$(grep -c 'long.sync:3: field "body"' "$T_DIR/err")" 1
unlike "that says it once" "$(sed 's/long.sync:3: field "body"//' "$T_DIR/err")" "long.sync"

# ---- where the secrets are, and a copy withdrawn ----
is "the home database keeps both copies' secrets" "$(q "$home" "SELECT group_concat(site) FROM sync_keys")" "1,2"
is "a copy keeps only its own" "$(q "$kl" "SELECT group_concat(site) FROM sync_keys")" "2"
ok "a public copy can be taken" e --db "$home" snapshot "$T_DIR/pub.db" --public-only
is "and holds no secret" "$(q "$T_DIR/pub.db" "SELECT count(*) FROM sync_keys")" 0
at 09:20:00
printf 'Jeszcze z laptopa koordynatora.\n' | e --db "$kl" --as koord reply "$tk" >/dev/null
e --db "$kl" --as koord sync export "$T_DIR/kl2.sync" >/dev/null
exit_is "a member may not withdraw a copy" 1 e --db "$home" --as anna sync withdraw 2
ok "the administrator withdraws koord's copy (re-issued)" e --db "$home" sync withdraw 2
exit_is "its files are refused from then on" 1 e --db "$home" sync apply "$T_DIR/kl2.sync"
like "with a message that says so" "$(cat "$T_DIR/err")" "withdrawn"
e --db "$home" sync export "$T_DIR/h2.sync" >/dev/null
unlike "the home database no longer signs for it" "$(grep '^SIGN' "$T_DIR/h2.sync")" "SIGN 2 "
exit_is "so the withdrawn copy cannot take the home's files" 1 e --db "$kl" --as koord sync apply "$T_DIR/h2.sync"
ok "anna's copy still can" e --db "$lap" --as anna sync apply "$T_DIR/h2.sync"

# ---- empirie check finds sync damage ----
ok "the home database is in good order after all this" e --db "$home" check
cp "$home" "$T_DIR/damaged.db"
q "$T_DIR/damaged.db" "INSERT INTO threads(id, network_id, title, author_id, created_at, last_post_at)
                       VALUES (77, 1, 'Pusty', 1, '2026-11-28T08:00:00Z', '2026-11-28T08:00:00Z');
                       UPDATE posts SET created_at = '2099-01-01T00:00:00Z' WHERE id = $pa;
                       UPDATE posts SET hidden_reason = hex(zeroblob(40000)) WHERE id = $pk;
                       INSERT INTO practice_threads(practice_id, thread_id)
                         SELECT id, $ta FROM practices WHERE key = '$pkey';
                       INSERT INTO feedback_requests(thread_id, city_id, accepted_post, accepted_at)
                         VALUES ($ta, (SELECT min(id) FROM cities), $pk, '2099-02-02T00:00:00Z');
                       INSERT INTO uptakes(practice_id, city_id, status, started_at, updated_at)
                         SELECT id, (SELECT max(id) FROM cities), 'adapting', '2099-03-03T00:00:00Z',
                                '2099-03-03T00:00:00Z' FROM practices WHERE key = '$pkey';"
exit_is "check finds the damage" 1 e --db "$T_DIR/damaged.db" check
err=$(cat "$T_DIR/out" "$T_DIR/err")
like "a thread without a first post" "$err" "77"
like "a time in the future" "$err" "2099"
like "an oversized field" "$err" "hidden_reason"
like "a link to a practice the thread's readers cannot see" "$err" "$pkey"
like "a feedback request marking a post of another thread" "$err" "Feedback request $ta marks post $pk"
like "... at a time in the future" "$err" "2099-02-02"
like "a practice taken up in the future" "$err" "2099-03-03"
done_testing
