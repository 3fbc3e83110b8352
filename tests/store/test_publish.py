"""Publishing graph by graph to a real Graph Store Protocol store (oxigraph serve), with retries and a report."""
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from oxigraph_server import running_oxigraph

from plangraph.cli import main
from plangraph.errors import RemoteError
from plangraph.store.build import build_store, report_files
from plangraph.store.export import write_dataset
from plangraph.store.publish import Retry, check, graph_url, publish, report
from plangraph.store.remote import RemoteStore

ROOT = Path(__file__).resolve().parents[2]
REPORTS = [ROOT / "data" / "reports", ROOT / "tests" / "reports" / "wuchang-2020-h1.txt"]
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
QUICK = Retry(attempts=3, pause=0.01, timeout=5)


@pytest.fixture(scope="module")
def two_reports():
    return build_store(report_files(REPORTS)).store


@pytest.fixture()
def server(tmp_path):
    with running_oxigraph(tmp_path / "oxigraph") as url:
        yield url


def per_graph(store) -> dict:
    return {s["g"].value: int(s["n"].value) for s in store.query(PER_GRAPH)}


def test_every_graph_arrives_whole_and_the_report_says_where(server, two_reports):
    records = publish(two_reports, f"{server}/store", QUICK)
    assert all(r.ok and r.attempts == 1 for r in records)
    assert {r.graph: r.triples for r in records} == per_graph(two_reports)
    assert per_graph(RemoteStore(f"{server}/query")) == per_graph(two_reports)
    assert f"{len(records)} of {len(records)} graph(s) accepted" in report(records)
    assert len(records) == 5  # two reports, id/graph/things, id/graph/fulfilment and id/graph/dataset


def test_publishing_again_replaces_instead_of_adding(server, two_reports):
    publish(two_reports, f"{server}/store", QUICK)
    publish(two_reports, f"{server}/store", QUICK)
    assert per_graph(RemoteStore(f"{server}/query")) == per_graph(two_reports)


def test_the_default_graph_is_sent_with_default(server):
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("https://w3id.org/plangraph/id/x"),
                              pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                              pyoxigraph.Literal("武昌区", language="zh")))
    [record] = publish(store, f"{server}/store", QUICK)
    assert record.graph == "default" and record.url.endswith("/store?default") and record.ok
    assert bool(RemoteStore(f"{server}/query").query('ASK { ?s ?p "武昌区"@zh }'))


def test_graph_urls_follow_the_protocol():
    graph = pyoxigraph.NamedNode("https://w3id.org/plangraph/id/report/a/2021-S1")
    assert graph_url("http://h/store", graph) == (
        "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fplangraph%2Fid%2Freport%2Fa%2F2021-S1")
    assert graph_url("http://h/ds/data?x=1", pyoxigraph.DefaultGraph()) == "http://h/ds/data?x=1&default"


class Flaky(BaseHTTPRequestHandler):
    """Answers 503 to the first PUT of every graph, then 204."""

    seen: set = set()

    def do_PUT(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        status = 204 if self.path in Flaky.seen else 503
        Flaky.seen.add(self.path)
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_failing_put_is_retried_with_a_pause(two_reports):
    httpd = HTTPServer(("127.0.0.1", 0), Flaky)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        records = publish(two_reports, f"http://127.0.0.1:{httpd.server_port}/store", QUICK)
    finally:
        httpd.shutdown()
    assert all(r.ok and r.attempts == 2 for r in records)


def test_an_unreachable_store_is_tried_a_bounded_number_of_times_then_named(two_reports):
    records = publish(two_reports, "http://127.0.0.1:9/store", Retry(attempts=2, pause=0.01, timeout=2))
    assert all(r.status is None and r.attempts == 2 for r in records)
    with pytest.raises(RemoteError, match="were not accepted by http://127.0.0.1:9/store"):
        check(records, "http://127.0.0.1:9/store")


def test_publish_command_pushes_a_file(server, tmp_path, seed_store):
    write_dataset(seed_store, tmp_path / "seed.trig")
    result = CliRunner().invoke(main, ["publish", str(tmp_path / "seed.trig"), "--to", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert "4 of 4 graph(s) accepted" in result.output  # the report, id/graph/things, …/fulfilment, …/dataset
    result = CliRunner().invoke(main, ["publish", str(tmp_path / "seed.trig"), "--to", "http://127.0.0.1:9/store",
                                       "--attempts", "1"])
    assert result.exit_code == 1 and "not accepted" in result.output
