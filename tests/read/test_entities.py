"""Entities of the seed report: typed, deduplicated with aliases, each mention a span of the stored text."""
import pytest

from plangraph.read.entities import key


def by_name(report):
    return {e.name: e for e in report.entities}


@pytest.mark.parametrize("name, kind", [
    ("滨江商务区", "FunctionalArea"), ("武昌古城", "FunctionalArea"), ("华中金融城", "FunctionalArea"),
    ("小洪山科学城", "FunctionalArea"), ("昙华林核心区", "FunctionalArea"), ("水果湖街", "Street"),
    ("滨湖社区", "Community"), ("外沙湖", "WaterBody"), ("巡司河", "WaterBody"), ("紫阳湖", "WaterBody"), ("万吨冷库W2地块", "Plot"),
    ("四美塘", "Project"), ("明伦街棚改", "Project"), ("武汉长江中心", "Project"), ("临江大道76号", "Project"),
    ("区发改局", "GovernmentBody"), ("区疾控中心", "GovernmentBody"), ("区扫黑除恶专项斗争领导小组", "GovernmentBody"),
    ("华为(武汉)人工智能创新中心", "Enterprise"), ("长江铁路集团湖北公司", "Enterprise"),
    ("武汉银融兴昌信息软件产业园有限公司", "Enterprise"), ("市七医院", "Hospital"), ("武昌珞珈山幼儿园", "School"),
    ("武昌区突破性发展数字经济三年行动计划", "PolicyDocument"), ("李武军", "Person"), ("刘经南", "Person"),
    ("洪山礼堂·云图数字共享客厅", "Project"), ("AI公交站", "Project"), ("铁投·碳汇大厦", "Project"),
])
def test_seed_entities_have_their_class(seed_report, name, kind):
    entities = by_name(seed_report)
    assert entities[name].kind == kind


def test_aliases_merge_one_thing(seed_report):
    entities = by_name(seed_report)
    assert "金融城" in entities["华中金融城"].aliases
    assert "滨江商务核心区" in entities["滨江商务区"].aliases
    assert key("四美塘项目") == "四美塘" and key("市七医院迁建项目") == "市七医院迁建项目"


def test_every_mention_is_a_span_of_the_stored_text(seed_report):
    text = seed_report.text
    for entity in seed_report.entities:
        assert entity.mentions, entity.name
        for start, end in entity.mentions:
            names = {entity.name, *entity.aliases}
            stored = text[start:end].replace("?", "·")
            assert stored in names or any(stored in n for n in names), (entity.name, stored)


def test_people_have_their_roles(seed_report):
    entities = by_name(seed_report)
    assert entities["李武军"].detail == "区发改局局长"
    assert {entities[n].detail for n in ("刘经南", "詹明生", "叶朝辉")} == {"院士"}


def test_document_number(seed_report):
    [document] = [e for e in seed_report.entities if e.detail == "武昌发〔2021〕5号"]
    assert document.name.endswith("构建高质量现代化产业体系的实施意见")


def test_the_presenter_works_for_the_body_of_the_office_line(seed_report):
    from rdflib.namespace import RDFS, SDO

    from plangraph.rdf.graph import report_graph
    graph = report_graph(seed_report)
    [(person, body)] = list(graph.subject_objects(SDO.worksFor))
    assert (str(graph.value(person, RDFS.label)), str(graph.value(body, RDFS.label))) == ("李武军", "区发改局")


def test_roads_regions_and_people_of_the_body_are_entities():
    from plangraph.read.report import parse_report
    text = ("关于青州区2023年上半年国民经济和社会发展计划执行情况的报告\n"
            "——2023年8月25日在江州市青州区第十八届人民代表大会常务委员会第十三次会议上\n"
            "区发展和改革局局长 林青\n主任、各位副主任、各位委员:\n"
            "一、上半年计划执行情况\n(一)主要任务完成情况\n"
            "完善城市功能。完成长安大道、桂园路等8条道路提升改造。赴长三角、粤港澳大湾区开展招商活动8次。"
            "区政府副区长陈敏带队赴重点项目现场办公6次。\n")
    entities = {e.name: e for e in parse_report(text, "qingzhou-2023-h1.txt").entities}
    assert entities["长安大道"].kind == entities["桂园路"].kind == "Road"
    assert entities["粤港澳大湾区"].kind == "Region"
    assert (entities["陈敏"].kind, entities["陈敏"].detail) == ("Person", "副区长")


@pytest.mark.parametrize("sentence, kept", [
    ("加快发展数字经济,引进一批软件和信息服务企业。", None),                      # a batch of a kind
    ("成功引进多家新能源企业,新引进一批总部企业和研发机构。", None),
    ("新引进山东泉鑫数字科技有限公司。", "山东泉鑫数字科技有限公司"),           # one enterprise by its name
    ("济南中央商务区新引进金融机构和总部企业46家，泉汇金融中心项目竣工交付。", "泉汇金融中心项目"),   # counted: kinds
    ("经开区内新开工先进制造业项目和产业配套项目18个，星河电子产业园竣工投产。", "星河电子产业园"),
])
def test_kinds_introduced_or_counted_are_no_names(sentence, kept):
    from plangraph.read.report import parse_report
    text = ("关于青州区2023年上半年国民经济和社会发展计划执行情况的报告\n"
            "——2023年8月25日在江州市青州区第十八届人民代表大会常务委员会第十三次会议上\n"
            "区发展和改革局局长 林青\n主任、各位副主任、各位委员:\n一、上半年计划执行情况\n(一)主要任务完成情况\n"
            f"{sentence}\n")
    names = {e.name for e in parse_report(text, "qingzhou-2023-h1.txt").entities}
    assert not any(n.startswith(("一批", "多家")) or n.endswith(("企业", "机构")) or "项目和" in n for n in names)
    assert kept is None or kept in names
