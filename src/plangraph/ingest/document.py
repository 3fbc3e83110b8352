"""Read a report as it was published — a web page, a PDF, a Word file or plain text — into the text to store.

The format is told by the file's bytes (a PDF begins ``%PDF``, a Word file is a ZIP holding
``word/document.xml`` …), the suffix only naming it in messages, so a page saved as ``.txt`` or a PDF served
as ``.html`` is still read right. Formats no reader takes (a legacy ``.doc``, ``.wps`` or ``.rtf``) are refused
with the conversion to make. The original's bytes are described (media type, size, SHA-256, where it came
from) so that the build can keep the file beside the data and the graph can point at it.
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import InputError
from .layout import Reading

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"    # the container of .doc, .wps, .xls, .ppt before 2007
HTML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|div|p|table)\b",
                  re.IGNORECASE | re.DOTALL)
SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
REFUSED_SUFFIXES = (".doc", ".wps", ".rtf")   # found in a folder, refused by name rather than skipped
CONVERT = 'libreoffice --headless --convert-to docx "{name}"'
# Legacy formats: (what the file is, by its suffix) → how to make it readable.
LEGACY = {
    ".doc": "a legacy Word document (.doc)",
    ".wps": "a WPS Office document (.wps)",
    ".rtf": "an RTF document",
    "": "a legacy Office document (OLE2, as .doc, .wps or .xls are)",
}


@dataclass(frozen=True)
class Original:
    """The document a report was read from, as received: what it is, its bytes' size and digest, its origin."""

    name: str
    media_type: str
    suffix: str          # the suffix its kind is stored under: ".pdf", ".docx", ".html", ".txt"
    size: int
    sha256: str
    url: str | None = None
    retrieved: str | None = None

    @property
    def stored_name(self) -> str:
        """The name it is kept under beside the data: its digest, so that one file is kept once."""
        return self.sha256 + self.suffix


@dataclass(frozen=True)
class Document:
    """A document read: the text every offset counts into, the original it came from, and portal metadata."""

    text: str
    original: Original
    portal: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Kind:
    """A format plangraph reads: its media type, the suffix its originals are kept under, and its reader."""

    media_type: str
    suffix: str
    read: Callable[[bytes, str, str | None], Reading]


def _read_text(data: bytes, name: str, content_type: str | None) -> Reading:
    from .text import decode
    return Reading(decode(data, name))


def _read_html(data: bytes, name: str, content_type: str | None) -> Reading:
    from .html import read_page
    return read_page(data, name, content_type)


def _read_pdf(data: bytes, name: str, content_type: str | None) -> Reading:
    from .pdf import read_pdf
    return read_pdf(data, name)


def _read_docx(data: bytes, name: str, content_type: str | None) -> Reading:
    from .word import read_docx
    return read_docx(data, name)


KINDS = {
    "text": Kind("text/plain", ".txt", _read_text),
    "html": Kind("text/html", ".html", _read_html),
    "pdf": Kind("application/pdf", ".pdf", _read_pdf),
    "docx": Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", _read_docx),
}


def read_document(path: str | Path, origin: dict | None = None) -> Document:
    """Read a report file of any format plangraph takes; ``origin`` is its sidecar's {"url", "retrieved", …}."""
    path = Path(path)
    if not path.exists():
        raise InputError(f'Report "{path}" does not exist. Check the path, or put reports under data/reports/.')
    if path.is_dir():
        raise InputError(f'Report "{path}" is a folder; give the report files in it, e.g. "{path}/*.pdf".')
    return read_bytes(path.read_bytes(), path.name, origin, shown=str(path))


def read_bytes(data: bytes, name: str, origin: dict | None = None, shown: str | None = None) -> Document:
    """Read a report from its bytes; ``name`` is its file name, ``shown`` what messages call it (its path)."""
    origin, shown = origin or {}, shown or name
    if not data.strip():
        raise InputError(f'Report "{shown}" is empty. Give the report\'s page, PDF, Word file or text.')
    kind = KINDS[sniff(data, shown)]
    reading = kind.read(data, shown, origin.get("content_type"))
    original = Original(name, kind.media_type, kind.suffix, len(data), hashlib.sha256(data).hexdigest(),
                        origin.get("url"), origin.get("retrieved"))
    return Document(reading.text, original, reading.portal)


def sniff(data: bytes, name: str) -> str:
    """Tell a document's format by its bytes: "pdf", "docx", "html" or "text"; refuse formats no reader takes."""
    head, suffix = data[:1024], Path(name).suffix.lower()
    if head.startswith(OLE2) or head.startswith(b"{\\rtf"):
        what = LEGACY.get(suffix) or (LEGACY[".rtf"] if head.startswith(b"{\\rtf") else LEGACY[""])
        raise InputError(f'"{name}" is {what}, which plangraph does not read. Convert it to .docx first '
                         f'({CONVERT.format(name=name)}), then build the .docx.')
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if HTML.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def _zip_kind(data: bytes, name: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise InputError(f'"{name}" is a damaged ZIP file (a .docx cut short?). Download or save it again.') from None
    if "word/document.xml" in names:
        return "docx"
    raise InputError(f'"{name}" is a ZIP archive but not a Word document (.docx). Give the report itself: '
                     "a .docx, .pdf, web page or .txt.")
