"""The Python namespace and the ontology file declare the same plangraph terms."""
from rdflib import Graph

from plangraph.paths import ontology_dir
from plangraph.rdf.vocab import PG


def test_every_pg_term_is_in_the_ontology_and_back():
    ontology = Graph()
    for path in ontology_dir().glob("*.ttl"):
        ontology.parse(path)
    namespace = str(PG._NS)
    in_file = {str(s)[len(namespace):] for s in ontology.subjects() if str(s).startswith(namespace)}
    in_python = set(PG.__annotations__)
    assert in_python - in_file == set(), "declared in vocab.py but not in the ontology"
    assert in_file - in_python == set(), "in the ontology but not declared in vocab.py"
