"""The HTTP front: waitress, with the limits a server on the internet needs against slow or malformed clients.

waitress reads requests on one event loop and hands only complete ones to its threads, so a slow client costs a
socket, not a thread. What it lacks is added here:

- a deadline for each request to arrive whole (headers and body), counted from its first byte: a client that
  sends one header line every few seconds (slowloris) is cut off, however active it looks;
- a cap on open connections per client address, so one address cannot take every connection;
- a request that carries both Content-Length and Transfer-Encoding is refused (400) and its connection closed,
  so nothing smuggled after it is ever read as a second request (RFC 9112, section 6.3).
"""
from __future__ import annotations

import socket
import time
from dataclasses import dataclass

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher


@dataclass(frozen=True)
class Limits:
    """Limits on clients: seconds to send a whole request, open connections per address, idle keep-alive."""

    request_seconds: float = 10.0
    per_address: int = 64
    idle_seconds: float = 30.0
    connections: int = 1000


class _Parser(HTTPRequestParser):
    def parse_header(self, header_plus):
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:  # waitress popped Transfer-Encoding already
            self.connection_close = True
            raise ParsingError("A request may not carry both Content-Length and Transfer-Encoding.")


class _Channel(HTTPChannel):
    parser_class = _Parser
    started: float | None = None  # when the first byte of the request being read arrived

    def received(self, data):
        if self.request is None and data:
            self.started = time.monotonic()
        done = super().received(data)
        if self.request is None:
            self.started = None
        return done

    def too_slow(self, now: float, seconds: float) -> bool:
        """Whether a request has been arriving for longer than ``seconds``."""
        return self.started is not None and now - self.started > seconds


class _Server(TcpWSGIServer):
    channel_class = _Channel

    def __init__(self, app, limits: Limits, **kw):
        self.limits = limits
        super().__init__(app, map={}, dispatcher=_dispatcher(kw["threads"]), adj=Adjustments(**kw))

    def handle_accept(self):
        try:
            accepted = self.accept()
        except OSError:
            return
        if accepted is None:
            return
        conn, addr = accepted
        try:
            self.set_socket_options(conn)  # TCP_NODELAY: without it every answer waits for a delayed ACK (40 ms)
        except OSError:
            conn.close()
            return
        addr = self.fix_addr(addr)
        same = sum(1 for c in self.active_channels.values() if getattr(c, "addr", (None,))[0] == addr[0])
        if same >= self.limits.per_address:
            _refuse(conn)
            return
        self.channel_class(self, conn, addr, self.adj, map=self._map)

    def maintenance(self, now):
        super().maintenance(now)
        clock = time.monotonic()
        for channel in list(self.active_channels.values()):
            if not channel.requests and channel.too_slow(clock, self.limits.request_seconds):
                channel.will_close = True  # closed by the loop at its next turn


def _dispatcher(threads: int) -> ThreadedTaskDispatcher:
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(threads)
    return dispatcher


def _refuse(conn: socket.socket) -> None:
    """Answer a connection over the per-address cap with 503 and close it, without reading its request."""
    try:
        conn.setblocking(False)
        conn.send(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n"
                  b"Content-Length: 0\r\n\r\n")
    except OSError:
        pass
    conn.close()


def serve(app, host: str, port: int, threads: int, max_body: int, limits: Limits = Limits()) -> None:
    """Serve ``app`` on host:port until interrupted."""
    server = _Server(app, limits, host=host, port=port, threads=threads, ident="plangraph",
                     max_request_body_size=max_body, channel_timeout=limits.idle_seconds,
                     cleanup_interval=1, connection_limit=limits.connections)
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.task_dispatcher.shutdown()
