#!/usr/bin/python3
"""Expected round-trip shares (circular money) for AiContagion's MoneyRoundTrip, computed independently here.

Run with the Debian interpreter (it has numpy and NetworkX):

    /usr/bin/python3 tests/peers/round_trip_expected.py

It reads the seeded graphs of tests/AiContagion.Tests/Data/Structure/peer-expected.json (written by
structure_expected.py) and writes tests/AiContagion.Tests/Data/Structure/round-trip-expected.json: for every
entity n<i> with income, rho_i = the probability that a dollar of i's income, traced back payer by payer in
proportion to the amounts (revenue and funding sources stop the walk, as in the provenance trace), started as a
payment by i.

The formulation here differs from the library's on purpose (no strongly connected groups, no 1 - 1/G_ii): for each
i, D = the entities that pass money on (not funding sources, income > 0) reachable from i along the money through
such entities (NetworkX descendants); h_v = sum over payers u of v of (a_uv / I_v) * (1 if u == i else h_u if u in
D else 0), solved as one dense numpy system over D; rho_i = the same sum for v = i.

Direction convention (as in AiContagion): link [u, v, a] means money a moves from u (payer) to v (recipient).
"""
import json
import os
import sys

import networkx as nx
import numpy as np

HERE = os.path.dirname(__file__)
DATA = os.path.join(HERE, "..", "AiContagion.Tests", "Data", "Structure")


def round_trips(n, links, funding, revenue):
    inflow = [revenue.get(v, 0.0) for v in range(n)]
    payers = [[] for _ in range(n)]
    for u, v, a in links:
        if a > 0:
            inflow[v] += a
            payers[v].append((u, a))
    passes_on = [v not in funding and inflow[v] > 0 for v in range(n)]
    result = {}
    for i in range(n):
        if inflow[i] == 0:
            result[str(i)] = None
            continue
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from((u, v) for u, v, a in links if a > 0 and (u == i or passes_on[u]) and passes_on[v] and v != i)
        down = sorted(nx.descendants(g, i))
        pos = {v: k for k, v in enumerate(down)}
        m = np.eye(len(down))
        b = np.zeros(len(down))
        for v in down:
            for u, a in payers[v]:
                if u == i:
                    b[pos[v]] += a / inflow[v]
                elif u in pos:
                    m[pos[v], pos[u]] -= a / inflow[v]
        h = np.linalg.solve(m, b) if down else np.zeros(0)
        rho = sum((a / inflow[i]) * (1.0 if u == i else h[pos[u]] if u in pos else 0.0) for u, a in payers[i])
        result[str(i)] = float(rho)
    return result


def main():
    with open(os.path.join(DATA, "peer-expected.json"), encoding="utf-8") as f:
        peers = json.load(f)
    cases = []
    for case in peers["cases"]:
        n = case["entities"]
        revenue = {int(k): v for k, v in case["revenue"].items()}
        rho = round_trips(n, case["links"], set(case["fundingSources"]), revenue)
        cases.append({"name": case["name"], "roundTrip": rho})
    document = {
        "generator": "tests/peers/round_trip_expected.py",
        "graphs": "the cases of peer-expected.json (same names)",
        "peers": {"networkx": nx.__version__, "numpy": np.__version__},
        "cases": cases,
    }
    out = os.path.join(DATA, "round-trip-expected.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(out), file=sys.stderr)


if __name__ == "__main__":
    main()
