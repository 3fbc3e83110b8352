"""Line up indicators whose names differ across reports, from a checked-in mapping table, visibly.

Each stated name keeps its own IRI (iris.py: same name → same IRI), so nothing is merged blindly. The table
``data/indicator-map.csv`` links two names with a SKOS mapping property and says why in its ``why`` column;
the links go into the graph ``id/graph/indicator-map`` with the reason as a ``skos:editorialNote``, and only
for indicators the dataset holds, so adding a report adds links but never changes an IRI.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from ..errors import InputError
from ..paths import indicator_map_file
from .graph import new_graph
from .iris import Minter

# The relations a row may name, each with an example row of the table.
RELATIONS = {
    "exactMatch": SKOS.exactMatch,      # 地方一般公共预算收入,exactMatch,一般公共预算收入
    "closeMatch": SKOS.closeMatch,      # 全社会固定资产投资,closeMatch,固定资产投资
    "broader": SKOS.broader,            # 城镇居民人均可支配收入,broader,居民人均可支配收入
    "narrower": SKOS.narrower,
    "relatedMatch": SKOS.relatedMatch,
}
MAP_FILE = indicator_map_file()


@dataclass(frozen=True)
class Mapping:
    """One row of the table: ``name`` relation ``other``, and why."""

    name: str
    relation: str
    other: str
    why: str


def read_mappings(path: str | Path = MAP_FILE) -> tuple[Mapping, ...]:
    """Read the mapping table; a row with an unknown relation or no reason is an error."""
    path = Path(path)
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except OSError as error:
        raise InputError(f'Cannot read the indicator mapping table "{path}": {error}. Restore it from git.') from None
    return tuple(_mapping(path, number, row) for number, row in enumerate(rows, start=2))


def _mapping(path: Path, number: int, row: dict) -> Mapping:
    mapping = Mapping(*(str(row.get(k) or "").strip() for k in ("name", "relation", "other", "why")))
    if mapping.relation not in RELATIONS:
        raise InputError(f'{path}, line {number}: relation "{mapping.relation}" is unknown; '
                         f'expected one of {", ".join(RELATIONS)}.')
    if not (mapping.name and mapping.other and mapping.why):
        raise InputError(f"{path}, line {number}: a row needs a name, another name and a reason (why).")
    return mapping


@lru_cache(maxsize=1)
def default_mappings() -> tuple[Mapping, ...]:
    """The project's checked-in mapping table, read once."""
    return read_mappings()


def link_indicators(present: set[URIRef], minter: Minter, mappings: tuple[Mapping, ...] | None = None) -> Graph:
    """Return the graph of mapping links between the ``present`` indicators (``id/graph/indicator-map``)."""
    mappings = default_mappings() if mappings is None else mappings
    graph = new_graph(minter.iri("id/graph/indicator-map"))
    for row in mappings:
        one, other = minter.thing("indicator", row.name), minter.thing("indicator", row.other)
        if one in present and other in present:
            graph.add((one, RELATIONS[row.relation], other))
            graph.add((one, SKOS.editorialNote,
                       Literal(f"{row.name} skos:{row.relation} {row.other}: {row.why}", lang="zh")))
            graph.add((graph.identifier, RDFS.comment, Literal(
                "Links between indicator names of different reports, from data/indicator-map.csv", lang="en")))
            graph.add((graph.identifier, RDFS.comment, Literal(
                "不同报告中指标名称之间的对照关系,出自 data/indicator-map.csv", lang="zh")))
    return graph
