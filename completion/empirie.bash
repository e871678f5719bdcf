# bash completion for empirie(1): commands, options, network numbers and town names.
# The candidates come from the program itself (`empirie complete CWORD WORD...`, which
# reads its own command and option tables and the database, read-only), so this file
# never lists a command or a town of its own.
_empirie()
{
	local cur cword i w out kind
	local -a words plain
	if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
		# bash-completion: "--network=1" and "Kędzierzyn-Koźle" stay one word each
		_get_comp_words_by_ref -n =: cur words cword
	else
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
		cur=${COMP_WORDS[COMP_CWORD]}
	fi
	# The words as the program will get them: without the shell's quoting (a town name
	# typed as Jelenia\ G or "Jelenia G).
	for ((i = 0; i < ${#words[@]}; i++)); do
		w=${words[i]}
		w=${w//\\/}
		w=${w#[\"\']}
		w=${w%[\"\']}
		plain[i]=$w
	done
	((cword < ${#plain[@]})) || plain[cword]=""
	out=$(command "${words[0]}" complete "$cword" "${plain[@]}" 2>/dev/null) || return 0
	kind=${out%%$'\n'*}
	case $kind in
	files)
		if declare -F _filedir >/dev/null 2>&1; then
			_filedir
		else
			compopt -o filenames 2>/dev/null
			mapfile -t COMPREPLY < <(compgen -f -- "${plain[cword]}")
		fi
		;;
	words)
		COMPREPLY=()
		[[ $out == *$'\n'* ]] && mapfile -t COMPREPLY <<<"${out#*$'\n'}"
		# "--network=1": readline replaces only what follows the "=".
		if [[ $cur == --*=* && $COMP_WORDBREAKS == *=* ]]; then
			COMPREPLY=("${COMPREPLY[@]#*=}")
		fi
		# Names with spaces are quoted by readline as file names are ("Jelenia\ Góra").
		compopt -o filenames 2>/dev/null
		;;
	esac
	return 0
}
complete -F _empirie empirie
