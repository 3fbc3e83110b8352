"""Give each indicator figure its reference period, from the part of the report it stands in and its own words.

Codes follow SDMX's reporting-period formats (ISO 8601 years): ``2023`` a year, ``2023-S1`` a half year,
``2023-Q2`` a quarter, ``2023-M09`` a month (periods.py); the first three quarters take the report's own code.

    一、2022年国民经济和社会发展计划执行情况   → results 2022, targets 2022
    二、2023年国民经济和社会发展的主要预期目标 → targets 2023 (the plan part of an annual report)
    二、下半年工作安排                         → targets of the report's year
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .clauses import IndicatorBullet, IndicatorFigure
from .outline import Outline

TARGET_ROLES = ("TargetGrowth", "TargetLevel", "TargetQualitative")
# A part that plans rather than reports, each with a heading of the genre.
PLAN_PART = re.compile(r"工作安排|重点工作|重点任务|预期目标|主要目标|计划草案|工作打算|工作思路|下半年|第四季度|"
                       r"\d+\s*[-—–至]\s*12\s*月")  # 二、下半年工作安排; 二、2023年国民经济和社会发展的主要预期目标; 二、7-12月工作安排
REVIEW_PART = re.compile(r"执行情况|完成情况|回顾")                    # 一、2022年国民经济和社会发展计划执行情况
YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年")
BY_YEAR = re.compile(r"到(?P<year>(?:19|20)\d{2})年")                   # 到2025年新型储能装机规模达到600万千瓦以上


def plans(title: str) -> bool:
    """Whether a part's heading plans (二、下半年工作安排) rather than reviews (一、2022年…计划执行情况)."""
    return bool(PLAN_PART.search(title)) and not REVIEW_PART.search(title)


@dataclass(frozen=True)
class PartPeriods:
    """What the figures of one part refer to: the results' period, the targets' year, and whether it plans."""

    results: str
    targets: int
    plans: bool


def part_periods(outline: Outline, year: int, period: str) -> dict[str | None, PartPeriods]:
    """The periods of each part (keyed by the part's section key; None for the text before the first part)."""
    out: dict[str | None, PartPeriods] = {None: PartPeriods(period, year, False)}
    reviewed = year
    for part in outline.children(None, "part"):
        stated = YEAR.search(part.title)
        if not plans(part.title):
            reviewed = int(stated["year"]) if stated else reviewed
            results = str(reviewed) if stated and reviewed != year else period
            out[part.key] = PartPeriods(results, reviewed, False)
            continue
        annual = period == str(year)
        target = int(stated["year"]) if stated else (reviewed + 1 if annual and reviewed == year else year)
        out[part.key] = PartPeriods(str(target), target, True)
    return out


def meta_periods(outline: Outline, meta) -> dict[str | None, PartPeriods]:
    """The periods of each part as the report's metadata says them (its ``parts``, ``reviewed`` and ``planned``)."""
    planned = int((meta.planned or str(meta.year))[:4])
    out = {None: PartPeriods(meta.reviewed or meta.period, int((meta.reviewed or meta.period)[:4]), False)}
    for part in outline.children(None, "part"):
        if meta.part_kind(part.key) == "plan":
            out[part.key] = PartPeriods(str(planned), planned, True)
        else:
            results = meta.part_period(part.key)
            out[part.key] = PartPeriods(results, int(results[:4]), False)
    return out


def with_periods(bullets: list[IndicatorBullet], outline: Outline, year: int, period: str,
                 meta=None) -> list[IndicatorBullet]:
    """Return the passages with every figure's period set (a full SDMX code): from the report's metadata when
    it says the kind and period of each part, else from the part headings."""
    parts = meta_periods(outline, meta) if meta is not None and meta.parts else part_periods(outline, year, period)
    out = []
    for bullet in bullets:
        key = (bullet.paragraph.section or "").split(".")[0] or None
        context = parts.get(key, parts[None])
        figures = tuple(replace(f, period=_period(f, context)) for f in bullet.figures)
        out.append(replace(bullet, figures=figures))
    return out


def _period(item: IndicatorFigure, context: PartPeriods) -> str:
    by_year = BY_YEAR.search(item.sentence.text[:max(0, item.start - item.sentence.start)])
    if item.role in TARGET_ROLES or context.plans:
        return by_year["year"] if by_year else str(context.targets)
    if item.period and len(item.period) <= 3:               # Q2, M09: a part of the results' year
        return f"{context.results[:4]}-{item.period}"
    return context.results
