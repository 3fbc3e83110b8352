"""Read the names a report gives in prose of any style, by the word that ends each name, and where projects lie.

A name of the genre ends in a head that says what it names (…有限公司 an enterprise, …产业园 a park, …项目 or
…二期 a project) and begins where the clause, a list mark, a verb, a time word or a count leaves off
(``推动|云岭算力中心一期|年底前投入运营``). The longest name from one beginning wins; a park or a body it begins
with is a name too (``许西片区``城中村改造项目). Every step scans a clause once with patterns of bounded width, so
reading costs time linear in the text's length.

Projects are placed in an area when the text places them (``位于X的Y``, ``X内,Y…``, ``X的Y…``, a sentence that
opens with X and names no other area, ``园区内`` referring back to the last park, or a name that begins with X).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .name_rules import (
    AREA_SCHOOL,
    AREAS,
    AROUND,
    BACK_REFERENCE,
    BAD_START,
    CJK,
    CLAUSE,
    COUNTED,
    DOCUMENT,
    DOCUMENT_KIND,
    GENERIC_STEM,
    HARD_END,
    ANY_HEAD,
    HEAD_ROWS,
    JOINED,
    LEAD_VERBS,
    MAX_NAME,
    NOT_IN_NAME,
    OPENER,
    ORG_INSIDE,
    PERSON,
    PLACED,
    PROJECT_TAIL,
    REGIONS,
    SEGMENT,
    TITLE,
    TWO_NAMES,
)


@dataclass(frozen=True)
class Found:
    """A name read from the text: its pg class and its code-point span."""

    kind: str
    start: int
    end: int
    detail: str | None = None     # a document's number, a person's office


@dataclass(frozen=True)
class Reading:
    """The names of a text and the (project, area) pairs the text places."""

    names: tuple[Found, ...]
    placed: tuple[tuple[Found, Found], ...]


def read_names(text: str, start: int = 0, end: int | None = None) -> Reading:
    """Read every name of ``text[start:end]`` and where each project lies."""
    end = len(text) if end is None else end
    names, placed, last_areas = [], [], []
    names += documents(text, start, end) + people(text, start, end)
    for segment in SEGMENT.finditer(text, start, end):
        found = _segment_names(text, *segment.span())
        names += found
        placed += _placements(text, segment.span(), found, last_areas)
        last_areas += [n for n in found if n.kind in AREAS]
    return Reading(tuple(names), tuple(dict.fromkeys(placed)))


def _segment_names(text: str, start: int, end: int) -> list[Found]:
    heads = [m.span() for m in ANY_HEAD.finditer(text, start, end)]     # no head runs over a clause's end, so
    regions = [m.span() for m in REGIONS.finditer(text, start, end)]    # one scan of the segment finds them all
    head_starts, region_starts = [a for a, _ in heads], [a for a, _ in regions]
    out = []
    for clause in CLAUSE.finditer(text, start, end):
        a, b = clause.span()
        out += clause_names(text, a, b, heads[bisect.bisect_left(head_starts, a):bisect.bisect_left(head_starts, b)],
                            regions[bisect.bisect_left(region_starts, a):bisect.bisect_left(region_starts, b)])
    inside = set()                          # 《正定县2023年重点项目建设攻坚行动方案》 names a document only
    for title in TITLE.finditer(text, start, end):
        inside.update(range(*title.span()))
    return sorted({n for n in out if n.start not in inside}, key=lambda n: (n.start, -n.end))


def clause_names(text: str, start: int, end: int, head_spans: list[tuple[int, int]],
                 regions: list[tuple[int, int]]) -> list[Found]:
    """Names of one clause, given the spans of its heads and regions: from each beginning, the longest name and
    the areas and bodies it begins with."""
    if not head_spans and not regions:
        return []                           # most clauses name nothing: no need to find where names begin
    heads = [(_head_kind(text, a, end), a, b) for a, b in head_spans]
    openers = [start] + [m.end() for m in OPENER.finditer(text, start, end)]
    openers = sorted(openers + [e for kind, _, e in heads if kind in HARD_END])
    by_begin: dict[int, list[tuple[Found, int]]] = {}
    for kind, head_start, head_end in heads:
        begin = openers[bisect.bisect_right(openers, head_start) - 1]
        lead = LEAD_VERBS.match(text, begin, head_start)
        begin = lead.end() if lead else begin       # 建设|数字经济产业园
        if head_start > begin and head_end - begin <= MAX_NAME:
            by_begin.setdefault(begin, []).append((Found(kind, begin, head_end), head_start))
    out = [Found("Region", a, b) for a, b in regions if a in openers]
    for found in by_begin.values():
        longest = max(found, key=lambda pair: pair[0].end)
        if not _is_name(text, *longest):
            continue
        out.append(longest[0])
        if longest[0].kind not in PLACED:
            continue                        # 武汉银融兴昌信息软件产业园有限公司: a company, not a park
        for name, head_start in found:
            if name.kind not in PLACED and name.end < longest[0].end and _is_name(text, name, head_start) \
                    and not PROJECT_TAIL.fullmatch(text, name.end, longest[0].end):
                out.append(name)            # 许西片区|城中村改造项目; not 合芯半导体封测基地|项目
    return out


def _head_kind(text: str, start: int, end: int) -> str:
    """The kind of the head found at ``start``: that of the first row of HEADS that matches there."""
    return next(kind for kind, pattern in HEAD_ROWS if pattern.match(text, start, end))


def tidy(text: str, kind: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name another reader gave, with the verbs before it dropped (位于X, 举办X, 的X); None when
    what is left is no name (四是部分重点项目, 举办古城)."""
    while True:
        lead = OPENER.match(text, start, end) or LEAD_VERBS.match(text, start, end)
        if not lead or lead.end() == start:
            break
        start = lead.end()
    heads = [m for m in ANY_HEAD.finditer(text, start, end) if m.end() == end]
    if end - start < 2 or BAD_START.match(text, start, end):
        return None
    if heads and not _is_name(text, Found(kind, start, end), heads[-1].start()):
        return None
    return start, end


