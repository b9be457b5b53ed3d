#!/usr/bin/env python3
"""Builds graphs/ai-chain.json from the sourced facts and the hand curation.

Inputs (all in this folder):
  ai-chain-facts.csv   150 sourced deal rows (from, to, type, amount_usd_bn, amount_kind, date, source, notes)
  ai-chain-nodes.csv   balance-sheet facts per player (revenue, annual loss, cash, debt, as-of, source, notes)
  entities.csv         hand-curated entity table: id, name, sector, the facts' names for it, node rows, ...
  curation.csv         hand-curated decision for every facts row: a link (kind, from, to, amount, termYears,
                       confidence) or an annotation (category and reason)

Output: ../ai-chain.json in the native format (graphs/README.md), written deterministically: entities in
sector order then id, links and annotations in facts-row order, numbers as the facts give them.

Every rule the curation must obey is checked here and the build stops on the first batch of problems, so a
curation mistake cannot reach the data file. See graphs/README.md for the rules and the judgement calls.

Usage: python3 graphs/sources/build_ai_chain.py            write ../ai-chain.json
       python3 graphs/sources/build_ai_chain.py --check    exit 1 if ../ai-chain.json is not up to date
Plain Python 3 standard library; no network access.
"""

import csv
import json
import os
import re
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.normpath(os.path.join(HERE, "..", "ai-chain.json"))

SECTORS = ["ChipMaker", "Hyperscaler", "Neocloud", "DataCentreVehicle", "ModelLab", "AppStartup",
           "VentureCapital", "PrivateEquity", "PrivateCredit", "Bank", "PublicMarkets", "Sovereign",
           "Conglomerate", "Other"]
KINDS = ["Equity", "Loan", "Bond", "CreditFacility", "VendorFinancing", "SpvContribution", "ComputeContract",
         "GpuPurchase", "ApiSpend", "Lease", "RevenueShare", "Services"]
DEBT_KINDS = {"Loan", "Bond", "CreditFacility", "VendorFinancing"}

# The facts' `type` column and the link kinds each may become (DESIGN.md section 2).
KINDS_BY_TYPE = {
    "equity investment": {"Equity"},
    "compute/cloud contract": {"ComputeContract"},
    "bond issue": {"Bond"},
    "loan/debt facility": {"Loan", "CreditFacility"},
    "private credit facility": {"CreditFacility"},
    "SPV/joint venture": {"SpvContribution"},
    "lease": {"Lease"},
    "GPU purchase": {"GpuPurchase"},
    "vendor financing": {"VendorFinancing"},
    "API/model spend": {"ApiSpend"},
    "revenue share": {"RevenueShare"},
}

# How sure the facts are of a link's figure (link attribute `confidence`).
CONFIDENCE = {
    "filing": "company filing, press release or company statement",
    "reported": "reported by the press (Reuters, Bloomberg, WSJ, FT, The Information, CNBC, ...)",
    "secondary": "a single or secondary source the facts flag as unverified",
    "estimate": "an estimate (leaked documents or third-party analysis), not disclosed by the parties",
    "derived": "undisclosed in the facts; the amount is the sum of sourced basis rows (use of proceeds), named in the link's basis attribute",
}

# A derived link's reason ends with the rows its amount is the sum of: "... basis: rows 70, 71".
BASIS = re.compile(r"basis: rows? (\d+(?:, \d+)*)\.?$")

# Why a facts row is an annotation and not a link (annotation `type`).
CATEGORIES = {
    "valuation": "a valuation of a stake or a warrant, not a cash flow",
    "rate": "a rate, not an amount",
    "undisclosed": "no amount disclosed",
    "superseded": "a figure replaced by a later one that is counted",
    "overlap": "money already counted in another row",
    "aggregate": "a total over several rows or several payers",
    "headline": "a headline plan or up-to total, not a commitment to a counterparty",
    "projection": "a projection of future financing",
    "not-exercised": "an option that was not exercised",
    "not-committed": "a deal still being arranged at report time",
    "contingent": "an option or contingent payment, not a commitment",
    "combined-payers": "one amount for several payers with no split",
}

FIGURES = ["cash", "revenue", "costs", "capital", "externalAssets", "externalLiabilities"]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CLASS_TAG = re.compile(r"^\[from_class=[^;\]]*; to_class=[^\]]*\]\s*")
DATE_PREFIX = re.compile(r"\b(\d{4}-\d{2}(?:-\d{2})?)\b")


