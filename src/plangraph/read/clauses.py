"""Read a sentence clause by clause: each clause's subject (an indicator), its figures and each figure's role.

    上半年GDP实现612.35亿元,同比增长5.8%,增速高于全市0.4个百分点。
          └subject┘└ result ┘ └ yoy growth ┘ └ comparison with 全市, +0.4 ┘

A clause without a subject of its own speaks of the one before it (同比增长5.8% is GDP's). Each figure's role and
sign come from the words just before it (its cue), looked up in :data:`ROLE_CUES`; falls are negative wherever
they are written (下降, 降低, 回落, 减少, 低于). Reading touches each character of the sentence a bounded number of
times: the cost is linear in the text's length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .numbers import Figure, cn_value, find_figures, not_a_fact
from .outline import Paragraph, Sentence
from .vocabulary import find_known, looks_like_indicator, starts_known

CLAUSE_END = re.compile(r"[,，;；:：、]")
DIGIT = re.compile(r"\d")
CLOSE = re.compile(r"[)）]")
# Words that open a clause without naming anything: periods, places, 其中, 初步核算, enumerations (一是房地产开发投资…) …
LEAD = re.compile(r"(?:(?:——|其中|初步核算|据初步核算|从\S{0,4}看|截至\d{1,2}月(?:末|底)|截至目前|\d{1,2}月(?:末|底|份)|上半年|下半年|"
                  r"前三季度|第?[一二三四]季度|全年|年度|今年以来|今年|1\s*[-—–~至]\s*\d{1,2}\s*月份?|全区|全市|全县|全省|全州|"
                  r"全旗|全镇|我区|我市|我县|我省|实际(?=完成|达到|为|增长|同比|下降|实现)|累计|另外|同时|力争|确保|争取|"
                  r"[一二三四五六七八九十]是|其[一二三四五]|首先|其次)\s*[,，、]?\s*)+")
# Where a subject ends: a verb or cue of the figure, a digit, a footnote.
NAME_END = re.compile(r"完成|实现|达到|达|为|增长|增速|增幅|同比|比上年|比去年|较|下降|降低|上涨|下跌|回落|减少|提高|提升|控制|"
                      r"保持|分别|预期|预计|计划|目标|均?居(?=全|第)|排名|位居|位列|稳居|总量(?=和|均|居|排名|位)|突破|超过|不低于|低于|高于|"
                      r"与(?=经济|地区)|占|"
                      r"[\d０-９]")
VERBS_BEFORE_NAME = re.compile(r"(?:完成|实现|达到)")
SHARE_OF = re.compile(r"占[^,，。；\d]{1,18}?(?:的)?(?:比重|比例)|占[^,，。；\d]{1,18}?的(?=[\d０-９])")
# 税收 占一般公共预算收入比重 为82.8%; 税收收入33.02亿元，占一般公共预算收入 的85.2%
PARENTHESES = re.compile(r"[(（][^()（）]{0,12}[)）]")               # 地区生产总值（GDP）, 地区生产总值(注1)
NOT_A_NAME = re.compile(r"[\d。“”《》]")                                  # a figure or a title is no subject
# Latin letters and digits glued into a name (PM2.5平均浓度, PM10): its code, no figure; not GDP8612.7亿元.
CODE = re.compile(r"(?<![A-Za-z])(?!(?:GDP|CPI|PPI|PMI)\d)[A-Za-z]+\d+(?:\.\d+)?")
ANAPHORA = re.compile(r"^(?:该|其|此|上述)")                             # 上半年该比重预计为4.05%: the one before
TARGET_WORDS = re.compile(r"预期|目标|计划(?!投资)|预算目标|力争|确保|调控")
LIST_JOIN = re.compile(r"[、和及与]|")
RANGE_JOIN = re.compile(r"^\s*[-—–~～至到]\s*$")
TARGET_AFTER = re.compile(r"^(?:左右|以上|以内)?的(?:调控|预期|年度|全年)?目标")   # 低于3%左右的调控目标

# Cues right before a figure, most specific first: (pattern on the clause's words before the figure, role, sign,
# example). A sign of -1 makes the figure negative (a fall), 0 leaves a stated sign alone.
ROLE_CUES = (
    (r"(?:完成|达到|达|为|占)了?(?:年度|全年|年)?(?:预期|控制)?(?:目标|预算|计划|任务)(?:进度)?的$", "ShareOfTarget", 1,
     "完成年度目标的55.1%"),
    (r"^的$", "ShareOfTarget", 1, "完成年度计划450亿元的52.6%: the 52.6"),
    (r"低于(?:年度|全年)?(?:预期|计划|控制)?(?:目标|预期)(?:增速)?$", "GapToTarget", -1, "低于年度预期目标1.2个百分点"),
    (r"(?:高于|超过|超出)(?:年度|全年)?(?:预期|计划|控制)?(?:目标|预期)(?:增速)?$", "GapToTarget", 1, "高于年度目标0.9个百分点"),
    (r"(?:年度|全年|年)?(?:预期|预算|控制|计划)?(?:目标|计划|预算)(?:任务)?$", "TargetLevel", 1,
     "完成年度计划450亿元: the 450; 年度控制目标4%以内"),
    (r"(?:低于|低|慢于)(?P<scope>全国|全省|全市|全州|省、市|省市|中心城区|主城区)[^\d]{0,6}$", "Comparison", -1,
     "低于全市0.3个百分点"),
    (r"(?:高于|高出|高|快于)(?P<scope>全国|全省|全市|全州|省、市|省市|中心城区|主城区)[^\d]{0,6}$", "Comparison", 1,
     "增速高于全市0.4个百分点; 高于全国平均水平0.1个百分点"),
    (r"较(?P<base>\d{4})年(?:同期)?(?:增长|提高|增加)$", "GrowthVsBase", 1, "较2019年同期增长4.9%"),
    (r"恢复到(?P<base>\d{4})年(?:同期)?(?:水平)?的$", "GrowthVsBase", 0, "恢复到2019年同期的112.4%"),
    (r"两年平均增长$", "AverageGrowth", 1, "两年平均增长5.7%"),
    (r"较年初(?:增加|增长|新增|多增)$", "ChangeSinceStartOfYear", 1, "较年初增加61.7亿元"),
    (r"较年初(?:减少|下降)$", "ChangeSinceStartOfYear", -1, "较年初减少3.2亿元"),
    (r"(?P<quarter>[一二三四])季度(?:单季)?增长$", "PartPeriodGrowth", 1, "二季度单季增长1.9%"),
    (r"(?:单季|季度)增长$", "PartPeriodGrowth", 1, "单季增长1.9%"),
    (r"(?:比|较)(?P<versus>一季度|二季度|三季度|上季度|上月|一季度增速)[^\d]{0,3}(?:下降|降低|回落|收窄|放缓)$",
     "ChangeInPoints", -1, "增速较一季度回落1.1个百分点"),
    (r"(?:比|较)(?P<versus>一季度|二季度|三季度|上季度|上月)[^\d]{0,3}(?:提高|提升|加快|扩大|上升)$", "ChangeInPoints", 1,
     "增速较一季度加快0.6个百分点"),
    (r"(?:提高|提升|上升|增加)到$|(?:提高|提升|上升|增加)至$|(?:下降|降低|降)(?:到|至)$", "ResultLevel", 1,
     "占全部投资的比重提高到31.5%"),
    (r"(?:下降|降低|减少|回落|下滑|下跌|收窄)$", "YearOnYearGrowth", -1, "同比下降4.3%; 同比降低2.7%"),
    (r"(?:增长|增速|增幅|上涨|上升|提高|提升|增加)$", "YearOnYearGrowth", 1, "同比增长5.8%; CPI上涨0.6%; 增速-14.2%"),
)
_CUES = tuple((re.compile(p), role, sign) for p, role, sign, _example in ROLE_CUES)
TARGET_ROLE = {"ResultLevel": "TargetLevel", "YearOnYearGrowth": "TargetGrowth"}
POINTS = ("个百分点", "百分点")
# A rank with its measure and scope: 增速排名全省第三, 总量和增速均居全省第一, 增速居全市各县(市)区第2位
RANK = re.compile(r"(?P<measure>(?:规模|增幅|增速|数量|总量|增量)(?:和(?:规模|增幅|增速|总量))?)?均?(?:排名|稳居|位居|位列|(?<!安)居)"
                  r"(?P<scope>全国|全省|全市|全州|中心城区|主城区)[^第，,。；]{0,12}第(?P<num>\d+|[一二三四五六七八九十]{1,3})位?")


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
    period: str | None = None         # the reference period (SDMX code) when it is not the report's own
    unit_from: str | None = None      # "header" when a table cell's unit comes from its header
    low: Decimal | None = None        # the low end of a range (6.5%-7%): the figure is the high end
    measure: str | None = None        # what a rank ranks: 总量, 增速


@dataclass(frozen=True)
class IndicatorBullet:
    """One indicator's passage: a bullet, a numbered item, a table row or a prose clause run."""

    name: str
    name_start: int
    name_end: int
    paragraph: Paragraph
    figures: tuple[IndicatorFigure, ...]
    reasons: tuple[tuple[int, int, str], ...] = ()
    known: bool = True                # the name is in the indicator table (or has an indicator's shape)
    group: str | None = None          # the words naming two or three indicators at once (城镇和农村居民人均可支配收入)


