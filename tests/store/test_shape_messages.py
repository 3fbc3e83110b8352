"""Every shape message a person reads is filled in: no ``{?variable}`` left when a value could not be computed."""
from __future__ import annotations

import pytest
from rdflib import Literal, Namespace
from rdflib.namespace import XSD

from plangraph.rdf.graph import new_graph, report_graph
from plangraph.rdf.iris import Minter
from plangraph.store.validation import validate

OA = Namespace("http://www.w3.org/ns/oa#")


@pytest.fixture(scope="module")
def seed_graph(seed_report):
    minter = Minter()
    iri = minter.report(seed_report.meta.district, seed_report.meta.city, seed_report.meta.period, seed_report.meta.genre)
    return report_graph(seed_report, minter, new_graph(iri))


@pytest.mark.parametrize("broken", ["a start that is a string", "a decimal start"])
def test_a_span_with_broken_offsets_is_named_with_every_value_filled(seed_graph, broken):
    graph = seed_graph + new_graph()
    selector = sorted(graph.subjects(OA.end, None))[1]
    start = int(graph.value(selector, OA.start))
    wrong = {"a start that is a string": (OA.start, Literal(str(start))),
             "a decimal start": (OA.start, Literal(f"{start}.5", datatype=XSD.decimal))}[broken]
    graph.set((selector, *wrong))
    outcome = validate(graph)
    assert not outcome.conforms
    messages = [v.message for v in outcome.violations]
    assert any("quote" in m for m in messages), messages
    assert not any("{?" in m for m in messages), [m for m in messages if "{?" in m]
