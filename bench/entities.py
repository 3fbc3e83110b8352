"""Print how the cost of reading names grows with a long run of text without punctuation.

Real reports hold runs of hundreds of characters between two commas; a pattern that rescans the run from every
start position costs the square of its length (a 40,000-character run once took 55 s). This bench puts a run of
N characters with no punctuation into a task paragraph of the seed and times reading relations and entities for
two lengths, less the seed's own time: a linear reader's time grows with N (ratio near the ratio of the lengths), a quadratic one's with N².
Run: .venv/bin/python bench/entities.py [--short 10000] [--long 40000] [--repeats 3]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from plangraph.read.entities import find_entities
from plangraph.read.report import parse_report
from plangraph.read.relations import read_relations

SEED = Path(__file__).resolve().parents[1] / "data" / "reports" / "wuchang-2021-h1.txt"
# Names, verbs and list marks of the genre, with no clause punctuation: every pattern gets something to try.
FILLER = "推进智能制造产业园区二期建设引进华中数据科技有限公司和长江存储等龙头项目落地"


def with_run(text: str, length: int) -> str:
    """The seed with a run of ``length`` characters without punctuation inside its first task paragraph."""
    at = text.index("完善科技创新生态。") + len("完善科技创新生态。")
    run = (FILLER * (length // len(FILLER) + 1))[:length]
    return text[:at] + run + "。" + text[at:]


def timed(text: str, repeats: int) -> float:
    report = parse_report(text, SEED.name)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        relations = read_relations(text, report.outline)
        find_entities(text, report.meta, relations, (0, len(text)))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", type=int, default=10_000)
    parser.add_argument("--long", type=int, default=40_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    base = timed(seed, args.repeats)
    short = timed(with_run(seed, args.short), args.repeats) - base
    long = timed(with_run(seed, args.long), args.repeats) - base
    print(f"the seed alone: {base:8.3f} s; what the run adds:")
    print(f"run of {args.short:>7,} characters: {short:8.3f} s")
    print(f"run of {args.long:>7,} characters: {long:8.3f} s")
    print(f"time ratio {long / short:.1f} for a length ratio of {args.long / args.short:.1f} "
          f"(linear: about {args.long / args.short:.0f}, quadratic: about {(args.long / args.short) ** 2:.0f})")


if __name__ == "__main__":
    main()
