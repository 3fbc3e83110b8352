"""Every shape message a person reads is filled in: no ``{?variable}`` left when a value could not be computed."""
from __future__ import annotations

from rdflib import Literal, Namespace
from rdflib.namespace import XSD

from plangraph.rdf.graph import new_graph, report_graph
from plangraph.rdf.iris import Minter
from plangraph.store.validation import validate

OA = Namespace("http://www.w3.org/ns/oa#")


def test_a_span_ending_before_it_starts_is_named_with_every_value_filled(seed_report):
    minter = Minter()
    iri = minter.report(seed_report.meta.district, seed_report.meta.city, seed_report.meta.period)
    graph = report_graph(seed_report, minter, new_graph(iri))
    selector = sorted(graph.subjects(OA.end, None))[0]
    start = int(graph.value(selector, OA.start))
    graph.set((selector, OA.end, Literal(max(0, start - 1), datatype=XSD.integer)))
    outcome = validate(graph)
    assert not outcome.conforms
    messages = [v.message for v in outcome.violations]
    assert any("quote" in m for m in messages), messages
    assert not any("{?" in m for m in messages), [m for m in messages if "{?" in m]
