"""`plangraph fetch` against a local portal on 127.0.0.1: saved with its origin, or refused with a clear message."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import documents
import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.ingest.fetch import Retry

REPORT = (Path(__file__).resolve().parent / "variants" / "07-county-table-zhengding-2023-h1.txt").read_text(
    encoding="utf-8")
PAGE = documents.portal_page(REPORT, "gbk")
LINKS = documents.portal_page("关于正定县2023年上半年工作的报告\n", "gbk").replace(b"<p style", b"<x style")


class Portal(BaseHTTPRequestHandler):
    """A county portal: a report page, a redirect, a missing page, a slow one, a flaky one, a page of links."""

    routes = {
        "/zwgk/t20230801_123.html": (200, "text/html; charset=GBK", PAGE),
        "/zwgk/links.html": (200, "text/html; charset=GBK", LINKS),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
        "/legacy.doc": (200, "application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    }
    hits: dict[str, int] = {}

    def do_GET(self):
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/old/report":
            return self._answer(302, "text/plain", b"", {"Location": "/zwgk/t20230801_123.html"})
        if self.path == "/slow.html":
            time.sleep(1.5)
            return self._answer(200, "text/html; charset=GBK", PAGE)
        if self.path == "/flaky.html" and self.hits[self.path] < 3:
            return self._answer(503, "text/plain", b"busy")
        if self.path == "/flaky.html":
            return self._answer(200, "text/html; charset=GBK", PAGE)
        if self.path == "/download.jsp?id=7":
            return self._answer(200, "text/plain; charset=utf-8", REPORT.encode("utf-8"),
                                {"Content-Disposition": 'attachment; filename="zhengding-2023-h1.txt"'})
        status, kind, body = self.routes.get(self.path, (404, "text/html", b"<h1>404</h1>"))
        self._answer(status, kind, body)

    def _answer(self, status, kind, body, headers=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (the time-out test)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def portal():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(*args, attempts: int = 3):
    return CliRunner().invoke(main, ["fetch", *args, "--attempts", str(attempts), "--timeout", "0.5"])


def test_a_report_page_is_saved_with_its_origin_beside_it(portal, tmp_path):
    result = fetch(f"{portal}/zwgk/t20230801_123.html", "--to", str(tmp_path))
    assert result.exit_code == 0, result.output
    saved = tmp_path / "t20230801_123.html"
    assert saved.read_bytes() == PAGE                      # byte for byte as served
    origin = json.loads((tmp_path / "t20230801_123.meta.json").read_text(encoding="utf-8"))["origin"]
    assert origin["url"] == f"{portal}/zwgk/t20230801_123.html"
    assert origin["content_type"] == "text/html; charset=GBK" and origin["retrieved"].endswith("+00:00")


def test_a_redirect_is_followed_and_the_address_asked_for_is_kept(portal, tmp_path):
    result = fetch(f"{portal}/old/report", "--to", str(tmp_path))
    assert result.exit_code == 0, result.output
    origin = json.loads((tmp_path / "t20230801_123.meta.json").read_text(encoding="utf-8"))["origin"]
    assert origin["url"] == f"{portal}/old/report"
    assert origin["redirected_to"] == f"{portal}/zwgk/t20230801_123.html"


def test_the_servers_file_name_is_used(portal, tmp_path):
    result = fetch(f"{portal}/download.jsp?id=7", "--to", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "zhengding-2023-h1.txt").read_text(encoding="utf-8") == REPORT


@pytest.mark.parametrize("path, message", [
    ("/missing.html", "answered 404 Not Found: the address is wrong or the page has moved"),
    ("/slow.html", "did not answer within 0.5 s (2 tries)"),
    ("/zwgk/links.html", "gave no report"),
    ("/logo.png", "is image/png (208 bytes), not a report"),
    ("/legacy.doc", "convert-to docx"),
])
def test_each_failure_is_one_clear_message_exit_2_and_nothing_written(portal, tmp_path, path, message):
    result = fetch(f"{portal}{path}", "--to", str(tmp_path), attempts=2)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output, result.output
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_server_and_a_non_web_address_are_refused(tmp_path):
    from servers import free_port
    result = fetch(f"http://127.0.0.1:{free_port()}/report.html", "ftp://example.org/r.pdf", "--to", str(tmp_path))
    assert result.exit_code == 2
    assert "cannot be reached" in result.output and "is not a web address" in result.output
    assert "2 of 2 URL(s) failed" in result.output


def test_a_failing_server_is_tried_again(portal, tmp_path):
    Portal.hits.pop("/flaky.html", None)
    result = fetch(f"{portal}/flaky.html", "--to", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert Portal.hits["/flaky.html"] == 3 and (tmp_path / "flaky.html").exists()


def test_a_different_file_of_the_same_name_is_never_overwritten(portal, tmp_path):
    mine = tmp_path / "t20230801_123.html"
    mine.write_bytes(b"<html><body>my own page</body></html>")
    assert fetch(f"{portal}/zwgk/t20230801_123.html", "--to", str(tmp_path)).exit_code == 0
    assert mine.read_bytes() == b"<html><body>my own page</body></html>"
    assert (tmp_path / "t20230801_123-2.html").read_bytes() == PAGE
    again = fetch(f"{portal}/zwgk/t20230801_123.html", "--to", str(tmp_path))
    assert "already there, unchanged" in again.output and len(list(tmp_path.glob("*.html"))) == 2


def test_a_fetched_page_builds_with_its_portal_metadata_and_origin(portal, tmp_path):
    from rdflib import Graph
    reports = tmp_path / "reports"
    assert fetch(f"{portal}/zwgk/t20230801_123.html", "--to", str(reports)).exit_code == 0
    out = tmp_path / "built" / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(reports), "--output", str(out)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out)
    access = list(graph.query("SELECT ?url WHERE { ?r a pg:Report ; dcat:distribution/dcat:accessURL ?url }"))
    assert [str(row.url) for row in access] == [f"{portal}/zwgk/t20230801_123.html"]
    publisher = list(graph.query("SELECT ?name WHERE { ?r a pg:Report ; dcterms:publisher/rdfs:label ?name }"))
    assert [str(row.name) for row in publisher] == ["正定县发展和改革局"]


def test_retry_defaults_are_bounded():
    assert Retry().attempts <= 5 and Retry().timeout <= 60
