"""Say what became of every number in a report: an indicator figure, a quantity, or why it is not a fact.

    779.43  → {report}/figure/…        (an indicator figure)
    11      → {report}/quantity/…      (组织高企培训会11场)
    2021    → not a fact: year         (2021年8月27日)
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from ..read.numbers import find_chinese_figures, find_figures, not_a_fact
from ..read.report import Report
from .iris import Minter
from .quantities import quantity_iri

CAPTURED = ("figure", "quantity")


@dataclass(frozen=True)
class NumberUse:
    """One number of the text, with its span, and what it became: ``kind`` and, when captured, ``iri``."""

    start: int
    end: int
    stated: str
    kind: str
    iri: str | None = None


@dataclass(frozen=True)
class Coverage:
    """Every number of one report and the share of its facts that the graph captured."""

    report: str
    uses: tuple[NumberUse, ...]

    @property
    def captured(self) -> int:
        return sum(u.kind in CAPTURED for u in self.uses)

    @property
    def facts(self) -> int:
        """Numbers that are facts: captured ones and those left uncaptured (not years, dates, names …)."""
        return sum(u.kind in CAPTURED or u.kind == "not captured" for u in self.uses)

    @property
    def share(self) -> float:
        return self.captured / self.facts if self.facts else 1.0


def coverage(report: Report, minter: Minter | None = None) -> Coverage:
    """List every number of ``report`` with what it became."""
    meta, minter = report.meta, minter or Minter()
    report_iri = minter.report(meta.district, meta.city, meta.period)
    owners = _owners(report, report_iri)
    text, uses = report.text, []
    numbers = sorted(find_figures(text) + find_chinese_figures(text), key=lambda f: f.start)
    for number in numbers:
        owner = next((o for o in owners if o[0] <= number.start < o[1]), None)
        if owner:
            uses.append(NumberUse(number.start, number.end, number.stated, owner[2], owner[3]))
            continue
        reason = not_a_fact(text, number)
        kind = f"not a fact: {reason}" if reason else "not captured"
        uses.append(NumberUse(number.start, number.end, number.stated, kind))
    return Coverage(report.name, tuple(uses))


def _owners(report: Report, report_iri: URIRef) -> list[tuple[int, int, str, str]]:
    """Spans of the captured figures and quantities, each with its kind and IRI."""
    out = []
    for bullet in report.bullets:
        for item in bullet.figures:
            if item.figure is not None:
                iri = Minter.part(report_iri, "figure", f"{item.start}-{item.end}")
                out.append((min(item.start, item.figure.start), max(item.end, item.figure.end), "figure", str(iri)))
    for quantity in report.quantities:
        out.append((quantity.start, quantity.end, "quantity", str(quantity_iri(report_iri, quantity))))
    return out


def format_coverage(result: Coverage) -> str:
    """Render a coverage as lines: one per number, then the share captured."""
    lines = [f"{u.start:>6}-{u.end:<6} {u.stated:<16} {u.kind}" + (f"  {u.iri}" if u.iri else "")
             for u in result.uses]
    lines.append(f"{result.report}: {result.captured} of {result.facts} facts captured ({result.share:.1%}); "
                 f"{len(result.uses) - result.facts} numbers are not facts")
    return "\n".join(lines)
