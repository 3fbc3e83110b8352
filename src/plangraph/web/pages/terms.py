"""Names of terms for people: labels of ontology terms (read once from ontology/), CURIEs and page links."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from ...rdf.ontology import ontology_graph
from ...rdf.vocab import ONTOLOGY_IRI, PREFIXES

PG_NS = ONTOLOGY_IRI + "#"

# W3C and schema.org terms the data uses; plangraph's ontology labels only its own terms.
# Each: IRI → (Chinese, English). Example: dcterms:isPartOf → 属于 / is part of.
EXTERNAL_LABELS = {
    "rdf:type": ("类型", "type"),
    "rdfs:label": ("名称", "label"),
    "rdfs:comment": ("说明", "comment"),
    "skos:prefLabel": ("首选名称", "preferred label"),
    "skos:notation": ("代码", "notation"),
    "skos:inScheme": ("所属体系", "in scheme"),
    "skos:ConceptScheme": ("概念体系", "concept scheme"),
    "dcterms:isPartOf": ("属于", "is part of"),
    "dcterms:hasPart": ("包含", "has part"),
    "dcterms:title": ("标题", "title"),
    "dcterms:identifier": ("标识", "identifier"),
    "dcterms:language": ("语言", "language"),
    "dcterms:license": ("许可", "licence"),
    "schema:text": ("全文", "text"),
    "schema:position": ("序号", "position"),
    "schema:startDate": ("日期", "date"),
    "schema:jobTitle": ("职务", "job title"),
    "schema:addressLocality": ("所在城市", "locality"),
    "schema:containedInPlace": ("位于", "contained in place"),
    "schema:location": ("地点", "location"),
    "schema:Person": ("人物", "person"),
    "prov:wasDerivedFrom": ("出处", "derived from"),
    "oa:hasSource": ("来源文本", "source"),
    "oa:hasSelector": ("选择器", "selector"),
    "oa:exact": ("原文", "exact text"),
    "oa:prefix": ("前文", "prefix"),
    "oa:suffix": ("后文", "suffix"),
    "oa:start": ("起始位置", "start"),
    "oa:end": ("结束位置", "end"),
    "oa:SpecificResource": ("文本片段", "text span"),
    "oa:TextQuoteSelector": ("引文选择器", "quote selector"),
    "oa:TextPositionSelector": ("位置选择器", "position selector"),
    "qb:dataSet": ("数据集", "data set"),
    "qb:DataSet": ("指标数据集", "data cube data set"),
    "qb:Observation": ("观测值", "observation"),
    "qb:structure": ("结构", "structure"),
    "sdmx-dimension:refPeriod": ("时期", "reference period"),
    "void:Dataset": ("数据集 (VoID)", "dataset (VoID)"),
    "dcat:Dataset": ("数据集 (DCAT)", "dataset (DCAT)"),
    "dcat:Distribution": ("数据分发", "distribution"),
    "dcat:DataService": ("数据服务", "data service"),
    "skos:Concept": ("概念", "concept"),
    "void:triples": ("三元组数", "triples"),
    "void:sparqlEndpoint": ("SPARQL 端点", "SPARQL endpoint"),
    "void:vocabulary": ("词汇表", "vocabulary"),
    "void:uriSpace": ("IRI 空间", "URI space"),
    "void:exampleResource": ("示例资源", "example resource"),
}


def curie(iri: str) -> str:
    """Return ``prefix:local`` for an IRI in a known namespace, else the IRI."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        if iri.startswith(ns) and len(ns) > len(best):
            best, name = ns, prefix
    return f"{name}:{iri[len(best):]}" if best else iri


def expand(text: str) -> str:
    """Return the IRI a CURIE such as ``pg:Indicator`` names (IRIs pass through)."""
    prefix, _, local = text.partition(":")
    namespace = PREFIXES.get(prefix)
    return str(namespace) + local if namespace is not None and not local.startswith("//") else text


@lru_cache(maxsize=1)
def term_labels() -> dict[str, dict[str, str]]:
    """Every labelled term: IRI → {language: label}, from the ontology file and the table above."""
    labels: dict[str, dict[str, str]] = {}
    graph = ontology_graph()
    for prop in (SKOS.prefLabel, RDFS.label):
        for subject, label in graph.subject_objects(prop):
            if isinstance(label, Literal) and label.language:
                labels.setdefault(str(subject), {}).setdefault(label.language, str(label))
    for name, (zh, en) in EXTERNAL_LABELS.items():  # the ontology's own label, where it has one, wins
        known = labels.setdefault(expand(name), {})
        known.setdefault("zh", zh)
        known.setdefault("en", en)
    return labels


@lru_cache(maxsize=1)
def term_comments() -> dict[str, dict[str, str]]:
    """The comment of each ontology term: IRI → {language: comment} (the ontology has zh and en)."""
    comments: dict[str, dict[str, str]] = {}
    for subject, comment in ontology_graph().subject_objects(RDFS.comment):
        if isinstance(comment, Literal):
            comments.setdefault(str(subject), {})[comment.language or ""] = str(comment)
    return comments


def pick(labels: dict[str, str], lang: str) -> str | None:
    """Choose a label for the interface language, falling back to Chinese, then any."""
    return labels.get(lang) or labels.get("zh") or labels.get("") or next(iter(labels.values()), None)


def is_ontology_term(iri: str) -> bool:
    """Whether the IRI is a term of plangraph's ontology (served on the ontology page)."""
    return iri.startswith(PG_NS)