class CurationError(Exception):
    pass


def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def decimal_or_none(text):
    text = (text or "").strip()
    return Decimal(text) if text else None


def number(value):
    """A Decimal as a JSON number: an int when whole, else the shortest float that prints the same digits."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    result = float(str(value))
    assert Decimal(repr(result)) == value, value
    return result


def text(value):
    return " ".join(value.split())


def load():
    facts = read_csv("ai-chain-facts.csv")
    nodes = read_csv("ai-chain-nodes.csv")
    entities = read_csv("entities.csv")
    curation = read_csv("curation.csv")
    return facts, nodes, entities, curation


def check(facts, nodes, entities, curation):
    problems = []

    by_id = {}
    name_owner = {}
    for e in entities:
        if not SLUG.match(e["id"]):
            problems.append(f"entity {e['id']!r}: id is not a lowercase slug")
        if e["id"] in by_id:
            problems.append(f"entity {e['id']!r}: duplicate id")
        by_id[e["id"]] = e
        if e["sector"] not in SECTORS:
            problems.append(f"entity {e['id']}: unknown sector {e['sector']!r}")
        if e["fundingSource"] not in ("", "true", "false"):
            problems.append(f"entity {e['id']}: fundingSource must be empty, true or false")
        for name in names_of(e):
            if name in name_owner:
                problems.append(f"facts name {name!r} is claimed by {name_owner[name]} and {e['id']}")
            name_owner[name] = e["id"]
        for r in node_rows(e):
            if not 1 <= r <= len(nodes):
                problems.append(f"entity {e['id']}: node row {r} does not exist")
            elif nodes[r - 1]["node"] not in names_of(e):
                problems.append(f"entity {e['id']}: node row {r} is {nodes[r - 1]['node']!r}, not one of its names")
    used_nodes = [r for e in entities for r in node_rows(e)]
    if len(used_nodes) != len(set(used_nodes)):
        problems.append("a node row is used by two entities")

    seen = [c["row"] for c in curation]
    if seen != [str(i) for i in range(1, len(facts) + 1)]:
        problems.append(f"curation must list facts rows 1..{len(facts)} once each, in order")

    mentioned = set()
    for c in curation:
        if not c["row"].isdigit() or not 1 <= int(c["row"]) <= len(facts):
            continue
        n = int(c["row"])
        f = facts[n - 1]
        where = f"curation row {n}"
        derived = c["decision"] == "link" and c["confidence"] == "derived"
        if derived:
            problems.extend(f"{where}: {p}" for p in check_derived(c, f, curation, facts))
        elif decimal_or_none(c["amount"]) != decimal_or_none(f["amount_usd_bn"]):
            problems.append(f"{where}: amount {c['amount']!r} differs from the facts' {f['amount_usd_bn']!r}")
        if c["decision"] == "link":
            if c["kind"] not in KINDS:
                problems.append(f"{where}: unknown kind {c['kind']!r}")
            elif c["kind"] not in KINDS_BY_TYPE.get(f["type"], set()):
                problems.append(f"{where}: kind {c['kind']} does not fit facts type {f['type']!r}")
            if decimal_or_none(c["amount"]) is None:
                problems.append(f"{where}: a link needs an amount")
            if c["termYears"] and decimal_or_none(c["termYears"]) <= 0:
                problems.append(f"{where}: termYears must be positive")
            if c["confidence"] not in CONFIDENCE:
                problems.append(f"{where}: confidence must be one of {sorted(CONFIDENCE)}")
            if c["category"]:
                problems.append(f"{where}: a link has no annotation category")
            for end, fact_end in (("from", "from"), ("to", "to")):
                entity = by_id.get(c[end])
                if entity is None:
                    problems.append(f"{where}: link {end} {c[end]!r} is not an entity id")
                elif f[fact_end] not in names_of(entity):
                    problems.append(f"{where}: link {end} {c[end]} does not name the facts' {fact_end} {f[fact_end]!r}")
            if c["from"] == c["to"]:
                problems.append(f"{where}: self-link")
        elif c["decision"] == "annotation":
            if c["category"] not in CATEGORIES:
                problems.append(f"{where}: category must be one of {sorted(CATEGORIES)}")
            if not c["reason"].strip():
                problems.append(f"{where}: an annotation needs a reason")
            if c["kind"] or c["termYears"] or c["confidence"]:
                problems.append(f"{where}: an annotation has no kind, termYears or confidence")
            parties = {f["from"], f["to"]}
            for end in ("from", "to"):
                if not c[end]:
                    continue
                entity = by_id.get(c[end])
                if entity is None:
                    problems.append(f"{where}: annotation {end} {c[end]!r} is not an entity id")
                elif not parties & set(names_of(entity)):
                    problems.append(f"{where}: annotation {end} {c[end]} names neither party of the facts row")
        else:
            problems.append(f"{where}: decision must be link or annotation")
        mentioned.update(x for x in (c["from"], c["to"]) if x)

    for e in entities:
        if e["id"] not in mentioned:
            problems.append(f"entity {e['id']} appears in no link or annotation")

    link_rows = {int(c["row"]): c for c in curation if c["decision"] == "link"}
    for e in entities:
        for r in debt_rows(e):
            c = link_rows.get(r)
            if c is None or c["to"] != e["id"] or c["kind"] not in DEBT_KINDS:
                problems.append(f"entity {e['id']}: debtInGraphRows {r} is not a debt link into it")
        if debt_rows(e) and first_figure(nodes, e, "debt_usd_bn") is None:
            problems.append(f"entity {e['id']}: debtInGraphRows without a reported debt")

    if problems:
        raise CurationError("\n".join(problems))


def basis_rows(c):
    match = BASIS.search(c["reason"].strip())
    return [int(r) for r in match.group(1).split(", ")] if match else []


def check_derived(c, fact, curation, facts):
    """A derived link: allowed only where the facts give no amount, and its amount must be the sum of the amounts of
    the sourced (non-derived) link rows its reason names as the basis, each of them money flowing into the derived
    link's payer (the financing whose use of proceeds the link is)."""
    problems = []
    if decimal_or_none(fact["amount_usd_bn"]) is not None:
        problems.append(f"a derived link needs an undisclosed facts amount (the facts give {fact['amount_usd_bn']}: use it)")
    rows = basis_rows(c)
    if not rows:
        problems.append("a derived link's reason must end with 'basis: rows N, N' naming the rows its amount sums")
        return problems
    total = Decimal(0)
    for r in rows:
        if not 1 <= r <= len(curation):
            problems.append(f"basis row {r} does not exist")
            continue
        basis = curation[r - 1]
        if basis["decision"] != "link" or basis["confidence"] == "derived":
            problems.append(f"basis row {r} is not a sourced link")
            continue
        if basis["to"] != c["from"]:
            problems.append(f"basis row {r} ({basis['from']} -> {basis['to']}) does not fund the payer {c['from']}")
        total += decimal_or_none(facts[r - 1]["amount_usd_bn"]) or Decimal(0)
    if decimal_or_none(c["amount"]) != total:
        problems.append(f"derived amount {c['amount']} is not the sum of its basis rows ({number(total)})")
    return problems


