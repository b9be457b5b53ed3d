#!/usr/bin/python3
"""Expected values for AiContagion's structure algorithms, computed by NetworkX and igraph (Debian packages).

Run with the Debian interpreter (it has the peers):

    /usr/bin/python3 tests/peers/structure_expected.py

It writes tests/AiContagion.Tests/Data/Structure/peer-expected.json: a few seeded random financing graphs
(simple directed graphs: no parallel links, no self-links, amounts > 0) with, for each, the values NetworkX
2.8 / igraph 0.10 give for PageRank, eigenvector, Katz, betweenness, harmonic closeness, maximum flow,
minimum entity cut and immediate dominators, and the money-provenance shares of AiContagion's formulation
solved independently here with a dense numpy solve. The C# tests read that file; nothing is typed by hand.

Direction convention (as in AiContagion): an edge u -> v means money moves from u (payer) to v (recipient).
"""
import json
import math
import os
import random
import sys

import igraph
import networkx as nx
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "AiContagion.Tests", "Data", "Structure", "peer-expected.json")


def random_graph(n, m, seed, sources, revenue_share):
    rng = random.Random(seed)
    edges = {}
    while len(edges) < m:
        u = rng.randrange(n)
        v = rng.randrange(n)
        if u == v or (u, v) in edges:
            continue
        edges[(u, v)] = round(rng.uniform(0.5, 10.0), 3)
    funding = sorted(rng.sample(range(n), sources))
    revenue = {v: round(rng.uniform(0.1, 5.0), 3) for v in range(n) if rng.random() < revenue_share}
    return sorted((u, v, a) for (u, v), a in edges.items()), funding, revenue


def digraph(n, edges):
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    for u, v, a in edges:
        g.add_edge(u, v, weight=a, cost=1.0 / a)
    return g


def vector(n, d):
    return [float(d.get(v, 0.0)) for v in range(n)]


def max_flow(n, edges, sources, sinks):
    """Super-source -> sources, sinks -> super-sink; returns (networkx value, igraph value)."""
    big = sum(a for _, _, a in edges) + 1.0
    g = nx.DiGraph()
    g.add_nodes_from(range(n + 2))
    for u, v, a in edges:
        g.add_edge(u, v, capacity=a)
    for s in sources:
        g.add_edge(n, s, capacity=big)
    for t in sinks:
        g.add_edge(t, n + 1, capacity=big)
    nx_value = nx.maximum_flow_value(g, n, n + 1)
    ig = igraph.Graph(n=n + 2, directed=True)
    caps = []
    ig_edges = []
    for u, v, a in edges:
        ig_edges.append((u, v)); caps.append(a)
    for s in sources:
        ig_edges.append((n, s)); caps.append(big)
    for t in sinks:
        ig_edges.append((t, n + 1)); caps.append(big)
    ig.add_edges(ig_edges)
    ig_value = ig.maxflow(n, n + 1, capacity=caps).value
    return nx_value, ig_value


def entity_cut_value(n, edges, sources, sinks, costs):
    """Minimum vertex cut by node splitting (v_in = v, v_out = n + v) with NetworkX's minimum_cut_value."""
    g = nx.DiGraph()
    protected = set(sources) | set(sinks)
    for v in range(n):
        if v in protected:
            g.add_edge(v, n + v)  # no capacity attribute = infinite
        else:
            g.add_edge(v, n + v, capacity=costs[v])
    for u, v, _ in edges:
        g.add_edge(n + u, v)
    for s in sources:
        g.add_edge(2 * n, s)
    for t in sinks:
        g.add_edge(n + t, 2 * n + 1)
    return nx.minimum_cut_value(g, 2 * n, 2 * n + 1)


def dominators(n, edges, sources):
    g = nx.DiGraph()
    g.add_nodes_from(range(n + 1))
    g.add_edges_from((u, v) for u, v, _ in edges)
    for s in sources:
        g.add_edge(n, s)
    idom = nx.immediate_dominators(g, n)
    # -1 = the virtual root, absent = unreachable
    return {str(v): (-1 if d == n else d) for v, d in idom.items() if v != n}


def provenance(n, edges, funding, revenue):
    """AiContagion's proportional tracing, solved as one dense absorbing-chain system (I - Q) Y = R."""
    inflow = [revenue.get(v, 0.0) for v in range(n)]
    payers = [[] for _ in range(n)]
    for u, v, a in edges:
        inflow[v] += a
        payers[v].append((u, a))
    origin = [v in funding or inflow[v] == 0 for v in range(n)]
    transient = [v for v in range(n) if not origin[v]]
    sub = nx.DiGraph()
    sub.add_nodes_from(transient)
    sub.add_edges_from((u, v) for u, v, _ in edges if not origin[u] and not origin[v])
    for comp in nx.strongly_connected_components(sub):
        if len(comp) < 2:
            continue
        closed = all(revenue.get(v, 0.0) == 0 and all(u in comp for u, _ in payers[v]) for v in comp)
        if closed:
            for v in comp:
                origin[v] = True
    transient = [v for v in range(n) if not origin[v]]
    pos = {v: i for i, v in enumerate(transient)}
    # origin columns: entity origins 0..n-1, revenues n..2n-1
    k = len(transient)
    q = np.zeros((k, k))
    r = np.zeros((k, 2 * n))
    for v in transient:
        i = pos[v]
        for u, a in payers[v]:
            if origin[u]:
                r[i, u] += a / inflow[v]
            else:
                q[i, pos[u]] += a / inflow[v]
        if revenue.get(v, 0.0) > 0:
            r[i, n + v] += revenue[v] / inflow[v]
    y = np.linalg.solve(np.eye(k) - q, r) if k else np.zeros((0, 2 * n))

    def mix_of(u):
        if origin[u]:
            e = np.zeros(2 * n); e[u] = 1.0
            return e
        return y[pos[u]]

    result = {}
    for v in range(n):
        if inflow[v] == 0:
            result[str(v)] = {}
            continue
        if origin[v]:
            row = np.zeros(2 * n)
            for u, a in payers[v]:
                row += (a / inflow[v]) * mix_of(u)
            if revenue.get(v, 0.0) > 0:
                row[n + v] += revenue[v] / inflow[v]
        else:
            row = y[pos[v]]
        shares = {}
        for o in range(2 * n):
            if row[o] > 1e-15:
                shares[("n%d" % o) if o < n else ("revenue:n%d" % (o - n))] = float(row[o])
        result[str(v)] = shares
    untraced = [v for v in range(n) if origin[v] and v not in funding]
    return result, untraced


