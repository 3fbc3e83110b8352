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
