"""The README's example of building a PDF and a web page runs as written."""
import re
import shlex
from pathlib import Path

import documents
import pytest
from click.testing import CliRunner

from plangraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
VARIANTS = ROOT / "tests" / "ingest" / "variants"
MADE = {".pdf": documents.pdf, ".html": documents.portal_page}
SOURCES = {"zhengding": "07-county-table-zhengding-2023-h1.txt", "tianyuan": "10-pitfalls-tianyuan-2023-h1.txt"}


@pytest.mark.skipif(not documents.FONT.exists(), reason="needs the WenQuanYi font that scripts/test installs")
def test_the_readme_builds_a_pdf_and_a_web_page(tmp_path, monkeypatch):
    line = re.search(r"^    (plangraph build reports/\S+\.pdf reports/\S+\.html .*)$", README, re.M)[1]
    args = shlex.split(line)[2:]
    for name in (a for a in args if a.startswith("reports/")):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        text = (VARIANTS / SOURCES[path.stem.split("-")[0]]).read_text(encoding="utf-8")
        path.write_bytes(MADE[path.suffix](text))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", *args])
    assert result.exit_code == 0, result.output
    assert "from 2 report(s)" in result.output
    assert sorted(p.suffix for p in (tmp_path / "built" / "originals").iterdir()) == [".html", ".pdf"]
