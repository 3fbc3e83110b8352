"""Tables derived from the served store, computed once when the app is created.

The served data never changes while serving, and the same joins ran on every request: the spans of a report
(its outline, sentences and the things marked in its text) took most of its page, 25 ms of the seed's at 100
reports, an indicator's districts were counted from all its figures in the corpus, and each download of a
plan-fulfilment table joined the targets and results of every report again. Each table is computed
for every report or indicator at once, in one query each, and holds what a page shows and nothing more. Only
for the embedded store: an external endpoint's data may change, so its pages ask it per request.
"""
from __future__ import annotations

from typing import Callable

import pyoxigraph
from flask import Flask, current_app


def prepare(app: Flask, builders: dict[str, Callable]) -> None:
    """Compute each table (name → function of the store) of the app's store, when it is an embedded one."""
    store = app.extensions["plangraph.store"]
    embedded = isinstance(store, pyoxigraph.Store)
    app.extensions["plangraph.derived"] = {name: build(store) for name, build in builders.items()} if embedded else {}


def derived(name: str):
    """The derived table ``name`` of the running app, or None when its store has none (ask the store)."""
    return current_app.extensions.get("plangraph.derived", {}).get(name)
