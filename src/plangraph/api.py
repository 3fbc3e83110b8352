"""plangraph's public functions: build, validate, load, query. The CLI and the web app call these."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph
from rdflib import Graph

from .dataset import Built, build_store, report_files, validate_store, write_dataset
from .errors import ValidationFailed
from .iris import Minter
from .paths import built_dataset, ontology_dir, shapes_dir
from .query import run_query
from .store import finish, new_store_dir, open_store, open_store_dir
from .validation import Outcome
from .validation import validate as validate_graph


def build(reports: Iterable[str | Path] | None = None, output: str | Path | None = None,
          base: str | None = None, store: str | Path | None = None) -> Built:
    """Build and validate the dataset from report files or folders; write it to ``output`` and/or ``store``.

    ``store`` names a folder for a persistent on-disk store (served by ``serve --store``). Raises
    ValidationFailed (nothing written) when the graph does not conform to the shapes.
    """
    files, minter = report_files(reports), Minter(base) if base else None
    if store is None:
        return _written(build_store(files, minter), output)
    with new_store_dir(store) as folder:  # built straight on disk: memory stays flat however many reports
        built = _written(build_store(files, minter, target=pyoxigraph.Store(str(folder))), output)
        finish(built.store)
        reports, outcome = built.reports, built.outcome
        del built  # closing the RocksDB handle before its folder is renamed into place
    return Built(open_store_dir(store), reports, outcome)


def _written(built: Built, output: str | Path | None) -> Built:
    """Refuse a build that does not conform; else write it to ``output`` when one is named."""
    if not built.outcome.conforms:
        raise ValidationFailed(built.outcome.text())
    if output is not None:
        write_dataset(built.store, output)
    return built


def validate(data: Graph | pyoxigraph.Store) -> Outcome:
    """Validate a graph, or a store report graph by report graph, against plangraph's shapes."""
    return validate_store(data) if isinstance(data, pyoxigraph.Store) else validate_graph(data)


def ensure_built() -> Path:
    """Return the project's built dataset, building it first when it is missing or older than its inputs."""
    path = built_dataset()
    # the extractor's own code counts too: a new plangraph must not serve what an old one built
    code = sorted(Path(__file__).parent.glob("*.py"))
    inputs = report_files() + sorted(ontology_dir().glob("*.ttl")) + sorted(shapes_dir().glob("*.ttl")) + code
    newest = max((p.stat().st_mtime for p in inputs if p.exists()), default=0)
    if not path.exists() or path.stat().st_mtime < newest:
        build(output=path)
    return path


def load(paths: Iterable[str | Path] | None = None) -> pyoxigraph.Store:
    """Open the embedded store on RDF files (default: the built dataset, built first when needed)."""
    return open_store(list(paths) if paths else [ensure_built()])


def query(sparql: str, store: pyoxigraph.Store | None = None):
    """Run a SPARQL query over the union of the store's graphs (default: the built dataset)."""
    return run_query(store if store is not None else load(), sparql)
