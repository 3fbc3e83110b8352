"""The ontology page is generated from the ontology file, has a place for every term, and is served at /def."""
import re

import pytest
from rdflib import Graph

from plangraph.rdf.ontology import ontology_graph
from plangraph.rdf.vocab import PG
from plangraph.web.ontology_doc import ontology_html, term_name, terms


@pytest.fixture(scope="module")
def page() -> str:
    return ontology_html(ontology_graph())


def test_every_term_of_the_ontology_has_its_anchor_and_labels(page):
    anchors = set(re.findall(r'<section class="term" id="([^"]+)"', page))
    assert anchors == {term_name(t) for t in terms(ontology_graph())}
    for term in (PG.Figure, PG.ShareOfTarget, PG.value, PG.figureStructure):
        section = page.split(f'id="{term_name(term)}"', 1)[1].split("</section>", 1)[0]
        assert "</code>" in section and section.count("<dt>") >= 1


def test_the_page_shows_labels_comments_domains_and_ranges(page):
    figure = page.split('id="Figure"', 1)[1].split("</section>", 1)[0]
    assert "指标数值" in figure and "indicator figure" in figure
    assert 'href="http://purl.org/linked-data/cube#Observation"' in figure
    value = page.split('id="value"', 1)[1].split("</section>", 1)[0]
    assert '<a href="#Figure"><code>pg:Figure</code></a> or <a href="#Quantity">' in value   # a union domain
    assert "xsd:decimal" in value


def test_the_page_shows_examples_from_the_data():
    html = ontology_html(ontology_graph(), {PG.Indicator: [("/id/indicator/x", "地区生产总值")]})
    indicator = html.split('id="Indicator"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/id/indicator/x">地区生产总值</a>' in indicator


def test_def_serves_the_page_with_examples_and_its_turtle_twin(client):
    response = client.get("/def", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert 'rel="alternate"' in response.headers["Link"] and "Accept" in response.headers["Vary"]
    html = response.get_data(as_text=True)
    assert 'id="Figure"' in html and "地区生产总值" in html   # an indicator of the seed as an example
    assert 'href="/id/indicator/' in html                    # examples link to where this server answers them


@pytest.mark.parametrize("accept, mimetype", [
    ("text/turtle", "text/turtle"), ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"), ("*/*", "text/html"),
])
def test_def_negotiates(client, accept, mimetype):
    response = client.get("/def", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == mimetype


def test_def_ttl_is_the_ontology(client):
    response = client.get("/def.ttl")
    assert response.mimetype == "text/turtle"
    served = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert len(served) == len(ontology_graph())
