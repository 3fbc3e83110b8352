"""Mint every IRI plangraph writes, in one place and deterministically.

Data IRIs are ``BASE + path``: ``BASE`` comes from ``PLANGRAPH_BASE`` (default ``https://w3id.org/plangraph/``)
and ``plangraph serve`` answers each IRI at its path, so the data can be browsed wherever it runs. Names
become readable ASCII: the pinyin of the Chinese name, then four hex digits of its SHA-1 so that homophones
never collide (武昌区 ``wuchangqu-6b1c``, 五常区 ``wuchangqu-…`` with other digits). A name's IRI depends on
the name alone, so the same thing has the same IRI in every report and adding a report changes none.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/plangraph/"
# Units whose symbol has no pinyin.
UNIT_KEYS = {"%": "percent", "‰": "permille"}
# Kinds of report (genre) whose period code another kind shares, each with the key that keeps its IRI apart.
# Execution reports (half-year, first three quarters, quarter, a year's execution with the next year's draft)
# are told apart by their period code alone and have no key.
REPORT_KIND_KEYS = {
    # 关于印发《历下区2024年国民经济和社会发展计划》的通知 → id/report/jinanshilixiaqu-4920/plan/2024, beside
    # 关于历下区2024年…计划执行情况与2025年…计划草案的报告 → id/report/jinanshilixiaqu-4920/2024
    "plan": "plan",
}


def base() -> str:
    """Return the configured base IRI (``PLANGRAPH_BASE``), always ending in a slash."""
    value = os.environ.get("PLANGRAPH_BASE", DEFAULT_BASE)
    return value if value.endswith("/") else value + "/"


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """Return the readable, collision-free ASCII key of a Chinese name."""
    # pypinyin's phrase tables are about 55 MB: loaded where names become IRIs, not in servers and query workers
    from pypinyin import lazy_pinyin

    name = unicodedata.normalize("NFKC", name).strip()
    syllables = lazy_pinyin(name, errors=lambda chars: [chars])
    ascii_text = "".join(s if s.isascii() else "" for s in syllables).lower()
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:48].rstrip("-") or "x"
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:4]
    return f"{readable}-{digest}"


class Minter:
    """Mint the IRIs of one dataset; every IRI plangraph writes comes from one of these methods."""

    def __init__(self, base_iri: str | None = None):
        self.base = base_iri or base()

    def iri(self, path: str) -> URIRef:
        """Return ``BASE + path``."""
        return URIRef(self.base + path)

    def thing(self, kind: str, name: str) -> URIRef:
        """A shared thing known by its name (indicator, place, organisation, document …)."""
        return self.iri(f"id/{kind}/{slug(name)}")

    def document(self, title: str, number: str | None = None) -> URIRef:
        """A policy document: by its number (文号) when stated, since a title can be reissued yearly."""
        return self.thing("document", number or title)

    def district(self, district: str, city: str | None) -> URIRef:
        """A district, qualified by its city so that 鼓楼区 of 南京 and of 福州 differ."""
        return self.thing("place", (city or "") + district)

    def report(self, district: str, city: str | None, period: str, genre: str) -> URIRef:
        """A report: its district, its kind's key when it has one (``REPORT_KIND_KEYS``) and its SDMX period code.

        The key comes before the period, so that no report's IRI extends another's (its parts' IRIs do)."""
        kind = REPORT_KIND_KEYS.get(genre)
        return self.iri(f"id/report/{slug((city or '') + district)}/{kind + '/' if kind else ''}{period}")

    def period(self, code: str) -> URIRef:
        """A reporting period by SDMX code (2021-S1, 2021)."""
        return self.iri(f"id/period/{code}")

    def unit(self, label: str) -> URIRef:
        """A unit or measure word as stated (亿元, %, 项)."""
        key = UNIT_KEYS.get(label)
        return self.iri(f"id/unit/{key}") if key else self.thing("unit", label)

    def fulfilment(self, place: str, indicator: str, year: str, key: str) -> URIRef:
        """A place's target of an indicator in a year (``growth-7``): ``id/fulfilment/{place}/{indicator}/{year}/{key}``.

        Keyed by the target itself, so a second report stating the same target changes no IRI, and one stating
        another adds its own."""
        tail = lambda iri: iri.rstrip("/").rpartition("/")[2]  # noqa: E731
        return self.iri(f"id/fulfilment/{tail(place)}/{tail(indicator)}/{year}/{key}")

    def original(self, stored_name: str) -> URIRef:
        """Where the original document of a report is downloaded: ``original/{sha256}.pdf``."""
        return self.iri(f"original/{stored_name}")

    def dataset(self) -> URIRef:
        """The dataset plangraph serves."""
        return self.iri("id/dataset")

    @staticmethod
    def part(report: URIRef, kind: str, key: str | int) -> URIRef:
        """Something inside a report: a section (``section/1.2.3``), sentence, span or figure."""
        return URIRef(f"{report}/{kind}/{key}")

    @staticmethod
    def span(report: URIRef, start: int, end: int) -> URIRef:
        """The text span ``[start, end)`` of a report."""
        return URIRef(f"{report}/span/{start}-{end}")
