"""Read what a report states: achievements and plans by sub-topic, the problems it names, and its themes.

Modality follows the skeleton: part one reports what was achieved, the part of next-period work plans it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .frames import CJK
from .outline import Outline
from .relations import modality_map
from .repair import repaired as repair

# 一是经济高位求进的拉动力不够强劲。……二是征收收尾挂地进度较慢。……
PROBLEM_MARK = re.compile(r"[一二三四五六七八九十]是")
# A named theme with its members: 围绕“金融之城”“设计之都”“文旅胜地”“商贸中心”“科创强区”五大产业集群品牌建设目标.
THEME_LIST = re.compile(rf"(?P<members>(?:“[^”]{{2,8}}”[、]?){{2,}})(?P<name>[一二三四五六七八九十]大[{CJK}]{{2,6}}?)"
                        r"(?=品牌|建设|发展|目标|[,，。])")
# A numbered slogan named as a theme: 落实“五个中心”建设.
THEME_QUOTED = re.compile(r"“(?P<name>[一二三四五六七八九十]个[^”]{1,6})”")


@dataclass(frozen=True)
class Statement:
    """One thing said: a sub-topic's lead, a problem, or a sentence about a theme; ``about`` names its topic."""

    kind: str                  # "subtopic", "problem" or "theme"
    label: str
    about: str | None
    start: int
    end: int
    sentence: int | None
    modality: str
    section: str | None = None
    number: int | None = None


@dataclass(frozen=True)
class ThemeConcept:
    """A named theme; ``broader`` is the theme it belongs to, ``related`` one named beside it."""

    name: str
    broader: str | None
    related: tuple[str, ...]
    start: int
    end: int


def read_statements(text: str, outline: Outline) -> tuple[tuple[Statement, ...], tuple[ThemeConcept, ...]]:
    """Return the statements and theme concepts of a report."""
    themes = read_themes(text, outline)
    statements = subtopic_statements(outline) + problems(text, outline) + theme_statements(text, outline, themes)
    return tuple(statements), tuple(themes)


def subtopic_statements(outline: Outline) -> list[Statement]:
    """One statement per sub-topic: its lead sentence, achieved or planned by the part it sits in."""
    modality = modality_map(outline)
    first = {p.section: p.sentences[0] for p in outline.paragraphs if p.kind == "task" and p.sentences}
    return [Statement("subtopic", s.title, None, s.start, s.end, first[s.key].number,
                      modality[first[s.key].number], s.key)
            for s in outline.sections if s.kind == "subtopic" and s.key in first]


def problems(text: str, outline: Outline) -> list[Statement]:
    """The problems paragraph split at 一是, 二是 …: each problem with its title sentence and full span."""
    out = []
    for paragraph in (p for p in outline.paragraphs if p.kind == "problems"):
        marks = list(PROBLEM_MARK.finditer(text, paragraph.start, paragraph.end))
        for number, mark in enumerate(marks, 1):
            end = marks[number].start() if number < len(marks) else paragraph.end
            title = re.match(r"[^。；;]+", text[mark.end():end]).group()
            sentence = next((s.number for s in paragraph.sentences if s.start <= mark.start() < s.end), None)
            out.append(Statement("problem", title, None, mark.start(), end, sentence, "Achieved",
                                 paragraph.section, number))
    return out


def read_themes(text: str, outline: Outline) -> list[ThemeConcept]:
    """Themes named in the text: 五大产业集群 with its quoted members, and slogans such as 五个中心."""
    fixed, found = repair(text), {}
    for sentence in outline.sentences():
        quoted = {m["name"]: m.span("name") for m in THEME_QUOTED.finditer(fixed, sentence.start, sentence.end)}
        for match in THEME_LIST.finditer(fixed, sentence.start, sentence.end):
            name = match["name"]
            found[name] = ThemeConcept(name, None, tuple(quoted), *match.span("name"))
            for member in re.finditer(r"“(?P<m>[^”]+)”", match["members"]):
                at = match.start("members") + member.start("m")
                found.setdefault(member["m"], ThemeConcept(member["m"], name, (), at, at + len(member["m"])))
        for name, span in quoted.items():
            found.setdefault(name, ThemeConcept(name, None, (), *span))
    return list(found.values())


def theme_statements(text: str, outline: Outline, themes: list[ThemeConcept]) -> list[Statement]:
    """Each sentence that names a theme member: what is said of it, achieved or planned."""
    modality, fixed, out = modality_map(outline), repair(text), []
    members = [t for t in themes if t.broader]
    for paragraph in (p for p in outline.paragraphs if p.kind == "task"):
        for sentence in paragraph.sentences:
            for theme in members:
                if theme.name in fixed[sentence.start:sentence.end]:
                    out.append(Statement("theme", sentence.text, theme.name, sentence.start, sentence.end,
                                         sentence.number, modality[sentence.number], paragraph.section))
    return out
