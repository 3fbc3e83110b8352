"""Every shape: a small valid case that conforms and its invalid twin that fails with the shape's message.

Each case adds a few resources to the smallest valid report (tests/store/shapes/context.ttl); its invalid twin
replaces one piece of Turtle. The report must name the offending resource and say what was expected.
"""
from pathlib import Path

import pytest
from rdflib import Graph

from plangraph.cli import main
from plangraph.store.validation import validate

CONTEXT = (Path(__file__).parent / "shapes" / "context.ttl").read_text(encoding="utf-8")
PREFIXES = "".join(line + "\n" for line in CONTEXT.splitlines() if line.startswith("@prefix"))

PRESENTATION = """
<https://example.org/id/report/r> pg:presentation rp:presentation .
rp:presentation a pg:Presentation ; schema:startDate "2021-08-27"^^xsd:date ; pg:presenter ex:li ;
    pg:office "区发改局局长"@zh ; pg:meeting ex:meeting .
ex:li a schema:Person ; rdfs:label "李武军"@zh ; schema:jobTitle "区发改局局长"@zh .
ex:meeting a pg:Meeting ; rdfs:label "武昌区第十五届人大常委会第三十八次会议"@zh .
"""
SECTION = """
rp:part a pg:Part ; rdfs:label "一、上半年计划执行情况"@zh ; dcterms:isPartOf <https://example.org/id/report/r> ;
    schema:position 1 ; oa:hasSource <https://example.org/id/report/r> ; oa:hasSelector rp:all-q, rp:all-p .
"""
RESULT = """
rp:figure-result a pg:Figure, qb:Observation ; qb:dataSet ex:figures ; rdfs:label "地区生产总值 · 完成值 · 779.43亿元"@zh ;
    pg:indicator ex:gdp ; pg:role pg:ResultLevel ; sdmx-dimension:refPeriod ex:p ;
    pg:value 779.43 ; pg:normalizedValue 77943000000.0 ; pg:unit ex:yi ;
    pg:derivation pg:Stated ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span .
"""
SHARES = RESULT + """
rp:figure-target a pg:Figure ; qb:dataSet ex:figures ; rdfs:label "地区生产总值 · 目标值 · 1000亿元"@zh ;
    pg:indicator ex:gdp ; pg:role pg:TargetLevel ; sdmx-dimension:refPeriod ex:py ;
    pg:value "1000"^^xsd:decimal ; pg:normalizedValue 100000000000.0 ; pg:unit ex:yi ;
    pg:derivation pg:Stated ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span-target .
rp:figure-computed a pg:Figure ; qb:dataSet ex:figures ; rdfs:label "地区生产总值 · 目标完成进度(计算)"@zh ;
    pg:indicator ex:gdp ; pg:role pg:ShareOfTarget ; sdmx-dimension:refPeriod ex:p ;
    pg:value 77.94 ; pg:normalizedValue 77.94 ; pg:unit ex:pct ; pg:derivation pg:Computed ;
    pg:computedFrom rp:figure-result, rp:figure-target ; prov:wasDerivedFrom rp:figure-result, rp:figure-target .
rp:figure-share a pg:Figure ; qb:dataSet ex:figures ; rdfs:label "地区生产总值 · 目标完成进度"@zh ;
    pg:indicator ex:gdp ; pg:role pg:ShareOfTarget ; sdmx-dimension:refPeriod ex:p ;
    pg:value 77.94 ; pg:normalizedValue 77.94 ; pg:unit ex:pct ;
    pg:derivation pg:Stated ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span-share .
"""
GROWTH = """
rp:figure-growth a pg:Figure ; qb:dataSet ex:figures ; rdfs:label "地区生产总值 · 同比增长 · 22.3%"@zh ;
    pg:indicator ex:gdp ; pg:role pg:YearOnYearGrowth ; sdmx-dimension:refPeriod ex:p ;
    pg:value 22.3 ; pg:normalizedValue 22.3 ; pg:unit ex:pct ;
    pg:derivation pg:Stated ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span-growth .
"""
RANK_FIGURE = """
rp:figure-rank a pg:Figure ; qb:dataSet ex:figures ; rdfs:label "地区生产总值 · 排名 · 第1"@zh ;
    pg:indicator ex:gdp ; pg:role pg:Rank ; sdmx-dimension:refPeriod ex:p ; pg:scope "中心城区"@zh ;
    pg:value 1.0 ; pg:normalizedValue 1.0 ; pg:unit ex:yi ;
    pg:derivation pg:Stated ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span-rank .
"""
PLACES = """
ex:bj a pg:FunctionalArea ; rdfs:label "滨江商务区"@zh ; pg:alias "滨江"@zh ; pg:mention rp:span ;
    schema:containedInPlace ex:d .
ex:project a pg:Project ; rdfs:label "武汉长江中心"@zh ; schema:location ex:bj ; pg:mention rp:span .
"""
DOCUMENT = """
ex:doc a pg:PolicyDocument ; rdfs:label "关于加快发展的实施意见"@zh ; dcterms:title "关于加快发展的实施意见"@zh ;
    pg:documentNumber "武昌发〔2021〕5号" .
"""
THEMES = """
ex:five a pg:ThemeConcept ; rdfs:label "五个中心"@zh .
ex:finance a pg:ThemeConcept ; rdfs:label "金融之城"@zh ; skos:broader ex:five .
"""
EVENT = PLACES + """
rp:event a pg:StatusEvent ; pg:about ex:project ; pg:status pg:SpedUp ; pg:modality pg:Achieved ;
    sdmx-dimension:refPeriod ex:p ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span .
"""
QUANTITY = """
rp:quantity a pg:Quantity ; rdfs:label "低保金 2461.96万元"@zh ; pg:measures "低保金"@zh ;
    pg:value 2461.96 ; pg:normalizedValue 24619600.0 ; pg:unit ex:yi ; pg:qualifier pg:AtLeast ;
    pg:modality pg:Achieved ; sdmx-dimension:refPeriod ex:p ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span .
"""
RANKING = """
rp:ranking a pg:Ranking ; rdfs:label "城市综合管理成绩排名中心城区第2"@zh ; pg:measures "城市综合管理成绩"@zh ;
    pg:rank "2"^^xsd:integer ; pg:scope "中心城区"@zh ;
    pg:modality pg:Achieved ; pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span .
"""
PROBLEM = """
rp:problem a pg:Problem ; rdfs:label "经济恢复基础尚不牢固"@zh ; pg:modality pg:Achieved ; schema:position 1 ;
    pg:sentence rp:sentence ; prov:wasDerivedFrom rp:span .
"""
HEADER = """
<https://example.org/id/report/r> pg:genre pg:HalfYearReport ; pg:titleInferred true ; pg:notice ex:notice ;
    pg:plannedPeriod ex:py .
ex:d pg:level pg:DistrictLevel ; pg:divisionCode "420106" ; skos:altLabel "武汉市武昌区"@zh .
ex:notice a pg:Notice ; rdfs:label "关于印发《武昌区2021年国民经济和社会发展计划》的通知"@zh ;
    dcterms:title "关于印发《武昌区2021年国民经济和社会发展计划》的通知"@zh ; pg:documentNumber "武昌政发〔2021〕3号" ;
    dcterms:issued "2021-01-26"^^xsd:date .
"""
DATASET = """
ex:dataset a void:Dataset, dcat:Dataset ; dcterms:title "plangraph 数据集"@zh ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ; void:triples 40 ;
    void:sparqlEndpoint <https://example.org/sparql> ; dcat:distribution ex:dump .
ex:dump a dcat:Distribution ; dcat:downloadURL <https://example.org/plangraph.trig> ; dcat:accessService ex:service .
ex:service a dcat:DataService ; dcat:endpointURL <https://example.org/sparql> .
"""

