"""The load drivers of bench/endpoint.py: wrk (the default when installed) and a Python one.

Both send a mix of queries over keep-alive connections for a fixed time, in one of two modes: never repeated
(every request's text new, a numbered comment appended) or repeated (the mix again and again). Both return
the same figures: answers per second, p50 and p99 in ms, the failures by kind and the number of answers.

wrk (Debian package ``wrk``: ``apt-get install wrk``) is a C event loop that sends tens of thousands of
requests per second from one core; a Lua script written per run chooses each request. The Python driver
(two processes of http.client threads) tops out near 2 000 requests/s on a 2-core machine and takes CPU
from the servers, so against a fast server it measures itself.
"""
from __future__ import annotations

import http.client
import json
import multiprocessing
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

_LUA = """-- written by bench/clients.py for one run
local paths = {%(paths)s}
local accepts = {%(accepts)s}
local fresh, run = %(fresh)s, "%(run)s"
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  sent = 0
  start = (id * 7) %% #paths
end

function request()
  sent = sent + 1
  local k = (start + sent) %% #paths + 1
  local path = paths[k]
  if fresh then
    path = path .. "%%0A%%23%%20" .. run .. "." .. id .. "." .. sent  -- "\\n# run.thread.count"
  end
  return wrk.format("GET", path, {["Accept"] = accepts[k]})
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK-RESULT {"requests": %%d, "seconds": %%f, "status": %%d, "connect": %%d, '
    .. '"read": %%d, "write": %%d, "timeout": %%d, "p50": %%f, "p99": %%f}\\n', summary.requests,
    summary.duration / 1e6, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""
# wrk's error counters, and what each means in the report of an invalid run
_WRK_ERRORS = {"status": "status ≥ 400", "connect": "connect error", "read": "read error",
               "write": "write error", "timeout": "timeout (60 s)"}


def accept(query: str) -> str:
    """The media type a client asks for with ``query``: N-Triples for DESCRIBE, JSON results otherwise."""
    return "application/n-triples" if "DESCRIBE <" in query else "application/sparql-results+json"


def has_wrk() -> bool:
    """Whether the wrk load generator is on PATH."""
    return shutil.which("wrk") is not None


def drive_wrk(port: int, path: str, mix: list[str], clients: int, seconds: float, fresh: bool) -> dict:
    """Send the mix with wrk over ``clients`` connections (two event-loop threads) for ``seconds``."""
    with tempfile.TemporaryDirectory(prefix="plangraph-wrk-") as work:
        script = Path(work) / "mix.lua"
        script.write_text(_lua(path, mix, fresh), encoding="utf-8")
        done = subprocess.run(["wrk", "-t", str(min(2, clients)), "-c", str(clients),
                               "-d", f"{max(1, round(seconds))}s", "--timeout", "60s", "-s", str(script),
                               f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=False)
    lines = [l for l in done.stdout.splitlines() if l.startswith("WRK-RESULT ")]
    if done.returncode or not lines:
        raise SystemExit(f"wrk failed (exit status {done.returncode}): {done.stderr.strip() or done.stdout}")
    figures = json.loads(lines[-1].removeprefix("WRK-RESULT "))
    errors = Counter({kind: figures[name] for name, kind in _WRK_ERRORS.items() if figures[name]})
    answers = figures["requests"] - figures["status"]
    return {"rps": answers / figures["seconds"], "p50": figures["p50"], "p99": figures["p99"],
            "errors": errors, "n": answers}


def _lua(path: str, mix: list[str], fresh: bool) -> str:
    """The wrk script for one run; ``run`` keeps fresh texts new across runs (the servers' caches persist)."""
    paths = ", ".join(f'"{path}?{urllib.parse.urlencode({"query": query})}"' for query in mix)
    accepts = ", ".join(f'"{accept(query)}"' for query in mix)
    return _LUA % {"paths": paths, "accepts": accepts, "fresh": "true" if fresh else "false",
                   "run": time.time_ns()}


def request(conn: http.client.HTTPConnection, path: str, query: str) -> tuple[int, bytes]:
    """GET ``query`` from ``path`` on ``conn``; its status and body."""
    conn.request("GET", f"{path}?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept(query)})
    response = conn.getresponse()
    return response.status, response.read()


def _client_process(port, path, mix, threads, seconds, fresh, serial, out) -> None:
    latencies, errors, lock, stop = [], Counter(), threading.Lock(), time.monotonic() + seconds

    def client(offset: int) -> None:
        conn, mine, bad, i = http.client.HTTPConnection("127.0.0.1", port, timeout=60), [], Counter(), offset
        while time.monotonic() < stop:
            query = mix[i % len(mix)]
            if fresh:
                query += f"\n# {serial}.{offset}.{i}"
            started = time.perf_counter()
            try:
                status, body = request(conn, path, query)
                if status == 200:
                    mine.append(time.perf_counter() - started)
                else:
                    bad[f"{status} {body[:60].decode('utf-8', 'replace').strip()}"] += 1
            except (OSError, http.client.HTTPException) as error:
                bad[type(error).__name__] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            i += 1
        with lock:
            latencies.extend(mine)
            errors.update(bad)
    workers = [threading.Thread(target=client, args=(serial * 1000 + k * 7,)) for k in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    out.put((latencies, dict(errors)))


def drive_python(port: int, path: str, mix: list[str], clients: int, seconds: float, fresh: bool) -> dict:
    """Send the mix over ``clients`` connections spread over two client processes for ``seconds``."""
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
            "errors": sum((Counter(e) for _, e in results), Counter()), "n": len(latencies)}


DRIVERS = {"wrk": drive_wrk, "python": drive_python}
