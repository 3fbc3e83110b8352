"""Run SPARQL over the embedded store and write the results in the formats people and tools expect."""
from __future__ import annotations

import re

import pyoxigraph
from pyoxigraph import QueryResultsFormat

from ..errors import QueryError, QueryRefused
from ..rdf.vocab import PREFIXES

RESULT_FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV,
                  "tsv": QueryResultsFormat.TSV, "xml": QueryResultsFormat.XML}
DEFAULT_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


# What pyoxigraph says (as a RuntimeError, while it plans or runs a query) when the query asks for what no
# endpoint here can do: the query's fault, a 400. Example: ASK { FILTER(<http://example.org/f>(1)) } gives
# "The custom function <http://example.org/f> is not supported".
QUERY_FAULTS = ("is not supported", "custom function", "unsupported")


def query_fault(error: BaseException) -> QueryError | None:
    """The QueryError an evaluation error stands for when the query is at fault; None when it is ours."""
    text = str(error)
    if isinstance(error, RuntimeError) and any(f in text.lower() for f in QUERY_FAULTS):
        return QueryError(f"The query cannot run on this endpoint: {text}. Use SPARQL 1.1's own functions "
                          "and forms only.")
    return None


# Where a SERVICE keyword may hide: the word in any case, or a \\u or \\U escape (it could spell a letter of it).
_MAYBE_SERVICE = re.compile(r"servic|\\[uU]", re.IGNORECASE)
_SERVICE = re.compile(r"(servic)e", re.IGNORECASE)
_SERVICE_CALL = re.compile(r"servicx(\s*silent)?", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")
_PARSER = pyoxigraph.Store()  # always empty: a probe parsed against it reads nothing


def run_query(store: pyoxigraph.Store, sparql: str, allow_service: bool = False, **options):
    """Run a query over the union of the store's graphs; raise QueryError when it does not parse or asks for
    what cannot run here.

    A query that calls SERVICE is refused (QueryRefused) unless ``allow_service``: plangraph sends no request
    on a query's behalf."""
    options.setdefault("use_default_graph_as_union", True)
    if not allow_service:
        refuse_service(sparql, options.get("base_iri"))
    try:
        return store.query(sparql, prefixes=DEFAULT_PREFIXES, **options)
    except SyntaxError as error:
        raise QueryError(f"The query does not parse: {error}") from None
    except RuntimeError as error:
        raise query_fault(error) or error from None


def refuse_service(sparql: str, base_iri: str | None = None) -> None:
    """Raise QueryRefused when the engine's own parser reads a SERVICE call in ``sparql``.

    pyoxigraph has no parser API, so the engine parses a probe: the query with the last letter of every
    "service" (in any case) made "x", and every \\u escape of a letter made x's (same length). Inside a string,
    an IRI, a comment, a name or a language tag that changes nothing the parser cares about; where the engine
    would read the SERVICE keyword it leaves "SERVICx", a bare word no SPARQL rule accepts. So the probe parses exactly when
    the query calls no SERVICE (and parses at all); nothing of the query is run. The text is never the judge:
    it only says when a probe is needed (when the letters or an escape occur).
    """
    if not _MAYBE_SERVICE.search(sparql):
        return
    probe = _SERVICE.sub(r"\1x", _ESCAPE.sub(_neutral, sparql))  # the query itself never reaches the engine
    error = _parses(probe, base_iri)
    if error is None:
        return
    if _parses(_SERVICE_CALL.sub("GRAPH", probe), base_iri) is None:  # the same query with GRAPH for SERVICE
        raise QueryRefused("The query calls SERVICE (a federated query). plangraph never sends requests on a "
                           "query's behalf: run the SERVICE part against that endpoint yourself, and join the "
                           "answers locally (e.g. with VALUES).")
    raise QueryRefused(f"The query does not parse: {error}")  # the probe keeps every position of the query


def _neutral(escape: re.Match) -> str:
    code = int(escape[0][2:], 16)
    return "x" * len(escape[0]) if code < 128 and chr(code).isalpha() else escape[0]


def _parses(text: str, base_iri: str | None):
    """None when ``text`` parses as a query; else the parser's error."""
    try:
        _PARSER.query(text, base_iri=base_iri, prefixes=DEFAULT_PREFIXES)
    except SyntaxError as error:
        return error
    return None


def term_text(term) -> str:
    """A term as a person reads it: IRIs and literals by their value, blank nodes as _:id."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value


def table(results) -> str:
    """Format SELECT or ASK results as an aligned text table."""
    if isinstance(results, pyoxigraph.QueryBoolean):
        return "true" if bool(results) else "false"
    names = [v.value for v in results.variables]
    rows = [[term_text(solution[name]) for name in names] for solution in results]
    widths = [max([len(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = [" | ".join(_pad(n, w) for n, w in zip(names, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(row, widths)) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal
    return sum(2 if "\u2e80" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def serialize_results(results, fmt: str) -> bytes:
    """Serialise SELECT/ASK results as SPARQL JSON, XML, CSV or TSV; graphs as N-Triples."""
    if isinstance(results, pyoxigraph.QueryTriples):
        return results.serialize(format=pyoxigraph.RdfFormat.N_TRIPLES)
    return results.serialize(format=RESULT_FORMATS[fmt])
