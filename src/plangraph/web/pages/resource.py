"""Dereference the dataset's IRIs: BASE + path is served at /path, as a page or as data, by Accept or suffix."""
from __future__ import annotations

import pyoxigraph
from flask import Response, abort, current_app, render_template, request

from .. import get_store
from . import bp
from .describe import exists, twin
from .kinds import page
from .twins import (
    BY_NAME,
    PREFIX_MAP,
    negotiate,
    not_acceptable,
    split_suffix,
    with_headers,
)


@bp.route("/<path:path>", methods=["GET", "HEAD"])
def resource(path: str):
    """Serve the resource BASE + path: its page, or its description in an RDF format (twins.TWINS)."""
    store, base = get_store(), current_app.config["PLANGRAPH_BASE"]
    fmt = None
    if not exists_here(store, base + path):
        path, fmt = split_suffix(path)
        if fmt is None or not exists_here(store, base + path):
            abort(404)
    iri = base + path
    wanted = fmt.name if fmt else negotiate()
    if wanted is None:
        return not_acceptable()
    if wanted != "html":
        return with_headers(data(store, iri, BY_NAME[wanted]), path, wanted)
    return with_headers(Response(page(store, iri, path)), path)


def exists_here(store, iri: str) -> bool:
    """Whether ``iri`` is a well-formed IRI the store knows."""
    return exists(store, iri)  # False for what is no IRI


def data(store, iri: str, fmt) -> Response:
    """The resource's description in one RDF format, in a stable order."""
    body = pyoxigraph.serialize(twin(store, iri), format=fmt.oxigraph,
                                prefixes=PREFIX_MAP if fmt.name in ("turtle", "rdfxml") else None)
    mimetype = fmt.media_type
    return Response(body, mimetype=mimetype, content_type=f"{mimetype}; charset=utf-8")


@bp.app_errorhandler(404)
def not_found(error):
    """A page saying what was not found (plain text for clients that asked for data)."""
    if negotiate() not in ("html", None) or request.path.startswith("/static/"):
        return Response(f"Not found: {request.path}\n", 404, mimetype="text/plain")
    base = current_app.config["PLANGRAPH_BASE"]
    return render_template("pages/404.html", iri=base + request.path.lstrip("/")), 404
