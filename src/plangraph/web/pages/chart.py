"""Charts drawn on the server as SVG geometry, so an indicator page reads without JavaScript."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: its row label, value text and geometry in SVG user units."""

    label: str
    text: str
    y: int
    width: float
    kind: str  # css class: target, result, other


@dataclass(frozen=True)
class Chart:
    """A bar chart: a title, its bars, and the size of the drawing."""

    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    left: int  # where bars start, after the row labels


ROW, GAP, LEFT, WIDTH = 28, 8, 150, 560


def bar_chart(title: str, rows: list[tuple[str, Decimal, str, str]]) -> Chart | None:
    """Lay out rows of (label, value, value text, kind) as bars scaled to the largest value."""
    rows = [r for r in rows if r[1] is not None]
    if not rows:
        return None
    top = max(abs(r[1]) for r in rows) or Decimal(1)
    span = WIDTH - LEFT - 90  # room for the value text right of the longest bar
    bars = tuple(Bar(label, text, GAP + i * (ROW + GAP), float(abs(v) / top) * span, kind)
                 for i, (label, v, text, kind) in enumerate(rows))
    return Chart(title, bars, WIDTH, GAP + len(rows) * (ROW + GAP), LEFT)


def bar_svg(chart: Chart) -> Markup:
    """The chart's SVG (written here: as a template loop it took a third of an indicator page)."""
    c, e = chart, escape
    out = [f'<svg viewBox="0 0 {c.width} {c.height}" width="100%" role="img" aria-label="{e(c.title)}" '
           f'xmlns="http://www.w3.org/2000/svg">\n']
    for b in c.bars:
        out.append(f'\n  <text x="{c.left - 8}" y="{b.y + 19}" text-anchor="end" class="axis">{e(b.label)}</text>\n'
                   f'  <rect x="{c.left}" y="{b.y}" width="{b.width:.1f}" height="28" class="bar {e(b.kind)}">'
                   f'<title>{e(b.label)}: {e(b.text)}</title></rect>\n'
                   f'  <text x="{c.left + b.width + 6}" y="{b.y + 19}" class="val">{e(b.text)}</text>\n')
    out.append("\n</svg>")
    return Markup("".join(out))
