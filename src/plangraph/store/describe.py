"""Describe the built dataset with DCAT and VoID: title, licence, endpoint, dump, counts, class partitions."""
from __future__ import annotations

import pyoxigraph
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, VOID, XSD

from ..rdf.graph import new_graph
from ..rdf.iris import Minter
from ..rdf.vocab import ONTOLOGY_IRI, PG, PREFIXES

LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
DUMP_PATH = "export.trig"  # where the whole dataset is served as TriG (web/pages/site.py): BASE + this path
TITLES = {"zh": "plangraph 规划执行报告知识图谱", "en": "plangraph knowledge graph of plan-execution reports"}
DESCRIPTION = ("Chinese district reports on the execution of the economic and social development plan, as RDF: "
               "each report in a named graph (named by its IRI) with its stored text, outline, indicators and "
               "figures, every fact traced to its exact span of the text.")
DESCRIPTION_ZH = ("中国区县国民经济和社会发展计划执行情况报告的RDF数据:每份报告一个命名图(以报告IRI命名),含原文、目录、"
                  "主要指标和数值,每一事实均可追溯到原文的确切片段。")
VOCABULARIES = [str(PG._NS), "http://purl.org/linked-data/cube#", "http://www.w3.org/ns/oa#",
                "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#", "https://schema.org/",
                "http://purl.org/dc/terms/"]
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DATASET_GRAPH = "id/graph/dataset"
# The graphs that are not a report's, named in every export and in the service description, each described
# in the dataset's graph so that its name resolves: path → (中文, English) of what it holds.
GRAPHS = {
    "id/graph/things": ("报告所提事物的名称与类型", "Names and types of the things the reports name"),
    "id/graph/indicator-map": ("各报告指标名称之间的对应", "Links between the indicator names of the reports"),
    "id/graph/fulfilment": ("各地各指标各年度计划完成情况(由各报告所述目标与结果推得)",
                            "Plan fulfilment per place, indicator and year, derived from the targets and results stated"),
    DATASET_GRAPH: ("数据集的描述(DCAT、VoID)", "Description of the dataset (DCAT, VoID)"),
}
# One example resource of each of these classes is named in the description (the first by IRI).
EXAMPLE_CLASSES = {PG.Indicator, PG.Figure, PG.Sentence, PG.Project, PG.FunctionalArea, PG.PolicyDocument}


def describe(store: pyoxigraph.Store, minter: Minter, reports: list[URIRef]) -> Graph:
    """Return the DCAT and VoID description of what the store holds (its graph ``id/graph/dataset``)."""
    iri, graph = minter.dataset(), new_graph(minter.iri(DATASET_GRAPH))
    add = graph.add
    for cls in (VOID.Dataset, DCAT.Dataset):
        add((iri, RDF.type, cls))
    for lang, title in TITLES.items():
        add((iri, DCTERMS.title, Literal(title, lang=lang)))
    add((iri, RDFS.label, Literal("plangraph 数据集", lang="zh")))
    add((iri, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    add((iri, DCTERMS.description, Literal(DESCRIPTION_ZH, lang="zh")))
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
    before = _counts(graph, iri, store)
    _graphs(graph, iri, store, minter)
    _count_itself(graph, iri, minter.iri(DATASET_GRAPH), before)
    return graph


def _graphs(graph: Graph, iri: URIRef, store: pyoxigraph.Store, minter: Minter) -> None:
    """Say what each graph of GRAPHS is and how many triples it holds (the dataset's own: see below)."""
    present = {g.value for g in store.named_graphs()}
    for path, (zh, en) in GRAPHS.items():
        name = minter.iri(path)
        if path != DATASET_GRAPH and str(name) not in present:
            continue
        graph.add((name, RDF.type, SD.Graph))
        graph.add((name, RDFS.label, Literal(zh, lang="zh")))
        graph.add((name, RDFS.label, Literal(en, lang="en")))
        graph.add((name, DCTERMS.isPartOf, iri))
        if path != DATASET_GRAPH:
            count = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")))[0]
            graph.add((name, VOID.triples, _integer(int(count.value))))


def _count_itself(graph: Graph, iri: URIRef, own: URIRef, before: int) -> None:
    """Count the description's own triples in the dataset's total, as the service description counts them.

    The counts are literals, so setting them never changes how many triples there are: set, measure, set again.
    """
    graph.set((own, VOID.triples, _integer(0)))
    size = len(graph)
    graph.set((own, VOID.triples, _integer(size)))
    graph.set((iri, VOID.triples, _integer(before + size)))

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

def _counts(graph: Graph, iri: URIRef, store: pyoxigraph.Store) -> int:
    """VoID statistics of the store's named graphs: triples, entities, and one partition per class; return the
    triples counted (the description's own are added by ``_count_itself``)."""
    def number(sparql: str) -> int:
        return int(next(iter(store.query(sparql)))[0].value)
    typed = "GRAPH ?g { ?s a ?class } FILTER isIRI(?s)"
    before = number("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    graph.add((iri, VOID.triples, _integer(before)))
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
    return before

def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)

def _key(cls: URIRef) -> str:
    """A readable key for a class IRI: ``pg-Figure``, ``qb-Observation``."""
    for prefix, namespace in PREFIXES.items():
        if str(cls).startswith(str(namespace)):
            return f"{prefix}-{str(cls)[len(str(namespace)):]}"
    return "x-" + str(cls).rstrip("/#").rpartition("/")[2].replace("#", "-")
