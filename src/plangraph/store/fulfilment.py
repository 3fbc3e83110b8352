"""Follow a plan through its documents: for each place × indicator × year, the target against the results.

The annual report of January sets the year's targets, the half-year report of August gives the results so far,
the next January's report the full-year results. They meet here through shared IRIs: the place, the indicator
(names the indicator map links with ``skos:exactMatch`` count as one) and the year of the periods. Each
fulfilment is a computed ``pg:Fulfilment`` in the graph ``id/graph/fulfilment``, ``prov:wasDerivedFrom`` the
stated figures it joins, with its outcome (met, missed, not yet known) and the gap of the full-year result to
the target. A target stated twice with different numbers or words stays two fulfilments, each naming the
other with ``pg:otherTarget``: the difference is shown, never merged away.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from ..rdf.graph import new_graph
from ..rdf.iris import Minter
from ..rdf.vocab import PG, SDMX_DIMENSION
from .query import run_query
from .tables import base_unit

GRAPH_PATH = "id/graph/fulfilment"
TARGETS = {"TargetGrowth": "YearOnYearGrowth", "TargetLevel": "ResultLevel"}  # target role → its result role
# The share of the year a part-year period has run: 2022-S1 → 50 %. Example: 上半年 … 完成年度目标的52.6%.
ELAPSED = {"Q1": Decimal(25), "S1": Decimal(50), "Q1Q2": Decimal(50), "Q1Q3": Decimal(75)}

# The unit's name is joined in one OPTIONAL with the unit: as two, the second (?u unbound where a figure has
# no unit) matched every label of the store, 10.6 s of 10.7 at 100 reports.
FIGURES = """SELECT ?figure ?report ?reportCode ?place ?indicator ?role ?code ?value ?normalized ?unit ?qualifier
       ?direction WHERE {
  GRAPH ?report {
    ?report pg:district ?place ; pg:period ?reportPeriod .
    ?figure pg:role ?role ; pg:indicator ?indicator ; sdmx-dimension:refPeriod ?period ;
            pg:derivation pg:Stated ; pg:value ?value ; pg:normalizedValue ?normalized .
    VALUES ?role { pg:TargetGrowth pg:TargetLevel pg:YearOnYearGrowth pg:ResultLevel }
    OPTIONAL { ?figure pg:qualifier ?qualifier }
  }
  OPTIONAL { ?period skos:notation ?code } OPTIONAL { ?reportPeriod skos:notation ?reportCode }
  OPTIONAL { GRAPH ?report { ?figure pg:unit ?u } ?u rdfs:label ?unit } OPTIONAL { ?indicator pg:direction ?direction }
}"""
SAME = "SELECT ?a ?b WHERE { ?a skos:exactMatch ?b }"
NAMES = """SELECT ?s ?name WHERE { VALUES ?c { pg:District pg:Indicator }
  ?s a ?c ; rdfs:label ?name . FILTER (lang(?name) = "zh") }"""


@dataclass(frozen=True)
class Figure:
    """A stated figure that takes part in a fulfilment: a target or a result."""

    iri: str
    report: str
    report_period: str
    place: str
    indicator: str
    role: str
    period: str
    value: Decimal
    normalized: Decimal
    unit: str
    qualifier: str = ""
    lower_is_better: bool = False

    @property
    def year(self) -> str:
        return self.period[:4]

    @property
    def part(self) -> str:
        """The part of the year (S1, Q1Q3), empty for the whole year."""
        return self.period[5:]


@dataclass(frozen=True)
class Fulfilment:
    """One target of a place's indicator in a year, the results against it, and how it came out."""

    place: str
    indicator: str
    year: str
    targets: tuple[Figure, ...]
    part_year: tuple[Figure, ...]
    full_year: tuple[Figure, ...]
    status: str  # Met, Missed, NotYetKnown
    gap: Decimal | None

    @property
    def target(self) -> Figure:
        return self.targets[0]

    def key(self) -> str:
        """What tells this target from another of the same place, indicator and year: ``growth-7``."""
        kind = "growth" if self.target.role == "TargetGrowth" else "level"
        return f"{kind}-{_plain(self.target.normalized)}" + (f"-{self.target.qualifier}" if self.target.qualifier
                                                             else "")


def read_figures(store) -> list[Figure]:
    """The stated targets and results of every report of the store, indicators joined through exactMatch."""
    canonical = _canonical([(r["a"].value, r["b"].value) for r in run_query(store, SAME)])
    text = lambda row, key: row[key].value if row[key] is not None else ""  # noqa: E731
    found = {}
    for r in run_query(store, FIGURES):
        if not text(r, "code"):
            continue
        found[r["figure"].value] = Figure(
            r["figure"].value, r["report"].value, text(r, "reportCode"), r["place"].value,
            canonical.get(r["indicator"].value, r["indicator"].value), r["role"].value.rpartition("#")[2],
            text(r, "code"), Decimal(r["value"].value), Decimal(r["normalized"].value), text(r, "unit"),
            text(r, "qualifier").rpartition("#")[2], text(r, "direction") == str(PG.LowerIsBetter))
    return sorted(found.values(), key=lambda f: (f.place, f.indicator, f.year, _published(f.report_period), f.iri))


