"""The report reader: the stored text line by line, headings from the outline, every mention and figure a link."""
from __future__ import annotations

from dataclasses import dataclass

from ...rdf.vocab import PG
from ...store.query import run_query
from .describe import node
from .text import Mark, Piece, pieces

LEVEL = {str(PG.Part): 2, str(PG.Block): 3, str(PG.Theme): 4, str(PG.SubTopic): 5}
INLINE = 5  # a sub-topic is the first sentence of its paragraph (完善科技创新生态。……), not a line of its own

SECTIONS = """SELECT ?s ?type ?label ?start WHERE {{
  ?s oa:hasSource {r} ; a ?type ; rdfs:label ?label ; oa:hasSelector ?p . ?p oa:start ?start .
  FILTER(?type IN (pg:Part, pg:Block, pg:Theme, pg:SubTopic))
}} ORDER BY ?start"""

SENTENCES = """SELECT ?s ?start ?end WHERE {{
  ?s a pg:Sentence ; oa:hasSource {r} ; oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end
}} ORDER BY ?start"""

# Things extracted from the text: whatever points at a span of this report with pg:mention or prov:wasDerivedFrom.
ANNOTATIONS = """SELECT ?x ?start ?end ?label WHERE {{
  ?x pg:mention|prov:wasDerivedFrom ?span . ?span oa:hasSource {r} ; oa:hasSelector ?p .
  ?p oa:start ?start ; oa:end ?end . OPTIONAL {{ ?x rdfs:label ?label }}
}}"""


@dataclass(frozen=True)
class Line:
    """One line of the text: a heading, or a paragraph of (sentence anchor, pieces) runs."""

    level: int  # 0 for body text; its anchor then names the sub-topic it opens, if any
    anchor: str | None
    runs: tuple[tuple[str | None, tuple[Piece, ...]], ...]


def reader(store, iri: str, desc) -> dict:
    """The report's text split into lines with its outline, sentences and linked mentions."""
    from . import href
    text_term = desc.first("https://schema.org/text")
    text = text_term.value if text_term is not None else ""
    r = node(iri)
    sections = [(int(x["start"].value), LEVEL[x["type"].value], x["s"].value, x["label"].value)
                for x in run_query(store, SECTIONS.format(r=r))]
    sentences = [(int(x["start"].value), int(x["end"].value), x["s"].value.rpartition("/")[2])
                 for x in run_query(store, SENTENCES.format(r=r))]
    marks = [Mark(int(x["start"].value), int(x["end"].value), href(x["x"].value),
                  x["label"].value if x["label"] is not None else None,
                  f'span-{x["start"].value}-{x["end"].value}')
             for x in run_query(store, ANNOTATIONS.format(r=r))]
    lines = split_lines(text, {s[0]: s for s in sections}, sentences, marks)
    outline = [{"level": level, "anchor": anchor(s), "label": label} for _, level, s, label in sections]
    return {"lines": lines, "outline": outline}


def anchor(iri: str) -> str:
    """The fragment id of a section: ``section-1.2``."""
    return "section-" + iri.rpartition("/")[2]


def split_lines(text: str, headings: dict, sentences: list, marks: list[Mark]) -> list[Line]:
    """Cut the text into lines; body lines into sentence runs carrying the marks that fall in them."""
    lines, at = [], 0
    for raw in text.split("\n"):
        start, end = at, at + len(raw)
        at = end + 1
        if not raw.strip():
            continue
        inside = [m for m in marks if start <= m.start and m.end <= end]
        _, level, iri, _ = headings.get(start, (None, 0, None, None))
        if level and level < INLINE:
            lines.append(Line(level, anchor(iri), ((None, pieces(raw, start, inside)),)))
            continue
        runs, pos = [], start
        for s_start, s_end, number in (s for s in sentences if start <= s[0] < end):
            if s_start > pos:
                runs.append((None, pieces(text[pos:s_start], pos, inside)))
            runs.append((f"sentence-{number}", pieces(text[s_start:s_end], s_start, inside)))
            pos = s_end
        if pos < end:
            runs.append((None, pieces(text[pos:end], pos, inside)))
        lines.append(Line(0, anchor(iri) if iri else None, tuple(runs)))
    return lines
