"""Progress of build, export and publish: drawn on a terminal, silent in a pipe or with --quiet."""
from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from plangraph.store.progress import Meter, line

SEED = Path(__file__).resolve().parents[2] / "data" / "reports" / "wuchang-2021-h1.txt"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_line_says_done_of_total_rate_and_time_left():
    assert line("build", 40, 100, 20.0, "reports") == "build 40/100 reports, 2.0/s, 30 s left"
    assert line("export", 100, 100, 130.0, "graphs") == "export 100/100 graphs, 0.8/s, 2 min 10 s"


def test_a_meter_draws_on_a_terminal_and_ends_the_line():
    clock = iter([0.0, 1.0, 1.05, 2.0]).__next__
    stream = Terminal()
    meter = Meter("build", stream, "reports", clock=clock)
    for done in (1, 2, 3, 4):
        meter(done, 4)
    drawn = stream.getvalue()
    assert drawn.count("\r") == 3  # 3/4 came 0.05 s after 2/4: not drawn again
    assert "build 4/4 reports" in drawn and drawn.endswith("\n")


def test_a_meter_is_silent_in_a_file_or_pipe():
    stream = io.StringIO()
    meter = Meter("build", stream)
    meter(1, 2)
    meter(2, 2)
    assert stream.getvalue() == ""


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "plangraph", *args]


def _in_terminal(command: list[str], env: dict) -> str:
    """Run a command with a pseudo-terminal as its standard error and return what it drew there."""
    main, child = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture()
def env(project):
    return {**os.environ, "PLANGRAPH_HOME": str(project)}


def test_build_shows_progress_on_a_terminal(env, tmp_path):
    drawn = _in_terminal(_cli("build", str(SEED), "-o", str(tmp_path / "g.trig")), env)
    assert "build 1/1 reports" in drawn and "/s" in drawn


def test_build_is_quiet_in_a_pipe(env, tmp_path):
    done = subprocess.run(_cli("build", str(SEED), "-o", str(tmp_path / "g.trig")), capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0 and "1/1" not in done.stderr and "\r" not in done.stderr


def test_quiet_silences_progress_on_a_terminal(env, tmp_path):
    drawn = _in_terminal(_cli("build", str(SEED), "-o", str(tmp_path / "g.trig"), "--quiet"), env)
    assert "1/1" not in drawn


def test_export_shows_progress_on_a_terminal(env, tmp_path):
    subprocess.run(_cli("build"), env=env, check=True, capture_output=True)  # the project's dataset
    drawn = _in_terminal(_cli("export", "--format", "nquads", "-o", str(tmp_path / "g.nq")), env)
    assert "export" in drawn and "graphs" in drawn
