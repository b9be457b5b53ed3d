#!/usr/bin/python3
"""Times igraph, NetworkX and graph-tool on the same AiContagion CSV folder as the C# structure benchmarks.

    /usr/bin/python3 tests/peers/time_structure.py FOLDER [--ops pagerank,maxflow,betweenness] [--runs 3]
        [--sink ID] [--networkx-samples K]

FOLDER holds entities.csv and links.csv as written by `aicontagion convert` (or FinancingNetworkFile.Save).
Only the operation is timed, after loading; each figure is the median of --runs runs (one warm-up run first
for the fast peers). Links point the way money moves (from = payer, to = recipient); parallel links are
summed for NetworkX (igraph and graph-tool keep them as multi-edges, which their algorithms add up).

Operations, matched to the C# calls:
  pagerank     weighted by amount, damping 0.85, uniform teleport and dangling distribution
               (igraph PRPACK; NetworkX scipy power iteration with tol 1e-10, i.e. l1 change < n * 1e-10).
  maxflow      capacity = amount, a super-source joined to every funding source (sectors VentureCapital,
               PrivateEquity, PrivateCredit, Bank, PublicMarkets, Sovereign, Conglomerate, or fundingSource=true)
               and the sink (--sink, default the non-funding entity with the largest in-strength); the
               "infinite" arcs get the tightest capacity that never binds (a source's out-strength, the sink's
               in-strength), since floating capacities of very different sizes slow push-relabel down badly.
  betweenness  exact, unweighted (hops), directed, unnormalised (igraph, graph-tool); NetworkX with
               --networkx-samples sampled sources (default 50) and the time scaled by n / k, as an estimate.
Prints one line per peer and operation, and a JSON summary on the last line.
"""
import argparse
import csv
import json
import os
import statistics
import sys
import time

FUNDER_SECTORS = {"venturecapital", "privateequity", "privatecredit", "bank", "publicmarkets", "sovereign", "conglomerate"}


