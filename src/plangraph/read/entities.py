"""Find the places, projects, organisations, documents and people a report names, each once, with every mention.

Names come from two sources: the frames of ``relations`` (area sentences, introductions, document acts …) and
the suffix rules below (区X局, 市X医院 …). They are then deduplicated (金融城 is 华中金融城, 四美塘项目 is 四美塘)
and every occurrence of each name in the stored text becomes a mention with its span.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .frames import AREA_SUFFIX, CJK, lead_end
from .metadata import Metadata
from .names import tidy
from .relations import Named, Relations
from .repair import repaired as repair

# The IRI kind (Minter.thing) of each class.
IRI_KIND = {"FunctionalArea": "place", "Street": "place", "Community": "place", "WaterBody": "place",
            "Road": "place", "Region": "place",
            "Plot": "place", "Project": "project", "GovernmentBody": "org", "Enterprise": "org", "School": "org",
            "Hospital": "org", "PolicyDocument": "document", "Person": "person"}
# Organisations by suffix, each with an example of the genre. 区 must open the name: after punctuation or a
# verb or preposition (优化区疾控中心, 受区人民政府委托), never inside a noun (社区卫生服务中心, 武昌区…中心).
_BEFORE_QU = "化对由经与和及等在向将受把为以"
SUFFIX_RULES = (
    ("GovernmentBody",   # 区发改局, 区疾控中心, 区扫黑除恶专项斗争领导小组, 区发展和改革委员会, 区自然资源和规划分局
     re.compile(rf"(?:(?<![{CJK}])|(?<=[{_BEFORE_QU}]))区(?![级域内块])[{CJK}]{{2,12}}?"
                r"(?:领导小组|委员会|常委会|分局|局(?!长)|委(?![员会托])|办公室|中心(?!城区)|政府)")),
    ("Hospital",         # 市七医院, 区妇幼保健院, 省人民医院
     re.compile(rf"(?<![{CJK}])?(?:市|区|省)[{CJK}]{{1,6}}?(?:医院|保健院)")),
    ("GovernmentBody",   # 之江实验室 (a named laboratory listed as a body)
     re.compile(rf"(?:(?<=、)|(?<=支持))[{CJK}]{{2,6}}?实验室")),
)
# Items of lists whose suffix says what they are: 武汉理工大学、首义学院等高校; 武昌珞珈山幼儿园等3所公办园.
SCHOOL = re.compile(rf"(?P<name>[{CJK}]{{2,14}}?(?:大学|学院|小学|中学|幼儿园))(?:东湖校区)?(?=[、等])")
ALIAS_RULES = (
    # 金融城 is the short name of 华中金融城: an area name that ends another area name.
    ("suffix", lambda short, long: len(short) >= 3 and long.endswith(short) and long != short),
    # 滨江商务核心区 is the core of 滨江商务区: the same name with 核心区 for 区.
    ("core", lambda short, long: short.replace("核心区", "区") == long and short != long),
)
PROJECT_WORD = re.compile(r"项目$")
VERB_END = re.compile(r"(?:迁建|改建|新建|扩建|改造|建设)$")


@dataclass(frozen=True)
class Entity:
    """One thing the report names: its class, its name, other names, and each mention's span."""

    kind: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    detail: str | None = None          # document number, person's role

    @property
    def iri_kind(self) -> str:
        return IRI_KIND[self.kind]

    @property
    def key(self) -> str:
        """What the IRI is minted from, so 四美塘 and 四美塘项目 are one thing in every report."""
        return key(self.name)


def key(name: str) -> str:
    """The identity of a name: 四美塘项目 and 四美塘 are one project, 市七医院迁建项目 keeps its 项目."""
    stripped = PROJECT_WORD.sub("", name)
    return name if len(stripped) < 2 or VERB_END.search(stripped) else stripped


def suffix_names(text: str, start: int, end: int) -> list[Named]:
    """Names found by their suffix (区X局, 市X医院, X小学 …) in ``text[start:end]``."""
    out = []
    for kind, pattern in SUFFIX_RULES:
        for m in pattern.finditer(text, start, end):
            if tidy(text, kind, *m.span()) == m.span():      # not 区人大及其常委会: two bodies
                out.append(Named(kind, m.group(), m.start(), m.end()))
    for match in SCHOOL.finditer(text, start, end):
        begin = lead_end(text, match.start("name"), match.end("name"))
        if re.search("建|局|^中小学", text[begin:match.end("name")]):
            continue                              # 区教育局新建改扩建中小学: a kind of school, not a school
        out.append(Named("School", text[begin:match.end("name")], begin, match.end("name")))
    return out


def people(meta: Metadata, text: str) -> list[Named]:
    """The presenter with the office line's role, and the office's organisation."""
    out = []
    if meta.presenter and meta.presenter_span:
        s, e = meta.presenter_span
        line = text[s:e]
        name_at = line.rfind(meta.presenter[0])
        out.append(Named("Person", meta.presenter, s + name_at, e, meta.office))
        if meta.organization and meta.organization in line:
            at = s + line.index(meta.organization)
            out.append(Named("GovernmentBody", meta.organization, at, at + len(meta.organization)))
    return out


