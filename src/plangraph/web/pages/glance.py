"""A report's main indicators at a glance: the year's target, the result so far, and how far along it is.

For a level target the share reached (stated, else result ÷ target) is set against the share of the year the
report's period has run (上半年 50%, 前三季度 75%, 全年 100%); for a growth target the growth so far is set
against the target growth. Every value links to its figure.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ...store.fulfilment import ELAPSED
from ...store.query import run_query
from .describe import node

# The report's targets and results, in its own graph; then where each is stated, and the names, for the few
# things found. Joined in one query, Oxigraph took 0.6 s at 100 reports; with the positions as an OPTIONAL it
# matched every span of the report to find those of 19 figures (4 ms of the seed's 5).
FIGURES = """SELECT ?figure ?indicator ?role ?value ?u WHERE {{
  GRAPH {r} {{ ?figure pg:indicator ?indicator ; pg:role ?role ; pg:value ?value .
    FILTER (?role IN (pg:TargetGrowth, pg:TargetLevel, pg:ResultLevel, pg:YearOnYearGrowth, pg:ShareOfTarget))
    OPTIONAL {{ ?figure pg:unit ?u }} }}
}}"""
STARTS = """SELECT ?figure ?start WHERE {{ VALUES ?figure {{ {figures} }}
  GRAPH {r} {{ ?figure prov:wasDerivedFrom ?span . ?span oa:hasSelector ?position . ?position oa:start ?start }}
}}"""
NAMES = """SELECT ?s ?name WHERE {{ VALUES ?s {{ {things} }} ?s rdfs:label ?name . FILTER (lang(?name) = "zh") }}"""
PAIRS = {"TargetGrowth": "YearOnYearGrowth", "TargetLevel": "ResultLevel"}


@dataclass(frozen=True)
class Glance:
    """One indicator of the report: its target and result (figure IRI, value, unit), and the progress."""

    at: int  # where the report states the target: the rows keep the report's order
    indicator: str
    name: str
    target: tuple
    result: tuple | None
    share: Decimal | None  # % of a level target reached
    ahead: bool | None     # share ≥ share of year elapsed, or growth ≥ target growth


def glance(store, report: str, period: str) -> dict:
    """The at-a-glance rows of a report, in the order the report states its indicators."""
    # Rows unpacked by position: naming a column of a pyoxigraph solution costs more than the row itself.
    found = [tuple(r) for r in run_query(store, FIGURES.format(r=node(report)))]
    things = {t.value for r in found for t in (r[1], r[4]) if t is not None}  # indicators and units
    names = {s.value: name.value
             for s, name in run_query(store, NAMES.format(things=" ".join(map(node, sorted(things)))))} if things else {}
    figures = {}
    starts = {f.value: int(start.value) for f, start in run_query(store, STARTS.format(
        r=node(report), figures=" ".join(sorted({node(r[0].value) for r in found}))))} if found else {}
    for figure, indicator, role, value, unit in found:
        at = starts.get(figure.value, 10 ** 9)
        figures.setdefault(indicator.value, []).append(
            (at, role.value.rpartition("#")[2], figure.value, Decimal(value.value),
             names.get(unit.value, "") if unit else "", names.get(indicator.value, indicator.value)))
    elapsed = ELAPSED.get(period[5:], Decimal(100)) if len(period) > 4 else Decimal(100)
    rows = [row for indicator, items in figures.items() for row in [_row(indicator, sorted(items), elapsed)] if row]
    return {"rows": sorted(rows, key=lambda g: (g.at, g.indicator)), "elapsed": elapsed}


def _row(indicator: str, items: list, elapsed: Decimal) -> Glance | None:
    targets = [i for i in items if i[1] in PAIRS]
    if not targets:
        return None
    at, role, iri, value, unit, name = targets[0]
    results = [i for i in items if i[1] == PAIRS[role] and (role != "TargetLevel" or i[4] == unit)]
    result = results[0] if results else None
    stated = [i[3] for i in items if i[1] == "ShareOfTarget"]
    share = None
    if role == "TargetLevel":
        share = stated[0] if stated else (
            (result[3] / value * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) if result and value else None)
    ahead = (share >= elapsed if share is not None else None) if role == "TargetLevel" else (
        result[3] >= value if result else None)
    return Glance(at, indicator, name, (iri, value, unit), (result[2], result[3], result[4]) if result else None,
                  share, ahead)
