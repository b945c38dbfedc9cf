# bash completion for quire(1): subcommands, options, formats and plugin
# options (asked of `quire plugins` and `quire plugins --options`), --set
# keys, template names and files. Needs nothing of the bash-completion
# package; it only has to be sourced (bash-completion loads it on demand
# from its completions directory).

# The word being completed, whole: bash splits "-O csv.bom=tr" at '=' and
# ':' (COMP_WORDBREAKS), but the candidates are built from whole words.
_quire_words()
{
    local line=${COMP_LINE:0:COMP_POINT}
    read -r -a _quire_w <<<"$line"
    [[ $line == *[[:space:]] ]] && _quire_w+=("")
    cur=${_quire_w[${#_quire_w[@]} - 1]}
    prev=
    ((${#_quire_w[@]} > 1)) && prev=${_quire_w[${#_quire_w[@]} - 2]}
}

# COMPREPLY from whole-word candidates, less what bash already took as
# separate words before the last '=' or ':' of cur.
_quire_reply()
{
    local c lead= matches
    [[ $cur == *[=:]* ]] && lead=${cur%"${cur##*[=:]}"}
    mapfile -t matches < <(compgen -W "$1" -- "$cur")
    COMPREPLY=()
    for c in "${matches[@]}"; do
        COMPREPLY+=("${c#"$lead"}")
    done
}

# The quire being completed: the command word as typed, else the PATH's.
_quire_bin()
{
    local q=${_quire_w[0]}
    [[ $q == */* ]] || q=$(type -P "$q" 2>/dev/null)
    printf '%s\n' "${q:-quire}"
}

# Template names: the installed templates beside the binary
# (BIN/../share/quire/templates), or a build tree's (its marker's data=).
_quire_templates()
{
    local bin dir data
    bin=$(_quire_bin)
    dir=${bin%/*}
    if [[ -f $dir/quire-build-tree ]]; then
        data=$(sed -n 's/^data=//p' "$dir/quire-build-tree" | head -n 1)
        [[ $data == /* ]] || data=$dir/$data
    else
        data=$dir/../share/quire
    fi
    local f
    for f in "$data"/templates/*.yaml; do
        [[ -f $f ]] && f=${f##*/} && printf '%s\n' "${f%.yaml}"
    done
}

# The params: keys of the datasets already on the line (for --set KEY=).
_quire_params()
{
    local w
    for w in "${_quire_w[@]}"; do
        [[ $w == *.yaml || $w == *.yml ]] && [[ -f $w && -r $w ]] || continue
        awk '
            /^params:[ \t]*\{/ { s = $0; sub(/^params:[ \t]*\{/, "", s); sub(/\}.*/, "", s)
                                 n = split(s, kv, ","); for (i = 1; i <= n; i++) {
                                     k = kv[i]; sub(/:.*/, "", k); gsub(/[ \t"]/, "", k)
                                     if (k != "") print k }
                                 next }
            /^params:[ \t]*$/   { inside = 1; next }
            inside && /^[ \t]+[A-Za-z0-9_-]+:/ { k = $0; sub(/^[ \t]+/, "", k); sub(/:.*/, "", k)
                                                print k; next }
            inside && /^[^ \t#]/ { inside = 0 }' "$w" 2>/dev/null
    done | sort -u
}

_quire_files()   # files (of an extension, when given) and directories
{
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    if [[ -n ${1-} ]]; then
        COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X "!*.$1" -- "$cur"))
        [[ $1 == yaml ]] && COMPREPLY+=($(compgen -f -X "!*.yml" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

_quire()
{
    local cur prev _quire_w cmd= i
    _quire_words
    for ((i = 1; i < ${#_quire_w[@]} - 1; i++)); do
        case ${_quire_w[i]} in
        render | validate | watch | plugins | schema | manifest | help) cmd=${_quire_w[i]}; break ;;
        esac
    done

    local render_opts="-t --template -f --formats -o --outdir -j --jobs --set -O --option
        -k --keep-going --depfile --allow-any-path --plugin-dir -q --quiet -h --help"
    local batch_opts="--datasets-from --shard --manifest"
    local validate_opts="-t --template -f --formats --set -O --option -k --keep-going
        --allow-any-path --plugin-dir --datasets-from -q --quiet -h --help"

    # The value of an option.
    case $prev in
    -t | --template)
        _quire_files yaml
        local t
        t=$(_quire_templates)
        [[ -n $t ]] && COMPREPLY+=($(compgen -W "$t" -- "$cur"))
        return ;;
    -o | --outdir | --output | --plugin-dir)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur"))
        return ;;
    --depfile | --manifest | --datasets-from)
        _quire_files
        return ;;
    --shard)
        # I/N, or N with I from the array job's index variable
        _quire_reply "0/2 1/2 2 4 8"
        return ;;
    -j | --jobs)
        _quire_reply "1 2 4 8"
        return ;;
    -f | --formats | --format)
        # a comma-separated list: complete its last element
        local names done_part=
        names=$("$(_quire_bin)" plugins 2>/dev/null | cut -f1)
        [[ $cur == *,* ]] && done_part=${cur%,*},
        local n all=
        for n in $names; do all+="$done_part$n "; done
        _quire_reply "$all"
        return ;;
    --set)
        compopt -o nospace 2>/dev/null
        local k keys="title= subtitle= period= date= author= organization="
        for k in $(_quire_params); do keys+=" $k="; done
        _quire_reply "$keys"
        return ;;
    -O | --option)
        local opts key
        opts=$("$(_quire_bin)" plugins --options 2>/dev/null) || opts=
        [[ -n $opts ]] || return 0   # an older quire: no options to offer
        if [[ $cur == *=* ]]; then
            key=${cur%%=*}
            local type
            type=$(awk -F'\t' -v k="$key" '$1 == k { print $2 }' <<<"$opts")
            case $type in
            bool) _quire_reply "$key=true $key=false" ;;
            *) local def; def=$(awk -F'\t' -v k="$key" '$1 == k { print $3 }' <<<"$opts")
               [[ -n $def ]] && _quire_reply "$key=$def" ;;
            esac
        else
            compopt -o nospace 2>/dev/null
            _quire_reply "$(cut -f1 <<<"$opts" | sed 's/$/=/')"
        fi
        return ;;
    esac

    case $cmd in
    "")
        if [[ $cur == -* ]]; then
            _quire_reply "--help --version"
        else
            _quire_reply "render validate watch plugins schema manifest help"
        fi ;;
    render)
        if [[ $cur == -* ]]; then _quire_reply "$render_opts $batch_opts"; else _quire_files yaml; fi ;;
    watch)
        if [[ $cur == -* ]]; then _quire_reply "$render_opts"; else _quire_files yaml; fi ;;
    manifest)
        if [[ ${_quire_w[i + 1]-} != check || $i -eq $((${#_quire_w[@]} - 2)) ]]; then
            _quire_reply "check"
        elif [[ $cur == -* ]]; then
            _quire_reply "--datasets-from -f --formats -q --quiet -h --help"
        else
            _quire_files
        fi ;;
    validate)
        if [[ $cur == -* ]]; then _quire_reply "$validate_opts"; else _quire_files yaml; fi ;;
    plugins)
        _quire_reply "--options --plugin-dir -h --help" ;;
    schema)
        _quire_reply "dataset template -h --help" ;;
    help)
        _quire_reply "render validate watch plugins schema manifest" ;;
    esac
}
complete -F _quire quire
