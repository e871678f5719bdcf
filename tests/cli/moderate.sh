#!/bin/sh
# Coordinators lock, pin and hide; members cannot; every action is audited.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account anna --role member --city Zabrze >/dev/null
e admin add-account koord --role coordinator --network 1 >/dev/null
e admin add-account koord2 --role coordinator --network 2 >/dev/null
tid=$(echo "Pierwszy" | e --as anna post --network 1 --title "Do moderacji")
pid=$(echo "Niegrzeczny wpis z hasłem tajnesłowo" | e --as anna reply "$tid")

exit_is "a member cannot lock" 1 e --as anna moderate lock "$tid"
like "told why" "$(cat "$T_DIR/err")" "coordinator"
exit_is "another network's coordinator cannot" 1 e --as koord2 moderate lock "$tid"
exit_is "the network's coordinator locks" 0 e --as koord moderate lock "$tid" --reason "koniec dyskusji"
exit_is "then members cannot reply" 1 sh -c 'echo x | "$EMPIRIE" --as anna reply "$1"' sh "$tid"
like "told it is locked" "$(cat "$T_DIR/err")" "locked"
exit_is "the coordinator still can" 0 sh -c 'echo "Podsumowanie" | "$EMPIRIE" --as koord reply "$1"' sh "$tid"
exit_is "unlock" 0 e --as koord moderate unlock "$tid"
exit_is "members reply again" 0 sh -c 'echo "Dzięki" | "$EMPIRIE" --as anna reply "$1"' sh "$tid"

oldest=$(e --no-header list threads --network 1 | tail -1 | cut -f1)
exit_is "pin the oldest thread" 0 e --as koord moderate pin "$oldest"
is "pinned comes first" "$(e --no-header list threads --network 1 | head -1 | cut -f1)" "$oldest"
exit_is "unpin" 0 e --as koord moderate unpin "$oldest"
is "back in its place" "$(e --no-header list threads --network 1 | tail -1 | cut -f1)" "$oldest"

exit_is "hiding needs a reason" 1 e --as koord moderate hide "$pid"
like "says so" "$(cat "$T_DIR/err")" "reason"
exit_is "hide a post" 0 e --as koord moderate hide "$pid" --reason "obraźliwy"
e admin add-account piotr --role member --city Zabrze >/dev/null
like "others see the reason, not the text" "$(e --as piotr list posts --thread "$tid")" "[hidden by the coordinator: obraźliwy]"
unlike "the text is gone for them" "$(e --as piotr list posts --thread "$tid")" "Niegrzeczny"
unlike "and from their search" "$(e --as piotr search tajneslowo)" "post"
like "the author still sees it" "$(e --as anna list posts --thread "$tid")" "Niegrzeczny"
like "the coordinator too" "$(e --as koord show thread "$tid")" "Niegrzeczny"
exit_is "unhide" 0 e --as koord moderate unhide "$pid"
like "visible again" "$(e --as piotr list posts --thread "$tid")" "Niegrzeczny"
audit=$(e --no-header admin audit)
like "lock audited with its reason" "$audit" "$(printf 'lock\tthread\t%s' "$tid")"
like "reason kept" "$audit" "koniec dyskusji"
like "hide audited" "$audit" "$(printf 'hide\tpost\t%s' "$pid")"
exit_is "unknown action" 2 e moderate smash "$tid"

# Roles and memberships kept by administrators and coordinators.
exit_is "make anna a leader of Zabrze" 0 e admin set-role anna leader
like "she now sees the leaders' network" "$(e --as anna list networks)" "LEADERSHIP"
is "audited with before and after" "$(e --no-header admin audit | awk -F'\t' '$4 == "set-role" {print $8 ">" $9; exit}')" "member>leader"
exit_is "a member cannot change roles" 1 e --as piotr admin set-role piotr admin
like "told why" "$(cat "$T_DIR/err")" "administrator"
exit_is "unknown role" 2 e admin set-role anna king
exit_is "the coordinator adds Łomża to network 1" 0 e --as koord admin member add 1 Łomża
like "Łomża is listed" "$(e --no-header list cities --keys --network 1)" "$(printf 'Łomża\tpodlaskie\tyes\tlaureate\tadded')"
exit_is "adding again says so" 1 e --as koord admin member add 1 Łomża
like "already a member" "$(cat "$T_DIR/err")" "already a member"
exit_is "another network's coordinator cannot" 1 e --as koord2 admin member remove 1 Łomża
exit_is "the coordinator removes it" 0 e --as koord admin member remove 1 Łomża
unlike "gone" "$(e --no-header list cities --network 1)" "Łomża"
exit_is "a town name of two words" 0 e admin member add 2 Stalowa Wola
like "is found" "$(e --no-header list cities --network 2)" "Stalowa Wola"
done_testing