@dataclass(frozen=True)
class Subject:
    """The indicator a clause speaks of: its name(s) (two or three for 分别) and the span of the words."""

    names: tuple[str, ...]
    start: int
    end: int
    known: bool
    share_of: bool = False            # 占…比重: a share of the subject before, named after it
    group: str | None = None          # the stated words when they name two or three indicators (分别)


def clauses(text: str, start: int, end: int):
    """Yield (start, end) of each clause of ``text[start:end]``, split at commas, semicolons and colons, and at
    a 、 before a known indicator (地区生产总值增长6.5%以上、一般公共预算收入增长8%左右)."""
    cursor = start
    for match in CLAUSE_END.finditer(text, start, end):
        if match.group() == "、" and not (starts_known(text, match.end(), end)
                                          and DIGIT.search(text, cursor, match.start())):
            continue
        if _inside_parentheses(text, cursor, match.start()):
            continue
        yield cursor, match.end()
        cursor = match.end()
    if cursor < end:
        yield cursor, end


def _inside_parentheses(text: str, start: int, at: int) -> bool:
    piece = text[start:at]
    return piece.count("(") + piece.count("（") > piece.count(")") + piece.count("）")


def read_subject(text: str, start: int, end: int) -> Subject | None:
    """The subject a clause opens with (上半年GDP实现612.35亿元 → GDP), or None when it opens with its verb."""
    lead = LEAD.match(text, start, end)
    at = lead.end() if lead else start
    verb = VERBS_BEFORE_NAME.match(text, at, end)
    if verb:
        known = find_known(text[verb.end():end])
        if known and known.start() == 0:
            return Subject((known.group(),), verb.end(), verb.end() + known.end(), True)
    stop = _past_codes(text, at, end, NAME_END.search(text, at, end))
    while stop and _inside_parentheses(text, at, stop.start()):    # 地区生产总值(注1)预期目标: skip the note
        close = CLOSE.search(text, stop.start(), end)
        stop = NAME_END.search(text, close.end(), end) if close else None
    name_end = stop.start() if stop else end
    known_here = starts_known(text, at, end)
    if known_here and known_here.end() > name_end:      # 税收收入占比为67.2%: the known name, not 税收收入
        name_end = known_here.end()
    share = SHARE_OF.match(text, name_end, end)
    if share and name_end == at:        # 占一般公共预算收入比重达到89.6%: the share of the subject before
        return Subject((share.group().removesuffix("的"),), at, share.end(), True, share_of=True)
    if share:
        name_end = share.end()
    raw = text[at:name_end]
    name = PARENTHESES.sub("", raw).strip(" 　,，、的")
    if len(name) < 2 or NOT_A_NAME.search(CODE.sub("", name)) or ANAPHORA.match(name):
        return None
    respectively = "分别" in text[name_end:end]
    if "、" in name and not respectively:     # 固定资产投资、城镇新增就业3项指标…: a list counted, no subject
        return None
    names = _respectively(name) if respectively else (name,)
    known = all(find_known(n) for n in names)
    if not known and not all(looks_like_indicator(n) for n in names):
        return None
    return Subject(names, at, at + len(raw.rstrip(" 　,，、的")), known, group=name if len(names) > 1 else None)


