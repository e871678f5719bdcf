#!/bin/sh
# Every --help fits 80 columns (issue 19): the program's, every command's and every
# subcommand's (the commands from 'empirie --help', their subcommands from the completion),
# in English and in Polish. Columns are characters, not bytes: a Polish letter is two bytes
# and one column.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1

# wide FILE: the lines of FILE over 80 characters (UTF-8 continuation bytes not counted).
wide() {
	LC_ALL=C tr -d '\200-\277' <"$1" | LC_ALL=C awk 'length($0) > 80 { print NR }' |
		while read -r n; do sed -n "${n}p" "$1"; done
}
# subs CMD...: the subcommands the completion offers after CMD... (no options).
subs() { e complete $(($# + 1)) empirie "$@" '' 2>/dev/null | sed 1d | grep '^[a-z][a-z-]*$'; }

cmds=$(LC_ALL=C e --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
[ "$(echo $cmds | wc -w)" -gt 20 ]; t_result $? "the commands are listed ($(echo $cmds | wc -w))"
# Every place with a --help: "" (the program), each command, each subcommand, and the
# subcommands of those (admin member add).
places="-"
for c in $cmds; do
	places="$places $c"
	for s in $(subs "$c"); do
		places="$places $c:$s"
		for t in $(subs "$c" "$s"); do places="$places $c:$s:$t"; done
	done
done
[ "$(echo $places | wc -w)" -gt 60 ]; t_result $? "with their subcommands ($(echo $places | wc -w) places)"

check_lang() { # LOCALE NAME
	lc=$1 name=$2 bad="" n=0
	for p in $places; do
		set -- $(echo "$p" | tr ':' ' ')
		[ "$1" = - ] && set --
		LC_ALL=$lc LANG=$lc e "$@" --help >"$T_DIR/help" 2>&1
		n=$((n + 1))
		w=$(wide "$T_DIR/help")
		[ -z "$w" ] || { bad="$bad ${*:-empirie}"; diag "empirie $* --help ($name):
$w"; }
	done
	is "$name: no --help line over 80 columns ($n helps)" "$bad" ""
}
check_lang C.UTF-8 English
# The check can fail: a line of 81 characters, 9 of them Polish letters, is found;
# one of 80 such is not.
printf '%s\n' "$(printf '%072d' 0)ąęłńóśźżć" "$(printf '%071d' 0)ąęłńóśźżć" >"$T_DIR/help"
is "(the check can fail: 81 characters counted, not bytes)" "$(wide "$T_DIR/help" | wc -l)" 1
if has_locale pl_PL.UTF-8; then
	check_lang pl_PL.UTF-8 Polish
else
	skip "locale pl_PL.UTF-8 is not installed (locale-gen pl_PL.UTF-8)"
fi
done_testing
