"""Tie a worker process's life to its parent's: a worker ends when the process that started it dies, however.

A parent killed with SIGKILL runs no cleanup, so its pool never tells the workers to stop; they would wait on
their queue for good. On Linux the kernel sends the worker SIGKILL when its parent dies
(``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread notices the parent is gone (the worker is re-parented, so
``getppid`` changes) within a second. Both are set up by ``tie_to_parent``, a pool's initializer.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_SECONDS = 1.0


def tie_to_parent(parent: int) -> None:
    """End this process when ``parent`` (the pid that started it) is no longer its parent."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl here: the watching thread below still ends the worker
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="plangraph-lifeline", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)
