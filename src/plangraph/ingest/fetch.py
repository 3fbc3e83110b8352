"""Download reports from their web addresses into a reports folder, each with its origin in the sidecar.

A download follows redirects, gives up on a server that does not answer within the timeout, and retries what
may pass (no connection, time-outs, 408, 429, 5xx) a bounded number of times with a growing pause. What it
received is read as a report before anything is written (a page of links or an image is refused), and a file
of the same name already there is never overwritten by a different one. Only the standard library is used.
"""
from __future__ import annotations

import datetime as dt
import email.message
import json
import os
import re
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import FetchError, InputError
from .document import KINDS, SUFFIXES, Document, read_bytes, sniff

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
NOT_DOCUMENTS = {"image", "audio", "video", "font"}   # what a server may send that no report is
MAX_BYTES = 200 * 1024 * 1024   # larger than any report; a bigger answer is not one
USER_AGENT = "plangraph-fetch/0.1 (reports of plan execution; +https://w3id.org/plangraph/)"
# What to tell for a status that will not pass by retrying, with an example of when it happens.
STATUS_HINTS = {
    404: "the address is wrong or the page has moved; open it in a browser and copy the address again",
    410: "the page was removed; look for the report elsewhere on the portal",
    401: "the page needs a login; download it in a browser and build the saved file",
    403: "the portal refuses downloads by programs; save it from a browser and build the saved file",
}


@dataclass(frozen=True)
class Retry:
    """``attempts`` in all, pausing ``pause × 2^n`` seconds between; ``timeout`` seconds for each answer."""

    attempts: int = 3
    pause: float = 0.5
    timeout: float = 30.0


@dataclass(frozen=True)
class Fetched:
    """One download: where it came from, the file it went to, and whether an identical file was already there."""

    url: str
    path: Path
    media_type: str
    size: int
    already: bool = False


def fetch(url: str, folder: Path, retry: Retry = Retry(), check: Callable[[Document], None] | None = None) -> Fetched:
    """Download ``url`` into ``folder`` with its origin sidecar; ``check`` may refuse what was read."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f'"{url}" is not a web address. Give one that starts with http:// or https://.')
    data, final_url, headers = download(url, retry)
    retrieved = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    origin = {"url": url, "retrieved": retrieved, "content_type": headers.get("Content-Type")}
    if final_url != url:
        origin["redirected_to"] = final_url
    served = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if served.split("/")[0] in NOT_DOCUMENTS:
        raise FetchError(f'"{url}" is {served} ({len(data):,} bytes), not a report. Give the address of the report\'s '
                         "page, PDF or Word file. Nothing was written.")
    try:  # a page of links, a scan, a .doc: refused before anything is written
        name = file_name(final_url, headers, sniff(data, _name_of(final_url) or "index"))
        document = read_bytes(data, name, origin)
    except InputError as error:
        raise FetchError(f'"{url}" gave no report: {error} Nothing was written.') from None
    if check:
        check(document)
    path, already = free_path(Path(folder), name, data)
    if not already:
        _write(path, data)
        _write(sidecar(path),
               (json.dumps({"origin": origin}, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return Fetched(url, path, document.original.media_type, len(data), already)


def download(url: str, retry: Retry) -> tuple[bytes, str, email.message.Message]:
    """GET ``url`` following redirects: the body, the final URL and the headers; retry what may pass."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    for attempt in range(1, retry.attempts + 1):
        try:
            with urllib.request.urlopen(request, timeout=retry.timeout) as response:
                data = response.read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    raise FetchError(f'"{url}" is larger than {MAX_BYTES // 2**20} MB; that is no report.')
                return data, response.geturl(), response.headers
        except urllib.error.HTTPError as error:
            if error.code not in RETRY_STATUSES or attempt == retry.attempts:
                raise _status_error(url, error, attempt) from None
        except (TimeoutError, socket.timeout):
            if attempt == retry.attempts:
                raise FetchError(f'"{url}" did not answer within {retry.timeout:g} s ({attempt} tries). Check '
                                 "the address, or try again later with a longer --timeout.") from None
        except urllib.error.URLError as error:
            if attempt == retry.attempts:
                raise FetchError(f'"{url}" cannot be reached ({_reason(error)}; {attempt} tries). Check the '
                                 "address and the network.") from None
        time.sleep(retry.pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # the loop returns or raises


def _status_error(url: str, error: urllib.error.HTTPError, attempts: int) -> FetchError:
    hint = STATUS_HINTS.get(error.code) or (
        f"the server kept failing ({attempts} tries); try again later" if error.code >= 500
        else "the server refused the request")
    return FetchError(f'"{url}" answered {error.code} {error.reason}: {hint}. Nothing was written.')


def _reason(error: urllib.error.URLError) -> str:
    reason = error.reason
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    return str(getattr(reason, "strerror", None) or reason)


def _name_of(url: str) -> str:
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path.rstrip("/").rpartition("/")[2])


def file_name(url: str, headers: email.message.Message, kind: str) -> str:
    """The file name to save under: the server's (Content-Disposition), else the URL's, with its kind's suffix."""
    given = headers.get_filename() if hasattr(headers, "get_filename") else None
    name = Path(given or _name_of(url) or "index").name
    name = re.sub(r"[\x00-\x1f/\\:*?\"<>|]+", "_", name).lstrip(".") or "index"
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in SUFFIXES:   # content_123.jsp serving a page is content_123.html
        stem, suffix = name, KINDS[kind].suffix
    return (stem or "index") + suffix.lower()


def free_path(folder: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Where to save ``data`` as ``name``: the name itself, or with -2, -3 … when another file holds it.

    Returns (path, True) when a file with the same bytes is already there: nothing needs writing.
    """
    stem, suffix = os.path.splitext(name)
    for n in range(1, 1000):
        path = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
        if path.exists() and path.read_bytes() == data:
            return path, True
        if not path.exists() and not sidecar(path).exists():  # report.pdf's sidecar is report.html's too
            return path, False
    raise FetchError(f'Folder "{folder}" already holds 999 different files named like "{name}".')


def sidecar(path: Path) -> Path:
    """The sidecar of a report file: NAME.meta.json (see read/metadata.py)."""
    return path.with_name(path.stem + ".meta.json")


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
