"""Read what the task text says happened to projects, plots, enterprises and documents, and who is who.

Each relation is read from a frame of the genre (the tables in ``frames`` carry an example of each). Names keep
their code-point span in the stored text; a ``?`` standing for a lost ``·`` is repaired in the name only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .frames import (
    ACADEMICIANS,
    AGENTS,
    AREA_CHAIN,
    AREA_HEAD,
    COUNT,
    CUT,
    DOCUMENT,
    DOCUMENT_ACTS,
    DOCUMENT_HEAD,
    ENTERPRISE_HEAD,
    ENTERPRISE_LIST,
    FRAMED,
    GENERIC,
    GENERIC_STATUS,
    INTRODUCED,
    INTRODUCED_KIND,
    INTRODUCED_ONE,
    LEAD_WORD,
    PHASE,
    PLACE_HEAD,
    PLACE_LIST,
    PLANNED_PART,
    PROJECT_HEAD,
    QUOTED_PLACE,
    SCENE_NAME,
    SCENES,
    SPECIFIC_STATUS,
    STREET_COMMUNITY,
    TO_LAND,
    WATER,
    WATER_NAMED,
    clauses,
    lead_end,
    list_clauses,
    list_matches,
    split_list,
    strip_brackets,
    trim_lead,
)
from .names import read_names, tidy
from .outline import Outline, Sentence
from .repair import repaired as repair

__all__ = ["Named", "StatusEvent", "Containment", "Relations", "read_relations", "modality_map", "repair"]


@dataclass(frozen=True)
class Named:
    """A name as the text gives it: ``kind`` is a pg class name, ``name`` the repaired form."""

    kind: str
    name: str
    start: int
    end: int
    detail: str | None = None     # a document's number, a person's role


@dataclass(frozen=True)
class StatusEvent:
    """What happened to (or is planned for) a thing in one sentence, and where the thing lies."""

    subject: Named
    status: str
    modality: str
    sentence: Sentence
    area: Named | None = None
    agents: tuple[Named, ...] = ()


@dataclass(frozen=True)
class Containment:
    """``inner`` lies in ``outer`` (a community in its street, an area in a larger one)."""

    inner: Named
    outer: Named
    sentence: Sentence | None


@dataclass(frozen=True)
class Relations:
    """Every relation read from one report."""

    events: tuple[StatusEvent, ...]
    containments: tuple[Containment, ...]
    names: tuple[Named, ...]          # further names found in lists (people, enterprises, water bodies …)
    read: tuple[Named, ...] = ()      # names read by their heads in prose of any style (names.read_names)


def modality_map(outline: Outline) -> dict[int, str]:
    """Map each sentence number to Achieved (part one) or Planned (the part of next-period plans)."""
    planned = {s.key for s in outline.sections if s.kind == "part" and PLANNED_PART.search(s.title)}
    return {sentence.number: "Planned" if (p.section or "").split(".")[0] in planned else "Achieved"
            for p in outline.paragraphs for sentence in p.sentences}


def read_relations(text: str, outline: Outline) -> Relations:
    """Read every status event, containment and listed name of a report."""
    fixed, modality = repair(text), modality_map(outline)
    events, containments, names = [], [], []
    for paragraph in outline.paragraphs:
        if paragraph.kind != "task":
            continue
        for sentence in paragraph.sentences:
            mood = modality[sentence.number]
            reader = _SentenceReader(fixed, sentence, mood)
            reader.read()
            events += reader.events
            containments += reader.containments
            names += reader.names
    reading = read_names(fixed)
    read = {f: Named(f.kind, fixed[f.start:f.end], f.start, f.end, f.detail) for f in reading.names}
    containments += [Containment(read[a], read[b], None) for a, b in reading.placed]
    fix = _Tidy(fixed, read.values())
    events = [replace(e, subject=fix(e.subject), area=fix(e.area), agents=tuple(fix(a) for a in e.agents))
              for e in events if fix(e.subject)]
    containments = [replace(c, inner=fix(c.inner), outer=fix(c.outer)) for c in containments
                    if fix(c.inner) and fix(c.outer)]
    names = [fix(n) for n in names if fix(n)]
    return Relations(tuple(events), tuple(containments), tuple(names), tuple(read.values()))


class _Tidy:
    """Give each name of the frames its clean span: without the verbs before it, or the name read by its head
    that ends where it ends and begins later (电子城科创街区引进|西安芯联微电子有限公司); None for no name."""

    def __init__(self, text: str, read):
        self.text, self.cache = text, {}
        self.by_end = {n.end: n for n in sorted(read, key=lambda n: -n.start)}

    def __call__(self, named: Named | None) -> Named | None:
        if named is None or named.kind == "Person" or named.name != self.text[named.start:named.end]:
            return named                    # 外沙湖综合整治工程 is named over 外沙湖's span: made, not read
        if named not in self.cache:
            span = tidy(self.text, named.kind, named.start, named.end)
            found = self.by_end.get(named.end)
            if span and found and found.start > span[0] and found.kind == named.kind:
                span = (found.start, found.end)
            if span == (named.start, named.end):
                self.cache[named] = named
            else:
                self.cache[named] = span and replace(named, name=self.text[span[0]:span[1]], start=span[0])
        return self.cache[named]


class _SentenceReader:
    """Read the frames of one sentence; the results collect on the instance."""

    def __init__(self, text: str, sentence: Sentence, modality: str):
        self.text, self.sentence, self.modality = text, sentence, modality
        self.events: list[StatusEvent] = []
        self.containments: list[Containment] = []
        self.names: list[Named] = []
        self.taken: list[tuple[int, int]] = []     # clauses already read by an enterprise frame
        self.clauses = list(clauses(text, sentence.start, sentence.end))    # split once, read by every frame
        self.chains = list(AREA_CHAIN.finditer(text, sentence.start, sentence.end))   # 中科·武大智谷核心区小洪山科学城
        self.list_clauses = list_clauses(text, sentence.start, sentence.end)

    def named(self, kind: str, start: int, end: int, detail: str | None = None) -> Named:
        return Named(kind, self.text[start:end], start, end, detail)

    def event(self, subject: Named, status: str, area: Named | None = None, agents=()) -> None:
        self.events.append(StatusEvent(subject, status, self.modality, self.sentence, area, tuple(agents)))

    def read(self) -> None:
        if not self.clauses:                      # a line of punctuation alone (：): nothing to name
            return
        self._enterprises()
        self._documents()
        self._people_and_places()
        area, begin = self._area()
        for start, end in self.clauses:
            start = max(start, begin)
            if start < end and not any(s <= start < e for s, e in self.taken):
                self._projects(start, end, area)

    def _enterprises(self) -> None:
        s, e = self.sentence.start, self.sentence.end
        for pattern, status in ((TO_LAND, "ToLand"), (INTRODUCED, "Introduced"), (ENTERPRISE_LIST, None)):
            for match in self._matches(pattern, s, e):
                if any(a < match.end() and match.start() < b for a, b in self.taken):
                    continue
                self.taken.append((match.start(), match.end()))
                first = lead_end(self.text, match.start("list"), match.end("list"))
                if re.match(r"[\d一两]", self.text[first:first + 1]):
                    continue                      # 力争引进1-2家大数据、人工智能……等行业头部企业: kinds, not names
                for a, b in split_list(self.text, first, match.end("list")):
                    name = self.named("Enterprise", a, b)
                    self.names.append(name)
                    if status:
                        self.event(name, status)
        for start, end in self.clauses:
            match = INTRODUCED_ONE.match(self.text[start:end].strip())
            if match and not INTRODUCED_KIND.search(match["list"]) and not any(a <= start < b for a, b in self.taken):
                offset = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
                name = self.named("Enterprise", offset + match.start("list"), offset + match.end("list"))
                self.names.append(name)
                self.event(name, "Introduced")
                self.taken.append((start, end))

    def _matches(self, pattern: re.Pattern, start: int, end: int):
        """Matches of a list frame: those that open with a verb (推动…, 引进…) at each verb, the others per clause."""
        if pattern is ENTERPRISE_LIST:
            return list_matches(pattern, self.text, self.list_clauses)
        return pattern.finditer(self.text, start, end)      # bounded lists: each try costs at most 300 steps

    def _documents(self) -> None:
        for match in DOCUMENT.finditer(self.text, self.sentence.start, self.sentence.end):
            verb, title = match["verb"], match["title"]
            if not verb and not DOCUMENT_HEAD.search(title):
                continue                      # 《建党百年·武昌故事》系列短视频 is no policy document
            document = self.named("PolicyDocument", match.start("title"), match.end("title"), match["number"])
            self.names.append(document)
            agents = self._agents(match.start("title"))
            self.names += agents
            if verb:
                self.event(document, dict(DOCUMENT_ACTS)[verb], agents=agents)
            self.taken.append((match.start(), match.end()))

    def _agents(self, start: int) -> list[Named]:
        match = AGENTS.match(self.text, start, start + 60)
        if not match:
            return []
        out = []
        for part in re.finditer(r"\S+", match["agents"]):
            out.append(self.named("GovernmentBody", start + part.start(), start + part.end()))
        return out

    def _people_and_places(self) -> None:
        for start, end in self.clauses:
            self._clause_names(lead_end(self.text, start, end), end)
        s, e = self.sentence.start, self.sentence.end
        for match in list_matches(SCENES, self.text, self.list_clauses):
            self._list(match, "Project", lambda name: SCENE_NAME.search(name))
        for match in list_matches(PLACE_LIST, self.text, self.list_clauses):
            self.taken.append(match.span())
            self._list(match, "FunctionalArea", lambda name: not re.search(r"[“”\d]", name))
        for match in WATER_NAMED.finditer(self.text, s, e):
            self.names.append(self.named("WaterBody", *match.span("name")))
        for match in QUOTED_PLACE.finditer(self.text, s, e):
            self.names.append(self.named("FunctionalArea", *match.span("name")))
        for match in self.chains:
            outer = self.named("FunctionalArea", trim_lead(self.text, *match.span("outer")), match.end("outer"))
            inner = self.named("FunctionalArea", *match.span("inner"))
            self.names += [outer, inner]
            self.containments.append(Containment(inner, outer, self.sentence))

    def _clause_names(self, first: int, end: int) -> None:
        """Names at the head of a clause: academicians, list items, a place or an enterprise by its suffix."""
        match = ACADEMICIANS.match(self.text, first, end)
        if match:
            for a, b in split_list(self.text, first, match.end("list")):
                b = b - 2 if self.text[a:b].endswith("院士") else b
                self.names.append(self.named("Person", a, b, "院士"))
        stop = self.text.find("等", first, end)
        for a, b in split_list(self.text, first, stop if stop > first else end):
            self._list_item(a, b)
        head = PLACE_HEAD.match(self.text, first, end)
        if head and not (AREA_CHAIN.match(self.text, first, end) or GENERIC.search(head.group())
                         or CUT.search(head.group()) or LEAD_WORD.search(head.group())):
            self.names.append(self.named("FunctionalArea", first, head.end()))
        head = ENTERPRISE_HEAD.match(self.text, first, end)
        if head:
            self.names.append(self.named("Enterprise", first, head.end()))

    def _list(self, match: re.Match, kind: str, keep) -> None:
        """Each item of a matched list (after its opening verbs) that ``keep`` accepts, as a name of ``kind``."""
        first = lead_end(self.text, match.start("list"), match.end("list"))
        for a, b in split_list(self.text, first, match.end("list")):
            if keep(self.text[a:b]):
                self.names.append(self.named(kind, a, b))

    def _list_item(self, a: int, b: int) -> None:
        a2, b2 = strip_brackets(self.text, a, b)
        match = STREET_COMMUNITY.match(self.text[a2:b2])
        if match:
            street = self.named("Street", a2, a2 + match.end("street"))
            community = self.named("Community", a2 + match.end("street"), a2 + match.end("community"))
            self.names += [street, community]
            self.containments.append(Containment(community, street, self.sentence))
        elif WATER.match(self.text[a2:b2]):
            self.names.append(self.named("WaterBody", a2, b2))

    def _area(self) -> tuple[Named | None, int]:
        """The area a sentence opens with (or builds: 推进……小洪山科学城建设,) and where its names begin."""
        s, e = self.sentence.start, self.sentence.end
        match = AREA_HEAD.match(self.text, s, e)
        if match:
            area = self.named("FunctionalArea", trim_lead(self.text, *match.span("area")), match.end("area"))
            if area.start > s and not self.text.startswith("建设", area.end):
                match = None                      # 推进良渚古城遗址保护: a verb first, so not an area sentence
            elif area.start > s:                  # 加速华中金融城建设运营,……: the names begin after that clause
                self.names.append(area)
                return area, self.clauses[0][1]
        if match:
            self.names.append(area)
            phase = PHASE.match(self.text, match.end(), e)
            if phase:                             # 昙华林核心区二期开街: the area's phase is the project
                clause_end = self.clauses[0][1]
                project = self.named("Project", area.start, phase.end())
                self._statuses(project, self.text[phase.end():clause_end], "", area)
                return area, clause_end
            return area, match.end()
        chain = self.chains[0] if self.chains else None
        first_clause = self.clauses[0]
        if chain and chain.end() <= first_clause[1] and self.text.startswith("建设", chain.end()):
            self.taken.append(first_clause)
            return self.named("FunctionalArea", *chain.span("inner")), s
        return None, s

    def _projects(self, start: int, end: int, area: Named | None, in_area: bool = False) -> None:
        """Read ``[lead] A、B等…项目 status`` from one clause."""
        in_area = in_area or area is not None
        first = lead_end(self.text, start, end)
        lead = self.text[start:first]
        cut = CUT.search(self.text, first, end)
        if cut is not None and cut.start() == first or cut is None and not lead:
            return
        cut_at = cut.start() if cut else end          # 加快建设数字经济产业园: the names run to the end
        tail = self.text[cut_at:end]
        has_status = bool(self._status_words(lead, tail))
        if not has_status and (not in_area or not lead):
            return                                # 金融要素集聚能力持续增强: no verb, no status, no project
        if re.match(r"[(（]\d", tail) or COUNT.match(tail):
            return                                # 示范片区(10个)、道路(42段), 金融机构和总部企业46家: counts of kinds
        framed = in_area or bool(FRAMED.match(tail))
        for name, a, b in self._distribute(split_list(self.text, first, cut_at)):
            if self._is_project(name, a, b, framed):
                kind = "Plot" if re.sub("项目$", "", name).endswith("地块") else "Project"
                self._statuses(Named(kind, name, a, b), tail, lead, area)
        rest = re.match(r"[^和及]*?(?:出让|征收|储备)(?=[和及])", tail)
        if rest:                                  # 滨江核心区F3地块出让和国棉二厂片征收收尾
            self._projects(cut_at + rest.end() + 1, end, area, in_area)

    def _is_project(self, name: str, a: int, b: int, framed: bool) -> bool:
        """A list item names a project: framed (area sentence, 等…项目) or by its head, never a kind or a person."""
        if any(p.start < b and a < p.end for p in self.names if p.kind == "Person"):
            return False                          # 刘经南、詹明生、叶朝辉等3个院士专家项目: people, not projects
        if "“" in name or "”" in name or len(name) > 24 or GENERIC.search(name):
            return False
        return framed or bool(PROJECT_HEAD.search(name))

    def _distribute(self, items) -> list[tuple[str, int, int]]:
        """Name each item; 外沙湖、水果湖综合整治工程 → 外沙湖综合整治工程 and 水果湖综合整治工程."""
        named = [(self.text[a:b], a, b) for a, b in items]
        if len(items) < 2:
            return named
        size = items[0][1] - items[0][0]
        last_a, last_b = items[-1]
        head = self.text[last_a + size:last_b]
        if not (all(b - a == size for a, b in items[:-1]) and size <= 4 and len(head) >= 2
                and PROJECT_HEAD.search(head) and WATER.match(self.text[last_a:last_a + size])):
            return named
        out = []
        for a, b in items[:-1] + [(last_a, last_a + size)]:
            place = self.named("WaterBody", a, b)
            self.names.append(place)
            project = Named("Project", place.name + head, a, b if b != last_a + size else last_b)
            self.containments.append(Containment(project, place, self.sentence))
            out.append((project.name, project.start, project.end))
        return out

    def _status_words(self, lead: str, tail: str) -> list[str]:
        found = [status for pattern, status in SPECIFIC_STATUS if pattern.search(tail)]
        probe = f"{lead}|{tail}"
        if lead.endswith("完成") and tail.startswith("建设"):
            found.append("Completed")
        if not found:
            found = [status for pattern, status in GENERIC_STATUS if pattern.search(probe)][:1]
        return found

    def _statuses(self, subject: Named, tail: str, lead: str, area: Named | None) -> None:
        statuses = self._status_words(lead, tail)
        if not statuses:
            self.names.append(subject)
            if area:                              # 完善楚江大道沿线配套设施: in the area, nothing happened yet
                self.containments.append(Containment(subject, area, self.sentence))
        for status in statuses:
            self.event(subject, status, area)