def _is_name(text: str, name: Found, head_start: int) -> bool:
    """A name, not a kind: its stem says more than generic words, it is not counted, and it does not open badly."""
    surface, stem = text[name.start:name.end], text[name.start:head_start]
    if name.kind == "WaterBody":
        stem = surface[:-1]
    if not stem or BAD_START.match(surface) or NOT_IN_NAME.search(surface) or COUNTED.match(text, name.end):
        return False
    if surface.count("(") + surface.count("（") != surface.count(")") + surface.count("）"):
        return False                        # 市七医院迁建项目(区公共卫生服务中心: cut inside a bracket
    if name.kind == "GovernmentBody":       # 区人民政府, 区数据局: a level and a field; not 格局, 大局
        return bool(re.match(rf"[{CJK}]{{0,8}}?[省市区县州]", surface))
    if GENERIC_STEM.match(stem) or len(stem) < 2 and not (name.kind == "WaterBody" and surface.endswith("段")):
        return False                        # 城镇, 新区, 中小学, 重点项目: a kind, not a name
    if name.kind in ("FunctionalArea", "WaterBody", "Road") and (ORG_INSIDE.search(stem) or AROUND.search(stem)):
        return False                        # 湖北省武昌实验小学东湖, 阳和楼周边街区: not a place's own name
    if name.kind == "School" and AREA_SCHOOL.search(stem):
        return False                        # 加快扬子洲片区学校、卫生服务中心等…建设: the schools of an area
    if name.kind != "Enterprise" and (TWO_NAMES.search(surface) or JOINED.search(surface)):
        return False                        # 临空物流产业园和跨境电商综合试验区: two names, not one
    return True


def _placements(text: str, span: tuple[int, int], found: list[Found], before: list[Found]):
    """(project, area) pairs of one segment: names that begin with an area, and the area in force at each project."""
    areas_from: dict[int, list[Found]] = {}
    for area in (n for n in found if n.kind in AREAS):
        areas_from.setdefault(area.start, []).append(area)
    in_force = _openers(text, span, found, before)
    starts = [at for at, _ in in_force]
    pairs = []
    for project in (n for n in found if n.kind in PLACED):
        pairs += [(project, a) for a in areas_from.get(project.start, ()) if a.end < project.end]
        at = bisect.bisect_right(starts, project.start) - 1
        if at >= 0 and in_force[at][1].end <= project.start:
            pairs.append((project, in_force[at][1]))
    return pairs


def _openers(text: str, span: tuple[int, int], found: list[Found], before: list[Found]) -> list[tuple[int, Found]]:
    """Where an area comes into force in a segment: the area it opens with (when no other area is named), an area
    followed by 内 or 的 or after 位于, and 园区内 at the head of a clause, which refers back to the last park."""
    start, end = span
    longest: dict[int, int] = {}
    for name in found:
        longest[name.start] = max(name.end, longest.get(name.start, name.end))
    areas = [n for n in found if n.kind in AREAS and longest[n.start] == n.end]   # not 许西片区 of 许西片区…项目
    out = []
    if areas and text[start:areas[0].start].strip() in ("", "其中,", "其中，") and \
            len({text[a.start:a.end] for a in areas}) == 1:
        out.append((start, areas[0]))
    for area in areas:
        if text.startswith(("内", "的"), area.end) or text[max(start, area.start - 2):area.start] == "位于":
            out.append((area.start, area))
    for back in BACK_REFERENCE.finditer(text, start, end):
        head = back.start() == start or text[back.start() - 1] in ",，　 "
        referent = _referent(text, back["word"], before + areas) if head else None
        if referent is not None:
            out.append((back.end(), referent))
    return sorted(out, key=lambda pair: pair[0])


def _referent(text: str, word: str, before: list[Found]) -> Found | None:
    """The last area named before whose head fits the word that refers back (园区 → …产业园, 片区 → …片区)."""
    for area in reversed(before):
        surface = text[area.start:area.end]
        if word == "区" or word in surface or (word == "园区" and surface.endswith("园")):
            return area
    return None


def documents(text: str, start: int, end: int) -> list[Found]:
    """Policy documents named by their title in 《》, with their number (文号) where the text gives one after it.
    The number on its own line under a notice's title is the notice's (read with the header, pg:Notice)."""
    return [Found("PolicyDocument", *match.span("title"), match["number"])
            for match in DOCUMENT.finditer(text, start, end) if DOCUMENT_KIND.search(match["title"])]


def people(text: str, start: int, end: int) -> list[Found]:
    """People named in the body with the office they hold (常务副市长王强带队…)."""
    return [Found("Person", *m.span("name"), m["office"]) for m in PERSON.finditer(text, start, end)]
