#!/bin/sh
# Shell completion (issue 21): completion/empirie.bash sourced by an interactive bash,
# driven through COMP_WORDS/COMP_CWORD as readline would: commands, options, subcommands,
# network numbers and town names (Polish letters, spaces, typed without them), file
# names where a file is asked for. The candidates come from the program; the options it
# offers agree with every command's --help and are accepted by its parser.
. "$top_srcdir/tests/lib.sh"
if ! command -v bash >/dev/null 2>&1; then
	skip "bash is not installed"; done_testing; exit
fi
SCRIPT="$top_srcdir/completion/empirie.bash"
mkdir -p "$T_DIR/bin" "$T_DIR/files"
ln -s "$EMPIRIE" "$T_DIR/bin/empirie"
export PATH="$T_DIR/bin:$PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8
export EMPIRIE_DB="$T_DIR/c.db"
e init >/dev/null 2>&1
: > "$T_DIR/files/towns-2026.csv"

# comp WORD...: the candidates bash offers for the last word (one per line), sorted;
# with BC set, bash-completion (that file) is loaded first.
comp() {
	(cd "$T_DIR/files" && bash --norc --noprofile -i -s "$@" <<'SH' 2>/dev/null) | sort
[ -n "$BC" ] && . "$BC"
. "$SCRIPT"
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
COMPREPLY=()
_empirie empirie "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
for r in "${COMPREPLY[@]}"; do printf '%s\n' "$r"; done
SH
}
export SCRIPT BC=""
lines() { printf '%s\n' "$@" | sort; }

out=$(bash --norc --noprofile -i -c ". '$SCRIPT'; complete -p empirie" 2>/dev/null)
is "complete -p: the function _empirie completes empirie" "$out" "complete -F _empirie empirie"

# Commands: the table's, as --help lists them.
help_cmds=$(e --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort)
[ -n "$help_cmds" ]; t_result $? "--help lists the commands"
is "every command of --help, nothing else" "$(comp empirie '')" "$help_cmds"
is "a beginning: li → list" "$(comp empirie li)" "list"
is "two beginnings: s → search show snapshot sync" "$(comp empirie s)" "$(lines search show snapshot sync)"
is "the hidden helper is not offered" "$(comp empirie comp)" ""

# Global options: the parser's table, as --help lists them.
help_opts=$(e --help | sed -n '/^Options:/,$p' | grep -o -- '--[a-z][a-z-]*' | sort -u)
got=$(comp empirie --)
for o in $help_opts; do
	case "$got" in *"$o"*) ;; *) missing="${missing:-} $o" ;; esac
done
is "every global option of --help is offered" "${missing:-}" ""
like "--no-c → --no-color" "$(comp empirie --no-c)" "--no-color"
is "--db FILE: file names" "$(comp empirie --db tow)" "towns-2026.csv"
is "after --db FILE, the commands" "$(comp empirie --db x.db li)" "list"

# Subcommands and their options.
is "list: what it lists (its table, towns the other name of cities)" "$(comp empirie list '')" "$(lines cities meetings networks posts practices requests threads towns)"
is "show: what it shows (its table)" "$(comp empirie show '')" "$(lines city meeting network practice thread town)"
# export's formats by KIND, from the table its check reads (issue 19): posts as an mbox.
is "export --format (no KIND yet): every format export writes" "$(comp empirie export --format '')" "$(lines csv json mbox)"
is "export cities --format: csv or json" "$(comp empirie export cities --format '')" "$(lines csv json)"
is "export posts --format: mbox" "$(comp empirie export posts --format '')" "mbox"
is "export posts --format=: mbox" "$(comp empirie export posts --format=)" "mbox"
for kind in cities posts; do
	for f in csv json mbox; do
		e export "$kind" --format "$f" >/dev/null 2>"$T_DIR/err" </dev/null
		if grep -q "format" "$T_DIR/err"; then acc=""; else acc=$f; fi
		if printf '%s\n' "$(comp empirie export "$kind" --format '')" | grep -qx "$f"; then off=$f; else off=""; fi
		[ "$acc" = "$off" ] || fmtbad="${fmtbad:-} $kind:$f(accepted:${acc:-no},offered:${off:-no})"
	done
