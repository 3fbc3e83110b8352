"""Triples of names read in prose of any style: a project lies in its area, roads and regions are places."""
from rdflib import RDF, RDFS, Literal

from plangraph.rdf.graph import report_graph
from plangraph.rdf.vocab import PG
from plangraph.read.report import parse_report
from plangraph.store.validation import validate

TEXT = ("关于青州区2023年上半年国民经济和社会发展计划执行情况的报告\n"
        "——2023年8月25日在江州市青州区第十八届人民代表大会常务委员会第十三次会议上\n"
        "区发展和改革局局长 林青\n主任、各位副主任、各位委员:\n"
        "一、上半年计划执行情况\n(一)主要任务完成情况\n"
        "推进重点项目建设。滨湖新区内,星光数据中心项目完成主体施工,滨湖会展中心进入装修阶段。"
        "完成长安大道、桂园路等8条道路提升改造。赴长三角开展招商活动8次。\n")


def thing(graph, label):
    [node] = list(graph.subjects(RDFS.label, Literal(label, lang="zh")))
    return node


def test_a_project_lies_in_the_area_the_text_places_it_in_and_the_graph_conforms():
    from rdflib.namespace import (
        SDO,  # imported here: pytest probing a module-level SDO warns
    )
    graph = report_graph(parse_report(TEXT, "qingzhou-2023-h1.txt"))
    area = thing(graph, "滨湖新区")
    for project in ("星光数据中心项目", "滨湖会展中心"):
        assert (thing(graph, project), SDO.location, area) in graph
    assert (thing(graph, "长安大道"), RDF.type, PG.Road) in graph
    assert (thing(graph, "长三角"), RDF.type, PG.Region) in graph
    assert validate(graph).conforms
