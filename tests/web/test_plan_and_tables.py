"""Pages and downloads of issue 14: tables as CSV with CSVW metadata, plan fulfilment, pages in one language."""
from __future__ import annotations

import csv
import io
import os
import urllib.parse
from pathlib import Path

import pytest
from servers import plangraph_serve

from plangraph.store.build import build_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "reports" / "wuchang-2021-h1.txt"
CORPUS = ROOT / "tests" / "reports" / "jinshui"
BASE = "https://w3id.org/plangraph/"
REPORT = "/id/report/wuhanshiwuchangqu-6d2f/2021-S1"
GDP = "id/indicator/diqushengchanzongzhi-9a16"
DISTRICT = BASE + "id/place/wuhanshiwuchangqu-6d2f"


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_export_csv_names_its_metadata_and_the_metadata_the_csv(client):
    response = client.get("/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'rel="describedby"' in response.headers["Link"] and "export.csv-metadata.json" in response.headers["Link"]
    figures = rows(response)
    assert any(r["stated"] == "779.43亿元" and r["district_name"] == "武昌区" for r in figures)
    described = client.get("/export.csv-metadata.json").get_json(force=True)
    assert described["url"] == "export.csv"
    assert [c["name"] for c in described["tableSchema"]["columns"]] == list(figures[0])


def test_a_csvw_processor_validates_the_served_table_over_http(seed_store, tmp_path):
    """csvw fetches the metadata, then the CSV it names, and checks every cell against its column's datatype."""
    from csvw import CSVW

    from plangraph.store.export import write_dataset
    data = tmp_path / "seed.trig"
    write_dataset(seed_store, data)
    with plangraph_serve(str(data), env=dict(os.environ, PLANGRAPH_HOME=str(tmp_path))) as url:
        processor = CSVW(url + "/export.csv-metadata.json", validate=True)
        assert processor.is_valid, [str(w.message) for w in processor.warnings]
        [table] = processor.tables
        figures = list(table.iterdicts())
    assert str(table.url.resolve(table.base)) == url + "/export.csv"
    gdp = next(row for row in figures if row["figure"] == BASE + REPORT[1:] + "/figure/287-295")
    assert float(gdp["value"]) == 779.43 and gdp["start"] == 287 and gdp["role"] == "ResultLevel"


def test_the_figures_of_an_indicator_page_download_as_csv(client):
    page = client.get("/" + GDP).get_data(as_text=True)
    assert "/table/figures.csv?" in page
    query = urllib.parse.urlencode({"indicator": BASE + GDP, "district": DISTRICT})
    found = rows(client.get("/table/figures.csv?" + query))
    assert found and {r["indicator_name"] for r in found} == {"地区生产总值"}


def test_search_results_download_as_csv(client):
    assert "/search.csv?q=" in client.get("/search?q=长江").get_data(as_text=True)
    found = rows(client.get("/search.csv?q=长江"))
    assert found[0]["rank"] == "1" and "长江" in found[0]["matched"]


def test_the_query_page_downloads_its_results_as_csv(client):
    page = client.get("/query").get_data(as_text=True)
    assert 'id="query-csv"' in page and "format=csv" in page and 'value="csv"' in page


def test_the_report_opens_with_its_indicators_at_a_glance(client):
    page = client.get(REPORT).get_data(as_text=True)
    glance = page[page.index('<section class="glance">'):page.index('<section class="reader">')]
    gdp = glance[glance.index("地区生产总值"):glance.index("</tr>", glance.index("地区生产总值"))]
    assert "7%" in gdp and "22.3%" in gdp  # a growth target against the growth so far
    investment = glance[glance.index("全社会固定资产投资"):]
    assert "300亿元" in investment and "190.59亿元" in investment and "63.53%" in investment  # as stated
    assert "<td>50%</td>" in glance
    assert page.index('<section class="glance">') < page.index('<section class="reader">')


def test_the_indicator_page_shows_the_plan_not_yet_known_after_a_half_year(client):
    page = client.get("/" + GDP).get_data(as_text=True)
    plan = page[page.index('<div class="plan">'):]
    assert "<svg" in plan and "尚不可知" in plan and 'class="col target"' in plan and "2021" in plan


@pytest.fixture(scope="module")
def plans():
    from plangraph.web import create_app
    store = build_store([*sorted(CORPUS.glob("*.txt")), SEED]).store
    return create_app({"PLANGRAPH_STORE": store, "TESTING": True}).test_client()


def test_comparison_page_shows_one_year_across_districts(plans):
    query = urllib.parse.urlencode({"indicator": BASE + GDP, "year": "2021"})
    page = plans.get("/compare?" + query).get_data(as_text=True)
    assert "金水区" in page and "武昌区" in page and "<svg" in page
    found = rows(plans.get("/table/fulfilment.csv?" + query))
    assert {r["place_name"] for r in found} == {"金水区", "武昌区"} and {r["year"] for r in found} == {"2021"}


def test_comparison_page_asks_for_an_indicator_and_a_year(plans):
    assert plans.get("/compare?year=2021").status_code == 400


def test_the_fulfilment_table_validates_as_csvw(plans, tmp_path):
    from csvw import CSVW
    (tmp_path / "fulfilment.csv").write_bytes(plans.get("/table/fulfilment.csv").get_data())
    (tmp_path / "fulfilment.csv-metadata.json").write_bytes(plans.get("/table/fulfilment.csv-metadata.json").get_data())
    processor = CSVW(str(tmp_path / "fulfilment.csv-metadata.json"), validate=True)
    assert processor.is_valid, [str(w.message) for w in processor.warnings]


@pytest.mark.parametrize("lang, other", [("zh", "en"), ("en", "zh")])
def test_class_descriptions_speak_the_page_language(client, lang, other):
    import html

    from plangraph.web.pages.terms import term_comments
    comments = term_comments()["https://w3id.org/plangraph/def#District"]
    page = html.unescape(client.get(DISTRICT[len(BASE) - 1:] + f"?lang={lang}").get_data(as_text=True))
    assert comments[lang] in page and comments[other] not in page


@pytest.mark.parametrize("lang, said, not_said", [
    ("zh", "数值对其指标说明了什么", "What the figure says of its indicator"),
    ("en", "What the figure says of its indicator", "数值对其指标说明了什么")])
def test_the_ontology_page_speaks_the_page_language(client, lang, said, not_said):
    page = client.get(f"/def?lang={lang}").get_data(as_text=True)
    assert said in page and not_said not in page
