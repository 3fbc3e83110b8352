"""Benchmark /sparql against Oxigraph's own server and an rdflib-backed endpoint on the same export.

    .venv/bin/python bench/endpoint.py [--seconds 6] [--rounds 2] [--clients 8] [--reports FILE ...]

Exports the dataset as N-Quads (``plangraph export``; with --reports, ``plangraph build`` of those
reports into an .nq file, for a larger graph), starts on loopback: ``oxigraph serve-read-only`` (union
default graph), ``plangraph serve`` twice (answer cache off, and on), a minimal Flask+rdflib endpoint
(defined below), and an empty WSGI app on waitress that shows the ceiling of the server and the client. Then drives each in turn with the same mix of queries (lookups, label search,
aggregation, DESCRIBE, incoming links) from concurrent client threads, repeated and in alternating order
so noise shows, and prints requests/s, p50 and p99 per run, the medians, and the ratios. Bounded: every
run lasts ``--seconds``; everything runs on 127.0.0.1 and is stopped at the end.
"""
from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX pg: <https://w3id.org/plangraph/def#>
"""
# The mix: each kind of query a linked-data client sends, filled with things taken from the data.
KINDS = {
    "lookup": "SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}",
    "label search": 'SELECT ?s ?label WHERE {{ ?s rdfs:label|skos:prefLabel ?label '
                    'FILTER(CONTAINS(STR(?label), "{word}")) }} LIMIT 20',
    "aggregation": "SELECT ?type (COUNT(?s) AS ?n) WHERE {{ ?s a ?type }} GROUP BY ?type ORDER BY DESC(?n)",
    "describe": "DESCRIBE <{iri}>",
    "incoming links": "SELECT ?s ?p WHERE {{ ?s ?p <{iri}> }} LIMIT 100",
}
WORDS = ["生产", "投资", "项目", "增长", "收入", "消费", "区", "工程"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server on port {port} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start within {seconds:g} s")


def rdflib_app(path: str):
    """A minimal Flask endpoint that answers with rdflib's own SPARQL evaluator (the ≥10× comparison)."""
    from flask import Flask, Response, request
    from rdflib import Dataset
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="nquads")
    app, lock = Flask("rdflib-endpoint"), threading.Lock()

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql():
        with lock:  # rdflib's evaluator is not safe for concurrent queries (they fail at random)
            result = dataset.query(request.values["query"])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Response(result.serialize(format="nt"), mimetype="application/n-triples")
        return Response(result.serialize(format="json"), mimetype="application/sparql-results+json")
    return app


def empty_app(environ, start_response):
    """A WSGI app that answers every request with an empty result: the ceiling waitress and this client allow."""
    start_response("200 OK", [("Content-Type", "application/sparql-results+json")])
    return [b'{"head":{"vars":[]},"results":{"bindings":[]}}']


