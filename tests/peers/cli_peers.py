#!/usr/bin/python3
"""The jobs `aicontagion` does at the command line, written as a Python user would write them: pandas reads the
CSV folder, igraph (or NumPy/SciPy) does the work, a short summary goes to standard output. `cli_timing.py` times
these scripts against the installed tool, whole process against whole process, on the same files.

    /usr/bin/python3 tests/peers/cli_peers.py validate FOLDER
    /usr/bin/python3 tests/peers/cli_peers.py pagerank FOLDER [--top 10]
    /usr/bin/python3 tests/peers/cli_peers.py flow FOLDER --from ID --to ID [--top 20]
    /usr/bin/python3 tests/peers/cli_peers.py eisenberg-noe FOLDER [--external-shock-all F] [--top 20]

Needs Debian's python3-pandas, python3-igraph, python3-numpy and python3-scipy (`/usr/bin/python3`).

What each job does, and how it maps to the tool:

  validate       pandas.read_csv of entities.csv and links.csv (ids and kinds as text, numbers as floats); checks
                 what the tool checks on this schema: ids present and unique, sectors and kinds known (case, spaces,
                 hyphens and underscores ignored), every link endpoint an entity, amounts and entity figures finite,
                 amounts and figures non-negative; then builds the igraph graph (Graph.DataFrame) with every column
                 as an attribute. Prints "valid: N entities, M links" like `aicontagion validate`.
  pagerank       validate's load, then igraph's weighted PageRank (PRPACK, damping 0.85, weights = amount: the tool's
                 `centrality --measure pagerank` defaults) and the top N entities by score.
  flow           validate's load, then igraph's maximum flow from one entity to another, capacity = amount (money
                 moves along links), the value and the N largest links of the minimum cut (`aicontagion flow`).
  eisenberg-noe  validate's load, then Eisenberg & Noe's fictitious-default algorithm in NumPy/SciPy (the same solver
                 as compare.py's "SciPy fictitious default": spsolve of each round's defaulters up to 2,000 of them,
                 BiCGStab beyond), obligations by kind as the tool walks them (a debt link From -> To is owed by To
                 to From; a commercial link is owed by From to To; equity and SPV contributions owe nothing),
                 external assets e (0 when empty) scaled by 1 - F, external liabilities pari passu. Prints the
                 defaulters, rounds, links down (links out of a defaulter and claim links into it, as the tool counts
                 them) and the N largest shortfalls (`aicontagion cascade --model eisenberg-noe
                 --external-shock-all F`).

Every job exits 2 with a message on standard error when the input is invalid, like the tool.
"""
import argparse
import os
import sys

SECTORS = ["chipmaker", "hyperscaler", "neocloud", "datacentrevehicle", "modellab", "appstartup", "venturecapital",
           "privateequity", "privatecredit", "bank", "publicmarkets", "sovereign", "conglomerate", "other"]
KINDS = ["equity", "loan", "bond", "creditfacility", "vendorfinancing", "spvcontribution", "computecontract",
         "gpupurchase", "apispend", "lease", "revenueshare", "services"]
DEBT_KINDS = {"loan", "bond", "creditfacility", "vendorfinancing"}
CLAIM_KINDS = {"equity", "loan", "bond", "creditfacility", "vendorfinancing", "spvcontribution"}
ENTITY_NUMBERS = ["cash", "revenue", "costs", "capital", "externalAssets", "externalLiabilities", "tolerance", "valuation"]


def fail(message):
    print("error: " + message, file=sys.stderr)
    sys.exit(2)


def canonical(series):
    return series.str.lower().str.replace(r"[\s_-]", "", regex=True)


def load(folder):
    """Reads and checks the CSV pair; returns (entities, links, graph) with link kinds canonical."""
    import igraph
    import numpy as np
    import pandas as pd
    entities = pd.read_csv(os.path.join(folder, "entities.csv"), dtype={"id": str, "name": str, "sector": str})
    links = pd.read_csv(os.path.join(folder, "links.csv"), dtype={"from": str, "to": str, "kind": str})
    for column in ("id", "sector"):
        if column not in entities.columns:
            fail(f"entities.csv: missing required column {column}")
    for column in ("from", "to", "kind", "amount"):
        if column not in links.columns:
            fail(f"links.csv: missing required column {column}")
    if entities["id"].isna().any():
        fail(f"entities.csv line {int(entities['id'].isna().to_numpy().argmax()) + 2}: missing id")
    duplicated = entities["id"].duplicated()
    if duplicated.any():
        fail(f"entities.csv line {int(duplicated.to_numpy().argmax()) + 2}: id appears twice")
    sector = canonical(entities["sector"].fillna(""))
    unknown = ~sector.isin(SECTORS)
    if unknown.any():
        fail(f"entities.csv line {int(unknown.to_numpy().argmax()) + 2}: unknown sector")
    for column in ENTITY_NUMBERS:
        if column in entities.columns:
            values = pd.to_numeric(entities[column], errors="coerce")
            bad = (values.isna() & entities[column].notna()) | np.isinf(values) | (values < 0)
            if bad.any():
                fail(f"entities.csv line {int(bad.to_numpy().argmax()) + 2}: {column} is not a finite non-negative number")
    kind = canonical(links["kind"].fillna(""))
    unknown = ~kind.isin(KINDS)
    if unknown.any():
        fail(f"links.csv line {int(unknown.to_numpy().argmax()) + 2}: unknown kind")
    links["kind"] = kind
    amount = pd.to_numeric(links["amount"], errors="coerce")
    bad = amount.isna() | np.isinf(amount) | (amount < 0)
    if bad.any():
        fail(f"links.csv line {int(bad.to_numpy().argmax()) + 2}: amount is not a finite non-negative number")
    ids = set(entities["id"])
    for end in ("from", "to"):
        missing = ~links[end].isin(ids)
        if missing.any():
            fail(f"links.csv line {int(missing.to_numpy().argmax()) + 2}: {end} is not an entity")
    # igraph takes the first column as the vertex name and refuses a second "name" column: rename it, as a user must.
    vertices = entities.rename(columns={"name": "displayName"})
    graph = igraph.Graph.DataFrame(links, directed=True, vertices=vertices, use_vids=False)
    return entities, links, graph


