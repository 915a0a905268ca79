# bash completion for citesearch(1)                        -*- shell-script -*-
#
# Completes the commands, their options, the values of --format and --mode,
# filter fields, and file names where a file is expected.  Self-contained:
# works with or without the bash-completion package.  The option lists
# below follow each command's --help (tests/e2e/completion.sh checks them).

_citesearch_commands="index query show stats serve compact"

_citesearch_options_index="--db --manifest --jobs --shards --quiet --verbose
--help"
_citesearch_options_query="--db --limit --per-doc --mode --format --filter
--batch --jobs --allow-partial --remote-timeout --help"
_citesearch_options_show="--db --context --help"
_citesearch_options_stats="--db --format --allow-partial --remote-timeout
--help"
_citesearch_options_serve="--db --listen --jobs --allow-partial --remote-timeout --help"
_citesearch_options_compact="--db --quiet --help"

# Appends compgen's words to COMPREPLY, one a line (file names may hold
# spaces).
_citesearch_compgen()
{
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen "$@")
}

# File names: tell readline to quote them and to add a slash to directories
# (compopt exists only while bash is completing, hence the guard).
_citesearch_files()
{
    compopt -o filenames 2>/dev/null
    _citesearch_compgen "$@"
}

_citesearch()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cmd="" i

    COMPREPLY=()
    # With "=" in COMP_WORDBREAKS (bash's default) "--format=js" arrives as
    # three words, "--format" "=" "js"; without it, as one.
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD >= 2)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    fi

    # The command is the first word after "citesearch" that is not an option.
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            cmd=${COMP_WORDS[i]}
            break
        fi
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            _citesearch_compgen -W "--help --version" -- "$cur"
        else
            _citesearch_compgen -W "$_citesearch_commands" -- "$cur"
        fi
        return 0
    fi

    # The value of an option.
    case $prev in
    --db)
        _citesearch_files -d -- "$cur"
        return 0
        ;;
    --manifest)
        _citesearch_files -d -- "$cur"
        _citesearch_compgen -f -X '!*.[cC][sS][vV]' -- "$cur"
        return 0
        ;;
    --batch)
        _citesearch_files -d -- "$cur"
        _citesearch_compgen -f -X '!*.[cC][sS][vV]' -- "$cur"
        [[ -z $cur || $cur == - ]] && COMPREPLY+=(-)
        return 0
        ;;
    --format)
        if [[ $cmd == stats ]]; then
            _citesearch_compgen -W "text json" -- "$cur"
        else
            _citesearch_compgen -W "text jsonl json csv tsv" -- "$cur"
        fi
        return 0
        ;;
    --mode)
        _citesearch_compgen -W "auto claim quote" -- "$cur"
        return 0
        ;;
    --filter)
        compopt -o nospace 2>/dev/null
        _citesearch_compgen -W "title: source: to: path: lang: date:" -- "$cur"
        return 0
        ;;
    -n | --limit | --per-doc | -j | --jobs | -C | --context | --shards | \
        --remote-timeout | --listen)
        return 0
        ;;
    esac

    local options_var=_citesearch_options_$cmd
    if [[ $cur == -* && -n ${!options_var+set} ]]; then
        _citesearch_compgen -W "${!options_var}" -- "$cur"
        return 0
    fi

    case $cmd in
    index)
        # The types index reads (its --help lists them), in either case.
        local ext glob ch c
        _citesearch_files -d -- "$cur"
        for ext in txt md eml mbox html htm mhtml mht; do
            glob=""
            for ((c = 0; c < ${#ext}; c++)); do
                ch=${ext:c:1}
                glob+="[$ch${ch^}]"
            done
            _citesearch_compgen -f -X "!*.$glob" -- "$cur"
        done
        ;;
    show)
        _citesearch_files -f -- "$cur"
        ;;
    esac
    return 0
}

complete -F _citesearch citesearch
