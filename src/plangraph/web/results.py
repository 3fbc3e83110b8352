"""Run one operation on a store and write its answer as bytes: the part a worker process does.

SELECT results are written here rather than by pyoxigraph's serializer because the row cap has to stop
reading the solutions part-way, and pyoxigraph can only serialize a whole, unread result.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph

from ..errors import PlangraphError, QueryError, QueryTimeout
from ..rdf.vocab import PREFIXES
from ..store.formats import FORMATS
from ..store.query import query_fault, run_query

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
GRAPH_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


@dataclass(frozen=True)
class Task:
    """One query to run: its text, dataset, the chosen media formats per result kind, and the row cap."""

    query: str
    options: dict          # keyword arguments of store.query: dataset, base IRI
    formats: dict          # result kind ("solutions", "boolean", "graph") -> format name or None
    max_rows: int
    max_bytes: int = 0     # bytes of the body at most (0: no cap); more rows are cut and flagged


@dataclass(frozen=True)
class Answer:
    """A finished HTTP answer: status, media type, body, and how many rows it holds (and whether cut)."""

    status: int
    media_type: str
    body: bytes
    rows: int = 0
    truncated: str = ""    # why rows were cut: "max-rows" or "max-bytes"; "" when the answer is whole


def failure(error: BaseException) -> Answer:
    """Turn an exception into its answer: our refusals keep their status, anything else is our bug (500)."""
    error = query_fault(error) or error
    if isinstance(error, QueryTimeout):
        status = 503
    elif isinstance(error, MemoryError):
        status, error = 503, "The answer needed more memory than this server allows a query. Make the query " \
                             "more selective (LIMIT, fewer or shorter values)."
    elif isinstance(error, QueryError):
        status = getattr(error, "status", 400)
    elif isinstance(error, PlangraphError):
        status = 500
    else:
        status, error = 500, f"Internal error while answering the query ({type(error).__name__}: {error}). " \
                             "This is a bug in plangraph, not in your query; please report it."
    return Answer(status, "text/plain", f"{error}\n".encode("utf-8"))


def evaluate(store, task: Task) -> Answer:
    """Run the task's query on ``store`` and serialize the result in the format chosen for its kind."""
    try:
        result = run_query(store, task.query, **task.options)
        kind = _kind(result)
        name = task.formats.get(kind)
        if name is None:
            return Answer(406, "text/plain", not_acceptable(kind).encode("utf-8"))
        media_type, write = WRITERS[kind][name]
        body, rows, truncated = write(result, task.max_rows, task.max_bytes or None)
        return Answer(200, media_type, body, rows, truncated)
    except Exception as error:  # noqa: BLE001 - every failure becomes an answer; the worker must live on
        return failure(error)


def not_acceptable(kind: str) -> str:
    """The 406 message for results of ``kind``: the media types this endpoint writes them in."""
    offered = ", ".join(m for m, _ in WRITERS[kind].values())
    what = {"solutions": "solutions (SELECT)", "boolean": "a boolean (ASK)",
            "graph": "a graph (CONSTRUCT, DESCRIBE)"}[kind]
    return (f"The query gives {what}, which this endpoint writes as {offered}; none of them is acceptable to "
            "the client. Accept one of them, or name one with format=.\n")


def _kind(result) -> str:
    if isinstance(result, pyoxigraph.QuerySolutions):
        return "solutions"
    if isinstance(result, pyoxigraph.QueryTriples):
        return "graph"
    return "boolean"


def _capped(items, max_rows: int):
    rows = list(islice(items, max_rows + 1))
    return rows[:max_rows], "max-rows" if len(rows) > max_rows else ""


def _within(write, rows: list, truncated: str, max_bytes: int | None):
    """Write ``rows``; while the body passes ``max_bytes``, write fewer (in proportion) and say why."""
    body = write(rows, truncated)
    while max_bytes and len(body) > max_bytes and rows:
        rows, truncated = rows[:int(len(rows) * max_bytes / len(body) * 0.95)], "max-bytes"
        body = write(rows, truncated)
    return body, len(rows), truncated


def _solutions(write):
    def run(result, max_rows, max_bytes=None):
        names = [v.value for v in result.variables]
        rows, truncated = _capped(result, max_rows)
        return _within(lambda r, t: write(names, r, bool(t)), rows, truncated, max_bytes)
    return run


