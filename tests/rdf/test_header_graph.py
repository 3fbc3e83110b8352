"""What the graph says about the report itself: place and level, genre, periods, title, portal fields, notice."""
import pytest
from rdflib import Literal, URIRef, namespace
from rdflib.namespace import DCTERMS, RDF, SKOS

from plangraph.rdf.graph import report_graph
from plangraph.rdf.iris import Minter
from plangraph.rdf.ontology import ontology_graph
from plangraph.rdf.vocab import PG
from plangraph.read.report import parse_report
from plangraph.store.validation import shapes_graph, validate

SH_TARGET_CLASS = URIRef("http://www.w3.org/ns/shacl#targetClass")
BODY = ("主任、各位副主任、各位委员:\n一、{first}\n(一)主要指标完成情况\n——全年地区生产总值预期目标增长6%。\n"
        "但仍存在一些问题和困难:一是工业增长后劲不足。二是消费恢复偏慢。\n二、{second}\n(一)稳增长\n加快项目建设。\n")
MINTER = Minter("https://example.org/")


def build(header: str, first="上半年计划执行情况", second="下半年工作安排"):
    report = parse_report(header + BODY.format(first=first, second=second), "test.txt")
    return report, report_graph(report, MINTER)


def test_half_year_report_written_1_6_month_is_the_first_half_of_a_district():
    report, g = build("关于芙蓉区2024年1—6月份国民经济和社会发展计划执行情况的报告\n"
                      "——2024年8月28日在长沙市芙蓉区第十八届人大常委会第二十次会议上\n区发展和改革局局长 刘  洋\n",
                      first="2024年1—6月份国民经济和社会发展计划执行情况")
    iri = MINTER.report("芙蓉区", "长沙市", "2024-S1", "half-year")
    assert (iri, PG.genre, PG.HalfYearReport) in g
    assert g.value(g.value(iri, PG.period), SKOS.notation) == Literal("2024-S1")
    place = g.value(iri, PG.district)
    assert place == MINTER.district("芙蓉区", "长沙市")
    assert (place, PG.level, PG.DistrictLevel) in g and (place, SKOS.altLabel, Literal("长沙市芙蓉区", lang="zh")) in g
    assert (place, PG.divisionCode, Literal("430102")) in g
    assert (place, namespace.SDO.containedInPlace, MINTER.district("长沙市", None)) in g
    assert validate(g).conforms


def test_province_report_without_title_has_its_title_inferred_and_marked():
    report, g = build("——2023年11月20日在湖南省第十四届人民代表大会常务委员会第七次会议上\n湖南省发展和改革委员会主任 李明\n",
                      first="前三季度国民经济和社会发展计划执行情况", second="第四季度重点工作")
    iri = MINTER.report("湖南省", None, "2023-Q1Q3", "three-quarters")
    assert (iri, PG.titleInferred, Literal(True)) in g
    assert str(g.value(iri, DCTERMS.title)) == "关于湖南省2023年前三季度国民经济和社会发展计划执行情况的报告"
    assert (g.value(iri, PG.district), PG.level, PG.ProvinceLevel) in g
    assert (iri, PG.genre, PG.ThreeQuarterReport) in g
    assert validate(g).conforms


def test_annual_report_states_its_reviewed_and_planned_years():
    report, g = build("关于江北区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n"
                      "——2024年1月10日在重庆市江北区第十九届人民代表大会第四次会议上\n",
                      first="2023年国民经济和社会发展计划执行情况", second="2024年国民经济和社会发展的主要预期目标")
    iri = MINTER.report("江北区", "重庆市", "2023", "annual")
    assert (iri, PG.genre, PG.AnnualReport) in g
    assert g.value(g.value(iri, PG.plannedPeriod), SKOS.notation) == Literal("2024")
    assert validate(g).conforms


def test_portal_fields_and_the_notice_of_a_plan():
    header = ("索引号：113701020043/2024-00031\n发布机构：济南市历下区人民政府\n"
              "关于印发《历下区2024年国民经济和社会发展计划》的通知\n历下政发〔2024〕3号\n各街道办事处，区政府各部门：\n"
              "济南市历下区人民政府\n2024年1月26日\n历下区2024年国民经济和社会发展计划\n")
    report, g = build(header, first="2023年国民经济和社会发展计划执行情况", second="2024年经济社会发展的主要目标")
    iri = MINTER.report("历下区", "济南市", "2024", "plan")
    assert (iri, PG.genre, PG.AnnualPlan) in g
    assert g.value(g.value(iri, PG.reviewedPeriod), SKOS.notation) == Literal("2023")
    assert "索引号：113701020043/2024-00031" in str(g.value(iri, DCTERMS.description))
    assert (iri, DCTERMS.issued, Literal("2024-01-26", datatype=namespace.XSD.date)) in g
    notice = g.value(iri, PG.notice)
    assert (notice, RDF.type, PG.Notice) in g and (notice, PG.documentNumber, Literal("历下政发〔2024〕3号")) in g
    assert validate(g).conforms


def test_every_class_in_use_has_a_shape_of_its_own(seed_dataset):
    targeted = set(shapes_graph().objects(None, SH_TARGET_CLASS))
    in_use = {o for o in seed_dataset.objects(None, RDF.type) if str(o).startswith(str(PG._NS))}
    assert PG.Problem in in_use
    assert in_use - targeted == set()


@pytest.mark.parametrize("name", ["pg:genre", "pg:level", "pg:reviewedPeriod", "pg:plannedPeriod", "pg:titleInferred",
                                  "pg:notice", "pg:divisionCode", "pg:Notice", "pg:ReportGenre",
                                  "pg:AdministrativeLevel"])
def test_new_terms_are_in_the_ontology(name):
    assert (PG[name[3:]], None, None) in ontology_graph()
