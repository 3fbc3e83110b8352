"""Coverage: every number of the text and what it became."""
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.rdf.coverage import Coverage, NumberUse, coverage, format_coverage
from plangraph.read.report import parse_report


def test_seed_coverage_captures_every_fact(seed_report):
    result = coverage(seed_report)
    assert result.share >= 0.98
    kinds = {u.stated: u.kind for u in result.uses}
    assert kinds["779.43亿元"] == "figure" and kinds["11场"] == "quantity"
    assert kinds["2021"] == "not a fact: year"
    uncaptured = [u for u in result.uses if u.kind == "not captured"]
    assert not uncaptured, uncaptured
    by_start = {u.start: u for u in result.uses}
    number = seed_report.text.index("11号线")
    assert by_start[number].kind == "not a fact: name part"
    captured = [u for u in result.uses if u.kind in ("figure", "quantity")]
    assert all(u.iri and u.iri.startswith("https://") for u in captured)


def test_coverage_command(project):
    out = CliRunner().invoke(main, ["coverage"])
    assert out.exit_code == 0, out.output
    # 11种 of 4大类11种240样人工智能化产品 is in the graph, but says not what it measures: missed, honestly
    assert "wuchang-2021-h1.txt: 152 of 153 facts captured (99.3%)" in out.output
    assert "wuchang-2021-h1.txt: indicator figures: 20 captured, 4 not facts, 0 missed" in out.output
    assert "11种" in out.output and "what it measures is unknown" in out.output


def test_coverage_never_says_all_when_a_fact_is_missed():
    uses = tuple(NumberUse(i, i + 1, "1", "figure") for i in range(1999)) + (NumberUse(5000, 5001, "2", "not captured"),)
    assert "1999 of 2000 facts captured (99.9%)" in format_coverage(Coverage("r", uses))


def test_the_portal_table_above_the_title_holds_no_fact():
    text = ("索引号：11340104003142709K/202308-00047\n发布机构：合肥市蜀山区发展和改革委员会\n成文日期：2023-08-30\n"
            "关于蜀山区2023年上半年国民经济和社会发展计划执行情况的报告\n一、2023年上半年计划执行情况\n"
            "(一)经济运行稳中向好。全区地区生产总值完成753.62亿元,同比增长6.1%。\n")
    uses = coverage(parse_report(text, "shushan-2023-h1.txt")).uses
    portal = [u for u in uses if u.start < text.index("关于")]
    assert portal and {u.kind for u in portal} == {"not a fact: portal metadata"}
