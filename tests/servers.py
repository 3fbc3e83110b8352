"""Start `plangraph serve` (or another server) as a real process on a free local port, for a test."""
from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 60.0) -> None:
    """Wait until ``url`` answers (any HTTP status); fail early, with its output, if the process dies."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if process.poll() is not None:
                output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
                raise RuntimeError(f"the server exited with {process.returncode}: {output}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")
            time.sleep(0.1)


@contextlib.contextmanager
def plangraph_serve(*args: str, env: dict | None = None):
    """Run ``plangraph serve ARGS --port P``; yield its base URL, then stop it."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "plangraph", "serve", *args, "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{url}/sparql?query=ASK%7B%7D", process)
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=20)
