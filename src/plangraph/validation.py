"""Validate a graph against plangraph's SHACL shapes and ontology, with a report a person can act on."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SH, SKOS

from .errors import ValidationUnavailable
from .paths import ontology_dir, shapes_dir


@dataclass(frozen=True)
class Violation:
    """One problem: the resource (and its label), the property, the offending value and the message."""

    focus: str
    label: str | None
    path: str | None
    value: str | None
    message: str
    severity: str


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
            name = f"{v.focus} ({v.label})" if v.label else v.focus
            lines.append(f"- {v.severity}: {name}")
            if v.path:
                lines.append(f"    property: {v.path}")
            if v.value:
                lines.append(f"    value:    {v.value}")
            lines.append(f"    {v.message}")
        return "\n".join(lines)


def _load_folder(folder, what: str) -> Graph:
    graph = Graph()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ValidationUnavailable(f"No {what} found in {folder}: reinstall plangraph or restore {folder}.")
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many parser error types
            raise ValidationUnavailable(f"Could not read {what} file {path}: {error}") from None
    return graph


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """plangraph's SHACL shapes, read once."""
    return _load_folder(shapes_dir(), "SHACL shapes")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """plangraph's ontology, read once."""
    return _load_folder(ontology_dir(), "ontology")


def validate(data: Graph) -> Outcome:
    """Validate ``data`` (with the ontology's classes and individuals) against the shapes."""
    conforms, results, _ = shacl_validate(
        data + ontology_graph(), shacl_graph=shapes_graph(), inference="none",
        advanced=True, allow_warnings=True)
    return Outcome(bool(conforms), tuple(_violations(results, data)))


def _violations(results: Graph, data: Graph):
    rows = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        rows.append(Violation(
            focus=_short(data, focus), label=_label(data, focus), path=_short(data, path) if path else None,
            value=_show(value) if value is not None else None, message=_message(results, result),
            severity=_short(results, results.value(result, SH.resultSeverity)).split(":")[-1]))
    return sorted(rows, key=lambda v: (v.focus, v.path or "", v.message))


def _message(results: Graph, result) -> str:
    messages = {m.language: str(m) for m in results.objects(result, SH.resultMessage) if isinstance(m, Literal)}
    if "en" in messages and "zh" in messages:
        return f"{messages['en']} / {messages['zh']}"
    return next(iter(messages.values()), "(no message)")


def _label(data: Graph, node) -> str | None:
    for prop in (RDFS.label, SKOS.prefLabel):
        value = data.value(node, prop)
        if value is not None:
            return str(value)
    return None


def _short(graph: Graph, node) -> str:
    try:
        return graph.namespace_manager.normalizeUri(node) if not isinstance(node, Literal) else str(node)
    except Exception:  # a path that is not an IRI (sequence paths are blank nodes)
        return str(node)


def _show(value) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
