"""Describe one resource from the store: its statements, fragments, incoming links, labels and source text.

Every read goes through ``run_query`` (``store.query``), so an adapter for an external SPARQL endpoint can
stand in for the embedded store.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph

from ...store.query import run_query
from .terms import pick, term_labels

# Characters that may not appear in an IRI (RFC 3987), controls included; a path holding one names no resource.
NOT_IRI = re.compile(r'[\s\x00-\x1f\x7f-\x9f<>"{}|\\^`]')
LABEL_PROPS = "rdfs:label|skos:prefLabel|dcterms:title"
QUOTE = 40  # characters of a quoted span used as its name
LONG_TEXT = 300  # characters of a literal shown before it is cut


@dataclass(frozen=True)
class Value:
    """An RDF term ready for a page: its text, and for IRIs the label and link."""

    text: str
    iri: bool = False
    label: str | None = None
    en: str | None = None
    lang: str | None = None
    datatype: str | None = None
    full: bool = True  # False when the text was cut


@dataclass(frozen=True)
class Group:
    """One property and its values; for incoming links also the total count."""

    prop: Value
    values: tuple[Value, ...]
    count: int = 0


@dataclass
class Description:
    """What a resource page shows."""

    iri: str
    types: list[Value] = field(default_factory=list)
    outgoing: list[Group] = field(default_factory=list)
    fragments: list[tuple[Value, list[Group]]] = field(default_factory=list)
    incoming: list[Group] = field(default_factory=list)
    raw: dict[str, list] = field(default_factory=dict)  # property IRI → pyoxigraph terms
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # IRI → {language: label}

    def first(self, prop: str):
        """The first value of a property, or None."""
        values = self.raw.get(prop)
        return values[0] if values else None


def node(iri: str) -> str:
    """The SPARQL form of an IRI that came from a request path (checked by the caller)."""
    return f"<{iri}>"


def well_formed(iri: str) -> bool:
    """Whether ``iri`` is an IRI the store could hold (a request path can decode to anything)."""
    if NOT_IRI.search(iri):
        return False
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return False
    return True


def exists(store, iri: str) -> bool:
    """Whether the store says anything of or about the IRI (nothing, when it is no IRI)."""
    return well_formed(iri) and bool(run_query(store, f"ASK {{ {{ {node(iri)} ?p ?o }} UNION {{ ?s ?p {node(iri)} }} }}"))


def statements(store, iri: str) -> list[tuple]:
    """The outgoing (property, value) pairs of a resource."""
    return [(r["p"], r["o"]) for r in run_query(store, f"SELECT ?p ?o WHERE {{ {node(iri)} ?p ?o }}")]


def fragments(store, iri: str) -> list[tuple]:
    """The (fragment, property, value) statements of the hash IRIs ``iri#…`` the resource links to."""
    query = (f"SELECT ?f ?p ?o WHERE {{ {node(iri)} ?q ?f . "
             f'FILTER(isIRI(?f) && STRSTARTS(STR(?f), "{iri}#")) ?f ?p ?o }}')
    return [(r["f"], r["p"], r["o"]) for r in run_query(store, query)]


def incoming_counts(store, iri: str) -> list[tuple[str, int]]:
    """Each property linking to the resource, with how many subjects use it."""
    query = f"SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p {node(iri)} }} GROUP BY ?p"
    return sorted(((r["p"].value, int(r["n"].value)) for r in run_query(store, query)), key=lambda x: -x[1])


def incoming_page(store, iri: str, prop: str, limit: int, offset: int) -> list:
    """One page of the subjects linking to the resource through ``prop``, in IRI order."""
    query = (f"SELECT DISTINCT ?s WHERE {{ ?s {node(prop)} {node(iri)} }} "
             f"ORDER BY ?s LIMIT {int(limit)} OFFSET {int(offset)}")
    return [r["s"] for r in run_query(store, query)]


