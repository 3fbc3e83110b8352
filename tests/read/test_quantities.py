"""Quantities of the task text: value, unit, qualifier, what they measure, their period; rankings; no invented numbers."""
import re
from decimal import Decimal

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from plangraph.rdf.vocab import OA, PG
from plangraph.read.numbers import cn_value
from plangraph.read.outline import parse_outline
from plangraph.read.quantities import sentence_quantities
from plangraph.read.repair import repaired


def quantities(sentence: str, planned: bool = False):
    text = "一、上半年计划执行情况\n(二)主要任务完成情况\n1.发挥创新引领作用\n" + sentence + "\n"
    outline = parse_outline(text)
    [s] = [s for p in outline.paragraphs for s in p.sentences if sentence.startswith(s.text[:4])][:1]
    return sentence_quantities(text, s, planned)


@pytest.mark.parametrize("sentence, stated, value, unit, qualifier, measures", [
    ("扶持科技企业成长,组织高企培训会11场。", "11场", "11", "场", None, "高企培训会"),
    ("推进科技成果转化,成功签约23个项目。", "23个", "23", "个", None, "项目"),
    ("做好特殊困难群众关爱服务,发放低保金2461.96万元。", "2461.96万元", "2461.96", "万元", None, "低保金"),
    ("吸引1万余名大学生留汉。", "1万余名", "1", "万名", "MoreThan", "大学生"),
    ("新增武昌珞珈山幼儿园等3所公办园。", "3所", "3", "所", None, "公办园"),
    ("对接金额逾93.3亿元。", "93.3亿元", "93.3", "亿元", "MoreThan", "对接金额"),
    ("组织开展社区赋能培训两期,培训人数约160人次。", "两期", "2", "期", None, "社区赋能培训"),
    ("重点打造中南、中北、徐东三个核心商圈。", "三个", "3", "个", None, "核心商圈"),
    ("登记失业率控制在市级目标5.5%以内。", "5.5%以内", "5.5", "%", "Within", "登记失业率控制在市级目标"),
])
def test_task_quantities(sentence, stated, value, unit, qualifier, measures):
    [q] = [q for q in quantities(sentence) if q.figure.stated == stated]
    assert (q.value, q.figure.unit_label, q.figure.qualifier, q.measures) == (Decimal(value), unit, qualifier, measures)


@pytest.mark.parametrize("sentence", [
    "充分夯实“一号工程”的中枢作用。", "落实“五个中心”建设。", "积极开展“一谱一策三清单”编制工作。",
    "为“十四五”发展开好局。", "区十五届人民代表大会第六次会议审议通过。", "轨道交通11号线三期等项目顺利推进。",
    "1-6月我区城市综合管理成绩良好。", "2021年8月27日召开。", "昙华林核心区二期开街。",
])
def test_not_quantities(sentence):
    assert quantities(sentence) == []


def test_range_is_one_quantity():
    [q] = quantities("力争引进1-2家行业头部企业。", planned=True)
    assert (q.low, q.value, q.figure.unit, q.planned) == (Decimal(1), Decimal(2), "家", True)


@pytest.mark.parametrize("sentence, measures, scope, rank", [
    ("1-6月我区城市综合管理成绩排名中心城区第2。", "城市综合管理成绩", "中心城区", 2),
    ("上半年我区水环境治理考核居全市第一。", "水环境治理考核", "全市", 1),
    ("2021年新高考首战告捷, 600分人数稳居全市第一。", "600分人数", "全市", 1),
])
def test_rankings(sentence, measures, scope, rank):
    [q] = [q for q in quantities(sentence) if q.rank]
    assert (q.measures, q.scope, q.rank) == (measures, scope, rank)


def test_cn_value():
    assert [cn_value(n) for n in ("两", "三", "十二", "三十", "九十九")] == [2, 3, 12, 30, 99]


def test_middle_dot_repaired_without_moving_offsets():
    text = "发布AI公交站、洪山礼堂?云图数字共享客厅等6个人工智能应用场景"
    assert repaired(text) == text.replace("?", "·") and len(repaired(text)) == len(text)
    assert repaired("what? 好") == "what? 好"


def test_seed_quantities_in_graph(seed_report):
    from plangraph.rdf.graph import report_graph
    graph = report_graph(seed_report)
    labels = {str(graph.value(q, PG.measures)): graph.value(q, PG.value)
              for q in graph.subjects(RDF.type, PG.Quantity)}
    assert labels["低保金"] == Literal(Decimal("2461.96"))
    assert labels["残疾人两项补贴"] == Literal(Decimal("365.42"))
    rankings = {str(graph.value(q, PG.measures)): (graph.value(q, PG.rank).toPython(), str(graph.value(q, PG.scope)))
                for q in graph.subjects(RDF.type, PG.Ranking)}
    assert rankings == {"城市综合管理成绩": (2, "中心城区"), "水环境治理考核": (1, "全市"), "河湖长制考核": (1, "全市"),
                        "增量": (1, "中心城区"), "600分人数": (1, "全市")}
    planned = [q for q in graph.subjects(RDF.type, PG.Quantity) if graph.value(q, PG.modality) == PG.Planned]
    assert any(str(graph.value(q, PG.measures)) == "社区老年人服务中心" for q in planned)


def _stated_numbers(quote: str) -> set[Decimal]:
    numbers = {Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", re.sub(r"(?<=\d)\s+(?=[.\d])|(?<=\.)\s+", "", quote))}
    return numbers | {Decimal(v) for v in (cn_value(c) for c in re.findall(r"[一二两三四五六七八九十]+", quote)) if v}


def test_no_invented_numbers(seed_report):
    """Every pg:value of the seed graph appears in the text at its span, unless it is pg:Computed."""
    from plangraph.rdf.graph import report_graph
    graph = report_graph(seed_report)
    text = seed_report.text
    checked = 0
    for node, value in graph.subject_objects(PG.value):
        if graph.value(node, PG.derivation) == PG.Computed:
            assert len(list(graph.objects(node, PG.computedFrom))) >= 2
            continue
        span = graph.value(node, PROV.wasDerivedFrom)
        position = URIRef(f"{span}#position")
        start, end = graph.value(position, OA.start).toPython(), graph.value(position, OA.end).toPython()
        assert abs(value.toPython()) in _stated_numbers(text[start:end]), (node, value, text[start:end])
        checked += 1
    assert checked > 150


@pytest.mark.parametrize("sentence, expected", [
    ("区十七届人大三次会议确定的8项主要预期指标中,5项达到或超过序时进度,3项低于预期。",
     [("8", "主要预期指标"), ("5", "达到或超过序时进度"), ("3", "低于预期")]),
    ("全区12项主要经济指标中,9项增速高于全市平均水平。", [("12", "主要经济指标"), ("9", "增速高于全市平均水平")]),
])
def test_counts_of_the_indicators_in_the_main_block_are_quantities(sentence, expected):
    from plangraph.read.report import parse_report
    text = ("关于青州区2023年上半年国民经济和社会发展计划执行情况的报告\n"
            "——2023年8月25日在江州市青州区第十八届人民代表大会常务委员会第十三次会议上\n"
            "区发展和改革局局长 林青\n主任、各位副主任、各位委员:\n一、上半年计划执行情况\n(一)主要指标完成情况\n"
            f"{sentence}\n1.地区生产总值。年度预期目标增长7%,1—6月份完成486.25亿元,同比增长6.2%。\n")
    report = parse_report(text, "qingzhou-2023-h1.txt")
    assert [(str(q.figure.value), q.measures) for q in report.quantities] == expected   # 486.25 is the indicator's
