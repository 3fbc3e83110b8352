"""Dereference the dataset's IRIs: BASE + path is served at /path, as a page or as data, by Accept or suffix."""
from __future__ import annotations

import pyoxigraph
from flask import Response, abort, current_app, render_template, request

from ...formats import BY_NAME
from ...vocab import PREFIXES
from .. import get_store
from . import bp
from .describe import NOT_IRI, exists, incoming_page, labels, twin, value
from .i18n import language

HTML = "text/html"
# The data twins of every page, in the order a client that accepts anything gets them (after HTML).
TWINS = tuple(BY_NAME[name] for name in ("turtle", "jsonld", "ntriples", "rdfxml"))
BY_SUFFIX = {f.suffix: f for f in TWINS}
# Media type → format name; werkzeug picks the best match, so Accept is never parsed by hand.
OFFERS = {HTML: "html", "application/xhtml+xml": "html"} | {f.media_type: f.name for f in TWINS}
PER_PAGE = 50
PREFIX_MAP = {k: str(v) for k, v in PREFIXES.items()}


def negotiate() -> str | None:
    """The format the client asks for: a format name, "html", or None when nothing offered is acceptable."""
    if not request.accept_mimetypes:
        return "html"
    best = request.accept_mimetypes.best_match(list(OFFERS))
    return OFFERS.get(best) if best else None


def split_suffix(path: str):
    """``id/x.ttl`` → (``id/x``, Turtle); paths without a data suffix → (path, None)."""
    stem, dot, suffix = path.rpartition(".")
    fmt = BY_SUFFIX.get(dot + suffix) if dot else None
    return (stem, fmt) if fmt else (path, None)


def twin_links(path: str) -> list[tuple[str, str, str]]:
    """(url, media type, format name) of each data twin of the page at ``path``."""
    return [(f"{request.script_root}/{path}{f.suffix}", f.media_type, f.name) for f in TWINS]


def with_headers(response: Response, path: str) -> Response:
    """Add Vary and a Link header naming each data twin."""
    response.headers["Vary"] = "Accept, Cookie"
    response.headers["Link"] = ", ".join(f'<{url}>; rel="alternate"; type="{media}"'
                                         for url, media, _ in twin_links(path))
    return response


@bp.route("/<path:path>", methods=["GET", "HEAD"])
def resource(path: str):
    """Serve the resource BASE + path: its page, or its description as Turtle, JSON-LD, N-Triples or RDF/XML."""
    store, base = get_store(), current_app.config["PLANGRAPH_BASE"]
    fmt = None
    if not exists_here(store, base + path):
        path, fmt = split_suffix(path)
        if fmt is None or not exists_here(store, base + path):
            abort(404)
    iri = base + path
    wanted = fmt.name if fmt else negotiate()
    if wanted is None:
        offered = ", ".join(OFFERS)
        return Response(f"Cannot answer in the media types asked for; offered: {offered}.\n", 406,
                        mimetype="text/plain", headers={"Vary": "Accept"})
    if wanted != "html":
        return with_headers(data(store, iri, BY_NAME[wanted]), path)
    from .kinds import page
    return with_headers(Response(page(store, iri, path)), path)


def exists_here(store, iri: str) -> bool:
    """Whether ``iri`` is a well-formed IRI the store knows."""
    return not NOT_IRI.search(iri) and exists(store, iri)


def data(store, iri: str, fmt) -> Response:
    """The resource's description in one RDF format, in a stable order."""
    body = pyoxigraph.serialize(twin(store, iri), format=fmt.oxigraph,
                                prefixes=PREFIX_MAP if fmt.name in ("turtle", "rdfxml") else None)
    mimetype = fmt.media_type
    return Response(body, mimetype=mimetype, content_type=f"{mimetype}; charset=utf-8")


def incoming_list(store, iri: str, path: str, prop: str, page: int) -> str:
    """The page listing every subject linking to ``iri`` through ``prop``, PER_PAGE at a time."""
    lang = language()
    if NOT_IRI.search(prop):
        abort(404)
    subjects = incoming_page(store, iri, prop, PER_PAGE + 1, (page - 1) * PER_PAGE)
    names = labels(store, {s.value for s in subjects if isinstance(s, pyoxigraph.NamedNode)} | {iri, prop})
    items = [value(s, names, lang) for s in subjects[:PER_PAGE]]
    this = value(pyoxigraph.NamedNode(iri), names, lang)
    return render_template("pages/incoming.html", this=this, prop=value(pyoxigraph.NamedNode(prop), names, lang),
                           items=items, page=page, more=len(subjects) > PER_PAGE, path=path,
                           twins=twin_links(path))


@bp.app_errorhandler(404)
def not_found(error):
    """A page saying what was not found (plain text for clients that asked for data)."""
    if negotiate() not in ("html", None) or request.path.startswith("/static/"):
        return Response(f"Not found: {request.path}\n", 404, mimetype="text/plain")
    base = current_app.config["PLANGRAPH_BASE"]
    return render_template("pages/404.html", iri=base + request.path.lstrip("/")), 404
