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
cmds=$(e --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z]*\) .*/\1/p')
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
done_testing
