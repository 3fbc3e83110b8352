"""RDF formats by name, file suffix and media type: one table that the CLI, exports and the web share."""
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


FORMATS = (
    Format("turtle", "turtle", RdfFormat.TURTLE, ".ttl", "text/turtle", False),
    Format("ntriples", "nt", RdfFormat.N_TRIPLES, ".nt", "application/n-triples", False),
    Format("jsonld", "json-ld", RdfFormat.JSON_LD, ".jsonld", "application/ld+json", True),
    Format("trig", "trig", RdfFormat.TRIG, ".trig", "application/trig", True),
    Format("nquads", "nquads", RdfFormat.N_QUADS, ".nq", "application/n-quads", True),
    Format("rdfxml", "xml", RdfFormat.RDF_XML, ".rdf", "application/rdf+xml", False),
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
