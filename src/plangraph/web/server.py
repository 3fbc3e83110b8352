"""Serve the web app on waitress (with the limits of front.py), a WSGI server that runs everywhere Python does."""
from __future__ import annotations

from pathlib import Path

import click

from ..store.build import ensure_built
from . import create_app
from .front import Limits, serve
from .pages.search import warm

SPARE_THREADS = 8  # threads beyond the most requests that can wait for or run on query workers: pages, cache


def run(files: list[Path], host: str, port: int, threads: int = 8, config: dict | None = None,
        limits: Limits = Limits()) -> None:
    """Load the data once, then serve it until interrupted."""
    config = config or {}
    if config.get("PLANGRAPH_SPARQL_URL") or config.get("PLANGRAPH_STORE_PATH"):
        data = [str(config.get("PLANGRAPH_SPARQL_URL") or config["PLANGRAPH_STORE_PATH"])]
    else:
        data = [str(p) for p in files] or [str(ensure_built())]
        config = {**config, "PLANGRAPH_DATA": data}
    app = create_app(config)
    app.extensions["plangraph.sparql"].start()  # workers ready before the first request, errors shown now
    warm(app)
    click.echo(f"plangraph serving {', '.join(data)} on http://{host}:{port}/ (SPARQL at /sparql)", err=True)
    lanes = app.extensions["plangraph.sparql"].lanes()
    # queries wait for a worker in a thread each; pages and cached answers must always find a thread free
    threads = max(threads, lanes.workers + lanes.long_queries + lanes.max_waiting + SPARE_THREADS)
    # waitress refuses larger bodies itself (413) before the app reads them
    serve(app, host, port, threads, app.config["PLANGRAPH_MAX_REQUEST_BYTES"], limits)
