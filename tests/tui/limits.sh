#!/bin/sh
# limits.sh — the application tells the person about the limits instead of silently
# cutting: the search line's length, the posting limit (post_limit in the system
# configuration), a draft too long to keep. The store is checked afterwards via the CLI.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
e admin add-account anna --role member --city Zabrze >/dev/null 2>&1
tid=$(echo "Początek" | e post --network 1 --title "Wątek limitów")
conf="$TUI_TMP/limit.conf"
printf 'post_limit = 1\n' >"$conf"
count_anna() {
	sqlite3 "$TUI_DB" "SELECT count(*) FROM posts p JOIN accounts a ON a.id = p.author_id WHERE a.login = 'anna'"
}

# --- the search line ---
tui_start 100 30 -- --as anna
tui_wait "MIASTO CYFROWE" 10
tui_keys /
tui_assert_has "Search:" "the search opens"
tui_type "$(printf '%0210d' 0)"
tui_assert_has "holds at most 200 characters" "typing past 200 characters says the line is full"
tui_keys Enter
ok_if "the search still runs on what was taken (no error)" tui_wait_gone "too long" 2
tui_keys Escape q
tui_stop

# --- the posting limit ---
tui_start 100 30 -- --config "$conf" --as anna
tui_wait "MIASTO CYFROWE" 10
tui_keys 1 Tab Tab Enter
tui_assert_has "Początek" "the thread opens"
tui_keys r
tui_assert_has "Reply to" "the reply editor opens"
tui_type "Pierwsza odpowiedź"
tui_keys C-x y
tui_assert_has "Sent." "the first reply is sent"
tui_keys r
tui_assert_has "Reply to" "the editor opens again"
tui_type "Druga odpowiedź"
tui_keys C-x y
tui_assert_has "You can post again in" "the second in the same minute is refused, saying when to try again"
tui_assert_has "Druga odpowiedź" "the text stays in the editor"
ok_if "the store holds one reply of hers" test "$(count_anna)" = 1
ok_if "the refused text is kept as a draft" \
	test "$(sqlite3 "$TUI_DB" "SELECT count(*) FROM drafts WHERE body = 'Druga odpowiedź'" 2>/dev/null || echo 1)" = 1
tui_stop

# --- a draft too long to keep ---
big="$TUI_TMP/big.sh"
cat >"$big" <<'EOF'
#!/bin/sh
python3 -c 'import sys; open(sys.argv[1], "w").write("długi tekst " * 7000)' "$1"
EOF
chmod +x "$big"
if command -v python3 >/dev/null; then
	tui_start 100 30 "VISUAL=$big" -- --as anna
	tui_wait "MIASTO CYFROWE" 10
	tui_keys 1 Tab Tab Enter
	tui_wait "Początek"
	tui_keys r
	tui_wait "Reply to"
	tui_keys y 2>/dev/null # (a draft offer, if any, is taken)
	tui_keys C-o
	ok_if "a text of 90 KB: the editor says it cannot be kept as a draft" tui_wait "too long to keep as a draft" 15
	tui_keys C-x y
	tui_assert_has "The text is too long" "and sending it says the post is too long"
	ok_if "no draft over the limit is stored" \
		test "$(sqlite3 "$TUI_DB" "SELECT count(*) FROM drafts WHERE length(body) > 65536" 2>/dev/null || echo 0)" = 0
	tui_stop
else
	tui_skip "a long text from the external editor" "python3 is needed"
fi
tui_done
