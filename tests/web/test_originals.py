"""A report built from a PDF or a portal page links its original from its page, with its SHA-256, for download."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import documents
import pytest

from plangraph.store.build import build
from plangraph.web import create_app

REPORT = (Path(__file__).resolve().parents[1] / "ingest" / "variants" / "07-county-table-zhengding-2023-h1.txt")
BASE = "https://example.org/pg/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The table report as a portal page, built; then served from the file written."""
    folder = tmp_path_factory.mktemp("originals")
    page = folder / "reports" / "t20230801_123.html"
    page.parent.mkdir()
    page.write_bytes(documents.portal_page(REPORT.read_text(encoding="utf-8")))
    output = folder / "built" / "plangraph.trig"
    result = build([page.parent], output=output, base=BASE)
    app = create_app({"PLANGRAPH_DATA": [str(output)], "PLANGRAPH_BASE": BASE, "PLANGRAPH_WORKERS": 0,
                      "TESTING": True})
    return {"app": app, "page": page, "report": str(result.reports[0])[len(BASE):], "output": output}


def test_the_original_is_kept_beside_the_data_under_its_sha256(built):
    digest = hashlib.sha256(built["page"].read_bytes()).hexdigest()
    kept = built["output"].parent / "originals" / f"{digest}.html"
    assert kept.read_bytes() == built["page"].read_bytes()


def test_the_report_page_links_the_original_with_its_sha256_and_it_downloads(built):
    client = built["app"].test_client()
    page = client.get(f"/{built['report']}").get_data(as_text=True)
    digest = hashlib.sha256(built["page"].read_bytes()).hexdigest()
    assert f"<code>{digest}</code>" in page and "t20230801_123.html" in page
    link = re.search(r'href="(/original/[0-9a-f]{64}\.html)"', page)[1]
    answer = client.get(link)
    assert answer.status_code == 200 and answer.data == built["page"].read_bytes()
    assert answer.headers["Content-Type"].startswith("text/html")
    assert answer.headers["Content-Disposition"].startswith("attachment")
    assert answer.headers["Content-Security-Policy"] == "sandbox"   # the portal's scripts never run here


def test_the_portal_metadata_is_on_the_report_page(built):
    page = built["app"].test_client().get(f"/{built['report']}?lang=zh").get_data(as_text=True)
    for value in ("11130123MB0123456X/2023-00123", "正定县发展和改革局", "2023-07-28", "正发改〔2023〕15号",
                  "国民经济管理", "主动公开"):
        assert value in page, value


@pytest.mark.parametrize("name", ["0" * 64 + ".pdf", "../plangraph.trig", "plangraph.trig", "%2e%2e%2fetc%2fpasswd"])
def test_other_names_are_not_found(built, name):
    assert built["app"].test_client().get(f"/original/{name}").status_code == 404
