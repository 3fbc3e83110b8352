"""The embedded query store: pyoxigraph, loaded from the built dataset or from given RDF files."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph

from .errors import InputError
from .formats import by_path


def open_store(paths: Iterable[str | Path]) -> pyoxigraph.Store:
    """Return an in-memory store holding the given RDF files, named graphs kept.

    Files without graphs (Turtle, N-Triples, RDF/XML) go to the default graph; queries see the union of all.
    """
    store = pyoxigraph.Store()
    for path in map(Path, paths):
        if not path.exists():
            raise InputError(f'Data file "{path}" does not exist. Run "plangraph build" or check the path.')
        fmt = by_path(path)
        try:
            store.bulk_load(path=str(path), format=fmt.oxigraph)
        except (SyntaxError, ValueError) as error:
            raise InputError(f'Cannot read "{path}" as {fmt.name}: {error}') from None
    return store


def store_from_quads(quads) -> pyoxigraph.Store:
    """Return an in-memory store holding the given pyoxigraph quads."""
    store = pyoxigraph.Store()
    store.bulk_extend(quads)
    return store
