"""Push the dataset, graph by graph, to a SPARQL 1.1 Graph Store Protocol store, and say what went where.

Each graph is sent with ``PUT {URL}?graph={IRI}`` (the default graph with ``?default``) as N-Triples. PUT
replaces the graph, so sending it again is harmless: failed attempts (no connection, time-outs, 408, 429,
5xx) are retried a bounded number of times with a growing pause. Only the standard library is used
(urllib), so publishing needs no dependency beyond plangraph's own.
"""
from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Callable, Iterable

import pyoxigraph

from ..errors import RemoteError
from .progress import Progress, silent

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Sent:
    """What happened to one graph: where it went, how many triples, the HTTP status, time and attempts."""

    graph: str          # the graph IRI, or "default"
    url: str
    triples: int
    status: int | None  # None: no answer at all
    seconds: float
    attempts: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the store accepted the graph (2xx)."""
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class Retry:
    """How often and how patiently to retry: ``attempts`` in all, pausing ``pause × 2^n`` seconds between."""

    attempts: int = 4
    pause: float = 0.5
    timeout: float = 60.0


def graph_url(endpoint: str, graph: pyoxigraph.NamedNode | pyoxigraph.DefaultGraph) -> str:
    """The Graph Store Protocol URL of ``graph`` at ``endpoint`` (``?graph=IRI`` or ``?default``)."""
    joiner = "&" if "?" in endpoint else "?"
    if isinstance(graph, pyoxigraph.DefaultGraph):
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}{urllib.parse.urlencode({'graph': graph.value})}"


def graphs_of(store: pyoxigraph.Store) -> list:
    """The store's graphs to send: every named graph, sorted, then the default graph when it holds anything."""
    graphs = sorted(store.named_graphs(), key=str)
    if next(iter(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is not None:
        graphs.append(pyoxigraph.DefaultGraph())
    return graphs


def publish(store: pyoxigraph.Store, endpoint: str, retry: Retry = Retry(),
            on_sent: Callable[[Sent], None] | None = None, progress: Progress = silent) -> list[Sent]:
    """PUT every graph of ``store`` to the Graph Store endpoint; return one record per graph.

    ``progress(done, total)`` hears of each graph sent."""
    records = []
    graphs = graphs_of(store)
    for done, graph in enumerate(graphs, 1):
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        record = put_graph(endpoint, graph, triples, retry)
        records.append(record)
        if on_sent:
            on_sent(record)
        progress(done, len(graphs))
    return records


def put_graph(endpoint: str, graph, triples: Iterable[pyoxigraph.Triple], retry: Retry = Retry()) -> Sent:
    """PUT one graph as N-Triples, retrying what may pass on a second try."""
    triples = list(triples)
    body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    url, name = graph_url(endpoint, graph), "default" if isinstance(graph, pyoxigraph.DefaultGraph) else graph.value
    started, status, error = time.monotonic(), None, None
    for attempt in range(1, retry.attempts + 1):
        status, error = _put(url, body, retry.timeout)
        if status is not None and status not in RETRY_STATUSES:
            break
        if attempt < retry.attempts:
            time.sleep(retry.pause * 2 ** (attempt - 1))
    return Sent(name, url, len(triples), status, round(time.monotonic() - started, 3), attempt, error)


def _put(url: str, body: bytes, timeout: float) -> tuple[int | None, str | None]:
    request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": N_TRIPLES})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, None
    except urllib.error.HTTPError as error:
        return error.code, error.read(500).decode("utf-8", "replace").strip() or error.reason
    except (urllib.error.URLError, OSError) as error:  # refused, unreachable, timed out
        return None, str(getattr(error, "reason", error))


def check(records: list[Sent], endpoint: str) -> None:
    """Raise RemoteError naming the graphs the store did not accept."""
    failed = [r for r in records if not r.ok]
    if failed:
        names = ", ".join(f"{r.graph} ({r.status or 'no answer'}: {r.error})" for r in failed)
        raise RemoteError(f"{len(failed)} of {len(records)} graph(s) were not accepted by {endpoint}: {names}. "
                          "Check the URL names the store's Graph Store endpoint (Oxigraph: /store, "
                          "Fuseki: /DATASET/data) and that it accepts writes, then publish again.")


def report(records: list[Sent]) -> str:
    """The records as lines a person reads: graph, triples, status, seconds, attempts."""
    lines = [f"{r.status or '---'} {r.triples:>8} triples {r.seconds:>7.3f}s "
             f"{r.attempts} attempt(s)  {r.graph}" + (f"  ({r.error})" if r.error else "") for r in records]
    total = sum(r.triples for r in records if r.ok)
    lines.append(f"{sum(r.ok for r in records)} of {len(records)} graph(s) accepted, {total} triples.")
    return "\n".join(lines)