done
is "export KIND --format offers exactly what export KIND accepts" "${fmtbad:-}" ""
# export's help and errors name the formats from that table too.
like "export --help: --format's line names every format" "$(e export --help | grep -- '--format FMT')" \
	"csv, json or mbox"
e export cities --format mbox >/dev/null 2>"$T_DIR/err"
like "export cities --format mbox: the error names csv and json" "$(cat "$T_DIR/err")" "use csv or json"
e export posts --format csv >/dev/null 2>"$T_DIR/err"
like "export posts --format csv: the error names mbox" "$(cat "$T_DIR/err")" "with --format mbox"
is "admin add-account --role: the roles" "$(comp empirie admin add-account anna --role '')" \
	"$(lines admin coordinator guest leader member)"
# Every other option whose value is one of a fixed set (issue 19): the completion offers
# exactly what the command accepts (tried: the words offered, the ones it is known to take
# and near misses), its --help lists them, and an unknown value's error names them.
# agree LABEL REFUSAL TRY HELP RUN WORD...: RUN VALUE runs the command with VALUE, refused
# when its stderr has REFUSAL; WORD... the line whose last (empty) word is completed; HELP
# the command's --help line of the option.
agree() {
	ag_label=$1 ag_refusal=$2 ag_try=$3 ag_help=$4 ag_run=$5; shift 5
	ag_off=$(comp "$@" '') ag_bad=""
	for v in $(printf '%s\n' $ag_off $ag_try | sort -u); do
		"$ag_run" "$v" >/dev/null 2>"$T_DIR/err" </dev/null
		if grep -q -- "$ag_refusal" "$T_DIR/err"; then a=no; else a=yes; fi
		if printf '%s\n' "$ag_off" | grep -qx -- "$v"; then o=yes; else o=no; fi
		[ "$a" = "$o" ] || ag_bad="$ag_bad $v(accepted:$a,offered:$o)"
	done
	[ -n "$ag_off" ] || ag_bad="nothing offered"
	is "$ag_label: offered exactly what it accepts" "$ag_bad" ""
	"$ag_run" nonesuch >/dev/null 2>"$T_DIR/err" </dev/null
	ag_miss="" ag_hmiss=""
	for v in $ag_off; do
		grep -q -- "$v" "$T_DIR/err" || ag_miss="$ag_miss $v"
		printf '%s\n' "$ag_help" | grep -qw -- "$v" || ag_hmiss="$ag_hmiss $v"
	done
	is "$ag_label: an unknown value's error names them" "$ag_miss" ""
	[ -z "$ag_help" ] || is "$ag_label: --help lists them" "$ag_hmiss" ""
}
optline() { e "$@" --help | grep -A1 -- "--$opt "; }
r_import() { e import cities "$T_DIR/none.csv" --encoding "$1"; }
r_export() { e export cities --encoding "$1"; }
r_role() { e --db "$T_DIR/none/x.db" admin add-account zz --role "$1"; }
r_setrole() { e --db "$T_DIR/none/x.db" admin set-role zz "$1"; }
r_size() { e --db "$T_DIR/c.db" gen --size "$1"; }
r_status() { e uptake set 999999 --town Nowhere --status "$1"; }
r_report() { e report --format "$1"; }
opt=encoding
agree "import --encoding" "unknown encoding" "auto utf-8 cp1250 iso-8859-2 latin1 utf-16 cp1252" "$(optline import)" \
	r_import empirie import cities x.csv --encoding
agree "export --encoding" "unknown encoding" "utf-8 cp1250 auto iso-8859-2 latin1" "$(optline export)" \
	r_export empirie export cities --encoding
opt=separator
r_sep() { e export cities --separator "$1"; }
agree "export --separator" "unknown separator" "; , tab | :" "$(optline export)" \
	r_sep empirie export cities --separator
