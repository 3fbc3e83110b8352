"""Linked-data pages: every IRI of the dataset a page a person can read, and the data behind it.

Modules: terms (labels of ontology terms), describe (what the store says of one IRI), text (source sentences),
resource (dereferencing and content negotiation), kinds (figure, indicator, place and report pages), chart (the
server-drawn SVG), search (character n-grams), site (home, lists, exports, the query page), originals (the
documents the reports were read from).
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

from flask import Blueprint, abort, current_app, request

from .chart import bar_svg
from .i18n import COOKIE, LANGUAGES, language, word
from .plan_chart import plan_svg
from .terms import curie, is_ontology_term
from .text import marked

bp = Blueprint("pages", __name__)
MAX_PAGE = 1_000_000  # no list here is that long; larger numbers would only overflow the query's OFFSET


def href(iri: str) -> str:
    """The link for an IRI: our own data at its path here, ontology terms on /def, others as they are."""
    return linker()(iri)


def linker():
    """``href`` for this request, the base IRI and the script root read once (a page has a thousand links)."""
    base, root = current_app.config["PLANGRAPH_BASE"], request.script_root

    def link(iri: str) -> str:
        if iri.startswith(base):
            return f"{root}/{iri[len(base):]}"
        if is_ontology_term(iri):
            return f"{root}/def#{iri.partition('#')[2]}"
        return iri
    return link


def switch_url(lang: str) -> str:
    """This page in the other language (its path quoted: a path like /\\evil.example must not leave the site)."""
    args = request.args.to_dict()
    args["lang"] = lang
    return f"{quote(request.path)}?{urlencode(args)}"


def linkable(iri: str) -> bool:
    """Whether a page may link to ``iri``: only http(s) IRIs (a javascript: or data: IRI in the data is text)."""
    return iri.lower().startswith(("http://", "https://"))


def page_number() -> int:
    """The ?page= of a paged list; 404 when it is not a page number a list can have."""
    page = request.args.get("page", 1, int)
    if not 1 <= page <= MAX_PAGE:
        abort(404)
    return page


@bp.app_context_processor
def interface():
    """Give every template the language, its words, the link helpers and the HTML written in Python."""
    lang = language() if request else "zh"
    return {"lang": lang, "t": lambda key, **v: word(key, lang, **v), "href": linker() if request else href,
            "curie": curie, "other_lang": "zh" if lang == "en" else "en", "switch_url": switch_url,
            "linkable": linkable, "marked": marked, "bar_svg": bar_svg, "plan_svg": plan_svg, "plan_cells": plan_cells,
            "text_html": text_html}


@bp.after_app_request
def remember_language(response):
    """Keep the language chosen with ?lang= in a cookie, so the next page speaks it too."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


from . import downloads, kinds, originals, plan, resource, search, site  # noqa: E402,F401  (the views register on bp)
from . import derived, reader  # noqa: E402
from .plan import plan_cells  # noqa: E402
from .reader import text_html  # noqa: E402


def prepare(app) -> None:
    """Compute the tables the pages derive from the app's store, once, as the app is created (derived.py)."""
    with app.app_context():  # the fulfilment table names its rows with the app's base IRI
        derived.prepare(app, {"spans": reader.report_spans, "district_reports": kinds.indicator_districts,
                              "fulfilment_rows": downloads.fulfilment_rows})
