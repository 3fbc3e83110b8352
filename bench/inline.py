"""A prototype, not shipped: plangraph serve with stored answers sent from waitress's event loop.

    .venv/bin/python bench/inline.py serve DATA.nq --port PORT

Profiling ``plangraph serve`` under wrk with repeated queries shows the stored answer itself
(web/fastpath.py) costs next to nothing: the time goes to waitress handing every request from its event loop
to a task thread and the answer back (a condition variable, a wake-up pipe, the interpreter lock changing
hands twice per request), so the cached path runs no faster than a WSGI app that answers a constant. Here,
when a complete request arrives (HTTP/1.1, keep-alive, GET, not conditional, alone on its connection) and
FastPath holds its answer, the answer is written to the connection's output on the loop and no task is made;
everything else goes to the task threads as before, and waitress reads nothing more from a connection
while its output is unsent, so a client that does not read cannot grow it. What it lacks to be shipped:
tests of HTTP's corners (HEAD, pipelining, Connection headers, Expect) and a FastPath method for the lookup
instead of reading its key parts here. Run by ``bench/endpoint.py --inline`` beside plangraph serve and
Oxigraph.
"""
from __future__ import annotations

import sys
import time

from waitress.utilities import build_http_date

from plangraph.web import front


class InlineServer(front._Server):  # noqa: SLF001 - a prototype of a change to front.py
    """The front's server, answering stored /sparql GETs on the event loop."""

    def __init__(self, app, limits, **kw):
        self.flask_app = app  # waitress wraps the app it is given; FastPath is Flask's wsgi_app
        super().__init__(app, limits, **kw)

    def add_task(self, channel):
        stored = self._stored(channel.requests[0]) if len(channel.requests) == 1 else None
        if stored is None:
            super().add_task(channel)
            return
        status, headers, body = stored
        head = "".join(f"{name}: {value}\r\n" for name, value in headers)
        data = (f"HTTP/1.1 {status}\r\n{head}Date: {build_http_date(time.time())}\r\n"
                f"Server: plangraph\r\n\r\n").encode("latin-1") + body
        with channel.outbuf_lock:
            channel.outbufs[-1].append(data)
            channel.total_outbufs_len += len(data)
            channel.current_outbuf_count += len(data)
        channel.requests.clear()

    def _stored(self, request):
        """FastPath's answer to ``request`` when it may be sent from here, else None."""
        if request.command != "GET" or request.version != "1.1" or request.connection_close \
                or request.error or "IF_NONE_MATCH" in request.headers:
            return None
        fast, headers = self.flask_app.wsgi_app, request.headers
        key = (request.path, request.query, headers.get("ACCEPT"), headers.get("ACCEPT_ENCODING"),
               headers.get("HOST"), "", "http", self.flask_app.config["PLANGRAPH_MAX_ROWS"])
        return fast.answers.get(key) if fast.path == request.path else None


if __name__ == "__main__":
    front._Server = InlineServer  # noqa: SLF001
    from plangraph.cli import main
    sys.exit(main())
