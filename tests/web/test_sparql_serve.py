"""`plangraph serve` as a real process: its limits from the command line, and many clients at once."""
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from servers import plangraph_serve

from plangraph.store.export import serialize
from plangraph.store.formats import by_name

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    """`plangraph serve seed.trig --query-timeout 1.5 --max-rows 5` on a free port."""
    data = tmp_path_factory.mktemp("serve") / "seed.trig"
    data.write_bytes(serialize(seed_store, by_name("trig")))
    with plangraph_serve(str(data), "--query-timeout", "1.5", "--max-rows", "5", "--workers", "2") as url:
        yield f"{url}/sparql"


def _get(url, query, timeout=10):
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": query}), timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serve_stops_a_runaway_query_at_its_timeout_and_keeps_answering(server):
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        runaway = pool.submit(_get, server, RUNAWAY)
        time.sleep(0.2)
        quick_started = time.monotonic()
        status, _, body = _get(server, "SELECT ?i WHERE { ?i a pg:Indicator } LIMIT 1")
        assert status == 200 and time.monotonic() - quick_started < 1.0
        status, _, body = runaway.result(timeout=15)
    assert status == 503 and b"time limit" in body
    assert 1.5 <= time.monotonic() - started < 3.0


def test_serve_caps_rows_from_the_command_line(server):
    status, headers, body = _get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers["Plangraph-Truncated"] == "max-rows=5"
    assert len(json.loads(body)["results"]["bindings"]) == 5


def test_serve_answers_many_clients_at_once(server):
    def one(i):
        status, _, body = _get(server, f"SELECT ?x WHERE {{ BIND({i} AS ?x) }}")
        return status, int(json.loads(body)["results"]["bindings"][0]["x"]["value"])
    with ThreadPoolExecutor(16) as pool:
        assert list(pool.map(one, range(64))) == [(200, i) for i in range(64)]
