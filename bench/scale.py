"""Measure how plangraph grows with the corpus: 1, 10, 100 (and 1,000) reports.

Corpora are variants of the project's reports (data/reports/*.txt, tests/reports/*.txt): the text is copied
unchanged and a sidecar .meta.json gives each copy another district and year, so every (district, period) is
new while a district keeps several periods, as a real corpus does. Each size runs in a fresh process, so the
memory peak (ru_maxrss) is that size's own. Prints one row per size:

    python bench/scale.py                 # 1, 10, 100
    python bench/scale.py 1 10 100 1000   # sizes to run

build_s is what ``plangraph build --store`` does: every report parsed, turned into its graph and checked against
the shapes (one process per core), and written into a new on-disk store; the query mix (queries/cross/) runs
on that store. export_s writes it as N-Quads; load_s loads that file into an in-memory store, as
``plangraph serve FILE`` does. build_peak_MB is the main process until then (workers: worker_peak_MB, the
largest), load_peak_MB the main process after the load.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "data" / "reports").glob("*.txt")) + sorted((ROOT / "tests" / "reports").glob("*.txt"))
MIX = sorted((ROOT / "queries" / "cross").glob("*.rq"))
COLUMNS = ("reports", "build_s", "per_report_s", "triples", "store_MB", "export_s", "export_MB", "load_s",
           "build_peak_MB", "worker_peak_MB", "load_peak_MB", "query_p50_ms", "total_s")


def generate(count: int, folder: Path) -> None:
    """Write ``count`` report variants with sidecars into ``folder``."""
    from plangraph.read.report import read_report
    metas = [read_report(path).meta for path in TEMPLATES]
    for i in range(count):
        template, meta = TEMPLATES[i % len(TEMPLATES)], metas[i % len(TEMPLATES)]
        variant = i // len(TEMPLATES)
        group, shift = divmod(variant, 10)  # ten periods per district, three years apart, never colliding
        year = meta.year + 3 * shift
        district = meta.district if group == 0 else f"{meta.district[:-1]}{group}{meta.district[-1]}"
        name = f"{template.stem}-v{variant:04d}"
        (folder / f"{name}.txt").write_bytes(template.read_bytes())
        sidecar = {"district": district, "city": meta.city, "year": year,
                   "period": meta.period.replace(str(meta.year), str(year))}
        (folder / f"{name}.meta.json").write_text(json.dumps(sidecar, ensure_ascii=False), encoding="utf-8")


def measure(count: int) -> dict:
    """Build (and check) a corpus of ``count`` reports into an on-disk store, export it, load it, query it."""
    from plangraph.api import build
    from plangraph.store.embedded import open_store, store_size
    from plangraph.store.export import serialize
    from plangraph.store.formats import BY_NAME
    from plangraph.store.query import run_query

    row, begun = {"reports": count}, time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="plangraph-scale-") as tmp:
        folder, store_dir, export = Path(tmp) / "reports", Path(tmp) / "store", Path(tmp) / "export.nq"
        folder.mkdir()
        generate(count, folder)
        started = time.perf_counter()
        built = build([folder], store=store_dir)  # what plangraph build --store does: checked, or it raises
        row["build_s"] = time.perf_counter() - started
        row["per_report_s"] = row["build_s"] / count
        row["triples"] = len(built.store)
        row["store_MB"] = store_size(store_dir) / 1e6
        started = time.perf_counter()
        with open(export, "wb") as handle:
            serialize(built.store, BY_NAME["nquads"], handle)
        row["export_s"] = time.perf_counter() - started
        row["export_MB"] = export.stat().st_size / 1e6
        row["query_p50_ms"], row["per_query_ms"] = _latency(built.store, run_query)
        row["build_peak_MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        loaded = open_store([export])  # the export into an in-memory store, as plangraph serve FILE does
        row["load_s"] = time.perf_counter() - started
        assert len(loaded) == row["triples"]
    row["total_s"] = time.perf_counter() - begun  # everything above, the generation of the corpus included
    row["load_peak_MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row["worker_peak_MB"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return row


def _latency(store, run_query, repeats: int = 15) -> tuple[float, dict]:
    timings, per_query = [], {}
    for path in MIX:
        text = path.read_text(encoding="utf-8")
        mine = []
        for _ in range(repeats):
            started = time.perf_counter()
            list(run_query(store, text))
            mine.append((time.perf_counter() - started) * 1000)
        per_query[path.stem] = round(statistics.median(mine), 1)
        timings += mine
    return statistics.median(timings), per_query


def _print(row: dict) -> None:
    cells = [f"{row[c]:.2f}" if isinstance(row.get(c), float) else str(row.get(c, "-")) for c in COLUMNS]
    print(" | ".join(f"{c:>10}" for c in cells), f"  {row.get('per_query_ms', '')}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1, 10, 100])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process measuring one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print(" | ".join(f"{c:>10}" for c in COLUMNS))
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)],
                             capture_output=True, text=True, check=True).stdout
        _print(json.loads(out.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