opt=role
roles="guest member leader coordinator admin"
agree "admin add-account --role" "unknown role" "$roles expert moderator Admin root" \
	"$(optline admin)" r_role empirie admin add-account anna --role
agree "admin set-role LOGIN ROLE" "unknown role" "$roles expert moderator" "" \
	r_setrole empirie admin set-role anna
opt=size
agree "gen --size" "--size is" "M L S XL m l" "$(optline gen)" r_size empirie gen --size
opt=status
agree "uptake set --status" "unknown status" "interested adapting in-use dropped done active" "$(optline uptake)" \
	r_status empirie uptake set 1 --status
opt=format
agree "report --format" "--format is" "text csv json mbox html tsv" "$(optline report)" r_report empirie report --format
# A command of subcommands given none names each one the completion offers (issue 19).
for cmd in admin list show sync; do
	e "$cmd" >/dev/null 2>"$T_DIR/err" </dev/null
	sub_miss=""
	for s in $(comp empirie "$cmd" ''); do grep -qw -- "$s" "$T_DIR/err" || sub_miss="$sub_miss $s"; done
	is "$cmd without a subcommand: the error names each one offered" "$sub_miss" ""
done
# The help fills each option's %s with its words: none is left bare.
for cmd in $help_cmds; do e "$cmd" --help 2>/dev/null | grep -q '%s' && pct="${pct:-} $cmd"; done
is "no --help shows a bare %s" "${pct:-}" ""
# Other names of the same values are taken but not offered: they are not other values.
for v in UTF8 windows-1250 latin2; do
	r_import "$v" >/dev/null 2>"$T_DIR/err" </dev/null
	grep -q "unknown encoding" "$T_DIR/err" && alias_bad="${alias_bad:-} $v"
done
r_status in_use >/dev/null 2>"$T_DIR/err" </dev/null
grep -q "unknown status" "$T_DIR/err" && alias_bad="${alias_bad:-} in_use"
is "other names taken (UTF8, windows-1250, latin2, in_use)" "${alias_bad:-}" ""
if has_locale pl_PL.UTF-8; then
	out=$(LC_ALL=pl_PL.UTF-8 e report --format xml 2>&1)
	like "in Polish: the formats with lub" "$out" "text, csv lub json"
	out=$(LC_ALL=pl_PL.UTF-8 e --db "$T_DIR/c.db" gen --size XL 2>&1)
	like "in Polish: the sizes, and the value refused" "$out" "M lub L, a nie „XL”"
else
	skip "locale pl_PL.UTF-8 is not installed"; skip "locale pl_PL.UTF-8 is not installed"
fi
like "list's options" "$(comp empirie list threads --)" "--network"
# uptake's subcommands each offer their own options (issue 19).
own() { comp empirie uptake "$1" -- | grep -v -e '^--help$' -e '^--db$' -e '^--as$' -e '^--no-' -e '^--config$'; }
is "uptake set --: its options" "$(own set)" "$(lines --town --city --status --note --threads)"
is "uptake remove --: the town" "$(own remove)" "$(lines --town --city)"
is "uptake list --: its filters" "$(own list)" "$(lines --town --city --practice --network)"
is "import KIND FILE: file names" "$(comp empirie import towns '')" "towns-2026.csv"

# Network numbers and town names, from the database.
nets=$(e --no-header list networks | cut -f1 | sort)
[ -n "$nets" ]; t_result $? "the database has networks"
is "show network: the network numbers" "$(comp empirie show network '')" "$nets"
is "list threads --network: the same" "$(comp empirie list threads --network '')" "$nets"
is "show city Jel → Jelenia Góra (a space, a Polish letter)" "$(comp empirie show city Jel)" "Jelenia Góra"
is "show city Ostr → both Ostrów and Ostrowiec" "$(comp empirie show city Ostr)" \
	"$(lines "Ostrowiec Świętokrzyski" "Ostrów Wielkopolski")"
