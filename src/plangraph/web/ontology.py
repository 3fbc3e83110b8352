"""The ontology at /def: an HTML page for people, Turtle (and other RDF) for machines, chosen by Accept.

Term IRIs ``https://w3id.org/plangraph/def#Term`` resolve here: the page has an anchor for every term.
"""
from __future__ import annotations

import pyoxigraph
from flask import Blueprint, Response, abort, current_app

from ..paths import ontology_dir
from ..rdf.ontology import ontology_graph
from ..rdf.vocab import PREFIXES
from . import get_store
from .ontology_doc import examples_from_store, ontology_html
from .pages.i18n import language
from .pages.twins import BY_NAME, BY_SUFFIX, negotiate, not_acceptable, with_headers

bp = Blueprint("ontology", __name__)


@bp.get("/def")
def ontology():
    """The ontology as HTML, or as RDF when the client asks for it (the same formats as every page's twins)."""
    wanted = negotiate()
    return _answer(wanted) if wanted else not_acceptable()


@bp.get("/def.<suffix>")
def ontology_file(suffix: str):
    """The ontology in the RDF format its suffix names: /def.ttl is the Turtle file itself."""
    fmt = BY_SUFFIX.get("." + suffix) or abort(404)
    return _answer(fmt.name)


def _answer(name: str) -> Response:
    if name == "html":
        response = Response(_page(language()), mimetype="text/html")
    elif name == "turtle":
        response = Response(_turtle(), mimetype="text/turtle")
    else:
        fmt = BY_NAME[name]
        triples = pyoxigraph.parse(_turtle(), format=pyoxigraph.RdfFormat.TURTLE)
        prefixes = {k: str(v) for k, v in PREFIXES.items()} if name == "rdfxml" else None
        body = pyoxigraph.serialize(triples, format=fmt.oxigraph, prefixes=prefixes) if prefixes else \
            pyoxigraph.serialize(triples, format=fmt.oxigraph)
        response = Response(body, mimetype=fmt.media_type)
    return with_headers(response, "def", name)


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
