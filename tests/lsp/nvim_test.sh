#!/bin/sh
# nvim_test.sh ARGMAP - the language server driven by a real client:
# Neovim's built-in LSP client, headless (nvim_client.lua), on a copy of
# tests/lsp/ws. Fails (never skips) when nvim is missing: .ci/deps
# installs it.
set -eu
argmap=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null || { echo "nvim not found: run .ci/deps" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/ws" "$tmp/ws"
cp "$here/ws/.argmap.json" "$tmp/ws/"
out=$tmp/out.txt
ARGMAP=$argmap ARGMAP_LSP_WS=$tmp/ws ARGMAP_LSP_OUT=$out \
  timeout 120 nvim --headless --clean -u NONE -c "luafile $here/nvim_client.lua" </dev/null
status=$?
cat "$out"
[ $status -eq 0 ] || { echo "FAIL: nvim exited with $status" >&2; exit 1; }
fail=0
expect() { # a line of the output, matched exactly
  if ! grep -qxF -- "$1" "$out"; then echo "FAIL: expected the line: $1" >&2; fail=1; fi
}
tab=$(printf '\t')
expect "initialized${tab}true"
expect "diag${tab}10:27${tab}AM202${tab}1${tab}claim 'too-loud' by=\"neighbors\": no item has this id"
expect "diag${tab}14:4${tab}AM601${tab}1${tab}the quote of evidence 'ev-loud' does not appear in the text of source 'bakery-notice'"
expect "related${tab}AM601${tab}notice.txt${tab}1"
expect "diag${tab}17:45${tab}AM309${tab}2${tab}this rebut names 'neighbours' in by=, but none of its sources has that actor as author or speaker"
expect "definition${tab}people.xml${tab}7:13"
expect "references${tab}5${tab}main.xml=3${tab}people.xml=2"
expect "complete-by${tab}neighbours=Elm Street neighbours"
expect "complete-stance${tab}no,qualified,yes"
expect "complete-attr${tab}basis,by,from=required,id,source,stance=required,to=required"
expect "complete-element${tab}claim"
expect "hover-id${tab}**claim** \`open-early\` — *Open at six*  The bakery should open at six.  *held by:* Sam Flour (\`baker\`)  *source:* Notice in the bakery window (\`bakery-notice\`)"
expect "hover-code${tab}AM202 — unknown id (error)"
expect "symbols${tab}4${tab}ev-loud,open-early,q-early,too-loud"
expect "rename${tab}too-noisy=3${tab}too-loud=0"
expect "rename-invalid${tab}error -32602"
expect "after-fix${tab}AM801,AM601,AM309"
expect "half-typed${tab}AM010"
expect "alive${tab}yes"
expect "stopped${tab}true"
exit $fail
