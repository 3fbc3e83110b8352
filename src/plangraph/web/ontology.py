"""The ontology at /def: an HTML page for people, Turtle (and other RDF) for machines, chosen by Accept.

Term IRIs ``https://w3id.org/plangraph/def#Term`` resolve here: the page has an anchor for every term.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from ..paths import ontology_dir
from ..rdf.ontology import ontology_graph
from . import get_store
from .ontology_doc import examples_from_store, ontology_html
from .pages.i18n import language

bp = Blueprint("ontology", __name__)

# media type → rdflib serialiser; the first is the default for */*
MEDIA_TYPES = {
    "text/html": None,
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
LINK = '</def.ttl>; rel="alternate"; type="text/turtle"'


@bp.get("/def")
def ontology():
    """The ontology as HTML, or as RDF when the client asks for it."""
    media = request.accept_mimetypes.best_match(list(MEDIA_TYPES), default="text/html")
    if MEDIA_TYPES[media] is None:
        response = Response(_page(language()), mimetype="text/html")
        response.vary.add("Cookie")
    elif media == "text/turtle":
        response = Response(_turtle(), mimetype="text/turtle")
    else:
        response = Response(ontology_graph().serialize(format=MEDIA_TYPES[media]), mimetype=media)
    response.headers["Link"] = LINK
    response.vary.add("Accept")
    return response


@bp.get("/def.ttl")
def ontology_turtle():
    """The ontology file itself, as Turtle."""
    response = Response(_turtle(), mimetype="text/turtle")
    response.vary.add("Accept")
    return response


def _turtle() -> bytes:
    """The ontology's own file, comments and order kept; several files are merged into one graph."""
    files = sorted(ontology_dir().glob("*.ttl"))
    if len(files) == 1:
        return files[0].read_bytes()
    return ontology_graph().serialize(format="turtle").encode("utf-8")


def _page(lang: str) -> str:
    """The page in ``lang``, built once per app: the ontology and the served data do not change while it runs."""
    cache = current_app.extensions.setdefault("plangraph.ontology_page", {})
    if lang not in cache:
        base = current_app.config["PLANGRAPH_BASE"]
        local = {term: [(_local(iri, base), label) for iri, label in things]
                 for term, things in examples_from_store(get_store()).items()}
        cache[lang] = ontology_html(ontology_graph(), local, lang)
    return cache[lang]


def _local(iri: str, base: str) -> str:
    """Link a data IRI to where this server answers it: BASE + path is served at /path."""
    return "/" + iri[len(base):] if iri.startswith(base) else iri