def _past_codes(text: str, at: int, end: int, stop: re.Match | None) -> re.Match | None:
    """Where the name ends when the digits of a code inside it (PM2.5平均浓度) do not end it."""
    for code in CODE.finditer(text, at, end):
        if stop and code.start() <= stop.start() < code.end():
            stop = NAME_END.search(text, code.end(), end)
    return stop


def _respectively(name: str) -> tuple[str, ...]:
    """城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入 (the last name's tail is shared)."""
    parts = [p for p in re.split(r"[、和及]", name) if p]
    if len(parts) < 2:
        return (name,)
    tail = parts[-1]
    return tuple(p + tail[len(p):] if len(p) <= 3 and len(tail) > len(p) else p for p in parts)


def read_clause_figures(text: str, start: int, end: int, sentence: Sentence, target: bool,
                        anchor: int) -> list[IndicatorFigure]:
    """The figures of one clause, each with its role and sign; ``anchor`` is where the cue of the first may begin."""
    figures = [f for f in find_figures(text, start, end) if not not_a_fact(text, f)]
    out: list[IndicatorFigure] = []
    cursor = max(anchor, start)
    index = 0
    while index < len(figures):
        figure = figures[index]
        low = None
        following = figures[index + 1] if index + 1 < len(figures) else None
        if following and _joined_as_range(text, figure, following):
            low, figure = figure.value, _range(text, figure, following)
            index += 1
        cue = text[cursor:figure.start].strip()
        if out and LIST_JOIN.fullmatch(cue):        # 分别增长5.8%、7.4%: the 7.4 is read as the 5.8 was
            previous = out[-1]
            sign = -1 if previous.figure.value < 0 and figure.value > 0 else 1
            figure = replace(figure, value=figure.value * sign)
            out.append(replace(previous, start=figure.start, end=figure.end, text=figure.stated, figure=figure, low=low))
        else:
            out.append(_figure(text, figure, cue, sentence, target, low))
        cursor = figure.end
        index += 1
    return out


