#!/usr/bin/env python3
"""Checks graphs/ai-chain.json against the field rules of the dated-cash-flow schema and the AI chain's acceptance
counts, independently of the C# loader, and prints totals by kind and the lists graphs/README.md reports.

Field rules (graphs/README.md, "Link fields" and "Entity fields"):
  start, maturity, schedule dates: months (YYYY-MM or YYYY-MM-DD); termYears > 0; schedule dates strictly
  increasing, amounts >= 0, summing to the amount within 1e-9 relative; not both termYears and schedule;
  rate >= 0, maturity, seniority (senior|junior), collateral, maxLtv (> 0, needs collateral): debt kinds only;
  maturity not before start; 0 <= low <= amount <= high; confidence reported|estimate|derived;
  share: Equity only, 0 < share <= 1, shares into one recipient sum to <= 1; valuation >= 0; growth > -1.
Acceptance (the AI chain's counts): >= 140 links; >= 8 GPU purchases into chip makers from >= 6 distinct buyers;
  every Hyperscaler, ChipMaker and listed Neocloud has cash and revenue; every ModelLab has cash and costs;
  >= 90 % of commercial links carry start or schedule; every estimate carries low <= amount <= high; the link
  totals by kind equal the curated totals (curation.csv), so nothing is counted twice or left out.
Plausibility: NVIDIA's estimated purchases from Microsoft, Alphabet, Amazon and Oracle (yearly rates) fit inside the
  hyperscale share of its Q1 FY2027 data-centre revenue (37.869 x 4), and all its in-graph receipts inside its
  annualised data-centre revenue (75.246 x 4) (balance-sheets row 35).

Exit 1 with every failure listed; 0 otherwise. Usage: python3 graphs/sources/check_ai_chain.py [path]
"""

import csv
import json
import math
import os
import sys
from collections import Counter, defaultdict

from chainlib import (AS_OF_MONTH, COMMERCIAL_KINDS, DEBT_KINDS, KINDS, SECTORS, month_index, netting,
                      parse_period, start_month, term_months)

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPH = os.path.normpath(os.path.join(HERE, "..", "ai-chain.json"))

# Acceptance gaps the facts cannot close, stated rather than hidden (graphs/README.md, "What the facts do not give").
KNOWN_GAPS = {("cerebras", "cash"): "the facts give no cash for Cerebras before its May-2026 IPO"}
HYPERSCALE_POOL = 37.869 * 4      # NVIDIA Q1 FY2027 hyperscale data-centre revenue, annualised
DATA_CENTRE_POOL = 75.246 * 4     # NVIDIA Q1 FY2027 data-centre revenue, annualised
CSPS = {"microsoft", "alphabet", "amazon", "oracle"}


