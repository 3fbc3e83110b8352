"""The command line, in-process: build, validate, export, query; and the independent parser."""
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from rdflib import Graph

from plangraph.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


def test_build_writes_a_valid_dataset(project, runner, tmp_path):
    out = tmp_path / "out.ttl"
    result = runner.invoke(main, ["build", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "conform" in result.output
    assert len(Graph().parse(out)) > 1000


def test_build_without_output_refreshes_the_project_dataset(project, runner):
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert (project / "data" / "built" / "plangraph.trig").exists()


def test_bad_report_leaves_no_output(project, runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("一、上半年计划执行情况".encode("gbk"))
    out = tmp_path / "never.ttl"
    result = runner.invoke(main, ["build", str(bad), "--output", str(out)])
    assert result.exit_code == 2
    assert "bad.txt" in result.output and "iconv" in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".never.ttl.*"))


def test_export_is_deterministic_and_parses(project, runner, tmp_path):
    outputs = []
    for name in ("a.ttl", "b.ttl"):
        result = runner.invoke(main, ["export", "--format", "turtle", "--output", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert len(Graph().parse(data=outputs[0], format="turtle")) > 1000


@pytest.mark.parametrize("fmt", ["ntriples", "jsonld", "trig", "nquads", "rdfxml"])
def test_export_formats_parse(project, runner, fmt):
    result = runner.invoke(main, ["export", "--format", fmt])
    assert result.exit_code == 0, result.output
    rdflib_format = {"ntriples": "nt", "jsonld": "json-ld", "trig": "trig", "nquads": "nquads", "rdfxml": "xml"}[fmt]
    from rdflib import Dataset
    assert len(Dataset().parse(data=result.stdout_bytes, format=rdflib_format)) > 1000


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils is installed by scripts/test")
def test_export_parses_with_rapper(project, runner, tmp_path):
    out = tmp_path / "graph.ttl"
    assert runner.invoke(main, ["export", "--format", "turtle", "--output", str(out)]).exit_code == 0
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "returned" in done.stderr


def test_validate_passes_then_fails_with_a_figure_removed(project, runner, tmp_path):
    out = tmp_path / "graph.ttl"
    assert runner.invoke(main, ["export", "--format", "ntriples", "--output", str(out)]).exit_code == 0
    assert runner.invoke(main, ["validate", str(out)]).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    figure_value = next(line for line in lines if "def#value>" in line and "779.43" in line)
    broken = tmp_path / "broken.nt"
    broken.write_text("\n".join(line for line in lines if line != figure_value) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "地区生产总值 · 完成值 · 779.43亿元" in result.output
    assert "pg:value" in result.output or "value (pg:value)" in result.output


def test_validate_cannot_validate_a_missing_file(project, runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_query_formats(project, runner):
    sparql = "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } ORDER BY ?name"
    result = runner.invoke(main, ["query", sparql])
    assert result.exit_code == 0, result.output
    # seven: the six bullets, and 登记失业率 whose target the task text states (控制在市级目标5.5%以内)
    assert "地区生产总值" in result.output and "(7 rows)" in result.output
    result = runner.invoke(main, ["query", sparql, "--format", "json"])
    names = [b["name"]["value"] for b in json.loads(result.stdout_bytes)["results"]["bindings"]]
    assert len(names) == 7
    result = runner.invoke(main, ["query", "SELEKT nothing"])
    assert result.exit_code == 1 and "does not parse" in result.output



def test_query_refuses_service_unless_allowed(project, runner):
    from abuse import Listener
    listener = Listener()
    try:
        sparql = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
        result = runner.invoke(main, ["query", sparql])
        assert result.exit_code == 1 and "calls SERVICE" in result.output
        assert listener.hits == []
        result = runner.invoke(main, ["query", sparql, "--allow-service"])
        assert result.exit_code == 0, result.output
        assert listener.hits  # asked for, so the request went out
    finally:
        listener.close()

def test_python_dash_m(project):
    import sys
    done = subprocess.run([sys.executable, "-m", "plangraph", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "build" in done.stdout and "serve" in done.stdout


def test_a_corpus_is_checked_report_by_report_and_problems_still_named(project, tmp_path):
    """Each report's graph is validated on its own (in parallel from four reports): a fault in one is found."""
    from conftest import TEST_REPORTS

    from plangraph.api import build, validate
    from plangraph.store.embedded import open_store
    out = tmp_path / "corpus.trig"
    build([project / "data" / "reports", *sorted(TEST_REPORTS.glob("*.txt"))[:3]], output=out)
    store = open_store([out])
    assert validate(store).conforms
    [graph] = [g for g in store.named_graphs() if "wuhanshiwuchangqu" in g.value and "2021-S1" in g.value]
    value = next(q for q in store.quads_for_pattern(None, None, None, graph)
                 if q.predicate.value.endswith("def#value") and q.object.value == "779.43")
    store.remove(value)
    outcome = validate(store)
    assert not outcome.conforms
    assert any("779.43" in (v.label or "") for v in outcome.violations)
