"""Decode a published page: the charset it declares when the bytes bear it out, else the one detection finds.

Portals of Chinese governments serve UTF-8, GBK (declared as gb2312, gbk or gb18030) and, in Hong Kong,
Macao and Taiwan, Big5. A declaration the bytes contradict is refused: decoding by it would store mojibake,
and guessing past it would hide the fault from the person who can fix the page.
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

# Declared name → the codec that reads every page so declared, as browsers do (WHATWG Encoding Standard):
# a page declared gb2312 is read as GB18030, its superset, since portals declare gb2312 and write GBK.
ALIASES = {
    "gb2312": "gb18030",     # <meta charset="gb2312">, the most common declaration of GBK pages
    "gbk": "gb18030",        # <meta http-equiv="Content-Type" content="text/html; charset=GBK">
    "x-gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",     # Big5 pages use the Hong Kong extensions too
    "big5-hkscs": "big5hkscs",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}
# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# What detection may answer for these pages (charset-normalizer's names).
CANDIDATES = ["utf_8", "gb18030", "big5hkscs"]
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def declared(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the server's Content-Type or the page's own <meta> declares (the header wins), or None."""
    match = HEADER_CHARSET.search(content_type or "")
    if match:
        return match[1].lower()
    found = DECLARED.search(data[:4096])
    return found[1].decode("ascii").lower() if found else None


def decode_page(data: bytes, name: str, content_type: str | None = None) -> str:
    """Return the page's text, decoded by its byte-order mark, its declaration, or detection."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec if codec != "utf-8" else "utf-8-sig")
    label = declared(data, content_type)
    if label is None:
        return _detected(data, name)
    codec = ALIASES.get(label, label)
    try:
        codecs.lookup(codec)
    except LookupError:
        raise InputError(f'Page "{name}" declares the charset "{label}", which is unknown. Correct its '
                         '<meta charset>, e.g. to "utf-8" or "gbk".') from None
    if codec != "utf-8" and not data.isascii() and _is_utf8(data):
        raise _contradicted(name, label, "UTF-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        guess = _guess(data)
        if guess is None:
            raise InputError(f'Page "{name}" declares the charset "{label}" but byte {error.start} is not '
                             f"{label.upper()}, and its charset cannot be told. Save the page again as UTF-8.") \
                from None
        raise _contradicted(name, label, guess, error.start) from None


def _detected(data: bytes, name: str) -> str:
    if _is_utf8(data):
        return data.decode("utf-8")
    guess = _guess(data)
    if guess is None:
        raise InputError(f'Page "{name}" declares no charset and is neither UTF-8, GBK nor Big5. '
                         'Add <meta charset="…"> naming its charset, or save it as UTF-8.')
    return data.decode(ALIASES[guess.lower()])


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes) -> str | None:
    """The charset detection finds among those of Chinese pages: "GBK", "Big5", "UTF-8", or None."""
    from charset_normalizer import from_bytes
    best = from_bytes(data, cp_isolation=CANDIDATES, preemptive_behaviour=False).best()
    if best is None:
        return None
    return {"utf_8": "UTF-8", "gb18030": "GBK", "big5hkscs": "Big5"}.get(best.encoding)


def _contradicted(name: str, label: str, actual: str, at: int | None = None) -> InputError:
    where = f" (byte {at} is not {label.upper()})" if at is not None else ""
    return InputError(
        f'Page "{name}" declares the charset "{label}" but its bytes are {actual}{where}. Correct the page\'s '
        f'<meta charset> to "{actual.lower()}" (or save the page again as {label.upper()}), then build again.')
