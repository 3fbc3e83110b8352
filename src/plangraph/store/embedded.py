"""The embedded query store: pyoxigraph, in memory from RDF files, or on disk (RocksDB) for a large corpus."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph

from ..errors import InputError
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


@contextmanager
def new_store_dir(path: str | Path) -> Iterator[Path]:
    """Give a new folder beside ``path`` to build an on-disk store in; rename it to ``path`` if the block ends well.

    A reader never sees half a store, and a failed build leaves the old one. The store opened in the folder
    must be closed (no reference left) before the block ends.
    """
    path = Path(path)
    if path.exists() and not _is_store(path):
        raise InputError(f'"{path}" exists and is not a plangraph store. Name a new folder, or remove it.')
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        yield fresh
        _replace(fresh, path)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def finish(store: pyoxigraph.Store) -> None:
    """Write what the on-disk store holds in memory to its files, compacted for reading."""
    store.flush()
    store.optimize()


def _is_store(path: Path) -> bool:
    return path.is_dir() and (not any(path.iterdir()) or (path / "CURRENT").exists())


def _replace(fresh: Path, path: Path) -> None:
    old = path.with_name(f".{path.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        path.rename(old)
    fresh.rename(path)
    shutil.rmtree(old, ignore_errors=True)


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
