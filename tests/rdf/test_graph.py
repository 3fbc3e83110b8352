"""The seed report's graph: indicators with figures, units, periods and their source spans."""
from decimal import Decimal

from plangraph.store.export import union_graph
from plangraph.store.query import run_query
from plangraph.store.validation import validate

FIGURES = """
SELECT ?indicator ?role ?value ?unit ?period ?exact ?start ?end WHERE {
  ?f pg:indicator/skos:prefLabel ?indicator ; pg:role ?role ; pg:value ?value ; pg:unit/skos:prefLabel ?unit ;
     sdmx-dimension:refPeriod/skos:notation ?period ; pg:derivation pg:Stated ;
     prov:wasDerivedFrom ?span .
  ?span oa:hasSelector ?q, ?p . ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
}"""


def rows(store, sparql):
    results = run_query(store, sparql)
    names = [v.value for v in results.variables]
    return [{n: (sol[n].value if sol[n] is not None else None) for n in names} for sol in results]


def test_seed_graph_conforms(seed_store):
    assert validate(union_graph(seed_store)).conforms


def test_779_43_traced_to_its_characters(seed_store, seed_text):
    [row] = [r for r in rows(seed_store, FIGURES) if r["value"] == "779.43"]
    assert (row["indicator"], row["unit"], row["period"]) == ("地区生产总值", "亿元", "2021-S1")
    start, end = int(row["start"]), int(row["end"])
    assert seed_text[start:end] == row["exact"] == "779.43亿元"


def test_targets_are_for_the_year_and_results_for_the_half(seed_store):
    periods = {(r["indicator"], r["role"].rsplit("#")[1]): r["period"] for r in rows(seed_store, FIGURES)}
    assert periods[("地区生产总值", "TargetGrowth")] == "2021"
    assert periods[("全社会固定资产投资", "TargetLevel")] == "2021"
    assert periods[("全社会固定资产投资", "ResultLevel")] == "2021-S1"


def test_stated_and_computed_shares_agree(seed_store):
    sparql = """
    SELECT ?indicator ?derivation ?value WHERE {
      ?f pg:role pg:ShareOfTarget ; pg:indicator/skos:prefLabel ?indicator ; pg:derivation ?derivation ; pg:value ?value
    }"""
    found = {(r["indicator"], r["derivation"].rsplit("#")[1], Decimal(r["value"])) for r in rows(seed_store, sparql)}
    assert ("全社会固定资产投资", "Stated", Decimal("63.53")) in found
    assert ("全社会固定资产投资", "Computed", Decimal("63.53")) in found
    assert ("重大项目", "Stated", Decimal("66.16")) in found
    assert ("重大项目", "Computed", Decimal("66.16")) in found


def test_normalised_values_are_in_base_units(seed_store):
    sparql = 'SELECT ?n WHERE { ?f pg:value 779.43 ; pg:normalizedValue ?n }'
    assert [Decimal(r["n"]) for r in rows(seed_store, sparql)] == [Decimal("77943000000")]


def test_presenter_date_and_meeting(seed_store):
    sparql = """SELECT ?name ?office ?date ?meeting WHERE {
      ?r pg:presentation ?e . ?e pg:presenter/rdfs:label ?name ; pg:office ?office ; schema:startDate ?date ;
         pg:meeting/rdfs:label ?meeting }"""
    [row] = rows(seed_store, sparql)
    assert (row["name"], row["office"], row["date"]) == ("李武军", "区发改局局长", "2021-08-27")
    assert "武昌区第十五届人大常委会第三十八次会议" in row["meeting"]
