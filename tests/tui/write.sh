#!/bin/sh
# write.sh — new thread, reply, reply with quote and edit, checked through the CLI.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

TEXT="Zażółć gęślą jaźń"
tui_start 100 30 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F3
tui_assert_has "New thread in network 1" "F3 opens the editor for a new thread"
tui_type "Próba: $TEXT"
tui_keys Tab
tui_type "$TEXT"
tui_keys Enter
tui_type "druga linia"
tui_keys C-x
tui_assert_has "Send this now?" "Ctrl-X asks before sending"
tui_keys y
tui_assert_has "Sent." "the thread is sent"
tui_assert_has "druga linia" "the reader shows the new thread"

ID=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | awk -F '\t' -v t="Próba: $TEXT" '$6 == t { print $1 }')
ok_if "the thread is stored with its exact title" test -n "$ID"
BODY=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID" | awk -F '\t' 'NR == 1 { print $8 }')
ok_if "the body is stored exactly" test "$BODY" = "$TEXT\\ndruga linia"

tui_keys r
tui_assert_has "Reply to" "r opens a reply"
tui_type "Odpowiedź: $TEXT"
tui_keys F2
tui_assert_has "Send this now?" "F2 asks before sending"
tui_keys y
tui_assert_has "Odpowiedź: $TEXT" "the reply shows in the reader"
tui_keys R
tui_assert_has "> $TEXT" "R quotes the post with > lines"
tui_type "Cytat dodany"
tui_keys C-x y
tui_assert_has "Cytat dodany" "the quoting reply shows"
POSTS=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID")
ok_if "three posts are stored" test "$(printf '%s\n' "$POSTS" | wc -l)" -eq 3
ok_if "the reply is stored exactly" sh -c 'printf "%s\n" "$1" | awk -F "\t" "\$8 == \"Odpowiedź: $2\"" | grep -q .' x "$POSTS" "$TEXT"
ok_if "the quote is stored with > lines" sh -c 'printf "%s\n" "$1" | grep -qF "> $2\\n> druga linia\\n\\nCytat dodany"' x "$POSTS" "$TEXT"
ok_if "replies are indented under what they answer" sh -c 'printf "%s\n" "$1" | awk -F "\t" "\$3 == 1" | grep -q .' x "$POSTS"

tui_keys g e
tui_assert_has "Edit your post" "e edits the own post"
tui_type " – poprawione"
tui_keys C-x y
tui_assert_has "poprawione" "the edited post shows"
BODY=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID" | awk -F '\t' 'NR == 1 { print $8 }')
ok_if "the edit is stored" test "$BODY" = "$TEXT\\ndruga linia – poprawione"
tui_keys q q
ok_if "quits cleanly" test "$(tui_exit_status)" = 0
tui_done
