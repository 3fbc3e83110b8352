"""The ontology is labelled, commented, anchored in the standard vocabularies, and its Data Cube structure is sound."""
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, QB, RDF, RDFS

from plangraph.rdf.ontology import ontology_graph
from plangraph.rdf.vocab import ONTOLOGY_IRI, PG

NS = str(PG._NS)


def _terms(graph: Graph) -> list[URIRef]:
    return sorted({s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)})


def _classes(graph: Graph) -> list[URIRef]:
    return [t for t in _terms(graph) if (t, RDF.type, OWL.Class) in graph]


def test_the_ontology_has_its_metadata():
    g, onto = ontology_graph(), URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in g
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {lit.language for lit in g.objects(onto, prop)} >= {"zh", "en"}, prop
    for prop in (OWL.versionInfo, OWL.versionIRI, DCTERMS.license, DCTERMS.creator):
        assert g.value(onto, prop) is not None, prop


@pytest.mark.parametrize("term", _terms(ontology_graph()), ids=lambda t: t[len(NS):])
def test_every_term_is_labelled_in_zh_and_en_and_commented(term):
    g = ontology_graph()
    languages = {lit.language for lit in g.objects(term, RDFS.label) if isinstance(lit, Literal)}
    assert {"zh", "en"} <= languages, f"{term} needs rdfs:label @zh and @en"
    assert g.value(term, RDFS.comment) is not None, f"{term} needs an rdfs:comment"


def _reaches_a_standard_class(graph: Graph, cls: URIRef, seen=frozenset()) -> bool:
    for parent in graph.objects(cls, RDFS.subClassOf):
        if isinstance(parent, URIRef) and not str(parent).startswith(NS):
            return True
        if parent not in seen and _reaches_a_standard_class(graph, parent, seen | {cls}):
            return True
    return False


@pytest.mark.parametrize("cls", _classes(ontology_graph()), ids=lambda t: t[len(NS):])
def test_every_class_of_ours_reaches_a_standard_class(cls):
    assert _reaches_a_standard_class(ontology_graph(), cls), f"{cls} has no standard superclass"


def test_every_property_is_typed_and_ranged_where_it_holds():
    g = ontology_graph()
    kinds = {OWL.ObjectProperty, OWL.DatatypeProperty}
    props = [t for t in _terms(g) if set(g.objects(t, RDF.type)) & kinds]
    assert len(props) > 30
    without_range = {p for p in props if g.value(p, RDFS.range) is None}
    # pg:about and pg:agent point at things of many classes; every other property has a range
    assert without_range <= {PG.about, PG.agent}


def test_the_figure_structure_is_a_sound_data_cube_structure():
    """The W3C Data Cube well-formedness checks that concern a structure alone (IC-3, IC-4, IC-6, IC-21)."""
    g = ontology_graph()
    dsd = PG.figureStructure
    components = list(g.objects(dsd, QB.component))
    dims = [g.value(c, QB.dimension) for c in components if g.value(c, QB.dimension)]
    measures = [g.value(c, QB.measure) for c in components if g.value(c, QB.measure)]
    attributes = [g.value(c, QB.attribute) for c in components if g.value(c, QB.attribute)]
    assert measures == [PG.value]                                                # IC-3
    for dim in dims:
        assert (dim, RDF.type, QB.DimensionProperty) in g or dim.startswith("http://purl.org/linked-data/sdmx")
        assert dim.startswith("http://purl.org/linked-data/sdmx") or g.value(dim, RDFS.range) is not None  # IC-4
    for attribute in attributes:
        assert (attribute, RDF.type, QB.AttributeProperty) in g, attribute
    for c in components:
        if g.value(c, QB.componentRequired) is not None:                        # IC-6
            assert g.value(c, QB.attribute) is not None
    orders = sorted(int(g.value(c, QB.order)) for c in components if g.value(c, QB.order) is not None)
    assert orders == list(range(1, len(dims) + 1))


def test_every_code_list_member_is_in_its_scheme():
    g = ontology_graph()
    for scheme in (PG.roles, PG.qualifiers, PG.derivations, PG.statuses, PG.modalities, PG.natures, PG.directions):
        members = set(g.subjects(URIRef("http://www.w3.org/2004/02/skos/core#inScheme"), scheme))
        assert len(members) >= 2, scheme
