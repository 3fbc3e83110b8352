"""Validate a graph against plangraph's SHACL shapes and ontology, with a report a person can act on."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef, Variable, plugin
from rdflib.collection import Collection
from rdflib.namespace import RDFS, SH, SKOS
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.query import Processor

from ..paths import shapes_dir
from ..rdf.ontology import load_folder, ontology_graph


# The graphs validate() is checking, by id, each with its copy in Oxigraph. Only those graphs' SPARQL goes there.
_COPIES: dict[int, pyoxigraph.Store] = {}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"  # a plain literal's datatype in Oxigraph; plain again in rdflib


class _OxigraphProcessor(Processor):
    """Answer pyshacl's SPARQL (the shapes' sh:sparql checks and SPARQL targets) from Oxigraph.

    pyshacl asks its SPARQL of the rdflib graph it validates. rdflib's evaluator took about half of a
    report's validation (1.2 s of the seed's 2.6 s went to the one query that compares every span's quote
    with the report's text); Oxigraph answers the same query in milliseconds. A graph that validate() did
    not copy (any other rdflib query in this process) is answered by rdflib as before. Bindings are
    substituted as SHACL pre-binds them (SEP-0007); blank nodes keep their labels both ways.
    """

    def __init__(self, graph):
        self.graph = graph

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        store = _COPIES.get(id(self.graph))
        if store is None or not isinstance(strOrQuery, str):
            return SPARQLProcessor(self.graph).query(strOrQuery, initBindings, initNs, base, DEBUG)
        answer = store.query(strOrQuery, base_iri=base, prefixes={k: str(v) for k, v in (initNs or {}).items()},
                             substitutions={pyoxigraph.Variable(str(k)): _to_oxigraph(v)
                                            for k, v in (initBindings or {}).items()})
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return {"type_": "ASK", "askAnswer": bool(answer)}
        names = [Variable(v.value) for v in answer.variables]
        rows = [{name: _from_oxigraph(term) for name, term in zip(names, row) if term is not None} for row in answer]
        return {"type_": "SELECT", "vars_": names, "bindings": rows}


plugin.register("sparql", Processor, __name__, "_OxigraphProcessor")


def _to_oxigraph(term):
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(term.datatype) if term.datatype else None)


def _from_oxigraph(term):
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))


@contextmanager
def _copied(graph: Graph):
    """Give ``graph`` a copy in Oxigraph for as long as it is validated; none when Oxigraph refuses one of its
    terms (rdflib keeps relative IRIs such as <gdp>), and rdflib answers that graph's SPARQL."""
    store = pyoxigraph.Store()
    try:
        store.extend(pyoxigraph.Quad(*(_to_oxigraph(t) for t in triple)) for triple in graph)
    except ValueError:
        yield
        return
    _COPIES[id(graph)] = store
    try:
        yield
    finally:
        del _COPIES[id(graph)]


# What a constraint expected, in words, from the constraint component and its parameter on the shape.
EXPECTED = {
    "MinCount": (SH.minCount, "at least {} value(s)"),
    "MaxCount": (SH.maxCount, "at most {} value(s)"),
    "Datatype": (SH.datatype, "a literal of datatype {}"),
    "Class": (SH["class"], "an instance of {}"),
    "NodeKind": (SH.nodeKind, "a node of kind {}"),
    "In": (SH["in"], "one of {}"),
    "Pattern": (SH.pattern, "text matching /{}/"),
    "MinLength": (SH.minLength, "text of at least {} character(s)"),
    "MinInclusive": (SH.minInclusive, "a value ≥ {}"),
    "MinExclusive": (SH.minExclusive, "a value > {}"),
    "MaxInclusive": (SH.maxInclusive, "a value ≤ {}"),
    "LessThan": (SH.lessThan, "a value less than its {}"),
    "LanguageIn": (SH.languageIn, "a language tag among {}"),
    "QualifiedMinCount": (SH.qualifiedMinCount, "at least {} value(s) of the qualified shape"),
    "QualifiedMaxCount": (SH.qualifiedMaxCount, "at most {} value(s) of the qualified shape"),
    "Xone": (None, "exactly one of the alternatives"),
    "Or": (None, "one of the alternatives"),
    "Node": (None, "a value conforming to its node shape"),
    "SPARQL": (None, "no result of the shape's SPARQL check"),
}


@dataclass(frozen=True)
class Violation:
    """One problem: the resource (and its label), the property, what was expected, the value, the message."""

    focus: str
    label: str | None
    path: str | None
    value: str | None
    message: str
    severity: str
    expected: str | None = None
    value_label: str | None = None
    shape: str | None = None


