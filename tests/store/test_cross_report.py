"""Many reports in one dataset: graphs kept, shared things joined, IRIs stable, indicators mapped, and the
cross-report competency questions of queries/cross/ answered."""
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from plangraph.errors import InputError
from plangraph.rdf.indicator_map import RELATIONS, link_indicators, read_mappings
from plangraph.rdf.iris import Minter
from plangraph.rdf.vocab import PG
from plangraph.store.build import NAMING, build_store, report_files
from plangraph.store.export import as_rdflib, serialize
from plangraph.store.formats import BY_NAME
from plangraph.store.query import run_query, term_text

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries" / "cross"
CORPUS = [ROOT / "data" / "reports", ROOT / "tests" / "reports"]
MINT = Minter()
WUCHANG = {period: MINT.report("武昌区", "武汉市", period, "half-year") for period in ("2020-S1", "2021-S1", "2022-S1")}


@pytest.fixture(scope="module")
def corpus_store():
    return build_store(report_files(CORPUS)).store


@pytest.fixture(scope="module")
def corpus(corpus_store):
    return as_rdflib(corpus_store)


def alone():
    """The dataset of the first folder of the corpus alone (the seed report)."""
    return as_rdflib(build_store(report_files([CORPUS[0]])).store)


def rows(store, name: str) -> list[dict]:
    results = run_query(store, (QUERIES / name).read_text(encoding="utf-8"))
    names = [v.value for v in results.variables]
    return [{n: term_text(s[n]) for n in names} for s in results]


def report_graphs(dataset) -> set:
    return {g.identifier for g in dataset.graphs() if (g.identifier, RDF.type, PG.Report) in g}


def test_the_corpus_holds_six_reports_each_in_its_graph(corpus):
    graphs = report_graphs(corpus)
    assert len(graphs) == 6 and set(WUCHANG.values()) <= graphs


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_exports_keep_every_named_graph(corpus, corpus_store, fmt):
    quads = pyoxigraph.parse(serialize(corpus_store, BY_NAME[fmt]), BY_NAME[fmt].oxigraph)
    names = {URIRef(q.graph_name.value) for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)}
    assert names == report_graphs(corpus) | {MINT.iri(f"id/graph/{g}") for g in ("dataset", "indicator-map", "things",
                                                                                     "fulfilment")}


def test_the_names_of_shared_things_are_said_once_so_the_union_has_no_repeats(corpus_store):
    """Oxigraph 0.5 answers over the union of graphs with one row per copy of a triple (oxigraph#1919)."""
    graphs_of = {}
    for quad in corpus_store:
        graphs_of.setdefault(quad.triple, set()).add(quad.graph_name)
    repeated = {t for t, graphs in graphs_of.items() if len(graphs) > 1}
    assert not {t for t in repeated if URIRef(t.predicate.value) in NAMING}
    reports = run_query(corpus_store, "SELECT ?r ?period WHERE { ?r a pg:Report ; pg:period/skos:notation ?period }")
    assert len(list(reports)) == 6  # one row a report, not one per report naming the same period


def test_a_district_is_one_thing_across_its_reports(corpus):
    districts = {corpus.graph(iri).value(iri, PG.district) for iri in WUCHANG.values()}
    assert districts == {MINT.district("武昌区", "武汉市")}


def test_one_indicator_joins_the_reports_that_state_it(corpus):
    gdp = MINT.thing("indicator", "地区生产总值")
    graphs = {g.identifier for g in corpus.graphs() if (None, PG.indicator, gdp) in g}
    assert set(WUCHANG.values()) <= graphs and len(graphs) >= 4


def test_adding_reports_changes_nothing_that_was_there(corpus):
    seed_alone = alone()
    seed = WUCHANG["2021-S1"]
    assert set(seed_alone.graph(seed)) == set(corpus.graph(seed))
    before = {t for g in seed_alone.graphs() for triple in g for t in triple if isinstance(t, URIRef)}
    after = {t for g in corpus.graphs() for triple in g for t in triple if isinstance(t, URIRef)}
    assert before <= after


