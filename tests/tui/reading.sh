#!/bin/sh
# reading.sh — the reading conveniences of issue 21 at 80×24: marking a thread, a
# network or everything read and undoing it (checked through the CLI), sorting and
# limiting the thread list, collapsing a sub-thread, the position counters, and the
# question before quitting with an unsent draft.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

cli() { "$EMPIRIE" --db "$TUI_DB" --as siec-2 "$@"; }
# Written by someone else (the administrator), so it is unread for siec-2.
writer() { "$EMPIRIE" --db "$TUI_DB" --as root "$@"; }
# The unread column of `list threads` for network 2, and of `list networks`: what the
# store holds, read apart from the application.
threads2() { cli --no-header list threads --network 2 | cut -f 1,4 | sort; }
networks() { cli --no-header list networks | cut -f 1,7; }
total() { cli --no-header list networks | awk -F '\t' '{ s += $7 } END { print s + 0 }'; }

# A thread with a reply tree in network 2: A, its reply, that one's reply, then B.
tid=$(printf 'Pierwszy wpis\n' | writer post --network 2 --title "Wątek z odpowiedziami")
pa=$(printf 'Odpowiedź A\n' | writer reply "$tid")
pb=$(printf 'Odpowiedź na A\n' | writer reply "$tid" --to "$pa")
printf 'Jeszcze niżej\n' | writer reply "$tid" --to "$pb" >/dev/null
printf 'Odpowiedź B\n' | writer reply "$tid" >/dev/null
before_threads=$(threads2)
before_networks=$(networks)
all=$(total)
ok_if "there is something unread to mark ($all)" test "$all" -gt 3

tui_start 80 24 -- --as siec-2
tui_wait "MIASTO CYFROWE"
nn=$(cli --no-header list networks | wc -l)
tui_assert_has "1/$nn " "the Networks panel counts its place (1/$nn)"
tui_keys 2
tui_assert_has "2/$nn " "and follows the selection (2/$nn)"
tui_keys Tab Tab
tui_assert_has "Threads · 2" "the thread list of network 2"
n2=$(cli --no-header list networks | awk -F '\t' '$1 == 2 { print $5 }')
tui_assert_has "1/$n2 " "the thread list counts its place (1/$n2)"

# Ctrl-R: the selected thread; U: undo, back to exactly what was there.
first=$(cli --no-header list threads --network 2 | head -n 1 | cut -f 1)
tui_keys C-r
tui_assert_has "Marked " "Ctrl-R marks the thread read"
ok_if "the store has that thread read" sh -c "$(printf '%s' '"$1" --db "$2" --as siec-2 --no-header list threads --network 2 | awk -F "\t" -v t="$3" '"'"'$1 == t { exit !($4 == 0) }'"'"'')" x "$EMPIRIE" "$TUI_DB" "$first"
tui_keys U
tui_assert_has "Undone: " "U undoes it"
ok_if "the read state of network 2 is as before" test "$(threads2)" = "$before_threads"

# A: the whole network.
tui_keys A
tui_assert_has "Marked " "A marks the network read"
ok_if "the store has network 2 with nothing unread" sh -c 'test "$("$1" --db "$2" --as siec-2 --no-header list networks | awk -F "\t" "\$1 == 2 { print \$7 }")" = 0' x "$EMPIRIE" "$TUI_DB"
ok_if "and the other networks untouched" sh -c 'test "$(printf "%s\n" "$1" | grep -v "^2	")" = "$(printf "%s\n" "$2" | grep -v "^2	")"' x "$(networks)" "$before_networks"
tui_keys U
tui_assert_has "Undone: " "U undoes it"
ok_if "every network's unread count is as before" test "$(networks)" = "$before_networks"

# C: everything; the title line says 0.
tui_keys C
tui_assert_has "0 unread posts" "C marks everything read"
ok_if "the store has nothing unread" test "$(total)" = 0
tui_keys U
tui_assert_has "$all unread posts" "U brings back the count ($all)"
ok_if "the store again has every unread post" test "$(networks)" = "$before_networks"
ok_if "and thread by thread the same marks" test "$(threads2)" = "$before_threads"
tui_keys U
tui_assert_has "There is no marking read to undo." "one undo, for the last marking"

# o: the order cycles and shows in the panel's title.
tui_keys o
tui_assert_has "Threads · 2 · by creation" "o sorts by creation"
tui_keys o
tui_assert_has "Threads · 2 · by title" "o again sorts by title"
tui_keys g
first_title=$(cli --no-header list threads --network 2 | cut -f 6 | LC_ALL=C.UTF-8 sort | head -n 1)
ok_if "the top row is the first title" sh -c 'tmux -L "$1" capture-pane -p -t "$2" | sed -n 3p | grep -qF "$(printf "%s" "$3" | cut -c 1-12)"' x "$TUI_SOCK" "$TUI_SESSION" "$first_title"
tui_keys o
tui_assert_has "Threads · 2 · unread first" "then unread first"
tui_keys o
tui_assert_has "Threads · 2 ─" "and back to activity, with nothing added to the title"

# F: limit to a pattern, in another form of the word ("odpowiedź" for "odpowiedziami").
tui_keys F
tui_assert_has "Limit to titles with" "F asks for a pattern"
tui_type "odpowiedź"
tui_keys Enter
tui_assert_has 'only "odpowiedź"' "the limit shows in the panel's title"
tui_assert_has "1 thread has a title with" "and the status line counts what is left"
tui_assert_has "Wątek z odpowiedziami" "the thread whose title has another form of the word"
tui_assert_lacks "Drugie spotkanie" "the other threads are left out"
tui_assert_has "1/1 " "the counter counts the limited list"
tui_keys F
tui_wait "Limit to titles with"
tui_keys C-u BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace Enter
tui_assert_has "All threads are shown again." "an empty pattern shows all again"
tui_assert_has "Drugie spotkanie" "the others are back"