def start_servers(export: Path, work: Path) -> dict:
    """Start every server under test; return name -> (port, process)."""
    servers, location = {}, work / "oxigraph"
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(location), "--file", str(export)],
                   check=True, capture_output=True)
    port = free_port()
    servers["oxigraph"] = (port, subprocess.Popen(
        [str(BIN / "oxigraph"), "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph", "--timeout-s", "30"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for name, cache in (("plangraph uncached", "0"), ("plangraph cached", "1024")):
        port = free_port()
        servers[name] = (port, subprocess.Popen(
            [str(BIN / "plangraph"), "serve", str(export), "--port", str(port), "--cache-size", cache],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for name, mode in (("rdflib", "--serve-rdflib"), ("waitress ceiling", "--serve-empty")):
        port = free_port()
        servers[name] = (port, subprocess.Popen([sys.executable, __file__, mode, str(export), str(port)],
                                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for port, process in servers.values():
        wait_for(port, process)
    return servers


def request(conn: http.client.HTTPConnection, query: str) -> tuple[int, bytes]:
    accept = "application/n-triples" if "DESCRIBE <" in query else "application/sparql-results+json"
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    response = conn.getresponse()
    return response.status, response.read()


def the_mix(port: int) -> list[str]:
    """Fill the query kinds with IRIs taken from the data, so every server gets the same queries."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    pick = PREFIXES + "SELECT DISTINCT ?s WHERE { ?s rdfs:label|skos:prefLabel ?l } ORDER BY ?s LIMIT 12"
    status, body = request(conn, pick)
    iris = [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]]
    mix = []
    for i, iri in enumerate(iris):
        for kind, template in KINDS.items():
            mix.append(PREFIXES + template.format(iri=iri, word=WORDS[i % len(WORDS)]))
    return mix


def drive(port: int, mix: list[str], clients: int, seconds: float) -> dict:
    """Send the mix from ``clients`` threads for ``seconds``; return the rate and latencies of answers (200)."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        conn, mine, bad, i = http.client.HTTPConnection("127.0.0.1", port, timeout=60), [], 0, offset
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                status, _ = request(conn, mix[i % len(mix)])
                if status == 200:
                    mine.append(time.perf_counter() - started)
                else:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            i += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad
    threads = [threading.Thread(target=client, args=(k * 7,)) for k in range(clients)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begun
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50": latencies[len(latencies) // 2] * 1000,
            "p99": latencies[int(len(latencies) * 0.99)] * 1000, "errors": errors[0], "n": len(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="length of each run")
    parser.add_argument("--rounds", type=int, default=2, help="times each server is run, alternating order")
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--reports", nargs="*", default=[], help="reports to build the export from")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plangraph-bench-"))
    export = work / "export.nq"
    command = ["build", *args.reports] if args.reports else ["export", "--format", "nquads"]
    subprocess.run([str(BIN / "plangraph"), *command, "--output", str(export)], check=True)
    triples = sum(1 for _ in export.open(encoding="utf-8"))
    servers = start_servers(export, work)
    try:
        mix = the_mix(servers["oxigraph"][0])
        print(f"dataset: {triples} quads; mix: {len(mix)} distinct queries ({', '.join(KINDS)}); "
              f"{args.clients} clients, {args.seconds:g} s per run, {args.rounds} rounds")
        for name, (port, _) in servers.items():  # warm up and check every server answers the whole mix
            drive(port, mix, 2, 1.0)
        results = {name: [] for name in servers}
        for round_ in range(args.rounds):
            order = list(servers) if round_ % 2 == 0 else list(reversed(servers))
            for name in order:
                figures = drive(servers[name][0], mix, args.clients, args.seconds)
                results[name].append(figures)
                print(f"round {round_ + 1}  {name:<19} {figures['rps']:8.1f} req/s  p50 {figures['p50']:7.2f} ms  "
                      f"p99 {figures['p99']:8.2f} ms  ({figures['n']} requests, {figures['errors']} errors)")
        report(results)
    finally:
        for _, process in servers.values():
            process.terminate()
            process.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def report(results: dict) -> None:
    """Print each server's median throughput and latencies, and the ratios the issue sets goals for."""
    median = {name: statistics.median(r["rps"] for r in runs) for name, runs in results.items()}
    print("\nmedian over rounds:")
    for name, runs in results.items():
        print(f"  {name:<19} {median[name]:8.1f} req/s  p50 {statistics.median(r['p50'] for r in runs):7.2f} ms"
              f"  p99 {statistics.median(r['p99'] for r in runs):8.2f} ms")
    print(f"(the waitress ceiling is an app that does nothing: {median['waitress ceiling']:.0f} req/s is the most "
          "any waitress app reaches with this client on this machine)")
    for mode in ("uncached", "cached"):
        ours = median[f"plangraph {mode}"]
        print(f"plangraph {mode}: {ours / median['oxigraph']:.2f}× oxigraph (goal ≥ 1.0), "
              f"{ours / median['rdflib']:.1f}× rdflib (goal ≥ 10)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] in ("--serve-rdflib", "--serve-empty"):
        from waitress import serve
        app = rdflib_app(sys.argv[2]) if sys.argv[1] == "--serve-rdflib" else empty_app
        serve(app, host="127.0.0.1", port=int(sys.argv[3]), threads=8, _quiet=True)
    else:
        main()
