"""Every command fails cleanly: a message and an exit code, never a traceback, nothing half-written or left over.

In-process with click's runner where the failure can be staged there; as real processes for what only a
process shows: kill -9 of a build, a port in use, SIGTERM of serve.
"""
from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED, TEST_REPORTS
from servers import free_port, wait_until_answering

from plangraph.cli import main
from plangraph.store.embedded import open_store_dir

CORPUS = [str(SEED), *map(str, sorted(TEST_REPORTS.glob("*.txt"))[:3])]  # four reports: the build uses workers
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
 <rdf:Description rdf:about="https://w3id.org/plangraph/id/place/x"><rdfs:label>&h;</rdfs:label></rdf:Description>
</rdf:RDF>
"""


@pytest.fixture()
def runner():
    return CliRunner()


def _clean(result, code: int, *words: str) -> None:
    """The command ended with ``code`` and a message holding ``words``, and no traceback."""
    assert result.exit_code == code, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), \
        f"{type(result.exception).__name__}: {result.exception}"
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output


def _no_work(monkeypatch) -> None:
    """Fail the test if a build starts: a location must be refused before the reports are read."""
    import plangraph.store.build as build

    def refuse(*args, **kwargs):
        raise AssertionError("the build started before its output location was checked")
    monkeypatch.setattr(build, "build_store", refuse)


@pytest.mark.parametrize("option", ["--output", "--store"])
def test_an_unwritable_location_is_refused_before_the_build(project, runner, tmp_path, monkeypatch, option):
    blocker = tmp_path / "a-file"
    blocker.write_text("不是文件夹", encoding="utf-8")
    _no_work(monkeypatch)
    target = blocker / ("out.trig" if option == "--output" else "store")
    _clean(runner.invoke(main, ["build", option, str(target)]), 2, str(blocker))


def test_a_read_only_location_is_refused_before_the_build(project, runner, monkeypatch):
    _no_work(monkeypatch)
    _clean(runner.invoke(main, ["build", "--output", "/proc/plangraph-out.trig"]), 2, "/proc")


def test_output_naming_a_folder_is_refused(project, runner, tmp_path):
    _clean(runner.invoke(main, ["export", "--format", "turtle", "-o", str(tmp_path)]), 2, "folder")
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_full_disk_is_a_message_and_leaves_no_file(project, runner, tmp_path, monkeypatch):
    import plangraph.store.export as export
    from plangraph.api import ensure_built
    ensure_built()  # the disk fills up while the export is written, not while the dataset is built

    def full(store, fmt, output=None, progress=None):
        output.write(b"@prefix pg: <https://w3id.org/plangraph/def#> .\n")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(export, "serialize", full)
    out = tmp_path / "out.ttl"
    _clean(runner.invoke(main, ["export", "--format", "turtle", "-o", str(out)]), 2, "No space left", "out.ttl")
    assert not out.exists() and not list(tmp_path.glob(".out.ttl.*"))


@pytest.mark.parametrize("args", [["--workers", "-3"], ["--query-timeout", "0"], ["--max-rows", "-1"],
                                  ["--max-query-length", "0"], ["--threads", "0"], ["--cache-size", "-1"],
                                  ["--port", "70000"]])
def test_serve_refuses_option_values_out_of_range(runner, args):
    result = runner.invoke(main, ["serve", *args])
    assert result.exit_code == 2 and args[0] in result.output and "range" in result.output


def test_publish_refuses_no_attempts(runner):
    result = runner.invoke(main, ["publish", "--to", "http://127.0.0.1:9/store", "--attempts", "0"])
    assert result.exit_code == 2 and "--attempts" in result.output


def test_an_empty_data_file_does_not_conform(runner, tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix pg: <https://w3id.org/plangraph/def#> .\n", encoding="utf-8")
    _clean(runner.invoke(main, ["validate", str(empty)]), 2, "empty.ttl", "no statements")


def test_utf16_without_a_bom_is_named(project, runner, tmp_path):
    report = tmp_path / "utf16.txt"
    report.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16-le"))
    _clean(runner.invoke(main, ["build", str(report), "-o", str(tmp_path / "out.trig")]), 2, "UTF-16", "iconv")


def test_a_symlink_loop_is_named_as_such(project, runner, tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    _clean(runner.invoke(main, ["build", str(loop), "-o", str(tmp_path / "out.trig")]), 2, "loop.txt", "loop")
    _clean(runner.invoke(main, ["validate", str(loop)]), 2, "loop")


@pytest.mark.parametrize("command", [["validate"], ["query", "ASK { ?s ?p ?o }", "-d"], ["serve"]])
def test_billion_laughs_rdfxml_is_refused_quickly(runner, tmp_path, command):
    bomb = tmp_path / "laughs.rdf"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    _clean(runner.invoke(main, [*command, str(bomb)]), 2, "laughs.rdf", "entit")
    assert time.monotonic() - started < 10


def test_a_new_store_folder_follows_the_umask(project, runner, tmp_path):
    old = os.umask(0o022)
    try:
        _clean(runner.invoke(main, ["build", "--store", str(tmp_path / "store")]), 0)
    finally:
        os.umask(old)
    assert (tmp_path / "store").stat().st_mode & 0o777 == 0o755


def test_a_stale_temporary_folder_of_a_dead_build_is_removed(project, runner, tmp_path):
    dead = _dead_pid()
    stale = [tmp_path / f".store.{dead}.x1y2.tmp", tmp_path / f".out.trig.{dead}.z3.tmp"]
    stale[0].mkdir()
    stale[1].write_bytes(b"half")
    live = tmp_path / f".store.{os.getpid()}.live.tmp"
    live.mkdir()
    _clean(runner.invoke(main, ["build", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "out.trig")]), 0)
    assert not any(p.exists() for p in stale) and live.exists()


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


# Real processes: kill -9, ports, signals. Each child carries a marker in its environment, so that any process
# it left behind (a worker outliving its parent) is found by it.

def _marked_env() -> tuple[dict, str]:
    marker = uuid.uuid4().hex
    return {**os.environ, "PLANGRAPH_TEST_MARKER": marker}, marker


def _processes(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if f"PLANGRAPH_TEST_MARKER={marker}".encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _none_left(marker: str, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while _processes(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _processes(marker)


@pytest.fixture(scope="module")
def old_store(tmp_path_factory):
    """A store of the seed report alone: what a killed rebuild must leave serving."""
    from plangraph.api import build
    path = tmp_path_factory.mktemp("kill") / "store"
    built = build([SEED], store=path)
    del built
    return path


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.parametrize("moment", ["starting", "workers", "writing"])
def test_kill_9_of_a_store_build_leaves_the_old_store_and_no_process(old_store, moment):
    env, marker = _marked_env()
    build = subprocess.Popen([sys.executable, "-m", "plangraph", "build", *CORPUS, "--store", str(old_store)],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    folder = old_store.parent
    if moment == "starting":
        time.sleep(0.3)
    elif moment == "workers":
        assert _wait_for(lambda: len(_processes(marker)) > 1, 60), "no worker process started"
    else:
        assert _wait_for(lambda: any(p.is_dir() and any(p.iterdir()) for p in folder.glob(".store.*.tmp")), 90)
    build.kill()
    build.wait(10)
    assert _none_left(marker), f"processes left running: {_processes(marker)}"
    store = open_store_dir(old_store)
    reports = {g.value for g in store.named_graphs() if "/id/report/" in g.value}
    assert len(reports) in (1, 4)  # the old store, or the new one if the kill came after the swap
    del store
    rebuilt = subprocess.run([sys.executable, "-m", "plangraph", "build", str(SEED), "--store", str(old_store)],
                             env=env, capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not list(folder.glob(".store.*")), "the next build left a temporary folder behind"


def test_a_port_in_use_is_a_message(tmp_path):
    data = tmp_path / "one.ttl"
    data.write_text('<https://w3id.org/plangraph/id/place/x> <http://www.w3.org/2000/01/rdf-schema#label> "武昌区"@zh .\n',
                    encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env, marker = _marked_env()
        done = subprocess.run([sys.executable, "-m", "plangraph", "serve", str(data), "--port",
                               str(port)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and str(port) in done.stderr and "in use" in done.stderr
    assert "Traceback" not in done.stderr
    assert _none_left(marker)


def test_sigterm_of_serve_removes_its_export_files(seed_store, tmp_path):
    from plangraph.store.export import serialize
    from plangraph.store.formats import by_name
    data = tmp_path / "seed.trig"
    data.write_bytes(serialize(seed_store, by_name("trig")))
    temp = tmp_path / "tmp"
    temp.mkdir()
    env, marker = _marked_env()
    env["TMPDIR"] = str(temp)
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "plangraph", "serve", str(data), "--port", str(port),
                              "--workers", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", serve)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/export.nt", timeout=30).read()
        assert list(temp.glob("plangraph-exports-*"))
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.communicate(timeout=30)
    assert serve.returncode in (0, -signal.SIGTERM, 128 + signal.SIGTERM)
    assert not list(temp.iterdir()), f"left in the temporary folder: {list(temp.iterdir())}"
    assert _none_left(marker)
