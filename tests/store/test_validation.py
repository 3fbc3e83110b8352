"""The SHACL gate on the built seed dataset: it conforms, every class it uses has a shape, and the errors
that matter in a report of figures are caught with a message that names the resource."""
import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib import namespace as ns

from plangraph.rdf.ontology import ontology_graph
from plangraph.rdf.vocab import OA, PG
from plangraph.store.export import union_graph
from plangraph.store.validation import shapes_graph, validate

# The classes of the model in COMMON.md that extraction writes (or will): each needs a shape of its own.
MODEL_CLASSES = [PG.Report, PG.Presentation, PG.Meeting, PG.District, PG.Period, PG.Part, PG.Block, PG.Theme,
                 PG.SubTopic, PG.Paragraph, PG.Sentence, PG.Indicator, PG.Figure, PG.Unit, PG.FunctionalArea,
                 PG.Street, PG.Community, PG.WaterBody, PG.Plot, PG.Project, PG.GovernmentBody, PG.Enterprise,
                 PG.School, PG.Hospital, PG.PolicyDocument, ns.SDO.Person, PG.StatusEvent, PG.Quantity, PG.Ranking,
                 PG.Statement, PG.Problem, PG.ThemeConcept, ns.SKOS.Concept]


@pytest.fixture(scope="module")
def seed_graph(seed_store):
    return union_graph(seed_store)


def _targeted() -> set:
    return set(shapes_graph().objects(None, ns.SH.targetClass))


def _superclasses(cls) -> set:
    return set(ontology_graph().transitive_objects(cls, RDFS.subClassOf))


def test_the_seed_dataset_conforms(seed_graph):
    outcome = validate(seed_graph)
    assert outcome.conforms, outcome.text()


def test_every_class_the_seed_uses_has_a_shape(seed_graph):
    used = set(seed_graph.objects(None, RDF.type))
    targeted = _targeted()
    assert {cls for cls in used if not _superclasses(cls) & targeted} == set()


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.split("#")[-1].split("/")[-1])
def test_every_class_of_the_model_has_a_shape(cls):
    assert _superclasses(cls) & _targeted(), f"no shape targets {cls} or a superclass"


@pytest.fixture(scope="module")
def broken(seed_graph):
    """A copy of the seed with three errors: a figure as text, an indicator without label, a span moved by one."""
    graph = seed_graph + ontology_graph() - ontology_graph()  # a copy with the same prefixes
    for prefix, namespace in seed_graph.namespaces():
        graph.bind(prefix, namespace, override=True)
    figure = next(s for s, o in graph.subject_objects(PG.value) if str(o) == "779.43")
    graph.set((figure, PG.value, Literal("779.43", datatype=ns.XSD.string)))
    plain = next(s for s, o in graph.subject_objects(PG.value) if str(o) == "190.59")
    graph.set((plain, PG.value, Literal("190.59")))
    indicator = next(s for s, o in graph.subject_objects(RDFS.label) if str(o) == "地方一般公共预算收入")
    graph.remove((indicator, RDFS.label, None))
    span = graph.value(figure, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    position = next(s for s in graph.objects(span, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in graph)
    for prop in (OA.start, OA.end):
        graph.set((position, prop, Literal(int(graph.value(position, prop)) + 1, datatype=ns.XSD.integer)))
    return {"outcome": validate(graph), "figure": figure, "plain": plain, "indicator": indicator, "span": span,
            "skos": graph.value(indicator, ns.SKOS.prefLabel)}


def test_the_broken_copy_fails(broken):
    assert not broken["outcome"].conforms


@pytest.mark.parametrize("what, message", [
    ("figure", "xsd:decimal"), ("plain", "xsd:decimal"), ("indicator", "Chinese label"),
])
def test_each_error_is_named_with_its_message(broken, what, message):
    named = [v for v in broken["outcome"].violations if v.focus == str(broken[what])]
    assert any(message in v.message for v in named), broken["outcome"].text()


def test_the_moved_span_is_named_with_the_text_it_should_quote(broken):
    text = broken["outcome"].text()
    assert str(broken["span"]) in text
    assert "779.43亿元" in text and "not what the stored report holds" in text


def test_the_report_is_readable(broken):
    text = broken["outcome"].text()
    assert "地区生产总值 · 完成值 · 779.43亿元" in text       # the resource with its label
    assert "property: pg:value" in text
    assert "expected: a literal of datatype xsd:decimal" in text
    assert "found:    779.43" in text
    assert "数值(pg:value)须为一个 xsd:decimal 数字" in text    # the message, in Chinese as well
    assert f"({broken['skos']})" in text                           # an unlabelled resource is named by skos:prefLabel


def test_the_dataset_description_counts_what_it_holds(seed_dataset):
    graph = seed_dataset.graph(URIRef("https://w3id.org/plangraph/id/graph/dataset"))
    dataset = URIRef("https://w3id.org/plangraph/id/dataset")
    void = ns.VOID
    partitions = {graph.value(p, void["class"]): int(graph.value(p, void.entities))
                  for p in graph.objects(dataset, void.classPartition)}
    assert partitions[PG.Indicator] == 7 and partitions[PG.Report] == 1   # 6 bullets + 登记失业率 of the task text
    assert int(graph.value(dataset, void.triples)) > 5000
    assert max(partitions.values()) <= int(graph.value(dataset, void.entities)) <= sum(partitions.values())
    assert graph.value(dataset, void.sparqlEndpoint) is not None and graph.value(dataset, void.dataDump) is not None
    examples = set(graph.objects(dataset, void.exampleResource))
    assert any("/indicator/" in e for e in examples) and any("/figure/" in e for e in examples)


def test_validating_leaves_the_graph_as_it_was(seed_graph):
    before = set(seed_graph)
    assert validate(seed_graph).conforms
    assert set(seed_graph) == before  # the ontology's triples joined it for the check only


def test_a_sparql_check_names_a_blank_node_span_as_the_data_does():
    """The shapes' SPARQL runs in Oxigraph on a copy of the graph: a blank node comes back as itself."""
    from rdflib import BNode, Graph
    span, report = BNode("spanWithoutSelectors"), URIRef("https://example.org/id/report/r")
    graph = Graph()
    graph.add((span, RDF.type, OA.SpecificResource))
    graph.add((span, OA.hasSource, report))
    outcome = validate(graph)
    found = [v for v in outcome.violations if "TextPositionSelector, it has 0" in v.message]
    assert [v.value for v in found] == [str(span)]


def test_rdflib_still_answers_the_sparql_of_graphs_not_being_validated():
    from rdflib import Graph
    graph = Graph()
    graph.add((URIRef("https://example.org/a"), RDFS.label, Literal("甲", lang="zh")))
    rows = list(graph.query("SELECT ?label WHERE { ?s rdfs:label ?label }"))
    assert [str(r[0]) for r in rows] == ["甲"]


def test_a_graph_oxigraph_cannot_copy_gets_the_same_sparql_checks_from_rdflib():
    from rdflib import BNode, Graph
    span = BNode("spanWithoutSelectors")
    graph = Graph()
    graph.add((span, RDF.type, OA.SpecificResource))
    graph.add((span, OA.hasSource, URIRef("report/r")))  # a relative IRI: rdflib keeps it, Oxigraph refuses it
    outcome = validate(graph)
    assert [v.value for v in outcome.violations if "TextPositionSelector, it has 0" in v.message] == [str(span)]
