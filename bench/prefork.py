"""A prototype, not shipped: the endpoint as several server processes that query in-process, for comparison.

    .venv/bin/python bench/prefork.py DATA.nq --port PORT [--processes 4] [--threads 4]

The design issue 15 suggests weighing: the store loaded once, then ``--processes`` processes forked from it
(sharing its memory), each with its own listening socket on the same port (SO_REUSEPORT: the kernel spreads
connections over them) and its own waitress, running the app with its queries in the calling thread
(PLANGRAPH_WORKERS=0: no worker processes, no pipe). Each process has its own interpreter lock, so the
HTTP work and the queries of different processes use both cores. What it lacks to be the shipped server:
a supervisor that kills a process whose query runs past the time limit or its memory (and every other
request that process holds with it), the front's limits on slow clients (front.py), and the lanes. Run by
``bench/endpoint.py --prefork`` beside plangraph serve and Oxigraph.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import sys

from waitress.server import TcpWSGIServer

from plangraph.web import create_app
from plangraph.web.sandbox import no_network


def child(app, port: int, threads: int) -> None:
    """One server process: its own socket on the shared port, no network beyond it, queries in-process."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", port))
    no_network()  # the socket it serves on is open already; the query engine can open none
    server = TcpWSGIServer(app, _sock=sock, bind_socket=False, threads=threads, ident="plangraph-prefork",
                           host="127.0.0.1", port=port)
    server.run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    app = create_app({"PLANGRAPH_DATA": [args.data], "PLANGRAPH_WORKERS": 0})
    app.extensions["plangraph.sparql"].start()
    children = []
    for _ in range(args.processes):
        pid = os.fork()
        if pid == 0:
            child(app, args.port, args.threads)
            os._exit(0)
        children.append(pid)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        os.waitpid(children[0], 0)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


if __name__ == "__main__":
    main()
