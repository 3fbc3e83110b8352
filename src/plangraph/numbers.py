"""Find the figures in a piece of text: value as stated, scale word, unit or measure word, qualifier.

``779.43亿元`` → 779.43 × 10^8 元; ``1万余名`` → 1 × 10^4 名, more than; ``超1.74万亿`` → 1.74 × 10^12, over.
Spaces inside a figure (``779.43 亿元``) and full-width digits are read as if they were not there; spans
always point at the stored text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
# Units and measure words, longest first where one is a prefix of another.
UNITS = (
    "个百分点", "百分点", "平方公里", "平方米", "立方米", "公顷", "公里", "千米", "人次", "户次", "件次", "辆次",
    "%", "‰", "元", "美元", "吨", "亩", "米", "项", "个", "家", "场", "人", "名", "次", "处", "条", "座", "套", "户",
    "部", "所", "期", "件", "笔", "宗", "栋", "根", "段", "片", "批", "批次", "类", "种", "样", "张", "台", "辆", "间",
    "位", "支", "只", "班", "届", "季", "轮", "单", "份", "本", "篇", "例", "株", "棵", "盏", "公顷", "千瓦",
    "千瓦时", "标准箱", "床", "余", "倍", "天", "小时", "分钟",
)
# Qualifiers: before the figure (超1.74万亿, 约160人次, 逾93.3亿元) or after it (1万余名, 10%以上, 5.5%以内)
QUALIFIERS_BEFORE = {"超过": "MoreThan", "超": "MoreThan", "逾": "MoreThan", "约": "About", "近": "About",
                     "不低于": "AtLeast", "不少于": "AtLeast", "达": None}
QUALIFIERS_AFTER = {"以上": "AtLeast", "以内": "Within", "以下": "Within", "左右": "About", "余": "MoreThan",
                    "多": "MoreThan"}

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_UNIT_ALT = "|".join(sorted(map(re.escape, set(UNITS) - {"余"}), key=len, reverse=True))
FIGURE = re.compile(
    r"(?P<sign>[-−－])?(?P<num>\d+(?:\s?[.．]\s?\d+)?)\s*"
    r"(?P<scale>万亿|亿|万|千)?(?P<more>余|多)?\s*(?P<unit>" + _UNIT_ALT + r")?(?P<after>以上|以内|以下|左右)?")


@dataclass(frozen=True)
class Figure:
    """A figure found in text, with its span ``[start, end)`` in that text."""

    start: int
    end: int
    stated: str
    value: Decimal
    scale: str | None
    unit: str | None
    qualifier: str | None

    @property
    def unit_label(self) -> str | None:
        """The unit as stated, scale included: 亿元, 万平方米, 万亿."""
        if not (self.scale or self.unit):
            return None
        return (self.scale or "") + (self.unit or "")

    @property
    def normalized(self) -> Decimal:
        """The value in base units (亿元 → 元); percentages stay percentages."""
        value = self.value * SCALES.get(self.scale or "", Decimal(1))
        return Decimal(format(value.normalize(), "f"))


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Return every Arabic-digit figure in ``text[start:end]``, with spans into ``text``."""
    end = len(text) if end is None else end
    out = []
    for match in FIGURE.finditer(text.translate(_FULL_WIDTH), start, end):
        if not match["num"] or match.start("num") > 0 and text[match.start("num") - 1].isdigit():
            continue
        figure = _figure(text, match)
        if figure:
            out.append(figure)
    return out


def _figure(text: str, match: re.Match) -> Figure | None:
    digits = re.sub(r"\s|．", lambda m: "." if m.group() == "．" else "", match["num"])
    value = Decimal(digits)
    negative = bool(match["sign"]) and not _is_range(text, match.start())
    if negative:
        value = -value
    qualifier = _qualifier_before(text, match.start()) or QUALIFIERS_AFTER.get(match["more"] or match["after"] or "")
    start = match.start("num") if not negative else match.start()
    end = match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Figure(start, end, text[start:end], value, match["scale"], match["unit"], qualifier)


def _is_range(text: str, dash: int) -> bool:
    """A dash after a digit is a range (1-6月, 1-2家), not a minus sign."""
    return dash > 0 and text[dash - 1].isdigit()


def _qualifier_before(text: str, start: int) -> str | None:
    for word, name in QUALIFIERS_BEFORE.items():
        if text.endswith(word, 0, start):
            return name
    return None


# Figures that are not facts, each with a phrase of the genre: (kind, text before, text after).
NOT_FACTS = (
    ("range", r"", r"^\s*[-—~～至到]\s*\d+\s*月"),     # the 1 of 1-6月
    ("range", r"\d\s*[-—~～至到]\s*$", r"^\s*月"),      # the 6 of 1-6月
    ("year", r"", r"^\s*年"),                            # 2021年, 较2019年同期
    ("date", r"", r"^\s*[月日]"),                         # 6月30日
    ("ordinal", r"第\s*$", r""),                         # 第3, 第二批
    ("name part", r"", r"^\s*(号线|号楼|号院|号)"),       # 11号线, 临江大道76号
)


def not_a_fact(text: str, figure: Figure) -> str | None:
    """Say why a figure is not a fact (year, date, ordinal, name part, range), or None when it is one."""
    before, after = text[max(0, figure.start - 8):figure.start], text[figure.end:figure.end + 6]
    if figure.unit or figure.scale:
        after = text[figure.start + len(figure.stated.split(figure.unit or figure.scale)[0]):][:6]
    for kind, pattern_before, pattern_after in NOT_FACTS:
        if (not pattern_before or re.search(pattern_before, before)) and (
                not pattern_after or re.search(pattern_after, after)):
            if kind == "year" and not (1900 <= abs(figure.value) <= 2100):
                continue
            return kind
    return None
