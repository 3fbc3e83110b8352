"""Benchmark /sparql side by side with Oxigraph's own server on its in-memory store, on the same export.

    .venv/bin/python bench/endpoint.py [--seconds 6] [--rounds 3] [--clients 8] [--client wrk|python]
                                       [--reports FILE ...]

Exports the dataset as N-Quads (``plangraph export``; with --reports, ``plangraph build`` of those reports into
an .nq file, for a larger graph) and starts on loopback ``oxigraph serve`` (in memory, the data loaded through
its /store, union default graph: the same engine and storage as plangraph's embedded default) and
``plangraph serve`` of the export. Then drives both in turn, alternating the order each round so noise shows,
with the same mix of queries (lookups, label search, aggregation, DESCRIBE, incoming links) in two modes:

- never repeated: every request's text is new (a numbered comment), so no answer cache can help;
- repeated: the same few dozen queries again and again (what caches are for).

The load comes from ``--clients`` keep-alive connections of wrk, the HTTP load generator (Debian package
``wrk``: ``apt-get install wrk``; elsewhere build it from https://github.com/wg/wrk), driven by a Lua script
the bench writes for each run (wrk runs whole seconds: ``--seconds`` is rounded). ``--client python`` (also
what runs, with a note, when wrk is missing) uses two Python client processes instead; they top out near
2 000 requests/s on a 2-core machine and take CPU from the servers, so with them the repeated ratio measures
the client, not the servers. It prints requests/s, p50 and p99 per run, the CPU time each server (all its
processes) spent per answer, the medians over rounds, and the ratios plangraph/oxigraph per mode (goals:
never repeated ≥ 1.0 with a p99 no worse; repeated ≥ 5). Bounded: every run lasts ``--seconds``; all on
127.0.0.1.

Only valid runs count: a run with any failed request (an error status, a socket error or a timeout), or
after which its server is gone, is printed as invalid with the reason (the server's exit status and the last
lines of its log) and left out of the medians; a server that died is started afresh for the next run. A mode
where either server has no valid run gets no ratio. Oxigraph runs without ``--timeout-s`` unless
``--oxigraph-timeout`` is given: with it, ``oxigraph serve`` 0.5 starts a thread per query that lives for the
whole timeout, so at 2 000 queries/s and 30 s it holds tens of thousands of threads, then fails with 500
"Resource temporarily unavailable" and aborts when a thread's stack guard cannot be mapped ("failed to set up
alternative stack guard page").
"""
from __future__ import annotations

import argparse
import os
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clients import DRIVERS, has_wrk, request

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


