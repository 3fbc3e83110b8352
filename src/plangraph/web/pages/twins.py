"""The data twins of every page: the RDF formats a resource is also served in, chosen by Accept or suffix."""
from __future__ import annotations

from flask import Response, request

from ...rdf.vocab import PREFIXES
from ...store.formats import BY_NAME

HTML = "text/html"
# The data twins of every page, in the order a client that accepts anything gets them (after HTML).
TWINS = tuple(BY_NAME[name] for name in ("turtle", "jsonld", "ntriples", "rdfxml"))
BY_SUFFIX = {f.suffix: f for f in TWINS}
# Media type → format name; werkzeug picks the best match, so Accept is never parsed by hand.
OFFERS = {HTML: "html", "application/xhtml+xml": "html"} | {f.media_type: f.name for f in TWINS}
PREFIX_MAP = {k: str(v) for k, v in PREFIXES.items()}



def negotiate() -> str | None:
    """The format the client asks for: a format name, "html", or None when nothing offered is acceptable."""
    if not request.accept_mimetypes:
        return "html"
    best = request.accept_mimetypes.best_match(list(OFFERS))
    return OFFERS.get(best) if best else None


def split_suffix(path: str):
    """``id/x.ttl`` → (``id/x``, Turtle); paths without a data suffix → (path, None)."""
    stem, dot, suffix = path.rpartition(".")
    fmt = BY_SUFFIX.get(dot + suffix) if dot else None
    return (stem, fmt) if fmt else (path, None)


def twin_links(path: str) -> list[tuple[str, str, str]]:
    """(url, media type, format name) of each data twin of the page at ``path``."""
    return [(f"{request.script_root}/{path}{f.suffix}", f.media_type, f.name) for f in TWINS]


def with_headers(response: Response, path: str) -> Response:
    """Add Vary and a Link header naming each data twin."""
    response.headers["Vary"] = "Accept, Cookie"
    response.headers["Link"] = ", ".join(f'<{url}>; rel="alternate"; type="{media}"'
                                         for url, media, _ in twin_links(path))
    return response
