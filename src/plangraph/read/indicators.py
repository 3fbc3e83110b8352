"""Find the main indicators in every layout the genre uses and read them with the clause reader.

    ——全年地区生产总值预期目标增长7%。上半年…                      a bullet: its name, then its figures
    1.地区生产总值。年度预期目标增长7%,1—6月份完成…                a numbered item under 主要指标
    地区生产总值            亿元      410         192.6           a table row (tables.py)
    上半年GDP实现612.35亿元,同比增长5.8%。一般公共预算收入完成…      prose: every clause whose subject is a known indicator
    （一）经济运行稳中向好。全区地区生产总值（GDP）完成…            a heading that runs on: prose again

In a bullet, a numbered item or a table every indicator-shaped subject counts; elsewhere only the indicators the
table knows (vocabulary.py), so that task figures (新认定高新技术企业58家) stay quantities.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .clauses import (
    PARENTHESES,
    IndicatorBullet,
    IndicatorFigure,
    Subject,
    read_sentence,
)
from .figure_periods import plans, with_periods
from .numbers import find_figures
from .outline import Outline, Paragraph, Section, Sentence
from .tables import is_header, read_tables

MAIN_BLOCK = re.compile(r"主要(?:经济)?指标|主要预期目标")
ITEM_NAME = re.compile(r"(?P<name>[^。，,；;\d]{2,24})[。：:]?$")     # the title of 1.地区生产总值。


def main_block_keys(outline: Outline) -> tuple[str, ...]:
    """The sections that hold the main indicators (主要指标完成情况, 2023年主要预期目标)."""
    return tuple(s.key for s in outline.sections if s.kind in ("block", "part") and MAIN_BLOCK.search(s.title)
                 or s.kind == "theme" and MAIN_BLOCK.search(s.title))


def _under(paragraph: Paragraph, keys: set[str]) -> bool:
    """Whether the paragraph's section is one of ``keys`` or lies under one: a look-up per level of its dotted key,
    not a scan of the keys (a long report has a main block per part)."""
    levels = (paragraph.section or "").split(".")
    return any(".".join(levels[:depth]) in keys for depth in range(1, len(levels) + 1))


def prose_passages(text: str, outline: Outline, skip: set[int]) -> list[IndicatorBullet]:
    """Every clause run about a known indicator, in paragraphs not read as bullets, items or tables."""
    plans = _planning_parts(outline)
    block = set(main_block_keys(outline))
    sections = {s.key: s for s in outline.sections}
    out = []
    for paragraph in outline.paragraphs:
        if paragraph.number in skip or paragraph.kind == "bullet":
            continue
        in_block = _under(paragraph, block)
        default = _item_subject(sections.get(paragraph.section)) if in_block else None
        target = (paragraph.section or "").split(".")[0] in plans
        for sentence in paragraph.sentences:
            for reading in read_sentence(text, sentence, default, target, known_only=not in_block):
                out.append(_passage(reading, paragraph))
    return out


def table_passages(text: str, outline: Outline) -> tuple[list[IndicatorBullet], set[int]]:
    """The rows of every column-split table, and the numbers of the paragraphs they took."""
    taken: set[int] = set()
    rows = []
    paragraphs = list(outline.paragraphs)
    for index, paragraph in enumerate(paragraphs):
        if is_header(text, paragraph):
            found = read_tables(text, paragraphs[index:index + 60])
            rows.extend(found)
            taken |= {paragraph.number} | {b.paragraph.number for b in found}
    return rows, taken


def _item_subject(section: Section | None) -> Subject | None:
    """A numbered item's indicator: the theme it stands under (1.地区生产总值。)."""
    if section is not None and section.kind == "theme":
        match = ITEM_NAME.match(PARENTHESES.sub("", section.title))
        if match:
            return Subject((match["name"].strip(),), section.start, section.end, True)
    return None