def names_of(entity):
    return [n.strip() for n in entity["factsNames"].split("|") if n.strip()]


def node_rows(entity):
    return [int(r) for r in entity["nodeRows"].split(";") if r.strip()]


def debt_rows(entity):
    return [int(r) for r in entity["debtInGraphRows"].split(";") if r.strip()]


def first_figure(nodes, entity, column):
    """The newest node row (entity's nodeRows are newest first) that gives the figure: (value, row) or None."""
    for r in node_rows(entity):
        value = decimal_or_none(nodes[r - 1][column])
        if value is not None:
            return value, r
    return None


def build_entity(entity, nodes, facts, curation_by_row, appearances):
    rows = node_rows(entity)
    result = {"id": entity["id"], "name": entity["name"], "sector": entity["sector"]}
    attributes = {}
    notes = [entity["note"].strip()] if entity["note"].strip() else []
    if entity["fundingSource"]:
        result["fundingSource"] = entity["fundingSource"] == "true"

    if rows:
        newest = nodes[rows[0] - 1]
        used = set()

        def take(column, field):
            found = first_figure(nodes, entity, column)
            if found is None:
                return None
            value, r = found
            used.add(r)
            if field:
                result[field] = number(value)
            if r != rows[0]:
                attributes[(field or column) + "AsOf"] = nodes[r - 1]["as_of"]
            return found

        take("cash_usd_bn", "cash")
        revenue = take("revenue_usd_bn", "revenue")
        loss = first_figure(nodes, entity, "annual_loss_usd_bn")
        if loss is not None:
            attributes["annualLoss"] = str(number(loss[0]))
            used.add(loss[1])
            if loss[1] != rows[0]:
                attributes["annualLossAsOf"] = nodes[loss[1] - 1]["as_of"]
            if revenue is not None and revenue[1] == loss[1]:
                result["costs"] = number(revenue[0] + loss[0])
        if revenue is not None and entity["revenueKind"]:
            attributes["revenueKind"] = entity["revenueKind"]
        debt = first_figure(nodes, entity, "debt_usd_bn")
        if debt is not None:
            used.add(debt[1])
            in_graph = sum((Decimal(facts[r - 1]["amount_usd_bn"]) for r in debt_rows(entity)), Decimal(0))
            result["externalLiabilities"] = number(max(Decimal(0), debt[0] - in_graph))
            attributes["debtReported"] = str(number(debt[0]))
            if debt[1] != rows[0]:
                attributes["debtAsOf"] = nodes[debt[1] - 1]["as_of"]
            if debt_rows(entity):
                attributes["debtInGraph"] = str(number(in_graph))
                attributes["debtInGraphRows"] = ", ".join(str(r) for r in debt_rows(entity))

        earlier = []
        for r in rows[1:]:
            older = nodes[r - 1]
            figures = []
            for column, label in (("revenue_usd_bn", "revenue"), ("annual_loss_usd_bn", "annual loss"),
                                  ("cash_usd_bn", "cash"), ("debt_usd_bn", "debt")):
                value = decimal_or_none(older[column])
                taken = first_figure(nodes, entity, column)
                if value is not None and taken[1] != r:
                    figures.append(f"{label} {number(value)}")
            if figures:
                earlier.append(f"{older['as_of']}: " + ", ".join(figures))
        if earlier:
            attributes["earlierFigures"] = "; ".join(earlier)

        result["asOf"] = newest["as_of"]
        sources = []
        for r in rows:
            if r in used or r == rows[0]:
                if nodes[r - 1]["source"] not in sources:
                    sources.append(nodes[r - 1]["source"])
        result["source"] = "; ".join(sources)
        for r in rows:
            if nodes[r - 1]["notes"].strip():
                notes.append(f"Node facts ({nodes[r - 1]['as_of']}): {text(nodes[r - 1]['notes'])}")
    else:
        result["source"] = "ai-chain-facts.csv rows " + ", ".join(str(r) for r in sorted(appearances))

    unknown = [f for f in FIGURES if f not in result]
    if entity["members"].strip():
        attributes["members"] = entity["members"].strip()
    attributes["factsNames"] = " | ".join(names_of(entity))
    attributes["unknownFigures"] = ", ".join(unknown)
    if notes:
        result["note"] = " ".join(n if n.endswith((".", "!", "?")) else n + "." for n in notes)
    result["attributes"] = dict(sorted(attributes.items()))
    return result


