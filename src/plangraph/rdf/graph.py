"""Turn a parsed report into triples: the report, its outline with text spans, indicators and figures."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, RDFS, SDO, SKOS, XSD

from ..read.indicators import IndicatorBullet, IndicatorFigure
from ..read.outline import Section
from ..read.periods import label as period_label
from ..read.report import Report
from .entities import add_entity_triples
from .header import add_report
from .iris import Minter
from .ontology import ontology_graph
from .original import add_original
from .quantities import add_quantities, decimal
from .vocab import OA, PG, PREFIXES, SDMX_DIMENSION

SECTION_CLASS = {"part": PG.Part, "block": PG.Block, "theme": PG.Theme, "subtopic": PG.SubTopic}


@lru_cache(maxsize=1)
def role_labels() -> dict[str, str]:
    """The Chinese label of each figure role (``TargetGrowth`` → 目标增速), read from the ontology: one source."""
    ontology = ontology_graph()
    return {str(role)[len(str(PG._NS)):]: str(label) for role in ontology.subjects(RDF.type, PG.FigureRole)
            for label in ontology.objects(role, RDFS.label) if label.language == "zh"}


def new_graph(identifier: URIRef | None = None) -> Graph:
    """Return an empty graph (named ``identifier`` when given) with plangraph's prefixes bound."""
    graph = Graph(identifier=identifier)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class ReportGraph:
    """Build the graph of one report; ``self.graph`` holds the result."""

    def __init__(self, report: Report, minter: Minter, graph: Graph | None = None):
        self.report, self.mint = report, minter
        meta = report.meta
        self.iri = minter.report(meta.district, meta.city, meta.period, meta.genre)
        self.graph = new_graph() if graph is None else graph
        self.half = meta.period.rpartition("-")[2] if "-" in meta.period else None

    def build(self) -> Graph:
        """Add every statement of the report and return the graph."""
        add_report(self)
        self._outline()
        for bullet in self.report.bullets:
            self._indicator(bullet)
        add_quantities(self)
        add_entity_triples(self)
        add_original(self)
        return self.graph

    def add(self, s, p, o) -> None:
        """Add one triple, skipping empty values."""
        if o is not None:
            self.graph.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))

    def zh(self, text: str) -> Literal:
        return Literal(text, lang="zh")

    def span(self, start: int, end: int) -> URIRef:
        """The text span [start, end) as an oa:SpecificResource with quote and position selectors."""
        iri = self.mint.span(self.iri, start, end)
        self._selectors(iri, start, end)
        return iri

    def _selectors(self, iri: URIRef, start: int, end: int) -> None:
        quote, position = URIRef(f"{iri}#quote"), URIRef(f"{iri}#position")
        self.add(iri, RDF.type, OA.SpecificResource)
        self.add(iri, OA.hasSource, self.iri)
        self.add(iri, OA.hasSelector, quote)
        self.add(iri, OA.hasSelector, position)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(self.report.text[start:end]))
        self.add(quote, OA.prefix, Literal(self.report.text[max(0, start - 16):start]))
        self.add(quote, OA.suffix, Literal(self.report.text[end:end + 16]))
        self.add(position, RDF.type, OA.TextPositionSelector)
        # xsd:integer, not nonNegativeInteger: triple stores keep derived integer types as xsd:integer
        self.add(position, OA.start, Literal(start, datatype=XSD.integer))
        self.add(position, OA.end, Literal(end, datatype=XSD.integer))

    def period(self, code: str) -> URIRef:
        iri = self.mint.period(code)
        self.add(iri, RDF.type, PG.Period)
        self.add(iri, SKOS.notation, Literal(code))
        self.add(iri, RDFS.label, self.zh(period_label(code)))
        return iri

    def section_iri(self, key: str | None) -> URIRef:
        return Minter.part(self.iri, "section", key) if key else self.iri

    def _outline(self) -> None:
        for section in self.report.outline.sections:
            self._section(section)
        for paragraph in self.report.outline.paragraphs:
            iri = Minter.part(self.iri, "paragraph", paragraph.number)
            self.add(iri, RDF.type, PG.Paragraph)
            self.add(iri, DCTERMS.isPartOf, self.section_iri(paragraph.section))
            self._selectors(iri, paragraph.start, paragraph.end)
            for sentence in paragraph.sentences:
                s_iri = self.sentence_iri(sentence.number)
                self.add(s_iri, RDF.type, PG.Sentence)
                self.add(s_iri, DCTERMS.isPartOf, iri)
                self._selectors(s_iri, sentence.start, sentence.end)

    def sentence_iri(self, number: int) -> URIRef:
        return Minter.part(self.iri, "sentence", number)

    def _section(self, section: Section) -> None:
        iri = self.section_iri(section.key)
        self.add(iri, RDF.type, SECTION_CLASS[section.kind])
        self.add(iri, RDFS.label, self.zh(section.title))
        self.add(iri, DCTERMS.isPartOf, self.section_iri(section.parent))
        self.add(iri, SDO.position, Literal(section.number))
        self._selectors(iri, section.start, section.end)

    def _indicator_iri(self, name: str) -> URIRef:
        indicator = self.mint.thing("indicator", name)
        self.add(indicator, RDF.type, PG.Indicator)
        self.add(indicator, SKOS.prefLabel, self.zh(name))
        self.add(indicator, RDFS.label, self.zh(name))
        self.add(indicator, SKOS.inScheme, self.mint.iri("id/indicator"))
        return indicator

    def _indicator(self, bullet: IndicatorBullet) -> None:
        indicator = self._indicator_iri(bullet.name)
        self.add(self.mint.iri("id/indicator"), RDF.type, SKOS.ConceptScheme)
        self.add(self.mint.iri("id/indicator"), RDFS.label, self.zh("主要指标"))
        dataset = URIRef(f"{self.iri}/figures")
        self.add(dataset, RDF.type, QB.DataSet)
        self.add(dataset, QB.structure, PG.figureStructure)
        self.add(dataset, RDFS.label, self.zh(f"{self.report.meta.label} · 主要指标"))
        figures = {}
        for figure in bullet.figures:
            own = self._indicator_iri(figure.indicator) if figure.indicator else indicator
            figures[figure] = self._figure(own, figure.indicator or bullet.name, dataset, figure)
        self._computed_shares(indicator, bullet, dataset, figures)
        if bullet.group:
            self._group(bullet, figures)
        for start, end, text in bullet.reasons:
            self._reason(indicator, bullet, start, end, text)

    def _group(self, bullet: IndicatorBullet, figures: dict) -> None:
        """Indicators the report names jointly (城镇和农村居民人均可支配收入分别增长…): a skos:Collection of them,
        which each of their figures names, so that the figure keeps the words the report stated it with."""
        group = self.mint.thing("indicator-group", bullet.group)
        self.add(group, RDF.type, PG.IndicatorGroup)
        self.add(group, RDF.type, SKOS.Collection)
        self.add(group, RDFS.label, self.zh(bullet.group))
        spread = [f for f in bullet.figures if f.role != "Rank"]
        for name in dict.fromkeys(f.indicator or bullet.name for f in spread):
            self.add(group, SKOS.member, self._indicator_iri(name))
        for item in spread:
            self.add(figures[item], PG.indicatorGroup, group)

    def _reason(self, indicator: URIRef, bullet: IndicatorBullet, start: int, end: int, text: str) -> None:
        """A stated reason for an indicator's result: a pg:Statement about the indicator."""
        iri = Minter.part(self.iri, "statement", f"{start}-{end}")
        sentence = next(s for s in bullet.paragraph.sentences if s.start <= start < s.end)
        self.add(iri, RDF.type, PG.Statement)
        self.add(iri, RDFS.label, self.zh(text))
        self.add(iri, PG.about, indicator)
        self.add(iri, PG.modality, PG.Achieved)
        self.add(iri, PG.sentence, self.sentence_iri(sentence.number))
        self.add(iri, PROV.wasDerivedFrom, self.span(start, end))

    def _figure(self, indicator: URIRef, name: str, dataset: URIRef, item: IndicatorFigure) -> URIRef:
        iri = Minter.part(self.iri, "figure", f"{item.start}-{item.end}")
        period = item.period or self.report.meta.period
        self._observation(iri, indicator, dataset, item.role, period)
        self.add(iri, PG.derivation, PG.Stated)
        self.add(iri, PG.sentence, self.sentence_iri(item.sentence.number))
        self.add(iri, PROV.wasDerivedFrom, self.span(item.start, item.end))
        self.add(iri, PG.estimated, Literal(True) if item.estimated else None)
        self.add(iri, PG.scope, self.zh(item.scope) if item.scope else None)
        if item.base_year:
            self.add(iri, PG.basePeriod, self.period(f"{item.base_year}-{self.half}" if self.half else item.base_year))
        if item.figure is None:
            self.add(iri, PG.statedText, self.zh(item.text))
            self.add(iri, RDFS.label, self.zh(f"{name} · {role_labels()[item.role]} · {item.text}"))
            return iri
        figure = item.figure
        self._value(iri, figure.value, figure.unit_label, figure.normalized)
        if item.low is not None:          # a range, 6.5%-7%: both ends kept
            self.add(iri, SDO.minValue, decimal(item.low))
            self.add(iri, SDO.maxValue, decimal(figure.value))
        self.add(iri, PG.rankedBy, self.zh(item.measure) if item.measure else None)
        if figure.qualifier:
            self.add(iri, PG.qualifier, PG[figure.qualifier])
        self.add(iri, RDFS.label, self.zh(f"{name} · {role_labels()[item.role]} · {figure.stated}"))
        return iri

    def _observation(self, iri: URIRef, indicator: URIRef, dataset: URIRef, role: str, period: str) -> None:
        self.add(iri, RDF.type, PG.Figure)
        self.add(iri, RDF.type, QB.Observation)
        self.add(iri, QB.dataSet, dataset)
        self.add(iri, PG.indicator, indicator)
        self.add(iri, PG.role, PG[role])
        self.add(iri, SDMX_DIMENSION.refPeriod, self.period(period))

    def _value(self, iri: URIRef, value: Decimal, unit_label: str | None, normalized: Decimal) -> None:
        self.add(iri, PG.value, decimal(value))
        self.add(iri, PG.normalizedValue, decimal(normalized))
        if unit_label:
            unit = self.mint.unit(unit_label)
            self.add(iri, PG.unit, unit)
            self.add(unit, RDF.type, PG.Unit)
            self.add(unit, SKOS.prefLabel, self.zh(unit_label))
            self.add(unit, RDFS.label, self.zh(unit_label))

    def _computed_shares(self, indicator, bullet: IndicatorBullet, dataset, figures: dict) -> None:
        """result ÷ target for each unit that has both, marked computed and linked to both figures."""
        by_role = {}
        for item in bullet.figures:
            if item.figure is not None and item.role in ("TargetLevel", "ResultLevel") and not item.indicator:
                by_role.setdefault((item.role, item.figure.unit_label), item)
        for (role, unit), result in by_role.items():
            target = by_role.get(("TargetLevel", unit))
            if role != "ResultLevel" or not target or not target.figure.value:
                continue
            share = (result.figure.value / target.figure.value * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            iri = Minter.part(self.iri, "figure", f"{result.start}-{result.end}/share-of-{target.start}-{target.end}")
            self._observation(iri, indicator, dataset, "ShareOfTarget", result.period or self.report.meta.period)
            self._value(iri, share, "%", share)
            self.add(iri, PG.derivation, PG.Computed)
            for source in (result, target):
                self.add(iri, PG.computedFrom, figures[source])
                self.add(iri, PROV.wasDerivedFrom, figures[source])
            self.add(iri, RDFS.label, self.zh(
                f"{bullet.name} · 目标完成进度(计算) · {result.figure.stated} ÷ {target.figure.stated} = {share}%"))


def report_graph(report: Report, minter: Minter | None = None, graph: Graph | None = None) -> Graph:
    """Return the graph of one parsed report (written into ``graph`` when given)."""
    return ReportGraph(report, minter or Minter(), graph).build()