# The reader: counter, collapse (v) and expand.
tui_keys g
tui_keys Enter
tui_assert_has "Pierwszy wpis" "the thread opens"
tui_assert_has "1/5" "the reader counts the post (1/5)"
tui_keys n
tui_assert_has "2/5" "n: the next post (2/5)"
tui_keys v
tui_assert_has "[+] 2 replies hidden (v: show)" "v collapses the two replies under it, saying how many"
tui_assert_lacks "Jeszcze niżej" "the replies are hidden"
tui_assert_has "Odpowiedź B" "the next sub-thread still shows"
tui_keys n
tui_assert_has "5/5" "n passes the collapsed replies (5/5)"
tui_keys p
tui_assert_has "2/5" "p goes back to the collapsed post"
tui_keys v
tui_assert_has "Jeszcze niżej" "v again expands them"
tui_assert_lacks "replies hidden" "no marker left"
ok_if "the posts shown are read in the store" sh -c "$(printf '%s' '"$1" --db "$2" --as siec-2 --no-header list threads --network 2 | awk -F "\t" -v t="$3" '"'"'$1 == t { exit !($4 == 0) }'"'"'')" x "$EMPIRIE" "$TUI_DB" "$tid"
tui_keys C-r
tui_assert_has "Nothing unread here." "Ctrl-R on a thread read through says so"
tui_keys A
tui_assert_has "Marked " "A in the reader marks the network read"
ok_if "the store has network 2 with nothing unread" sh -c 'test "$("$1" --db "$2" --as siec-2 --no-header list networks | awk -F "\t" "\$1 == 2 { print \$7 }")" = 0' x "$EMPIRIE" "$TUI_DB"
tui_keys q
tui_wait "Threads · 2"

# A collapsed sub-thread longer than the reader loads at a time (30 posts): End and n
# pass it whole, the store never hands its posts over.
long=$(printf 'Początek\n' | writer post --network 2 --title "Długa gałąź")
la=$(printf 'Gałąź\n' | writer reply "$long")
i=1
while [ $i -le 35 ]; do
	printf 'Odpowiedź w gałęzi %d\n' "$i" | writer reply "$long" --to "$la" >/dev/null
	i=$((i + 1))
done
printf 'Koniec wątku\n' | writer reply "$long" >/dev/null
tui_keys g
tui_wait "Długa gałąź"
tui_keys Enter
tui_assert_has "1/38" "the long thread opens (1/38)"
tui_keys n v
tui_assert_has "[+] 35 replies hidden (v: show)" "v hides the 35 replies"
tui_keys n
tui_assert_has "38/38" "n goes past all of them to the last post"
tui_keys g G
tui_assert_has "Koniec wątku" "End shows the last post"
tui_assert_has "[+] 35 replies hidden" "with the collapsed post above it"
tui_assert_lacks "w gałęzi" "and none of the hidden replies"
tui_keys q
tui_wait "Threads · 2"

# A chain of 17 replies: past 16 levels a reply is stored beside its parent (issue 23),
# so the post 15 deep has its replies beside it and cannot collapse them; the post 14
# deep still collapses all three below it.
deep=$(printf 'Korzeń\n' | writer post --network 2 --title "Głęboka rozmowa")
to=$(writer --no-header list posts --thread "$deep" | cut -f 1)
i=1
while [ $i -le 17 ]; do
	to=$(printf 'Poziom %d\n' "$i" | writer reply "$deep" --to "$to")
	i=$((i + 1))
done
tui_keys g
tui_wait "Głęboka rozmowa"
tui_keys Enter
tui_assert_has "1/18" "the deep thread opens (1/18)"
i=1
while [ $i -lt 15 ]; do tui_keys n; i=$((i + 1)); done
tui_assert_has "15/18" "at the post 14 levels deep"
tui_keys v
tui_assert_has "[+] 3 replies hidden (v: show)" "v there hides the three below it"
tui_keys v n
tui_assert_has "16/18" "the post 15 levels deep"
tui_keys v
tui_assert_has "shown beside the post, not under it" "v there says its replies stand beside it"
tui_assert_lacks "no replies to collapse" "not that it has none"
tui_keys n n
tui_assert_has "18/18" "the last post"
tui_keys v
tui_assert_has "no replies to collapse" "which has none"
tui_keys q
tui_wait "Threads · 2"

# Quitting with an unsent draft asks; the draft is kept either way.
tui_keys c
tui_assert_has "New thread in network 2" "the editor opens"
tui_type "Szkic wątku"
tui_keys Tab
tui_type "Treść szkicu"
tui_wait "Treść szkicu"
tui_keys Escape
tui_assert_has "Keep the text as a draft?" "leaving the editor offers to keep the draft"
tui_keys y
tui_wait_gone "Keep the text as a draft?"
drafts() { sqlite3 "$TUI_DB" "SELECT count(*) FROM drafts d JOIN accounts a ON a.id = d.account_id WHERE a.login = 'siec-2'"; }
ok_if "the draft is stored" test "$(drafts)" = 1
tui_keys q
tui_assert_has "You have 1 unsent draft (it is kept). Quit? (y: quit, n or Esc: stay)" "q asks, naming the keys"
tui_keys n
tui_assert_has "Not quitting." "n stays"
ok_if "the program still runs" tui_running
tui_keys F10
tui_assert_has "unsent draft" "F10 asks too"
tui_keys y
ok_if "y quits cleanly" test "$(tui_exit_status)" = 0
ok_if "the draft is still stored" test "$(drafts)" = 1
tui_done
