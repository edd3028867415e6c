# bash completion for argmap. Install: copy to
# /usr/share/bash-completion/completions/argmap, or source it from ~/.bashrc.
# Kept beside the options: tests/cli_completion.sh checks that every option
# each command's --help lists is offered here.
_argmap() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  local commands="check validate render export import eval stats diff list lsp schema new watch help"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case $prev in
    --sources|-d|--output-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --format)
      case $cmd in
        check|validate) COMPREPLY=($(compgen -W "text json json-summary sarif github" -- "$cur")) ;;
        export|render) COMPREPLY=($(compgen -W "json aif argdown graphml dot svg pdf png html" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
      esac
      return ;;
    --focus|--actor|--tag)
      # the ids (or tags) of the first map on the line, from argmap list
      local w map= what=claims
      for w in "${COMP_WORDS[@]}"; do
        case $w in *.xml) [ -f "$w" ] && { map=$w; break; } ;; esac
      done
      [ "$prev" = --actor ] && what=actors
      [ "$prev" = --tag ] && what=tags
      [ -n "$map" ] && COMPREPLY=($(compgen -W "$(argmap list $what "$map" 2>/dev/null | awk '{print $1}')" -- "$cur"))
      return ;;
    -T|--type)
      case $cmd in
        export) COMPREPLY=($(compgen -W "json aif argdown graphml dot" -- "$cur")) ;;
        diff) COMPREPLY=($(compgen -W "svg pdf png html dot" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "svg pdf png dot html svg,pdf" -- "$cur")) ;;
      esac
      return ;;
    --theme)
      case $cmd in
        diff) COMPREPLY=($(compgen -W "color print" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "color print color,print" -- "$cur")) ;;
      esac
      return ;;
    --notes) COMPREPLY=($(compgen -W "inline endnotes markers" -- "$cur")); return ;;
    --labels) COMPREPLY=($(compgen -W "text titles" -- "$cur")); return ;;
    --page) COMPREPLY=($(compgen -W "a4 letter" -- "$cur")); return ;;
    --status) COMPREPLY=($(compgen -W "grounded preferred" -- "$cur")); return ;;
    --debounce|--max-runs|--max-errors|--depth|--time-limit|--memory-limit) return ;;
  esac
  local opts
  case $cmd in
    check|validate) opts="--sources --format --no-coverage --werror --max-errors --quiet -q --help" ;;
    # render: --output --dir --format --werror --focus ... read from its --help
    render|export|import|eval|stats|diff|list)
      opts=$(argmap "$cmd" --help 2>/dev/null | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--?[a-z-]+') ;;
    lsp) opts="--debounce --log --stdio --help" ;;
    watch) opts="--sources --werror --render --max-runs --help" ;;
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
    schema|new) opts="--help" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
  fi
}
complete -o filenames -F _argmap argmap