def load(folder):
    ids = {}
    funding = []
    with open(os.path.join(folder, "entities.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            v = len(ids)
            ids[row["id"]] = v
            flag = (row.get("fundingSource") or "").strip().lower()
            sector = row["sector"].replace(" ", "").replace("-", "").replace("_", "").lower()
            if flag == "true" or (flag == "" and sector in FUNDER_SECTORS):
                funding.append(v)
    src, dst, amount = [], [], []
    with open(os.path.join(folder, "links.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            src.append(ids[row["from"]])
            dst.append(ids[row["to"]])
            amount.append(float(row["amount"]))
    return ids, funding, src, dst, amount


CPU = []


def median_time(op, runs, warmup=True):
    """Median wall time of `runs` runs (after one warm-up run); the median CPU time goes to CPU[-1]."""
    if warmup:
        op()
    times, cpu = [], []
    result = None
    for _ in range(runs):
        cpu0 = time.process_time()
        start = time.perf_counter()
        result = op()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu0)
    CPU.append(statistics.median(cpu))
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--ops", default="pagerank,maxflow,betweenness")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sink")
    parser.add_argument("--networkx-samples", type=int, default=50)
    parser.add_argument("--peers", default="igraph,networkx,graph-tool")
    parser.add_argument("--skip", default="", help="peer:op pairs to leave out, e.g. igraph:maxflow (too slow on some graphs)")
    args = parser.parse_args()
    ops = args.ops.split(",")
    peers = args.peers.split(",")
    skip = set(filter(None, args.skip.split(",")))

    def wanted(peer, op):
        return peer in peers and op in ops and f"{peer}:{op}" not in skip

    t0 = time.perf_counter()
    ids, funding, src, dst, amount = load(args.folder)
    n, m = len(ids), len(src)
    print(f"loaded {args.folder}: {n} entities, {m} links, {len(funding)} funding sources ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    in_strength = [0.0] * n
    for v, a in zip(dst, amount):
        in_strength[v] += a
    funding_set = set(funding)
    sink = ids[args.sink] if args.sink else max((v for v in range(n) if v not in funding_set), key=lambda v: (in_strength[v], -v))
    out_strength = [0.0] * n
    for u, a in zip(src, amount):
        out_strength[u] += a
    source_caps = [out_strength[s] for s in funding]
    sink_cap = in_strength[sink]
    summary = {"folder": args.folder, "entities": n, "links": m, "results": []}

    def report(peer, op, seconds, note):
        load = open("/proc/loadavg").read().split()[0]
        print(f"{peer:10s} {op:12s} {seconds:9.4f} s  (cpu {CPU[-1]:.3f} s, load {load})  {note}")
        summary["results"].append({"peer": peer, "op": op, "seconds": seconds, "cpuSeconds": CPU[-1], "load": float(load), "note": note})

    if any(wanted("igraph", op) for op in ops):
        import igraph
        g = igraph.Graph(n=n, edges=list(zip(src, dst)), directed=True)
        g.es["amount"] = amount
        if wanted("igraph", "pagerank"):
            t, pr = median_time(lambda: g.pagerank(weights="amount", damping=0.85, implementation="prpack"), args.runs)
            top = max(range(n), key=lambda v: pr[v])
            report("igraph", "pagerank", t, f"prpack, top {top} = {pr[top]:.10g}")
        if wanted("igraph", "maxflow"):
            h = g.copy()
            h.add_vertices(2)
            extra = [(n, s) for s in funding] + [(sink, n + 1)]
            h.add_edges(extra)
            capacity = amount + source_caps + [sink_cap]
            t, flow = median_time(lambda: h.maxflow(n, n + 1, capacity=capacity), args.runs)
            report("igraph", "maxflow", t, f"funding -> {sink}: value {flow.value:.6f}")
        if wanted("igraph", "betweenness"):
            t, b = median_time(lambda: g.betweenness(directed=True), args.runs, warmup=False)
            top = max(range(n), key=lambda v: b[v])
            report("igraph", "betweenness", t, f"exact hops, top {top} = {b[top]:.6f}")

    if any(wanted("graph-tool", op) for op in ops):
        import graph_tool.all as gt
        gg = gt.Graph(directed=True)
        gg.add_vertex(n)
        gg.add_edge_list(list(zip(src, dst)))
        weight = gg.new_edge_property("double", vals=amount)
        if wanted("graph-tool", "pagerank"):
            t, pr = median_time(lambda: gt.pagerank(gg, damping=0.85, weight=weight, epsilon=1e-10, max_iter=0), args.runs)
            report("graph-tool", "pagerank", t, f"epsilon 1e-10, top {int(pr.a.argmax())} = {pr.a.max():.10g}")
        if wanted("graph-tool", "maxflow"):
            hh = gt.Graph(gg)
            hh.add_vertex(2)
            hh.add_edge_list([(n, s) for s in funding] + [(sink, n + 1)])
            cap = hh.new_edge_property("double", vals=amount + source_caps + [sink_cap])
            for name, algorithm in (("push-relabel", gt.push_relabel_max_flow), ("boykov-kolmogorov", gt.boykov_kolmogorov_max_flow)):
                def flow():
                    residual = algorithm(hh, hh.vertex(n), hh.vertex(n + 1), cap)
                    return sum(cap[e] - residual[e] for e in hh.vertex(n + 1).in_edges())
                t, value = median_time(flow, args.runs)
                report("graph-tool", "maxflow", t, f"{name}, value {value:.6f}")
        if wanted("graph-tool", "betweenness"):
            t, (vb, _) = median_time(lambda: gt.betweenness(gg, norm=False), args.runs, warmup=False)
            report("graph-tool", "betweenness", t, f"exact hops, top {int(vb.a.argmax())} = {vb.a.max():.6f} (threads {gt.openmp_get_num_threads()})")

    if any(wanted("networkx", op) for op in ops):
        import networkx as nx
        d = nx.DiGraph()
        d.add_nodes_from(range(n))
        for u, v, a in zip(src, dst, amount):
            if d.has_edge(u, v):
                d[u][v]["amount"] += a
            else:
                d.add_edge(u, v, amount=a)
        if wanted("networkx", "pagerank"):
            t, pr = median_time(lambda: nx.pagerank(d, alpha=0.85, weight="amount", tol=1e-10, max_iter=1000), args.runs, warmup=False)
            top = max(pr, key=pr.get)
            report("networkx", "pagerank", t, f"scipy, tol 1e-10, top {top} = {pr[top]:.10g}")
        if wanted("networkx", "maxflow"):
            f = d.copy()
            for s, c in zip(funding, source_caps):
                f.add_edge(n, s, amount=c)
            f.add_edge(sink, n + 1, amount=sink_cap)
            t, value = median_time(lambda: nx.maximum_flow_value(f, n, n + 1, capacity="amount"), 1, warmup=False)
            report("networkx", "maxflow", t, f"preflow-push, 1 run, value {value:.6f}")
        if wanted("networkx", "betweenness"):
            k = min(args.networkx_samples, n)
            t, _ = median_time(lambda: nx.betweenness_centrality(d, k=k, normalized=False, seed=1), 1, warmup=False)
            CPU[-1] *= n / k
            report("networkx", "betweenness", t * n / k, f"estimate: {k} sampled sources took {t:.2f} s, scaled by n/k")

    print(json.dumps(summary))


if __name__ == "__main__":
    main()
