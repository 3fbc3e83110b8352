"""The abuse suite: a real `plangraph serve`, attacked on loopback the way issue 15 found it could be.

Every attack is bounded in time; the server runs with small limits so the suite stays short: queries stop
after QUERY_TIMEOUT seconds, each query worker may use MAX_MEMORY_MB, an answer MAX_BYTES, a client
CLIENT_TIMEOUT seconds to send a whole request.
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from abuse import Listener, query_workers, raw, rss
from servers import free_port, wait_until_answering

QUERY_TIMEOUT, MAX_MEMORY_MB, MAX_BYTES, CLIENT_TIMEOUT = 4, 300, 2_000_000, 3
HEAVY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
EVIL = "https://w3id.org/plangraph/id/evil"


@pytest.fixture(scope="module")
def served(seed_store, tmp_path_factory):
    """`plangraph serve` of the seed, plus one resource linking to a javascript: IRI; yields (url, port, log)."""
    import pyoxigraph
    folder = tmp_path_factory.mktemp("abuse")
    data = folder / "seed.nq"
    data.write_bytes(seed_store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
                     + f'<{EVIL}> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> .\n'
                       f'<{EVIL}> <http://www.w3.org/2000/01/rdf-schema#label> "恶意" .\n'.encode())
    log, port = open(folder / "serve.log", "w+b"), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plangraph", "serve", str(data), "--port", str(port), "--workers", "2",
         "--query-timeout", str(QUERY_TIMEOUT), "--max-memory", str(MAX_MEMORY_MB), "--max-bytes", str(MAX_BYTES),
         "--client-timeout", str(CLIENT_TIMEOUT)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{url}/sparql?query=ASK%7B%7D", process)
        yield url, port, folder / "serve.log", process
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _get(url: str, path: str, timeout: float = 30, headers: dict | None = None) -> tuple[int, dict, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def _query(url: str, query: str, timeout: float = 30, **headers) -> tuple[int, dict, bytes]:
    return _get(url, "/sparql?" + urllib.parse.urlencode({"query": query}), timeout, headers)


def _post(url: str, body: str, content_type: str) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("POST", "/sparql", body=body.encode("utf-8"), headers={"Content-Type": content_type})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# --- no query makes the server send a request ---------------------------------------------------------------

SPELLINGS = {
    "plain": "SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "silent": "SELECT * WHERE {{ SERVICE SILENT <{u}> {{ ?s ?p ?o }} }}",
    "lower case": "select * where {{ service <{u}> {{ ?s ?p ?o }} }}",
    "mixed case, no spaces": "SELECT*WHERE{{SeRvIcE<{u}>{{?s ?p ?o}}}}",
    "escaped # in a name": "PREFIX ex: <http://x/> SELECT * WHERE {{ BIND(ex:a\\# AS ?v) SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "escaped quote": 'SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE <{u}> {{ ?s ?p ?o }} }} # """',
    "escaped quote, long": "SELECT * WHERE {{ FILTER(\"\\u0022\") SERVICE <{u}> {{ }} }} # \"\"\")}}",
    "after a comment": "SELECT * WHERE {{ # }}\nSERVICE <{u}> {{ ?s ?p ?o }} }}",
    "after a number": "SELECT * WHERE {{ ?s ?p 1SERVICE<{u}>{{}} }}",
    "after true": "SELECT * WHERE {{ ?s ?p true SERVICE <{u}> {{}} }}",
    "prefixed name": "PREFIX l: <{u}> SELECT * WHERE {{ SERVICE l:x {{ ?s ?p ?o }} }}",
    "empty prefix": "PREFIX : <{u}> SELECT * WHERE {{ SERVICE:x{{ ?s ?p ?o }} }}",
    "relative to BASE": "BASE <{u}> SELECT * WHERE {{ SERVICE <x> {{ ?s ?p ?o }} }}",
    "variable bound by VALUES": "SELECT * WHERE {{ VALUES ?e {{ <{u}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "inside EXISTS": "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{u}> {{ ?a ?b ?c }} }} }} LIMIT 1",
    "inside OPTIONAL": "SELECT * WHERE {{ OPTIONAL {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
    "in ASK": "ASK {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "in CONSTRUCT": "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "in a subquery": "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
    "escaped keyword": "SELECT * WHERE {{ \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }}",
    "long string trick": "SELECT * WHERE {{ BIND('''x\\''' AS ?a) SERVICE <{u}> {{}} }} #'''",
}


