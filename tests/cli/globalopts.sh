#!/bin/sh
# The global options (--db, --as, --config, --no-header, --no-color, --no-mouse) are
# accepted after the command name too, as `empirie gen --help` has always shown them
# ("Usage: empirie gen --db FILE ..."): every command, every subcommand, before or after
# the subcommand's name, with the same effect as before the command. --restricted,
# --help and --version stay the program's own.
. "$top_srcdir/tests/lib.sh"
export LC_ALL=C LANG=C
e init >/dev/null 2>&1
G="$T_DIR/g.db"

exit_is "gen --db FILE (after the command) writes FILE" 0 e gen --db "$G" --towns 120 --threads 2 --posts 2
[ -f "$G" ]; t_result $? "the file is there"
exit_is "init --db FILE creates FILE" 0 e init --db "$T_DIR/i.db"
[ -f "$T_DIR/i.db" ]; t_result $? "the file is there"
like "info --db FILE shows FILE" "$(e info --db "$G" 2>&1)" "Database: $G"
like "and that it is synthetic" "$(e info --db "$G" 2>&1)" "SYNTHETIC"
want=$(e --db "$G" list cities | md5sum)
is "list cities --db FILE = --db FILE list cities" "$(e list cities --db "$G" | md5sum)" "$want"
is "list --db FILE cities (between command and subcommand)" "$(e list --db "$G" cities | md5sum)" "$want"
is "--db=FILE after the command" "$(e list cities --db="$G" | md5sum)" "$want"
is "--no-header after the command" "$(e list networks --no-header | head -1)" "$(e --no-header list networks | head -1)"
is "admin --db FILE accounts = --db FILE admin accounts" "$(e admin --db "$G" accounts 2>&1)" "$(e --db "$G" admin accounts 2>&1)"
is "admin accounts --db FILE" "$(e admin accounts --db "$G" 2>&1)" "$(e --db "$G" admin accounts 2>&1)"
is "sync status --db FILE" "$(e sync status --db "$G" 2>&1)" "$(e --db "$G" sync status 2>&1)"
is "check --db FILE" "$(e check --db "$G" 2>&1)" "$(e --db "$G" check 2>&1)"
exit_is "a --config after the command is read" 1 e list networks --config "$T_DIR/none.conf"
like "and named when missing" "$(cat "$T_DIR/err")" "none.conf"
exit_is "--restricted only before the command" 2 e list networks --restricted
like "refused as unknown there" "$(cat "$T_DIR/err")" "unknown option '--restricted'"

