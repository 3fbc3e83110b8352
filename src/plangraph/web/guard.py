"""Read a query's keywords before it runs: notice FROM, bound the length.

pyoxigraph has no parser API in Python, so a small tokenizer finds the query's keywords, skipping comments,
strings, IRIs, variables, language tags and prefixed names. It decides nothing about safety: SERVICE is
refused by the engine's own parser (``store.query.refuse_service``), and a FROM it misreads only changes
whether the default graph is the union of the graphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import QueryRefused

_MAYBE_FROM = re.compile(r"from|\\[uU]", re.IGNORECASE)  # the keyword, or an escape that might spell it
MAX_DEPTH = 256  # the engine's parser overflows its stack at a few thousand

# One alternative per kind of token; the named group tells which matched. Order matters: long strings
# before short ones, IRIs and prefixed names before bare words.
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\r\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>[\w.\-]*:[\w.\-:%\\]*)
  | (?P<word>[A-Za-z_][\w\-]*)
  | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Shape:
    """What the guard learnt about a query: its keywords (upper case), in order."""

    keywords: tuple[str, ...]

    @property
    def has_dataset_clause(self) -> bool:
        """Whether the query names its own dataset with FROM or FROM NAMED."""
        return "FROM" in self.keywords


def keywords(text: str) -> tuple[str, ...]:
    """Return the bare words of a SPARQL text, upper-cased, outside comments, strings, IRIs and names."""
    text = _ESCAPE.sub(_unescape, text)
    return tuple(m.group("word").upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word")


def _unescape(escape: re.Match) -> str:
    code = int(escape.group(1) or escape.group(2), 16)
    return chr(code) if code <= 0x10FFFF else escape.group(0)  # no such character: left for the parser to refuse


@lru_cache(maxsize=512)
def _shape(text: str) -> Shape:
    # the same queries come again and again (pages, dashboards); tokenize each once
    return Shape(keywords(text))


def check(text: str, max_length: int) -> Shape:
    """Return the query's shape; raise QueryRefused when it is too long (413) or nested too deep (400)."""
    if len(text) > max_length:
        raise QueryRefused(f"The query is {len(text)} characters long; this endpoint accepts at most "
                           f"{max_length}. Shorten it, e.g. move long VALUES lists into the data.", status=413)
    deepest = depth(text)
    if deepest > MAX_DEPTH:
        raise QueryRefused(f"The query nests groups or brackets {deepest} deep; this endpoint accepts at most "
                           f"{MAX_DEPTH} (deeper ones crash the query parser). Flatten it.")
    if not _MAYBE_FROM.search(text):  # most queries: no tokenizing at all
        return Shape(())
    return _shape(text) if len(text) <= 4096 else Shape(keywords(text))


def depth(text: str) -> int:
    """How deep brackets nest in ``text``, at most (those in strings count too; few brackets: their number)."""
    opened = text.count("{") + text.count("(") + text.count("[")
    if opened <= MAX_DEPTH:  # the common case, in C
        return opened
    level = deepest = 0
    for char in text:
        if char in "{([":
            level += 1
            deepest = max(deepest, level)
        elif char in "})]":
            level = max(0, level - 1)
    return deepest
