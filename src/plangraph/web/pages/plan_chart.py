"""The plan chart, drawn on the server as SVG geometry: per year (or place) the target, the part-year results
and the full-year result as columns from a zero line, the full-year column coloured met or missed."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .i18n import word

WIDTH, HEIGHT, TOP, BOTTOM, LEFT, COLUMN = 640, 270, 40, 44, 8, 26
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
    cells = [c for r in rows for c in _cells(r, lang)]
    if not cells:
        return None
    values = [c[1] for c in cells]
    low, high = min(values + [Decimal(0)]), max(values + [Decimal(0)])
    scale = (HEIGHT - TOP - BOTTOM) / float(high - low or 1)
    zero = TOP + float(high) * scale
    step = (WIDTH - LEFT) / len(rows)
    groups = []
    for n, row in enumerate(rows):
        x0 = LEFT + n * step + (step - COLUMN * len(_cells(row, lang))) / 2
        columns = tuple(Column(x0 + i * COLUMN, min(zero, zero - float(v) * scale), abs(float(v)) * scale, kind,
                               f"{v}", f"{label}: {v}{row.unit}", iri)
                        for i, (iri, v, kind, label) in enumerate(_cells(row, lang)))
        label = (names or {}).get(row.place, row.place) if by == "place" else row.year
        groups.append(Group(label + ("*" if row.other else ""), LEFT + n * step + step / 2, columns,
                            MARKS[row.outcome], row.outcome))
    unit = rows[0].unit
    return PlanChart(f'{word("plan_chart", lang)} ({unit})', tuple(groups), zero)


def _cells(row, lang: str) -> list[tuple]:
    """(figure, value, kind, label) of the target, each part-year result and the full-year result."""
    cells = [(row.targets[0][0], row.targets[0][1], "target", word("target", lang))] if row.targets else []
    cells += [(iri, value, "part", period) for iri, value, _, period in row.part]
    cells += [(iri, value, row.outcome, period) for iri, value, _, period in row.full[-1:]]
    return cells