def _boolean(fmt):
    return lambda result, max_rows, max_bytes=None: (result.serialize(format=fmt), 1, "")


def _graph(fmt):
    def run(result, max_rows, max_bytes=None):
        triples, truncated = _capped(result, max_rows)
        return _within(lambda t, _: _serialize_graph(t, fmt), triples, truncated, max_bytes)
    return run


def _serialize_graph(triples: list, fmt) -> bytes:
    prefixes = GRAPH_PREFIXES if fmt in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG) else None
    if fmt in (pyoxigraph.RdfFormat.N_QUADS, pyoxigraph.RdfFormat.TRIG):
        triples = [pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples]
    return pyoxigraph.serialize(triples, format=fmt, prefixes=prefixes) if prefixes else \
        pyoxigraph.serialize(triples, format=fmt)


def _json_term(term) -> dict:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        cell["datatype"] = term.datatype.value
    return cell


def write_json(names, rows, truncated) -> bytes:
    """SPARQL 1.1 Query Results JSON; a cut result says so in a top-level ``truncated`` member."""
    bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    if truncated:
        document["truncated"] = True
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, pyoxigraph.Triple):
        parts = zip(("subject", "predicate", "object"), (term.subject, term.predicate, term.object))
        return "<triple>" + "".join(f"<{p}>{_xml_term(t)}</{p}>" for p, t in parts) + "</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def write_xml(names, rows, truncated) -> bytes:
    """SPARQL Query Results XML; a cut result says so in a comment after the head."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
           "<head>", *(f"<variable name={quoteattr(n)}/>" for n in names), "</head>"]
    if truncated:
        out.append(f"<!-- truncated: the result has more than {len(rows)} rows -->")
    out.append("<results>")
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                        for n, t in zip(names, row) if t is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results></sparql>\n")
    return "\n".join(out).encode("utf-8")


def _csv_text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.Triple):
        return str(term)
    return term.value


def write_csv(names, rows, truncated) -> bytes:
    """SPARQL 1.1 CSV results: values only, RFC 4180 quoting, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([_csv_text(t) for t in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def write_tsv(names, rows, truncated) -> bytes:
    """SPARQL 1.1 TSV results: terms in Turtle syntax (pyoxigraph's str of a term), tab-separated."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


_R, _G = pyoxigraph.QueryResultsFormat, pyoxigraph.RdfFormat
# Result kind -> format name -> (media type, writer). The web layer negotiates over the same names, and over
# ALIASES: the other names and media types clients use for each format.
WRITERS = {
    "solutions": {"json": ("application/sparql-results+json", _solutions(write_json)),
                  "xml": ("application/sparql-results+xml", _solutions(write_xml)),
                  "csv": ("text/csv", _solutions(write_csv)),
                  "tsv": ("text/tab-separated-values", _solutions(write_tsv))},
    "boolean": {"json": ("application/sparql-results+json", _boolean(_R.JSON)),
                "xml": ("application/sparql-results+xml", _boolean(_R.XML)),
                "csv": ("text/csv", _boolean(_R.CSV)),
                "tsv": ("text/tab-separated-values", _boolean(_R.TSV))},
    "graph": {"turtle": ("text/turtle", _graph(_G.TURTLE)),
              "ntriples": ("application/n-triples", _graph(_G.N_TRIPLES)),
              "jsonld": ("application/ld+json", _graph(_G.JSON_LD)),
              "rdfxml": ("application/rdf+xml", _graph(_G.RDF_XML)),
              "nquads": ("application/n-quads", _graph(_G.N_QUADS)),
              "trig": ("application/trig", _graph(_G.TRIG))},
}

# SPARQL results: SPARQLWrapper JSON sends format=json and Accept application/json …; XML, format=xml and
# Accept application/sparql-results+xml; Fuseki's output= takes json, xml, csv, tsv. RDF formats: store.formats.
RESULT_ALIASES = {"json": ("application/json", "sparql-results+json", "srj"),
                  "xml": ("application/xml", "text/xml", "sparql-results+xml", "srx"),
                  "csv": ("text/comma-separated-values",),
                  "tsv": ("text/tsv",)}
ALIASES = {"solutions": RESULT_ALIASES, "boolean": RESULT_ALIASES,
           "graph": {f.name: f.aliases for f in FORMATS}}
