"""The report reader: the stored text line by line, headings from the outline, every mention and figure a link."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ...rdf.vocab import PG
from ...store.query import run_query
from .derived import derived
from .describe import node
from .text import Mark, Piece, marked, pieces

LEVEL = {str(PG.Part): 2, str(PG.Block): 3, str(PG.Theme): 4, str(PG.SubTopic): 5}
INLINE = 5  # a sub-topic is the first sentence of its paragraph (完善科技创新生态。……), not a line of its own

# One report's outline, sentences and marked spans (``{only}`` binds ?r), or every report's at once (see derived.py).
SECTIONS = """SELECT ?r ?s ?type ?label ?start WHERE {{ {only}
  ?s oa:hasSource ?r ; a ?type ; rdfs:label ?label ; oa:hasSelector ?p . ?p oa:start ?start .
  FILTER(?type IN (pg:Part, pg:Block, pg:Theme, pg:SubTopic))
}}"""

SENTENCES = """SELECT ?r ?s ?start ?end WHERE {{ {only}
  ?s a pg:Sentence ; oa:hasSource ?r ; oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end
}}"""

# Things extracted from the text: whatever points at a span of the report with pg:mention or prov:wasDerivedFrom.
ANNOTATIONS = """SELECT ?r ?x ?start ?end ?label WHERE {{ {only}
  ?x pg:mention|prov:wasDerivedFrom ?span . ?span oa:hasSource ?r ; oa:hasSelector ?p .
  ?p oa:start ?start ; oa:end ?end . OPTIONAL {{ ?x rdfs:label ?label }}
}}"""


@dataclass(frozen=True)
class Line:
    """One line of the text: a heading, or a paragraph of (sentence anchor, pieces) runs."""

    level: int  # 0 for body text; its anchor then names the sub-topic it opens, if any
    anchor: str | None
    runs: tuple[tuple[str | None, tuple[Piece, ...]], ...]


@dataclass
class Spans:
    """What the reader shows of a report besides its text, by character offset."""

    sections: list = field(default_factory=list)   # (start, level, section IRI, label), by start
    sentences: list = field(default_factory=list)  # (start, end, number), by start
    marks: list = field(default_factory=list)      # (thing IRI, start, end, label or None), in the store's order


def report_spans(store, report: str | None = None) -> dict[str, Spans]:
    """The Spans of one report, or of every report of the store: three queries, however many reports."""
    only = f"VALUES ?r {{ {node(report)} }}" if report else ""
    found: dict[str, Spans] = {}
    # Rows unpacked by position: naming a column of a pyoxigraph solution costs more than the row itself.
    for r, s, kind, label, start in run_query(store, SECTIONS.format(only=only)):
        found.setdefault(r.value, Spans()).sections.append((int(start.value), LEVEL[kind.value], s.value, label.value))
    for r, s, start, end in run_query(store, SENTENCES.format(only=only)):
        found.setdefault(r.value, Spans()).sentences.append(
            (int(start.value), int(end.value), s.value.rpartition("/")[2]))
    for r, x, start, end, label in run_query(store, ANNOTATIONS.format(only=only)):
        found.setdefault(r.value, Spans()).marks.append(
            (x.value, int(start.value), int(end.value), label.value if label is not None else None))
    for spans in found.values():
        spans.sections.sort()
        spans.sentences.sort()
    return found


def reader(store, iri: str, desc) -> dict:
    """The report's text split into lines with its outline, sentences and linked mentions."""
    from . import linker
    text_term = desc.first("https://schema.org/text")
    text = text_term.value if text_term is not None else ""
    known = derived("spans")
    spans = (known if known is not None else report_spans(store, iri)).get(iri) or Spans()
    href = linker()
    marks = [Mark(start, end, href(x), label, f"span-{start}-{end}") for x, start, end, label in spans.marks]
    lines = split_lines(text, {s[0]: s for s in spans.sections}, spans.sentences, marks)
    outline = [{"level": level, "anchor": anchor(s), "label": label} for _, level, s, label in spans.sections]
    return {"lines": lines, "outline": outline}


def text_html(lines: list[Line]) -> Markup:
    """The reader's lines as HTML: headings, and paragraphs of sentence spans (written here, not in the template:
    the seed's 230 lines and 600 runs took a third of its page as template loops)."""
    out = []
    for line in lines:
        runs = [(f'<span class="s" id="{escape(a)}">{marked(ps)}</span>' if a and not line.level else marked(ps))
                for a, ps in line.runs]
        if line.level:
            out.append(f'\n<h{line.level} id="{escape(line.anchor)}">{"".join(runs)}</h{line.level}>\n\n')
        else:
            anchor_id = f' id="{escape(line.anchor)}"' if line.anchor else ""
            out.append(f'\n<p{anchor_id}>{"".join(runs)}</p>\n\n')
    return Markup("".join(out))


def anchor(iri: str) -> str:
    """The fragment id of a section: ``section-1.2``."""
    return "section-" + iri.rpartition("/")[2]


def split_lines(text: str, headings: dict, sentences: list, marks: list[Mark]) -> list[Line]:
    """Cut the text into lines; body lines into sentence runs carrying the marks that fall in them (``sentences``
    are (start, end, number) by start)."""
    starts = sorted((m.start, i) for i, m in enumerate(marks))

    def within(start: int, stop: int, line_end: int) -> list[Mark]:
        """The marks starting in [start, stop) that end in the line, in the order given."""
        found = starts[bisect_left(starts, (start, -1)):bisect_left(starts, (stop, -1))]
        return [marks[i] for i in sorted(i for _, i in found) if marks[i].end <= line_end]

    lines, at = [], 0
    for raw in text.split("\n"):
        start, end = at, at + len(raw)
        at = end + 1
        if not raw.strip():
            continue
        _, level, iri, _ = headings.get(start, (None, 0, None, None))
        if level and level < INLINE:
            lines.append(Line(level, anchor(iri), ((None, pieces(raw, start, within(start, end, end))),)))
            continue
        runs, pos = [], start
        first = bisect_left(sentences, (start,))
        for s_start, s_end, number in sentences[first:bisect_left(sentences, (end,))]:
            if s_start > pos:
                runs.append((None, pieces(text[pos:s_start], pos, within(pos, s_start, end))))
            runs.append((f"sentence-{number}", pieces(text[s_start:s_end], s_start, within(s_start, s_end, end))))
            pos = s_end
        if pos < end:
            runs.append((None, pieces(text[pos:end], pos, within(pos, end, end))))
        lines.append(Line(0, anchor(iri) if iri else None, tuple(runs)))
    return lines
