#!/usr/bin/env python3
"""Builds graphs/ai-chain.json from the sourced facts and the hand curation.

Inputs (all in this folder; see README.md here for what each file holds):
  ai-chain-facts.csv    150 sourced deal rows                                  (file key: facts)
  ai-chain-nodes.csv    27 balance-sheet rows                                  (file key: nodes)
  flows.csv             105 flow rows with terms, start dates, rates, estimates (file key: flows)
  balance-sheets.csv    61 period-stamped balance-sheet / P&L / burn rows       (file key: balance-sheets)
  stakes.csv            20 ownership-stake rows                                 (file key: stakes)
  entities.csv          hand-curated entity table: id, name, sector, the facts' names for it, ...
  curation.csv          one hand-curated decision per fact row of the five files (file, row, decision, ...)

Decisions: link (the row is one link of the graph), terms (the row dates or prices a link made from another row),
stake (the row gives the share an Equity link carries), figures (the row is a firm's balance-sheet row: the firm's
figures and their arithmetic), input (a number used in another row's arithmetic), annotation (kept, not counted).

Output: ../ai-chain.json (format aicontagion/1), written deterministically. Every rule the curation must obey is
checked here and the build stops with every problem listed (exit 2), so a curation mistake cannot reach the data
file; computed amounts and firm figures are recomputed from their inputs and must match the curated numbers.

Usage: python3 graphs/sources/build_ai_chain.py            write ../ai-chain.json
       python3 graphs/sources/build_ai_chain.py --check    exit 1 if ../ai-chain.json is not up to date
       python3 graphs/sources/build_ai_chain.py --explain  print each firm's figures arithmetic (for curation.csv)
Plain Python 3 standard library; no network access.
"""

import csv
import json
import os
import re
import sys
import tempfile
from decimal import Decimal, ROUND_HALF_EVEN

from chainlib import (AS_OF, AS_OF_MONTH, CLAIM_KINDS, COMMERCIAL_KINDS, DEBT_KINDS, KINDS, SECTORS, debt_in_graph,
                      fmt, month_index, month_text, netting, parse_period, start_month, term_months)

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.normpath(os.path.join(HERE, "..", "ai-chain.json"))

FILES = {  # key -> (file name, the column naming the payer, the recipient, the type, the amount)
    "facts": "ai-chain-facts.csv",
    "nodes": "ai-chain-nodes.csv",
    "flows": "flows.csv",
    "balance-sheets": "balance-sheets.csv",
    "stakes": "stakes.csv",
}
DECISIONS = {
    "facts": {"link", "terms", "input", "annotation"},
    "flows": {"link", "terms", "input", "annotation"},
    "nodes": {"figures", "input", "annotation"},
    "balance-sheets": {"figures", "input", "annotation", "link"},
    "stakes": {"stake", "link", "input", "annotation"},
}

# The facts' `type` column and the link kinds a row of that type may become.
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
    "capex": {"GpuPurchase"},  # a buyer's capex sizes its accelerator purchases (estimate links only)
}

# How sure the facts are of a link's figure: the curation's source quality, and the `confidence` field it maps to.
SOURCE_QUALITY = {
    "filing": ("reported", "company filing, press release or company statement"),
    "reported": ("reported", "reported by the press (Reuters, Bloomberg, WSJ, FT, The Information, CNBC, ...)"),
    "secondary": ("reported", "a single or secondary source the facts flag as unverified"),
    "leaked": ("reported", "leaked documents reported by the press; a point figure with no range"),
    "estimate": ("estimate", "an estimate (third-party or this curation's arithmetic from the facts), with low/high"),
    "derived": ("derived", "undisclosed in the facts; computed from sourced rows named in the reason"),
}
DATING = {
    "facts": "start and term (or schedule, rate, maturity) as the facts state them",
    "assumed": "a dating the facts imply but do not state exactly; the assumption is in the reason",
    "default": "the facts give no start month or term: the model's default applies",
    "past": "paid before the network's asOf; the month is approximate and does not affect the cash model",
}
CATEGORIES = {
    "valuation": "a valuation of a stake or a warrant, not a cash flow",
    "rate": "a rate, not an amount",
    "undisclosed": "no amount disclosed",
    "superseded": "a figure replaced by a later one that is counted",
    "overlap": "money already counted in another row",
    "duplicate": "the same figure as another row that is used",
    "aggregate": "a total over several rows or several payers",
    "headline": "a headline plan or up-to total, not a commitment to a counterparty",
    "projection": "a projection of future financing or spending",
    "not-exercised": "an option that was not exercised",
    "not-committed": "a deal still being arranged at report time",
    "contingent": "an option or contingent payment, not a commitment",
    "combined-payers": "one amount for several payers with no split",
    "earlier-period": "a figure for an earlier period than the one used",
    "context": "background (concentration, segment totals, market sizes) that sizes nothing in the graph",
    "no-entity": "a party that is not an entity of the graph",
}
FIGURE_FIELDS = ["cash", "revenue", "costs", "capital", "valuation", "externalLiabilities", "revenueGrowth",
                 "costsGrowth"]
