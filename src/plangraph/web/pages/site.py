"""The site around the resources: home, lists by class, whole-dataset exports and the SPARQL query page."""
from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path

import pyoxigraph
from flask import abort, current_app, redirect, render_template, request, send_file

from ...paths import ontology_dir, project_dir
from ...rdf.vocab import PG, PREFIXES
from ...store.embedded import store_from_quads
from ...store.export import atomic_file, serialize
from ...store.formats import FORMATS
from ...store.query import run_query
from .. import get_store
from . import bp, href, page_number
from .describe import labels, well_formed
from .i18n import language
from .terms import expand, pick

# Entry points of the home page: key → (中文, English, classes). Example: /list/organisations.
ENTRY_POINTS = {
    "indicators": ("指标", "Indicators", ("Indicator",)),
    "areas": ("功能区与地点", "Areas and places", ("FunctionalArea", "Street", "Community", "WaterBody", "Plot")),
    "projects": ("项目", "Projects", ("Project",)),
    "organisations": ("机构与企业", "Organisations", ("GovernmentBody", "Enterprise", "School", "Hospital")),
    "documents": ("政策文件", "Documents", ("PolicyDocument",)),
    "problems": ("问题", "Problems", ("Problem",)),
}
EXPORTS = {f.suffix.lstrip("."): f for f in FORMATS}
PER_PAGE = 100
COUNTS = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"
REPORTS = "SELECT ?r ?label ?period WHERE { ?r a pg:Report ; rdfs:label ?label . OPTIONAL { ?r pg:period/skos:notation ?period } } ORDER BY DESC(?period) ?r"
HOME_REPORTS = 30  # the newest reports on the home page; /list/pg:Report has them all


def classes(key: str) -> list[str]:
    """The class IRIs of an entry point, or of one class named by CURIE (``pg:Indicator``)."""
    if key in ENTRY_POINTS:
        return [str(PG[c]) for c in ENTRY_POINTS[key][2]]
    iri = expand(key)
    return [iri] if iri != key and well_formed(iri) else []


@bp.route("/")
def home():
    """What the dataset holds: reports, counts by class, entry points, search, query, exports, ontology."""
    store, lang = get_store(), language()
    cache = current_app.extensions.setdefault("plangraph.pages", {})
    if "counts" not in cache:  # 0.8 s over 1,000 reports, and the served data does not change
        cache["counts"] = [(r["c"].value, int(r["n"].value)) for r in run_query(store, COUNTS)]
    counts = cache["counts"]
    names = labels(store, {c for c, _ in counts})
    by_class = dict(counts)
    entries = [(key, zh if lang == "zh" else en, sum(by_class.get(str(PG[c]), 0) for c in cs))
               for key, (zh, en, cs) in ENTRY_POINTS.items()]
    reports = [(r["r"].value, r["label"].value, r["period"].value if r["period"] else "")
               for r in run_query(store, f"{REPORTS} LIMIT {HOME_REPORTS}")]
    counted = [(c, pick(names.get(c, {}), lang), n) for c, n in counts]
    return render_template("pages/home.html", reports=reports, counts=counted, entries=entries,
                           report_count=by_class.get(str(PG.Report), 0),
                           exports=sorted(EXPORTS)), {"Vary": "Cookie"}


@bp.route("/list/<key>")
def listing(key: str):
    """The resources of an entry point or class, by label, PER_PAGE at a time."""
    wanted = classes(key)
    if not wanted:
        abort(404)
    page = page_number()
    values = " ".join(f"<{c}>" for c in wanted)
    query = (f"SELECT DISTINCT ?s (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?c {{ {values} }} ?s a ?c "
             f"OPTIONAL {{ ?s rdfs:label|skos:prefLabel ?l }} }} GROUP BY ?s ORDER BY ?label ?s "
             f"LIMIT {PER_PAGE + 1} OFFSET {(page - 1) * PER_PAGE}")
    rows = list(run_query(get_store(), query))
    lang = language()
    names = labels(get_store(), wanted)
    title = (ENTRY_POINTS[key][0 if lang == "zh" else 1] if key in ENTRY_POINTS
             else pick(names.get(wanted[0], {}), lang) or key)
    items = [(r["s"].value, r["label"].value if r["label"] else r["s"].value) for r in rows[:PER_PAGE]]
    return render_template("pages/list.html", title=title, items=items, page=page, key=key,
                           more=len(rows) > PER_PAGE), {"Vary": "Cookie"}


