"""The clause reader: each clause's subject, its figures, their roles and signs, in sentences of every layout.

The sentences are written for these tests in the genre's phrasings (figures invented), not taken from the
variant reports, so that the rules are judged on text they were not written from.
"""
from decimal import Decimal

import pytest

from plangraph.read.clauses import read_sentence
from plangraph.read.outline import split_sentences


def read(text: str, target: bool = False, known_only: bool = False):
    """(indicator, role, value, unit) of every figure of the text, in order."""
    out = []
    for sentence in split_sentences(text, 0, len(text), 1):
        for reading in read_sentence(text, sentence, target=target, known_only=known_only):
            for f in reading.figures:
                value = str(f.figure.value) if f.figure else f.text
                out.append((f.indicator or reading.subject.names[0], f.role, value,
                            f.figure.unit_label if f.figure else None))
    return out


@pytest.mark.parametrize("text, expected", [
    # prose, the subject named once and its clauses after it
    ("一季度全市GDP实现1288.6亿元,同比增长4.9%,增速低于全省0.3个百分点。",
     [("GDP", "ResultLevel", "1288.6", "亿元"), ("GDP", "YearOnYearGrowth", "4.9", "%"),
      ("GDP", "Comparison", "-0.3", "个百分点")]),
    # falls, whatever the verb
    ("地方一般公共预算收入完成41.3亿元,同比降低6.8%。", [("地方一般公共预算收入", "ResultLevel", "41.3", "亿元"),
                                                    ("地方一般公共预算收入", "YearOnYearGrowth", "-6.8", "%")]),
    ("规模以上工业增加值增速比一季度回落2.2个百分点。", [("规模以上工业增加值", "ChangeInPoints", "-2.2", "个百分点")]),
    ("外贸进出口总额完成88.2亿元,同比减少3.5%。", [("外贸进出口总额", "ResultLevel", "88.2", "亿元"),
                                               ("外贸进出口总额", "YearOnYearGrowth", "-3.5", "%")]),
    # a target inside a result
    ("固定资产投资完成188亿元,完成年度计划360亿元的52.2%。",
     [("固定资产投资", "ResultLevel", "188", "亿元"), ("固定资产投资", "TargetLevel", "360", "亿元"),
      ("固定资产投资", "ShareOfTarget", "52.2", "%")]),
    # a gap to the target, below is negative
    ("全县完成GDP212.5亿元,同比增长4.1%,低于年度预期目标2.4个百分点。",
     [("GDP", "ResultLevel", "212.5", "亿元"), ("GDP", "YearOnYearGrowth", "4.1", "%"),
      ("GDP", "GapToTarget", "-2.4", "个百分点")]),
    # Latin glued to the figure
    ("CPI上涨1.2%,PMI为49.6%。", [("CPI", "YearOnYearGrowth", "1.2", "%"), ("PMI", "ResultLevel", "49.6", "%")]),
    # balances and their change since the start of the year
    ("截至6月末,各项贷款余额612.4亿元,较年初增加21.7亿元。",
     [("各项贷款余额", "ResultLevel", "612.4", "亿元"), ("各项贷款余额", "ChangeSinceStartOfYear", "21.7", "亿元")]),
    # a share of the subject before: named after it
    ("其中税收收入18.6亿元,占一般公共预算收入的比重为78.1%。",
     [("税收收入", "ResultLevel", "18.6", "亿元"), ("税收收入占一般公共预算收入的比重", "ResultLevel", "78.1", "%")]),
    # an enumeration opens the clause without naming anything
    ("主要原因:一是工业投资同比下降12.3%,拖累投资增长。", [("工业投资", "YearOnYearGrowth", "-12.3", "%")]),
    # how long a state lasted is not the indicator's value
    ("PMI为50.3%,连续4个月位于扩张区间。", [("PMI", "ResultLevel", "50.3", "%")]),
])
def test_prose_clauses(text, expected):
    assert read(text) == expected


def test_respectively_spreads_two_names_over_two_values():
    found = read("城镇和农村居民人均可支配收入分别达到30125元、14388元,分别增长5.2%、7.1%。")
    assert found == [("城镇居民人均可支配收入", "ResultLevel", "30125", "元"),
                     ("农村居民人均可支配收入", "ResultLevel", "14388", "元"),
                     ("城镇居民人均可支配收入", "YearOnYearGrowth", "5.2", "%"),
                     ("农村居民人均可支配收入", "YearOnYearGrowth", "7.1", "%")]


def test_three_names_three_values():
    found = read("规模以上工业增加值、服务业增加值、农业增加值分别增长6.6%、5.1%、3.3%。")
    assert [(n, v) for n, _, v, _ in found] == [("规模以上工业增加值", "6.6"), ("服务业增加值", "5.1"), ("农业增加值", "3.3")]


