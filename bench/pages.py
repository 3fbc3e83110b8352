"""Time serving resource pages and their Turtle twins on the seed dataset (Flask test client, in process).

    .venv/bin/python bench/pages.py [--rounds 200]

Prints p50 and p99 in milliseconds for each kind of page: the goal is a p50 under 30 ms for a page.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from plangraph.read.report import read_report
from plangraph.store.build import build_store
from plangraph.web import create_app

SEED = Path(__file__).resolve().parents[1] / "data" / "reports" / "wuchang-2021-h1.txt"
REPORT = "/id/report/wuhanshiwuchangqu-6d2f/2021-S1"
PAGES = {
    "figure": REPORT + "/figure/287-295",
    "indicator": "/id/indicator/quanshehuigudingzichantouzi-ba72",
    "sentence": REPORT + "/sentence/45",
    "place (district)": "/id/place/wuhanshiwuchangqu-6d2f",
    "report reader": REPORT,
}


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
    rounds = parser.parse_args().rounds
    store = build_store([read_report(SEED)]).store
    client = create_app({"PLANGRAPH_STORE": store}).test_client()
    print(f"seed dataset: {len(store)} quads; {rounds} requests each; milliseconds")
    print(f"{'resource':<18} {'page p50':>9} {'page p99':>9} {'ttl p50':>9} {'ttl p99':>9}")
    for name, url in PAGES.items():
        page, ttl = timings(client, url, rounds), timings(client, url + ".ttl", rounds)
        print(f"{name:<18} {statistics.median(page):9.1f} {percentile(page, 0.99):9.1f} "
              f"{statistics.median(ttl):9.1f} {percentile(ttl, 0.99):9.1f}")


if __name__ == "__main__":
    main()
