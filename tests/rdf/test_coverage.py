"""Coverage: every number of the text and what it became."""
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.rdf.coverage import coverage


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
    assert "wuchang-2021-h1.txt: 153 of 153 facts captured (100.0%)" in out.output
