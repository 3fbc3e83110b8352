"""Read the main-indicator block: one ``——`` bullet per indicator, its annual target, then its results.

    ——全年地区生产总值预期目标增长7%。上半年地区生产总值完成779.43亿元,同比增长22.3%,较2019年同期增长4.9%。
      └ indicator ┘       └ target growth ┘             └ result level ┘ └ yoy growth ┘ └ growth vs 2019-S1 ┘
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import Figure, find_figures, not_a_fact
from .outline import Outline, Paragraph, Sentence

# Leading words before the indicator's name: 全年, 上半年, 全区, 计划实施 …
NAME_PREFIX = re.compile(r"^(?:——)?\s*(?:全年|年度|上半年|1\s*[-—至]\s*6月|今年以来)?[,，]?\s*(?:全区|我区)?\s*(?:计划实施|计划|预计)?")
# Where the name ends: the first word of target or result.
NAME_END = re.compile(r"上半年|全年|年度|预期|目标|计划|预计|完成|实现|增长|增速|增幅|同比|达到|较|比|控制|\d")
TARGET_SENTENCE = re.compile(r"^(?:——)?\s*(?:全年|年度)|预期目标|年度目标|全年目标")
ESTIMATE = re.compile(r"预计")

# Cues right before a figure, most specific first, each with a phrase of the genre: (pattern, role, sign).
ROLE_CUES = (
    (r"较(?P<base>\d{4})年同期(?:增长|提高|增加)$", "GrowthVsBase", 1),   # 较2019年同期增长4.9%
    (r"两年平均增长$", "AverageGrowth", 1),                              # 两年平均增长5.7%
    (r"(?:比|较)(?:去年|上年)同期(?:提升|提高|增加|上升)$", "ChangeInPoints", 1),  # 比去年同期提升0.9个百分点
    (r"(?:比|较)(?:去年|上年)同期(?:下降|降低|减少|回落)$", "ChangeInPoints", -1),
    (r"(?:达到|达|完成|为)(?:年度|全年)?(?:目标|预算|年计划)(?:进度)?的$", "ShareOfTarget", 1),  # 达到目标的63.53%
    (r"(?:单季|季度)增长$", "PartPeriodGrowth", 1),                     # 二季度单季增长1.9%
    (r"(?:高于|高|低于|低)(?P<scope>全国|全省|全市|省、市|省市|中心城区)[^\d]{0,4}$", "Comparison", 1),  # 增幅高于全市0.6个百分点
    (r"同比下降$|下降$|减少$", "YearOnYearGrowth", -1),                  # 同比下降40.9%
    (r"(?:同比增长|同比增速|增速|增幅|增长)$", "YearOnYearGrowth", 1),     # 同比增长22.3%, 增速-14.2%
)
_CUES = tuple((re.compile(p), role, sign) for p, role, sign in ROLE_CUES)
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


@dataclass(frozen=True)
class IndicatorBullet:
    """One bullet of the main-indicator block."""

    name: str
    name_start: int
    name_end: int
    paragraph: Paragraph
    figures: tuple[IndicatorFigure, ...]


def indicator_bullets(text: str, outline: Outline, year: int) -> list[IndicatorBullet]:
    """Return the indicator bullets of a report, each with its figures in text order."""
    return [bullet for p in outline.paragraphs if p.kind == "bullet"
            for bullet in [read_bullet(text, p, year)] if bullet]


def read_bullet(text: str, paragraph: Paragraph, year: int) -> IndicatorBullet | None:
    """Read one bullet paragraph: the indicator's name, then each sentence's figures."""
    first = paragraph.sentences[0]
    name_start, name = _name(text, first)
    if not name:
        return None
    figures: list[IndicatorFigure] = []
    for sentence in paragraph.sentences:
        target = sentence is first and bool(TARGET_SENTENCE.search(sentence.text))
        figures.extend(_sentence_figures(text, sentence, target, year))
    return IndicatorBullet(name, name_start, name_start + len(name), paragraph, tuple(figures))


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
    out, last_cue = [], None
    for figure in figures:
        before = text[sentence.start:figure.start].rstrip()
        role, sign, match = _role(before, figure, target)
        if match is None and last_cue and re.search(r"分别|[、和]\s*$", before):
            role, sign, match = last_cue      # 分别增长7%、9%、10%
        elif match is not None:
            last_cue = (role, sign, match)
        if sign < 0 and figure.value > 0:
            figure = _negated(figure)
        base = match["base"] if match is not None and "base" in match.groupdict() else None
        scope = match["scope"] if match is not None and "scope" in match.groupdict() else None
        out.append(IndicatorFigure(role, sentence, figure.start, figure.end, figure.stated, figure,
                                   base, scope, estimated))
    return out


def _role(before: str, figure: Figure, target: bool):
    for pattern, role, sign in _CUES:
        match = pattern.search(before)
        if match:
            if role == "YearOnYearGrowth" and target:
                role = "TargetGrowth"
            return role, sign, match
    if figure.unit == "%" and target:
        return "TargetGrowth", 1, None
    return ("TargetLevel" if target else "ResultLevel"), 1, None


def _qualitative(sentence: Sentence, target: bool, estimated: bool) -> list[IndicatorFigure]:
    match = QUALITATIVE.search(sentence.text)
    if not match:
        return []
    start = sentence.start + match.start("text")
    role = "TargetQualitative" if target else "ResultQualitative"
    return [IndicatorFigure(role, sentence, start, start + len(match["text"]), match["text"], estimated=estimated)]


def _negated(figure: Figure) -> Figure:
    return Figure(figure.start, figure.end, figure.stated, -figure.value, figure.scale, figure.unit,
                  figure.qualifier)
