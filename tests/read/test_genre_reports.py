"""The five further reports of the genre: their indicator figures and quantities against tests/reports/*.expected.json."""
import json
from decimal import Decimal
from pathlib import Path

import pytest

from plangraph.read.report import read_report

REPORTS = sorted((Path(__file__).parents[1] / "reports").glob("*.expected.json"))
ROLES = {"target-growth": "TargetGrowth", "target-level": "TargetLevel", "target-qualitative": "TargetQualitative",
         "result-level": "ResultLevel", "result-qualitative": "ResultQualitative", "yoy-growth": "YearOnYearGrowth",
         "base-growth": "GrowthVsBase", "average-growth": "AverageGrowth", "change-points": "ChangeInPoints",
         "share-of-target": "ShareOfTarget", "part-period-growth": "PartPeriodGrowth", "comparison": "Comparison",
         "rank": "Rank"}


def _case(path: Path):
    return read_report(path.with_name(path.name.replace(".expected.json", ".txt"))), \
        json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=REPORTS, ids=lambda p: p.name.split(".")[0])
def case(request):
    return _case(request.param)


def _figures(report):
    return [(f.indicator or b.name, f) for b in report.bullets for f in b.figures]


def test_indicator_figures(case):
    report, expected = case
    found = _figures(report)
    missing = []
    for indicator in expected["indicators"]:
        for fact in indicator["facts"]:
            if fact["role"] == "reason":
                if not any(fact["text"] in text or text in fact["text"] for b in report.bullets for *_, text in b.reasons):
                    missing.append((indicator["name"], fact))
                continue
            role = ROLES[fact["role"]]
            candidates = [f for name, f in found if name == indicator["name"] and f.role == role]
            if "value" in fact:
                ok = any(f.figure is not None and f.figure.value == Decimal(str(fact["value"]))
                         and (fact.get("unit") is None or f.figure.unit_label == fact["unit"]) for f in candidates)
            else:
                ok = any(f.figure is None and (f.text in fact["text"] or fact["text"] in f.text) for f in candidates)
            if not ok:
                missing.append((indicator["name"], fact))
    assert not missing


def test_quantities(case):
    report, expected = case
    missing = []
    for fact in expected["quantities"]:
        value = Decimal(str(fact["value"]))
        ok = any(q.value == value and q.figure.unit_label == fact["unit"]
                 and fact["near"] in q.sentence.text for q in report.quantities)
        # a known indicator stated in task text (城镇登记失业率控制在3%以内) is read as the indicator's figure
        ok = ok or any(f.figure.value == value and f.figure.unit_label == fact["unit"] and fact["near"] in f.sentence.text
                       for _, f in _figures(report) if f.figure is not None)
        if not ok:
            missing.append(fact)
    assert not missing


def test_rankings(case):
    report, expected = case
    claimed = [(f.figure.value, f.scope) for _, f in _figures(report) if f.role == "Rank"]
    claimed += [(q.value, q.scope) for q in report.quantities if q.rank]
    for rank in expected.get("rankings", []):
        assert (Decimal(rank["value"]), rank["scope"]) in claimed, rank


def test_not_quantities(case):
    report, expected = case
    for phrase in expected["not_quantities"]:
        at = report.text.find(phrase)
        while at >= 0:
            assert not any(q.start < at + len(phrase) and at < q.end and not q.rank for q in report.quantities), phrase
            at = report.text.find(phrase, at + 1)
