"""The ontology speaks both languages of the pages: every label and every comment in Chinese and in English."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDFS

from plangraph.rdf.ontology import ontology_graph


def _languages(prop) -> dict:
    found: dict = {}
    for subject, text in ontology_graph().subject_objects(prop):
        if isinstance(text, Literal):
            found.setdefault(subject, set()).add(text.language)
    return found


def test_every_comment_is_in_chinese_and_english():
    missing = {str(s): langs for s, langs in _languages(RDFS.comment).items() if langs != {"zh", "en"}}
    assert not missing, "add the comment in the missing language (ontology/comments-zh.ttl for Chinese)"


def test_every_label_is_in_chinese_and_english():
    missing = {str(s): langs for s, langs in _languages(RDFS.label).items() if not {"zh", "en"} <= langs}
    assert not missing
