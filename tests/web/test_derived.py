"""Tables the pages derive from the store once, when the app is created, and the reader's lines and HTML."""
from __future__ import annotations

import pytest

from plangraph.web.pages.reader import Spans, split_lines, text_html
from plangraph.web.pages.text import Mark, Piece, marked

BASE = "https://w3id.org/plangraph/"
REPORT = "id/report/wuhanshiwuchangqu-6d2f/2021-S1"
GDP = "id/indicator/diqushengchanzongzhi-9a16"
DISTRICT = "id/place/wuhanshiwuchangqu-6d2f"


class Asked:
    """A store the pages can only query, as an external SPARQL endpoint: nothing is derived from it at load."""

    def __init__(self, store):
        self.store = store

    def query(self, sparql, **options):
        return self.store.query(sparql, **options)


@pytest.fixture(scope="module")
def asked_app(seed_store):
    from plangraph.web import create_app
    return create_app({"PLANGRAPH_STORE": Asked(seed_store), "TESTING": True})


def test_the_tables_are_derived_when_the_app_is_created(app):
    tables = app.extensions["plangraph.derived"]
    spans = tables["spans"][BASE + REPORT]
    assert spans.sections[0][0] < spans.sections[-1][0]  # by offset
    assert {number for _, _, number in spans.sentences} >= {"3", "45"}
    assert (BASE + REPORT + "/figure/287-295", 287, 295, "地区生产总值 · 完成值 · 779.43亿元") in spans.marks
    assert tables["district_reports"][BASE + GDP] == {BASE + DISTRICT: 1}


def test_an_endpoint_asked_per_request_gives_the_same_pages(app, asked_app):
    assert asked_app.extensions["plangraph.derived"] == {}
    for path in (f"/{REPORT}", f"/{GDP}", f"/{GDP}?district={BASE}{DISTRICT}"):
        derived, asked = app.test_client().get(path), asked_app.test_client().get(path)
        assert derived.status_code == asked.status_code == 200
        assert derived.get_data() == asked.get_data(), path
    page = app.test_client().get(f"/{REPORT}").get_data(as_text=True)
    assert f'href="/{REPORT}/figure/287-295" title="地区生产总值 · 完成值 · 779.43亿元">779.43亿元</a>' in page


TEXT = "一、主要指标\n上半年地区生产总值完成779.43亿元。固定资产投资增长12%。\n"  # a heading, then a paragraph from 7


def test_lines_carry_the_marks_of_each_sentence_the_shortest_of_overlapping_ones():
    gdp, investment = TEXT.index("779.43亿元"), TEXT.index("12%")
    marks = [Mark(investment, investment + 3, "/b", "增速", "span-b"),
             Mark(7, gdp + 8, "/long", "整句", "span-long"),          # the whole first clause, around the figure
             Mark(gdp, gdp + 8, "/a", "完成值", "span-a")]
    sentences = [(7, TEXT.index("固定"), "1"), (TEXT.index("固定"), TEXT.index("。\n") + 1, "2")]
    lines = split_lines(TEXT, {0: (0, 2, BASE + REPORT + "/section/1", "一、主要指标")}, sentences, marks)
    heading, paragraph = lines
    assert heading.level == 2 and heading.anchor == "section-1"
    first, second = paragraph.runs
    assert first[0] == "sentence-1" and [p.mark.href for p in first[1] if p.mark] == ["/a"]
    assert second[0] == "sentence-2" and [p.text for p in second[1] if p.mark] == ["12%"]


def test_the_html_of_a_line_escapes_what_the_data_says():
    pieces = (Piece("上半年"), Piece("武汉长江中心", Mark(3, 9, "/id/project/x?a=1&b=2", '「中心」"<b>', "span-3-9")),
              Piece("建设", Mark(9, 11)))
    assert marked(pieces) == ('上半年<a class="mention" id="span-3-9" href="/id/project/x?a=1&amp;b=2" '
                              'title="「中心」&#34;&lt;b&gt;">武汉长江中心</a><mark>建设</mark>')
    html = text_html(split_lines("上半年武汉长江中心建设", {}, [(0, 11, "7")], [p.mark for p in pieces if p.mark]))
    assert html == f'\n<p><span class="s" id="sentence-7">{marked(pieces)}</span></p>\n\n'


def test_a_report_without_spans_reads_as_plain_text():
    assert Spans() == Spans([], [], [])
    assert text_html(split_lines("全年目标任务顺利完成。", {}, [], [])) == "\n<p>全年目标任务顺利完成。</p>\n\n"
