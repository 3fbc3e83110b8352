"""Plan fulfilment on the pages: a district's targets and results over the years, and one year across districts.

The rows are the computed ``pg:Fulfilment`` of the graph ``id/graph/fulfilment`` with the stated figures they
join; every value links to its figure, and the figure's page to its sentence. The chart is drawn on the server.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote_plus, urlencode

from flask import abort, render_template, request
from markupsafe import Markup, escape

from ...store.query import run_query
from .. import get_store
from . import bp
from .describe import labels, node
from .i18n import language, word
from .plan_chart import plan_chart
from .terms import pick, term_labels

OUTCOME = "https://w3id.org/plangraph/def#"
# The fulfilments of one indicator (its exactMatch names too), of one place or of one year, and the figures they
# are derived from; then those figures. Two small queries: one joining both ran 4.7 s at 100 reports, as Oxigraph
# started from the figures of every report graph.
ROWS = """SELECT ?f ?place ?year ?outcome ?gap ?other ?figure WHERE {{
  {where}
  {i} (skos:exactMatch|^skos:exactMatch)* ?indicator .
  ?f pg:indicator ?indicator ; pg:place ?place ; sdmx-dimension:refPeriod ?y ; pg:outcome ?outcome ;
     prov:wasDerivedFrom ?figure .
  OPTIONAL {{ ?y skos:notation ?year }} OPTIONAL {{ ?f pg:gap ?gap }} OPTIONAL {{ ?f pg:otherTarget ?other }}
}}"""
FIGURES = """SELECT ?figure ?role ?value ?unit ?period WHERE {{ VALUES ?figure {{ {figures} }}
  ?figure pg:role ?role ; pg:value ?value ; sdmx-dimension:refPeriod ?p . ?p skos:notation ?period .
  OPTIONAL {{ ?figure pg:unit ?u . ?u rdfs:label ?unit }}
}}"""


@dataclass
class Row:
    """One fulfilment as a page shows it: a target of a place in a year and the results against it."""

    iri: str
    place: str
    year: str
    outcome: str
    gap: Decimal | None
    targets: list = field(default_factory=list)  # [(figure IRI, value, unit, period)]
    part: list = field(default_factory=list)
    full: list = field(default_factory=list)
    other: bool = False

    @property
    def unit(self) -> str:
        return self.targets[0][2] if self.targets else ""

    @property
    def target(self) -> Decimal | None:
        return self.targets[0][1] if self.targets else None


def rows(store, indicator: str, place: str | None = None, year: str | None = None) -> list[Row]:
    """The fulfilments of ``indicator`` in ``place`` (every year) or in ``year`` (every place)."""
    where = f"VALUES ?place {{ {node(place)} }}" if place else f'?y skos:notation "{int(year)}" .'
    found: dict[str, Row] = {}
    sources: dict[str, set[str]] = {}
    # Rows unpacked by position: naming a column of a pyoxigraph solution costs more than the row itself.
    for f, at, year, outcome, gap, other, figure in run_query(store, ROWS.format(i=node(indicator), where=where)):
        row = found.setdefault(f.value, Row(f.value, at.value, year.value, outcome.value.rpartition("#")[2],
                                            Decimal(gap.value) if gap is not None else None))
        row.other = row.other or other is not None
        sources.setdefault(figure.value, set()).add(row.iri)
    if sources:
        _place_figures(store, found, sources)
    return sorted(found.values(), key=lambda r: (r.place, r.year, r.target or 0, r.iri))


def _place_figures(store, found: dict[str, Row], sources: dict[str, set[str]]) -> None:
    """Put each figure in its rows: a target, a part-year result (a period within the year) or the full year's."""
    figures = " ".join(node(f) for f in sorted(sources))
    for figure, role, value, unit, period in run_query(store, FIGURES.format(figures=figures)):
        cell = (figure.value, Decimal(value.value), unit.value if unit else "", period.value)
        for iri in sources[cell[0]]:
            row = found[iri]
            kind = "Target" in role.value
            cells = row.targets if kind else (row.full if cell[3] == row.year else row.part)
            if cell not in cells:
                cells.append(cell)
    for row in found.values():
        for cells in (row.targets, row.part, row.full):
            cells.sort(key=lambda c: (c[3], c[0]))


def plan_cells(cells: list, href) -> Markup:
    """A cell of the plan table: each figure's value linked, with its period when it says more than the year."""
    out = []
    for n, (iri, value, unit, period) in enumerate(cells):
        out.append(f'<a href="{escape(href(iri))}" title="{escape(period)}">{escape(value)}{escape(unit)}</a>')
        if len(cells) > 1 or len(period) > 4:
            out.append(f' <span class="period">{escape(period)}</span>')
        if n < len(cells) - 1:
            out.append("<br>")
    return Markup("".join(out))


def outcome_label(outcome: str, lang: str) -> str:
    """The outcome's name in the page's language, from the ontology (完成 / met)."""
    return pick(term_labels().get(OUTCOME + outcome, {}), lang) or outcome


def indicator_plan(store, indicator: str, place: str | None, lang: str) -> dict | None:
    """The plan section of an indicator page: one place's fulfilment table and its chart."""
    if not place:
        return None
    found = rows(store, indicator, place=place)
    if not found:
        return None
    csv = f"{request.script_root}/table/fulfilment.csv?{urlencode({'indicator': indicator, 'place': place})}"
    compare = f"{request.script_root}/compare?{urlencode({'indicator': indicator})}&year="
    title = escape(word("compare_link", lang))
    return {"rows": found, "charts": [c for c in (plan_chart(group, lang) for group in _by_unit(found)) if c],
            "outcome": lambda o: outcome_label(o, lang), "csv": csv, "year_link": lambda r: Markup(
                f'<a href="{escape(compare + quote_plus(r.year))}" title="{title}">{escape(r.year)}</a>')}


def _by_unit(found: list[Row]) -> list[list[Row]]:
    units: dict[str, list[Row]] = {}
    for row in found:
        units.setdefault(row.unit, []).append(row)
    return list(units.values())


@bp.route("/compare")
def compare():
    """One indicator and year across places: each place's target, results and outcome."""
    indicator, year = request.args.get("indicator", ""), request.args.get("year", "")
    if not indicator or not year.isdigit():
        abort(400, "Name an indicator IRI and a year: /compare?indicator=IRI&year=2022")
    store, lang = get_store(), language()
    found = rows(store, indicator, year=year)
    names = labels(store, {indicator} | {r.place for r in found})
    places = {r.place: pick(names.get(r.place, {}), lang) or r.place for r in found}
    found.sort(key=lambda r: (places[r.place], r.target or 0))
    csv = f"{request.script_root}/table/fulfilment.csv?{urlencode({'indicator': indicator, 'year': year})}"
    return render_template("pages/compare.html", rows=found, year=year, indicator=indicator, csv=csv,
                           indicator_name=pick(names.get(indicator, {}), lang) or indicator,
                           outcome=lambda o: outcome_label(o, lang), place_of=lambda r: places[r.place],
                           charts=[c for c in (plan_chart(g, lang, by="place", names=places) for g in _by_unit(found))
                                   if c]), {"Vary": "Cookie"}
