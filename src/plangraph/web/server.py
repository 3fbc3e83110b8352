"""Serve the web app on waitress, a production WSGI server that runs everywhere Python does."""
from __future__ import annotations

from pathlib import Path

import click
from waitress import serve

from ..store.build import ensure_built
from . import create_app
from .pages.search import warm


def run(files: list[Path], host: str, port: int, threads: int = 8, config: dict | None = None) -> None:
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
    # waitress refuses larger bodies itself (413) before the app reads them
    serve(app, host=host, port=port, threads=threads, ident="plangraph",
          max_request_body_size=app.config["PLANGRAPH_MAX_REQUEST_BYTES"])