def _joined_as_range(text: str, first: Figure, second: Figure) -> bool:
    between = text[first.end:second.start]
    if second.value < 0 and not between:          # 6.5%-7%: the dash was read as a minus sign
        return True
    return bool(RANGE_JOIN.match(between)) and (not first.unit or first.unit == second.unit)


def _range(text: str, low: Figure, high: Figure) -> Figure:
    """6.5%-7%: one figure spanning both ends, its value the high end (the low end is kept beside it)."""
    return replace(high, start=low.start, stated=text[low.start:high.end], value=abs(high.value))


def _figure(text: str, figure: Figure, cue: str, sentence: Sentence, target: bool, low) -> IndicatorFigure:
    role, sign, groups = _role(cue, figure)
    after = text[figure.end:figure.end + 12]
    if TARGET_AFTER.match(after) or role in TARGET_ROLE and (target or TARGET_WORDS.search(cue)):
        role = TARGET_ROLE.get(role, "TargetLevel")
    if role == "YearOnYearGrowth" and figure.unit in POINTS:
        role = "ChangeInPoints"
    if sign < 0 and figure.value > 0:
        figure = replace(figure, value=-figure.value)
    period = f"Q{cn_value(groups['quarter']) or 1}" if groups.get("quarter") else None
    return IndicatorFigure(role, sentence, figure.start, figure.end, text[figure.start:figure.end], figure,
                           base_year=groups.get("base"), scope=groups.get("scope"),
                           estimated="预计" in sentence.text, period=period, low=low)


def _role(cue: str, figure: Figure) -> tuple[str, int, dict]:
    for pattern, role, sign in _CUES:
        match = pattern.search(cue)
        if match:
            return role, sign, match.groupdict()
    return "ResultLevel", 1, {}


