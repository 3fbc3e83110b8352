"""Read a report file into text, refusing what is not a UTF-8 report with a message that says the fix."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError

# Encodings seen for such reports when they are not UTF-8, tried only to say which one it is.
_LEGACY_ENCODINGS = ("gb18030", "big5", "utf-16")


def read_text(path: str | Path) -> str:
    """Return the text of a UTF-8 report file; raise InputError naming the file and the fix."""
    path = Path(path)
    if not path.exists():
        raise InputError(f'Report "{path}" does not exist. Check the path, or put reports under data/reports/.')
    if path.is_dir():
        raise InputError(f'Report "{path}" is a folder; give the report files in it, e.g. "{path}/*.txt".')
    data = path.read_bytes()
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    """Decode report bytes as UTF-8 (a byte-order mark is dropped); name the encoding when it is another."""
    if not data.strip():
        raise InputError(f'Report "{name}" is empty. Give the plain-text report (UTF-8).')
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f'Report "{name}" is a binary file, not plain text. Save the report as UTF-8 text (.txt) first.')
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        guess = _guess_encoding(data)
        hint = (f'it looks like {guess.upper()}; convert it with '
                f'"iconv -f {guess.upper()} -t UTF-8 {name} > {Path(name).stem}.utf8.txt"' if guess
                else "convert it to UTF-8 first")
        raise InputError(
            f'Report "{name}" is not UTF-8 (byte {error.start}): {hint}. '
            "plangraph stores reports as UTF-8 so that every offset in the graph can be checked.") from None


def _guess_encoding(data: bytes) -> str | None:
    for encoding in _LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) // 4:
            return encoding
    return None