def finite(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def check(network, failures, warnings):
    if network.get("format") != "aicontagion/1":
        failures.append("format is not aicontagion/1")
    as_of = network.get("asOf", "")
    if len(as_of) != 10 or month_index(as_of) is None:
        failures.append(f"network asOf {as_of!r} is not YYYY-MM-DD")
    entities = {e["id"]: e for e in network["entities"]}
    for e in network["entities"]:
        where = f"entity {e['id']}"
        if e["sector"] not in SECTORS:
            failures.append(f"{where}: sector {e['sector']}")
        for f in ("cash", "revenue", "costs", "capital", "valuation", "externalLiabilities", "externalAssets"):
            if f in e and not (finite(e[f]) and e[f] >= 0):
                failures.append(f"{where}: {f} must be a finite number >= 0")
        for f in ("revenueGrowth", "costsGrowth"):
            if f in e and not (finite(e[f]) and e[f] > -1):
                failures.append(f"{where}: {f} must be > -1")
    shares = defaultdict(list)
    for i, l in enumerate(network["links"]):
        where = f"link {i} ({l['attributes'].get('facts')}: {l['from']} -> {l['to']})"
        if l["kind"] not in KINDS:
            failures.append(f"{where}: kind {l['kind']}")
        for end in ("from", "to"):
            if l[end] not in entities:
                failures.append(f"{where}: {end} is not an entity")
        if not (finite(l["amount"]) and l["amount"] > 0):
            failures.append(f"{where}: amount must be > 0")
        if "start" in l and month_index(l["start"]) is None:
            failures.append(f"{where}: start {l['start']!r} is not a month")
        if "termYears" in l and "schedule" in l:
            failures.append(f"{where}: termYears and schedule together")
        if "termYears" in l and not (finite(l["termYears"]) and l["termYears"] > 0):
            failures.append(f"{where}: termYears must be > 0")
        elif "termYears" in l and term_months(l["termYears"]) is None:
            failures.append(f"{where}: 12 x termYears is not a whole number of months")
        if "schedule" in l:
            dates = [month_index(p.get("date")) for p in l["schedule"]]
            if None in dates:
                failures.append(f"{where}: a schedule date is not a month")
            elif any(b <= a for a, b in zip(dates, dates[1:])):
                failures.append(f"{where}: schedule dates not strictly increasing")
            amounts = [p.get("amount") for p in l["schedule"]]
            if not all(finite(a) and a >= 0 for a in amounts):
                failures.append(f"{where}: schedule amounts must be >= 0")
            elif abs(sum(amounts) - l["amount"]) > 1e-9 * l["amount"]:
                failures.append(f"{where}: schedule sums to {sum(amounts)!r}, amount is {l['amount']!r}")
        for f in ("rate", "maturity", "seniority", "collateral", "maxLtv"):
            if f in l and l["kind"] not in DEBT_KINDS:
                failures.append(f"{where}: {f} on a {l['kind']} link (debt kinds only)")
        if "rate" in l and not (finite(l["rate"]) and l["rate"] >= 0):
            failures.append(f"{where}: rate must be >= 0")
        if "maturity" in l:
            if month_index(l["maturity"]) is None:
                failures.append(f"{where}: maturity is not a month")
            else:
                first = month_index(l["schedule"][0]["date"]) if "schedule" in l else start_month(l)
                if month_index(l["maturity"]) < first:
                    failures.append(f"{where}: maturity before start")
        if "seniority" in l and l["seniority"] not in ("senior", "junior"):
            failures.append(f"{where}: seniority {l['seniority']!r}")
        if "maxLtv" in l and ("collateral" not in l or not l["maxLtv"] > 0):
            failures.append(f"{where}: maxLtv needs collateral and must be > 0")
        if ("low" in l) != ("high" in l):
            failures.append(f"{where}: low and high come together")
        if "low" in l and not (0 <= l["low"] <= l["amount"] <= l["high"]):
            failures.append(f"{where}: need 0 <= low <= amount <= high")
        if l.get("confidence") not in (None, "reported", "estimate", "derived"):
            failures.append(f"{where}: confidence {l['confidence']!r}")
        if l.get("confidence") == "estimate" and "low" not in l:
            failures.append(f"{where}: an estimated amount carries low and high")
        if "share" in l:
            if l["kind"] != "Equity" or not (0 < l["share"] <= 1):
                failures.append(f"{where}: share only on Equity, 0 < share <= 1")
            shares[l["to"]].append(l["share"])
    for recipient, values in shares.items():
        if sum(values) > 1 + 1e-12:
            failures.append(f"shares into {recipient} sum to {sum(values)} > 1")


def acceptance(network, failures, warnings, out):
    entities = {e["id"]: e for e in network["entities"]}
    links = network["links"]
    n = len(links)
    out.append(f"entities {len(entities)}, links {n}, annotations {len(network['annotations'])}, asOf {network['asOf']}")
    if n < 140:
        failures.append(f"{n} links < 140")
    gpu = [l for l in links if l["kind"] == "GpuPurchase" and entities[l["to"]]["sector"] == "ChipMaker"]
    buyers = sorted({l["from"] for l in gpu})
    out.append(f"GPU purchases into chip makers: {len(gpu)} links from {len(buyers)} buyers ({', '.join(buyers)})")
    if len(gpu) < 8 or len(buyers) < 6:
        failures.append("fewer than 8 GPU-purchase links or 6 buyers")
    for e in entities.values():
        listed = e["attributes"].get("listed") == "true"
        needs = []
        if e["sector"] in ("Hyperscaler", "ChipMaker") or (e["sector"] == "Neocloud" and listed):
            needs = ["cash", "revenue"]
        if e["sector"] == "ModelLab":
            needs = ["cash", "costs"]
        for f in needs:
            if f not in e:
                gap = KNOWN_GAPS.get((e["id"], f))
                if gap:
                    warnings.append(f"ACCEPTANCE GAP: {e['id']} ({e['sector']}) has no {f}: {gap}")
                else:
                    failures.append(f"{e['id']} ({e['sector']}) has no {f}")
    commercial = [l for l in links if l["kind"] in COMMERCIAL_KINDS]
    dated = [l for l in commercial if "start" in l or "schedule" in l]
    share = len(dated) / len(commercial)
    out.append(f"commercial links with start or schedule: {len(dated)}/{len(commercial)} = {share:.1%}; "
               f"all links: {sum(1 for l in links if 'start' in l or 'schedule' in l)}/{n}")
    if share < 0.9:
        failures.append(f"only {share:.1%} of commercial links carry start or schedule")
    estimates = [l for l in links if l.get("confidence") == "estimate"]
    out.append(f"estimated amounts with a range: {sum(1 for l in estimates if 'low' in l)}/{len(estimates)}; "
               f"derived amounts: {sum(1 for l in links if l.get('confidence') == 'derived')}")
    with open(os.path.join(HERE, "curation.csv"), encoding="utf-8", newline="") as f:
        curated = [r for r in csv.DictReader(f) if r["decision"] == "link"]
    expected = Counter()
    for r in curated:
        expected[r["kind"]] += float(r["amount"])
    actual = Counter()
    for l in links:
        actual[l["kind"]] += l["amount"]
    out.append("totals by kind (links, USD bn):")
    for kind in KINDS:
        count = sum(1 for l in links if l["kind"] == kind)
        if count or expected[kind]:
            out.append(f"  {kind:16s} {count:4d} {actual[kind]:12.3f}")
            if abs(actual[kind] - expected[kind]) > 1e-6:
                failures.append(f"total of {kind} {actual[kind]} differs from the curation's {expected[kind]}")
    out.append(f"  {'total':16s} {n:4d} {sum(actual.values()):12.3f}")
    refs = Counter(l["attributes"]["facts"] for l in links)
    for ref, count in refs.items():
        if count > 1:
            failures.append(f"fact {ref} is counted by {count} links")
    if len(curated) != n:
        failures.append(f"{len(curated)} curated links but {n} in the graph")

    nvidia_period = parse_period("2026-02..2026-04")
    detail = netting("nvidia", links, nvidia_period)
    csp = sum(d[2] for d in detail if d[0] == "in" and d[1].split()[1].split("->")[0] in CSPS)
    total_in = sum(d[2] for d in detail if d[0] == "in")
    out.append(f"NVIDIA yearly in-graph receipts (Q1 FY2027 basis): Microsoft+Alphabet+Amazon+Oracle {csp:.1f} "
               f"<= hyperscale pool {HYPERSCALE_POOL:.1f}; all {total_in:.1f} <= data-centre pool "
               f"{DATA_CENTRE_POOL:.1f}; outside revenue {entities['nvidia']['revenue']} of "
               f"{entities['nvidia']['attributes']['revenueReported']} reported "
               f"({entities['nvidia']['revenue'] / float(entities['nvidia']['attributes']['revenueReported']):.1%})")
    if csp > HYPERSCALE_POOL + 1e-9:
        failures.append("hyperscaler purchase estimates exceed NVIDIA's hyperscale revenue")
    if total_in > DATA_CENTRE_POOL + 1e-9:
        failures.append("NVIDIA's in-graph receipts exceed its data-centre revenue")

    unknown = sorted(e["id"] for e in entities.values() if "cash" not in e and not (
        e.get("fundingSource", e["sector"] in ("VentureCapital", "PrivateEquity", "PrivateCredit", "Bank",
                                               "PublicMarkets", "Sovereign", "Conglomerate"))))
    out.append(f"non-funders without cash ({len(unknown)}; the model's --unknown-cash rule applies): {', '.join(unknown)}")
    undated = [l["attributes"]["facts"] for l in links if l["attributes"].get("dating") == "default"]
    out.append(f"links on the model's default timing ({len(undated)}): {', '.join(undated)}")
    assumed = [l["attributes"]["facts"] for l in links if l["attributes"].get("dating") == "assumed"]
    out.append(f"links with an assumed start, term or schedule ({len(assumed)}): {', '.join(assumed)}")
    gpu_collateral = [f"{l['attributes']['facts']} {l['from']}->{l['to']} {l['amount']}" for l in links
                      if l.get("collateral") == "gpu-collateral"]
    out.append(f"GPU-backed loans ({len(gpu_collateral)}): {'; '.join(gpu_collateral)}")
    fields = Counter()
    for l in links:
        for key in l:
            if key not in ("from", "to", "kind", "amount", "date", "source", "note", "attributes"):
                fields[key] += 1
    for e in entities.values():
        for key in ("valuation", "revenueGrowth", "costsGrowth", "capital"):
            if key in e:
                fields["entity " + key] += 1
    out.append("new and optional fields used: " + ", ".join(f"{k} {v}" for k, v in sorted(fields.items())))


def main(argv):
    path = argv[0] if argv else GRAPH
    with open(path, encoding="utf-8") as f:
        network = json.load(f)
    failures, warnings, out = [], [], []
    check(network, failures, warnings)
    acceptance(network, failures, warnings, out)
    print("\n".join(out))
    for w in warnings:
        print(w)
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
