"""Start a real ``oxigraph serve`` on a free local port for a test, and stop it afterwards."""
from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from servers import free_port, wait_until_answering


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
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{url}/query?query=ASK%7B%7D", process, seconds=15)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
