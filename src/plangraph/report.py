"""A report read and parsed: its text, metadata, outline and extracted statements."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .indicators import IndicatorBullet, indicator_bullets
from .metadata import Metadata, read_metadata, read_sidecar
from .outline import Outline, parse_outline
from .quantities import Quantity, find_quantities
from .source import read_text


@dataclass(frozen=True)
class Report:
    """One report: ``name`` is its file name, ``text`` the stored text every offset counts into."""

    name: str
    text: str
    meta: Metadata
    outline: Outline
    bullets: tuple[IndicatorBullet, ...]
    quantities: tuple[Quantity, ...] = ()


def parse_report(text: str, name: str, sidecar: dict | None = None) -> Report:
    """Parse a report's text; ``name`` is used in messages and as its identifier."""
    outline = parse_outline(text, name)
    meta = read_metadata(text, outline, name, sidecar)
    return Report(name, text, meta, outline, tuple(indicator_bullets(text, outline, meta.year)),
                  quantities=tuple(find_quantities(text, outline)))


def read_report(path: str | Path) -> Report:
    """Read and parse a report file (and its sidecar ``.meta.json`` when there is one)."""
    path = Path(path)
    return parse_report(read_text(path), path.name, read_sidecar(path))
