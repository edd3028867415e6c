#!/usr/bin/python3
"""lsp_latency.py - how fast `argmap lsp` answers after a change, on a
generated map (bench/gen_map), next to `argmap check` on the same file.

    bench/lsp_latency.py ARGMAP GEN_MAP [CLAIMS] [EDITS]

For each of EDITS edits (default 20) it sends an incremental didChange
that types one character into a claim's text, and right after it a
completion request in a by= attribute and a hover on an id; it records
the time to each reply and the time until the diagnostics of that version
arrive. Prints medians and maxima in milliseconds, and the wall time of
`argmap check` on the file (the median of 5 runs) for comparison.
"""
import json, os, statistics, subprocess, sys, tempfile, time

argmap, gen = sys.argv[1], sys.argv[2]
claims = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 20
work = tempfile.mkdtemp(prefix="argmap-lsp-bench-")
path = os.path.join(work, "map.xml")
with open(path, "wb") as f:
    f.write(subprocess.check_output([gen, str(claims)]))
text = open(path, encoding="utf-8").read()
lines = text.split("\n")

def find(s, k=0):
    for i, l in enumerate(lines):
        j = l.find(s)
        if j >= 0:
            return i, j + k
    raise SystemExit("not in the map: " + s)

p = subprocess.Popen([argmap, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()
def recv():
    h = b""
    while not h.endswith(b"\r\n\r\n"):
        h += p.stdout.read(1)
    return json.loads(p.stdout.read(int(h.split(b":")[1])))

uri = "file://" + path
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"rootUri": "file://" + work, "capabilities": {}}})
while recv().get("id") != 1:
    pass
t0 = time.monotonic()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "xml", "version": 1, "text": text}}})
while recv().get("method") != "textDocument/publishDiagnostics":
    pass
first = (time.monotonic() - t0) * 1000

tl, tc = find("<text>", 6)          # type into the first text
bl, bc = find(' by="', 5)           # complete in the first by=
hl, hc = find('<claim id="', 12)    # hover on the first claim id
comp, hov, diag = [], [], []
for v in range(2, edits + 2):
    t = time.monotonic()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": v}, "contentChanges": [{"range": {
            "start": {"line": tl, "character": tc}, "end": {"line": tl, "character": tc}},
            "text": "x"}]}})
    send({"jsonrpc": "2.0", "id": 100 + v, "method": "textDocument/completion", "params": {
        "textDocument": {"uri": uri}, "position": {"line": bl, "character": bc}}})
    send({"jsonrpc": "2.0", "id": 1000 + v, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": uri}, "position": {"line": hl, "character": hc}}})
    got = 0
    while got < 3:
        m = recv()
        ms = (time.monotonic() - t) * 1000
        if m.get("id") == 100 + v:
            comp.append(ms); got += 1
        elif m.get("id") == 1000 + v:
            hov.append(ms); got += 1
        elif m.get("method") == "textDocument/publishDiagnostics" and \
                m["params"].get("version") == v:
            diag.append(ms); got += 1
send({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
while recv().get("id") != 9:
    pass
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()

runs = []
for _ in range(5):
    t = time.monotonic()
    subprocess.run([argmap, "check", "-q", path], stderr=subprocess.DEVNULL)
    runs.append((time.monotonic() - t) * 1000)
check = statistics.median(runs)

def row(name, xs):
    print(f"| {name} | {statistics.median(xs):.1f} | {max(xs):.1f} |")
print(f"{claims} claims, {os.path.getsize(path)} bytes, {edits} edits, "
      f"load average {os.getloadavg()[0]:.2f}")
print("| after a change | median ms | max ms |")
print("|---|---|---|")
row("completion reply", comp)
row("hover reply", hov)
row("diagnostics of the new text (150 ms debounce included)", diag)
print(f"| first diagnostics after didOpen | {first:.1f} | |")
print(f"| `argmap check` on the same file | {check:.1f} | |")
print(f"completion reply / argmap check: {statistics.median(comp) / check:.3f}")
