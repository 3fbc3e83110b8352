"""The keyword guard: SERVICE is found wherever the parser would see it, and nowhere else."""
import pytest

from plangraph.errors import QueryRefused
from plangraph.web.guard import check, keywords

REFUSED = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://127.0.0.1:9/> } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SeRvIcE <http://x/> { ?s ?p ?o } } } }",
    "SELECT * WHERE {SERVICE<http://x/>{?s ?p ?o}}",
    "# a comment\nSELECT * WHERE { \"x\" . SERVICE <http://x/> {} }",
    r"SELECT * WHERE { \u0053ERVICE <http://x/> { ?s ?p ?o } }",   # escapes are undone before tokenizing
    "ASK { FILTER(?a < ?b) SERVICE <http://x/> {} }",
]
ALLOWED = [
    "SELECT * WHERE { ?s ?p \"SERVICE <http://x/> {}\" }",
    "SELECT * WHERE { ?s ?p '''multi\nline SERVICE'''  }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT ?SERVICE WHERE { ?SERVICE ?p $service }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:SERVICE ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> {}",
    "SELECT * WHERE { ?s ?p \"服务\"@service }",
    "SELECT * WHERE { ?s ?p _:SERVICE }",
]


@pytest.mark.parametrize("query", REFUSED)
def test_service_is_refused(query):
    with pytest.raises(QueryRefused, match="SERVICE") as error:
        check(query, 10_000)
    assert error.value.status == 400


@pytest.mark.parametrize("query", ALLOWED)
def test_service_inside_strings_iris_names_and_comments_is_not_a_keyword(query):
    assert "SERVICE" not in check(query, 10_000).keywords


def test_from_is_noticed_only_as_a_keyword():
    assert check("SELECT * FROM <http://x/> WHERE { ?s ?p ?o }", 1000).has_dataset_clause
    assert not check('SELECT * WHERE { ?s ?p "FROM" }', 1000).has_dataset_clause


def test_a_query_longer_than_the_limit_is_a_413():
    with pytest.raises(QueryRefused) as error:
        check("ASK {}" + " " * 100, 50)
    assert error.value.status == 413 and "at most 50" in str(error.value)


def test_keywords_reads_chinese_literals_without_tripping():
    assert keywords('SELECT ?s WHERE { ?s rdfs:label "地区生产总值"@zh }') == ("SELECT", "WHERE")
