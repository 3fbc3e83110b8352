"""Read a SPARQL 1.1 Protocol request into an operation, strictly, and choose the result formats.

The three ways to send a query (GET ?query=, POST form-encoded, POST application/sparql-query) and the
refusals, each with its status: a malformed request is 400, an unsupported body type 415, an update 403
(this endpoint is read-only, one status for every update), a request larger than allowed 413.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl

import pyoxigraph
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.http import parse_accept_header

from ..errors import QueryRefused
from .results import WRITERS

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = ("This endpoint is read-only: SPARQL Update (update= or application/sparql-update) is not "
             "accepted, and the data is never changed. Send a query with query= instead.")

# Other media types clients send (SPARQLWrapper, browsers, older tools), mapped to our format names; the
# formats themselves, in order of preference, are results.WRITERS.
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
           "application/x-turtle": "turtle", "text/plain": "ntriples", "application/json+ld": "jsonld"}


@dataclass(frozen=True)
class Operation:
    """A query request: the query text, the dataset it names (graph IRIs), and its format= value."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None

    def options(self, has_dataset_clause: bool, base_iri: str) -> dict:
        """Keyword arguments for ``store.query``: the protocol dataset overrides FROM; else the union."""
        options: dict = {"base_iri": base_iri}
        if self.default_graphs or self.named_graphs:
            options["default_graph"] = [pyoxigraph.NamedNode(g) for g in self.default_graphs]
            options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in self.named_graphs]
            options["use_default_graph_as_union"] = False
        else:
            # pyoxigraph lets the union flag override FROM, so only set it when the query has no FROM
            options["use_default_graph_as_union"] = not has_dataset_clause
        return options


def read(request, max_bytes: int) -> Operation | None:
    """Read the operation of a GET or POST request; None for a GET without a query (describe the service)."""
    args = _params(request.query_string, "the URL's query string")
    if request.method in ("GET", "HEAD"):
        return _operation(args, MultiDict(), body_query=None)
    if request.content_length is not None and request.content_length > max_bytes:
        raise QueryRefused(f"The request body is {request.content_length} bytes; this endpoint accepts at "
                           f"most {max_bytes}.", status=413)
    mimetype = request.mimetype
    if not mimetype:
        raise QueryRefused(f"A POST needs a Content-Type: {FORM} (query=…) or {DIRECT} (the query as the body).")
    if mimetype == UPDATE:
        raise QueryRefused(READ_ONLY, status=403)
    if mimetype not in (FORM, DIRECT):
        raise QueryRefused(f'Content-Type "{mimetype}" is not supported: send {FORM} or {DIRECT}.', status=415)
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise QueryRefused(f'The body is declared as charset "{charset}"; SPARQL requests must be UTF-8.')
    body = request.stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise QueryRefused(f"The request body is larger than this endpoint's limit of {max_bytes} bytes.",
                           status=413)
    if mimetype == FORM:
        return _operation(args, _params(body, "the form body"), body_query=None)
    return _operation(args, MultiDict(), body_query=_utf8(body, "The query body"))


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryRefused(f"{what} is not valid UTF-8 (byte {error.start}); send it encoded as UTF-8.") from None


def _params(data: bytes, what: str) -> MultiDict:
    try:
        return MultiDict(parse_qsl(_utf8(data, what.capitalize()), keep_blank_values=True,
                                   encoding="utf-8", errors="strict"))
    except UnicodeDecodeError:
        raise QueryRefused(f"{what.capitalize()} decodes to bytes that are not UTF-8; "
                           "percent-encode UTF-8 text.") from None


def _operation(args: MultiDict, form: MultiDict, body_query: str | None) -> Operation | None:
    if "update" in args or "update" in form:
        raise QueryRefused(READ_ONLY, status=403)
    queries = args.getlist("query") + form.getlist("query") + ([body_query] if body_query is not None else [])
    if len(queries) > 1:
        raise QueryRefused(f"The request carries {len(queries)} queries; send exactly one "
                           "(one query= parameter, or the body of an application/sparql-query POST).")
    if not queries:
        if form or body_query is not None:
            raise QueryRefused("The form has no query= parameter: send query=SELECT … .")
        return None
    formats = args.getlist("format") + form.getlist("format")
    return Operation(queries[0], _graphs(args, form, "default-graph-uri"), _graphs(args, form, "named-graph-uri"),
                     formats[0] if formats else None)


def _graphs(args: MultiDict, form: MultiDict, name: str) -> tuple[str, ...]:
    iris = tuple(args.getlist(name) + form.getlist(name))
    for iri in iris:
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            raise QueryRefused(f'{name} "{iri}" is not an absolute IRI; give the IRI of a graph, '
                               'e.g. https://w3id.org/plangraph/id/report/….') from None
    return iris


def formats(accept, format_value: str | None) -> dict:
    """Choose a format name per result kind, from format= or else the Accept header (werkzeug negotiates).

    A kind with nothing acceptable maps to None; the query's actual kind decides whether that is a 406.
    """
    return dict(_formats(accept.to_header() if accept else "", format_value))


@lru_cache(maxsize=256)
def _formats(header: str, format_value: str | None) -> tuple:
    # clients send few distinct Accept headers; negotiating once per header saves work on every request
    return tuple(_choose(parse_accept_header(header, MIMEAccept), format_value).items())


def _choose(accept, format_value: str | None) -> dict:
    if format_value:
        name = ALIASES.get(format_value, format_value)
        by_type = {media: n for kind in WRITERS.values() for n, (media, _) in kind.items()}
        name = by_type.get(name, name)
        if not any(name in kind for kind in WRITERS.values()):
            names = sorted({n for kind in WRITERS.values() for n in kind})
            raise QueryRefused(f'format "{format_value}" is unknown: use one of {", ".join(names)}, '
                               "or a media type.")
        return {kind: name if name in table else None for kind, table in WRITERS.items()}
    if not accept:  # no Accept header: the defaults, SPARQL JSON and Turtle
        return {kind: next(iter(table)) for kind, table in WRITERS.items()}
    return {kind: _best(accept, table) for kind, table in WRITERS.items()}


def _best(accept, table: dict) -> str | None:
    offers = {media: name for name, (media, _) in table.items()}
    offers.update({alias: name for alias, name in ALIASES.items() if name in table})
    best = accept.best_match(list(offers))
    return offers[best] if best else None