# (shape, case, extra valid Turtle, Turtle to replace, its invalid replacement, message fragment, named resource)
CASES = [
    ("ReportShape", "no district", "", "pg:district ex:d ;", "", "exactly one district", "report/r"),
    ("ReportShape", "year as text", "", '"2021"^^xsd:gYear', '"2021"', "one year (xsd:gYear)", "report/r"),
    ("LabelZh", "label only in English", "", '"测试报告"@zh', '"test report"@en', "Chinese label", "report/r"),
    ("LabelledShape", "district without label", "", 'ex:d a pg:District ; rdfs:label "武昌区"@zh .',
     "ex:d a pg:District .", "Chinese label", "id/d"),
    ("PresentationShape", "date as text", PRESENTATION, '"2021-08-27"^^xsd:date', '"2021年8月27日"', "xsd:date",
     "presentation"),
    ("PresentationShape", "presenter not a person", PRESENTATION, "pg:presenter ex:li", "pg:presenter ex:meeting",
     "schema:Person", "presentation"),
    ("PersonShape", "person without label", PRESENTATION, 'rdfs:label "李武军"@zh ;', "", "Chinese label", "id/li"),
    ("PeriodShape", "not an SDMX code", "", '"2021-S1"', '"2021H1"', "SDMX code", "id/p"),
    ("SpanPositionShape", "no position selector", "", "oa:hasSelector rp:span-q, rp:span-p .",
     "oa:hasSelector rp:span-q .", "TextPositionSelector, it has 0", "r/span"),
    ("SpanPositionShape", "two position selectors", "", "oa:hasSelector rp:span-q, rp:span-p .",
     "oa:hasSelector rp:span-q, rp:span-p, rp:span-growth-p .", "TextPositionSelector, it has 2", "r/span"),
    ("SpanQuoteShape", "no quote selector", "", "oa:hasSelector rp:span-q, rp:span-p .",
     "oa:hasSelector rp:span-p .", "TextQuoteSelector, it has 0", "r/span"),
    ("ReportSpansShape", "span shifted by one", "",
     'oa:start "11"^^xsd:integer ; oa:end "19"', 'oa:start "12"^^xsd:integer ; oa:end "20"',
     "not what the stored report holds", "r/span"),
    ("PositionShape", "start after end", "",
     'oa:start "11"^^xsd:integer ; oa:end "19"', 'oa:start "19"^^xsd:integer ; oa:end "11"',
     "less than its end", "span-p"),
    ("QuoteShape", "empty quote", "", 'oa:exact "779.43亿元"', 'oa:exact ""', "exact text", "span-q"),
    ("SectionShape", "part of nothing", SECTION, "dcterms:isPartOf <https://example.org/id/report/r> ;\n    schema",
     "schema", "part of one parent", "r/part"),
    ("ParagraphShape", "paragraph of nothing", "", "pg:Paragraph ; dcterms:isPartOf <https://example.org/id/report/r> ;",
     "pg:Paragraph ;", "part of one parent", "r/paragraph"),
    ("SentenceShape", "sentence in the report", "", "dcterms:isPartOf rp:paragraph", "dcterms:isPartOf ex:d",
     "part of a paragraph", "r/sentence"),
    ("IndicatorShape", "nature not a nature", "ex:gdp pg:nature pg:Anticipatory .", "pg:Anticipatory", "pg:Stated",
     "pg:Anticipatory or pg:Binding", "id/gdp"),
    ("UnitShape", "negative scale", "ex:yi pg:scale 100000000.0 .", "100000000.0", "-1.0", "positive", "id/yi"),
    ("FigureShape", "value as text", RESULT, "pg:value 779.43", 'pg:value "779.43"', "xsd:decimal", "figure-result"),
    ("StatedValueShape", "a value the span does not hold", RESULT, "pg:value 779.43", "pg:value 779.45",
     "does not contain", "figure-result"),
    ("FigureShape", "no period", RESULT, "sdmx-dimension:refPeriod ex:p ;", "", "one period", "figure-result"),
    ("FigureShape", "no source", RESULT, "; prov:wasDerivedFrom rp:span", "", "has a source", "figure-result"),
    ("FigureShape", "value and words", RESULT, "pg:value 779.43 ;", 'pg:value 779.43 ; pg:statedText "高于"@zh ;',
     "either a value", "figure-result"),
    ("FigureShape", "unknown qualifier", RESULT, "pg:unit ex:yi ;", "pg:unit ex:yi ; pg:qualifier pg:Stated ;",
     "pg:AtLeast", "figure-result"),
    ("ObservationShape", "no data set", RESULT, "qb:dataSet ex:figures ;", "", "one data set", "figure-result"),
    ("DataSetShape", "no structure", "", "qb:structure pg:figureStructure", "qb:structure ex:d", "exactly one structure",
     "id/figures"),
    ("NumericFigureShape", "no unit", RESULT, "pg:unit ex:yi ;", "", "has a unit", "figure-result"),
    ("StatedFigureShape", "no sentence", RESULT, "pg:sentence rp:sentence ;", "", "points at its sentence",
     "figure-result"),
    ("ComputedFigureShape", "computed from one figure", SHARES, "pg:computedFrom rp:figure-result, rp:figure-target",
     "pg:computedFrom rp:figure-result", "computed from", "figure-computed"),
    ("ShareAgreesShape", "stated share disagrees", SHARES,
     "pg:value 77.94 ; pg:normalizedValue 77.94 ; pg:unit ex:pct ;\n    pg:derivation pg:Stated",
     "pg:value 70.1 ; pg:normalizedValue 70.1 ; pg:unit ex:pct ;\n    pg:derivation pg:Stated",
     "agrees with no result", "figure-share"),
    ("ShareAgreesShape", "stated share rounded to whole percent", SHARES,
     "pg:value 77.94 ; pg:normalizedValue 77.94 ; pg:unit ex:pct ;\n    pg:derivation pg:Stated",
     "pg:value 77.0 ; pg:normalizedValue 77.0 ; pg:unit ex:pct ;\n    pg:derivation pg:Stated",
     "agrees with no result", "figure-share"),
    ("ShareRangeShape", "negative share", SHARES, "pg:value 77.94 ; pg:normalizedValue 77.94 ; pg:unit ex:pct ; "
     "pg:derivation pg:Computed", "pg:value -7.0 ; pg:normalizedValue -7.0 ; pg:unit ex:pct ; pg:derivation pg:Computed",
     "cannot be negative", "figure-computed"),
    ("PercentShape", "normalised as a fraction", GROWTH, "pg:normalizedValue 22.3", "pg:normalizedValue 0.223",
     "kept in percent", "figure-growth"),
    ("PercentShape", "stated share as a fraction", SHARES,
     "pg:value 77.94 ; pg:normalizedValue 77.94 ; pg:unit ex:pct ;\n    pg:derivation pg:Stated",
     "pg:value 0.7794 ; pg:normalizedValue 0.7794 ; pg:unit ex:pct ;\n    pg:derivation pg:Stated",
     "looks like a fraction", "figure-share"),
    ("GrowthRangeShape", "fall beyond 100 %", GROWTH, "pg:value 22.3 ; pg:normalizedValue 22.3",
     "pg:value -120.0 ; pg:normalizedValue -120.0", "-100", "figure-growth"),
    ("RankRangeShape", "rank without scope", RANK_FIGURE, 'pg:scope "中心城区"@zh ;', "", "areas it is among",
     "figure-rank"),
    ("EntityShape", "alias without language", PLACES, 'pg:alias "滨江"@zh', 'pg:alias "滨江"', "alias", "id/bj"),
    ("PlaceShape", "contained in a non-place", PLACES, "schema:containedInPlace ex:d", "schema:containedInPlace ex:gdp",
     "names a place", "id/bj"),
    ("ProjectShape", "located at a non-place", PLACES, "schema:location ex:bj", "schema:location ex:gdp",
     "is a place", "id/project"),
    ("PolicyDocumentShape", "malformed number", DOCUMENT, '"武昌发〔2021〕5号"', '"第五号"', "document number", "id/doc"),
    ("PolicyDocumentShape", "no title", DOCUMENT, 'dcterms:title "关于加快发展的实施意见"@zh ;', "", "one title",
     "id/doc"),
    ("ThemeConceptShape", "broader is not a theme", THEMES, "skos:broader ex:five", "skos:broader ex:gdp",
     "broader theme", "id/finance"),
    ("StatusEventShape", "status not a status", EVENT, "pg:status pg:SpedUp", "pg:status pg:Stated", "one status",
     "r/event"),
    ("StatusEventShape", "no modality", EVENT, "pg:modality pg:Achieved ;\n    sdmx", "sdmx",
     "achieved or is planned", "r/event"),
    ("QuantityShape", "value as text", QUANTITY, "pg:value 2461.96", 'pg:value "2461.96"', "xsd:decimal value",
     "r/quantity"),
    ("QuantityShape", "no sentence", QUANTITY, "pg:sentence rp:sentence ;", "", "sentence it was read from",
     "r/quantity"),
    ("MeasuredQuantityShape", "no unit", QUANTITY, "pg:unit ex:yi ;", "", "has a unit", "r/quantity"),
    ("RankingShape", "rank 0", RANKING, '"2"^^xsd:integer', "0", "rank from 1", "r/ranking"),
    ("RankingShape", "rank as text", RANKING, '"2"^^xsd:integer', '"2"', "rank from 1", "r/ranking"),
    ("RankingShape", "no scope", RANKING, 'pg:scope "中心城区"@zh ;', "", "areas it is among", "r/ranking"),
    ("StatementShape", "modality not a modality", PROBLEM, "pg:modality pg:Achieved", "pg:modality pg:SpedUp",
     "pg:Achieved, pg:Planned", "r/problem"),
    ("StatementShape", "sentence not a sentence", PROBLEM, "pg:sentence rp:sentence", "pg:sentence rp:span",
     "are pg:Sentence", "r/problem"),
    ("PersonShape", "works for a text", PRESENTATION, 'schema:jobTitle "区发改局局长"@zh .',
     'schema:jobTitle "区发改局局长"@zh ; schema:worksFor "区发改局" .', "worksFor", "id/li"),
    ("ProblemShape", "no number", PROBLEM, "schema:position 1 ;", "", "number from 1", "r/problem"),
    ("ProblemShape", "a planned problem", PROBLEM, "pg:modality pg:Achieved", "pg:modality pg:Planned",
     "reviewed period", "r/problem"),
    ("ReportShape", "genre not a genre", HEADER, "pg:genre pg:HalfYearReport", "pg:genre pg:Stated", "genre",
     "report/r"),
    ("ReportShape", "title inferred as text", HEADER, "pg:titleInferred true", 'pg:titleInferred "是"',
     "xsd:boolean", "report/r"),
    ("ReportShape", "planned period not a period", HEADER, "pg:plannedPeriod ex:py", "pg:plannedPeriod ex:d",
     "planned period", "report/r"),
    ("DistrictShape", "level not a level", HEADER, "pg:level pg:DistrictLevel", "pg:level pg:Stated", "level",
     "id/d"),
    ("DistrictShape", "code not six digits", HEADER, '"420106"', '"4201"', "six-digit", "id/d"),
    ("NoticeShape", "date as text", HEADER, '"2021-01-26"^^xsd:date', '"2021年1月26日"', "xsd:date", "id/notice"),
    ("StatementShape", "no span", PROBLEM, "; prov:wasDerivedFrom rp:span", "", "span of the text", "r/problem"),
    ("DatasetDescriptionShape", "negative triples", DATASET, "void:triples 40", "void:triples -1", "number of triples",
     "id/dataset"),
    ("DatasetDescriptionShape", "no licence", DATASET,
     "dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;", "", "licence", "id/dataset"),
    ("DistributionShape", "no download URL", DATASET, "dcat:downloadURL <https://example.org/plangraph.trig> ;", "",
     "download URL", "id/dump"),
    ("DataServiceShape", "no endpoint URL", DATASET, "dcat:endpointURL <https://example.org/sparql>",
     "dcterms:title \"SPARQL\"@en", "endpoint URL", "id/service"),
]

