"""The zygote: one process that loads the store, loses its network, and forks query workers on request.

Protocol on its pipe (a Unix socket pair): the server sends "fork"; the zygote answers ("forked", pid) and
passes one end of a new socket pair (SCM_RIGHTS), the worker's pipe. It reaps its children and reports each
end as ("exit", pid, status), so the server can tell a query that ran out of memory (the engine aborts)
from a worker that crashed.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import socket
import threading
import time
from collections import OrderedDict
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle

from ..errors import QueryRefused
from . import sandbox
from .results import evaluate

_CONTEXT = multiprocessing.get_context("spawn")


def _load(source):
    import pyoxigraph
    if isinstance(source, str):
        return pyoxigraph.Store.read_only(source)
    store = pyoxigraph.Store()
    store.bulk_load(input=source, format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def _main(conn, source, max_memory: int, parent: int) -> None:
    """Zygote process: load, wall off the network, then fork a worker for every "fork" until the pipe closes."""
    os.environ["RUST_BACKTRACE"] = "0"  # an aborted query is one line in the log, not a backtrace
    store = _load(source)
    sandbox.no_network()
    sending = threading.Lock()
    threading.Thread(target=_reap, args=(conn, sending), daemon=True).start()
    conn.send("ready")
    while True:
        try:
            conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            conn.close()
            ours.close()
            _work(Connection(theirs.detach()), store, max_memory)
        theirs.close()
        with sending:
            conn.send(("forked", pid))
            send_handle(conn, ours.fileno(), parent)
        ours.close()


def _reap(conn, sending) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            time.sleep(0.05)
            continue
        with sending:
            try:
                conn.send(("exit", pid, status))
            except OSError:
                return


def _work(conn, store, max_memory: int) -> None:
    """Worker process: cap memory beyond what the store takes, then answer tasks until the pipe closes."""
    sandbox.limit_memory(max_memory and _data_bytes() + max_memory)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        conn.send(evaluate(store, task))


def _data_bytes() -> int:
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    return 0


class Zygote:
    """The server's side of the zygote: fork workers, and learn how they ended."""

    def __init__(self, source, max_memory: int, start_timeout: float):
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_main, args=(child, source, max_memory, os.getpid()),
                                        daemon=True, name="plangraph-zygote")
        self.process.start()
        child.close()
        if not (self.conn.poll(start_timeout) and self.conn.recv() == "ready"):
            self.process.kill()
            raise RuntimeError("The query zygote did not start; see its error above.")
        self._forking, self._forked = threading.Lock(), queue.Queue()
        self._exits: OrderedDict[int, int] = OrderedDict()
        self._exited = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True, name="plangraph-zygote-reader")
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                message = self.conn.recv()
                if message[0] == "forked":
                    self._forked.put((message[1], Connection(recv_handle(self.conn))))
                    continue
            except (EOFError, OSError):
                self._forked.put(None)
                return
            with self._exited:
                self._exits[message[1]] = message[2]
                while len(self._exits) > 1024:
                    self._exits.popitem(last=False)
                self._exited.notify_all()

    def fork(self) -> tuple[int, Connection]:
        """A new worker: its pid and its pipe."""
        with self._forking:
            self.conn.send("fork")
            forked = self._forked.get(timeout=30)
        if forked is None:
            raise RuntimeError("The query zygote has stopped.")
        return forked

    def death(self, pid: int, error: BaseException, max_memory: int) -> BaseException:
        """What to tell the client when worker ``pid`` died under its query."""
        with self._exited:
            self._exited.wait_for(lambda: pid in self._exits, timeout=1.0)
            status = self._exits.get(pid)
        if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT and max_memory:
            return QueryRefused(f"The query needed more than this server's {max_memory // 2**20} MB of memory per "
                                "query and was stopped. Make it more selective (LIMIT, fewer joins or sorts).",
                                status=503, headers={"Retry-After": "5"})
        return RuntimeError(f"the query worker died while answering ({type(error).__name__}: "
                            f"{error or 'no answer'}; exit status {status})")

    def close(self) -> None:
        """Stop the zygote (its workers are killed by the pool), then close its pipe."""
        self.process.kill()
        self.process.join(5)
        # the reader ends at the end of the pipe; closing it under the reader could cut a message in two
        # (multiprocessing then reads from a handle of None: TypeError in the reader thread)
        self._reader.join(5)
        self.conn.close()
