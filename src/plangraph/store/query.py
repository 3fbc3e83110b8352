"""Run SPARQL over the embedded store and write the results in the formats people and tools expect."""
from __future__ import annotations

import pyoxigraph
from pyoxigraph import QueryResultsFormat

from ..errors import QueryError
from ..rdf.vocab import PREFIXES

RESULT_FORMATS = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV,
                  "tsv": QueryResultsFormat.TSV, "xml": QueryResultsFormat.XML}
DEFAULT_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


def run_query(store: pyoxigraph.Store, sparql: str, **options):
    """Run a query over the union of the store's graphs; raise QueryError when it does not parse."""
    options.setdefault("use_default_graph_as_union", True)
    try:
        return store.query(sparql, prefixes=DEFAULT_PREFIXES, **options)
    except SyntaxError as error:
        raise QueryError(f"The query does not parse: {error}") from None


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
