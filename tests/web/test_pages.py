"""Linked-data pages through Flask's test client: negotiation, status codes, headers, paging, search, pages by class."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest

from plangraph.store.embedded import store_from_quads

FIXTURE = Path(__file__).parent / "fixtures" / "binjiang.trig"
BASE = "https://w3id.org/plangraph/"
REPORT = "/id/report/wuhanshiwuchangqu-6d2f/2021-S1"
FIGURE = REPORT + "/figure/287-295"               # 地区生产总值 完成 779.43亿元
GDP = "/id/indicator/diqushengchanzongzhi-9a16"
AREA = "/id/place/binjiangshangwuqu-ee73"          # 滨江商务区
PROJECT = "/id/project/wuhanchangjiangzhongxin-1c81"  # 武汉长江中心
DISTRICT = "/id/place/wuhanshiwuchangqu-6d2f"


@pytest.fixture(scope="module")
def places_app(seed_store):
    """The seed dataset plus hand-written places, projects and events of sentence 45 (tests/web/fixtures)."""
    from plangraph.web import create_app
    store = store_from_quads(seed_store)
    store.bulk_load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG)
    return create_app({"PLANGRAPH_STORE": store, "TESTING": True})


@pytest.fixture()
def web(places_app):
    return places_app.test_client()


def text_of(response) -> str:
    """The visible text of an HTML response, tags dropped and spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def test_fixture_quotes_are_the_seed_text(seed_text):
    graph = pyoxigraph.Store()
    graph.bulk_load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG)
    rows = graph.query("SELECT ?q ?s ?e WHERE { ?x <http://www.w3.org/ns/oa#hasSelector> ?a, ?b . "
                       "?a <http://www.w3.org/ns/oa#exact> ?q . ?b <http://www.w3.org/ns/oa#start> ?s ; "
                       "<http://www.w3.org/ns/oa#end> ?e }", use_default_graph_as_union=True)
    checked = 0
    for row in rows:
        assert seed_text[int(row["s"].value):int(row["e"].value)] == row["q"].value
        checked += 1
    assert checked >= 7


def test_gdp_indicator_path_is_the_minted_one():
    from plangraph.rdf.iris import Minter
    assert str(Minter().thing("indicator", "地区生产总值")) == BASE + GDP.lstrip("/")


