"""The embedded query store: pyoxigraph, in memory from RDF files, or on disk (RocksDB) for a large corpus."""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph

from ..errors import InputError
from ..paths import why_missing
from .files import new_folder, put_folder
from .formats import by_path
from .xmlbounds import check_rdfxml


def open_store(paths: Iterable[str | Path]) -> pyoxigraph.Store:
    """Return an in-memory store holding the given RDF files, named graphs kept.

    Files without graphs (Turtle, N-Triples, RDF/XML) go to the default graph; queries see the union of all.
    """
    store = pyoxigraph.Store()
    for path in map(Path, paths):
        fmt = check_data_file(path)
        before = len(store)
        try:
            store.bulk_load(path=str(path), format=fmt.oxigraph)
        except (SyntaxError, ValueError) as error:
            raise InputError(f'Cannot read "{path}" as {fmt.name}: {error}') from None
        if len(store) == before:
            raise InputError(f'Data file "{path}" holds no statements (it is empty, or only declares prefixes). '
                             'Name the built dataset, or run "plangraph build" first.')
    return store


def check_data_file(path: Path):
    """Return the RDF format of the data file ``path``; raise InputError when it cannot be read, or is RDF/XML
    whose entities would expand past what plangraph reads."""
    if not path.exists():
        raise InputError(f'Data file "{path}" {why_missing(path)}. Run "plangraph build" or check the path.')
    if path.is_dir():
        raise InputError(f'Data file "{path}" is a folder; name the RDF files in it (.trig, .ttl, .nq …).')
    fmt = by_path(path)
    if fmt.name == "rdfxml":
        check_rdfxml(path)
    return fmt


def store_from_quads(quads) -> pyoxigraph.Store:
    """Return an in-memory store holding the given pyoxigraph quads."""
    store = pyoxigraph.Store()
    store.bulk_extend(quads)
    return store


@contextmanager
def new_store_dir(path: str | Path) -> Iterator[Path]:
    """Give a new folder beside ``path`` to build an on-disk store in; swap it into place if the block ends well.

    A reader never sees half a store, and a failed or killed build leaves the old one (and the next build
    removes what it left). The store opened in the folder
    must be closed (no reference left) before the block ends.
    """
    path = Path(path)
    if path.exists() and not _is_store(path):
        raise InputError(f'"{path}" exists and is not a plangraph store. Name a new folder, or remove it.')
    fresh = new_folder(path)
    try:
        yield fresh
        put_folder(fresh, path)  # one atomic swap: a crash at any instant leaves the old store or the new one
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def finish(store: pyoxigraph.Store) -> None:
    """Write what the on-disk store holds in memory to its files, compacted for reading."""
    store.flush()
    store.optimize()


def _is_store(path: Path) -> bool:
    return path.is_dir() and (not any(path.iterdir()) or (path / "CURRENT").exists())


def open_store_dir(path: str | Path) -> pyoxigraph.Store:
    """Open the on-disk store at ``path`` read-only: a server never changes the data it serves."""
    path = Path(path)
    if not (path / "CURRENT").exists():
        raise InputError(f'"{path}" is not a plangraph store. Build one with "plangraph build --store {path}".')
    try:
        return pyoxigraph.Store.read_only(str(path))
    except OSError as error:
        raise InputError(f'Cannot open the store "{path}": {error}. Rebuild it with "plangraph build --store".') from None


def store_size(path: str | Path) -> int:
    """Return the bytes the on-disk store at ``path`` takes."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
