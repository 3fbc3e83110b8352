"""Pages by class: a generic resource page, specialised for figures, indicators, places and reports."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

import pyoxigraph
from flask import abort, render_template, request

from ...rdf.vocab import PG, SDMX_DIMENSION
from ...store.query import run_query
from . import page_number
from .chart import bar_chart
from .derived import derived
from .describe import describe, incoming_page, labels, node, value, well_formed
from .glance import glance
from .i18n import language, word
from .terms import pick, term_comments
from .text import sources
from .twins import twin_links

PLACES = {str(PG[c]) for c in ("FunctionalArea", "Street", "Community", "WaterBody", "Plot", "District")}
# Where a resource describes itself, in order of preference; else its class's comment from the ontology.
DESCRIPTIONS = ("http://purl.org/dc/terms/description", "https://schema.org/description",
                "http://www.w3.org/2000/01/rdf-schema#comment")
TARGET_RESULT = (("TargetLevel", "ResultLevel"), ("TargetGrowth", "YearOnYearGrowth"))

# An indicator's figures in the reports of one district (a corpus holds hundreds of districts' figures).
FIGURES = """SELECT ?f ?role ?value ?unit ?period ?notation ?stated ?label ?derivation WHERE {{
  GRAPH ?r {{ ?r pg:district {d} . ?f pg:indicator {i} ; pg:role ?role ; sdmx-dimension:refPeriod ?period .
    OPTIONAL {{ ?f pg:value ?value }} OPTIONAL {{ ?f pg:unit ?unit }} OPTIONAL {{ ?f pg:statedText ?stated }}
    OPTIONAL {{ ?f rdfs:label ?label }} OPTIONAL {{ ?f pg:derivation ?derivation }} }}
  OPTIONAL {{ ?period skos:notation ?notation }}
}} ORDER BY ?notation ?f"""
# The districts whose reports state an indicator (``{only}`` binds ?i), with how many reports each: per
# request, this counted every figure of the indicator in the corpus.
DISTRICTS = """SELECT ?i ?d (COUNT(DISTINCT ?r) AS ?reports) WHERE {{ {only}
  GRAPH ?r {{ ?f pg:indicator ?i . ?r pg:district ?d }}
}} GROUP BY ?i ?d"""


def page(store, iri: str, path: str) -> str:
    """Render the page of ``iri``, specialised by its classes."""
    if request.args.get("in"):
        return incoming_list(store, iri, path, request.args["in"], page_number())
    lang = language()
    desc = describe(store, iri, lang)
    types = {t.text for t in desc.types}
    context = {"d": desc, "this": desc_label(desc, iri), "sources": sources(store, iri),
               "twins": twin_links(path), "path": path, "special": None,
               "description": description(desc, lang)}
    if str(PG.Report) in types:
        from .reader import reader
        context["special"] = "report"
        context["reader"] = reader(store, iri, desc)
        context["glance"] = glance(store, iri, _notation(store, desc))
        from .originals import original_of
        context["original"] = original_of(store, iri)
    elif str(PG.Figure) in types:
        context["special"] = "figure"
        context["figure"] = figure(store, desc, lang)
    elif str(PG.Indicator) in types:
        context["special"] = "indicator"
        context["indicator"] = indicator(store, iri, desc, lang)
    elif types & PLACES:
        from .places import place
        context["special"] = "place"
        context["place"] = place(store, iri, lang)
    return render_template("pages/resource.html", **context)


def _notation(store, desc) -> str:
    """The SDMX code of a report's period (2021-S1)."""
    period = desc.first(str(PG.period))
    if period is None:
        return ""
    found = list(run_query(store, f"SELECT ?c WHERE {{ {node(period.value)} skos:notation ?c }} LIMIT 1"))
    return found[0]["c"].value if found else ""


def description(desc, lang: str) -> str | None:
    """The resource's own description, else the ontology's comment on its first class that has one: each in
    the page's language where it is said in it."""
    for prop in DESCRIPTIONS:
        own = {getattr(v, "language", "") or "": v.value for v in desc.raw.get(prop, [])}
        if own:
            return pick(own, lang)
    comments = term_comments()
    return next((pick(comments[t.text], lang) for t in desc.types if t.text in comments), None)


def desc_label(desc, iri: str):
    """The resource itself as a Value (with its Chinese and English labels)."""
    return value(pyoxigraph.NamedNode(iri), desc.names, language())


def _name(desc, term, lang: str) -> str | None:
    if term is None:
        return None
    known = desc.names.get(term.value, {})
    return known.get(lang) or known.get("zh") or known.get("") or term.value


def figure(store, desc, lang: str) -> dict:
    """The figure's value with unit and qualifier, period, role, indicator and derivation."""
    raw = desc.first
    value = raw(str(PG.value))
    stated = raw(str(PG.statedText))
    unit, qualifier = raw(str(PG.unit)), raw(str(PG.qualifier))
    computed_from = desc.raw.get(str(PG.computedFrom), [])
    return {
        "value": value.value if value is not None else (stated.value if stated is not None else ""),
        "unit": _name(desc, unit, lang), "qualifier": _name(desc, qualifier, lang),
        "role": raw(str(PG.role)), "indicator": raw(str(PG.indicator)),
        "period": raw(str(SDMX_DIMENSION.refPeriod)), "derivation": raw(str(PG.derivation)),
        "computed": raw(str(PG.derivation)) is not None and raw(str(PG.derivation)).value == str(PG.Computed),
        "computed_sources": [s for f in computed_from for s in sources(store, f.value)],
    }


