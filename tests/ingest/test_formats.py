"""The same report published four ways — text, a GBK portal page, a two-page PDF, a Word file — gives one graph.

The documents are made here from reports of shared/reports/variants/ (figures invented; copied to variants/).
The graphs are compared with the one built from the text, not with fixed numbers, so that the reader may change
how it reads figures.
"""
from __future__ import annotations

from pathlib import Path

import documents
import pytest
from rdflib import Graph

from plangraph.rdf.graph import report_graph
from plangraph.rdf.iris import Minter
from plangraph.read.report import read_report

VARIANTS = Path(__file__).resolve().parent / "variants"   # copied from shared/reports/variants/
# indicators in prose; prose with ranks and 分别; a table of indicators; bullets among numbers that are no facts
CHOSEN = ("01-prose-indicators-xiaodian-2023-h1", "06-city-prose-ranks-luoyang-2024-h1",
          "07-county-table-zhengding-2023-h1", "10-pitfalls-tianyuan-2023-h1")
FIGURES = """SELECT ?indicator ?role ?value ?unit ?period WHERE {
  ?f a pg:Figure ; pg:indicator ?indicator ; pg:role ?role ; sdmx-dimension:refPeriod ?period .
  OPTIONAL { ?f pg:value ?value } OPTIONAL { ?f pg:unit ?unit } }"""
QUANTITIES = """SELECT ?label ?value ?unit ?period WHERE {
  ?q a pg:Quantity ; rdfs:label ?label ; pg:value ?value ; sdmx-dimension:refPeriod ?period .
  OPTIONAL { ?q pg:unit ?unit } }"""
ENTITIES = "SELECT ?thing ?class WHERE { ?thing a ?class ; pg:mention ?span }"
REPORT = "SELECT ?report ?district ?period WHERE { ?report a pg:Report ; pg:district ?district ; pg:period ?period }"

pytestmark = pytest.mark.skipif(not documents.FONT.exists(),
                                reason="needs the WenQuanYi font that scripts/test installs")


def published(text: str, folder: Path, stem: str) -> dict[str, Path]:
    """Write the report as each format a government publishes; the text as it is."""
    made = {"txt": text.encode("utf-8"), "html": documents.portal_page(text, "gbk"),
            "pdf": documents.pdf(text), "docx": documents.docx(text)}
    paths = {}
    for suffix, data in made.items():
        paths[suffix] = folder / f"{stem}.{suffix}"
        paths[suffix].write_bytes(data)
    return paths


def facts(graph: Graph) -> dict[str, set]:
    """What must not depend on the format: the report, its figures and its named things."""
    return {name: {tuple(row) for row in graph.query(query)}
            for name, query in (("report", REPORT), ("figures", FIGURES), ("quantities", QUANTITIES),
                                          ("entities", ENTITIES))}


@pytest.fixture(scope="module", params=CHOSEN)
def four(request, tmp_path_factory) -> dict[str, dict[str, set]]:
    stem = request.param
    folder = tmp_path_factory.mktemp(stem[:2])
    text = (VARIANTS / f"{stem}.txt").read_text(encoding="utf-8")
    graphs = {}
    for kind, path in published(text, folder, stem).items():
        report = read_report(path)
        graphs[kind] = facts(report_graph(report, Minter("https://example.org/")))
    graphs["pdf file"] = folder / f"{stem}.pdf"
    return graphs


@pytest.mark.parametrize("kind", ["html", "pdf", "docx"])
def test_each_format_gives_the_figures_and_things_of_the_text(four, kind):
    for aspect in ("report", "figures", "quantities", "entities"):
        assert four[kind][aspect] == four["txt"][aspect], (
            f"{kind} differs from the text in {aspect}: only in {kind}: "
            f"{sorted(four[kind][aspect] - four['txt'][aspect])[:5]}; "
            f"only in the text: {sorted(four['txt'][aspect] - four[kind][aspect])[:5]}")


def test_the_comparison_is_not_empty(four):
    assert len(four["txt"]["figures"] | four["txt"]["quantities"]) >= 10 and len(four["txt"]["entities"]) >= 3


def test_the_pdf_has_two_pages_running_heads_and_a_sentence_broken_by_the_page_end(four):
    import pypdfium2
    document = pypdfium2.PdfDocument(four["pdf file"])
    pages = [document[i].get_textpage().get_text_range().strip().splitlines() for i in range(len(document))]
    assert len(pages) == 2
    assert pages[0][0] == pages[1][0] == "某县人民政府公报" and pages[1][-1] == "— 2 —"
    last_of_page_one = pages[0][-2]   # above the page number
    assert not last_of_page_one.endswith(("。", "：", ":")), last_of_page_one
