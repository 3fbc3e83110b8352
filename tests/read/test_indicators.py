"""The main-indicator block: the six bullets of the seed and the phrasings of the genre."""
from decimal import Decimal

import pytest

from plangraph.read.indicators import read_bullet
from plangraph.read.outline import parse_outline

SEED_INDICATORS = {
    "地区生产总值": [("TargetGrowth", "7", "%"), ("ResultLevel", "779.43", "亿元"), ("YearOnYearGrowth", "22.3", "%"),
                     ("GrowthVsBase", "4.9", "%")],
    "地方一般公共预算收入": [("TargetGrowth", "15", "%"), ("ResultLevel", "91.75", "亿元"),
                             ("YearOnYearGrowth", "69.3", "%"), ("GrowthVsBase", "0.1", "%")],
    "全社会固定资产投资": [("TargetLevel", "300", "亿元"), ("ResultLevel", "190.59", "亿元"), ("ShareOfTarget", "63.53", "%"),
                           ("YearOnYearGrowth", "85.03", "%"), ("GrowthVsBase", "4.71", "%")],
    "重大项目": [("TargetLevel", "210", "项"), ("TargetLevel", "270", "亿元"), ("ResultLevel", "206", "项"),
                 ("ResultLevel", "178.62", "亿元"), ("ShareOfTarget", "66.16", "%")],
    "城镇居民人均可支配收入": [("TargetQualitative", "高于经济增长", None), ("ResultQualitative", "高于GDP较2019年同期增速", None)],
    "单位地区生产总值能耗降低率": [("ResultQualitative", "完成市级下达目标", None)],
}


def facts(bullet):
    return [(f.role, str(f.figure.value) if f.figure else f.text, f.figure.unit_label if f.figure else None)
            for f in bullet.figures]


def test_seed_has_six_indicators_with_all_their_figures(seed_report):
    assert {b.name: facts(b) for b in seed_report.bullets if b.paragraph.kind == "bullet"} == SEED_INDICATORS


def test_seed_figure_spans_and_qualifiers(seed_report, seed_text):
    figures = [f for b in seed_report.bullets if b.paragraph.kind == "bullet" for f in b.figures]
    for f in figures:
        assert seed_text[f.start:f.end] == f.text
    qualified = [(f.text, f.figure.qualifier) for f in figures if f.figure and f.figure.qualifier]
    assert qualified == [("270亿元以上", "AtLeast")]
    bullets = [b for b in seed_report.bullets if b.paragraph.kind == "bullet"]
    assert [f.estimated for f in bullets[-1].figures] == [True]


def bullet(line: str, year: int = 2021):
    text = "一、上半年计划执行情况\n(一)主要指标完成情况\n" + line + "\n"
    outline = parse_outline(text)
    return read_bullet(text, outline.paragraphs[0], year)


@pytest.mark.parametrize("line, name, expected", [
    ("——全年地区生产总值计划增长7.8%。上半年完成856.52亿元、同比增长5.6%。", "地区生产总值",
     [("TargetGrowth", "7.8"), ("ResultLevel", "856.52"), ("YearOnYearGrowth", "5.6")]),
    ("——全年地区生产总值预期目标增长6.5%左右。上半年地区生产总值增速-14.2%。", "地区生产总值",
     [("TargetGrowth", "6.5"), ("YearOnYearGrowth", "-14.2")]),
    ("——全年社会消费品零售总额预期目标增长10%以上。上半年同比下降40.9%。", "社会消费品零售总额",
     [("TargetGrowth", "10"), ("YearOnYearGrowth", "-40.9")]),
    ("——全年规模以上工业增加值预期目标增长8%。上半年同比增长-9.7%,两年平均增长5.7%。", "规模以上工业增加值",
     [("TargetGrowth", "8"), ("YearOnYearGrowth", "-9.7"), ("AverageGrowth", "5.7")]),
    ("——全年地方一般公共预算收入预期目标增长5%。上半年完成40.1亿元,为预算的40.1%。", "地方一般公共预算收入",
     [("TargetGrowth", "5"), ("ResultLevel", "40.1"), ("ShareOfTarget", "40.1")]),
])
def test_genre_phrasings(line, name, expected):
    b = bullet(line)
    assert b.name == name
    assert [(f.role, str(f.figure.value)) for f in b.figures] == expected


def test_negative_values_are_decimals():
    b = bullet("——全年地区生产总值预期目标增长7%。上半年同比下降40.9%。")
    assert b.figures[-1].figure.value == Decimal("-40.9")


def test_a_comparison_in_words_is_one_figure_with_one_role():
    """高于经济增长水平 was read both as a comparison and as a qualitative result: one span, two roles."""
    b = bullet("——全年城镇居民人均可支配收入增长高于经济增长。上半年城镇居民人均可支配收入预计增长6.1%,高于经济增长水平。")
    spans = [(f.start, f.end) for f in b.figures]
    assert len(spans) == len(set(spans))
    assert [f.role for f in b.figures if f.text == "高于经济增长水平"] == ["Comparison"]
