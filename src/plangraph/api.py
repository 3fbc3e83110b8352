"""plangraph's public functions: build, validate, load, query. The CLI and the web app call these."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph
from rdflib import Graph

from .store.build import build, ensure_built  # noqa: F401  (public: plangraph.api.build)
from .store.check import validate_store
from .store.embedded import open_store
from .store.query import run_query
from .store.validation import Outcome
from .store.validation import validate as validate_graph


def validate(data: Graph | pyoxigraph.Store) -> Outcome:
    """Validate a graph, or a store report graph by report graph, against plangraph's shapes."""
    return validate_store(data) if isinstance(data, pyoxigraph.Store) else validate_graph(data)


def load(paths: Iterable[str | Path] | None = None) -> pyoxigraph.Store:
    """Open the embedded store on RDF files (default: the built dataset, built first when needed)."""
    return open_store(list(paths) if paths else [ensure_built()])


def query(sparql: str, store: pyoxigraph.Store | None = None, allow_service: bool = False):
    """Run a SPARQL query over the union of the store's graphs (default: the built dataset).

    SERVICE calls are refused (QueryRefused) unless ``allow_service``."""
    return run_query(store if store is not None else load(), sparql, allow_service=allow_service)
