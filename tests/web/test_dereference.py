"""Every IRI of the dataset and of the service description resolves, and every way of asking gives the same data.

The walk takes each IRI under BASE that the seed's data or the service description names (graph names
included, fragments dropped) and dereferences it by its path on this server.
"""
from __future__ import annotations

import pyoxigraph
import pytest
from conftest import SEED, TEST_REPORTS
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, VOID

from plangraph.store.build import build_store
from plangraph.store.originals import keep
from plangraph.web import create_app

BASE = "https://w3id.org/plangraph/"
SD = "http://www.w3.org/ns/sparql-service-description#"
SUFFIXES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
            ".rdf": "application/rdf+xml"}
RDFLIB = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
          "application/rdf+xml": "xml"}


def _ours(term) -> str | None:
    if isinstance(term, (pyoxigraph.NamedNode, URIRef)):
        iri = str(term.value if isinstance(term, pyoxigraph.NamedNode) else term).partition("#")[0]
        return iri if iri.startswith(BASE) else None
    return None


def _description(client) -> Graph:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    return Graph().parse(data=response.get_data(as_text=True), format="turtle")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Three reports whose indicator names differ, so that the graph id/graph/indicator-map exists too.

    Built in memory, so their originals are kept where a build keeps them (``store/originals.py``), in a folder
    the app is told of: the store alone does not say where they are.
    """
    reports = [SEED, TEST_REPORTS / "jianghan-2021-h1.txt", TEST_REPORTS / "yuhang-2023-h1.txt"]
    built, originals = build_store(reports, check=False), tmp_path_factory.mktemp("originals")
    keep(built.originals, originals)
    return built.store, originals


def test_every_iri_of_the_data_and_the_service_description_resolves(corpus):
    corpus_store, originals = corpus
    client = create_app({"PLANGRAPH_STORE": corpus_store, "PLANGRAPH_ORIGINALS": [str(originals)],
                         "TESTING": True, "PLANGRAPH_WORKERS": 0}).test_client()
    iris = {_ours(t) for q in corpus_store for t in (q.subject, q.predicate, q.object, q.graph_name)}
    iris |= {_ours(t) for triple in _description(client) for t in triple}
    iris.discard(None)
    assert {BASE + "id/graph/things", BASE + "id/graph/dataset", BASE + "id/graph/indicator-map"} <= iris
    failed = {}
    for iri in sorted(iris):
        response = client.get("/" + iri[len(BASE):], headers={"Accept": "text/turtle"})
        if response.status_code != 200:
            failed[iri] = response.status_code
    assert not failed, f"{len(failed)} of {len(iris)} IRIs do not resolve: {sorted(failed.items())[:10]}"


@pytest.mark.parametrize("path", ["id/graph/things", "id/graph/dataset"])
def test_a_graph_name_says_what_the_graph_is(client, path):
    response = client.get("/" + path, headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    counts = list(graph.objects(URIRef(BASE + path), VOID.triples))
    assert len(counts) == 1 and int(counts[0]) > 0
    assert client.get("/" + path, headers={"Accept": "text/html"}).status_code == 200


@pytest.mark.parametrize("path", ["def", "id/dataset", "id/graph/things"])
@pytest.mark.parametrize("suffix, media_type", list(SUFFIXES.items()))
def test_a_suffix_gives_what_the_matching_accept_gives(client, path, suffix, media_type):
    by_suffix = client.get(f"/{path}{suffix}")
    by_accept = client.get(f"/{path}", headers={"Accept": media_type})
    assert by_suffix.status_code == by_accept.status_code == 200
    assert by_suffix.mimetype == by_accept.mimetype == media_type
    one = Graph().parse(data=by_suffix.get_data(as_text=True), format=RDFLIB[media_type])
    other = Graph().parse(data=by_accept.get_data(as_text=True), format=RDFLIB[media_type])
    assert len(one) == len(other) >= 5


def test_rdflib_asking_for_ntriples_gets_ntriples(client):
    response = client.get("/id/dataset", headers={"Accept": "text/plain, */*;q=0.1"})
    assert response.status_code == 200 and response.mimetype == "application/n-triples"
    response = client.get("/def", headers={"Accept": "text/plain, */*;q=0.1"})
    assert response.status_code == 200 and response.mimetype == "application/n-triples"


def test_well_known_void_leads_to_the_dataset_description(client):
    response = client.get("/.well-known/void", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert (URIRef(BASE + "id/dataset"), RDF.type, VOID.Dataset) in graph


def test_the_void_triple_count_is_the_service_descriptions(seed_store, client):
    void = int(next(iter(seed_store.query(
        f"SELECT ?n WHERE {{ <{BASE}id/dataset> <{VOID}triples> ?n }}", use_default_graph_as_union=True)))
        ["n"].value)
    described = [int(n) for n in _description(client).objects(None, VOID.triples)
                 if isinstance(n, Literal)]
    assert void == len(seed_store) and void in described


def test_the_service_description_names_the_datasets_own_endpoint(client):
    graph = _description(client)
    service = URIRef(BASE + "sparql")
    assert (service, RDF.type, URIRef(SD + "Service")) in graph
    assert (service, URIRef(SD + "endpoint"), URIRef("http://localhost/sparql")) in graph
    assert (URIRef(BASE + "id/dataset"), VOID.sparqlEndpoint, service) in graph


def test_406_names_the_formats_offered(client):
    page = client.get("/id/dataset", headers={"Accept": "image/png"})
    assert page.status_code == 406
    assert all(t in page.get_data(as_text=True) for t in ("text/html", "text/turtle", "application/ld+json"))
    described = client.get("/sparql", headers={"Accept": "image/png"})
    assert described.status_code == 406
    assert all(t in described.get_data(as_text=True) for t in ("text/turtle", "application/n-triples",
                                                               "application/rdf+xml"))


def test_a_json_ld_answer_names_one_alternate_for_json_ld_loaders(client):
    response = client.get("/id/dataset", headers={"Accept": "application/ld+json, application/json"})
    from pyld.jsonld import parse_link_header
    alternate = parse_link_header(response.headers["Link"]).get("alternate")
    assert isinstance(alternate, dict) and alternate["type"] == "text/html"
    page = client.get("/id/dataset", headers={"Accept": "text/html"})
    assert page.headers["Link"].count('rel="alternate"') >= 4  # a page names every data twin
