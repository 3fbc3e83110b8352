"""Print how long reading a PDF report takes and how much memory it needs, for 10, 50 and 100 pages.

The PDFs are made with the tests' maker (tests/documents.py: running heads, page numbers, two-character indents)
from the seed report repeated. Each is read in a fresh process (the median of --repeats readings) so that its
peak resident memory (ru_maxrss) is its own: flat memory means the peak hardly grows with the pages, since
PDFium opens one page at a time. Needs the test extra (fpdf2) and the WenQuanYi font (scripts/test).
Run: .venv/bin/python bench/ingest.py [--pages 10 50 100] [--repeats 3]
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
SEED = ROOT / "data" / "reports" / "wuchang-2021-h1.txt"


def make_pdf(pages: int, folder: Path) -> Path:
    """A PDF of about ``pages`` pages: the seed's paragraphs repeated until the page count is reached."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pypdfium2

    import documents
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    per_page = 13   # about this many of the seed's paragraphs fill a page at the maker's size
    text = "\n".join(paragraphs[i % len(paragraphs)] for i in range(pages * per_page))
    data = documents.pdf(text)
    path = folder / f"report-{pages}.pdf"
    path.write_bytes(data)
    path.with_suffix(".pages").write_text(str(len(pypdfium2.PdfDocument(data))))
    return path


def read_once(path: Path, repeats: int) -> dict:
    """Read the PDF ``repeats`` times here: the median seconds, the peak resident memory, the text's size."""
    from plangraph.ingest.document import read_document
    times, chars = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        chars = len(read_document(path).text)
        times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "chars": chars}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child: read one file, print JSON
    args = parser.parse_args()
    if args.read:
        print(json.dumps(read_once(args.read, args.repeats)))
        return
    print("| pages | read s (median) | ms per page | peak RSS MB | text characters |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-ingest-") as folder:
        for pages in args.pages:
            path = make_pdf(pages, Path(folder))
            real = int(path.with_suffix(".pages").read_text())
            out = subprocess.run([sys.executable, __file__, "--read", str(path), "--repeats", str(args.repeats)],
                                 capture_output=True, text=True, check=True)
            got = json.loads(out.stdout)
            print(f"| {real} | {got['seconds']:.2f} | {1000 * got['seconds'] / real:.1f} | {got['peak_mb']:.0f} "
                  f"| {got['chars']:,} |")


if __name__ == "__main__":
    main()