COMPUTED_FIGURES = {"revenue", "costs", "externalLiabilities"}
INPUT_KEYS = {"method", "period", "revenueReported", "ocf", "capex", "netIncome", "burn", "fcf", "debtReported",
              "debtAsOf", "cashAsOf", "cashBasis", "figuresAsOf", "notNetted"}
METHODS = {"listed", "fcf", "accrual", "burn", "revenue-only"}
SCHEDULE_EVEN = re.compile(r"^even:(\d{4}-\d{2})\.\.(\d{4}-\d{2}):([0-9.]+)$")
SCHEDULE_ONE = re.compile(r"^(\d{4}-\d{2}):([0-9.]+)$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CLASS_TAG = re.compile(r"^\[from_class=[^;\]]*; to_class=[^\]]*\]\s*")
REF = re.compile(r"^(facts|nodes|flows|balance-sheets|stakes):(\d+)$")
TOLERANCE = 0.0006   # curated figures are written with at most 3-4 decimals


class CurationError(Exception):
    pass


def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def dec(text):
    text = (text or "").strip()
    return Decimal(text) if text else None


def number(value):
    """A Decimal as a JSON number: an int when whole, else the shortest float that prints the same digits."""
    value = Decimal(value).normalize()
    if value == value.to_integral_value():
        return int(value)
    result = float(str(value))
    assert Decimal(repr(result)) == value, value
    return result


def text(value):
    return " ".join((value or "").split())


def fact_amount(file, fact):
    """The row's amount as a number when the file has an amount column and the cell is a plain number."""
    cell = (fact.get("amount_usd_bn") or "").strip()
    try:
        return Decimal(cell) if cell else None
    except ArithmeticError:
        return None


def expand_schedule(spec, where, problems):
    """'2026-04:10;even:2026-07..2026-12:12' -> [(month index, Decimal)], even parts split to 1e-9 with the
    rounding remainder on their last month."""
    result = []
    for part in [p.strip() for p in spec.split(";") if p.strip()]:
        one, even = SCHEDULE_ONE.match(part), SCHEDULE_EVEN.match(part)
        if one:
            result.append((month_index(one.group(1)), Decimal(one.group(2))))
        elif even:
            first, last, total = month_index(even.group(1)), month_index(even.group(2)), Decimal(even.group(3))
            n = last - first + 1
            if n <= 0:
                problems.append(f"{where}: schedule part {part!r} runs backwards")
                continue
            each = (total / n).quantize(Decimal("0.000000001"), rounding=ROUND_HALF_EVEN)
            for i in range(n):
                result.append((first + i, each if i < n - 1 else total - each * (n - 1)))
        else:
            problems.append(f"{where}: schedule part {part!r} is neither 'YYYY-MM:amount' nor 'even:YYYY-MM..YYYY-MM:total'")
    months = [m for m, _ in result]
    if any(b <= a for a, b in zip(months, months[1:])):
        problems.append(f"{where}: schedule dates must be strictly increasing")
    return result


def parse_kv(cell):
    result = {}
    for part in [p.strip() for p in (cell or "").split(";") if p.strip()]:
        key, _, value = part.partition("=")
        result[key.strip()] = value.strip()
    return result


def load():
    facts = {key: read_csv(name) for key, name in FILES.items()}
    entities = read_csv("entities.csv")
    curation = read_csv("curation.csv")
    return facts, entities, curation


def names_of(entity):
    return [n.strip() for n in entity["factsNames"].split("|") if n.strip()]


def fact_parties(file, fact):
    if file in ("facts", "flows"):
        return fact["from"], fact["to"]
    if file in ("nodes",):
        return fact["node"], ""
    if file == "balance-sheets":
        return fact["entity"], ""
    return fact["holder"], fact["company"]


