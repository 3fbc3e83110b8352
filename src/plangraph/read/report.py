"""A report read and parsed: its text, metadata, outline and extracted statements."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..ingest.document import Original, read_document
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
    original: Original | None = None             # the document the text was read from, as received
    portal: tuple[tuple[str, str], ...] = ()     # its portal's metadata table: (索引号, "…"), (发布机构, "…") …


def parse_report(text: str, name: str, sidecar: dict | None = None, original: Original | None = None,
                 portal: tuple[tuple[str, str], ...] = ()) -> Report:
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
                  themes=themes,
                  original=original,
                  portal=portal)


def read_report(path: str | Path) -> Report:
    """Read and parse a report file of any format taken (and its sidecar ``.meta.json`` when there is one)."""
    path = Path(path)
    sidecar = read_sidecar(path)
    document = read_document(path, (sidecar or {}).get("origin"))
    return parse_report(document.text, path.name, sidecar, document.original, document.portal)
