"""The SPARQL 1.1 Protocol endpoint at /sparql: read the request, guard it, run it in a worker, answer.

Reading and format choice live in protocol.py, the keyword guard in guard.py, running and writing
results in results.py and workers.py; this module wires them to Flask and adds the HTTP around the answer:
the service description, CORS, Vary, gzip, ETag/304 and a cache of answers over the immutable dataset.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph
from flask import Blueprint, Response, current_app, request
from werkzeug.sansio.utils import get_current_url

from ..errors import QueryRefused
from . import description, guard, protocol
from .fastpath import FastPath
from .leanpath import LeanPath
from .pool import Inline, Lanes, Pool
from .results import WRITERS, Answer, Task

bp = Blueprint("sparql", __name__)
METHODS = ("GET", "HEAD", "POST", "OPTIONS")
GZIP_MIN_BYTES = 1024
CACHE_BYTES = 16 * 1024 * 1024  # answers kept in memory, at most (and as much again by the fast path)
EXPOSED = "ETag, Plangraph-Rows, Plangraph-Truncated"
RETRY_AFTER = "5"  # seconds, on every 503: a query stopped, or a server too busy to take it
# Every /sparql answer varies by Accept, encoding and Origin, and is readable from any origin.
VARY = ("Accept", "Accept-Encoding", "Origin")
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": EXPOSED}


class Endpoint:
    """What the endpoint holds for an app: the executor, the dataset's version tag, the answer cache.

    Workers start on the first query (or ``start()``), so apps that never query cost no processes.
    """

    def __init__(self, app):
        self.store, self.config = app.extensions["plangraph.store"], app.config
        self.lock, self.cache, self.cached_bytes = threading.Lock(), OrderedDict(), 0
        self.facts: description.Facts | None = None  # what the service description says of the data
        self._starting, self._executor, self._tag = threading.Lock(), None, None

    def start(self) -> None:
        """Copy the data into the query workers and fingerprint it, once."""
        with self._starting:
            if self._executor is not None:
                return
            if isinstance(self.store, pyoxigraph.Store):
                source, self._tag = self._source()
                workers = int(self.config["PLANGRAPH_WORKERS"])
                self._executor = Pool(source, self.lanes(), float(self.config["PLANGRAPH_QUERY_TIMEOUT"])) \
                    if workers > 0 else Inline(self.store)
            else:  # a store we cannot copy or fingerprint (e.g. remote): run inline, cache nothing
                self._executor = Inline(self.store)

    def lanes(self) -> Lanes:
        """How the query workers are shared, from the config."""
        config = self.config
        return Lanes(workers=int(config["PLANGRAPH_WORKERS"]), long_queries=int(config["PLANGRAPH_LONG_QUERIES"]),
                     per_client=int(config["PLANGRAPH_PER_CLIENT"]),
                     max_memory=int(float(config["PLANGRAPH_MAX_MEMORY_MB"]) * 2**20))

    def _source(self) -> tuple[bytes | str, str]:
        """What the workers load, and a fingerprint of the data (which never changes while served)."""
        path = self.config.get("PLANGRAPH_STORE_PATH")
        if path:  # an on-disk store: each worker opens it read-only; fingerprint its files, not its triples
            files = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in Path(path).iterdir())
            return str(Path(path).resolve()), hashlib.sha256(repr(files).encode()).hexdigest()[:16]
        dump = self.store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        return dump, hashlib.sha256(dump).hexdigest()[:16]

    @property
    def executor(self):
        """The pool of query workers (or the inline runner)."""
        self.start()
        return self._executor

    @property
    def tag(self) -> str | None:
        """A fingerprint of the served data, None when it cannot be taken (then no ETag, no cache)."""
        self.start()
        return self._tag

    def close(self) -> None:
        """Stop the query workers."""
        if self._executor is not None:
            self._executor.close()

    def answer(self, key: tuple, task: Task, client: str = "") -> list:
        """Return the cached [answer, gzipped body] for ``key``, running the task when it is not cached."""
        with self.lock:
            entry = self.cache.get(key)
            if entry is not None:
                self.cache.move_to_end(key)
                return entry
        entry = [self.executor.run(task, client), None]
        size = int(self.config["PLANGRAPH_CACHE_SIZE"])
        if self.tag is not None and size > 0 and entry[0].status == 200 and len(entry[0].body) < CACHE_BYTES // 16:
            with self.lock:
                if key not in self.cache:
                    self.cache[key] = entry
                    self.cached_bytes += len(entry[0].body)
                while len(self.cache) > size or self.cached_bytes > CACHE_BYTES:
                    self.cached_bytes -= len(self.cache.popitem(last=False)[1][0].body)
        return entry


def setup(app) -> None:
    """Give ``app`` its endpoint (called once, when the blueprint is registered), with the fast path."""
    app.extensions["plangraph.sparql"] = Endpoint(app)
    app.wsgi_app = FastPath(LeanPath(app.wsgi_app, app, query_reply, {**CORS, "Vary": ", ".join(VARY)}), app)


bp.record_once(lambda state: setup(state.app))


def _endpoint() -> Endpoint:
    return current_app.extensions["plangraph.sparql"]


@bp.route("/sparql", methods=[*METHODS, "PUT", "DELETE", "PATCH"], provide_automatic_options=False)
def sparql():
    """Answer a SPARQL 1.1 Protocol request, or describe the service when a GET carries no query."""
    if request.method == "OPTIONS":
        return Response(status=204, headers={"Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
                                             "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match",
                                             "Access-Control-Max-Age": "86400", "Allow": ", ".join(METHODS)})
    if request.method not in METHODS:
        return _text(405, f"{request.method} is not allowed on /sparql: query with GET or POST.",
                     {"Allow": ", ".join(METHODS)})
    reply = query_reply(request, _endpoint())
    if reply is None:
        return _browser_page() or _service_description(_endpoint())
    return Response(reply.body, reply.status, headers=reply.headers)


@dataclass(frozen=True)
class Reply:
    """An answer to a query request, before the headers every /sparql answer carries (see ``_headers``)."""

    status: int
    headers: dict
    body: bytes = b""


def query_reply(request, endpoint: Endpoint) -> Reply | None:
    """Answer a GET, HEAD or POST that carries a query (a werkzeug request); None when it carries none.

    Flask's view and the lean path (leanpath.py) both answer with this, so their answers are the same."""
    config = endpoint.config
    try:
        operation = protocol.read(request, int(config["PLANGRAPH_MAX_REQUEST_BYTES"]))
        if operation is None:
            return None
        shape = guard.check(operation.query, int(config["PLANGRAPH_MAX_QUERY_LENGTH"]))
        formats = protocol.negotiate(request.environ.get("HTTP_ACCEPT", ""), operation.format)
        if not any(formats.values()):
            offered = ", ".join(media for table in WRITERS.values() for media, _ in table.values())
            raise QueryRefused(f"None of this endpoint's formats is acceptable ({offered}); "
                               "widen Accept or pass format=.", status=406)
    except QueryRefused as error:
        return _text_reply(error.status, str(error), error.headers)
    base = _base_url(request.scheme, request.host, request.root_path, request.path)
    task = Task(operation.query, operation.options(shape.has_dataset_clause, base), formats,
                int(config["PLANGRAPH_MAX_ROWS"]), int(config["PLANGRAPH_MAX_BYTES"]))
    key = (operation.query, operation.default_graphs, operation.named_graphs, tuple(formats.items()), base,
           task.max_rows, task.max_bytes)
    zipped = protocol.takes_gzip(request.environ.get("HTTP_ACCEPT_ENCODING", ""))
    etag = _etag(endpoint, key) if request.method in ("GET", "HEAD") else None
    if etag and "HTTP_IF_NONE_MATCH" in request.environ and (
            request.if_none_match.contains(etag) or request.if_none_match.contains(etag + "-gz")):
        return Reply(304, {"ETag": f'"{etag}"'})  # either encoding the client holds is current
    return _respond(endpoint.answer(key, task, request.remote_addr or ""), etag, zipped)