def build_link(n, fact, c):
    note = text(CLASS_TAG.sub("", fact["notes"]))
    link = {"from": c["from"], "to": c["to"], "kind": c["kind"], "amount": number(Decimal(c["amount"]))}
    if c["termYears"]:
        link["termYears"] = number(Decimal(c["termYears"]))
    link["date"] = fact["date"]
    link["source"] = fact["source"]
    if note:
        link["note"] = note
    attributes = {
        "factsRow": str(n),
        "factsType": fact["type"],
        "factsFrom": fact["from"],
        "factsTo": fact["to"],
        "amountKind": fact["amount_kind"],
        "confidence": c["confidence"],
    }
    if c["reason"].strip():
        attributes["curation"] = c["reason"].strip()
    if c["confidence"] == "derived":
        rows = basis_rows(c)
        attributes["basis"] = ", ".join(str(r) for r in rows)
        derivation = (f"Amount derived, not disclosed: the sum of facts rows {' + '.join(str(r) for r in rows)} "
                      f"(use of proceeds); see the curation attribute.")
        link["note"] = derivation + (f" {note}" if note else "")
    link["attributes"] = dict(sorted(attributes.items()))
    return link


def build_annotation(n, fact, c):
    note = text(CLASS_TAG.sub("", fact["notes"]))
    annotation = {
        "from": c["from"] or fact["from"],
        "to": c["to"] or fact["to"],
        "type": c["category"],
    }
    amount = decimal_or_none(fact["amount_usd_bn"])
    if amount is not None:
        annotation["amount"] = number(amount)
    annotation["amountKind"] = fact["amount_kind"]
    annotation["date"] = fact["date"]
    annotation["source"] = fact["source"]
    annotation["reason"] = c["reason"].strip()
    annotation["note"] = f"Facts row {n} ({fact['type']}: {fact['from']} -> {fact['to']})." + (f" {note}" if note else "")
    return annotation