def _published(report_period: str) -> tuple[int, Decimal]:
    """When a report of the period comes out: 2020 in January 2021, before 2021-S1 in August 2021."""
    year, _, part = report_period.partition("-")
    if not year.isdigit():
        return (0, Decimal(0))
    return (int(year), ELAPSED.get(part, Decimal(0))) if part else (int(year) + 1, Decimal(0))


def _canonical(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Each indicator of an exactMatch group → the group's first IRI, so that the group is one indicator."""
    groups: dict[str, set[str]] = {}
    for a, b in pairs:
        merged = groups.get(a, {a}) | groups.get(b, {b})
        for member in merged:
            groups[member] = merged
    return {member: min(group) for member, group in groups.items()}


def join(figures: list[Figure]) -> list[Fulfilment]:
    """Join the targets and results of each place × indicator × year into fulfilments (one per distinct target)."""
    joined = []
    for _, group in groupby(figures, key=lambda f: (f.place, f.indicator, f.year)):
        group = list(group)
        claims: dict[tuple, list[Figure]] = {}
        for target in (f for f in group if f.role in TARGETS):
            claims.setdefault((target.role, target.normalized, base_unit(target.unit), target.qualifier),
                              []).append(target)
        for targets in claims.values():
            joined.append(_fulfilment(tuple(targets), group))
    return joined


def _fulfilment(targets: tuple[Figure, ...], group: list[Figure]) -> Fulfilment:
    target = targets[0]
    results = [f for f in group if f.role == TARGETS[target.role] and base_unit(f.unit) == base_unit(target.unit)]
    part = tuple(f for f in results if f.part)
    full = tuple(f for f in results if not f.part)
    status, gap = "NotYetKnown", None
    if full:
        result = full[-1]  # the latest report's, when several state it
        gap = ((result.normalized - target.normalized) / _scale(target)).quantize(Decimal("0.0001"))
        lower = target.qualifier == "Within" or target.lower_is_better
        status = "Met" if (gap <= 0 if lower else gap >= 0) else "Missed"
    return Fulfilment(target.place, target.indicator, target.year, targets, part, full, status, gap)


def _scale(figure: Figure) -> Decimal:
    """The factor from the figure's stated unit to its base unit (10^8 for 亿元)."""
    return figure.normalized / figure.value if figure.value else Decimal(1)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", "_").replace("-", "minus")


def names(store) -> dict[str, str]:
    """The Chinese names of the places and indicators of the store."""
    return {r["s"].value: r["name"].value for r in run_query(store, NAMES)}


def fulfilment_graph(items: list[Fulfilment], minter: Minter, named: dict[str, str] | None = None) -> Graph:
    """The fulfilments as triples, in the graph ``id/graph/fulfilment``, labelled with ``named`` names."""
    graph = new_graph(minter.iri(GRAPH_PATH))
    iris = {id(f): minter.fulfilment(f.place, f.indicator, f.year, f.key()) for f in items}
    for item in items:
        _add(graph, iris[id(item)], item, minter, named or {})
    for _, same in groupby(items, key=lambda f: (f.place, f.indicator, f.year)):
        same = list(same)
        for one in same:
            for other in same:
                if other is not one:
                    graph.add((iris[id(one)], PG.otherTarget, iris[id(other)]))
    return graph


def _add(graph: Graph, iri: URIRef, item: Fulfilment, minter: Minter, named: dict[str, str]) -> None:
    add = graph.add
    add((iri, RDF.type, PG.Fulfilment))
    who = " · ".join(n for n in (named.get(item.place), named.get(item.indicator)) if n)
    add((iri, RDFS.label, Literal(f"{who + ' · ' if who else ''}{item.year}年计划完成情况 · "
                                  f"{item.target.value}{item.target.unit}", lang="zh")))
    add((iri, PG.place, URIRef(item.place)))
    add((iri, PG.indicator, URIRef(item.indicator)))
    add((iri, SDMX_DIMENSION.refPeriod, minter.period(item.year)))
    add((iri, PG.outcome, PG[item.status]))
    if item.gap is not None:
        add((iri, PG.gap, Literal(format(item.gap.normalize(), "f"), datatype=XSD.decimal)))
    for prop, figures in ((PG.target, item.targets), (PG.partYearResult, item.part_year),
                          (PG.fullYearResult, item.full_year)):
        for figure in figures:
            add((iri, prop, URIRef(figure.iri)))
            add((iri, PROV.wasDerivedFrom, URIRef(figure.iri)))


def fulfilments(store) -> list[Fulfilment]:
    """Every fulfilment the store's reports state the figures of."""
    return join(read_figures(store))