is "typed without Polish letters: lom → Łomża" "$(comp empirie show city lom)" "Łomża"
is "typed with the shell's quoting: Jelenia\\ G" "$(comp empirie show city 'Jelenia\ G')" "Jelenia Góra"
is "practice add --town Zab → Zabrze" "$(comp empirie practice add --town Zab)" "Zabrze"
is "practice add --w → --www (practice_fields.h)" "$(comp empirie practice add --w)" "--www"
is "--db on the line chooses the database" \
	"$(EMPIRIE_DB=/nonexistent/x.db comp empirie --db "$EMPIRIE_DB" show city Zg)" "Zgierz"
is "no database: no towns" "$(EMPIRIE_DB="$T_DIR/none.db" comp empirie show city Z)" ""
[ ! -e "$T_DIR/none.db" ]; t_result $? "and completing never creates one"
if [ -f /usr/share/bash-completion/bash_completion ]; then
	is "with bash-completion loaded: towns" "$(BC=/usr/share/bash-completion/bash_completion comp empirie show city Jel)" "Jelenia Góra"
	is "with bash-completion loaded: --network=N" \
		"$(BC=/usr/share/bash-completion/bash_completion comp empirie list threads --network=1)" \
		"$(printf '%s\n' $nets | grep '^1' | sort)"
	is "with bash-completion loaded: file names" "$(BC=/usr/share/bash-completion/bash_completion comp empirie import towns t)" "towns-2026.csv"
else
	for i in 1 2 3; do skip "bash-completion is not installed (apt-get install bash-completion)"; done
fi

# Agreement with the program: each command's options in its --help are offered, and each
# option offered is one its parser knows.
for cmd in $help_cmds; do
	case $cmd in
	admin) subs="add-account set-role expert" ;;
	sync) subs="export" ;;
	uptake) subs="set remove list" ;;
	*) subs="-" ;;
	esac
	offered=""
	for s in $subs; do
		if [ "$s" = - ]; then o=$(comp empirie "$cmd" --); else o=$(comp empirie "$cmd" "$s" --); fi
		offered="$offered $(printf '%s\n' "$o" | tr '\n' ' ')"
		for opt in $o; do
			[ "$opt" = --help ] && continue
			if [ "$s" = - ]; then e "$cmd" "$opt" </dev/null >/dev/null 2>"$T_DIR/err"
			else e "$cmd" "$s" "$opt" </dev/null >/dev/null 2>"$T_DIR/err"; fi
			grep -q "unknown option" "$T_DIR/err" && bad="${bad:-} $cmd:$opt"
		done
	done
	# (not another command quoted in the text: backup's "'empirie restore FILE --force'")
	for opt in $(e "$cmd" --help | sed "s/'empirie [^']*'//g" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		# (a global option named in a command's help, as gen's --db, is offered before it)
		case " $offered $(echo $help_opts) " in *" $opt "*) ;; *) notoffered="${notoffered:-} $cmd:$opt" ;; esac
	done
	# Subcommands in the usage line (list networks|cities|...) are offered first.
	# (not the values of options in brackets: export [--format csv|json])
	usage=$(e "$cmd" --help | head -n 1 | sed -e "s/^Usage: empirie $cmd//" -e 's/\[[^]]*\]//g')
	first=$(comp empirie "$cmd" '')
	for w in $(printf '%s\n' "$usage" | tr '[]|' '   '); do
		case $w in [a-z]*) printf '%s\n' "$first" | grep -qx -- "$w" || notsub="${notsub:-} $cmd:$w" ;; esac
	done
done
is "every option in the commands' --help is offered" "${notoffered:-}" ""
is "every option offered is known to its command" "${bad:-}" ""
is "every subcommand of the usage lines is offered" "${notsub:-}" ""

# make install puts it where bash-completion loads it on demand, under the name empirie.
make -C "$top_builddir" install DESTDIR="$T_DIR/root" >"$T_DIR/out" 2>&1
inst=$(find "$T_DIR/root" -path '*/bash-completion/completions/empirie' | head -n 1)
[ -n "$inst" ] && cmp -s "$inst" "$SCRIPT"; t_result $? "make install: .../bash-completion/completions/empirie (${inst#"$T_DIR/root"})"

