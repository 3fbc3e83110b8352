"""Start a real ``oxigraph serve`` on a free local port for a test, and stop it afterwards."""
from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from servers import free_port


def oxigraph_command() -> str:
    """The oxigraph server CLI of this environment (from the ``oxigraph`` package of the test extra)."""
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        raise RuntimeError("The oxigraph CLI is missing: install the test extra, pip install -e '.[test]'.")
    return found


@contextlib.contextmanager
def running_oxigraph(location: Path):
    """Yield the base URL of an oxigraph server storing its data in ``location``."""
    port = free_port()
    process = subprocess.Popen([oxigraph_command(), "serve", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait(url: str, process: subprocess.Popen, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited: {process.stderr.read().decode('utf-8', 'replace')}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph serve did not answer at {url} within {seconds} s")
