"""Each kind of document has its own report IRI: a year's plan and the annual report reviewing that year build
together, and neither takes the other's statements."""
import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from plangraph.errors import InputError
from plangraph.rdf.iris import Minter
from plangraph.rdf.vocab import PG
from plangraph.read.report import parse_report
from plangraph.store.build import build_store
from plangraph.store.export import as_rdflib

MINT = Minter()
BODY = ("一、{first}\n(一)主要指标完成情况\n——全年地区生产总值预期目标增长{growth}。\n"
        "但仍存在一些问题和困难:一是工业增长后劲不足。二是消费恢复偏慢。\n二、{second}\n(一)稳增长\n加快项目建设。\n")
PLAN_2024 = ("关于印发《历下区2024年国民经济和社会发展计划》的通知\n历下政发〔2024〕3号\n各街道办事处，区政府各部门：\n"
             "现将《历下区2024年国民经济和社会发展计划》印发给你们，请认真贯彻执行。\n济南市历下区人民政府\n2024年1月26日\n"
             "历下区2024年国民经济和社会发展计划\n"
             + BODY.format(first="2023年国民经济和社会发展计划执行情况", second="2024年经济社会发展的主要目标", growth="6%"))
ANNUAL_2024 = ("关于历下区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n"
               "——2025年1月8日在济南市历下区第十八届人民代表大会第五次会议上\n区发展和改革局局长 王  磊\n各位代表:\n"
               + BODY.format(first="2024年国民经济和社会发展计划执行情况",
                             second="2025年国民经济和社会发展的主要预期目标", growth="5.5%"))
HALF_2024 = ("关于历下区2024年上半年国民经济和社会发展计划执行情况的报告\n"
             "——2024年8月27日在济南市历下区第十八届人大常委会第二十一次会议上\n区发展和改革局局长 王  磊\n"
             "主任、各位副主任、各位委员:\n"
             + BODY.format(first="上半年计划执行情况", second="下半年工作安排", growth="6%"))


def built(*texts: tuple[str, str]):
    return as_rdflib(build_store([parse_report(text, name) for name, text in texts]).store)


def test_a_years_plan_and_the_annual_report_reviewing_that_year_build_together():
    dataset = built(("lixia-2024-plan.txt", PLAN_2024), ("lixia-2024-annual.txt", ANNUAL_2024),
                    ("lixia-2024-h1.txt", HALF_2024))
    plan, annual, half = (MINT.report("历下区", "济南市", "2024", "plan"), MINT.report("历下区", "济南市", "2024", "annual"),
                          MINT.report("历下区", "济南市", "2024-S1", "half-year"))
    genres = {g.identifier: g.value(g.identifier, PG.genre) for g in dataset.graphs()
              if (g.identifier, RDF.type, PG.Report) in g}
    assert genres == {plan: PG.AnnualPlan, annual: PG.AnnualReport, half: PG.HalfYearReport}
    # the execution reports keep the IRIs they always had; the plan is keyed by its kind
    assert str(annual).endswith("/2024") and str(half).endswith("/2024-S1") and str(plan).endswith("/plan/2024")
    assert len({plan, annual, half}) == 3


def test_each_kind_holds_only_its_own_parts():
    dataset = built(("lixia-2024-plan.txt", PLAN_2024), ("lixia-2024-annual.txt", ANNUAL_2024))
    plan = dataset.graph(MINT.report("历下区", "济南市", "2024", "plan"))
    annual = dataset.graph(MINT.report("历下区", "济南市", "2024", "annual"))
    in_plan = {s for s in plan.subjects() if isinstance(s, URIRef) and "/id/report/" in s}
    in_annual = {s for s in annual.subjects() if isinstance(s, URIRef) and "/id/report/" in s}
    assert in_plan and in_annual and not in_plan & in_annual


def test_two_plans_of_one_year_are_still_refused_by_name():
    with pytest.raises(InputError, match='"a.txt" and "b.txt" are the same district, period and kind'):
        built(("a.txt", PLAN_2024), ("b.txt", PLAN_2024))
