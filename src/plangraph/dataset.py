"""Build the dataset from reports (one named graph each) into the embedded store, describe it, check it, write it."""
from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

import pyoxigraph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, SDO, SKOS, VOID, XSD

from .errors import InputError
from .formats import Format, by_path
from .graph import new_graph, report_graph
from .indicator_map import link_indicators
from .iris import Minter
from .paths import reports_dir
from .report import Report, read_report
from .validation import Outcome, validate
from .vocab import ONTOLOGY_IRI, PG, PREFIXES

LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
DUMP_PATH = "export.trig"  # where the whole dataset is served as TriG (web/pages/site.py): BASE + this path
TITLES = {"zh": "plangraph 规划执行报告知识图谱", "en": "plangraph knowledge graph of plan-execution reports"}
DESCRIPTION = ("Chinese district reports on the execution of the economic and social development plan, as RDF: "
               "each report in a named graph (named by its IRI) with its stored text, outline, indicators and "
               "figures, every fact traced to its exact span of the text.")
VOCABULARIES = [str(PG._NS), "http://purl.org/linked-data/cube#", "http://www.w3.org/ns/oa#",
                "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#", "https://schema.org/",
                "http://purl.org/dc/terms/"]
# One example resource of each of these classes is named in the description (the first by IRI).
EXAMPLE_CLASSES = {PG.Indicator, PG.Figure, PG.Sentence, PG.Project, PG.FunctionalArea, PG.PolicyDocument}
_TYPE, _REPORT = pyoxigraph.NamedNode(str(RDF.type)), pyoxigraph.NamedNode(str(PG.Report))
# What says what a shared thing (district, indicator, period, unit, organisation, project …) is and is called.
# It follows from the name its IRI is minted from, so every report that names the thing says the same: kept in
# each report's graph, the union of the graphs held it once per report, and Oxigraph 0.5 answers over that
# union with one row per copy (oxigraph#1919), so a join through a period's notation gave 37 rows instead of
# one at 1,000 reports. These statements go once to the graph id/graph/things; what a report claims of a
# shared thing (pg:mention, schema:location, schema:worksFor …) stays in the report's graph.
NAMING = {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.notation, SKOS.inScheme, SKOS.broader,
          SKOS.related, DCTERMS.title, SDO.addressLocality, PG.alias, PG.documentNumber}
THINGS_PATH = "id/graph/things"


def report_files(paths: Iterable[str | Path] | None = None) -> list[Path]:
    """Expand the given files and folders (default: data/reports/) into report files, sorted."""
    paths = list(paths or [reports_dir()])
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise InputError(f'Folder "{path}" holds no report (*.txt). Put the UTF-8 report files there.')
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


@dataclass(frozen=True)
class Built:
    """A built dataset: the store holding it, its reports' IRIs, and the outcome of checking it."""

    store: pyoxigraph.Store
    reports: tuple[URIRef, ...]
    outcome: Outcome


def build_store(sources: Sequence[Path | Report], minter: Minter | None = None, check: bool = True,
                jobs: int | None = None, target: pyoxigraph.Store | None = None) -> Built:
    """Build each report (a file or a parsed report) into a named graph of ``target``, and describe the whole.

    ``target`` is an empty store (default: a new one in memory; an on-disk one keeps memory flat).

    Reports are handled one at a time, on every core: parsed, turned into their own graph, checked against the
    shapes alone (``check``), and appended to the store. No graph of the whole corpus is ever held in rdflib,
    whose Dataset grew slower per statement the more it held; so time and memory grow with the reports.
    """
    minter = minter or Minter()
    store = target if target is not None else pyoxigraph.Store()
    seen, indicators, outcomes = {}, set(), []
    things = pyoxigraph.NamedNode(str(minter.iri(THINGS_PATH)))
    for piece in parallel(partial(build_piece, base=minter.base, check=check), list(sources), jobs):
        if piece.iri in seen:
            raise InputError(
                f'Reports "{seen[piece.iri]}" and "{piece.name}" are the same district and period ({piece.iri}). '
                "Build one of them, or fix the period in a sidecar .meta.json.")
        seen[piece.iri] = piece.name
        store.bulk_load(piece.ntriples, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(piece.iri))
        store.bulk_load(piece.shared, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=things)
        indicators.update(piece.indicators)
        outcomes.append(piece.outcome)
    links = link_indicators({URIRef(i) for i in indicators}, minter)
    add_graph(store, links)
    description = describe(store, minter, sorted(map(URIRef, seen)))
    add_graph(store, description)
    if check:
        outcomes.append(validate(links + description))
    return Built(store, tuple(sorted(map(URIRef, seen))), merge([o for o in outcomes if o is not None]))


