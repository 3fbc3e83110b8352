"""The second wall: a process under ``no_network`` cannot open a connection, even for a SERVICE the engine runs."""
import multiprocessing
import socket
import time

import pytest
from abuse import Listener

from plangraph.web import sandbox


def _walled(url: str, port: int, out) -> None:
    import pyoxigraph

    from plangraph.store.query import run_query
    walled = sandbox.no_network()
    try:
        list(run_query(pyoxigraph.Store(), f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                       allow_service=True))
        engine = "ran"
    except OSError as error:
        engine = str(error)
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        python = "connected"
    except OSError as error:
        python = str(error)
    left, right = socket.socketpair()  # local sockets still work: the worker's pipe is one
    left.sendall(b"x")
    out.put((walled, engine, python, right.recv(1)))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="the wall is Linux-only")
def test_a_walled_process_reaches_no_one():
    listener = Listener()
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    try:
        process = context.Process(target=_walled, args=(listener.url, int(listener.url.split(":")[2][:-1]), out))
        process.start()
        walled, engine, python, local = out.get(timeout=60)
        process.join(10)
        time.sleep(0.2)
    finally:
        listener.close()
    assert walled is True
    assert "Permission denied" in engine and "Permission denied" in python
    assert local == b"x"
    assert listener.hits == []


def test_a_memory_limit_is_set_on_the_process_only():
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    process = context.Process(target=_limited, args=(out,))
    process.start()
    soft, failed = out.get(timeout=60)
    process.join(10)
    assert soft == 256 * 2**20 and failed
    import resource
    assert resource.getrlimit(resource.RLIMIT_DATA)[0] != 256 * 2**20


def _limited(out) -> None:
    import resource
    sandbox.limit_memory(256 * 2**20)
    try:
        bytearray(512 * 2**20)
        failed = False
    except MemoryError:
        failed = True
    out.put((resource.getrlimit(resource.RLIMIT_DATA)[0], failed))
