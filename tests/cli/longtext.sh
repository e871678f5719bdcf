#!/bin/sh
# Long user text is never cut without a mark (issue 19): a town's name of 800 characters
# in an error from the store (a value of bounded size: the cut is marked with "…", at a
# character, and the message's end stays), and one in the program's own usage errors
# (any length: all of it is shown).
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
long=""
i=0; while [ $i -lt 200 ]; do long="${long}ŻółwŻółwŻółwŻółw"; i=$((i + 1)); done

exit_is "show city with an unknown name of 3,200 characters fails" 1 e show city "$long"
msg=$(cat "$T_DIR/err")
unlike "the error has no broken character" "$msg" '<\x'
like "the cut is marked" "$msg" 'ŻółwŻ…'
case "$msg" in *'" in the directory') r=0 ;; *) r=1 ;; esac
t_result $r "the error's end stays: ... in the directory"
[ "$(printf '%s' "$msg" | wc -l)" -eq 0 ]; t_result $? "and it is one line"

exit_is "show meeting with a name of 3,200 characters is a usage error" 2 e show meeting "$long"
first=$(head -n 1 "$T_DIR/err")
is "the usage error shows all of it" "$first" "empirie: a meeting is given by its number, not '$long'"
done_testing
