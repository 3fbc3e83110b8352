"""Soak `plangraph serve` with mixed load and watch its memory: does it stay flat, does every request succeed?

    .venv/bin/python bench/soak.py [--seconds 600] [--clients 16] [--kill-worker-at 300]

Exports the dataset (``plangraph export``), serves it on loopback and drives it from ``--clients`` threads
with a mix: never-repeated SELECTs, repeated ones, pages (home, lists, resources, search, the query page),
service descriptions under many Host names, hostile URLs, and now and then a query that runs into the time
limit. Every 5 s it samples the resident memory of the server and all its processes. At the end it prints
the memory after the first minute, the highest and lowest later (as % of it), requests by kind and status,
and the failures: any request that got no answer, or an answer other than the one its kind expects (a
deliberate slow query expects 503; a hostile URL a 4xx). With --kill-worker-at it kills one busy query worker
at that second, and counts what that cost. Bounded: it stops after --seconds, and stops the server.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from abuse import query_workers, tree_rss  # noqa: E402
from servers import free_port, wait_until_answering  # noqa: E402

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } # {n}"
REPEATED = ["SELECT ?i ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } LIMIT 50",
            "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
            "ASK { ?s a pg:Report }"]
PAGES = ["/", "/list/pg:Indicator", "/list/pg:Indicator?page=2", "/search?q=%E6%8A%95%E8%B5%84", "/query", "/def"]
HOSTILE = ["/id/%ff%fe", "/list/pg:Sentence?page=99999999999999999999", "/list/xsd:%00"]
# kind -> (weight, statuses that count as success)
KINDS = {"new query": (40, {200}), "repeated query": (25, {200}), "page": (20, {200}), "host": (8, {200}),
         "hostile": (5, set(range(400, 500))), "slow": (2, {503})}


def request(port: int, kind: str, n: int, resources: list[str], source: str) -> int:
    """Send one request of ``kind``; return its status (0: no answer)."""
    if kind == "new query":
        path = "/sparql?" + urllib.parse.urlencode(
            {"query": f"SELECT ?s ?l WHERE {{ ?s skos:prefLabel ?l }} LIMIT {1 + n % 97} OFFSET {n % 13} # {n}"})
    elif kind == "repeated query":
        path = "/sparql?" + urllib.parse.urlencode({"query": REPEATED[n % len(REPEATED)]})
    elif kind == "page":
        path = random.choice(PAGES + resources)
    elif kind == "host":
        path = "/sparql"
    elif kind == "hostile":
        path = random.choice(HOSTILE)
    else:
        path = "/sparql?" + urllib.parse.urlencode({"query": SLOW.replace("{n}", str(n))})
    headers = {"Host": f"h{n}.example"} if kind == "host" else {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError:
        return 0
    finally:
        conn.close()


def drive(port: int, seconds: float, clients: int, resources: list[str]) -> tuple[Counter, list]:
    counts, failures, lock, stop = Counter(), [], threading.Lock(), time.monotonic() + seconds
    names, weights = list(KINDS), [w for w, _ in KINDS.values()]
    serial = iter(range(10**9))

    def client(source: str) -> None:  # each client from an address of its own, as on the internet
        while time.monotonic() < stop:
            kind = random.choices(names, weights)[0]
            with lock:
                n = next(serial)
            status = request(port, kind, n, resources, source)
            with lock:
                counts[(kind, status)] += 1
                if status not in KINDS[kind][1]:
                    failures.append((round(time.monotonic() - stop + seconds, 1), kind, status))
    threads = [threading.Thread(target=client, args=(f"127.0.4.{k + 1}",)) for k in range(clients)]
    for thread in threads:
        thread.start()
    return counts, failures, threads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--kill-worker-at", type=float, default=300)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plangraph-soak-"))
    export = work / "export.nq"
    subprocess.run([sys.executable, "-m", "plangraph", "export", "--format", "nquads", "-o", str(export)], check=True)
    resources = sorted({line.split()[0][1:-1].replace("https://w3id.org/plangraph/", "/")
                        for line in export.read_text(encoding="utf-8").splitlines()[:4000]
                        if line.startswith("<https://w3id.org/plangraph/id/")})[:200]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "plangraph", "serve", str(export), "--port", str(port),
                               "--query-timeout", "5"], stdout=open(work / "serve.log", "wb"), stderr=subprocess.STDOUT)
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", server)
        run(server, port, args, resources)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"server log: {work / 'serve.log'} ({(work / 'serve.log').read_bytes().count(b'Traceback')} tracebacks)")


def run(server: subprocess.Popen, port: int, args, resources: list[str]) -> None:
    started = time.monotonic()
    counts, failures, threads = drive(port, args.seconds, args.clients, resources)
    samples, killed = [], None
    while any(t.is_alive() for t in threads):
        elapsed = time.monotonic() - started
        samples.append((elapsed, tree_rss(server.pid)))
        if killed is None and args.kill_worker_at and elapsed >= args.kill_worker_at:
            killed = _kill_busiest(server.pid), elapsed, len(failures)
        time.sleep(5)
    for thread in threads:
        thread.join()
    report(samples, counts, failures, killed)


def _kill_busiest(pid: int) -> int:
    def cpu(child: int) -> int:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            return 0
        return int(fields[11]) + int(fields[12])
    busiest = max(query_workers(pid), key=cpu)
    os.kill(busiest, signal.SIGKILL)
    return busiest


def report(samples, counts: Counter, failures: list, killed) -> None:
    after_minute = [rss for t, rss in samples if t >= 60] or [samples[-1][1]]
    base = after_minute[0]
    minutes = [f"{rss / 2**20:.0f}" for t, rss in samples if int(t) % 60 < 5]
    print(f"memory (server and its processes), MB, minute by minute: {' '.join(minutes)}")
    print(f"memory (server and its processes): {base / 2**20:.0f} MB after the first minute; later "
          f"{min(after_minute) / base:.0%} to {max(after_minute) / base:.0%} of it; at the end "
          f"{after_minute[-1] / 2**20:.0f} MB ({len(samples)} samples)")
    total = sum(counts.values())
    print(f"requests: {total}")
    for (kind, status), n in sorted(counts.items()):
        print(f"  {kind:15} {status}: {n}")
    print(f"failed requests: {len(failures)}" + (f" (first: {failures[:5]})" if failures else ""))
    if killed:
        pid, at, before = killed
        cost = [f for f in failures if at - 1 <= f[0] <= at + 6]
        print(f"killed worker {pid} at {at:.0f} s: requests failed around it: {len(cost)} {cost}")


if __name__ == "__main__":
    main()
