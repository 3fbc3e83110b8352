"""The plan-fulfilment table for analysts: one CSV row per target of a place's indicator in a year.

Described by CSVW metadata like the figure table (``tables.py``): each row is the ``pg:Fulfilment`` of its IRI,
and each value names the stated figure it comes from, so a number in a spreadsheet leads back to its sentence.
"""
from __future__ import annotations

from ..rdf.iris import Minter
from .fulfilment import Fulfilment, fulfilments, names
from .tables import PG_TERM, Column, level

FIGURE_NOTE = ("陈述该数值的原文数值IRI;有多个时以空格分隔。", "The IRI of the stated figure; several are separated by spaces.")


def plan_columns(base: str) -> tuple[Column, ...]:
    """The columns of the fulfilment table."""
    def figure(name, zh, en, prop):
        return Column(name, zh, en, "anyURI", *FIGURE_NOTE, prop, "{+%s}" % name, separator=" ")
    return (
        Column("fulfilment", "计划完成情况IRI", "fulfilment IRI", "anyURI", "该行在知识图谱中的IRI(pg:Fulfilment)。",
               "The row's IRI in the knowledge graph (a pg:Fulfilment)."),
        Column("place", "地区IRI", "place IRI", "anyURI", "地区。", "The place.", "pg:place", "{+place}"),
        Column("place_name", "地区", "place", "string", "地区名称。", "The place's name.", "rdfs:label", None, "{+place}"),
        Column("level", "行政级别", "level", "string", "district 区、county 县、city 市、province 省。",
               "district, county, city or province."),
        Column("indicator", "指标IRI", "indicator IRI", "anyURI", "指标(经指标对照表 exactMatch 合并的名称视为同一指标)。",
               "The indicator (names the indicator map links with exactMatch count as one).", "pg:indicator",
               "{+indicator}"),
        Column("indicator_name", "指标", "indicator", "string", "指标名称。", "The indicator's name.",
               "skos:prefLabel", None, "{+indicator}"),
        Column("year", "年份", "year", "string", "计划年度(SDMX 代码)。", "The plan year (SDMX code).",
               "sdmx-dimension:refPeriod", base + "id/period/{year}"),
        Column("target", "目标", "target", "decimal", "年度目标数值(增速目标以%计)。",
               "The year's target (in % for a growth target)."),
        Column("target_unit", "目标单位", "target unit", "string", "目标的原文单位。", "The target's unit as stated."),
        Column("target_kind", "目标类型", "target kind", "string", "TargetGrowth 增速目标或 TargetLevel 数值目标。",
               "TargetGrowth (a growth rate) or TargetLevel (a level)."),
        Column("target_qualifier", "目标限定词", "target qualifier", "string", "About 左右、AtLeast 以上、Within 以内。",
               "About, AtLeast, Within."),
        figure("target_figures", "目标出处", "target figures", "pg:target"),
        Column("targets_differ", "目标表述不一", "targets differ", "boolean",
               "同一地区、指标和年份另有数值或措辞不同的目标(另见一行)时为 true。",
               "true when another row states the same place, indicator and year's target with other numbers or words."),
        Column("half_year", "上半年完成", "half year", "decimal", "上半年完成数值(增速或数值,与目标同类)。",
               "The half-year result (a growth rate or a level, as the target)."),
        figure("half_year_figure", "上半年出处", "half-year figure", "pg:partYearResult"),
        Column("three_quarters", "前三季度完成", "three quarters", "decimal", "前三季度完成数值。",
               "The result of the first three quarters."),
        figure("three_quarters_figure", "前三季度出处", "three-quarter figure", "pg:partYearResult"),
        Column("full_year", "全年完成", "full year", "decimal", "全年完成数值。", "The full-year result."),
        figure("full_year_figure", "全年出处", "full-year figure", "pg:fullYearResult"),
        Column("outcome", "完成结果", "outcome", "string", "Met 完成、Missed 未完成、NotYetKnown 尚不可知。",
               "Met, Missed or NotYetKnown.", "pg:outcome", PG_TERM % "outcome"),
        Column("gap", "差距", "gap", "decimal", "全年完成减目标,以目标单位计(增速为百分点)。",
               "The full-year result minus the target, in the target's unit (percentage points for growth).",
               "pg:gap"),
    )


def plan_rows(store, minter: Minter, items: list[Fulfilment] | None = None) -> list[dict]:
    """One dict per fulfilment of the store, keyed by column name."""
    named = names(store)
    items = fulfilments(store) if items is None else items
    shared = {}
    for item in items:
        key = (item.place, item.indicator, item.year)
        shared[key] = shared.get(key, 0) + 1
    return [_row(item, minter, named, shared[(item.place, item.indicator, item.year)] > 1) for item in items]


def _row(item: Fulfilment, minter: Minter, names: dict, differ: bool) -> dict:
    part = lambda code: [f for f in item.part_year if f.part == code][-1:]  # noqa: E731
    half, three, full = part("S1"), part("Q1Q3"), item.full_year[-1:]
    place = names.get(item.place, "")
    return {
        "fulfilment": str(minter.fulfilment(item.place, item.indicator, item.year, item.key())),
        "place": item.place, "place_name": place, "level": level(place), "indicator": item.indicator,
        "indicator_name": names.get(item.indicator, ""), "year": item.year,
        "target": item.target.value, "target_unit": item.target.unit, "target_kind": item.target.role,
        "target_qualifier": item.target.qualifier, "target_figures": " ".join(f.iri for f in item.targets),
        "targets_differ": "true" if differ else "false",
        "half_year": half[0].value if half else "", "half_year_figure": half[0].iri if half else "",
        "three_quarters": three[0].value if three else "", "three_quarters_figure": three[0].iri if three else "",
        "full_year": full[0].value if full else "", "full_year_figure": full[0].iri if full else "",
        "outcome": item.status, "gap": format(item.gap.normalize(), "f") if item.gap is not None else "",
    }