def build_links(facts, entities, curation, problems):
    by_id = {e["id"]: e for e in entities}
    links = []
    for c in curation:
        if c["decision"] != "link":
            continue
        file, n = c["file"], int(c["row"])
        fact = facts[file][n - 1]
        where = f"curation {file}:{n}"
        kind = c["kind"]
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
            continue
        for end in ("from", "to"):
            if c[end] not in by_id:
                problems.append(f"{where}: link {end} {c[end]!r} is not an entity id")
        if c["from"] == c["to"]:
            problems.append(f"{where}: self-link")
        quality = c["confidence"]
        if quality not in SOURCE_QUALITY:
            problems.append(f"{where}: confidence must be one of {sorted(SOURCE_QUALITY)}")
            continue
        amount = dec(c["amount"])
        if amount is None or amount <= 0:
            problems.append(f"{where}: a link needs a positive amount")
            continue
        computed = quality in ("estimate", "derived")
        given = fact_amount(file, fact)
        if file in ("facts", "flows"):
            if not computed and given != amount:
                problems.append(f"{where}: amount {amount} differs from the facts' {fact['amount_usd_bn']!r} "
                                "(only an estimate or a derived amount may differ, with its arithmetic)")
            allowed = KINDS_BY_TYPE.get(fact["type"], set())
            if kind not in allowed and not computed:
                problems.append(f"{where}: kind {kind} does not fit facts type {fact['type']!r}")
            if not computed:
                payer, recipient = fact_parties(file, fact)
                for end, party in (("from", payer), ("to", recipient)):
                    if c[end] in by_id and party not in names_of(by_id[c[end]]):
                        problems.append(f"{where}: link {end} {c[end]} does not name the facts' party {party!r}")
        if computed and "=" not in c["reason"]:
            problems.append(f"{where}: an estimated or derived amount needs its arithmetic in the reason")
        low, high = dec(c["low"]), dec(c["high"])
        if quality == "estimate" and (low is None or high is None):
            problems.append(f"{where}: an estimate needs low and high")
        if (low is None) != (high is None):
            problems.append(f"{where}: low and high come together")
        if low is not None and high is not None and not (Decimal(0) <= low <= amount <= high):
            problems.append(f"{where}: need 0 <= low <= amount <= high ({low}, {amount}, {high})")
        if c["dating"] not in DATING:
            problems.append(f"{where}: dating must be one of {sorted(DATING)}")

        link = {"from": c["from"], "to": c["to"], "kind": kind, "amount": number(amount)}
        if low is not None:
            link["low"] = number(low)
            link["high"] = number(high)
        link["confidence"] = SOURCE_QUALITY[quality][0]
        if c["start"]:
            if month_index(c["start"]) is None:
                problems.append(f"{where}: start {c['start']!r} is not a month")
            link["start"] = c["start"]
        if c["termYears"] and c["schedule"]:
            problems.append(f"{where}: termYears and schedule are exclusive")
        if c["termYears"]:
            term = dec(c["termYears"])
            if term <= 0 or term_months(term) is None:
                problems.append(f"{where}: termYears must be positive and a whole number of months")
            link["termYears"] = number(term)
        if c["schedule"]:
            entries = expand_schedule(c["schedule"], where, problems)
            total = sum((a for _, a in entries), Decimal(0))
            if abs(total - amount) > amount * Decimal("1e-9"):
                problems.append(f"{where}: schedule sums to {total}, amount is {amount}")
            link["schedule"] = [{"date": month_text(m), "amount": number(a)} for m, a in entries]
            if c["start"] and month_index(c["start"]) != entries[0][0]:
                problems.append(f"{where}: start differs from the schedule's first month")
        debt_fields = [f for f in ("rate", "maturity", "seniority", "collateral", "maxLtv") if c[f]]
        if debt_fields and kind not in DEBT_KINDS:
            problems.append(f"{where}: {', '.join(debt_fields)} only on debt kinds")
        if c["rate"]:
            if dec(c["rate"]) < 0:
                problems.append(f"{where}: rate must be >= 0")
            link["rate"] = number(dec(c["rate"]))
        if c["maturity"]:
            if month_index(c["maturity"]) is None:
                problems.append(f"{where}: maturity {c['maturity']!r} is not a month")
            link["maturity"] = c["maturity"]
        if c["seniority"]:
            if c["seniority"] not in ("senior", "junior"):
                problems.append(f"{where}: seniority must be senior or junior")
            link["seniority"] = c["seniority"]
        if c["collateral"]:
            link["collateral"] = c["collateral"]
        if c["maxLtv"]:
            if not c["collateral"] or dec(c["maxLtv"]) <= 0:
                problems.append(f"{where}: maxLtv needs a collateral and must be > 0")
            link["maxLtv"] = number(dec(c["maxLtv"]))
        if c["share"]:
            share = dec(c["share"])
            if kind != "Equity" or not Decimal(0) < share <= 1:
                problems.append(f"{where}: share only on Equity links, 0 < share <= 1")
            link["share"] = number(share)
        if link.get("maturity") and month_index(link["maturity"]) is not None:
            if month_index(link["maturity"]) < start_month({**link, "date": fact.get("date")}):
                problems.append(f"{where}: maturity before start")

        date = fact.get("date") or fact.get("as_of") or ""
        link["date"] = date
        link["source"] = fact.get("source", "")
        note = text(CLASS_TAG.sub("", fact.get("notes", "")))
        if note:
            link["note"] = note
        attributes = {
            "facts": f"{file}:{n}",
            "factsFile": FILES[file],
            "factsRow": str(n),
            "sourceQuality": quality,
            "dating": c["dating"],
            "curation": c["reason"].strip(),
        }
        if file in ("facts", "flows"):
            attributes.update({"factsType": fact["type"], "factsFrom": fact["from"], "factsTo": fact["to"],
                               "amountKind": fact["amount_kind"]})
        if c["runRate"] == "true":
            if kind not in COMMERCIAL_KINDS or not c["termYears"]:
                problems.append(f"{where}: a run-rate link is commercial with a termYears")
            attributes["runRate"] = "true"
        elif c["runRate"]:
            problems.append(f"{where}: runRate is 'true' or empty")
        link["attributes"] = attributes
        links.append(link)
    return links


