"""Build the dataset from reports (one named graph each), describe it, write it and read it back."""
from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable

import pyoxigraph
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, VOID, XSD

from .errors import InputError, PlangraphError
from .formats import Format, by_path
from .graph import new_graph, report_graph
from .indicator_map import link_indicators
from .iris import Minter
from .paths import reports_dir
from .report import Report, read_report
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


def build_dataset(reports: list[Report], minter: Minter | None = None) -> Dataset:
    """Return the dataset: one named graph per report (named by its IRI), the indicator links, a description."""
    minter = minter or Minter()
    dataset = _new_dataset()
    seen: dict[URIRef, str] = {}
    for report in reports:
        iri = minter.report(report.meta.district, report.meta.city, report.meta.period)
        if iri in seen:
            raise InputError(
                f'Reports "{seen[iri]}" and "{report.name}" are both the {report.meta.district} report of '
                f"{report.meta.period}. Build one of them, or fix the period in a sidecar .meta.json.")
        seen[iri] = report.name
        report_graph(report, minter, dataset.graph(iri))  # written straight into its named graph
    link_indicators(dataset, minter)
    describe(dataset, minter, sorted(seen))
    return dataset


def _new_dataset() -> Dataset:
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    return dataset


def describe(dataset: Dataset, minter: Minter, reports: list[URIRef]) -> None:
    """Add a DCAT and VoID description of the dataset, in its own named graph: what it holds and where."""
    iri, graph = minter.dataset(), dataset.graph(minter.iri("id/graph/dataset"))
    counted = [g for g in dataset.graphs() if g.identifier not in (graph.identifier, dataset.default_graph.identifier)]
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
    _counts(graph, iri, counted)


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


def _counts(graph: Graph, iri: URIRef, counted: list[Graph]) -> None:
    """VoID statistics of every graph but the description: triples, entities, and one partition per class."""
    triples, instances, predicates = 0, {}, set()
    for data in counted:
        triples += len(data)
        predicates.update(data.predicates())
        for thing, cls in data.subject_objects(RDF.type):
            if isinstance(thing, URIRef):
                instances.setdefault(cls, set()).add(thing)
    graph.add((iri, VOID.triples, _integer(triples)))
    graph.add((iri, VOID.entities, _integer(len(set().union(*instances.values())) if instances else 0)))
    graph.add((iri, VOID.classes, _integer(len(instances))))
    graph.add((iri, VOID.properties, _integer(len(predicates))))
    for cls in sorted(instances):
        partition = Minter.part(iri, "class", _key(cls))
        graph.add((iri, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, _integer(len(instances[cls]))))
        if cls in EXAMPLE_CLASSES:
            graph.add((iri, VOID.exampleResource, min(instances[cls])))


def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _key(cls: URIRef) -> str:
    """A readable key for a class IRI: ``pg-Figure``, ``qb-Observation``."""
    for prefix, namespace in PREFIXES.items():
        if str(cls).startswith(str(namespace)):
            return f"{prefix}-{str(cls)[len(str(namespace)):]}"
    return "x-" + str(cls).rstrip("/#").rpartition("/")[2].replace("#", "-")


def validate_dataset(dataset: Dataset):
    """Validate each report's graph on its own, then the graphs that describe the whole dataset.

    A report's graph holds all that is said from that report (the types and labels of the shared things it
    names included), so checking it alone is sound: it keeps the cost linear in the number of reports (the
    whole corpus at once grew faster than its size in rdflib: 1.6 s a report at 10, 3.1 s at 30) and never
    checks a figure of one report against another's. Reports are checked in parallel, one process per core.
    """
    from .validation import Outcome, validate
    reports, rest = [], new_graph()
    for graph in dataset.graphs():
        if (graph.identifier, RDF.type, PG.Report) in graph:
            reports.append(graph)
        else:
            for triple in graph:
                rest.add(triple)
    if not reports:  # a file without report graphs (Turtle, N-Triples): check it whole
        return validate(union_graph(dataset))
    workers = min(len(reports), os.cpu_count() or 1)
    if workers > 1 and len(reports) >= 4:
        # each process gets its report as N-Triples: rdflib graphs share one store and do not pickle alone
        texts = [graph.serialize(format="nt", encoding="utf-8") for graph in reports]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            outcomes = list(pool.map(_validate_ntriples, texts))
    else:
        outcomes = [validate(graph) for graph in reports]
    if len(rest):
        outcomes.append(validate(rest))
    return Outcome(all(o.conforms for o in outcomes), tuple(v for o in outcomes for v in o.violations))


def _validate_ntriples(data: bytes):
    from .validation import validate
    graph = new_graph()
    graph.parse(data=data, format="nt")
    return validate(graph)


def union_graph(dataset: Dataset) -> Graph:
    """Return one graph holding every triple of the dataset."""
    graph = new_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def oxigraph_quads(dataset: Dataset) -> list:
    """Return the dataset's quads as pyoxigraph quads, sorted."""
    data = dataset.serialize(format="nquads", encoding="utf-8")
    return sorted(pyoxigraph.parse(data, pyoxigraph.RdfFormat.N_QUADS), key=str)


def serialize(dataset: Dataset, fmt: Format) -> bytes:
    """Serialise the dataset deterministically (sorted statements): two runs give the same bytes.

    pyoxigraph writes the statements in the order given, where rdflib's serialisers follow its hash order.
    """
    quads = oxigraph_quads(dataset)
    items = quads if fmt.graphs else sorted({q.triple for q in quads}, key=str)
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt.name in ("turtle", "trig", "rdfxml") else None
    return pyoxigraph.serialize(items, format=fmt.oxigraph, prefixes=prefixes)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so no half-written file is left."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_dataset(dataset: Dataset, path: str | Path, fmt: Format | None = None) -> None:
    """Write the dataset to ``path`` in the format its suffix names (or ``fmt``)."""
    write_atomic(path, serialize(dataset, fmt or by_path(path)))


def load_dataset(paths: Iterable[str | Path]) -> Dataset:
    """Read RDF files (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML) into one dataset, graphs kept."""
    dataset = _new_dataset()
    for path in map(Path, paths):
        if not path.exists():
            raise InputError(f'Data file "{path}" does not exist. Run "plangraph build" or check the path.')
        fmt = by_path(path)
        try:
            if fmt.graphs:
                dataset.parse(path, format=fmt.rdflib)
            else:
                dataset.graph(URIRef(path.resolve().as_uri())).parse(path, format=fmt.rdflib)
        except PlangraphError:
            raise
        except Exception as error:  # rdflib's parsers raise many error types
            raise InputError(f'Cannot read "{path}" as {fmt.name}: {error}') from None
    return dataset
