"""Tools of the abuse suite: a listener that records connections, raw HTTP, and the memory of a process tree."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it (it must get none)."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.1)
        self.hits: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn = self.server.accept()[0]
            except OSError:
                continue
            conn.settimeout(0.5)
            try:
                self.hits.append(conn.recv(1024) or b"(connected)")
            except OSError:
                self.hits.append(b"(connected)")
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(1)
        self.server.close()


def raw(port: int, data: bytes, timeout: float = 5.0, source: str = "127.0.0.1") -> bytes:
    """Send ``data`` on a fresh connection and return everything the server sends until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as conn:
        conn.sendall(data)
        chunks, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = conn.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (from /proc)."""
    return [child for child, _ in _descendants(pid)]


def query_workers(server: int) -> list[int]:
    """The query workers of a `plangraph serve`: the processes its zygote (a child of the server) forked."""
    return [child for child, parent in _descendants(server) if parent != server]


def _descendants(pid: int) -> list[tuple[int, int]]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for child in parents.get(parent, []):
            found.append((child, parent))
            todo.append(child)
    return found


def rss(pid: int) -> int:
    """Resident bytes of one process (0 when it is gone)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def pss(pid: int) -> int:
    """Proportional resident bytes of one process: pages shared with others (a forked store) count in part."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss(pid)


def tree_rss(pid: int) -> int:
    """Memory of a process and all its descendants: the sum of their proportional resident sizes."""
    return sum(pss(p) for p in [pid, *children(pid)])