def _planning_parts(outline: Outline) -> set[str]:
    return {p.key for p in outline.children(None, "part") if plans(p.title)}


def _passage(reading, paragraph: Paragraph) -> IndicatorBullet:
    subject = reading.subject
    return IndicatorBullet(subject.names[0], subject.start, subject.end, paragraph, reading.figures,
                           known=subject.known, group=subject.group)


# A bullet's leading words before the indicator's name: 全年, 上半年, 全区, 计划实施 …
NAME_PREFIX = re.compile(r"(?:——)?\s*(?:全年|年度|上半年|1\s*[-—]\s*6月|今年以来)?[,，]?\s*(?:全区|我区)?\s*(?:计划实施|计划|预计)?")
NAME_END = re.compile(r"上半年|全年|年度|预期|目标|计划|预计|完成|实现|增长|增速|增幅|同比|达到|较(?:\d|去年|上年)|比(?:去年|上年)|控制|"
                      r"不低于|高于|低于|与经济增长|分别|[(（]|\d")
TARGET_SENTENCE = re.compile(r"^(?:——)?\s*(?:全年|年度)|预期目标|年度目标|全年目标")
RESULT_WORDS = re.compile(r"上半年|截至|1\s*[-—]\s*6月|今年以来")
# A comparison stated in words: 预计增长6.1%,高于经济增长水平
WORD_COMPARISON = re.compile(r"(?<=[,，])(?P<text>高于(?P<scope>经济增长)(?:水平)?)")
# A stated reason for a result: 增幅未达预期的主要原因是……, 受减税降费政策因素影响
REASON = re.compile(r"[^。,，]*主要原因是[^。]*|受[^。,，]{2,24}影响")


def read_bullet(text: str, paragraph: Paragraph, year: int) -> IndicatorBullet | None:
    """Read one ``——`` bullet: the indicator's name, then each sentence's clauses (the first states the target)."""
    first = paragraph.sentences[0]
    name_start, name = _bullet_name(text, first)
    if not name:
        return None
    default = Subject((name,), name_start, name_start + len(name), True)
    figures: list[IndicatorFigure] = []
    for sentence in paragraph.sentences:
        target = sentence is first and bool(TARGET_SENTENCE.search(sentence.text) or not RESULT_WORDS.search(sentence.text))
        comparisons = _word_comparisons(sentence)
        compared = {(c.start, c.end) for c in comparisons}  # 高于经济增长水平 is a comparison, not also a qualitative result
        for reading in read_sentence(text, sentence, default, target, loose=True):
            own = reading.subject.names[0]
            related = own in name or own.endswith(name)     # 固定资产投资 of 全社会固定资产投资, 能耗 of 能耗降低率
            figures.extend(f if f.indicator or related else replace(f, indicator=own) for f in reading.figures
                           if (f.start, f.end) not in compared)
        figures.extend(comparisons)
    figures = [replace(f, base_year=str(year - 2)) if f.role == "AverageGrowth" and not f.base_year else f
               for f in sorted(figures, key=lambda f: f.start)]
    reasons = tuple((s.start + m.start(), s.start + m.end(), m.group()) for s in paragraph.sentences
                    for m in REASON.finditer(s.text))
    return IndicatorBullet(name, name_start, name_start + len(name), paragraph, tuple(figures), reasons)


def _bullet_name(text: str, sentence: Sentence) -> tuple[int, str]:
    body = sentence.text
    prefix = NAME_PREFIX.match(body)
    offset = prefix.end() if prefix else 0
    end = NAME_END.search(body, offset)
    name = body[offset:end.start() if end else len(body)].strip(" ,，。")
    return sentence.start + offset, name


def _word_comparisons(sentence: Sentence) -> list[IndicatorFigure]:
    return [IndicatorFigure("Comparison", sentence, sentence.start + m.start(), sentence.start + m.end(), m["text"],
                            scope=m["scope"]) for m in WORD_COMPARISON.finditer(sentence.text)]


