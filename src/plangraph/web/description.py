"""The SPARQL Service Description of /sparql: what a client learns by GETting the endpoint without a query."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from ..store.query import run_query
from .results import WRITERS

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
# Our format names -> the W3C's IRIs for them (https://www.w3.org/ns/formats/)
FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD",
               "rdfxml": "RDF_XML", "nquads": "N-Quads", "trig": "TriG"}


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


@dataclass(frozen=True)
class Facts:
    """What the description says of the data, the same whatever URL the endpoint is reached by."""

    void: tuple           # the dataset's VoID description in the data (an IRI), or nothing
    graphs: tuple         # (graph name, triples) per named graph
    service: tuple = ()   # the SPARQL endpoint the dataset names (void:sparqlEndpoint), or nothing


def facts(store) -> Facts:
    """Read from the store, once, what the description says of the data."""
    voids = list(run_query(store, f"SELECT ?d ?e WHERE {{ ?d a <{VOID}Dataset> "
                                  f"OPTIONAL {{ ?d <{VOID}sparqlEndpoint> ?e }} }} ORDER BY ?d ?e LIMIT 1"))
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    graphs = run_query(store, query, use_default_graph_as_union=False)
    return Facts(tuple(s["d"] for s in voids), tuple((s["g"], int(s["n"].value)) for s in graphs),
                 tuple(s["e"] for s in voids if s["e"] is not None))


def describe(data: Facts, endpoint: str) -> list[Triple]:
    """Return the service description triples: endpoint, language, formats, features, default dataset.

    The service is the one the dataset names (its void:sparqlEndpoint, e.g. https://w3id.org/plangraph/sparql),
    reached at ``endpoint``, the URL this request came to; a dataset that names none is described at that URL.
    """
    service = data.service[0] if data.service else NamedNode(endpoint)
    dataset, default = BlankNode(), BlankNode()
    triples = [Triple(service, RDF_TYPE, _sd("Service")),
               Triple(service, _sd("endpoint"), NamedNode(endpoint)),
               Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
               Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
               Triple(service, _sd("defaultDataset"), dataset),
               Triple(dataset, RDF_TYPE, _sd("Dataset")),
               Triple(dataset, _sd("defaultGraph"), default),
               Triple(default, RDF_TYPE, _sd("Graph"))]
    names = {name for table in WRITERS.values() for name in table}
    triples += [Triple(service, _sd("resultFormat"), NamedNode(FORMATS + FORMAT_IRIS[n])) for n in sorted(names)]
    for void in data.void:  # the dataset's own VoID/DCAT description, in the data
        triples += [Triple(dataset, NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), void),
                    Triple(void, RDF_TYPE, NamedNode(VOID + "Dataset")),
                    Triple(void, NamedNode(VOID + "sparqlEndpoint"), service)]
    for name, _ in data.graphs:
        graph = BlankNode()
        triples += [Triple(dataset, _sd("namedGraph"), graph), Triple(graph, RDF_TYPE, _sd("NamedGraph")),
                    Triple(graph, _sd("name"), name)]
    total = sum(count for _, count in data.graphs)
    triples.append(Triple(default, NamedNode(VOID + "triples"), Literal(str(total), datatype=XSD_INTEGER)))
    return triples


def serialize(triples: list[Triple], fmt: pyoxigraph.RdfFormat) -> bytes:
    """Write the description in ``fmt`` with the sd: and void: prefixes."""
    if fmt in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG):
        return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE,
                                    prefixes={"sd": SD, "void": VOID, "formats": FORMATS})
    if fmt in (pyoxigraph.RdfFormat.N_QUADS,):
        fmt = pyoxigraph.RdfFormat.N_TRIPLES
    return pyoxigraph.serialize(triples, format=fmt)