@lru_cache(maxsize=64)
def _base_url(scheme: str, host: str, root_path: str, path: str) -> str:
    """request.base_url, built once per host: werkzeug's IRI decoding of it costs more than a small query."""
    return get_current_url(scheme, host, root_path, path)


def _etag(endpoint: Endpoint, key: tuple) -> str | None:
    """The entity tag of an answer (unquoted): the data's fingerprint and the request's key, hashed."""
    if endpoint.tag is None:
        return None
    return hashlib.sha256(repr((endpoint.tag, key)).encode("utf-8")).hexdigest()[:24]


def _respond(entry: list, etag: str | None, zipped: bool) -> Reply:
    answer: Answer = entry[0]
    if answer.status != 200:
        return _text_reply(answer.status, answer.body.decode("utf-8").rstrip("\n"))
    body = answer.body
    headers = {"Content-Type": _content_type(answer.media_type), "Plangraph-Rows": str(answer.rows)}
    if answer.truncated:
        headers["Plangraph-Truncated"] = f"{answer.truncated}={answer.rows}"
    if zipped and len(body) >= GZIP_MIN_BYTES:
        if entry[1] is None:
            entry[1] = gzip.compress(body, compresslevel=5, mtime=0)
        body, headers["Content-Encoding"] = entry[1], "gzip"
        etag = etag and etag + "-gz"  # another encoding, another entity tag
    if etag:
        headers["ETag"] = f'"{etag}"'
    return Reply(200, headers, body)


