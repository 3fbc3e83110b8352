"""Benchmark /sparql side by side with Oxigraph's own server on its in-memory store, on the same export.

    .venv/bin/python bench/endpoint.py [--seconds 6] [--rounds 3] [--clients 8] [--reports FILE ...]

Exports the dataset as N-Quads (``plangraph export``; with --reports, ``plangraph build`` of those reports into
an .nq file, for a larger graph) and starts on loopback ``oxigraph serve`` (in memory, the data loaded through
its /store, union default graph: the same engine and storage as plangraph's embedded default) and
``plangraph serve`` of the export. Then drives both in turn, alternating the order each round so noise shows,
with the same mix of queries (lookups, label search, aggregation, DESCRIBE, incoming links) in two modes:

- never repeated: every request's text is new (a numbered comment), so no answer cache can help;
- repeated: the same few dozen queries again and again (what caches are for).

Clients are ``--clients`` keep-alive connections spread over two client processes. It prints requests/s, p50
and p99 per run, the medians over rounds, and the ratios plangraph/oxigraph per mode (goals: never repeated
≥ 1.0 with a p99 no worse; repeated ≥ 5). Bounded: every run lasts ``--seconds``; all on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
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
MODES = ("never repeated", "repeated")


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


def start_servers(export: Path) -> dict:
    """Start both servers; return name -> (port, path of the query endpoint, process)."""
    servers = {}
    port = free_port()
    oxigraph = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--bind", f"127.0.0.1:{port}",
                                 "--union-default-graph", "--timeout-s", "30"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    servers["oxigraph"] = (port, "/query", oxigraph)
    port = free_port()
    servers["plangraph"] = (port, "/sparql", subprocess.Popen(
        [str(BIN / "plangraph"), "serve", str(export), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for port, _, process in servers.values():
        wait_for(port, process)
    conn = http.client.HTTPConnection("127.0.0.1", servers["oxigraph"][0], timeout=300)
    conn.request("POST", "/store", body=export.read_bytes(), headers={"Content-Type": "application/n-quads"})
    response = conn.getresponse()
    response.read()
    if response.status >= 300:
        raise SystemExit(f"oxigraph did not take the data: {response.status}")
    return servers


def request(conn: http.client.HTTPConnection, path: str, query: str) -> tuple[int, bytes]:
    accept = "application/n-triples" if "DESCRIBE <" in query else "application/sparql-results+json"
    conn.request("GET", f"{path}?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
    response = conn.getresponse()
    return response.status, response.read()


def the_mix(port: int, path: str) -> list[str]:
    """Fill the query kinds with IRIs taken from the data, so every server gets the same queries."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    pick = PREFIXES + "SELECT DISTINCT ?s WHERE { ?s rdfs:label|skos:prefLabel ?l } ORDER BY ?s LIMIT 12"
    _, body = request(conn, path, pick)
    iris = [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]]
    return [PREFIXES + template.format(iri=iri, word=WORDS[i % len(WORDS)])
            for i, iri in enumerate(iris) for template in KINDS.values()]


