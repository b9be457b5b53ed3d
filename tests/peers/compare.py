#!/usr/bin/python3
"""AiContagion against its peers, side by side on the same CSV files on the same machine.

    /usr/bin/python3 tests/peers/compare.py [--sizes 100k,1m] [--runs 5] [--ops ...] [--peers ...]
        [--ours DIR | --run-ours] [--dump-dir DIR] [--timeout 600] [--markdown FILE] [--update-doc docs/performance.md]

Needs Debian's python3-igraph, python3-networkx, python3-numpy and python3-scipy; python3-graph-tool and
python3-pandas are used when present (a missing peer is skipped, never faked). Run from anywhere; paths are
relative to the repository.

What it does, for each size (the seeded SyntheticFinancingNetwork files under artifacts/bench-data, written by
`dotnet run -c Release --project tests/AiContagion.Benchmarks -- generate`):

1. Reads AiContagion's side: the BenchmarkDotNet JSON reports (`--ours DIR`, default
   BenchmarkDotNet.Artifacts/results; `--run-ours` runs the benchmarks first) — medians, min and max of the
   operation, Release build, allocations per operation. It also runs the benchmarks program's `dump` mode, which
   writes the problem definitions (sink, shocked entity, sampled betweenness sources) and AiContagion's answers.
2. Times each peer on the same files, same parameters: every peer operation runs in a forked child process
   (one warm-up run for the fast ones, then --runs timed runs, wall clock; a child that exceeds --timeout is
   killed and reported as "> timeout").
3. Checks that the peers' answers agree with ours (PageRank l1 distance, max-flow value, betweenness, immediate
   dominators, Eisenberg–Noe clearing vector to 1e-6, DebtRank, Furfine failures) and prints them.
4. Prints one table: median (min–max) per side, and the speed-up = peer median / our median (above 1: we are
   faster). With --markdown it writes the same table as Markdown; with --update-doc it replaces the block between
   `<!-- compare:begin -->` and `<!-- compare:end -->` in that file.

Operations and how the parameters map (the C# side is tests/AiContagion.Benchmarks/Workloads.cs):

  load-csv       entities.csv + links.csv into a graph with every column. igraph: csv module + Graph(n, edges)
                 with vertex and edge attributes, and (pandas present) pandas.read_csv + Graph.DataFrame;
                 graph-tool: load_graph_from_csv for links + csv module for entities; NetworkX: csv module +
                 MultiDiGraph. AiContagion: FinancingNetworkFile.Load (parse, validate, build the compact index).
  pagerank       weighted by amount, damping 0.85, uniform teleport and dangling distribution, to an l1 change of
                 1e-10 between iterations. igraph: PRPACK (its own fixed 1e-10 tolerance, solved directly);
                 graph-tool: epsilon=1e-10 (l1 change); NetworkX: tol=1e-10/n (its criterion is l1 change < n·tol);
                 AiContagion: Tolerance = 1e-10/n (same criterion as NetworkX).
  maxflow        capacity = amount; a super-source joined to every funding source, the sink = the non-funding
                 entity with the largest in-strength. The peers' super-arcs get capacities that never bind (the
                 source's out-strength, the sink's in-strength); AiContagion's are infinite. Values must agree.
  betweenness    hops, directed, unnormalised, on the simple graph (parallel links merged, zero amounts dropped,
                 as AiContagion defines it). Exact up to 10^5 links; on 10^6 links the same 256 seeded sources
                 (igraph sources=, graph-tool pivots=, NetworkX betweenness_centrality_subset), scaled by n/k.
                 NetworkX is too slow for all sources: it runs a few and its time is scaled up (marked "est.").
  dominators     immediate dominators from a virtual root joined to every funding source, zero-amount links left
                 out. igraph: Graph.dominator; graph-tool: dominator_tree on the view of
                 what the root reaches (Boost's algorithm needs that); NetworkX: immediate_dominators.
  eisenberg-noe  obligations by kind (debt kinds: To owes From; commercial kinds: From owes To; equity and SPV
                 contributions none), external assets e, external liabilities pari passu (p̄ = owed + ext), the
                 most-funded non-funding entity fails (pays nothing). Two NumPy/SciPy solvers written here: the
                 fictitious-default algorithm with a sparse solve of each round's defaulters (scipy spsolve up to
                 2,000 of them, BiCGStab beyond), and plain
                 vectorised Picard iteration p ← min(p̄, max(0, e + Πᵀp)) to a change below 1e-13·max p̄.
  debtrank       linear DebtRank (Bardoscia et al. 2015), Λ_ij = claims of i on j / capital_i (uncapped), weights
                 = total assets, same shock (the most-funded entity at distress 1), iterated with sparse
                 mat-vecs until no distress grows by more than 1e-12.
  furfine        credit-loss cascade, zero recovery, strict loss > capital, same shock; vectorised rounds.

Operations with no peer (funding cascade, withdrawal ranking, Monte Carlo stress, provenance, load-json, index
build) are listed with our figures only.
"""
import argparse
import csv
import datetime
import glob
import json
import math
import os
import pickle
import platform
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BENCH_PROJECT = os.path.join(REPO, "tests", "AiContagion.Benchmarks")
FUNDER_SECTORS = {"venturecapital", "privateequity", "privatecredit", "bank", "publicmarkets", "sovereign", "conglomerate"}
DEBT_KINDS = {"loan", "bond", "creditfacility", "vendorfinancing"}
CLAIM_KINDS = {"equity", "loan", "bond", "creditfacility", "vendorfinancing", "spvcontribution"}
ENTITY_NUMBERS = ["cash", "revenue", "costs", "capital", "externalAssets", "externalLiabilities", "tolerance"]

