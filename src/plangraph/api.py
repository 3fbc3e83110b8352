"""plangraph's public functions: build, validate, load, query. The CLI and the web app call these."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph
from rdflib import Graph

from .errors import FetchError, InputError
from .ingest.document import Document
from .ingest.fetch import Fetched, Retry
from .ingest.fetch import fetch as fetch_one
from .paths import reports_dir
from .read.report import parse_report
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


def fetch(urls: Iterable[str], folder: str | Path | None = None, retry: Retry = Retry()) -> list[Fetched | FetchError]:
    """Download each report into ``folder`` (default: data/reports/) with its origin; a failure is given back.

    What a URL gives must read as a report of the genre, or nothing of it is written.
    """
    folder = Path(folder) if folder else reports_dir()
    done: list[Fetched | FetchError] = []
    for url in urls:
        try:
            done.append(fetch_one(url, folder, retry, check=_is_report))
        except FetchError as error:
            done.append(error)
    return done


def _is_report(document: Document) -> None:
    try:
        parse_report(document.text, document.original.name)
    except InputError as error:
        raise FetchError(f'"{document.original.url}" gave no report of the genre: {error} '
                         "Nothing was written.") from None