# Through readline itself: Tab in an interactive bash in tmux inserts the name, quoted.
if command -v tmux >/dev/null 2>&1; then
	sock="empirie-complete-$$"
	tx() { tmux -L "$sock" -f /dev/null "$@"; }
	screen_has() { # TEXT: poll the screen up to 20 s
		i=0
		while [ $i -lt 400 ]; do
			tx capture-pane -p -t c 2>/dev/null | grep -qF -- "$1" && return 0
			sleep 0.05; i=$((i + 1))
		done
		return 1
	}
	bcload=""
	[ -f /usr/share/bash-completion/bash_completion ] && bcload=". /usr/share/bash-completion/bash_completion; "
	printf '%s\n' "PS1='$ '; $bcload. '$SCRIPT'; echo READY" > "$T_DIR/rc"
	tx new-session -d -s c -x 120 -y 12 "cd '$T_DIR/files' && env PATH='$PATH' LANG=C.UTF-8 bash --noprofile --rcfile '$T_DIR/rc' -i"
	screen_has READY; t_result $? "an interactive bash with the completion loaded"
	tx send-keys -t c -l 'empirie show city Jel'; tx send-keys -t c Tab
	screen_has 'empirie show city Jelenia\ Góra'; t_result $? "Tab: Jel → Jelenia\\ Góra (quoted by readline)"
	tx send-keys -t c C-u; tx send-keys -t c -l 'empirie show city "Ostrów W'; tx send-keys -t c Tab
	screen_has 'empirie show city "Ostrów Wielkopolski"'; t_result $? "Tab inside quotes: \"Ostrów W → \"Ostrów Wielkopolski\""
	tx send-keys -t c C-u; tx send-keys -t c -l 'empirie lis'; tx send-keys -t c Tab; tx send-keys -t c -l 'X'
	screen_has 'empirie list X'; t_result $? "Tab: lis → list and a space"
	tx kill-server >/dev/null 2>&1
else
	for i in 1 2 3 4; do skip "tmux is not installed"; done
fi

# zsh: completion/_empirie asks the same program; Tab in an interactive zsh in tmux.
inst=$(find "$T_DIR/root" -path '*/zsh/site-functions/_empirie' | head -n 1)
[ -n "$inst" ] && cmp -s "$inst" "$top_srcdir/completion/_empirie"; t_result $? "make install: .../zsh/site-functions/_empirie"
if command -v zsh >/dev/null 2>&1 && command -v tmux >/dev/null 2>&1; then
	sock="empirie-zcomplete-$$"
	tx() { tmux -L "$sock" -f /dev/null "$@"; }
	tx new-session -d -s c -x 120 -y 12 "cd '$T_DIR/files' && env PATH='$PATH' LANG=C.UTF-8 HOME='$T_DIR' zsh -f"
	tx send-keys -t c -l "PS1='%% '; fpath=('$top_srcdir/completion' \$fpath); autoload -U compinit; compinit -u -D; echo Z-READY"; tx send-keys -t c Enter
	screen_has Z-READY; t_result $? "an interactive zsh with compinit and completion/ in fpath"
	tx send-keys -t c -l 'empirie show city Jel'; tx send-keys -t c Tab
	screen_has 'empirie show city Jelenia\ Góra'; t_result $? "zsh Tab: Jel → Jelenia\\ Góra"
	tx send-keys -t c C-u; tx send-keys -t c -l 'empirie list threads --netw'; tx send-keys -t c Tab
	screen_has 'empirie list threads --network'; t_result $? "zsh Tab: --netw → --network"
	tx send-keys -t c C-u; tx send-keys -t c -l 'empirie import towns tow'; tx send-keys -t c Tab
	screen_has 'empirie import towns towns-2026.csv'; t_result $? "zsh Tab: a file name where a file is asked for"
	tx kill-server >/dev/null 2>&1
else
	for i in 1 2 3 4; do skip "zsh or tmux is not installed"; done
fi

e list --bogus </dev/null >/dev/null 2>"$T_DIR/err"
like "(the check can fail: an unknown option says so)" "$(cat "$T_DIR/err")" "unknown option"
done_testing
