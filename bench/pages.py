"""Time serving pages and their Turtle twins (Flask test client, in process), on the seed or on a corpus.

    .venv/bin/python bench/pages.py [--rounds 200]
    .venv/bin/python bench/pages.py --reports 100 --rounds 50   # the seed among 99 variants (bench/scale.py)
    .venv/bin/python bench/pages.py --data corpus.nq            # an export built before

For each kind of page it measures two things, in milliseconds:

- *first*: up to ``--rounds`` distinct pages of the kind (other reports, figures, indicators, districts …
  chosen evenly from the store), each visited once, and their Turtle twins: what a crawler or a reader
  following links pays, so that nothing the app keeps from a request before can hide the cost;
- *again*: one page of the kind (the seed's) visited ``--rounds`` times, after a first visit.

Prints p50 and p99 of each: the goal is a p50 under 30 ms for a page. ``--cpu`` counts the process's CPU time
instead of the clock's: on a shared machine the clock also counts the time other processes held the CPU.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from plangraph.read.report import read_report
from plangraph.store.build import build_store
from plangraph.store.embedded import open_store
from plangraph.store.query import run_query
from plangraph.web import create_app

SEED = Path(__file__).resolve().parents[1] / "data" / "reports" / "wuchang-2021-h1.txt"
REPORT = "/id/report/wuhanshiwuchangqu-6d2f/2021-S1"
BASE, GDP = "https://w3id.org/plangraph/", "/id/indicator/diqushengchanzongzhi-9a16"
DISTRICT = "/id/place/wuhanshiwuchangqu-6d2f"
PAGES = {
    "figure": REPORT + "/figure/287-295",
    "indicator": "/id/indicator/quanshehuigudingzichantouzi-ba72",
    "indicator + plan": f"{GDP}?{urlencode({'district': BASE + DISTRICT[1:]})}",
    "sentence": REPORT + "/sentence/45",
    "place (district)": DISTRICT,
    "report + glance": REPORT,
}
# Pages with no Turtle twin.
VIEWS = {"compare": f"/compare?{urlencode({'indicator': BASE + GDP[1:], 'year': 2021})}"}
# The pages of each kind the store holds: one row per page, its subject first (then the page's parameters).
KINDS = {
    "figure": "SELECT ?x WHERE { ?x a pg:Figure }",
    "indicator": "SELECT DISTINCT ?x WHERE { ?f pg:indicator ?x }",
    "indicator + plan": "SELECT DISTINCT ?x ?district WHERE { ?f a pg:Fulfilment ; pg:indicator ?x ; pg:place ?district }",
    "sentence": "SELECT ?x WHERE { ?x a pg:Sentence }",
    "place (district)": "SELECT ?x WHERE { ?x a pg:District }",
    "report + glance": "SELECT ?x WHERE { ?x a pg:Report }",
    "compare": """SELECT DISTINCT ?indicator ?year WHERE { ?f a pg:Fulfilment ; pg:indicator ?indicator ;
                    sdmx-dimension:refPeriod/skos:notation ?year }""",
}


def distinct_pages(store, kind: str, count: int) -> list[str]:
    """Up to ``count`` URLs of pages of ``kind``, spread evenly over the store's pages of that kind."""
    rows = sorted(tuple(term.value for term in row) for row in run_query(store, KINDS[kind]))
    chosen = rows[::max(1, len(rows) // count)][:count]
    if kind == "compare":
        return [f"/compare?{urlencode({'indicator': i, 'year': y})}" for i, y in chosen]
    urls = ["/" + row[0][len(BASE):] for row in chosen]
    if kind == "indicator + plan":
        urls = [f"{url}?{urlencode({'district': row[1]})}" for url, row in zip(urls, chosen)]
    return urls


CLOCK = time.perf_counter  # time.process_time with --cpu


def visit(client, url: str) -> float:
    """Milliseconds to answer ``url`` (which must succeed)."""
    start = CLOCK()
    response = client.get(url)
    spent = (CLOCK() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return spent


def timings(client, url: str, rounds: int) -> list[float]:
    """Milliseconds of each of ``rounds`` visits to ``url``, after a first one."""
    client.get(url)  # warm: the first request loads templates and the ontology labels
    return [visit(client, url) for _ in range(rounds)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def cells(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f} {percentile(values, 0.99):8.1f}" if values else f"{'':8} {'':8}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--reports", type=int, default=1, help="corpus size: the seed and variants of the reports")
    parser.add_argument("--data", type=Path, help="serve this export instead (e.g. a --reports corpus saved before)")
    parser.add_argument("--cpu", action="store_true", help="count the process's CPU time, not the clock's")
    options = parser.parse_args()
    rounds = options.rounds
    global CLOCK
    CLOCK = time.process_time if options.cpu else time.perf_counter
    store = open_store([options.data]) if options.data else corpus(options.reports)
    client = create_app({"PLANGRAPH_STORE": store}).test_client()
    print(f"{options.data or f'{options.reports} report(s)'}: {len(store)} quads; ms; first: distinct pages "
          f"visited once (n), again: one page {rounds} times; {'CPU' if options.cpu else 'clock'} time")
    print(f"{'resource':<17} {'n':>3} {'first p50':>8} {'p99':>8} {'ttl p50':>8} {'p99':>8} "
          f"{'again p50':>8} {'p99':>8} {'ttl p50':>8} {'p99':>8}")
    for name, url in {**PAGES, **VIEWS}.items():
        client.get(url)  # warm: the first request of a kind loads its templates and the ontology labels
        urls = distinct_pages(store, name, rounds)
        twin = name in PAGES
        first = [visit(client, u) for u in urls]
        first_ttl = [visit(client, u.partition("?")[0] + ".ttl") for u in urls] if twin else []
        again = timings(client, url, rounds)
        again_ttl = timings(client, url.partition("?")[0] + ".ttl", rounds) if twin else []
        print(f"{name:<17} {len(urls):3} {cells(first)} {cells(first_ttl)} {cells(again)} {cells(again_ttl)}")


def corpus(count: int):
    """The seed alone, or the seed among ``count - 1`` variants of the project's reports (bench/scale.py)."""
    if count <= 1:
        return build_store([read_report(SEED)]).store
    sys.path.insert(0, str(Path(__file__).parent))
    from scale import generate
    with tempfile.TemporaryDirectory() as folder:
        generate(count, Path(folder))  # variant 0 of the first template is the seed itself
        return build_store(sorted(Path(folder).glob("*.txt")), check=False).store


if __name__ == "__main__":
    main()
