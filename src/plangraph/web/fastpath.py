"""Answer repeated GETs of /sparql straight from memory, in front of Flask.

The served data never changes, so the answer to a GET is fixed by its URL, its Accept and Accept-Encoding
headers and the host it was sent to. Once Flask has answered such a request (a 200 that carries an ETag,
i.e. data that can be fingerprinted, and a row count, i.e. a query answer), the same request is answered
again from here without parsing, negotiating or routing: that per-request work is most of the cost of a
cached answer. Conditional requests (If-None-Match) and everything else go to Flask as usual.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

# Request parts an answer depends on; Origin is not one (every answer allows any origin).
KEY_PARTS = ("PATH_INFO", "QUERY_STRING", "HTTP_ACCEPT", "HTTP_ACCEPT_ENCODING", "HTTP_HOST", "SCRIPT_NAME",
             "wsgi.url_scheme")


class FastPath:
    """WSGI middleware: replay stored answers to identical GET /sparql requests."""

    def __init__(self, app, flask_app, path: str = "/sparql", max_bytes: int = 16 * 1024 * 1024):
        self.app, self.flask_app, self.path, self.max_bytes = app, flask_app, path, max_bytes
        self.lock, self.answers, self.bytes = threading.Lock(), OrderedDict(), 0

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.path or environ.get("REQUEST_METHOD") != "GET" \
                or "HTTP_IF_NONE_MATCH" in environ or not self._size():
            return self.app(environ, start_response)
        key = (*(environ.get(part) for part in KEY_PARTS), self.flask_app.config["PLANGRAPH_MAX_ROWS"])
        stored = self.answers.get(key)
        if stored is not None:
            start_response(stored[0], stored[1])
            return [stored[2]]
        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return start_response(status, headers, exc_info)
        body = b"".join(self.app(environ, capture))
        status, headers = captured
        names = {name.lower() for name, _ in headers}
        if status.startswith("200") and {"etag", "plangraph-rows"} <= names:
            self._store(key, (status, headers, body))
        return [body]

    def _size(self) -> int:
        return int(self.flask_app.config["PLANGRAPH_CACHE_SIZE"])

    def _store(self, key, answer) -> None:
        if len(answer[2]) > self.max_bytes // 16:
            return
        with self.lock:
            if key in self.answers:
                return
            self.answers[key] = answer
            self.bytes += len(answer[2])
            while len(self.answers) > self._size() or self.bytes > self.max_bytes:
                self.bytes -= len(self.answers.popitem(last=False)[1][2])
