"""plangraph's ontology as an rdflib graph, read once from its Turtle files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from ..errors import ValidationUnavailable
from ..paths import ontology_dir


def load_folder(folder: Path, what: str) -> Graph:
    """Read every Turtle file of ``folder`` into one graph; ``what`` names them in the error."""
    graph = Graph()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ValidationUnavailable(f"No {what} found in {folder}: reinstall plangraph or restore {folder}.")
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many parser error types
            raise ValidationUnavailable(f"Could not read {what} file {path}: {error}") from None
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """plangraph's ontology, read once."""
    return load_folder(ontology_dir(), "ontology")
