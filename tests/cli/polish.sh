#!/bin/sh
# polish.sh — the CLI understands Polish as people type it (issue 18): town names in any
# case, without Polish letters or cut short; "did you mean" for commands, options and
# searches; lemma search on or off with the dictionary.
. "${srcdir:-.}/tests/lib.sh"

e init >/dev/null 2>&1
for name in kedzierzyn "Kędzierzynie-Koźlu" "w Żywcu" zywca "stalowej woli" ŁOMŻY \
	"Ostrowcu Świętokrzyskim" tarnowie; do
	exit_is "show city '$name' is found" 0 e show city "$name"
done
e show city kedzierzyn >"$T_DIR/k"
is "kedzierzyn names Kędzierzyn-Koźle" "$(head -n 1 "$T_DIR/k")" "Kędzierzyn-Koźle"
exit_is "show city ostrow is two towns" 1 e show city ostrow
like "which are named" "$(cat "$T_DIR/err")" "Ostrowiec Świętokrzyski, Ostrów Wielkopolski"
exit_is "show city zywec is not a town" 1 e show city zywec
like "the nearest is suggested" "$(cat "$T_DIR/err")" 'did you mean "Żywiec"?'

exit_is "lsit is no command" 2 e lsit
like "did you mean list" "$(cat "$T_DIR/err")" "Did you mean 'list'?"
exit_is "--netowrk is no option" 2 e list --netowrk 3
like "did you mean --network" "$(cat "$T_DIR/err")" "Did you mean '--network'?"
exit_is "--reindx is no option of check" 2 e check --reindx
like "did you mean --reindex" "$(cat "$T_DIR/err")" "Did you mean '--reindex'?"
exit_is "xyzzy is no command" 2 e xyzzy
unlike "nothing near xyzzy" "$(cat "$T_DIR/err")" "Did you mean"

exit_is "search zywec" 0 e search zywec
like "did you mean: Żywiec" "$(cat "$T_DIR/err")" "Did you mean: Żywiec?"
exit_is "search rewitalizacjowe" 0 e search rewitalizacjowe
like "the results for the beginning" "$(cat "$T_DIR/err")" 'showing the results for "rewitaliza…"'
like "which find the practice" "$(cat "$T_DIR/out")" "Rewitalizacja zbiornika"
exit_is "search: Łomży" 0 e search Łomży
like "finds Łomża" "$(cat "$T_DIR/out")" "Łomża"

if [ -r /usr/share/hunspell/pl_PL.dic ]; then
	exit_is "info" 0 e info
	like "lemma search is on" "$(cat "$T_DIR/out")" "Lemma search: on"
	exit_is "search rewitalizacji" 0 e search rewitalizacji
	like "finds the practice by its lemma" "$(cat "$T_DIR/out")" "Rewitalizacja zbiornika"
else
	skip "the Polish dictionary is not installed (hunspell-pl)"
	skip "the Polish dictionary is not installed (hunspell-pl)"
	skip "the Polish dictionary is not installed (hunspell-pl)"
	skip "the Polish dictionary is not installed (hunspell-pl)"
fi
printf 'dictionary = %s/none/pl_PL\n' "$T_DIR" >"$T_DIR/nodict.conf"
exit_is "info without the dictionary" 0 e --config "$T_DIR/nodict.conf" info
like "lemma search is off" "$(cat "$T_DIR/out")" "Lemma search: off"
like "how to turn it on" "$(cat "$T_DIR/out")" "apt-get install hunspell-pl"
exit_is "search works without it" 0 e --config "$T_DIR/nodict.conf" search rewitalizacja
like "the word as written" "$(cat "$T_DIR/out")" "Rewitalizacja zbiornika"
exit_is "reindex without it" 0 e --config "$T_DIR/nodict.conf" check --reindex
like "says it has no lemmas" "$(cat "$T_DIR/out")" "without lemmas"
if [ -r /usr/share/hunspell/pl_PL.dic ]; then
	e info >"$T_DIR/out"
	like "info: the index is out of date" "$(cat "$T_DIR/out")" "check --reindex"
	exit_is "reindex with the dictionary" 0 e check --reindex
	like "says it has lemmas" "$(cat "$T_DIR/out")" "with lemmas"
	exit_is "search rewitalizacji again" 0 e search rewitalizacji
	like "finds the practice again" "$(cat "$T_DIR/out")" "Rewitalizacja zbiornika"
fi
done_testing