def test_name_variants_keep_their_own_iri_and_are_linked_with_a_reason(corpus):
    links = corpus.graph(MINT.iri("id/graph/indicator-map"))
    urban, everyone = MINT.thing("indicator", "城镇居民人均可支配收入"), MINT.thing("indicator", "居民人均可支配收入")
    assert urban != everyone
    assert (urban, SKOS.broader, everyone) in links
    assert (MINT.thing("indicator", "地方一般公共预算收入"), SKOS.exactMatch,
            MINT.thing("indicator", "一般公共预算收入")) in links
    assert (MINT.thing("indicator", "全社会固定资产投资"), SKOS.closeMatch,
            MINT.thing("indicator", "固定资产投资")) in links
    assert all(links.value(s, SKOS.editorialNote) for s, p, o in links if p in RELATIONS.values())


def test_a_link_is_added_only_when_both_names_are_in_the_data():
    seed_alone = alone()
    assert len(seed_alone.graph(MINT.iri("id/graph/indicator-map"))) == 0


def test_every_row_of_the_mapping_table_says_why():
    mappings = read_mappings()
    assert len(mappings) >= 3 and all(len(m.why) > 20 for m in mappings)


def test_a_row_with_an_unknown_relation_is_refused(tmp_path):
    table = tmp_path / "map.csv"
    table.write_text("name,relation,other,why\n甲,sameAs,乙,因为\n", encoding="utf-8")
    with pytest.raises(InputError, match='line 2: relation "sameAs" is unknown'):
        read_mappings(table)


def test_the_gdp_series_of_wuchang_runs_over_three_periods(corpus_store):
    found = {(r["period"], r["role"].rpartition("#")[2], r["value"]) for r in rows(corpus_store, "indicator-series.rq")}
    assert {("2020-S1", "TargetGrowth", "7.5"), ("2020-S1", "ResultLevel", "568.27"),
            ("2021-S1", "TargetGrowth", "7"), ("2021-S1", "ResultLevel", "779.43"),
            ("2022-S1", "TargetGrowth", "7"), ("2022-S1", "ResultLevel", "861.37")} <= found
    assert {r["indicatorName"] for r in rows(corpus_store, "indicator-series.rq")} == {"地区生产总值"}


def test_the_reports_that_missed_their_pro_rata_target(corpus_store):
    found = rows(corpus_store, "missed-pro-rata.rq")
    missed = {(r["districtName"], r["period"], r["indicatorName"]) for r in found}
    assert ("武昌区", "2020-S1", "全社会固定资产投资") in missed  # 完成年度目标的40.6%; 148.06 ÷ 365 = 40.56%
    assert ("武昌区", "2020-S1", "地方一般公共预算收入") in missed  # 为预算的40.1%
    assert all(float(r["share"]) < 50 and r["period"].endswith("-S1") for r in found)
    assert not any(r["period"] == "2021-S1" for r in found)  # the seed's shares are 63.53% and 66.16%


def test_a_place_query_lists_every_report_of_the_district(corpus_store):
    found = rows(corpus_store, "place-across-reports.rq")
    assert [r["period"] for r in found] == ["2020-S1", "2021-S1", "2022-S1"]