def build(facts, nodes, entities, curation):
    check(facts, nodes, entities, curation)
    curation_by_row = {int(c["row"]): c for c in curation}
    appearances = {}
    for n, c in curation_by_row.items():
        for end in ("from", "to"):
            if c[end]:
                appearances.setdefault(c[end], set()).add(n)

    ordered = sorted(entities, key=lambda e: (SECTORS.index(e["sector"]), e["id"]))
    built_entities = [build_entity(e, nodes, facts, curation_by_row, appearances.get(e["id"], set())) for e in ordered]
    links = [build_link(n, facts[n - 1], c) for n, c in sorted(curation_by_row.items()) if c["decision"] == "link"]
    annotations = [build_annotation(n, facts[n - 1], c) for n, c in sorted(curation_by_row.items())
                   if c["decision"] == "annotation"]

    dates = [m.group(1) for f in facts for m in [DATE_PREFIX.search(f["date"])] if m]
    as_of = max(dates, key=lambda d: (d[:7], len(d), d))

    network = {
        "format": "aicontagion/1",
        "title": "The AI financing chain: sourced deals and balance sheets, 2019-2026",
        "unit": "USD bn",
        "asOf": as_of,
        "description": (
            "Who pays whom in the AI economy: chipmakers, hyperscalers, GPU clouds, data-centre vehicles, model labs "
            "and app start-ups, and the venture, private-equity, private-credit, bank, bond-market, sovereign and "
            "conglomerate money behind them. Every link is one sourced row of the facts file (its row number is the "
            "link's factsRow attribute) pointing the way money moves; amounts are deal totals in USD billions (a "
            "contract's whole value, a round's or a facility's committed size), not yearly flows, with termYears "
            "where the facts state a duration. Rows that are valuations, rates, undisclosed amounts, aggregates, "
            "projections, superseded or overlapping figures are kept as annotations with the reason and are not "
            "counted. Balance-sheet figures come from the node facts; an absent figure is unknown (listed in each "
            "entity's unknownFigures attribute) and the models' documented defaults apply. Reported revenue is kept "
            "as reported; debt already modelled as in-graph links is subtracted from reported debt to give "
            "externalLiabilities. Built by graphs/sources/build_ai_chain.py; see graphs/README.md."),
        "sources": [
            "graphs/sources/ai-chain-facts.csv: 150 sourced deal rows (press reports, company filings and "
            "releases, secondary summaries); each link and annotation carries its row's source and date",
            "graphs/sources/ai-chain-nodes.csv: balance-sheet facts per player (revenue, annual loss, cash, debt, "
            "as-of, source); each entity carries its rows' source and as-of",
            "graphs/sources/entities.csv: hand-curated entity table (ids, sectors, the facts' names for each entity, "
            "syndicate members)",
            "graphs/sources/curation.csv: hand-curated decision for every facts row (link or annotation, and why)",
        ],
        "entities": built_entities,
        "links": links,
        "annotations": annotations,
    }
    return network


def render(network):
    def dump(value):
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    keys = list(network)
    for i, key in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        value = network[key]
        if isinstance(value, list):
            lines.append(f"  {dump(key)}: [")
            for j, item in enumerate(value):
                lines.append(f"    {dump(item)}" + ("," if j < len(value) - 1 else ""))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {dump(key)}: {dump(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    try:
        content = render(build(*load()))
    except CurationError as error:
        print("curation problems:\n" + str(error), file=sys.stderr)
        return 2
    if "--check" in argv:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != content:
                print(f"{OUTPUT} is out of date: run python3 graphs/sources/build_ai_chain.py", file=sys.stderr)
                return 1
        print(f"{OUTPUT} is up to date")
        return 0
    directory = os.path.dirname(OUTPUT)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=directory, delete=False,
                                     prefix=".ai-chain.", suffix=".tmp") as f:
        f.write(content)
        temporary = f.name
    os.replace(temporary, OUTPUT)
    network = json.loads(content)
    print(f"wrote {OUTPUT}: {len(network['entities'])} entities, {len(network['links'])} links, "
          f"{len(network['annotations'])} annotations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
