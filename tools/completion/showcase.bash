# bash completion for showcase(1). `make install` puts it where
# bash-completion finds it; or source it from ~/.bashrc.
# tests/serve/run checks it against `showcase --help`.

_showcase() {
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	local commands="build pdf check serve new stats report version help"

	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return
	fi

	# Options that take a value.
	case $prev in
	-s | --site | -o | --output)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-j | --jobs | -p | --port | --bind | --slug)
		COMPREPLY=()
		return ;;
	esac

	local opts=
	case $cmd in
	build) opts="--site --output --drafts --pdf --force --jobs --quiet --help" ;;
	pdf) opts="--site --output --jobs --quiet --help" ;;
	check) opts="--site --quiet --help" ;;
	serve) opts="--site --port --bind --drafts --help" ;;
	new) opts="--site --slug --help" ;;
	stats) opts="--site --json --help" ;;
	report) opts="--site --output --help" ;;
	version) opts="--help" ;;
	help)
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	if [ "$cmd" = new ]; then
		# The kind comes first, then the title (free text).
		local kinds=0
		for ((i = i + 1; i < COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]} in
			-s | --site | --slug) i=$((i + 1)) ;;
			-*) ;;
			*) kinds=1 ;;
			esac
		done
		[ "$kinds" = 0 ] && COMPREPLY=($(compgen -W "case bulletin page" -- "$cur"))
		return
	fi
	COMPREPLY=()
}
complete -F _showcase showcase
