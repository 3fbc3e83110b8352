"""Tables for analysts: every figure of the dataset as one CSV row, described by W3C CSV on the Web metadata.

The metadata (``…csv-metadata.json``) says what each column means, in Chinese and English, with its datatype,
and links each row back to the graph: ``aboutUrl`` is the figure's IRI, and the columns that name a thing
carry ``propertyUrl`` and ``valueUrl``, so a CSVW processor (csv2rdf) turns the table back into the figures'
own triples. One column per fact of the figure; the IRI columns sit beside the readable ones.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import pyoxigraph

from ..rdf.graph import role_labels
from ..rdf.vocab import ONTOLOGY_IRI, PREFIXES
from ..read.numbers import SCALES
from .export import atomic_file
from .progress import Progress, silent
from .query import run_query

CSVW_CONTEXT = ["http://www.w3.org/ns/csvw", {"@language": "zh"}]
PG_TERM = ONTOLOGY_IRI + "#{%s}"
# The level of a place, by the end of its name; the longest ending wins. Example: 内蒙古自治区 → province.
LEVELS = {"自治区": "province", "省": "province", "特别行政区": "province", "自治州": "prefecture",
          "地区": "prefecture", "盟": "prefecture", "市": "city", "县": "county", "旗": "county", "区": "district"}
# The level the graph states (pg:level, from the division codes) wins over the name: 昆山市 is a county-level city.
GRAPH_LEVELS = {"ProvinceLevel": "province", "CityLevel": "city", "CountyLevelCity": "county-level city",
                "CountyLevel": "county", "DistrictLevel": "district"}


@dataclass(frozen=True)
class Column:
    """One column: its name, titles and description in Chinese and English, datatype, and link to the graph.

    ``about`` and ``value`` are CSVW URI templates (``{+report}``); ``prop`` is the property a CSVW processor
    states with the cell (``pg:value``), None for a column that only helps a person read the row.
    """

    name: str
    zh: str
    en: str
    datatype: str
    note_zh: str
    note_en: str
    prop: str | None = None
    value: str | None = None
    about: str | None = None
    separator: str | None = None  # a cell holding several values, such as IRIs separated by spaces


def figure_columns(base: str) -> tuple[Column, ...]:
    """The columns of the figure table, with the data's base IRI in the templates that build IRIs."""
    return (
        Column("figure", "数值IRI", "figure IRI", "anyURI", "该数值在知识图谱中的IRI,每行的主语。",
               "The figure's IRI in the knowledge graph: the subject of the row."),
        Column("report", "报告IRI", "report IRI", "anyURI", "陈述该数值的报告。", "The report that states the figure.",
               "qb:dataSet", "{+report}/figures"),
        Column("report_name", "报告", "report", "string", "报告名称。", "The report's name."),
        Column("district", "地区IRI", "place IRI", "anyURI", "报告所述的行政区(区、县、市或省)。",
               "The place the report is about: a district, county, city or province.",
               "pg:district", "{+district}", "{+report}"),
        Column("district_name", "地区", "place", "string", "行政区名称。", "The place's name.",
               "rdfs:label", None, "{+district}"),
        Column("level", "行政级别", "level", "string",
               "行政级别(按行政区划代码,无代码时按名称末字):district 区、county 县、county-level city 县级市、city 市、province 省。",
               "The place's level (from the division codes, else the end of its name): district, county, "
               "county-level city, city or province."),
        Column("period", "时期", "period", "string", "数值所属时期的SDMX代码:2021 全年,2021-S1 上半年,2021-Q1Q3 前三季度。",
               "The SDMX code of the figure's period: 2021 the year, 2021-S1 the first half, 2021-Q1Q3 three quarters.",
               "sdmx-dimension:refPeriod", base + "id/period/{period}"),
        Column("indicator", "指标IRI", "indicator IRI", "anyURI", "数值所属指标。", "The indicator the figure is about.",
               "pg:indicator", "{+indicator}"),
        Column("indicator_name", "指标", "indicator", "string", "指标名称,如报告所写。",
               "The indicator's name as the report writes it.", "skos:prefLabel", None, "{+indicator}"),
        Column("role", "数值角色", "role", "string", "数值角色代码:TargetGrowth 目标增速、ResultLevel 完成值等(见本体)。",
               "The figure's role: TargetGrowth, ResultLevel, YearOnYearGrowth … (see the ontology).",
               "pg:role", PG_TERM % "role"),
        Column("role_name", "角色", "role name", "string", "数值角色的中文名称。", "The role's Chinese name."),
        Column("stated", "原文", "as stated", "string", "报告中该数值的原文,如 779.43亿元。",
               "The figure as the report writes it: 779.43亿元."),
        Column("value", "数值", "value", "decimal", "所述数值,按原文单位和量级;下降为负数;文字目标为空。",
               "The value as stated, in the stated unit and scale; a fall is negative; empty for a target in words.",
               "pg:value"),
        Column("unit", "单位", "unit", "string", "原文单位,含量级词:亿元、%、项。",
               "The unit as stated, scale word included: 亿元, %, 项."),
        Column("normalized_value", "标准化数值", "normalised value", "decimal",
               "按基本单位换算后的数值(779.43亿元 → 77943000000);百分数仍以百分比计。",
               "The value in the base unit (779.43亿元 → 77943000000); percentages stay in percent.",
               "pg:normalizedValue"),
        Column("base_unit", "基本单位", "base unit", "string", "去掉量级词后的单位:亿元 → 元。",
               "The unit without its scale word: 亿元 → 元."),
        Column("qualifier", "限定词", "qualifier", "string", "原文数值的限定:AtLeast 以上、MoreThan 余/超、About 约/左右、Within 以内。",
               "How the stated value bounds the true one: AtLeast, MoreThan, About, Within.",
               "pg:qualifier", PG_TERM % "qualifier"),
        Column("derivation", "来源方式", "derivation", "string", "Stated 原文所述,Computed 由原文数值计算所得。",
               "Stated in the report, or Computed by plangraph from stated figures.",
               "pg:derivation", PG_TERM % "derivation"),
        Column("sentence", "句子IRI", "sentence IRI", "anyURI", "数值所在的句子。", "The sentence the figure was read from.",
               "pg:sentence", "{+sentence}"),
        Column("sentence_text", "句子", "sentence", "string", "数值所在句子的原文。", "The sentence's text."),
        Column("start", "起始位置", "start", "integer", "原文位置:报告文本中的起始字符(Unicode码位,从0计)。",
               "Where the figure starts in the report's text, in Unicode code points from 0."),
        Column("end", "结束位置", "end", "integer", "原文位置:结束字符(不含)。",
               "Where the figure ends in the report's text (exclusive)."),
    )


