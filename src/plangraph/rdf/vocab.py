"""The vocabularies plangraph writes, each declared once.

``PG`` lists every term of plangraph's own ontology (``ontology/plangraph.ttl``); a misspelt term raises
at the call site instead of minting a new IRI, and ``tests/test_vocab.py`` checks this list against the
ontology file. W3C and schema.org terms come from rdflib's own closed namespaces where it has them.
"""
from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    QB,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    TIME,
    VOID,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = "https://w3id.org/plangraph/def"


class PG(DefinedNamespace):
    """plangraph's own terms: only what no W3C or schema.org term says."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Report: URIRef
    Presentation: URIRef
    Meeting: URIRef
    TextSegment: URIRef
    Part: URIRef
    Block: URIRef
    Theme: URIRef
    SubTopic: URIRef
    Paragraph: URIRef
    Sentence: URIRef
    Indicator: URIRef
    IndicatorGroup: URIRef
    Figure: URIRef
    FigureRole: URIRef
    Unit: URIRef
    Qualifier: URIRef
    Derivation: URIRef
    Period: URIRef
    District: URIRef
    # places, projects, organisations, documents, people
    FunctionalArea: URIRef
    Street: URIRef
    Community: URIRef
    WaterBody: URIRef
    Road: URIRef
    Region: URIRef
    Plot: URIRef
    Project: URIRef
    GovernmentBody: URIRef
    Enterprise: URIRef
    School: URIRef
    Hospital: URIRef
    PolicyDocument: URIRef
    # what the text says of them
    StatusEvent: URIRef
    Status: URIRef
    Quantity: URIRef
    Ranking: URIRef
    Statement: URIRef
    Problem: URIRef
    ThemeConcept: URIRef
    Modality: URIRef
    IndicatorNature: URIRef
    Direction: URIRef
    ReportGenre: URIRef
    AdministrativeLevel: URIRef
    Notice: URIRef
    # plan fulfilment (ontology/fulfilment.ttl)
    Fulfilment: URIRef
    FulfilmentOutcome: URIRef

    # properties
    district: URIRef
    period: URIRef
    year: URIRef
    section: URIRef
    sentence: URIRef
    indicator: URIRef
    role: URIRef
    value: URIRef
    normalizedValue: URIRef
    unit: URIRef
    scale: URIRef
    baseUnit: URIRef
    qualifier: URIRef
    derivation: URIRef
    computedFrom: URIRef
    basePeriod: URIRef
    scope: URIRef
    rankedBy: URIRef
    indicatorGroup: URIRef
    estimated: URIRef
    statedText: URIRef
    mention: URIRef
    presentation: URIRef
    presenter: URIRef
    office: URIRef
    meeting: URIRef
    about: URIRef
    status: URIRef
    agent: URIRef
    modality: URIRef
    measures: URIRef
    rank: URIRef
    alias: URIRef
    documentNumber: URIRef
    indexNumber: URIRef
    nature: URIRef
    direction: URIRef
    genre: URIRef
    level: URIRef
    divisionCode: URIRef
    reviewedPeriod: URIRef
    plannedPeriod: URIRef
    titleInferred: URIRef
    notice: URIRef

    # individuals: report genres and administrative levels
    genres: URIRef
    HalfYearReport: URIRef
    ThreeQuarterReport: URIRef
    QuarterReport: URIRef
    AnnualReport: URIRef
    AnnualPlan: URIRef
    levels: URIRef
    ProvinceLevel: URIRef
    CityLevel: URIRef
    CountyLevelCity: URIRef
    CountyLevel: URIRef
    DistrictLevel: URIRef
    place: URIRef
    target: URIRef
    partYearResult: URIRef
    fullYearResult: URIRef
    outcome: URIRef
    gap: URIRef
    otherTarget: URIRef

    # individuals: figure roles
    TargetGrowth: URIRef
    TargetLevel: URIRef
    TargetQualitative: URIRef
    ResultLevel: URIRef
    ResultQualitative: URIRef
    YearOnYearGrowth: URIRef
    GrowthVsBase: URIRef
    ShareOfTarget: URIRef
    AverageGrowth: URIRef
    ChangeInPoints: URIRef
    PartPeriodGrowth: URIRef
    Comparison: URIRef
    Rank: URIRef
    GapToTarget: URIRef
    ChangeSinceStartOfYear: URIRef
    # individuals: qualifiers
    AtLeast: URIRef
    MoreThan: URIRef
    About: URIRef
    Within: URIRef
    # individuals: derivations
    Stated: URIRef
    Computed: URIRef
    # individuals: statuses of projects, enterprises and documents in a period
    Acquisition: URIRef
    LandReserve: URIRef
    LandSale: URIRef
    ConstructionStarted: URIRef
    SpedUp: URIRef
    Advanced: URIRef
    Launched: URIRef
    Completed: URIRef
    Opened: URIRef
    Introduced: URIRef
    ToLand: URIRef
    Drafted: URIRef
    Issued: URIRef
    Compiled: URIRef
    # individuals: modality of a statement
    Achieved: URIRef
    Planned: URIRef
    # individuals: nature and direction of an indicator
    Anticipatory: URIRef
    Binding: URIRef
    HigherIsBetter: URIRef
    LowerIsBetter: URIRef
    # individuals: outcomes of a fulfilment
    Met: URIRef
    Missed: URIRef
    NotYetKnown: URIRef
    # concept schemes
    roles: URIRef
    qualifiers: URIRef
    derivations: URIRef
    statuses: URIRef
    modalities: URIRef
    natures: URIRef
    directions: URIRef
    outcomes: URIRef
    # the data structure of figures
    figureStructure: URIRef


OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SPDX = Namespace("http://spdx.org/rdf/terms#")   # checksums of distributions, as DCAT 3 recommends
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")

PREFIXES = {
    "pg": PG._NS, "oa": OA, "prov": PROV, "qb": QB, "skos": SKOS, "schema": SDO, "dcterms": DCTERMS,
    "dcat": DCAT, "void": VOID, "org": ORG, "foaf": FOAF, "time": TIME, "owl": OWL, "rdf": RDF,
    "rdfs": RDFS, "xsd": XSD, "sh": SH, "sdmx-dimension": SDMX_DIMENSION, "sdmx-attribute": SDMX_ATTRIBUTE,
    "spdx": SPDX,
}

__all__ = ["PG", "OA", "SDMX_DIMENSION", "SDMX_ATTRIBUTE", "SPDX", "PREFIXES", "ONTOLOGY_IRI"]
