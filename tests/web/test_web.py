"""The SPARQL endpoint through Flask's test client, and `plangraph serve` as a real process."""
import json
import urllib.parse
import urllib.request

import pytest
from servers import plangraph_serve

ASK = "ASK {}"
INDICATORS = "SELECT ?name WHERE { ?i a pg:Indicator ; skos:prefLabel ?name }"


def test_get_query_answers_sparql_json(client):
    response = client.get("/sparql", query_string={"query": INDICATORS})
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    names = {b["name"]["value"] for b in response.get_json()["results"]["bindings"]}
    assert "地区生产总值" in names and len(names) == 7   # the six bullets and 登记失业率 of the task text


def test_post_form_and_sparql_query_body(client):
    form = client.post("/sparql", data={"query": ASK})
    body = client.post("/sparql", data=ASK.encode("utf-8"), content_type="application/sparql-query")
    assert form.get_json() == body.get_json() == {"head": {}, "boolean": True}


def test_malformed_query_is_a_400(client):
    response = client.get("/sparql", query_string={"query": "SELEKT"})
    assert response.status_code == 400


@pytest.fixture()
def served(project, tmp_path):
    """`plangraph serve FILE --port P` in a process of its own, on the seed dataset."""
    from plangraph.api import build
    data = tmp_path / "seed.trig"
    build(output=data)
    with plangraph_serve(str(data)) as url:
        yield url


def test_serve_answers_ask_over_http(served):
    url = f"{served}/sparql?" + urllib.parse.urlencode({"query": ASK})
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        assert json.load(response)["boolean"] is True
