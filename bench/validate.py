"""Time the SHACL validation of the built seed dataset (and of every report under tests/reports/ together).

    .venv/bin/python bench/validate.py [RUNS]

Prints the triples validated and the best and median wall time of RUNS validations (default 5); the first
run, which reads the shapes and parses their SPARQL, is reported apart.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from plangraph.read.report import read_report
from plangraph.store.build import build_store
from plangraph.store.export import union_graph
from plangraph.store.validation import validate

ROOT = Path(__file__).resolve().parents[1]


def timed(graph, runs: int) -> tuple[float, list[float], bool]:
    """Validate ``graph`` once cold, then ``runs`` times; return the cold time, the warm times, conformance."""
    start = time.perf_counter()
    conforms = validate(graph).conforms
    cold = time.perf_counter() - start
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        validate(graph)
        warm.append(time.perf_counter() - start)
    return cold, warm, conforms


def main(runs: int = 5) -> None:
    """Print the validation times of the seed and of all reports."""
    seed = [read_report(ROOT / "data" / "reports" / "wuchang-2021-h1.txt")]
    everything = seed + [read_report(p) for p in sorted((ROOT / "tests" / "reports").glob("*.txt"))]
    for name, reports in (("seed", seed), (f"{len(everything)} reports", everything)):
        graph = union_graph(build_store(reports, check=False).store)
        cold, warm, conforms = timed(graph, runs)
        print(f"{name}: {len(graph)} triples, conforms={conforms}; first {cold:.2f} s, "
              f"best {min(warm):.2f} s, median {statistics.median(warm):.2f} s of {runs}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
