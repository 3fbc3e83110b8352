"""Build the dataset from reports: each report parsed, turned into its graph and checked in a worker process,
then loaded into the embedded store as its own named graph; the corpus-wide graphs are added last."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SDO, SKOS
from rdflib.plugins.serializers.nt import _nt_row as nt_row   # the N-Triples serializer's own line writer

from ..errors import InputError, ValidationFailed
from ..ingest.document import REFUSED_SUFFIXES, SUFFIXES, Original
from ..paths import built_dataset, ontology_dir, reports_dir, shapes_dir
from ..rdf.graph import new_graph, report_graph
from ..rdf.indicator_map import link_indicators
from ..rdf.iris import Minter
from ..rdf.vocab import PG
from ..read.report import Report, read_report
from .describe import describe
from .embedded import finish, new_store_dir, open_store_dir
from .export import write_dataset
from .files import check_output, check_store
from .formats import by_path
from .fulfilment import fulfilment_graph, fulfilments, names
from .lifeline import tie_to_parent
from .originals import keep, originals_beside
from .progress import Progress, silent
from .validation import Outcome, validate

# What says what a shared thing (district, indicator, period, unit, organisation, project …) is and is called.
# It follows from the name its IRI is minted from, so every report that names the thing says the same: kept in
# each report's graph, the union of the graphs held it once per report, and Oxigraph 0.5 answers over that
# union with one row per copy (oxigraph#1919), so a join through a period's notation gave 37 rows instead of
# one at 1,000 reports. These statements go once to the graph id/graph/things; what a report claims of a
# shared thing (pg:mention, schema:location, schema:worksFor …) stays in the report's graph.
NAMING = {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.notation, SKOS.inScheme, SKOS.broader,
          SKOS.related, DCTERMS.title, SDO.addressLocality, PG.alias, PG.documentNumber}
THINGS_PATH = "id/graph/things"
READ_SUFFIXES = SUFFIXES + REFUSED_SUFFIXES




def report_files(paths: Iterable[str | Path] | None = None) -> list[Path]:
    """Expand the given files and folders (default: data/reports/) into report files, sorted."""
    paths = list(paths or [reports_dir()])
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            # a legacy .doc is listed too, to be refused by name rather than left out unseen
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in READ_SUFFIXES)
            if not found:
                raise InputError(f'Folder "{path}" holds no report ({", ".join("*" + s for s in SUFFIXES)}). '
                                 "Put the reports there: web pages, PDF, Word (.docx) or UTF-8 text files.")
            files.extend(found)
        else:
            files.append(path)
    return files

def read_reports(paths: Iterable[str | Path] | None = None) -> list[Report]:
    """Read and parse every report named by ``paths``."""
    return [read_report(path) for path in report_files(paths)]

@dataclass(frozen=True)
class Piece:
    """One report built in a worker: its graph and its shared things' names (N-Triples), and its check."""

    name: str
    iri: str
    ntriples: bytes
    shared: bytes
    indicators: tuple[str, ...]
    outcome: Outcome | None
    original: Original | None = None

@dataclass(frozen=True)
class Built:
    """A built dataset: the store holding it, its reports' IRIs, and the outcome of checking it."""

    store: pyoxigraph.Store
    reports: tuple[URIRef, ...]
    outcome: Outcome
    originals: tuple[tuple[Path, Original], ...] = ()   # each report file read, with what it is

def build_store(sources: Sequence[Path | Report], minter: Minter | None = None, check: bool = True,
                jobs: int | None = None, target: pyoxigraph.Store | None = None,
                progress: Progress = silent) -> Built:
    """Build each report (a file or a parsed report) into a named graph of ``target``, and describe the whole.

    ``target`` is an empty store (default: a new one in memory; an on-disk one keeps memory flat).

    Reports are handled one at a time, on every core: parsed, turned into their own graph, checked against the
    shapes alone (``check``), and appended to the store. No graph of the whole corpus is ever held in rdflib,
    whose Dataset grew slower per statement the more it held; so time and memory grow with the reports.
    Then the plan fulfilment (targets against results across the reports, ``fulfilment.py``) is joined from
    the store. ``progress(done, total)`` hears of each report built.
    """
    minter = minter or Minter()
    store = target if target is not None else pyoxigraph.Store()
    seen, indicators, outcomes, originals = {}, set(), [], []
    things = pyoxigraph.NamedNode(str(minter.iri(THINGS_PATH)))
    sources = list(sources)
    pieces = parallel(partial(build_piece, base=minter.base, check=check), sources, jobs)
    for done, (source, piece) in enumerate(zip(sources, pieces), 1):
        if piece.iri in seen:
            raise InputError(
                f'Reports "{seen[piece.iri]}" and "{piece.name}" are the same district, period and kind ({piece.iri}). '
                "Build one of them, or fix the period in a sidecar .meta.json.")
        seen[piece.iri] = piece.name
        store.bulk_load(piece.ntriples, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(piece.iri))
        store.bulk_load(piece.shared, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=things)
        indicators.update(piece.indicators)
        outcomes.append(piece.outcome)
        if piece.original is not None and not isinstance(source, Report):
            originals.append((Path(source), piece.original))
        progress(done, len(sources))
    links = link_indicators({URIRef(i) for i in indicators}, minter)
    add_graph(store, links)
    plans = fulfilment_graph(fulfilments(store), minter, names(store))
    add_graph(store, plans)
    description = describe(store, minter, sorted(map(URIRef, seen)))
    add_graph(store, description)
    if check:
        outcomes.append(validate(links + plans + description))
    return Built(store, tuple(sorted(map(URIRef, seen))), merge([o for o in outcomes if o is not None]),
                 tuple(originals))


