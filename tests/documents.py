"""Make a report's text into the documents governments publish: a portal page, a PDF, a Word file.

Tests build these from the plain-text variants so that each format can be compared with the text it came from.
A line whose columns are split by two or more spaces (a plain-text table) becomes a table row in each format.
"""
from __future__ import annotations

import html
import io
import re
from functools import lru_cache
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # installed by scripts/test
COLUMNS = re.compile(r"\S(?: ?\S)*")   # the cells of a table row: runs with at most single spaces inside
TABLE_ROW = re.compile(r"\S {2,}\S.* {2,}\S")  # a line with three or more columns
PORTAL_META = (("索引号", "11130123MB0123456X/2023-00123"), ("发布机构", "正定县发展和改革局"),
               ("成文日期", "2023-07-28"), ("发文字号", "正发改〔2023〕15号"), ("主题分类", "国民经济管理"),
               ("公开方式", "主动公开"))


def blocks(text: str) -> list[tuple[str, list]]:
    """The report's text as ("p", [line]) paragraphs and ("table", [[cell, …], …]) tables, in order."""
    out: list[tuple[str, list]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        if TABLE_ROW.search(line):
            cells = COLUMNS.findall(line)
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        else:
            out.append(("p", [line.strip()]))
    return out


def portal_page(text: str, encoding: str = "gbk", meta=PORTAL_META, declare: str | None = None,
                title_in_h1: bool = True) -> bytes:
    """A government portal's page of the report: menus, breadcrumbs, a metadata table, share links, a footer."""
    parts = blocks(text)
    # the headline is the page's <h1>, not a paragraph of the article, as portals lay it out
    heading = _heading([c[0] for k, c in parts[:2] if k == "p"]) if title_in_h1 else []
    title = "".join(heading) or next((c[0] for k, c in parts if k == "p"), "报告")
    body = []
    for kind, content in parts[len(heading):]:
        if kind == "p":
            body.append(f"<p style=\"text-indent:2em\">{html.escape(content[0])}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in content)
            body.append(f"<table class=\"MsoTableGrid\" border=\"1\"><tbody>{rows}</tbody></table>")
    cells = "".join(f"<tr><th>{k}：</th><td>{html.escape(v)}</td></tr>" for k, v in meta)
    menu = "".join(f"<li><a href=\"/{i}/\">{w}</a></li>" for i, w in enumerate(
        ("首页", "政务公开", "政务服务", "互动交流", "走进本县", "专题专栏")))
    related = "".join(f"<li><a href=\"/zwgk/{i}.html\">{w}</a></li>" for i, w in enumerate(
        ("关于开展2023年安全生产大检查的通知", "县政府召开第十二次常务会议", "2023年第二季度政务公开工作情况通报")))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset={declare or encoding}">
<title>{html.escape(title)}_计划总结_政务公开_某县人民政府</title>
<link rel="stylesheet" href="/css/style.css"></head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="某县人民政府"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div>
<ul class="nav">{menu}</ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/jhzj/">计划总结</a></div>
<div class="main">
<table class="xxgk-meta">{cells}</table>
<h1 class="article-title">{html.escape(title)}</h1>
<div class="info">来源：县发展和改革局　发布时间：2023-08-01 09:30　浏览次数：<span>1024</span></div>
<div class="article-content" id="zoom">
{chr(10).join(body)}
</div>
<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>
</div>
<div class="footer"><p>主办单位：某县人民政府办公室　承办单位：某县政务服务数据管理局</p>
<p>网站标识码：1301230001　冀ICP备12345678号　冀公网安备 13012302000123号</p>
<p>地址：某县人民路1号　联系电话：0311-12345678</p></div>
</body></html>"""
    return page.encode(encoding)


@lru_cache(maxsize=16)  # making a PDF with the CJK font takes a second; tests ask for the same one again
def pdf(text: str, running_header: str = "某县人民政府公报", font_size: float = 9.25) -> bytes:
    """A PDF of the report: a running header, page numbers "— N —", paragraphs wrapped by the page width.

    Paragraphs are indented two characters, as in official documents, so a sentence broken by the page end
    carries on at the top of the next page without an indent.
    """
    from fpdf import FPDF

    class Document(FPDF):
        def header(self):
            self.set_font("cjk", size=8)
            self.cell(0, 6, running_header, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    document = Document(format="A4")
    document.add_font("cjk", fname=str(FONT))
    document.set_auto_page_break(True, margin=20)
    document.add_page()
    document.set_font("cjk", size=font_size)
    height = font_size * 0.55
    for kind, content in blocks(text):
        if kind == "p":
            document.multi_cell(0, height, "\u3000\u3000" + content[0], wrapmode="CHAR",
                                new_x="LMARGIN", new_y="NEXT")
            document.ln(1.5)
        else:
            widths = _widths(content, document.epw)
            for row in content:
                for cell, width in zip(row, widths):
                    document.cell(width, height + 1, cell)
                document.ln(height + 1)
            document.ln(1.5)
    return bytes(document.output())


def _heading(first: list[str]) -> list[str]:
    """The title's lines at the top of a report (关于…报告, on one line or two), or none."""
    if not first or "关于" not in first[0]:
        return []
    return first[:1] if first[0].endswith("报告") or len(first) < 2 or not first[1].endswith("报告") else first[:2]


def scanned_pdf() -> bytes:
    """A PDF whose page is an image only, as a scanner makes it."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw
    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), fill=0)
    document = FPDF()
    document.add_page()
    document.image(image, x=10, y=10, w=190)
    return bytes(document.output())


def protected_pdf(text: str) -> bytes:
    """A PDF that opens only with a password."""
    from fpdf import FPDF
    document = FPDF()
    document.set_encryption(owner_password="owner-secret", user_password="reader-secret")
    document.add_font("cjk", fname=str(FONT))
    document.add_page()
    document.set_font("cjk", size=10)
    document.multi_cell(0, 6, text[:400], wrapmode="CHAR")
    return bytes(document.output())


def _widths(rows: list[list[str]], total: float) -> list[float]:
    longest = [max(len(row[i]) if i < len(row) else 0 for row in rows) + 1 for i in range(max(map(len, rows)))]
    return [total * n / sum(longest) for n in longest]


def docx(text: str) -> bytes:
    """A Word file of the report: one paragraph per line, tables as Word tables."""
    from docx import Document

    document = Document()
    for kind, content in blocks(text):
        if kind == "p":
            document.add_paragraph(content[0])
        else:
            table = document.add_table(rows=len(content), cols=max(map(len, content)))
            for row, cells in zip(table.rows, content):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
