"""Say what became of every number in a report: an indicator figure, a quantity, or why it is not a fact.

    779.43  → {report}/figure/…        (an indicator figure)
    11      → {report}/quantity/…      (组织高企培训会11场)
    2021    → not a fact: year         (2021年8月27日)
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rdflib import URIRef

from ..read.numbers import find_chinese_figures, find_figures, not_a_fact
from ..read.report import Report
from .iris import Minter
from .quantities import quantity_iri

CAPTURED = ("figure", "quantity")
CATEGORIES = ("indicator", "task")
NO_MEASURE = "not captured: what it measures is unknown"


@dataclass(frozen=True)
class NumberUse:
    """One number of the text, with its span, and what it became: ``kind`` and, when captured, ``iri``.

    ``category`` is "indicator" for a number of the main indicators (a bullet, a table row, an indicator's
    sentence), else "task"."""

    start: int
    end: int
    stated: str
    kind: str
    iri: str | None = None
    category: str = "task"


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
        return sum(not u.kind.startswith("not a fact") for u in self.uses)

    @property
    def share(self) -> float:
        return self.captured / self.facts if self.facts else 1.0

    def counts(self, category: str) -> tuple[int, int, int]:
        """Captured, explained as not a fact, and missed numbers of one category."""
        uses = [u for u in self.uses if u.category == category]
        captured = sum(u.kind in CAPTURED for u in uses)
        explained = sum(u.kind.startswith("not a fact") for u in uses)
        return captured, explained, len(uses) - captured - explained


def coverage(report: Report, minter: Minter | None = None) -> Coverage:
    """List every number of ``report`` with what it became: captured (an indicator's observation with a role
    and a period, or a task quantity that says what it measures), not a fact (and why), or missed."""
    meta, minter = report.meta, minter or Minter()
    report_iri = minter.report(meta.district, meta.city, meta.period, meta.genre)
    owners = Spans(_owners(report, report_iri))
    context = Spans([(s, e, "indicator", "") for s, e in _indicator_context(report)])
    text, uses = report.text, []
    numbers = sorted(find_figures(text) + find_chinese_figures(text), key=lambda f: f.start)
    for number in numbers:
        owner = owners.find(number.start)
        category = "indicator" if (owner and owner[2] == "figure") or context.find(number.start) else "task"
        if owner:
            kind = owner[2] if owner[3] else NO_MEASURE
            uses.append(NumberUse(number.start, number.end, number.stated, kind, owner[3] or None, category))
            continue
        reason = "portal metadata" if _inside(meta.portal_span, number.start) else not_a_fact(text, number)
        kind = f"not a fact: {reason}" if reason else "not captured"
        uses.append(NumberUse(number.start, number.end, number.stated, kind, category=category))
    return Coverage(report.name, tuple(uses))


def _inside(span: tuple[int, int] | None, position: int) -> bool:
    """Whether ``position`` lies in ``span`` (the portal's table above the title: 索引号, 成文日期 …)."""
    return span is not None and span[0] <= position < span[1]


class Spans:
    """Spans sorted by start, looked up by position in logarithmic time (a report has thousands of figures)."""

    def __init__(self, spans: list[tuple[int, int, str, str]]):
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]

    def find(self, position: int) -> tuple[int, int, str, str] | None:
        """The span holding ``position`` (the one that starts last before it), or None."""
        index = bisect_right(self.starts, position) - 1
        while index >= 0:
            span = self.spans[index]
            if span[0] <= position < span[1]:
                return span
            if position - span[0] > 400:     # spans are figures and sentences: none is longer
                return None
            index -= 1
        return None


def _owners(report: Report, report_iri: URIRef) -> list[tuple[int, int, str, str]]:
    """Spans of the captured figures and quantities, each with its kind and IRI ("" for a quantity that does
    not say what it measures: it is in the graph, but not a fact one can use)."""
    out = []
    for bullet in report.bullets:
        for item in bullet.figures:
            if item.figure is not None:
                iri = Minter.part(report_iri, "figure", f"{item.start}-{item.end}")
                out.append((min(item.start, item.figure.start), max(item.end, item.figure.end), "figure", str(iri)))
    for quantity in report.quantities:
        iri = str(quantity_iri(report_iri, quantity)) if quantity.measures or quantity.rank else ""
        out.append((quantity.start, quantity.end, "quantity", iri))
    return out


def _indicator_context(report: Report) -> list[tuple[int, int]]:
    """Where the main indicators are stated: bullets, table rows and every sentence holding an indicator figure."""
    out = set()
    for bullet in report.bullets:
        if bullet.paragraph.kind == "bullet":
            out.add((bullet.paragraph.start, bullet.paragraph.end))
        out.update((f.sentence.start, f.sentence.end) for f in bullet.figures)
    return sorted(out)


def format_coverage(result: Coverage) -> str:
    """Render a coverage as lines: one per number, one per category, then the share captured."""
    lines = [f"{u.start:>6}-{u.end:<6} {u.stated:<16} {u.category:<9} {u.kind}" + (f"  {u.iri}" if u.iri else "")
             for u in result.uses]
    for category in CATEGORIES:
        captured, explained, missed = result.counts(category)
        lines.append(f"{result.report}: {category} figures: {captured} captured, {explained} not facts, "
                     f"{missed} missed")
    lines.append(f"{result.report}: {result.captured} of {result.facts} facts captured ({_share(result)}); "
                 f"{len(result.uses) - result.facts} numbers are not facts")
    return "\n".join(lines)


def _share(result: Coverage) -> str:
    """The share captured, never rounded up to 100% while a fact is missed."""
    share = f"{result.share:.1%}"
    return "99.9%" if share == "100.0%" and result.captured < result.facts else share
