"""Read a plain-text indicator table: one line per row, columns split by tabs or runs of spaces.

    指标名称                单位      年度目标    1-6月完成    同比增长%    完成年度目标%
    地区生产总值            亿元      410         192.6        6.3          47.0
    城镇新增就业            人        6800        4120         —            60.6

Each column's role comes from its header (:data:`COLUMN_ROLES`), each cell's unit from the cell itself, a unit
column, the row name (``地区生产总值(亿元)``) or the header (``同比增长%``); ``—`` is an empty cell.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .clauses import IndicatorBullet, IndicatorFigure
from .numbers import find_figures
from .outline import Paragraph

CELL_SPLIT = re.compile(r"\t+|[ \u3000]{2,}")
EMPTY_CELL = re.compile(r"^[—–\-－/／]+$")
# Column headers, most specific first: (pattern, role, unit of the column, example header)
COLUMN_ROLES = (
    (r"完成(?:年度)?(?:目标|计划)|进度|完成率", "ShareOfTarget", "%", "完成年度目标%"),
    (r"同比|增长|增速|增幅", "YearOnYearGrowth", "%", "同比增长%"),
    (r"目标|计划|预期", "TargetLevel", None, "年度目标"),
    (r"完成|实际|累计|实绩|\d月|上半年|前三季度", "ResultLevel", None, "1-6月完成"),
)
UNIT_COLUMN = re.compile(r"^单位$|^计量单位$")
NAME_UNIT = re.compile(r"^(?P<name>.+?)\s*[(（](?P<unit>[^)）]+)[)）]\s*$")      # 地区生产总值(亿元)
HEADER_UNIT = re.compile(r"[(（]?(?P<unit>%|％|亿元|万元|元|万美元|亿美元|万人|人)[)）]?$")
ROW_PREFIX = re.compile(r"^(?:其中|内含)\s*[:：]?\s*")                            # 其中:税收收入
SCALES = ("万亿", "亿", "万")


def cells(text: str, paragraph: Paragraph) -> list[tuple[int, int, str]]:
    """Split a table line into its cells, each with its span."""
    out, cursor = [], paragraph.start
    for match in CELL_SPLIT.finditer(text, paragraph.start, paragraph.end):
        if match.start() > cursor:
            out.append((cursor, match.start(), text[cursor:match.start()]))
        cursor = match.end()
    if cursor < paragraph.end:
        out.append((cursor, paragraph.end, text[cursor:paragraph.end]))
    return out


def is_header(text: str, paragraph: Paragraph) -> bool:
    """A table's header line: three or more cells, the first naming the indicators (指标, 指标名称, 项目)."""
    row = cells(text, paragraph)
    return len(row) >= 3 and bool(re.match(r"^(?:主要)?(?:指标|项目)(?:名称)?$", row[0][2]))


def read_tables(text: str, paragraphs: list[Paragraph]) -> list[IndicatorBullet]:
    """Read every column-split table among ``paragraphs`` into one indicator passage per row."""
    out, columns = [], None
    for paragraph in paragraphs:
        if is_header(text, paragraph):
            columns = [c[2] for c in cells(text, paragraph)]
            continue
        row = cells(text, paragraph) if columns else []
        if len(row) < 3:
            columns = None if columns and len(row) < 2 else columns
            continue
        bullet = _row(text, paragraph, row, columns)
        if bullet:
            out.append(bullet)
    return out


def _row(text: str, paragraph: Paragraph, row, columns: list[str]) -> IndicatorBullet | None:
    start, end, first = row[0]
    first = ROW_PREFIX.sub("", first)
    named = NAME_UNIT.match(first)
    name, row_unit = (named["name"], named["unit"]) if named else (first, None)
    if not name or re.search(r"\d", name):
        return None
    unit_cell = next((cell[2] for cell, head in zip(row, columns) if UNIT_COLUMN.match(head)), None)
    figures = []
    for (c_start, c_end, cell), header in zip(row[1:], columns[1:]):
        if UNIT_COLUMN.match(header) or EMPTY_CELL.match(cell):
            continue
        role, column_unit = _column(header)
        for figure in find_figures(text, c_start, c_end):
            unit = column_unit or (None if figure.unit or figure.scale else unit_cell or row_unit)
            figures.append(IndicatorFigure(role, paragraph.sentences[0], figure.start, figure.end, figure.stated,
                                           _with_unit(figure, unit), unit_from="header" if unit else None))
    name_start = text.find(name, start, end)
    return IndicatorBullet(name, name_start, name_start + len(name), paragraph, tuple(figures)) if figures else None


def _column(header: str) -> tuple[str, str | None]:
    for pattern, role, unit, _example in COLUMN_ROLES:
        if re.search(pattern, header):
            stated = HEADER_UNIT.search(header)
            return role, unit or (stated["unit"].replace("％", "%") if stated else None)
    return "ResultLevel", None


def _with_unit(figure, unit: str | None):
    if not unit or figure.unit or figure.scale:
        return figure
    scale = next((s for s in SCALES if unit.startswith(s) and len(unit) > len(s)), None)
    return replace(figure, scale=scale, unit=unit[len(scale or ""):])