@pytest.mark.parametrize("name", SPELLINGS)
def test_no_service_spelling_reaches_a_listener(served, name):
    url = served[0]
    listener = Listener()
    try:
        query = SPELLINGS[name].format(u=listener.url)
        for status, body in (_query(url, query)[::2], _post(url, query, "application/sparql-query"),
                             _post(url, urllib.parse.urlencode({"query": query}),
                                   "application/x-www-form-urlencoded")):
            assert status == 400, (status, body[:300])
        time.sleep(0.3)
        assert listener.hits == []
    finally:
        listener.close()


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s ?p ?o FILTER(?o = "public service") } LIMIT 1',
    "SELECT ?s WHERE { ?s a dcat:DataService } LIMIT 1",
    "SELECT ?s WHERE { ?s ?p <http://example.org/service> } # a SERVICE in a comment",
])
def test_the_word_service_outside_the_keyword_is_fine(served, query):
    status, _, body = _query(served[0], query)
    assert status == 200, body[:300]


# --- every query is bounded in memory and bytes -------------------------------------------------------------

def test_heavy_queries_stay_under_the_memory_limit(served):
    # --max-memory counts beyond what a worker holds when forked (Python, its libraries, the store: ~100 MB
    # of the seed), so a worker's growth over that resting size is what must stay under the limit.
    url, _, _, process = served
    assert _query(url, "ASK {}")[0] == 200
    resting = max(rss(p) for p in query_workers(process.pid))
    peak, stop = [resting], threading.Event()

    def watch():
        while not stop.is_set():
            peak[0] = max([peak[0]] + [rss(p) for p in query_workers(process.pid)])
            time.sleep(0.05)
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(lambda _: _query(url, HEAVY, timeout=QUERY_TIMEOUT + 20), range(2)))
    finally:
        stop.set()
        watcher.join()
    for status, headers, body in answers:
        assert status == 503 and headers.get("Retry-After"), (status, body[:300])
        assert b"memory" in body or b"time limit" in body
    grown = peak[0] - resting
    assert grown < (MAX_MEMORY_MB + 50) * 2**20, (f"a worker grew by {grown / 2**20:.0f} MB "
                                                  f"(from {resting / 2**20:.0f} to {peak[0] / 2**20:.0f} MB)")
    assert _query(url, "ASK {}")[0] == 200


def _doubling(times: int) -> str:
    binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(times))
    return f'SELECT ?s{times} WHERE {{ BIND("0123456789abcdef" AS ?s0) {binds} VALUES ?n {{ 1 2 3 4 5 6 7 8 }} }}'


def test_answers_are_cut_at_max_bytes(served):
    status, headers, body = _query(served[0], _doubling(16))  # 8 rows of 1 MB
    assert status == 200
    assert len(body) <= MAX_BYTES
    assert "max-bytes" in headers.get("Plangraph-Truncated", "")
    assert json.loads(body)["truncated"] is True


def test_a_doubled_string_is_stopped_by_the_memory_limit(served):
    status, headers, body = _query(served[0], _doubling(27), timeout=QUERY_TIMEOUT + 20)  # rows of 2 GB
    assert status in (503, 413), body[:300]
    assert status == 413 or headers.get("Retry-After")
    assert len(body) < 10_000


# --- fair under load ----------------------------------------------------------------------------------------

def test_cheap_requests_answer_fast_while_12_slow_queries_run(served):
    url = served[0]
    with ThreadPoolExecutor(12) as pool:
        slow = [pool.submit(_query, url, SLOW + f" # {i}", QUERY_TIMEOUT + 20) for i in range(12)]
        time.sleep(1.5)
        for path in ("/sparql?query=ASK%7B%7D", "/", "/list/pg:Indicator"):
            started = time.monotonic()
            status = _get(url, path, timeout=10)[0]
            assert status == 200 and time.monotonic() - started < 1.0, (path, time.monotonic() - started)
        statuses = [f.result()[0] for f in slow]
    assert set(statuses) <= {503}, statuses  # each stopped at the time limit or turned away, never hung


def test_a_full_server_says_when_to_come_back(served):
    url = served[0]
    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(lambda i: _query(url, SLOW + f" # full {i}", QUERY_TIMEOUT + 20), range(40)))
    turned_away = [h for s, h, _ in answers if s == 503]
    assert turned_away and all(h.get("Retry-After") for h in turned_away)


# --- slow and malformed clients -----------------------------------------------------------------------------

def test_150_slow_clients_do_not_block_a_normal_one(served):
    url, port = served[0], served[1]
    slow = []
    try:
        for i in range(150):
            conn = socket.create_connection(("127.0.0.1", port), source_address=(f"127.0.1.{i + 1}", 0))
            conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            slow.append(conn)
        for _ in range(2):
            for conn in slow:
                try:
                    conn.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass
            started = time.monotonic()
            assert _get(url, "/sparql?query=ASK%7B%7D", timeout=5)[0] == 200
            assert time.monotonic() - started < 1.0
            time.sleep(1)
        time.sleep(CLIENT_TIMEOUT + 1.5)
        closed = sum(1 for conn in slow if _closed(conn))
        assert closed == len(slow), f"{closed} of {len(slow)} slow clients were cut off"
    finally:
        for conn in slow:
            conn.close()


