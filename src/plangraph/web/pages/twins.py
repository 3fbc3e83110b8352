"""The data twins of every page: the RDF formats a resource is also served in, chosen by Accept or suffix."""
from __future__ import annotations

from flask import Response, request

from ...rdf.vocab import PREFIXES
from ...store.formats import BY_NAME

HTML = "text/html"
# The data twins of every page, in the order a client that accepts anything gets them (after HTML).
TWINS = tuple(BY_NAME[name] for name in ("turtle", "jsonld", "ntriples", "rdfxml", "trig", "nquads"))
BY_SUFFIX = {f.suffix: f for f in TWINS}
# Media type → format name; werkzeug picks the best match, so Accept is never parsed by hand. Each format's
# own media type comes first, then the others clients send for it (store.formats): rdflib's format="nt"
# asks for text/plain, format="n3" for text/n3, pyld for application/json.
OFFERS = {HTML: "html"} | {f.media_type: f.name for f in TWINS} | {"application/xhtml+xml": "html"} | \
    {alias: f.name for f in TWINS for alias in f.aliases if "/" in alias}
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


def not_acceptable() -> Response:
    """The 406 answer: the media types a page and its twins are served in."""
    offered = ", ".join([HTML, *(f.media_type for f in TWINS)])
    return Response(f"None of the media types asked for (Accept) is served here; ask for one of {offered}, "
                    "or add its suffix to the path (.ttl, .jsonld …).\n", 406, mimetype="text/plain",
                    headers={"Vary": "Accept"})


def with_headers(response: Response, path: str, name: str = "html") -> Response:
    """Add Vary and a Link header: a page (and each twin) names every data twin; a JSON-LD twin names its page.

    JSON-LD loaders (pyld 2 and 3) read rel="alternate" as one link, and fail when a header holds several: a
    JSON-LD document names only its page, whose type they ignore.
    """
    response.headers["Vary"] = "Accept, Cookie"
    links = [(f"{request.script_root}/{path}", HTML)] if name == "jsonld" else \
        [(url, media) for url, media, _ in twin_links(path)]
    response.headers["Link"] = ", ".join(f'<{url}>; rel="alternate"; type="{media}"' for url, media in links)
    return response
