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
    "千瓦时", "标准箱", "微克/立方米", "毫克/立方米", "床", "余", "倍", "天", "小时", "分钟", "岁", "大类", "个工作日", "工作日", "成",
)
# Qualifiers: before the figure (超1.74万亿, 约160人次, 逾93.3亿元, 突破150亿元) or after it (1万余名, 10%以上,
# 5.5%以内)
QUALIFIERS_BEFORE = {"超过": "MoreThan", "超": "MoreThan", "逾": "MoreThan", "突破": "MoreThan", "约": "About",
                     "近": "About", "不低于": "AtLeast", "不少于": "AtLeast", "达": None}
QUALIFIERS_AFTER = {"以上": "AtLeast", "以内": "Within", "以下": "Within", "左右": "About", "余": "MoreThan",
                    "多": "MoreThan"}

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_UNIT_ALT = "|".join(sorted(map(re.escape, set(UNITS) - {"余"}), key=len, reverse=True))
DIGIT = re.compile(r"\d")
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
    if not DIGIT.search(text, start, end):
        return []                                       # most sentences: no digit (full-width ones are \d too)
    piece = text[start:end].translate(_FULL_WIDTH)      # only the piece: reading stays linear in the text
    out = []
    for match in FIGURE.finditer(piece):
        at = start + match.start("num")
        if not match["num"] or at > 0 and text[at - 1].isdigit():
            continue
        figure = _figure(text, match, start)
        if figure:
            out.append(figure)
    return out


NUM_NOISE = re.compile(r"\s|．")     # 779 .43, 779．43


def _figure(text: str, match: re.Match, offset: int) -> Figure | None:
    digits = NUM_NOISE.sub(lambda m: "." if m.group() == "．" else "", match["num"])
    value = Decimal(digits)
    negative = bool(match["sign"]) and not _is_range(text, offset + match.start())
    if negative:
        value = -value
    qualifier = _qualifier_before(text, offset + match.start()) or QUALIFIERS_AFTER.get(
        match["more"] or match["after"] or "")
    start = offset + (match.start("num") if not negative else match.start())
    end = offset + match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Figure(start, end, text[start:end], value, match["scale"], match["unit"], qualifier)


def _is_range(text: str, dash: int) -> bool:
    """A dash after a digit is a range (1-6月, 1-2家), not a minus sign."""
    return dash > 0 and text[dash - 1].isdigit()


# Words that end in a qualifier's character without being one: 签约23个 is no "about 23".
NOT_QUALIFIERS = ("签约", "节约", "预约", "制约", "公约", "条约", "契约", "邀约")


_QUALIFIER_ENDS = frozenset(word[-1] for word in QUALIFIERS_BEFORE)


def _qualifier_before(text: str, start: int) -> str | None:
    if start == 0 or text[start - 1] not in _QUALIFIER_ENDS:
        return None                         # most figures: no qualifier word can end right before them
    for word, name in QUALIFIERS_BEFORE.items():
        if text.endswith(word, 0, start) and not any(text.endswith(w, 0, start) for w in NOT_QUALIFIERS):
            return name
    return None


# Figures that are not facts, each with a phrase of the genre: (kind, text before, text after).
NOT_FACTS = (
    ("range", r"", r"^\s*[-—~～至到]\s*\d+\s*月"),     # the 1 of 1-6月
    ("range", r"\d\s*[-—~～至到]\s*$", r"^\s*月"),      # the 6 of 1-6月
    ("year", r"", r"^\s*年"),                            # 2021年, 较2019年同期
    ("date", r"", r"^\s*[月日]"),                         # 6月30日
    ("year", r"", r"^\s*[-—~～至到]\s*\d{4}\s*年"),       # the 2021 of 2021—2023年
    ("ordinal", r"第\s*$", r""),                         # 第3, 第二批
    ("heading number", r"(?:^|\n)\s*$", r"^\s*[.、．]"),    # 1.发挥创新引领作用
    ("document number", r"〔\s*$", r"^\s*〕"),            # 武昌发〔2021〕5号
    ("document number", r"〕\s*$", r"^\s*号"),            # 武昌发〔2021〕5号
    ("name part", r"", r"^\s*(号线|号楼|号院|号)"),       # 11号线, 临江大道76号
    ("threshold", r"", r"^\s*(?:万|亿)?元?(?:以上|以下)(?:的)?[\u4e00-\u9fff]{0,6}?(?:项目|企业|村|楼宇|工程|商户|主体)"),
    # 5000万元以上重点项目, 10亿元以上项目, 10万元以上的村: a threshold that picks the things counted
    ("name part", r"(?<![A-Za-z])(?!(?:GDP|CPI|PPI|PMI)\s*$)[A-Za-z]+\s*$", r""),   # 万吨冷库W2地块, 滨江核心区E1 (not GDP8612.7亿元)
    ("name part", r"", r"^[A-Za-z]"),                    # 5G宏站
    ("name part", r"\+\s*$", r""),                       # “5+N”模式
    ("name part", r"", r"^\s*\+"),                       # “5+N”模式
    ("name part", r"", r"^\s*分钟[^，,。；]{0,6}圈"),       # 打造12分钟文化圈, “15分钟生活圈”
    ("name part", r"", r"^\s*小时(?:自助|防汛|值班|在线|不打烊)"),  # 发挥24小时自助服务作用
    ("name part", r"世界\s*$", r"^\s*强"),                # 世界500强
    ("name part", r"", r"^\s*分(?:以上)?人数"),             # 600分人数稳居全市第一 (names the group ranked)
    ("name part", r"", r"^\s*周岁(?:以上|以下)"),           # 65周岁以上老年人: the age that picks the group
    ("phone number", r"", r"^[^，,。；\d]{0,8}热线"),       # 12345政务服务便民热线, 12345热线
    ("anniversary", r"", r"^\s*周年"),                    # 庆祝中国共产党成立100周年
    ("duration", r"连续\s*$", r"^\s*个?(?:月|年|季度|周|天)"),   # PMI连续3个月位于扩张区间: how long, not how much
    ("footnote", r"[(（]\s*注\s*$", r"^\s*[)）]"),        # 地区生产总值(注1)预期目标增长6.5%
)
_NOT_FACTS = tuple((kind, re.compile(b) if b else None, re.compile(a) if a else None) for kind, b, a in NOT_FACTS)
# Every row needs its text before or its text after to match: when neither alternation does, no row can.
_ANY_BEFORE = re.compile("|".join(f"(?:{b})" for _, b, _ in NOT_FACTS if b))
_ANY_AFTER = re.compile("|".join(f"(?:{a})" for _, _, a in NOT_FACTS if a))


