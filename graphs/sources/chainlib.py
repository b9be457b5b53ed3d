"""Shared definitions for the AI-chain build, check and rough simulation scripts (plain Python 3, standard library).

The money-timing rules here are the ones the runway model applies (graphs/README.md, "Dated cash flows"):
  * a link's payments begin at `start` (absent: the link's `date` if it reads as a month, else the network asOf);
  * `schedule`: the listed monthly payments; `termYears`: amount / (12 x termYears) each month from `start`;
  * neither: a claim (Equity, Loan, Bond, CreditFacility, VendorFinancing, SpvContribution) is paid once in its start
    month, a commercial link (ComputeContract, GpuPurchase, ApiSpend, Lease, RevenueShare, Services) over 12 months;
  * debt kinds with a `rate`: the borrower (the link's `to`) pays amount x rate / 12 a month from the month after each
    disbursement until `maturity`, and the principal in the maturity month (debt service flows to -> from).
"""

import re
from decimal import Decimal

AS_OF = "2026-01-01"          # the network's asOf (see graphs/README.md for why)
HORIZON = 24                  # months simulated from the asOf month (month 1 = the asOf month)

SECTORS = ["ChipMaker", "Hyperscaler", "Neocloud", "DataCentreVehicle", "ModelLab", "AppStartup",
           "VentureCapital", "PrivateEquity", "PrivateCredit", "Bank", "PublicMarkets", "Sovereign",
           "Conglomerate", "Other"]
FUNDER_SECTORS = {"VentureCapital", "PrivateEquity", "PrivateCredit", "Bank", "PublicMarkets", "Sovereign",
                  "Conglomerate"}
KINDS = ["Equity", "Loan", "Bond", "CreditFacility", "VendorFinancing", "SpvContribution", "ComputeContract",
         "GpuPurchase", "ApiSpend", "Lease", "RevenueShare", "Services"]
CLAIM_KINDS = set(KINDS[:6])
COMMERCIAL_KINDS = set(KINDS[6:])
DEBT_KINDS = {"Loan", "Bond", "CreditFacility", "VendorFinancing"}

MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def month_index(text):
    """'YYYY-MM' or 'YYYY-MM-DD' -> months since year 0 (None when the text is not a month)."""
    match = MONTH.match((text or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    return year * 12 + month - 1


def month_text(index):
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


AS_OF_MONTH = month_index(AS_OF)
HORIZON_MONTHS = range(AS_OF_MONTH, AS_OF_MONTH + HORIZON)


def start_month(link):
    for candidate in (link.get("start"), link.get("date")):
        index = month_index(candidate)
        if index is not None:
            return index
    return AS_OF_MONTH


def term_months(term_years):
    months = Decimal(str(term_years)) * 12
    return int(months) if months == months.to_integral_value() else None


def disbursements(link):
    """The link's payments from -> to as [(month index, amount)]."""
    if link.get("schedule"):
        return [(month_index(p["date"]), float(p["amount"])) for p in link["schedule"]]
    start = start_month(link)
    amount = float(link["amount"])
    if link.get("termYears") is not None:
        n = term_months(link["termYears"])
        return [(start + i, amount / n) for i in range(n)]
    if link["kind"] in CLAIM_KINDS:
        return [(start, amount)]
    return [(start + i, amount / 12) for i in range(12)]


def debt_service(link, last_month):
    """What the borrower pays back (to -> from) on a debt link as [(month, amount, 'interest'|'principal')], up to and
    including last_month: interest amount x rate / 12 a month after each disbursement until maturity (when a rate is
    given), the principal in the maturity month (when a maturity is given)."""
    if link["kind"] not in DEBT_KINDS:
        return []
    rate = float(link["rate"]) if link.get("rate") is not None else None
    maturity = month_index(link.get("maturity")) if link.get("maturity") else None
    payments = []
    for month, amount in disbursements(link):
        if rate:
            end = min(last_month, maturity) if maturity is not None else last_month
            for m in range(month + 1, end + 1):
                payments.append((m, amount * rate / 12, "interest"))
        if maturity is not None and maturity <= last_month:
            payments.append((maturity, amount, "principal"))
    return payments


def parse_period(text):
    """'YYYY-MM..YYYY-MM' -> (first month, last month), inclusive."""
    first, last = text.split("..")
    return month_index(first), month_index(last)


def netting(entity_id, links, period, excluded=()):
    """What the firm's reported annual figures already contain of the flows the graph models as links, per year of
    its reference period: a list of (side, label, yearly value, how, kind) with side 'in' (commercial receipts),
    'out' (commercial payments) or 'interest' (interest it pays on in-graph debt with a rate).

    A run-rate link (attribute runRate: an estimated yearly flow held over the model's horizon) counts at its yearly
    rate, and other links of the same payer, recipient and kind are then left out; every other link counts the
    payments that fall inside the period, scaled to a year. Links named in `excluded` (facts references) are left
    out: the curation says why (e.g. a prepayment the firm has not yet booked as revenue)."""
    first, last = period
    length = last - first + 1
    run_rate_pairs = {(l["from"], l["to"], l["kind"]) for l in links if l.get("attributes", {}).get("runRate")}
    lines = []
    for link in links:
        attributes = link.get("attributes", {})
        ref = attributes.get("facts", "?")
        if ref in excluded:
            continue
        label = f"{ref} {link['from']}->{link['to']}"
        if link["kind"] in COMMERCIAL_KINDS and entity_id in (link["from"], link["to"]):
            if attributes.get("runRate"):
                value = float(link["amount"]) / float(link["termYears"])
                how = "yearly rate"
            elif (link["from"], link["to"], link["kind"]) in run_rate_pairs:
                continue
            else:
                inside = sum(a for m, a in disbursements(link) if first <= m <= last)
                if inside == 0:
                    continue
                value = inside * 12 / length
                how = "paid in the period" + ("" if length == 12 else f" x 12/{length}")
            lines.append(("in" if link["to"] == entity_id else "out", label, value, how, link["kind"]))
        if link["kind"] in DEBT_KINDS and link["to"] == entity_id and link.get("rate") is not None:
            paid = sum(a for m, a, what in debt_service(link, last) if what == "interest" and first <= m <= last)
            if paid:
                lines.append(("interest", label, paid * 12 / length, f"{float(link['rate']):g} a year", link["kind"]))
    return lines


def debt_in_graph(entity_id, links, as_of_month):
    """Principal of in-graph debt links into the firm disbursed by as_of_month and not yet repaid: [(label, amount)]."""
    result = []
    for link in links:
        if link["kind"] in DEBT_KINDS and link["to"] == entity_id:
            maturity = month_index(link.get("maturity")) if link.get("maturity") else None
            if maturity is not None and maturity <= as_of_month:
                continue
            amount = sum(a for m, a in disbursements(link) if m <= as_of_month)
            if amount:
                result.append((f"{link['attributes'].get('facts', '?')} {link['from']}", amount))
    return result


def fmt(value):
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"
