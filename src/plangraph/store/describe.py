"""Describe the built dataset with DCAT and VoID: title, licence, endpoint, dump, counts, class partitions."""
from __future__ import annotations

import pyoxigraph
from rdflib import Graph, Literal, URIRef
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
# One example resource of each of these classes is named in the description (the first by IRI).
EXAMPLE_CLASSES = {PG.Indicator, PG.Figure, PG.Sentence, PG.Project, PG.FunctionalArea, PG.PolicyDocument}


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
