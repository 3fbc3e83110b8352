"""The outline of the seed report (competency question 20) and sentence spans."""
from plangraph.read.outline import cn_number, parse_outline, split_sentences


def count(outline, kind, part):
    return sum(1 for s in outline.sections if s.kind == kind and s.key.split(".")[0] == part)


def test_seed_outline_parts_themes_subtopics(seed_report):
    outline = seed_report.outline
    assert [s.title for s in outline.sections if s.kind == "part"] == ["上半年计划执行情况", "下半年工作安排"]
    assert (count(outline, "theme", "1"), count(outline, "subtopic", "1")) == (6, 17)
    assert (count(outline, "theme", "2"), count(outline, "subtopic", "2")) == (5, 16)
    assert outline.section("1.2.1.1").title == "完善科技创新生态"
    assert outline.section("1.1").kind == "block"


def test_problems_paragraph_sits_under_the_part(seed_report):
    problems = [p for p in seed_report.outline.paragraphs if p.kind == "problems"]
    assert len(problems) == 1 and problems[0].section == "1"


def test_every_sentence_span_is_its_text(seed_report, seed_text):
    sentences = list(seed_report.outline.sentences())
    assert len(sentences) > 200
    for sentence in sentences:
        assert seed_text[sentence.start:sentence.end] == sentence.text
    assert [s.number for s in sentences] == list(range(1, len(sentences) + 1))


def test_a_lost_middle_dot_does_not_end_a_sentence():
    text = "发布AI公交站、洪山礼堂?云图数字共享客厅等6个人工智能应用场景。下一句。"
    sentences = split_sentences(text, 0, len(text), 1)
    assert [s.text for s in sentences] == ["发布AI公交站、洪山礼堂?云图数字共享客厅等6个人工智能应用场景。", "下一句。"]


def test_chinese_numerals():
    assert [cn_number(n) for n in ["一", "十", "十五", "二十一", "三十八", "6"]] == [1, 10, 15, 21, 38, 6]


def test_full_width_headings_and_numbered_themes():
    text = "一、上半年计划执行情况\n（一）主要任务完成情况\n1．发挥创新引领作用\n完善科技创新生态。组织高企培训会11场。\n"
    outline = parse_outline(text)
    assert [(s.key, s.kind) for s in outline.sections] == [
        ("1", "part"), ("1.1", "block"), ("1.1.1", "theme"), ("1.1.1.1", "subtopic")]


def test_a_numbered_line_of_sentences_is_a_paragraph_not_a_theme():
    text = ("一、2023年1—6月份国民经济和社会发展计划执行情况\n(一)主要指标完成情况\n"
            "1.地区生产总值。年度预期目标增长7%,1—6月份完成312.5亿元,同比增长6.2%,低于年度目标0.8个百分点。\n"
            "2.城镇登记失业率。年度控制目标4%以内,6月末为2.74%。\n")
    outline = parse_outline(text)
    assert len(outline.paragraphs) == 2
    assert len({s.key for s in outline.sections}) == len(outline.sections)
