"""Read a report file into text, refusing what is not a UTF-8 report with a message that says the fix."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..paths import why_missing

# Encodings seen for such reports when they are not UTF-8, tried only to say which one it is.
_LEGACY_ENCODINGS = ("gb18030", "big5", "utf-16")
# A text with NUL bytes and no byte-order mark is UTF-16 without one (Windows' "Unicode" saved so), or binary.
_BOMLESS_UTF16 = ("utf-16-le", "utf-16-be")
ICONV_NAMES = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}  # what iconv -f calls them


def read_text(path: str | Path) -> str:
    """Return the text of a UTF-8 report file; raise InputError naming the file and the fix."""
    path = Path(path)
    if not path.exists():
        raise InputError(f'Report "{path}" {why_missing(path)}. Check the path, or put reports under data/reports/.')
    if path.is_dir():
        raise InputError(f'Report "{path}" is a folder; give the report files in it, e.g. "{path}/*.txt".')
    data = path.read_bytes()
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    """Decode report bytes as UTF-8 (a byte-order mark is dropped); name the encoding when it is another."""
    if not data.strip():
        raise InputError(f'Report "{name}" is empty. Give the plain-text report (UTF-8).')
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        guess = _guess_encoding(data, _BOMLESS_UTF16)
        if guess is None:
            raise InputError(
                f'Report "{name}" is a binary file, not plain text. Save the report as UTF-8 text (.txt) first.')
        raise _not_utf8(name, data.index(b"\x00"), guess)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _not_utf8(name, error.start, _guess_encoding(data)) from None


def _not_utf8(name: str, byte: int, guess: str | None) -> InputError:
    shown = ICONV_NAMES.get(guess or "", (guess or "").upper())
    hint = (f'it looks like {shown}; convert it with '
            f'"iconv -f {shown} -t UTF-8 {name} > {Path(name).stem}.utf8.txt"' if guess
            else "convert it to UTF-8 first")
    return InputError(f'Report "{name}" is not UTF-8 (byte {byte}): {hint}. '
                      "plangraph stores reports as UTF-8 so that every offset in the graph can be checked.")


def _guess_encoding(data: bytes, encodings: tuple[str, ...] = _LEGACY_ENCODINGS) -> str | None:
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # a text: mostly Chinese, and no control characters but line ends and tabs (a zip file read as UTF-16
        # gives Chinese characters too, and NULs)
        controls = any(ch < " " and ch not in "\t\n\r\f" for ch in text)
        if not controls and sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) // 4:
            return encoding
    return None
