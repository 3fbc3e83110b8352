"""The endpoint's HTTP: format negotiation, the service description, CORS, Vary, gzip, ETag and 304."""
import csv
import gzip
import io

import pytest
from rdflib import Graph, URIRef

INDICATORS = "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } ORDER BY ?name"
GRAPH = "CONSTRUCT { ?i skos:prefLabel ?name } WHERE { ?i a pg:Indicator ; skos:prefLabel ?name }"
SD = "http://www.w3.org/ns/sparql-service-description#"

SELECT_BY_ACCEPT = [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+xml"),
]
GRAPH_BY_ACCEPT = [
    (None, "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/n-quads", "application/n-quads"),
    ("application/trig", "application/trig"),
    ("text/turtle;q=0.2, application/ld+json;q=0.8", "application/ld+json"),
]
BY_FORMAT = [("json", INDICATORS, "application/sparql-results+json"), ("xml", INDICATORS, "application/sparql-results+xml"),
             ("csv", INDICATORS, "text/csv"), ("tsv", INDICATORS, "text/tab-separated-values"),
             ("turtle", GRAPH, "text/turtle"), ("jsonld", GRAPH, "application/ld+json"),
             ("ntriples", GRAPH, "application/n-triples"), ("rdfxml", GRAPH, "application/rdf+xml"),
             ("text/csv", INDICATORS, "text/csv")]