def compute_figures(entity_id, inputs, links, sector=None):
    """The computed figures (revenue, costs, externalLiabilities) of one firm from its curated inputs and the links,
    with the arithmetic as text.

    revenue = reported revenue - the in-graph receipts the reported figure already contains (chainlib.netting).
    costs: by method, from the same period's figures:
      listed   operating part = revenue - operating cash flow; capex part = capex
      accrual  operating part = revenue - net income (a loss adds); capex part = capex when given
      fcf      one total = revenue - free cash flow (capex inside)
      burn     one total = revenue + cash burn (everything inside)
    In-graph GPU purchases are taken out of the capex part (a chipmaker's are its cost of goods: operating part; a
    firm whose figures have no capex keeps them out entirely, its costs never contained them); other in-graph
    payments and the interest on in-graph debt out of the operating part; one-total methods take everything out of
    the total. Each part is floored at 0 (the floor is said in the arithmetic)."""
    figures, lines = {}, []
    method = inputs.get("method", "")
    value = lambda key: float(inputs[key]) if inputs.get(key) not in (None, "") else None
    revenue = value("revenueReported")
    excluded = {x.strip() for x in inputs.get("notNetted", "").split(",") if x.strip()}
    if inputs.get("period"):
        detail = netting(entity_id, links, parse_period(inputs["period"]), excluded)
        item = lambda d: f"{d[1]} {fmt(d[2])} ({d[3]})"
        ins = [d for d in detail if d[0] == "in"]
        if revenue is not None:
            receipts = sum(d[2] for d in ins)
            net = revenue - receipts
            figures["revenue"] = max(0.0, net)
            lines.append(f"revenue = reported {fmt(revenue)} ({inputs['period']})"
                         + (f" - in-graph receipts {fmt(receipts)} [{'; '.join(map(item, ins))}]" if ins else
                            " - no in-graph receipts in the period")
                         + f" = {fmt(net)}" + ("" if net >= 0 else ", floored at 0")
                         + (f" (not netted: {', '.join(sorted(excluded))})" if excluded else ""))
        has_capex = value("capex") is not None
        if method in ("listed", "accrual"):
            operating = revenue - value("ocf") if method == "listed" else revenue - value("netIncome")
            how = (f"operating part (revenue {fmt(revenue)} - operating cash flow {fmt(value('ocf'))}) = {fmt(operating)}"
                   if method == "listed" else
                   f"operating part (revenue {fmt(revenue)} - net income {fmt(value('netIncome'))}) = {fmt(operating)}")
            capex_items, operating_items, skipped = [], [], []
            for d in detail:
                if d[0] == "out" and d[4] == "GpuPurchase" and sector != "ChipMaker":
                    (capex_items if has_capex else skipped).append(d)
                elif d[0] in ("out", "interest"):
                    operating_items.append(d)
            op_net = operating - sum(d[2] for d in operating_items)
            text_parts = [how + (f" - in-graph payments and interest {fmt(sum(d[2] for d in operating_items))} "
                                 f"[{'; '.join(map(item, operating_items))}]" if operating_items else "")
                          + f" = {fmt(op_net)}" + ("" if op_net >= 0 else ", floored at 0")]
            total = max(0.0, op_net)
            if has_capex:
                cx_net = value("capex") - sum(d[2] for d in capex_items)
                text_parts.append(f"capex part {fmt(value('capex'))}"
                                  + (f" - in-graph GPU purchases {fmt(sum(d[2] for d in capex_items))} "
                                     f"[{'; '.join(map(item, capex_items))}]" if capex_items else "")
                                  + f" = {fmt(cx_net)}" + ("" if cx_net >= 0 else ", floored at 0"))
                total += max(0.0, cx_net)
            if skipped:
                text_parts.append("no capex in the figures, so the in-graph GPU purchases "
                                  f"[{'; '.join(map(item, skipped))}] are not netted")
            figures["costs"] = total
            lines.append("costs = " + "; ".join(text_parts) + f"; costs = {fmt(total)}")
        elif method in ("fcf", "burn"):
            base = revenue - value("fcf") if method == "fcf" else revenue + value("burn")
            how = (f"revenue {fmt(revenue)} - free cash flow {fmt(value('fcf'))}" if method == "fcf" else
                   f"revenue {fmt(revenue)} + cash burn {fmt(value('burn'))}")
            outs = [d for d in detail if d[0] in ("out", "interest")]
            net = base - sum(d[2] for d in outs)
            figures["costs"] = max(0.0, net)
            lines.append(f"costs = {how} = {fmt(base)}"
                         + (f" - in-graph payments and interest {fmt(sum(d[2] for d in outs))} [{'; '.join(map(item, outs))}]"
                            if outs else "")
                         + f" = {fmt(net)}" + ("" if net >= 0 else ", floored at 0: the payments the graph models "
                                                 "for the year already exceed the firm's own total"))
    if inputs.get("debtReported"):
        as_of = month_index(inputs["debtAsOf"])
        inside = debt_in_graph(entity_id, links, as_of)
        total = sum(a for _, a in inside)
        reported = float(inputs["debtReported"])
        net = reported - total
        figures["externalLiabilities"] = max(0.0, net)
        lines.append(f"externalLiabilities = reported debt {fmt(reported)} (at {inputs['debtAsOf']})"
                     + (f" - in-graph debt disbursed by then {fmt(total)} [{'; '.join(f'{l} {fmt(a)}' for l, a in inside)}]"
                        if inside else " - no in-graph debt by then")
                     + f" = {fmt(net)}" + ("" if net >= 0 else ", floored at 0"))
    return figures, lines


