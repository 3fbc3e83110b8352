"""Bound what an RDF/XML file's entity declarations can expand to, before a parser expands them.

pyoxigraph's RDF/XML parser expands internal entities without a limit, so 1.3 KB of nested declarations (the
"billion laughs") grows to gigabytes. Entities are still common in RDF/XML (``&xsd;`` for a namespace), so
they are not refused: the declarations are read with expat (which never fetches anything), the text each
reference in the document expands to is added up, and a file past ``MAX_EXPANSION`` is refused before it is
parsed. External entities (``SYSTEM``/``PUBLIC``) are refused: reading data never fetches a URL or a file.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from ..errors import InputError

MAX_EXPANSION = 16 * 1024 * 1024  # characters all entity references of a file may expand to
HEAD_BYTES = 64 * 1024            # the document type declaration is looked for in the file's first bytes
_REFERENCE = re.compile(rb"&([A-Za-z_][\w.\-]*);")
_PREDEFINED = {b"lt", b"gt", b"amp", b"quot", b"apos"}


class _Prolog(Exception):
    """Raised at the root element: the declarations are all read."""


def check_rdfxml(path: str | Path) -> None:
    """Raise InputError when the RDF/XML file at ``path`` declares entities that expand past the bound."""
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if b"<!ENTITY" not in head:
        return
    end = head.find(b"]>")
    if end < 0:
        raise InputError(f'"{path}" has a document type declaration longer than {HEAD_BYTES // 1024} KB; '
                         "plangraph reads RDF/XML with at most that much of declarations. Shorten its DOCTYPE.")
    declared = _declarations(path, head)
    sizes: dict[bytes, int] = {}
    total = sum(_size(name, declared, sizes) for name in _references(path, end + 2))
    if total > MAX_EXPANSION:
        raise InputError(f'"{path}" declares XML entities that expand to {total:,} characters (at most '
                         f"{MAX_EXPANSION:,} are read): an entity expansion attack or a mistake. Remove the "
                         "<!ENTITY> declarations from its DOCTYPE and write the text out.")


def _declarations(path: Path, head: bytes) -> dict[bytes, bytes]:
    """The internal entities the document type declaration names: name → replacement text."""
    declared: dict[bytes, bytes] = {}

    def entity(name, is_parameter, value, base, system_id, public_id, notation):
        if system_id or public_id:
            raise InputError(f'"{path}" declares the external XML entity "{name}" ({system_id or public_id}); '
                             "plangraph never fetches files or URLs while reading data. Write its text out.")
        if not is_parameter:
            declared[name.encode("utf-8")] = value.encode("utf-8")

    def stop(*_):
        raise _Prolog

    parser = xml.parsers.expat.ParserCreate()
    parser.EntityDeclHandler, parser.StartElementHandler = entity, stop
    try:
        parser.Parse(head, False)
    except (_Prolog, xml.parsers.expat.ExpatError):
        pass  # the declarations are read; malformed XML is for the parser proper to report
    return declared


def _references(path: Path, start: int):
    """Every entity name referenced in the file after its document type declaration, once per reference."""
    with path.open("rb") as handle:
        handle.seek(start)
        for line in handle:
            yield from _REFERENCE.findall(line)


def _size(name: bytes, declared: dict, sizes: dict, depth: int = 0) -> int:
    """Characters ``&name;`` expands to, memoised; unknown and predefined names count as their own length."""
    if name in sizes:
        return sizes[name]
    if name not in declared or name in _PREDEFINED or depth > 64:
        return len(name) + 2
    sizes[name] = 0  # a reference cycle counts nothing more (expat refuses it anyway)
    value = declared[name]
    inner = _REFERENCE.findall(value)
    sizes[name] = len(_REFERENCE.sub(b"", value)) + sum(_size(n, declared, sizes, depth + 1) for n in inner)
    return sizes[name]