def _content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def _text_reply(status: int, message: str, headers: dict | None = None) -> Reply:
    headers = {"Content-Type": "text/plain; charset=utf-8",
               **({"Retry-After": RETRY_AFTER} if status == 503 else {}), **(headers or {})}
    return Reply(status, headers, (message + "\n").encode("utf-8"))


def _text(status: int, message: str, headers: dict | None = None) -> Response:
    reply = _text_reply(status, message, headers)
    return Response(reply.body, reply.status, headers=reply.headers)


def _browser_page():
    """Hand a browser (it prefers HTML) to the query page, when the app has one."""
    offers = ["text/turtle", "application/ld+json", "text/html"]
    if request.accept_mimetypes.best_match(offers) != "text/html" or request.accept_mimetypes["text/html"] < 1:
        return None
    page = current_app.config.get("PLANGRAPH_QUERY_PAGE") or current_app.view_functions.get("pages.query_page")
    return page() if page else None


def _service_description(endpoint: Endpoint) -> Response:
    """Describe the service in Turtle or JSON-LD (or another RDF format the client prefers)."""
    name = protocol.formats(request.accept_mimetypes, request.args.get("format"))["graph"]
    if name is None:
        offered = ", ".join(media for media, _ in WRITERS["graph"].values())
        return _text(406, f"The service description is served as {offered}; Accept one of them.")
    media_type, _ = WRITERS["graph"][name]
    url = request.base_url
    with endpoint.lock:  # read from the data once; the URL (any Host a client names) is never a cache key
        if endpoint.facts is None:
            endpoint.facts = description.facts(endpoint.store)
    body = description.serialize(description.describe(endpoint.facts, url), _RDF_FORMATS[name])
    return Response(body, 200, content_type=_content_type(media_type))


_RDF_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
                "jsonld": pyoxigraph.RdfFormat.JSON_LD, "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
                "nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG}


@bp.after_request
def _headers(response: Response) -> Response:
    """Add Vary and CORS to every /sparql answer."""
    response.vary.update(VARY)
    response.headers.update(CORS)
    return response