def build_entities(facts, entities, curation, links, problems, explain=None):
    by_id = {e["id"]: e for e in entities}
    rows_of = {}
    for c in curation:
        if c["decision"] in ("figures", "input") and c["entity"]:
            if c["entity"] not in by_id:
                problems.append(f"curation {c['file']}:{c['row']}: entity {c['entity']!r} is not an entity id")
                continue
            rows_of.setdefault(c["entity"], []).append(c)
    mentioned = {}
    for link in links:
        for end in ("from", "to"):
            mentioned.setdefault(link[end], []).append(link["attributes"]["facts"])
    result = []
    ordered = sorted(entities, key=lambda e: (SECTORS.index(e["sector"]), e["id"]))
    for e in ordered:
        if e["sector"] not in SECTORS:
            problems.append(f"entity {e['id']}: unknown sector {e['sector']!r}")
            continue
        entity = {"id": e["id"], "name": e["name"], "sector": e["sector"]}
        if e["fundingSource"]:
            entity["fundingSource"] = e["fundingSource"] == "true"
        attributes = {"factsNames": " | ".join(names_of(e))}
        if e["members"].strip():
            attributes["members"] = e["members"].strip()
        if e["listed"] == "true":
            attributes["listed"] = "true"
        notes = [e["note"].strip()] if e["note"].strip() else []
        figure_rows = [c for c in rows_of.get(e["id"], []) if c["decision"] == "figures"]
        if len(figure_rows) > 1:
            problems.append(f"entity {e['id']}: more than one figures row")
        values = {}
        sources = []
        if figure_rows:
            c = figure_rows[0]
            where = f"curation {c['file']}:{c['row']}"
            curated = parse_kv(c["figures"])
            inputs = parse_kv(c["inputs"])
            for key in curated:
                if key not in FIGURE_FIELDS:
                    problems.append(f"{where}: unknown figure {key!r}")
            for key in inputs:
                if key not in INPUT_KEYS:
                    problems.append(f"{where}: unknown input {key!r}")
            if inputs.get("method") and inputs["method"] not in METHODS:
                problems.append(f"{where}: unknown method {inputs['method']!r}")
            computed, lines = compute_figures(e["id"], inputs, links, e["sector"])
            if explain is not None:
                explain[e["id"]] = (computed, lines)
            for key in COMPUTED_FIGURES:
                if key in computed and key not in curated:
                    problems.append(f"{where}: figure {key} is computable from the inputs but not curated "
                                    f"({fmt(computed[key])})")
            for key, raw in curated.items():
                try:
                    v = float(raw)
                except ValueError:
                    problems.append(f"{where}: figure {key}={raw!r} is not a number")
                    continue
                if key in COMPUTED_FIGURES:
                    if key not in computed:
                        problems.append(f"{where}: figure {key} needs the inputs to compute it")
                    elif abs(computed[key] - v) > TOLERANCE:
                        problems.append(f"{where}: curated {key} {raw} differs from the arithmetic ({fmt(computed[key])})")
                    elif "=" not in c["reason"]:
                        problems.append(f"{where}: the reason must show the arithmetic")
                if key in ("revenueGrowth", "costsGrowth"):
                    if v <= -1:
                        problems.append(f"{where}: {key} must be > -1")
                elif v < 0:
                    problems.append(f"{where}: {key} must be >= 0")
                values[key] = v
            for key in FIGURE_FIELDS:
                if key in values:
                    entity[key] = number(Decimal(str(round(values[key], 4))))
            as_of = inputs.get("figuresAsOf") or inputs.get("cashAsOf") or inputs.get("debtAsOf") or (
                inputs["period"].split("..")[1] if inputs.get("period") else None)
            if as_of:
                entity["asOf"] = as_of
            notes.append(text(c["reason"]))
            attributes["figuresRow"] = f"{c['file']}:{c['row']}"
            if "cash" in values and inputs.get("cashBasis") not in ("reported", "computed", "derived"):
                problems.append(f"{where}: a cash figure needs cashBasis=reported|computed|derived in the inputs")
            for key in ("method", "period", "revenueReported", "cashAsOf", "cashBasis"):
                if inputs.get(key):
                    attributes[{"method": "costsMethod", "period": "figuresPeriod"}.get(key, key)] = inputs[key]
            used = [c] + [r for r in rows_of.get(e["id"], []) if r["decision"] == "input"]
            for r in used:
                fact = facts[r["file"]][int(r["row"]) - 1]
                if fact.get("source") and fact["source"] not in sources:
                    sources.append(fact["source"])
            attributes["figureRows"] = ", ".join(f"{r['file']}:{r['row']}" for r in used)
        unknown = [f for f in ("cash", "revenue", "costs", "capital", "valuation", "externalLiabilities")
                   if f not in entity]
        attributes["unknownFigures"] = ", ".join(unknown)
        entity["source"] = "; ".join(sources) if sources else (
            "links and annotations from " + ", ".join(sorted(set(mentioned.get(e["id"], []))))
            if mentioned.get(e["id"]) else "annotations only")
        if notes:
            entity["note"] = " ".join(n if n.endswith((".", "!", "?")) else n + "." for n in notes)
        entity["attributes"] = dict(sorted(attributes.items()))
        result.append(entity)
    return result


