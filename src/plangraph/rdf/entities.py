"""Triples of a report's entities, relations and statements, added to its ReportGraph."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS

from ..read.entities import IRI_KIND, Entity, key
from ..read.periods import next_period
from ..read.relations import Named, StatusEvent
from ..read.statements import Statement, ThemeConcept
from .iris import Minter
from .vocab import PG, SDMX_DIMENSION

PLACES = {"FunctionalArea", "Street", "Community", "WaterBody", "Road", "Region", "Plot"}
STATUS_LABEL = {
    "Acquisition": "房屋征收", "LandReserve": "土地储备", "LandSale": "土地出让", "ConstructionStarted": "开工建设",
    "SpedUp": "加快建设", "Advanced": "推进", "Launched": "启动", "Completed": "完工", "Opened": "开放",
    "Introduced": "引进", "ToLand": "推动落地", "Drafted": "拟定", "Issued": "印发", "Compiled": "编制",
}
STATEMENT_CLASS = {"problem": PG.Problem, "subtopic": PG.Statement, "theme": PG.Statement}


class EntityTriples:
    """Write one report's entities, events, places, statements and themes into ``rg.graph``."""

    def __init__(self, rg):
        self.rg, self.report = rg, rg.report
        self.iris: dict[tuple[str, str], URIRef] = {}

    def add(self) -> None:
        for entity in self.report.entities:
            self._entity(entity)
        self._works_for()
        for event in self.report.relations.events:
            self._event(event)
        for containment in self.report.relations.containments:
            self._place(containment.inner, containment.outer)
        for theme in self.report.themes:
            self._theme(theme)
        for statement in self.report.statements:
            self._statement(statement)

    def iri(self, named: Named) -> URIRef | None:
        """The IRI of the entity a name belongs to (by its key, or as an alias)."""
        return self.iris.get((IRI_KIND[named.kind], key(named.name)))

    def _entity(self, entity: Entity) -> None:
        rg = self.rg
        iri = rg.mint.document(entity.key, entity.detail) if entity.kind == "PolicyDocument" \
            else rg.mint.thing(entity.iri_kind, entity.key)
        for name in (entity.name, *entity.aliases):
            self.iris[(entity.iri_kind, key(name))] = iri
        rg.add(iri, RDF.type, SDO.Person if entity.kind == "Person" else PG[entity.kind])
        rg.add(iri, RDFS.label, rg.zh(entity.name))
        for alias in entity.aliases:
            rg.add(iri, PG.alias, rg.zh(alias))
        for start, end in entity.mentions:
            rg.add(iri, PG.mention, rg.span(start, end))
        if entity.kind == "PolicyDocument":
            rg.add(iri, DCTERMS.title, rg.zh(entity.name))
            rg.add(iri, PG.documentNumber, Literal(entity.detail) if entity.detail else None)
        if entity.kind == "Person" and entity.detail:
            rg.add(iri, SDO.jobTitle, rg.zh(entity.detail))

    def _works_for(self) -> None:
        """The presenter works for the body named in the office line (区发改局局长 → 区发改局)."""
        meta = self.report.meta
        person = self.iris.get(("person", key(meta.presenter or "")))
        body = self.iris.get(("org", key(meta.organization or "")))
        if person and body:
            self.rg.add(person, SDO.worksFor, body)

    def _period(self, modality: str) -> URIRef:
        meta = self.report.meta
        if modality == "Achieved":
            return self.rg.period(meta.reviewed or meta.period)
        # an annual report's or plan's plan is for its planned year; a half-year report's for the next half
        planned = meta.planned if meta.genre in ("annual", "plan") and meta.planned else next_period(meta.period)
        return self.rg.period(planned)

    def _event(self, event: StatusEvent) -> None:
        rg, subject = self.rg, self.iri(event.subject)
        if subject is None:
            return
        start, end = event.subject.start, event.subject.end
        iri = Minter.part(rg.iri, "event", f"{start}-{end}/{event.status}")
        rg.add(iri, RDF.type, PG.StatusEvent)
        rg.add(iri, RDFS.label, rg.zh(f"{event.subject.name} · {STATUS_LABEL[event.status]}"))
        rg.add(iri, PG.about, subject)
        rg.add(iri, PG.status, PG[event.status])
        rg.add(iri, PG.modality, PG[event.modality])
        rg.add(iri, SDMX_DIMENSION.refPeriod, self._period(event.modality))
        rg.add(iri, PG.sentence, rg.sentence_iri(event.sentence.number))
        rg.add(iri, PROV.wasDerivedFrom, rg.span(start, end))
        for agent in event.agents:
            rg.add(iri, PG.agent, self.iri(agent))
        if event.area:
            self._place(event.subject, event.area)

    def _place(self, inner: Named, outer: Named) -> None:
        """A project lies in a place (schema:location); a place within a place (schema:containedInPlace)."""
        a, b = self.iri(inner), self.iri(outer)
        if a is None or b is None or a == b:
            return
        self.rg.add(a, SDO.location if inner.kind not in PLACES else SDO.containedInPlace, b)

    def _theme(self, theme: ThemeConcept) -> None:
        rg, iri = self.rg, self.rg.mint.thing("theme", theme.name)
        rg.add(iri, RDF.type, PG.ThemeConcept)
        rg.add(iri, RDF.type, SKOS.Concept)
        rg.add(iri, SKOS.prefLabel, rg.zh(theme.name))
        rg.add(iri, RDFS.label, rg.zh(theme.name))
        rg.add(iri, PG.mention, rg.span(theme.start, theme.end))
        if theme.broader:
            rg.add(iri, SKOS.broader, rg.mint.thing("theme", theme.broader))
        for related in theme.related:
            rg.add(iri, SKOS.related, rg.mint.thing("theme", related))

    def _statement(self, statement: Statement) -> None:
        rg = self.rg
        key_ = f"problem/{statement.number}" if statement.kind == "problem" else f"{statement.start}-{statement.end}"
        iri = Minter.part(rg.iri, "statement", key_) if statement.kind != "problem" else \
            Minter.part(rg.iri, "problem", statement.number)
        if statement.kind == "theme":
            iri = URIRef(f"{iri}/{rg.mint.thing('theme', statement.about).rsplit('/', 1)[1]}")
        rg.add(iri, RDF.type, STATEMENT_CLASS[statement.kind])
        rg.add(iri, RDFS.label, rg.zh(statement.label))
        rg.add(iri, PG.modality, PG[statement.modality])
        rg.add(iri, SDMX_DIMENSION.refPeriod, self._period(statement.modality))
        rg.add(iri, SDO.position, Literal(statement.number) if statement.number else None)
        rg.add(iri, PG.section, rg.section_iri(statement.section) if statement.section else None)
        rg.add(iri, PG.sentence, rg.sentence_iri(statement.sentence) if statement.sentence else None)
        rg.add(iri, PROV.wasDerivedFrom, rg.span(statement.start, statement.end))
        if statement.about:
            rg.add(iri, PG.about, rg.mint.thing("theme", statement.about))
        if statement.kind == "subtopic":
            self._sentence_modality(statement)

    def _sentence_modality(self, statement: Statement) -> None:
        """Mark every sentence of the sub-topic's paragraph achieved or planned."""
        for paragraph in self.report.outline.paragraphs:
            if paragraph.section == statement.section:
                for sentence in paragraph.sentences:
                    self.rg.add(self.rg.sentence_iri(sentence.number), PG.modality, PG[statement.modality])


def add_entity_triples(rg) -> None:
    """Add the entities, relations and statements of ``rg.report`` to its graph."""
    EntityTriples(rg).add()
