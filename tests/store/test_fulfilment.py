"""Plan fulfilment: a district's targets followed through its plans, half-year and annual reports."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from plangraph.store.build import build_store
from plangraph.store.fulfilment import Figure, fulfilments, join
from plangraph.store.query import run_query

CORPUS = Path(__file__).resolve().parents[1] / "reports" / "jinshui"
EXPECTED = json.loads((CORPUS / "fulfilment.expected.json").read_text(encoding="utf-8"))
SOURCES = """SELECT ?figure ?name ?exact ?value WHERE {
  GRAPH ?report { ?report dcterms:identifier ?name . ?figure a pg:Figure ; pg:value ?value .
    OPTIONAL { ?figure prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } } }"""
NAMES = "SELECT ?s ?name WHERE { ?s rdfs:label ?name }"


def figure(role, period, value, unit="%", report="r", qualifier="", normalized=None, iri=None):
    return Figure(iri or f"{report}/{role}/{period}/{value}", report, period, "place", "gdp", role, period,
                  Decimal(value), Decimal(normalized if normalized is not None else value), unit, qualifier)


@pytest.mark.parametrize("target, result, outcome, gap", [
    (figure("TargetGrowth", "2022", "6.5", qualifier="About"), figure("YearOnYearGrowth", "2022", "3.4"),
     "Missed", Decimal("-3.1")),
    (figure("TargetGrowth", "2021", "7"), figure("YearOnYearGrowth", "2021", "7.6"), "Met", Decimal("0.6")),
    (figure("TargetGrowth", "2021", "4", qualifier="Within"), figure("YearOnYearGrowth", "2021", "2.9"),
     "Met", Decimal("-1.1")),
    (figure("TargetLevel", "2021", "520", "亿元", normalized="52000000000"),
     figure("ResultLevel", "2021", "531.6", "亿元", normalized="53160000000"), "Met", Decimal("11.6")),
    (figure("TargetLevel", "2021", "520", "亿元", normalized="52000000000"),
     figure("ResultLevel", "2021", "5316000", "万元", normalized="53160000000"), "Met", Decimal("11.6")),
])
def test_a_full_year_result_against_its_target(target, result, outcome, gap):
    [joined] = join([target, result])
    assert (joined.status, joined.gap) == (outcome, gap)
    assert joined.full_year == (result,) and joined.part_year == ()


def test_a_half_year_result_leaves_the_outcome_open():
    [joined] = join([figure("TargetGrowth", "2023", "6"), figure("YearOnYearGrowth", "2023-S1", "6.1")])
    assert joined.status == "NotYetKnown" and joined.gap is None and len(joined.part_year) == 1


def test_a_target_stated_twice_alike_is_one_fulfilment_with_two_statements():
    plan, half = figure("TargetGrowth", "2021", "7", report="plan"), figure("TargetGrowth", "2021", "7", report="h1")
    [joined] = join([plan, half])
    assert joined.targets == (plan, half)


def test_a_target_stated_twice_differently_is_two_fulfilments():
    plan, half = figure("TargetGrowth", "2023", "6", report="plan"), figure("TargetGrowth", "2023", "6.5", report="h1")
    result = figure("YearOnYearGrowth", "2023-S1", "6.1", report="h1")
    joined = join([plan, half, result])
    assert [j.targets for j in joined] == [(plan,), (half,)]
    assert all(j.part_year == (result,) for j in joined)


def test_a_level_result_in_another_base_unit_is_not_joined():
    target = figure("TargetLevel", "2021", "520", "亿元", normalized="52000000000")
    [joined] = join([target, figure("ResultLevel", "2021", "3", "项")])
    assert joined.full_year == () and joined.status == "NotYetKnown"


@pytest.fixture(scope="module")
def corpus():
    return build_store(sorted(CORPUS.glob("*.txt"))).store


def _sources(store) -> dict:
    return {r["figure"].value: (r["name"].value, r["exact"].value if r["exact"] else "", Decimal(r["value"].value))
            for r in run_query(store, SOURCES)}


def _read(store) -> set[str]:
    """The corpus files the reader takes indicator figures from."""
    return {name.rpartition(".")[0] for name, _, _ in _sources(store).values()}


def _key(target: dict) -> tuple:
    """What tells a row's target from another of the same indicator and year: its value and its words (以上, 左右)."""
    return Decimal(str(target["value"])), target.get("qualifier", "")


