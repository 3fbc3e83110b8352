"""Serve the web app on waitress, a production WSGI server that runs everywhere Python does."""
from __future__ import annotations

from pathlib import Path

import click
from waitress import serve

from .api import ensure_built
from .web import create_app


def run(files: list[Path], host: str, port: int, threads: int = 8, config: dict | None = None) -> None:
    """Load the data once, then serve it until interrupted."""
    data = [str(p) for p in files] or [str(ensure_built())]
    app = create_app({**(config or {}), "PLANGRAPH_DATA": data})
    app.extensions["plangraph.sparql"].start()  # workers ready before the first request, errors shown now
    click.echo(f"plangraph serving {', '.join(data)} on http://{host}:{port}/ (SPARQL at /sparql)", err=True)
    # waitress refuses larger bodies itself (413) before the app reads them
    serve(app, host=host, port=port, threads=threads, ident="plangraph",
          max_request_body_size=app.config["PLANGRAPH_MAX_REQUEST_BYTES"])