def build_piece(source: Path | Report, base: str, check: bool = True) -> Piece:
    """Build one report's graph (in a worker process), validate it on its own when ``check``, and split it.

    The whole graph is checked: what the report says and the names and types of the shared things it names,
    so checking it alone is sound, and never checks a figure of one report against another's. Then the names
    and types of shared things go to the graph ``id/graph/things`` (see ``NAMING``), the rest to the report's.
    """
    report = source if isinstance(source, Report) else read_report(source)
    minter = Minter(base)
    iri = minter.report(report.meta.district, report.meta.city, report.meta.period)
    graph = report_graph(report, minter, new_graph(iri))
    outcome = validate(graph) if check else None
    own, shared = new_graph(), new_graph()
    for triple in graph:
        (shared if naming(triple, str(iri)) else own).add(triple)
    return Piece(report.name, str(iri), own.serialize(format="nt", encoding="utf-8"),
                 shared.serialize(format="nt", encoding="utf-8"),
                 tuple(str(i) for i in graph.subjects(RDF.type, PG.Indicator)), outcome)


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
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
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


def describe(store: pyoxigraph.Store, minter: Minter, reports: list[URIRef]) -> Graph:
    """Return the DCAT and VoID description of what the store holds (its graph ``id/graph/dataset``)."""
    iri, graph = minter.dataset(), new_graph(minter.iri("id/graph/dataset"))
    add = graph.add
    for cls in (VOID.Dataset, DCAT.Dataset):
        add((iri, RDF.type, cls))
    for lang, title in TITLES.items():
        add((iri, DCTERMS.title, Literal(title, lang=lang)))
    add((iri, RDFS.label, Literal("plangraph 数据集", lang="zh")))
    add((iri, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    add((iri, DCTERMS.license, LICENCE))
    add((iri, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/zh")))
    add((iri, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    add((iri, VOID.sparqlEndpoint, minter.iri("sparql")))
    add((iri, VOID.dataDump, minter.iri(DUMP_PATH)))
    add((iri, VOID.uriSpace, Literal(minter.base + "id/")))
    for namespace in VOCABULARIES:
        add((iri, VOID.vocabulary, URIRef(namespace)))
    _distribution(graph, iri, minter)
    for report in reports:
        add((iri, DCTERMS.hasPart, report))
        add((iri, VOID.exampleResource, report))
    _counts(graph, iri, store)
    return graph


def _distribution(graph: Graph, iri: URIRef, minter: Minter) -> None:
    dump, service = Minter.part(iri, "distribution", "trig"), Minter.part(iri, "service", "sparql")
    graph.add((iri, DCAT.distribution, dump))
    graph.add((dump, RDF.type, DCAT.Distribution))
    graph.add((dump, DCAT.downloadURL, minter.iri(DUMP_PATH)))
    graph.add((dump, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/application/trig")))
    graph.add((dump, DCTERMS.license, LICENCE))
    graph.add((dump, DCAT.accessService, service))
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCAT.endpointURL, minter.iri("sparql")))
    graph.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))


def _counts(graph: Graph, iri: URIRef, store: pyoxigraph.Store) -> None:
    """VoID statistics of the store's named graphs: triples, entities, and one partition per class."""
    def number(sparql: str) -> int:
        return int(next(iter(store.query(sparql)))[0].value)
    typed = "GRAPH ?g { ?s a ?class } FILTER isIRI(?s)"
    graph.add((iri, VOID.triples, _integer(number("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"))))
    graph.add((iri, VOID.entities, _integer(number(f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ {typed} }}"))))
    graph.add((iri, VOID.properties, _integer(number(
        "SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?s ?p ?o } }"))))
    classes = list(store.query(
        f"SELECT ?class (COUNT(DISTINCT ?s) AS ?n) (MIN(STR(?s)) AS ?first) {{ {typed} }} GROUP BY ?class"))
    graph.add((iri, VOID.classes, _integer(len(classes))))
    for row in sorted(classes, key=lambda r: r["class"].value):
        cls = URIRef(row["class"].value)
        partition = Minter.part(iri, "class", _key(cls))
        graph.add((iri, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, _integer(int(row["n"].value))))
        if cls in EXAMPLE_CLASSES:
            graph.add((iri, VOID.exampleResource, URIRef(row["first"].value)))


def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _key(cls: URIRef) -> str:
    """A readable key for a class IRI: ``pg-Figure``, ``qb-Observation``."""
    for prefix, namespace in PREFIXES.items():
        if str(cls).startswith(str(namespace)):
            return f"{prefix}-{str(cls)[len(str(namespace)):]}"
    return "x-" + str(cls).rstrip("/#").rpartition("/")[2].replace("#", "-")


def validate_store(store: pyoxigraph.Store, jobs: int | None = None) -> Outcome:
    """Validate each report's graph with the names of the shared things it names (one process per core), then
    the other graphs but id/graph/things together.

    Checking a report this way is sound (see ``build_piece``) and keeps the cost linear in the reports.
    """
    reports = [g for g in store.named_graphs() if pyoxigraph.Quad(g, _TYPE, _REPORT, g) in store]
    if not reports:  # a file without report graphs (Turtle, N-Triples): check it whole
        return validate(union_graph(store))
    things = next((g for g in store.named_graphs() if g.value.endswith("/" + THINGS_PATH)), None)
    texts = [_with_things(store, g, things) for g in reports]
    outcomes = list(parallel(_validate_ntriples, texts, jobs))
    rest = union_graph(store, exclude={*reports, things})
    if len(rest):
        outcomes.append(validate(rest))
    return merge(outcomes)


def _with_things(store: pyoxigraph.Store, report: pyoxigraph.NamedNode, things) -> bytes:
    """A report's graph as N-Triples, with what id/graph/things says of the shared things it names."""
    own = list(store.quads_for_pattern(None, None, None, report))
    named = {t for q in own for t in (q.subject, q.object)
             if isinstance(t, pyoxigraph.NamedNode) and not own_iri(t.value, report.value)}
    shared = [q for t in sorted(named, key=str) for q in store.quads_for_pattern(t, None, None, things)] \
        if things is not None else []
    return pyoxigraph.serialize([q.triple for q in own + shared], format=pyoxigraph.RdfFormat.N_TRIPLES)


def _validate_ntriples(data: bytes) -> Outcome:
    graph = new_graph()
    graph.parse(data=data, format="nt")
    return validate(graph)


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


def statements(store: pyoxigraph.Store, graphs: bool = True) -> Iterator:
    """Yield the store's quads graph by graph, sorted (or its distinct triples, sorted, when not ``graphs``).

    Sorting makes two exports byte-identical; going graph by graph keeps one graph at a time in memory.
    """
    if not graphs:
        yield from sorted({q.triple for q in store}, key=str)
        return
    for name in [pyoxigraph.DefaultGraph(), *sorted(store.named_graphs(), key=str)]:
        yield from sorted(store.quads_for_pattern(None, None, None, name), key=str)


def serialize(store: pyoxigraph.Store, fmt: Format, output: BinaryIO | None = None) -> bytes | None:
    """Serialise the store deterministically (see ``statements``) to ``output``, or return the bytes."""
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt.name in ("turtle", "trig", "rdfxml") else None
    return pyoxigraph.serialize(statements(store, fmt.graphs), output, format=fmt.oxigraph, prefixes=prefixes)


@contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path`` for writing; rename it to ``path`` when the block ends well.

    No half-written file is ever left at ``path``: on an error the temporary file is removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_dataset(store: pyoxigraph.Store, path: str | Path, fmt: Format | None = None) -> None:
    """Write the store to ``path`` in the format its suffix names (or ``fmt``), streamed and atomically."""
    with atomic_file(path) as handle:
        serialize(store, fmt or by_path(path), handle)
