"""RemoteStore: the pages and /sparql in front of a real external SPARQL endpoint (oxigraph serve)."""
import pyoxigraph
import pytest
from oxigraph_server import running_oxigraph

from plangraph.errors import QueryError, RemoteError
from plangraph.store.publish import Retry, publish
from plangraph.store.query import run_query
from plangraph.store.remote import RemoteStore
from plangraph.web import create_app

GDP = ('SELECT ?value WHERE { ?f pg:indicator/skos:prefLabel "地区生产总值"@zh ; pg:role pg:ResultLevel ; '
       'pg:value ?value }')


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, seed_store):
    with running_oxigraph(tmp_path_factory.mktemp("oxigraph")) as url:
        publish(seed_store, f"{url}/store", Retry(attempts=2, pause=0.01))
        yield f"{url}/query"


def test_select_answers_as_the_embedded_store_does(endpoint, seed_store):
    remote = run_query(RemoteStore(endpoint), GDP)
    assert isinstance(remote, pyoxigraph.QuerySolutions)
    assert [s["value"] for s in remote] == [s["value"] for s in run_query(seed_store, GDP)]


def test_ask_and_construct_come_back_as_pyoxigraph_results(endpoint):
    store = RemoteStore(endpoint)
    assert isinstance(run_query(store, "ASK { ?r a pg:Report }"), pyoxigraph.QueryBoolean)
    triples = run_query(store, "CONSTRUCT { ?r a pg:Report } WHERE { ?r a pg:Report }")
    assert isinstance(triples, pyoxigraph.QueryTriples)
    assert len(list(triples)) == 1


def test_without_the_union_only_named_graphs_answer(endpoint):
    store = RemoteStore(endpoint)
    assert not bool(store.query("ASK { ?s ?p ?o }"))  # the published data is all in named graphs
    assert bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } }"))


def test_default_and_named_graphs_are_sent_as_protocol_parameters(endpoint):
    store = RemoteStore(endpoint)
    graph = next(iter(store.query("SELECT ?g WHERE { GRAPH ?g { ?r a <https://w3id.org/plangraph/def#Report> } }")))["g"]
    assert bool(store.query("ASK { ?r a <https://w3id.org/plangraph/def#Report> }", default_graph=[graph]))
    description = pyoxigraph.NamedNode("https://w3id.org/plangraph/id/graph/dataset")
    ask = "ASK { GRAPH ?g { ?r a <https://w3id.org/plangraph/def#Report> } }"
    assert not bool(store.query(ask, named_graphs=[description]))  # only the description graph is visible


def test_an_update_is_never_run(endpoint):
    store = RemoteStore(endpoint)
    with pytest.raises(QueryError, match="refused the query"):
        store.query('INSERT DATA { <urn:x> <urn:p> "1" }')
    assert not bool(store.query("ASK { <urn:x> ?p ?o }", use_default_graph_as_union=True))


def test_a_bad_query_is_the_users_error(endpoint):
    with pytest.raises(QueryError):
        RemoteStore(endpoint).query("SELECT WHERE")


def test_an_unreachable_endpoint_names_the_fix():
    with pytest.raises(RemoteError, match="Cannot reach the SPARQL endpoint"):
        RemoteStore("http://127.0.0.1:9/query", timeout=2).query("ASK {}")
    with pytest.raises(RemoteError, match="not a SPARQL endpoint URL"):
        RemoteStore("ftp://example.org/sparql")


def test_the_web_app_serves_an_external_endpoint(endpoint):
    app = create_app({"PLANGRAPH_SPARQL_URL": endpoint, "TESTING": True})
    response = app.test_client().get("/sparql", query_string={"query": GDP})
    assert response.status_code == 200
    assert [b["value"]["value"] for b in response.get_json()["results"]["bindings"]] == ["779.43"]
