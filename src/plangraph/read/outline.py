"""Split a report's text into its outline: parts, blocks, themes, sub-topics, paragraphs and sentences.

Every record carries code-point offsets ``[start, end)`` into the text it was read from, so each triple
built from it can point back at the exact characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import OutlineError

CN_DIGITS = "零一二三四五六七八九十"

# Heading lines, outermost first, each with a line of the genre it matches.
HEADINGS = (
    ("part", re.compile(r"^(?P<num>[一二三四五六七八九十]+)[、.．]\s*(?P<title>.+)$")),      # 一、上半年计划执行情况
    ("block", re.compile(r"^[(（](?P<num>[一二三四五六七八九十]+)[)）]\s*(?P<title>.+)$")),  # (一)主要指标完成情况
    # 1.发挥创新引领作用 — but not 8.城镇登记失业率。年度控制目标4%以内…。, a numbered paragraph of sentences
    ("theme", re.compile(r"^(?P<num>\d{1,2})\s*[.．、]\s*(?P<title>\D[^。；;！!]{0,40}[。；;！!]?)$")),
)
# A heading that runs on into its paragraph on the same line: the heading ends at its first 。
#   （一）经济运行稳中向好。全区地区生产总值（GDP）完成753.62亿元……
#   1.地区生产总值。年度预期目标增长7%,1—6月份完成486.25亿元……
RUN_ON = (
    ("block", re.compile(r"^[(（](?P<num>[一二三四五六七八九十]+)[)）]\s*(?P<title>(?:[^。！？\d(（]|[(（][^()（）]{0,8}[)）]){2,30})"
                         r"。(?P<rest>\S.*)$")),
    ("theme", re.compile(r"^(?P<num>\d{1,2})\s*[.．、]\s*(?P<title>(?:[^。！？\d(（]|[(（][^()（）]{0,8}[)）]){2,30})"
                         r"。(?P<rest>\S.*)$")),   # 1.地区生产总值(注1)。年度预期目标…: the note stays in the title
)
PREAMBLE = re.compile(r"^(?!——).{30,}[。！]$")   # 今年以来,我区深入贯彻……开好局、起好步。
BULLET = re.compile(r"^\s*——")                    # ——全年地区生产总值预期目标增长7%。
PROBLEMS = re.compile(r"(问题|困难|不足)[和与]?[^。]{0,6}[:：]\s*一是")  # ……但仍存在着一些问题和困难:一是
SENTENCE_END = re.compile(r"[。！!？；;]+[”’\"」』)）]?")
# A "?" between two Chinese characters stands for a lost middle dot; it never ends a sentence.


@dataclass(frozen=True)
class Sentence:
    """One sentence: its 1-based number in the report and its span."""

    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One line of body text under a section; ``kind`` is bullet, task, problems or preamble."""

    number: int
    start: int
    end: int
    kind: str
    section: str | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Section:
    """A part, block, theme or sub-topic; ``key`` is its dotted path such as ``1.2.3``."""

    key: str
    kind: str
    number: int
    title: str
    start: int
    end: int
    parent: str | None


@dataclass(frozen=True)
class Outline:
    """The outline of one report: front-matter lines, sections and paragraphs in text order."""

    front: tuple[tuple[int, int, str], ...]
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]

    def section(self, key: str) -> Section:
        """Return the section with this key."""
        return next(s for s in self.sections if s.key == key)

    def children(self, key: str | None, kind: str | None = None) -> list[Section]:
        """Return the sections directly under ``key`` (optionally of one kind)."""
        return [s for s in self.sections if s.parent == key and (kind is None or s.kind == kind)]

    def sentences(self):
        """Yield every sentence of the body in text order."""
        for paragraph in self.paragraphs:
            yield from paragraph.sentences


def cn_number(numeral: str) -> int:
    """Read a Chinese numeral up to 99 (三 → 3, 十五 → 15, 二十一 → 21)."""
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        return CN_DIGITS.index(numeral)
    tens, _, units = numeral.partition("十")
    return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(units) if units else 0)


def lines(text: str):
    """Yield (start, end, line) for each non-blank line, trimmed, with offsets into ``text``."""
    for match in re.finditer(r"[^\n\r]+", text):
        raw = match.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            start = match.start() + lead
            yield start, start + len(body), body


