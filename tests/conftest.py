"""Fixtures that build the world from the checked-in reports: the seed report, its dataset, a store, an app."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plangraph.read.report import read_report
from plangraph.store.build import build_store
from plangraph.store.export import as_rdflib

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "reports" / "wuchang-2021-h1.txt"
TEST_REPORTS = ROOT / "tests" / "reports"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report():
    return read_report(SEED)


@pytest.fixture(scope="session")
def seed_store(seed_report):
    return build_store([seed_report]).store


@pytest.fixture(scope="session")
def seed_dataset(seed_store):
    """The seed's dataset in rdflib, for tests that use rdflib's API."""
    return as_rdflib(seed_store)


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    """A project folder of its own (PLANGRAPH_HOME) holding the seed report, so builds never touch the checkout."""
    reports = tmp_path / "data" / "reports"
    reports.mkdir(parents=True)
    shutil.copy(SEED, reports / SEED.name)
    monkeypatch.setenv("PLANGRAPH_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def app(seed_store):
    from plangraph.web import create_app
    app = create_app({"PLANGRAPH_STORE": seed_store, "TESTING": True})
    return app


@pytest.fixture()
def client(app):
    return app.test_client()
