"""End to end in headless Chromium: `plangraph serve` in its own process, driven by Playwright.

Debian's chromium is used as it is (browser downloads are impossible here, so never `playwright install`).
Screenshots of home, a place, an indicator and the query page land in test-artifacts/ for a person to look at.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from chromium import browser, shoot  # noqa: F401  (browser: the fixture, found by its name here)
from servers import plangraph_serve

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "reports" / "wuchang-2021-h1.txt"
FIXTURE = ROOT / "tests" / "web" / "fixtures" / "binjiang.trig"
EXAMPLE = "# 1. 主要指标及其名称 (the main indicators)\nSELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name }\n"



@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`plangraph serve seed.trig binjiang.trig` on a free port, with one example query in queries/."""
    from plangraph.api import build
    home = tmp_path_factory.mktemp("home")
    (home / "queries").mkdir()
    (home / "queries" / "01-indicators.rq").write_text(EXAMPLE, encoding="utf-8")
    data = home / "seed.trig"
    build(reports=[SEED], output=data)
    env = dict(os.environ, PLANGRAPH_HOME=str(home))
    with plangraph_serve(str(data), str(FIXTURE), env=env) as url:
        yield url


@pytest.fixture()
def page(browser, server):
    """A fresh page that records every request, so tests can check that none leaves the server."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def only_local(page, server) -> list[str]:
    return [u for u in page.requests if not u.startswith((server, "data:", "blob:", "about:"))]


def test_search_to_place_to_project_to_sentence(page, server):
    page.goto(server + "/")
    assert "plangraph" in page.title()
    shoot(page, "home")
    page.fill("main input[type=search]", "滨江")
    page.press("main input[type=search]", "Enter")
    page.wait_for_url("**/search?q=*")
    page.click("ol.results a:text-is('滨江商务区')")
    page.wait_for_url("**/id/place/binjiangshangwuqu-ee73")
    assert page.locator("h1").inner_text().startswith("滨江商务区")
    assert page.locator("section.place").get_by_text("加快建设").first.is_visible()
    shoot(page, "place")
    page.click("section.place a:text-is('武汉长江中心')")
    page.wait_for_url("**/id/project/wuhanchangjiangzhongxin-1c81")
    assert page.locator("mark", has_text="武汉长江中心").first.is_visible()
    page.click("a.read >> nth=0")
    page.wait_for_url("**/2021-S1#sentence-45")
    sentence = page.locator("#sentence-45")
    assert "武汉长江中心" in sentence.inner_text() and sentence.is_visible()
    shoot(page, "report", full_page=False)  # the view a reader lands on: the sentence, scrolled to
    assert only_local(page, server) == []


def test_indicator_page_draws_its_chart(page, server):
    page.goto(server + "/id/indicator/quanshehuigudingzichantouzi-ba72")
    chart = page.locator("figure.chart:not(.plan) svg").first  # the plan chart comes first (test_plan_pages.py)
    assert chart.is_visible() and chart.locator("rect.bar.result").count() == 1
    assert page.locator("figure.chart.plan svg rect.col.target").count() == 1  # the 2021 target of 300亿元
    shoot(page, "indicator")


def test_query_page_runs_an_example_from_the_bundled_yasgui(page, server):
    page.goto(server + "/query")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click("button.example >> nth=0")
    page.wait_for_selector(".yasr td:has-text('地区生产总值')", timeout=15000)
    shoot(page, "query")
    assert only_local(page, server) == [], "the query page must load nothing from another origin"


def test_pages_fit_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(server + "/id/place/binjiangshangwuqu-ee73?lang=en")
    width = phone.evaluate("document.documentElement.scrollWidth")
    shoot(phone, "place-phone")
    context.close()
    assert width <= 390, "no sideways scrolling on a phone"