# Every command (and every subcommand of those with a table) takes --db after its name:
# what it complains of is the unknown option after it, never --db.
cmds=$(e --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$cmds" ]; t_result $? "--help lists the commands"
bad=""
for cmd in $cmds; do
	subs=$(e complete 2 empirie "$cmd" '' 2>/dev/null | sed 1d)
	for s in - $subs; do
		set -- "$cmd"; [ "$s" = - ] || set -- "$cmd" "$s"
		e "$@" --db "$T_DIR/nowhere.db" --zzzq </dev/null >/dev/null 2>"$T_DIR/err"
		grep -q "unknown option '--db'" "$T_DIR/err" && bad="$bad $*"
		e "$@" --db </dev/null >/dev/null 2>"$T_DIR/err"
		grep -q "unknown option '--db'" "$T_DIR/err" && bad="$bad $*:--db-without-value"
	done
done
is "no command refuses --db after its name" "$bad" ""

# Every option a command's usage line shows is accepted there (the line tells the truth).
lies=""
for cmd in $cmds; do
	for o in $(e "$cmd" --help 2>&1 | sed -n 's/^Usage: //p' | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		e "$cmd" "$o" </dev/null >/dev/null 2>"$T_DIR/err"
		grep -q "unknown option '$o'" "$T_DIR/err" && lies="$lies $cmd:$o"
	done
done
is "every option of every usage line is accepted" "$lies" ""
like "gen --help lists the global options" "$(e gen --help)" "--as LOGIN"
# Abbreviations among a command's options and the global ones, as getopt_long takes them
# (issue 19): an exact name wins, a beginning only one option has is that option, and a
# beginning several have is refused naming them.
exit_is "list threads --n 1: ambiguous" 2 e list threads --n 1
like "said so" "$(cat "$T_DIR/err")" "option '--n' is ambiguous"
like "naming the command's option" "$(cat "$T_DIR/err")" "'--network'"
like "and the global ones" "$(cat "$T_DIR/err")" "'--no-header'"
unlike "not called unknown" "$(cat "$T_DIR/err")" "unknown option"
like "with the hint to --help" "$(cat "$T_DIR/err")" "Try 'empirie list --help'"
exit_is "list threads --no=x: ambiguous too" 2 e list threads --no=x --network 1
like "named without its value" "$(cat "$T_DIR/err")" "option '--no' is ambiguous"
exit_is "--no before the command: ambiguous among the global options" 2 e --no list networks
like "naming them" "$(cat "$T_DIR/err")" "'--no-mouse'"
exit_is "list threads --netw 1: the one option it begins" 0 e list threads --netw 1
exit_is "list threads --no-h: only --no-header begins so" 0 e list threads --no-h --network 1
unlike "no header" "$(head -n 1 "$T_DIR/out")" "title"
exit_is "--no-colo: two names of one option are not ambiguous" 0 e list networks --no-colo
e attend 1 --no </dev/null >/dev/null 2>"$T_DIR/err"
unlike "attend --no: the exact name wins over --no-header" "$(cat "$T_DIR/err")" "ambiguous"
unlike "and is known" "$(cat "$T_DIR/err")" "unknown option"
# Right after the name of a command whose subcommand comes first, the same rules.
exit_is "admin --no-h accounts: a unique beginning of a global option" 0 e admin --no-h accounts
unlike "no header" "$(head -n 1 "$T_DIR/out")" "login"
exit_is "sync --no-h status" 0 e sync --no-h status
exit_is "admin --no accounts: ambiguous" 2 e admin --no accounts
like "said so, naming them" "$(cat "$T_DIR/err")" "option '--no' is ambiguous: it could be '--no-color', '--no-header', '--no-mouse'"
exit_is "import --d: --db or --dry-run" 2 e import --d x towns
like "said so" "$(cat "$T_DIR/err")" "'--dry-run', '--db'"
# A name typed whole is that option even where it begins others: the fault is the
# value it does not take; "--=x" names no option at all (a reviewer's finding).
exit_is "attend 1 --no=x: refused" 2 e attend 1 --no=x
unlike "not as ambiguous: --no is attend's own" "$(cat "$T_DIR/err")" "ambiguous"
exit_is "list cities --=x: refused" 2 e list cities --=x
unlike "not as ambiguous among every option" "$(cat "$T_DIR/err")" "ambiguous"
like "as unknown" "$(cat "$T_DIR/err")" "unknown option '--=x'"
# uptake: a beginning of --help is the help, as getopt took it; "--" before the
# subcommand ends the options.
exit_is "uptake --he: the help" 0 e uptake --he
like "it is the help" "$(cat "$T_DIR/out")" "uptake set"
exit_is "uptake -- list: the list" 0 e uptake -- list
exit_is "an unknown option is still called so" 2 e list threads --zzzq
like "unknown" "$(cat "$T_DIR/err")" "unknown option '--zzzq'"
if has_locale pl_PL.UTF-8; then
	LC_ALL=pl_PL.UTF-8 "$EMPIRIE" list threads --n 1 </dev/null >/dev/null 2>"$T_DIR/err"
	like "in Polish" "$(cat "$T_DIR/err")" "niejednoznaczna"
else
	skip "the pl_PL.UTF-8 locale is not installed"
fi
done_testing
