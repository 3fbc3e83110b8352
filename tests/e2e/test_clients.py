"""The common clients, in their default settings, against a running `plangraph serve`.

SPARQLWrapper (every return format × every query form, GET and POST), rdflib (parse an IRI by URL with each
format), pyld (expand an IRI by URL) and Comunica (the SPARQL endpoint, and an IRI as a source) are the real
libraries and programs, not imitations of what they send.
"""
from __future__ import annotations

import json
import os
import subprocess
import warnings
from pathlib import Path

import pytest
import rdflib
from pyld import jsonld
from servers import plangraph_serve
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from plangraph.store.export import serialize
from plangraph.store.formats import by_name

ROOT = Path(__file__).resolve().parents[2]
COMUNICA = ROOT / ".npm-test" / "node_modules" / ".bin" / "comunica-sparql"
BASE = "https://w3id.org/plangraph/"
GDP = "地区生产总值"
QUERIES = {
    "SELECT": "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } ORDER BY ?name",
    "ASK": 'ASK { ?i a pg:Indicator ; skos:prefLabel "地区生产总值"@zh }',
    "CONSTRUCT": "CONSTRUCT { ?i skos:prefLabel ?name } WHERE { ?i a pg:Indicator ; skos:prefLabel ?name }",
    "DESCRIBE": 'DESCRIBE ?i WHERE { ?i skos:prefLabel "地区生产总值"@zh }',
}
RETURN_FORMATS = (JSON, XML, TURTLE, N3, RDF, RDFXML, CSV, TSV, JSONLD)
# What each return format is answered with: the format it names when it fits the query form, else what the
# client's Accept header (*/*) gets by default.
SOLUTION_TYPES = {JSON: "application/sparql-results+json", XML: "application/sparql-results+xml",
                  CSV: "text/csv", TSV: "text/tab-separated-values"}
GRAPH_TYPES = {TURTLE: "text/turtle", N3: "text/turtle", RDF: "application/rdf+xml",
               RDFXML: "application/rdf+xml", XML: "application/rdf+xml", JSONLD: "application/ld+json",
               JSON: "application/ld+json"}
RDFLIB_FORMATS = ("nt", "turtle", "xml", "json-ld", "n3", "trig", None)


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    data = tmp_path_factory.mktemp("clients") / "seed.trig"
    data.write_bytes(serialize(seed_store, by_name("trig")))
    with plangraph_serve(str(data), "--workers", "1") as url:
        yield url


@pytest.fixture(scope="module")
def gdp(seed_store) -> str:
    """The IRI of the indicator 地区生产总值 in the seed's data."""
    rows = seed_store.query('SELECT ?i WHERE { GRAPH ?g { ?i <http://www.w3.org/2004/02/skos/core#prefLabel> '
                            '"地区生产总值"@zh } }')
    return next(iter(rows))["i"].value


def _wrapper(url: str, form: str, fmt: str, method: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery("PREFIX pg: <https://w3id.org/plangraph/def#> "
                    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + QUERIES[form])
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def _expected_type(form: str, fmt: str) -> str:
    if form in ("SELECT", "ASK"):
        return SOLUTION_TYPES.get(fmt, "application/sparql-results+json")
    return GRAPH_TYPES.get(fmt, "text/turtle")


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", RETURN_FORMATS)
@pytest.mark.parametrize("form", list(QUERIES))
def test_sparqlwrapper_in_its_default_settings(server, form, fmt, method):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # it warns when it asks a SELECT for Turtle, as it should
        result = _wrapper(server, form, fmt, method).query()
        converted = result.convert()
    assert result.response.headers["Content-Type"].split(";")[0] == _expected_type(form, fmt)
    if isinstance(converted, rdflib.Graph):
        assert any(GDP == str(o) for o in converted.objects())
    elif isinstance(converted, dict):  # SPARQL JSON, or JSON-LD read as plain JSON
        text = json.dumps(converted, ensure_ascii=False)
        assert (GDP in text) if form != "ASK" else converted["boolean"] is True
    else:  # an XML DOM, or the bytes of CSV, TSV, Turtle
        text = converted.toxml() if hasattr(converted, "toxml") else converted.decode("utf-8")
        assert GDP in text if form != "ASK" else "true" in text


@pytest.mark.parametrize("fmt", RDFLIB_FORMATS)
def test_rdflib_parses_an_iri_by_url_with_each_format(server, gdp, fmt):
    graph = rdflib.Graph()
    url = server + "/" + gdp[len(BASE):]
    graph.parse(url, format=fmt) if fmt else graph.parse(url)
    assert (rdflib.URIRef(gdp), rdflib.SKOS.prefLabel, rdflib.Literal(GDP, lang="zh")) in graph


def test_pyld_expands_an_iri_by_url(server, gdp):
    jsonld.set_document_loader(jsonld.requests_document_loader(timeout=20))
    expanded = jsonld.expand(server + "/" + gdp[len(BASE):])
    node = next(n for n in expanded if n["@id"] == gdp)
    assert {"@value": GDP, "@language": "zh"} in node["http://www.w3.org/2004/02/skos/core#prefLabel"]


def _comunica(*args: str) -> str:
    if not COMUNICA.exists():
        message = (f"Comunica is not installed at {COMUNICA}: scripts/test installs it "
                   "(npm install --prefix .npm-test).")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([str(COMUNICA), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("form", list(QUERIES))
def test_comunica_queries_the_endpoint(server, form):
    output = _comunica(f"sparql@{server}/sparql", "PREFIX pg: <https://w3id.org/plangraph/def#> "
                       "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + QUERIES[form])
    assert (GDP in output) if form != "ASK" else output.strip() == "true"


def test_comunica_reads_an_iri_as_its_source(server, gdp):
    output = _comunica(server + "/" + gdp[len(BASE):],
                       "SELECT ?name WHERE { ?i <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }")
    assert GDP in output
