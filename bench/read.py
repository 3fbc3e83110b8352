"""Print the time and peak memory to read (parse) a long report: the seed's body repeated to about 1 MB.

Reading must stay linear in the text's length: the script reads the seed at 1x, 1/8 and the full size and prints
the time per 100 KB of each, side by side, so a quadratic step shows as a growing figure. Goal (issue 12):
a 1 MB report reads in under 10 s with a peak under 500 MB. Sizes run smallest first, so the
peak printed for the 1 MB text is the whole process's peak while reading it.
Run: .venv/bin/python bench/read.py [--size 1000000]
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from plangraph.read.report import parse_report

SEED = Path(__file__).resolve().parents[1] / "data" / "reports" / "wuchang-2021-h1.txt"


def long_report(size: int) -> str:
    """The seed with its body (from the first part heading on) repeated until the text is about ``size`` characters."""
    text = SEED.read_text(encoding="utf-8")
    cut = text.index("一、")
    head, body = text[:cut], text[cut:]
    copies = max(1, (size - len(head)) // len(body))
    return head + "\n".join([body] * copies)


def measure(text: str) -> tuple[float, float, int]:
    """Seconds to parse ``text``, the process's peak resident memory so far (MB), and the indicator figures found."""
    start = time.perf_counter()
    report = parse_report(text, "long.txt")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024      # Linux reports KiB
    return seconds, peak, sum(len(b.figures) for b in report.bullets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of the longest text (default 1 MB)")
    args = parser.parse_args()
    print(f"{'characters':>10} {'seconds':>8} {'s/100KB':>8} {'peak MB':>8} {'figures':>8}")
    for size in (len(SEED.read_text(encoding="utf-8")), args.size // 8, args.size):
        text = long_report(size)
        seconds, peak, figures = measure(text)
        print(f"{len(text):>10} {seconds:>8.2f} {seconds / len(text) * 100_000:>8.3f} {peak:>8.1f} {figures:>8}")


if __name__ == "__main__":
    main()
