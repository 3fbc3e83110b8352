"""The SPARQL endpoint at /sparql: GET ?query= and POST (form or application/sparql-query)."""
from __future__ import annotations

import pyoxigraph
from flask import Blueprint, Response, request

from ..errors import QueryError
from ..query import run_query
from . import get_store

bp = Blueprint("sparql", __name__)

RESULTS_JSON = "application/sparql-results+json"


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    """Answer a SPARQL query with SPARQL JSON results (SELECT/ASK) or Turtle (CONSTRUCT/DESCRIBE)."""
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        text = request.get_data(as_text=True)
    else:
        text = request.values.get("query")
    if not text:
        return Response("Missing the query parameter: /sparql?query=SELECT…", 400, mimetype="text/plain")
    try:
        results = run_query(get_store(), text)
    except QueryError as error:
        return Response(str(error), 400, mimetype="text/plain")
    if isinstance(results, pyoxigraph.QueryTriples):
        return Response(results.serialize(format=pyoxigraph.RdfFormat.TURTLE), mimetype="text/turtle")
    return Response(results.serialize(format=pyoxigraph.QueryResultsFormat.JSON), mimetype=RESULTS_JSON)
