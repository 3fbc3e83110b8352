"""The words of the interface, in Chinese and English; the language comes from ?lang= or the lang cookie."""
from __future__ import annotations

from flask import request

LANGUAGES = ("zh", "en")
COOKIE = "lang"

# key → (中文, English)
WORDS = {
    "site": ("plangraph 规划执行报告知识图谱", "plangraph — plan-execution reports as linked data"),
    "home": ("首页", "Home"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索名称和原文,例如:长江", "Search names and text, e.g. 长江"),
    "sparql": ("SPARQL 查询", "SPARQL query"),
    "ontology": ("本体", "Ontology"),
    "exports": ("下载数据", "Download the data"),
    "reports": ("报告", "Reports"),
    "counts": ("数据概况", "What the dataset holds"),
    "class": ("类别", "Class"),
    "count": ("数量", "Count"),
    "entry_points": ("浏览", "Browse"),
    "types": ("类型", "Types"),
    "properties": ("属性", "Properties"),
    "incoming": ("被引用", "Links to this"),
    "sources": ("原文出处", "Where the report says it"),
    "read_in_report": ("在报告中阅读", "Read in the report"),
    "more": ("更多", "more"),
    "all_reports": ("全部报告", "All reports"),
    "previous": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "page": ("第 {n} 页", "page {n}"),
    "data": ("数据", "Data"),
    "not_found": ("未找到", "Not found"),
    "not_found_text": ("数据集中没有这个资源:", "The dataset holds nothing about"),
    "no_results": ("没有找到结果。", "Nothing found."),
    "results": ("{n} 条结果", "{n} results"),
    "value": ("数值", "Value"),
    "period": ("时期", "Period"),
    "role": ("角色", "Role"),
    "indicator": ("指标", "Indicator"),
    "derivation": ("来源", "Derivation"),
    "computed_from": ("计算依据", "Computed from"),
    "target_result": ("目标与完成", "Target against result"),
    "series": ("历期数据", "Across periods"),
    "figures": ("数字", "Figures"),
    "districts": ("各地区", "Districts"),
    "reports_count": ("份报告", " report(s)"),
    "contains": ("区域内", "What lies in it"),
    "projects": ("项目及进展", "Projects and what happened"),
    "events": ("进展", "What happened"),
    "outline": ("目录", "Outline"),
    "examples": ("示例查询", "Example queries"),
    "query_help": ("编辑查询后点击运行;常用前缀已预设。", "Edit a query and run it; the common prefixes are preset."),
    "run": ("运行", "Run"),
    "fragments": ("组成部分", "Parts"),
    "target": ("目标", "Target"),
    "result": ("完成", "Result"),
    "no_js": ("没有 JavaScript 时也可用下面的表单提交查询。", "Without JavaScript, send the query with this form."),
    "switch": ("English", "中文"),
    "list": ("列表", "List"),
    "sentence": ("第 {n} 句", "sentence {n}"),
    "no_sources": ("", ""),
    "plan": ("计划完成情况", "Plan fulfilment"),
    "plan_chart": ("目标与完成", "Target and results"),
    "part_year": ("年中完成", "Part-year result"),
    "full_year": ("全年完成", "Full-year result"),
    "outcome": ("完成结果", "Outcome"),
    "gap": ("差距", "Gap"),
    "points": ("个百分点", "points"),
    "year": ("年份", "Year"),
    "Met": ("完成", "met"),
    "Missed": ("未完成", "missed"),
    "NotYetKnown": ("尚不可知", "not yet known"),
    "targets_differ": ("同一年份的目标在不同报告中表述不一,分列两行", "The year's target is stated differently in two reports: one row each"),
    "compare_title": ("{year}年各地区计划完成情况", "{year} across places"),
    "compare_link": ("各地区同年比较", "Compare places in this year"),
    "at_a_glance": ("主要指标一览", "Main indicators at a glance"),
    "share_of_target": ("完成目标进度", "Share of target"),
    "year_elapsed": ("时间进度", "Share of year elapsed"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "original": ("原始文件", "Original document"),
    "original_text": ("本报告的文字读自此文件,原样保存:", "The report's text was read from this file, kept as received:"),
    "download": ("下载", "Download"),
    "source_url": ("来源网址", "Retrieved from"),
}


def language() -> str:
    """The interface language of this request: ?lang=, then the cookie, then Chinese."""
    for choice in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if choice in LANGUAGES:
            return choice
    return "zh"


def word(key: str, lang: str, **values) -> str:
    """The interface word ``key`` in ``lang``, with ``{name}`` slots filled."""
    zh, en = WORDS[key]
    return (en if lang == "en" else zh).format(**values)