def case(name, n, m, seed, sources, revenue_share):
    edges, funding, revenue = random_graph(n, m, seed, sources, revenue_share)
    g = digraph(n, edges)
    rng = random.Random(seed + 1000)
    personalization = {v: rng.choice([0, 1, 2, 5]) for v in range(n)}
    personalization[0] = 1
    dangling = {v: rng.choice([0, 1, 3]) for v in range(n)}
    dangling[1] = 2
    a = nx.to_numpy_array(g, nodelist=range(n), weight="weight")
    rho = max(abs(np.linalg.eigvals(a)))
    katz_alpha = round(0.5 / rho, 6)
    in_strength = a.sum(axis=0)
    sink = max((v for v in range(n) if v not in funding), key=lambda v: (in_strength[v], -v))
    sink_set = [v for v in range(n) if v % 7 == 3 and v not in funding]
    flow_single = max_flow(n, edges, funding, [sink])
    flow_set = max_flow(n, edges, funding, sink_set)
    count_costs = [1.0] * n
    inflow_costs = [float(in_strength[v] + revenue.get(v, 0.0)) for v in range(n)]
    # a sink the sources do not pay directly, so that an entity cut exists
    direct = {v for u, v, _ in edges if u in funding}
    cut_sink = next(v for v in sorted(range(n), key=lambda v: -in_strength[v]) if v not in funding and v not in direct)
    prov, untraced = provenance(n, edges, set(funding), revenue)
    return {
        "name": name,
        "entities": n,
        "links": [[u, v, a] for u, v, a in edges],
        "fundingSources": funding,
        "revenue": {str(v): r for v, r in sorted(revenue.items())},
        "pagerank": {
            "default": vector(n, nx.pagerank(g, alpha=0.85, weight="weight")),
            "tight": vector(n, nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)),
            "unweighted": vector(n, nx.pagerank(g, alpha=0.85, weight=None, tol=1e-13, max_iter=10000)),
            "damping": 0.7,
            "personalised": vector(n, nx.pagerank(g, alpha=0.7, weight="weight", personalization=personalization,
                                                  dangling=dangling, tol=1e-13, max_iter=10000)),
            "personalisation": {str(v): w for v, w in personalization.items()},
            "dangling": {str(v): w for v, w in dangling.items()},
            "reversed": vector(n, nx.pagerank(g.reverse(copy=True), alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)),
        },
        "eigenvector": {
            "weighted": vector(n, nx.eigenvector_centrality(g, weight="weight", max_iter=10000, tol=1e-13)),
            "unweighted": vector(n, nx.eigenvector_centrality(g, weight=None, max_iter=10000, tol=1e-13)),
        },
        "katz": {
            "unweighted": vector(n, nx.katz_centrality(g, alpha=0.1, beta=1.0, weight=None, tol=1e-13, max_iter=10000)),
            "weightedAlpha": katz_alpha,
            "weighted": vector(n, nx.katz_centrality(g, alpha=katz_alpha, beta=1.0, weight="weight", tol=1e-13, max_iter=10000)),
        },
        "betweenness": {
            "hops": vector(n, nx.betweenness_centrality(g, normalized=True)),
            "hopsRaw": vector(n, nx.betweenness_centrality(g, normalized=False)),
            "inverseAmount": vector(n, nx.betweenness_centrality(g, normalized=True, weight="cost")),
            "igraphHops": [float(x) for x in igraph.Graph(n=n, edges=[(u, v) for u, v, _ in edges], directed=True).betweenness(directed=True)],
        },
        "harmonic": {
            "hops": vector(n, nx.harmonic_centrality(g)),
            "inverseAmount": vector(n, nx.harmonic_centrality(g, distance="cost")),
            "paying": vector(n, nx.harmonic_centrality(g.reverse(copy=True))),
        },
        "maxFlow": {
            "sink": sink,
            "networkx": flow_single[0],
            "igraph": flow_single[1],
            "sinkSet": sink_set,
            "networkxSet": flow_set[0],
            "igraphSet": flow_set[1],
        },
        "entityCut": {
            "sink": cut_sink,
            "count": entity_cut_value(n, edges, funding, [cut_sink], count_costs),
            "inflow": entity_cut_value(n, edges, funding, [cut_sink], inflow_costs),
        },
        "dominators": dominators(n, edges, funding),
        "provenance": {"shares": prov, "untraced": untraced},
    }


def main():
    cases = [
        case("sparse-25", 25, 50, 3, 3, 0.3),
        case("medium-40", 40, 120, 1, 4, 0.4),
        case("dense-60", 60, 300, 2, 5, 0.5),
    ]
    document = {
        "generator": "tests/peers/structure_expected.py",
        "peers": {"networkx": nx.__version__, "igraph": igraph.__version__, "numpy": np.__version__},
        "convention": "link [u, v, amount]: money moves from entity n<u> to entity n<v>; entity n<i> is the i-th entity",
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote", os.path.normpath(OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
