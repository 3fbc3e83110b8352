"""Write the human-readable page of the ontology: every term with its labels, comment, place and examples.

The page is generated from the ontology file (so it cannot drift from it); each term has the anchor
``#Term`` so that the term's IRI ``https://w3id.org/plangraph/def#Term`` lands on its entry.
"""
from __future__ import annotations

from html import escape
from typing import Mapping, Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from ..rdf.vocab import ONTOLOGY_IRI, PG, PREFIXES

NS = str(PG._NS)
EXAMPLES_PER_TERM = 3
# The sections of the page: (anchor, heading, which terms)
SECTIONS = [
    ("classes", "类 Classes", lambda g, t: (t, RDF.type, OWL.Class) in g),
    ("object-properties", "对象属性 Object properties", lambda g, t: (t, RDF.type, OWL.ObjectProperty) in g),
    ("datatype-properties", "数据属性 Datatype properties", lambda g, t: (t, RDF.type, OWL.DatatypeProperty) in g),
    ("schemes", "代码表 Code lists", lambda g, t: (t, RDF.type, SKOS.ConceptScheme) in g),
    ("individuals", "代码 Codes", lambda g, t: g.value(t, SKOS.inScheme) is not None),
    ("structures", "数据结构 Data structures", lambda g, t: True),
]
# What to show of each term, in order: (label, property, follow the inverse)
FACTS = [
    ("type", RDF.type, False),
    ("subclass of", RDFS.subClassOf, False),
    ("subclasses", RDFS.subClassOf, True),
    ("subproperty of", RDFS.subPropertyOf, False),
    ("domain", RDFS.domain, False),
    ("range", RDFS.range, False),
    ("in scheme", SKOS.inScheme, False),
    ("members", SKOS.inScheme, True),
    ("example", SKOS.example, False),
]
STYLE = """
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
section.term { border-top: 1px solid #ddd; padding: .5rem 0; } section.term:target { background: #fffbe6; }
h3 code { font-size: 1.1em; } dl { display: grid; grid-template-columns: 9rem 1fr; margin: 0; }
dt { color: #555; } dd { margin: 0; } .zh { font-size: 1.1em; } nav ul { columns: 3; }
"""


def term_name(term: URIRef) -> str:
    """The local name of a plangraph term: its anchor on the page."""
    return str(term)[len(NS):]


def terms(graph: Graph) -> list[URIRef]:
    """Every plangraph term the ontology describes, sorted."""
    return sorted({s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(NS) and s != PG._NS})


def ontology_html(graph: Graph, examples: Mapping[URIRef, Sequence[tuple[str, str | None]]] | None = None,
                  lang: str = "zh") -> str:
    """Return the ontology page as HTML text, each term's comment in ``lang`` (zh or en); ``examples`` maps a
    term to (IRI, label) pairs from the data."""
    examples = examples or {}
    placed: set[URIRef] = set()
    body = [_header(graph, lang)]
    nav, sections = [], []
    for anchor, heading, belongs in SECTIONS:
        members = [t for t in terms(graph) if t not in placed and belongs(graph, t)]
        placed.update(members)
        if not members:
            continue
        nav.append(f'<li><a href="#{anchor}">{escape(heading)}</a> ({len(members)})</li>')
        entries = "\n".join(_entry(graph, t, examples.get(t, ()), lang) for t in members)
        sections.append(f'<h2 id="{anchor}">{escape(heading)}</h2>\n{entries}')
    body.append(f"<nav><ul>{''.join(nav)}</ul></nav>")
    body.extend(sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(_text(graph, URIRef(ONTOLOGY_IRI), DCTERMS.title, 'en'))}</title>\n"
        '<link rel="alternate" type="text/turtle" href="def.ttl">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def _header(graph: Graph, lang: str) -> str:
    onto = URIRef(ONTOLOGY_IRI)
    rows = [("IRI", f"<code>{escape(ONTOLOGY_IRI)}</code> (prefix <code>pg:</code> = <code>{escape(NS)}</code>)"),
            ("version", escape(str(graph.value(onto, OWL.versionInfo) or ""))),
            ("licence", _link(graph, graph.value(onto, DCTERMS.license))),
            ("creator", escape(str(graph.value(onto, DCTERMS.creator) or ""))),
            ("Turtle", '<a href="def.ttl">def.ttl</a>')]
    facts = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<h1><span class="zh">{escape(_text(graph, onto, DCTERMS.title, "zh"))}</span><br>'
            f'{escape(_text(graph, onto, DCTERMS.title, "en"))}</h1>\n'
            f'<p class="zh">{escape(_text(graph, onto, DCTERMS.description, "zh"))}</p>\n'
            f'<p>{escape(_text(graph, onto, DCTERMS.description, "en"))}</p>\n'
            f'<p lang="{lang}">{escape(_text(graph, onto, RDFS.comment, lang))}</p>\n<dl>{facts}</dl>')


