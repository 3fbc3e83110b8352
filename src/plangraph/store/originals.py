"""Keep each report's original document beside the data, under its SHA-256, to be downloaded from its page.

The folder ``originals/`` sits beside the built file (``data/built/originals/``) or inside an on-disk store;
a file is named ``{sha256}{suffix}`` (``3f2a….pdf``), as the graph's ``dcat:downloadURL`` names it, so the same
document is kept once however many builds name it, and a name can never point at other bytes.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterable

from ..ingest.document import KINDS, Original
from .export import atomic_file

FOLDER = "originals"
STORED_NAME = re.compile(r"^[0-9a-f]{64}\.(?:" + "|".join(k.suffix.lstrip(".") for k in KINDS.values()) + ")$")
MEDIA_TYPES = {kind.suffix: kind.media_type for kind in KINDS.values()}


def originals_beside(data: str | Path) -> Path:
    """The originals folder of a built file (beside it) or of an on-disk store folder (inside it)."""
    data = Path(data)
    return data / FOLDER if data.is_dir() else data.parent / FOLDER


def keep(originals: Iterable[tuple[Path, Original]], folder: Path) -> None:
    """Copy each source file into ``folder`` under its stored name, unless it is there already."""
    for source, original in originals:
        target = folder / original.stored_name
        if target.exists() and target.stat().st_size == original.size:
            continue
        with atomic_file(target) as handle, open(source, "rb") as data:
            shutil.copyfileobj(data, handle)


def find(folders: Iterable[str | Path], name: str) -> Path | None:
    """The kept original called ``name`` in the first of ``folders`` holding it; None for any other name."""
    if not STORED_NAME.match(name):
        return None
    return next((Path(f) / name for f in folders if (Path(f) / name).is_file()), None)