def test_targets_keep_ranges_and_qualifiers():
    text = "全年工业用电量预期增长5%-6%,城镇登记失业率预期控制在4.5%以内。"
    readings = [f for s in split_sentences(text, 0, len(text), 1) for r in read_sentence(text, s) for f in r.figures]
    assert [(f.role, f.low, f.figure.value) for f in readings] == [("TargetGrowth", Decimal("5"), Decimal("6")),
                                                                   ("TargetLevel", None, Decimal("4.5"))]
    assert readings[1].figure.qualifier == "Within"


def test_plan_clauses_are_targets():
    found = read("力争全年地区生产总值增长6%左右、社会消费品零售总额增长7%以上。")
    assert found == [("地区生产总值", "TargetGrowth", "6", "%"), ("社会消费品零售总额", "TargetGrowth", "7", "%")]


def test_ranks_in_chinese_numerals_and_two_ranks_in_one_phrase():
    text = "规模以上工业增加值增长9.1%,增速排名全市第二;工业投资增长15.2%,总量和增速均居全市第一。"
    found = [f for s in split_sentences(text, 0, len(text), 1) for r in read_sentence(text, s) for f in r.figures
             if f.role == "Rank"]
    assert [(f.figure.value, f.scope, f.measure) for f in found] == [(2, "全市", "增速"), (1, "全市", "总量"),
                                                                     (1, "全市", "增速")]
    assert len({(f.start, f.end) for f in found}) == 3          # three figures, three spans (and three IRIs)


def test_a_footnote_marker_does_not_stop_the_reader():
    assert read("地区生产总值(注1)预期目标增长6.5%。") == [("地区生产总值", "TargetGrowth", "6.5", "%")]


def test_a_counted_list_of_indicators_is_no_indicator():
    assert read("从上表看,固定资产投资、一般公共预算收入2项指标完成年度目标过半。") == []


def test_task_figures_stay_out_when_only_known_indicators_count():
    assert read("新认定高新技术企业58家,技术合同成交额达到12.4亿元。", known_only=True) == []
    assert read("新增城镇就业0.86万人,完成年度目标的61.4%。", known_only=True) == [
        ("新增城镇就业", "ResultLevel", "0.86", "万人"), ("新增城镇就业", "ShareOfTarget", "61.4", "%")]


@pytest.mark.parametrize("text, expected", [
    ("上半年全区PM2.5平均浓度为34微克/立方米，同比下降5.6%。",
     [("PM2.5平均浓度", "ResultLevel", "34", "微克/立方米"), ("PM2.5平均浓度", "YearOnYearGrowth", "-5.6", "%")]),
    ("第二季度PM2.5平均浓度同比下降7.4%。", [("PM2.5平均浓度", "YearOnYearGrowth", "-7.4", "%")]),
    ("全市细颗粒物(PM2.5)平均浓度38微克/立方米,同比下降9.5%。",
     [("细颗粒物平均浓度", "ResultLevel", "38", "微克/立方米"), ("细颗粒物平均浓度", "YearOnYearGrowth", "-9.5", "%")]),
])
def test_latin_and_digits_glued_to_a_name_are_part_of_it(text, expected):
    assert read(text, known_only=True) == expected


def test_a_name_with_a_code_the_table_does_not_know_has_an_indicators_shape():
    assert read("PM10平均浓度为58微克/立方米,同比下降3.3%。") == [
        ("PM10平均浓度", "ResultLevel", "58", "微克/立方米"), ("PM10平均浓度", "YearOnYearGrowth", "-3.3", "%")]
    assert read("GDP8612.7亿元,增长5.2%。") == [("GDP", "ResultLevel", "8612.7", "亿元"),
                                                ("GDP", "YearOnYearGrowth", "5.2", "%")]


@pytest.mark.parametrize("text, period", [
    ("第二季度PM2.5平均浓度同比下降7.4%。", "Q2"),
    ("三季度全区地区生产总值同比增长5.9%。", "Q3"),
    ("前三季度全区地区生产总值同比增长5.1%。", None),       # the report's own period, not one quarter
])
def test_a_figure_of_one_quarter_carries_that_quarter(text, period):
    [sentence] = split_sentences(text, 0, len(text), 1)
    [reading] = read_sentence(text, sentence)
    assert [f.period for f in reading.figures] == [period]


@pytest.mark.parametrize("text, expected", [
    ("一般公共预算收入完成38.75亿元，其中税收收入33.02亿元，占一般公共预算收入的85.2%。",
     [("一般公共预算收入", "ResultLevel", "38.75", "亿元"), ("税收收入", "ResultLevel", "33.02", "亿元"),
      ("税收收入占一般公共预算收入", "ResultLevel", "85.2", "%")]),
    ("服务业增加值完成312.5亿元,占地区生产总值的56.3%。",
     [("服务业增加值", "ResultLevel", "312.5", "亿元"), ("服务业增加值占地区生产总值", "ResultLevel", "56.3", "%")]),
])
def test_a_share_stated_without_bizhong_is_the_share_not_the_level(text, expected):
    assert read(text) == expected