def _get(client, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return client.get("/sparql", query_string={"query": query, **params}, headers=headers)


@pytest.mark.parametrize("accept, media_type", SELECT_BY_ACCEPT)
def test_select_results_follow_accept(client, accept, media_type):
    response = _get(client, INDICATORS, accept)
    assert response.status_code == 200 and response.mimetype == media_type
    assert "地区生产总值" in response.get_data(as_text=True)


@pytest.mark.parametrize("accept, media_type", GRAPH_BY_ACCEPT)
def test_graph_results_follow_accept(client, accept, media_type):
    response = _get(client, GRAPH, accept)
    assert response.status_code == 200 and response.mimetype == media_type
    assert "地区生产总值" in response.get_data(as_text=True)


@pytest.mark.parametrize("name, query, media_type", BY_FORMAT)
def test_format_parameter_overrides_accept(client, name, query, media_type):
    response = _get(client, query, "application/sparql-results+json", format=name)
    assert response.status_code == 200 and response.mimetype == media_type


def test_turtle_results_parse_back_to_the_same_labels(client):
    graph = Graph().parse(data=_get(client, GRAPH).get_data(as_text=True), format="turtle")
    assert len(graph) == 7   # the six bullets and 登记失业率, stated in task text


def test_nothing_acceptable_is_a_406_and_a_wrong_kind_too(client):
    assert _get(client, INDICATORS, "image/png").status_code == 406
    assert _get(client, INDICATORS, "text/turtle").status_code == 406
    assert _get(client, GRAPH, "text/csv").status_code == 406
    assert _get(client, INDICATORS, format="png").status_code == 400


def test_a_malformed_query_is_a_400_with_the_parser_message_and_position(client):
    response = _get(client, "SELECT ?x WHERE { ?x ?y }")
    assert response.status_code == 400
    assert "does not parse" in response.get_data(as_text=True) and "1:" in response.get_data(as_text=True)


def test_post_form_with_a_non_utf8_escape_is_a_400(client):
    response = client.post("/sparql", data=b"query=ASK%20%7B%7D%FF", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "UTF-8" in response.get_data(as_text=True)


def test_service_description_for_non_browsers(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    # the service the dataset names (issue 16), reached at the URL asked
    service, endpoint = URIRef("https://w3id.org/plangraph/sparql"), URIRef("http://localhost/sparql")
    assert (service, URIRef(SD + "endpoint"), endpoint) in graph
    formats = {str(o) for o in graph.objects(service, URIRef(SD + "resultFormat"))}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_JSON" in formats and "http://www.w3.org/ns/formats/Turtle" in formats
    assert any(graph.triples((None, URIRef(SD + "namedGraph"), None)))
    assert any(graph.triples((None, URIRef("http://rdfs.org/ns/void#sparqlEndpoint"), service)))
    jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert jsonld.mimetype == "application/ld+json" and len(Graph().parse(data=jsonld.get_data(as_text=True),
                                                                         format="json-ld")) == len(graph)


def test_a_browser_goes_to_the_query_page_when_the_app_has_one(app, client):
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    page = client.get("/sparql", headers=browser)  # the pages blueprint's query page
    assert page.mimetype == "text/html" and "yasgui" in page.get_data(as_text=True).lower()
    app.config["PLANGRAPH_QUERY_PAGE"] = lambda: "<!doctype html><title>query</title>"
    try:
        response = client.get("/sparql", headers=browser)
        assert response.mimetype == "text/html" and "<title>query" in response.get_data(as_text=True)
        assert client.get("/sparql", headers={"Accept": "text/turtle"}).mimetype == "text/turtle"
    finally:
        del app.config["PLANGRAPH_QUERY_PAGE"]


def test_cors_and_vary_on_answers_errors_and_preflight(client):
    for response in (_get(client, INDICATORS), _get(client, "SELEKT"),
                     client.open("/sparql", method="OPTIONS", headers={"Origin": "https://yasgui.example",
                                                                        "Access-Control-Request-Method": "POST"})):
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert {"Accept", "Origin"} <= set(response.vary)
    preflight = client.open("/sparql", method="OPTIONS")
    assert preflight.status_code == 204 and "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_large_answers_are_gzipped_when_the_client_accepts_it(client):
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 500"
    plain = _get(client, query)
    zipped = client.get("/sparql", query_string={"query": query}, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped.vary
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert zipped.headers["ETag"] not in (None, plain.headers["ETag"])  # another encoding, another tag
    again = client.get("/sparql", query_string={"query": query},
                       headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304
    assert "Content-Encoding" not in _get(client, "ASK {}").headers


def test_etag_and_304_on_the_immutable_dataset(client):
    first = _get(client, INDICATORS)
    etag = first.headers["ETag"]
    again = client.get("/sparql", query_string={"query": INDICATORS}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["ETag"] == etag and not again.get_data()
    other = _get(client, INDICATORS, "text/csv")
    assert other.headers["ETag"] != etag


def test_rows_beyond_the_cap_are_cut_and_flagged(app, client):
    query = "SELECT * WHERE { ?s ?p ?o }"
    app.config["PLANGRAPH_MAX_ROWS"] = 7
    try:
        response = _get(client, query)
        csv_response = _get(client, query, "text/csv")
    finally:
        app.config["PLANGRAPH_MAX_ROWS"] = 10000
    body = response.get_json()
    assert len(body["results"]["bindings"]) == 7 and body["truncated"] is True
    assert response.headers["Plangraph-Truncated"] == "max-rows=7"
    assert len(list(csv.reader(io.StringIO(csv_response.get_data(as_text=True))))) == 8  # a value may hold a newline
    assert "Plangraph-Truncated" not in _get(client, INDICATORS).headers


def test_a_request_body_over_the_limit_is_a_413(app, client):
    app.config["PLANGRAPH_MAX_REQUEST_BYTES"] = 100
    try:
        response = client.post("/sparql", data="ASK {}" + " " * 200, content_type="application/sparql-query")
    finally:
        app.config["PLANGRAPH_MAX_REQUEST_BYTES"] = 1_000_000
    assert response.status_code == 413


class Remote:
    """Stands in for an external store: only ``query(sparql, **kwargs)``, returning pyoxigraph results."""

    def __init__(self, store):
        self.store, self.calls = store, 0

    def query(self, sparql, **kwargs):
        self.calls += 1
        return self.store.query(sparql, **kwargs)


def test_a_store_with_only_a_query_method_is_served_inline_and_never_cached(seed_store):
    from plangraph.web import create_app
    remote = Remote(seed_store)
    client = create_app({"PLANGRAPH_STORE": remote, "TESTING": True}).test_client()
    for _ in range(2):
        response = _get(client, INDICATORS)
        assert response.status_code == 200 and "地区生产总值" in response.get_data(as_text=True)
        assert "ETag" not in response.headers
    assert remote.calls == 2
    assert client.get("/sparql", headers={"Accept": "text/turtle"}).status_code == 200


def test_head_and_post_form_with_format(client):
    head = client.head("/sparql", query_string={"query": INDICATORS})
    assert head.status_code == 200 and head.mimetype == "application/sparql-results+json"
    form = client.post("/sparql", data={"query": INDICATORS, "format": "csv"})
    assert form.mimetype == "text/csv" and form.get_data(as_text=True).startswith("name\r\n")


def test_a_repeated_get_is_answered_in_front_of_flask_with_the_same_bytes(app, client, monkeypatch):
    query = "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name } LIMIT 3"
    first = _get(client, query, "text/csv")
    monkeypatch.setattr(app.extensions["plangraph.sparql"], "answer", lambda *a: pytest.fail("not from memory"))
    again = _get(client, query, "text/csv")
    assert again.status_code == 200 and again.get_data() == first.get_data()
    assert again.headers["ETag"] == first.headers["ETag"] and again.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/csv",
                      "If-None-Match": first.headers["ETag"]}).status_code == 304


# Requests the lean path answers in front of Flask: each must get what Flask's own view gives, byte for byte.
LEAN_REQUESTS = {
    "GET, JSON": ("GET", {"query": INDICATORS}, None, {}),
    "GET, Turtle, gzip": ("GET", {"query": GRAPH}, None, {"Accept": "text/turtle", "Accept-Encoding": "gzip"}),
    "GET, format=csv": ("GET", {"query": INDICATORS + " LIMIT 2", "format": "csv"}, None, {}),
    "HEAD": ("HEAD", {"query": INDICATORS}, None, {}),
    "POST form": ("POST", {}, "query=" + INDICATORS.replace(" ", "+"),
                  {"Content-Type": "application/x-www-form-urlencoded"}),
    "POST query": ("POST", {}, "ASK { ?s a pg:Indicator }", {"Content-Type": "application/sparql-query"}),
    "does not parse": ("GET", {"query": "SELECT 指标 WHERE"}, None, {}),
    "nothing acceptable": ("GET", {"query": INDICATORS}, None, {"Accept": "image/png"}),
    "an update": ("POST", {}, "INSERT DATA { <a:b> <a:c> <a:d> }", {"Content-Type": "application/sparql-update"}),
    "another body type": ("POST", {}, "query", {"Content-Type": "text/plain"}),
}


@pytest.mark.parametrize("name", LEAN_REQUESTS)
def test_the_lean_path_answers_as_flask_does(app, name):
    from werkzeug.test import Client
    from plangraph.web.leanpath import LeanPath
    method, params, body, headers = LEAN_REQUESTS[name]
    lean = app.wsgi_app.app
    assert isinstance(lean, LeanPath)
    answers = [Client(wsgi).open("/sparql", method=method, query_string=params, data=body, headers=headers)
               for wsgi in (lean, lean.app)]  # the lean path, then Flask alone
    assert answers[0].status == answers[1].status and answers[0].get_data() == answers[1].get_data()
    assert sorted(answers[0].headers.items()) == sorted(answers[1].headers.items())


def test_a_query_request_does_not_reach_flask(app, client, monkeypatch):
    monkeypatch.setattr(app.wsgi_app.app, "app", lambda *a: pytest.fail("reached Flask"))
    answer = client.get("/sparql", query_string={"query": INDICATORS + " LIMIT 1", "format": "tsv"})
    assert answer.status_code == 200 and answer.get_data(as_text=True).startswith("?name\n")
