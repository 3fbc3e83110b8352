"""Documents as governments publish them: told apart by their bytes, read, or refused with what to do."""
from __future__ import annotations

from pathlib import Path

import documents
import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.errors import InputError
from plangraph.ingest.charset import decode_page
from plangraph.ingest.document import read_bytes, read_document, sniff
from plangraph.ingest.html import read_page

VARIANTS = Path(__file__).resolve().parent / "variants"
TABLE_REPORT = (VARIANTS / "07-county-table-zhengding-2023-h1.txt").read_text(encoding="utf-8")
needs_font = pytest.mark.skipif(not documents.FONT.exists(),
                                reason="needs the WenQuanYi font that scripts/test installs")
# 關於臺北市信義區二〇二三年上半年國民經濟和社會發展計劃執行情況的報告 (Big5 holds traditional characters only)
BIG5_TEXT = "今年以來，全區上下堅持穩中求進工作總基調，經濟運行穩步恢復，地區生產總值同比增長百分之六點三。" * 6


@needs_font
@pytest.mark.parametrize("make, named, kind", [
    (lambda: documents.pdf(TABLE_REPORT), "report.html", "pdf"),       # a PDF served under a page's name
    (lambda: documents.docx(TABLE_REPORT), "report.txt", "docx"),
    (lambda: documents.portal_page(TABLE_REPORT), "report.txt", "html"),  # a page saved as .txt
    (lambda: TABLE_REPORT.encode("utf-8"), "report.htm", "text"),
])
def test_the_format_is_told_by_the_bytes_not_the_name(make, named, kind):
    assert sniff(make(), named) == kind


@pytest.mark.parametrize("data, name, what", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "正定县报告.doc", "legacy Word document (.doc)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "正定县报告.wps", "WPS Office document (.wps)"),
    (b"{\\rtf1\\ansi\\ansicpg936 \\f0 \\'b9\\'d8\\'d3\\'da}", "正定县报告.rtf", "RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "renamed.docx", "legacy Office document"),
])
def test_legacy_formats_are_refused_with_the_conversion_to_make(data, name, what):
    with pytest.raises(InputError) as error:
        read_bytes(data, name)
    assert what in str(error.value) and f'libreoffice --headless --convert-to docx "{name}"' in str(error.value)


@needs_font
def test_a_scanned_pdf_is_refused_and_told_to_be_ocred():
    with pytest.raises(InputError, match="no text layer.*OCR it first"):
        read_bytes(documents.scanned_pdf(), "扫描件.pdf")


@needs_font
def test_a_password_protected_pdf_is_refused_with_how_to_unlock_it():
    with pytest.raises(InputError, match="protected by a password.*qpdf"):
        read_bytes(documents.protected_pdf(TABLE_REPORT), "加密.pdf")


