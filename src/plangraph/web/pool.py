"""Run queries where they can be stopped and bounded: worker processes forked from one that holds the store.

pyoxigraph cannot cancel a running query from Python, so a query is stopped by killing the process that runs
it. A *zygote* process loads the store once (an N-Quads copy of the app's store, or the on-disk store opened
read-only) and forks each worker from it: a fresh worker costs milliseconds and shares the store's memory
with the others instead of loading its own copy. The zygote has no network (``sandbox.no_network``), and so
has every worker it forks; each worker may use ``max_memory`` bytes beyond the store before the OS refuses.

Two lanes keep the server fair. Every query starts as a short one; one still computing after ``budget`` seconds
(see ``_short``: a cheap query that only waited for a core on a busy machine is not one) becomes long. At most ``long_queries`` long ones run at once, at a lower CPU priority; a query that would be
one more is stopped and answered 503 with Retry-After, and remembered, so the same text is turned away at
once next time. The other workers are then always free within ``budget`` seconds for short queries and pages.
Waiting for a worker is bounded too: ``max_waiting`` requests at most, for ``wait`` seconds at most.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import signal
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from ..errors import QueryRefused, QueryTimeout
from .results import Answer, Task, evaluate, failure

_REMEMBERED = 4096  # fingerprints of long queries kept


@dataclass(frozen=True)
class Lanes:
    """How the pool shares its workers: short workers, long slots, the short budget, the queue, memory."""

    workers: int = 2
    long_queries: int = 2
    budget: float = 0.3
    max_waiting: int = 32
    wait: float = 10.0
    per_client: int = 16
    max_memory: int = 0  # bytes a worker may use beyond the store; 0: no limit


class Busy(QueryRefused):
    """The server is full: come back later (503 with Retry-After)."""

    def __init__(self, message: str):
        super().__init__(message, status=503, headers={"Retry-After": "5"})


class _Worker:
    def __init__(self, pid: int, conn):
        self.pid, self.conn = pid, conn

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.conn.close()


class Pool:
    """Worker processes that run tasks in two lanes, with a hard time limit; stopped workers are replaced.

    Requests waiting for a worker are served client by client: the next free worker goes to the waiting
    request whose client (its address) has the fewest queries running, so one busy client cannot hold back
    the others (then to the newest); a client may have ``per_client`` queries running or waiting at once.
    """

    def __init__(self, source, lanes: Lanes, timeout: float, start_timeout: float = 120):
        from .zygote import Zygote
        self.lanes, self.timeout = lanes, timeout
        self.zygote = Zygote(source, lanes.max_memory, start_timeout)
        self._ready = threading.Condition()
        self._idle: list[_Worker] = []  # the warmest worker last
        self._waiters: list[tuple[str, int]] = []
        self._running: dict[str, int] = {}
        self._long, self._closed, self._tickets = 0, False, itertools.count()
        self._slow: OrderedDict[bytes, None] = OrderedDict()
        self.workers: set[_Worker] = set()
        for _ in range(max(1, lanes.workers) + max(0, lanes.long_queries)):
            self._add()

    def _add(self) -> None:
        pid, conn = self.zygote.fork()
        worker = _Worker(pid, conn)
        with self._ready:
            self.workers.add(worker)
            self._idle.append(worker)
            self._ready.notify_all()

    def run(self, task: Task, client: str = "") -> Answer:
        """Run ``task`` on a free worker; stop it and answer 503 at the time limit or when the server is full."""
        key = hashlib.sha256(task.query.encode("utf-8", "surrogatepass")).digest()[:16]
        try:
            known_long = self._admit_known(key)
        except Busy as error:
            return failure(error)
        try:
            worker = self._take(client)
        except Busy as error:
            if known_long:
                with self._ready:
                    self._long -= 1
            return failure(error)
        try:
            return self._run_on(worker, task, key, known_long)
        finally:
            with self._ready:
                self._running[client] -= 1
                if not self._running[client]:
                    del self._running[client]

    def _admit_known(self, key: bytes) -> bool:
        """For a query seen running long before: take a long slot now, or turn it away."""
        with self._ready:
            if key not in self._slow:
                return False
            if self._long >= self.lanes.long_queries:
                raise Busy(self._full())
            self._long += 1
            return True

    def _take(self, client: str) -> _Worker:
        with self._ready:
            mine = sum(1 for c, _ in self._waiters if c == client) + self._running.get(client, 0)
            if mine >= self.lanes.per_client:
                raise Busy(f"This client already has {mine} queries running or waiting; this server runs at "
                           f"most {self.lanes.per_client} per client. Try again when one has answered.")
            if len(self._waiters) >= self.lanes.max_waiting:
                raise Busy(f"{len(self._waiters)} queries are already waiting for a worker. Try again shortly.")
            ticket = (client, next(self._tickets))
            self._waiters.append(ticket)
            deadline = time.monotonic() + self.lanes.wait
            try:
                while not (self._idle and self._next() == ticket):
                    if not self._ready.wait(deadline - time.monotonic()) and time.monotonic() >= deadline:
                        raise Busy(f"Every query worker stayed busy for {self.lanes.wait:g} s. Try again shortly.")
                self._running[client] = self._running.get(client, 0) + 1
                return self._idle.pop()
            finally:
                self._waiters.remove(ticket)
                self._ready.notify_all()

    def _next(self) -> tuple[str, int]:
        """The waiting request to serve next: its client has the fewest queries running; then the newest.

        Newest first: under a flood of slow queries a request that just came is served within one budget,
        and the oldest waiters, if any, are the ones turned away when their wait runs out."""
        return min(self._waiters, key=lambda w: (self._running.get(w[0], 0), -w[1]))

    def _release(self, worker: _Worker) -> None:
        with self._ready:
            self._idle.append(worker)
            self._ready.notify_all()

    def _run_on(self, worker: _Worker, task: Task, key: bytes, long: bool) -> Answer:
        started = time.monotonic()
        try:
            worker.conn.send(task)
            if long:
                _lower_priority(worker.pid)
            elif not self._short(worker, started):
                if not self._promote(key):
                    self._replace(worker)
                    return failure(Busy(self._full()))
                long = True
                _lower_priority(worker.pid)
            if worker.conn.poll(max(0.0, started + self.timeout - time.monotonic())):
                answer = worker.conn.recv()
                self._replace(worker) if long else self._release(worker)  # a niced worker is not reused
                return answer
            self._replace(worker)
            return failure(QueryTimeout(
                f"The query ran past the time limit of {self.timeout:g} s and was stopped. Make it more "
                f"selective (bind a subject or type, add LIMIT), or run it on your own copy of the data."))
        except Exception as error:  # noqa: BLE001 - EOF, a broken pipe, a truncated pickle: the worker died
            self._replace(worker)
            return failure(self.zygote.death(worker.pid, error, self.lanes.max_memory))
        finally:
            if long:
                with self._ready:
                    self._long -= 1

    def _short(self, worker: _Worker, started: float) -> bool:
        """Wait for the answer while the query is short; False once it is long.

        Long: past the budget on the clock while really computing (a third of it in CPU time), or past ten
        budgets in any case. On a busy machine a cheap query may wait for a core past the budget, and it is
        not a long query for that. The CPU clock is read from the first third of the budget on, so a query
        that answers sooner costs no read of /proc."""
        budget = self.lanes.budget
        if worker.conn.poll(budget / 3):  # most queries: answered before any need to look at the CPU clock
            return True
        spent = _cpu_seconds(worker.pid)
        while not worker.conn.poll(budget / 3):
            waited = time.monotonic() - started
            if (waited >= budget and _cpu_seconds(worker.pid) - spent >= budget / 3) or waited >= 10 * budget:
                return False
        return True

    def _promote(self, key: bytes) -> bool:
        """Let a query that passed the budget go on as a long one, when a long slot is free; remember it."""
        with self._ready:
            self._slow[key] = None
            self._slow.move_to_end(key)
            if len(self._slow) > _REMEMBERED:
                self._slow.popitem(last=False)
            if self._long >= self.lanes.long_queries:
                return False
            self._long += 1
            return True

    def _full(self) -> str:
        return (f"This query runs longer than {self.lanes.budget:g} s, and the server already runs its "
                f"{self.lanes.long_queries} long queries at once. Try again shortly, or make it more selective.")

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and fork another in its place."""
        with self._ready:
            self.workers.discard(worker)
        worker.kill()
        if not self._closed:
            try:
                self._add()
            except Exception:  # noqa: BLE001 - the zygote is gone: the pool shrinks, remaining workers serve
                pass

    def idle(self) -> int:
        """How many workers are ready for a task."""
        with self._ready:
            return len(self._idle)

    def busy(self) -> set[int]:
        """The process ids of the workers running a query now."""
        with self._ready:
            return {w.pid for w in self.workers} - {w.pid for w in self._idle}

    def close(self) -> None:
        """Stop every worker and the zygote."""
        self._closed = True
        for worker in list(self.workers):
            worker.kill()
        self.zygote.close()


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user and system), from /proc; 0 where there is none."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return float("inf")  # gone: let the caller stop waiting and learn why
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _lower_priority(pid: int) -> None:
    """Run a long query behind short ones: raise its process's nice value."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 10)
    except OSError:
        pass


class Inline:
    """Run tasks in the calling thread on a store that cannot be copied into workers (e.g. remote)."""

    def __init__(self, store):
        self.store = store

    def run(self, task: Task, client: str = "") -> Answer:
        """Run ``task`` on the store directly."""
        return evaluate(self.store, task)

    def close(self) -> None:
        """Nothing to stop."""
