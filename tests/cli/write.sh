#!/bin/sh
# Writing from the command line: post, reply, edit; permissions; unread; audit.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
me=$(id -un)
ok "add a member of Zabrze" e admin add-account anna --name "Anna Test" --role member --city Zabrze
ok "add a guest" e admin add-account gosc --role guest
ok "add a member of Łomża" e admin add-account lomza1 --role member --city Łomża
exit_is "duplicate login refused" 1 e admin add-account anna
like "says it exists" "$(cat "$T_DIR/err")" "already exists"
exit_is "a login with an escape sequence is refused" 1 e admin add-account "$(printf 'x\033[31m')"
exit_is "a login with a space is refused" 1 e admin add-account "a b"
exit_is "unknown town refused" 1 e admin add-account x --city Atlantyda
like "names the town" "$(cat "$T_DIR/err")" "Atlantyda"

body='Zażółć gęślą jaźń
druga linia	z tabulatorem'
exit_is "anna posts in network 1 (Zabrze is a member)" 0 sh -c 'printf "%s" "$1" | "$EMPIRIE" --as anna post --network 1 --title "Pytanie o e-usługi"' sh "$body"
tid=$(cat "$T_DIR/out")
[ "$tid" -gt 0 ] 2>/dev/null; t_result $? "post prints the new thread number"
exit_is "list posts" 0 e --no-header list posts --thread "$tid"
is "the body is stored exactly (escaped in TSV)" "$(cut -f8 "$T_DIR/out")" 'Zażółć gęślą jaźń\ndruga linia\tz tabulatorem'
is "the author is anna" "$(cut -f5 "$T_DIR/out")" "Anna Test"
is "the town is Zabrze" "$(cut -f6 "$T_DIR/out")" "Zabrze"
first=$(cut -f1 "$T_DIR/out")

exit_is "the owner replies" 0 sh -c 'echo "Odpowiedź administratora" | "$EMPIRIE" reply "$1"' sh "$tid"
r1=$(cat "$T_DIR/out")
exit_is "anna answers the reply" 0 sh -c 'echo "Dziękuję" | "$EMPIRIE" --as anna reply "$1" --to "$2"' sh "$tid" "$r1"
r2=$(cat "$T_DIR/out")
exit_is "owner answers the first post again" 0 sh -c 'echo "Jeszcze jedno" | "$EMPIRIE" reply "$1"' sh "$tid"
r3=$(cat "$T_DIR/out")
order=$(e --no-header list posts --thread "$tid" | cut -f1,2,3 | tr '\t\n' ':,')
is "reading order: replies under what they answer" "$order" "$first:0:0,$r1:$first:1,$r2:$r1:2,$r3:$first:1,"

exit_is "a guest cannot post" 1 sh -c 'echo x | "$EMPIRIE" --as gosc reply "$1"' sh "$tid"
like "and is told why" "$(cat "$T_DIR/err")" "Guests can read but not write"
exit_is "a member cannot write in another town's network" 1 sh -c 'echo x | "$EMPIRIE" --as lomza1 reply "$1"' sh "$tid"
like "told why" "$(cat "$T_DIR/err")" "not a member of this network"
exit_is "but can in its own (network 6)" 0 sh -c 'echo "Z Łomży" | "$EMPIRIE" --as lomza1 post --network 6 --title "Łomża pyta"'
exit_is "an unknown --as login is refused" 1 sh -c 'echo x | "$EMPIRIE" --as nikt reply "$1"' sh "$tid"
like "names the login" "$(cat "$T_DIR/err")" "nikt"
exit_is "non-members cannot see the leaders' network" 1 e --as anna show network 8
exit_is "nor its threads" 1 e --as anna list threads --network 8
unlike "nor list it" "$(e --as anna list networks)" "LEADERSHIP"

exit_is "anna edits her post" 0 sh -c 'echo "Poprawiona treść" | "$EMPIRIE" --as anna edit "$1"' sh "$first"
like "the new text is stored" "$(e --no-header list posts --thread "$tid" | head -1)" "Poprawiona treść"
exit_is "anna cannot edit the owner's post" 1 sh -c 'echo x | "$EMPIRIE" --as anna edit "$1"' sh "$r1"
like "told why" "$(cat "$T_DIR/err")" "only your own posts"

posts_before=$(e --no-header list posts --thread "$tid" | wc -l)
exit_is "an empty body is refused" 1 sh -c 'printf "  \n" | "$EMPIRIE" reply "$1"' sh "$tid"
like "saying it is empty" "$(cat "$T_DIR/err")" "empty"
exit_is "invalid UTF-8 is refused" 1 sh -c 'printf "\377\376" | "$EMPIRIE" reply "$1"' sh "$tid"
like "saying why" "$(cat "$T_DIR/err")" "UTF-8"
exit_is "an empty title is refused" 1 sh -c 'echo x | "$EMPIRIE" post --network 1 --title " "'
is "nothing half-written" "$(e --no-header list posts --thread "$tid" | wc -l)" "$posts_before"

# Unread: what you wrote or answered counts as read; the rest shows in the list.
unread() { e --as "$1" --no-header list threads --network 1 | awk -F'\t' -v t="$tid" '$1 == t {print $4}'; }
is "anna has one unread post (the reply after her answer)" "$(unread anna)" 1
is "the guest account has read nothing: 4 unread" "$(unread gosc)" 4
like "list posts marks which are new for anna" "$(e --as anna --no-header list posts --thread "$tid" | cut -f1,7 | tr '\t\n' ':,')" "$r3:yes,"
search=$(e --no-header search odpowiedz administratora)
like "search finds a reply without Polish letters" "$search" "$(printf 'post\t%s\t%s' "$r1" "$tid")"
like "search finds the thread by a prefix of its title" "$(e --no-header search pytanie e-uslug)" "$(printf 'thread\t%s' "$tid")"
unlike "the edited-away text is gone from the index" "$(e --no-header search gesla)" "post"

exit_is "the audit log lists the changes" 0 e --no-header admin audit
like "with the edit's old text" "$(grep 'edit' "$T_DIR/out")" 'Zażółć gęślą jaźń'
exit_is "only admins read it" 1 e --as anna admin audit
exit_is "check passes" 0 e check
like "check says so" "$(cat "$T_DIR/out")" "good order"
exit_is "check --reindex" 0 e check --reindex
exit_is "search still works after reindex" 0 e --no-header search "Łomża pyta"
like "finds the thread" "$(cat "$T_DIR/out")" "Łomża pyta"

done_testing