@pytest.mark.parametrize("accept, mimetype", [
    ("text/html", "text/html"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("*/*", "text/html"),
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("text/turtle;q=0.9, application/ld+json", "application/ld+json"),
])
def test_accept_chooses_the_format(client, accept, mimetype):
    response = client.get(FIGURE, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert "Accept" in response.headers["Vary"]


def test_no_accept_header_gets_the_page_and_unacceptable_is_406(client):
    assert client.get(FIGURE).mimetype == "text/html"
    assert client.get(FIGURE, headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize("suffix, fmt", [
    (".ttl", pyoxigraph.RdfFormat.TURTLE), (".jsonld", pyoxigraph.RdfFormat.JSON_LD),
    (".nt", pyoxigraph.RdfFormat.N_TRIPLES), (".rdf", pyoxigraph.RdfFormat.RDF_XML),
])
def test_suffix_serves_the_data_twin_with_description_and_incoming_links(client, suffix, fmt):
    result = REPORT + "/figure/432-440"  # 固定资产投资 完成 190.59亿元, cited by the computed share of target
    response = client.get(result + suffix)
    assert response.status_code == 200
    triples = list(pyoxigraph.parse(response.data, fmt))
    subjects = {t.subject.value for t in triples}
    objects = {t.object.value for t in triples}
    assert BASE + result.lstrip("/") in subjects          # its description
    assert BASE + result.lstrip("/") in objects           # incoming: the computed share cites it
    assert "190.59" in objects


def test_hash_fragments_belong_to_their_resource(client):
    span = REPORT + "/span/287-295"
    turtle = client.get(span + ".ttl").get_data(as_text=True)
    assert "#quote>" in turtle and "779.43亿元" in turtle
    page = client.get(span).get_data(as_text=True)
    assert 'id="quote"' in page and 'id="position"' in page


def test_twins_are_deterministic(client):
    assert client.get(FIGURE + ".ttl").data == client.get(FIGURE + ".ttl").data


def test_page_advertises_its_twins(client):
    response = client.get(FIGURE)
    links = response.headers["Link"]
    for suffix, media in ((".ttl", "text/turtle"), (".jsonld", "application/ld+json"),
                          (".nt", "application/n-triples"), (".rdf", "application/rdf+xml")):
        assert f'<{FIGURE}{suffix}>; rel="alternate"; type="{media}"' in links
        assert f'<link rel="alternate" type="{media}" href="{FIGURE}{suffix}">' in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/id/place/nowhere-0000", "/id/place/nowhere-0000.ttl", "/id/<script>", "/x y"])
def test_unknown_iris_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "<script>" not in response.get_data(as_text=True)


def test_unknown_iri_page_says_what_was_missing(client):
    response = client.get("/id/place/nowhere-0000", headers={"Accept": "text/html"})
    assert response.mimetype == "text/html" and "id/place/nowhere-0000" in text_of(response)
    data = client.get("/id/place/nowhere-0000", headers={"Accept": "text/turtle"})
    assert data.status_code == 404 and data.mimetype == "text/plain"


def test_figure_page_shows_value_unit_role_indicator_period_and_sentence(client):
    response = client.get(FIGURE)
    text, html = text_of(response), response.get_data(as_text=True)
    for expected in ("779.43", "亿元", "完成值", "地区生产总值", "2021年上半年", "原文所述"):
        assert expected in text
    assert re.search(r'<a class="mention" id="span-287-295"[^>]*>779.43亿元</a>|<mark>779.43亿元</mark>', html)
    assert f'href="{REPORT}#sentence-3"' in html


def test_labels_replace_iris_and_ontology_terms_link_to_def(client):
    html = client.get(FIGURE).get_data(as_text=True)
    assert 'href="/def#ResultLevel"' in html and 'href="/def#Figure"' in html
    link_texts = re.findall(r"<a [^>]*>([^<]*)</a>", html)
    assert not [t for t in link_texts if t.startswith("https://w3id.org/plangraph/def")]
    assert "来源方式" in html  # pg:derivation, labelled from the ontology file


def test_computed_figure_shows_what_it_was_computed_from(client):
    html = client.get(REPORT + "/figure/432-440/share-of-415-420").get_data(as_text=True)
    assert "计算所得" in html and "190.59亿元" in html and "300亿元" in html


def test_indicator_page_draws_target_against_result_in_svg(client):
    html = client.get("/id/indicator/quanshehuigudingzichantouzi-ba72").get_data(as_text=True)
    assert "<svg" in html and 'class="bar target"' in html and 'class="bar result"' in html
    assert "300" in html and "190.59" in html


def test_incoming_links_are_grouped_counted_and_paged(client):
    html = client.get(REPORT).get_data(as_text=True)
    more = re.search(r'href="\?in=([^&"]+)&amp;page=1">[^<]*\((\d+)\)', html)
    assert more, "the report's long incoming groups link to their own pages"
    prop, count = more.group(1), int(more.group(2))
    first = client.get(f"{REPORT}?in={prop}&page=1").get_data(as_text=True)
    assert first.count("<li>") == 50 and 'rel="next"' in first
    last_page = (count + 49) // 50
    last = client.get(f"{REPORT}?in={prop}&page={last_page}").get_data(as_text=True)
    assert last.count("<li>") == count - 50 * (last_page - 1) and 'rel="next"' not in last


def test_report_reader_has_outline_sentences_and_linked_mentions(web):
    html = web.get(REPORT).get_data(as_text=True)
    assert 'id="sentence-45"' in html and 'href="#section-1.2.3"' in html
    assert f'<a class="mention" id="span-2296-2302" href="{PROJECT}"' in html
    assert f'href="{FIGURE}"' in html


def test_place_page_lists_what_lies_in_it_and_what_happened(web):
    text = text_of(web.get(AREA))
    for expected in ("滨江商务区", "武汉长江中心", "龙湖天街", "万吨冷库W2地块", "加快建设", "土地出让", "2021年上半年"):
        assert expected in text
    assert "武汉长江中心" in text_of(web.get(DISTRICT))  # through 滨江商务区


def test_project_page_links_to_its_sentence_with_the_mention_marked(web):
    html = web.get(PROJECT).get_data(as_text=True)
    assert "<mark>武汉长江中心</mark>" in html
    assert f'href="{REPORT}#sentence-45"' in html
    assert f'href="{AREA}"' in html and "滨江商务区" in html


@pytest.mark.parametrize("query, first", [("长江", "武汉长江中心"), ("滨江", "滨江商务区"), ("地区生产总值", "地区生产总值")])
def test_search_finds_chinese_names_ranked(web, query, first):
    html = web.get("/search", query_string={"q": query}).get_data(as_text=True)
    results = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', html)
    assert results and results[0][1] == first


def test_the_search_index_can_be_built_before_the_first_search(seed_store):
    from plangraph.web import create_app
    from plangraph.web.pages.search import warm
    app = create_app({"PLANGRAPH_STORE": seed_store, "TESTING": True})
    warm(app).join(timeout=60)
    index = app.extensions["plangraph.pages"]["index"]
    assert index.search("长江")[0].text == "武汉长江中心"


def test_search_escapes_and_handles_empty_queries(client):
    assert client.get("/search").status_code == 200
    html = client.get("/search", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_home_shows_reports_counts_entry_points_and_links(web):
    response = web.get("/")
    text, html = text_of(response), response.get_data(as_text=True)
    assert "关于武昌区2021年上半年国民经济和社会发展计划执行情况的报告" in text
    assert 'href="/list/indicators"' in html and 'href="/list/projects"' in html
    assert 'href="/query"' in html and 'href="/def"' in html and 'href="/export.ttl"' in html
    assert re.search(r"指标</strong><span>7</span>", html)   # 6 bullets + 登记失业率 stated in task text


def test_lists_page_through_classes(web):
    text = text_of(web.get("/list/projects"))
    assert "武汉长江中心" in text and "龙湖天街" in text
    assert web.get("/list/pg:Sentence?page=3").status_code == 200
    assert web.get("/list/nothing").status_code == 404


@pytest.mark.parametrize("ext, fmt", [("ttl", pyoxigraph.RdfFormat.TURTLE), ("trig", pyoxigraph.RdfFormat.TRIG),
                                      ("nt", pyoxigraph.RdfFormat.N_TRIPLES), ("jsonld", pyoxigraph.RdfFormat.JSON_LD)])
def test_exports_hold_the_whole_dataset_deterministically(client, seed_store, ext, fmt):
    body = client.get(f"/export.{ext}").data
    assert body == client.get(f"/export.{ext}").data
    items = list(pyoxigraph.parse(body, fmt))
    assert len({(i.subject, i.predicate, i.object) for i in items}) == len({q.triple for q in seed_store})


def test_an_export_is_sent_from_a_file_with_etag_and_ranges(client):
    first = client.get("/export.nq")
    assert first.status_code == 200 and first.headers["ETag"]
    assert first.headers["Content-Disposition"] == "inline; filename=plangraph.nq"
    assert client.get("/export.nq", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    part = client.get("/export.nq", headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part.data == first.data[:100]


def test_query_page_bundles_yasgui_and_offers_the_example_queries(tmp_path, seed_store):
    from plangraph.web import create_app
    (tmp_path / "01-indicators.rq").write_text(
        "# 1. For every main indicator: its name\nSELECT ?n WHERE { ?i a pg:Indicator ; skos:prefLabel ?n }\n",
        encoding="utf-8")
    app = create_app({"PLANGRAPH_STORE": seed_store, "TESTING": True, "PLANGRAPH_QUERIES": str(tmp_path)})
    assert app.view_functions["pages.query_page"].__name__ == "query_page"
    import html as markup
    html = markup.unescape(app.test_client().get("/query").get_data(as_text=True))
    assert "1. For every main indicator: its name" in html
    assert "PREFIX pg: <https://w3id.org/plangraph/def#>" in html and "PREFIX skos:" in html
    scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert "/static/vendor/yasgui/yasgui.min.js" in scripts
    assert not [s for s in scripts if s.startswith(("http:", "https:", "//"))]


def test_vendored_yasgui_is_served_with_its_licence(client):
    from plangraph.web import pages
    static = Path(pages.__file__).parents[1] / "static" / "vendor" / "yasgui"
    assert (static / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")
    response = client.get("/static/vendor/yasgui/yasgui.min.js")
    assert response.status_code == 200 and b"sourceMappingURL" not in response.data
    response.close()


def test_english_switch_by_parameter_and_cookie(client):
    english = client.get("/?lang=en")
    assert "Browse" in text_of(english) and "lang=en" in english.headers["Set-Cookie"]
    assert "Browse" in text_of(client.get("/"))   # the cookie keeps it
    assert "浏览" in text_of(client.get("/?lang=zh"))


@pytest.mark.parametrize("path", ["/list/pg:X%3E%20%7B", f"{REPORT}?in=x%3E%20%7B&page=1"])
def test_request_text_never_reaches_a_query_unchecked(client, path):
    assert client.get(path).status_code == 404


def test_indicator_series_across_periods_once_several_reports_are_loaded(seed_report):
    from plangraph.read.report import read_report
    from plangraph.store.build import build_store
    from plangraph.web import create_app
    later = read_report(Path(__file__).parents[1] / "reports" / "wuchang-2022-h1.txt")
    store = build_store([seed_report, later]).store
    html = create_app({"PLANGRAPH_STORE": store, "TESTING": True}).test_client().get(GDP).get_data(as_text=True)
    series = html[html.index("历期数据"):]
    assert "2021-S1" in series and "2022-S1" in series and 'class="bar other"' in series


def test_home_lists_the_newest_reports_and_links_to_them_all(seed_report, monkeypatch):
    from plangraph.read.report import read_report
    from plangraph.store.build import build_store
    from plangraph.web import create_app
    from plangraph.web.pages import site
    monkeypatch.setattr(site, "HOME_REPORTS", 1)
    later = read_report(Path(__file__).parents[1] / "reports" / "wuchang-2022-h1.txt")
    web = create_app({"PLANGRAPH_STORE": build_store([seed_report, later]).store, "TESTING": True}).test_client()
    home = web.get("/").get_data(as_text=True)
    assert "2022-S1" in home and "2021-S1" not in home and "全部报告 (2)" in home
    everything = web.get("/list/pg:Report").get_data(as_text=True)
    assert "2022年上半年" in everything and "2021年上半年" in everything


def test_an_indicator_of_several_districts_shows_one_district_at_a_time(seed_report):
    from urllib.parse import quote

    from plangraph.rdf.iris import Minter
    from plangraph.read.report import read_report
    from plangraph.store.build import build_store
    from plangraph.web import create_app
    reports = [seed_report] + [read_report(Path(__file__).parents[1] / "reports" / f"{name}-h1.txt")
                               for name in ("wuchang-2022", "jianghan-2021")]
    web = create_app({"PLANGRAPH_STORE": build_store(reports).store, "TESTING": True}).test_client()
    def section(url: str) -> str:
        html = web.get(url).get_data(as_text=True)
        return html[html.index('<section class="indicator">'):].split("</section>")[0]
    first = section(GDP)
    assert "各地区" in first and "<strong>武昌区</strong>" in first and "2份报告" in first  # 武昌区 sorts before 江汉区
    assert "779.43" in first and "861.37" in first and "江汉区" in first
    jianghan = Minter().district("江汉区", "武汉市")
    other = section(f"{GDP}?district={quote(str(jianghan), safe='')}")
    assert "<strong>江汉区</strong>" in other and "779.43" not in other and "亿元" in other


def test_head_answers_like_get_and_other_methods_are_405(client):
    head = client.head(FIGURE, headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.mimetype == "text/turtle" and "Link" in head.headers
    assert client.post(FIGURE).status_code == 405
