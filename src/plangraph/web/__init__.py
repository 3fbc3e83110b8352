"""Stage 5, web: a store in; HTTP out (the SPARQL 1.1 endpoint, linked-data pages, exports, the ontology).

An application factory; the store is opened once and reached through one accessor."""
from __future__ import annotations

import os

from flask import Flask, current_app

from ..rdf.iris import base
from ..store.embedded import open_store, open_store_dir

DEFAULTS = {
    "PLANGRAPH_DATA": [],            # RDF files to serve; empty: the project's built dataset
    "PLANGRAPH_STORE_PATH": None,    # an on-disk store (plangraph build --store) to serve instead
    "PLANGRAPH_SPARQL_URL": None,    # an external SPARQL endpoint to serve instead
    "PLANGRAPH_BASE": None,          # base IRI of the data; None: PLANGRAPH_BASE or the default
    "PLANGRAPH_QUERY_TIMEOUT": 30.0,  # seconds
    "PLANGRAPH_MAX_ROWS": 10000,     # result rows (or triples) per answer; more are cut and flagged
    "PLANGRAPH_MAX_QUERY_LENGTH": 100_000,   # characters of query text
    "PLANGRAPH_MAX_REQUEST_BYTES": 1_000_000,  # bytes of POST body
    "PLANGRAPH_WORKERS": 2,          # query worker processes for short queries (killable at the time limit)
    "PLANGRAPH_LONG_QUERIES": 2,     # queries running past the short budget at once (each on its own worker)
    "PLANGRAPH_PER_CLIENT": 16,      # queries one client address may have running or waiting
    "PLANGRAPH_MAX_MEMORY_MB": 1024,  # memory a query worker may use beyond the store (0: no limit)
    "PLANGRAPH_MAX_BYTES": 50_000_000,  # bytes of one answer; more rows are cut and flagged
    "PLANGRAPH_CACHE_SIZE": 1024,    # answers kept for identical queries (the data is immutable)
    "PLANGRAPH_ORIGINALS": [],       # folders of the reports' original documents; empty: beside the data
}


# On every answer. The policy allows what the pages and the bundled YASGUI use: scripts and styles from this
# site only (YASGUI also sets inline styles), images as data: URLs, requests to this site only; no framing.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
}


def create_app(config: dict | None = None) -> Flask:
    """Create the app: defaults, then ``PLANGRAPH_*`` environment variables, then ``config``."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    for key, default in DEFAULTS.items():
        if key in os.environ:
            value = os.environ[key]
            app.config[key] = value.split(os.pathsep) if isinstance(default, list) else type(default or "")(value)
    app.config.update(config or {})
    app.config["PLANGRAPH_BASE"] = app.config["PLANGRAPH_BASE"] or base()
    app.json.ensure_ascii = False
    app.extensions["plangraph.store"] = _open(app.config)

    from . import ontology, sparql
    app.register_blueprint(sparql.bp)
    app.register_blueprint(ontology.bp)
    from .pages import bp as pages
    from .pages import prepare
    app.register_blueprint(pages)
    prepare(app)
    app.after_request(_secure)
    return app


def _secure(response):
    """Add the security headers (a view that set one of its own keeps it)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _open(config):
    """The store the config names: a given store, an external endpoint, an on-disk store, or RDF files."""
    if "PLANGRAPH_STORE" in config:
        return config["PLANGRAPH_STORE"]
    if config["PLANGRAPH_SPARQL_URL"]:
        from ..store.remote import RemoteStore
        return RemoteStore(config["PLANGRAPH_SPARQL_URL"], timeout=float(config["PLANGRAPH_QUERY_TIMEOUT"]))
    if config["PLANGRAPH_STORE_PATH"]:
        return open_store_dir(config["PLANGRAPH_STORE_PATH"])
    from ..store.build import ensure_built
    return open_store(config["PLANGRAPH_DATA"] or [ensure_built()])


def get_store():
    """The store of the running app."""
    return current_app.extensions["plangraph.store"]
