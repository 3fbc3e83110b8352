"""Time serving pages and their Turtle twins (Flask test client, in process), on the seed or on a corpus.

    .venv/bin/python bench/pages.py [--rounds 200]
    .venv/bin/python bench/pages.py --reports 100 --rounds 50   # the seed among 99 variants (bench/scale.py)
    .venv/bin/python bench/pages.py --data corpus.nq            # an export built before

Prints p50 and p99 in milliseconds for each kind of page: the goal is a p50 under 30 ms for a page.
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


def timings(client, url: str, rounds: int) -> list[float]:
    client.get(url)  # warm: the first request loads templates and the ontology labels
    spent = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        spent.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return spent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--reports", type=int, default=1, help="corpus size: the seed and variants of the reports")
    parser.add_argument("--data", type=Path, help="serve this export instead (e.g. a --reports corpus saved before)")
    options = parser.parse_args()
    rounds = options.rounds
    store = open_store([options.data]) if options.data else corpus(options.reports)
    client = create_app({"PLANGRAPH_STORE": store}).test_client()
    print(f"{options.data or f'{options.reports} report(s)'}: {len(store)} quads; {rounds} requests each; ms")
    print(f"{'resource':<18} {'page p50':>9} {'page p99':>9} {'ttl p50':>9} {'ttl p99':>9}")
    for name, url in PAGES.items():
        page, ttl = timings(client, url, rounds), timings(client, url.partition("?")[0] + ".ttl", rounds)
        print(f"{name:<18} {statistics.median(page):9.1f} {percentile(page, 0.99):9.1f} "
              f"{statistics.median(ttl):9.1f} {percentile(ttl, 0.99):9.1f}")
    for name, url in VIEWS.items():
        page = timings(client, url, rounds)
        print(f"{name:<18} {statistics.median(page):9.1f} {percentile(page, 0.99):9.1f}")


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