def not_a_fact(text: str, figure: Figure) -> str | None:
    """Say why a figure is not a fact (year, date, ordinal, name part, range), or None when it is one."""
    before, after = text[max(0, figure.start - 8):figure.start], text[figure.end:figure.end + 12]
    if figure.unit or figure.scale:
        at = figure.start + len(figure.stated.split(figure.unit or figure.scale)[0])
        after = text[at:at + 12]            # never text[at:][:12]: that copies the rest of the report
    if not (_ANY_BEFORE.search(before) or _ANY_AFTER.search(after)):
        return None                         # most figures: one search each side instead of one per row
    for kind, pattern_before, pattern_after in _NOT_FACTS:
        if (not pattern_before or pattern_before.search(before)) and (
                not pattern_after or pattern_after.search(after)):
            if kind == "year" and not (1900 <= abs(figure.value) <= 2100):
                continue
            return kind
    return None


# Chinese numerals that count: 两期, 三个核心商圈, 八成左右. 一 and 二 are left out on purpose: 一 is mostly
# idiom (一批, 一件事, 一期 as a phase) and 二 mostly ordinal (二期, 二季度); cardinal two is written 两.
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = ("个", "场", "宗", "家", "所", "项", "次", "批", "条", "种", "成", "位", "名", "座", "栋", "户", "套", "期")
CN_FIGURE = re.compile(r"(?P<num>[两三四五六七八九十]{1,3})(?P<more>余|多)?(?P<unit>" + "|".join(CN_UNITS) + r")"
                       r"(?P<after>左右|以上)?")
# Numerals that are part of a name, not a count, each with its phrase: (text before, text after).
CN_NAME_PARTS = (
    (r"(?:第|[一二三四五六七八九十两零百])$", r""),  # 第三批, 第二十九次会议
    (r"“[^”“]{0,10}$", r"^[^“”]{0,12}”"),  # “五个中心”, “一谱一策三清单”
    (r"", r"^[\u4e00-\u9fff]{0,6}\d"),      # 残疾人两项补贴365.42万元: the figure after measures the named thing
    (r"", r"^(?:会议|全会|全体会议|党代会|常委会)"),  # 区十七届人大三次会议, 省委十二届三次全会: a meeting's ordinal
    (r"", r"^班子"),                           # 区四套班子: the four leading bodies, a name
)


def cn_value(numeral: str) -> int | None:
    """Return the value of a Chinese numeral below 100 (两 → 2, 十二 → 12, 三十 → 30), or None."""
    tens, _, ones = numeral.rpartition("十") if "十" in numeral else ("", "", numeral)
    if "十" in numeral:
        high = CN_DIGITS.get(tens, 1 if tens == "" else None)
        low = CN_DIGITS.get(ones, 0 if ones == "" else None)
        return None if high is None or low is None else high * 10 + low
    return CN_DIGITS.get(numeral) if len(numeral) == 1 else None


def find_chinese_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Return the counts written in Chinese numerals in ``text[start:end]`` (两期, 三个核心商圈, 八成左右)."""
    end = len(text) if end is None else end
    out = []
    for match in CN_FIGURE.finditer(text, start, end):
        value = cn_value(match["num"])   # the pattern itself leaves out a leading 一 or 二
        if value is None or match["unit"] == "期" and match["num"] != "两":    # 四期, 五期: phases of a project
            continue
        before, after = text[max(0, match.start() - 12):match.start()], text[match.end():match.end() + 14]
        if any(re.search(b, before) if b else True for b, a in CN_NAME_PARTS if not a or re.search(a, after)):
            continue
        qualifier = QUALIFIERS_AFTER.get(match["more"] or match["after"] or "") or _qualifier_before(text, match.start())
        out.append(Figure(match.start(), match.end(), match.group(), Decimal(value), None, match["unit"], qualifier))
    return out