@dataclass(frozen=True)
class Outcome:
    """The result of validating a graph."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """Return the report as lines a person can read."""
        if self.conforms:
            return "Conforms: the graph satisfies every plangraph shape."
        lines = [f"Does not conform: {len(self.violations)} problem(s)."]
        for v in self.violations:
            name = f"<{v.focus}> ({v.label})" if v.label else f"<{v.focus}>"
            lines.append(f"- {v.severity}: {name}")
            if v.path:
                lines.append(f"    property: {v.path}")
            if v.expected:
                lines.append(f"    expected: {v.expected}")
            if v.value:
                shown = f"{v.value} ({v.value_label})" if v.value_label else v.value
                lines.append(f"    found:    {shown}")
            if v.shape:
                lines.append(f"    shape:    {v.shape}")
            lines.append(f"    message:  {v.message}")
        lines.append("Fix the extraction that wrote these statements (or the data file), then build or validate again.")
        return "\n".join(lines)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """plangraph's SHACL shapes, read once."""
    return load_folder(shapes_dir(), "SHACL shapes")


def validate(data: Graph) -> Outcome:
    """Validate ``data`` (with the ontology's classes and individuals) against the shapes."""
    # The ontology's triples join ``data`` for the check and leave it after: copying the data into a new
    # graph with them took a fifth of the time of validating a report.
    added = [triple for triple in ontology_graph() if triple not in data]
    for triple in added:
        data.add(triple)
    try:
        with _copied(data):
            conforms, results, _ = shacl_validate(data, shacl_graph=shapes_graph(), inference="none",
                                                  advanced=True, allow_warnings=True, inplace=True)
    finally:
        for triple in added:
            data.remove(triple)
    return Outcome(bool(conforms), tuple(_violations(results, data)))


def _violations(results: Graph, data: Graph):
    rows = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        shape = results.value(result, SH.sourceShape)
        rows.append(Violation(
            focus=str(focus), label=_label(data, focus), path=_short(data, path) if path else None,
            value=_show(value) if value is not None and value != focus else None, message=_message(results, result),
            severity=_short(results, results.value(result, SH.resultSeverity)).split(":")[-1],
            expected=_expected(results.value(result, SH.sourceConstraintComponent), shape),
            value_label=_label(data, value) if value is not None and value != focus else None,
            shape=_short(shapes_graph(), shape) if isinstance(shape, URIRef) else None))
    return sorted(rows, key=lambda v: (v.focus, v.path or "", v.message))


def _expected(component, shape) -> str | None:
    """Say in words what the constraint expected, from its component and the shape's parameter."""
    name = str(component or "").rpartition("#")[2].removesuffix("ConstraintComponent")
    if name not in EXPECTED:
        return None
    param, template = EXPECTED[name]
    if param is None:
        return template
    shapes = shapes_graph()
    value = shapes.value(shape, param) if shape is not None else None
    if value is None:
        return template.format("?")
    if name.startswith("Qualified"):
        return template.format(_short(shapes, value)).replace(
            "the qualified shape", _describe(shapes, shapes.value(shape, SH.qualifiedValueShape)))
    if param in (SH["in"], SH.languageIn):
        shown = ", ".join(_short(shapes, item) for item in Collection(shapes, value))
    else:
        shown = _short(shapes, value)
    return template.format(shown)


def _message(results: Graph, result) -> str:
    """English first, then Chinese; pyshacl drops the language tags of SPARQL messages, so guess from the text."""
    messages = {str(m): m.language for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)}
    order = sorted(messages, key=lambda text: (
        {"en": 0, "zh": 1}.get(messages[text], 0 if text[:1].isascii() else 1), text))
    return " / ".join(order) or "(no message)"


def _describe(shapes: Graph, node) -> str:
    """Describe a small inline shape (language or class) in words."""
    if node is not None and (langs := shapes.value(node, SH.languageIn)) is not None:
        return "language " + ", ".join(str(x) for x in Collection(shapes, langs))
    if node is not None and (cls := shapes.value(node, SH["class"])) is not None:
        return "class " + _short(shapes, cls)
    return "the qualified shape"


def _label(data: Graph, node) -> str | None:
    """The node's label, Chinese first; for a term of the ontology (the focus of a whole-graph check), its own."""
    for graph in (data, ontology_graph()):
        for prop in (RDFS.label, SKOS.prefLabel):
            labels = sorted(graph.objects(node, prop), key=lambda lit: getattr(lit, "language", None) != "zh")
            if labels:
                return str(labels[0])
    return None


def _short(graph: Graph, node) -> str:
    try:
        return graph.namespace_manager.normalizeUri(node) if not isinstance(node, Literal) else str(node)
    except Exception:  # a path that is not an IRI (sequence paths are blank nodes)
        return str(node)


def _show(value) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
