"""Loads argmap's GraphML exports with networkx and checks them against
the argmap JSON export of the same map and view.

    /usr/bin/python3 graphml_check.py DIR NAME...

DIR/NAME.graphml and DIR/NAME.json are the two exports. The expected
graph is computed from the JSON by the mapping of docs/interop.md:
a relation with several premises, or one an undercut attacks, is a node
of kind "relation" with an edge from each premise and one to its end;
any other relation is one edge. Checks the numbers of nodes and edges,
each node's kind, text, tags and actors, the typed data (line is an int,
linked a bool) and the edges of each relation type. Exits 1 on a mismatch.
"""
import collections
import json
import os
import sys

import networkx as nx


def expected(doc):
    keys = {r["key"]: r for r in doc["relations"]}
    junction = set()
    for r in doc["relations"]:
        if len(r["from"]) > 1:
            junction.add(r["key"])
        if r["kind"] == "undercut" and r["to"] in keys:
            junction.add(r["to"])
    edges = collections.Counter()
    n_edges = 0
    for r in doc["relations"]:
        if r["to_kind"] == "relation" and r["to"] not in junction:
            continue
        k = len(r["from"]) + 1 if r["key"] in junction else 1
        n_edges += k
        edges[r["kind"]] += k
    return len(doc["nodes"]) + len(junction), n_edges, edges, junction


def check(name, where):
    errors = []
    with open(os.path.join(where, name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.read_graphml(os.path.join(where, name + ".graphml"))
    if not isinstance(g, nx.MultiDiGraph) and not g.is_directed():
        errors.append("the graph is not directed")
    n_nodes, n_edges, by_kind, junction = expected(doc)
    if g.number_of_nodes() != n_nodes:
        errors.append(f"{g.number_of_nodes()} nodes, the map {n_nodes}")
    if g.number_of_edges() != n_edges:
        errors.append(f"{g.number_of_edges()} edges, the map {n_edges}")
    got = collections.Counter(d.get("relation") for _, _, d in g.edges(data=True))
    if got != by_kind:
        errors.append(f"edges by relation {dict(got)}, the map {dict(by_kind)}")
    for n in doc["nodes"]:
        if n["id"] not in g:
            errors.append(f"node {n['id']} is missing")
            continue
        d = g.nodes[n["id"]]
        if d.get("kind") != n["kind"]:
            errors.append(f"node {n['id']}: kind {d.get('kind')}")
        if d.get("text") != n["text"]:
            errors.append(f"node {n['id']}: text {d.get('text')!r}")
        if d.get("tags", "") != " ".join(n["tags"]):
            errors.append(f"node {n['id']}: tags {d.get('tags')!r}")
        actors = [n["speaker"]] if n["speaker"] else n["by"]
        if d.get("actor", "") != " ".join(actors):
            errors.append(f"node {n['id']}: actor {d.get('actor')!r}")
        if d.get("line") != n["line"] or not isinstance(d.get("line"), int):
            errors.append(f"node {n['id']}: line {d.get('line')!r} (an int {n['line']})")
    relation_nodes = [v for v, d in g.nodes(data=True) if d.get("kind") == "relation"]
    if len(relation_nodes) != len(junction):
        errors.append(f"{len(relation_nodes)} relation nodes, the map {len(junction)}")
    for _, _, d in g.edges(data=True):
        if d.get("role") != "premise" and not isinstance(d.get("linked"), bool):
            errors.append(f"edge {d}: linked is not a boolean")
            break
    return errors


def main():
    where, names = sys.argv[1], sys.argv[2:]
    if not names:
        print("usage: graphml_check.py DIR NAME...", file=sys.stderr)
        return 2
    bad = 0
    for name in names:
        errors = check(name, where)
        if errors:
            bad += 1
            print(f"{name}: {len(errors)} problem(s):\n  " + "\n  ".join(errors[:25]), file=sys.stderr)
        else:
            with open(os.path.join(where, name + ".json"), encoding="utf-8") as f:
                n_nodes, n_edges, by_kind, _ = expected(json.load(f))
            print(f"{name}: networkx reads {n_nodes} nodes and {n_edges} edges "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(by_kind.items()))}), as the map says")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