def build_annotations(facts, curation, problems):
    annotations = []
    for c in curation:
        file, n = c["file"], int(c["row"])
        if file not in ("facts", "flows", "stakes") or c["decision"] not in ("annotation", "terms", "input", "stake"):
            continue
        fact = facts[file][n - 1]
        payer, recipient = fact_parties(file, fact)
        category = c["category"] if c["decision"] == "annotation" else c["decision"]
        annotation = {"from": c["from"] or payer, "to": c["to"] or recipient, "type": category}
        amount = fact_amount(file, fact) if file != "stakes" else None
        if amount is not None:
            annotation["amount"] = number(amount)
        kind = fact.get("amount_kind") or (f"stake {fact['share_percent']}%" if fact.get("share_percent") else "stake")
        annotation["amountKind"] = kind
        annotation["date"] = fact.get("date", "")
        annotation["source"] = fact.get("source", "")
        annotation["reason"] = c["reason"].strip()
        description = f"{fact['type']}: {payer} -> {recipient}" if file != "stakes" else f"stake: {payer} in {recipient}"
        annotation["note"] = f"{FILES[file]} row {n} ({description})." + (
            f" {text(CLASS_TAG.sub('', fact.get('notes', '')))}" if fact.get("notes") else "")
        annotations.append(annotation)
    return annotations


