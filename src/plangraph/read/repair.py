"""Repair what copying lost, without moving any character: spans into the stored text stay valid.

A ``?`` between two Chinese characters is a lost middle dot (``洪山礼堂?云图数字共享客厅`` →
``洪山礼堂·云图数字共享客厅``). Full-width digits and punctuation inside figures are read by
:mod:`plangraph.numbers` itself; labels made from text go through :func:`repaired` so that they carry ``·``.
"""
from __future__ import annotations

import re

# (pattern, replacement of the same length, example)
REPAIRS = (
    # The pattern opens with the character it replaces (the look-behind then checks the one before it), so the
    # regex engine skips to each ? at once: the whole text is repaired several times per report.
    (re.compile(r"[?？](?<=[\u4e00-\u9fff][?？])(?=[\u4e00-\u9fff])"), "·", "洪山礼堂?云图数字共享客厅"),
)


def repaired(text: str) -> str:
    """Return ``text`` with every repair applied; the result has the same length, character for character."""
    for pattern, replacement, _example in REPAIRS:
        text = pattern.sub(replacement, text)
    return text

