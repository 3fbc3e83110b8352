"""The zygote's side in the server: stopping it while it reports is clean."""
import os
import signal
import threading
import time
from multiprocessing.connection import Connection

from plangraph.web.zygote import Zygote

DATA = '<https://w3id.org/plangraph/id/a> <http://www.w3.org/2000/01/rdf-schema#label> "全年地区生产总值增长5%"@zh .\n'


class _Pausing(Connection):
    """A pipe that waits between a message's length and its body, so a close can land in between."""

    def _recv(self, size, *args):
        if size != 4:
            time.sleep(0.3)
        return super()._recv(size, *args)


def test_closing_while_a_worker_exit_is_being_read_breaks_no_thread(monkeypatch):
    failures = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    zygote = Zygote(DATA.encode("utf-8"), 0, 60)
    pid, pipe = zygote.fork()
    zygote.conn.__class__ = _Pausing  # from the next message on, the reader pauses mid-message
    os.kill(pid, signal.SIGKILL)  # the zygote reports ("exit", pid, status)
    time.sleep(0.1)  # the reader has the length and waits for the body
    zygote.close()
    pipe.close()
    time.sleep(0.5)  # past the reader's pause
    assert failures == []
