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
from .results import ALIASES, WRITERS

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = ("This endpoint is read-only: SPARQL Update (update= or application/sparql-update) is not "
             "accepted, and the data is never changed. Send a query with query= instead.")

# Where clients name the format they want: format= (SPARQLWrapper, Virtuoso), output= (Fuseki), results=
# (Rasqal). SPARQLWrapper sends all three, some twice (format=rdf+xml&format=application/rdf+xml).
FORMAT_PARAMETERS = ("format", "output", "results")


@dataclass(frozen=True)
class Operation:
    """A query request: the query text, the dataset it names (graph IRIs), and its format= values."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: tuple[str, ...] = ()  # every non-empty format=, output= and results= value, in order

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
    formats = tuple(v for name in FORMAT_PARAMETERS for v in args.getlist(name) + form.getlist(name) if v.strip())
    return Operation(queries[0], _graphs(args, form, "default-graph-uri"), _graphs(args, form, "named-graph-uri"),
                     formats)


def _graphs(args: MultiDict, form: MultiDict, name: str) -> tuple[str, ...]:
    iris = tuple(args.getlist(name) + form.getlist(name))
    for iri in iris:
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            raise QueryRefused(f'{name} "{iri}" is not an absolute IRI; give the IRI of a graph, '
                               'e.g. https://w3id.org/plangraph/id/report/….') from None
    return iris


def _lookup() -> dict:
    """Result kind → every name and media type a client may use for a format (lower case) → the format's name."""
    table: dict = {}
    for kind, writers in WRITERS.items():
        names = table.setdefault(kind, {})
        for name, (media_type, _) in writers.items():
            for alias in (name, media_type, *ALIASES[kind].get(name, ())):
                names.setdefault(alias.lower(), name)
    return table


LOOKUP = _lookup()


def formats(accept, format_values) -> dict:
    """Choose a format name per result kind from the format=/output=/results= values and Accept.

    A kind with nothing acceptable maps to None; the query's actual kind decides whether that is a 406.
    """
    return negotiate(accept.to_header() if accept else "", format_values)


def negotiate(accept_header: str, format_values) -> dict:
    """``formats`` from the Accept header's text, as the client sent it."""
    values = (format_values,) if isinstance(format_values, str) else tuple(format_values or ())
    return dict(_formats(accept_header, values))


@lru_cache(maxsize=64)
def takes_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header's text allows gzip."""
    return "gzip" in parse_accept_header(accept_encoding)


@lru_cache(maxsize=256)
def _formats(header: str, values: tuple) -> tuple:
    # clients send few distinct Accept headers; negotiating once per header saves work on every request
    return tuple(_choose(parse_accept_header(header, MIMEAccept), values).items())


def _choose(accept, values: tuple) -> dict:
    # a value may be a list of media types: SPARQLWrapper's JSONLD sends its Accept header again as
    # format=application/ld+json,application/x-json+ld
    values = tuple(p.partition(";")[0].strip().lower() for v in values for p in v.split(",") if p.strip())
    unknown = [v for v in values if not any(v in names for names in LOOKUP.values())]
    if unknown:
        names = sorted({n for kind in WRITERS.values() for n in kind})
        raise QueryRefused(f'format "{unknown[0]}" is unknown: use one of {", ".join(names)}, or a media type.')
    return {kind: _pick(accept, kind, values) for kind in WRITERS}


def _pick(accept, kind: str, values: tuple) -> str | None:
    """The format for ``kind``: of those the values name, the one Accept likes best; when Accept allows none of
    them, the first named (format= is explicit); when none applies to ``kind``, Accept's choice."""
    named = list(dict.fromkeys(LOOKUP[kind][v] for v in values if v in LOOKUP[kind]))
    if named and not accept:
        return named[0]
    if named:
        quality = {n: max(accept.quality(m) for m in _media_types(kind, n)) for n in named}
        allowed = [n for n in named if quality[n] > 0]
        return max(allowed, key=quality.get) if allowed else named[0]
    if not accept:  # no Accept header: the defaults, SPARQL JSON and Turtle
        return next(iter(WRITERS[kind]))
    # each format's own media type first, so that */* and text/* pick by the table's order, then the aliases
    offers = {media: n for n, (media, _) in WRITERS[kind].items()}
    offers.update({m: n for n in WRITERS[kind] for m in _media_types(kind, n) if m not in offers})
    best = accept.best_match(list(offers))
    return offers[best] if best else None


def _media_types(kind: str, name: str) -> list[str]:
    """The media types that name the format ``name`` for results of ``kind``, its own first."""
    return [m for m, n in LOOKUP[kind].items() if n == name and "/" in m]
