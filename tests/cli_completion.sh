#!/bin/sh
# cli_completion.sh ARGMAP SRCDIR - the shell completions stay beside the
# options: every long option that `argmap CMD --help` lists is offered by
# completions/argmap.bash and completions/_argmap, and the bash completion
# really completes (bash, loaded as a user would).
set -eu
argmap=$1
src=$2
fail=0
for cmd in check lsp watch; do
  for opt in $("$argmap" $cmd --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    grep -q -- "$opt" "$src/completions/argmap.bash" || { echo "FAIL: argmap.bash lacks $cmd $opt"; fail=1; }
    grep -q -- "$opt" "$src/completions/_argmap" || { echo "FAIL: _argmap lacks $cmd $opt"; fail=1; }
  done
done
# render, export and diff: zsh lists them; bash reads them from --help, so
# its completion is run
for cmd in render export diff; do
  offered=$(bash -c "argmap() { '$argmap' \"\$@\"; }; . '$src/completions/argmap.bash'; COMP_WORDS=(argmap $cmd --); COMP_CWORD=2; _argmap; echo \${COMPREPLY[*]}")
  for opt in $("$argmap" $cmd --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    case " $offered " in *" $opt "*) ;; *) echo "FAIL: bash does not offer $cmd $opt"; fail=1 ;; esac
    grep -q -- "$opt\[" "$src/completions/_argmap" || grep -q -- "$opt}" "$src/completions/_argmap" ||
      { echo "FAIL: _argmap lacks $cmd $opt"; fail=1; }
  done
done
for c in $("$argmap" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR>1 && NF {print $1}'); do
  grep -q "$c" "$src/completions/argmap.bash" || { echo "FAIL: argmap.bash lacks command $c"; fail=1; }
  grep -q "'$c:" "$src/completions/_argmap" || { echo "FAIL: _argmap lacks command $c"; fail=1; }
done
got=$(bash -c ". '$src/completions/argmap.bash'; COMP_WORDS=(argmap check --fo); COMP_CWORD=2; _argmap; echo \${COMPREPLY[*]}")
[ "$got" = "--format" ] || { echo "FAIL: bash completes 'argmap check --fo' to '$got'"; fail=1; }
got=$(bash -c ". '$src/completions/argmap.bash'; COMP_WORDS=(argmap check --format s); COMP_CWORD=3; _argmap; echo \${COMPREPLY[*]}")
[ "$got" = "sarif" ] || { echo "FAIL: bash completes '--format s' to '$got'"; fail=1; }
got=$(bash -c ". '$src/completions/argmap.bash'; COMP_WORDS=(argmap check --format json-); COMP_CWORD=3; _argmap; echo \${COMPREPLY[*]}")
[ "$got" = "json-summary" ] || { echo "FAIL: bash completes '--format json-' to '$got'"; fail=1; }
got=$(cd "$src/maps/example" && bash -c "argmap() { '$argmap' \"\$@\"; }; . '$src/completions/argmap.bash'; COMP_WORDS=(argmap render cycle-lane.xml --focus lane-y); COMP_CWORD=4; _argmap; echo \${COMPREPLY[*]}")
[ "$got" = "lane-yes" ] || { echo "FAIL: bash completes '--focus lane-y' to '$got'"; fail=1; }
got=$(cd "$src/maps/example" && bash -c "argmap() { '$argmap' \"\$@\"; }; . '$src/completions/argmap.bash'; COMP_WORDS=(argmap render cycle-lane.xml --tag saf); COMP_CWORD=4; _argmap; echo \${COMPREPLY[*]}")
[ "$got" = "safety" ] || { echo "FAIL: bash completes '--tag saf' to '$got'"; fail=1; }
got=$(bash -c ". '$src/completions/argmap.bash'; COMP_WORDS=(argmap render --notes m); COMP_CWORD=3; _argmap; echo \${COMPREPLY[*]}")
[ "$got" = "markers" ] || { echo "FAIL: bash completes '--notes m' to '$got'"; fail=1; }
grep -q "(inline endnotes markers)" "$src/completions/_argmap" || { echo "FAIL: _argmap lacks --notes markers"; fail=1; }
zsh -n "$src/completions/_argmap" 2>/dev/null || ! command -v zsh >/dev/null || { echo "FAIL: _argmap does not parse"; fail=1; }
[ $fail -eq 0 ] && echo "completions cover every option"
exit $fail
