"""Achievements and plans kept apart, the four problems, and the themes of the seed report."""
from plangraph.read.outline import parse_outline
from plangraph.read.statements import problems, read_themes


def test_subtopics_are_achieved_in_part_one_and_planned_in_part_two(seed_report):
    subtopics = [s for s in seed_report.statements if s.kind == "subtopic"]
    by_part = {}
    for s in subtopics:
        by_part.setdefault(s.section.split(".")[0], set()).add(s.modality)
    assert by_part == {"1": {"Achieved"}, "2": {"Planned"}}
    assert len([s for s in subtopics if s.modality == "Achieved"]) == 17
    assert len([s for s in subtopics if s.modality == "Planned"]) == 16


def test_the_four_problems_with_their_text(seed_report):
    found = [s for s in seed_report.statements if s.kind == "problem"]
    assert [p.number for p in found] == [1, 2, 3, 4]
    assert found[0].label == "经济高位求进的拉动力不够强劲"
    assert seed_report.text[found[1].start:found[1].end].startswith("二是征收收尾挂地进度较慢。房源资金筹集困难")


def test_problems_of_a_paragraph_literal():
    text = ("一、上半年计划执行情况\n(二)主要任务完成情况\n1.发挥创新引领作用\n完善科技创新生态。组织高企培训会11场。\n"
            "上半年,全区经济运行总体平稳,但仍存在着一些问题和困难:一是消费恢复仍然偏慢。受疫情反复影响。二是投资增长后劲不足。\n")
    found = problems(text, parse_outline(text))
    assert [(p.number, p.label) for p in found] == [(1, "消费恢复仍然偏慢"), (2, "投资增长后劲不足")]


def test_five_centres_and_what_each_achieved(seed_report):
    themes = {t.name: t for t in seed_report.themes}
    members = {n for n, t in themes.items() if t.broader == "五大产业集群"}
    assert members == {"金融之城", "设计之都", "文旅胜地", "商贸中心", "科创强区"}
    assert "五个中心" in themes["五大产业集群"].related
    achieved = {s.about for s in seed_report.statements if s.kind == "theme" and s.modality == "Achieved"}
    assert achieved == {"金融之城", "设计之都", "文旅胜地", "商贸中心"}   # 科创强区 is not named in part one


def test_themes_from_a_sentence_literal():
    text = ("一、上半年计划执行情况\n(二)主要任务完成情况\n1.发挥创新引领作用\n"
            "推动重点产业提质升级。围绕“金融之城”“设计之都”五大产业集群品牌建设目标,加快出台分项实施意见。\n")
    assert {(t.name, t.broader) for t in read_themes(text, parse_outline(text))} == {
        ("五大产业集群", None), ("金融之城", "五大产业集群"), ("设计之都", "五大产业集群")}
