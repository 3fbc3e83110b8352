"""Source text on pages: cut a text into pieces around marked spans, and find the sentences behind a resource.

Offsets are Unicode code points into the report's stored text (``schema:text``), as ``oa:TextPositionSelector``
gives them; Python slices strings by code point, so they are used as they are.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ...store.query import run_query
from .describe import node


@dataclass(frozen=True)
class Mark:
    """A span ``[start, end)`` of the text to highlight or link."""

    start: int
    end: int
    href: str | None = None
    title: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Piece:
    """A run of text, plain (``mark`` None) or marked."""

    text: str
    mark: Mark | None = None


@dataclass(frozen=True)
class Source:
    """A sentence of a report that mentions a resource, cut into pieces with the mention marked."""

    report: str
    sentence: str | None
    start: int
    pieces: tuple[Piece, ...]


def pieces(text: str, offset: int, marks) -> tuple[Piece, ...]:
    """Cut ``text`` (which starts at ``offset``) into pieces; of overlapping marks the shortest wins.

    Links cannot nest, and the short spans are the names and figures (武汉长江中心) inside the longer
    spans of events (武汉长江中心、龙湖天街等项目加快建设), which stay reachable from the names' pages.
    """
    end = offset + len(text)
    chosen: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.end - m.start, m.start)):
        if offset <= m.start < m.end <= end and all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    out, at = [], offset
    for m in sorted(chosen, key=lambda m: m.start):
        if m.start > at:
            out.append(Piece(text[at - offset:m.start - offset]))
        out.append(Piece(text[m.start - offset:m.end - offset], m))
        at = m.end
    if at < end:
        out.append(Piece(text[at - offset:]))
    return tuple(out)


def marked(runs) -> Markup:
    """The HTML of pieces: a linked mark as a mention link, another mark highlighted, the rest as text.

    Written here, not as a template macro: the report reader shows a thousand runs, and the macro calls took
    most of its page's rendering."""
    out = []
    for piece in runs:
        mark, text = piece.mark, escape(piece.text)
        if mark is not None and mark.href:
            title = f' title="{escape(mark.title)}"' if mark.title else ""
            out.append(f'<a class="mention" id="{escape(mark.anchor)}" href="{escape(mark.href)}"{title}>{text}</a>')
        else:
            out.append(f"<mark>{text}</mark>" if mark is not None else text)
    return Markup("".join(out))


SPANS = """SELECT ?span ?report ?start ?end WHERE {{
  {{ BIND({s} AS ?span) }} UNION {{ {s} pg:mention|prov:wasDerivedFrom ?span }}
  ?span oa:hasSource ?report ; oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end
}} ORDER BY ?report ?start LIMIT {limit}"""

SENTENCE = """SELECT ?sentence ?start ?text WHERE {{
  ?sentence a pg:Sentence ; oa:hasSource {report} ; oa:hasSelector ?p, ?q .
  ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?text .
  FILTER(?start <= {start} && ?end >= {end})
}} LIMIT 1"""

EXACT = "SELECT ?text WHERE {{ {span} oa:hasSelector ?q . ?q oa:exact ?text }} LIMIT 1"


def sources(store, iri: str, limit: int = 20) -> list[Source]:
    """The sentences that mention the resource (its pg:mention and prov:wasDerivedFrom spans), mention marked."""
    found: dict[tuple[str, int], Source] = {}
    for row in run_query(store, SPANS.format(s=node(iri), limit=limit)):
        report, start, end = row["report"].value, int(row["start"].value), int(row["end"].value)
        hit = list(run_query(store, SENTENCE.format(report=node(report), start=start, end=end)))
        if hit:
            sentence, at, text = hit[0]["sentence"].value, int(hit[0]["start"].value), hit[0]["text"].value
        else:  # a paragraph or section: show its own text
            quote = list(run_query(store, EXACT.format(span=node(row["span"].value))))
            sentence, at, text = None, start, quote[0]["text"].value if quote else ""
        key = (report, at)
        marks = list(found[key].pieces) if key in found else []
        old = [p.mark for p in marks if p.mark]
        whole = hit and start == at and end == at + len(text)
        new = [] if whole else [Mark(start, end, anchor=f"span-{start}-{end}")]
        found[key] = Source(report, sentence, at, pieces(text, at, old + new))
    return sorted(found.values(), key=lambda s: (s.report, s.start))
