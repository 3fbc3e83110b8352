"""A store that answers from an external SPARQL endpoint, so the pages and /sparql can front a bigger store.

``RemoteStore.query`` takes the arguments of ``pyoxigraph.Store.query`` and returns pyoxigraph's result objects
(QuerySolutions, QueryBoolean, QueryTriples), so the web app cannot tell it from the embedded store. It only
ever sends queries through the SPARQL 1.1 Protocol's query operation (``POST`` with ``application/sparql-query``),
which a conforming endpoint never runs as an update; the endpoint layer refuses updates and SERVICE before.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph
from pyoxigraph import QueryResultsFormat, RdfFormat

from ..errors import QueryError, RemoteError

# What a SPARQL endpoint may answer, best first, and how each is read.
ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
          "application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5")
RESULT_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "text/turtle": RdfFormat.TURTLE,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
# Oxigraph's name for "the default graph is the union of all graphs"; other stores set this in their config.
OXIGRAPH_UNION = "union-default-graph"


class RemoteStore:
    """A read-only view of a SPARQL endpoint that answers ``query`` like ``pyoxigraph.Store.query``."""

    def __init__(self, url: str, timeout: float = 60.0, union_parameter: str | None = OXIGRAPH_UNION):
        if not url.startswith(("http://", "https://")):
            raise RemoteError(f'"{url}" is not a SPARQL endpoint URL: expected http://… or https://…')
        self.url, self.timeout, self.union_parameter = url, timeout, union_parameter

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def query(self, query: str, *, base_iri: str | None = None, prefixes: dict | None = None,
              use_default_graph_as_union: bool = False, default_graph=None, named_graphs=None):
        """Send ``query`` to the endpoint and return its results as pyoxigraph objects."""
        text = _prologue(base_iri, prefixes) + query
        params = _dataset_params(default_graph, named_graphs)
        if use_default_graph_as_union and default_graph is None and self.union_parameter:
            params.append((self.union_parameter, "true"))
        body, media_type = self._post(text, params)
        return _results(body, media_type)

    def _post(self, text: str, params: list[tuple[str, str]]) -> tuple[bytes, str]:
        url = self.url + (("&" if "?" in self.url else "?") + urllib.parse.urlencode(params) if params else "")
        request = urllib.request.Request(url, data=text.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            message = error.read(2000).decode("utf-8", "replace").strip() or error.reason
            if error.code == 400:
                raise QueryError(f"The endpoint {self.url} refused the query: {message}") from None
            raise RemoteError(f"The SPARQL endpoint {self.url} answered {error.code}: {message}") from None
        except (urllib.error.URLError, OSError) as error:
            raise RemoteError(f"Cannot reach the SPARQL endpoint {self.url}: {getattr(error, 'reason', error)}. "
                              "Check the URL and that the store is running.") from None


def _prologue(base_iri: str | None, prefixes: dict | None) -> str:
    # Declared before the query's own prologue, so the query's declarations win, as with pyoxigraph's prefixes=.
    lines = [f"BASE <{base_iri}>"] if base_iri else []
    lines += [f"PREFIX {name}: <{iri}>" for name, iri in (prefixes or {}).items()]
    return "\n".join(lines) + "\n" if lines else ""


def _dataset_params(default_graph, named_graphs) -> list[tuple[str, str]]:
    params = [("default-graph-uri", g.value) for g in _graphs(default_graph)]
    return params + [("named-graph-uri", g.value) for g in _graphs(named_graphs)]


def _graphs(value) -> list:
    items = [] if value is None else value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        if not isinstance(item, pyoxigraph.NamedNode):
            raise QueryError(f"A remote query can only name graphs by IRI, not {item!r}.")
    return list(items)


def _results(body: bytes, media_type: str):
    if media_type in RESULT_TYPES:
        return pyoxigraph.parse_query_results(body, format=RESULT_TYPES[media_type])
    if media_type in GRAPH_TYPES:
        return _as_query_triples(pyoxigraph.parse(body, format=GRAPH_TYPES[media_type]))
    raise RemoteError(f'The SPARQL endpoint answered with "{media_type}", which is not a SPARQL result format.')


def _as_query_triples(triples) -> pyoxigraph.QueryTriples:
    # pyoxigraph makes QueryTriples only from a query, so the answer is held in a scratch store and read back.
    scratch = pyoxigraph.Store()
    scratch.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
