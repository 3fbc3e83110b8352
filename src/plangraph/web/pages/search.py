"""Search names and text the Chinese way: character bigrams (and single characters) over labels and sentences.

Chinese has no spaces between words, so words are not split out; a query matches a document by the share of
its bigrams the document holds (长江 → 长江, found in 武汉长江中心), names weigh more than sentences, and an exact
substring ranks first. The index is built once per store: by ``plangraph serve`` as it starts (in the
background; 15 s for 1,000 reports), else on first use.
"""
from __future__ import annotations

import csv
import io
import math
import threading
from collections import defaultdict
from dataclasses import dataclass

from flask import current_app, render_template, request

from ...store.query import run_query
from .. import get_store
from . import bp
from .describe import labels, node
from .i18n import language, word
from .terms import pick

DOCUMENTS = """SELECT ?x ?text ?kind WHERE {
  { ?x rdfs:label|skos:prefLabel|pg:alias|dcterms:title ?text BIND("name" AS ?kind) }
  UNION { ?x a pg:Sentence ; oa:hasSelector ?q . ?q oa:exact ?text BIND("text" AS ?kind) }
}"""
WEIGHT = {"name": 2.0, "text": 1.0}


@dataclass(frozen=True)
class Hit:
    """One ranked result: the resource, the text that matched, and its score."""

    iri: str
    text: str
    kind: str
    score: float


def grams(text: str) -> set[str]:
    """The character bigrams of ``text`` (its characters when it has one), spaces and case ignored."""
    text = "".join(text.lower().split())
    return {text[i:i + 2] for i in range(len(text) - 1)} or set(text)


class Index:
    """An inverted index from character n-grams to documents."""

    def __init__(self, documents):
        self.docs: list[tuple[str, str, str]] = []
        self.postings: dict[str, set[int]] = defaultdict(set)
        for iri, text, kind in documents:
            n = len(self.docs)
            self.docs.append((iri, text, kind))
            for gram in grams(text) | set(text.lower()):
                self.postings[gram].add(n)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Documents sharing n-grams with ``query``, best first; one hit per resource."""
        wanted, needle = grams(query), "".join(query.lower().split())
        if not wanted:
            return []
        idf = {g: math.log(1 + len(self.docs) / (1 + len(self.postings.get(g, ())))) for g in wanted}
        total = sum(idf.values())
        scores: dict[int, float] = defaultdict(float)
        for gram in wanted:
            for n in self.postings.get(gram, ()):
                scores[n] += idf[gram] / total
        best: dict[str, Hit] = {}
        for n, share in scores.items():
            iri, text, kind = self.docs[n]
            exact = needle in text.lower()
            score = WEIGHT[kind] * (share + (1.0 if exact else 0.0)) / (1 + 0.01 * len(text))
            if share >= 0.5 and (iri not in best or score > best[iri].score):
                best[iri] = Hit(iri, text, kind, score)
        return sorted(best.values(), key=lambda h: (-h.score, h.text))[:limit]


_BUILDING = threading.Lock()


def index() -> Index:
    """The search index of the app's store, built once (a search arriving meanwhile waits for it)."""
    cache = current_app.extensions.setdefault("plangraph.pages", {})
    with _BUILDING:
        if "index" not in cache:
            rows = run_query(get_store(), DOCUMENTS)
            cache["index"] = Index((r["x"].value, r["text"].value, r["kind"].value) for r in rows)
    return cache["index"]


def warm(app) -> threading.Thread:
    """Build the app's search index in a background thread, so that no visitor waits for it."""
    def build():
        with app.app_context():
            index()
    thread = threading.Thread(target=build, name="search-index", daemon=True)
    thread.start()
    return thread


@bp.route("/search")
def search():
    """Rank resources whose names or sentences match ?q=."""
    query = request.args.get("q", "").strip()[:200]
    return render_template("pages/search.html", q=query, results=results(query)), {"Vary": "Cookie"}


@bp.route("/search.csv")
def search_csv():
    """The results of ?q= as CSV: rank, IRI, name, classes, the text that matched and whether a name or text."""
    query = request.args.get("q", "").strip()[:200]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["rank", "iri", "label", "types", "matched", "kind"])
    for rank, r in enumerate(results(query), 1):
        writer.writerow([rank, r["iri"], r["label"], " ".join(r["types"]), r["text"], r["kind"]])
    return buffer.getvalue(), {"Content-Type": "text/csv; charset=utf-8", "Vary": "Cookie",
                               "Content-Disposition": 'attachment; filename="search.csv"'}


def results(query: str) -> list[dict]:
    """The ranked results of a search, with their names and classes in the page's language."""
    hits = index().search(query) if query else []
    lang = language()
    kinds = types(get_store(), [h.iri for h in hits])
    names = labels(get_store(), {h.iri for h in hits} | {t for ts in kinds.values() for t in ts}) if hits else {}
    return [{"iri": h.iri, "label": _title(h, names, lang), "text": h.text, "kind": h.kind,
             "types": [pick(names.get(t, {}), lang) or t for t in kinds.get(h.iri, [])]} for h in hits]


def types(store, iris: list[str]) -> dict[str, list[str]]:
    """The classes of each IRI, for the labels beside search results."""
    if not iris:
        return {}
    values = " ".join(node(i) for i in iris)
    found: dict[str, list[str]] = {}
    for r in run_query(store, f"SELECT ?x ?t WHERE {{ VALUES ?x {{ {values} }} ?x a ?t }} ORDER BY ?t"):
        found.setdefault(r["x"].value, []).append(r["t"].value)
    return found


def _title(hit: Hit, names, lang: str) -> str:
    if hit.kind == "text":  # a sentence: name it by its number, the text follows as the snippet
        return word("sentence", lang, n=hit.iri.rpartition("/")[2])
    return pick(names.get(hit.iri, {}), lang) or hit.text