def find_entities(text: str, meta: Metadata, relations: Relations, body: tuple[int, int]) -> tuple[Entity, ...]:
    """Every entity of a report, deduplicated, with all its mentions in the stored text."""
    fixed = repair(text)
    named = [e.subject for e in relations.events] + [e.area for e in relations.events if e.area]
    named += [a for e in relations.events for a in e.agents]
    named += [n for c in relations.containments for n in (c.inner, c.outer)] + list(relations.names)
    named += suffix_names(fixed, *body) + people(meta, text)
    named += _new_names(relations.read, named)
    groups = _group(named)
    return tuple(_with_mentions(fixed, groups))


def _new_names(read: tuple[Named, ...], named: list[Named]) -> list[Named]:
    """The names read by their heads that the frames did not give, except an area whose name ends in a frame's
    area name (中科·武大智谷核心区小洪山科学城 is two areas the frames split, not a longer name of 小洪山科学城)."""
    known = {n.name for n in named} | {key(n.name) for n in named}
    areas = {n.name for n in named if n.kind == "FunctionalArea"}
    return [n for n in read if n.name not in known and key(n.name) not in known
            and not (n.kind == "FunctionalArea" and any(n.name.endswith(a) for a in areas))]


def _group(named: list[Named]) -> list[list]:
    """Merge names into entities [kind, name, names, detail, spans]: one per (IRI kind, key), areas by alias."""
    by_key: dict[tuple[str, str], list] = {}
    for n in named:
        if len(n.name) < 2:
            continue
        slot = by_key.setdefault((IRI_KIND[n.kind], key(n.name)), [n.kind, key(n.name), set(), None, set()])
        slot[2].add(n.name)
        slot[3] = slot[3] or n.detail
        slot[4].add((n.start, n.end))
    areas = [k for k, v in by_key.items() if v[0] == "FunctionalArea"]
    for short in areas:
        for long in areas:
            if short in by_key and long in by_key and any(rule(short[1], long[1]) for _, rule in ALIAS_RULES):
                merged = by_key.pop(short)
                by_key[long][2] |= merged[2] | {short[1]}
                by_key[long][4] |= merged[4]
    _area_prefixed_projects(by_key)
    _short_area_names(by_key)
    for slot in by_key.values():
        if slot[0] != "FunctionalArea":           # label a thing by its shortest stated name (四美塘, not 四美塘项目)
            slot[1] = min(slot[2], key=lambda n: (len(n), n))
    for kind, name in [k for k, v in by_key.items() if v[0] == "FunctionalArea"]:
        if ("project", name) in by_key:           # 中山大道东段特色街区开街: a project, though its name says place
            by_key.pop((kind, name))
    for slot in by_key.values():
        slot[2].discard(slot[1])
    return list(by_key.values())


def _area_prefixed_projects(by_key: dict) -> None:
    """湖滨东路数字经济走廊青创智谷大厦 is 青创智谷大厦 named with its area in front: one project, two names."""
    areas = {k[1] for k, v in by_key.items() if v[0] == "FunctionalArea"}
    projects = {k[1]: k for k, v in by_key.items() if v[0] == "Project"}
    for name, long in projects.items():
        area = next((a for a in areas if name.startswith(a) and projects.get(name[len(a):]) in by_key), None)
        if area is not None:
            merged, short = by_key.pop(long), by_key[projects[name[len(area):]]]
            short[2] |= merged[2]
            short[4] |= merged[4]


def _short_area_names(by_key: dict) -> None:
    """金融城核心区二期 names 华中金融城 by its short name 金融城: record the short name as an alias."""
    names = [k[1] for k, v in by_key.items() if v[0] in ("Project", "Plot")]
    for (kind, name), slot in by_key.items():
        if slot[0] != "FunctionalArea":
            continue
        for cut in range(1, len(name) - 2):
            short = name[cut:]
            if re.fullmatch(rf"[{CJK}]*{AREA_SUFFIX}", short) and any(n.startswith(short) for n in names):
                slot[2].add(short)
                break


def _with_mentions(fixed: str, groups) -> list[Entity]:
    """Add every occurrence of each entity's names; a span inside a longer span of the same entity is dropped,
    and a two-character name inside another entity's name is no mention (中南 in 中南建筑设计院)."""
    inside = _Spans({span for *_, spans in groups for span in spans})
    out = []
    for kind, name, aliases, detail, spans in groups:
        found = set(spans)
        for surface in {name, *aliases}:
            for m in re.finditer(re.escape(surface), fixed):
                if len(surface) > 2 or not inside(m.span()):
                    found.add(m.span())
        out.append(Entity(kind, name, tuple(sorted(aliases)), _outermost(found), detail))
    return sorted(out, key=lambda e: (e.mentions[:1], e.kind, e.name))


class _Spans:
    """Tell whether a span lies inside another of a set, in logarithmic time (a long report has thousands)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach, most = [], -1           # the furthest end of the spans that start at or before each one
        for _, b in ordered:
            most = max(most, b)
            self.reach.append(most)
        self.longest_from: dict[int, int] = {}
        for a, b in ordered:
            self.longest_from[a] = max(b, self.longest_from.get(a, b))

    def __call__(self, span: tuple[int, int]) -> bool:
        start, end = span
        before = bisect.bisect_left(self.starts, start) - 1      # spans that start strictly before
        return (before >= 0 and self.reach[before] >= end) or self.longest_from.get(start, end) > end


def _outermost(spans: set[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The spans that no other span of the set contains, in text order."""
    kept, reach = [], -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if end > reach:
            kept.append((start, end))
            reach = end
    return tuple(kept)