REPORTS = "SELECT ?report WHERE {{ GRAPH ?report {{ ?report a pg:Report {only} }} }} ORDER BY ?report"
# Only the reports of a district, or that state an indicator: a page's table need not read the whole corpus.
OF_DISTRICT, STATING = "; pg:district {} .", "FILTER EXISTS {{ ?figure pg:indicator {} }}"
# One report's figures. Its IRI is written into GRAPH, not bound by VALUES: Oxigraph does not carry a VALUES
# binding into a GRAPH pattern, so each report's query read every report's graph (the whole table quadratic
# in the corpus: 27 ms a report at ten reports, 319 ms at a hundred; now 4 and 6 ms).
FIGURES = """SELECT ?figure ?report ?district ?level ?code ?indicator ?role ?exact ?text ?value ?unit ?normalized
       ?qualifier ?derivation ?sentence ?sentenceText ?start ?end WHERE {
  GRAPH %(report)s {
    %(report)s a pg:Report ; pg:district ?district . OPTIONAL { ?district pg:level ?level }
    ?figure a pg:Figure ; pg:indicator ?indicator ; pg:role ?role ; sdmx-dimension:refPeriod ?period ;
            pg:derivation ?derivation .
    OPTIONAL { ?figure pg:value ?value } OPTIONAL { ?figure pg:normalizedValue ?normalized }
    OPTIONAL { ?figure pg:unit ?unit } OPTIONAL { ?figure pg:qualifier ?qualifier }
    OPTIONAL { ?figure pg:statedText ?text }
    OPTIONAL { ?figure prov:wasDerivedFrom ?span . ?span oa:hasSelector ?quote, ?position .
               ?quote oa:exact ?exact . ?position oa:start ?start ; oa:end ?end }
    OPTIONAL { ?figure pg:sentence ?sentence . ?sentence oa:hasSelector ?sq . ?sq oa:exact ?sentenceText }
  }
  ?period skos:notation ?code .
  BIND (%(report)s AS ?report)
}"""
NAMES = """SELECT ?s ?name WHERE { VALUES ?c { pg:Report pg:District pg:Indicator pg:Unit }
  ?s a ?c ; rdfs:label ?name . FILTER (lang(?name) = "zh") }"""


def level(name: str) -> str:
    """The administrative level of a place by the end of its name (武昌区 → district, 正定县 → county)."""
    endings = sorted((e for e in LEVELS if name.endswith(e)), key=len, reverse=True)
    return LEVELS[endings[0]] if endings else ""


def base_unit(unit: str) -> str:
    """The unit without its scale word: 亿元 → 元, 万人 → 人, % → %."""
    scale = next((s for s in sorted(SCALES, key=len, reverse=True) if unit.startswith(s) and unit != s), "")
    return unit[len(scale):]