PLACES = """
@prefix pg: <https://w3id.org/plangraph/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix r: <https://w3id.org/plangraph/id/report/wuhanshiwuchangqu-6d2f/> .
@prefix a: <https://w3id.org/plangraph/id/report/wuhanshiwuchangqu-6d2f/2020-S1/> .
@prefix b: <https://w3id.org/plangraph/id/report/wuhanshiwuchangqu-6d2f/2021-S1/> .
@prefix place: <https://w3id.org/plangraph/id/place/> . @prefix project: <https://w3id.org/plangraph/id/project/> .
@prefix period: <https://w3id.org/plangraph/id/period/> .
r:2020-S1 { r:2020-S1 a pg:Report ; pg:district place:wuchang ; pg:period period:2020-S1 .
  place:wuchang a pg:District ; rdfs:label "武昌区"@zh . period:2020-S1 skos:notation "2020-S1" .
  place:binjiang a pg:FunctionalArea ; rdfs:label "滨江商务区"@zh ; pg:mention a:span-1-6 .
  project:simeitang a pg:Project ; schema:location place:binjiang .
  a:event-1-9 a pg:StatusEvent ; pg:about project:simeitang ; pg:status pg:Acquisition . }
r:2021-S1 { r:2021-S1 a pg:Report ; pg:district place:wuchang ; pg:period period:2021-S1 .
  place:wuchang a pg:District ; rdfs:label "武昌区"@zh . period:2021-S1 skos:notation "2021-S1" .
  place:binjiang a pg:FunctionalArea ; rdfs:label "滨江商务区"@zh ; pg:mention b:span-1-6, b:span-90-95 .
  project:simeitang a pg:Project ; schema:location place:binjiang .
  project:changjiang a pg:Project ; schema:location place:binjiang .
  b:event-1-9 a pg:StatusEvent ; pg:about project:simeitang ; pg:status pg:Acquisition .
  b:event-20-29 a pg:StatusEvent ; pg:about project:changjiang ; pg:status pg:SpedUp . }
"""


def test_a_place_is_followed_across_reports_once_places_are_extracted():
    # Entities come from the extraction of places and projects (COMMON.md model); this fixture stands in for it.
    store = pyoxigraph.Store()
    store.load(PLACES.encode("utf-8"), pyoxigraph.RdfFormat.TRIG)
    found = rows(store, "place-across-reports.rq")
    assert [(r["period"], r["mentions"], r["projects"]) for r in found] == [("2020-S1", "1", "1"), ("2021-S1", "2", "2")]
    assert set(found[1]["statuses"].split()) == {"Acquisition", "SpedUp"}


def test_a_series_follows_exact_matches_only(corpus_store):
    text = (QUERIES / "indicator-series.rq").read_text(encoding="utf-8")
    exact = text.replace('"地区生产总值"@zh', '"一般公共预算收入"@zh')
    names = {term_text(s["indicatorName"]) for s in run_query(corpus_store, exact)}
    assert names == {"地方一般公共预算收入"}  # skos:exactMatch in data/indicator-map.csv
    close = text.replace('"地区生产总值"@zh', '"固定资产投资"@zh')
    assert not list(run_query(corpus_store, close))  # skos:closeMatch: not one series


def test_two_reports_of_one_district_and_period_are_refused_by_name(tmp_path):
    copy = tmp_path / "copy-of-the-seed.txt"
    copy.write_bytes((CORPUS[0] / "wuchang-2021-h1.txt").read_bytes())
    with pytest.raises(InputError, match='"wuchang-2021-h1.txt" and "copy-of-the-seed.txt" are the same district'):
        build_store(report_files([CORPUS[0], copy]), check=False)


def test_a_report_owns_its_parts_not_a_report_whose_iri_extends_its_own():
    from plangraph.store.build import own_iri
    report = str(WUCHANG["2021-S1"])
    assert own_iri(report, report) and own_iri(f"{report}/figure/273-275", report)
    assert not own_iri(f"{report}0/figure/1", report) and not own_iri(str(MINT.thing("indicator", "地区生产总值")), report)


@pytest.mark.parametrize("name, other", [
    ("GDP", "地区生产总值"),                        # 上半年GDP实现612.35亿元 / 力争全年地区生产总值增长7%
    ("新增城镇就业", "城镇新增就业"),               # 新增城镇就业1.26万人 / 城镇新增就业4.18万人
    ("实际使用外资", "实际利用外资"),               # 全年实际使用外资3.28亿美元 / 实际利用外资1.86亿美元
    ("城镇常住居民人均可支配收入", "城镇居民人均可支配收入"),
])
def test_two_names_of_one_measure_in_one_report_are_one_series(name, other):
    present = {MINT.thing("indicator", name), MINT.thing("indicator", other)}
    links = link_indicators(present, MINT)
    assert (MINT.thing("indicator", name), SKOS.exactMatch, MINT.thing("indicator", other)) in links