# Every entity class stripped of its label fails, naming the entity.
ENTITY_CLASSES = ["pg:FunctionalArea", "pg:Street", "pg:Community", "pg:WaterBody", "pg:Plot", "pg:Project",
                  "pg:GovernmentBody", "pg:Enterprise", "pg:School", "pg:Hospital", "pg:PolicyDocument",
                  "pg:ThemeConcept", "schema:Person", "skos:Concept"]
CASES += [("EntityShape", f"{cls} without label", f'ex:thing a {cls} ; rdfs:label "某某"@zh ; '
           'dcterms:title "某某"@zh .', 'rdfs:label "某某"@zh ;', "", "Chinese label", "id/thing")
          for cls in ENTITY_CLASSES]


def _graph(extra: str) -> Graph:
    return Graph().parse(data=CONTEXT + "\n" + PREFIXES + extra, format="turtle")


def _id(case) -> str:
    return f"{case[0]}: {case[1]}"


# Each distinct valid graph once: many cases share one.
VALID = {extra: f"{shape}: {name}" for shape, name, extra, *_ in reversed(CASES)}


@pytest.mark.parametrize("extra", list(VALID), ids=list(VALID.values()))
def test_the_valid_case_conforms(extra):
    outcome = validate(_graph(extra))
    assert outcome.conforms, outcome.text()


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_invalid_case_fails_with_its_message(case):
    shape, _, extra, old, new, message, named = case
    text = CONTEXT + "\n" + extra
    assert old in text, f"the case's Turtle to replace is not in it: {old!r}"
    text = text.replace(old, new, 1)
    outcome = validate(Graph().parse(data=PREFIXES + text, format="turtle"))
    assert not outcome.conforms
    matching = [v for v in outcome.violations if message in v.message]
    assert matching, outcome.text()
    assert any(named in v.focus or named in (v.value or "") for v in matching), outcome.text()


def test_plangraph_validate_prints_a_report_a_person_can_act_on(tmp_path):
    from click.testing import CliRunner
    broken = tmp_path / "broken.ttl"
    broken.write_text(PREFIXES + (CONTEXT + RESULT).replace("pg:value 779.43", 'pg:value "779.43"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1
    for line in ("<https://example.org/id/report/r/figure-result> (地区生产总值 · 完成值 · 779.43亿元)",
                 "property: pg:value", "expected: a literal of datatype xsd:decimal", "found:    779.43",
                 "message:  A figure's value (pg:value) is one xsd:decimal number, not text"):
        assert line in result.output, result.output
