"""RDF formats by name, file suffix and media type: one table that the CLI, exports and the web share.

Beside each format are the other names and media types clients use for it, in ``format=``/``output=`` or in
``Accept`` (the web negotiates over them; the CLI takes only the names in ``BY_NAME``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat

from ..errors import InputError


@dataclass(frozen=True)
class Format:
    """One RDF serialisation: its CLI name, rdflib and pyoxigraph names, suffix and media type."""

    name: str
    rdflib: str
    oxigraph: RdfFormat
    suffix: str
    media_type: str
    graphs: bool  # keeps named graphs
    aliases: tuple[str, ...] = ()  # other names and media types that clients use for it


FORMATS = (
    # SPARQLWrapper N3 sends format=n3 and Accept text/n3 …; rdflib format="n3" Accept text/n3; Fuseki: ttl
    Format("turtle", "turtle", RdfFormat.TURTLE, ".ttl", "text/turtle", False,
           ("ttl", "n3", "text/n3", "text/rdf+n3", "application/n3", "application/x-turtle", "application/turtle")),
    # rdflib format="nt" sends Accept text/plain (N-Triples' media type before 2014); Fuseki: output=nt
    Format("ntriples", "nt", RdfFormat.N_TRIPLES, ".nt", "application/n-triples", False,
           ("nt", "n-triples", "text/plain")),
    # SPARQLWrapper JSONLD: format=json-ld; JSON for a CONSTRUCT: format=json; pyld: Accept application/json
    Format("jsonld", "json-ld", RdfFormat.JSON_LD, ".jsonld", "application/ld+json", True,
           ("json-ld", "json", "application/json", "application/x-json+ld", "application/json+ld")),
    Format("trig", "trig", RdfFormat.TRIG, ".trig", "application/trig", True, ("application/x-trig",)),
    Format("nquads", "nquads", RdfFormat.N_QUADS, ".nq", "application/n-quads", True,
           ("nq", "n-quads", "text/x-nquads")),
    # SPARQLWrapper XML/RDF/RDFXML for a CONSTRUCT: format=xml, rdf, rdf+xml; browsers: Accept application/xml
    Format("rdfxml", "xml", RdfFormat.RDF_XML, ".rdf", "application/rdf+xml", False,
           ("rdf", "rdf+xml", "xml", "rdf/xml", "application/xml", "text/xml")),
)
BY_NAME = {f.name: f for f in FORMATS}
BY_SUFFIX = {f.suffix: f for f in FORMATS} | {".owl": BY_NAME["rdfxml"], ".json": BY_NAME["jsonld"]}


def by_name(name: str) -> Format:
    """Return the format called ``name``."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise InputError(f'Unknown format "{name}": expected one of {", ".join(BY_NAME)}.') from None


def by_path(path: str | Path) -> Format:
    """Return the format a file's suffix names."""
    suffix = Path(path).suffix.lower()
    try:
        return BY_SUFFIX[suffix]
    except KeyError:
        raise InputError(
            f'Cannot tell the RDF format of "{path}" from its suffix "{suffix}": '
            f'use one of {", ".join(sorted(BY_SUFFIX))}.') from None
