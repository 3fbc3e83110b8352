"""The text every reader of a document format writes, so that the same report reads the same from each format.

A paragraph is one line, with a blank line before the next block; a table is one line per row, its cells split
by a tab, as the plain-text tables of the genre split them by runs of spaces:

    指标名称	单位	年度目标	1-6月完成
    地区生产总值	亿元	410	192.6
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Reading:
    """What a reader got from one document: the text, and the portal's metadata as (label, value) pairs."""

    text: str
    portal: tuple[tuple[str, str], ...] = ()


def render(blocks: list) -> str:
    """Write paragraphs (strings) and tables (lists of rows of cells) as the stored text."""
    out = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
        else:
            out.append("\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in block))
    return "\n\n".join(b for b in out if b.strip()) + "\n"


def han_count(text: str) -> int:
    """How many Chinese characters the text holds."""
    return len(HAN.findall(text))
