"""Read the lines above a report's first part: portal metadata, a notice, the title, the occasion, the presenter.

Each reader takes the header lines as ``(start, end, line)`` and gives back what it read with the span of its
lines, so the graph can point at them. The patterns are data, each with a real header line beside it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .outline import cn_number
from .periods import arabic_years

Line = tuple[int, int, str]
Span = tuple[int, int]

# 索引号：11340104003142709K/202308-00047 — one or several "key：value" fields on a line, above the title
PORTAL_KEYS = ("索引号", "发布机构", "发文机关", "发文单位", "成文日期", "发布日期", "生成日期", "发文字号", "文号",
               "主题分类", "公开方式", "公开范围", "有效性", "标题", "名称", "信息来源", "来源")
_KEY = "|".join(PORTAL_KEYS)
PORTAL_FIELD = re.compile(rf"(?P<key>{_KEY})\s*[:：]\s*(?P<value>.*?)\s*(?=(?:{_KEY})\s*[:：]|$)")
# 关于印发《历下区2024年国民经济和社会发展计划》的通知
NOTICE = re.compile(r"^(?P<issuer>\S{2,30}?)?关于(?:印发|下达|转发|公布)《(?P<inner>[^》]+)》的通知$")
# 历下政发〔2024〕3号, 小政发[2023]9号
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
# 济南市历下区人民政府 (the body that signs a notice)
ISSUER = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:人民政府|政府办公室|人民政府办公室|办公厅|委员会|局)$")
# 2024年1月26日, 二〇二四年一月二十六日
DATE = re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
                  r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")
# 关于小店区2023年上半年…的报告; 南昌市青山湖区人民政府关于青山湖区2023年1—6月份…的报告; 历下区2024年…计划
TITLE = re.compile(
    r"^(?:(?P<issuer>[^\s关《]{2,30}?(?:人民政府|办公室|委员会|局))?关于)?(?P<subject>[^\d\s:：,，。、《》()（）]{0,20}?)\s*"
    r"(?P<year>\d{4})\s*年(?P<rest>.*?(?:国民经济|计划|规划).*?(?:报告|计划|草案))"
    r"(?:\s*[(（][^)）]{1,10}[)）])?$")
TITLE_LINES = 3   # a title is split over at most three lines
# ——2023年8月29日在太原市小店区第十七届人民代表大会常务委员会第十二次会议上; (2023年8月31日在区第十七届…会议上);
# ——在区第十七届人大常委会第十五次会议上(2023年8月31日), the date after the meeting
DATE_WORDS = r"(?P<y>\d{4})\s*年?\s*(?P<md>\d{1,2}\s*月\s*\d{1,2}|\d{2,4})\s*日"
OCCASIONS = (
    re.compile(rf"^[—–\-－]*\s*[(（]?\s*(?:{DATE_WORDS})?\s*在\s*(?P<meeting>.+?会议)\s*上(?:的报告)?\s*[)）]?$"),
    re.compile(rf"^[—–\-－]*\s*在\s*(?P<meeting>.+?会议)\s*上(?:的报告)?\s*[(（]\s*{DATE_WORDS}\s*[)）]$"),
)
# 区发展和改革局局长 张  伟; 市发展和改革委员会主任 李欣; 常务副市长王强; 报告人:区发改局局长 李武军
ROLE = (r"(?:常务副|副|代理)?(?:局长|主任|区长|县长|市长|省长|州长|旗长|书记|处长|厅长|主席|秘书长|委员|部长|"
        r"负责人|总经济师)")
NAME = r"[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}|[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,8}"
PRESENTER = re.compile(
    rf"^(?:报告人\s*[:：]\s*)?[(（]?(?P<office>(?:[^\s(（:：,，。].{{0,30}}?)?{ROLE})\s*(?P<name>{NAME})[)）]?$")
SALUTATION = re.compile(r"[:：]\s*$")
NOTE = re.compile(r"^[(（][^)）]*[)）]$")   # （此件公开发布）


@dataclass(frozen=True)
class Title:
    text: str
    span: Span
    subject: str         # 青山湖区 (the place the title is about, as written; may be empty)
    issuer: str | None   # 南昌市青山湖区人民政府
    year: int


@dataclass(frozen=True)
class Notice:
    """A notice that publishes the plan: 关于印发《…》的通知, its 文号, the body that signs it and its date."""

    title: str
    span: Span
    inner: str
    number: str | None = None
    issuer: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Occasion:
    date: dt.date | None
    meeting: str
    span: Span


@dataclass(frozen=True)
class Presenter:
    name: str     # without inner spaces: 张伟
    office: str   # 区发展和改革局局长
    span: Span


def portal_fields(header: list[Line]) -> tuple[tuple[tuple[str, str], ...], Span | None]:
    """The portal's "key：value" fields above the title, in order, and the span of their lines."""
    fields, spans = [], []
    for start, end, line in header:
        found = [(m["key"], m["value"]) for m in PORTAL_FIELD.finditer(line) if m["value"]]
        if found and PORTAL_FIELD.match(line):
            fields.extend(found)
            spans.append((start, end))
    return tuple(fields), (spans[0][0], spans[-1][1]) if spans else None


