"""Reference periods: the words reports use for them and their codes, which follow SDMX.

A code is the year, then the SDMX reporting-period suffix: ``2023`` the year, ``2023-S1`` the first half,
``2023-Q2`` a quarter, ``2023-M04`` a month. SDMX has no code for a run of quarters, so the first three quarters
(前三季度, 1—9月) are ``2023-Q1Q3``: the first and last quarter, read like SDMX's own.
"""
from __future__ import annotations

import re

DASH = r"\s*[—–\-－~～至到]\s*"
# A period word of a title, heading or opening line → (SDMX suffix, genre), each with a real example.
PERIOD_WORDS = (
    (re.compile(r"上半年"), "S1", "half-year"),                                 # 关于小店区2023年上半年…
    (re.compile(rf"(?<!\d)(?:1|一){DASH}(?:6|六)\s*月份?"), "S1", "half-year"),   # 2023年1—6月份, 1-6月
    (re.compile(r"前三季度"), "Q1Q3", "three-quarters"),                        # 2023年前三季度
    (re.compile(rf"(?<!\d)(?:1|一){DASH}(?:9|九)\s*月份?"), "Q1Q3", "three-quarters"),  # 1—9月
    (re.compile(r"(?:第一|一)季度"), "Q1", "quarter"),                          # 2024年一季度
    (re.compile(rf"(?<!\d)(?:1|一){DASH}(?:3|三)\s*月份?"), "Q1", "quarter"),     # 1-3月
    (re.compile(r"下半年"), "S2", "half-year"),                                 # 下半年工作安排
)
SAME_YEAR_NEXT = {"S1": "S2", "Q1": "Q2", "Q2": "Q3", "Q3": "Q4", "Q1Q3": "Q4"}
NEXT_YEAR_FIRST = {"S2": "S1", "Q4": "Q1"}
# 关于雁塔区2022年…计划执行情况与2023年…计划草案的报告: a year's review, then the next year's plan
ANNUAL_WITH_PLAN = re.compile(r"(?P<reviewed>\d{4})年.*?执行情况.*?[与和及暨]\s*(?P<planned>\d{4})年.*?(?:计划|草案)")
# 历下区2024年国民经济和社会发展计划: a plan of its own, published alone
PLAN_ONLY = re.compile(r"(?P<planned>\d{4})年(?:[^执]*?)(?:国民经济和社会发展|经济社会发展)计划(?:草案)?$")
# The kind of a part by its heading, each with a real heading: 二、2023年国民经济和社会发展的主要预期目标 sets
# targets, 二、存在的主要问题 names problems, 一、2022年国民经济和社会发展计划执行情况 reviews
PART_KINDS = (
    ("review", re.compile(r"执行情况|完成情况|回顾")),
    ("plan", re.compile(r"目标|草案|任务|安排|打算|重点工作|工作思路|工作建议|计划(?!执行)")),
    ("problems", re.compile(r"问题|困难|不足|挑战")),
)
YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
SUFFIX_LABELS = {"S1": "上半年", "S2": "下半年", "Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度",
                 "Q1Q3": "前三季度"}


def arabic_years(text: str) -> str:
    """Write years in Chinese numerals with digits (二〇二三年 → 2023年); the length stays the same."""
    return CN_YEAR.sub(lambda m: m.group().translate(CN_YEAR_DIGITS), text)


def period_word(text: str) -> tuple[str, str] | None:
    """The first period word in ``text`` as (SDMX suffix, genre): 2023年1—6月份 → ("S1", "half-year")."""
    found = [(m.start(), suffix, genre) for pattern, suffix, genre in PERIOD_WORDS for m in [pattern.search(text)] if m]
    if not found:
        return None
    _, suffix, genre = min(found)
    return suffix, genre


def part_kind(heading: str) -> str:
    """What a part does by its heading: review (the default), plan or problems."""
    return next((kind for kind, pattern in PART_KINDS if pattern.search(heading)), "review")


def heading_year(heading: str) -> str | None:
    """The year a heading names (二〇二三年 too), or None."""
    match = YEAR.search(arabic_years(heading))
    return match[1] if match else None


def year_of_part(headings: list[str], kind: str) -> str | None:
    """The year named by the first heading of a part of ``kind``: 一、2023年…执行情况 → 2023 for "review"."""
    return next((heading_year(h) for h in headings if part_kind(h) == kind and heading_year(h)), None)


def label(code: str) -> str:
    """The Chinese label of a period code: 2023-S1 → 2023年上半年, 2024-M04 → 2024年4月."""
    year, _, suffix = code.partition("-")
    month = suffix.lstrip("M")
    if month.isdigit():   # SDMX 2024-M04, or ISO 2024-04
        return f"{year}年{int(month)}月"
    return f"{year}年" + SUFFIX_LABELS.get(suffix, "")


def next_period(code: str) -> str:
    """The period a report's plan part is for: after 2021-S1 comes 2021-S2, after 2023-Q1Q3 2023-Q4, after 2022 2023."""
    year, _, suffix = code.partition("-")
    if suffix in SAME_YEAR_NEXT:
        return f"{year}-{SAME_YEAR_NEXT[suffix]}"
    if suffix in NEXT_YEAR_FIRST:
        return f"{int(year) + 1}-{NEXT_YEAR_FIRST[suffix]}"
    return str(int(year) + 1)