@bp.route("/export.<ext>")
def export(ext: str):
    """The whole dataset in one format, sorted so that two downloads are byte-identical.

    Written once to a file (the served data never changes) and sent from there, with ETag and ranges: a
    1,000-report corpus is 1.7 GB of N-Quads, more than a server should hold in memory per format.
    """
    fmt = EXPORTS.get(ext) or abort(404)
    path = _export_file(fmt)
    return send_file(path, mimetype=fmt.media_type, conditional=True, etag=True, max_age=0,
                     download_name=f"plangraph.{ext}", as_attachment=False)


@bp.route("/.well-known/void")
def well_known_void():
    """The dataset's VoID description (VoID §7): a redirect to the dataset's IRI, served as page or data."""
    rows = list(run_query(get_store(), "SELECT ?d WHERE { ?d a void:Dataset } ORDER BY ?d LIMIT 1"))
    if not rows:
        abort(404)
    return redirect(href(rows[0]["d"].value), 303)


def _export_file(fmt) -> Path:
    exports = current_app.extensions.setdefault("plangraph.exports", {"lock": threading.Lock()})
    with exports["lock"]:
        if "folder" not in exports:
            exports["folder"] = tempfile.TemporaryDirectory(prefix="plangraph-exports-")  # removed at exit
        path = Path(exports["folder"].name) / f"plangraph{fmt.suffix}"
        if not path.exists():
            with atomic_file(path) as handle:
                dump(get_store(), fmt, handle)
    return path


def dump(store, fmt, output) -> None:
    """Serialise every quad of the store, sorted, to ``output`` (an external endpoint's are fetched first)."""
    if not isinstance(store, pyoxigraph.Store):
        rows = run_query(store, "SELECT ?s ?p ?o ?g WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }",
                         use_default_graph_as_union=False)
        store = store_from_quads(pyoxigraph.Quad(r["s"], r["p"], r["o"], r["g"] or pyoxigraph.DefaultGraph())
                                 for r in rows)
    serialize(store, fmt, output)


def queries_dir() -> Path:
    """Where the example queries are: PLANGRAPH_QUERIES, else queries/examples/ of the project (questions that
    fit any corpus; the seed's competency questions stay in queries/ for the tests), else its queries/, else the
    installed ones."""
    if current_app.config.get("PLANGRAPH_QUERIES"):
        return Path(current_app.config["PLANGRAPH_QUERIES"])
    project = project_dir() / "queries"
    if (project / "examples").is_dir():
        return project / "examples"
    return project if project.is_dir() else ontology_dir().parent / "queries"  # beside the packaged ontology


TITLE = re.compile(r"^#\s*(?P<title>.+)$")


def examples() -> list[dict]:
    """The example queries: each .rq file, titled by its first ``# N. question`` comment line."""
    found = []
    folder = queries_dir()
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        first = TITLE.match(text.splitlines()[0]) if text.strip() else None
        found.append({"name": path.stem, "title": first["title"] if first else path.stem, "query": text})
    number = re.compile(r"^(\d+)")
    return sorted(found, key=lambda q: (int(number.match(q["title"])[1]) if number.match(q["title"]) else 999,
                                        q["name"]))


DEFAULT_QUERY = """SELECT ?indicator ?name WHERE {
  ?indicator a pg:Indicator ; skos:prefLabel ?name .
}"""


PREFIX_USE = re.compile(r"(?<![\w<#/.-])([A-Za-z][\w-]*):")  # the prefix of a prefixed name


def with_prefixes(query: str) -> str:
    """Declare, ahead of the query, each known prefix it uses and does not declare itself."""
    # [ \t]*, not \s*: \s* crosses lines, and over many blank lines that is quadratic (issue 15)
    declared = {m.lower() for m in re.findall(r"(?im)^[ \t]*PREFIX\s+([\w-]*):", query)}
    named = set(PREFIX_USE.findall(query))  # one pass over the query, whatever its length
    used = [p for p in PREFIXES if p not in declared and p in named]
    head = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used)
    lines = query.splitlines(keepends=True)
    comments = next((i for i, line in enumerate(lines) if not line.lstrip().startswith("#")), len(lines))
    return "".join(lines[:comments]) + head + "".join(lines[comments:])  # the "# N. question" line stays first


@bp.route("/query")
def query_page():
    """The SPARQL editor (YASGUI, served from this package) with prefixes preset and the example queries."""
    shown = [{**q, "query": with_prefixes(q["query"])} for q in examples()]
    endpoint = request.script_root + "/sparql"
    return render_template("pages/query.html", examples=shown, endpoint=endpoint,
                           default=with_prefixes(request.args.get("query") or DEFAULT_QUERY),
                           prefixes={k: str(v) for k, v in PREFIXES.items()}), {"Vary": "Cookie"}