def figure_rows(store, progress: Progress = silent, district: str | None = None,
                indicator: str | None = None) -> list[dict]:
    """One dict per figure of the store, keyed by column name, sorted by report, position and IRI; with
    ``district`` or ``indicator`` (IRIs), those of the reports of that district, or those of that indicator.

    Read report by report (``progress(done, total)`` hears of each), which a store answers as fast as one
    query over all of them."""
    try:
        only = (OF_DISTRICT.format(pyoxigraph.NamedNode(district)) if district else "") + \
            (STATING.format(pyoxigraph.NamedNode(indicator)) if indicator else "")
        # the indicator bound in each report's query, not filtered after: a report states some forty figures
        bound = {pyoxigraph.Variable("indicator"): pyoxigraph.NamedNode(indicator)} if indicator else {}
    except ValueError:  # no IRI: no report has it
        return []
    names = {r["s"].value: r["name"].value for r in run_query(store, NAMES)}
    reports = [r["report"].value for r in run_query(store, REPORTS.format(only=only))]
    rows = []
    for done, report in enumerate(reports, 1):
        found = {}
        for r in run_query(store, FIGURES % {"report": f"<{report}>"}, substitutions=bound):
            found.setdefault(r["figure"].value, _row(r, names))  # a figure with two sentences keeps one row
        rows.extend(sorted(found.values(), key=lambda r: (r["start"] if r["start"] != "" else 10**9, r["figure"])))
        progress(done, len(reports))
    return rows


def _row(r, names: dict) -> dict:
    text = lambda key: r[key].value if r[key] is not None else ""  # noqa: E731
    local = lambda key: text(key).rpartition("#")[2]  # noqa: E731
    district, unit = names.get(text("district"), ""), names.get(text("unit"), "")
    return {
        "figure": text("figure"), "report": text("report"), "report_name": names.get(text("report"), ""),
        "district": text("district"), "district_name": district,
        "level": GRAPH_LEVELS.get(local("level")) or level(district),
        "period": text("code"), "indicator": text("indicator"), "indicator_name": names.get(text("indicator"), ""),
        "role": local("role"), "role_name": role_labels().get(local("role"), ""),
        "stated": text("exact") or text("text"), "value": text("value"), "unit": unit,
        "normalized_value": text("normalized"), "base_unit": base_unit(unit) if unit else "",
        "qualifier": local("qualifier"), "derivation": local("derivation"), "sentence": text("sentence"),
        "sentence_text": text("sentenceText"),
        "start": int(text("start")) if text("start") else "", "end": int(text("end")) if text("end") else "",
    }


def write_csv(rows: Iterable[dict], columns: tuple[Column, ...], output: TextIO) -> None:
    """Write the rows as CSV (RFC 4180, UTF-8 text, a header of column names) to ``output``."""
    writer = csv.DictWriter(output, [c.name for c in columns], extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)


def metadata(url: str, columns: tuple[Column, ...], title: tuple[str, str], key: str = "figure") -> dict:
    """The CSVW metadata of a table at ``url`` (relative to the metadata file): columns, datatypes, links."""
    return {
        "@context": CSVW_CONTEXT,
        "url": url,
        "dc:title": [{"@value": title[0], "@language": "zh"}, {"@value": title[1], "@language": "en"}],
        "dc:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
        "dialect": {"encoding": "utf-8", "header": True, "delimiter": ",", "lineTerminators": ["\r\n", "\n"]},
        "tableSchema": {
            "aboutUrl": "{+%s}" % key,
            "primaryKey": key,
            "columns": [_column(c) for c in columns],
        },
    }


def expand(curie: str) -> str:
    """The IRI of a CURIE of plangraph's prefixes (``pg:value``)."""
    prefix, _, local = curie.partition(":")
    return str(PREFIXES[prefix]) + local


def _column(column: Column) -> dict:
    described = {
        "name": column.name,
        "titles": {"zh": column.zh, "en": column.en},
        "dc:description": [{"@value": column.note_zh, "@language": "zh"},
                           {"@value": column.note_en, "@language": "en"}],
        "datatype": column.datatype,
        "null": "",
    }
    if column.separator:
        described["separator"] = column.separator
    if column.prop is None:
        described["suppressOutput"] = True
        return described
    described["propertyUrl"] = expand(column.prop)  # CSVW knows only the RDFa prefixes: write the IRI
    if column.value:
        described["valueUrl"] = column.value
    if column.about:
        described["aboutUrl"] = column.about
    if column.datatype == "string" and column.value is None:
        described["lang"] = "zh"
    return described


def rows_csv(rows: Iterator[dict], columns) -> Iterator[str]:
    """Yield the CSV text of the rows a few at a time, header first (for a streamed download)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, [c.name for c in columns], extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_table(rows: Iterable[dict], columns: tuple[Column, ...], path: str | Path, title: tuple[str, str],
                key: str = "figure") -> Path:
    """Write the rows to ``path`` and their CSVW metadata beside it (``path`` + ``-metadata.json``), atomically.

    The metadata names the CSV by its file name, so the two files travel together; this is the name a CSVW
    processor looks for first when given the CSV alone.
    """
    path = Path(path)
    described = path.with_name(path.name + "-metadata.json")
    with atomic_file(path) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        write_csv(rows, columns, text)
        text.flush()
        text.detach()  # the file is atomic_file's to close (and rename)
    with atomic_file(described) as handle:
        handle.write(json.dumps(metadata(path.name, columns, title, key), ensure_ascii=False, indent=1).encode("utf-8"))
    return described