def indicator_bullets(text: str, outline: Outline, year: int, period: str | None = None,
                      meta=None) -> list[IndicatorBullet]:
    """Every indicator passage of a report (bullets, table rows, numbered items, prose), each figure with its period."""
    bullets = [b for p in outline.paragraphs if p.kind == "bullet" for b in [read_bullet(text, p, year)] if b]
    rows, taken = table_passages(text, outline)
    keys = set(main_block_keys(outline))
    block = [p for p in outline.paragraphs if _under(p, keys) and p.number not in taken]
    flat = table_bullets(text, block, year)
    found = flat + rows + bullets + prose_passages(text, outline, taken)
    return with_periods(found, outline, year, period or str(year), meta)


# A table flattened to lines: a header (指标 / 年度目标 / 上半年完成 / 同比增长(%)), then one line per cell.
#   地区生产总值(亿元)  增长6.5%左右  1062.8亿元  3.6%
TABLE_HEADER = re.compile(r"^(?:指标|[^\d]*(?:目标|完成|增长|增速|同比|预计|实际)[^\d]*(?:[(（][^)）]*[)）])?)$")
COLUMN_ROLES = ((r"目标|计划", "target"), (r"增长|增速|同比", "YearOnYearGrowth"), (r"完成|实际|预计", "ResultLevel"))
UNIT_IN_NAME = re.compile(r"^(?P<name>.+?)\s*[(（](?P<unit>[^)）]+)[)）]\s*$")


def table_bullets(text: str, paragraphs: list[Paragraph], year: int) -> list[IndicatorBullet]:
    """Read a flattened indicator table: one bullet per row, units from the headers when a cell has none."""
    lines = [p for p in paragraphs if p.kind != "bullet"]
    start = next((i for i, p in enumerate(lines) if text[p.start:p.end].strip() == "指标"), None)
    if start is None:
        return []
    header = [lines[start]]
    for p in lines[start + 1:]:
        if not TABLE_HEADER.match(text[p.start:p.end].strip()):
            break
        header.append(p)
    columns = [text[p.start:p.end].strip() for p in header]
    body = lines[start + len(header):]
    out = []
    for row_start in range(0, len(body) - len(columns) + 1, len(columns)):
        row = body[row_start:row_start + len(columns)]
        bullet = _table_row(text, row, columns, year)
        if bullet:
            out.append(bullet)
    return out


def _table_row(text: str, row: list[Paragraph], columns: list[str], year: int) -> IndicatorBullet | None:
    name_line = text[row[0].start:row[0].end].strip()
    named = UNIT_IN_NAME.match(name_line)
    name, row_unit = (named["name"], named["unit"]) if named else (name_line, None)
    if not name or re.search(r"\d", name):
        return None
    figures = []
    for cell, column in zip(row[1:], columns[1:]):
        kind = next((role for pattern, role in COLUMN_ROLES if re.search(pattern, column)), "ResultLevel")
        sentence = cell.sentences[0]
        if kind == "target":
            figures.extend(f for r in read_sentence(text, sentence, Subject((name,), 0, 0, True), True, loose=True)
                           for f in r.figures)
            continue
        for figure in find_figures(text, sentence.start, sentence.end):
            header_unit = UNIT_IN_NAME.match(column)
            unit = header_unit["unit"] if header_unit else row_unit
            unit_from = None
            if not (figure.unit or figure.scale) and unit:
                scale = next((k for k in ("万亿", "亿", "万") if unit.startswith(k)), None)
                figure, unit_from = replace(figure, scale=scale, unit=unit[len(scale or ""):]), "header"
            figures.append(IndicatorFigure(kind, sentence, figure.start, figure.end, figure.stated, figure,
                                           unit_from=unit_from))
    start = row[0].start + name_line.find(name) if name_line else row[0].start
    return IndicatorBullet(name, start, start + len(name), row[0], tuple(figures))