class Server:
    """One server under test: how to start it, its port, query path, process and log."""

    def __init__(self, name: str, path: str, command, export: Path, work: Path):
        self.name, self.path, self.command, self.export, self.log = name, path, command, export, work / f"{name}.log"
        self.port, self.process = 0, None

    def start(self) -> None:
        """Start (or start again) on a free port and wait until it answers with the data loaded."""
        self.port = free_port()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(self.command(self.port, self.export), stdout=log,
                                            stderr=subprocess.STDOUT)
        wait_for(self.port, self.process)
        if self.name == "oxigraph":
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
            conn.request("POST", "/store", body=self.export.read_bytes(),
                         headers={"Content-Type": "application/n-quads"})
            response = conn.getresponse()
            response.read()
            if response.status >= 300:
                raise SystemExit(f"oxigraph did not take the data: {response.status}")

    def death(self) -> str | None:
        """Why the server is gone (its exit status and the end of its log), or None while it runs."""
        if self.process is None or self.process.poll() is None:
            return None
        lines = [l for l in self.log.read_text("utf-8", "replace").splitlines() if l and not l.startswith(" ")]
        return f"{self.name} exited with status {self.process.returncode}; its log ends: " + " | ".join(lines[-3:])

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server and every process under it (query workers)."""
        return sum(_cpu(pid) for pid in _descendants(self.process.pid))

    def stop(self) -> None:
        """Stop the server and its processes."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        found.append(parent)
        try:
            with open(f"/proc/{parent}/task/{parent}/children", encoding="ascii") as children:
                todo += [int(p) for p in children.read().split()]
        except OSError:
            pass
    return found


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def make_servers(export: Path, work: Path, oxigraph_timeout: float, prefork: bool = False,
                 inline: bool = False) -> dict:
    """Both servers (and the prototypes of bench/prefork.py and bench/inline.py when asked), started; name -> Server."""
    timeout = ["--timeout-s", f"{oxigraph_timeout:g}"] if oxigraph_timeout else []
    servers = {
        "oxigraph": Server("oxigraph", "/query", lambda port, _: [
            str(BIN / "oxigraph"), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph", *timeout],
            export, work),
        "plangraph": Server("plangraph", "/sparql", lambda port, data: [
            str(BIN / "plangraph"), "serve", str(data), "--port", str(port)], export, work)}
    if prefork:
        servers["prefork"] = Server("prefork", "/sparql", lambda port, data: [
            sys.executable, str(ROOT / "bench" / "prefork.py"), str(data), "--port", str(port)], export, work)
    if inline:
        servers["inline"] = Server("inline", "/sparql", lambda port, data: [
            sys.executable, str(ROOT / "bench" / "inline.py"), "serve", str(data), "--port", str(port)], export, work)
    try:
        for server in servers.values():
            server.start()
    except BaseException:  # one did not start: stop those that did
        for server in servers.values():
            server.stop()
        raise
    return servers


def the_mix(port: int, path: str) -> list[str]:
    """Fill the query kinds with IRIs taken from the data, so every server gets the same queries."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    pick = PREFIXES + "SELECT DISTINCT ?s WHERE { ?s rdfs:label|skos:prefLabel ?l } ORDER BY ?s LIMIT 12"
    _, body = request(conn, path, pick)
    iris = [b["s"]["value"] for b in json.loads(body)["results"]["bindings"]]
    return [PREFIXES + template.format(iri=iri, word=WORDS[i % len(WORDS)])
            for i, iri in enumerate(iris) for template in KINDS.values()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="length of each run")
    parser.add_argument("--rounds", type=int, default=3, help="times each server is run, alternating order")
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive connections")
    parser.add_argument("--reports", nargs="*", default=[], help="reports to build the export from")
    parser.add_argument("--oxigraph-timeout", type=float, default=0,
                        help="pass --timeout-s to oxigraph serve (0: none; see above why)")
    parser.add_argument("--prefork", action="store_true",
                        help="also run the prototype of bench/prefork.py (several processes querying in-process)")
    parser.add_argument("--inline", action="store_true",
                        help="also run the prototype of bench/inline.py (stored answers sent from the event loop)")
    parser.add_argument("--client", choices=DRIVERS, default="wrk" if has_wrk() else "python",
                        help="the load generator (default: wrk when installed, else python)")
    args = parser.parse_args()
    if not has_wrk() and args.client == "wrk":
        parser.error("wrk is not installed: apt-get install wrk, or choose --client python")
    if not has_wrk():
        print("wrk is not installed (apt-get install wrk): using the Python client, which tops out near "
              "2 000 requests/s on 2 cores, so the repeated ratio will measure the client", flush=True)
    work = Path(tempfile.mkdtemp(prefix="plangraph-bench-"))
    export = work / "export.nq"
    command = ["build", *args.reports] if args.reports else ["export", "--format", "nquads"]
    subprocess.run([str(BIN / "plangraph"), *command, "--output", str(export)], check=True)
    quads = sum(1 for _ in export.open(encoding="utf-8"))
    servers = make_servers(export, work, args.oxigraph_timeout, args.prefork, args.inline)
    try:
        mix = the_mix(servers["oxigraph"].port, servers["oxigraph"].path)
        print(f"dataset: {quads} quads; mix: {len(mix)} queries ({', '.join(KINDS)}); "
              f"{args.clients} connections of {args.client}, {args.seconds:g} s per run, {args.rounds} rounds; "
              f"oxigraph {'--timeout-s ' + format(args.oxigraph_timeout, 'g') if args.oxigraph_timeout else 'without --timeout-s'}")
        for server in servers.values():  # warm up, and check every server answers the whole mix
            DRIVERS["python"](server.port, server.path, mix, 2, 1.0, fresh=False)
        results = {(name, mode): [] for name in servers for mode in MODES}
        for round_ in range(args.rounds):
            order = list(servers) if round_ % 2 == 0 else list(reversed(servers))
            for mode in MODES:
                for name in order:
                    figures = run(servers[name], mix, args, fresh=mode == MODES[0])
                    results[(name, mode)].append(figures)
                    print(f"round {round_ + 1}  {mode:<14} {name:<9} {line(figures)}", flush=True)
        report(results)
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


def run(server: Server, mix: list[str], args, fresh: bool) -> dict:
    """One timed run on ``server`` (started afresh first if it died); the figures say whether it is valid."""
    if server.death():
        print(f"  ({server.name} is gone, starting it afresh)", flush=True)
        server.start()
    spent = server.cpu_seconds()
    figures = DRIVERS[args.client](server.port, server.path, mix, args.clients, args.seconds, fresh)
    figures["cpu"] = (server.cpu_seconds() - spent) * 1000 / figures["n"] if figures["n"] else 0.0
    died = server.death()
    figures["invalid"] = died or (f"{sum(figures['errors'].values())} failed requests: "
                                  + "; ".join(f"{n}× {kind}" for kind, n in figures["errors"].most_common(3))
                                  if figures["errors"] else "")
    return figures


def line(figures: dict) -> str:
    """One run's figures on a line, and why it does not count when it does not."""
    text = (f"{figures['rps']:8.1f} req/s  p50 {figures['p50']:7.2f} ms  p99 {figures['p99']:8.2f} ms  "
            f"CPU {figures['cpu']:5.2f} ms/answer  ({figures['n']} answers)")
    return text + (f"  INVALID: {figures['invalid']}" if figures["invalid"] else "")


def report(results: dict) -> None:
    """Print the medians over valid rounds, and the ratios the issue sets goals for (only from valid runs)."""
    fields = ("rps", "p50", "p99", "cpu")
    median = {key: {f: statistics.median(r[f] for r in runs if not r["invalid"]) for f in fields}
              for key, runs in results.items() if any(not r["invalid"] for r in runs)}
    print("\nmedian over valid rounds:")
    for (name, mode), runs in results.items():
        valid = sum(not r["invalid"] for r in runs)
        m = median.get((name, mode))
        print(f"  {mode:<14} {name:<9} " + (f"{m['rps']:8.1f} req/s  p50 {m['p50']:7.2f} ms  p99 {m['p99']:8.2f} ms  "
                                            f"CPU {m['cpu']:5.2f} ms/answer" if m else "no valid run")
              + f"  ({valid} of {len(runs)} runs valid)")
    for name in sorted({n for n, _ in results} - {"oxigraph"}, key=lambda n: n != "plangraph"):
        for mode, goal in zip(MODES, (1.0, 5.0)):
            ours, theirs = median.get((name, mode)), median.get(("oxigraph", mode))
            if not (ours and theirs):
                print(f"{mode}: no {name}/oxigraph ratio, a server has no valid run (see INVALID above)")
                continue
            print(f"{mode}: {name}/oxigraph throughput {ours['rps'] / theirs['rps']:.2f}× (goal ≥ {goal:g}), "
                  f"p99 {ours['p99']:.2f} ms vs {theirs['p99']:.2f} ms, CPU per answer {ours['cpu']:.2f} ms vs "
                  f"{theirs['cpu']:.2f} ms")

if __name__ == "__main__":
    main()
