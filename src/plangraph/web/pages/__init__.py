"""Linked-data pages: every IRI of the dataset a page a person can read, and the data behind it.

Modules: terms (labels of ontology terms), describe (what the store says of one IRI), text (source sentences),
resource (dereferencing and content negotiation), kinds (figure, indicator, place and report pages), chart (the
server-drawn SVG), search (character n-grams), site (home, lists, exports, the query page).
"""
from __future__ import annotations

from flask import Blueprint, current_app, request

from .i18n import COOKIE, LANGUAGES, language, word
from .terms import curie, is_ontology_term

bp = Blueprint("pages", __name__)


def href(iri: str) -> str:
    """The link for an IRI: our own data at its path here, ontology terms on /def, others as they are."""
    base = current_app.config["PLANGRAPH_BASE"]
    if iri.startswith(base):
        return f"{request.script_root}/{iri[len(base):]}"
    if is_ontology_term(iri):
        return f"{request.script_root}/def#{iri.partition('#')[2]}"
    return iri


def switch_url(lang: str) -> str:
    """This page in the other language."""
    args = request.args.to_dict()
    args["lang"] = lang
    from urllib.parse import urlencode
    return f"{request.path}?{urlencode(args)}"


@bp.app_context_processor
def interface():
    """Give every template the language, its words and the link helpers."""
    lang = language() if request else "zh"
    return {"lang": lang, "t": lambda key, **v: word(key, lang, **v), "href": href, "curie": curie,
            "other_lang": "zh" if lang == "en" else "en", "switch_url": switch_url}


@bp.after_app_request
def remember_language(response):
    """Keep the language chosen with ?lang= in a cookie, so the next page speaks it too."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


from . import kinds, resource, search, site  # noqa: E402,F401  (the views register on bp)
