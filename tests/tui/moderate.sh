#!/bin/sh
# moderate.sh — coordinators moderate in the full-screen application: hide a post with a
# reason typed at a prompt, show it again, lock and unlock, pin and unpin a thread. The
# store is checked after each through the CLI and sqlite3. Members cannot (told why),
# see the reason in place of a hidden text, and are told the rule when they try to edit
# their hidden post or reply in a locked thread.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is needed"
	exit 0
fi
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
q() { sqlite3 "$TUI_DB" "$1"; }
e admin add-account anna --role member --city Zabrze >/dev/null 2>&1
e admin add-account piotr --role member --city Zabrze >/dev/null 2>&1
e admin add-account koord --role coordinator --network 1 >/dev/null 2>&1
tid=$(echo "Początek wątku" | e --as anna post --network 1 --title "Wątek do moderacji")
post_id=$(echo "Niegrzeczny wpis Anny" | e --as anna reply "$tid")

open_thread() { # LOGIN
	tui_start 110 32 -- --as "$1"
	tui_wait "MIASTO CYFROWE" 10
	tui_keys 1 Tab Tab Enter
	tui_wait "Początek wątku"
}

# --- a coordinator ---
open_thread koord
tui_assert_has "Początek wątku" "the coordinator opens the thread"
tui_assert_has "Hide" "the key bar shows Hide"
tui_assert_has "Lock" "and Lock"
tui_keys n
tui_keys H
tui_assert_has "Why hide this post?" "H asks why the post is hidden"
tui_keys Enter
tui_assert_has "A reason is needed" "an empty reason is refused, with a message, and asked again"
tui_keys Escape
tui_assert_has "Cancelled; nothing was changed" "Esc cancels"
ok_if "nothing was changed" test "$(q "SELECT hidden FROM posts WHERE id = $post_id")" = 0
tui_keys H
tui_wait "Why hide this post?"
tui_type "obraźliwy ton"
tui_assert_has "Why hide this post? Enter hides it, Esc cancels: obraźliwy ton" "the reason is typed at the prompt"
tui_keys Enter
tui_assert_has "The post is hidden" "Enter hides the post"
ok_if "the store has it hidden with the reason" \
	test "$(q "SELECT hidden || '|' || hidden_reason FROM posts WHERE id = $post_id")" = "1|obraźliwy ton"
tui_assert_has "hidden by a coordinator: obraźliwy ton" "the coordinator still sees the text, marked with the reason"
like_audit() { e --no-header admin audit | grep -q "$1"; }
ok_if "the audit log has it, with the reason" like_audit "$(printf 'hide\tpost\t%s' "$post_id")"
tui_keys L
tui_assert_has "Why lock the thread" "L asks why the thread is locked"
tui_type "koniec dyskusji"
tui_keys Enter
tui_assert_has "The thread is locked" "Enter locks the thread"
ok_if "the store has it locked" test "$(q "SELECT locked FROM threads WHERE id = $tid")" = 1
tui_assert_has "[locked] Wątek do moderacji" "the title line says it is locked"
tui_keys T
tui_assert_has "The thread is pinned" "T pins the thread"
ok_if "the store has it pinned" test "$(q "SELECT pinned FROM threads WHERE id = $tid")" = 1
tui_keys T
tui_assert_has "no longer pinned" "T again unpins it"
ok_if "the store has it unpinned" test "$(q "SELECT pinned FROM threads WHERE id = $tid")" = 0
tui_keys '?'
tui_assert_has "Pin the thread at the top" "the help lists the moderation keys"
tui_keys q
tui_stop

# --- a member of the network ---
open_thread anna
tui_keys H
tui_assert_has "Only the network's coordinator or an administrator can lock, pin or hide" \
	"a member pressing H is told who may"
tui_keys L
tui_assert_has "Only the network's coordinator or an administrator" "and L"
tui_keys n e
tui_assert_has "This thread is locked by the coordinator: no more replies or edits" \
	"the author trying to edit her post in the locked thread gets the rule explained"
tui_keys r
tui_assert_has "This thread is locked by the coordinator" "replying in the locked thread: the rule"
ok_if "her post is unchanged" test "$(q "SELECT body FROM posts WHERE id = $post_id")" = "Niegrzeczny wpis Anny"
tui_stop
open_thread piotr
tui_assert_has "obraźliwy ton" "another member sees the reason in place of the post"
ok_if "but not its text" tui_wait_gone "Niegrzeczny" 1
tui_stop

# --- the coordinator opens the thread again; the post stays hidden for now ---
open_thread koord
tui_keys L
tui_assert_has "The thread is open again" "L on a locked thread opens it"
ok_if "the store has it unlocked" test "$(q "SELECT locked FROM threads WHERE id = $tid")" = 0
tui_stop
open_thread anna
tui_keys n e
tui_assert_has "A coordinator has hidden this post, so it cannot be edited" \
	"the author trying to edit her hidden post gets the rule explained"
tui_stop
open_thread koord
tui_keys n H
tui_assert_has "The post is shown again" "H on a hidden post shows it again"
ok_if "the store has it shown" test "$(q "SELECT hidden FROM posts WHERE id = $post_id")" = 0
tui_keys q q
ok_if "quits cleanly" test "$(tui_exit_status)" = 0
tui_done
