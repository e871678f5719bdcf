#!/bin/sh
# The command tables rule (issue 19): what a command accepts is what its --help lists and
# what the shell completion offers. Derived from the program, not from a list kept here:
# - every option found in a getopt array of the sources that a command accepts (its parser
#   does not answer "unknown option", with or without one of its subcommands) appears in
#   that command's --help;
# - every option its --help lists is accepted;
# - every word of the sources a command with subcommands dispatches (does not refuse as an
#   unknown subcommand) appears in its --help and is offered by the completion.
if [ -n "${EMPIRIE_SANITIZED:-}" ] || [ -n "${EMPIRIE_VALGRIND_BIN:-}" ]; then
	# About 1,700 starts of the program: minutes more under sanitizers or valgrind, for
	# a property of the tables that the plain build's run checks (they are the same).
	echo "1..0 # SKIP the tables are checked by the run without sanitizers or valgrind"
	exit 0
fi
. "$top_srcdir/tests/lib.sh"
export LC_ALL=C LANG=C
e init >/dev/null 2>&1
cd "$T_DIR" || exit 1

# The options of the sources' getopt arrays and option tables: { "name", xxx_argument.
src_opts=$(cat "$top_srcdir"/src/cli/*.c |
	sed -n 's/.*{ *"\([a-z][a-z0-9-]*\)", *\(no\|required\|optional\)_argument.*/\1/p; s/.*CLI_OPT[A-Z_]*( *"\([a-z][a-z0-9-]*\)".*/\1/p' |
	sort -u)
[ -n "$src_opts" ]; t_result $? "the sources' option arrays are found ($(echo $src_opts | wc -w) names)"

cmds=$(e --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$cmds" ]; t_result $? "--help lists the commands"

# refused CMD [SUB] --OPT: the command's parser says it does not know the option.
refused() { e "$@" </dev/null >/dev/null 2>"$T_DIR/err"; eval "last=\${$#}"; grep -q "unknown option '$last'" "$T_DIR/err"; }
# The subcommands the completion offers first (empty for commands without any).
subs_of() { e complete 2 empirie "$1" '' 2>/dev/null | sed 1d; }
# getopt_long takes a unique beginning of a long option (--to for --town): not another one.
abbrev() { printf '%s\n' "$2" | grep -q -- "^$1."; }

# Where the options are parsed: the command itself, or (when it reads its options only
# after a subcommand: admin add-account) each subcommand that refuses an unknown one.
unlisted="" unaccepted="" places=0
for cmd in $cmds; do
	help=$(e "$cmd" --help 2>&1 | sed "s/'empirie [^']*'//g")
	helpopts=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	if refused "$cmd" --zzzq; then where="-"
	else where=$(for s in $(subs_of "$cmd"); do refused "$cmd" "$s" --zzzq && echo "$s"; done); fi
	for s in $where; do
		places=$((places + 1))
		set -- "$cmd"; [ "$s" = - ] || set -- "$cmd" "$s"
		for o in $src_opts; do
			[ "$o" = help ] && continue
			refused "$@" "--$o" && continue
			abbrev "--$o" "$helpopts" && continue
			printf '%s\n' "$helpopts" | grep -qx -- "--$o" || unlisted="$unlisted $cmd${2:+ $2}:--$o"
		done
	done
	for o in $helpopts; do
		[ "$o" = --help ] && continue
		acc=""
		for s in $where; do
			if [ "$s" = - ]; then refused "$cmd" "$o" || acc=1
			else refused "$cmd" "$s" "$o" || acc=1; fi
		done
		[ -n "$acc" ] || [ -z "$where" ] || unaccepted="$unaccepted $cmd:$o"
	done
done
[ "$places" -gt 20 ]; t_result $? "option parsers found ($places commands and subcommands)"
is "every option a command accepts is in its --help" "$unlisted" ""
is "every option a command's --help lists is accepted" "$unaccepted" ""

# The completion offers exactly the options --help lists (the table's and the global
# ones), for every command with its subcommands together.
differ=""
for cmd in $cmds; do
	listed=$(e "$cmd" --help 2>&1 | sed "s/'empirie [^']*'//g" | grep -o -- '--[a-z][a-z-]*' | grep -vx -- --help | sort -u)
	offered=$({ e complete 2 empirie "$cmd" --
		for s in $(subs_of "$cmd"); do e complete 3 empirie "$cmd" "$s" --; done; } 2>/dev/null |
		grep -- '^--' | grep -vx -- --help | sort -u)
	[ "$listed" = "$offered" ] || { differ="$differ $cmd"; diag "$cmd: listed $(echo $listed); offered $(echo $offered)"; }
done
is "the completion offers exactly the options of each command's --help" "$differ" ""

# Subcommands: the quoted words of the sources, tried on each command with subcommands.
words=$(cat "$top_srcdir"/src/cli/*.c | grep -o '"[a-z][a-z-]*"' | tr -d '"' | sort -u)
# rejected CMD WORD: the command refuses WORD as a subcommand it does not know.
rejected() {
	for extra in "" 1; do
		e "$1" "$2" $extra </dev/null >/dev/null 2>"$T_DIR/err"
		grep -Eq "(unknown [a-z ]*(command|action|subcommand)|cannot (list|show)) '$2'" "$T_DIR/err" && return 0
	done
	return 1
}
undoc="" unoffered="" n=0
for cmd in list show admin moderate sync uptake practice meeting; do
	help=$(e "$cmd" --help 2>&1)
	offered=$(subs_of "$cmd")
	for w in $words; do
		rejected "$cmd" "$w" && continue
		n=$((n + 1))
		printf '%s\n' "$help" | grep -Eq "(^|[ |])$w([ |]|\$)" || undoc="$undoc $cmd:$w"
		printf '%s\n' "$offered" | grep -qx -- "$w" || unoffered="$unoffered $cmd:$w"
	done
done
[ "$n" -gt 20 ]; t_result $? "subcommands are dispatched ($n found)"
is "every subcommand dispatched is in the command's --help" "$undoc" ""
is "every subcommand dispatched is offered by the completion" "$unoffered" ""

# Every command with subcommands answers a mistyped one alike: named, with the nearest.
unsuggested=""
for t in "list netwroks networks" "show thred thread" "admin acounts accounts" \
	"moderate lokc lock 1" "sync stauts status" "uptake sett set" "uptake lsit list" \
	"practice ad add" "meeting edti edit"; do
	set -- $t
	e "$1" "$2" ${4:-} </dev/null >/dev/null 2>"$T_DIR/err"
	grep -q "unknown subcommand '$2' of '$1'" "$T_DIR/err" && grep -q "Did you mean '$3'?" "$T_DIR/err" ||
		unsuggested="$unsuggested $1:$2"
done
is "a mistyped subcommand: the same error, with the nearest one" "$unsuggested" ""

# admin member's subcommands come from a table too (issue 19): a word it dispatches is in
# its --help and offered by the completion; a mistyped one is named, with the nearest.
mrejected() {
	e admin member "$1" 1 Zabrze </dev/null >/dev/null 2>"$T_DIR/err"
	grep -q "unknown subcommand '$1' of 'admin member'" "$T_DIR/err"
}
mhelp=$(e admin member --help 2>&1) moffered=$(e complete 3 empirie admin member '' 2>/dev/null | sed 1d)
mundoc="" munoffered="" n=0
for w in $words; do
	mrejected "$w" && continue
	n=$((n + 1))
	printf '%s\n' "$mhelp" | grep -Eq "(^|[ |])$w([ |]|\$)" || mundoc="$mundoc $w"
	printf '%s\n' "$moffered" | grep -qx -- "$w" || munoffered="$munoffered $w"
done
is "admin member dispatches add and remove" "$n" 2
is "admin member: every subcommand dispatched is in its --help" "$mundoc" ""
is "admin member: every subcommand dispatched is offered by the completion" "$munoffered" ""
is "admin member: the completion offers its table" "$(echo $moffered)" "add remove"
e admin member ad 1 Zabrze </dev/null >/dev/null 2>"$T_DIR/err"
like "admin member ad: named as unknown" "$(cat "$T_DIR/err")" "unknown subcommand 'ad' of 'admin member'"
like "with the nearest one" "$(cat "$T_DIR/err")" "Did you mean 'add'?"
like "and where to look" "$(cat "$T_DIR/err")" "Try 'empirie admin member --help'"
exit_is "admin member alone: a usage error" 2 e admin member
like "admin --help still lists member" "$(e admin --help)" "member add|remove N TOWN"

# import and export name their KIND from a table too: a mistyped one gets the nearest,
# and the completion offers every kind the core reads (uptakes, cities, towns ...).
like "import practicez: did you mean practices" "$(e import practicez x.csv 2>&1)" "Did you mean 'practices'?"
like "export uptake: did you mean uptakes" "$(e export uptake 2>&1)" "Did you mean 'uptakes'?"
kinds=$(e complete 2 empirie import '' 2>/dev/null | sed 1d | sort | tr '\n' ' ')
is "import: every kind offered" "$kinds" "accounts cities meetings memberships practices towns transfers uptakes "
like "export: posts offered too" "$(e complete 2 empirie export '' 2>/dev/null)" "posts"

# The check can fail: an unknown subcommand is refused and named.
rejected list bogus; t_result $? "(the check can fail: list refuses 'bogus')"
done_testing