def read_ranks(text: str, start: int, end: int, sentence: Sentence) -> list[IndicatorFigure]:
    """The ranks of a clause: 增速排名全省第三 → 3; 总量和增速均居全省第一 → two ranks of 1."""
    out = []
    for match in RANK.finditer(text, start, end):
        num = match["num"]
        value = Decimal(num) if num.isdigit() else Decimal(cn_value(num) or {"一": 1, "二": 2}.get(num, 0))
        measures = [(m.start(), m.group()) for m in re.finditer(r"[^和]+", match["measure"] or "")] or [(0, None)]
        for offset, measure in measures:
            at = match.start("measure") + offset if measure else match.start()
            figure = Figure(match.start("num"), match.end(), text[match.start("num"):match.end()], value, None, "名", None)
            out.append(IndicatorFigure("Rank", sentence, at, match.end(), text[at:match.end()], figure,
                                       scope=match["scope"], measure=measure))
    return out


MONTH = re.compile(r"(?<![\d\-—–~至])(?P<month>\d{1,2})\s*月份")      # 9月份全省制造业PMI为50.9%, not 1—6月份
QUARTER = re.compile(r"(?<!前)(?P<quarter>[一二三四])季度")                 # 第二季度PM2.5平均浓度…, not 前三季度
# A qualitative target or result: 与经济增长同步, 高于经济增长, 完成市级下达目标
QUALITATIVE = re.compile(r"(?P<text>(?:增长)?(?:与经济增长(?:基本)?同步|高于经济增长(?:水平)?|不低于上年\S{0,6}|完成(?:省|市|区|县)级下达(?:的)?目标"
                         r"(?:任务)?))")
# In a bullet any such phrase is the indicator's: 高于GDP较2019年同期增速
LOOSE_QUALITATIVE = re.compile(r"(?:预期目标|计划|目标)?(?:增长)?(?P<text>(?:高于|低于|不低于|与|完成|达到|保持|控制)[^。；;]+?)(?=[。；;]|$)")
SCOPE_PARTS = {"省、市": ("省", "市"), "省市": ("省", "市")}


@dataclass(frozen=True)
class Reading:
    """The figures of one subject within one sentence."""

    subject: Subject
    figures: tuple[IndicatorFigure, ...]


def read_sentence(text: str, sentence: Sentence, default: Subject | None = None, target: bool = False,
                  known_only: bool = False, loose: bool = False) -> list[Reading]:
    """Read a sentence's clauses in order; a clause without a subject speaks of the last one (or ``default``)."""
    if not _may_hold_figures(text, sentence, loose):
        return []
    readings: dict[Subject, list[IndicatorFigure]] = {}
    current = default
    for start, end in clauses(text, sentence.start, sentence.end):
        subject = read_subject(text, start, end)
        if subject is not None and subject.share_of:
            subject = replace(subject, names=(current.names[0] + subject.names[0],), known=current.known,
                              share_of=False) if current else None
        if subject is not None:
            current = subject
        elif current is not None and _names_another(text, start, end, current):
            current = None
        # 工业投资、民间投资和基础设施投资分别增长…: two or three indicator-shaped names spread over as many
        # figures are indicators by their shape, even where only the table's indicators count
        if current is None or known_only and not (current.known or current.group):
            continue
        anchor = subject.end if subject is not None else start
        lead = LEAD.match(text, start, end)
        target = target or bool(lead and TARGET_WORDS.search(lead.group()))   # 力争全年地区生产总值增长6.5%以上、…
        found = read_clause_figures(text, start, end, sentence, target, anchor)
        found = _in_month(text, start, end, _borrowed_units(text, found)) + read_ranks(text, start, end, sentence)
        found += _qualitative(text, start, end, sentence, target, loose) if not found else []
        readings.setdefault(current, []).extend(_spread(current, found, text, start, end))
    return [Reading(s, tuple(f)) for s, f in readings.items() if f]


def _may_hold_figures(text: str, sentence: Sentence, loose: bool) -> bool:
    """Whether a clause of the sentence can hold a figure: a digit, a rank or a figure in words somewhere in it.
    Most sentences of a report's prose have none; they are passed over without reading their clauses."""
    start, end = sentence.start, sentence.end
    return bool(DIGIT.search(text, start, end) or RANK.search(text, start, end)
                or (LOOSE_QUALITATIVE if loose else QUALITATIVE).search(text, start, end))


