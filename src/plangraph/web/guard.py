"""Read a query's keywords before it runs: refuse SERVICE, notice FROM, bound the length.

pyoxigraph has no parser API in Python, so a small tokenizer finds the query's keywords. It skips what can
hold the letters S-E-R-V-I-C-E without being the keyword: comments, strings, IRIs, variables, language tags
and prefixed names. It undoes \\u and \\U escapes first, as SPARQL 1.1 (section 19.2) allows a parser to do before
tokenizing, so an escaped keyword is seen too. A query this tokenizer misreads is refused or left to the
real parser, which then rejects it: SERVICE can never reach the evaluator unseen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import QueryRefused

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
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return tuple(m.group("word").upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word")


@lru_cache(maxsize=512)
def _shape(text: str) -> Shape:
    # the same queries come again and again (pages, dashboards); tokenize each once
    return Shape(keywords(text))


def check(text: str, max_length: int) -> Shape:
    """Return the query's shape; raise QueryRefused when it is too long or calls a remote SERVICE."""
    if len(text) > max_length:
        raise QueryRefused(f"The query is {len(text)} characters long; this endpoint accepts at most "
                           f"{max_length}. Shorten it, e.g. move long VALUES lists into the data.", status=413)
    shape = _shape(text) if len(text) <= 4096 else Shape(keywords(text))
    if "SERVICE" in shape.keywords:
        raise QueryRefused("The query uses SERVICE (federated query). This endpoint never makes outbound "
                           "requests: run the SERVICE part against that endpoint yourself.")
    return shape
