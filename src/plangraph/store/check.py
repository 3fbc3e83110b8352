"""Check a built store against the shapes, report graph by report graph, in parallel."""
from __future__ import annotations

import pyoxigraph
from rdflib.namespace import RDF

from ..rdf.graph import new_graph
from ..rdf.vocab import PG
from .build import THINGS_PATH, merge, own_iri, parallel
from .export import union_graph
from .validation import Outcome, validate

_TYPE, _REPORT = pyoxigraph.NamedNode(str(RDF.type)), pyoxigraph.NamedNode(str(PG.Report))


def validate_store(store: pyoxigraph.Store, jobs: int | None = None) -> Outcome:
    """Validate each report's graph with the names of the shared things it names (one process per core), then
    the other graphs but id/graph/things together.

    Checking a report this way is sound (see ``build_piece``) and keeps the cost linear in the reports.
    """
    reports = [g for g in store.named_graphs() if pyoxigraph.Quad(g, _TYPE, _REPORT, g) in store]
    if not reports:  # a file without report graphs (Turtle, N-Triples): check it whole
        return validate(union_graph(store))
    things = next((g for g in store.named_graphs() if g.value.endswith("/" + THINGS_PATH)), None)
    texts = [_with_things(store, g, things) for g in reports]
    outcomes = list(parallel(_validate_ntriples, texts, jobs))
    rest = union_graph(store, exclude={*reports, things})
    if len(rest):
        outcomes.append(validate(rest))
    return merge(outcomes)

def _with_things(store: pyoxigraph.Store, report: pyoxigraph.NamedNode, things) -> bytes:
    """A report's graph as N-Triples, with what id/graph/things says of the shared things it names."""
    own = list(store.quads_for_pattern(None, None, None, report))
    named = {t for q in own for t in (q.subject, q.object)
             if isinstance(t, pyoxigraph.NamedNode) and not own_iri(t.value, report.value)}
    shared = [q for t in sorted(named, key=str) for q in store.quads_for_pattern(t, None, None, things)] \
        if things is not None else []
    return pyoxigraph.serialize([q.triple for q in own + shared], format=pyoxigraph.RdfFormat.N_TRIPLES)

def _validate_ntriples(data: bytes) -> Outcome:
    graph = new_graph()
    graph.parse(data=data, format="nt")
    return validate(graph)