def check(facts, entities, curation, links, problems):
    expected = [(file, str(i)) for file in FILES for i in range(1, len(facts[file]) + 1)]
    seen = [(c["file"], c["row"]) for c in curation]
    if seen != expected:
        missing = sorted(set(expected) - set(seen))[:10]
        extra = [s for s in seen if s not in set(expected)][:10]
        problems.append(f"curation must list every fact row once, in file order ({', '.join(FILES)}), then row "
                        f"order; missing {missing}, unexpected {extra}")
    by_id = {}
    names = {}
    for e in entities:
        if not SLUG.match(e["id"]):
            problems.append(f"entity {e['id']!r}: id is not a lowercase slug")
        if e["id"] in by_id:
            problems.append(f"entity {e['id']!r}: duplicate id")
        by_id[e["id"]] = e
        if e["fundingSource"] not in ("", "true", "false"):
            problems.append(f"entity {e['id']}: fundingSource must be empty, true or false")
        if e["listed"] not in ("", "true"):
            problems.append(f"entity {e['id']}: listed must be empty or true")
        for name in names_of(e):
            if name in names:
                problems.append(f"facts name {name!r} is claimed by {names[name]} and {e['id']}")
            names[name] = e["id"]
    link_rows = {f"{c['file']}:{c['row']}": c for c in curation if c["decision"] == "link"}
    links_by_ref = {l["attributes"]["facts"]: l for l in links}
    for c in curation:
        where = f"curation {c['file']}:{c['row']}"
        if c["file"] not in FILES or not c["row"].isdigit():
            continue
        if c["decision"] not in DECISIONS[c["file"]]:
            problems.append(f"{where}: decision {c['decision']!r} not allowed for {c['file']} rows "
                            f"({sorted(DECISIONS[c['file']])})")
        if not c["reason"].strip():
            problems.append(f"{where}: every decision needs a reason")
        if c["decision"] == "annotation" and c["category"] not in CATEGORIES:
            problems.append(f"{where}: category must be one of {sorted(CATEGORIES)}")
        if c["decision"] != "annotation" and c["category"]:
            problems.append(f"{where}: only an annotation has a category")
        if c["decision"] != "link":
            for field in ("kind", "amount", "low", "high", "confidence", "start", "termYears", "schedule", "rate",
                          "maturity", "seniority", "collateral", "maxLtv", "runRate", "dating"):
                if c[field] and not (field == "share" and c["decision"] == "stake"):
                    problems.append(f"{where}: {field} belongs on the link row, not a {c['decision']} row")
        if c["decision"] in ("terms", "stake"):
            targets = [t.strip() for t in c["target"].split(",") if t.strip()]
            if not targets:
                problems.append(f"{where}: a {c['decision']} row names its target link (file:row)")
            for t in targets:
                if not REF.match(t) or t not in link_rows:
                    problems.append(f"{where}: target {t!r} is not a link row")
                elif c["decision"] == "stake":
                    link = links_by_ref.get(t)
                    if link is None or link["kind"] != "Equity" or "share" not in link:
                        problems.append(f"{where}: target {t} is not an Equity link with a share")
                    elif c["share"] and abs(float(c["share"]) - link["share"]) > 1e-12:
                        problems.append(f"{where}: share {c['share']} differs from the link's {link['share']}")
        if c["decision"] in ("figures",) and not c["entity"]:
            problems.append(f"{where}: a figures row names its entity")
    shares = {}
    for link in links:
        if "share" in link:
            shares.setdefault(link["to"], []).append(link)
    for recipient, held in shares.items():
        total = sum(l["share"] for l in held)
        if total > 1 + 1e-12:
            problems.append(f"shares into {recipient} sum to {total} > 1: "
                            + ", ".join(l["attributes"]["facts"] for l in held))
    for link in links:
        if "share" in link:
            refs = [c for c in curation if c["decision"] == "stake" and link["attributes"]["facts"] in c["target"]]
            if not refs and "share" not in link["attributes"]["curation"].lower():
                problems.append(f"link {link['attributes']['facts']}: a share needs a stake row or its source in the reason")


# The holdings layer: the assets the collateralised loans name (docs/fire-sales.md). A debt link's `collateral`
# names an asset id; the file must declare it. Holdings are the market value each borrower holds at the asOf.
ASSETS = [
    {"id": "gpu-collateral", "name": "GPUs pledged as collateral",
     "source": "graphs/sources/curation.csv (the GPU-backed loans' rows) and the GPU purchases in the graph",
     "note": "Accelerator servers that secure GPU-backed loans (CoreWeave's DDTLs, OEM financing and term loan; "
             "the xAI Colossus 2 SPV's facility; IREN's and Lambda's GPU financings). One asset for all of them: "
             "the facts give no split by chip generation. No market depth in the facts."},
    {"id": "arm-shares", "name": "Arm Holdings shares held by SoftBank",
     "source": "ai-chain-facts.csv row 140; flows.csv row 80 (margin loan secured on Arm shares)",
     "note": "Collateral of SoftBank's Arm margin loan. The facts give no value of SoftBank's Arm stake and no "
             "loan-to-value trigger, so the asset is declared without a holding (a gap, listed in graphs/README.md)."},
]


def build_holdings(links):
    """Who holds gpu-collateral at the asOf, and how much: for each borrower on GPU-backed debt, the larger of
    (a) the GPU purchases it paid before the asOf month (links in the graph; what it bought is what it holds) and
    (b) the GPU-backed debt it carries (a lender lends at most the collateral's value, so the fleet is worth at
    least that). Both are estimates from the graph's own links; the note shows the arithmetic."""
    holdings = []
    borrowers = sorted({l["to"] for l in links if l.get("collateral") == "gpu-collateral"})
    for borrower in borrowers:
        secured = [l for l in links if l["to"] == borrower and l.get("collateral") == "gpu-collateral"]
        bought = [l for l in links if l["from"] == borrower and l["kind"] == "GpuPurchase"
                  and start_month(l) < AS_OF_MONTH]
        debt = sum(Decimal(str(l["amount"])) for l in secured)
        purchases = sum(Decimal(str(l["amount"])) for l in bought)
        if purchases >= debt:
            amount = purchases
            how = ("estimate: the GPUs it bought before the asOf, " +
                   " + ".join(f"{fmt(Decimal(str(l['amount'])))} ({l['from']} -> {l['to']}, {l.get('start') or l.get('date')})"
                              for l in bought) +
                   f" = {fmt(purchases)}; at least its GPU-backed debt {fmt(debt)}")
        else:
            amount = debt
            how = ("estimate, a lower bound: the GPU-backed debt it carries, " +
                   " + ".join(f"{fmt(Decimal(str(l['amount'])))} ({l['from']})" for l in secured) +
                   f" = {fmt(debt)} (a lender lends at most the collateral's value; the facts give no fleet value)")
        holdings.append({"entity": borrower, "asset": "gpu-collateral", "amount": number(amount), "note": how})
    return holdings


