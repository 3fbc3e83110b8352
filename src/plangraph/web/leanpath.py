"""Answer query requests to /sparql in front of Flask, with the same code and tables as Flask's view.

A never-repeated query pays for everything on its path, and Flask's share of it (the request context, URL
routing, the request and response objects, the hooks of every blueprint) cost more than a typical query
itself (measured: about 1.2 ms of 2.2 ms, one request at a time). A GET or POST of /sparql that carries a
query is answered here by ``sparql.query_reply``, the function Flask's view calls, on a plain werkzeug
request; the headers Flask's hooks add to every /sparql answer (Vary, CORS, the security headers) are added
from the same tables. Everything else goes to Flask: other paths and methods, a request without a query
(the service description, the query page), conditional requests, and a ``lang=`` (the pages' language
cookie is set by a hook).
"""
from __future__ import annotations

import re

from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Request

from . import SECURITY_HEADERS

_LANG = re.compile(r"(?:^|&)lang=")


def _asks_language(query_string: str) -> bool:
    return "lang=" in query_string and _LANG.search(query_string) is not None


class LeanPath:
    """WSGI middleware: answer GET, HEAD and POST /sparql requests that carry a query without Flask.

    ``reply(request, endpoint)`` is the view's answer (a sparql.Reply, or None when the request carries no
    query); ``headers`` are the ones Flask's hooks add to every answer of the path, besides the security ones.
    """

    def __init__(self, app, flask_app, reply, headers: dict, path: str = "/sparql"):
        self.app, self.flask_app, self.reply, self.headers, self.path = app, flask_app, reply, headers, path

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.path or environ.get("REQUEST_METHOD") not in ("GET", "HEAD", "POST") \
                or "HTTP_IF_NONE_MATCH" in environ or _asks_language(environ.get("QUERY_STRING", "")):
            return self.app(environ, start_response)
        request = Request(environ)
        request.trusted_hosts = self.flask_app.config.get("TRUSTED_HOSTS")  # as Flask's own request
        reply = self.reply(request, self.flask_app.extensions["plangraph.sparql"])
        if reply is None:  # no query: the service description or the query page, Flask's
            return self.app(environ, start_response)
        headers = {**reply.headers, **self.headers}
        for name, value in SECURITY_HEADERS.items():
            headers.setdefault(name, value)
        body = b"" if environ["REQUEST_METHOD"] == "HEAD" else reply.body
        if reply.status != 304:
            headers["Content-Length"] = str(len(reply.body))
        start_response(f"{reply.status} {HTTP_STATUS_CODES.get(reply.status, '').upper()}".rstrip(), list(headers.items()))
        return [body]