def _entry(graph: Graph, term: URIRef, examples, lang: str) -> str:
    name = term_name(term)
    facts = []
    for label, prop, inverse in FACTS:
        values = graph.subjects(prop, term) if inverse else graph.objects(term, prop)
        shown = sorted(_show(graph, v) for v in values)
        if shown:
            facts.append(f"<dt>{label}</dt><dd>{', '.join(shown)}</dd>")
    if examples:
        items = ", ".join(f'<a href="{escape(iri)}">{escape(label or iri)}</a>' for iri, label in examples)
        facts.append(f"<dt>in the data</dt><dd>{items}</dd>")
    return (f'<section class="term" id="{escape(name)}">\n<h3><code>pg:{escape(name)}</code> '
            f'<span class="zh">{escape(_text(graph, term, RDFS.label, "zh"))}</span> · '
            f'{escape(_text(graph, term, RDFS.label, "en"))}</h3>\n'
            f"<p lang=\"{lang}\">{escape(_text(graph, term, RDFS.comment, lang))}</p>\n<dl>{''.join(facts)}</dl>\n"
            "</section>")


def _show(graph: Graph, node) -> str:
    """A term as a link: ours to its anchor, others to their IRI; a union as "A or B"; a literal as text."""
    if isinstance(node, Literal):
        return f"<code>{escape(str(node))}</code>"
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return " or ".join(_show(graph, m) for m in Collection(graph, members))
        return "(anonymous)"
    return _link(graph, node)


def _link(graph: Graph, node) -> str:
    if node is None:
        return ""
    if str(node).startswith(NS):
        return f'<a href="#{escape(term_name(node))}"><code>pg:{escape(term_name(node))}</code></a>'
    return f'<a href="{escape(str(node))}"><code>{escape(_curie(node))}</code></a>'


def _curie(node: URIRef) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(node).startswith(str(namespace)) and prefix != "pg":
            return f"{prefix}:{str(node)[len(str(namespace)):]}"
    return str(node)


def _text(graph: Graph, node, prop, language: str) -> str:
    """The value of ``prop`` in ``language``, else in English, else empty."""
    found = {value.language: str(value) for value in graph.objects(node, prop) if isinstance(value, Literal)}
    return found.get(language) or found.get("en", "")


EXAMPLES_QUERY = """
SELECT ?term ?thing ?label WHERE {
  { ?thing a ?term } UNION { ?thing ?term ?value }
  FILTER (STRSTARTS(STR(?term), "%s"))
  OPTIONAL { ?thing <http://www.w3.org/2000/01/rdf-schema#label> ?label }
} ORDER BY ?term ?thing
""" % NS


def examples_from_store(store) -> dict[URIRef, list[tuple[str, str | None]]]:
    """Up to three things in the data for each class (its instances) and property (its subjects)."""
    found: dict[URIRef, dict[str, str | None]] = {}
    for row in store.query(EXAMPLES_QUERY, use_default_graph_as_union=True):
        term = URIRef(row["term"].value)
        things = found.setdefault(term, {})
        iri = row["thing"].value
        if len(things) < EXAMPLES_PER_TERM or iri in things:
            things[iri] = things.get(iri) or (row["label"].value if row["label"] is not None else None)
    return {term: list(things.items()) for term, things in found.items()}
