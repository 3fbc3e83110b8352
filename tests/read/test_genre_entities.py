"""The entity and relation rules on the five further reports of the genre, against their expected facts.

A name counts as found when an entity's name or alias contains it (as tools/kgcheck.py matches labels).
KNOWN_MISSES lists what the rules do not find yet, so a regression fails and a fix shows up here.
"""
import json

import pytest
from conftest import TEST_REPORTS

from plangraph.read.report import read_report

REPORTS = sorted(p.stem for p in TEST_REPORTS.glob("*.txt"))
KNOWN_MISSES: dict[str, set[str]] = {}   # 武昌区科技创新展示中心 (wuchang-2022) is now read by its head 中心


@pytest.fixture(scope="module", params=REPORTS)
def case(request):
    path = TEST_REPORTS / f"{request.param}.txt"
    expected = json.loads((TEST_REPORTS / f"{request.param}.expected.json").read_text(encoding="utf-8"))
    return request.param, read_report(path), expected


def names_of(report):
    return {n for e in report.entities for n in (e.name, *e.aliases)}


def found(name, names):
    return any(name.replace(" ", "") in n for n in names)


def test_entities(case):
    slug, report, expected = case
    names = names_of(report) | {report.meta.city, report.meta.district}   # city and district: the report's pg:District
    wanted = {n for group in expected["entities"].values() for n in group}
    missing = {n for n in wanted if not found(n, names)}
    assert missing == KNOWN_MISSES.get(slug, set())


def pairs(report):
    alias = {n: {e.name, *e.aliases} for e in report.entities for n in (e.name, *e.aliases)}
    out = {(e.subject.name, e.area.name) for e in report.relations.events if e.area}
    out |= {(c.inner.name, c.outer.name) for c in report.relations.containments}
    return {(a, n) for a, b in out for n in alias.get(b, {b})}


@pytest.mark.parametrize("key", ["located_in", "planned_located_in"])
def test_located_in(case, key):
    _, report, expected = case
    have = pairs(report)
    missing = [(p, a) for p, a in expected.get(key, []) if not any(p in x and a in y for x, y in have)]
    assert missing == []


def test_documents(case):
    _, report, expected = case
    numbers = {e.name: e.detail for e in report.entities if e.kind == "PolicyDocument"}
    acts = {(e.subject.name, e.status) for e in report.relations.events if e.subject.kind == "PolicyDocument"}
    for document in expected["documents"]:
        assert numbers[document["title"]] == document["number"]
        assert (document["title"], document["act"].capitalize()) in acts


def test_enterprises(case):
    _, report, expected = case
    events = report.relations.events
    introduced = {e.subject.name for e in events if e.status == "Introduced" and e.modality == "Achieved"}
    planned = {e.subject.name for e in events if e.status == "ToLand" and e.modality == "Planned"}
    assert introduced == set(expected["introduced_enterprises"])
    assert planned == set(expected["planned_enterprises"])