@needs_font
def test_a_truncated_pdf_is_refused_and_told_to_be_downloaded_again():
    data = documents.pdf(TABLE_REPORT)
    with pytest.raises(InputError, match="truncated.*Download it again"):
        read_bytes(data[: len(data) // 2], "半截.pdf")


def test_a_damaged_docx_is_refused():
    with pytest.raises(InputError, match="damaged"):
        read_bytes(documents.docx(TABLE_REPORT)[:3000], "坏了.docx")


def test_a_portal_page_gives_the_article_and_leaves_the_portal_out():
    reading = read_page(documents.portal_page(TABLE_REPORT, "gbk"), "zhengding.html")
    assert reading.text.startswith("关于正定县2023年1-6月国民经济和社会发展计划执行情况的报告\n")  # the <h1>
    assert "——2023年7月27日在正定县第十七届人民代表大会常务委员会第十次会议上" in reading.text
    for boilerplate in ("当前位置", "政务服务", "分享到", "打印本页", "相关链接", "关于开展2023年安全生产大检查的通知",
                        "网站标识码", "ICP备", "浏览次数", "索引号"):
        assert boilerplate not in reading.text, boilerplate
    assert "地区生产总值\t亿元\t410\t192.6\t6.3\t47.0\n" in reading.text   # a <table> row as a tab-split line


def test_a_portal_page_gives_its_metadata_table():
    reading = read_page(documents.portal_page(TABLE_REPORT), "zhengding.html")
    assert dict(reading.portal) == dict(documents.PORTAL_META)


def test_metadata_labels_are_found_however_the_portal_lays_them_out():
    page = ("<html><body><ul class='info'><li><b>索 引 号：</b>000014349/2023-00321</li>"
            "<li><span>【发布机构】</span><span>蜀山区发改委</span></li></ul><div><p>"
            + "今年以来，全区经济运行稳中向好，地区生产总值完成753.62亿元，同比增长6.1%。" * 5
            + "</p></div></body></html>")
    reading = read_page(page.encode("utf-8"), "x.html")
    assert dict(reading.portal) == {"索引号": "000014349/2023-00321", "发布机构": "蜀山区发改委"}


def test_a_page_of_menus_and_links_only_is_no_report():
    page = documents.portal_page("关于正定县2023年上半年工作的报告\n", "utf-8").replace(b"<p style", b"<x style")
    with pytest.raises(InputError, match="holds no report.*Give the page of the report itself"):
        read_page(page, "列表页.html")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8"])
def test_a_page_is_read_in_the_charset_it_declares(encoding):
    reading = read_page(documents.portal_page(TABLE_REPORT, encoding), "p.html")
    assert "正定县" in reading.text and "城镇新增就业\t人\t6800" in reading.text


def test_a_page_that_declares_no_charset_is_read_by_detection():
    page = documents.portal_page(TABLE_REPORT, "gbk").replace(b"; charset=gbk", b"")
    assert "正定县" in read_page(page, "p.html").text


def test_big5_pages_are_read_declared_or_not():
    data = f"<html><body><p>{BIG5_TEXT}</p></body></html>".encode("big5")
    declared = data.replace(b"<html>", b'<html><head><meta charset="big5"></head>')
    assert BIG5_TEXT in decode_page(declared, "tw.html")
    assert BIG5_TEXT in decode_page(data, "tw.html")


@pytest.mark.parametrize("encoding, declared, found", [("gbk", "utf-8", "GBK"), ("utf-8", "gb2312", "UTF-8")])
def test_a_page_whose_declared_charset_is_wrong_is_refused_naming_both(encoding, declared, found):
    page = documents.portal_page(TABLE_REPORT, encoding, declare=declared)
    with pytest.raises(InputError) as error:
        read_page(page, "错码.html")
    assert f'declares the charset "{declared}"' in str(error.value) and found in str(error.value)


@needs_font
@pytest.mark.parametrize("name, make, message", [
    ("scan.pdf", lambda: documents.scanned_pdf(), "no text layer"),
    ("locked.pdf", lambda: documents.protected_pdf(TABLE_REPORT), "password"),
    ("cut.pdf", lambda: documents.pdf(TABLE_REPORT)[:20000], "truncated"),
    ("empty.html", lambda: b"<html><body><div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>",
     "holds no report"),
    ("wrong.html", lambda: documents.portal_page(TABLE_REPORT, "gbk", declare="utf-8"), "declares the charset"),
    ("old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "convert-to docx"),
])
def test_build_refuses_each_with_a_message_and_exit_2_writing_nothing(tmp_path, name, make, message):
    (tmp_path / name).write_bytes(make())
    out = tmp_path / "built" / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(tmp_path / name), "--output", str(out)])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "built").exists()


def test_a_folder_of_mixed_formats_is_read_whole_and_a_doc_in_it_is_not_skipped(tmp_path):
    (tmp_path / "b.txt").write_text(TABLE_REPORT, encoding="utf-8")
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--output", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2 and "a.doc" in result.output and not (tmp_path / "g.ttl").exists()


def test_the_original_is_described_by_its_bytes(tmp_path):
    path = tmp_path / "zhengding.html"
    path.write_bytes(documents.portal_page(TABLE_REPORT))
    document = read_document(path, {"url": "http://127.0.0.1/zwgk/t20230801_1.html"})
    original = document.original
    import hashlib
    assert (original.media_type, original.suffix, original.size) == ("text/html", ".html", path.stat().st_size)
    assert original.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert original.url == "http://127.0.0.1/zwgk/t20230801_1.html"