def _client_process(port, path, mix, threads, seconds, fresh, serial, out) -> None:
    latencies, errors, lock, stop = [], [0], threading.Lock(), time.monotonic() + seconds

    def client(offset: int) -> None:
        conn, mine, bad, i = http.client.HTTPConnection("127.0.0.1", port, timeout=60), [], 0, offset
        while time.monotonic() < stop:
            query = mix[i % len(mix)]
            if fresh:
                query += f"\n# {serial}.{offset}.{i}"
            started = time.perf_counter()
            try:
                status, _ = request(conn, path, query)
                mine.append(time.perf_counter() - started) if status == 200 else None
                bad += status != 200
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            i += 1
        with lock:
            latencies.extend(mine)
            errors[0] += bad
    workers = [threading.Thread(target=client, args=(serial * 1000 + k * 7,)) for k in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    out.put((latencies, errors[0]))


def drive(port: int, path: str, mix: list[str], clients: int, seconds: float, fresh: bool) -> dict:
    """Send the mix over ``clients`` connections for ``seconds``; return the rate and latencies of 200s."""
    context = multiprocessing.get_context("spawn")
    out, processes = context.Queue(), []
    run = f"{time.time_ns()}"
    for k in range(2):
        share = clients // 2 + (k < clients % 2)
        processes.append(context.Process(target=_client_process,
                                         args=(port, path, mix, share, seconds, fresh, int(run[-9:]) + k, out)))
    begun = time.monotonic()
    for process in processes:
        process.start()
    results = [out.get() for _ in processes]
    elapsed = time.monotonic() - begun - 0.3  # the client processes' start-up
    for process in processes:
        process.join()
    latencies = sorted(x for lat, _ in results for x in lat)
    return {"rps": len(latencies) / min(elapsed, seconds) if latencies else 0.0,
            "p50": latencies[len(latencies) // 2] * 1000 if latencies else 0.0,
            "p99": latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0.0,
            "errors": sum(e for _, e in results), "n": len(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="length of each run")
    parser.add_argument("--rounds", type=int, default=3, help="times each server is run, alternating order")
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive connections")
    parser.add_argument("--reports", nargs="*", default=[], help="reports to build the export from")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plangraph-bench-"))
    export = work / "export.nq"
    command = ["build", *args.reports] if args.reports else ["export", "--format", "nquads"]
    subprocess.run([str(BIN / "plangraph"), *command, "--output", str(export)], check=True)
    quads = sum(1 for _ in export.open(encoding="utf-8"))
    servers = start_servers(export)
    try:
        mix = the_mix(servers["oxigraph"][0], servers["oxigraph"][1])
        print(f"dataset: {quads} quads; mix: {len(mix)} queries ({', '.join(KINDS)}); "
              f"{args.clients} connections, {args.seconds:g} s per run, {args.rounds} rounds")
        for port, path, _ in servers.values():  # warm up, and check every server answers the whole mix
            drive(port, path, mix, 2, 1.0, fresh=False)
        results = {(name, mode): [] for name in servers for mode in MODES}
        for round_ in range(args.rounds):
            order = list(servers) if round_ % 2 == 0 else list(reversed(servers))
            for mode in MODES:
                for name in order:
                    port, path, _ = servers[name]
                    figures = drive(port, path, mix, args.clients, args.seconds, fresh=mode == MODES[0])
                    results[(name, mode)].append(figures)
                    print(f"round {round_ + 1}  {mode:<14} {name:<9} {figures['rps']:8.1f} req/s  p50 "
                          f"{figures['p50']:7.2f} ms  p99 {figures['p99']:8.2f} ms  ({figures['n']} answers, "
                          f"{figures['errors']} errors)", flush=True)
        report(results)
    finally:
        for _, _, process in servers.values():
            process.terminate()
            process.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def report(results: dict) -> None:
    """Print the medians over rounds, and the ratios the issue sets goals for."""
    median = {key: {f: statistics.median(r[f] for r in runs) for f in ("rps", "p50", "p99")}
              for key, runs in results.items()}
    print("\nmedian over rounds:")
    for (name, mode), m in median.items():
        print(f"  {mode:<14} {name:<9} {m['rps']:8.1f} req/s  p50 {m['p50']:7.2f} ms  p99 {m['p99']:8.2f} ms")
    for mode, goal in zip(MODES, (1.0, 5.0)):
        ours, theirs = median[("plangraph", mode)], median[("oxigraph", mode)]
        print(f"{mode}: plangraph/oxigraph throughput {ours['rps'] / theirs['rps']:.2f}× (goal ≥ {goal:g}), "
              f"p99 {ours['p99']:.2f} ms vs {theirs['p99']:.2f} ms")


if __name__ == "__main__":
    main()
