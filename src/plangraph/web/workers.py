"""Run queries where they can be stopped: a small pool of worker processes, each holding the store.

pyoxigraph cannot cancel a running query from Python, so a query that passes its time limit is stopped by
killing the process that runs it; a fresh worker takes its place. A worker that crashes is replaced the same
way, so neither a runaway nor a crashing query can take the server down. Each worker loads the same data
once at start (an N-Quads copy of the app's store, or the on-disk store opened read-only by its path, so a
large corpus is not copied) and answers tasks over a pipe.

Stores that are not pyoxigraph stores (e.g. a remote SPARQL adapter) run inline in the request thread:
``Inline`` calls ``store.query`` directly and relies on the store's own time limit.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
import time

from ..errors import QueryTimeout
from .results import Answer, Task, evaluate, failure

_CONTEXT = multiprocessing.get_context("spawn")  # never fork a threaded server


def _serve(conn, source: bytes | str) -> None:
    """Worker process: load the store (N-Quads bytes, or the path of an on-disk store to open read-only),
    say ready, then answer tasks until the pipe closes."""
    import pyoxigraph

    from .sandbox import no_network
    no_network()  # the second wall: even a SERVICE the parser check missed cannot open a connection
    if isinstance(source, str):
        store = pyoxigraph.Store.read_only(source)
    else:
        store = pyoxigraph.Store()
        store.bulk_load(input=source, format=pyoxigraph.RdfFormat.N_QUADS)
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(evaluate(store, task))


class _Worker:
    def __init__(self, source):
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child, source), daemon=True,
                                        name="plangraph-query-worker")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        return self.conn.poll(timeout) and self.conn.recv() == "ready"

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """Worker processes that run tasks with a hard time limit; killed or crashed workers are replaced."""

    def __init__(self, source, size: int, timeout: float, start_timeout: float = 120):
        self.source, self.timeout, self.start_timeout = source, timeout, start_timeout
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()  # the warmest worker first
        self._closed = False
        self.workers = {_Worker(source) for _ in range(max(1, size))}  # every live worker, busy or idle
        for worker in self.workers:
            if not worker.wait_ready(start_timeout):
                raise RuntimeError("A query worker did not start; see its error above.")
            self._idle.put(worker)

    def run(self, task: Task) -> Answer:
        """Run ``task`` on an idle worker; stop it and answer 503 when it passes the time limit."""
        deadline = time.monotonic() + self.timeout
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return failure(QueryTimeout(f"Every query worker stayed busy for the whole time limit of "
                                        f"{self.timeout:g} s. Try again shortly."))
        try:
            worker.conn.send(task)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
            self._replace(worker)
            return failure(QueryTimeout(
                f"The query ran past the time limit of {self.timeout:g} s and was stopped. Make it more "
                f"selective (bind a subject or type, add LIMIT), or run it on your own copy of the data."))
        except Exception as error:  # noqa: BLE001 - EOF, a broken pipe, a truncated pickle: the worker died
            self._replace(worker)
            return failure(RuntimeError(f"the query worker died while answering "
                                        f"({type(error).__name__}: {error or 'no answer'})"))

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background, so the request is answered at once."""
        self.workers.discard(worker)

        def restart():
            worker.kill()
            if self._closed:
                return
            fresh = _Worker(self.source)
            if fresh.wait_ready(self.start_timeout):
                self.workers.add(fresh)
                self._idle.put(fresh)
        threading.Thread(target=restart, name="plangraph-worker-restart", daemon=True).start()

    def idle(self) -> int:
        """How many workers are ready for a task."""
        return self._idle.qsize()

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for worker in list(self.workers):
            worker.kill()


class Inline:
    """Run tasks in the calling thread on a store that cannot be copied into workers (e.g. remote)."""

    def __init__(self, store):
        self.store = store

    def run(self, task: Task) -> Answer:
        """Run ``task`` on the store directly."""
        return evaluate(self.store, task)

    def close(self) -> None:
        """Nothing to stop."""
