"""The persistent on-disk store: written whole by build --store, opened read-only by serve --store."""
import pyoxigraph
import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.errors import InputError
from plangraph.store.embedded import finish, new_store_dir, open_store_dir, store_size
from plangraph.web import create_app

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(store) -> int:
    return int(next(iter(store.query(COUNT)))["n"].value)


def write_store(quads, path):
    """Write quads to a new on-disk store at ``path`` the way build --store does; return it reopened read-only."""
    with new_store_dir(path) as fresh:
        store = pyoxigraph.Store(str(fresh))
        store.bulk_extend(quads)
        finish(store)
        del store  # closing the RocksDB handle before the folder moves
    return open_store_dir(path)


def test_a_written_store_holds_every_quad_and_opens_read_only(tmp_path, seed_store):
    quads = list(seed_store)
    store = write_store(quads, tmp_path / "store")
    assert count(store) == len(quads) and store_size(tmp_path / "store") > 0
    with pytest.raises((OSError, RuntimeError)):
        store.add(quads[0])  # read-only: a server never changes what it serves


def test_writing_again_replaces_the_store_whole(tmp_path, seed_store):
    quads = list(seed_store)
    write_store(quads, tmp_path / "store")
    assert count(write_store(quads[:10], tmp_path / "store")) == 10
    assert [p.name for p in tmp_path.iterdir()] == ["store"]  # no temporary folder left behind


def test_a_folder_that_is_not_a_store_is_left_alone(tmp_path, seed_store):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("买菜", encoding="utf-8")
    with pytest.raises(InputError, match="is not a plangraph store"):
        write_store(seed_store, tmp_path / "notes")
    assert (tmp_path / "notes" / "todo.txt").exists()


def test_opening_a_missing_store_names_the_fix(tmp_path):
    with pytest.raises(InputError, match='plangraph build --store'):
        open_store_dir(tmp_path / "nowhere")


def test_build_store_then_serve_it_without_reparsing(project, tmp_path):
    result = CliRunner().invoke(main, ["build", "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert not (project / "data" / "built" / "plangraph.trig").exists()  # only the store was asked for
    app = create_app({"PLANGRAPH_STORE_PATH": str(tmp_path / "store"), "TESTING": True})
    response = app.test_client().get("/sparql", query_string={
        "query": 'ASK { ?r a pg:Report ; pg:period/skos:notation "2021-S1" }'})
    assert response.status_code == 200 and response.get_json()["boolean"] is True


def test_serve_takes_one_source_only(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path), "--sparql", "http://127.0.0.1:1/query"])
    assert result.exit_code == 2 and "Serve one source" in result.output


def test_the_store_keeps_every_statement_as_built(seed_report):
    """Oxigraph keeps derived integer types (xsd:nonNegativeInteger …) as xsd:integer: plangraph must not use them."""
    from plangraph.rdf.iris import Minter
    from plangraph.store.build import build_piece, build_store
    piece = build_piece(seed_report, Minter().base, check=False)
    built = {q.triple for q in pyoxigraph.parse(piece.ntriples, pyoxigraph.RdfFormat.N_TRIPLES)}
    store = build_store([seed_report], check=False).store
    assert {q.triple for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(piece.iri))} == built


def test_a_build_that_does_not_conform_leaves_the_old_store_whole(project, tmp_path, monkeypatch):
    from plangraph import api
    from plangraph.errors import ValidationFailed
    from plangraph.store import build
    from plangraph.store.validation import Outcome
    api.build(store=tmp_path / "store")
    before = count(open_store_dir(tmp_path / "store"))
    monkeypatch.setattr(build, "validate", lambda graph: Outcome(False, ()))
    with pytest.raises(ValidationFailed):
        api.build(store=tmp_path / "store")
    assert count(open_store_dir(tmp_path / "store")) == before
    assert [p.name for p in tmp_path.iterdir() if "store" in p.name] == ["store"]  # no half-built store left
