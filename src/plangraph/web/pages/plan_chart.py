"""The plan chart, drawn on the server as SVG geometry: per year (or place) the target, the part-year results
and the full-year result as columns from a zero line, the full-year column coloured met or missed."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from .i18n import word

WIDTH, HEIGHT, TOP, BOTTOM, LEFT, COLUMN, GAP = 640, 270, 40, 44, 8, 26, 12
MARKS = {"Met": "✓", "Missed": "✗", "NotYetKnown": "…"}


@dataclass(frozen=True)
class Column:
    """One column: where it stands, its value text, and its css class (target, part, Met, Missed)."""

    x: float
    y: float
    height: float
    kind: str
    text: str
    title: str
    href: str


@dataclass(frozen=True)
class Group:
    """The columns of one year (or place), its label under the axis, and the outcome mark above."""

    label: str
    x: float
    columns: tuple[Column, ...]
    mark: str
    outcome: str


@dataclass(frozen=True)
class PlanChart:
    title: str
    groups: tuple[Group, ...]
    zero: float
    width: int = WIDTH
    height: int = HEIGHT
    column: int = COLUMN


def plan_chart(rows, lang: str, by: str = "year", names: dict | None = None) -> PlanChart | None:
    """Lay out fulfilment rows (one unit) as grouped columns; None when there is nothing to draw."""
    per_row = [_cells(r, lang) for r in rows]
    values = [c[1] for cells in per_row for c in cells]
    if not values:
        return None
    low, high = min(values + [Decimal(0)]), max(values + [Decimal(0)])
    scale = (HEIGHT - TOP - BOTTOM) / float(high - low or 1)
    zero = TOP + float(high) * scale
    labels = [((names or {}).get(r.place, r.place) if by == "place" else r.year) + ("*" if r.other else "")
              for r in rows]
    # Each group as wide as its columns and its label; past the default width the chart grows (and scrolls)
    # rather than drawing 40 years or 16 districts over each other.
    step = max((WIDTH - LEFT) / len(rows), max(COLUMN * len(c) for c in per_row) + GAP,
               max(map(_text_width, labels)) + GAP)
    groups = []
    for n, (row, label, row_cells) in enumerate(zip(rows, labels, per_row)):
        x0 = LEFT + n * step + (step - COLUMN * len(row_cells)) / 2
        columns = tuple(Column(x0 + i * COLUMN, min(zero, zero - float(v) * scale), abs(float(v)) * scale, kind,
                               f"{v}", f"{text}: {v}{row.unit}", iri)
                        for i, (iri, v, kind, text) in enumerate(row_cells))
        groups.append(Group(label, LEFT + n * step + step / 2, columns, MARKS[row.outcome], row.outcome))
    unit = rows[0].unit
    return PlanChart(f'{word("plan_chart", lang)} ({unit})', tuple(groups), zero,
                     width=max(WIDTH, round(LEFT + step * len(rows))))


def _text_width(text: str) -> float:
    """About how wide ``text`` is at the chart's 12px: a Chinese character 12px, a digit or letter 7px."""
    return sum(7 if ch.isascii() else 12 for ch in text)


def _cells(row, lang: str) -> list[tuple]:
    """(figure, value, kind, label) of the target, each part-year result and the full-year result."""
    cells = [(row.targets[0][0], row.targets[0][1], "target", word("target", lang))] if row.targets else []
    cells += [(iri, value, "part", period) for iri, value, _, period in row.part]
    cells += [(iri, value, row.outcome, period) for iri, value, _, period in row.full[-1:]]
    return cells


def plan_svg(chart: PlanChart, href) -> Markup:
    """The chart's SVG, columns linked with ``href`` (written here: as a template loop it took half the page)."""
    c, e = chart, escape
    size = 'width="100%"' if c.width == WIDTH else f'width="{c.width}" class="wide"'  # a wide one scrolls
    out = [f'<svg viewBox="0 0 {c.width} {c.height}" {size} role="img" aria-label="{e(c.title)}" '
           f'xmlns="http://www.w3.org/2000/svg">\n'
           f'  <line x1="0" x2="{c.width}" y1="{c.zero:.1f}" y2="{c.zero:.1f}" class="zero"/>\n']
    for g in c.groups:
        out.append(f'\n  <text x="{g.x:.1f}" y="14" text-anchor="middle" class="mark {e(g.outcome)}">{e(g.mark)}</text>\n')
        for col in g.columns:
            below = col.y - 3 if col.y < c.zero else col.y + col.height + 11
            out.append(f'\n  <a href="{e(href(col.href))}"><rect x="{col.x:.1f}" y="{col.y:.1f}" width="{c.column - 4}" '
                       f'height="{col.height:.1f}" class="col {e(col.kind)}"><title>{e(col.title)}</title></rect></a>\n'
                       f'  <text x="{col.x + (c.column - 4) / 2:.1f}" y="{below:.1f}" text-anchor="middle" '
                       f'class="val">{e(col.text)}</text>\n')
        out.append(f'\n  <text x="{g.x:.1f}" y="{c.height - 10}" text-anchor="middle" class="axis">{e(g.label)}</text>\n')
    out.append("\n</svg>")
    return Markup("".join(out))
