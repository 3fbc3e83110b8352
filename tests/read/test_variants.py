"""The ten structural variants of the genre (tests/read/variants/, copied from the shared corpus with its gold):
every main-indicator figure is read as an indicator's figure with its signed value, unit and reference period.

The reader is given each report's year and period from the gold, so that these tests judge the reading of
figures alone (the header is metadata.py's). The variants were written for issue 12; the rules were not fitted
to them line by line: tests/read/test_clauses.py holds sentences of its own for each phrasing.
"""
import json
from decimal import Decimal
from pathlib import Path

import pytest

from plangraph.read.indicators import indicator_bullets
from plangraph.read.outline import parse_outline

HERE = Path(__file__).parent / "variants"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
MAIN = ("地区生产总值", "GDP", "一般公共预算收入", "固定资产投资", "社会消费品零售", "规模以上工业增加值", "规上工业增加值",
        "可支配收入", "进出口", "招商引资", "失业率", "税收", "工业投资", "研发经费", "能耗", "城镇就业")


def figures(name: str):
    text = (HERE / name).read_text(encoding="utf-8")
    meta = GOLD[name]["report"]
    bullets = indicator_bullets(text, parse_outline(text, name), meta["year"], meta["period"])
    return [(f.indicator or b.name, b.group or "", f) for b in bullets for f in b.figures if f.figure is not None]


def found(item: dict, read) -> bool:
    values = {Decimal(str(item["value"]))}
    if item["role"] == "gap":                       # 低于目标1.2个百分点: -1.2 (either sign is accepted)
        values.add(-values.pop())
        values.add(Decimal(str(item["value"])))
    unit = item["unit"]
    return any(f.figure.value in values and (f.figure.unit_label or "") == unit and f.period == item["period"]
               and (item["near"] in name or item["near"] in group) for name, group, f in read)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_main_indicator_figures(name):
    read = figures(name)
    items = [i for i in GOLD[name]["numbers"] if any(m in i["near"] for m in MAIN) and i["role"] != "rank"]
    missed = [f'{i["near"]} {i["value"]}{i["unit"]} {i["period"]}' for i in items if not found(i, read)]
    assert len(missed) <= max(1, len(items) // 20), missed      # 95% of each report's main-indicator figures


def test_falls_are_negative_wherever_written():
    read = {(n, f.figure.value) for n, _, f in figures("01-prose-indicators-xiaodian-2023-h1.txt")}
    assert ("一般公共预算收入", Decimal("-4.3")) in read            # 同比下降4.3%
    assert ("建安投资", Decimal("-2.7")) in read                   # 同比降低2.7%
    assert ("规模以上工业增加值", Decimal("-1.1")) in read          # 增速较一季度回落1.1个百分点


def test_annual_report_periods_results_and_next_year_targets():
    read = figures("04-annual-report-yanta-2022-annual.txt")
    gdp = {(f.role, str(f.figure.value), f.period) for n, _, f in read if n == "地区生产总值"}
    assert {("TargetGrowth", "6.5", "2022"), ("ResultLevel", "2216.7", "2022"), ("GapToTarget", "-3.4", "2022"),
            ("TargetGrowth", "6", "2023")} <= gdp


def test_table_units_from_the_unit_column_and_headers():
    read = figures("07-county-table-zhengding-2023-h1.txt")
    foreign = {(f.role, str(f.figure.value), f.figure.unit_label) for n, _, f in read if n == "实际利用外资"}
    assert foreign == {("TargetLevel", "4500", "万美元"), ("ResultLevel", "1860", "万美元"),
                       ("YearOnYearGrowth", "-12.5", "%"), ("ShareOfTarget", "41.3", "%")}
    jobs = {(f.role, str(f.figure.value)) for n, _, f in read if n == "城镇新增就业"}
    assert jobs == {("TargetLevel", "6800"), ("ResultLevel", "4120"), ("ShareOfTarget", "60.6")}   # — is empty