def split_sentences(text: str, start: int, end: int, first_number: int) -> tuple[Sentence, ...]:
    """Split ``text[start:end]`` at sentence-ending punctuation into numbered sentences."""
    out, cursor = [], start
    for match in SENTENCE_END.finditer(text, start, end):
        out.append((cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        out.append((cursor, end))
    sentences = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            sentences.append(Sentence(first_number + len(sentences), s, e, text[s:e]))
    return tuple(sentences)


def parse_outline(text: str, name: str = "report") -> Outline:
    """Read the outline of a report of the genre; raise OutlineError when there is none."""
    builder = _Builder(text)
    for start, end, line in lines(text):
        builder.add_line(start, end, line)
    if not any(s.kind == "part" for s in builder.sections):
        raise OutlineError(
            f'Report "{name}" has no recognisable outline: no part heading such as "一、上半年计划执行情况" '
            "was found. Check that it is a plan-execution report with one heading or paragraph per line.")
    return Outline(tuple(builder.front), tuple(builder.finish_sections()), tuple(builder.paragraphs))


class _Builder:
    """Walk the lines once, keeping the current section at each level."""

    def __init__(self, text: str):
        self.text = text
        self.front: list[tuple[int, int, str]] = []
        self.sections: list[Section] = []
        self.paragraphs: list[Paragraph] = []
        self.current: dict[str, Section | None] = {"part": None, "block": None, "theme": None}
        self.sentence_count = 0
        self.keys: set[str] = set()
        self.subtopics: dict[str, int] = {}

    def add_line(self, start: int, end: int, line: str) -> None:
        for kind, pattern in RUN_ON:
            match = pattern.match(line)
            if match and self._accepts(kind):
                self._open(kind, cn_number(match["num"]), match["title"].strip(), start, start + match.end("title") + 1)
                self._paragraph(start + match.start("rest"), end, match["rest"], run_on=True)
                return
        for kind, pattern in HEADINGS:
            match = pattern.match(line)
            if match and self._accepts(kind):
                self._open(kind, cn_number(match["num"]), match["title"].strip(), start, end)
                return
        if self.current["part"] is not None:
            self._paragraph(start, end, line)
        elif PREAMBLE.match(line):
            self._paragraph(start, end, line, kind="preamble")
        else:
            self.front.append((start, end, line))

    def _accepts(self, kind: str) -> bool:
        # A numbered "1." line counts as a theme only inside a part; a block only inside a part.
        return kind == "part" or self.current["part"] is not None

    def _open(self, kind: str, number: int, title: str, start: int, end: int) -> None:
        levels = ["part", "block", "theme"]
        depth = levels.index(kind)
        for deeper in levels[depth + 1:]:
            self.current[deeper] = None
        parent = next((self.current[k] for k in reversed(levels[:depth]) if self.current[k]), None)
        key = f"{parent.key}.{number}" if parent else str(number)
        while key in self.keys:      # a block's opening paragraph took this key as a sub-topic: number on after it
            number += 1
            key = f"{parent.key}.{number}" if parent else str(number)
        section = Section(key, kind, number, title, start, end, parent.key if parent else None)
        self.sections.append(section)
        self.keys.add(key)
        self.current[kind] = section

    def _paragraph(self, start: int, end: int, line: str, kind: str | None = None, run_on: bool = False) -> None:
        holder = self.current["theme"] or self.current["block"] or self.current["part"]
        kind = kind or ("bullet" if BULLET.match(line) else "problems" if PROBLEMS.search(line) else "task")
        if kind == "problems":
            holder = self.current["part"]
        sentences = split_sentences(self.text, start, end, self.sentence_count + 1)
        self.sentence_count += len(sentences)
        section = holder.key if holder else None
        if kind == "task" and holder.kind in ("theme", "block") and not run_on:
            section = self._subtopic(holder, sentences[0]).key
        self.paragraphs.append(Paragraph(len(self.paragraphs) + 1, start, end, kind, section, sentences))

    def _subtopic(self, holder: Section, first: Sentence) -> Section:
        number = self.subtopics.get(holder.key, 0) + 1
        while f"{holder.key}.{number}" in self.keys:
            number += 1
        self.subtopics[holder.key] = number
        title = first.text.rstrip("。；;！!")
        section = Section(f"{holder.key}.{number}", "subtopic", number, title, first.start, first.end, holder.key)
        self.sections.append(section)
        self.keys.add(section.key)
        return section

    def finish_sections(self) -> list[Section]:
        """Return the sections; a block that holds themes stays a block, one that holds paragraphs is a theme."""
        has_theme = {s.parent for s in self.sections if s.kind == "theme"}
        has_bullets = {p.section for p in self.paragraphs if p.kind == "bullet"}
        out = []
        for s in self.sections:
            if s.kind == "block" and s.key not in has_theme and s.key not in has_bullets:
                s = Section(s.key, "theme", s.number, s.title, s.start, s.end, s.parent)
            out.append(s)
        return out
