"""A report read and parsed: its text, metadata, outline and extracted statements."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..ingest.text import read_text
from .entities import Entity, find_entities
from .indicators import IndicatorBullet, indicator_bullets
from .metadata import Metadata, read_metadata, read_sidecar
from .outline import Outline, parse_outline
from .quantities import Quantity, find_quantities
from .relations import Relations, read_relations
from .statements import Statement, ThemeConcept, read_statements


@dataclass(frozen=True)
class Report:
    """One report: ``name`` is its file name, ``text`` the stored text every offset counts into."""

    name: str
    text: str
    meta: Metadata
    outline: Outline
    bullets: tuple[IndicatorBullet, ...]
    quantities: tuple[Quantity, ...] = ()
    relations: Relations = Relations((), (), ())
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    themes: tuple[ThemeConcept, ...] = ()


def parse_report(text: str, name: str, sidecar: dict | None = None) -> Report:
    """Parse a report's text; ``name`` is used in messages and as its identifier."""
    outline = parse_outline(text, name)
    meta = read_metadata(text, outline, name, sidecar)
    relations = read_relations(text, outline)
    statements, themes = read_statements(text, outline)
    bullets = tuple(indicator_bullets(text, outline, meta.year, meta.period, meta))
    taken = tuple((f.start, f.end) for b in bullets for f in b.figures if f.figure is not None)
    return Report(name, text, meta, outline, bullets,
                  quantities=tuple(find_quantities(text, outline, taken)),
                  relations=relations,
                  entities=find_entities(text, meta, relations, (0, len(text))),
                  statements=statements,
                  themes=themes)


def read_report(path: str | Path) -> Report:
    """Read and parse a report file (and its sidecar ``.meta.json`` when there is one)."""
    path = Path(path)
    return parse_report(read_text(path), path.name, read_sidecar(path))
