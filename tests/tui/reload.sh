#!/bin/sh
# reload.sh — a post reloads only the sessions that show what it changed (issue 20):
# a session reading one thread does not load that thread again when someone posts in
# another network, yet its unread count follows; a post in its own thread does reload
# it. EMPIRIE_TRACE_RELOADS records what the session loads again (and "look" for each
# look that found a change).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
trace="$TUI_TMP/reloads"
tid_a=$(echo "Wątek czytany w sesji" | e post --network 1 --title "Wątek A czytany")
tid_b=$(echo "Wątek w innej sieci" | e post --network 2 --title "Wątek B gdzie indziej")
tui_start 120 30 "EMPIRIE_TRACE_RELOADS=$trace" -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys Tab Tab
tui_assert_has "› Threads" "the threads of network 1 show"
tui_keys g Enter
tui_assert_has "Wątek czytany w sesji" "thread A opens"
# The unread total as the store counts it for siec-1 (the reader marks thread A read
# once it has shown it: wait until the title agrees before posting).
unread_store() { e --as siec-1 list networks | awk -F '\t' 'NR > 1 { n += $7 } END { print n + 0 }'; }
read_a() { sqlite3 "$TUI_DB" "SELECT read_count FROM read_state WHERE thread_id = $tid_a AND account_id = (SELECT id FROM accounts WHERE login = 'siec-1')" 2>/dev/null; }
settled() { [ "$(read_a)" = 1 ] && tui_screen | head -n 1 | grep -q " $(unread_store) unread post"; }
tries=0
until settled || [ "$tries" -gt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
before=$(unread_store)
lines=$(wc -l <"$trace" 2>/dev/null || echo 0)
echo "Odpowiedź w sieci 2" | e reply "$tid_b" >/dev/null
expect=$(unread_store)
ok_if "a post in another network raises the unread count on the title line ($before → $expect)" \
	tui_wait " $expect unread posts" 10
# Everything this session loaded again for that post, after the count changed.
sleep 1
tail -n +"$((lines + 1))" "$trace" 2>/dev/null >"$TUI_TMP/after_b"
sed 's/^/#   trace: /' "$TUI_TMP/after_b"
ok_if "the trace of reloads is written" test -s "$trace"
ok_if "the open thread A is not loaded again for a post in network 2" \
	sh -c "! grep -qx 'thread $tid_a' '$TUI_TMP/after_b'"
ok_if "the thread list of network 1 (under the reader) is not loaded again for it" \
	sh -c "! grep -qx 'threads 1' '$TUI_TMP/after_b'"
ok_if "the towns of network 1 are not loaded again for it" \
	sh -c "! grep -qx 'towns 1' '$TUI_TMP/after_b'"
lines=$(wc -l <"$trace" 2>/dev/null || echo 0)
echo "Odpowiedź w wątku A" | e reply "$tid_a" >/dev/null
tui_assert_has "Odpowiedź w wątku A" "a reply in thread A appears in the open thread"
tail -n +"$((lines + 1))" "$trace" 2>/dev/null >"$TUI_TMP/after_a"
ok_if "thread A was loaded again for it" grep -qx "thread $tid_a" "$TUI_TMP/after_a"
# A read mark written by another account changes the database but nothing this session shows.
# (Its own read mark for the reply in thread A comes first: wait for it.)
tries=0
until [ "$(read_a)" = 2 ] || [ "$tries" -gt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
sleep 1
lines=$(wc -l <"$trace" 2>/dev/null || echo 0)
sqlite3 "$TUI_DB" "INSERT OR REPLACE INTO read_state (account_id, thread_id, network_id, read_count, last_read_id)
	SELECT a.id, t.id, t.network_id, t.post_count, t.last_post_id FROM accounts a, threads t
	 WHERE a.login = 'siec-2' AND t.id = $tid_b"
sleep 2
tail -n +"$((lines + 1))" "$trace" 2>/dev/null >"$TUI_TMP/after_read"
sed 's/^/#   trace: /' "$TUI_TMP/after_read"
ok_if "another account's read marks reload no thread or list here" \
	sh -c "! grep -v -e '^unread\$' -e '^look\$' -e '^draw ' '$TUI_TMP/after_read' | grep -q ."

# The good-practice library (and the meetings and towns lists, the same faceted screen)
# shows nothing a post changes: a post elsewhere loads none of it again (issue 20: it
# used to read every practice again, in every session on it, for each post); a change
# of a practice still does.
tui_keys q
tui_keys F8
tui_assert_has "Good practices:" "the library opens"
sleep 1
lines=$(wc -l <"$trace" 2>/dev/null || echo 0)
echo "Odpowiedź przy bibliotece" | e reply "$tid_b" >/dev/null
sleep 2
tail -n +"$((lines + 1))" "$trace" 2>/dev/null >"$TUI_TMP/after_lib"
sed 's/^/#   trace: /' "$TUI_TMP/after_lib"
ok_if "the session looked at the post (a line 'look')" grep -qx look "$TUI_TMP/after_lib"
ok_if "the library was not loaded again for a post" \
	sh -c "! grep -q '^facets' '$TUI_TMP/after_lib'"
lines=$(wc -l <"$trace" 2>/dev/null || echo 0)
e practice add --title "Praktyka dodana w innej sesji" --town Hrubieszów --networks 1 \
	--problem "czy lista ją pokaże" >/dev/null
ok_if "a practice added elsewhere shows in the open library" \
	tui_wait "Praktyka dodana w innej sesji" 10
tail -n +"$((lines + 1))" "$trace" 2>/dev/null >"$TUI_TMP/after_add"
ok_if "... loaded again for it" grep -q '^facets' "$TUI_TMP/after_add"

tui_keys F10
tui_done
