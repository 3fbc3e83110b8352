"""The plan pages in headless Chromium: a district's indicator over the years, one year across districts,
the report's indicators at a glance, and CSV downloads. Screenshots land in test-artifacts/ to be looked at."""
from __future__ import annotations

import csv
import io
import os
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from chromium import browser, shoot  # noqa: F401  (browser: the fixture, found by its name here)
from servers import plangraph_serve

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "reports" / "jinshui"
OTHERS = [ROOT / "data" / "reports" / "wuchang-2021-h1.txt", ROOT / "tests" / "reports" / "wuchang-2022-h1.txt"]
GDP = "id/indicator/diqushengchanzongzhi-9a16"



@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`plangraph serve` on the Jinshui corpus and two Wuchang reports, on a free port."""
    from plangraph.api import build
    home = tmp_path_factory.mktemp("home")
    data = home / "plans.trig"
    build(reports=[*sorted(CORPUS.glob("*.txt")), *OTHERS], output=data)
    with plangraph_serve(str(data), env=dict(os.environ, PLANGRAPH_HOME=str(home))) as url:
        yield url


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()


def jinshui(server) -> str:
    query = "SELECT ?d WHERE { ?d a pg:District ; rdfs:label \"金水区\"@zh }"
    url = f"{server}/sparql?{urllib.parse.urlencode({'query': query, 'format': 'csv'})}"
    with urllib.request.urlopen(url) as answer:
        return answer.read().decode("utf-8").splitlines()[1].strip()


def test_a_districts_indicator_shows_its_plan_over_the_years(page, server):
    page.goto(f"{server}/{GDP}?{urllib.parse.urlencode({'district': jinshui(server)})}")
    plan = page.locator("div.plan")
    assert plan.locator("svg rect.col.target").count() >= 3  # a target per year
    assert plan.locator("svg .mark").count() >= 3
    rows = plan.locator("table.plan tbody tr")
    assert rows.count() >= 3
    assert "尚不可知" in rows.last.inner_text() or "完成" in rows.last.inner_text()
    shoot(page, "plan-indicator")
    plan.locator("table.plan tbody tr").first.locator("td").nth(1).locator("a").first.click()
    page.wait_for_url("**/figure/**")
    assert page.locator("ul.sources blockquote").count() >= 1  # the figure leads to its sentence


def test_one_year_across_districts(page, server):
    url = f"{server}/compare?{urllib.parse.urlencode({'indicator': 'https://w3id.org/plangraph/' + GDP, 'year': '2022'})}"
    page.goto(url)
    assert page.locator("table.plan tbody tr").count() >= 2  # 金水区 and 武昌区 both set a 2022 target
    assert page.locator("svg rect.col.target").count() >= 2
    shoot(page, "plan-compare")


def test_the_report_opens_with_its_indicators_at_a_glance(page, server):
    page.goto(f"{server}/id/report/zhengzhoushijinshuiqu-{_slug_digits(server)}/2021-S1")
    glance = page.locator("section.glance")
    assert glance.locator("tbody tr").count() >= 5
    assert "50%" in glance.inner_text()  # half of the year has run
    shoot(page, "report-glance")


def _slug_digits(server) -> str:
    return jinshui(server).rpartition("-")[2]


def test_tables_download_as_csv(page, server):
    page.goto(f"{server}/{GDP}?{urllib.parse.urlencode({'district': jinshui(server)})}")
    with page.expect_download() as download:
        page.locator("div.plan p.download a").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert {r["year"] for r in rows} >= {"2021", "2022", "2023"}
