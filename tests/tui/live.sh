#!/bin/sh
# live.sh — what another session writes appears on this screen within seconds, without
# a key or a restart: in the thread list, the unread count and an open thread.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
tui_start 120 30 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys Tab Tab
tui_assert_has "› Threads" "the threads of network 1 show"
tid=$(echo "Wpis z innej sesji" | e post --network 1 --title "Nowy wątek z innej sesji")
tui_assert_has "Nowy wątek z innej sesji" "a thread posted elsewhere appears by itself"
tui_keys g Enter
tui_assert_has "Wpis z innej sesji" "it opens"
echo "Odpowiedź napisana gdzie indziej" | e reply "$tid" >/dev/null
tui_assert_has "Odpowiedź napisana gdzie indziej" "a reply posted elsewhere appears in the open thread"
# Back in the list, the thread stays selected when a post from elsewhere moves it up.
tui_keys q Down Down
tui_wait "› Threads" 5
sel_tid=$(sqlite3 "$TUI_DB" "SELECT id FROM threads WHERE network_id = (SELECT id FROM networks WHERE number = 1)
	ORDER BY pinned DESC, last_post_at DESC, id DESC LIMIT 1 OFFSET 2" 2>/dev/null)
echo "Jeszcze jedna odpowiedź" | e reply "$sel_tid" >/dev/null
sleep 2
tui_keys Enter
sel_title=$(sqlite3 "$TUI_DB" "SELECT title FROM threads WHERE id = $sel_tid" | cut -c1-30)
tui_assert_has "Jeszcze jedna odpowiedź" "a thread that moved up with a post from elsewhere is still the one selected ($sel_title)"
tui_keys F10
# A thread list longer than the window, seen from its top: a new thread shows at the top
# (issue 20; it used to stay above the window, reachable only by scrolling up).
i=0
while [ "$i" -lt 40 ]; do
	echo "Wpis numer $i" | e post --network 3 --title "Wątek numer $i" >/dev/null
	i=$((i + 1))
done
tui_start 120 30 -- --as siec-3
tui_assert_has "MIASTO CYFROWE" "the main screen shows again"
tui_keys Down Down
tui_assert_has "Wątek numer 39" "network 3's long thread list shows its newest thread first"
echo "Nowy na górze" | e post --network 3 --title "Zupełnie nowy wątek na górze" >/dev/null
tui_assert_has "Zupełnie nowy wątek na górze" "a new thread appears at the top of a long list seen from its top"
tui_keys F10
tui_done
