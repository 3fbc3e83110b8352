"""Write the store out: sorted, deterministic serialisations, streamed graph by graph to a file renamed into place."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

import pyoxigraph
from rdflib import Dataset, Graph

from ..rdf.graph import new_graph
from ..rdf.vocab import PREFIXES
from .files import atomic_file  # noqa: F401  (written here for exports; the web's export files too)
from .formats import Format, by_path
from .progress import Progress, silent


def union_graph(store: pyoxigraph.Store, exclude: set = frozenset()) -> Graph:
    """Return one rdflib graph holding every triple of the store (but those of the ``exclude``d graphs)."""
    triples = {q.triple for q in store if q.graph_name not in exclude}
    graph = new_graph()
    if triples:
        graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    return graph

def as_rdflib(store: pyoxigraph.Store) -> Dataset:
    """Return the store's quads as an rdflib Dataset, for rdflib's API (a small dataset: rdflib is slow to fill)."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    dataset.parse(data=store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format="nquads")
    return dataset

def statements(store: pyoxigraph.Store, graphs: bool = True, progress: Progress = silent) -> Iterator:
    """Yield the store's quads graph by graph, sorted (or its distinct triples, sorted, when not ``graphs``).

    Sorting makes two exports byte-identical; going graph by graph keeps one graph at a time in memory.
    ``progress(done, total)`` hears of each graph written.
    """
    if not graphs:
        yield from sorted({q.triple for q in store}, key=str)
        progress(1, 1)
        return
    names = [pyoxigraph.DefaultGraph(), *sorted(store.named_graphs(), key=str)]
    for done, name in enumerate(names, 1):
        yield from sorted(store.quads_for_pattern(None, None, None, name), key=str)
        progress(done, len(names))

def serialize(store: pyoxigraph.Store, fmt: Format, output: BinaryIO | None = None,
              progress: Progress = silent) -> bytes | None:
    """Serialise the store deterministically (see ``statements``) to ``output``, or return the bytes."""
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt.name in ("turtle", "trig", "rdfxml") else None
    return pyoxigraph.serialize(statements(store, fmt.graphs, progress), output, format=fmt.oxigraph,
                                prefixes=prefixes)

def write_dataset(store: pyoxigraph.Store, path: str | Path, fmt: Format | None = None,
                  progress: Progress = silent) -> None:
    """Write the store to ``path`` in the format its suffix names (or ``fmt``), streamed and atomically."""
    with atomic_file(path) as handle:
        serialize(store, fmt or by_path(path), handle, progress)