def _cell(store_sources, figures) -> list[tuple]:
    return [(store_sources[f.iri][0].rpartition(".")[0], store_sources[f.iri][2]) for f in figures]


def test_every_cell_of_the_fulfilment_table_is_what_the_reports_say(corpus):
    sources, names = _sources(corpus), {r["s"].value: r["name"].value for r in run_query(corpus, NAMES)}
    assert _read(corpus) == {path.stem for path in CORPUS.glob("*.txt")}
    expected = EXPECTED["rows"]
    got = {(names[f.indicator], f.year, f.target.value, f.target.qualifier): f for f in fulfilments(corpus)
           if names[f.place] == EXPECTED["place"]}
    assert len(got) == len(fulfilments(corpus))
    assert sorted(got) == sorted((r["indicator"], r["year"], *_key(r["targets"][0])) for r in expected)
    for row in expected:
        item = got[(row["indicator"], row["year"], *_key(row["targets"][0]))]
        assert _cell(sources, item.targets) == [(t["report"], Decimal(str(t["value"]))) for t in row["targets"]]
        for figure in item.targets + item.part_year + item.full_year:
            report, exact, _ = sources[figure.iri]
            stated = [c for c in row["targets"] + [row["half_year"], row["full_year"]] if c and c["report"] in report]
            assert any(exact in c["text"] for c in stated), (row["indicator"], row["year"], exact)
        half = [row["half_year"]] if row["half_year"] else []
        assert _cell(sources, item.part_year) == [(c["report"], Decimal(str(c["value"]))) for c in half]
        full = [row["full_year"]] if row["full_year"] else []
        assert _cell(sources, item.full_year) == [(c["report"], Decimal(str(c["value"]))) for c in full]
        assert item.status == row["status"], (row["indicator"], row["year"])
        assert item.gap == (Decimal(str(row["gap"])) if row["gap"] is not None else None)


def test_the_fulfilment_graph_is_built_checked_and_traced(corpus):
    rows = list(run_query(corpus, """SELECT ?f ?outcome (COUNT(?source) AS ?n) WHERE {
        GRAPH ?g { ?f a pg:Fulfilment ; pg:outcome ?outcome ; prov:wasDerivedFrom ?source } } GROUP BY ?f ?outcome"""))
    assert len(rows) == len(fulfilments(corpus)) and all(int(r["n"].value) >= 2 for r in rows)
    twice = list(run_query(corpus, "SELECT ?a ?b WHERE { ?a pg:otherTarget ?b }"))
    assert all(any(r["a"] == s["b"] and r["b"] == s["a"] for s in twice) for r in twice)


def _checked(graph) -> str:
    from plangraph.store.validation import validate
    outcome = validate(graph)
    return "" if outcome.conforms else outcome.text()


def test_the_shapes_hold_a_fulfilment_to_its_sources_and_its_outcome():
    from rdflib import Literal
    from rdflib.namespace import PROV, XSD

    from plangraph.rdf.iris import Minter
    from plangraph.rdf.vocab import PG
    from plangraph.store.fulfilment import fulfilment_graph
    target, half = figure("TargetGrowth", "2023", "6", iri="https://w3id.org/plangraph/f/1"), \
        figure("YearOnYearGrowth", "2023-S1", "6.1", iri="https://w3id.org/plangraph/f/2")
    graph = fulfilment_graph(join([target, half]), Minter(), {"place": "金水区"})
    assert _checked(graph) == ""
    [iri] = graph.subjects(PG.outcome, PG.NotYetKnown)
    untraced = graph + graph.__class__()
    untraced.remove((iri, PROV.wasDerivedFrom, None))
    assert "is not named as its source" in _checked(untraced)
    gapped = graph + graph.__class__()
    gapped.add((iri, PG.gap, Literal("0.1", datatype=XSD.decimal)))
    assert "not yet known has neither" in _checked(gapped)
