"""Read a report from a PDF: text in reading order, paragraphs joined again, running headers and page numbers out.

PDFium (through pypdfium2) gives each page's runs of text with their boxes. Runs on one baseline make a line;
runs far apart on it are table cells. A line that reaches the right margin was broken by the layout, not by the
author, so it is joined with the next unless that one is indented (a new paragraph) or a table row; a page's
first and last lines are running headers or footers when they are page numbers or repeat on other pages.
Pages are read one at a time and closed, so memory stays flat however long the document is.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import InputError
from .layout import Reading, han_count, render

# Page numbers and running lines, each with an example.
PAGE_NUMBERS = (
    re.compile(r"^[—–\-－\s]*\d{1,4}[—–\-－\s]*$"),                     # — 3 —   - 3 -   3
    re.compile(r"^第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$"),  # 第3页 共12页   第 3 页
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),                               # 3/12
    re.compile(r"^[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?$"),                 # Page 3 of 12
)
EDGE_LINES = 2        # lines at a page's top and bottom that may be running headers or footers
COLUMN_GAP = 1.5      # a gap wider than this many characters splits a line into table cells
INDENT = 0.8          # a line starting this many characters right of the margin opens a paragraph
RIGHT_SLACK = 2.0     # a line ending this near (in characters) the right edge ran full: the layout broke it
PARAGRAPH_GAP = 0.3   # a gap between lines this much (in characters) above the usual one ends a paragraph
MIN_HAN_PER_PAGE = 5  # fewer Chinese characters than this on every page: no text layer (a scan)


@dataclass(frozen=True)
class Line:
    """One line of a page: its cells (one unless it is a table row), box, and character height."""

    cells: tuple[str, ...]
    left: float
    right: float
    top: float
    bottom: float
    size: float

    @property
    def text(self) -> str:
        return "".join(self.cells)


def read_pdf(data: bytes, name: str) -> Reading:
    """Read a PDF's report text; refuse an encrypted, damaged or scanned PDF with what to do."""
    pages = list(page_lines(data, name))
    if sum(han_count(line.text) for page in pages for line in page) < MIN_HAN_PER_PAGE * max(1, len(pages)):
        raise InputError(
            f'PDF "{name}" has no text layer: its {len(pages)} page(s) hold images or drawings, as a scan does. '
            f'OCR it first (e.g. "ocrmypdf -l chi_sim {name} {name[:-4]}.ocr.pdf"), then build the OCR\'d file.')
    body = [page[start:end] for page, (start, end) in zip(pages, body_ranges(pages))]
    return Reading(render(paragraphs(body)))


def page_lines(data: bytes, name: str):
    """Yield each page's lines, top to bottom, one page open at a time."""
    import pypdfium2 as pdfium
    _check_complete(data, name)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise _refused(name, error) from None
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                yield lines_of(_runs(textpage))
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _check_complete(data: bytes, name: str) -> None:
    if b"%PDF-" not in data[:1024]:   # the header may follow a little junk, as readers allow
        raise InputError(f'"{name}" is not a PDF (no "%PDF-" header). Give the report\'s PDF file.')
    if b"%%EOF" not in data[-2048:]:
        raise InputError(f'PDF "{name}" is truncated: it lacks the end-of-file marker a complete PDF has. '
                         "Download it again (plangraph fetch URL), then build again.")


def _refused(name: str, error) -> InputError:
    if "password" in str(error).lower():
        return InputError(f'PDF "{name}" is protected by a password. Save an unprotected copy (e.g. '
                          f'"qpdf --password=… --decrypt {name} open.pdf"), then build that.')
    return InputError(f'PDF "{name}" is damaged and cannot be read ({error}). Download it again, or export '
                      "it anew from its source.")


def _runs(textpage) -> list[tuple[float, float, float, float, str]]:
    """The page's runs of text: (left, bottom, right, top, text), empty runs dropped."""
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        # PDFium marks a hyphen that ends a line as \x02 (it may be a soft one); in Chinese text it is a real one
        text = textpage.get_text_bounded(left, bottom, right, top).replace("\x02", "-").strip(" \r\n")
        if text:
            runs.append((left, bottom, right, top, text))
    return runs


def lines_of(runs) -> list[Line]:
    """Group runs that share a baseline into lines, top to bottom; split cells at wide gaps."""
    rows: list[list] = []
    for run in sorted(runs, key=lambda r: (-r[3], r[0])):
        middle = (run[1] + run[3]) / 2
        if rows and rows[-1][0][1] <= middle <= rows[-1][0][3]:
            rows[-1].append(run)
        else:
            rows.append([run])
    return [_line(sorted(row)) for row in rows]


