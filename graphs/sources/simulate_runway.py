#!/usr/bin/env python3
"""A rough month-by-month cash simulation of graphs/ai-chain.json, to sanity-check the data (not the library's model).

Rules (the runway conventions of graphs/README.md, simplified):
  * month 1 is the network asOf's month; 24 months; payments dated before month 1 are past (already in cash);
  * each month a firm's cash += revenue/12 - costs/12 (grown by (1+g)^(1/12) a month when growth is given)
    + the link payments it receives - the link payments it makes (chainlib.disbursements), and debt service
    (interest and principal, chainlib.debt_service) flows from borrower to lender;
  * a firm fails in month k when its cash ends month k below 0: it makes its month-k payments and none after;
  * funding sources (funder sectors, or fundingSource true) without a cash figure have unlimited cash; other firms
    without one follow --unknown-cash (zero: start at 0; unlimited: never fail);
  * a withdrawal of source S stops all of S's payments from month 1 (--at 0).

Usage: python3 graphs/sources/simulate_runway.py [--unknown-cash zero|unlimited] [--rank] [--verbose ID ...]
Prints the baseline (who fails, when, and the firm's 24-month cash account), then with --rank the effect of each
funding source's withdrawal beyond the baseline. Plain Python 3.
"""

import argparse
import json
import os
import sys

from chainlib import AS_OF_MONTH, FUNDER_SECTORS, HORIZON, debt_service, disbursements, month_text

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPH = os.path.normpath(os.path.join(HERE, "..", "ai-chain.json"))
WATCH = ["alphabet", "amazon", "microsoft", "meta", "nvidia"]


def load(path=GRAPH):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def schedule(network):
    """Per month (1..HORIZON): list of (payer, recipient, amount, link index, what)."""
    last = AS_OF_MONTH + HORIZON - 1
    months = {k: [] for k in range(1, HORIZON + 1)}
    for i, link in enumerate(network["links"]):
        for m, a in disbursements(link):
            if AS_OF_MONTH <= m <= last:
                months[m - AS_OF_MONTH + 1].append((link["from"], link["to"], a, i, "payment"))
        for m, a, what in debt_service(link, last):
            if AS_OF_MONTH <= m <= last:
                months[m - AS_OF_MONTH + 1].append((link["to"], link["from"], a, i, what))
    return months


def is_source(entity):
    if "fundingSource" in entity:
        return entity["fundingSource"]
    return entity["sector"] in FUNDER_SECTORS


def run(network, months, unknown_cash="zero", withdrawn=None, record=None):
    entities = {e["id"]: e for e in network["entities"]}
    cash, unlimited = {}, set()
    for eid, e in entities.items():
        if "cash" in e:
            cash[eid] = float(e["cash"])
        elif is_source(e) or unknown_cash == "unlimited":
            cash[eid] = 0.0
            unlimited.add(eid)
        else:
            cash[eid] = 0.0
    failed = {}
    down = {}
    for k in range(1, HORIZON + 1):
        for eid, e in entities.items():
            if eid in failed:
                continue
            growth_r = (1 + float(e.get("revenueGrowth", 0))) ** ((k - 1) / 12)
            growth_c = (1 + float(e.get("costsGrowth", 0))) ** ((k - 1) / 12)
            cash[eid] += float(e.get("revenue", 0)) / 12 * growth_r - float(e.get("costs", 0)) / 12 * growth_c
        for payer, recipient, amount, i, what in months[k]:
            if payer in failed or payer == withdrawn:
                down.setdefault(i, k)
                continue
            cash[payer] -= amount
            cash[recipient] += amount
            if record is not None:
                record.setdefault(payer, []).append((k, -amount, i, what))
                record.setdefault(recipient, []).append((k, amount, i, what))
        for eid in entities:
            if eid not in failed and eid not in unlimited and cash[eid] < 0:
                failed[eid] = k
    return failed, down, cash


def describe(network, eid, record):
    e = {x["id"]: x for x in network["entities"]}[eid]
    rev = float(e.get("revenue", 0))
    costs = float(e.get("costs", 0))
    by_link = {}
    for k, a, i, what in record.get(eid, []):
        link = network["links"][i]
        other = link["to"] if link["from"] == eid else link["from"]
        key = (link["attributes"]["facts"], other, what)
        by_link[key] = by_link.get(key, 0) + a
    big = sorted(by_link.items(), key=lambda kv: abs(kv[1]), reverse=True)[:6]
    return (f"cash {e.get('cash', 'unknown')}, revenue {rev:g}/yr, costs {costs:g}/yr; largest link flows over the "
            "horizon: " + ", ".join(f"{ref} {what} {'from' if v > 0 else 'to'} {other} {v:+.1f}"
                                     for (ref, other, what), v in big))


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--unknown-cash", default="zero", choices=["zero", "unlimited"])
    parser.add_argument("--rank", action="store_true")
    parser.add_argument("--verbose", nargs="*", default=[])
    parser.add_argument("--graph", default=GRAPH)
    args = parser.parse_args(argv)
    network = load(args.graph)
    months = schedule(network)
    record = {}
    failed, down, cash = run(network, months, args.unknown_cash, record=record)
    entities = {e["id"]: e for e in network["entities"]}
    print(f"baseline ({args.unknown_cash} cash for unknown non-funders), 24 months from {month_text(AS_OF_MONTH)}:")
    for eid, k in sorted(failed.items(), key=lambda kv: (kv[1], kv[0])):
        print(f"  {eid:32s} fails in month {k:2d} ({month_text(AS_OF_MONTH + k - 1)}); {describe(network, eid, record)}")
    print(f"  {len(failed)} firms fail, {len(down)} links go down")
    for eid in WATCH:
        print(f"  {eid:10s} end cash {cash[eid]:9.1f}  (start {entities[eid].get('cash')})")
    for eid in args.verbose:
        print(f"  {eid}: end cash {cash[eid]:.2f}; {describe(network, eid, record)}")
    if args.rank:
        results = []
        for eid, e in entities.items():
            if not is_source(e):
                continue
            f2, d2, c2 = run(network, months, args.unknown_cash, withdrawn=eid)
            extra = {x: k for x, k in f2.items() if x not in failed or k < failed[x]}
            links = [i for i in d2 if i not in down]
            results.append((len(links), len(extra), eid, extra, min(c2[w] for w in WATCH)))
        results.sort(reverse=True)
        print("withdrawals ranked by links down beyond the baseline:")
        for n_links, n_firms, eid, extra, low in results[:15]:
            text = ", ".join(f"{x} (m{k})" for x, k in sorted(extra.items(), key=lambda kv: kv[1]))
            print(f"  {eid:36s} {n_links:3d} links, {n_firms} firms: {text}")
        hit = [(eid, extra) for _, _, eid, extra, _ in results if any(w in extra for w in WATCH)]
        print("withdrawals that fail a big-five firm:", hit if hit else "none")
        print("lowest big-five end cash over all withdrawals:", round(min(r[4] for r in results), 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
