"""Print how long a build takes on one core: parse + graph + store, and with SHACL validation, for 1, 10, 100 reports.

Copies of the seed with changed years stand in for further reports (each is a report of its own: other IRIs).
Times exclude interpreter start and imports; each figure is the median of --repeats runs. One process does
all (``jobs=1``), so the per-report figure is the cost of a report; bench/scale.py measures the parallel build.
Run: .venv/bin/python bench/build.py [--repeats 3] [--validate-up-to 10]
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from plangraph.read.report import parse_report
from plangraph.store.build import build_store

SEED = Path(__file__).resolve().parents[1] / "data" / "reports" / "wuchang-2021-h1.txt"


def copies(text: str, count: int) -> list[tuple[str, str]]:
    """The seed, then copies whose years are moved back one year each (2021 → 2020, 2019 …)."""
    out = [(text, SEED.name)]
    for i in range(1, count):
        year = 2021 - i
        moved = re.sub(r"20(?:21|19)", lambda m: str(year if m.group() == "2021" else year - 2), text)
        out.append((moved, f"wuchang-{year}-h1.txt"))
    return out


def timed(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(texts, check: bool):
    built = build_store([parse_report(text, name) for text, name in texts], check=check, jobs=1)
    assert built.outcome.conforms
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--validate-up-to", type=int, default=10,
                        help="validate only sets up to this many reports (SHACL on 100 reports takes minutes)")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    build(copies(text, 1), True)    # warm caches (pinyin, shapes) so the first figure is not the import
    print(f"{'reports':>8} {'build s':>14} {'per report s':>13} {'with validation s':>18}")
    for count in (1, 10, 100):
        texts = copies(text, count)
        plain = timed(lambda: build(texts, False), args.repeats if count < 100 else 1)
        checked = timed(lambda: build(texts, True), args.repeats if count < 10 else 1) \
            if count <= args.validate_up_to else float("nan")
        print(f"{count:>8} {plain:>14.3f} {plain / count:>13.3f} {checked:>18.3f}")


if __name__ == "__main__":
    main()