def build_piece(source: Path | Report, base: str, check: bool = True) -> Piece:
    """Build one report's graph (in a worker process), validate it on its own when ``check``, and split it.

    The whole graph is checked: what the report says and the names and types of the shared things it names,
    so checking it alone is sound, and never checks a figure of one report against another's. Then the names
    and types of shared things go to the graph ``id/graph/things`` (see ``NAMING``), the rest to the report's.
    """
    report = source if isinstance(source, Report) else read_report(source)
    minter = Minter(base)
    iri = minter.report(report.meta.district, report.meta.city, report.meta.period, report.meta.genre)
    graph = report_graph(report, minter, new_graph(iri))
    outcome = validate(graph) if check else None
    own, shared = [], []
    for triple in graph:
        (shared if naming(triple, str(iri)) else own).append(nt_row(triple))
    return Piece(report.name, str(iri), "".join(own).encode("utf-8"), "".join(shared).encode("utf-8"),
                 tuple(str(i) for i in graph.subjects(RDF.type, PG.Indicator)), outcome, report.original)

def naming(triple, report: str) -> bool:
    """Whether a triple names or types a shared thing (one outside the report's own IRIs): see ``NAMING``."""
    return triple[1] in NAMING and not own_iri(str(triple[0]), report)

def own_iri(iri: str, report: str) -> bool:
    """Whether ``iri`` is the report's or one of its parts' (``…/2021-S1/figure/273-275``), not a shared thing's."""
    return iri == report or iri.startswith(report + "/")

def parallel(function: Callable, items: list, jobs: int | None = None) -> Iterator:
    """Yield ``function(item)`` for each item, in order, from one spawned process per core (``jobs``).

    Four items or more are worth the start of the processes (about a second); fewer run here.
    """
    jobs = min(len(items), jobs or os.cpu_count() or 1)
    if jobs < 2 or len(items) < 4:
        yield from map(function, items)
        return
    # the workers end with this process however it dies (kill -9 too), not only when it shuts the pool down
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=tie_to_parent,
                               initargs=(os.getpid(),))
    try:
        yield from pool.map(function, items)
    finally:  # on an error, do not wait for the rest of the corpus
        pool.shutdown(wait=True, cancel_futures=True)

def merge(outcomes: list[Outcome]) -> Outcome:
    """One outcome of several checks: it conforms when each does."""
    return Outcome(all(o.conforms for o in outcomes), tuple(v for o in outcomes for v in o.violations))

def add_graph(store: pyoxigraph.Store, graph: Graph) -> None:
    """Add an rdflib graph to the store, as the named graph of its identifier."""
    if len(graph):
        store.load(graph.serialize(format="nt", encoding="utf-8"), pyoxigraph.RdfFormat.N_TRIPLES,
                   to_graph=pyoxigraph.NamedNode(str(graph.identifier)))


def build(reports: Iterable[str | Path] | None = None, output: str | Path | None = None,
          base: str | None = None, store: str | Path | None = None, progress: Progress = silent) -> Built:
    """Build and validate the dataset from report files or folders; write it to ``output`` and/or ``store``.

    ``store`` names a folder for a persistent on-disk store (served by ``serve --store``). Raises
    ValidationFailed (nothing written) when the graph does not conform to the shapes. The original of each
    report is kept beside what is written (``store/originals.py``). ``progress(done, total)`` hears of
    each report built.
    """
    for place, check in ((output, check_output), (store, check_store)):
        if place is not None:  # refused now, not after minutes of building
            check(place)
    if output is not None:
        by_path(output)
    files, minter = report_files(reports), Minter(base) if base else None
    if store is None:
        return _written(build_store(files, minter, progress=progress), output)
    with new_store_dir(store) as folder:  # built straight on disk: memory stays flat however many reports
        built = _written(build_store(files, minter, target=pyoxigraph.Store(str(folder)), progress=progress),
                         output, folder)
        finish(built.store)
        reports, outcome, kept = built.reports, built.outcome, built.originals
        del built  # closing the RocksDB handle before its folder is renamed into place
    return Built(open_store_dir(store), reports, outcome, kept)


def _written(built: Built, output: str | Path | None, store: Path | None = None) -> Built:
    """Refuse a build that does not conform; else keep the originals and write it to ``output`` when named."""
    if not built.outcome.conforms:
        raise ValidationFailed(built.outcome.text())
    for place in (p for p in (store, output) if p is not None):
        keep(built.originals, originals_beside(place))
    if output is not None:
        write_dataset(built.store, output)
    return built


def ensure_built() -> Path:
    """Return the project's built dataset, building it first when it is missing or older than its inputs."""
    path = built_dataset()
    # the extractor's own code counts too: a new plangraph must not serve what an old one built
    code = sorted(Path(__file__).parents[1].rglob("*.py"))
    inputs = report_files() + sorted(ontology_dir().glob("*.ttl")) + sorted(shapes_dir().glob("*.ttl")) + code
    newest = max((p.stat().st_mtime for p in inputs if p.exists()), default=0)
    if not path.exists() or path.stat().st_mtime < newest:
        build(output=path)
    return path
