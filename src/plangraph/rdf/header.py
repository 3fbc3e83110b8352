"""Triples of what a report says about itself: its place and level, genre, periods, title, header and notice."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from .vocab import PG

GENRES = {"half-year": PG.HalfYearReport, "three-quarters": PG.ThreeQuarterReport, "quarter": PG.QuarterReport,
          "annual": PG.AnnualReport, "plan": PG.AnnualPlan}
LEVELS = {"province": PG.ProvinceLevel, "city": PG.CityLevel, "county-level-city": PG.CountyLevelCity,
          "county": PG.CountyLevel, "district": PG.DistrictLevel}


def add_report(rg) -> None:
    """The report as a document: its label, title, text, place, periods, genre, portal fields and notice."""
    meta, iri = rg.report.meta, rg.iri
    rg.add(iri, RDF.type, PG.Report)
    rg.add(iri, RDFS.label, rg.zh(meta.label))
    rg.add(iri, DCTERMS.title, rg.zh(meta.title) if meta.title else None)
    rg.add(iri, PG.titleInferred, Literal(True) if meta.title_inferred else None)
    rg.add(iri, DCTERMS.identifier, Literal(rg.report.name))
    rg.add(iri, SDO.text, Literal(rg.report.text))
    rg.add(iri, DCTERMS.language, Literal("zh"))
    rg.add(iri, PG.district, _place(rg))
    rg.add(iri, PG.period, rg.period(meta.period))
    rg.add(iri, PG.year, Literal(str(meta.year), datatype=XSD.gYear))
    rg.add(iri, PG.genre, GENRES.get(meta.genre))
    if meta.reviewed and meta.reviewed != meta.period:
        rg.add(iri, PG.reviewedPeriod, rg.period(meta.reviewed))
    if meta.planned and meta.planned != meta.period:
        rg.add(iri, PG.plannedPeriod, rg.period(meta.planned))
    _header(rg)
    _notice(rg)
    _presentation(rg)


def _place(rg) -> URIRef:
    """The place the report is about, its level and code, and the city it lies in."""
    meta = rg.report.meta
    place = rg.mint.district(meta.district, meta.city)
    rg.add(place, RDF.type, PG.District)
    rg.add(place, RDFS.label, rg.zh(meta.district))
    if meta.city:
        rg.add(place, SKOS.altLabel, rg.zh(meta.city + meta.district))
        rg.add(place, SDO.addressLocality, rg.zh(meta.city))
        city = rg.mint.district(meta.city, None)
        rg.add(place, SDO.containedInPlace, city)
        rg.add(city, RDF.type, PG.District)
        rg.add(city, RDFS.label, rg.zh(meta.city))
    rg.add(place, PG.level, LEVELS.get(meta.level))
    rg.add(place, PG.divisionCode, Literal(meta.code) if meta.code else None)
    return place


def _header(rg) -> None:
    """The portal's fields (索引号, 发布机构, 成文日期 …) as the report's description, dates and publisher."""
    meta, iri = rg.report.meta, rg.iri
    if meta.portal:
        rg.add(iri, DCTERMS.description, rg.zh("；".join(f"{key}：{value}" for key, value in meta.portal)))
        rg.add(iri, PROV.wasDerivedFrom, rg.span(*meta.portal_span) if meta.portal_span else None)
    rg.add(iri, DCTERMS.created, _date(meta.created))
    rg.add(iri, DCTERMS.issued, _date(meta.issued))
    rg.add(iri, DCTERMS.publisher, organization(rg, meta.publisher))
    rg.add(iri, DCTERMS.creator, organization(rg, meta.issuer))
    if meta.title_span and not meta.title_inferred:
        rg.add(iri, PROV.wasDerivedFrom, rg.span(*meta.title_span))


def _notice(rg) -> None:
    """The notice that publishes a plan: its title, 文号, issuing body and date, traced to its line."""
    notice = rg.report.meta.notice
    if notice is None:
        return
    iri = rg.mint.document(notice.title, notice.number)
    rg.add(rg.iri, PG.notice, iri)
    rg.add(iri, RDF.type, PG.Notice)
    rg.add(iri, RDFS.label, rg.zh(notice.title))
    rg.add(iri, DCTERMS.title, rg.zh(notice.title))
    rg.add(iri, PG.documentNumber, Literal(notice.number) if notice.number else None)
    rg.add(iri, DCTERMS.publisher, organization(rg, notice.issuer))
    rg.add(iri, DCTERMS.issued, _date(notice.date))
    rg.add(iri, PG.mention, rg.span(*notice.span))


def _presentation(rg) -> None:
    """The report as an event: presented by its presenter to a meeting on a date."""
    meta = rg.report.meta
    if not (meta.date or meta.meeting or meta.presenter):
        return
    event = URIRef(f"{rg.iri}/presentation")
    rg.add(rg.iri, PG.presentation, event)
    rg.add(event, RDF.type, PG.Presentation)
    rg.add(event, RDFS.label, rg.zh(f"{meta.presenter or ''}在{meta.meeting or '会议'}上作报告"))
    rg.add(event, SDO.startDate, _date(meta.date))
    if meta.meeting:
        meeting = rg.mint.thing("meeting", meta.meeting)
        rg.add(event, PG.meeting, meeting)
        rg.add(meeting, RDF.type, PG.Meeting)
        rg.add(meeting, RDFS.label, rg.zh(meta.meeting))
    if meta.occasion_span:
        rg.add(event, PROV.wasDerivedFrom, rg.span(*meta.occasion_span))
    if meta.presenter:
        person = rg.mint.thing("person", meta.presenter)
        rg.add(event, PG.presenter, person)
        rg.add(event, PG.office, rg.zh(meta.office) if meta.office else None)
        rg.add(person, RDF.type, SDO.Person)
        rg.add(person, RDFS.label, rg.zh(meta.presenter))
        rg.add(person, SDO.jobTitle, rg.zh(meta.office) if meta.office else None)
        if meta.presenter_span:
            rg.add(event, PROV.wasDerivedFrom, rg.span(*meta.presenter_span))


def organization(rg, name: str | None) -> URIRef | None:
    """A government body named in the header (济南市历下区人民政府), as a schema:GovernmentOrganization."""
    if not name:
        return None
    iri = rg.mint.thing("org", name)
    rg.add(iri, RDF.type, PG.GovernmentBody)
    rg.add(iri, RDFS.label, rg.zh(name))
    return iri


def _date(value) -> Literal | None:
    return Literal(value.isoformat(), datatype=XSD.date) if value else None
