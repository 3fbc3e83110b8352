"""No query makes plangraph send a request: SERVICE is refused on the engine's own parse, whatever its spelling."""
import time

import pytest
from abuse import Listener

from plangraph.errors import QueryRefused
from plangraph.store.query import refuse_service, run_query

SPELLINGS = [
    "SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{u}> {{ ?s ?p ?o }} }}",
    "PREFIX ex: <http://x/> SELECT * WHERE {{ BIND(ex:a\\# AS ?v) SERVICE <{u}> {{ ?s ?p ?o }} }}",
    'SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE <{u}> {{ ?s ?p ?o }} }} # """',
    "SELECT * WHERE {{ FILTER(\"\\u0022\") SERVICE <{u}> {{ }} }} # \"\"\")}}",
    "SELECT * WHERE {{ ?s ?p 1SERVICE<{u}>{{}} }}",
    "PREFIX : <{u}> SELECT * WHERE {{ SERVICE:x{{ ?s ?p ?o }} }}",
    "ASK {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ OPTIONAL {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
]


@pytest.fixture()
def listener():
    listening = Listener()
    yield listening
    listening.close()


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_service_is_refused_and_nothing_is_sent(seed_store, listener, spelling):
    with pytest.raises(QueryRefused, match="SERVICE"):
        run_query(seed_store, spelling.format(u=listener.url))
    time.sleep(0.2)
    assert listener.hits == []


@pytest.mark.parametrize("query", [
    'ASK { ?s ?p "service" }',
    "SELECT ?s WHERE { ?s a dcat:DataService ; dcat:accessService ?x }",
    "SELECT ?s WHERE { ?s ?p <http://example.org/Service> } # SERVICE <http://127.0.0.1:9/> {}",
    'SELECT ?s WHERE { ?s ?p "\\u0053ERVICE" }',
])
def test_the_word_service_elsewhere_is_not_a_call(seed_store, query):
    run_query(seed_store, query)


def test_a_query_that_does_not_parse_says_so(seed_store):
    with pytest.raises(QueryRefused, match="does not parse"):
        run_query(seed_store, "SELECT * WHERE { ?s ?p ?o . FILTER(?o = 'service' }")


def test_service_runs_only_when_allowed(seed_store, listener):
    query = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
    list(run_query(seed_store, query, allow_service=True))
    time.sleep(0.2)
    assert listener.hits  # the engine did call out: the refusal above is what stops it


# Parsed, never run: the engine's own reading decides, with no listener needed.
CALLS = [
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://127.0.0.1:9/> } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SeRvIcE <http://x/> { ?s ?p ?o } } } }",
    "SELECT * WHERE {SERVICE<http://x/>{?s ?p ?o}}",
    '# a comment\nSELECT * WHERE { ?s ?p "x" . SERVICE <http://x/> {} }',
    "ASK { FILTER(?a < ?b) SERVICE <http://x/> {} }",
    "BASE <http://127.0.0.1:9/> SELECT * WHERE { SERVICE <x> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p true SERVICE <http://x/> {} }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <http://x/> { } } }",
]
NOT_CALLS = [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" }',
    "SELECT * WHERE { ?s ?p '''multi\nline SERVICE'''  }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT ?SERVICE WHERE { ?SERVICE ?p $service }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:SERVICE ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> {}",
    'SELECT * WHERE { ?s ?p "服务"@service }',
    "SELECT * WHERE { ?s ?p _:SERVICE }",
    'SELECT * WHERE { ?s ?p "\\u0073ervice" }',
]


@pytest.mark.parametrize("query", CALLS)
def test_every_call_is_read_as_one(query):
    with pytest.raises(QueryRefused, match="calls SERVICE") as error:
        refuse_service(query)
    assert error.value.status == 400


@pytest.mark.parametrize("query", NOT_CALLS)
def test_service_inside_strings_iris_names_tags_and_comments_is_no_call(query):
    refuse_service(query)


def test_an_escaped_keyword_is_no_keyword_and_no_query():
    with pytest.raises(QueryRefused, match="does not parse"):
        refuse_service("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