# Benchmark Description (C#) -> operation key here.
OPS = ["load-csv", "load-json", "build-index", "pagerank", "maxflow", "betweenness", "dominators", "provenance",
       "funding-cascade", "furfine", "eisenberg-noe", "eisenberg-noe-prepared", "debtrank", "ranking", "stress"]

# Our rows compared with another operation's peer timings: the clearing run on an engine prepared once is set
# against the same NumPy/SciPy solvers (which are handed the obligation arrays ready-made).
PEERS_OF = {"eisenberg-noe-prepared": "eisenberg-noe"}


def canonical(text):
    return text.replace(" ", "").replace("-", "").replace("_", "").lower()


# ----------------------------------------------------------------------------------------------------------------
# Timing in a forked child (isolation, and a hard timeout for peers that may run for a very long time)


def timed_in_child(setup, op, runs, warmup, timeout):
    """Runs setup() once then op(state) warmup + runs times in a forked child; returns (times, result) or None on timeout."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        code = 0
        try:
            state = setup()
            if warmup:
                op(state)
            times = []
            result = None
            for _ in range(runs):
                start = time.perf_counter()
                result = op(state)
                times.append(time.perf_counter() - start)
            payload = pickle.dumps(("ok", times, result))
        except BaseException as error:  # report any failure to the parent
            payload = pickle.dumps(("error", repr(error), None))
            code = 1
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        os._exit(code)
    os.close(write)
    chunks = []
    deadline = time.monotonic() + timeout
    with os.fdopen(read, "rb") as pipe:
        os.set_blocking(pipe.fileno(), False)
        while True:
            try:
                chunk = pipe.read()
            except BlockingIOError:
                chunk = None
            if chunk:
                chunks.append(chunk)
            finished, _ = os.waitpid(pid, os.WNOHANG)
            if finished:
                try:
                    rest = pipe.read()
                except BlockingIOError:
                    rest = None
                if rest:
                    chunks.append(rest)
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return None
            time.sleep(0.02)
    status, times, result = pickle.loads(b"".join(chunks))
    if status != "ok":
        raise RuntimeError(times)
    return times, result


# ----------------------------------------------------------------------------------------------------------------
# Reading the files (untimed setup for the operations; the load operation times its own reading)


class Data:
    """The network as plain arrays: ids, sectors, figures, links."""

    def __init__(self, folder):
        import numpy as np
        self.folder = folder
        self.ids = {}
        self.names = []
        funding = []
        figures = {k: [] for k in ENTITY_NUMBERS}
        with open(os.path.join(folder, "entities.csv"), newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                v = len(self.names)
                self.ids[row["id"]] = v
                self.names.append(row["id"])
                flag = (row.get("fundingSource") or "").strip().lower()
                if flag in ("true", "1") or (flag == "" and canonical(row["sector"]) in FUNDER_SECTORS):
                    funding.append(v)
                for k in ENTITY_NUMBERS:
                    text = row.get(k) or ""
                    figures[k].append(float(text) if text.strip() else math.nan)
        src, dst, kind, amount = [], [], [], []
        with open(os.path.join(folder, "links.csv"), newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                src.append(self.ids[row["from"]])
                dst.append(self.ids[row["to"]])
                kind.append(canonical(row["kind"]))
                amount.append(float(row["amount"]))
        self.n = len(self.names)
        self.m = len(src)
        self.funding = funding
        self.figures = {k: np.array(v) for k, v in figures.items()}
        self.src = np.array(src, dtype=np.int64)
        self.dst = np.array(dst, dtype=np.int64)
        self.kind = kind
        self.amount = np.array(amount)
        self.is_claim = np.array([k in CLAIM_KINDS for k in kind])
        self.is_debt = np.array([k in DEBT_KINDS for k in kind])


# ----------------------------------------------------------------------------------------------------------------
# Load


def load_igraph_csv(folder):
    import igraph
    ids, vertex_rows = {}, []
    with open(os.path.join(folder, "entities.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        for row in reader:
            ids[row[0]] = len(vertex_rows)
            vertex_rows.append(row)
    edges, kinds, amounts = [], [], []
    with open(os.path.join(folder, "links.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        lheader = next(reader)
        fi, ti, ki, ai = (lheader.index(c) for c in ("from", "to", "kind", "amount"))
        for row in reader:
            edges.append((ids[row[fi]], ids[row[ti]]))
            kinds.append(row[ki])
            amounts.append(float(row[ai]))
    g = igraph.Graph(n=len(vertex_rows), edges=edges, directed=True)
    g.es["kind"] = kinds
    g.es["amount"] = amounts
    for c, name in enumerate(header):
        column = [row[c] for row in vertex_rows]
        if name in ENTITY_NUMBERS:
            column = [float(x) if x else math.nan for x in column]
        g.vs[name] = column
    return g.ecount()


def load_igraph_pandas(folder):
    import igraph
    import pandas as pd
    # igraph takes the first column as the vertex name and refuses a second "name" column: rename it, as a user must.
    entities = pd.read_csv(os.path.join(folder, "entities.csv")).rename(columns={"name": "displayName"})
    links = pd.read_csv(os.path.join(folder, "links.csv"))
    g = igraph.Graph.DataFrame(links, directed=True, vertices=entities, use_vids=False)
    return g.ecount()


def load_graph_tool(folder):
    import graph_tool.all as gt
    g = gt.load_graph_from_csv(os.path.join(folder, "links.csv"), directed=True, hashed=True, skip_first=True,
                               eprop_types=["string", "double", "string", "string", "string", "string"],
                               eprop_names=["kind", "amount", "termYears", "date", "source", "note"],
                               csv_options={"delimiter": ","})
    index = {name: int(v) for v, name in enumerate(g.vp["name"])}
    sector = g.new_vertex_property("string")
    numbers = {k: g.new_vertex_property("double") for k in ENTITY_NUMBERS}
    with open(os.path.join(folder, "entities.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["id"] not in index:
                index[row["id"]] = int(g.add_vertex())
            v = index[row["id"]]
            sector[v] = row["sector"]
            for k in ENTITY_NUMBERS:
                numbers[k][v] = float(row[k]) if row[k] else math.nan
    return g.num_edges()


def load_networkx(folder):
    import networkx as nx
    g = nx.MultiDiGraph()
    with open(os.path.join(folder, "entities.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            attributes = {k: (float(row[k]) if row[k] else math.nan) if k in ENTITY_NUMBERS else row[k] for k in row if k != "id"}
            g.add_node(row["id"], **attributes)
    with open(os.path.join(folder, "links.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        g.add_edges_from((row["from"], row["to"], {"kind": row["kind"], "amount": float(row["amount"])}) for row in reader)
    return g.number_of_edges()


# ----------------------------------------------------------------------------------------------------------------
# Structure


def simple_edges(data):
    """Parallel links merged (amounts summed), zero-amount links dropped: (src, dst, amount) arrays."""
    import numpy as np
    keep = data.amount > 0
    key = data.src[keep] * data.n + data.dst[keep]
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.zeros(len(unique))
    np.add.at(summed, inverse, data.amount[keep])
    return unique // data.n, unique % data.n, summed


def flow_problem(data, sink):
    import numpy as np
    out_strength = np.bincount(data.src, weights=data.amount, minlength=data.n)
    in_strength = np.bincount(data.dst, weights=data.amount, minlength=data.n)
    source_caps = [float(out_strength[s]) for s in data.funding]
    return source_caps, float(in_strength[sink])


def igraph_graph(data, simple=False, positive=False):
    import igraph
    if simple:
        s, t, a = simple_edges(data)
    else:
        keep = data.amount > 0 if positive else slice(None)
        s, t, a = data.src[keep], data.dst[keep], data.amount[keep]
    g = igraph.Graph(n=data.n, edges=list(zip(s.tolist(), t.tolist())), directed=True)
    g.es["amount"] = a.tolist()
    return g


def graph_tool_graph(data, simple=False, positive=False):
    import graph_tool.all as gt
    import numpy as np
    if simple:
        s, t, a = simple_edges(data)
    else:
        keep = data.amount > 0 if positive else slice(None)
        s, t, a = data.src[keep], data.dst[keep], data.amount[keep]
    g = gt.Graph(directed=True)
    g.add_vertex(data.n)
    g.add_edge_list(np.column_stack([s, t]))
    weight = g.new_edge_property("double", vals=a)
    return g, weight


def networkx_graph(data, simple_only=True):
    import networkx as nx
    s, t, a = simple_edges(data)
    g = nx.DiGraph()
    g.add_nodes_from(range(data.n))
    g.add_weighted_edges_from(zip(s.tolist(), t.tolist(), a.tolist()), weight="amount")
    return g


# ----------------------------------------------------------------------------------------------------------------
# Clearing, DebtRank, Furfine in NumPy / SciPy


def obligations(data):
    """(debtor, creditor, amount) of every link with a clearing obligation."""
    import numpy as np
    commercial = ~data.is_claim
    has = data.is_debt | commercial
    debtor = np.where(data.is_debt, data.dst, data.src)[has]
    creditor = np.where(data.is_debt, data.src, data.dst)[has]
    return debtor, creditor, data.amount[has]


def clearing_setup(data, hit):
    import numpy as np
    import scipy.sparse as sp
    debtor, creditor, amount = obligations(data)
    e = np.nan_to_num(data.figures["externalAssets"])
    ext = np.nan_to_num(data.figures["externalLiabilities"])
    return debtor, creditor, amount, e, ext, hit


def clearing_matrix(data, debtor, creditor, amount, ext):
    import numpy as np
    import scipy.sparse as sp
    owed = np.bincount(debtor, weights=amount, minlength=data.n)
    pbar = owed + ext
    share = np.divide(amount, pbar[debtor], out=np.zeros_like(amount), where=pbar[debtor] > 0)
    # PiT[i, j] = share of j's payments that go to i: inflow = PiT @ p
    pit = sp.csr_matrix((share, (creditor, debtor)), shape=(data.n, data.n))
    return pbar, pit


def clearing_fictitious_default(data, setup):
    """Eisenberg & Noe's fictitious-default algorithm: each round solves the defaulters' linear system (spsolve up to 2,000
    defaulters, BiCGStab beyond)."""
    import numpy as np
    import scipy.sparse as sp
    import scipy.sparse.linalg as spl
    debtor, creditor, amount, e, ext, hit = setup
    pbar, pit = clearing_matrix(data, debtor, creditor, amount, ext)
    n = data.n
    p = pbar.copy()
    in_d = np.zeros(n, dtype=bool)
    at_zero = np.zeros(n, dtype=bool)
    in_d[hit] = at_zero[hit] = True
    p[hit] = 0.0
    rounds = 0
    exact = True
    while True:
        inflow = pit @ p
        value = e + inflow
        gap = pbar - value
        new = ~in_d & (gap > 1e-12 * np.maximum(np.abs(pbar), np.abs(value)))
        in_d |= new
        zero = in_d & ~at_zero & ((pbar <= 0) | (value <= 0))
        at_zero |= zero
        p[zero] = 0.0
        if not new.any() and not zero.any() and exact:
            break
        rounds += 1
        unknown = np.flatnonzero(in_d & ~at_zero)
        known = np.flatnonzero(~(in_d & ~at_zero))
        if len(unknown) == 0:
            exact = True
            continue
        a = pit[unknown][:, unknown]
        rhs = e[unknown] + pit[unknown][:, known] @ p[known]
        system = sp.identity(len(unknown), format="csc") - a.tocsc()
        if len(unknown) <= 2000:
            x = spl.spsolve(system, rhs)
        else:
            # SuperLU's fill-in makes a direct solve of 10^4+ defaulters impractically slow: BiCGStab from the
            # current payments (which lie above the solution), to a relative residual of 1e-13.
            x, info = spl.bicgstab(system.tocsr(), rhs, x0=p[unknown], tol=1e-13, atol=0.0, maxiter=10000)
            if info != 0:
                x = np.full(len(unknown), np.nan)
        exact = bool(np.all(np.isfinite(x)) and np.all(x >= -1e-9) and np.all(x <= p[unknown] + 1e-9 * max(1.0, pbar[unknown].max())))
        if exact:
            p[unknown] = np.clip(x, 0.0, pbar[unknown])
        else:
            p[unknown] = np.clip(e[unknown] + (pit @ p)[unknown], 0.0, pbar[unknown])
    return p, int(in_d.sum()), rounds


def clearing_picard(data, setup):
    """Plain vectorised fixed-point iteration from p̄ (decreasing to the greatest clearing vector)."""
    import numpy as np
    debtor, creditor, amount, e, ext, hit = setup
    pbar, pit = clearing_matrix(data, debtor, creditor, amount, ext)
    p = pbar.copy()
    p[hit] = 0.0
    scale = max(1.0, float(pbar.max()))
    iterations = 0
    while True:
        iterations += 1
        nxt = np.minimum(pbar, np.maximum(0.0, e + pit @ p))
        nxt[hit] = 0.0
        change = float(np.abs(nxt - p).max())
        p = nxt
        if change <= 1e-13 * scale or iterations >= 100000:
            break
    value = e + pit @ p
    defaults = int(np.count_nonzero(pbar - value > 1e-12 * np.maximum(np.abs(pbar), np.abs(value))))
    return p, defaults, iterations


def debtrank_setup(data, hit):
    import numpy as np
    import scipy.sparse as sp
    claim = data.is_claim
    capital = data.figures["capital"]
    holder, debtor, amount = data.src[claim], data.dst[claim], data.amount[claim]
    exposure = sp.csr_matrix((amount, (holder, debtor)), shape=(data.n, data.n))
    exposure.sum_duplicates()
    rows = np.repeat(np.arange(data.n), np.diff(exposure.indptr))
    cap = capital[rows]
    impact = np.where(cap > 0, exposure.data / np.where(cap > 0, cap, 1.0), 1.0)
    impact = np.where(np.isfinite(cap), impact, 0.0)
    leverage = sp.csr_matrix((impact, exposure.indices, exposure.indptr), shape=(data.n, data.n))
    assets = np.nan_to_num(data.figures["externalAssets"]).copy()
    assets += np.bincount(data.src[claim], weights=data.amount[claim], minlength=data.n)
    assets += np.bincount(data.dst[~claim], weights=data.amount[~claim], minlength=data.n)
    weight = assets / assets.sum()
    return leverage, weight, hit


def debtrank_linear(data, setup):
    import numpy as np
    leverage, weight, hit = setup
    h = np.zeros(data.n)
    h[hit] = 1.0
    initial = float(weight @ h)
    delta = h.copy()
    rounds = 0
    while True:
        rounds += 1
        nxt = np.minimum(1.0, h + leverage @ delta)
        delta = nxt - h
        h = nxt
        if delta.max() <= 1e-12:
            break
    return float(weight @ h) - initial, rounds


def furfine(data, setup):
    import numpy as np
    leverage_unused, weight_unused, hit = setup
    claim = data.is_claim
    capital = data.figures["capital"]
    holder, debtor, amount = data.src[claim], data.dst[claim], data.amount[claim]
    failed = np.zeros(data.n, dtype=bool)
    failed[hit] = True
    frontier = failed.copy()
    loss = np.zeros(data.n)
    rounds = 0
    while frontier.any():
        rounds += 1
        hitting = frontier[debtor]
        loss += np.bincount(holder[hitting], weights=amount[hitting], minlength=data.n)
        broke = ~failed & (loss - capital > 1e-12 * np.maximum(np.abs(loss), np.abs(capital)))
        failed |= broke
        frontier = broke
    return int(failed.sum()), rounds


# ----------------------------------------------------------------------------------------------------------------
# Our side


def run_ours(artifacts, filter_):
    command = ["dotnet", "run", "-c", "Release", "--project", BENCH_PROJECT, "--", "--filter", filter_,
               "--exporters", "json", "--artifacts", artifacts]
    print("running:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, cwd=REPO)


def read_ours(folder):
    """BenchmarkDotNet full JSON reports -> {(size, op): {median, min, max, allocated}} in seconds / bytes."""
    ours = {}
    files = glob.glob(os.path.join(folder, "**", "*-report-full*.json"), recursive=True)
    for path in sorted(files, key=os.path.getmtime):
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for b in report.get("Benchmarks", []):
            stats = b.get("Statistics") or {}
            if not stats:
                continue
            op = b.get("MethodTitle") or b.get("Method")
            op = op.strip("'")
            parameters = b.get("Parameters") or ""
            size = next((p.split("=", 1)[1] for p in parameters.split("&") if p.startswith("Size=")), None)
            memory = b.get("Memory") or {}
            ours[(size, op)] = {
                "median": stats["Median"] / 1e9,
                "min": stats["Min"] / 1e9,
                "max": stats["Max"] / 1e9,
                "n": stats.get("N"),
                "allocated": memory.get("BytesAllocatedPerOperation"),
            }
    return ours


def dump_ours(size, path):
    command = ["dotnet", "run", "-c", "Release", "--project", BENCH_PROJECT, "--", "dump", size, path]
    subprocess.run(command, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ----------------------------------------------------------------------------------------------------------------
# The comparison


def versions():
    found = {"python": platform.python_version()}
    for name, module in (("igraph", "igraph"), ("networkx", "networkx"), ("numpy", "numpy"), ("scipy", "scipy"),
                         ("graph-tool", "graph_tool"), ("pandas", "pandas")):
        try:
            found[name] = __import__(module).__version__.split(" ")[0]
        except ImportError:
            pass
    return found


def machine():
    model, cores = "unknown", os.cpu_count()
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    os_name = platform.platform()
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    with open("/proc/meminfo", encoding="utf-8") as f:
        memory = f.readline().split()[1]
    return {"cpu": model, "cores": cores, "os": os_name, "kernel": platform.release(), "dotnet_sdk": dotnet,
            "memory_gb": round(int(memory) / 1024 / 1024, 1)}


def load_average():
    with open("/proc/loadavg", encoding="utf-8") as f:
        return float(f.read().split()[0])


def summary(times):
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "n": len(times)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100k,1m")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per fast peer operation (slow ones: 3, NetworkX: 1)")
    parser.add_argument("--ops", default=",".join(OPS))
    parser.add_argument("--peers", default="igraph,graph-tool,networkx,numpy")
    parser.add_argument("--skip", default="", help="peer:op or peer:op:size to leave out, e.g. networkx:maxflow:1m")
    parser.add_argument("--ours", default=os.path.join(REPO, "BenchmarkDotNet.Artifacts"), help="folder of BenchmarkDotNet JSON reports")
    parser.add_argument("--run-ours", action="store_true", help="run the BenchmarkDotNet suite first (into --ours)")
    parser.add_argument("--ours-filter", default="*")
    parser.add_argument("--dump-dir", default=os.path.join(REPO, "artifacts", "bench-dump"))
    parser.add_argument("--timeout", type=float, default=900, help="seconds a peer operation (all its runs) may take")
    parser.add_argument("--markdown", help="write the table as Markdown to this file")
    parser.add_argument("--json", help="write every figure as JSON to this file")
    parser.add_argument("--update-doc", help="replace the <!-- compare:begin/end --> block of this Markdown file")
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    ops = args.ops.split(",")
    peers = args.peers.split(",")
    skip = set(filter(None, args.skip.split(",")))
    started = datetime.datetime.now(datetime.timezone.utc)
    loads = [load_average()]

    data_root = os.environ.get("AICONTAGION_BENCH_DATA", os.path.join(REPO, "artifacts", "bench-data"))
    if not all(os.path.exists(os.path.join(data_root, "synthetic-" + s, "links.csv")) for s in sizes):
        subprocess.run(["dotnet", "run", "-c", "Release", "--project", BENCH_PROJECT, "--", "generate"], check=True, cwd=REPO)
    if args.run_ours:
        run_ours(args.ours, args.ours_filter)
    ours = read_ours(args.ours)
    if not ours:
        print(f"no BenchmarkDotNet JSON reports under {args.ours}; run with --run-ours", file=sys.stderr)
    os.makedirs(args.dump_dir, exist_ok=True)

    available = set()
    for peer, module in (("igraph", "igraph"), ("graph-tool", "graph_tool.all"), ("networkx", "networkx"), ("numpy", "scipy.sparse")):
        if peer in peers:
            try:
                __import__(module)
                available.add(peer)
            except ImportError:
                print(f"{peer}: not installed, skipped", file=sys.stderr)
    has_pandas = True
    try:
        import pandas  # noqa: F401
    except ImportError:
        has_pandas = False

    rows = []  # (size, op, peer, variant, summary or None, note)
    checks = []

    def wanted(peer, op, size):
        return peer in available and op in ops and f"{peer}:{op}" not in skip and f"{peer}:{op}:{size}" not in skip

    def measure(size, op, peer, variant, setup, fn, runs, warmup=True, note="", scale=1.0):
        if not wanted(peer, op, size):
            return None
        print(f"[{size}] {peer} {op} {variant} ...", file=sys.stderr, flush=True)
        try:
            outcome = timed_in_child(setup, fn, runs, warmup, args.timeout)
        except RuntimeError as error:
            print(f"[{size}] {peer} {op} {variant} failed: {error}", file=sys.stderr)
            rows.append((size, op, peer, variant, None, f"failed: {error}"))
            return None
        loads.append(load_average())
        if outcome is None:
            rows.append((size, op, peer, variant, None, f"killed after {args.timeout:.0f} s"))
            return None
        times, result = outcome
        rows.append((size, op, peer, variant, summary([t * scale for t in times]), note))
        return result

    for size in sizes:
        folder = os.path.join(data_root, "synthetic-" + size)
        dump = dump_ours(size, os.path.join(args.dump_dir, f"dump-{size}.json"))
        data = Data(folder)
        ids = data.ids
        sink, hit = ids[dump["sink"]], ids[dump["hit"]]
        big = data.m > 100_000
        slow_runs = max(1, min(args.runs, 3))
        print(f"[{size}] {data.n} entities, {data.m} links, {len(data.funding)} funding sources; sink {dump['sink']}, hit {dump['hit']}", file=sys.stderr)

        # load
        measure(size, "load-csv", "igraph", "csv module + Graph", lambda: folder, load_igraph_csv, slow_runs, warmup=False)
        if has_pandas:
            measure(size, "load-csv", "igraph", "pandas + Graph.DataFrame", lambda: folder, load_igraph_pandas, slow_runs, warmup=False)
        measure(size, "load-csv", "graph-tool", "load_graph_from_csv", lambda: folder, load_graph_tool, slow_runs, warmup=False)
        measure(size, "load-csv", "networkx", "csv module + MultiDiGraph", lambda: folder, load_networkx, 1, warmup=False)

        # pagerank
        def pr_check(peer, scores):
            if scores is None:
                return
            l1 = sum(abs(a - b) for a, b in zip(scores, dump["pagerank"]))
            checks.append((size, "pagerank", peer, f"l1 distance to ours {l1:.2e}", l1 < 1e-8))
        pr = measure(size, "pagerank", "igraph", "PRPACK", lambda: igraph_graph(data),
                     lambda g: g.pagerank(weights="amount", damping=0.85, implementation="prpack"), args.runs)
        pr_check("igraph", pr)
        pr = measure(size, "pagerank", "graph-tool", "epsilon 1e-10", lambda: graph_tool_graph(data),
                     lambda s: list(__import__("graph_tool.all").all.pagerank(s[0], damping=0.85, weight=s[1], epsilon=1e-10, max_iter=0).a), args.runs)
        pr_check("graph-tool", pr)
        pr = measure(size, "pagerank", "networkx", "scipy, tol 1e-10/n", lambda: networkx_graph(data),
                     lambda g: [v for _, v in sorted(__import__("networkx").pagerank(g, alpha=0.85, weight="amount", tol=1e-10 / data.n, max_iter=1000).items())],
                     1 if big else slow_runs, warmup=False)
        pr_check("networkx", pr)

        # max-flow
        source_caps, sink_cap = flow_problem(data, sink)

        def flow_check(peer, value):
            if value is not None:
                checks.append((size, "maxflow", peer, f"value {value:.6f} vs ours {dump['maxflow']:.6f}", abs(value - dump["maxflow"]) <= 1e-6 * max(1.0, dump["maxflow"])))

        def igraph_flow_setup():
            g = igraph_graph(data)
            g.add_vertices(2)
            g.add_edges([(data.n, s) for s in data.funding] + [(sink, data.n + 1)])
            return g, g.es["amount"][:data.m] + source_caps + [sink_cap]
        flow_check("igraph", measure(size, "maxflow", "igraph", "push-relabel", igraph_flow_setup,
                                     lambda s: s[0].maxflow_value(data.n, data.n + 1, capacity=s[1]), slow_runs))

        def gt_flow_setup():
            import graph_tool.all as gt
            g, weight = graph_tool_graph(data)
            g.add_vertex(2)
            g.add_edge_list([(data.n, s) for s in data.funding] + [(sink, data.n + 1)])
            cap = g.new_edge_property("double", vals=list(data.amount) + source_caps + [sink_cap])
            return g, cap

        def gt_flow(algorithm):
            def run(s):
                g, cap = s
                residual = algorithm(g, g.vertex(data.n), g.vertex(data.n + 1), cap)
                return float(sum(cap[e] - residual[e] for e in g.vertex(data.n + 1).in_edges()))
            return run
        if "graph-tool" in available:
            import graph_tool.all as gt
            flow_check("graph-tool", measure(size, "maxflow", "graph-tool", "Boykov-Kolmogorov", gt_flow_setup, gt_flow(gt.boykov_kolmogorov_max_flow), slow_runs))
            flow_check("graph-tool", measure(size, "maxflow", "graph-tool", "push-relabel", gt_flow_setup, gt_flow(gt.push_relabel_max_flow), slow_runs))

        def nx_flow_setup():
            g = networkx_graph(data)
            for s, c in zip(data.funding, source_caps):
                g.add_edge(data.n, s, amount=c)
            g.add_edge(sink, data.n + 1, amount=sink_cap)
            return g
        flow_check("networkx", measure(size, "maxflow", "networkx", "preflow-push", nx_flow_setup,
                                       lambda g: __import__("networkx").maximum_flow_value(g, data.n, data.n + 1, capacity="amount"), 1, warmup=False))

        # betweenness
        theirs_sources = [ids[s] for s in dump["betweennessSources"]]
        k = len(theirs_sources) or data.n
        scale = data.n / k

        def bc_check(peer, values, factor):
            if values is None:
                return
            ours_b = dump["betweenness"]
            worst = max(abs(a * factor - b) / max(1.0, abs(b)) for a, b in zip(values, ours_b))
            checks.append((size, "betweenness", peer, f"largest relative difference {worst:.2e}", worst < 1e-9))
        if theirs_sources:
            # python-igraph 0.10 has no source sampling (no sources= argument): igraph is left out on sampled sizes.
            bc = measure(size, "betweenness", "graph-tool", f"{k} pivots", lambda: graph_tool_graph(data, simple=True),
                         lambda s: list(__import__("graph_tool.all").all.betweenness(s[0], pivots=theirs_sources, norm=False)[0].a), slow_runs, warmup=False)
            bc_check("graph-tool", bc, scale)
            few = theirs_sources[:8]
            measure(size, "betweenness", "networkx", f"est. from {len(few)} of {k} sources", lambda: networkx_graph(data),
                    lambda g: __import__("networkx").betweenness_centrality_subset(g, sources=few, targets=list(g), normalized=False),
                    1, warmup=False, scale=k / len(few))
        else:
            bc = measure(size, "betweenness", "igraph", "exact", lambda: igraph_graph(data, simple=True),
                         lambda g: g.betweenness(directed=True), slow_runs, warmup=False)
            bc_check("igraph", bc, 1.0)
            bc = measure(size, "betweenness", "graph-tool", "exact", lambda: graph_tool_graph(data, simple=True),
                         lambda s: list(__import__("graph_tool.all").all.betweenness(s[0], norm=False)[0].a), slow_runs, warmup=False)
            bc_check("graph-tool", bc, 1.0)
            few = list(range(0, data.n, max(1, data.n // 20)))[:20]
            measure(size, "betweenness", "networkx", f"est. from {len(few)} of {data.n} sources", lambda: networkx_graph(data),
                    lambda g: __import__("networkx").betweenness_centrality_subset(g, sources=few, targets=list(g), normalized=False),
                    1, warmup=False, scale=data.n / len(few))

        # dominators: virtual root n joined to every funding source, zero-amount links left out
        ours_idom = dump["dominators"]

        def dom_check(peer, idom):
            if idom is None:
                return
            wrong = 0
            for v in range(data.n):
                theirs = idom[v]
                mine = ours_idom.get(data.names[v], "unreachable")
                if mine == "unreachable":
                    wrong += theirs is not None and theirs >= 0 and v != theirs and theirs != -2
                    continue
                expected = data.n if mine is None else ids[mine]
                wrong += theirs != expected and not (theirs == -1 and expected in (data.n, 0))
            checks.append((size, "dominators", peer, f"{wrong} immediate dominators differ", wrong == 0))

        def igraph_dom_setup():
            g = igraph_graph(data, positive=True)
            g.add_vertices(1)
            g.add_edges([(data.n, s) for s in data.funding])
            return g

        def igraph_dom(g):
            result = g.dominator(data.n, mode="out")
            return [(-2 if (x is None or (isinstance(x, float) and math.isnan(x)) or x < 0) else int(x)) for x in result[:data.n]]
        dom_check("igraph", measure(size, "dominators", "igraph", "Lengauer-Tarjan", igraph_dom_setup, igraph_dom, args.runs))

        def gt_dom_setup():
            g, _ = graph_tool_graph(data, positive=True)
            g.add_vertex(1)
            g.add_edge_list([(data.n, s) for s in data.funding])
            return g

        def gt_dom(g):
            import graph_tool.all as gt
            # Boost's Lengauer-Tarjan (graph-tool's backend) requires every vertex to be reachable from the root: an
            # unreachable predecessor corrupts the answer (76 of 10^4 / 693 of 10^5 entities here, every one with a
            # predecessor the root cannot reach). So the tree is built on the view of what the root reaches, and
            # finding that set is part of the timed operation (igraph and NetworkX handle it themselves).
            reached = gt.label_out_component(g, g.vertex(data.n))
            view = gt.GraphView(g, vfilt=reached)
            tree = gt.dominator_tree(view, view.vertex(data.n)).a
            reached = reached.a
            # graph-tool writes 0 both where the immediate dominator is the root and where it is entity 0: -1 marks
            # that "root or entity 0" answer, which the check accepts for either.
            return [(-1 if int(tree[v]) == 0 else int(tree[v])) if reached[v] else -2 for v in range(data.n)]
        dom_check("graph-tool", measure(size, "dominators", "graph-tool", "dominator_tree", gt_dom_setup, gt_dom, args.runs))

        def nx_dom_setup():
            g = networkx_graph(data)
            g.add_edges_from((data.n, s) for s in data.funding)
            return g

        def nx_dom(g):
            found = __import__("networkx").immediate_dominators(g, data.n)
            return [found.get(v, -2) for v in range(data.n)]
        dom_check("networkx", measure(size, "dominators", "networkx", "immediate_dominators", nx_dom_setup, nx_dom, 1, warmup=False))

        # Eisenberg–Noe
        ours_p = dump["clearingPayments"]

        def clearing_check(variant, result):
            if result is None:
                return
            p, defaults, _ = result
            worst = max(abs(a - b) for a, b in zip(p, ours_p))
            checks.append((size, "eisenberg-noe", "numpy", f"{variant}: max |p - ours| {worst:.2e}, defaults {defaults} vs ours {dump['clearingDefaults']}",
                           worst <= 1e-6 and defaults == dump["clearingDefaults"]))
        clearing_check("fictitious default", measure(size, "eisenberg-noe", "numpy", "SciPy fictitious default",
                                                     lambda: clearing_setup(data, hit), lambda s: clearing_fictitious_default(data, s), slow_runs))
        clearing_check("Picard", measure(size, "eisenberg-noe", "numpy", "NumPy Picard iteration",
                                         lambda: clearing_setup(data, hit), lambda s: clearing_picard(data, s), slow_runs))

        # DebtRank and Furfine (matrix construction is part of the operation, as it is on our side)
        result = measure(size, "debtrank", "numpy", "SciPy sparse iteration", lambda: hit,
                         lambda h: debtrank_linear(data, debtrank_setup(data, h)), args.runs)
        if result is not None:
            value, _ = result
            checks.append((size, "debtrank", "numpy", f"DebtRank {value:.10f} vs ours {dump['debtRank']:.10f}", abs(value - dump["debtRank"]) <= 1e-8))
        result = measure(size, "furfine", "numpy", "NumPy vectorised rounds", lambda: hit,
                         lambda h: furfine(data, debtrank_setup(data, h)), args.runs)
        if result is not None:
            failed, _ = result
            checks.append((size, "furfine", "numpy", f"{failed} failed vs ours {dump['furfineFailed']}", failed == dump["furfineFailed"]))

    finished = datetime.datetime.now(datetime.timezone.utc)
    report(args, sizes, ops, ours, rows, checks, started, finished, loads)


def seconds(value):
    if value >= 100:
        return f"{value:.0f} s"
    if value >= 10:
        return f"{value:.1f} s"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.01:
        return f"{value * 1000:.0f} ms"
    return f"{value * 1000:.2f} ms"


def cell(s):
    if s is None:
        return "—"
    if s["n"] and s["n"] > 1:
        return f"{seconds(s['median'])} ({seconds(s['min'])}–{seconds(s['max'])})"
    return seconds(s["median"])


def report(args, sizes, ops, ours, rows, checks, started, finished, loads):
    lines = []
    lines.append("| size | operation | AiContagion median (min–max) | allocated | peer | peer median (min–max) | speed-up |")
    lines.append("|---|---|---|---|---|---|---|")
    for size in sizes:
        for op in ops:
            mine = ours.get((size, op))
            theirs = [r for r in rows if r[0] == size and r[1] == PEERS_OF.get(op, op)]
            allocated = f"{mine['allocated'] / 2**20:.1f} MB" if mine and mine.get("allocated") is not None else ""
            if not theirs:
                if mine:
                    lines.append(f"| {size} | {op} | {cell(mine)} | {allocated} | — | — | — |")
                continue
            for i, (_, _, peer, variant, s, note) in enumerate(theirs):
                if s is None and note.startswith("failed"):
                    ratio = ""
                    peer_cell = note
                elif s is None:
                    ratio = f"> {args.timeout / mine['median']:.0f}×" if mine else ""
                    peer_cell = f"> {seconds(args.timeout)} ({note})"
                else:
                    ratio = f"{s['median'] / mine['median']:.1f}×" if mine else ""
                    peer_cell = cell(s)
                first = i == 0
                lines.append(f"| {size if first else ''} | {op if first else ''} | {cell(mine) if first and mine else ('not measured' if first else '')} | "
                             f"{allocated if first else ''} | {peer} ({variant}) | {peer_cell} | {ratio} |")
    check_lines = [f"- {'ok' if ok else 'DIFFERS'}: {size} {op} {peer}: {text}" for size, op, peer, text, ok in checks]
    info = machine()
    header = [
        f"Measured {started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC on {info['cpu']} ({info['cores']} cores), {info['memory_gb']} GB, "
        f"{info['os']} (kernel {info['kernel']}), .NET SDK {info['dotnet_sdk']}; peers: "
        + ", ".join(f"{k} {v}" for k, v in versions().items()) + ".",
        f"Load average (1 min) during the peer runs: {min(loads):.2f}–{max(loads):.2f}.",
        "Speed-up = peer median / AiContagion median (above 1: AiContagion is faster).",
    ]
    text = "\n".join(header) + "\n\n" + "\n".join(lines) + "\n\nAnswers checked against AiContagion's:\n\n" + "\n".join(check_lines) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"ours": {f"{k[0]}:{k[1]}": v for k, v in ours.items()},
                       "peers": [{"size": r[0], "op": r[1], "peer": r[2], "variant": r[3], "time": r[4], "note": r[5]} for r in rows],
                       "checks": [{"size": c[0], "op": c[1], "peer": c[2], "text": c[3], "ok": bool(c[4])} for c in checks],
                       "machine": info, "versions": versions(), "loads": loads}, f, indent=1)
    if args.update_doc:
        with open(args.update_doc, encoding="utf-8") as f:
            doc = f.read()
        begin, end = "<!-- compare:begin -->", "<!-- compare:end -->"
        if begin in doc and end in doc:
            doc = doc[:doc.index(begin) + len(begin)] + "\n" + text + doc[doc.index(end):]
            with open(args.update_doc, "w", encoding="utf-8") as f:
                f.write(doc)


if __name__ == "__main__":
    main()