def build(facts, entities, curation, explain=None):
    problems = []
    links = build_links(facts, entities, curation, problems)
    check(facts, entities, curation, links, problems)
    built_entities = build_entities(facts, entities, curation, links, problems, explain)
    annotations = build_annotations(facts, curation, problems)
    present = {l["from"] for l in links} | {l["to"] for l in links} | \
        {a["from"] for a in annotations} | {a["to"] for a in annotations}
    for e in built_entities:
        if e["id"] not in present:
            problems.append(f"entity {e['id']} appears in no link or annotation")
    if problems:
        raise CurationError("\n".join(problems))
    network = {
        "format": "aicontagion/1",
        "title": "The AI financing chain: sourced deals, dated cash flows and balance sheets, 2019-2027",
        "unit": "USD bn",
        "asOf": AS_OF,
        "description": (
            "Who pays whom in the AI economy: chipmakers, hyperscalers, GPU clouds, data-centre vehicles, model labs "
            "and app start-ups, and the venture, private-equity, private-credit, bank, bond-market, sovereign and "
            "conglomerate money behind them. Links point the way money moves and carry what they pay from their "
            "start: a contract's total with its term, a round's size in its closing month (or its tranches as a "
            "schedule), a loan with its rate and maturity where the facts give them; estimated amounts carry low and "
            "high. Entities carry cash at or near the asOf, and revenue and costs as yearly flows from and to outside "
            "the graph (the in-graph flows modelled as links are taken out of the reported figures; the arithmetic "
            "is in each entity's note). Every link, annotation and figure is one row of the curation "
            "(graphs/sources/curation.csv) over the five fact files. Built by graphs/sources/build_ai_chain.py; see "
            "graphs/README.md."),
        "sources": [
            "graphs/sources/ai-chain-facts.csv: 150 sourced deal rows (press reports, company filings, secondary "
            "summaries); each link and annotation carries its row's source and date",
            "graphs/sources/ai-chain-nodes.csv: 27 balance-sheet rows (revenue, loss, cash, debt)",
            "graphs/sources/flows.csv: 105 flow rows: GPU-purchase estimates, capex, contract terms and start dates, "
            "debt with rates and maturities",
            "graphs/sources/balance-sheets.csv: 61 period-stamped balance-sheet, cash-flow and burn rows",
            "graphs/sources/stakes.csv: 20 ownership-stake rows",
            "graphs/sources/entities.csv: hand-curated entity table",
            "graphs/sources/curation.csv: one decision per fact row (link, terms, stake, figures, input or "
            "annotation) with the reason and the arithmetic of every computed number",
        ],
        "entities": built_entities,
        "links": links,
        "annotations": annotations,
        "assets": ASSETS,
        "holdings": build_holdings(links),
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
    explain = {} if "--explain" in argv else None
    try:
        content = render(build(*load(), explain=explain))
    except CurationError as error:
        print("curation problems:\n" + str(error), file=sys.stderr)
        if explain:
            for entity_id, (_, lines) in sorted(explain.items()):
                print(f"{entity_id}: " + "; ".join(lines))
        return 2
    if explain is not None:
        for entity_id, (figures, lines) in sorted(explain.items()):
            print(f"{entity_id}: " + "; ".join(lines))
        return 0
    if "--check" in argv:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != content:
                print(f"{OUTPUT} is out of date: run python3 graphs/sources/build_ai_chain.py", file=sys.stderr)
                return 1
        print(f"{OUTPUT} is up to date")
        return 0
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=os.path.dirname(OUTPUT),
                                     delete=False, prefix=".ai-chain.", suffix=".tmp") as f:
        f.write(content)
        temporary = f.name
    os.replace(temporary, OUTPUT)
    network = json.loads(content)
    print(f"wrote {OUTPUT}: {len(network['entities'])} entities, {len(network['links'])} links, "
          f"{len(network['annotations'])} annotations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