def _closed(conn: socket.socket) -> bool:
    conn.settimeout(1)
    try:
        data = conn.recv(4096)
    except OSError:
        return True
    return data == b"" or data.startswith(b"HTTP/1.1 4") or data.startswith(b"HTTP/1.1 5")


def test_one_address_cannot_take_every_connection(served):
    port = served[1]
    held = []
    try:
        for _ in range(80):
            held.append(socket.create_connection(("127.0.0.1", port), source_address=("127.0.2.1", 0)))
        time.sleep(0.5)
        assert sum(1 for conn in held if _closed(conn)) >= 80 - 64
        assert _get(served[0], "/sparql?query=ASK%7B%7D", timeout=5)[0] == 200
    finally:
        for conn in held:
            conn.close()


def test_content_length_with_transfer_encoding_closes_the_connection(served):
    smuggled = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n"
    request = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
               b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled)
    answer = raw(served[1], request)
    assert answer.startswith(b"HTTP/1.1 400")
    assert answer.count(b"HTTP/1.1 ") == 1  # the smuggled request was never served


def test_a_huge_query_page_request_is_linear(served):
    query = "\n" * 20_000 + "PREFIX" + " " * 60_000 + "x" * 110_000  # 230 KB as a URL
    started = time.monotonic()
    status = _get(served[0], "/query?" + urllib.parse.urlencode({"query": query}), timeout=30)[0]
    assert status == 200 and time.monotonic() - started < 2.0, (status, time.monotonic() - started)


def test_8000_host_names_leave_memory_flat(served):
    url, port, _, process = served
    _get(url, "/sparql", headers={"Host": "warm.example"})
    before = rss(process.pid)

    def ask(block: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for i in range(block * 2000, block * 2000 + 2000):
            conn.request("GET", "/sparql", headers={"Host": f"h{i}.example", "Accept": "text/turtle"})
            conn.getresponse().read()
        conn.close()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(ask, range(4)))
    grown = rss(process.pid) - before
    assert grown < 30 * 2**20, f"the server grew by {grown / 2**20:.0f} MB"


# --- hostile input is the client's error, pages are safe to render ------------------------------------------

HOSTILE = ["/id/%ff%fe", "/id/%F4%90%80%80", "/list/pg:Sentence?page=99999999999999999999", "/list/xsd:%00",
           "/sparql?query=SELECT%20*%20%7B%20BIND(%22%5CU00110000%22%20AS%20%3Fx)%20%7D",
           "/sparql?query=" + urllib.parse.quote("SELECT * WHERE " + "{" * 5000 + "}" * 5000),
           "/sparql?query=" + urllib.parse.quote("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"),
           "/search?q=%00", "/id/report/x%00y", "/export.ttl%00"]


@pytest.mark.parametrize("path", HOSTILE)
def test_hostile_urls_are_client_errors_without_a_traceback(served, path):
    url, _, log, _ = served
    status, _, body = _get(url, path)
    assert 400 <= status < 500 or (path.startswith("/search") and status == 200), (status, body[:300])
    assert _get(url, "/sparql?query=ASK%7B%7D")[0] == 200  # and the server (and its workers) live on
    assert b"Traceback" not in log.read_bytes()


def test_only_http_iris_become_links(served):
    status, _, body = _get(served[0], "/id/evil", headers={"Accept": "text/html"})
    assert status == 200 and "javascript:alert(1)".encode() in body
    assert b'href="javascript:' not in body.lower()


def test_the_language_link_of_a_404_stays_on_the_site(served):
    status, _, body = _get(served[0], "/%5Cevil.example", headers={"Accept": "text/html"})
    assert status == 404
    assert b'href="/\\' not in body and b"href='/\\" not in body


@pytest.mark.parametrize("path", ["/", "/query", "/sparql?query=ASK%7B%7D", "/id/evil", "/nothing-here"])
def test_every_answer_has_the_security_headers(served, path):
    _, headers, _ = _get(served[0], path, headers={"Accept": "text/html"})
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("X-Frame-Options") == "DENY"
    policy = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy


# --- a killed worker costs at most the request it ran -------------------------------------------------------

def test_a_killed_worker_costs_only_its_own_request(served):
    url, _, _, process = served
    with ThreadPoolExecutor(2) as pool:
        running = pool.submit(_query, url, SLOW + " # killed", QUERY_TIMEOUT + 20)
        time.sleep(0.8)
        busy = max(query_workers(process.pid), key=_cpu)
        os.kill(busy, signal.SIGKILL)
        assert running.result()[0] in (500, 503)
    for _ in range(20):
        assert _query(url, "ASK {}")[0] == 200


def _cpu(pid: int) -> int:
    try:
        fields = open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])
