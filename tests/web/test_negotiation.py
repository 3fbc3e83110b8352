"""Format names and media types: what clients send by default (format=, output=, results=, Accept) and what
they get. Each row is a request a real client makes (SPARQLWrapper 2, rdflib 7, Jena, YASGUI, Fuseki's names)."""
from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

SELECT = "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } LIMIT 3"
ASK = "ASK { ?i a pg:Indicator }"
GRAPH = "CONSTRUCT { ?i skos:prefLabel ?name } WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } LIMIT 3"
UNKNOWN_FUNCTION = "ASK { FILTER(<http://example.org/f>(1)) }"

# (query, parameters as SPARQLWrapper or another client sends them, Accept, media type answered)
CASES = [
    # SPARQLWrapper: XML for CONSTRUCT is RDF/XML, with the Accept header to match
    (GRAPH, [("format", "xml"), ("output", "xml"), ("results", "xml")], "application/rdf+xml", "application/rdf+xml"),
    # SPARQLWrapper RDFXML and JSONLD add the media type as a second value of each parameter
    (GRAPH, [("format", "rdf+xml"), ("format", "application/rdf+xml")], "application/rdf+xml",
     "application/rdf+xml"),
    (GRAPH, [("format", "json-ld"), ("format", "application/ld+json,application/x-json+ld")],
     "application/ld+json,application/x-json+ld", "application/ld+json"),
    (GRAPH, [("format", "n3"), ("output", "n3")], "application/turtle,text/turtle,text/rdf+n3,application/n-triples,"
     "application/n3,text/n3", "text/turtle"),
    (GRAPH, [("format", "rdf")], "*/*", "application/rdf+xml"),
    (GRAPH, [("format", "json")], "*/*", "application/ld+json"),
    # a result format asked of a graph: the format name cannot apply, so Accept decides
    (GRAPH, [("format", "csv"), ("format", "")], "*/*", "text/turtle"),
    (SELECT, [("format", "turtle")], "*/*", "application/sparql-results+json"),
    (SELECT, [("format", "json-ld"), ("format", "")], "*/*", "application/sparql-results+json"),
    (SELECT, [("format", "tsv"), ("format", "text/tab-separated-values")], "text/tab-separated-values",
     "text/tab-separated-values"),
    (ASK, [("format", "xml")], "application/sparql-results+xml", "application/sparql-results+xml"),
    # Jena and Fuseki's own names
    (SELECT, [("output", "json")], None, "application/sparql-results+json"),
    (SELECT, [("results", "csv")], None, "text/csv"),
    (GRAPH, [("output", "ttl")], None, "text/turtle"),
    (GRAPH, [("output", "nt")], None, "application/n-triples"),
    (GRAPH, [("format", "nq")], None, "application/n-quads"),
    # format= and Accept disagree: a format both allow, when one exists; else format= wins
    (GRAPH, [("format", "xml"), ("format", "json")], "application/ld+json", "application/ld+json"),
    (SELECT, [("format", "json")], "text/csv", "application/sparql-results+json"),
    # YASGUI's defaults (it POSTs a form), Jena's (rsparql, RDFConnection)
    (SELECT, [], "application/sparql-results+json,*/*;q=0.9", "application/sparql-results+json"),
    (GRAPH, [], "text/turtle,*/*;q=0.9", "text/turtle"),
    (SELECT, [], "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
     "text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, application/xml;q=0.2, */*;q=0.1",
     "application/sparql-results+json"),
    (ASK, [], "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/plain;q=0.2, "
     "*/*;q=0.1", "application/sparql-results+json"),
    (GRAPH, [], "text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, application/rdf+xml;q=0.7, "
     "*/*;q=0.3", "text/turtle"),
    # media types clients put in Accept
    (GRAPH, [], "text/plain, */*;q=0.1", "application/n-triples"),
    (GRAPH, [], "text/n3, */*;q=0.1", "text/turtle"),
    (GRAPH, [], "application/json", "application/ld+json"),
    (SELECT, [], "application/json", "application/sparql-results+json"),
    (GRAPH, [], "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/rdf+xml"),
]


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("query, params, accept, media_type", CASES)
def test_what_clients_send_by_default_is_answered(client, query, params, accept, media_type, method):
    headers = {"Accept": accept} if accept else {}
    pairs = MultiDict([("query", query), *params])
    if method == "GET":
        response = client.get("/sparql", query_string=pairs, headers=headers)
    else:
        response = client.post("/sparql", data=pairs, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == media_type


def test_an_unknown_format_name_is_a_400_naming_the_known_ones(client):
    response = client.get("/sparql", query_string={"query": SELECT, "format": "png"})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "png" in text and "json" in text and "turtle" in text


def test_an_unknown_function_is_the_querys_fault(client):
    response = client.get("/sparql", query_string={"query": UNKNOWN_FUNCTION})
    assert response.status_code == 400
    assert "http://example.org/f" in response.get_data(as_text=True)
    assert "bug" not in response.get_data(as_text=True)


def test_406_for_a_query_names_the_formats_of_its_kind(client):
    response = client.get("/sparql", query_string={"query": GRAPH}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    text = response.get_data(as_text=True)
    assert "text/turtle" in text and "application/n-triples" in text and "text/csv" not in text