def labels(store, iris) -> dict[str, dict[str, str]]:
    """Labels by language of the given IRIs: the store's own, then the ontology's."""
    iris = {i for i in iris if not NOT_IRI.search(i)}
    found: dict[str, dict[str, str]] = {}
    known = term_labels()
    for iri in iris:
        if iri in known:
            found[iri] = dict(known[iri])
    rest = sorted(iris - found.keys())
    if rest:
        values = " ".join(node(i) for i in rest)
        for r in run_query(store, f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x {LABEL_PROPS} ?l }}"):
            lang = r["l"].language or ""
            found.setdefault(r["x"].value, {}).setdefault(lang, r["l"].value)
    rest = sorted(iris - found.keys())
    if rest:  # text spans and sentences: named by the words they quote
        values = " ".join(node(i) for i in rest)
        for r in run_query(store, f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x oa:hasSelector/oa:exact ?l }}"):
            text = r["l"].value
            found.setdefault(r["x"].value, {}).setdefault("", f"「{text[:QUOTE]}…」" if len(text) > QUOTE else f"「{text}」")
    for iri in iris - found.keys():  # a part of another resource, such as its #quote selector
        if "#" in iri:
            found[iri] = {"": "#" + iri.rpartition("#")[2]}
    return found


def value(term, names: dict[str, dict[str, str]], lang: str, cut: bool = True) -> Value:
    """Turn a pyoxigraph term into a Value, labelled when it is a labelled IRI."""
    if isinstance(term, pyoxigraph.NamedNode):
        known = names.get(term.value, {})
        return Value(term.value, iri=True, label=pick(known, lang) if known else None, en=known.get("en"))
    if isinstance(term, pyoxigraph.BlankNode):
        return Value(f"_:{term.value}")
    text = term.value
    short = cut and len(text) > LONG_TEXT
    datatype = term.datatype.value if term.datatype and not term.language else None
    return Value(text[:LONG_TEXT] + "…" if short else text, lang=term.language, datatype=datatype, full=not short)


def group(pairs, names, lang) -> list[Group]:
    """Group (property, value) pairs by property, properties and values in a stable order."""
    by_prop: dict[str, list] = {}
    for p, o in pairs:
        by_prop.setdefault(p.value, []).append(o)
    groups = [Group(value(pyoxigraph.NamedNode(p), names, lang),
                    tuple(sorted((value(o, names, lang) for o in objs), key=lambda v: (v.label or v.text))))
              for p, objs in by_prop.items()]
    return sorted(groups, key=lambda g: (g.prop.text != RDF_TYPE, g.prop.label is None, g.prop.label or g.prop.text))


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
HIDDEN = {"http://schema.org/text", "https://schema.org/text"}  # shown by the report reader instead


def describe(store, iri: str, lang: str, per_property: int = 20) -> Description:
    """Collect what the resource page of ``iri`` shows."""
    out, frags = statements(store, iri), fragments(store, iri)
    counts = incoming_counts(store, iri)
    heads = {p: incoming_page(store, iri, p, per_property, 0) for p, _ in counts}
    wanted = {o.value for _, o in out if isinstance(o, pyoxigraph.NamedNode)} | {p.value for p, _ in out}
    wanted |= {t.value for f, p, o in frags for t in (f, p, o) if isinstance(t, pyoxigraph.NamedNode)}
    wanted |= {p for p, _ in counts} | {s.value for subjects in heads.values() for s in subjects
                                        if isinstance(s, pyoxigraph.NamedNode)}
    names = labels(store, wanted | {iri})
    desc = Description(iri)
    for p, o in out:
        desc.raw.setdefault(p.value, []).append(o)
    desc.types = [value(o, names, lang) for o in desc.raw.get(RDF_TYPE, [])]
    desc.outgoing = group([(p, o) for p, o in out if p.value not in HIDDEN], names, lang)
    by_fragment: dict[str, list] = {}
    for f, p, o in frags:
        by_fragment.setdefault(f.value, []).append((p, o))
    desc.fragments = [(value(pyoxigraph.NamedNode(f), names, lang), group(pairs, names, lang))
                      for f, pairs in sorted(by_fragment.items())]
    desc.incoming = [Group(value(pyoxigraph.NamedNode(p), names, lang),
                           tuple(value(s, names, lang) for s in heads[p]), n) for p, n in counts]
    desc.names = names
    return desc


def twin(store, iri: str) -> list:
    """The triples of the resource's data view: its statements, its fragments' and its incoming links."""
    s = node(iri)
    query = (f"CONSTRUCT {{ {s} ?p ?o . ?f ?fp ?fo . ?x ?xp {s} }} WHERE {{ {{ {s} ?p ?o }} UNION "
             f'{{ {s} ?q ?f FILTER(isIRI(?f) && STRSTARTS(STR(?f), "{iri}#")) ?f ?fp ?fo }} UNION {{ ?x ?xp {s} }} }}')
    return sorted(run_query(store, query), key=str)