def _line(row) -> Line:
    size = max(r[3] - r[1] for r in row)
    cells, previous = [row[0][4]], row[0]
    for run in row[1:]:
        if run[0] - previous[2] > COLUMN_GAP * size:
            cells.append(run[4])
        else:
            cells[-1] += run[4]
        previous = run
    return Line(tuple(c.strip() for c in cells), row[0][0], row[-1][2], max(r[3] for r in row),
                min(r[1] for r in row), size)


def body_ranges(pages: list[list[Line]]) -> list[tuple[int, int]]:
    """For each page, the range of its lines that are body: running headers, footers and page numbers cut."""
    repeated = Counter(_shape(line.text) for page in pages for line in _edges(page))
    ranges = []
    for page in pages:
        start, end = 0, len(page)
        while start < min(EDGE_LINES, end) and _running(page[start], repeated):
            start += 1
        while end > max(start, len(page) - EDGE_LINES) and _running(page[end - 1], repeated):
            end -= 1
        ranges.append((start, end))
    return ranges


def _edges(page: list[Line]) -> list[Line]:
    return page[:EDGE_LINES] + page[max(EDGE_LINES, len(page) - EDGE_LINES):]


def _shape(text: str) -> str:
    """A line with its digits blurred, so that "第3页" and "第4页", or dated headers, repeat."""
    return re.sub(r"\d+", "#", re.sub(r"\s", "", text))


def _running(line: Line, repeated: Counter) -> bool:
    text = line.text.strip()
    return any(p.match(text) for p in PAGE_NUMBERS) or repeated[_shape(text)] > 1


def paragraphs(pages: list[list[Line]]) -> list:
    """Join the body lines of all pages into paragraphs and tables (see ``layout.render``)."""
    if not any(pages):
        return []
    frame = Frame.of(pages)
    blocks: list = []
    previous: Line | None = None
    for line in (line for page in pages for line in page):
        if len(line.cells) > 1:
            if previous is not None and len(previous.cells) > 1 and isinstance(blocks[-1], list):
                blocks[-1].append(list(line.cells))
            else:
                blocks.append([list(line.cells)])
        elif previous is not None and frame.continues(previous, line):
            blocks[-1] = _joined(blocks[-1], line.text)
        else:
            blocks.append(line.text.strip(" \u3000"))
        previous = line
    return blocks


@dataclass(frozen=True)
class Frame:
    """Where a body line starts and ends on the page, and the usual pitch from one line of a paragraph to the next."""

    left: float
    right: float
    pitch: float

    @classmethod
    def of(cls, pages: list[list[Line]]) -> "Frame":
        """Measure the body's frame: most lines start at its left and run to its right."""
        single = [l for page in pages for l in page if len(l.cells) == 1] or [l for p in pages for l in p]
        starts = Counter(round(l.left) for l in single)
        left = min([x for x, n in starts.items() if n >= 2] or starts)
        rights = sorted(l.right for l in single)
        right = rights[int(len(rights) * 0.9)]
        # the pitch of a paragraph's own lines: from a line that ran full to the next
        pitches = sorted(a.bottom - b.bottom for page in pages for a, b in zip(page, page[1:])
                         if len(a.cells) == len(b.cells) == 1 and a.right >= right - RIGHT_SLACK * a.size)
        return cls(float(left), right, pitches[len(pitches) // 2] if pitches else 0.0)

    def continues(self, previous: Line, line: Line) -> bool:
        """Whether ``line`` carries on the paragraph of ``previous``: that one ran to the right edge, this one
        is not indented, and no wider gap than a paragraph's own lines have lies between them."""
        if len(previous.cells) > 1:
            return False
        full = previous.right >= self.right - RIGHT_SLACK * previous.size
        indented = line.left > self.left + INDENT * line.size
        same_page = previous.bottom > line.top
        spaced = same_page and previous.bottom - line.bottom > self.pitch + PARAGRAPH_GAP * previous.size
        return full and not indented and not spaced


def _joined(head: str, tail: str) -> str:
    """Join a line the layout broke: Chinese text needs no space between, nor do figures or Latin initials
    broken anywhere (制造业PM|I为50.9%), which Chinese layout does."""
    return head + tail.strip()
