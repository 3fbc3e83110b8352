"""Read a report from a portal's web page: its own text, its tables as rows, and the portal's metadata table.

trafilatura finds the article among the portal's menus, breadcrumbs, share buttons, related links and footer;
its XML keeps paragraphs and table cells apart, and this module writes them as the text the reader reads: one
paragraph per line with a blank line between, a table as rows whose cells are split by tabs. The metadata table
that portals put above a public document (索引号, 发布机构, 成文日期 …) is read from the page itself.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from .charset import decode_page
from .layout import Reading, han_count, render

# The labels of a portal's metadata table (政府信息公开 metadata), each with the names portals give it and an
# example value; the reader keeps them under the first name.
PORTAL_FIELDS = (
    (("索引号",), "11340104003142709K/202308-00047"),
    (("发布机构", "发文机关", "发布单位"), "合肥市蜀山区发展和改革委员会"),
    (("成文日期", "生成日期"), "2023-08-30"),
    (("发布日期",), "2023-09-05"),
    (("发文字号", "文号"), "蜀发改〔2023〕15号"),
    (("主题分类",), "国民经济管理"),
    (("公开方式",), "主动公开"),
)
LABELS = {name: names[0] for names, _example in PORTAL_FIELDS for name in names}
# 索引号：… / 索 引 号: … / 【发布机构】… : a label at the start of a short element, spaced or bracketed
LABEL = re.compile(r"^[\s【\[]*(?P<label>" + "|".join(
    "".join(f"{ch}[\\s\u3000]*" for ch in name) for name in sorted(LABELS, key=len, reverse=True))
    + r")[】\]]?\s*[:：]?\s*(?P<value>.*)$", re.DOTALL)
MIN_HAN = 100  # fewer Chinese characters of sentences than this, once the boilerplate is out: no report
SENTENCE_END = re.compile(r"[。！？；]")  # menus, breadcrumbs and link lists have none; a report's prose has many


def read_page(data: bytes, name: str, content_type: str | None = None) -> Reading:
    """Read a web page's report text and the portal's metadata; refuse a page with no report in it."""
    page = decode_page(data, name, content_type)
    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        raise InputError(f'Page "{name}" is empty or not HTML. Save the report\'s page again, or give its PDF.') \
            from None
    portal = portal_metadata(tree)
    blocks = without_metadata(main_blocks(page))
    title = _title(tree)
    if title and not _starts_with(blocks, title):
        blocks.insert(0, title)
    prose = sum(han_count(b) for b in blocks if isinstance(b, str) and SENTENCE_END.search(b))
    if prose < MIN_HAN:
        raise InputError(
            f'Page "{name}" holds no report: once its menus, links and footer are left out, {prose} Chinese '
            "characters of sentences remain. Give the page of the report itself (not a list of links), or its PDF.")
    return Reading(render(blocks), tuple(portal.items()))


def main_blocks(page: str) -> list:
    """The article's paragraphs (strings) and tables (lists of rows of cells), in order, by trafilatura."""
    import trafilatura
    found = trafilatura.extract(page, output_format="xml", include_tables=True, include_comments=False,
                                include_images=False, favor_recall=True, with_metadata=False)
    if not found:
        return []
    main = etree.fromstring(found.encode("utf-8")).find("main")
    blocks: list = []
    for element in (main if main is not None else []):
        if element.tag == "table":
            rows = [[_text(cell) for cell in row.iter("cell")] for row in element.iter("row")]
            blocks.append([row for row in rows if any(row)])
        elif element.tag == "list":
            blocks.extend(_text(item) for item in element.iter("item"))
        else:
            blocks.extend(line for line in _text(element, breaks=True).split("\n"))
    return [b for b in blocks if b]


def portal_metadata(tree) -> dict[str, str]:
    """The portal's metadata table: {"索引号": "…", "发布机构": "…", …} in page order, each label once."""
    found: dict[str, str] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        own = (element.text or "").strip()
        match = LABEL.match(own) if own and len(own) < 80 else None
        if not match or LABELS[re.sub(r"\s", "", match["label"])] in found:
            continue
        value = _clean(match["value"] + "".join(_child_texts(element)))
        if not value:   # <b>索引号：</b>000014349/2023-00321, or <td>索引号</td><td>000014349/2023-00321</td>
            sibling = element.getnext()
            value = _clean(element.tail or "") or (_clean(sibling.text_content()) if sibling is not None else "")
        if value and len(value) < 120:
            found[LABELS[re.sub(r"\s", "", match["label"])]] = value
    return found


def _child_texts(element):
    for child in element:
        yield child.text_content() + (child.tail or "")


def _text(element, breaks: bool = False) -> str:
    """The text of a trafilatura element; its <lb/> line breaks kept as newlines when ``breaks``."""
    if breaks:
        for lb in element.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        return "\n".join(_clean(line) for line in "".join(element.itertext()).split("\n"))
    return _clean("".join(element.itertext()))


def _clean(text: str) -> str:
    """Collapse the page's layout whitespace (newlines, runs of spaces, the indent) in one line of text."""
    return re.sub(r"[ \t\r\n\u00a0]+", " ", text).strip(" \u3000")


def without_metadata(blocks: list) -> list:
    """The blocks less the lines and table rows of a metadata table the extractor kept in the article."""
    kept: list = []
    for block in blocks:
        if isinstance(block, list):
            rows = [row for row in block if not _labelled(row[0])]
            kept.extend([rows] if rows else [])
        elif not _labelled(block):
            kept.append(block)
    return kept


def _labelled(line: str) -> bool:
    """A short line that opens with a portal label: 索引号：11340104003142709K/202308-00047."""
    return len(line) < 80 and LABEL.match(line) is not None


def _title(tree) -> str | None:
    """The page's headline: its first <h1>, else the <title> before the portal's own name."""
    for heading in tree.iter("h1"):
        text = _clean(heading.text_content())
        if text:
            return text
    title = tree.find(".//title")
    text = _clean(title.text_content()) if title is not None else ""
    return re.split(r"[_|｜]| - ", text)[0].strip() or None


def _starts_with(blocks: list, title: str) -> bool:
    """Whether the article's first lines already hold the headline (wrapped over lines or not)."""
    head = "".join(b for b in blocks[:4] if isinstance(b, str))
    squeeze = lambda s: re.sub(r"[\s\u3000]", "", s)  # noqa: E731
    return squeeze(title) in squeeze(head)
