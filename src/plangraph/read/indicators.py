"""Read the main-indicator block: one ``——`` bullet per indicator, its annual target, then its results.

    ——全年地区生产总值预期目标增长7%。上半年地区生产总值完成779.43亿元,同比增长22.3%,较2019年同期增长4.9%。
      └ indicator ┘       └ target growth ┘             └ result level ┘ └ yoy growth ┘ └ growth vs 2019-S1 ┘
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .numbers import Figure, find_figures, not_a_fact
from .outline import Outline, Paragraph, Sentence

# Leading words before the indicator's name: 全年, 上半年, 全区, 计划实施 …
NAME_PREFIX = re.compile(r"^(?:——)?\s*(?:全年|年度|上半年|1\s*[-—至]\s*6月|今年以来)?[,，]?\s*(?:全区|我区)?\s*(?:计划实施|计划|预计)?")
# Where the name ends: the first word of target or result.
NAME_END = re.compile(r"上半年|全年|年度|预期|目标|计划|预计|完成|实现|增长|增速|增幅|同比|达到|较(?:\d|去年|上年)|比(?:去年|上年)|控制|不低于|高于|低于|"
                      r"与经济增长|分别|[(（]|\d")
TARGET_SENTENCE = re.compile(r"^(?:——)?\s*(?:全年|年度)|预期目标|年度目标|全年目标")
ESTIMATE = re.compile(r"预计")
# A bullet's first sentence is the annual target unless it speaks of the half year (能耗降低率完成市级下达目标 is a target)
RESULT_WORDS = re.compile(r"上半年|截至|1\s*[-—]\s*6月|今年以来")

# Cues right before a figure, most specific first, each with a phrase of the genre: (pattern, role, sign).
ROLE_CUES = (
    (r"(?P<quarter>[一二三四])季度(?:单季)?增长$", "PartPeriodGrowth", 1),  # 二季度单季增长1.9%
    (r"(?:达到|达|完成|为)(?:年度|全年)?(?:目标|预算|年计划\s*[\d.]+\s*[万亿]*元)(?:进度)?的$", "ShareOfTarget", 1),
    (r"(?:年计划|年度计划)$", "TargetLevel", 1),                         # 完成年计划720亿元的56.8%: the 720
    (r"较(?P<base>\d{4})年同期(?:增长|提高|增加)$", "GrowthVsBase", 1),   # 较2019年同期增长4.9%
    (r"两年平均增长$", "AverageGrowth", 1),                              # 两年平均增长5.7%
    (r"(?:比|较)(?:去年|上年)同期(?:提升|提高|增加|上升)$", "ChangeInPoints", 1),  # 比去年同期提升0.9个百分点
    (r"(?:比|较)(?:去年|上年)同期(?:下降|降低|减少|回落)$", "ChangeInPoints", -1),
    (r"(?:达到|达|完成|为)(?:年度|全年)?(?:目标|预算|年计划)(?:进度)?的$", "ShareOfTarget", 1),  # 达到目标的63.53%
    (r"(?:单季|季度)增长$", "PartPeriodGrowth", 1),                     # 二季度单季增长1.9%
    (r"(?:高于|高|低于|低)(?P<scope>全国|全省|全市|省、市|省市|中心城区)[^\d]{0,4}$", "Comparison", 1),  # 增速分别高省、市1.4和2.6个百分点  # 增幅高于全市0.6个百分点
    (r"同比下降$|下降$|减少$", "YearOnYearGrowth", -1),                  # 同比下降40.9%
    (r"(?:同比增长|同比增速|增速|增幅|增长)$", "YearOnYearGrowth", 1),     # 同比增长22.3%, 增速-14.2%
)
_CUES = tuple((re.compile(p), role, sign) for p, role, sign in ROLE_CUES)
# A rank with its measure and scope: 规模排名中心城区第1, 增幅排名中心城区第3, 数量稳居全市第一, 规模位居中心城区第二
RANK = re.compile(r"(?P<measure>规模|增幅|增速|数量|总量|增量)?(?:排名|稳居|位居|位列|(?<!安)居)"
                  r"(?P<scope>全国|全省|全市|中心城区|主城区)第(?P<num>\d+|[一二三四五六七八九十]{1,3})")
CN_RANKS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# A comparison stated in words: 预计增长6.1%,高于经济增长水平
WORD_COMPARISON = re.compile(r"(?<=[,，])(?P<text>高于(?P<scope>经济增长)(?:水平)?)")
# A stated reason for a result: 增幅未达预期的主要原因是……, 受减税降费政策因素影响
REASON = re.compile(r"[^。,，]*主要原因是[^。]*|受[^。,，]{2,24}影响")
# A clause that names its own indicators: 规模以上工业增加值、数字经济核心产业增加值…分别增长7.4%、9.2%、10.6%
RESPECTIVELY = re.compile(r"^(?:上半年)?(?:全区|我区)?(?P<names>[^,，。]{4,}?)分别")
OWN_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff]{4,}(?:比重|增加值|收入|总额|产值))(?:比去年同期|比上年同期|同比|较)")
SCOPE_PARTS = {"省、市": ("省", "市"), "省市": ("省", "市")}
# Qualitative statements after the verb of a target: 计划增长高于经济增长, 不低于上年预计执行数
QUALITATIVE = re.compile(r"(?:预期目标|计划|目标)?(?:增长)?(?P<text>(?:高于|低于|不低于|与|完成|达到|保持|控制).+?)[。；]?$")


@dataclass(frozen=True)
class IndicatorFigure:
    """One figure of an indicator: its role, the figure (None when qualitative) and its sentence."""

    role: str
    sentence: Sentence
    start: int
    end: int
    text: str
    figure: Figure | None = None
    base_year: str | None = None
    scope: str | None = None
    estimated: bool = False
    indicator: str | None = None      # set when the clause names another indicator than the bullet's
    period: str | None = None         # a part period within the year: Q2
    unit_from: str | None = None      # "header" when a table cell's unit comes from its header


@dataclass(frozen=True)
class IndicatorBullet:
    """One bullet of the main-indicator block."""

    name: str
    name_start: int
    name_end: int
    paragraph: Paragraph
    figures: tuple[IndicatorFigure, ...]
    reasons: tuple[tuple[int, int, str], ...] = ()


def indicator_bullets(text: str, outline: Outline, year: int) -> list[IndicatorBullet]:
    """Return the indicator bullets of a report, each with its figures in text order."""
    bullets = [bullet for p in outline.paragraphs if p.kind == "bullet"
               for bullet in [read_bullet(text, p, year)] if bullet]
    keys = tuple(s.key for s in outline.sections if s.kind == "block" and "主要指标" in s.title)
    block = [p for p in outline.paragraphs if any((p.section or "") == k or (p.section or "").startswith(k + ".")
                                                 for k in keys)]
    return table_bullets(text, block, year) + bullets


def read_bullet(text: str, paragraph: Paragraph, year: int) -> IndicatorBullet | None:
    """Read one bullet paragraph: the indicator's name, then each sentence's figures."""
    first = paragraph.sentences[0]
    name_start, name = _name(text, first)
    if not name:
        return None
    figures: list[IndicatorFigure] = []
    for sentence in paragraph.sentences:
        target = sentence is first and bool(TARGET_SENTENCE.search(sentence.text) or not RESULT_WORDS.search(sentence.text))
        found = _sentence_figures(text, sentence, target, year) + _ranks(sentence) + _word_comparisons(sentence)
        figures.extend(_own_names(text, sentence, sorted(found, key=lambda f: f.start), name))
    reasons = tuple((s.start + m.start(), s.start + m.end(), m.group()) for s in paragraph.sentences
                    for m in REASON.finditer(s.text))
    return IndicatorBullet(name, name_start, name_start + len(name), paragraph, tuple(figures), reasons)


def _ranks(sentence: Sentence) -> list[IndicatorFigure]:
    out = []
    for m in RANK.finditer(sentence.text):
        num = m["num"]
        value = Decimal(num) if num.isdigit() else Decimal(CN_RANKS.get(num, 0) or 0)
        start = sentence.start + m.start("num")
        figure = Figure(start, start + len(num), num, value, None, "名", None)    # 名 as in 名次: the rank's unit
        out.append(IndicatorFigure("Rank", sentence, sentence.start + m.start(), sentence.start + m.end(), m.group(),
                                   figure, scope=m["scope"], estimated=bool(ESTIMATE.search(sentence.text))))
    return out


def _word_comparisons(sentence: Sentence) -> list[IndicatorFigure]:
    return [IndicatorFigure("Comparison", sentence, sentence.start + m.start(), sentence.start + m.end(), m["text"],
                            scope=m["scope"]) for m in WORD_COMPARISON.finditer(sentence.text)]


def _own_names(text: str, sentence: Sentence, figures: list[IndicatorFigure], name: str) -> list[IndicatorFigure]:
    """Give each figure of a clause that names its own indicators that indicator (分别增长7.4%、9.2%)."""
    out, clause_start = [], sentence.start
    for clause in re.split(r"(?<=[,，])", sentence.text):
        clause_end = clause_start + len(clause)
        names = _clause_names(clause, clause_start == sentence.start)
        inside = [f for f in figures if clause_start <= f.start < clause_end]
        for i, item in enumerate(inside):
            own = names[min(i, len(names) - 1)] if names else None
            out.append(replace(item, indicator=own) if own and own != name else item)
        clause_start = clause_end
    return out


def _clause_names(clause: str, first: bool) -> list[str]:
    match = RESPECTIVELY.match(clause)
    if match:
        parts = [p for p in re.split(r"[、和]", match["names"]) if p]
        tail = parts[-1]
        return [p + tail[len(p):] if len(p) <= 3 and len(tail) > len(p) else p for p in parts]
    match = None if first else OWN_NAME.match(clause)
    return [match["name"]] if match else []


def _name(text: str, sentence: Sentence) -> tuple[int, str]:
    body = sentence.text
    prefix = NAME_PREFIX.match(body)
    offset = prefix.end() if prefix else 0
    end = NAME_END.search(body, offset)
    name = body[offset:end.start() if end else len(body)].strip(" ,，。")
    return sentence.start + offset, name


def _sentence_figures(text: str, sentence: Sentence, target: bool, year: int) -> list[IndicatorFigure]:
    estimated = bool(ESTIMATE.search(sentence.text))
    figures = [f for f in find_figures(text, sentence.start, sentence.end) if not not_a_fact(text, f)]
    if not figures:
        return _qualitative(sentence, target, estimated)
    out, last_cue, run = [], None, 0
    for index, figure in enumerate(figures):
        before = text[sentence.start:figure.start].rstrip()
        role, sign, match = _role(before, figure, target)
        if match is None and last_cue and re.search(r"分别|[、和]\s*$", before):
            (role, sign, match), run = last_cue, run + 1      # 分别增长7%、9%、10%
        elif match is not None:
            last_cue, run = (role, sign, match), 0
        figure = _borrow_unit(text, figure, figures[index + 1:])
        if sign < 0 and figure.value > 0:
            figure = _negated(figure)
        groups = match.groupdict() if match is not None else {}
        base = groups.get("base") or (str(year - 2) if role == "AverageGrowth" else None)
        scope = groups.get("scope")
        scope = SCOPE_PARTS[scope][min(run, 1)] if scope in SCOPE_PARTS else scope
        period = f"Q{CN_RANKS[groups['quarter']]}" if groups.get("quarter") else None
        out.append(IndicatorFigure(role, sentence, figure.start, figure.end, figure.stated, figure,
                                   base, scope, estimated, period=period))
    return out


def _borrow_unit(text: str, figure: Figure, later: list[Figure]) -> Figure:
    """1.4和2.6个百分点: a bare figure joined to the next one takes its unit."""
    if figure.unit or figure.scale or not later or not re.fullmatch(r"\s*[和、至]\s*", text[figure.end:later[0].start]):
        return figure
    return replace(figure, scale=later[0].scale, unit=later[0].unit)


def _role(before: str, figure: Figure, target: bool):
    for pattern, role, sign in _CUES:
        match = pattern.search(before)
        if match:
            if role == "YearOnYearGrowth" and target:
                role = "TargetGrowth"
            return role, sign, match
    return ("TargetLevel" if target else "ResultLevel"), 1, None


def _qualitative(sentence: Sentence, target: bool, estimated: bool) -> list[IndicatorFigure]:
    match = QUALITATIVE.search(sentence.text)
    if not match:
        return []
    start = sentence.start + match.start("text")
    role = "TargetQualitative" if target else "ResultQualitative"
    return [IndicatorFigure(role, sentence, start, start + len(match["text"]), match["text"], estimated=estimated)]


def _negated(figure: Figure) -> Figure:
    return replace(figure, value=-figure.value)


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
            figures.extend(_sentence_figures(text, sentence, True, year))
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
