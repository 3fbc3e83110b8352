"""Main indicators in the layouts the genre uses, and each figure's reference period from the part it stands in.

The reports below are written for these tests (figures invented) in the variants of tests/read/variants/.
"""
from plangraph.read.indicators import indicator_bullets
from plangraph.read.outline import parse_outline

NUMBERED = """一、2024年1—6月份国民经济和社会发展计划执行情况
(一)主要指标完成情况
1.地区生产总值(注1)。年度预期目标增长6.5%,1—6月份完成301.4亿元,同比增长5.2%,低于年度目标1.3个百分点。
2.城镇登记失业率。年度控制目标4.5%以内,6月末为3.1%。
(二)重点工作推进情况
1.项目建设加快推进。全区实施重点项目64个,完成投资52.3亿元。新增城镇就业3120人,完成年度目标的55.2%。
二、下半年工作安排
(一)稳住经济增长。力争全年地区生产总值增长6%以上、社会消费品零售总额增长7%左右。
"""

TABLE = """一、1-6月计划执行情况
(一)主要指标完成情况
指标名称	单位	年度目标	1-6月完成	同比增长(%)	完成年度目标(%)
地区生产总值	亿元	260	121.5	5.8	46.7
其中:税收收入	亿元	9.6	4.9	-2.1	51.0
城镇新增就业	人	5000	2710	—	54.2
二、7-12月工作安排
(一)抓项目。确保全年固定资产投资增长8%。
"""

ANNUAL = """一、2024年国民经济和社会发展计划执行情况
地区生产总值预期增长6%,实际完成1820.5亿元、增长5.1%,低于预期目标0.9个百分点,未完成。
二、2025年国民经济和社会发展的主要预期目标
地区生产总值增长5.5%左右,城镇调查失业率控制在5.5%以内。
"""


def read(text: str, year: int, period: str):
    bullets = indicator_bullets(text, parse_outline(text), year, period)
    return [(f.indicator or b.name, f.role, str(f.figure.value), f.period) for b in bullets for f in b.figures
            if f.figure is not None]


def test_numbered_items_with_a_footnote_and_plans():
    found = read(NUMBERED, 2024, "2024-S1")
    assert found[:4] == [("地区生产总值", "TargetGrowth", "6.5", "2024"), ("地区生产总值", "ResultLevel", "301.4", "2024-S1"),
                         ("地区生产总值", "YearOnYearGrowth", "5.2", "2024-S1"),
                         ("地区生产总值", "GapToTarget", "-1.3", "2024-S1")]
    assert ("城镇登记失业率", "TargetLevel", "4.5", "2024") in found
    assert ("城镇登记失业率", "ResultLevel", "3.1", "2024-S1") in found
    assert ("新增城镇就业", "ShareOfTarget", "55.2", "2024-S1") in found           # a known indicator in task text
    assert ("社会消费品零售总额", "TargetGrowth", "7", "2024") in found            # the plan: targets of the year
    assert not any(value == "1" for _, _, value, _ in found)                      # (注1) is no figure
    assert not any(name.startswith("项目") or "重点项目" in name for name, *_ in found)   # task figures stay quantities


def test_a_table_split_by_tabs():
    found = read(TABLE, 2024, "2024-S1")
    assert ("税收收入", "YearOnYearGrowth", "-2.1", "2024-S1") in found
    assert ("地区生产总值", "TargetLevel", "260", "2024") in found
    assert [r for r in found if r[0] == "城镇新增就业"] == [("城镇新增就业", "TargetLevel", "5000", "2024"),
                                                        ("城镇新增就业", "ResultLevel", "2710", "2024-S1"),
                                                        ("城镇新增就业", "ShareOfTarget", "54.2", "2024-S1")]
    assert ("固定资产投资", "TargetGrowth", "8", "2024") in found


def test_annual_report_targets_of_the_next_year():
    found = read(ANNUAL, 2024, "2024")
    assert ("地区生产总值", "ResultLevel", "1820.5", "2024") in found
    assert ("地区生产总值", "GapToTarget", "-0.9", "2024") in found
    assert ("地区生产总值", "TargetGrowth", "5.5", "2025") in found
    assert ("城镇调查失业率", "TargetLevel", "5.5", "2025") in found


def test_a_heading_that_runs_on_is_a_heading_and_a_paragraph():
    text = "一、上半年计划执行情况\n（一）经济运行稳中向好。全区地区生产总值（GDP）完成410.2亿元，同比增长6.3%。\n"
    outline = parse_outline(text)
    block = next(s for s in outline.sections if s.kind != "part")
    assert block.title == "经济运行稳中向好"
    assert outline.paragraphs[0].sentences[0].text.startswith("全区地区生产总值")
    assert read(text, 2024, "2024-S1")[0] == ("地区生产总值", "ResultLevel", "410.2", "2024-S1")


PROSE_RESPECTIVELY = """一、上半年计划执行情况
（一）投资稳步增长。上半年，全区固定资产投资同比增长6.2%，其中工业投资、民间投资和基础设施投资分别增长12.1%、3.4%、8.8%。
（二）新动能加快成长。数字经济核心产业增加值和技术合同成交额分别达到48.6亿元、12.3亿元。旅游收入、限额以上批发业销售额分别下降3.2%、1.5%。
（三）民生保障有力。新建和改扩建学校、幼儿园分别达到12所、8所。
"""


def test_respectively_in_prose_spreads_indicator_shaped_names_the_table_does_not_know():
    found = read(PROSE_RESPECTIVELY, 2023, "2023-S1")
    assert ("固定资产投资", "YearOnYearGrowth", "6.2", "2023-S1") in found
    assert [r for r in found if r[0] in ("工业投资", "民间投资", "基础设施投资")] == [
        ("工业投资", "YearOnYearGrowth", "12.1", "2023-S1"), ("民间投资", "YearOnYearGrowth", "3.4", "2023-S1"),
        ("基础设施投资", "YearOnYearGrowth", "8.8", "2023-S1")]
    assert ("数字经济核心产业增加值", "ResultLevel", "48.6", "2023-S1") in found
    assert ("技术合同成交额", "ResultLevel", "12.3", "2023-S1") in found
    assert ("旅游收入", "YearOnYearGrowth", "-3.2", "2023-S1") in found
    assert ("限额以上批发业销售额", "YearOnYearGrowth", "-1.5", "2023-S1") in found
    assert not any(value in ("12", "8") for _, _, value, _ in found)      # schools counted are no indicator
