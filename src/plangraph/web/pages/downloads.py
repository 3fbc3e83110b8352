"""Tables as CSV: the whole figure table with its CSVW metadata, and every table a page shows.

``/export.csv`` is written once (the served data never changes) and sent from the file with ETag and ranges,
like the RDF exports; ``/export.csv-metadata.json`` describes it (W3C CSV on the Web), and the CSV names its
metadata in a ``Link: rel="describedby"`` header, where CSVW processors look for it.
"""
from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path

from flask import Response, current_app, request, send_file

from ...rdf.iris import Minter
from ...store.export import atomic_file
from ...store.plan_table import plan_columns, plan_rows
from ...store.tables import figure_columns, figure_rows, metadata, rows_csv, write_csv
from .. import get_store
from . import bp
from .derived import derived

CSV_TYPE = "text/csv; charset=utf-8"
METADATA_TYPE = "application/csvm+json"
TITLES = {"figures": ("主要指标数值", "Indicator figures"), "fulfilment": ("计划完成情况", "Plan fulfilment")}


def _base() -> str:
    return current_app.config["PLANGRAPH_BASE"]


@bp.route("/export.csv")
def export_csv():
    """Every figure of the dataset, one row each (see ``store/tables.py``)."""
    path = _written("figures.csv", lambda handle: write_csv(figure_rows(get_store()), figure_columns(_base()), handle))
    response = send_file(path, mimetype=CSV_TYPE, conditional=True, etag=True, max_age=0,
                         download_name="plangraph-figures.csv")
    response.headers["Link"] = f'<{request.script_root}/export.csv-metadata.json>; rel="describedby"; ' \
                               f'type="{METADATA_TYPE}"'
    return response


@bp.route("/export.csv-metadata.json")
def export_csv_metadata():
    """The CSVW metadata of /export.csv: what each column means, its datatype, and the links to the IRIs."""
    described = metadata("export.csv", figure_columns(_base()), TITLES["figures"])
    return _json(described)


@bp.route("/table/figures.csv")
def figures_csv():
    """The figures of one indicator (``?indicator=IRI``), optionally of one place (``&district=IRI``)."""
    indicator, district = request.args.get("indicator"), request.args.get("district")
    rows = figure_rows(get_store(), district=district, indicator=indicator)
    return _csv(rows_csv(rows, figure_columns(_base())), "figures.csv")


@bp.route("/table/fulfilment.csv")
def fulfilment_csv():
    """The plan-fulfilment table, or its rows of one indicator, place or year (``?indicator=&place=&year=``)."""
    wanted = {k: request.args.get(k) for k in ("indicator", "place", "year") if request.args.get(k)}
    rows = [r for r in fulfilment_rows() if all(r[k] == v for k, v in wanted.items())]
    return _csv(rows_csv(rows, plan_columns(_base())), "fulfilment.csv")


def fulfilment_rows(store=None) -> list[dict]:
    """The plan-fulfilment table of ``store``, or of the app's store: derived once, at load (derived.py), when
    the store is embedded; joined from the figures of every report otherwise."""
    known = derived("fulfilment_rows") if store is None else None
    return known if known is not None else plan_rows(store or get_store(), Minter(_base()))


@bp.route("/table/fulfilment.csv-metadata.json")
def fulfilment_csv_metadata():
    """The CSVW metadata of the plan-fulfilment table."""
    return _json(metadata("fulfilment.csv", plan_columns(_base()), TITLES["fulfilment"], key="fulfilment"))


def _csv(chunks, name: str) -> Response:
    response = Response(chunks, mimetype=CSV_TYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _json(described: dict) -> Response:
    return Response(json.dumps(described, ensure_ascii=False, indent=1), mimetype=METADATA_TYPE)


def _written(name: str, write) -> Path:
    """A table written once per server into a temporary folder, removed at exit."""
    tables = current_app.extensions.setdefault("plangraph.tables", {"lock": threading.Lock()})
    with tables["lock"]:
        if "folder" not in tables:
            tables["folder"] = tempfile.TemporaryDirectory(prefix="plangraph-tables-")
        path = Path(tables["folder"].name) / name
        if not path.exists():
            with atomic_file(path) as handle, open(handle.fileno(), "w", encoding="utf-8", newline="",
                                                    closefd=False) as text:
                write(text)
    return path