def _names_another(text: str, start: int, end: int, current: Subject) -> bool:
    """Whether a clause opens with a name of its own, no indicator and not the subject before's, so that its figures
    are not that subject's: 新增城镇就业3万人以上，新建改扩建中小学和幼儿园10所以上 (the 10 are schools, not jobs;
    实施重大项目206项 after 重大项目 stays 重大项目's, as 新申报高新技术企业 after 新认定高新技术企业 does)."""
    lead = LEAD.match(text, start, end)
    at = lead.end() if lead else start
    stop = NAME_END.search(text, at, end)
    if VERBS_BEFORE_NAME.match(text, at, end) or not stop or not DIGIT.match(text, stop.start()):
        return False
    name = text[at:stop.start()].strip(" 　,，、的")
    return (len(name) >= 4 and not re.search(r"[\d。“”《》()（）]", name) and not ANAPHORA.match(name)
            and not any(_shares_words(name, known) for known in current.names))


def _shares_words(name: str, other: str) -> bool:
    """Whether two names share two characters in a row: 新申报高新技术企业 and 新认定高新技术企业 do."""
    return any(other[i:i + 2] in name for i in range(len(other) - 1))


def _spread(subject: Subject, found: list[IndicatorFigure], text: str, start: int, end: int) -> list[IndicatorFigure]:
    """分别: the i-th figure of the clause belongs to the i-th name (城镇和农村居民人均可支配收入分别增长5.8%、7.4%)."""
    if len(subject.names) < 2 or "分别" not in text[start:end]:
        return found
    out, values = [], [f for f in found if f.role != "Rank"]
    for index, item in enumerate(values):
        out.append(replace(item, indicator=subject.names[index % len(subject.names)]))
    return out + [f for f in found if f.role == "Rank"]


def _borrowed_units(text: str, found: list[IndicatorFigure]) -> list[IndicatorFigure]:
    """1.4和2.6个百分点: a bare figure joined to the next one takes its unit; 省、市 splits its scope."""
    out = []
    for index, item in enumerate(found):
        later = found[index + 1] if index + 1 < len(found) else None
        figure = item.figure
        if later and not (figure.unit or figure.scale) and re.fullmatch(r"\s*[和、至]\s*", text[item.end:later.start]):
            figure = replace(figure, scale=later.figure.scale, unit=later.figure.unit)
            later_role = later.role
            item = replace(item, figure=figure, role=later_role if item.role == "ResultLevel" else item.role,
                           scope=later.scope or item.scope)
        out.append(item)
    scoped = [i for i, item in enumerate(out) if item.scope in SCOPE_PARTS]
    for rank, i in enumerate(scoped):
        out[i] = replace(out[i], scope=SCOPE_PARTS[out[i].scope][min(rank, 1)])
    return out


def _in_month(text: str, start: int, end: int, found: list[IndicatorFigure]) -> list[IndicatorFigure]:
    """9月份全省制造业PMI为50.9%: a figure of one month (or quarter) carries it as its period (M09, Q2, SDMX)."""
    lead = LEAD.match(text, start, end)
    month = MONTH.search(text, start, lead.end()) if lead else None
    quarter = QUARTER.search(text, start, lead.end()) if lead else None
    if not (month or quarter):
        return found
    code = f"M{int(month['month']):02d}" if month else f"Q{cn_value(quarter['quarter'])}"
    return [replace(item, period=item.period or code) for item in found]


def _qualitative(text: str, start: int, end: int, sentence: Sentence, target: bool,
                 loose: bool) -> list[IndicatorFigure]:
    """A target or result stated in words; ``loose`` (in a bullet) takes any 高于/完成/保持… phrase to the clause's end."""
    match = (LOOSE_QUALITATIVE if loose else QUALITATIVE).search(text, start, end)
    if not match:
        return []
    role = "TargetQualitative" if target or TARGET_WORDS.search(text[start:match.start()]) else "ResultQualitative"
    return [IndicatorFigure(role, sentence, match.start("text"), match.end("text"), match["text"],
                            estimated="预计" in sentence.text)]
