"""Describe the document a report was read from, and what its portal's metadata table says of it.

The original is a ``dcat:Distribution`` of the report: its media type, size in bytes, SHA-256 (``spdx:checksum``,
as DCAT 3 does), where it is downloaded here (``dcat:downloadURL``, the file kept beside the data) and, when it
was fetched, the address it came from (``dcat:accessURL``). The portal's metadata become statements of the
report itself, each label by the property of the table below.
"""
from __future__ import annotations

import re
from typing import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, XSD

from ..read.entities import key
from .iris import Minter
from .vocab import PG, SPDX

MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
DATE = re.compile(r"^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$")   # 2023-08-30, 2023年8月30日


def _date(rg, value: str):
    match = DATE.match(value.strip())
    return Literal(f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}", datatype=XSD.date) if match else None


def _publisher(rg, value: str) -> URIRef:
    """The publishing body as the organisation it is (its name, as every report that names it has it)."""
    iri = rg.mint.thing("org", key(value))
    rg.add(iri, RDF.type, PG.GovernmentBody)
    rg.add(iri, RDFS.label, rg.zh(value))
    return iri


# A portal's metadata label → (property of the report, how the value becomes its object, an example value).
PORTAL_PROPERTIES: dict[str, tuple[URIRef, Callable, str]] = {
    "索引号": (PG.indexNumber, lambda rg, v: Literal(v), "11340104003142709K/202308-00047"),
    "发布机构": (DCTERMS.publisher, _publisher, "合肥市蜀山区发展和改革委员会"),
    "成文日期": (DCTERMS.created, _date, "2023-08-30"),
    "发布日期": (DCTERMS.issued, _date, "2023-09-05"),
    "发文字号": (PG.documentNumber, lambda rg, v: Literal(v), "蜀发改〔2023〕15号"),
    "主题分类": (DCTERMS.subject, lambda rg, v: rg.zh(v), "国民经济管理"),
    "公开方式": (DCTERMS.accessRights, lambda rg, v: rg.zh(v), "主动公开"),
}


def add_original(rg) -> None:
    """Add the report's original document and its portal metadata to the report graph ``rg``."""
    for label, value in rg.report.portal:
        prop, make, _example = PORTAL_PROPERTIES[label]
        rg.add(rg.iri, prop, make(rg, value))
    original = rg.report.original
    if original is None:
        return
    dist = Minter.part(rg.iri, "distribution", "original")
    checksum = URIRef(f"{dist}#sha256")
    rg.add(rg.iri, DCAT.distribution, dist)
    rg.add(dist, RDF.type, DCAT.Distribution)
    rg.add(dist, DCTERMS.title, Literal(original.name))
    rg.add(dist, DCAT.mediaType, URIRef(MEDIA_TYPES + original.media_type))
    # xsd:integer (DCAT 3 says nonNegativeInteger): stores keep derived integer types as xsd:integer
    rg.add(dist, DCAT.byteSize, Literal(original.size, datatype=XSD.integer))
    rg.add(dist, DCAT.downloadURL, rg.mint.original(original.stored_name))
    rg.add(dist, DCAT.accessURL, URIRef(original.url) if original.url else None)
    rg.add(dist, SPDX.checksum, checksum)
    rg.add(checksum, RDF.type, SPDX.Checksum)
    rg.add(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
    rg.add(checksum, SPDX.checksumValue, Literal(original.sha256, datatype=XSD.hexBinary))
