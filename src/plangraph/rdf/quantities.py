"""Triples of the task-text quantities: a pg:Quantity (or pg:Ranking) per figure, traced to its span."""
from __future__ import annotations

from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import PROV, RDF, RDFS, SDO, XSD

from ..read.quantities import Quantity
from .iris import Minter
from .vocab import PG, SDMX_DIMENSION


def decimal(value: Decimal) -> Literal:
    """An xsd:decimal in canonical form (98.10 → "98.1", 100.0 → "100"), the form triple stores keep.

    The text's own form stays in the figure's quote; a store that rewrote "98.10" would break a round trip.
    """
    return Literal(format(Decimal(str(value)).normalize(), "f"), datatype=XSD.decimal)


def add_quantities(rg) -> None:
    """Add every quantity of ``rg.report`` to the ReportGraph ``rg``."""
    for quantity in rg.report.quantities:
        add_quantity(rg, quantity)


def quantity_iri(report_iri, quantity: Quantity):
    """The IRI of a quantity: its report and span."""
    return Minter.part(report_iri, "quantity", f"{quantity.start}-{quantity.end}")


def add_quantity(rg, quantity: Quantity) -> None:
    """Add one quantity: value, unit, qualifier, what it measures, period, modality, sentence and span."""
    iri, figure = quantity_iri(rg.iri, quantity), quantity.figure
    meta = rg.report.meta
    rg.add(iri, RDF.type, PG.Quantity)
    rg.add(iri, RDFS.label, rg.zh(quantity.label))
    rg.add(iri, PG.measures, rg.zh(quantity.measures) if quantity.measures else None)
    if quantity.rank is not None:
        rg.add(iri, RDF.type, PG.Ranking)
        rg.add(iri, PG.rank, Literal(quantity.rank, datatype=XSD.integer))
        rg.add(iri, PG.scope, rg.zh(quantity.scope))
        rg.add(iri, PG.value, decimal(figure.value))
    else:
        rg._value(iri, figure.value, figure.unit_label, figure.normalized)
        if quantity.low is not None:
            rg.add(iri, SDO.minValue, decimal(quantity.low))
            rg.add(iri, SDO.maxValue, decimal(figure.value))
    if figure.qualifier:
        rg.add(iri, PG.qualifier, PG[figure.qualifier])
    period = f"{meta.year}-S2" if quantity.planned and rg.half == "S1" else meta.period
    rg.add(iri, SDMX_DIMENSION.refPeriod, rg.period(period))
    rg.add(iri, PG.modality, PG.Planned if quantity.planned else PG.Achieved)
    rg.add(iri, PG.sentence, rg.sentence_iri(quantity.sentence.number))
    rg.add(iri, PROV.wasDerivedFrom, rg.span(quantity.start, quantity.end))
