"""Read every figure of the task paragraphs: value, unit, qualifier, what it measures, its period and context.

    组织高企培训会11场,掌握拟申报高新技术企业260家 → 11 场 of 高企培训会; 260 家 of 拟申报高新技术企业
    1-6月我区城市综合管理成绩排名中心城区第2          → a ranking: 城市综合管理成绩, rank 2 among 中心城区

Part one of a report says what was achieved; part two what is planned (``modality``). Figures that are not
facts (years, dates, ordinals, name parts) are left to :func:`plangraph.numbers.not_a_fact`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from .figure_periods import plans
from .numbers import Figure, cn_value, find_chinese_figures, find_figures, not_a_fact
from .outline import Outline, Paragraph, Sentence
from .repair import repaired

LABEL_MAX = 40        # a label longer than this is no label: keep the context short enough to read at a glance
SHORT_CLAUSE = 12     # a clause this short (培训人数约160人次) leans on the one before it for its meaning
CLAUSE_BREAK = re.compile(r"[,，。；;：:！!]")
SEGMENT_BREAK = re.compile(r"[,，。；;：:！!、]|和(?=[^和]{0,12}$)")
# Words that open a measured phrase; the noun phrase after the last one is what is measured.
# 发放低保金2461.96万元 → 低保金; 成功签约23个项目 → (after the measure word) 项目
VERBS = ("组织开展", "组织", "掌握", "完成", "签约", "推荐申报", "申报", "举办", "吸引", "协调解决", "认定", "兑现",
         "对接联系", "对接放款", "打造", "引进", "实现", "发布", "推送", "新建", "改建", "疏浚", "疏捞", "设立", "推进",
         "巡查", "建成", "扶持", "落实", "投放", "形成", "发放", "筹集", "启动", "加装", "调解", "审理", "办理", "推出",
         "办结", "拨付", "开展", "安排", "对口联系", "下达", "接待", "实施", "累计", "制作", "先开", "培育", "力争",
         "确保", "新开工", "拓展", "紧盯")
LEADING = re.compile(r"^(?:其中|上半年|下半年|今年以来|今年|全年|1\s*[-—]\s*6月)?\s*(?:我区|全区)?\s*(?:已|共|累计|为|和|及)?")
TRAILING = re.compile(r"(?:共计|总计|累计|达到|控制在|保持在|占比|超过|不低于|为|达|超|逾|约|近|共|的|\()+$")
# A measured noun after the measure word ends at punctuation, a digit, or one of these words.
AFTER_STOP = re.compile(r"[,，。；;：:、(（)）“”《》\d]|和|及|与|的|等|为|完成|申报|落地|全部|购买|对口|拨付|兑现|参加|入库|留汉"
                        r"|(?:建设|改造|工作|施工)(?:目标|任务)?(?=[,，。；;、]|$)|开工|创建"
                        r"|(?<=指标)中")        # 8项主要预期指标中,5项…: among the indicators
# Units whose figure measures the noun before it (低保金2461.96万元), not the noun after it.
UNITS_BEFORE = ("%", "元", "美元", "米", "平方米", "亩", "公里", "千米", "个百分点", "天", "个工作日", "成")
SCOPES = ("全国", "全省", "全市", "全区", "中心城区", "主城区", "新城区", "同类城区", "省内", "市内")
RANKING = re.compile(r"(?P<verb>排名|稳居|位居|位列|(?<!安)居)(?P<scope>" + "|".join(SCOPES) + r")"
                     r"第(?P<num>\d+|[一二三四五六七八九十]{1,3})")
RANGE_DASH = re.compile(r"\s*[-—~～至到]\s*")          # 1-2家
RANGE_NEXT = re.compile(r"\s*[-—~～至到]\s*\d")
QUOTED = re.compile(r"“[^“”]*”")
PERIOD_PREFIX = re.compile(r"^\s*(?:1\s*[-—]\s*6月|上半年|今年以来)?\s*(?:我区|全区)?")


@dataclass(frozen=True)
class Quantity:
    """A figure of the task text with its span ``[start, end)``; ``rank``/``scope`` are set for a ranking."""

    start: int
    end: int
    figure: Figure
    measures: str | None
    label: str
    sentence: Sentence
    planned: bool
    rank: int | None = None
    scope: str | None = None
    low: Decimal | None = None

    @property
    def value(self) -> Decimal:
        return self.figure.value


def find_quantities(text: str, outline: Outline, taken: tuple[tuple[int, int], ...] = ()) -> list[Quantity]:
    """Return every quantity and ranking of the task paragraphs, in text order, leaving out the ``taken`` spans
    (the indicator figures read from the same sentences). In the main-indicator block only the sentences that
    gave no indicator figure are read (8项主要预期指标中,5项达到或超过序时进度)."""
    skip = set(_indicator_sections(outline))
    planning = {p.key for p in outline.children(None, "part") if plans(p.title)}
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    out: list[Quantity] = []
    for paragraph in outline.paragraphs:
        if paragraph.kind != "task":
            continue
        in_block = _under(paragraph, skip)
        planned = (paragraph.section or "").split(".")[0] in planning
        for sentence in paragraph.sentences:
            if in_block and _any_taken(starts, sentence):
                continue
            out.extend(q for q in sentence_quantities(text, sentence, planned) if not _covered(spans, starts, q))
    return out


def _any_taken(starts: list[int], sentence: Sentence) -> bool:
    index = bisect_right(starts, sentence.end - 1) - 1
    return index >= 0 and starts[index] >= sentence.start


def _covered(spans: list[tuple[int, int]], starts: list[int], quantity: Quantity) -> bool:
    index = bisect_right(starts, quantity.figure.start) - 1
    return index >= 0 and spans[index][0] <= quantity.figure.start < spans[index][1]


def sentence_quantities(text: str, sentence: Sentence, planned: bool = False) -> list[Quantity]:
    """Return the quantities and rankings of one sentence."""
    out, taken = [], set()
    for match in RANKING.finditer(text, sentence.start, sentence.end):
        out.append(_ranking(text, sentence, match, planned))
        taken.add(match.start("num"))
    figures = find_figures(text, sentence.start, sentence.end) + find_chinese_figures(text, sentence.start, sentence.end)
    figures.sort(key=lambda f: f.start)
    pending: Figure | None = None
    prev_end = sentence.start
    for figure in figures:
        if figure.start in taken or not_a_fact(text, figure):
            continue
        if _range_start(text, figure):
            pending = figure
            continue
        low = pending.value if pending and RANGE_DASH.fullmatch(text, pending.end, figure.start) else None
        start = pending.start if low is not None else figure.start
        pending = None
        if not (figure.unit or figure.scale):
            continue
        measures = _measures(text, sentence, figure, start, prev_end)
        prev_end = figure.end
        out.append(Quantity(start, figure.end, figure, measures, _label(text, sentence, start, figure.end),
                            sentence, planned, low=low))
    return sorted(out, key=lambda q: q.start)


def _range_start(text: str, figure: Figure) -> bool:
    """The 1 of 1-2家: a bare number joined by a dash to the next figure."""
    return not (figure.unit or figure.scale) and bool(RANGE_NEXT.match(text, figure.end))


def _ranking(text: str, sentence: Sentence, match: re.Match, planned: bool) -> Quantity:
    num = match["num"]
    value = Decimal(num) if num.isdigit() else Decimal(cn_value(num) or {"一": 1, "二": 2}.get(num, 0))
    figure = Figure(match.start("num"), match.end("num"), num, value, None, None, None)
    clause = _clause_start(text, sentence, match.start())
    subject = PERIOD_PREFIX.sub("", text[clause:match.start()]).strip(" ,，")
    measures = repaired(subject) or None
    label = _label(text, sentence, match.start("num"), match.end())
    return Quantity(figure.start, figure.end, figure, measures, label, sentence, planned,
                    rank=int(value), scope=match["scope"])


def _clause_start(text: str, sentence: Sentence, at: int) -> int:
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, sentence.start, at)]
    return breaks[-1] if breaks else sentence.start


def _label(text: str, sentence: Sentence, start: int, end: int) -> str:
    """The clause around a figure, with the clause before when this one is short, at most LABEL_MAX characters."""
    clause = _clause_start(text, sentence, start)
    stop = CLAUSE_BREAK.search(text, end, sentence.end)
    clause_end = stop.start() if stop else sentence.end
    if clause_end - clause < SHORT_CLAUSE and clause > sentence.start:
        clause = _clause_start(text, sentence, clause - 1)
    if clause_end - clause > LABEL_MAX:
        clause_end = max(end, min(clause_end, start + LABEL_MAX // 2))
        clause = max(clause, clause_end - LABEL_MAX)
    return repaired(text[clause:clause_end].strip())


def _measures(text: str, sentence: Sentence, figure: Figure, start: int, prev_end: int) -> str | None:
    """The noun phrase a figure measures: after its measure word (11个项目), else before it (低保金2461.96万元)."""
    after = text[figure.end:sentence.end]
    stop = AFTER_STOP.search(after)
    noun = after[:stop.start() if stop else len(after)].strip()
    if noun and (figure.unit or "") not in UNITS_BEFORE:
        return repaired(noun)
    return _noun_before(text, sentence, start, prev_end)


def _noun_before(text: str, sentence: Sentence, start: int, prev_end: int) -> str | None:
    masked = QUOTED.sub(lambda m: "“" + "_" * (len(m.group()) - 2) + "”", text[sentence.start:start])
    breaks = [sentence.start + m.end() for m in SEGMENT_BREAK.finditer(masked)]
    segment_start = max(breaks[-1] if breaks else sentence.start, prev_end)
    phrase = TRAILING.sub("", text[segment_start:start].strip())
    phrase = LEADING.sub("", phrase)
    if "等" in phrase:
        phrase = phrase.rpartition("等")[2]
    cut = max((phrase.rfind(v) + len(v) for v in VERBS if v in phrase and phrase.rfind(v) + len(v) < len(phrase)),
              default=0)
    phrase = LEADING.sub("", phrase[cut:]).strip("“” (（")
    return repaired(phrase)[-LABEL_MAX:] or None


def _indicator_sections(outline: Outline) -> tuple[str, ...]:
    return tuple(s.key for s in outline.sections if s.kind == "block" and "主要指标" in s.title)


def _under(paragraph: Paragraph, keys: set[str]) -> bool:
    """Whether the paragraph's section is one of ``keys`` or lies under one: a look-up per level of its dotted key."""
    levels = (paragraph.section or "").split(".")
    return any(".".join(levels[:depth]) in keys for depth in range(1, len(levels) + 1))