def read_notice(header: list[Line]) -> Notice | None:
    """The notice that wraps a plan, with the 文号, issuer and date lines that follow its title."""
    for i, (start, end, line) in enumerate(header):
        match = NOTICE.match(line)
        if not match:
            continue
        found = {}
        for _, _, after in header[i + 1:]:
            if DOC_NUMBER.match(after):
                found.setdefault("number", re.sub(r"\s+", "", after))
            elif ISSUER.match(after):
                found.setdefault("issuer", after)
            elif DATE.match(after):
                found.setdefault("date", parse_date(after))
        return Notice(line, (start, end), match["inner"], **found)
    return None


def read_title(header: list[Line], skip: set[int] = frozenset()) -> Title | None:
    """The title, joined when it is split over lines; ``skip`` holds starts of lines read as something else."""
    for i in range(len(header)):
        for j in range(i, min(i + TITLE_LINES, len(header))):
            if header[j][0] in skip or _not_title(header[j][2]):
                break
            joined = arabic_years("".join(line for _, _, line in header[i:j + 1]))
            match = TITLE.match(joined)
            if match:
                return Title(joined, (header[i][0], header[j][1]), match["subject"], match["issuer"],
                             int(match["year"]))
    return None


def _not_title(line: str) -> bool:
    return any(p.match(line) for p in (PORTAL_FIELD, DOC_NUMBER, DATE, NOTE, NOTICE, *OCCASIONS)) or bool(
        SALUTATION.search(line))


def read_occasion(header: list[Line]) -> Occasion | None:
    """The occasion line (also broken over two lines, or with its date on the next): the date and the meeting."""
    for i in range(len(header)):
        found = [(match, j) for j in (i, i + 1) for pattern in OCCASIONS
                 for match in [pattern.match("".join(line for _, _, line in header[i:j + 1]))] if match]
        if found:
            match, j = next(((m, j) for m, j in found if m["y"]), found[0])
            date = occasion_date(match["y"], match["md"]) if match["y"] else None
            return Occasion(date, re.sub(r"\s+", "", match["meeting"]), (header[i][0], header[j][1]))
    return None


def read_presenter(header: list[Line]) -> Presenter | None:
    """The presenter line: an office, then a name that may hold spaces (张  伟) or be glued to it."""
    for start, end, line in header:
        match = PRESENTER.match(line)
        if match and not SALUTATION.search(line):
            return Presenter(re.sub(r"\s+", "", match["name"]), re.sub(r"\s+", "", match["office"]), (start, end))
    return None


def infer_title(district: str, year: int, period: str, genre: str, planned: str | None) -> str:
    """The genre's title for a report that has none: 关于甘肃省2023年前三季度国民经济和社会发展计划执行情况的报告."""
    if genre == "plan":
        return f"{district}{year}年国民经济和社会发展计划"
    words = {"S1": "上半年", "S2": "下半年", "Q1Q3": "前三季度", "Q1": "一季度"}.get(period.partition("-")[2], "")
    draft = f"与{planned}年国民经济和社会发展计划草案" if genre == "annual" and planned else ""
    return f"关于{district}{year}年{words}国民经济和社会发展计划执行情况{draft}的报告"


def parse_date(text: str) -> dt.date | None:
    """A date as written (2024年1月26日, 二〇二四年一月二十六日, 2023-08-30, 2023/8/30), or None."""
    text = arabic_years(text.strip())
    match = DATE.match(text) or re.match(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match["y"]), cn_number(match["m"]), cn_number(match["d"]))
    except ValueError:
        return None


def occasion_date(year: str, month_day: str) -> dt.date | None:
    """The date of an occasion line, also with 年/月 lost: "826" is 8-26, "1026" 10-26, "0826" 08-26."""
    digits = re.findall(r"\d+", month_day)
    if len(digits) == 2:
        month, day = map(int, digits)
    else:
        d = digits[0]
        month, day = (int(d[:-2]), int(d[-2:])) if len(d) > 2 else (int(d[0]), int(d[1:]))
    try:
        return dt.date(int(year), month, day)
    except ValueError:
        return None
