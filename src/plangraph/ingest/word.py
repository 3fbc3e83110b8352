"""Read a report from a Word file (.docx): its paragraphs and tables, in the order the body holds them.

python-docx reads the body; page headers and footers live outside it, so they never reach the text. A line
break inside a paragraph (Shift+Enter) is a line of its own, as it is on the page.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError
from .layout import Reading, render


def read_docx(data: bytes, name: str) -> Reading:
    """Read a .docx file's report text; refuse a damaged one with what to do."""
    from docx import Document
    from docx.table import Table
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f'Word file "{name}" is damaged and cannot be read ({error}). Open it in Word or '
                         "LibreOffice and save it again as .docx.") from None
    blocks: list = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.append(table_rows(item))
        else:
            blocks.extend(_clean(line) for line in item.text.split("\n"))
    return Reading(render([b for b in blocks if b]))


def table_rows(table) -> list[list[str]]:
    """A Word table as rows of cell texts; a cell merged across columns is given once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_clean(" ".join(p.text for p in cell.paragraphs)))
        if any(cells):
            rows.append(cells)
    return rows


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text).strip(" \u3000")
