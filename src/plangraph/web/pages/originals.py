"""The original documents of the reports: downloaded at ``/original/{sha256}{suffix}``, shown on a report's page.

The files are those the build kept beside the data (``store/originals.py``). They are sent as attachments in a
sandbox: a portal's page kept as it was received must not run its scripts under this site's origin.
"""
from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, send_file

from ...paths import built_dataset
from ...store.originals import MEDIA_TYPES, find, originals_beside
from ...store.query import run_query
from . import bp
from .describe import node

ORIGINAL = """SELECT ?download ?title ?media ?size ?sha ?source WHERE {{
  {r} dcat:distribution ?d . ?d dcat:downloadURL ?download ; spdx:checksum ?c . ?c spdx:checksumValue ?sha .
  OPTIONAL {{ ?d dcterms:title ?title }} OPTIONAL {{ ?d dcat:mediaType ?media }}
  OPTIONAL {{ ?d dcat:byteSize ?size }} OPTIONAL {{ ?d dcat:accessURL ?source }}
}} LIMIT 1"""
# What a media type is called on the page: application/pdf → PDF.
FORMAT_NAMES = {"application/pdf": "PDF", "text/html": "HTML", "text/plain": "TXT",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)"}


def original_folders(config) -> list[Path]:
    """Where the served data's originals are: PLANGRAPH_ORIGINALS, else beside the store or the data files.

    A store given in-process (PLANGRAPH_STORE) has no place beside it: its builder says where it kept the
    originals, and the project's own folder, which holds another dataset's, is never guessed instead.
    """
    if config.get("PLANGRAPH_ORIGINALS"):
        return [Path(p) for p in config["PLANGRAPH_ORIGINALS"]]
    if "PLANGRAPH_STORE" in config:
        return []
    if config.get("PLANGRAPH_STORE_PATH"):
        return [originals_beside(config["PLANGRAPH_STORE_PATH"])]
    return [originals_beside(Path(p)) for p in config.get("PLANGRAPH_DATA") or [built_dataset()]]


@bp.route("/original/<name>")
def original(name: str):
    """The original document of a report, as received, by the name its distribution gives it."""
    path = find(original_folders(current_app.config), name) or abort(404)
    response = send_file(path, mimetype=MEDIA_TYPES[path.suffix], as_attachment=True, download_name=name,
                         conditional=True, etag=True, max_age=0)
    response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def original_of(store, iri: str) -> dict | None:
    """The report's original as the page shows it: link, file name, format, size and SHA-256, source URL."""
    from . import href
    rows = list(run_query(store, ORIGINAL.format(r=node(iri))))
    if not rows:
        return None
    row = rows[0]
    media = row["media"].value.rpartition("media-types/")[2] if row["media"] is not None else ""
    return {"href": href(row["download"].value), "title": row["title"].value if row["title"] else "",
            "format": FORMAT_NAMES.get(media, media), "sha256": row["sha"].value,
            "size": int(row["size"].value) if row["size"] is not None else None,
            "source": row["source"].value if row["source"] is not None else None}
