"""The query page's examples fit any corpus: each runs and finds rows on the seed and on another district's reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from plangraph.store.build import build_store
from plangraph.store.query import run_query

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "queries" / "examples").glob("*.rq"))
SOMETIMES_EMPTY = {"05-behind-schedule"}  # no report of these two corpora trails its schedule


@pytest.fixture(scope="module")
def jinshui():
    return build_store(sorted((ROOT / "tests" / "reports" / "jinshui").glob("*.txt"))).store


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("corpus", ["seed_store", "jinshui"])
def test_every_example_runs_on_any_corpus(path, corpus, request):
    store = request.getfixturevalue(corpus)
    found = list(run_query(store, path.read_text(encoding="utf-8")))
    assert found or path.stem in SOMETIMES_EMPTY, "an example that finds nothing on a whole corpus"


def test_no_example_names_a_place_or_an_indicator():
    for path in EXAMPLES:
        body = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        assert '"@zh' not in body and "武昌" not in body, path.name


def test_the_query_page_offers_the_examples(client):
    page = client.get("/query").get_data(as_text=True)
    assert "计划完成情况" in page and "cq01" not in page