def validate(args):
    _, _, graph = load(args.folder)
    print(f"valid: {graph.vcount()} entities, {graph.ecount()} links")


def pagerank(args):
    import numpy as np
    entities, _, graph = load(args.folder)
    scores = np.array(graph.pagerank(weights="amount", damping=0.85, directed=True))
    top = np.argsort(-scores, kind="stable")[: args.top]
    print(f"pagerank (igraph PRPACK), {graph.vcount()} entities")
    for rank, v in enumerate(top, 1):
        print(f"{rank}\t{entities['id'].iat[v]}\t{scores[v]:.10f}")


def flow(args):
    import numpy as np
    entities, links, graph = load(args.folder)
    index = {name: i for i, name in enumerate(entities["id"])}
    if args.source not in index or args.sink not in index:
        fail("--from and --to must be entity ids")
    result = graph.maxflow(index[args.source], index[args.sink], capacity="amount")
    cut = np.array(result.cut, dtype=np.int64)
    amounts = links["amount"].to_numpy()[cut]
    order = cut[np.argsort(-amounts, kind="stable")][: args.top]
    print(f"maximum flow {result.value:.6f} from {args.source} to {args.sink}; minimum cut: {len(cut)} links")
    for e in order:
        print(f"{links['from'].iat[e]} -> {links['to'].iat[e]}\t{links['kind'].iat[e]}\t{links['amount'].iat[e]}")


def eisenberg_noe(args):
    import numpy as np
    import scipy.sparse as sp
    import scipy.sparse.linalg as spl
    entities, links, graph = load(args.folder)
    n = len(entities)
    index = {name: i for i, name in enumerate(entities["id"])}
    src = links["from"].map(index).to_numpy()
    dst = links["to"].map(index).to_numpy()
    kind = links["kind"].to_numpy()
    amount = links["amount"].to_numpy(dtype=float)
    is_debt = np.isin(kind, list(DEBT_KINDS))
    is_claim = np.isin(kind, list(CLAIM_KINDS))
    has = is_debt | ~is_claim
    debtor = np.where(is_debt, dst, src)[has]
    creditor = np.where(is_debt, src, dst)[has]
    owed_amount = amount[has]
    figure = lambda name: entities[name].fillna(0.0).to_numpy(dtype=float) if name in entities.columns else np.zeros(n)
    e = figure("externalAssets") * (1.0 - args.external_shock_all)
    ext = figure("externalLiabilities")
    owed = np.bincount(debtor, weights=owed_amount, minlength=n)
    pbar = owed + ext
    share = np.divide(owed_amount, pbar[debtor], out=np.zeros_like(owed_amount), where=pbar[debtor] > 0)
    pit = sp.csr_matrix((share, (creditor, debtor)), shape=(n, n))  # inflow = pit @ p
    p = pbar.copy()
    in_d = np.zeros(n, dtype=bool)
    at_zero = np.zeros(n, dtype=bool)
    rounds = 0
    exact = True
    while True:
        value = e + pit @ p
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
            x, info = spl.bicgstab(system.tocsr(), rhs, x0=p[unknown], tol=1e-13, atol=0.0, maxiter=10000)
            if info != 0:
                x = np.full(len(unknown), np.nan)
        exact = bool(np.all(np.isfinite(x)) and np.all(x >= -1e-9) and np.all(x <= p[unknown] + 1e-9 * max(1.0, pbar[unknown].max())))
        if exact:
            p[unknown] = np.clip(x, 0.0, pbar[unknown])
        else:
            p[unknown] = np.clip(e[unknown] + (pit @ p)[unknown], 0.0, pbar[unknown])
    value = e + pit @ p
    equity = value - pbar
    failed = pbar - value > 1e-12 * np.maximum(np.abs(pbar), np.abs(value))
    down = failed[src] | (is_claim & failed[dst])
    print(f"eisenberg-noe (NumPy/SciPy fictitious default), external shock {args.external_shock_all:g} on every entity")
    print(f"{int(failed.sum())} entities failed, {int(down.sum())} of {len(links)} links down, {rounds} rounds")
    for v in np.argsort(equity, kind="stable")[: args.top]:
        if not failed[v]:
            break
        print(f"{entities['id'].iat[v]}\tpayment {p[v]:.6f}\tequity {equity[v]:.6f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    jobs = parser.add_subparsers(dest="job", required=True)
    for name, function in (("validate", validate), ("pagerank", pagerank), ("flow", flow), ("eisenberg-noe", eisenberg_noe)):
        job = jobs.add_parser(name)
        job.add_argument("folder")
        job.add_argument("--top", type=int, default=10 if name == "pagerank" else 20)
        if name == "flow":
            job.add_argument("--from", dest="source", required=True)
            job.add_argument("--to", dest="sink", required=True)
        if name == "eisenberg-noe":
            job.add_argument("--external-shock-all", type=float, default=0.0)
        job.set_defaults(function=function)
    args = parser.parse_args()
    args.function(args)


if __name__ == "__main__":
    main()
