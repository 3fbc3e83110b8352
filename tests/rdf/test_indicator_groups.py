"""Indicators named jointly (分别): each figure an observation of its own indicator, naming the report's phrase.

The sentences are written for these tests in the genre's phrasings (figures invented).
"""
import pytest
from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from plangraph.rdf.graph import report_graph
from plangraph.rdf.iris import Minter
from plangraph.rdf.vocab import PG
from plangraph.read.report import parse_report
from plangraph.store.validation import validate

REPORT = ("关于芙蓉区2024年上半年国民经济和社会发展计划执行情况的报告\n"
          "——2024年8月28日在长沙市芙蓉区第十八届人大常委会第二十次会议上\n区发展和改革局局长 刘洋\n"
          "主任、各位副主任、各位委员:\n一、上半年计划执行情况\n上半年,全区地区生产总值完成512.3亿元,同比增长5.1%。{sentence}\n"
          "二、下半年工作安排\n(一)稳增长\n加快项目建设。\n")


def figures_by_group(sentence: str):
    """The graph of a report stating ``sentence``, and {group label: [(indicator label, stated figure)]}."""
    graph = report_graph(parse_report(REPORT.format(sentence=sentence), "t.txt"), Minter("https://example.org/"))
    found = {}
    for figure, group in graph.subject_objects(PG.indicatorGroup):
        members = set(graph.objects(group, SKOS.member))
        indicator = graph.value(figure, PG.indicator)
        assert indicator in members, "a figure's own indicator is a member of the group it names"
        stated = str(graph.value(figure, RDFS.label)).rsplit(" · ", 1)[-1]
        found.setdefault(str(graph.value(group, RDFS.label)), []).append((str(graph.value(indicator, RDFS.label)), stated))
    return graph, {label: sorted(pairs) for label, pairs in found.items()}


@pytest.mark.parametrize("sentence, phrase, expected", [
    # two members, two roles, each spread in turn
    ("城镇和农村常住居民人均可支配收入分别完成23584元、10672元,分别增长4.6%、6.9%。", "城镇和农村常住居民人均可支配收入",
     [("农村常住居民人均可支配收入", "10672元"), ("农村常住居民人均可支配收入", "6.9%"),
      ("城镇常住居民人均可支配收入", "23584元"), ("城镇常住居民人均可支配收入", "4.6%")]),
    # two whole names joined by 和
    ("存款余额和贷款余额分别完成1523.6亿元、1187.2亿元。", "存款余额和贷款余额",
     [("存款余额", "1523.6亿元"), ("贷款余额", "1187.2亿元")]),
    # three members sharing one head
    ("城镇、农村和全体居民人均可支配收入分别增长4.1%、6.3%、5.0%。", "城镇、农村和全体居民人均可支配收入",
     [("全体居民人均可支配收入", "5.0%"), ("农村居民人均可支配收入", "6.3%"), ("城镇居民人均可支配收入", "4.1%")]),
    # three whole names, listed with 、 and 和
    ("规模以上工业增加值、服务业增加值和农业增加值分别增长6.6%、5.1%、3.3%。", "规模以上工业增加值、服务业增加值和农业增加值",
     [("农业增加值", "3.3%"), ("服务业增加值", "5.1%"), ("规模以上工业增加值", "6.6%")]),
])
def test_each_figure_of_a_joint_name_is_its_own_indicators_and_names_the_phrase(sentence, phrase, expected):
    graph, groups = figures_by_group(sentence)
    assert groups == {phrase: expected}
    assert validate(graph).conforms


def test_a_figure_of_one_indicator_names_no_group():
    graph, groups = figures_by_group("规模以上工业增加值同比增长8.3%。")
    assert groups == {}
    assert (None, PG.indicator, None) in graph
    assert not list(graph.subjects(SKOS.member, None))


def test_the_group_is_stated_once_with_its_members():
    graph, _ = figures_by_group("城镇和农村居民人均可支配收入分别增长5.8%、7.4%。")
    [group] = set(graph.subjects(RDFS.label, Literal("城镇和农村居民人均可支配收入", lang="zh")))
    assert {str(graph.value(m, RDFS.label)) for m in graph.objects(group, SKOS.member)} == {
        "城镇居民人均可支配收入", "农村居民人均可支配收入"}
