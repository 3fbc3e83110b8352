"""The place page: what lies in a place, the projects there and what happened to each."""
from __future__ import annotations

from ...store.query import run_query
from .describe import labels, node
from .terms import pick

# Things in the place, directly or through a place within it (武汉长江中心 → 滨江商务区 → 武昌区).
INSIDE = """SELECT DISTINCT ?x ?type WHERE {{
  ?x (schema:containedInPlace|schema:location)+ {p} . OPTIONAL {{ ?x a ?type }}
}}"""

EVENTS = """SELECT ?x ?e ?status ?modality ?period ?sentence WHERE {{
  VALUES ?x {{ {things} }}
  ?e a pg:StatusEvent ; pg:about ?x .
  OPTIONAL {{ ?e pg:status ?status }} OPTIONAL {{ ?e pg:modality ?modality }}
  OPTIONAL {{ ?e sdmx-dimension:refPeriod ?period }} OPTIONAL {{ ?e pg:sentence ?sentence }}
}} ORDER BY ?x ?period ?e"""


def place(store, iri: str, lang: str) -> dict:
    """Each thing in the place with its types, and the status events about it."""
    things: dict[str, set[str]] = {}
    for row in run_query(store, INSIDE.format(p=node(iri))):
        things.setdefault(row["x"].value, set()).update([row["type"].value] if row["type"] is not None else [])
    if not things:
        return {"things": []}
    events: dict[str, list[dict]] = {}
    rows = list(run_query(store, EVENTS.format(things=" ".join(node(x) for x in sorted(things)))))
    wanted = set(things) | {t for ts in things.values() for t in ts}
    wanted |= {r[k].value for r in rows for k in ("status", "modality", "period") if r[k] is not None}
    names = labels(store, wanted)

    def name(term_iri):
        return pick(names.get(term_iri, {}), lang) if term_iri in names else None

    for r in rows:
        events.setdefault(r["x"].value, []).append({
            "iri": r["e"].value,
            **{k: (r[k].value if r[k] is not None else None) for k in ("status", "modality", "period", "sentence")},
            **{f"{k}_label": name(r[k].value) if r[k] is not None else None for k in ("status", "modality", "period")},
        })
    listed = [{"iri": x, "label": name(x) or x, "types": sorted(filter(None, (name(t) for t in types))),
               "events": events.get(x, [])} for x, types in things.items()]
    return {"things": sorted(listed, key=lambda t: (not t["events"], t["label"]))}