def _decimal(term) -> Decimal | None:
    try:
        return Decimal(term.value) if term is not None else None
    except InvalidOperation:
        return None


def indicator(store, iri: str, desc, lang: str) -> dict:
    """The indicator's figures in one district's reports (``?district=IRI``, else the first district by name):
    charts of target against result, its series across periods, and links to the other districts."""
    counts = district_reports(store, iri)
    district_names = _labels(store, set(counts))
    districts = sorted(((d, pick(district_names.get(d, {}), lang) or d, n) for d, n in counts.items()),
                       key=lambda item: (item[1], item[0]))
    selected = request.args.get("district")
    selected = selected if selected in counts else (districts[0][0] if districts else None)
    # Rows unpacked by position: naming a column of a pyoxigraph solution costs more than the row itself.
    rows = [tuple(r) for r in run_query(store, FIGURES.format(i=node(iri), d=node(selected)))] if selected else []
    named = {t.value for r in rows for t in (r[1], r[3], r[4], r[8]) if t is not None}  # role, unit, period, derivation
    names = desc.names | _labels(store, named)
    figures = [{
        "iri": f.value, "role": role.value.rpartition("#")[2],
        "role_label": (names.get(role.value) or {}).get(lang) or role.value.rpartition("#")[2],
        "value": _decimal(value), "unit": _unit(names, unit, lang),
        "period": notation.value if notation is not None else period.value,
        "text": stated.value if stated is not None else None,
        "label": label.value if label is not None else f.value,
        "derivation": _unit(names, derivation, lang),
    } for f, role, value, unit, period, notation, stated, label, derivation in rows]
    charts = []
    for target_role, result_role in TARGET_RESULT:
        pair = [f for f in figures if f["role"] in (target_role, result_role) and f["value"] is not None]
        for unit in sorted({f["unit"] for f in pair}):
            chosen = [f for f in pair if f["unit"] == unit]
            if {f["role"] for f in chosen} == {target_role, result_role}:
                charts.append(bar_chart(f'{word("target_result", lang)} ({unit})', [
                    (f'{f["role_label"]} {f["period"]}', f["value"], f'{f["value"]}{unit}',
                     "target" if f["role"] == target_role else "result") for f in chosen]))
    periods = sorted({f["period"] for f in figures})
    series = []
    if len(periods) > 1:
        for role in sorted({f["role"] for f in figures}):
            points = [f for f in figures if f["role"] == role and f["value"] is not None]
            if len({p["period"] for p in points}) > 1:
                series.append(bar_chart(points[0]["role_label"], [
                    (p["period"], p["value"], f'{p["value"]}{p["unit"]}', "other") for p in points]))
    from .plan import indicator_plan
    csv = f"{request.script_root}/table/figures.csv?{urlencode({'indicator': iri, 'district': selected or ''})}"
    return {"figures": figures, "charts": [c for c in charts if c], "series": [s for s in series if s],
            "periods": periods, "districts": districts, "district": selected, "csv": csv,
            "plan": indicator_plan(store, iri, selected, lang)}


def district_reports(store, indicator: str) -> dict[str, int]:
    """The districts whose reports state ``indicator``, with how many reports each (a table derived at load)."""
    known = derived("district_reports")
    if known is None:
        known = indicator_districts(store, indicator)
    return known.get(indicator, {})


def indicator_districts(store, indicator: str | None = None) -> dict[str, dict[str, int]]:
    """For one indicator, or every indicator of the store: district → how many of its reports state it."""
    only = f"VALUES ?i {{ {node(indicator)} }}" if indicator else ""
    found: dict[str, dict[str, int]] = {}
    for i, d, reports in run_query(store, DISTRICTS.format(only=only)):
        found.setdefault(i.value, {})[d.value] = int(reports.value)
    return found


def _labels(store, iris):
    return labels(store, iris)


def _unit(names, term, lang: str) -> str:
    if term is None:
        return ""
    known = names.get(term.value, {})
    return known.get(lang) or known.get("zh") or known.get("") or ""


PER_PAGE = 50  # incoming links listed per page


def incoming_list(store, iri: str, path: str, prop: str, page: int) -> str:
    """The page listing every subject linking to ``iri`` through ``prop``, PER_PAGE at a time."""
    lang = language()
    if not well_formed(prop):
        abort(404)
    subjects = incoming_page(store, iri, prop, PER_PAGE + 1, (page - 1) * PER_PAGE)
    names = labels(store, {s.value for s in subjects if isinstance(s, pyoxigraph.NamedNode)} | {iri, prop})
    items = [value(s, names, lang) for s in subjects[:PER_PAGE]]
    this = value(pyoxigraph.NamedNode(iri), names, lang)
    return render_template("pages/incoming.html", this=this, prop=value(pyoxigraph.NamedNode(prop), names, lang),
                           items=items, page=page, more=len(subjects) > PER_PAGE, path=path,
                           twins=twin_links(path))
