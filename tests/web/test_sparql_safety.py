"""Safety of a public endpoint: no outbound requests, a time limit that really stops a query, many clients."""
import os
import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

TIMEOUT = 1.5
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
INDICATORS = "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name }"


@pytest.fixture(scope="module")
def limited(seed_store):
    """An app with a short time limit and two query workers."""
    from plangraph.web import create_app
    app = create_app({"PLANGRAPH_STORE": seed_store, "TESTING": True, "PLANGRAPH_QUERY_TIMEOUT": TIMEOUT,
                      "PLANGRAPH_WORKERS": 2})
    app.extensions["plangraph.sparql"].start()  # as `plangraph serve` does: time only the queries
    yield app
    app.extensions["plangraph.sparql"].close()


@pytest.fixture()
def listener():
    """A local TCP listener that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.1)
    hits, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                hits.append(server.accept()[0].recv(1024))
            except OSError:
                pass
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/", hits
    stop.set()
    thread.join(1)
    server.close()


def _ask(client, query, **params):
    return client.get("/sparql", query_string={"query": query, **params})


def test_service_is_refused_before_evaluation_and_nothing_is_fetched(client, listener):
    url, hits = listener
    for query in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
                  # the two spellings that slipped past the old keyword check (issue 15)
                  f"PREFIX ex: <http://x/> SELECT * WHERE {{ BIND(ex:a\\# AS ?v) SERVICE <{url}> {{ ?s ?p ?o }} }}",
                  f'SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }} # """'):
        response = _ask(client, query)
        assert response.status_code == 400 and "SERVICE" in response.get_data(as_text=True)
    time.sleep(0.3)
    assert hits == []


def test_from_and_from_named_are_never_fetched(client, listener):
    url, hits = listener
    response = _ask(client, f"SELECT * FROM <{url}> FROM NAMED <{url}g> WHERE {{ ?s ?p ?o }}")
    assert response.status_code == 200 and response.get_json()["results"]["bindings"] == []
    response = _ask(client, "ASK { ?s ?p ?o }", **{"default-graph-uri": url})
    assert response.get_json()["boolean"] is False
    time.sleep(0.3)
    assert hits == []


def test_from_a_stored_graph_limits_the_default_graph(client):
    graphs = _ask(client, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").get_json()["results"]["bindings"]
    dataset = next(b["g"]["value"] for b in graphs if b["g"]["value"].endswith("id/graph/dataset"))
    query = f"SELECT (COUNT(*) AS ?n) FROM <{dataset}> WHERE {{ ?s ?p ?o }}"
    count = int(_ask(client, query).get_json()["results"]["bindings"][0]["n"]["value"])
    everything = int(_ask(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
                     .get_json()["results"]["bindings"][0]["n"]["value"])
    assert 0 < count < everything


def test_a_runaway_query_is_stopped_near_the_limit_while_others_are_answered(limited):
    client = limited.test_client()
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        runaway = pool.submit(lambda: (_ask(client, RUNAWAY), time.monotonic() - started))
        time.sleep(0.2)
        quick_start = time.monotonic()
        quick = _ask(client, INDICATORS)
        quick_seconds = time.monotonic() - quick_start
        response, seconds = runaway.result(timeout=10)
    assert quick.status_code == 200 and quick_seconds < 1.0
    assert response.status_code == 503 and "time limit" in response.get_data(as_text=True)
    assert TIMEOUT <= seconds < TIMEOUT + 1.0
    assert _ask(client, "ASK {}").get_json()["boolean"] is True


def test_a_crashing_worker_is_a_500_and_the_server_carries_on(limited):
    client = limited.test_client()
    pool = limited.extensions["plangraph.sparql"].executor
    deadline = time.monotonic() + 20
    while pool.idle() < 4 and time.monotonic() < deadline:  # the previous test's replacement is starting
        time.sleep(0.1)
    with ThreadPoolExecutor(1) as runner:
        future = runner.submit(_ask, client, RUNAWAY.replace("?n", "?m"))
        time.sleep(0.3)
        busy = pool.busy()
        assert len(busy) == 1
        os.kill(busy.pop(), signal.SIGKILL)
        response = future.result(timeout=10)
    assert response.status_code == 500 and "bug" in response.get_data(as_text=True)
    assert _ask(client, "ASK {}").status_code == 200


def test_many_clients_at_once_get_correct_answers(limited):
    client = limited.test_client()
    queries = [f"SELECT ?x WHERE {{ VALUES ?x {{ {i} }} }}" for i in range(40)]

    def run(i):
        body = _ask(client, queries[i], format="json").get_json()
        return int(body["results"]["bindings"][0]["x"]["value"])
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(run, range(40))) == list(range(40))
